"""One offline XSLT 3.0 processor per process: SaxonC-HE (``saxonche``, a wheel with no JVM).

Saxon never reaches the network here. Its XML catalog rewrites every ``http://``, ``https://``
and ``ftp://`` URI, whatever asks for it (``doc()``, ``document()``, ``unparsed-text()``,
``xsl:include``, external entities), to a path under ``/dev/null``, which cannot exist, so an
unmapped URL fails at once and is reported as refused. (Saxon's ``allowedProtocols`` setting
would refuse too, but it is checked before the catalog, so it would also refuse the URLs that the
catalog maps to local files.) Documents teikit validates are parsed by lxml's safe parser first
and handed to Saxon as serialised text without a DOCTYPE, so Saxon never sees their entities.

saxonche is an optional dependency (``pip install 'teikit[schematron]'``); without it
:func:`processor` raises :class:`SaxonUnavailable`, which callers report as "not checked".
"""

from __future__ import annotations

import locale
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SchemaError
from . import diskcache
from .locations import SchemaUnchecked

REFUSED_PREFIX = "file:///dev/null/teikit-offline/"
INSTALL_HINT = "pip install 'teikit[schematron]'"


class SaxonUnavailable(SchemaUnchecked):
    """saxonche is not installed."""


class SaxonError(SchemaError):
    """A transformation failed; the message is one line."""


def offline_catalog(refused_prefix: str = REFUSED_PREFIX) -> str:
    entries = []
    for scheme in ("http", "https", "ftp"):
        for kind, attr in (
            ("rewriteURI", "uriStartString"),
            ("rewriteSystem", "systemIdStartString"),
        ):
            entries.append(
                f'  <{kind} {attr}="{scheme}://" rewritePrefix="{refused_prefix}{scheme}/"/>'
            )
    return (
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        + "\n".join(entries)
        + "\n</catalog>\n"
    )


def _catalog_file(text: str) -> Path:
    key = diskcache.digest(text)
    path = diskcache.store("saxon", key, ".catalog.xml", text.encode("utf-8"))
    if path is None:  # no writable cache: a temporary file for this process
        handle, name = tempfile.mkstemp(suffix=".catalog.xml")
        os.write(handle, text.encode("utf-8"))
        os.close(handle)
        path = Path(name)
    return path


@dataclass
class Saxon:
    proc: Any
    xslt: Any
    compiled: dict[str, Any] = field(default_factory=dict)

    def compile_file(self, path: Path) -> Any:
        key = f"file:{path}:{path.stat().st_mtime_ns}"
        if key not in self.compiled:
            try:
                self.compiled[key] = self.xslt.compile_stylesheet(stylesheet_file=str(path))
            except Exception as exc:  # saxonche raises PySaxonApiError
                raise SaxonError(one_line(exc), file=str(path)) from None
            self.compiled[key].set_save_xsl_message(True)  # kept for errors, not printed
        return self.compiled[key]

    def compile_text(self, text: str, base_uri: str = "") -> Any:
        key = "text:" + diskcache.digest(text, base_uri)
        if key not in self.compiled:
            try:
                if base_uri:
                    self.xslt.set_cwd(os.path.dirname(base_uri.removeprefix("file://")))
                self.compiled[key] = self.xslt.compile_stylesheet(stylesheet_text=text)
            except Exception as exc:
                raise SaxonError(one_line(exc)) from None
            self.compiled[key].set_save_xsl_message(True)
        return self.compiled[key]

    def parse(self, text: str, base_uri: str = "") -> Any:
        builder = self.proc.new_document_builder()
        if base_uri:
            builder.set_base_uri(base_uri)
        try:
            return builder.parse_xml(xml_text=text)
        except Exception as exc:
            raise SaxonError(one_line(exc)) from None

    def string(self, value: str) -> Any:
        return self.proc.make_string_value(value)


def messages(executable: Any) -> str:
    """The xsl:message texts an executable has saved since the last call, as one line."""
    try:
        saved = executable.get_xsl_messages()
        executable.clear_xsl_messages()
    except Exception:
        return ""
    if saved is None:
        return ""
    texts = [" ".join(str(saved.item_at(i).string_value).split()) for i in range(saved.size)]
    return " / ".join(t for t in texts if t)


_SAXON: dict[int, Saxon] = {}


def available() -> bool:
    try:
        import saxonche  # noqa: F401
    except ImportError:
        return False
    return True


def processor() -> Saxon:
    """This process's Saxon (made after a fork, never inherited: SaxonC does not survive one)."""
    pid = os.getpid()
    if pid not in _SAXON:
        try:
            from saxonche import PySaxonProcessor
        except ImportError:
            raise SaxonUnavailable(f"saxonche is not installed ({INSTALL_HINT})") from None
        # SaxonC sets the process locale (all categories to C.UTF-8, which Python then reads
        # as en_US and cannot set back): elementpath's collations, which xmlschema and the
        # agreement tests use, would fail with "unsupported locale setting". Put it back.
        saved = locale.setlocale(locale.LC_ALL, None)
        proc = PySaxonProcessor(license=False)
        try:
            locale.setlocale(locale.LC_ALL, saved)
        except locale.Error:
            pass
        proc.set_catalog_files([str(_catalog_file(offline_catalog()))])
        _SAXON.clear()
        _SAXON[pid] = Saxon(proc, proc.new_xslt30_processor())
    return _SAXON[pid]


_URL = re.compile(r"\b(?:https?|ftp)://[^\s'\",;)]+")


def one_line(exc: BaseException) -> str:
    """Saxon's multi-line report as one line; a refused URL says that teikit refused it."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = text.replace(REFUSED_PREFIX, "(refused) ")
    urls = _URL.findall(text)
    if urls and ("not readable" in text or "I/O error" in text or "Cannot read" in text):
        return (
            f"{urls[0]} is remote and teikit never fetches from the network; point teikit at a "
            f"local copy (see teikit validate --help) [{text[:300]}]"
        )
    return text[:500]
