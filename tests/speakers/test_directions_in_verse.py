"""A play that keeps its lines as printed (no wrapping): a line of a speech that is a direction
in parentheses, perhaps over two lines, is a stage direction between the lines spoken; words in
parentheses that ask or exclaim are an aside, spoken."""

from __future__ import annotations

from teikit.model import LineGroup, Paragraph, Speech, Stage, walk
from teikit.parse import parse_text
from teikit.parse.speakers.inlines import plain

SPEECHES = """CUIGY:
  Suffisamment. Il est cadet aux gardes.
  (Montrant un gentilhomme qui va et vient dans la salle comme s'il
  cherchait quelqu'un):
  Mais son ami Le Bret peut vous dire. . .
  (Il appelle):
  Le Bret !

LE BRET:
  Oui, je suis inquiet !. . .
  (Nun? nur her damit!)

RAGUENEAU:
  Mais vous ignorez donc ?
  Il fit à Montfleury, messieurs, qu'il prit en haine,
  Défense, pour un mois, de reparaître en scène.

CUIGY:
  C'est un garcon versé dans les colichemardes.

LE BRET:
  Noble ?

RAGUENEAU:
  Oh ! oh !
  Moi, je suis venu voir !
"""


def _speeches() -> list[Speech]:
    text = "CYRANO DE BERGERAC\n\n\n\nACTE I.\n\n\n" + "\n".join([SPEECHES] * 4)
    return [b for b in walk(parse_text(text).body) if isinstance(b, Speech)]


def _kinds(speech: Speech) -> list[tuple[str, str]]:
    out = []
    for block in speech.blocks:
        if isinstance(block, Stage):
            out.append(("stage", " ".join(plain(block.content).split())))
        elif isinstance(block, LineGroup):
            out.extend(("line", plain(line.content).strip()) for line in block.lines)
        elif isinstance(block, Paragraph):
            out.extend(("line", line.strip()) for line in plain(block.content).split("\n"))
    return out


def test_direction_lines_are_stage_directions_between_verse_lines() -> None:
    first = _speeches()[0]
    assert _kinds(first) == [
        ("line", "Suffisamment. Il est cadet aux gardes."),
        (
            "stage",
            "(Montrant un gentilhomme qui va et vient dans la salle comme s'il "
            "cherchait quelqu'un):",
        ),
        ("line", "Mais son ami Le Bret peut vous dire. . ."),
        ("stage", "(Il appelle):"),
        ("line", "Le Bret !"),
    ]


def test_an_aside_in_parentheses_is_spoken() -> None:
    second = _speeches()[1]
    assert _kinds(second) == [
        ("line", "Oui, je suis inquiet !. . ."),
        ("line", "(Nun? nur her damit!)"),
    ]


GERMAN = """Saladin (ernst).  Wo bleibt er? (Er sieht sich um.) Noch immer nicht?

Sittah (zu Saladin).  Geduld, Bruder. (Nun? nur her damit!) Er kommt.

Saladin.  Ich warte nicht gern.

(Nathan tritt herein.)

Nathan.  Hier bin ich, Sultan.
"""
ENGLISH = """ORSINO.  If music be the food of love, play on; (as I think it is)
give me excess of it.

VIOLA.  What country, friends, is this?

ORSINO.  That strain again!
"""


def _inline_stages(text: str) -> list[str]:
    from teikit.model import Editorial

    document = parse_text("DER SULTAN\n\n\n\nERSTER AUFZUG\n\n\n" + text)
    return [
        inline.text
        for block in walk(document.body)
        if isinstance(block, Paragraph)
        for inline in block.content
        if isinstance(inline, Editorial) and inline.kind == "stage"
    ]


def test_a_play_printing_directions_in_parentheses_marks_them_inside_speeches() -> None:
    stages = _inline_stages("\n".join([GERMAN] * 4))
    assert stages.count("(Er sieht sich um.)") == 4
    assert "(Nun? nur her damit!)" not in stages  # an aside: it asks and exclaims


def test_parentheses_in_a_play_that_prints_no_directions_so_are_speech() -> None:
    assert _inline_stages("\n".join([ENGLISH] * 6)) == []


def test_a_labels_direction_opens_the_turn_as_a_stage_direction() -> None:
    """ "Saladin (ernst).": the speaker is Saladin, "(ernst)." the direction opening the turn."""
    text = "DER SULTAN\n\n\n\nERSTER AUFZUG\n\n\n" + "\n".join([GERMAN] * 4)
    speeches = [b for b in walk(parse_text(text).body) if isinstance(b, Speech)]
    assert [s.speaker for s in speeches[:3]] == ["Saladin", "Sittah", "Saladin."]
    first = speeches[0].blocks[0]
    assert isinstance(first, Stage) and plain(first.content) == "(ernst)."
