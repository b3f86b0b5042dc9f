"""Any TEI P5 document → a small block tree that every output format renders.

The reader knows TEI; the writers (text, markdown, html, json) only know the block tree. Every
TEI element is classified: a block, a container of blocks, an inline wrapper, a milestone, a note,
or metadata that is not reading text. An element in none of these sets keeps its text and adds a
``convert-unhandled-element`` warning with its line, so nothing is dropped silently.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from ..errors import ConversionError, Diagnostic, warning
from .vocabulary import TEI_ELEMENTS

TEI_NS = "http://www.tei-c.org/ns/1.0"
# TEI's own examples (egXML and what it contains) are part of the text of TEI documentation.
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_TEI_TAG = f"{{{TEI_NS}}}TEI"
_TEXT_TAG = f"{{{TEI_NS}}}text"
_CORPUS_TAG = f"{{{TEI_NS}}}teiCorpus"

# Elements that hold blocks and are shown as a group.
CONTAINERS = {
    "text",
    "group",
    "front",
    "body",
    "back",
    "div",
    "div1",
    "div2",
    "div3",
    "div4",
    "div5",
    "div6",
    "div7",
    "lg",
    "sp",
    "spGrp",
    "list",
    "listBibl",
    "quote",
    "cit",
    "castList",
    "castGroup",
    "titlePage",
    "docTitle",
    "opener",
    "closer",
    "table",
    "row",
    "floatingText",
    "figure",
    "epigraph",
    "argument",
    "postscript",
    "set",
    "performance",
    "prologue",
    "epilogue",
    "listPerson",
    "listPlace",
    "listOrg",
    "listEvent",
    "person",
    "personGrp",
    "place",
    "event",
    "org",
    "entry",
    "superEntry",
    "sense",
    "u",
    "annotationBlock",
    "spanGrp",
    "item",
    "castItem",
    "noteGrp",
    "byline",
    "letter",
    "listWit",
    "listApp",
    "listNym",
    "listRelation",
    "teiCorpus",
    "TEI",
    "facsimile",
    "sourceDoc",
    "surface",
    "zone",
    "standOff",
    "ab",
    "listObject",
    "object",
    "nym",
    "app",
}
# Elements rendered as one block of inline content.
BLOCKS = {
    "p",
    "head",
    "l",
    "ab",
    "speaker",
    "stage",
    "label",
    "item",
    "castItem",
    "role",
    "roleDesc",
    "titlePart",
    "docAuthor",
    "docDate",
    "docEdition",
    "docImprint",
    "byline",
    "salute",
    "signed",
    "dateline",
    "trailer",
    "cell",
    "bibl",
    "biblStruct",
    "caption",
    "address",
    "argument",
    "u",
    "epigraph",
    "quote",
    "fw",
    "seg",
    "q",
    "said",
    "figDesc",
    "desc",
    "move",
    "view",
    "camera",
    "sound",
    "tech",
    "caesura",
    "lem",
    "rdg",
    "persName",
    "placeName",
    "orgName",
    "form",
    "def",
    "sense",
    "gloss",
    "eg",
    "egXML",
    "incident",
    "kinesic",
    "vocal",
    "writing",
    "shift",
    "pause",
    "actor",
    "note",
    "msDesc",
    "event",
    "listBibl",
    "graphic",
    "formula",
    "notatedMusic",
}
# Inline elements: their text flows into the surrounding block.
INLINE = {
    "hi",
    "emph",
    "foreign",
    "term",
    "title",
    "name",
    "persName",
    "placeName",
    "orgName",
    "geogName",
    "roleName",
    "forename",
    "surname",
    "addName",
    "genName",
    "nameLink",
    "rs",
    "date",
    "time",
    "num",
    "measure",
    "measureGrp",
    "unit",
    "q",
    "quote",
    "said",
    "soCalled",
    "mentioned",
    "gloss",
    "distinct",
    "seg",
    "w",
    "c",
    "pc",
    "s",
    "cl",
    "phr",
    "m",
    "choice",
    "sic",
    "corr",
    "orig",
    "reg",
    "abbr",
    "expan",
    "ex",
    "am",
    "add",
    "del",
    "unclear",
    "supplied",
    "surplus",
    "damage",
    "restore",
    "subst",
    "handShift",
    "gap",
    "space",
    "ref",
    "ptr",
    "anchor",
    "idno",
    "email",
    "address",
    "addrLine",
    "street",
    "postCode",
    "postBox",
    "settlement",
    "region",
    "country",
    "district",
    "bloc",
    "geo",
    "affiliation",
    "age",
    "birth",
    "death",
    "occupation",
    "sex",
    "residence",
    "education",
    "faith",
    "nationality",
    "state",
    "trait",
    "floruit",
    "langKnowledge",
    "socecStatus",
    "event",
    "bibl",
    "author",
    "editor",
    "publisher",
    "pubPlace",
    "biblScope",
    "citedRange",
    "edition",
    "series",
    "monogr",
    "analytic",
    "imprint",
    "respStmt",
    "resp",
    "stage",
    "label",
    "lang",
    "code",
    "ident",
    "gi",
    "att",
    "val",
    "tag",
    "eg",
    "graphic",
    "media",
    "binaryObject",
    "formula",
    "g",
    "ruby",
    "rb",
    "rt",
    "app",
    "lem",
    "rdg",
    "rdgGrp",
    "wit",
    "witDetail",
    "metamark",
    "mod",
    "redo",
    "undo",
    "retrace",
    "secl",
    "span",
    "interp",
    "interpGrp",
    "link",
    "linkGrp",
    "join",
    "certainty",
    "precision",
    "respons",
    "oRef",
    "pRef",
    "oVar",
    "pVar",
    "orth",
    "pron",
    "hyph",
    "syll",
    "stress",
    "gramGrp",
    "pos",
    "subc",
    "colloc",
    "usage",
    "lbl",
    "xr",
    "etym",
    "headword",
    "gram",
    "gen",
    "number",
    "case",
    "per",
    "tns",
    "mood",
    "iType",
    "lemma",
    "form",
    "def",
    "cit",
    "catchwords",
    "signatures",
    "secFol",
    "dimensions",
    "height",
    "width",
    "depth",
    "dim",
    "locus",
    "locusGrp",
    "material",
    "objectType",
    "origDate",
    "origPlace",
    "msName",
    "repository",
    "collection",
    "institution",
    "altIdentifier",
    "watermark",
    "stamp",
    "heraldry",
    "dateline",
    "salute",
    "signed",
    "docAuthor",
    "docDate",
    "docTitle",
    "titlePart",
    "listRef",
    "ornament",
    "actor",
    "roleDesc",
    "role",
    "offset",
    "geogFeat",
    "climate",
    "terrain",
    "population",
    "location",
    "persona",
    "object",
    "objectName",
    "listChange",
    "change",
    "vocal",
    "kinesic",
    "incident",
    "writing",
    "shift",
    "pause",
    "camera",
    "sound",
    "caption",
    "view",
    "move",
    "tech",
    "caesura",
    "rhyme",
    "metSym",
    "lb",
    "pb",
    "cb",
    "milestone",
    "gb",
    "fw",
    "nym",
    "specList",
    "specDesc",
    "classSpec",
    "elementSpec",
    "macroSpec",
    "moduleSpec",
    "dataSpec",
    "constraintSpec",
    "attDef",
    "dataRef",
    "valList",
    "valItem",
    "content",
    "sequence",
    "alternate",
    "elementRef",
    "classRef",
    "macroRef",
    "moduleRef",
    "attRef",
    "datatype",
    "anyElement",
    "empty",
    "textNode",
    "constraint",
    "exemplum",
    "remarks",
    "equiv",
    "altIdent",
    "paramList",
    "paramSpec",
    "param",
    "schemaSpec",
    "specGrp",
    "specGrpRef",
    "memberOf",
    "classes",
    "attList",
    "defaultVal",
    "desc",
    "msDesc",
    "msIdentifier",
    "msContents",
    "msItem",
    "physDesc",
    "history",
    "origin",
    "provenance",
    "acquisition",
    "additional",
    "note",
    "listTranspose",
    "transpose",
    "facsimile",
    "listAnnotation",
    "annotation",
    "timeline",
    "when",
    "path",
    "zone",
    "surface",
    "surfaceGrp",
    "line",
    "sourceDoc",
    "fLib",
    "fs",
    "f",
    "string",
    "symbol",
    "numeric",
    "binary",
    "vAlt",
    "vColl",
    "vLabel",
    "vMerge",
    "vNot",
    "vRange",
    "fvLib",
    "fsdDecl",
    "fsDecl",
    "fDecl",
    "graph",
    "tree",
    "eTree",
    "forest",
    "listForest",
    "node",
    "arc",
    "leaf",
    "iNode",
    "eLeaf",
    "triangle",
    "biblFull",
    "listPerson",
    "listPlace",
    "listOrg",
    "listEvent",
    "listObject",
    "listNym",
    "listRelation",
    "relation",
    "persPronouns",
    "unitDecl",
    "standOff",
    "spanGrp",
    "listApp",
    "listWit",
    "witness",
    "notatedMusic",
    "entryFree",
    "dictScrap",
    "re",
    "superEntry",
    "entry",
    "hom",
    "sense",
    "alt",
    "altGrp",
    "addSpan",
    "delSpan",
    "damageSpan",
    "substJoin",
    "listBibl",
    "quotation",
    "correction",
    "normalization",
    "segmentation",
    "derivation",
    "domain",
    "factuality",
    "interaction",
    "preparedness",
    "purpose",
    "constitution",
    "channel",
    "setting",
    "locale",
    "activity",
    "particDesc",
    "settingDesc",
    "langUsage",
    "language",
    "textDesc",
    "citeData",
    "citeStructure",
    "dataFacet",
    "unihanProp",
    "mapping",
    "localProp",
    "glyph",
    "char",
    "charDecl",
    "charProp",
    "glyphName",
    "localName",
    "value",
    "floatingText",
    "performance",
    "set",
    "castGroup",
    "castItem",
    "castList",
    "epigraph",
    "trailer",
    "argument",
    "imprimatur",
    "docEdition",
    "docImprint",
    "titlePage",
    "byline",
    "opener",
    "closer",
    "postscript",
    "table",
    "row",
    "cell",
    "figure",
    "figDesc",
    "ab",
    "p",
    "head",
    "l",
    "lg",
    "sp",
    "spGrp",
    "speaker",
    "list",
    "item",
    "div",
    "u",
    "annotationBlock",
    "teiCorpus",
    "TEI",
    "text",
    "group",
    "front",
    "body",
    "back",
    "letter",
}
# Reading text never includes the header; milestones render as markers only.
SKIPPED = {"teiHeader"}
MILESTONES = {"pb", "cb", "gb", "milestone", "lb", "anchor", "caesura", "handShift", "gap", "space"}
# A <note> directly inside one of these is a block of its own; anywhere else it is a note reference.
_NOTE_HOLDERS = frozenset({"div", "back", "noteGrp", "body", "front"})
# Elements that are phrases inside a block and blocks between blocks.
_PHRASE_OR_BLOCK = frozenset(
    {
        "quote",
        "q",
        "said",
        "cit",
        "seg",
        "bibl",
        "stage",
        "label",
        "persName",
        "placeName",
        "orgName",
        "epigraph",
        "argument",
        "fw",
        "event",
        "desc",
        "note",
        "address",
        "listBibl",
        "graphic",
        "formula",
        "figure",
        "table",
        "list",
        "lg",
        "floatingText",
        "msDesc",
        "notatedMusic",
    }
)
# Blocks whose phrase-or-block children may still be blocks.
_BLOCKS_HOLDING_PHRASES = frozenset(
    {"item", "castItem", "argument", "epigraph", "u", "quote", "note"}
)
_ALWAYS_BLOCK = frozenset({"list", "lg", "table", "figure", "floatingText", "listBibl", "msDesc"})
# A phrase-or-block element holding one of these is a block.
_BLOCK_MARKERS = frozenset({"p", "lg", "l", "list", "sp", "ab", "div"})
# Elements that are blocks wherever they stand.
_PLAIN_BLOCKS = frozenset((CONTAINERS | BLOCKS) - _PHRASE_OR_BLOCK)
_CONTAINERS_ONLY = frozenset(CONTAINERS - BLOCKS)
# Plain blocks that are never containers: always one run of inline content.
_TEXT_BLOCKS = frozenset(_PLAIN_BLOCKS - CONTAINERS)
_CONTAINERS_AND_BLOCKS = frozenset(CONTAINERS & BLOCKS)
_BLOCK_ATTRS = (
    XML_ID,
    "type",
    "n",
    "who",
    "rend",
    "unit",
    "place",
    "role",
    "corresp",
    "target",
    "when",
    "url",  # a graphic's file: the package formats (EPUB) carry the picture
)


# Span and Block write their own ``__init__``: the generated one calls ``list()`` and ``dict()``
# for the defaults, and a document makes tens of thousands of both. An empty sequence or mapping
# is one shared value rather than a new list or dict per node: the tree is built once by the
# reader and only read after that.
_NONE: tuple[Any, ...] = ()
_NO_ATTRS: Mapping[str, str] = {}  # typed read-only; a MappingProxyType is slower to read


@dataclass(slots=True, init=False)
class Span:
    """An inline element: ``kind`` is emph, noteref, ref, lb, pb, anchor, stage, said, code,
    graphic or span.

    A run of text is not a Span but a plain ``str`` in the list (see ``Inline``): most inlines
    are text, and a document has tens of thousands of them.
    """

    kind: str
    text: str = ""
    children: Sequence[Inline] = _NONE
    attrs: Mapping[str, str] = field(default_factory=dict)

    def __init__(
        self,
        kind: str,
        text: str = "",
        children: Sequence[Inline] = _NONE,
        attrs: Mapping[str, str] = _NO_ATTRS,
    ) -> None:
        self.kind = kind
        self.text = text
        self.children = children
        self.attrs = attrs

    def plain(self) -> str:
        if self.kind == "lb":
            return "\n"
        if self.kind in ("pb", "anchor"):
            return ""
        if self.kind == "noteref":
            return f"[{self.attrs.get('n', '')}]"
        # A list, not a generator: ``join`` makes one of it anyway, resuming the generator once
        # per item.
        text = self.text + "".join(
            [child if isinstance(child, str) else child.plain() for child in self.children]
        )
        if self.kind == "emph" and self.attrs.get("rend") in _TEXT_MARKERS:
            return f"{self.attrs['rend']}{text}{self.attrs['rend']}"
        return text


# Emphasis whose @rend is the marker a plain text printed it with (``<emph rend="_">``, as
# teikit encodes ``_word_``): as text, the marker is printed again, so nothing is lost.
_TEXT_MARKERS = frozenset({"_", "*"})

# An inline run: text as a plain string, or an inline element.
Inline = str | Span
# Inline kinds that count in a run of loose text even without words.
_MARKERS = ("noteref", "pb", "anchor")


@dataclass(slots=True, init=False)
class Block:
    """One node of the reading tree. ``kind`` is the TEI local name (div, p, head, sp, l, …)."""

    kind: str
    inlines: Sequence[Inline] = _NONE
    children: Sequence[Block] = _NONE
    attrs: Mapping[str, str] = field(default_factory=dict)
    line: int = 0

    def __init__(
        self,
        kind: str,
        inlines: Sequence[Inline] = _NONE,
        children: Sequence[Block] = _NONE,
        attrs: Mapping[str, str] = _NO_ATTRS,
        line: int = 0,
    ) -> None:
        self.kind = kind
        self.inlines = inlines
        self.children = children
        self.attrs = attrs
        self.line = line

    def plain(self) -> str:
        inlines = self.inlines
        if len(inlines) == 1 and isinstance(text := inlines[0], str):  # most blocks: one text
            return text
        return "".join([span if isinstance(span, str) else span.plain() for span in inlines])


def each_nested_note(
    notes: list[Block], warn: Callable[[str, str, int], None], format_name: str
) -> Iterator[Block]:
    """The notes cited inside a note, and inside those (``notes`` grows while they are
    written): each once, with a warning that ``format_name`` (a package format with real
    footnotes) has no footnote inside a footnote, so its text follows in the same one."""
    done = 0
    while done < len(notes):
        inner = notes[done]
        done += 1
        warn(
            "nested-note",
            f"a note inside a note cannot be a {format_name} footnote; its text follows in "
            "the same footnote, after its marker",
            inner.line,
        )
        yield inner


@dataclass
class Reading:
    """A converted document: header facts, the block tree and the inline notes."""

    header: dict[str, Any]
    blocks: list[Block]
    notes: list[Block]
    diagnostics: list[Diagnostic]
    # Facts a package format needs that the header panel does not show: "identifier" (the
    # publicationStmt idno, else the root's xml:id), "lang" (the root's or text's xml:lang).
    facts: dict[str, str] = field(default_factory=dict)

    def cited(self, ref: Span) -> tuple[int, Block] | None:
        """The note a ``noteref`` span cites, with its place among the notes.

        Writers look notes up by this place, not by id: a document may give two notes one
        ``xml:id`` (one inside the other, even), but each note has a place of its own."""
        index = ref.attrs.get("index", "")
        place = int(index) - 1 if index.isdigit() else -1
        if 0 <= place < len(self.notes):
            return place, self.notes[place]
        return None


# Clark tag → (local name, in a TEI namespace). A document uses few distinct tags, and building an
# etree.QName for every visit was the reader's largest single cost.
_TAGS: dict[str, tuple[str, bool]] = {}


def _tag_info(tag: str) -> tuple[str, bool]:
    info = _TAGS.get(tag)
    if info is None:
        if tag[:1] == "{":
            namespace, _, name = tag[1:].partition("}")
            info = (name, namespace in (TEI_NS, EXAMPLES_NS))
        else:
            info = (tag, False)
        _TAGS[tag] = info
    return info


def local(node: etree._Element) -> str:
    tag = node.tag
    return _tag_info(tag)[0] if isinstance(tag, str) else ""


def is_tei(node: etree._Element) -> bool:
    tag = node.tag
    return isinstance(tag, str) and _tag_info(tag)[1]


class Reader:
    def __init__(self, file: str = "", source: bytes | None = None) -> None:
        self.file = file
        self.source = source  # the document's bytes, to give warnings a column
        self.notes: list[Block] = []
        self.diagnostics: list[Diagnostic] = []
        self._reported: set[str] = set()
        self._unhandled_nodes: list[etree._Element] = []  # one per diagnostic, in order

    # -- entry point ------------------------------------------------------------------------------

    def read(self, tree: etree._ElementTree) -> Reading:
        root = tree.getroot()
        if not is_tei(root) or local(root) not in ("TEI", "teiCorpus"):
            raise ConversionError(
                f"not a TEI document: root element is {root.tag!r}, expected TEI or teiCorpus "
                f"in the namespace {TEI_NS}",
                file=self.file,
                line=root.sourceline or 0,
            )
        from .header import read_header

        header = read_header(root)
        blocks: list[Block] = []
        for text in self._texts(root):
            blocks.extend(self.blocks_of(text))
        if self._unhandled_nodes and self.source is not None:
            self._place_columns(root, self.source)
        facts = {**_facts(root), "file": self.file}
        return Reading(header, blocks, self.notes, self.diagnostics, facts)

    def _place_columns(self, root: etree._Element, source: bytes) -> None:
        """Give each warning the column just past its element's start tag, as ``validate``
        reports positions (lxml knows only the line). Only documents with warnings pay for it:
        one walk for the elements' order, one expat pass over the bytes."""
        from ..xmlpos import TagPositions

        wanted = {id(node): k for k, node in enumerate(self._unhandled_nodes)}
        order: dict[int, int] = {}
        for index, node in enumerate(root.iter(etree.Element)):
            k = wanted.get(id(node))
            if k is not None:
                order[k] = index
                if len(order) == len(wanted):
                    break
        positions = TagPositions(source)
        for k, index in order.items():
            line, col = positions.start_tag(index)
            diagnostic = self.diagnostics[k]
            if line == diagnostic.line:
                self.diagnostics[k] = replace(diagnostic, col=col)

    def _texts(self, root: etree._Element) -> list[etree._Element]:
        """Each TEI's <text> (teiCorpus holds several TEI); nested corpora are walked in order.

        Only the corpus and TEI elements are visited: searching the whole tree for <text>
        cost a twentieth of a conversion."""
        texts: list[etree._Element] = []
        pending = [root]
        while pending:
            node = pending.pop()
            if node.tag == _TEI_TAG:
                texts.extend(node.iterchildren(_TEXT_TAG))
            else:  # teiCorpus: its TEI and nested corpora, in document order
                pending.extend(reversed(list(node.iterchildren(_TEI_TAG, _CORPUS_TAG))))
        return texts

    # -- blocks -----------------------------------------------------------------------------------

    def blocks_of(self, node: etree._Element, node_name: str | None = None) -> list[Block]:
        """The blocks inside a container, with loose text wrapped into an anonymous block."""
        out: list[Block] = []
        loose: list[Inline] = []
        if node_name is None:
            node_name = local(node)

        text = node.text
        if text and not text.isspace():  # as ``text.strip()``, without making a new string
            loose.append(text)
        tags = _TAGS
        text_blocks = _TEXT_BLOCK_TAGS
        containers = _CONTAINER_TAGS
        new_block = Block.__new__
        append = out.append
        for child in node:
            tag = child.tag
            name = text_blocks.get(tag)
            if name is not None:  # the usual child (p, l, speaker): ``block`` inlined
                if loose:
                    self._flush(loose, out, node)
                spans: Sequence[Inline]
                if len(child):
                    spans = self._inline_children_of(child)
                else:
                    text = child.text
                    spans = (text,) if text else _NONE
                items = child.items()
                # ``Block(…)`` spelt out: calling the class costs twice as much, once per block.
                block = new_block(Block)
                block.kind = name
                block.inlines = spans
                block.children = _NONE
                block.attrs = _block_attrs(items) if items else _NO_ATTRS
                block.line = child.sourceline or 0
                append(block)
            elif (name := containers.get(tag)) is not None:  # div, sp…: ``block`` inlined
                if loose:
                    self._flush(loose, out, node)
                items = child.items()
                block = new_block(Block)
                block.kind = name
                block.inlines = _NONE
                block.attrs = _block_attrs(items) if items else _NO_ATTRS
                block.line = child.sourceline or 0
                block.children = self.blocks_of(child, name)
                append(block)
            elif not isinstance(tag, str):  # a comment or processing instruction
                tail = child.tail
                if tail and not tail.isspace():
                    loose.append(tail)
                continue
            else:
                self._other_child(
                    child, tags.get(tag) or _tag_info(tag), node, node_name, out, loose
                )
            tail = child.tail
            if tail:
                if not tail.isspace():  # as ``tail.strip()``, without making a new string
                    loose.append(tail)
                elif loose:
                    loose.append(" ")
        if loose:
            self._flush(loose, out, node)
        return out

    def _other_child(
        self,
        child: etree._Element,
        info: tuple[str, bool],
        node: etree._Element,
        node_name: str,
        out: list[Block],
        loose: list[Inline],
    ) -> None:
        """Read a child of ``blocks_of`` that is neither a text block nor a plain container."""
        name, tei = info
        if tei and name in _EXAMPLES:
            if loose:
                self._flush(loose, out, node)
            out.append(
                Block(
                    "code", [example_code(child)], _NONE, _CODE_ATTRS[name], child.sourceline or 0
                )
            )
        elif tei and name in _PLAIN_BLOCKS:
            if loose:
                self._flush(loose, out, node)
            out.append(self.block(child, name))
        elif not tei:
            self._unhandled(child)
            loose.extend(self._inline_children_of(child))
        elif name in SKIPPED:
            pass
        elif name == "note" and node_name not in _NOTE_HOLDERS:
            loose.append(self._note_ref(child))
        elif name in _PHRASE_OR_BLOCK and self._is_block(child, name, node_name):
            if loose:
                self._flush(loose, out, node)
            out.append(self.block(child, name))
        elif name == "pb":
            if loose:
                self._flush(loose, out, node)
            out.append(Block("pb", attrs=_attrs(child, "n", XML_ID), line=child.sourceline or 0))
        elif name == "milestone":
            if loose:
                self._flush(loose, out, node)
            out.append(
                Block(
                    "milestone",
                    attrs=_attrs(child, "unit", "rend", "n"),
                    line=child.sourceline or 0,
                )
            )
        else:
            self._inline_into(child, loose, False)

    @staticmethod
    def _flush(loose: list[Inline], out: list[Block], node: etree._Element) -> None:
        """Wrap the loose inline run of a container into an anonymous paragraph, if it has words."""
        if any(
            s.strip() if isinstance(s, str) else s.plain().strip() or s.kind in _MARKERS
            for s in loose
        ):
            out.append(Block("p", list(loose), attrs={"anonymous": "1"}, line=node.sourceline or 0))
        loose.clear()

    def _is_block(self, node: etree._Element, name: str, parent_name: str) -> bool:
        """Whether ``node`` (TEI element ``name``, child of ``parent_name``) is read as a block."""
        if name in _PHRASE_OR_BLOCK:
            # Phrase-or-block elements are blocks when they hold blocks or stand between blocks.
            if parent_name in BLOCKS and parent_name not in _BLOCKS_HOLDING_PHRASES:
                return False
            if name in _ALWAYS_BLOCK:
                return True
            # Asked first: the parent's name is at hand, the children must be visited.
            return (parent_name in CONTAINERS and parent_name != "p") or any(
                local(c) in _BLOCK_MARKERS for c in node
            )
        return name in CONTAINERS or name in BLOCKS

    def block(self, node: etree._Element, name: str | None = None) -> Block:
        if name is None:
            name = local(node)
        items = node.items()
        attrs = _block_attrs(items) if items else _NO_ATTRS
        if name in _CONTAINERS_ONLY or (
            name in _CONTAINERS_AND_BLOCKS and self._has_block_children(node, name)
        ):
            return Block(name, _NONE, self.blocks_of(node, name), attrs, node.sourceline or 0)
        return Block(name, self._inline_children_of(node), _NONE, attrs, node.sourceline or 0)

    def _has_block_children(self, node: etree._Element, name: str) -> bool:
        for child in node:
            tag = child.tag
            if isinstance(tag, str):
                child_name, tei = _TAGS.get(tag) or _tag_info(tag)
                if (
                    tei
                    and child_name != "note"
                    and (
                        child_name in _PLAIN_BLOCKS
                        or (
                            child_name in _PHRASE_OR_BLOCK
                            and self._is_block(child, child_name, name)
                        )
                    )
                ):
                    return True
        return False

    # -- inlines ----------------------------------------------------------------------------------

    def _inline_children_of(self, node: etree._Element) -> list[Inline]:
        spans: list[Inline] = []
        text = node.text
        if text:
            spans.append(text)
        if len(node):  # most blocks hold text only: skip making a child iterator
            inline_into = self._inline_into
            for child in node:
                inline_into(child, spans, True)
        return spans

    def inline(self, node: etree._Element, include_tail: bool = True) -> list[Inline]:
        spans: list[Inline] = []
        self._inline_into(node, spans, include_tail)
        return spans

    def _inline_into(self, node: etree._Element, spans: list[Inline], include_tail: bool) -> None:
        """Append the spans of ``node`` (and of its tail, if asked) to ``spans``."""
        tag = node.tag
        if isinstance(tag, str):
            name, tei = _TAGS.get(tag) or _tag_info(tag)
            if not tei:
                self._unhandled(node)
                spans.append(Span("span", children=self._inline_children_of(node)))
            elif name == "note":
                spans.append(self._note_ref(node))
            elif name in _EXAMPLES:
                spans.append(Span("code", example_code(node), attrs=_CODE_ATTRS[name]))
            elif name == "lb":
                spans.append(Span("lb"))
            elif name == "pb":
                spans.append(Span("pb", attrs=_attrs(node, "n")))
            elif name == "anchor" and node.get(XML_ID):
                spans.append(Span("anchor", attrs={"id": node.get(XML_ID, "")}))
            elif name in _EMPH:
                spans.append(
                    Span(
                        "emph",
                        children=self._inline_children_of(node),
                        attrs=_attrs(node, "rend", XML_ID),
                    )
                )
            elif name == "ref" or name == "ptr":
                target = node.get("target", "")
                children = self._inline_children_of(node)
                # An empty <ptr> has no words of its own: writers that can link show its target.
                spans.append(
                    Span(
                        "ref",
                        children=children,
                        attrs={"target": target, "type": node.get("type", "")},
                    )
                )
            elif name == "graphic":
                spans.append(Span("graphic", attrs=_attrs(node, "url", XML_ID)))
            elif name == "stage":
                spans.append(Span("stage", children=self._inline_children_of(node)))
            elif name == "said" or name == "q" or name == "quote":
                spans.append(
                    Span("said", children=self._inline_children_of(node), attrs=_attrs(node, "who"))
                )
            elif name in SKIPPED:
                pass
            elif name in _KNOWN:
                spans.append(
                    Span(
                        "span", children=self._inline_children_of(node), attrs=_attrs(node, XML_ID)
                    )
                )
            else:
                self._unhandled(node)
                spans.append(Span("span", children=self._inline_children_of(node)))
        if include_tail:
            tail = node.tail
            if tail:
                spans.append(tail)

    def _note_ref(self, node: etree._Element) -> Span:
        number = str(len(self.notes) + 1)
        n = node.get("n") or number
        note_id = node.get(XML_ID) or f"teikit-note-{number}"
        note = Block("note", line=node.sourceline or 0, attrs={"n": n, "id": note_id})
        # The note takes its place before its content is read, so that a note inside it is
        # numbered after it, never with the same number and id (the writers would then find the
        # outer note again through its own content).
        self.notes.append(note)
        if any(
            isinstance(c.tag, str) and local(c) in ("p", "lg", "list", "quote", "table")
            for c in node
        ):
            note.children = self.blocks_of(node)
        else:
            note.inlines = self._inline_children_of(node)
        return Span("noteref", attrs={"n": n, "id": note_id, "index": number})

    def _unhandled(self, node: etree._Element) -> None:
        name = node.tag if not is_tei(node) else local(node)
        key = f"{name}:{node.sourceline}"
        if key in self._reported:
            return
        self._reported.add(key)
        self._unhandled_nodes.append(node)
        self.diagnostics.append(
            warning(
                "convert-unhandled-element",
                f"element {_qname(node)} is not handled by the converter; "
                "its text is kept as plain text",
                file=self.file,
                line=node.sourceline or 0,
            )
        )


