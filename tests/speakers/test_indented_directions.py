"""A play that sets its directions in further than its speeches ("          Enter WAGNER."):
each such line is a stage direction, not a quotation; inside a speech it stays there, and the
speaker goes on after it."""

from __future__ import annotations

from teikit.model import LineGroup, Quote, Speech, Stage, walk
from teikit.parse import parse_text
from teikit.parse.speakers.inlines import plain

SPEECHES = [
    "     FAUSTUS. Settle thy studies, Faustus, and begin\n"
    "     To sound the depth of that thou wilt profess:",
    "     WAGNER. I will, sir.",
    "     VALDES. Faustus, these books, thy wit, and our experience\n"
    "     Shall make all nations to canonize us.",
    "     CORNELIUS. The miracles that magic will perform\n"
    "     Will make thee vow to study nothing else.",
]


def _play() -> str:
    body: list[str] = []
    for _ in range(4):
        body += SPEECHES
        body.append("          Enter GOOD ANGEL and EVIL ANGEL.")
        body.append("     FAUSTUS. Come, German Valdes, and Cornelius,\n     And make me blest.")
        body.append("          Enter WAGNER.")
        body.append(
            "     Wagner, commend me to my dearest friends,\n"
            "     The German Valdes and Cornelius;\n"
            "     Request them earnestly to visit me."
        )
        body.append("          [Exeunt.]")
    return "THE TRAGICAL HISTORY OF DOCTOR FAUSTUS\n\n\n\nSCENE I.\n\n" + "\n\n".join(body) + "\n"


def test_indented_directions_are_stage_directions() -> None:
    document = parse_text(_play())
    assert not any(isinstance(b, Quote) for b in walk(document.body))
    stages = [plain(b.content) for b in walk(document.body) if isinstance(b, Stage)]
    assert stages.count("Enter WAGNER.") == 4
    assert stages.count("Enter GOOD ANGEL and EVIL ANGEL.") == 4


def test_speech_goes_on_after_a_direction_inside_it() -> None:
    document = parse_text(_play())
    speeches = [b for b in walk(document.body) if isinstance(b, Speech)]
    goes_on = [
        s
        for s in speeches
        if any(isinstance(b, Stage) and plain(b.content) == "Enter WAGNER." for b in s.blocks)
    ]
    assert len(goes_on) == 4
    for speech in goes_on:
        assert speech.speaker == "FAUSTUS."
        last = speech.blocks[-1]
        assert isinstance(last, LineGroup) and len(last.lines) == 3
        assert plain(last.lines[0].content).startswith("Wagner, commend me")  # type: ignore[union-attr]


def test_direction_set_in_under_the_last_line_of_verse_is_not_a_verse_line() -> None:
    """ "This night I'll conjure, though I die therefore." / "          [Exeunt.]": the speech
    keeps its verse and the direction follows it."""
    closing = (
        "     FAUSTUS. Then come and dine with me, and, after meat,\n"
        "     We'll canvass every quiddity thereof;\n"
        "     This night I'll conjure, though I die therefore.\n"
        "          [Exeunt.]"
    )
    text = _play().replace("          [Exeunt.]", closing)
    document = parse_text(text)
    closing_speeches = [
        b
        for b in walk(document.body)
        if isinstance(b, Speech) and "Then come and dine" in plain(_first_text(b))
    ]
    assert len(closing_speeches) == 4
    for speech in closing_speeches:
        assert isinstance(speech.blocks[0], LineGroup) and len(speech.blocks[0].lines) == 3
    stages = [plain(b.content) for b in walk(document.body) if isinstance(b, Stage)]
    assert stages.count("[Exeunt.]") == 4


def _first_text(speech: Speech) -> tuple[object, ...]:
    first = speech.blocks[0]
    if isinstance(first, LineGroup):
        return first.lines[0].content  # type: ignore[union-attr]
    return first.content  # type: ignore[union-attr]
