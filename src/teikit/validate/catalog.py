"""The built-in catalog: the TEI Consortium's schema URLs stand for the locally configured release.

What Roma and oXygen write into every new TEI file, ``<?xml-model
href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"?>`` (or a Vault URL
of one release), is mapped to the configured ``tei_all.rng`` (``--tei-all``, TEIKIT_TEI_ALL or
``tei-all`` in teikit.toml), as oXygen's TEI framework maps it to the copy it ships. With none
configured the URL resolves to nothing and the file's summary says its schemas were not checked.
A user catalog (``--catalog``) is consulted first, so a project can map the URLs elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

from .locations import Resources

_TEI_SCHEMA_URL = re.compile(
    r"^https?://(?:www\.)?(?:vault\.)?tei-c\.org/"
    r"(?:release|Vault/P5/(?P<vault>[^/]+)|P5/(?P<vault2>[^/]+))"
    r"/xml/tei/custom/schema/relaxng/(?P<name>tei_all)\.(?:rng|rnc)$"
)


def tei_release_of(url: str) -> tuple[str, str] | None:
    """(schema name, release) when ``url`` is a TEI Consortium schema URL teikit knows; release is
    "current" for the /release/ URL."""
    found = _TEI_SCHEMA_URL.match(url.strip())
    if not found:
        return None
    return found.group("name"), found.group("vault") or found.group("vault2") or "current"


def builtin(url: str, resources: Resources) -> Path | None:
    """The local file a TEI Consortium URL stands for, when one is configured."""
    known = tei_release_of(url)
    if known is None or resources.tei_all is None:
        return None
    return resources.tei_all
