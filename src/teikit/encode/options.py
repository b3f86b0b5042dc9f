"""Inputs to the encoder that are not in the text: clock, tool version, editor, overrides.

Everything that varies between runs is an explicit input, so golden files are stable: the
encoding date comes from ``--date``, else ``SOURCE_DATE_EPOCH``, else today.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field

from .. import __version__


@dataclass(frozen=True, slots=True)
class EncodeOptions:
    when: str = ""  # ISO date of the encoding run
    version: str = __version__
    keep_linebreaks: bool = False
    editor: str = ""  # who ran the encoding (revisionDesc/change/@who, respStmt)
    publisher: str = ""  # publisher of the digital edition
    licence: str = ""  # licence of the encoding
    edition_id: str = ""  # publicationStmt/idno and root xml:id
    overrides: dict[str, str] = field(default_factory=dict)
    xml_models: bool = True

    @staticmethod
    def from_environment(when: str | None = None, **kwargs: object) -> EncodeOptions:
        return EncodeOptions(when=when or default_date(), **kwargs)  # type: ignore[arg-type]


def default_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).date().isoformat()
    return _dt.date.today().isoformat()
