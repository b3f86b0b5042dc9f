"""A Word document (.docx) → ``Parts`` for the shared assembler, by its styles.

Paragraph styles are matched by name (the name Word shows, whatever the style id), following
``basedOn`` to a known style: Title, Subtitle, Author, Date; "heading N" (or an outline level)
→ a heading; Quote, Intense Quote, Block Text → a quotation; Verse, Poem → verse (line breaks
inside are lines); Stage Direction → a stage direction; list numbering (``numPr`` in the
paragraph or its style) → a list item, ordered when its level's format is a number; Normal,
Body Text, First Paragraph, Compact, List Paragraph, footnote text and the like → paragraphs;
Caption → a figure's description. A run in the character style Speaker at a paragraph's start is
a speaker's label. Italic and bold runs (or the Emphasis/Strong character styles) are emphasis;
footnotes and endnotes are notes where they are cited; tables keep their rows.

What has no place in the model keeps its text and gives one warning for the document, at the
first paragraph it occurs in (the position is that paragraph's number in the body): an unknown
paragraph style, code (kept as a paragraph with its line breaks), a link's target (its words
stay), a picture (its description stays), tracked deletions (left out, as Word shows them).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .. import model as m
from ..errors import warning
from .assemble import Item, Parts
from .zipsafe import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = {"w": W}
_w = f"{{{W}}}"
_PARAGRAPH_STYLES = {
    "title": "title",
    "subtitle": "subtitle",
    "author": "author",
    "date": "dateline",
    "quote": "quote",
    "intense quote": "quote",
    "block text": "quote",
    "block quotation": "quote",
    "verse": "verse",
    "poem": "verse",
    "stage direction": "stage",
    "caption": "figure",
    "image caption": "figure",
    "table caption": "p",
    "source code": "code",
    "html preformatted": "code",
    "plain text": "code",
}
# Styles that are paragraphs of running text.
_PLAIN = {
    "normal",
    "body text",
    "first paragraph",
    "compact",
    "list paragraph",
    "list bullet",
    "list number",
    "list continue",
    "footnote text",
    "endnote text",
    "no spacing",
    "default",
    "text body",
    "abstract",
    "bibliography",
    "block heading",
    "definition",
    "definition term",
}
_HEADING = re.compile(r"^heading\s*(\d)$")


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.names: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.numbered: set[str] = set()
        if root is None:
            return
        for style in root.iter(f"{_w}style"):
            sid = style.get(f"{_w}styleId", "")
            name = style.find(f"{_w}name")
            self.names[sid] = (name.get(f"{_w}val", sid) if name is not None else sid).lower()
            based = style.find(f"{_w}basedOn")
            if based is not None:
                self.based[sid] = based.get(f"{_w}val", "")
            level = style.find(f"{_w}pPr/{_w}outlineLvl")
            if level is not None and (level.get(f"{_w}val") or "").isdigit():
                self.outline[sid] = int(level.get(f"{_w}val", "0")) + 1
            if style.find(f"{_w}pPr/{_w}numPr") is not None:
                self.numbered.add(sid)

    def chain(self, sid: str) -> list[str]:
        out: list[str] = []
        while sid and sid not in out and len(out) < 20:
            out.append(sid)
            sid = self.based.get(sid, "")
        return out

    def kind(self, sid: str) -> tuple[str, int, str]:
        """(kind, heading level, the style's name) for a paragraph style id."""
        name = self.names.get(sid, sid.lower()) if sid else "normal"
        for link in self.chain(sid) or [""]:
            link_name = self.names.get(link, link.lower()) if link else "normal"
            heading = _HEADING.match(link_name)
            if heading and heading.group(1) != "0":
                return "heading", int(heading.group(1)), name
            if link in self.outline and self.outline[link] <= 9:
                return "heading", self.outline[link], name
            if link_name in _PARAGRAPH_STYLES:
                return _PARAGRAPH_STYLES[link_name], 0, name
            if link_name in _PLAIN or link_name.startswith(("toc ", "index ")):
                return "p", 0, name
        return "unknown", 0, name


class _Numbering:
    def __init__(self, root: etree._Element | None) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, str]] = {}
        for node in root.iter(f"{_w}abstractNum"):
            levels = {}
            for level in node.iter(f"{_w}lvl"):
                fmt = level.find(f"{_w}numFmt")
                levels[int(level.get(f"{_w}ilvl", "0"))] = (
                    fmt.get(f"{_w}val", "bullet") if fmt is not None else "bullet"
                )
            abstract[node.get(f"{_w}abstractNumId", "")] = levels
        for num in root.iter(f"{_w}num"):
            ref = num.find(f"{_w}abstractNumId")
            levels = abstract.get(ref.get(f"{_w}val", "") if ref is not None else "", {})
            for level, fmt in levels.items():
                self.formats[(num.get(f"{_w}numId", ""), level)] = fmt

    def ordered(self, num_id: str, level: int) -> bool:
        return self.formats.get((num_id, level), "bullet") not in ("bullet", "none")


