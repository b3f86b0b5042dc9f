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


# Opening sentences of novels in languages of Europe's novel collections beyond the corpus's
# (each language's own, as its editions print them).
_OPENINGS = {
    "cs": (
        "Bylo pozdě večer, první máj, a když se v kraji rozhořely ohně, stál jsem na kopci a "
        "díval se dolů do údolí. Ale ona nepřišla, jako by to bylo už dávno, a já jsem tak "
        "čekal, že se to stane, co se mělo stát, a nikdo mi o tom neřekl ani slovo."
    ),
    "hu": (
        "A nap már lemenőben volt, mikor a kocsi megállt a kapu előtt, és az öreg úr kiszállt. "
        "Nem szólt semmit, csak nézett, mint aki még nem tudja, hogy hol van, de azt már "
        "érezte, hogy ez a ház most az övé, és hogy itt is marad, ha meg nem hal."
    ),
    "ro": (
        "Era o zi frumoasă de vară, și în sat nu se auzea nimic, căci oamenii erau la câmp. "
        "Bătrânul stătea pe prispa casei lui și se uita la drumul care ducea la oraș, unde "
        "fiul său plecase de mult și de unde nu mai venise nici o veste."
    ),
    "el": (
        "Ήταν ένα κρύο πρωί του χειμώνα και ο γέρος καθόταν στο παράθυρο της κουζίνας. Δεν "
        "είχε φάει τίποτα από το βράδυ, και η γυναίκα του δεν ήταν στο σπίτι, γιατί είχε πάει "
        "να δει την κόρη της που ήταν άρρωστη στο χωριό."
    ),
    "la": (
        "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, "
        "tertiam qui ipsorum lingua Celtae, nostra Galli appellantur. Hi omnes lingua, "
        "institutis, legibus inter se differunt, et qui fortissimi sunt non sine causa."
    ),
}


def test_languages_beyond_the_corpus() -> None:
    for code, opening in _OPENINGS.items():
        assert parse_text((opening + "\n\n") * 12).language == code, code
