"""Helpers over ``Inlines`` (tuples of ``str`` and inline nodes) used by the speaker rules.

The rules read the plain text of a paragraph but rewrite its inlines, so these helpers split and
trim inlines without dropping any node: a label is cut from the leading string, and bracketed
stage directions are cut out of running text as ``Editorial(kind="stage")`` or ``Stage`` blocks.
"""

from __future__ import annotations

from ...model import Editorial, Emphasis, Inline, Inlines, LineBreak, NoteRef, PageBreakInline, Said


def plain(content: Inlines) -> str:
    """The characters of ``content`` as the source printed them (emphasis keeps its markers)."""
    if len(content) == 1 and isinstance(content[0], str):
        return content[0]  # the common case: one string (asked for many times per paragraph)
    return "".join([i if isinstance(i, str) else _plain_one(i) for i in content])


def _plain_one(inline: Inline) -> str:
    if isinstance(inline, str):
        return inline
    if isinstance(inline, Emphasis):
        return inline.marker + plain(inline.content) + inline.marker
    if isinstance(inline, Editorial):
        return inline.text
    if isinstance(inline, NoteRef):
        return inline.label
    if isinstance(inline, Said):
        return plain(inline.content)
    if isinstance(inline, LineBreak):
        return "\n"
    if isinstance(inline, PageBreakInline):
        return ""
    return ""


def keeps_every_line(content: Inlines, first: int, last: int) -> bool:
    """``content``, printed on source lines ``first`` to ``last``, breaks where each of them
    ends (a text that does not wrap its lines), not where a wrapper did."""
    return sum(1 for i in content if isinstance(i, LineBreak)) == last - first


def lines_of(content: Inlines) -> list[Inlines]:
    """``content`` cut at its line breaks: the inlines of each line (an empty tuple for an empty
    line), the breaks themselves left out."""
    lines: list[list[Inline]] = [[]]
    for inline in content:
        if isinstance(inline, LineBreak):
            lines.append([])
        else:
            lines[-1].append(inline)
    return [tuple(line) for line in lines]


def words_of(content: Inlines) -> str:
    """Plain text with emphasis markers dropped, for classification (never for output)."""
    if len(content) == 1 and isinstance(content[0], str):
        return content[0]
    return "".join(
        words_of(i.content) if isinstance(i, Emphasis) else _plain_one(i) for i in content
    )


def lstrip(content: Inlines) -> Inlines:
    """``content`` without leading whitespace (empty strings removed)."""
    items = list(content)
    while items and isinstance(items[0], (str, LineBreak)):
        head = items[0].lstrip() if isinstance(items[0], str) else ""
        if head:
            items[0] = head
            break
        items.pop(0)
    return tuple(items)


def rstrip(content: Inlines) -> Inlines:
    items = list(content)
    while items and isinstance(items[-1], (str, LineBreak)):
        tail = items[-1].rstrip() if isinstance(items[-1], str) else ""
        if tail:
            items[-1] = tail
            break
        items.pop()
    return tuple(items)


def strip(content: Inlines) -> Inlines:
    return rstrip(lstrip(content))


def drop_prefix(content: Inlines, length: int) -> Inlines:
    """``content`` without the first ``length`` characters of its plain text (``plain``).

    Nodes wholly inside the prefix (an emphasised label ``_Gudfinna._``) are dropped; a string is
    cut; a node the prefix ends inside is kept whole (a label never ends inside one).
    """
    items = list(content)
    while items and length > 0:
        first = items[0]
        size = len(first) if isinstance(first, str) else len(_plain_one(first))
        if size <= length:
            items.pop(0)
            length -= size
        elif isinstance(first, str):
            items[0] = first[length:]
            length = 0
        else:
            break
    return tuple(items)


_OPEN_CLOSE = {"[": "]"}


