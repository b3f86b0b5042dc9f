"""The block tree → one standalone, semantic HTML5 page (no scripts, no XSLT).

A header panel (title, authors, sources, responsibility, licence, provenance), a table of contents
of the divisions, the text with speakers and stage directions styled apart, verse lines, page
markers, notes as footnotes linked both ways, and every ``xml:id`` kept as an ``id`` anchor.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from .reader import Block, Reading, Span

STYLE = """
body{font-family:Georgia,'Times New Roman',serif;line-height:1.55;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d}
header.tei-header{border:1px solid #ccc;background:#f7f5ef;padding:1rem 1.25rem;margin-bottom:2rem;font-size:.92rem}
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

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"teikit-{prefix}-{self._counter}"

    # -- inlines ----------------------------------------------------------------------------------

    def inlines(self, spans: list[Span]) -> str:
        if len(spans) == 1:
            span = spans[0]
            if span.kind == "text":  # the usual block: one run of text
                return _escape(span.text)
        out: list[str] = []
        writers = self._span_writers
        for span in spans:
            if span.kind == "text":  # most spans: checked before the table lookup
                out.append(_escape(span.text))
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
    }

    # -- blocks -----------------------------------------------------------------------------------

    def blocks(self, blocks: list[Block], depth: int) -> str:
        writers = self._block_writers  # dispatch inline: one call per block, not two
        other = _Html._other
        return "\n".join([writers.get(b.kind, other)(self, b, depth) for b in blocks])

    def block(self, block: Block, depth: int) -> str:
        return self._block_writers.get(block.kind, _Html._other)(self, block, depth)

    def content(self, block: Block, depth: int) -> str:
        """The block's children when it has any, else its inline text."""
        if block.children:
            return self.blocks(block.children, depth)
        return self.inlines(block.inlines)

    def _inlines_or_blocks(self, block: Block, depth: int) -> str:
        return self.inlines(block.inlines) or self.blocks(block.children, depth)

    def _section(self, block: Block, depth: int) -> str:
        kind = block.kind
        ident = _ident(block)
        is_div = kind in _DIVS
        tag = "section" if is_div else "div"
        inner_depth = depth + 1 if is_div else depth
        if is_div:
            heads = [c for c in block.children if c.kind == "head"]
            if heads:
                anchor = block.attrs.get("id") or self._next_id("div")
                ident = f' id="{_escape(anchor)}"'
                self.toc.append((inner_depth, anchor, heads[0].plain()))
        writers = self._block_writers
        other = _Html._other
        heading = _Html.heading
        body = "\n".join(
            [
                heading(self, c, inner_depth)
                if c.kind == "head"
                else writers.get(c.kind, other)(self, c, inner_depth)
                for c in block.children
            ]
        )
        cls = _escape(" ".join(filter(None, [kind, block.attrs.get("type", "")])))
        return f'<{tag} class="{cls}"{ident}>\n{body}\n</{tag}>'

    def _head(self, block: Block, depth: int) -> str:
        return self.heading(block, depth + 1)

    def _sp(self, block: Block, depth: int) -> str:
        attrs = block.attrs
        ident = attrs.get("id")
        ident = f' id="{_escape(ident)}"' if ident else ""
        who = attrs.get("who")
        attr = f' data-who="{_escape(who)}"' if who else ""
        writers = self._block_writers  # ``blocks`` inlined
        other = _Html._other
        body = "\n".join([writers.get(b.kind, other)(self, b, depth) for b in block.children])
        return f'<div class="sp"{ident}{attr}>\n{body}\n</div>'

    def _speaker(self, block: Block, depth: int) -> str:
        spans = block.inlines
        if len(spans) == 1 and spans[0].kind == "text":  # ``inlines`` inlined: the usual case
            return f'<span class="speaker">{_escape(spans[0].text)}</span>'
        return f'<span class="speaker">{self.inlines(spans)}</span>'

    def _stage(self, block: Block, depth: int) -> str:
        return f'<p class="stage"{_ident(block)}>{self._inlines_or_blocks(block, depth)}</p>'

    def _list(self, block: Block, depth: int) -> str:
        items: list[str] = []
        label = ""
        for child in block.children:
            if child.kind == "label":
                label = f'<span class="label">{self.inlines(child.inlines)}</span>'
                continue
            items.append(f"<li>{label}{self.content(child, depth)}</li>")
            label = ""
        if label:
            items.append(f"<li>{label}</li>")
        tag = "ol" if block.attrs.get("type") in ("ordered", "numbered") else "ul"
        style = ' style="list-style:none"' if tag == "ol" else ""
        return f"<{tag}{_ident(block)}{style}>\n" + "\n".join(items) + f"\n</{tag}>"

    def _quote(self, block: Block, depth: int) -> str:
        inner = (
            self.blocks(block.children, depth)
            if block.children
            else f"<p>{self.inlines(block.inlines)}</p>"
        )
        return f'<blockquote class="{block.kind}"{_ident(block)}>\n{inner}\n</blockquote>'

    def _lg(self, block: Block, depth: int) -> str:
        return f'<div class="lg"{_ident(block)}>\n{self.blocks(block.children, depth)}\n</div>'

    def _l(self, block: Block, depth: int) -> str:
        ident = block.attrs.get("id")
        ident = f' id="{_escape(ident)}"' if ident else ""
        spans = block.inlines
        if len(spans) == 1 and spans[0].kind == "text":  # ``inlines`` inlined: the usual case
            return f'<span class="l"{ident}>{_escape(spans[0].text)}</span>'
        return f'<span class="l"{ident}>{self.inlines(spans)}</span>'

    def _pb(self, block: Block, depth: int) -> str:
        n = _escape(block.attrs.get("n", ""))
        return f'<div class="pb" data-n="{n}"{_ident(block)} role="note"></div>'

    def _milestone(self, block: Block, depth: int) -> str:
        rend = _escape(block.attrs.get("rend", "")) or (
            "* * *" if block.attrs.get("unit") == "section" else ""
        )
        return f'<div class="milestone"{_ident(block)}>{rend}</div>'

    def _table(self, block: Block, depth: int) -> str:
        rows = []
        for row in block.children:
            cells = row.children or [row]
            rows.append(
                "<tr>"
                + "".join(f"<td>{self._inlines_or_blocks(c, depth)}</td>" for c in cells)
                + "</tr>"
            )
        return f"<table{_ident(block)}>\n" + "\n".join(rows) + "\n</table>"

    def _group(self, block: Block, depth: int) -> str:
        return f'<div class="{block.kind}"{_ident(block)}>\n{self.content(block, depth)}\n</div>'

    def _phrase(self, block: Block, depth: int) -> str:
        cls = _escape(" ".join(filter(None, [block.kind, block.attrs.get("type", "")])))
        return f'<span class="{cls}"{_ident(block)}>{self._inlines_or_blocks(block, depth)}</span>'

    def _other(self, block: Block, depth: int) -> str:
        kind = block.kind
        if kind != "p":  # the usual block, whose class needs no escaping
            kind = _escape(kind)
        ident = block.attrs.get("id")
        ident = f' id="{_escape(ident)}"' if ident else ""
        if block.children:
            return f'<div class="{kind}"{ident}>\n{self.blocks(block.children, depth)}\n</div>'
        spans = block.inlines
        if len(spans) == 1 and spans[0].kind == "text":  # ``inlines`` inlined: the usual case
            return f'<p class="{kind}"{ident}>{_escape(spans[0].text)}</p>'
        return f'<p class="{kind}"{ident}>{self.inlines(spans)}</p>'

    # Block kinds with their own markup; any other kind is a <div> of blocks or a <p> of text.
    _block_writers: dict[str, Callable[[_Html, Block, int], str]] = {
        **dict.fromkeys([*sorted(_DIVS), "front", "back", "body", "group", "text"], _section),
        "head": _head,
        "sp": _sp,
        "speaker": _speaker,
        "stage": _stage,
        "list": _list,
        **dict.fromkeys(["quote", "cit", "epigraph"], _quote),
        "lg": _lg,
        "l": _l,
        "pb": _pb,
        "milestone": _milestone,
        "table": _table,
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
            f'<header class="tei-header">\n<h1>{escape(h.get("title") or "Untitled")}</h1>\n{subtitle}\n'
            f"<dl>\n{items}\n</dl>\n</header>"
        )

    def notes(self) -> str:
        if not self.reading.notes:
            return ""
        items: list[str] = []
        for note in self.reading.notes:
            nid = escape(note.attrs["id"])
            body = self.content(note, 1)
            items.append(
                f'<li id="{nid}" value="{len(items) + 1}">{body} '
                f'<a href="#ref-{nid}" class="backref" aria-label="back to text">↩</a></li>'
            )
        return (
            '<aside class="notes">\n<h2>Notes</h2>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</aside>"
        )


def render(reading: Reading, css: str | None = None) -> str:
    page = _Html(reading)
    body = page.blocks(reading.blocks, 0)
    toc = ""
    if len(page.toc) > 1:
        toc = (
            '<nav class="toc">\n<h2>Contents</h2>\n<ul>\n'
            + "\n".join(
                f'<li style="margin-left:{(d - 1) * 1.2:.1f}rem"><a href="#{escape(a)}">{escape(t)}</a></li>'
                for d, a, t in page.toc
            )
            + "\n</ul>\n</nav>"
        )
    style = Path(css).read_text(encoding="utf-8") if css else STYLE
    lang = (reading.header.get("languages") or ["und"])[0]
    title = escape(reading.header.get("title") or "Untitled")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="teikit">\n<title>{title}</title>\n<style>\n{style}\n</style>\n</head>\n'
        f"<body>\n{page.header_panel()}\n{toc}\n<main>\n{body}\n</main>\n{page.notes()}\n</body>\n</html>\n"
    )