class _Reader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.file = Path(package.file).name
        self.parts = Parts()
        self.styles = _Styles(package.xml("word/styles.xml"))
        self.numbering = _Numbering(package.xml("word/numbering.xml"))
        self.notes: dict[tuple[str, str], etree._Element] = {}
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            root = package.xml(part)
            if root is not None:
                for note in root.iter(f"{_w}{tag}"):
                    if note.get(f"{_w}type") in (None, "normal"):
                        self.notes[(tag, note.get(f"{_w}id", ""))] = note
        self.paragraph = 0
        self._warned: set[str] = set()

    def warn(self, key: str, message: str) -> None:
        if key in self._warned:
            return
        self._warned.add(key)
        self.parts.warnings.append(
            warning(
                "read-unmapped",
                f"paragraph {self.paragraph}: {message}",
                file=self.package.file,
                line=self.paragraph,
            )
        )

    # -- body -------------------------------------------------------------------------------------

    def read(self) -> Parts:
        document = self.package.xml("word/document.xml")
        if document is None:
            raise _not_word(self.package.file)
        body = document.find(f"{_w}body")
        if body is not None:
            self.body(body, self.parts.items)
        return self.parts

    def body(self, node: etree._Element, out: list[Item]) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_w}p":
                self.paragraph += 1
                item = self.item(child)
                if item is not None:
                    out.append(item)
            elif tag == f"{_w}tbl":
                self.paragraph += 1
                out.append(self.table(child))
            elif tag in (f"{_w}sdt", f"{_w}customXml", f"{_w}ins"):  # content controls, tracking
                inner = child.find(f"{_w}sdtContent")
                self.body(inner if inner is not None else child, out)

    def item(self, p: etree._Element) -> Item | None:
        ppr = p.find(f"{_w}pPr")
        sid = ""
        num = None
        if ppr is not None:
            style = ppr.find(f"{_w}pStyle")
            sid = style.get(f"{_w}val", "") if style is not None else ""
            num = ppr.find(f"{_w}numPr")
        kind, level, name = self.styles.kind(sid)
        content, label = self.runs(p)
        line = self.paragraph
        if kind == "unknown":
            self.warn(
                f"style:{name}",
                f"paragraph style {name!r} has no mapping in teikit; kept as a paragraph",
            )
            kind = "p"
        if num is not None or (
            kind == "p" and any(s in self.styles.numbered for s in self.styles.chain(sid))
        ):
            ilvl = num.find(f"{_w}ilvl") if num is not None else None
            num_id = num.find(f"{_w}numId") if num is not None else None
            depth = int(ilvl.get(f"{_w}val", "0")) if ilvl is not None else 0
            ident = num_id.get(f"{_w}val", "") if num_id is not None else ""
            if ident != "0" and kind in ("p", "quote"):
                ordered = self.numbering.ordered(ident, depth)
                return Item(
                    "item", _strip(content), line, depth, "ordered" if ordered else "bulleted"
                )
        if not _has_words(content) and not label:
            return None
        if label:
            return Item("speech", _strip(content), line, label=label)
        if kind == "heading":
            return Item("heading", _strip(content), line, level)
        if kind in ("title", "subtitle", "author", "dateline"):
            return Item("front", _strip(content), line, role=kind)
        if kind == "verse":
            return Item("verse", (), line, lines=_lines(content))
        if kind == "code":
            self.warn(
                "code",
                "code has no place in teikit's model; kept as a paragraph with its line breaks",
            )
            return Item("p", _strip(content), line)
        if kind in ("quote", "stage", "figure"):
            return Item(kind, _strip(content), line)
        return Item("p", _strip(content), line)

    def table(self, node: etree._Element) -> Item:
        rows = []
        for tr in node.iter(f"{_w}tr"):
            cells = []
            for tc in tr.iter(f"{_w}tc"):
                parts: list[m.Inline] = []
                for p in tc.iter(f"{_w}p"):
                    content, label = self.runs(p)
                    if parts and content:
                        parts.append(m.LineBreak())
                    parts.extend(m.Emphasis((label,), "bold") for _ in [label] if label)
                    parts.extend(content)
                cells.append(_strip(tuple(parts)))
            rows.append(tuple(cells))
        return Item("table", (), self.paragraph, rows=tuple(rows))

    # -- runs -------------------------------------------------------------------------------------

    def runs(self, p: etree._Element) -> tuple[m.Inlines, str]:
        """A paragraph's inlines and, if it opens with a Speaker-styled run, that label."""
        out: list[m.Inline] = []
        label: list[str] = []
        self._runs(p, out, label, [True])
        return _merge(out), "".join(label).strip()

    def _runs(
        self, node: etree._Element, out: list[m.Inline], label: list[str], opening: list[bool]
    ) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_w}r":
                self._run(child, out, label, opening)
            elif tag == f"{_w}hyperlink":
                words = len(out)
                self._runs(child, out, label, opening)
                target = child.get(f"{{{R}}}id")
                if target:
                    self.warn(
                        "link", "a link keeps its words; its target has no place in teikit's model"
                    )
                del words
            elif tag == f"{_w}del" or tag == f"{_w}moveFrom":
                self.warn("deleted", "tracked deletions are left out, as Word shows the text")
            elif tag in (
                f"{_w}ins",
                f"{_w}smartTag",
                f"{_w}customXml",
                f"{_w}fldSimple",
                f"{_w}moveTo",
            ):
                self._runs(child, out, label, opening)
            elif tag == f"{_w}sdt":
                inner = child.find(f"{_w}sdtContent")
                if inner is not None:
                    self._runs(inner, out, label, opening)

    def _run(
        self, run: etree._Element, out: list[m.Inline], label: list[str], opening: list[bool]
    ) -> None:
        rpr = run.find(f"{_w}rPr")
        style = ""
        flags = ""
        if rpr is not None:
            rstyle = rpr.find(f"{_w}rStyle")
            style = (
                self.styles.names.get(rstyle.get(f"{_w}val", ""), "") if rstyle is not None else ""
            )
            if _on(rpr.find(f"{_w}b")) or style in ("strong", "bold"):
                flags = "bold"
            if _on(rpr.find(f"{_w}i")) or style in ("emphasis", "italic"):
                flags = "italic" if not flags else "bold italic"
        speaker = style == "speaker"
        for child in run:
            tag = child.tag
            text = ""
            if tag == f"{_w}t":
                text = child.text or ""
            elif tag == f"{_w}tab":
                text = "\t"
            elif tag in (f"{_w}br", f"{_w}cr"):
                if child.get(f"{_w}type") in (None, "textWrapping"):
                    out.append(m.LineBreak())
                    opening[0] = False
                continue
            elif tag == f"{_w}noBreakHyphen":
                text = "\u2011"
            elif tag in (f"{_w}footnoteReference", f"{_w}endnoteReference"):
                self._note(child, out)
                opening[0] = False
                continue
            elif tag in (f"{_w}drawing", f"{_w}pict", f"{_w}object"):
                described = [d for d in child.iter() if d.get("descr")]
                self.warn(
                    "picture", "a picture has no place in teikit's model; its description is kept"
                )
                if described:
                    out.append(f"[{described[0].get('descr')}]")
                continue
            else:
                continue
            if not text:
                continue
            if speaker and opening[0]:
                label.append(text)
                continue
            opening[0] = False
            out.append(m.Emphasis((text,), flags) if flags else text)

    def _note(self, reference: etree._Element, out: list[m.Inline]) -> None:
        kind = "footnote" if reference.tag == f"{_w}footnoteReference" else "endnote"
        ident = reference.get(f"{_w}id", "")
        node = self.notes.get((kind, ident))
        if node is None:
            return
        number = str(len(self.parts.notes) + 1)
        note_id = f"{'fn' if kind == 'footnote' else 'en'}{ident}"
        blocks: list[m.Block] = []
        for p in node.iter(f"{_w}p"):
            content, _label = self.runs(p)
            content = _strip(content)
            if _has_words(content):
                blocks.append(m.Paragraph(content, m.Span(self.paragraph, self.paragraph)))
        self.parts.notes.append(
            m.Note(
                note_id,
                number,
                tuple(blocks) or (m.Paragraph(()),),
                "foot" if kind == "footnote" else "end",
                m.Span(self.paragraph, self.paragraph),
            )
        )
        out.append(m.NoteRef(number, note_id))


