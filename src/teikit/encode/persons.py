"""Document persons → ``profileDesc/particDesc/listPerson`` (``person`` / ``personGrp``)."""

from __future__ import annotations

from lxml import etree

from ..model import Person
from .tei import el


def write_partic_desc(profile: etree._Element, persons: tuple[Person, ...]) -> None:
    if not persons:
        return
    list_person = el(el(profile, "particDesc"), "listPerson")
    for person in persons:
        tag = "personGrp" if person.group else "person"
        node = el(list_person, tag, xml_id=person.id, role=person.role or None, sex=person.sex or None)
        if person.group:
            el(node, "name", person.name)
        else:
            el(node, "persName", person.name)
        for variant in person.names:
            if variant != person.name:
                el(node, "persName", variant, type="variant") if not person.group else el(
                    node, "name", variant, type="variant"
                )
        if person.description:
            el(node, "note", person.description)