# Examples in TEI documentation (egXML: markup shown as markup; eg: text shown verbatim) are code.
_EXAMPLES = frozenset({"egXML", "eg"})
_CODE_ATTRS: dict[str, Mapping[str, str]] = {"egXML": {"lang": "xml"}, "eg": _NO_ATTRS}
_XMLNS = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')


def example_code(node: etree._Element) -> str:
    """An example's content as its reader should see it: for ``egXML`` the markup itself
    (without the namespace declarations serialising adds), for ``eg`` its text; common
    indentation and surrounding blank lines removed."""
    if local(node) == "egXML":
        parts = [_escape_text(node.text or "")]
        for child in node:
            parts.append(_XMLNS.sub("", etree.tostring(child, encoding="unicode", with_tail=True)))
        code = "".join(parts)
    else:
        code = "".join(node.itertext())
    return textwrap.dedent(code.replace("\t", "    ")).strip("\n").rstrip()


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _qname(node: etree._Element) -> str:
    q = etree.QName(node)
    return (
        f"{{{q.namespace}}}{q.localname}" if q.namespace and q.namespace != TEI_NS else q.localname
    )


# Inline elements shown as emphasis; elements known to TEI, shown as a plain span inline.
_EMPH = frozenset({"hi", "emph", "foreign", "title", "term", "mentioned", "soCalled"})
_KNOWN = frozenset(INLINE | BLOCKS | CONTAINERS | TEI_ELEMENTS)
# A block's attributes, by their name on the element, as the block names them, in this order.
_BLOCK_ATTR_KEYS = {name: "id" if name == XML_ID else name for name in _BLOCK_ATTRS}
_BLOCK_ATTR_ORDER = tuple(_BLOCK_ATTR_KEYS.values())
_BLOCK_ATTR_RANK = {key: rank for rank, key in enumerate(_BLOCK_ATTR_ORDER)}
# The Clark name of each text block in a TEI namespace → its local name: one lookup tells the
# usual child of a container (p, l, speaker) from everything else.
_TEXT_BLOCK_TAGS = {
    f"{{{ns}}}{name}": name
    for ns in (TEI_NS, EXAMPLES_NS)
    for name in _TEXT_BLOCKS
    if name not in _EXAMPLES
}


