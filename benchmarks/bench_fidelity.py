"""Fidelity of teikit's encoding against expert TEI of the same works (issue 17).

Every pair under ``pairs/`` of the shared corpus is encoded from its plain text, exactly as
``teikit encode`` does, and the TEI is scored against the expert encoding of the same work:

- plays (DraCor): **speaker attribution**. The speeches (``sp``) of both files are aligned by
  their speaker labels (``Ham.`` stands for HAMLET: a label matches when its words are
  abbreviations of the other's, old spelling u/v and i/j folded); each predicted person is mapped
  to the expert person it most often stands for in the alignment (a person whose label matches
  no expert label takes the expert person it stands beside in the stretches the alignment leaves
  unmatched); the score is the share of expert speeches whose speaker is matched in order (the
  longest common subsequence of the two speaker sequences after mapping); beside it, the F1 of
  the **verse lines** (``l``) and of the **stage directions** (``stage``), each keyed by its
  first words (the editions differ, so neither reaches 1.0: an expert's modern directions share
  few words with a First Folio e-text's);
- novels (ELTeC): **paragraph-start F1** (every ``p`` of front and body keyed by its first words)
  and **heading F1** (every division with heads is one heading, however many heads it has, keyed
  by the first words of the text that follows its heads, so that "Book 1 Chapter 1" in the e-text
  and "CHAPTER I." in the expert file are the same heading), and the **licence words**: words of
  Project Gutenberg licence or header text left in the body or front;
- MIA pages: **block kinds** (heading, paragraph, quotation, list item) of teikit's blocks against
  the original HTML, and **false speech**: speeches encoded in pages whose HTML shows no dialogue,
  or speeches whose label is used once in a run of once-used labels (a gloss list).

The works are split in two fixed halves: ``dev`` (rules are developed against it) and ``held``
(never looked at while developing; its figure is the one reported). ``--swap`` exchanges them.

``--layout unwrapped`` encodes each pair's e-text with its wrapped lines joined, as a release
that does not wrap its paragraphs prints them; ``--layout indented`` with its prose paragraphs
told apart by a first-line indent and no blank line: the same works in other layouts real
releases use, a check that the rules do not lean on the line breaks of the corpus's release.

Run: ``python benchmarks/bench_fidelity.py [--corpus DIR] [--half dev|held|all] [--swap]
[--only ID] [--json FILE] [--keep DIR] [--layout released|unwrapped|indented]``. Needs
``$TEIKIT_CORPUS`` or ``--corpus``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from teikit.encode import encode
from teikit.encode.options import EncodeOptions
from teikit.io import safe_parser
from teikit.parse import parse_file, parse_text
from teikit.parse.decode import decode_bytes

TEI = "{http://www.tei-c.org/ns/1.0}"

# The fixed split, by work. Each half holds one First Folio play, prose and verse plays in every
# language, novels with each kind of Gutenberg header, and each family of heading.
DEV_PLAYS = {
    "eng_shakespeare-king-john",
    "eng_shakespeare-as-you-like-it",
    "eng_marlowe-doctor-faustus",
    "eng_kyd-spanish-tragedy",
    "ger_goethe-iphigenie-auf-tauris",
    "ger_lessing-minna-von-barnhelm",
    "ger_schiller-fiesco",
    "fre_rostand-cyrano-de-bergerac",
}
DEV_NOVELS = {
    "eng_braddon-lady-audleys-secret",
    "eng_dickens-hard-times",
    "eng_anstey-vice-versa",
    "eng_machen-hill-of-dreams",
    "eng_yonge-clever-woman-of-the-family",
    "eng_lyall-autobiography-of-a-slander",
    "fra_kock-madeleine",
    "por_garrett-viagens-na-minha-terra",
    "spa_palacio-valdes-la-espuma",
}
KEY_WORDS = 6  # a unit is keyed by its first six words

# MIA pages with dialogue: speeches are expected there and nowhere else.
MIA_DIALOGUE = {
    "mia_bensaid_2001_11_leninism",
    "mia_cannon_1927_confact",
    "mia_glaberman_2000_xx_interview",
    "mia_hallas_2001_02_egypt",
    "mia_harman_1989_01_bubble",
    "mia_johnstone_1986_04_x01",
    "mia_lafargue_1904_11_interview",
    "mia_lenin_1919_mar_guardian",
    "mia_malatesta_1884_between-peasants",
    "mia_mandel_1968_09_revstudmvt",
    "mia_mandel_1976_06_interview",
    "mia_novack_1935_11_candide",
    "mia_robeson_1956_06_12",
    "mia_shachtma_1949_01_subversive",
    "mia_trotsky_1938_04_lp",
    "mia_usa_workers_black-panthers_1998_01_x01",
}

LICENCE = re.compile(
    r"project\s+gutenberg|gutenberg[- ]tm|small\s+print|plain\s+vanilla|\betexts?\b|"
    r"\be-?books?\b.*\bgutenberg|gutenberg literary archive|pglaf|public domain etexts",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- text keys


def fold(text: str) -> str:
    """Case, accents, punctuation and markup folded away: words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("_", " ").replace("*", " ")
    return " ".join(re.findall(r"\w+", text))


