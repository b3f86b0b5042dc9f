"""The block tree → JSON (schema: schemas/teikit-json.schema.json).

``{"format": "teikit-json", "version": 1, "header": {...}, "participants": [...],
"blocks": [{"type", "text", "id", "who", "n", "line", "children"}...], "notes": [...]}``.
``text`` is the block's plain text; ``who`` lists speaker ids without "#".
"""

from __future__ import annotations

import json
from typing import Any

from .reader import Block, Reading

FORMAT_VERSION = 1


def render(reading: Reading) -> str:
    header = dict(reading.header)
    participants = header.pop("participants", [])
    data = {
        "format": "teikit-json",
        "version": FORMAT_VERSION,
        "header": header,
        "participants": participants,
        "blocks": [_block(b) for b in reading.blocks],
        "notes": [_block(n) for n in reading.notes],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _block(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"type": block.kind, "line": block.line}
    if block.children:
        out["children"] = [_block(c) for c in block.children]
    else:
        out["text"] = " ".join(block.plain().split())
    for key in ("id", "n", "type", "rend", "unit", "place"):
        if key in block.attrs:
            out["subtype" if key == "type" else key] = block.attrs[key]
    if "who" in block.attrs:
        out["who"] = [w.lstrip("#") for w in block.attrs["who"].split()]
    return out
