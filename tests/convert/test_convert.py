"""Converters on real TEI: every corpus sample converts to every format, keeps the text of its
paragraphs, lines, speakers and heads, is deterministic, and JSON matches the published schema."""

from __future__ import annotations

import bisect
import difflib
import json
import re
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree
from markdown_it import MarkdownIt

from teikit.cli import main
from teikit.convert import CONVERTERS, convert
from teikit.convert.reader import example_code
from teikit.errors import ConversionError, InputError

ROOT = Path(__file__).resolve().parents[2]
NS = {"t": "http://www.tei-c.org/ns/1.0"}
SMALL = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc>
</teiHeader><text><body><div type="act"><head>ACT I</head><sp who="#a"><speaker>ANNA.</speaker>
<p>Hello <note n="1">A note.</note>there.</p><stage>[Exit.]</stage></sp>
<lg><l>one line</l><l>two line</l></lg><list><item>first</item><item>second</item></list>
<p>Before <foo xmlns="urn:x">foreign words</foo> after.</p></div></body></text></TEI>"""


def samples(corpus: Path) -> list[Path]:
    return sorted((corpus / "tei" / "samples").glob("*/*.xml")) + sorted(
        (corpus / "tei" / "stylesheets-tests").glob("*/input.xml")
    )


# Numbered note markers ([1], [^1], [12*]) are added by the profiles and may stand in the source.
NOTE_MARK = re.compile(r"\[\^?\d{1,3}\*?\]")


def squash(text: str) -> str:
    """Letters and digits only: markup, escaping and spacing differ between formats."""
    return re.sub(r"[\W_]+", "", text).lower()


def reading_text(node: etree._Element) -> str:
    """The element's text without its notes (the profiles move notes to the end); an example
    of markup (egXML) is shown as the markup itself."""
    parts = [node.text or ""]
    for child in node:
        # Comments and processing instructions are not text; notes move to the end.
        if isinstance(child.tag, str) and etree.QName(child).localname == "egXML":
            parts.append(example_code(child))
        elif isinstance(child.tag, str) and etree.QName(child).localname != "note":
            parts.append(reading_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@cache
def converted(path: Path, to: str) -> str:
    return convert(path, to).output


@pytest.mark.parametrize("to", sorted(CONVERTERS))
def test_small_document_every_format(to: str) -> None:
    result = convert(SMALL, to)
    assert result.output.strip()
    assert [d.code for d in result.diagnostics] == ["convert-unhandled-element"]
    # Line and column as ``validate`` gives them: just past the start tag '<foo xmlns="urn:x">'.
    assert (result.diagnostics[0].line, result.diagnostics[0].col) == (6, 30)
    assert convert(SMALL, to).output == result.output  # deterministic


def test_text_profile_of_small_document() -> None:
    out = convert(SMALL, "text").output
    assert out.split("\n\n") == [
        "ACT I",
        "ANNA. Hello [1]there.",
        "[Exit.]",
        "one line",
        "two line",
        "first",
        "second",
        "Before foreign words after.",
        "Notes",
        "[1] A note.\n",
    ]


def test_strict_turns_loss_into_error() -> None:
    with pytest.raises(ConversionError):
        convert(SMALL, "html", strict=True)


def test_not_tei_and_not_xml_are_refused() -> None:
    with pytest.raises(ConversionError):
        convert(b"<html/>", "text")
    with pytest.raises(InputError):
        convert(b"<TEI", "text")


def test_cli_bad_input_leaves_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["convert", str(bad), "--to", "html", "-o", str(out)])
    assert result.exit_code == 2 and "bad.xml:1:" in result.stderr
    assert not out.exists()


def test_html_has_header_panel_notes_linked_both_ways() -> None:
    html = convert(SMALL, "html").output
    doc = etree.fromstring(html.split("\n", 1)[1].encode(), etree.HTMLParser())
    assert doc.xpath("//header[@class='tei-header']/h1/text()") == ["T"]
    ref = doc.xpath("//a[@class='noteref']")[0]
    note_id = ref.get("href")[1:]
    note = doc.xpath(f"//li[@id='{note_id}']")[0]
    assert note.xpath(".//a[@class='backref']/@href") == [f"#{ref.get('id')}"]
    assert doc.xpath("//*[@class='speaker']/text()") == ["ANNA."]


def test_markdown_parses_back_to_the_same_structure() -> None:
    tokens = MarkdownIt("commonmark").parse(convert(SMALL, "markdown").output)
    headings = [t for t in tokens if t.type == "heading_open"]
    items = [t for t in tokens if t.type == "list_item_open"]
    strong = [t for t in tokens if t.type == "inline" and "ANNA." in t.content]
    assert len(headings) == 2 and len(items) == 2 and strong


@pytest.mark.corpus
def test_every_sample_converts_keeping_its_text(corpus: Path) -> None:
    problems = []
    for path in samples(corpus):
        tree = etree.parse(str(path))
        wanted = [
            squash(NOTE_MARK.sub(" ", reading_text(n)))
            for n in tree.xpath(
                "//t:text//t:p | //t:text//t:l | //t:text//t:speaker | //t:text//t:head",
                namespaces=NS,
            )
        ]
        for to in ("text", "html", "markdown"):
            output = converted(path, to)
            if to == "html":
                page = etree.fromstring(output.encode(), etree.HTMLParser())
                # note markers (sup) and a bare <ptr>'s URL shown as its link text are not
                # source text
                output = " ".join(
                    page.xpath("//body//text()[not(ancestor::sup)][not(parent::a[@class='ptr'])]")
                )
            elif to == "markdown":
                output = re.sub(r"\\(.)", r"\1", output)  # undo CommonMark escaping
            output = NOTE_MARK.sub(" ", output)
            haystack = squash(output)
            lost = [w for w in wanted if w and w not in haystack]
            if lost:
                problems.append(
                    f"{path.name} --to {to}: {len(lost)} of {len(wanted)} lost, e.g. {lost[0][:60]}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.corpus
def test_json_matches_published_schema(corpus: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "teikit-json.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for path in samples(corpus):
        errors = list(validator.iter_errors(json.loads(converted(path, "json"))))
        assert not errors, f"{path.name}: {errors[0].message}"


def in_order_matches(wanted: list[str], text: list[str]) -> int:
    """How many of ``wanted`` appear in ``text`` in the same order (the longest common
    subsequence, near enough). Words that occur once on each side anchor the two sides to each
    other (their longest increasing run, as patience diff does); difflib then matches the
    short stretches between anchors. difflib on a whole 1.5 MB fixture takes minutes."""

    def once(words: list[str]) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i, w in enumerate(words):
            seen[w] = -1 if w in seen else i
        return {w: i for w, i in seen.items() if i >= 0}

    theirs, ours = once(wanted), once(text)
    pairs = sorted((i, ours[w]) for w, i in theirs.items() if w in ours)
    anchors = _longest_increasing(pairs)
    found, prev_a, prev_b = 0, 0, 0
    for a, b in [*anchors, (len(wanted), len(text))]:
        matcher = difflib.SequenceMatcher(None, wanted[prev_a:a], text[prev_b:b], autojunk=False)
        found += sum(block.size for block in matcher.get_matching_blocks())
        found += a < len(wanted)  # the anchor itself
        prev_a, prev_b = a + 1, b + 1
    return found


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by their first item) whose second items increase."""
    tails: list[int] = []  # tails[k]: index in pairs of the smallest end of a run of length k+1
    ends: list[int] = []  # the second items of those pairs
    back: list[int] = []
    for index, (_, b) in enumerate(pairs):
        k = bisect.bisect_left(ends, b)
        back.append(tails[k - 1] if k else -1)
        if k == len(tails):
            tails.append(index)
            ends.append(b)
        else:
            tails[k], ends[k] = index, b
    out = []
    at = tails[-1] if tails else -1
    while at >= 0:
        out.append(pairs[at])
        at = back[at]
    return out[::-1]


