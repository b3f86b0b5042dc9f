"""A label that never says a word in the whole text, only directions, is nobody's turn: the
persons on stage named under a scene's heading ("Nathan und der Tempelherr.")."""

from __future__ import annotations

from teikit.model import Division, Paragraph, Speech, Stage, walk
from teikit.parse import parse_text

SCENE = """{n} Auftritt

Nathan und der Tempelherr.


Tempelherr.
So kennt Ihr ihn noch nicht?--ich meine, von
Person.

Nathan.
Wen? den Sultan? Ich kenne ihn nicht, und
will ihn nicht kennen.

Tempelherr. Ihr habt
Sehr lang' Euch bei dem Sultan aufgehalten.

Nathan. Wer ruft?--


"""
PLAY = "Erster Aufzug\n\n\n" + "".join(
    SCENE.format(n=n) for n in ("Erster", "Zweiter", "Dritter", "Vierter")
)


def _scenes(cast_line: str) -> list[Division]:
    """The scenes of a play of three whose scene headings have ``cast_line`` under them."""
    scene = SCENE.replace("Nathan und der Tempelherr.", cast_line)
    text = "Erster Aufzug\n\n\n" + "".join(
        scene.format(n=n) for n in ("Erster", "Zweiter", "Dritter")
    )
    body = parse_text(text, "play.txt").body
    return [b for b in walk(body) if isinstance(b, Division) and b.type == "scene"]


def test_the_persons_named_under_a_scene_heading_are_no_speaker() -> None:
    document = parse_text(PLAY, "play.txt")
    assert sorted(p.name for p in document.persons) == ["Nathan", "Tempelherr"]
    blocks = list(walk(document.body))
    assert {b.who for b in blocks if isinstance(b, Speech)} == {"nathan", "tempelherr"}
    scenes = [b for b in blocks if isinstance(b, Division) and b.type == "scene"]
    assert all(isinstance(s.blocks[0], Paragraph) for s in scenes)


def test_a_speaker_who_speaks_somewhere_keeps_turns_that_are_only_directions() -> None:
    text = PLAY.replace("Nathan. Wer ruft?--", "Nathan. (_geht ab_).", 1)
    document = parse_text(text, "play.txt")
    assert sorted(p.name for p in document.persons) == ["Nathan", "Tempelherr"]


CAST_AGAIN = """{n} Auftritt

Vorige. Daja.


Daja.
Er ist es! Nathan! Gott sei ewig Dank, daß Ihr doch
endlich einmal wiederkommt.

Nathan.
Ja, Daja; Gott sei Dank! Doch warum endlich?

Tempelherr. Ihr habt
Sehr lang' Euch bei dem Sultan aufgehalten.

Vorige.
Daja geht ab.

Nathan. Wer ruft?--


"""


def test_the_persons_already_on_stage_are_nobody() -> None:
    """ "Vorige." (those already on stage), named again over a scene, speaks nowhere."""
    text = PLAY + "".join(CAST_AGAIN.format(n=n) for n in ("Fünfter", "Sechster", "Siebenter"))
    document = parse_text(text, "play.txt")
    assert "vorige" not in {p.id for p in document.persons}
    assert "vorige" not in {b.who for b in walk(document.body) if isinstance(b, Speech)}


def test_a_scene_opening_with_names_only_names_who_is_on_stage() -> None:
    """ "Tempelherr.  Nathan." under a scene's heading is the cast of the scene (a direction);
    the same names further down are turns."""
    scenes = _scenes("Tempelherr.  Nathan.")
    assert scenes and all(isinstance(s.blocks[0], Stage) for s in scenes)
    assert all(isinstance(s.blocks[1], Speech) for s in scenes)


def test_a_name_called_at_a_scenes_opening_is_a_turn() -> None:
    """ "DUKE. Escalus." opening a scene is the Duke calling Escalus: the name is in another
    case than the play's labels."""
    play = (
        "ACT I.\n\nDUKE. Escalus.\n\nESCALUS. My lord.\n\nDUKE. Of government the properties "
        "to unfold would seem in me to affect speech.\n\nESCALUS. I hear, my lord.\n\n"
        "DUKE. Then no more remains.\n\nANGELO. Always obedient to your grace's will.\n"
    )
    act = parse_text(play, "play.txt").body[0]
    assert isinstance(act, Division) and isinstance(act.blocks[0], Speech)
    assert act.blocks[0].speaker == "DUKE."


def test_a_scene_opening_with_those_already_on_stage_is_a_direction() -> None:
    """ "Voriger.  Daja tritt herein." under a scene's heading says who is on stage."""
    scenes = _scenes("Voriger.  Daja tritt herein mit Angst.")
    assert scenes and all(isinstance(s.blocks[0], Stage) for s in scenes)


def test_the_same_day_is_no_cast() -> None:
    scenes = _scenes("The same day, Nathan comes home.")
    assert scenes and not any(isinstance(s.blocks[0], Stage) for s in scenes)
