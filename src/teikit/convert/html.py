"""The block tree → one standalone, semantic HTML5 page (no scripts, no XSLT).

A header panel (title, authors, sources, responsibility, licence, provenance), a table of contents
of the divisions, the text with speakers and stage directions styled apart, verse lines, page
markers, notes as footnotes linked both ways, and every ``xml:id`` kept as an ``id`` anchor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from .langtags import bcp47
from .reader import Block, Inline, Reading, Span

STYLE = """
body{font-family:Georgia,'Times New Roman',serif;line-height:1.55;max-width:46rem;
margin:2rem auto;padding:0 1rem;color:#1d1d1d}
header.tei-header{border:1px solid #ccc;background:#f7f5ef;padding:1rem 1.25rem;
margin-bottom:2rem;font-size:.92rem}
header.tei-header h1{font-size:1.6rem;margin:.2rem 0}
header.tei-header dt{font-weight:bold;margin-top:.4rem}
header.tei-header dd{margin-left:1rem}
nav.toc{font-size:.92rem;margin-bottom:2rem}
.speaker{font-variant:small-caps;font-weight:bold;margin-right:.4em}
.sp{margin:.8rem 0}
.stage{font-style:italic;color:#555}
.lg{margin:1rem 0 1rem 2rem}.l{display:block}
.pb{color:#888;font-size:.8rem;font-family:sans-serif}
.pb::before{content:"[page " attr(data-n) "]"}
.milestone{text-align:center;letter-spacing:.5em}
.label{font-weight:bold;margin-right:.5em}
blockquote{margin:1rem 2rem;color:#333}
aside.notes{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem}
.titlePage{text-align:center;margin-bottom:2rem}
.docAuthor,.docDate{display:block}
.titlePart{display:block;font-size:1.3rem;font-weight:bold}
.titlePart.sub{font-size:1.1rem;font-weight:normal}
table{border-collapse:collapse}td{border:1px solid #ccc;padding:.2rem .5rem}
""".strip()

_DIVS = {"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"}
# Blocks that, holding one run of text, ``blocks`` writes itself: the start tag without its ``>``
# (after the newline that separates blocks), the end tag and whether an id is shown. Each matches
# its writer (``_other``, ``_l``, ``_speaker``).
_LEAVES = {
    "p": ('\n<p class="p"', "</p>", True),
    "l": ('\n<span class="l"', "</span>", True),
    "speaker": ('\n<span class="speaker"', "</span>", False),
}


def _escape(value: str) -> str:
    """``html.escape`` (quotes included), replacing only the characters the value holds."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "'" in value:
        value = value.replace("'", "&#x27;")
    return value


def _ident(block: Block) -> str:
    ident = block.attrs.get("id")
    return f' id="{_escape(ident)}"' if ident else ""


class _Html:
    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.toc: list[tuple[int, str, str]] = []
        self._counter = 0
        self.out: list[str] = []

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"teikit-{prefix}-{self._counter}"

    # -- inlines ----------------------------------------------------------------------------------

    def inlines(self, spans: Sequence[Inline]) -> str:
        if len(spans) == 1:
            span = spans[0]
            if isinstance(span, str):  # the usual block: one run of text
                return _escape(span)
        out: list[str] = []
        writers = self._span_writers
        for span in spans:
            if isinstance(span, str):  # most spans: checked before the table lookup
                out.append(_escape(span))
            else:
                writer = writers.get(span.kind)
                out.append(writer(self, span) if writer else self.inlines(span.children))
        return "".join(out)

    def _lb(self, span: Span) -> str:
        return "<br>"

    def _pb_marker(self, span: Span) -> str:
        n = _escape(span.attrs.get("n", ""))
        return f'<span class="pb" data-n="{n}" role="note"></span>'

    def _anchor(self, span: Span) -> str:
        return f'<a id="{_escape(span.attrs["id"])}"></a>'

    def _emph(self, span: Span) -> str:
        return f"<em>{self.inlines(span.children)}</em>"

    def _noteref(self, span: Span) -> str:
        nid = _escape(span.attrs["id"])
        n = _escape(span.attrs.get("n", ""))
        return f'<sup><a id="ref-{nid}" href="#{nid}" class="noteref">{n}</a></sup>'

    def _ref(self, span: Span) -> str:
        target = span.attrs.get("target", "").split()
        href = target[0] if target else ""
        label = self.inlines(span.children)
        if not href:
            return label
        cls = "" if label else ' class="ptr"'  # an empty <ptr>: show where it points
        return f'<a href="{_escape(href)}"{cls}>{label or _escape(href)}</a>'

    def _stage_span(self, span: Span) -> str:
        return f'<span class="stage">{self.inlines(span.children)}</span>'

    def _code_span(self, span: Span) -> str:
        return f"<code>{_escape(span.text)}</code>"

    def _said(self, span: Span) -> str:
        who = span.attrs.get("who", "")
        attr = f' data-who="{_escape(who)}"' if who else ""
        return f'<span class="said"{attr}>{self.inlines(span.children)}</span>'

    # Span kinds with their own markup; any other kind renders its children only.
    _span_writers: dict[str, Callable[[_Html, Span], str]] = {
        "lb": _lb,
        "pb": _pb_marker,
        "anchor": _anchor,
        "emph": _emph,
        "noteref": _noteref,
        "ref": _ref,
        "stage": _stage_span,
        "said": _said,
        "code": _code_span,
    }

    # -- blocks -----------------------------------------------------------------------------------
    # Block writers append to ``self.out``, which ``render`` joins once: returning strings made
    # every level of the tree copy all the text beneath it again.

    def blocks(self, blocks: Sequence[Block], depth: int, head_depth: int | None = None) -> None:
        """The blocks, one per line; a section passes ``head_depth`` for its own headings."""
        out = self.out
        first = len(out)
        self._lines(blocks, depth, head_depth)
        if len(out) > first:  # no newline before the first block
            out[first] = out[first][1:]

    def _inside(self, blocks: Sequence[Block], depth: int, head_depth: int | None = None) -> None:
        """The blocks of a container whose start tag was just written: each on a line of its own
        and one more newline before the end tag that follows."""
        if blocks:
            self._lines(blocks, depth, head_depth)
        else:
            self.out.append("\n")

    def _lines(self, blocks: Sequence[Block], depth: int, head_depth: int | None = None) -> None:
        """Each block after a newline. The usual blocks (paragraphs, verse lines and speakers of
        one run of text; speeches) are written here rather than by writers of their own: a call
        per block cost more than the writing."""
        writers = self._block_writers
        other = _Html._other
        leaves = _LEAVES
        append = self.out.append
        for b in blocks:
            kind = b.kind
            leaf = leaves.get(kind)
            if leaf is not None:
                spans = b.inlines
                # Most blocks are a paragraph, verse line or speaker holding one run of text.
                if len(spans) == 1 and isinstance(text := spans[0], str):
                    # ``_escape`` spelt out: most texts need none of it.
                    if "&" in text:
                        text = text.replace("&", "&amp;")
                    if "<" in text:
                        text = text.replace("<", "&lt;")
                    if ">" in text:
                        text = text.replace(">", "&gt;")
                    if '"' in text:
                        text = text.replace('"', "&quot;")
                    if "'" in text:
                        text = text.replace("'", "&#x27;")
                    start, end, shows_id = leaf
                    attrs = b.attrs
                    ident = attrs.get("id") if shows_id and attrs else None
                    if ident:
                        append(f'{start} id="{_escape(ident)}">{text}{end}')
                    else:
                        append(f"{start}>{text}{end}")
                    continue
            elif kind == "sp":
                attrs = b.attrs
                if attrs:
                    ident = attrs.get("id")
                    ident = f' id="{_escape(ident)}"' if ident else ""
                    who = attrs.get("who")
                    who = f' data-who="{_escape(who)}"' if who else ""
                    append(f'\n<div class="sp"{ident}{who}>')
                else:
                    append('\n<div class="sp">')
                self._inside(b.children, depth)
                append("\n</div>")
                continue
            append("\n")
            if head_depth is not None and kind == "head":
                append(self.heading(b, head_depth))
            else:
                writers.get(kind, other)(self, b, depth)

    def content(self, block: Block, depth: int) -> None:
        """The block's children when it has any, else its inline text."""
        if block.children:
            self.blocks(block.children, depth)
        else:
            self.out.append(self.inlines(block.inlines))

    def _inlines_or_blocks(self, block: Block, depth: int) -> None:
        text = self.inlines(block.inlines)
        if text:
            self.out.append(text)
        else:
            self.blocks(block.children, depth)

    def _section(self, block: Block, depth: int) -> None:
        kind = block.kind
        ident = _ident(block)
        is_div = kind in _DIVS
        tag = "section" if is_div else "div"
        inner_depth = depth + 1 if is_div else depth
        if is_div:
            # The first head only (a division may hold thousands of paragraphs after it).
            head = next((c for c in block.children if c.kind == "head"), None)
            if head is not None:
                anchor = block.attrs.get("id") or self._next_id("div")
                ident = f' id="{_escape(anchor)}"'
                self.toc.append((inner_depth, anchor, head.plain()))
        cls = _escape(" ".join(filter(None, [kind, block.attrs.get("type", "")])))
        self.out.append(f'<{tag} class="{cls}"{ident}>')
        self._inside(block.children, inner_depth, inner_depth)
        self.out.append(f"\n</{tag}>")

    def _head(self, block: Block, depth: int) -> None:
        self.out.append(self.heading(block, depth + 1))

    def _speaker(self, block: Block, depth: int) -> None:
        self.out.append(f'<span class="speaker">{self.inlines(block.inlines)}</span>')

    def _stage(self, block: Block, depth: int) -> None:
        self.out.append(f'<p class="stage"{_ident(block)}>')
        self._inlines_or_blocks(block, depth)
        self.out.append("</p>")

    def _list(self, block: Block, depth: int) -> None:
        out = self.out
        tag = "ol" if block.attrs.get("type") in ("ordered", "numbered") else "ul"
        style = ' style="list-style:none"' if tag == "ol" else ""
        out.append(f"<{tag}{_ident(block)}{style}>\n")
        label = ""
        first = True
        for child in block.children:
            if child.kind == "label":
                label = f'<span class="label">{self.inlines(child.inlines)}</span>'
                continue
            if not first:
                out.append("\n")
            first = False
            out.append(f"<li>{label}")
            self.content(child, depth)
            out.append("</li>")
            label = ""
        if label:
            if not first:
                out.append("\n")
            out.append(f"<li>{label}</li>")
        out.append(f"\n</{tag}>")

    def _quote(self, block: Block, depth: int) -> None:
        self.out.append(f'<blockquote class="{block.kind}"{_ident(block)}>\n')
        if block.children:
            self.blocks(block.children, depth)
        else:
            self.out.append(f"<p>{self.inlines(block.inlines)}</p>")
        self.out.append("\n</blockquote>")

    def _lg(self, block: Block, depth: int) -> None:
        self.out.append(f'<div class="lg"{_ident(block)}>')
        self._inside(block.children, depth)
        self.out.append("\n</div>")

    def _l(self, block: Block, depth: int) -> None:
        self.out.append(f'<span class="l"{_ident(block)}>{self.inlines(block.inlines)}</span>')

    def _pb(self, block: Block, depth: int) -> None:
        n = _escape(block.attrs.get("n", ""))
        self.out.append(f'<div class="pb" data-n="{n}"{_ident(block)} role="note"></div>')

    def _milestone(self, block: Block, depth: int) -> None:
        rend = _escape(block.attrs.get("rend", "")) or (
            "* * *" if block.attrs.get("unit") == "section" else ""
        )
        self.out.append(f'<div class="milestone"{_ident(block)}>{rend}</div>')

    def _table(self, block: Block, depth: int) -> None:
        out = self.out
        out.append(f"<table{_ident(block)}>\n")
        first = True
        for row in block.children:
            if not first:
                out.append("\n")
            first = False
            out.append("<tr>")
            for cell in row.children or [row]:
                out.append("<td>")
                self._inlines_or_blocks(cell, depth)
                out.append("</td>")
            out.append("</tr>")
        out.append("\n</table>")

    def _group(self, block: Block, depth: int) -> None:
        self.out.append(f'<div class="{block.kind}"{_ident(block)}>\n')
        self.content(block, depth)
        self.out.append("\n</div>")

    def _phrase(self, block: Block, depth: int) -> None:
        cls = _escape(" ".join(filter(None, [block.kind, block.attrs.get("type", "")])))
        text = self.inlines(block.inlines)
        if text or not block.children:
            self.out.append(f'<span class="{cls}"{_ident(block)}>{text}</span>')
        else:  # mixed content read as blocks ("by <docAuthor>…</docAuthor>"): HTML needs a div
            self.out.append(f'<div class="{cls}"{_ident(block)}>')
            self._inside(block.children, depth)
            self.out.append("\n</div>")

    def _code(self, block: Block, depth: int) -> None:
        lang = block.attrs.get("lang", "")
        cls = f' class="language-{_escape(lang)}"' if lang else ""
        self.out.append(f'<pre class="example"><code{cls}>{_escape(block.plain())}</code></pre>')

    def _other(self, block: Block, depth: int) -> None:
        kind = block.kind
        if kind != "p":  # the usual block, whose class needs no escaping
            kind = _escape(kind)
        ident = _ident(block)
        if block.children:
            self.out.append(f'<div class="{kind}"{ident}>')
            self._inside(block.children, depth)
            self.out.append("\n</div>")
        else:
            self.out.append(f'<p class="{kind}"{ident}>{self.inlines(block.inlines)}</p>')

    # Block kinds with their own markup; any other kind is a <div> of blocks or a <p> of text.
    _block_writers: dict[str, Callable[[_Html, Block, int], None]] = {
        **dict.fromkeys([*sorted(_DIVS), "front", "back", "body", "group", "text"], _section),
        "head": _head,
        "speaker": _speaker,
        "stage": _stage,
        "list": _list,
        **dict.fromkeys(["quote", "cit", "epigraph"], _quote),
        "lg": _lg,
        "l": _l,
        "pb": _pb,
        "milestone": _milestone,
        "table": _table,
        "code": _code,
        **dict.fromkeys(
            [
                "titlePage",
                "docTitle",
                "castList",
                "castGroup",
                "opener",
                "closer",
                "castItem",
                "floatingText",
                "figure",
                "argument",
                "postscript",
                "listBibl",
                "note",
            ],
            _group,
        ),
        **dict.fromkeys(
            [
                "titlePart",
                "docAuthor",
                "docDate",
                "byline",
                "docImprint",
                "docEdition",
                "salute",
                "signed",
                "dateline",
                "role",
                "roleDesc",
                "trailer",
                "label",
                "bibl",
                "caption",
            ],
            _phrase,
        ),
    }

    def heading(self, block: Block, depth: int) -> str:
        level = min(max(depth + 1, 2), 6)
        return f"<h{level}>{self.inlines(block.inlines)}</h{level}>"

    # -- page -------------------------------------------------------------------------------------

    def header_panel(self) -> str:
        h = self.reading.header
        rows: list[tuple[str, list[str]]] = [
            ("Author", h.get("authors", [])),
            ("Editor", h.get("editors", [])),
            ("Source", h.get("sources", [])),
            (
                "Responsibility",
                [f"{r['resp']}: {', '.join(r['names'])}" for r in h.get("respStmts", [])],
            ),
            ("Publisher", h.get("publisher", [])),
            ("Licence", h.get("licence", [])),
            ("Created", [h["creation"]] if h.get("creation") else []),
            ("Language", h.get("languages", [])),
            (
                "Speakers",
                [
                    p["name"] + (f" ({p['role']})" if p.get("role") else "")
                    for p in h.get("participants", [])
                ],
            ),
            ("Provenance", h.get("changes", [])),
        ]
        items = "\n".join(
            f"<dt>{escape(label)}</dt>\n" + "\n".join(f"<dd>{escape(v)}</dd>" for v in values)
            for label, values in rows
            if values
        )
        subtitle = "".join(f'<p class="subtitle">{escape(s)}</p>' for s in h.get("subtitles", []))
        return (
            f'<header class="tei-header">\n<h1>{escape(h.get("title") or "Untitled")}</h1>\n'
            f"{subtitle}\n"
            f"<dl>\n{items}\n</dl>\n</header>"
        )

    def notes(self) -> str:
        if not self.reading.notes:
            return ""
        items: list[str] = []
        for note in self.reading.notes:
            nid = escape(note.attrs["id"])
            self.out = []
            self.content(note, 1)
            body = "".join(self.out)
            items.append(
                f'<li id="{nid}" value="{len(items) + 1}">{body} '
                f'<a href="#ref-{nid}" class="backref" aria-label="back to text">↩</a></li>'
            )
        return (
            '<aside class="notes">\n<h2>Notes</h2>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</aside>"
        )


def render(reading: Reading, css: str | None = None) -> str:
    page = _Html(reading)
    page.blocks(reading.blocks, 0)
    body = page.out
    toc = ""
    if len(page.toc) > 1:
        toc = (
            '<nav class="toc">\n<h2>Contents</h2>\n<ul>\n'
            + "\n".join(
                f'<li style="margin-left:{(d - 1) * 1.2:.1f}rem">'
                f'<a href="#{escape(a)}">{escape(t)}</a></li>'
                for d, a, t in page.toc
            )
            + "\n</ul>\n</nav>"
        )
    style = Path(css).read_text(encoding="utf-8") if css else STYLE
    lang = bcp47((reading.header.get("languages") or ["und"])[0])
    title = escape(reading.header.get("title") or "Untitled")
    head = (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="teikit">\n<title>{title}</title>\n'
        f"<style>\n{style}\n</style>\n</head>\n"
        f"<body>\n{page.header_panel()}\n{toc}\n<main>\n"
    )
    notes = page.notes()
    return "".join([head, *body, f"\n</main>\n{notes}\n</body>\n</html>\n"])
