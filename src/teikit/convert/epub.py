"""The block tree → an EPUB 3 package (bytes), valid under epubcheck.

One XHTML file per top-level division (and one for what stands between divisions), a title page
from the teiHeader, a navigation document from the heads, package metadata from the header
(title, authors, language, identifier, rights, publisher), notes as EPUB footnotes at the end of
the file that cites them, and figures with their picture where the file exists next to the TEI
document. The XHTML is ``html.py``'s, in XML syntax: the two formats show the same things.

Links: a ``#id`` pointer goes to the file that holds that id; an absolute URL stays a link; a
pointer to anything else (a relative file, an id no file holds) keeps its words without a link,
since epubcheck refuses links into nothing.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import uuid
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from ..errors import warning
from .html import STYLE, _escape, _Html
from .langtags import bcp47
from .package import xml_escape, zip_package
from .reader import Block, Reading, Span

MEDIA_TYPE = "application/epub+zip"
_DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
_WRAPPERS = frozenset({"text", "group", "front", "body", "back"})
_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}
MAX_IMAGE_BYTES = 64 * 1024 * 1024
_ABSOLUTE = re.compile(r"^(?:https?|ftp|mailto):", re.I)
# A link as first written: its target is settled once every file's ids are known.
_LINK = re.compile(r"\x00A([^\x00]*)\x00(.*?)\x00/A\x00", re.S)
_ID = re.compile(r'\sid="([^"]+)"')
EXTRA_STYLE = """
aside.footnote{font-size:.9rem;border-top:1px solid #ccc;margin-top:1rem}
a.noteref{vertical-align:super;font-size:.75em}
img{max-width:100%}
""".strip()


class _Xhtml(_Html):
    """``html.py``'s writer in XML syntax, with EPUB footnotes, settled links and pictures."""

    def __init__(self, reading: Reading, base: Path | None) -> None:
        super().__init__(reading)
        self.base = base
        self.cited: list[Block] = []  # the notes cited in the file being written, in order
        self._cited: set[int] = set()  # the places of the notes cited so far, in any file
        self.images: dict[str, tuple[str, str]] = {}  # url → (package name, media type)
        self.pictures: list[tuple[str, str, Path]] = []  # (package name, media type, file)
        self._missing: set[str] = set()

    def _lb(self, span: Span) -> str:
        return "<br/>"

    def _noteref(self, span: Span) -> str:
        nid = _escape(span.attrs["id"])
        cited = self.reading.cited(span)
        if cited is not None and cited[0] not in self._cited:  # each note written once
            self._cited.add(cited[0])
            self.cited.append(cited[1])
        n = _escape(span.attrs.get("n", ""))
        return f'<a epub:type="noteref" id="ref-{nid}" href="#{nid}" class="noteref">{n}</a>'

    def _ref(self, span: Span) -> str:
        target = span.attrs.get("target", "").split()
        href = target[0] if target else ""
        # An empty <ptr> shows where it points (marked: these are not the source's words).
        label = self.inlines(span.children) or f'<span class="ptr">{_escape(href)}</span>'
        if _ABSOLUTE.match(href):
            return f'<a href="{_escape(href)}">{label}</a>'
        if href.startswith("#") and len(href) > 1:
            return f"\x00A{_escape(href[1:])}\x00{label}\x00/A\x00"
        return label

    def _graphic_span(self, span: Span) -> str:
        return self.picture(span.attrs.get("url", ""))

    _span_writers: dict[str, Callable[[Any, Span], str]] = {  # type: ignore[assignment]
        **_Html._span_writers,
        "lb": _lb,
        "noteref": _noteref,
        "ref": _ref,
        "graphic": _graphic_span,
    }

    def _graphic(self, block: Block, depth: int) -> None:
        self.out.append(f'<div class="graphic">{self.picture(block.attrs.get("url", ""))}</div>')

    _block_writers: dict[str, Callable[[Any, Block, int], None]] = {  # type: ignore[assignment]
        **_Html._block_writers,
        "graphic": _graphic,
    }

    def picture(self, url: str) -> str:
        """An ``img`` for a picture file next to the document, or nothing (with a warning)."""
        if not url:
            return ""
        known = self.images.get(url)
        if known is None:
            found = _local_file(self.base, url)
            media = _IMAGE_TYPES.get(Path(url).suffix.lower())
            if found is None or media is None:
                if url not in self._missing:
                    self._missing.add(url)
                    self.reading.diagnostics.append(
                        warning(
                            "convert-figure-missing",
                            f"figure file {url!r} is not a picture next to the document; "
                            "the figure's description and caption are kept, not the picture",
                            file=self.reading.facts.get("file", ""),
                        )
                    )
                return ""
            name = f"images/figure-{len(self.images) + 1}{Path(url).suffix.lower()}"
            known = self.images[url] = (name, media)
            self.pictures.append((name, media, found))
        return f'<img src="{_escape(known[0])}" alt=""/>'

    def footnotes(self) -> str:
        """The notes cited in this file (and in those notes), as EPUB footnotes."""
        parts: list[str] = []
        done = 0
        while done < len(self.cited):
            note = self.cited[done]
            done += 1
            nid = note.attrs["id"]
            saved, self.out = self.out, []
            self.content(note, 1)
            body = "".join(self.out)
            self.out = saved
            parts.append(
                f'<aside epub:type="footnote" class="footnote" id="{_escape(nid)}">'
                f'<p><a href="#ref-{_escape(nid)}">{_escape(note.attrs.get("n", ""))}</a> '
                f"{body}</p></aside>"
                if not note.children
                else f'<aside epub:type="footnote" class="footnote" id="{_escape(nid)}">'
                f'<p><a href="#ref-{_escape(nid)}">{_escape(note.attrs.get("n", ""))}</a></p>'
                f"\n{body}\n</aside>"
            )
        self.cited = []
        return "\n".join(parts)


def _local_file(base: Path | None, url: str) -> Path | None:
    """The file a figure's relative URL names, if it exists beside (or below) the document."""
    if base is None or not url or ":" in url or url.startswith(("/", "\\")):
        return None
    path = (base / url).resolve()
    try:
        path.relative_to(base.resolve())
    except ValueError:  # "../": outside the document's folder
        return None
    if not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
        return None
    return path


class _Chapter:
    def __init__(self, name: str, label: str, blocks: list[Block]) -> None:
        self.name = name
        self.label = label
        self.blocks = blocks
        self.body = ""
        self.toc: list[tuple[int, str, str]] = []


def _chapters(blocks: Sequence[Block]) -> list[_Chapter]:
    """Each top-level division a chapter; the blocks between divisions one chapter each."""
    out: list[_Chapter] = []
    loose: list[Block] = []
    where = ["text"]

    def flush() -> None:
        if loose:
            label = (
                "Title page"
                if loose[0].kind == "titlePage"
                else _LOOSE_LABELS.get(where[-1], "Text")
            )
            out.append(_Chapter(f"part-{len(out) + 1:03d}.xhtml", label, list(loose)))
            loose.clear()

    def walk(items: Sequence[Block]) -> None:
        for block in items:
            if block.kind in _WRAPPERS:
                flush()
                where.append(block.kind)
                walk(block.children)
                flush()
                where.pop()
            elif block.kind in _DIVS:
                flush()
                head = next((c for c in block.children if c.kind == "head"), None)
                label = " ".join(head.plain().split()) if head is not None else ""
                out.append(_Chapter(f"part-{len(out) + 1:03d}.xhtml", label or "Section", [block]))
            else:
                loose.append(block)

    walk(blocks)
    flush()
    return out


_LOOSE_LABELS = {"front": "Front matter", "back": "Back matter", "body": "Text", "text": "Text"}


def render(reading: Reading, css: str | None = None, base: Path | None = None) -> bytes:
    header = reading.header
    title = header.get("title") or "Untitled"
    lang = bcp47(reading.facts.get("lang") or (header.get("languages") or ["und"])[0])
    style = (Path(css).read_text(encoding="utf-8") if css else STYLE) + "\n" + EXTRA_STYLE
    writer = _Xhtml(reading, base)
    chapters = _chapters(reading.blocks)
    for chapter in chapters:
        writer.out, writer.toc = [], []
        writer.blocks(chapter.blocks, 0)
        notes = writer.footnotes()
        chapter.body = "".join(writer.out) + ("\n" + notes if notes else "")
        chapter.toc = writer.toc
    owners: dict[str, str] = {}
    for chapter in chapters:
        for ident in _ID.findall(chapter.body):
            owners.setdefault(ident, chapter.name)
    for chapter in chapters:
        chapter.body = _settle_links(chapter.body, chapter.name, owners)

    files: list[tuple[str, str | bytes]] = [("mimetype", MEDIA_TYPE)]
    files.append(("META-INF/container.xml", _CONTAINER))
    files.append(("OEBPS/style.css", style + "\n"))
    title_page = _page(title, lang, writer.header_panel().replace("<dl>\n\n</dl>", ""))
    files.append(("OEBPS/title.xhtml", title_page))
    for chapter in chapters:
        files.append(("OEBPS/" + chapter.name, _page(chapter.label, lang, chapter.body)))
    files.append(("OEBPS/nav.xhtml", _nav(title, lang, chapters)))
    for name, _media, path in writer.pictures:
        files.append(("OEBPS/" + name, path.read_bytes()))
    files.append(("OEBPS/content.opf", _opf(reading, title, lang, chapters, writer.pictures)))
    return zip_package(files, stored=frozenset({"mimetype"}))


def _settle_links(body: str, name: str, owners: dict[str, str]) -> str:
    def settle(match: re.Match[str]) -> str:
        ident, label = match.group(1), match.group(2)
        owner = owners.get(ident)
        if owner is None:
            return label
        href = f"#{ident}" if owner == name else f"{owner}#{ident}"
        return f'<a href="{href}">{label}</a>'

    return _LINK.sub(settle, body) if "\x00" in body else body


_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def _page(title: str, lang: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{escape(lang)}" xml:lang="{escape(lang)}">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _nav(title: str, lang: str, chapters: list[_Chapter]) -> str:
    items = ['<li><a href="title.xhtml">Title page</a></li>']
    for chapter in chapters:
        entries = [(d, a, " ".join(t.split())) for d, a, t in chapter.toc]
        # The chapter's own division is its first entry; the rest nest under it.
        if entries and chapter.blocks[0].kind in _DIVS:
            entries = entries[1:]
        items.append(
            f'<li><a href="{chapter.name}">{escape(chapter.label)}</a>'
            f"{_nested(chapter.name, entries)}</li>"
        )
    body = (
        f'<nav epub:type="toc" id="toc">\n<h1>{escape(title)}</h1>\n<ol>\n'
        + "\n".join(items)
        + "\n</ol>\n</nav>"
    )
    return _page(title, lang, body)


def _nested(name: str, entries: list[tuple[int, str, str]]) -> str:
    """Heads below a chapter's own as nested lists; a jump of depth nests one level only."""
    if not entries:
        return ""
    out: list[str] = []
    depths: list[int] = []  # the depth of each open list
    for depth, anchor, text in entries:
        if not depths or depth > depths[-1]:
            out.append("<ol>")
            depths.append(depth)
        else:
            out.append("</li>")
            while len(depths) > 1 and depth < depths[-1]:
                out.append("</ol></li>")
                depths.pop()
        out.append(f'<li><a href="{name}#{escape(anchor)}">{escape(text or "Section")}</a>')
    out.append("</li>")
    for _ in depths[1:]:
        out.append("</ol></li>")
    out.append("</ol>")
    return "".join(out)


def _modified(reading: Reading) -> str:
    """dcterms:modified, deterministic: the header's publication date when it is one, else
    SOURCE_DATE_EPOCH, else 2000-01-01."""
    date = reading.header.get("date", "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return f"{date}T00:00:00Z"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "2000-01-01T00:00:00Z"


def _identifier(reading: Reading, title: str) -> str:
    known = reading.facts.get("identifier", "")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", known):  # already a URI or URN
        return known
    seed = "\n".join([known, title, *reading.header.get("authors", [])])
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'teikit:' + digest)}"


def _opf(
    reading: Reading,
    title: str,
    lang: str,
    chapters: list[_Chapter],
    pictures: list[tuple[str, str, Path]],
) -> str:
    h = reading.header
    meta = [
        f'<dc:identifier id="bookid">{xml_escape(_identifier(reading, title))}</dc:identifier>',
        f"<dc:title>{xml_escape(title)}</dc:title>",
        f"<dc:language>{xml_escape(lang)}</dc:language>",
        *(f"<dc:creator>{xml_escape(a)}</dc:creator>" for a in h.get("authors", [])),
        *(f"<dc:publisher>{xml_escape(p)}</dc:publisher>" for p in h.get("publisher", [])[:1]),
        *(f"<dc:rights>{xml_escape(r)}</dc:rights>" for r in h.get("licence", [])),
        *(f"<dc:source>{xml_escape(s)}</dc:source>" for s in h.get("sources", [])[:1]),
        f'<meta property="dcterms:modified">{_modified(reading)}</meta>',
    ]
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="css" href="style.css" media-type="text/css"/>',
        '<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>',
        *(
            f'<item id="c{i}" href="{c.name}" media-type="application/xhtml+xml"/>'
            for i, c in enumerate(chapters, 1)
        ),
        *(
            f'<item id="img{i}" href="{name}" media-type="{media}"/>'
            for i, (name, media, _path) in enumerate(pictures, 1)
        ),
    ]
    spine = [
        '<itemref idref="title"/>',
        *(f'<itemref idref="c{i}"/>' for i in range(1, len(chapters) + 1)),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        f'unique-identifier="bookid" xml:lang="{xml_escape(lang)}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        + "\n".join(meta)
        + "\n</metadata>\n<manifest>\n"
        + "\n".join(manifest)
        + "\n</manifest>\n<spine>\n"
        + "\n".join(spine)
        + "\n</spine>\n</package>\n"
    )
