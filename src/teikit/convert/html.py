"""The block tree → one standalone, semantic HTML5 page (no scripts, no XSLT).

A header panel (title, authors, sources, responsibility, licence, provenance), a table of contents
of the divisions, the text with speakers and stage directions styled apart, verse lines, page
markers, notes as footnotes linked both ways, and every ``xml:id`` kept as an ``id`` anchor.
"""

from __future__ import annotations

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
        out: list[str] = []
        for span in spans:
            kind = span.kind
            if kind == "text":
                out.append(escape(span.text))
            elif kind == "lb":
                out.append("<br>")
            elif kind == "pb":
                n = escape(span.attrs.get("n", ""))
                out.append(f'<span class="pb" data-n="{n}" role="note"></span>')
            elif kind == "anchor":
                out.append(f'<a id="{escape(span.attrs["id"])}"></a>')
            elif kind == "emph":
                out.append(f"<em>{self.inlines(span.children)}</em>")
            elif kind == "noteref":
                nid = escape(span.attrs["id"])
                n = escape(span.attrs.get("n", ""))
                out.append(f'<sup><a id="ref-{nid}" href="#{nid}" class="noteref">{n}</a></sup>')
            elif kind == "ref":
                target = span.attrs.get("target", "").split()
                href = target[0] if target else ""
                label = self.inlines(span.children)
                cls = "" if label else ' class="ptr"'  # an empty <ptr>: show where it points
                out.append(
                    f'<a href="{escape(href)}"{cls}>{label or escape(href)}</a>'
                    if href
                    else self.inlines(span.children)
                )
            elif kind == "stage":
                out.append(f'<span class="stage">{self.inlines(span.children)}</span>')
            elif kind == "said":
                who = span.attrs.get("who", "")
                attr = f' data-who="{escape(who)}"' if who else ""
                out.append(f'<span class="said"{attr}>{self.inlines(span.children)}</span>')
            else:
                out.append(self.inlines(span.children))
        return "".join(out)

    # -- blocks -----------------------------------------------------------------------------------

    def blocks(self, blocks: list[Block], depth: int) -> str:
        return "\n".join(self.block(b, depth) for b in blocks)

    def block(self, block: Block, depth: int) -> str:
        kind = block.kind
        ident = f' id="{escape(block.attrs["id"])}"' if block.attrs.get("id") else ""
        if kind in _DIVS or kind in ("front", "back", "body", "group", "text"):
            tag = "section" if kind in _DIVS else "div"
            inner_depth = depth + 1 if kind in _DIVS else depth
            heads = [c for c in block.children if c.kind == "head"]
            if kind in _DIVS and heads:
                anchor = block.attrs.get("id") or self._next_id("div")
                ident = f' id="{escape(anchor)}"'
                self.toc.append((inner_depth, anchor, heads[0].plain()))
            body = "\n".join(
                self.heading(c, inner_depth) if c.kind == "head" else self.block(c, inner_depth)
                for c in block.children
            )
            cls = escape(" ".join(filter(None, [kind, block.attrs.get("type", "")])))
            return f'<{tag} class="{cls}"{ident}>\n{body}\n</{tag}>'
        if kind == "head":
            return self.heading(block, depth + 1)
        if kind == "sp":
            who = block.attrs.get("who", "")
            attr = f' data-who="{escape(who)}"' if who else ""
            return f'<div class="sp"{ident}{attr}>\n{self.blocks(block.children, depth)}\n</div>'
        if kind == "speaker":
            return f'<span class="speaker">{self.inlines(block.inlines)}</span>'
        if kind == "stage":
            return f'<p class="stage"{ident}>{self.inlines(block.inlines) or self.blocks(block.children, depth)}</p>'
        if kind == "list":
            items: list[str] = []
            label = ""
            for child in block.children:
                if child.kind == "label":
                    label = f'<span class="label">{self.inlines(child.inlines)}</span>'
                    continue
                body = (
                    self.inlines(child.inlines)
                    if not child.children
                    else self.blocks(child.children, depth)
                )
                items.append(f"<li>{label}{body}</li>")
                label = ""
            if label:
                items.append(f"<li>{label}</li>")
            tag = "ol" if block.attrs.get("type") in ("ordered", "numbered") else "ul"
            style = ' style="list-style:none"' if tag == "ol" else ""
            return f"<{tag}{ident}{style}>\n" + "\n".join(items) + f"\n</{tag}>"
        if kind in ("quote", "cit", "epigraph"):
            inner = (
                self.blocks(block.children, depth)
                if block.children
                else f"<p>{self.inlines(block.inlines)}</p>"
            )
            return f'<blockquote class="{kind}"{ident}>\n{inner}\n</blockquote>'
        if kind == "lg":
            return f'<div class="lg"{ident}>\n{self.blocks(block.children, depth)}\n</div>'
        if kind == "l":
            return f'<span class="l"{ident}>{self.inlines(block.inlines)}</span>'
        if kind == "pb":
            n = escape(block.attrs.get("n", ""))
            return f'<div class="pb" data-n="{n}"{ident} role="note"></div>'
        if kind == "milestone":
            rend = escape(block.attrs.get("rend", "")) or (
                "* * *" if block.attrs.get("unit") == "section" else ""
            )
            return f'<div class="milestone"{ident}>{rend}</div>'
        if kind == "table":
            rows = []
            for row in block.children:
                cells = row.children or [row]
                rows.append(
                    "<tr>"
                    + "".join(
                        f"<td>{self.inlines(c.inlines) or self.blocks(c.children, depth)}</td>"
                        for c in cells
                    )
                    + "</tr>"
                )
            return f"<table{ident}>\n" + "\n".join(rows) + "\n</table>"
        if kind in (
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
        ):
            inner = (
                self.blocks(block.children, depth)
                if block.children
                else self.inlines(block.inlines)
            )
            return f'<div class="{kind}"{ident}>\n{inner}\n</div>'
        if kind in (
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
        ):
            cls = " ".join(filter(None, [kind, block.attrs.get("type", "")]))
            return f'<span class="{escape(cls)}"{ident}>{self.inlines(block.inlines) or self.blocks(block.children, depth)}</span>'
        if block.children:
            return (
                f'<div class="{escape(kind)}"{ident}>\n{self.blocks(block.children, depth)}\n</div>'
            )
        return f'<p class="{escape(kind)}"{ident}>{self.inlines(block.inlines)}</p>'

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
        items = []
        for note in self.reading.notes:
            nid = escape(note.attrs["id"])
            body = (
                self.inlines(note.inlines) if not note.children else self.blocks(note.children, 1)
            )
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
