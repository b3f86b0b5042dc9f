"""Speaker attribution on the real corpus (``TEIKIT_CORPUS``): plays, interviews, hearings.

Counts are checked against independent oracles: simple regular expressions over the raw source
that recognise each file's own label layout (never a character's name), so a regression in
teikit's general rules shows up as a count or sequence mismatch.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from teikit.encode import EncodeOptions, encode
from teikit.model import Block, Division, Document, Editorial, Paragraph, Speech, Stage
from teikit.parse import parse_file

pytestmark = pytest.mark.corpus

PLAYS = {
    # file: oracle for one speech label as it starts a paragraph of the raw source
    "pg844_wilde_importance-of-being-earnest.txt": r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?\.  \S",
    "pg21849_pinero_mind-the-paint-girl.latin1.txt": r"^[A-Z][A-Z .'-]*[A-Z]\.$",
    "pg21937_sigurjonsson_modern-icelandic-plays.latin1.txt": (
        r"^_[A-Z][^_]{0,100}?(?:\._(?:\s|$)|_ \(_)"
    ),
}


def speeches(blocks: tuple[Block, ...]) -> Iterator[Speech]:
    for block in blocks:
        if isinstance(block, Speech):
            yield block
        elif isinstance(block, Division):
            yield from speeches(block.blocks)


def oracle_count(path: Path, pattern: str) -> int:
    lines = (
        path.read_bytes().decode("utf-8" if "latin1" not in path.name else "latin-1").splitlines()
    )
    label = re.compile(pattern)
    start = next(i for i, line in enumerate(lines) if "*** START" in line or "***START" in line)
    end = next(i for i, line in enumerate(lines) if "*** END" in line or "***END" in line)
    return sum(
        1
        for i in range(start, end)
        if label.match(lines[i]) and (i == 0 or not lines[i - 1].strip())
    )


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, Document]:
    folder = corpus / "text" / "gutenberg" / "plays"
    return {name: parse_file(folder / name) for name in PLAYS}


@pytest.mark.parametrize("name", sorted(PLAYS))
def test_play_one_sp_per_speech_with_resolved_who(
    name: str, parsed: dict[str, Document], corpus: Path
) -> None:
    document = parsed[name]
    found = list(speeches(document.body))
    expected = oracle_count(corpus / "text" / "gutenberg" / "plays" / name, PLAYS[name])
    assert document.genre == "play"
    assert abs(len(found) - expected) <= max(3, expected // 100), (len(found), expected)
    ids = {p.id for p in document.persons}
    assert len(ids) == len(document.persons)
    assert all(s.who and all(w in ids for w in s.who.split()) for s in found)
    assert {w for s in found for w in s.who.split()} == ids, "every listed person speaks"


@pytest.mark.parametrize("name", sorted(PLAYS))
def test_play_stage_directions_are_stage(name: str, parsed: dict[str, Document]) -> None:
    """No bracketed direction is left as plain speech text or as a paragraph between turns."""
    leftovers: list[str] = []

    def walk(blocks: tuple[Block, ...], in_speech: bool) -> None:
        for block in blocks:
            if isinstance(block, Speech):
                walk(block.blocks, True)
            elif isinstance(block, Division):
                walk(block.blocks, in_speech)
            elif isinstance(block, Paragraph):
                text = "".join(i for i in block.content if isinstance(i, str))
                if in_speech and "[" in text and "]" in text[text.index("[") :]:
                    leftovers.append(text)

    walk(parsed[name].body, False)
    assert leftovers == []
    stages = [b for b in _all_blocks(parsed[name].body) if isinstance(b, Stage)]
    inline = [
        i
        for b in _all_blocks(parsed[name].body)
        if isinstance(b, Paragraph)
        for i in b.content
        if isinstance(i, Editorial) and i.kind == "stage"
    ]
    assert len(stages) > 50 and len(inline) > 20


def _all_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, (Speech, Division)):
            yield from _all_blocks(block.blocks)


MIA_TURNS = {
    # file: the first turns (speaker label, does the author speak?) as the source prints them
    "mia_robeson_1956_06_12.txt": [
        ("THE CHAIRMAN1:", False),
        ("Mr. ARENS2:", False),
        ("Mr. ROBESON:", True),
        ("Mr. ARENS:", False),
        ("Mr. ROBESON:", True),
        ("Mr. ARENS:", False),
        ("Mr. ROBESON:", True),
        ("Mr. SCHERER3:", False),
    ],
    "mia_hallas_2001_02_egypt.txt": [("IB:", False), ("DH:", None), ("IB:", False), ("DH:", None)],
    "mia_harman_1989_01_bubble.txt": [
        ("SWR:", False),
        ("CH:", None),
        ("SWR:", False),
        ("CH:", None),
    ],
    "mia_malatesta_1884_between-peasants.txt": [
        ("Bert:", False),
        ("George:", False),
        ("Bert:", False),
    ],
    "mia_usa_workers_black-panthers_1998_01_x01.txt": [("Interviewer:", False), ("Davis:", None)],
    "mia_mandel_1976_06_interview.txt": [("Q:", False), ("", None), ("Q:", False), ("", None)],
    "mia_johnstone_1986_04_x01.txt": [
        ("Question:", False),
        ("Monty Johnstone:", True),
        ("Wlodzimierz Brus:", False),
        ("David Lane:", False),
        ("Question:", False),
        ("David:", False),
    ],
}
MIA_GENRES = {
    "mia_robeson_1956_06_12.txt": "hearing",
    "mia_mandel_1976_06_interview.txt": "interview",
    "mia_johnstone_1986_04_x01.txt": "interview",
    "mia_usa_workers_black-panthers_1998_01_x01.txt": "interview",
    "mia_malatesta_1884_between-peasants.txt": "dialogue",
}


@pytest.mark.parametrize("name", sorted(MIA_TURNS))
def test_mia_turn_sequences(name: str, corpus: Path) -> None:
    document = parse_file(corpus / "text" / "mia" / name)
    found = list(speeches(document.body))
    expected = MIA_TURNS[name]
    assert [s.speaker for s in found[: len(expected)]] == [label for label, _ in expected]
    authors = {p.id for p in document.persons if p.is_author}
    for speech, (_, by_author) in zip(found, expected, strict=False):
        if by_author is not None:
            assert (speech.who in authors) == by_author, speech.speaker
    same_label_same_who: dict[str, str] = {}
    for speech in found:
        if speech.speaker:
            assert (
                same_label_same_who.setdefault(speech.speaker.rstrip("0123456789:"), speech.who)
                == speech.who
            )
    if name in MIA_GENRES:
        assert document.genre == MIA_GENRES[name]


def test_prose_texts_get_no_speakers(corpus: Path) -> None:
    for name in (
        "mia_cliff_1988_labour_01-birth.txt",
        "mia_tressell_1914_chap01.txt",
        "mia_lenin_1920_lwc_ch05.txt",
        "mia_allende_1972_december_04.txt",
    ):
        document = parse_file(corpus / "text" / "mia" / name)
        assert list(speeches(document.body)) == [], name


NOVELS = ["pg14263_lane_katrine.txt", "pg3261_morris_news-from-nowhere.txt"]


@pytest.mark.parametrize("name", NOVELS)
def test_novels_get_no_speakers(name: str, corpus: Path) -> None:
    """A novel's few name lines (a half-title, the signatures under quoted letters) make no
    turns, and letters quoted in it do not make it a letter."""
    document = parse_file(corpus / "text" / "gutenberg" / "novels" / name)
    assert list(speeches(document.body)) == []
    assert document.genre not in ("play", "dialogue", "letter")


@pytest.mark.slow
def test_encoded_speaker_documents_validate(
    corpus: Path, tei_all: Path, jing: str, tmp_path: Path
) -> None:
    sources = [corpus / "text" / "gutenberg" / "plays" / name for name in PLAYS]
    sources += [corpus / "text" / "mia" / name for name in sorted(MIA_TURNS)]
    outputs = []
    for source in sources:
        target = tmp_path / (source.stem + ".xml")
        target.write_bytes(encode(parse_file(source), EncodeOptions(when="2026-01-01")))
        outputs.append(target)
    result = subprocess.run(
        [jing, str(tei_all), *map(str, outputs)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[:3000]
