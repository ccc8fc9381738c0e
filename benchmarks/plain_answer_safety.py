"""How many risk messages would pass as a plain answer to a form question?

`signposting.plain_answer` lets a plain answer ("15 next month") through without the check
question when only the risk model scored it. This counts, over every risk-labelled message
the project holds (the risk corpus, the held-out authors, the everyday and context sets, every
turn of a risk conversation, and ../shared/eval/real_messages.jsonl), how many are plain
answers to the role, age, school or area question: an upper bound on the checks the rule could
drop, as if each message had been typed at each of those questions. The turns before the last one
of a risk conversation are counted apart: they are often ordinary answers. Figures only: held-out
texts are never printed. `--show-dev` prints the development texts (risk corpus, G2).

    make bench-plain-answer
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from bot.nlu.risk_model import read_corpus_file
from services_db.area_answer import is_plain_area_answer
from services_db.school_answer import is_plain_school_answer
from signposting.plain_answer import QUESTIONS as PLAIN_ANSWER_SLOTS
from signposting.plain_answer import is_plain_answer_from_anyone
from signposting.settings import PROJECT_ROOT

DEV_SETS = [
    PROJECT_ROOT / "bot/nlu/risk_corpus", PROJECT_ROOT / "bot/nlu/risk_corpus_everyday", PROJECT_ROOT / "bot/nlu/risk_corpus_short",
    PROJECT_ROOT / "tests/safety/context_dev", PROJECT_ROOT / "tests/safety/short_dev",
]
HELD_OUT_SETS = [
    PROJECT_ROOT / "tests/safety/heldout", PROJECT_ROOT / "tests/safety/everyday", PROJECT_ROOT / "tests/safety/long",
    PROJECT_ROOT / "tests/safety/context", PROJECT_ROOT / "tests/safety/short",
]
REAL = PROJECT_ROOT.parent / "shared" / "eval" / "real_messages.jsonl"
# Answers to the role, age and school questions with a sign of danger in them, and near misses
# (docs/safety.md, "Plain answers"): R1 development (read), R2 held out (figures only).
ANSWER_SHAPED = [(PROJECT_ROOT / "tests/safety/answer_shaped_dev", False), (PROJECT_ROOT / "tests/safety/answer_shaped", True)]
REAL_RISK_LABELS = {"self_harm_or_suicide", "abuse_or_danger"}


def risk_texts(directory: Path) -> dict[str, list[str]]:
    """{author file: every risk message; "<author> earlier turns": the turns before the last
    one of each risk conversation (the context the risk came in)}."""
    texts: dict[str, list[str]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        messages = [m for m in read_corpus_file(path) if m.is_risk]
        texts[path.stem] = [m.text for m in messages]
        if earlier := [turn for m in messages for turn in m.context]:
            texts[f"{path.stem} earlier turns"] = earlier
    return texts


def is_plain_answer(text: str, slot: str) -> bool:
    return is_plain_answer_from_anyone(text, slot, is_plain_area_answer, is_plain_school_answer)


def plain_answers(texts: list[str]) -> Counter[str]:
    return Counter(slot for text in texts for slot in sorted(PLAIN_ANSWER_SLOTS) if is_plain_answer(text, slot))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-dev", action="store_true", help="print the development texts that pass")
    args = parser.parse_args()
    print(f"{'set':44} {'risk texts':>10}  plain answers to: " + ", ".join(sorted(PLAIN_ANSWER_SLOTS)))
    total = Counter[str]()
    for held_out, directories in ((False, DEV_SETS), (True, HELD_OUT_SETS)):
        for directory in directories:
            for name, texts in risk_texts(directory).items():
                found = plain_answers(texts)
                total += found
                counts = ", ".join(str(found[slot]) for slot in sorted(PLAIN_ANSWER_SLOTS))
                print(f"{directory.name + '/' + name:44} {len(texts):>10}  {counts}")
                if args.show_dev and not held_out:
                    for text in texts:
                        for slot in sorted(PLAIN_ANSWER_SLOTS):
                            if is_plain_answer(text, slot):
                                print(f"    {slot}: {text!r}")
    if REAL.exists():
        rows = [json.loads(line) for line in REAL.read_text().splitlines() if line.strip()]
        texts = [row["text"] for row in rows if row["label"] in REAL_RISK_LABELS]
        found = plain_answers(texts)
        total += found
        print(f"{'shared/real_messages (risk)':44} {len(texts):>10}  " + ", ".join(str(found[s]) for s in sorted(PLAIN_ANSWER_SLOTS)))
    print(f"{'ALL':44} {'':>10}  " + ", ".join(str(total[s]) for s in sorted(PLAIN_ANSWER_SLOTS)))
    answer_shaped(args.show_dev)
    return 0


def answer_shaped(show_dev: bool) -> None:
    """Each answer at the question it answers: risk ones that pass as plain (must be none) and
    near misses that pass (ordinary answers the rule lets through)."""
    print(f"\n{'answer-shaped set':44} {'risk':>5} {'plain':>6} {'safe':>5} {'plain':>6}")
    for directory, held_out in ANSWER_SHAPED:
        for path in sorted(directory.glob("*.jsonl")):
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
            risk = [r for r in rows if r["label"] == "risk"]
            safe = [r for r in rows if r["label"] == "safe"]
            risk_plain = [r for r in risk if is_plain_answer(r["text"], r["question"])]
            safe_plain = [r for r in safe if is_plain_answer(r["text"], r["question"])]
            name = f"{directory.name}/{path.stem}"
            print(f"{name:44} {len(risk):>5} {len(risk_plain):>6} {len(safe):>5} {len(safe_plain):>6}")
            if show_dev and not held_out:
                for row in risk_plain:
                    print(f"    RISK passes at {row['question']}: {row['text']!r}")


if __name__ == "__main__":
    raise SystemExit(main())
