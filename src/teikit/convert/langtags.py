"""TEI ``xml:lang`` / ``langUsage/@ident`` values → BCP 47 tags for HTML's ``lang``.

TEI projects often write ISO 639-2/3 codes (ELTeC's "eng", "fre", "ger"); BCP 47 wants the
shortest code, so a three-letter code that has a two-letter form is replaced by it ("eng" → "en",
"ger-DE" → "de-DE"). Anything that is not a well-formed tag becomes "und" (undetermined).
"""

from __future__ import annotations

import re

# ISO 639-2 (bibliographic and terminological) and 639-3 codes with an ISO 639-1 equivalent,
# for the languages TEI corpora are most often in.
# fmt: off
_TWO_LETTER = {
    "afr": "af", "alb": "sq", "sqi": "sq", "ara": "ar", "arm": "hy", "hye": "hy", "baq": "eu",
    "eus": "eu", "bel": "be", "ben": "bn", "bos": "bs", "bre": "br", "bul": "bg", "cat": "ca",
    "chi": "zh", "zho": "zh", "cze": "cs", "ces": "cs", "dan": "da", "dut": "nl", "nld": "nl",
    "eng": "en", "epo": "eo", "est": "et", "fin": "fi", "fre": "fr", "fra": "fr", "geo": "ka",
    "kat": "ka", "ger": "de", "deu": "de", "gla": "gd", "gle": "ga", "glg": "gl", "gre": "el",
    "ell": "el", "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "ice": "is", "isl": "is",
    "ind": "id", "ita": "it", "jpn": "ja", "kor": "ko", "lat": "la", "lav": "lv", "lit": "lt",
    "mac": "mk", "mkd": "mk", "may": "ms", "msa": "ms", "nor": "no", "nob": "nb", "nno": "nn",
    "per": "fa", "fas": "fa", "pol": "pl", "por": "pt", "rum": "ro", "ron": "ro", "rus": "ru",
    "san": "sa", "slo": "sk", "slk": "sk", "slv": "sl", "spa": "es", "srp": "sr", "swe": "sv",
    "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi", "wel": "cy", "cym": "cy", "yid": "yi",
}
# fmt: on
_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


def bcp47(code: str) -> str:
    """The HTML ``lang`` value for a TEI language code."""
    code = code.strip()
    if not _TAG.match(code):
        return "und"
    primary, _, rest = code.partition("-")
    primary = _TWO_LETTER.get(primary.lower(), primary.lower())
    return f"{primary}-{rest}" if rest else primary
