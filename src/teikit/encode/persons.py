"""Document persons → ``profileDesc/particDesc/listPerson`` (``person`` / ``personGrp``).

Each person gets its ``xml:id`` (the target of every ``@who``), ``@role`` (with ``author`` added
when the person is the document's author, so the speaker is linked to the header's author), its
name and every variant the text uses (``persName type="variant"``: "Comrade Stalin", "STALIN").
Collective speakers (ALL, BOTH) are ``personGrp`` with ``name`` children.
"""

from __future__ import annotations

from lxml import etree

from ..model import Person
from .tei import el


def write_partic_desc(profile: etree._Element, persons: tuple[Person, ...]) -> None:
    if not persons:
        return
    list_person = el(el(profile, "particDesc"), "listPerson")
    for person in persons:
        write_person(list_person, person)


def write_person(parent: etree._Element, person: Person) -> etree._Element:
    tag = "personGrp" if person.group else "person"
    roles = [r for r in person.role.split() if r]
    if person.is_author and "author" not in roles:
        roles.append("author")
    node = el(parent, tag, xml_id=person.id, role=" ".join(roles) or None, sex=person.sex or None)
    name_tag = "name" if person.group else "persName"
    el(node, name_tag, person.name or person.id)
    for variant in dict.fromkeys(person.names):
        if variant and variant != person.name:
            el(node, name_tag, variant, type="variant")
    if person.description:
        el(node, "note", person.description)
    return node
