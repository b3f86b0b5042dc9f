"""teikit's own RELAX NG engine: Java-free, positioned, and reporting every independent error.

    schema = compile_schema("tei_all.rng")
    diagnostics = schema.check(tree, "file.xml")

Modules: loader (schema XML → patterns, the specification's simplification), patterns
(hash-consed patterns and memoised derivatives), nameclasses, datatypes (built-in and XML Schema
datatypes with facets), validator (the walk, recovery and messages). jing-style line:col on
demand comes from ``teikit.xmlpos``, which convert uses too.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from lxml import etree

from ...errors import Diagnostic, InputError, SchemaError
from ...io import reread
from .loader import Loader
from .patterns import Pattern
from .validator import Walk


@contextmanager
def _deep_recursion(limit: int = 20000):
    """Derivatives recurse once per nesting level of the pattern, and TEI content models are deep;
    raise Python's limit only while the engine runs, so importing teikit changes nothing global."""
    before = sys.getrecursionlimit()
    if before < limit:
        sys.setrecursionlimit(limit)
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def _schema_parser() -> etree.XMLParser:
    return etree.XMLParser(
        no_network=True,
        resolve_entities=False,
        load_dtd=False,
        remove_comments=True,
        huge_tree=True,
    )


@dataclass
class RelaxNGSchema:
    name: str
    path: Path
    start: Pattern
    loader: Loader
    kind: str = "relaxng"
    id_attributes: dict[str, str] = field(default_factory=dict)

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        root = tree.getroot()
        walk = Walk(self, _namespace(root.tag))
        with _deep_recursion():
            walk.walk_tree(root)
        if not walk.errors:
            return []
        try:
            data = reread(file)
        except (OSError, InputError):
            data = etree.tostring(tree)
        return walk.diagnostics(file, data, self.name)

    def check_file(self, path: str | Path) -> list[Diagnostic]:
        """Validate while parsing: memory stays bounded by the document's depth, not its size.
        Raises InputError (with its position) if the file is not well-formed."""
        # A pull parser rather than iterparse: only the pull parser honours collect_ids=False, and a
        # duplicate xml:id must be a diagnostic for the ID checks, not a parse failure.
        parser = etree.XMLPullParser(
            events=("start", "end"),
            remove_comments=True,
            remove_pis=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
            collect_ids=False,
        )
        events = _pull_events(parser, Path(path))
        try:
            first = next(events, None)
            if first is None:
                raise InputError("not well-formed: no root element", file=str(path), line=1, col=1)
            walk = Walk(self, _namespace(first[1].tag))
            with _deep_recursion():
                walk.walk_stream(chain([first], events))
        except etree.XMLSyntaxError as exc:
            line, col = exc.position if exc.position else (0, 0)
            message = f"not well-formed: {exc.msg}"
            raise InputError(message, file=str(path), line=line, col=col) from None
        if not walk.errors:
            return []
        return walk.diagnostics(str(path), Path(path).read_bytes(), self.name)

    def is_valid(self, tree: etree._ElementTree) -> bool:
        return not self.check(tree, "")


def _pull_events(parser: etree.XMLPullParser, path: Path, chunk: int = 1 << 16):
    with path.open("rb") as handle:
        while data := handle.read(chunk):
            parser.feed(data)
            yield from parser.read_events()
    parser.close()
    yield from parser.read_events()


def _namespace(tag: object) -> str:
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag[:1] == "{" else ""


def compile_schema(path: str | Path) -> RelaxNGSchema:
    p = Path(path)
    loader = Loader(_schema_parser())
    try:
        with _deep_recursion():
            start = loader.start(p)
    except RecursionError:
        raise SchemaError("schema nests too deeply to compile", file=str(p)) from None
    return RelaxNGSchema(p.name, p, start, loader, id_attributes=loader.id_attributes)


__all__ = ["RelaxNGSchema", "compile_schema"]
