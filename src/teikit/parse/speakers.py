"""Speaker attribution (first version): reported speech with a reporting clause.

``I am convinced—Comrade Stalin said in conclusion—that …`` becomes two ``Said`` runs attributed
to the person named in the reporting clause, which stays outside them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Document, Paragraph, Person, Said

_REPORTED = re.compile(
    r"^(?P<before>.+?)(?P<dash>[—–]|--)(?P<clause>(?:[A-Z][\w.]*\s){1,4}?(?:said|declared|added|"
    r"continued|replied|answered|stated|remarked)\b[^—–]*?)(?P=dash)(?P<after>.+)$"
)


def attribute_speakers(document: Document) -> Document:
    persons: dict[str, Person] = {}
    author = document.metadata.front_text("author") or ""
    body: list[Block] = []
    for block in document.body:
        if isinstance(block, Paragraph) and len(block.content) == 1 and isinstance(block.content[0], str):
            match = _REPORTED.match(block.content[0])
            if match:
                person = _person_for(match.group("clause"), author, persons)
                block = Paragraph(
                    (
                        Said(person.id, (match.group("before"),)),
                        match.group("dash") + match.group("clause") + match.group("dash"),
                        Said(person.id, (match.group("after"),)),
                    ),
                    block.span,
                )
        body.append(block)
    return replace(document, body=tuple(body), persons=tuple(persons.values()))


def _person_for(clause: str, author: str, persons: dict[str, Person]) -> Person:
    words = [w for w in re.findall(r"[A-Z][\w]+", clause) if w not in {"Comrade", "Mr", "Mrs"}]
    surname = words[-1] if words else "speaker"
    is_author = bool(author) and surname.lower() in author.lower()
    name = author if is_author else surname
    pid = re.sub(r"[^a-z0-9]+", "-", surname.lower()).strip("-") or "speaker"
    if pid not in persons:
        persons[pid] = Person(pid, name, (clause.strip(),), role="speaker", is_author=is_author)
    return persons[pid]
