"""parse_concern accuracy: on the developer's dev set (tests/concerns/dev.tsv, misses listed)
and on the held-out typed answers to the concern question (tests/typed_answers/, counts only:
held-out text is for measuring, never for writing rules).

    PYTHONPATH=. .venv/bin/python scripts/concern_accuracy.py
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from signposting.parsing import parse_concern

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "concerns" / "dev.tsv"
HELD_OUT = sorted((ROOT / "tests" / "typed_answers").glob("typed_T*.jsonl"))


def dev_examples() -> list[tuple[str, str]]:
    rows = []
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, concern = line.split("\t")
            rows.append((text, concern))
    return rows


def held_out_examples() -> list[tuple[str, str]]:
    rows = []
    for path in HELD_OUT:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("question") == "concern":
                rows.append((item["text"], item["expected"]["concern"]))
    return rows


def main() -> None:
    dev = dev_examples()
    misses = [(text, want, parse_concern(text)) for text, want in dev if parse_concern(text) != want]
    print(f"dev set: {len(dev) - len(misses)}/{len(dev)} = {(len(dev) - len(misses)) / len(dev):.1%}")
    for text, want, got in misses:
        print(f"  miss: {text!r}: expected {want}, got {got}")
    held = held_out_examples()
    if not held:
        print("held-out typed answers: none found")
        return
    right, per_label = 0, Counter()
    totals = Counter(want for _, want in held)
    for text, want in held:
        if parse_concern(text) == want:
            right += 1
            per_label[want] += 1
    print(f"held-out typed answers (concern question): {right}/{len(held)} = {right / len(held):.1%}")
    for label in sorted(totals):
        print(f"  {label:20} {per_label[label]}/{totals[label]}")


if __name__ == "__main__":
    main()
