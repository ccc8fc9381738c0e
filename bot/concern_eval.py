"""`make concern-eval`: the concern rules, the concern model and their combination, on answer files.

A component figure, for choosing the thresholds of `signposting.concern_reading` on
development sets (tests/concerns/dev.tsv, tests/typed_answers/dev/, tests/concern_answers/C1):
the model is trained here on the concern corpus, as `rasa train` trains it. What a user gets
from the whole trained bot is `make typed-eval` (held-out authors only).

    PYTHONPATH=. .venv/bin/python -m bot.concern_eval FILES [--show-failures N]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from bot.nlu.concern_model import ConcernModel, read_corpus
from signposting.concern_reading import GuessThresholds, choose_concern
from signposting.parsing import parse_concern


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """(text, concern) pairs of a .tsv (text<TAB>concern) or a typed-answers .jsonl file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if path.suffix == ".tsv":
            text, concern = line.split("\t")
            rows.append((text, concern))
            continue
        row = json.loads(line)
        if row.get("question") == "concern":
            rows.append((row["text"], row["expected"]["concern"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    rows = [row for path in args.files for row in read_labelled(path)]
    model = ConcernModel().fit(read_corpus())
    guesses = model.guess_many([text for text, _ in rows])
    rules = [parse_concern(text) for text, _ in rows]

    def score(read: list[str | None]) -> str:
        right = sum(got == want for got, (_, want) in zip(read, rows, strict=True))
        return f"{right}/{len(rows)} ({100 * right / len(rows):.1f}%)"

    print(f"{len(rows)} answers from {', '.join(map(str, args.files))}")
    print(f"rules alone           {score(rules)}")
    print(f"model alone           {score([g.concern for g in guesses])}")
    default = GuessThresholds()
    for trust in (0.3, 0.4, 0.5, 0.6, 0.7):
        for alone in (0.25, 0.35):
            t = GuessThresholds(trust, alone)
            mark = "  <- signposting.concern_reading" if t == default else ""
            print(f"combined trust>={trust} alone>={alone}  {score([choose_concern(r, g, t) for r, g in zip(rules, guesses, strict=True)])}{mark}")
    combined = [choose_concern(r, g) for r, g in zip(rules, guesses, strict=True)]
    misses = Counter(want for got, (_, want) in zip(combined, rows, strict=True) if got != want)
    print("misses by label (default thresholds):", dict(misses.most_common()))
    shown = 0
    for (text, want), rule, guess, got in zip(rows, rules, guesses, combined, strict=True):
        if got != want and shown < args.show_failures:
            shown += 1
            print(f"- {text!r}: want {want}, rules {rule}, model {guess.concern} {guess.confidence:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