def split_stages(
    content: Inlines, parentheses: bool = False, plain_parentheses: bool = False
) -> tuple[Inlines, Inlines]:
    """Cut bracketed stage directions out of running text.

    Returns ``(leading, rest)``: ``leading`` is a bracketed direction that opens the text (kept
    verbatim, brackets included) or ``()``; in ``rest`` every later bracketed run becomes an
    ``Editorial(kind="stage")`` with its verbatim text. With ``parentheses``, ``(_…_)`` runs
    (parentheses around italics, as many plays print directions) count too; with
    ``plain_parentheses`` (a play that prints its directions so), any ``(…)`` run that neither
    asks nor exclaims ("(Er holt aus und erwacht durch die Bewegung.)", not "(Nun? nur her!)").
    """
    opener = "(" if plain_parentheses else "(_"
    if not any(isinstance(i, str) and ("[" in i or (parentheses and opener in i)) for i in content):
        return (), content  # (most paragraphs: no direction opens in any string)
    runs = _stage_runs(content, parentheses, plain_parentheses)
    if not runs:
        return (), content
    out: list[Inline] = []
    leading: Inlines = ()
    for kind, items in runs:
        if kind == "stage":
            if not out and not leading and not any(isinstance(i, str) and i.strip() for i in out):
                leading = merge(tuple(items))
                continue
            out.append(Editorial("stage", plain(tuple(items))))
        else:
            out.extend(items)
    return leading, lstrip(merge(tuple(out)))


def merge(content: Inlines) -> Inlines:
    """Adjacent strings joined, empty strings dropped."""
    out: list[Inline] = []
    for inline in content:
        if isinstance(inline, str):
            if not inline:
                continue
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + inline
                continue
        out.append(inline)
    return tuple(out)


def _stage_runs(
    content: Inlines, parentheses: bool, plain_parentheses: bool = False
) -> list[tuple[str, list[Inline]]]:
    """Split ``content`` into ("text", items) and ("stage", items) runs; [] when no stage."""
    runs: list[tuple[str, list[Inline]]] = []
    text: list[Inline] = []
    stage: list[Inline] | None = None
    closer = ""
    found = False
    for inline in content:
        if not isinstance(inline, str):
            (stage if stage is not None else text).append(inline)
            continue
        rest = inline
        while rest:
            if stage is None:
                at = _next_opener(rest, parentheses, plain_parentheses)
                if at < 0:
                    text.append(rest)
                    break
                if at:
                    text.append(rest[:at])
                if text:
                    runs.append(("text", text))
                    text = []
                closer = "]" if rest[at] == "[" else ")"
                stage = [rest[at]]
                rest = rest[at + 1 :]
            else:
                end = rest.find(closer)
                if end < 0:
                    stage.append(rest)
                    break
                stage.append(rest[: end + 1])
                rest = rest[end + 1 :]
                # A "(…)" run is a direction only when italic inside, e.g. "(_Shoots._)".
                body = plain(tuple(stage))
                if (
                    closer == "]"
                    or _italic_inside(body)
                    or (plain_parentheses and not any(c in body for c in "?!"))
                ):
                    runs.append(("stage", stage))
                    found = True
                else:
                    text.append(body)
                stage = None
    if stage is not None:  # unclosed bracket: keep it as text
        text.extend(stage)
    if text:
        runs.append(("text", text))
    return runs if found else []


def _next_opener(text: str, parentheses: bool, plain_parentheses: bool = False) -> int:
    square = text.find("[")
    if not parentheses:
        return square
    paren = text.find("(" if plain_parentheses else "(_")
    candidates = [i for i in (square, paren) if i >= 0]
    return min(candidates) if candidates else -1


def _italic_inside(body: str) -> bool:
    inner = body[1:-1].strip()
    return len(inner) > 2 and inner.startswith("_") and inner.rstrip(".").endswith("_")


def is_whole_stage(content: Inlines) -> bool:
    """True when the paragraph is one bracketed direction (``[Enter Lane.]``, an unclosed
    ``[_LORD FARNCOMBE … _`` as some printings have, ``(_He goes._)``, or ``(зевает).`` with
    the full stop after the parenthesis)."""
    text = plain(content).strip()
    if text.startswith("["):
        close = text.find("]")
        return close < 0 or not text[close + 1 :].strip(" ._")
    if text.startswith("(_") or text.startswith("("):
        close = text.rfind(")")
        return (
            text[close + 1 :] in ("", ".")
            and close > 0
            and text.count("(") == 1
            and _italic_or_short(text)
        )
    return False


def _italic_or_short(text: str) -> bool:
    return "_" in text or len(text.split()) <= 12


def is_whole_italic(content: Inlines) -> bool:
    """True when the whole paragraph is emphasised (``_The scene is a drawing-room._``)."""
    if len(content) == 1 and isinstance(content[0], str):
        text = content[0].strip()  # (the common case: one string, no emphasis node)
    else:
        items = strip(content)
        if len(items) == 1 and isinstance(items[0], Emphasis):
            return True
        text = plain(items).strip()
    return (
        len(text) > 2
        and text.startswith("_")
        and text.rstrip(".").endswith("_")
        and text.count("_") == 2
    )
