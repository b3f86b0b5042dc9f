"""teikit's own RELAX NG engine: Java-free, positioned, and reporting every independent error.

    schema = compile_schema("tei_all.rng")
    diagnostics = schema.check(tree, "file.xml")

Modules: loader (schema XML → patterns, the specification's simplification), patterns
(hash-consed patterns and memoised derivatives), nameclasses, datatypes (built-in and XML Schema
datatypes with facets), validator (the walk, recovery and messages), positions (jing-style
line:col on demand).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...errors import Diagnostic, SchemaError
from .loader import Loader
from .patterns import Pattern
from .validator import Walk

# Derivatives recurse once per nesting level of the pattern; TEI content models are deep.
if sys.getrecursionlimit() < 20000:
    sys.setrecursionlimit(20000)


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
        walk = Walk(self, tree)
        walk.run()
        if not walk.errors:
            return []
        data = None
        try:
            data = Path(file).read_bytes()
        except OSError:
            data = etree.tostring(tree)
        return walk.diagnostics(file, data, self.name)

    def is_valid(self, tree: etree._ElementTree) -> bool:
        walk = Walk(self, tree)
        walk.run()
        return not walk.errors


def compile_schema(path: str | Path) -> RelaxNGSchema:
    p = Path(path)
    loader = Loader(_schema_parser())
    try:
        start = loader.start(p)
    except RecursionError:
        raise SchemaError("schema nests too deeply to compile", file=str(p)) from None
    return RelaxNGSchema(p.name, p, start, loader, id_attributes=loader.id_attributes)


__all__ = ["RelaxNGSchema", "compile_schema"]