# Likewise the plain containers (div, sp, body…), which ``blocks_of`` reads as ``block`` would.
_CONTAINER_TAGS = {
    f"{{{ns}}}{name}": name
    for ns in (TEI_NS, EXAMPLES_NS)
    for name in _CONTAINERS_ONLY & _PLAIN_BLOCKS
}


def _block_attrs(items: list[tuple[str, str]]) -> Mapping[str, str]:
    """``_attrs(node, *_BLOCK_ATTRS)`` from the element's ``items()``, in one pass over them."""
    keys = _BLOCK_ATTR_KEYS
    if len(items) == 1:  # the usual case: a speech's @who, a line's @n
        name, value = items[0]
        key = keys.get(name)
        return _NO_ATTRS if key is None else {key: value}
    out: dict[str, str] = {}
    for name, value in items:
        key = keys.get(name)
        if key is not None:
            out[key] = value
    if len(out) > 1:  # keep the declared order, as the writers see it
        if len(out) == 2:  # the usual case (xml:id and n): at most a swap
            first, second = out
            if _BLOCK_ATTR_RANK[first] > _BLOCK_ATTR_RANK[second]:
                out = {second: out[second], first: out[first]}
        else:
            out = {key: out[key] for key in _BLOCK_ATTR_ORDER if key in out}
    return out


def _attrs(node: etree._Element, *names: str) -> Mapping[str, str]:
    present = node.keys()
    if not present:  # most elements carry no attributes: skip one lookup per name
        return _NO_ATTRS
    out: dict[str, str] = {}
    for name in names:
        if name in present:
            out["id" if name == XML_ID else name] = node.get(name, "")
    return out


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _facts(root: etree._Element) -> dict[str, str]:
    facts: dict[str, str] = {}
    ns = {"t": TEI_NS}
    idno = root.xpath(
        "(t:teiHeader | t:TEI/t:teiHeader)[1]/t:fileDesc/t:publicationStmt/t:idno[1]", namespaces=ns
    )
    identifier = " ".join("".join(idno[0].itertext()).split()) if idno else ""
    facts["identifier"] = identifier or root.get(XML_ID, "")
    lang = root.get(_XML_LANG, "")
    if not lang:  # the text's own (a direct child: searching the tree costs a whole walk)
        first = root if root.tag == _TEI_TAG else root.find(_TEI_TAG)
        text = first.find(_TEXT_TAG) if first is not None else None
        lang = text.get(_XML_LANG, "") if text is not None else ""
    facts["lang"] = lang
    return facts
