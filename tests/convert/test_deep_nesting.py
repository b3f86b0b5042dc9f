"""Documents as deep as the XML parser allows convert to every format; deeper ones are refused
in one line, never with a traceback (the readers and writers recurse a few calls a level)."""

from __future__ import annotations

import pytest

from teikit.convert import CONVERTERS, convert
from teikit.errors import InputError

HEADER = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
    "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
    "</fileDesc></teiHeader><text><body>"
)


def nested(element: str, depth: int) -> bytes:
    inner = "<p>the deepest words</p>"
    for _ in range(depth):
        inner = f"<{element}>{inner}</{element}>"
    return (HEADER + inner + "</body></text></TEI>").encode()


@pytest.mark.parametrize("element", ["quote", "figure", "list><item"])
@pytest.mark.parametrize("to", sorted(CONVERTERS))
def test_as_deep_as_the_parser_allows(element: str, to: str) -> None:
    if element == "list><item":
        inner = "<p>the deepest words</p>"
        for _ in range(120):  # two elements a level
            inner = f"<list><item>{inner}</item></list>"
        data = (HEADER + inner + "</body></text></TEI>").encode()
    else:
        data = nested(element, 245)
    conversion = convert(data, to)
    output = conversion.output
    if isinstance(output, str):
        assert "the deepest words" in output


def test_deeper_than_the_parser_allows_is_one_input_error() -> None:
    with pytest.raises(InputError, match="depth"):
        convert(nested("quote", 300), "html")