def first_words(text: str, n: int = KEY_WORDS) -> str:
    return " ".join(fold(text).split()[:n])


def _text(node: etree._Element) -> str:
    return " ".join("".join(_itertext(node)).split())


def _itertext(node: etree._Element) -> Iterator[str]:
    """Text of ``node`` without the text of its notes."""
    if node.text and node.tag != f"{TEI}note":
        yield node.text
    for child in node:
        if isinstance(child.tag, str) and child.tag != f"{TEI}note":
            yield from _itertext(child)
        if child.tail:
            yield child.tail


def _parse(path: Path | bytes) -> etree._Element:
    data = path if isinstance(path, bytes) else path.read_bytes()
    return etree.fromstring(data, safe_parser())


# --------------------------------------------------------------------------- plays


@dataclass(frozen=True)
class Turn:
    who: str
    label: str


_ARTICLES = {"der", "die", "das", "the", "le", "la", "les", "l", "el", "lo", "il", "de", "du"}


def label_words(label: str) -> tuple[str, ...]:
    """The name part of a speaker label as folded words, old spelling u/v, i/j folded.

    A direction after the name ('LE PORTIER (le poursuivant)', 'ROSINE, à part') is left out.
    """
    name = re.split(r"[,(\[]", label, maxsplit=1)[0]
    words = fold(name).replace("j", "i").replace("v", "u").split()
    kept = tuple(w for w in words if w not in _ARTICLES)
    return kept or tuple(words)


def labels_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One label abbreviates the other: every word of the shorter starts a word of the longer,
    in order ('k iohn' / 'king iohn', 'pol' / 'polonius', 'wirt' / 'der wirt')."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for word in short:
        while i < len(long_) and not long_[i].startswith(word) and not word.startswith(long_[i]):
            i += 1
        if i == len(long_):
            return False
        i += 1
    return True


