"""The block tree → a standalone LaTeX document that compiles without edits.

``lualatex`` (or ``xelatex``) typesets any script: the preamble loads fontspec and picks a font
with wide coverage where one is installed (DejaVu Serif, else Latin Modern). ``pdflatex`` works
for texts in Latin script. The document class is ``article``; metadata comes from the teiHeader
(\\title, \\author, \\date, PDF metadata); divisions are unnumbered sections with a table of
contents (the heads carry their own numbers); notes are \\footnote (\\footnotemark and
\\footnotetext where LaTeX cannot take a footnote: in a heading or a table); verse is the verse
environment, one line per ``l``; speeches open with the speaker in small capitals; stage
directions are italic; lists are itemize/enumerate/description; examples are verbatim lines in a
typewriter font. Only packages of a basic TeX installation are used.

LaTeX allows six nested list-like environments (lists, quotations, verse); deeper nesting is
written without a new environment, its text kept. Page breaks are the source's pagination, not
written; a figure's picture is not included (a warning; description and caption are kept). A
note inside a note cannot be a footnote of its own (LaTeX drops the text of a \\footnote inside
a \\footnote): its text follows in the same footnote, after its marker (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..errors import warning
from .langtags import bcp47
from .reader import Block, Inline, Reading, Span, each_nested_note

_DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
_WRAPPERS = frozenset({"text", "group", "front", "body", "back"})
_QUOTES = frozenset({"quote", "cit", "epigraph"})
_SECTIONS = ("section", "subsection", "subsubsection", "paragraph", "subparagraph")
_MAX_NESTING = 5  # LaTeX's limit is six list-like environments; one is kept for the verse
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "\u00a0": "~",
}
_SPECIAL_RE = re.compile("[\\\\{}$&#^_%~\u00a0]")
# Pairs TeX fonts turn into one glyph ("--" → en dash, "``" → “, ",," → „, "<<" → «): kept apart.
_LIGATURE = re.compile(
    r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=,)(?=,)|(?<=<)(?=<)|(?<=>)(?=>)|(?<=[!?])(?=`)"
)
_SPACE = re.compile(r"\s+")
_ABSOLUTE = re.compile(r"^(?:https?|ftp|mailto):", re.I)

PREAMBLE = r"""% !TEX program = lualatex
% Written by teikit from a TEI document. Compile with lualatex or xelatex (any script) or
% pdflatex (Latin script).
\documentclass[11pt]{article}
\usepackage{iftex}
\ifPDFTeX
  \usepackage[T1]{fontenc}
  \IfFileExists{lmodern.sty}{\usepackage{lmodern}}{}
\else
  \usepackage{fontspec}
  \IfFontExistsTF{DejaVu Serif}{\setmainfont{DejaVu Serif}}{}
  \IfFontExistsTF{DejaVu Sans Mono}{\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]}{}