def _on(node: etree._Element | None) -> bool:
    return node is not None and node.get(f"{_w}val", "true") not in ("0", "false", "none")


def _merge(spans: list[m.Inline]) -> m.Inlines:
    """Adjacent text runs joined, and adjacent runs of the same emphasis."""
    out: list[m.Inline] = []
    for span in spans:
        if out and isinstance(span, str) and isinstance(out[-1], str):
            out[-1] = out[-1] + span
        elif (
            out
            and isinstance(span, m.Emphasis)
            and isinstance(out[-1], m.Emphasis)
            and span.marker == out[-1].marker
        ):
            out[-1] = m.Emphasis(_merge([*out[-1].content, *span.content]), span.marker)
        else:
            out.append(span)
    return tuple(out)


def _strip(content: m.Inlines) -> m.Inlines:
    """Whitespace as the model keeps it: runs of spaces and tabs made one, none at the ends."""
    items = [re.sub(r"[ \t\u00a0]{2,}|\t", " ", s) if isinstance(s, str) else s for s in content]
    while items and isinstance(items[0], str) and not items[0].strip():
        items.pop(0)
    while items and isinstance(items[-1], str) and not items[-1].strip():
        items.pop()
    if items and isinstance(items[0], str):
        items[0] = items[0].lstrip()
    if items and isinstance(items[-1], str):
        items[-1] = items[-1].rstrip()
    return tuple(items)


