"""The main language of a text: declared by its header, or shown by its words across the whole
text (an English introduction before a French play does not make the play English)."""

from __future__ import annotations

from teikit.parse import parse_text

_ENGLISH = (
    "It was by such a tribunal that the poet was judged, long before his name was known "
    "outside of his own country, and the judgement of the critics was of the kind that is "
    "given in haste and repented at leisure by those who have the care of letters.\n\n"
)
_FRENCH = (
    "Elle ferme les rideaux de la fenêtre et met en ordre quelques fauteuils. On frappe à une "
    "petite porte dérobée à droite. Elle écoute, et il ne vient personne; c'est que le roi "
    "est dans la chambre avec les seigneurs de sa suite.\n\n"
)


def test_words_are_read_across_the_whole_text() -> None:
    # An English introduction longer than the sample, then a longer French work.
    text = "HERNANI\n\n\n" + _ENGLISH * 150 + _FRENCH * 400
    assert parse_text(text).language == "fr"


def test_a_declared_language_wins() -> None:
    header = "Title: Hernani\nAuthor: Victor Hugo\nLanguage: French\n\n\n"
    assert parse_text(header + _ENGLISH * 20).language == "fr"
    assert parse_text("Title: X\nLanguage: de\n\n\n" + _ENGLISH * 20).language == "de"
    assert parse_text("Title: X\nLanguage: Deutsch\n\n\n" + _ENGLISH * 20).language == "de"


def test_a_language_line_naming_none_or_several_is_not_taken() -> None:
    for declared in ("Klingon", "English and French"):
        text = f"Title: X\nLanguage: {declared}\n\n\n" + _FRENCH * 20
        assert parse_text(text).language == "fr"