\fi
\usepackage[a4paper,margin=2.5cm]{geometry}
\IfFileExists{hyperref.sty}{\usepackage[hidelinks]{hyperref}}{\providecommand\href[2]{#2}}
\providecommand\texorpdfstring[2]{#1}
\newcommand\teispeaker[1]{\textsc{#1}}
\newcommand\teistage[1]{\textit{#1}}
\newcommand\teiptr[1]{\texttt{#1}}
\setlength{\parskip}{0.4em}
\sloppy
"""


def _escape(text: str) -> str:
    if _SPECIAL_RE.search(text):
        text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)
    return _LIGATURE.sub("{}", text)


class _Latex:
    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.out: list[str] = []
        self.nesting = 0  # open list-like environments
        self.kinds: dict[str, int] = {}  # open itemize / enumerate environments
        self.deferred: list[list[str]] | None = None  # footnote texts held back (headings, tables)
        self._warned: set[str] = set()
        self._in_note: list[Block] | None = None  # notes cited inside the footnote being written
        self._written: set[int] = set()  # the places of the notes whose text is written

    def warn(self, key: str, message: str, line: int) -> None:
        if key not in self._warned:
            self._warned.add(key)
            self.reading.diagnostics.append(
                warning(
                    "convert-not-shown", message, file=self.reading.facts.get("file", ""), line=line
                )
            )

    # -- inlines ----------------------------------------------------------------------------------

    def inlines(self, spans: Sequence[Inline], breaks: bool = True) -> str:
        out: list[str] = []
        for span in spans:
            if isinstance(span, str):
                out.append(_escape(_SPACE.sub(" ", span)))
                continue
            kind = span.kind
            if kind == "lb":
                out.append("\\mbox{}\\newline " if breaks else " ")
            elif kind == "emph":
                out.append(
                    _emphasis(span.attrs.get("rend", ""), self.inlines(span.children, breaks))
                )
            elif kind == "stage":
                out.append(f"\\teistage{{{self.inlines(span.children, breaks)}}}")
            elif kind == "noteref":
                out.append(self._footnote(span))
            elif kind == "code":
                out.append(f"\\texttt{{{_escape(span.text)}}}")
            elif kind == "ref":
                target = span.attrs.get("target", "").split()
                href = target[0] if target else ""
                label = self.inlines(span.children, breaks)
                if _ABSOLUTE.match(href):
                    url = _url(href)
                    # An empty <ptr> shows where it points; \\teiptr marks words not in the source.
                    shown = label or f"\\teiptr{{{_escape(href)}}}"
                    out.append(f"\\href{{{url}}}{{{shown}}}")
                else:
                    out.append(label)
            elif kind == "graphic":
                self.warn(
                    "graphic",
                    "a figure's picture is not included in the LaTeX document; "
                    "its description and caption are kept",
                    0,
                )
            elif kind in ("pb", "anchor"):
                continue
            else:
                out.append(self.inlines(span.children, breaks))
        return "".join(out)

    def _footnote(self, span: Span) -> str:
        marker = f"[{_escape(span.attrs.get('n', ''))}]"
        cited = self.reading.cited(span)
        # A note is written once: a note whose text is written already (a malformed tree citing
        # it twice) keeps its marker only.
        if cited is None or cited[0] in self._written:
            return marker
        place, note = cited
        self._written.add(place)
        if self._in_note is not None:  # a \footnote inside a \footnote loses its text in LaTeX
            self._in_note.append(note)
            return marker
        saved, nesting = self.out, self.nesting
        self.out, self.nesting, self._in_note = [], max(self.nesting, 2), []
        self.content(note)
        for inner in each_nested_note(self._in_note, self.warn, "LaTeX"):
            label = f"[{_escape(inner.attrs.get('n', ''))}] "
            if inner.children:
                self.out.append(f"\n\n{label}")
                self.blocks(inner.children)
            else:
                self.paragraph(inner.inlines, label)
        body = "".join(self.out).strip()
        self.out, self.nesting, self._in_note = saved, nesting, None
        if self.deferred is not None:
            self.deferred.append([body])
            return "\\footnotemark{}"
        return f"\\footnote{{{body}}}"

    def _text(self, spans: Sequence[Inline]) -> str:
        """A block's inline content, without a line break at its start (LaTeX refuses one)."""
        text = self.inlines(spans).strip()
        while text.startswith("\\mbox{}\\newline"):
            text = text[len("\\mbox{}\\newline") :].lstrip()
        return text

    def held(self, spans: Sequence[Inline]) -> tuple[str, str]:
        """Inline content where a footnote cannot stand: the text, and the footnote texts to
        write after it."""
        outer, self.deferred = self.deferred, []
        text = self.inlines(spans, breaks=False).strip()
        held = self.deferred
        self.deferred = outer
        after = "".join(f"\\footnotetext{{{body[0]}}}" for body in held)
        if held:  # \footnotetext numbers from the last mark: step back to the first
            after = f"\\addtocounter{{footnote}}{{-{len(held)}}}" + "".join(
                f"\\stepcounter{{footnote}}\\footnotetext{{{body[0]}}}" for body in held
            )
        return text, after

    # -- blocks -----------------------------------------------------------------------------------

    def blocks(self, blocks: Sequence[Block], depth: int = 0) -> None:
        for block in blocks:
            self.block(block, depth)

    def content(self, block: Block, depth: int = 0) -> None:
        if block.children:
            self.blocks(block.children, depth)
        else:
            self.paragraph(block.inlines)

    def paragraph(self, spans: Sequence[Inline], before: str = "") -> None:
        text = self._text(spans)
        if text or before:
            self.out.append(f"\n{before}{text}\n")

    def environment(self, name: str, write: Callable[[], None], argument: str = "") -> None:
        if self.nesting >= _MAX_NESTING:
            write()
            return
        self.nesting += 1
        self.out.append(f"\n\\begin{{{name}}}{argument}\n")
        write()
        self.out.append(f"\n\\end{{{name}}}\n")
        self.nesting -= 1

    def block(self, block: Block, depth: int) -> None:
        kind = block.kind
        if kind in _DIVS:
            self.blocks(block.children, depth + 1)
        elif kind in _WRAPPERS:
            self.blocks(block.children, depth)
        elif kind == "head":
            self.heading(block, depth)
        elif kind == "sp":
            self.speech(block, depth)
        elif kind == "speaker":
            self.out.append(f"\n\\noindent\\teispeaker{{{self._text(block.inlines)}}}\n")
        elif kind == "stage":
            if block.children:
                self.blocks(block.children, depth)
            else:
                text = self._text(block.inlines)
                if text:
                    self.out.append(f"\n\\teistage{{{text}}}\n")
        elif kind == "lg":
            self.verse(block)
        elif kind == "l":
            self.paragraph(block.inlines, "\\noindent ")
        elif kind in _QUOTES:
            self.environment("quote", lambda: self.content(block, depth))
        elif kind == "list":
            self.list(block, depth)
        elif kind == "table":
            self.table(block)
        elif kind == "code":
            self.code(block.plain())
        elif kind == "milestone":
            if block.attrs.get("unit") == "section":
                rend = block.attrs.get("rend", "")
                mark = rend if rend.strip() and not any(c.isalnum() for c in rend) else "* * *"
                self.out.append(f"\n\\begin{{center}}{_escape(mark)}\\end{{center}}\n")
        elif kind == "pb":
            return
        elif kind == "graphic":
            self.warn(
                "graphic",
                "a figure's picture is not included in the LaTeX document; its "
                "description and caption are kept",
                block.line,
            )
        elif kind in ("figDesc", "caption"):
            self.paragraph(block.inlines, "\\noindent\\textit{Figure:} ")
        elif block.children:
            self.blocks(block.children, depth)
        else:
            self.paragraph(block.inlines)

    def heading(self, block: Block, depth: int) -> None:
        text, after = self.held(block.inlines)
        if not text:
            return
        if depth == 0 or self.nesting:  # a head outside a division (a list's, a table's)
            self.out.append(f"\n\\par\\noindent\\textbf{{{text}}}{after}\\par\\nopagebreak\n")
            return
        command = _SECTIONS[min(depth, len(_SECTIONS)) - 1]
        plain = _escape(" ".join(_words(block.inlines).split()))
        self.out.append(
            f"\n\\{command}*{{{text}}}\\addcontentsline{{toc}}{{{command}}}{{{plain}}}{after}\n"
        )

    def speech(self, block: Block, depth: int) -> None:
        children = list(block.children)
        label = []
        while children and children[0].kind == "speaker":
            label.append(self._text(children.pop(0).inlines))
        speaker = f"\\noindent\\teispeaker{{{' '.join(label)}}} " if label else ""
        if speaker and children and children[0].kind == "p" and not children[0].children:
            self.paragraph(children.pop(0).inlines, speaker)
        elif speaker:
            self.out.append(f"\n{speaker}\\par\\nopagebreak\n")
        self.blocks(children, depth)

    def verse(self, block: Block) -> None:
        def write() -> None:
            lines: list[str] = []
            for child in block.children:
                if child.kind == "l" and not child.children:
                    text = self._text(child.inlines)
                    if text:
                        lines.append(text)
                    continue
                if lines:
                    self.out.append("\\\\\n".join(lines) + "\n")
                    lines = []
                self.out.append("\n")
                self.block(child, 0) if child.kind != "lg" else self.verse_lines(child)
                self.out.append("\n")
            if lines:
                self.out.append("\\\\\n".join(lines) + "\n")

        self.environment("verse", write)

    def verse_lines(self, block: Block) -> None:
        """A stanza inside a stanza: its lines, a blank line apart from the others."""
        lines = [self._text(c.inlines) for c in block.children if c.kind == "l" and not c.children]
        lines = [line for line in lines if line]
        if lines:
            self.out.append("\\\\\n".join(lines) + "\n")
        for child in block.children:
            if child.kind != "l" or child.children:
                self.block(child, 0)

    def list(self, block: Block, depth: int) -> None:
        items = [c for c in block.children if c.kind not in ("label", "head")]
        labelled = any(c.kind == "label" for c in block.children)
        for head in (c for c in block.children if c.kind == "head"):
            self.heading(head, 0)
        if not items:
            for child in block.children:
                if child.kind == "label":
                    self.paragraph(child.inlines)
            return
        name = (
            "description"
            if labelled
            else "enumerate"
            if block.attrs.get("type") in ("ordered", "numbered")
            else "itemize"
        )

        def write() -> None:
            label = after = ""
            for child in block.children:
                if child.kind == "head":
                    continue
                if child.kind == "label":
                    label, after = self.held(child.inlines)
                    continue
                marker = f"\\item[{{{label}}}]{after}" if labelled else "\\item"
                self.out.append(f"\n{marker}{{}} ")
                label = after = ""
                self.content(child, depth)

        # Too deep for LaTeX (six list-like environments, four of one kind): items as paragraphs
        if self.nesting >= _MAX_NESTING or self.kinds.get(name, 0) >= 4:
            for child in items:
                self.content(child, depth)
            return
        self.kinds[name] = self.kinds.get(name, 0) + 1
        self.environment(name, write)
        self.kinds[name] -= 1

    def table(self, block: Block) -> None:
        rows = [r for r in block.children if r.kind == "row"]
        for head in (c for c in block.children if c.kind == "head"):
            self.heading(head, 0)
        if not rows:
            self.blocks([c for c in block.children if c.kind != "head"])
            return
        width = max(len(r.children) or 1 for r in rows)
        column = f"p{{\\dimexpr\\linewidth/{width}-2\\tabcolsep\\relax}}"
        outer, self.deferred = self.deferred, []
        lines = []
        for row in rows:
            cells = []
            for cell in list(row.children or [row]) + [Block("cell")] * (
                width - len(row.children or [row])
            ):
                saved, self.out = self.out, []
                nesting, self.nesting = self.nesting, _MAX_NESTING
                if cell.children:
                    self.blocks(cell.children)
                    text = "".join(self.out).strip().replace("\n\n", "\\par ")
                else:
                    text = self._text(cell.inlines)
                self.out, self.nesting = saved, nesting
                cells.append(" ".join(text.split("\n")))
            lines.append(" & ".join(cells) + " \\\\")
        held = self.deferred
        self.deferred = outer
        after = ""
        if held:
            after = f"\\addtocounter{{footnote}}{{-{len(held)}}}" + "".join(
                f"\\stepcounter{{footnote}}\\footnotetext{{{body[0]}}}" for body in held
            )
        self.out.append(
            "\n\\par\\noindent\\begin{tabular}{"
            + column * width
            + "}\n"
            + "\n".join(lines)
            + f"\n\\end{{tabular}}\\par{after}\n"
        )

    def code(self, text: str) -> None:
        lines = []
        for line in text.split("\n"):
            escaped = _escape(line).replace(" ", "\\ ")
            lines.append(escaped or "\\mbox{}")
        body = "\\\\\n".join(lines)
        self.out.append(f"\n{{\\ttfamily\\raggedright\\noindent {body}\\par}}\n")


def _words(spans: Sequence[Inline]) -> str:
    """A heading's words for the table of contents: no note markers, no line breaks."""
    out = []
    for span in spans:
        if isinstance(span, str):
            out.append(span)
        elif span.kind == "code":
            out.append(span.text)
        elif span.kind not in ("noteref", "pb", "anchor"):
            out.append(" " if span.kind == "lb" else _words(span.children))
    return "".join(out)


def _url(href: str) -> str:
    """A URL for \\href that survives being inside another command's argument."""
    out = []
    for char in href:
        if char in "#%&_":
            out.append("\\" + char)
        elif char in "{}\\^$~ " or ord(char) < 32:
            out.append("".join(f"\\%{b:02X}" for b in char.encode("utf-8")))
        else:
            out.append(char)
    return "".join(out)


def _emphasis(rend: str, text: str) -> str:
    words = set(re.split(r"[\s,;()#:-]+", rend.lower()))
    if not text:
        return ""
    out = text
    styled = False
    if words & {"bold", "b", "strong"}:
        out, styled = f"\\textbf{{{out}}}", True
    if words & {"smallcaps", "sc"} or "small-caps" in rend.lower():
        out, styled = f"\\textsc{{{out}}}", True
    if words & {"sup", "superscript", "super"}:
        out, styled = f"\\textsuperscript{{{out}}}", True
    elif words & {"sub", "subscript"}:
        out, styled = f"\\textsubscript{{{out}}}", True
    if words & {"underline", "ul", "u"}:
        out, styled = f"\\underline{{{out}}}", True
    if words & {"italic", "italics", "i", "it"} or not styled:
        out = f"\\emph{{{out}}}"
    return out


def render(reading: Reading) -> str:
    writer = _Latex(reading)
    writer.blocks(reading.blocks)
    header = reading.header
    title = _escape(header.get("title") or "Untitled")
    for subtitle in header.get("subtitles", []):
        title += f"\\\\\\large {_escape(subtitle)}"
    authors = " \\and ".join(_escape(a) for a in header.get("authors", []))
    date = _escape(header.get("date", ""))
    lang = bcp47(reading.facts.get("lang") or (header.get("languages") or ["und"])[0])
    pdf_title = _escape(" ".join((header.get("title") or "").split()))
    pdf_author = _escape("; ".join(header.get("authors", [])))
    body = "".join(writer.out).strip()
    toc = "\\tableofcontents\n\\bigskip\n" if body.count("\\addcontentsline") >= 2 else ""
    return (
        PREAMBLE
        + "\\makeatletter\\@ifpackageloaded{hyperref}{\\hypersetup{"
        + f"pdftitle={{{pdf_title}}},pdfauthor={{{pdf_author}}},pdflang={{{lang}}}"
        + "}}{}\\makeatother\n"
        + f"\\title{{{title}}}\n\\author{{{authors}}}\n\\date{{{date}}}\n"
        + "\\begin{document}\n\\maketitle\n"
        + toc
        + body
        + "\n\\end{document}\n"
    )
