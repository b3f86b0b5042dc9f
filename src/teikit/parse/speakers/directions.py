"""Stage directions a play prints with its speakers' names: in parentheses after a name
("Saladin (ernst).") and, in plays that print them so, as parentheses of their own.

``directions_in_parentheses`` tells such a play (the turn builder then reads a parenthesis
inside a speech as a direction); ``directions_out_of_labels`` makes a label's direction the stage
direction that opens its turn, as editions encode it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Block, Division, Paragraph, Span, Speech, Stage, walk
from .inlines import plain
from .labels import Label, is_name

# Labels with a direction in parentheses and directions in parentheses on their own that show
# a play prints its directions so: French and German plays hundreds, English ones none.
_PARENTHESISED = 10
_PARENTHESIS = re.compile(r"\([^()]*\)[.:]?")


def directions_in_parentheses(blocks: tuple[Block, ...], labelled: list[tuple[Label, int]]) -> bool:
    """The play prints its directions in plain parentheses: after speakers' names ("Saladin
    (ernst).") and as paragraphs of their own ("(Er geht ab.)")."""
    found = sum(1 for label, _ in labelled if "(" in label.verbatim)
    found += sum(
        1
        for block in walk(blocks)
        if isinstance(block, Paragraph) and _PARENTHESIS.fullmatch(plain(block.content).strip())
    )
    return found >= _PARENTHESISED


# A label's direction in parentheses after the name: "Saladin (ernst).", "LIGNIÈRE (qui en est
# à son quatrième petit verre):".
_LABEL_DIRECTION = re.compile(r"^(?P<name>[^()\[\]]*?\S)\s*(?P<direction>\([^()]+\)[.:]?)$")


def directions_out_of_labels(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Each turn whose label carries a direction in parentheses ("Saladin (ernst).") with the
    name as its speaker and the direction as the stage direction that opens the turn, as
    editions encode it (``<speaker>Saladin</speaker><stage>(ernst).</stage>``). A name in the
    parentheses is who speaks ("Chor. (Cajetan.)"): that label stays whole."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Speech):
            match = _LABEL_DIRECTION.match(block.speaker)
            if match is not None and not is_name(match.group("direction").strip("():. _")):
                line = Span(block.span.start, block.span.start)
                block = replace(
                    block,
                    speaker=match.group("name"),
                    blocks=(Stage((match.group("direction"),), line), *block.blocks),
                )
        elif isinstance(block, Division):
            block = replace(block, blocks=directions_out_of_labels(block.blocks))
        out.append(block)
    return tuple(out)
