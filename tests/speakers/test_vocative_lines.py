"""A line of speech that opens with a name and a comma ("Daughter, well met.", "Don Carlos, te
voilà pris dans ton propre piège.") is no label with a direction ("ROSINE, à part.") in a
play that prints its labels in the other case: it stays in the speech it belongs to."""

from __future__ import annotations

from teikit.model import Speech, walk
from teikit.parse import parse_text
from teikit.parse.speakers.inlines import plain

SCENE = [
    "DUCHESS. Who meets us here? my niece Plantagenet,\n"
    "Led in the hand of her kind aunt of Gloucester?",
    "ANNE. God give your graces both a happy\nAnd a joyful time of day!",
    "DAUGHTER. Now, for my life, she's wandering to the Tower.",
    "DUCHESS. As much to you, good sister! Whither away?",
    "Enter BRAKENBURY.",
    "ANNE. No farther than the Tower; and, as I guess,\nUpon the like devotion as yourselves.",
    "Daughter, well met.",
]


def _play() -> str:
    return "KING RICHARD III\n\n\n\nSCENE I.\n\n" + "\n\n".join(SCENE * 5) + "\n"


def test_name_and_comma_in_the_speech_stays_speech() -> None:
    document = parse_text(_play())
    speeches = [b for b in walk(document.body) if isinstance(b, Speech)]
    assert not [s.speaker for s in speeches if "well met" in s.speaker]
    anne = [s for s in speeches if s.speaker == "ANNE." and "Tower; and" in plain_of(s)]
    assert len(anne) == 5 and all("Daughter, well met." in plain_of(s) for s in anne)


def plain_of(speech: Speech) -> str:
    out = []
    for block in walk(speech.blocks):
        content = getattr(block, "content", None)
        if isinstance(content, tuple):
            out.append(plain(content))
    return " ".join(out)
