"""Cast-list headings as printed editions set them: with an editor's note reference."""

from __future__ import annotations

import pytest

from teikit.model import CastList
from teikit.parse import parse_text

PLAY = """{head}

  VINCENTIO, the Duke.
  ANGELO, Deputy.
  ESCALUS, an ancient Lord.
  ISABELLA, sister to Claudio.


ACT I.

SCENE I. _An apartment in the Duke's palace._

DUKE. Escalus.

ESCALUS. My lord.

ANGELO. Always obedient to your grace's will, I come to know your pleasure,
and to hear what it is your grace would have of me in this.

ISABELLA. Heaven keep your honour!

ESCALUS. And you, my lord.
"""


@pytest.mark.parametrize(
    "head", ["DRAMATIS PERSONÆ.", "DRAMATIS PERSONÆ[1].", "PERSONS OF THE PLAY*", "Personen [a]:"]
)
def test_cast_head_with_a_note_reference(head: str) -> None:
    document = parse_text(PLAY.format(head=head), "play.txt")
    casts = [b for b in document.body if isinstance(b, CastList)]
    assert len(casts) == 1
    assert [item.role for item in casts[0].items] == ["VINCENTIO", "ANGELO", "ESCALUS", "ISABELLA"]


def test_a_note_reference_alone_is_no_cast_head() -> None:
    document = parse_text(PLAY.format(head="NOTES[1]."), "play.txt")
    assert not any(isinstance(b, CastList) for b in document.body)


SECTIONED = """KING RICHARD III


Dramatis Personae

  EDWARD THE FOURTH

    Sons to the King
  EDWARD, PRINCE OF WALES afterwards KING EDWARD V
  RICHARD, DUKE OF YORK,

  DUCHESS OF YORK, mother to King Edward IV
  LADY ANNE, widow of Edward Prince of Wales


ACT I. SCENE 1.

DUCHESS. Who meets us here? My niece Plantagenet?

YORK. Grandam, one night as we did sit at supper,
My uncle Rivers talk'd how I did grow.

ANNE. Kind sister, thanks; we'll enter all together.

DUCHESS. Good morrow to you both.

YORK. And to you, grandam.

ANNE. And to you all.
"""


def _persons_by_label(text: str) -> dict[str, str]:
    from teikit.model import Speech, walk

    document = parse_text(text, "play.txt")
    names = {p.id: p.name for p in document.persons}
    return {s.speaker: names[s.who] for s in walk(document.body) if isinstance(s, Speech)}


def test_cast_whose_first_entry_was_taken_for_a_heading() -> None:
    """ "Dramatis Personae" alone, its first role ("EDWARD THE FOURTH") set apart like a
    section's heading: the roles are still the cast list's."""
    document = parse_text(SECTIONED, "play.txt")
    casts = [b for b in document.body if isinstance(b, CastList)]
    assert len(casts) == 1
    roles = [item.role for item in casts[0].items if hasattr(item, "role")]
    assert roles[:1] == ["EDWARD THE FOURTH"]
    assert "DUCHESS OF YORK" in roles and "LADY ANNE" in roles


def test_a_title_in_a_description_keeps_a_label_from_another_role() -> None:
    """ "YORK." is Richard, ", DUKE OF YORK," not the Duchess of York; "DUCHESS." and "ANNE."
    are the roles they begin."""
    persons = _persons_by_label(SECTIONED)
    assert persons["DUCHESS."] == "DUCHESS OF YORK"
    assert persons["ANNE."] == "LADY ANNE"
    assert persons["YORK."] != "DUCHESS OF YORK"


# Entries printed on one line each (not hard-wrapped), as long as a wrapped text joins them.
ANDREAS = (
    "Andreas Doria, Doge von Genua.  Ehrwürdiger Greis von 80 Jahren. Spuren von Feuer.  "
    "Ein Hauptzug: Gewicht und strenge befehlende Kürze."
)
GIANETTINO = (
    "Gianettino Doria, Neffe des Vorigen.  Prätendent.  Mann von 26 Jahren. Rauh und "
    "anstößig in Sprache, Gang und Manieren."
)
DESCRIBED = f"""Personen des Stücks.

{ANDREAS}

{GIANETTINO}

(Beide Doria tragen Scharlach)

Fiesco, Graf von Lavagna.  Haupt der Verschwörung.


Erster Aufzug

Fiesco. Wo bleibt Doria?

Gianettino Doria. Hier bin ich, Graf.

Andreas Doria. Und ich.

Fiesco. Willkommen beide.
"""


def test_long_described_entries_keep_their_role() -> None:
    """An entry of many words that opens with a name and a comma is that role and its
    description; a remark in parentheses is no role."""
    document = parse_text(DESCRIBED, "fiesco.txt")
    casts = [b for b in document.body if isinstance(b, CastList)]
    assert len(casts) == 1
    roles = [getattr(item, "role", None) for item in casts[0].items]
    assert roles == ["Andreas Doria", "Gianettino Doria", None, "Fiesco"]


SETTING = """IPHIGENIE AUF TAURIS



  Personen:

  Iphigenie.
  Thoas, König der Taurier.
  Orest.
  Pylades.
  --
  Schauplatz: Hain vor Dianens Tempel


Erster Aufzug

Iphigenie. Heraus in eure Schatten, rege Wipfel.

Thoas. Ich bin gekommen.

Orest. Und ich.

Pylades. Ich auch.
"""


def test_a_rule_and_the_setting_under_the_roles_are_no_roles() -> None:
    from teikit.model import walk

    document = parse_text(SETTING, "iphigenie.txt")
    casts = [b for b in walk(document.body) if isinstance(b, CastList)]
    assert len(casts) == 1
    roles = [getattr(item, "role", None) for item in casts[0].items]
    assert roles == ["Iphigenie.", "Thoas", "Orest.", "Pylades.", None, None]
