"""RELAX NG compact syntax (.rnc), read by translating it to the XML syntax with rnc2rng.

rnc2rng is a small, maintained parser of the compact grammar; writing our own would duplicate it.
Two of its gaps would give wrong verdicts silently, so they are refused here with a positioned
message instead: an ``include`` with a body of overriding definitions (rnc2rng drops the body) and
an ``include`` of a URL (rnc2rng would fetch it; teikit never reads the network).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import SchemaError

# Literals and comments are blanked (same length, newlines kept) before the include scan, so a
# keyword inside a string or a comment is never mistaken for one.
_LITERAL = re.compile(
    r'"""[\s\S]*?"""' r"|'''[\s\S]*?'''" r'|"[^"\n]*"' r"|'[^'\n]*'" r"|#[^\n]*",
)
_INCLUDE = re.compile(r"(?<![\\\w.-])include\s+(\x00+)(\s*(?:inherit\s*=\s*[\w.:-]+\s*)?)(\{)?")


def compact_to_xml(path: Path) -> bytes:
    """The XML-syntax schema (UTF-8 bytes) equivalent to the compact schema at ``path``."""
    _refuse_unsupported(path, seen=set())
    try:
        import rnc2rng
        from rnc2rng.parser import ParseError
    except ImportError:  # pragma: no cover - rnc2rng is a dependency; this guards broken installs
        raise SchemaError(
            "RELAX NG compact syntax needs the rnc2rng package (pip install rnc2rng)",
            file=str(path),
        ) from None
    try:
        root = rnc2rng.load(str(path))
        return rnc2rng.dumps(root).encode("utf-8")
    except ParseError as exc:
        file, line, col = exc.location
        raise SchemaError(
            f"{file or path}:{line + 1}:{col + 1}: compact syntax error near {exc.line.strip()!r}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: cannot read schema ({exc})") from None
    except Exception as exc:  # rnc2rng fails this way at an unexpected end of file, and asserts
        # on some inconsistencies: still one line, never a traceback
        raise SchemaError(f"{path}: compact syntax error (rnc2rng: {exc!r})") from None


def _refuse_unsupported(path: Path, seen: set[Path]) -> None:
    if path in seen:
        return
    seen.add(path)
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: cannot read schema ({exc})") from None
    blanked, literals = _blank(source)
    for match in _INCLUDE.finditer(blanked):
        line = source.count("\n", 0, match.start()) + 1
        href = literals.get(match.start(1), "")
        if re.match(r"[a-zA-Z][\w+.-]*:", href):
            raise SchemaError(
                f"{path}:{line}: include of {href!r}: only local schema files are read, "
                "never the network"
            )
        if match.group(3):
            raise SchemaError(
                f"{path}:{line}: include with overriding definitions is not supported in "
                "compact syntax (convert the schema to .rng with trang)"
            )
        _refuse_unsupported((path.parent / href).resolve(), seen)


def _blank(source: str) -> tuple[str, dict[int, str]]:
    """The source with literals and comments replaced by NULs (newlines kept), and each string
    literal's value by its start offset."""
    parts: list[str] = []
    literals: dict[int, str] = {}
    last = 0
    for match in _LITERAL.finditer(source):
        text = match.group()
        parts.append(source[last : match.start()])
        if not text.startswith("#"):
            quote = 3 if text[:3] in ('"""', "'''") else 1
            literals[match.start()] = text[quote:-quote]
            parts.append("\x00" * len(text.replace("\n", "")) + "\n" * text.count("\n"))
        else:
            parts.append(" " * len(text))
        last = match.end()
    parts.append(source[last:])
    return "".join(parts), literals
