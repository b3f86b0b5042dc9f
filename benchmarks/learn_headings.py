"""Would a learned decision beat the heading rules on texts they were not tuned on? (issue 17)

An experiment, run as a script: every one-line group of every novel and play pair is a heading
candidate; its features are the layout facts the rules read (blank lines around it, case,
numbering, punctuation, length, what follows) and the rules' own decision; its label is whether
the expert TEI has a head with its words. A logistic regression is trained on the pairs of the
``dev`` half and scored on the ``held`` half, beside the rules alone, at the candidate level
(precision, recall, F1 of "is a heading").

Run: ``python benchmarks/learn_headings.py [--corpus DIR] [--swap]``. Nothing here ships: the
numbers decide whether a learned heading decision is worth shipping (see the closing note of
issue 17 for the figures).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import Counter
from pathlib import Path

from bench_fidelity import DEV_NOVELS, DEV_PLAYS, TEI, _parse, _text, first_words

from teikit.model import Division, Heading
from teikit.parse import parse_file
from teikit.parse.decode import decode_bytes
from teikit.parse.frontmatter import read_front_matter
from teikit.parse.headings import keyword_heading, plain_heading
from teikit.parse.lines import groups_of, split_lines
from teikit.parse.wrapping import Layout

_CLOSING = tuple(".,;:!?")


def rule_heads(blocks: tuple, out: set[int]) -> set[int]:
    for block in blocks:
        if isinstance(block, Division):
            if block.head:
                out.add(block.span.start)
            rule_heads(block.blocks, out)
        elif isinstance(block, Heading):
            out.add(block.span.start)
        elif hasattr(block, "blocks"):
            rule_heads(block.blocks, out)
    return out


def gold_heads(pair: Path) -> Counter[str]:
    root = _parse(pair / "gold.tei.xml")
    keys: Counter[str] = Counter()
    for head in root.iter(f"{TEI}head"):
        key = first_words(_text(head))
        if key:
            keys[key] += 1
    return keys


def candidates(pair: Path) -> list[tuple[dict[str, float], int, int]]:
    """(features, rule says heading, gold says heading) of each one-line group of the body."""
    path = pair / "plain.txt"
    decoded = decode_bytes(path.read_bytes(), file=str(path))
    lines = split_lines(decoded.text)
    front = read_front_matter(lines)
    body = lines[front.body_start : front.body_end]
    groups = groups_of(body)
    layout = Layout.of(groups)
    document = parse_file(path)
    heads = rule_heads(document.body, set())
    gold = gold_heads(pair)
    usual = Counter(g.blank_before for g in groups).most_common(1)[0][0] if groups else 1
    first_counts = Counter(g.lines[0].stripped for g in groups)
    out = []
    for k, group in enumerate(groups):
        if len(group.lines) != 1 or len(group.text) > 80:
            continue
        text = group.text
        after = groups[k + 1] if k + 1 < len(groups) else None
        before = groups[k - 1] if k > 0 else None
        words = text.split()
        letters = [c for c in text if c.isalpha()]
        features = {
            "rule": float(group.start in heads),
            "keyword": float(keyword_heading(text) is not None),
            "plain": float(plain_heading(group, text, layout) is not None),
            "capitals": float(bool(letters) and all(c.isupper() for c in letters)),
            "title_case": float(all(w[:1].isupper() for w in words if len(w) > 3)),
            "ends_stop": float(text.endswith(".")),
            "ends_other": float(text.endswith(_CLOSING[1:])),
            "digit_or_roman": float(
                words[0].strip(".").isdigit() or set(words[0].strip(".")) <= set("IVXLC")
            ),
            "words_1": float(len(words) == 1),
            "words_2_4": float(2 <= len(words) <= 4),
            "words_5_9": float(5 <= len(words) <= 9),
            "words_10": float(len(words) >= 10),
            "blank_before_more": float(group.blank_before > usual),
            "blank_before_much": float(group.blank_before >= usual + 2),
            "blank_after_more": float(group.blank_after > usual),
            "next_long": float(after is not None and len(after.lines) >= 3),
            "next_short": float(after is not None and len(after.lines) == 1),
            "prev_long": float(before is not None and len(before.lines) >= 3),
            "recurs": float(first_counts[text] >= 2),
            "recurs_much": float(first_counts[text] >= 4),
            "quote_start": float(text[:1] in "\"'“‘«»„—-_("),
            "hard_wrapped": float(layout.hard_wrapped),
            "bias": 1.0,
        }
        key = first_words(text)
        label = 0
        if key and gold[key] > 0:
            gold[key] -= 1
            label = 1
        out.append((features, int(group.start in heads), label))
    return out


def train(rows: list[tuple[dict[str, float], int, int]], epochs: int = 300) -> dict[str, float]:
    """Logistic regression by batch gradient descent (deterministic: no sampling), L2 0.01."""
    weights: dict[str, float] = Counter()
    rate, l2 = 0.5, 0.01
    n = len(rows)
    for _ in range(epochs):
        grad: Counter[str] = Counter()
        for features, _, label in rows:
            z = sum(weights[f] * v for f, v in features.items())
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for f, v in features.items():
                grad[f] += (p - label) * v
        for f in set(grad) | set(weights):
            weights[f] -= rate * (grad[f] / n + l2 * weights[f])
    return dict(weights)


def predict(weights: dict[str, float], features: dict[str, float]) -> int:
    return int(sum(weights.get(f, 0.0) * v for f, v in features.items()) > 0)


def prf(pairs: list[tuple[int, int]]) -> tuple[float, float, float]:
    tp = sum(1 for p, g in pairs if p and g)
    fp = sum(1 for p, g in pairs if p and not g)
    fn = sum(1 for p, g in pairs if not p and g)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.environ.get("TEIKIT_CORPUS", "../shared/corpus"))
    parser.add_argument("--swap", action="store_true")
    parser.add_argument("--novels", action="store_true", help="novels only")
    args = parser.parse_args()
    root = Path(args.corpus) / "pairs"
    dev, held = [], []
    kinds = (
        (("novels", DEV_NOVELS),) if args.novels else (("novels", DEV_NOVELS), ("plays", DEV_PLAYS))
    )
    for kind, dev_ids in kinds:
        for pair in sorted(p for p in (root / kind).iterdir() if p.is_dir()):
            rows = candidates(pair)
            (dev if (pair.name in dev_ids) != args.swap else held).append((pair.name, rows))
    train_rows = [row for _, rows in dev for row in rows]
    weights = train(train_rows)
    print("weights:", ", ".join(f"{f}={w:+.2f}" for f, w in sorted(weights.items())))
    for name, half in (("dev (trained on)", dev), ("held (not seen)", held)):
        rule = [(r, g) for _, rows in half for _, r, g in rows]
        model = [(predict(weights, f), g) for _, rows in half for f, _, g in rows]
        print(
            f"{name:18} candidates {len(rule):6}  rules P/R/F1 "
            + "/".join(f"{x:.3f}" for x in prf(rule))
            + "   model P/R/F1 "
            + "/".join(f"{x:.3f}" for x in prf(model))
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