def test_in_order_matches_counts_only_words_in_order() -> None:
    assert in_order_matches("a b c d".split(), "a x b y c d".split()) == 4
    assert in_order_matches("a b c".split(), "c b a".split()) == 1
    assert in_order_matches("a b".split(), []) == 0


@pytest.mark.corpus
def test_stylesheets_fixtures_same_text_in_same_order(corpus: Path) -> None:
    """Expected outputs from the TEI Consortium's stylesheets: our text covers theirs, in order."""
    report = []
    for case in sorted((corpus / "tei" / "stylesheets-tests").glob("*_*")):
        source = case / "input.xml"
        if not source.exists():
            continue
        for expected in sorted(case.glob("expected.*")):
            fmt = {".html": "html", ".html5": "html", ".md": "markdown", ".txt": "text"}.get(
                expected.suffix
            )
            if fmt is None:
                continue
            theirs = expected.read_text(encoding="utf-8", errors="replace")
            if fmt == "html":
                body = etree.fromstring(theirs.encode(), etree.HTMLParser()).xpath("//body")
                theirs = " ".join(body[0].itertext()) if body else theirs
            ours = converted(source, fmt)
            if fmt == "html":
                ours = " ".join(
                    etree.fromstring(ours.encode(), etree.HTMLParser()).xpath("//body//text()")
                )
            # Only words of the source's own text count: the stylesheets add generated labels,
            # tables of contents and tag names that are presentation, not text.
            source_words = set(
                re.findall(
                    r"\w+",
                    " ".join(
                        etree.parse(str(source)).xpath("//*[local-name()='text']//text()")
                    ).lower(),
                )
            )
            words = [w for w in re.findall(r"\w+", theirs.lower()) if w in source_words]
            found = in_order_matches(words, re.findall(r"\w+", ours.lower()))
            coverage = found / len(words) if words else 1.0
            report.append((case.name, expected.name, coverage))
    assert report
    print(
        "\n".join(
            f"{case} {name}: {coverage:.1%} of the expected words, in order"
            for case, name, coverage in report
        )
    )
    # What is left out is presentation the stylesheets add (numbered headings, a table of
    # contents in another place), not text: the lowest is 09_testCorpus1 at 85.7%.
    low = [r for r in report if r[2] < 0.8]
    assert not low, f"text coverage below 80%: {low}"
    assert sum(r[2] for r in report) / len(report) >= 0.93


