"""Names of the languages teikit recognises, by BCP 47 code: data that parse (which detects a
text's language) and encode (which names it in the header's langUsage) both read."""

from __future__ import annotations

LANGUAGE_NAMES = {
    "en": "English",
    "it": "Italian",
    "is": "Icelandic",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "ru": "Russian",
    "pl": "Polish",
    "cs": "Czech",
    "hu": "Hungarian",
    "ro": "Romanian",
    "sl": "Slovenian",
    "hr": "Croatian",
    "sr": "Serbian",
    "uk": "Ukrainian",
    "el": "Greek",
    "fi": "Finnish",
    "da": "Danish",
    "no": "Norwegian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ca": "Catalan",
    "la": "Latin",
}
