"""The modern Project Gutenberg markers: each a line of its own (set in or not, in any case),
the body between them counted to the right line, and an end marker above the start ignored."""

from __future__ import annotations

from teikit.parse.gutenberg import find_wrapping
from teikit.parse.lines import split_lines

BODY = "Chapter I\n\nIt was a dark night.\n\nThe end.\n"


def _wrapping(text: str) -> tuple[int, int, bool]:
    found = find_wrapping(split_lines(text))
    assert found is not None
    return found.body_start, found.body_end, found.marked


def test_markers_bound_the_body_to_the_line() -> None:
    text = "Header line\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n" + BODY
    text += "\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\nlicence\n"
    lines = split_lines(text)
    start, end, marked = _wrapping(text)
    assert marked
    assert lines[start - 1].text.startswith("*** START")
    assert lines[end].text.startswith("*** END")


def test_marker_set_in_or_without_spaces_is_still_a_marker() -> None:
    text = (
        "   ***START OF THIS PROJECT GUTENBERG EBOOK X\n"
        + BODY
        + "\t*** end of this project gutenberg ebook x\n"
    )
    lines = split_lines(text)
    start, end, _ = _wrapping(text)
    assert start == 1
    assert lines[end].text.strip().startswith("*** end")


def test_marker_words_inside_a_line_are_no_marker() -> None:
    text = "He wrote: *** START OF THE PROJECT GUTENBERG EBOOK, he said.\n" + BODY
    found = find_wrapping(split_lines(text))
    assert found is None or not found.marked


def test_an_end_marker_above_the_start_is_not_the_end() -> None:
    text = (
        "*** END OF THE PROJECT GUTENBERG EBOOK OLD ***\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n"
        + BODY
        + "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n"
    )
    lines = split_lines(text)
    start, end, _ = _wrapping(text)
    assert start == 3
    assert end == len(lines) - 2 and lines[end].text.endswith("EBOOK X ***")
