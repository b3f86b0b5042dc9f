"""The line printed under a play's scene heading is its entrance ("Enter Viola, a Captaine, and
Saylors."), a stage direction, not a second heading (First Folio e-texts print one under every
scene)."""

from __future__ import annotations

from teikit.model import Division, Heading, Stage
from teikit.parse import parse_text

SCENE = """Scena {n}.

Enter {who}.

Orsi. If musicke be the food of Loue, play on,
Giue me excesse of it.

Vio. What Country (Friends) is this?

Orsi. That straine agen, it had a dying fall.

Mal. Madam, yond young fellow sweares hee will speake with you.

Exeunt.


"""


def _play(entrances: list[str]) -> str:
    scenes = "".join(
        SCENE.format(n=n, who=who)
        for n, who in zip(["Prima", "Secunda", "Tertia", "Quarta"], entrances, strict=False)
    )
    return "TWELFE NIGHT, OR WHAT YOU WILL\n\n\n\nActus Primus.\n\n\n" + scenes


def _scenes(text: str) -> list[Division]:
    found: list[Division] = []

    def walk(blocks: tuple[object, ...]) -> None:
        for block in blocks:
            if isinstance(block, Division):
                if block.type == "scene":
                    found.append(block)
                walk(block.blocks)

    walk(parse_text(text).body)
    return found


def test_entrance_under_scene_heading_is_a_stage_direction() -> None:
    scenes = _scenes(
        _play(
            [
                "Orsino Duke of Illyria, Curio",
                "Viola, a Captaine, and Saylors",
                "Sir Toby, and Maria",
                "Valentine, and Viola in mans attire",
            ]
        )
    )
    assert len(scenes) == 4
    for scene in scenes:
        assert not any(isinstance(b, Heading) for b in scene.blocks)
        assert isinstance(scene.blocks[0], Stage)
        assert "".join(str(x) for x in scene.blocks[0].content).startswith("Enter ")