def play_turns(root: etree._Element) -> list[Turn]:
    text = root.find(f"{TEI}text")
    turns = []
    for sp in (text if text is not None else root).iter(f"{TEI}sp"):
        speaker = sp.find(f"{TEI}speaker")
        label = _text(speaker) if speaker is not None else ""
        who = " ".join(sorted(sp.get("who", "").split()))
        turns.append(Turn(who, label))
    return turns


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (bit-parallel, Hyyrö 2004)."""
    masks: dict[str, int] = {}
    for i, symbol in enumerate(a):
        masks[symbol] = masks.get(symbol, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for symbol in b:
        u = v & masks.get(symbol, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


@dataclass
class PlayScore:
    id: str
    half: str
    expert: int
    predicted: int
    matched: int
    persons: int  # distinct predicted persons
    expert_persons: int
    seconds: float
    verse: tuple[int, int, int] = (0, 0, 0)  # verse lines matched, predicted, expert
    stages: tuple[int, int, int] = (0, 0, 0)  # stage directions matched, predicted, expert

    @property
    def verse_f1(self) -> float:
        return f1(*self.verse)

    @property
    def stage_f1(self) -> float:
        return f1(*self.stages)

    @property
    def score(self) -> float:
        return self.matched / self.expert if self.expert else 0.0


def attribution(expert: list[Turn], found: list[Turn], show: bool = False) -> int:
    """Expert speeches whose speaker is found in order (see the module's docstring)."""
    expert = [t for t in expert if t.label or t.who]
    expert_labels = {}
    for turn in expert:
        expert_labels.setdefault(label_words(turn.label), Counter())[turn.who] += 1
    # Each predicted label as the expert label it abbreviates (the most used one when several
    # match), else a token of its own that matches nothing.
    canonical: dict[str, str] = {}
    for label in {t.label for t in found}:
        words = label_words(label)
        candidates = [k for k in expert_labels if labels_match(words, k)]
        if words in expert_labels:
            candidates = [words]
        best = max(candidates, key=lambda k: sum(expert_labels[k].values()), default=None)
        canonical[label] = " ".join(best) if best is not None else "\0" + label
    a = [" ".join(label_words(t.label)) for t in expert]
    b = [canonical[t.label] for t in found]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    blocks = matcher.get_matching_blocks()
    for block in blocks:
        for k in range(block.size):
            votes[found[block.b + k].who][expert[block.a + k].who] += 1
    # Persons no label matched take the expert person beside them in the unmatched stretches.
    stray: dict[str, Counter[str]] = defaultdict(Counter)
    a_end = b_end = 0
    for block in blocks:
        gap_a, gap_b = range(a_end, block.a), range(b_end, block.b)
        if gap_a and gap_b:
            for j in gap_b:
                i = gap_a[min(len(gap_a) - 1, (j - gap_b[0]) * len(gap_a) // len(gap_b))]
                stray[found[j].who][expert[i].who] += 1
        a_end, b_end = block.a + block.size, block.b + block.size
    mapping = {who: c.most_common(1)[0][0] for who, c in votes.items()}
    for who, c in stray.items():
        mapping.setdefault(who, c.most_common(1)[0][0])
    mapped = [mapping.get(t.who, "\0" + t.who) for t in found]
    if show:
        _show_differences(expert, found, mapped)
    return lcs_length([t.who for t in expert], mapped)


def _show_differences(expert: list[Turn], found: list[Turn], mapped: list[str]) -> None:
    """Print the stretches where the mapped speaker sequences differ (for ``--diff``)."""
    matcher = SequenceMatcher(None, [t.who for t in expert], mapped, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        left = " ".join(t.label for t in expert[a0:a1][:8])
        right = " ".join(f"{t.label}={t.who}" for t in found[b0:b1][:8])
        print(f"    {op:7} expert[{a0}:{a1}] {left[:70]!r}  found[{b0}:{b1}] {right[:90]!r}")


def score_play(pair: Path, half: str, keep: Path | None, show: bool = False) -> PlayScore:
    start = time.perf_counter()
    tei = encode_pair(pair, keep)
    seconds = time.perf_counter() - start
    gold_root, found_root = _parse(pair / "gold.tei.xml"), _parse(tei)
    expert = play_turns(gold_root)
    found = play_turns(found_root)
    return PlayScore(
        pair.name,
        half,
        expert=len(expert),
        predicted=len(found),
        matched=attribution(expert, found, show),
        persons=len({t.who for t in found}),
        expert_persons=len({t.who for t in expert}),
        seconds=seconds,
        verse=multiset_match(verse_line_keys(gold_root), verse_line_keys(found_root)),
        stages=multiset_match(keys_of(gold_root, "stage"), keys_of(found_root, "stage")),
    )


def verse_line_keys(root: etree._Element) -> Counter[str]:
    """The verse lines (``l``) of the text, each keyed by its first words: verse printed as
    prose (one ``p`` for a speech's lines) finds none of its lines."""
    return keys_of(root, "l")


def keys_of(root: etree._Element, tag: str) -> Counter[str]:
    """The ``tag`` elements of the text (not its header), each keyed by its first words."""
    text = root.find(f"{TEI}text")
    keys: Counter[str] = Counter()
    for node in (text if text is not None else root).iter(f"{TEI}{tag}"):
        key = first_words(_text(node))
        if key:
            keys[key] += 1
    return keys


# --------------------------------------------------------------------------- novels


@dataclass
class NovelScore:
    id: str
    half: str
    paragraphs: tuple[int, int, int]  # (matched, predicted, expert)
    headings: tuple[int, int, int]
    licence_words: int
    seconds: float
    missed_headings: list[str] = field(default_factory=list)
    extra_headings: list[str] = field(default_factory=list)
    missed_paragraphs: list[str] = field(default_factory=list)
    extra_paragraphs: list[str] = field(default_factory=list)

    @property
    def paragraph_f1(self) -> float:
        return f1(*self.paragraphs)

    @property
    def heading_f1(self) -> float:
        return f1(*self.headings)


def f1(matched: int, predicted: int, expert: int) -> float:
    if not predicted and not expert:
        return 1.0
    return 2 * matched / (predicted + expert) if predicted + expert else 0.0


def _reading_parts(root: etree._Element) -> list[etree._Element]:
    text = root.find(f"{TEI}text")
    if text is None:
        return []
    return [part for part in text if part.tag in (f"{TEI}front", f"{TEI}body")]


# Divisions that hold no text of the work: a table of contents (the expert files leave it out;
# a contents list is what teikit should make of one) and a title page (ELTeC prints its lines as
# paragraphs of div[@type='titlepage'], teikit as front/titlePage).
_APART = ("contents", "titlepage")


def _apart(node: etree._Element) -> bool:
    """Inside a note, a table of contents or a title page."""
    return any(
        a.tag == f"{TEI}note" or (a.tag == f"{TEI}div" and a.get("type") in _APART)
        for a in node.iterancestors()
    )


def paragraph_keys(root: etree._Element) -> Counter[str]:
    """The first words of each paragraph. A speech's first paragraph starts at its speaker's
    label and whatever direction is printed with it (the expert file may print "Officer: Ginx's
    baby…" as a paragraph where teikit makes a speech of the same words: the unit starts in the
    same place); a paragraph holding only a
    label is a marginal label, like teikit's ``note[@place='margin']`` no paragraph of the text
    (notes are left out on both sides)."""
    keys: Counter[str] = Counter()
    for part in _reading_parts(root):
        for p in part.iter(f"{TEI}p"):
            if _apart(p) or _label_only(p):
                continue
            text = _text(p)
            parent = p.getparent()
            if parent is not None and parent.tag == f"{TEI}sp" and parent.find(f"{TEI}p") is p:
                # the label and the direction printed with it ("Officer (regardless of
                # grammar).", a speaker and a stage) open the unit
                before = [_text(n) for n in parent.iterchildren() if n is not p][
                    : list(parent).index(p)
                ]
                text = " ".join([*before, text])
            key = first_words(text)
            if key:
                keys[key] += 1
    return keys


def _label_only(p: etree._Element) -> bool:
    children = list(p)
    return (
        len(children) == 1
        and children[0].tag == f"{TEI}label"
        and not (p.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def heading_units(root: etree._Element) -> list[tuple[str, str]]:
    """(key, heads) of every division with heads: the key is the first words of the text that
    follows its heads in reading order (heads of nested divisions and notes skipped)."""
    units: list[tuple[str, str]] = []
    pending: list[int] = []  # units still waiting for the words that follow them
    words: list[str] = []

    def add_words(text: str | None) -> None:
        if not text or not pending:
            return
        words.extend(fold(text).split())
        if len(words) >= KEY_WORDS:
            flush()

    def flush() -> None:
        key = " ".join(words[:KEY_WORDS])
        for index in pending:
            units[index] = (key, units[index][1])
        pending.clear()
        words.clear()

    def walk(node: etree._Element) -> None:
        tag = node.tag
        if not isinstance(tag, str) or tag in (f"{TEI}note", f"{TEI}head", f"{TEI}figDesc"):
            return
        if tag == f"{TEI}div" and node.get("type") in _APART:
            return
        if tag == f"{TEI}div":
            heads = [h for h in node if h.tag == f"{TEI}head"]
            if heads:
                if pending and not words:
                    pass  # a division whose heads come straight after another's: both wait
                elif pending:
                    flush()
                units.append(("", " / ".join(_text(h) for h in heads)))
                pending.append(len(units) - 1)
        add_words(node.text)
        for child in node:
            walk(child)
            add_words(child.tail)

    for part in _reading_parts(root):
        walk(part)
    if pending:
        flush()
    return units


def licence_words(root: etree._Element) -> int:
    """Words of the leaf blocks of front and body that are Gutenberg licence or header text."""
    count = 0
    leaves = (
        "p",
        "head",
        "l",
        "item",
        "ab",
        "label",
        "trailer",
        "byline",
        "docTitle",
        "titlePart",
        "docAuthor",
        "docImprint",
        "docEdition",
        "stage",
        "speaker",
        "salute",
        "signed",
        "dateline",
        "closer",
        "opener",
        "bibl",
        "q",
        "quote",
        "figDesc",
        "cell",
    )
    tags = {f"{TEI}{t}" for t in leaves}
    for part in _reading_parts(root):
        for node in part.iter(*tags):
            if any(a.tag in tags for a in node.iterancestors()):
                continue
            text = " ".join("".join(node.itertext()).split())
            if LICENCE.search(text):
                count += len(text.split())
    return count


def multiset_match(expert: Counter[str], found: Counter[str]) -> tuple[int, int, int]:
    return sum((expert & found).values()), sum(found.values()), sum(expert.values())


def score_novel(pair: Path, half: str, keep: Path | None) -> NovelScore:
    start = time.perf_counter()
    tei = encode_pair(pair, keep)
    seconds = time.perf_counter() - start
    gold, mine = _parse(pair / "gold.tei.xml"), _parse(tei)
    gold_heads, my_heads = heading_units(gold), heading_units(mine)
    matched, missed, extra = match_headings(gold_heads, my_heads)
    gold_paragraphs, my_paragraphs = paragraph_keys(gold), paragraph_keys(mine)
    return NovelScore(
        pair.name,
        half,
        paragraphs=multiset_match(gold_paragraphs, my_paragraphs),
        headings=(matched, len(my_heads), len(gold_heads)),
        licence_words=licence_words(mine),
        seconds=seconds,
        missed_headings=missed,
        extra_headings=extra,
        missed_paragraphs=list((gold_paragraphs - my_paragraphs).elements()),
        extra_paragraphs=list((my_paragraphs - gold_paragraphs).elements()),
    )


def match_headings(
    gold: list[tuple[str, str]], mine: list[tuple[str, str]]
) -> tuple[int, list[str], list[str]]:
    """Headings matched one to one: first by the words of their heads ("CHAPTER II. / Quelques
    détails."), then, of those left, by the words after them ("Book 1 Chapter 1" in the e-text is
    "CHAPTER I." in the expert file). Returns the count and the unmatched of each side."""
    left_gold = list(range(len(gold)))
    left_mine = list(range(len(mine)))
    matched = 0
    for key_of in (lambda unit: first_words(unit[1]), lambda unit: unit[0]):
        pool: dict[str, list[int]] = defaultdict(list)
        for j in left_mine:
            pool[key_of(mine[j])].append(j)
        still: list[int] = []
        for i in left_gold:
            key = key_of(gold[i])
            if key and pool.get(key):
                pool[key].pop(0)
                matched += 1
            else:
                still.append(i)
        left_gold = still
        left_mine = sorted(j for js in pool.values() for j in js)
    show = [(gold, left_gold), (mine, left_mine)]
    missed, extra = (
        [f"{units[k][1][:60]!r} -> {units[k][0]!r}" for k in left] for units, left in show
    )
    return matched, missed, extra


# --------------------------------------------------------------------------- MIA


@dataclass
class MiaScore:
    id: str
    half: str
    kinds: tuple[int, int]  # (same kind, aligned units)
    false_speech: int
    speeches: int


HTML_KIND = {
    "h1": "head",
    "h2": "head",
    "h3": "head",
    "h4": "head",
    "h5": "head",
    "h6": "head",
    "p": "p",
    "li": "item",
    "dd": "item",
    "dt": "item",
}


def html_units(page: Path) -> list[tuple[str, str]]:
    tree = lxml_html.parse(str(page))
    body = tree.find(".//body")
    units: list[tuple[str, str]] = []
    for node in (body if body is not None else tree.getroot()).iter():
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag not in HTML_KIND:
            continue
        if any(isinstance(a.tag, str) and a.tag.lower() in HTML_KIND for a in node.iterancestors()):
            continue
        kind = HTML_KIND[tag]
        if kind == "p" and any(_quoting(a) for a in node.iterancestors()):
            kind = "quote"
        key = first_words(node.text_content())
        if len(key.split()) >= 3:
            units.append((key, kind))
    return units


def _quoting(node: etree._Element) -> bool:
    """A blockquote that quotes: not one some MIA pages wrap their whole text in, headings
    and all, for its margins."""
    return (
        isinstance(node.tag, str)
        and node.tag.lower() == "blockquote"
        and not any(isinstance(n.tag, str) and n.tag.lower() in ("h1", "h2") for n in node.iter())
    )


def tei_units(root: etree._Element) -> list[tuple[str, str, str]]:
    """(key, kind, speaker label) of teikit's leaf blocks in the body, in reading order."""
    out: list[tuple[str, str, str]] = []
    body = root.find(f"{TEI}text/{TEI}body")
    if body is None:
        return out
    for node in body.iter(f"{TEI}head", f"{TEI}p", f"{TEI}item", f"{TEI}l"):
        ancestors = {a.tag for a in node.iterancestors()}
        if f"{TEI}note" in ancestors or f"{TEI}p" in ancestors or f"{TEI}item" in ancestors:
            continue
        kind = {f"{TEI}head": "head", f"{TEI}item": "item", f"{TEI}l": "verse"}.get(node.tag, "p")
        if kind == "p" and ({f"{TEI}quote", f"{TEI}cit", f"{TEI}floatingText"} & ancestors):
            kind = "quote"
        sp = next((a for a in node.iterancestors(f"{TEI}sp")), None)
        label = ""
        if sp is not None and sp.find(f"{TEI}speaker") is not None:
            label = _text(sp.find(f"{TEI}speaker"))
        key = first_words(_text(node))
        if key:
            out.append((key, kind, label))
    return out


def score_mia(text: Path, page: Path, half: str, keep: Path | None) -> MiaScore:
    tei = _parse(encode_file(text, keep))
    mine = tei_units(tei)
    theirs = html_units(page)
    matcher = SequenceMatcher(None, [k for k, _ in theirs], [k for k, _, _ in mine], autojunk=False)
    same = aligned = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            aligned += 1
            same += theirs[block.a + k][1] == mine[block.b + k][1] or (
                # a speech's paragraph is a paragraph; verse in a quotation is a quotation
                theirs[block.a + k][1] == "quote" and mine[block.b + k][1] == "verse"
            )
    turns = play_turns(tei)
    false_speech = len(turns) if text.stem not in MIA_DIALOGUE else _gloss_runs(turns)
    return MiaScore(text.stem, half, (same, aligned), false_speech, len(turns))


def _gloss_runs(turns: list[Turn]) -> int:
    """Speeches in runs of three or more whose labels are each used once in the text (and share
    no word with another label: "Monty Johnstone:" introduces the "Monty:" of later turns)."""
    uses = Counter(t.label for t in turns)
    words = Counter(w for label in uses for w in set(label_words(label)))

    def once(label: str) -> bool:
        return uses[label] == 1 and all(words[w] == 1 for w in label_words(label))

    run: list[Turn] = []
    count = 0
    for turn in [*turns, Turn("", "\0")]:
        if turn.label != "\0" and once(turn.label):
            run.append(turn)
            continue
        if len(run) >= 3:
            count += len(run)
        run = []
    return count


def mia_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    mia = corpus / "text" / "mia"
    table = (mia / "PROVENANCE.md").read_text(encoding="utf-8")
    out = []
    for match in re.finditer(r"^\| (mia_[^|]+\.txt) \| [^|]+ \| ([^|]+) \|", table, re.MULTILINE):
        page = mia / "source_html" / match.group(2).strip()
        if page.exists():
            out.append((mia / match.group(1).strip(), page))
    return sorted(out)


def mia_half(stem: str, pages: list[str]) -> str:
    """Every other page, in name order, is held back."""
    return "dev" if pages.index(stem) % 2 == 0 else "held"


# --------------------------------------------------------------------------- running


# ``--layout``: each e-text as released, or set in another layout real releases use, to check
# that the rules do not lean on the line breaks of the one release in the corpus.
LAYOUT = "released"
_WRAP_WIDTH = 55  # a line this long or longer was wrapped; a shorter one ended where it did


def _groups(text: str) -> list[tuple[int, list[str]]]:
    """The blank-separated groups of ``text``'s lines, each with the blank lines before it."""
    groups: list[tuple[int, list[str]]] = []
    blanks = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blanks += 1
        elif blanks or not groups:
            groups.append((blanks, [line.rstrip()]))
            blanks = 0
        else:
            groups[-1][1].append(line.rstrip())
    return groups


def unwrapped(text: str) -> str:
    """``text`` with every line of 55 characters or more joined to the next in its group, as a
    release that does not wrap its paragraphs prints them; shorter lines (verse, headings,
    contents) and the blank lines kept. A verse line that long is joined too, which no release
    would do: for plays in verse the figures are a floor."""
    out: list[str] = []
    for blanks, group in _groups(text):
        lines = [group[0]]
        for previous, line in zip(group, group[1:], strict=False):
            if len(previous) >= _WRAP_WIDTH:
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line)
        out.extend([*[""] * blanks, *lines])
    return "\n".join(out) + "\n"


def indented(text: str) -> str:
    """``text`` with its prose paragraphs (groups of two lines or more opening with a line of
    55 characters or more at the margin) told apart by a first-line indent of four spaces, no
    blank line between two of them, as some releases print them; other blank lines kept."""
    out: list[str] = []
    previous_prose = False
    for blanks, group in _groups(text):
        prose = len(group) >= 2 and len(group[0]) >= _WRAP_WIDTH and not group[0][:1].isspace()
        if not (prose and previous_prose and blanks == 1):
            out.extend([""] * blanks)
        out.extend([f"    {group[0]}" if prose else group[0], *group[1:]])
        previous_prose = prose
    return "\n".join(out) + "\n"


LAYOUTS = {"released": None, "unwrapped": unwrapped, "indented": indented}


def encode_file(path: Path, keep: Path | None) -> bytes:
    relayout = LAYOUTS[LAYOUT]
    if relayout is not None and path.name == "plain.txt":
        text = decode_bytes(path.read_bytes()).text
        document = parse_text(relayout(text), path.name)
    else:
        document = parse_file(path)
    data = encode(document, EncodeOptions(when="2026-01-01"))
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        stem = path.parent.name if path.name == "plain.txt" else path.stem
        (keep / f"{stem}.xml").write_bytes(data)
    return data


def encode_pair(pair: Path, keep: Path | None) -> bytes:
    return encode_file(pair / "plain.txt", keep)


def half_of(pair_id: str, dev: set[str], swap: bool) -> str:
    half = "dev" if pair_id in dev else "held"
    return {"dev": "held", "held": "dev"}[half] if swap else half


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("TEIKIT_CORPUS", "../shared/corpus"))
    parser.add_argument("--half", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--swap", action="store_true", help="exchange the two halves")
    parser.add_argument("--only", action="append", default=[], help="pair id (repeatable)")
    parser.add_argument("--kind", choices=("plays", "novels", "mia", "all"), default="all")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--keep", type=Path, help="write each encoded TEI file here")
    parser.add_argument("-v", "--verbose", action="store_true", help="list unmatched headings")
    parser.add_argument("--diff", action="store_true", help="print where speaker sequences differ")
    parser.add_argument(
        "--layout",
        choices=sorted(LAYOUTS),
        default="released",
        help="each pair's e-text as released, unwrapped, or with paragraphs set by indents",
    )
    args = parser.parse_args(argv)
    global LAYOUT
    LAYOUT = args.layout
    corpus = Path(args.corpus)
    pairs = corpus / "pairs"
    if not pairs.is_dir():
        print(f"no pairs under {corpus}: set TEIKIT_CORPUS or --corpus", file=sys.stderr)
        return 2

    def wanted(pair_id: str, half: str) -> bool:
        if args.only:
            return any(o in pair_id for o in args.only)
        return args.half in ("all", half)

    plays: list[PlayScore] = []
    novels: list[NovelScore] = []
    mia: list[MiaScore] = []
    if args.kind in ("plays", "all"):
        for pair in sorted(p for p in (pairs / "plays").iterdir() if p.is_dir()):
            half = half_of(pair.name, DEV_PLAYS, args.swap)
            if wanted(pair.name, half):
                plays.append(score_play(pair, half, args.keep, args.diff))
                s = plays[-1]
                print(
                    f"play  {half:4} {s.id:42} attribution {s.score:.3f}  "
                    f"({s.matched}/{s.expert}; {s.predicted} sp, {s.persons} persons for "
                    f"{s.expert_persons})  verse lines F1 {s.verse_f1:.3f}  "
                    f"stage F1 {s.stage_f1:.3f}",
                    flush=True,
                )
    if args.kind in ("novels", "all"):
        for pair in sorted(p for p in (pairs / "novels").iterdir() if p.is_dir()):
            half = half_of(pair.name, DEV_NOVELS, args.swap)
            if wanted(pair.name, half):
                novels.append(score_novel(pair, half, args.keep))
                n = novels[-1]
                print(
                    f"novel {half:4} {n.id:42} paragraphs {n.paragraph_f1:.3f}  headings "
                    f"{n.heading_f1:.3f} ({n.headings[0]}/{n.headings[2]} expert, "
                    f"{n.headings[1]} found)  licence words {n.licence_words}",
                    flush=True,
                )
                if args.verbose:
                    for line in n.missed_paragraphs[:12]:
                        print(f"      missed p {line}")
                    for line in n.extra_paragraphs[:12]:
                        print(f"      extra  p {line}")
                    for line in n.missed_headings[:15]:
                        print(f"      missed {line}")
                    for line in n.extra_headings[:15]:
                        print(f"      extra  {line}")
    if args.kind in ("mia", "all"):
        found = mia_pairs(corpus)
        stems = [t.stem for t, _ in found]
        for text, page in found:
            half = mia_half(text.stem, stems)
            if args.swap:
                half = {"dev": "held", "held": "dev"}[half]
            if wanted(text.stem, half):
                mia.append(score_mia(text, page, half, args.keep))
                s = mia[-1]
                if s.false_speech or s.kinds[0] < s.kinds[1] * 0.95:
                    print(
                        f"mia   {half:4} {s.id:42} kinds {s.kinds[0]}/{s.kinds[1]}  "
                        f"false speech {s.false_speech} of {s.speeches}",
                        flush=True,
                    )

    print()
    summary: dict[str, dict[str, float]] = {}
    for half in ("dev", "held"):
        ps = [s for s in plays if s.half == half]
        ns = [n for n in novels if n.half == half]
        ms = [m for m in mia if m.half == half]
        row: dict[str, float] = {}
        if ps:
            row.update(
                plays=len(ps),
                attribution_mean=mean(s.score for s in ps),
                attribution_worst=min(s.score for s in ps),
                verse_f1=f1(*map(sum, zip(*(s.verse for s in ps), strict=True))),
                stage_f1=f1(*map(sum, zip(*(s.stages for s in ps), strict=True))),
            )
        if ns:
            row.update(
                novels=len(ns),
                paragraph_f1=f1(*map(sum, zip(*(n.paragraphs for n in ns), strict=True))),
                paragraph_f1_worst=min(n.paragraph_f1 for n in ns),
                heading_f1=f1(*map(sum, zip(*(n.headings for n in ns), strict=True))),
                heading_f1_worst=min(n.heading_f1 for n in ns),
                licence_words=sum(n.licence_words for n in ns),
            )
        if ms:
            row.update(
                mia_pages=len(ms),
                mia_kind_accuracy=sum(m.kinds[0] for m in ms) / max(1, sum(m.kinds[1] for m in ms)),
                mia_false_speech=sum(m.false_speech for m in ms),
            )
        if row:
            summary[half] = row
    names = {"dev": "dev (developed against)", "held": "held (not looked at)"}
    for half, row in summary.items():
        print(f"{names[half]}:")
        if "plays" in row:
            print(
                f"  plays  {row['plays']:.0f}: attribution mean {row['attribution_mean']:.3f}, "
                f"worst {row['attribution_worst']:.3f}   (target mean >= 0.96, each >= 0.93); "
                f"verse lines F1 {row['verse_f1']:.3f}, stage directions F1 {row['stage_f1']:.3f}"
            )
        if "novels" in row:
            print(
                f"  novels {row['novels']:.0f}: paragraph F1 {row['paragraph_f1']:.3f} (worst "
                f"{row['paragraph_f1_worst']:.3f}), heading F1 {row['heading_f1']:.3f} (worst "
                f"{row['heading_f1_worst']:.3f}), licence words {row['licence_words']:.0f}   "
                "(targets 0.985, 0.93, 0)"
            )
        if "mia_pages" in row:
            print(
                f"  MIA    {row['mia_pages']:.0f}: block kinds {row['mia_kind_accuracy']:.3f}, "
                f"false speech {row['mia_false_speech']:.0f}   (target 0 false speech)"
            )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "summary": summary,
                    "plays": [asdict(s) | {"score": s.score} for s in plays],
                    "novels": [
                        asdict(n) | {"paragraph_f1": n.paragraph_f1, "heading_f1": n.heading_f1}
                        for n in novels
                    ],
                    "mia": [asdict(m) for m in mia],
                },
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
