"""The block tree → a Word document (.docx, bytes), written as WordprocessingML by hand.

Real styles, so the document reads as an edition in Word and comes back through
``teikit encode``: Title, Subtitle and Author from the teiHeader; "heading 1"–"heading 9" by
division depth; Quote; Verse (one paragraph per line: lines stay lines); Stage Direction; the
character style Speaker for speaker labels (run in before the speech's first paragraph, or alone
over its verse); list numbering (bullets, or numbers restarting per list; printed labels kept as
text); tables; Source Code for examples; notes as Word footnotes; emphasis by ``@rend`` (bold,
italic, small caps, underline, super- and subscript, italic by default); absolute URLs as links.

What Word cannot show keeps its text and warns once: a figure's picture (its description and
caption stay), a note inside a note (a footnote cannot cite one: its text follows in the same
footnote, after a marker). Page breaks are the source's pagination, not Word's: not written.
python-docx was not needed for writing (it has no footnotes); the tests read the output with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import warning
from .langtags import bcp47
from .package import xml_escape, zip_package
from .reader import Block, Inline, Reading, Span, each_nested_note

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
_WRAPPERS = frozenset({"text", "group", "front", "body", "back"})
_QUOTES = frozenset({"quote", "cit", "epigraph"})
_SPACE = re.compile(r"\s+")
_ABSOLUTE = re.compile(r"^(?:https?|ftp|mailto):", re.I)
# Run properties in the order CT_RPr declares them (Word refuses other orders).
_RPR_ORDER = ("style", "b", "i", "smallCaps", "strike", "u", "vertAlign")


@dataclass
class _Run:
    text: str = ""
    flags: frozenset[str] = frozenset()
    link: str = ""  # relationship id of an external hyperlink
    special: str = ""  # "br" (line break) or a footnote reference "fn:<id>"


@dataclass
class _State:
    body: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # URL → relationship id
    nums: list[int] = field(default_factory=list)  # each w:num's abstract numbering (0 • / 1 1.)


def _flags_of_rend(rend: str) -> frozenset[str]:
    words = set(re.split(r"[\s,;()#:-]+", rend.lower()))
    flags = set()
    if words & {"bold", "b", "strong"}:
        flags.add("b")
    if words & {"italic", "italics", "i", "it"}:
        flags.add("i")
    if words & {"smallcaps", "sc", "small"} or "small-caps" in rend.lower():
        flags.add("smallCaps")
    if words & {"underline", "ul", "u"}:
        flags.add("u")
    if words & {"strikethrough", "strike", "overstrike"}:
        flags.add("strike")
    if words & {"sup", "superscript", "super"}:
        flags.add("sup")
    if words & {"sub", "subscript"}:
        flags.add("sub")
    return frozenset(flags or {"i"})


def _rpr(flags: frozenset[str]) -> str:
    if not flags:
        return ""
    parts = []
    for style in ("Speaker", "VerbatimChar", "Hyperlink"):
        if style in flags:
            parts.append(f'<w:rStyle w:val="{style}"/>')
            break
    if "b" in flags:
        parts.append("<w:b/>")
    if "i" in flags:
        parts.append("<w:i/>")
    if "smallCaps" in flags:
        parts.append("<w:smallCaps/>")
    if "strike" in flags:
        parts.append("<w:strike/>")
    if "u" in flags:
        parts.append('<w:u w:val="single"/>')
    if "sup" in flags:
        parts.append('<w:vertAlign w:val="superscript"/>')
    elif "sub" in flags:
        parts.append('<w:vertAlign w:val="subscript"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


class _Writer:
    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.state = _State()
        self.footnote_count = 0  # Word footnotes written: the next one's id follows
        self._warned: set[str] = set()
        self._in_note: list[list[Block]] = []  # notes cited inside the footnote being written
        self._written: set[int] = set()  # the places of the notes whose text is written

    # -- diagnostics ------------------------------------------------------------------------------

    def warn(self, key: str, message: str, line: int) -> None:
        if key in self._warned:
            return
        self._warned.add(key)
        self.reading.diagnostics.append(
            warning(
                "convert-not-shown", message, file=self.reading.facts.get("file", ""), line=line
            )
        )

    # -- inlines ----------------------------------------------------------------------------------

    def runs(self, spans: Sequence[Inline], flags: frozenset[str] = frozenset()) -> list[_Run]:
        out: list[_Run] = []
        self._collect(spans, flags, "", out)
        return out

    def _collect(
        self, spans: Sequence[Inline], flags: frozenset[str], link: str, out: list[_Run]
    ) -> None:
        for span in spans:
            if isinstance(span, str):
                out.append(_Run(span, flags, link))
                continue
            kind = span.kind
            if kind == "lb":
                out.append(_Run(special="br"))
            elif kind == "noteref":
                out.append(self._noteref(span, flags))
            elif kind == "emph":
                self._collect(
                    span.children, flags | _flags_of_rend(span.attrs.get("rend", "")), link, out
                )
            elif kind == "stage":
                self._collect(span.children, flags | {"i"}, link, out)
            elif kind == "code":
                out.append(_Run(span.text, flags | {"VerbatimChar"}, link))
            elif kind == "ref":
                target = span.attrs.get("target", "").split()
                href = target[0] if target else ""
                rid = self._link(href) if _ABSOLUTE.match(href) and not link else link
                extra = {"Hyperlink"} if rid != link else set()
                if span.children:
                    self._collect(span.children, flags | extra, rid, out)
                elif rid:  # an empty <ptr> to a URL: the URL is its words
                    out.append(_Run(href, flags | extra, rid))
            elif kind == "graphic":
                self.warn(
                    "graphic",
                    "a figure's picture is not embedded in the Word document; its description "
                    "and caption are kept",
                    0,
                )
            elif kind in ("pb", "anchor"):
                continue
            else:
                self._collect(span.children, flags, link, out)

    def _link(self, url: str) -> str:
        rid = self.state.links.get(url)
        if rid is None:
            rid = self.state.links[url] = f"rIdLink{len(self.state.links) + 1}"
        return rid

    def _noteref(self, span: Span, flags: frozenset[str]) -> _Run:
        label = span.attrs.get("n", "")
        cited = self.reading.cited(span)
        # A note is written once: a note whose text is written already (a malformed tree citing
        # it twice) keeps its marker only.
        if cited is None or cited[0] in self._written:
            return _Run(f"[{label}]", flags)
        place, note = cited
        self._written.add(place)
        if self._in_note:  # Word has no footnote inside a footnote: its text follows this one
            self._in_note[-1].append(note)
            return _Run(f"[{label}]", flags)
        self.footnote_count += 1
        number = self.footnote_count
        self._footnote(note, number)
        return _Run(special=f"fn:{number}")

    def _footnote(self, note: Block, number: int) -> None:
        self._in_note.append([])
        paragraphs: list[list[_Run]] = []
        self._note_paragraphs(note, paragraphs)
        for inner in each_nested_note(self._in_note[-1], self.warn, "Word"):
            more: list[list[_Run]] = []
            self._note_paragraphs(inner, more)
            if more:
                more[0].insert(0, _Run(f"[{inner.attrs.get('n', '')}] "))
            paragraphs.extend(more)
        self._in_note.pop()
        if not paragraphs:
            paragraphs = [[]]
        mark = _Run(special="fnref")
        xml = []
        for i, runs in enumerate(paragraphs):
            if i == 0:
                runs = [mark, _Run(" "), *runs]
            xml.append(_paragraph("FootnoteText", runs))
        self.state.footnotes.append(f'<w:footnote w:id="{number}">{"".join(xml)}</w:footnote>')

    def _note_paragraphs(self, note: Block, out: list[list[_Run]]) -> None:
        if not note.children:
            out.append(self.runs(note.inlines))
            return
        for child in note.children:
            if child.children:
                self._note_paragraphs(child, out)
            else:
                out.append(self.runs(child.inlines))

    # -- blocks -----------------------------------------------------------------------------------

    def para(self, style: str | None, runs: list[_Run], extra: str = "") -> None:
        self.state.body.append(_paragraph(style, runs, extra))

    def blocks(self, blocks: Sequence[Block], depth: int, style: str | None = None) -> None:
        for block in blocks:
            self.block(block, depth, style)

    def block(self, block: Block, depth: int, style: str | None = None) -> None:
        kind = block.kind
        if kind in _DIVS:
            self.blocks(block.children, depth + 1, style)
        elif kind in _WRAPPERS:
            self.blocks(block.children, depth, style)
        elif kind == "head":
            heading = f"Heading{min(max(depth, 1), 9)}" if depth else "BlockHeading"
            self.para(heading if style is None else "BlockHeading", self.runs(block.inlines))
        elif kind == "sp":
            self._speech(block, depth, style)
        elif kind == "speaker":
            self.para(style, self.runs(block.inlines, frozenset({"Speaker"})))
        elif kind == "stage":
            if block.children:
                self.blocks(block.children, depth, "StageDirection")
            else:
                self.para("StageDirection", self.runs(block.inlines))
        elif kind == "l":
            self.para("Verse", self.runs(block.inlines))
        elif kind == "lg":
            self.blocks(block.children, depth, style)
        elif kind in _QUOTES:
            if block.children:
                self.blocks(block.children, depth, "Quote")
            else:
                self.para("Quote", self.runs(block.inlines))
        elif kind == "list":
            self._list(block, depth, 0)
        elif kind == "table":
            self._table(block, depth)
        elif kind == "code":
            lines = block.plain().split("\n")
            runs: list[_Run] = []
            for i, line in enumerate(lines):
                if i:
                    runs.append(_Run(special="br"))
                runs.append(_Run(line, frozenset({"keep"})))
            self.para("SourceCode", runs)
        elif kind == "milestone":
            if block.attrs.get("unit") == "section":
                rend = block.attrs.get("rend", "")
                mark = rend if rend.strip() and not any(c.isalnum() for c in rend) else "* * *"
                self.para(style, [_Run(mark)], '<w:jc w:val="center"/>')
        elif kind == "pb":
            return
        elif kind == "graphic":
            self.warn(
                "graphic",
                "a figure's picture is not embedded in the Word document; its description "
                "and caption are kept",
                block.line,
            )
        elif kind == "castItem" and block.children and not any(c.children for c in block.children):
            runs = []  # role and description on one line, as a cast list prints them
            for child in block.children:
                runs.extend(self.runs(child.inlines))
                runs.append(_Run(" "))
            self.para(style, runs)
        elif kind in ("figDesc", "caption"):
            self.para("Caption", self.runs(block.inlines))
        elif block.children:
            self.blocks(block.children, depth, style)
        else:
            runs = self.runs(block.inlines)
            if any(r.text.strip() or r.special for r in runs):
                self.para(style, runs)

    def _speech(self, block: Block, depth: int, style: str | None) -> None:
        children = list(block.children)
        label: list[_Run] = []
        while children and children[0].kind == "speaker":
            label.extend(self.runs(children.pop(0).inlines, frozenset({"Speaker"})))
        if label and children and children[0].kind == "p" and not children[0].children:
            first = children.pop(0)
            self.para(style, [*label, _Run(" "), *self.runs(first.inlines)])
        elif label:
            self.para(style, label)
        self.blocks(children, depth, style)

    def _list(self, block: Block, depth: int, level: int) -> None:
        ordered = block.attrs.get("type", "") in ("ordered", "numbered")
        labelled = any(c.kind == "label" for c in block.children)
        num = 0
        if not labelled:
            self.state.nums.append(1 if ordered else 0)
            num = len(self.state.nums)
        label: list[_Run] = []
        for child in block.children:
            if child.kind == "label":
                label = self.runs(child.inlines)
                continue
            if child.kind == "head":
                self.para("BlockHeading", self.runs(child.inlines))
                continue
            numbering = (
                f'<w:numPr><w:ilvl w:val="{min(level, 8)}"/><w:numId w:val="{num}"/></w:numPr>'
                if num
                else f'<w:ind w:left="{360 * (level + 1)}" w:hanging="360"/>'
            )
            prefix = [*label, _Run(special="tab")] if label else []
            label = []
            if not child.children:
                self.para("ListParagraph", [*prefix, *self.runs(child.inlines)], numbering)
                continue
            first = True
            for inner in child.children:
                if inner.kind == "list":
                    self._list(inner, depth, level + 1)
                elif first and not inner.children and inner.kind not in ("l", "head"):
                    self.para("ListParagraph", [*prefix, *self.runs(inner.inlines)], numbering)
                else:
                    if first and prefix:
                        self.para("ListParagraph", prefix, numbering)
                    self.block(inner, depth, "ListParagraph")
                first = False
        if label:  # a label with no item after it
            self.para("ListParagraph", label)

    def _table(self, block: Block, depth: int) -> None:
        rows = [r for r in block.children if r.kind == "row"] or [block]
        heads = [c for c in block.children if c.kind == "head"]
        for head in heads:
            self.para("Caption", self.runs(head.inlines))
        width = max((len(r.children) if r.kind == "row" else 1) for r in rows) or 1
        saved = self.state.body
        xml = [
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            "</w:tblPr><w:tblGrid>"
        ]
        xml.append(f'<w:gridCol w:w="{9000 // width}"/>' * width)
        xml.append("</w:tblGrid>")
        for row in rows:
            cells = list(row.children) if row.kind == "row" else [row]
            xml.append("<w:tr>")
            for i in range(width):
                self.state.body = []
                if i < len(cells):
                    cell = cells[i]
                    if cell.children:
                        self.blocks(cell.children, depth, None)
                    else:
                        self.para(None, self.runs(cell.inlines))
                if not self.state.body:
                    self.para(None, [])
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{9000 // width}" w:type="dxa"/></w:tcPr>')
                xml.extend(self.state.body)
                xml.append("</w:tc>")
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        self.state.body = saved
        self.state.body.append("".join(xml))
        self.para(None, [])  # Word wants a paragraph between two tables


def _paragraph(style: str | None, runs: list[_Run], extra: str = "") -> str:
    ppr = ""
    if style or extra:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + extra + "</w:pPr>"
    return f"<w:p>{ppr}{_runs_xml(runs)}</w:p>"


def _runs_xml(runs: list[_Run]) -> str:
    """Runs as WordprocessingML, spacing as a reader sees it: whitespace runs collapse to one
    space, none at the start or end of the paragraph or after a line break."""
    out: list[str] = []
    texts: list[tuple[str, _Run]] = []
    at_start = True
    for run in runs:
        if run.special:
            texts.append(("", run))
            at_start = run.special == "br" or at_start and run.special == "tab"
            continue
        if "keep" in run.flags:
            texts.append((run.text, run))
            at_start = False
            continue
        text = _SPACE.sub(" ", run.text)
        if at_start or (texts and texts[-1][0].endswith(" ")):
            text = text.lstrip(" ")
        if text:
            texts.append((text, run))
            at_start = False
    # No space at the end of the paragraph or before a line break.
    for i in range(len(texts) - 1, -1, -1):
        text, run = texts[i]
        if i + 1 < len(texts) and texts[i + 1][1].special not in ("br",):
            break
        if run.special:
            continue
        texts[i] = (text.rstrip(" "), run)
        if texts[i][0]:
            break
    link = ""
    for text, run in texts:
        if run.link != link:
            if link:
                out.append("</w:hyperlink>")
            if run.link:
                out.append(f'<w:hyperlink r:id="{run.link}">')
            link = run.link
        if run.special == "br":
            out.append("<w:r><w:br/></w:r>")
        elif run.special == "tab":
            out.append("<w:r><w:tab/></w:r>")
        elif run.special == "fnref":
            out.append(
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            )
        elif run.special.startswith("fn:"):
            out.append(
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{run.special[3:]}"/></w:r>'
            )
        elif text:
            props = _rpr(run.flags - {"keep"})
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>')
    if link:
        out.append("</w:hyperlink>")
    return "".join(out)


def render(reading: Reading) -> bytes:
    writer = _Writer(reading)
    header = reading.header
    title = header.get("title") or ""
    if title:
        writer.para("Title", [_Run(title)])
    for subtitle in header.get("subtitles", []):
        writer.para("Subtitle", [_Run(subtitle)])
    for author in header.get("authors", []):
        writer.para("Author", [_Run(author)])
    writer.blocks(reading.blocks, 0)
    state = writer.state
    if not state.body:
        writer.para(None, [])
    lang = bcp47(reading.facts.get("lang") or (header.get("languages") or ["und"])[0])
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}" '
        f'xmlns:r="{_R}"><w:body>{"".join(state.body)}'
        '<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
        'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}" '
        f'xmlns:r="{_R}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>" + "".join(state.footnotes) + "</w:footnotes>"
    )
    links = "".join(
        f'<Relationship Id="{rid}" Type="{_R}/hyperlink" Target="{xml_escape(url)}" '
        'TargetMode="External"/>'
        for url, rid in state.links.items()
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdStyles" Type="{_R}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rIdNumbering" Type="{_R}/numbering" Target="numbering.xml"/>'
        f'<Relationship Id="rIdFootnotes" Type="{_R}/footnotes" Target="footnotes.xml"/>'
        f'<Relationship Id="rIdSettings" Type="{_R}/settings" Target="settings.xml"/>'
        f"{links}</Relationships>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title>"
        f"<dc:creator>{xml_escape('; '.join(header.get('authors', [])))}</dc:creator>"
        f"<dc:language>{xml_escape(lang)}</dc:language>"
        f"<cp:keywords>{xml_escape(', '.join(header.get('keywords', [])))}</cp:keywords>"
        "</cp:coreProperties>"
    )
    return zip_package(
        [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _PACKAGE_RELS),
            ("docProps/core.xml", core),
            ("word/document.xml", document),
            ("word/styles.xml", _styles(lang)),
            ("word/numbering.xml", _numbering(state.nums)),
            ("word/footnotes.xml", footnotes),
            ("word/settings.xml", _SETTINGS),
            ("word/_rels/document.xml.rels", rels),
        ]
    )


_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{_CT}.numbering+xml"/>'
    f'<Override PartName="/word/footnotes.xml" ContentType="{_CT}.footnotes+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_CT}.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{_W}"><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
    "</w:footnotePr></w:settings>"
)


def _style(
    kind: str,
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    based: str = "Normal",
    extra: str = "",
) -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{based_on}'
        f"{extra}<w:qFormat/>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}"
        f"{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>"
    )


def _styles(lang: str) -> str:
    headings = "".join(
        _style(
            "paragraph",
            f"Heading{n}",
            f"heading {n}",
            f'<w:keepNext/><w:spacing w:before="{360 - 30 * n}" w:after="120"/>'
            f'<w:outlineLvl w:val="{n - 1}"/>',
            f'<w:b/><w:sz w:val="{max(22, 36 - 3 * n)}"/>',
            extra='<w:next w:val="Normal"/>',
        )
        for n in range(1, 10)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
        '<w:rFonts w:ascii="Cambria" w:hAnsi="Cambria" w:eastAsia="Cambria" w:cs="Cambria"/>'
        f'<w:sz w:val="22"/><w:lang w:val="{xml_escape(lang)}"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>"
        + _style(
            "paragraph", "Title", "Title", '<w:jc w:val="center"/>', '<w:b/><w:sz w:val="44"/>'
        )
        + _style(
            "paragraph", "Subtitle", "Subtitle", '<w:jc w:val="center"/>', '<w:sz w:val="30"/>'
        )
        + _style("paragraph", "Author", "Author", '<w:jc w:val="center"/>', '<w:sz w:val="26"/>')
        + headings
        + _style("paragraph", "BlockHeading", "Block Heading", "<w:keepNext/>", "<w:b/>")
        + _style("paragraph", "Quote", "Quote", '<w:ind w:left="720" w:right="720"/>', "<w:i/>")
        + _style("paragraph", "Verse", "Verse", '<w:spacing w:after="0"/><w:ind w:left="720"/>')
        + _style("paragraph", "StageDirection", "Stage Direction", "", "<w:i/>")
        + _style("paragraph", "ListParagraph", "List Paragraph", '<w:ind w:left="720"/>')
        + _style("paragraph", "Caption", "Caption", "", '<w:i/><w:sz w:val="20"/>')
        + _style(
            "paragraph",
            "SourceCode",
            "Source Code",
            '<w:spacing w:after="120"/>',
            '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:sz w:val="20"/>',
        )
        + _style(
            "paragraph",
            "FootnoteText",
            "footnote text",
            '<w:spacing w:after="0"/>',
            '<w:sz w:val="20"/>',
        )
        + _style("character", "Speaker", "Speaker", "", "<w:b/><w:smallCaps/>", based="")
        + _style(
            "character",
            "FootnoteReference",
            "footnote reference",
            "",
            '<w:vertAlign w:val="superscript"/>',
            based="",
        )
        + _style(
            "character",
            "VerbatimChar",
            "Verbatim Char",
            "",
            '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>',
            based="",
        )
        + _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            "",
            '<w:color w:val="0563C1"/><w:u w:val="single"/>',
            based="",
        )
        + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        "<w:tblPr><w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr></w:style></w:styles>"
    )


def _numbering(nums: list[int]) -> str:
    def levels(ordered: bool) -> str:
        out = []
        for level in range(9):
            fmt = "decimal" if ordered else "bullet"
            text = f"%{level + 1}." if ordered else "•"
            out.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>'
                f'<w:ind w:left="{720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            )
        return "".join(out)

    abstract = (
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{levels(False)}</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{levels(True)}</w:abstractNum>"
    )
    instances = "".join(
        f'<w:num w:numId="{i}"><w:abstractNumId w:val="{a}"/>'
        + ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if a else "")
        + "</w:num>"
        for i, a in enumerate(nums, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:numbering xmlns:w="{_W}">{abstract}{instances}</w:numbering>'
    )