def _has_words(content: m.Inlines) -> bool:
    for span in content:
        if isinstance(span, str):
            if span.strip():
                return True
        elif isinstance(span, m.Emphasis):
            if _has_words(span.content):
                return True
        elif isinstance(span, m.NoteRef):
            return True
    return False


def _lines(content: m.Inlines) -> tuple[m.Inlines, ...]:
    lines: list[list[m.Inline]] = [[]]
    for span in content:
        if isinstance(span, m.LineBreak):
            lines.append([])
        else:
            lines[-1].append(span)
    return tuple(s for s in (_strip(tuple(line)) for line in lines) if _has_words(s))


def _not_word(file: str) -> Exception:
    from ..errors import InputError

    return InputError("not a Word document: the package has no word/document.xml", file=file)


def read_docx(path: Path | str) -> Parts:
    package = Package(path)
    reader = _Reader(package)
    parts = reader.read()
    core = package.xml("docProps/core.xml")
    if core is not None:
        has = {i.role for i in parts.items if i.kind == "front"}
        for tag, key, label in (("title", "title", "Title"), ("creator", "author", "Author")):
            if key in ("title" if "title" in has else "", "author" if "author" in has else ""):
                continue
            node = core.find(f"{{http://purl.org/dc/elements/1.1/}}{tag}")
            value = " ".join((node.text or "").split()) if node is not None else ""
            if value:
                parts.fields.append(m.Field(key, label, value))
    return parts