EXAMPLE = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>y</p></sourceDesc></fileDesc>
</teiHeader><text><body><p>The element <gi>l</gi> holds a line:</p>
<egXML xmlns="http://www.tei-c.org/ns/Examples">
  <lg>
    <l>Shall I compare thee &amp; thee?</l>
  </lg>
</egXML></body></text></TEI>"""
EXAMPLE_CODE = "<lg>\n  <l>Shall I compare thee &amp; thee?</l>\n</lg>"


def test_an_example_of_markup_is_shown_as_code() -> None:
    html = convert(EXAMPLE, "html")
    page = etree.fromstring(html.output.encode(), etree.HTMLParser())
    assert page.xpath("string(//pre[@class='example']/code)") == EXAMPLE_CODE
    assert not page.xpath("//span[@class='l']")  # the example's line is not a line of the text
    fences = [
        t for t in MarkdownIt().parse(convert(EXAMPLE, "markdown").output) if t.type == "fence"
    ]
    assert [(t.info, t.content) for t in fences] == [("xml", EXAMPLE_CODE + "\n")]
    blocks = json.loads(convert(EXAMPLE, "json").output)["blocks"]
    assert [b["type"] for b in blocks[0]["children"]] == ["p", "code"]
    assert html.diagnostics == []


def test_a_credit_kept_as_printed_is_shown_once() -> None:
    """A respStmt whose note keeps the credit's wording shows that wording, not its name and
    then the wording again as if it were a second name."""
    from teikit.encode import EncodeOptions, encode
    from teikit.parse import parse_text

    text = (
        "A. Writer\n\nA Title\n\nSource: Labor Action, 1949.\n"
        "Marked up by Einde O’Callaghan for the Marxists’ Internet Archive.\n\n"
        "The first paragraph of the body, long enough to be prose and nothing else.\n"
    )
    xml = encode(parse_text(text, "t.txt"), EncodeOptions(when="2026-01-01"))
    page = convert(xml, "html").output
    assert isinstance(page, str)
    assert page.count("Einde O’Callaghan") == 1


def test_markdown_keeps_a_line_break_as_a_break() -> None:
    """``lb`` is a CommonMark hard break: a reader renders it as a break, not a space."""
    from markdown_it import MarkdownIt

    xml = _tei_body(b"<p>one<lb/>two</p>")
    markdown = convert(xml, "markdown").output
    assert isinstance(markdown, str)
    assert "<p>one<br />\ntwo</p>" in MarkdownIt().render(markdown)


def test_markdown_nests_a_list_inside_an_item() -> None:
    """A list inside an item is set under it, indented, so CommonMark reads it as nested; it
    was run into the item's text ("… include: - a. No support …")."""
    html = _markdown_as_html(
        b"<list><item><p>No cooperation:</p><list><item>no support;</item><item>no draft.</item>"
        b"</list></item><item>Refusal to pay taxes.</item></list>"
    )
    assert "<li>No cooperation:\n<ul>\n<li>no support;</li>\n<li>no draft.</li>\n</ul>" in html


def test_markdown_keeps_a_numbered_label_as_text() -> None:
    """An item's label "1." after the bullet is text, not a list opened inside the item."""
    html = _markdown_as_html(
        b"<list><label>1.</label><item>No cooperation.</item>"
        b"<label>2.</label><item>No taxes.</item></list>"
    )
    assert "<ol" not in html and "<li>1. No cooperation.</li>" in html


def _tei_body(body: bytes) -> bytes:
    """A TEI document with the smallest header and ``body`` as its body's content."""
    return (
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
        b"</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>"
        b"</sourceDesc></fileDesc></teiHeader><text><body>" + body + b"</body></text></TEI>"
    )


def _markdown_as_html(body: bytes) -> str:
    """``body`` in a TEI document, converted to Markdown, as CommonMark renders it."""
    markdown = convert(_tei_body(body), "markdown").output
    assert isinstance(markdown, str)
    return str(MarkdownIt("commonmark").render(markdown))
