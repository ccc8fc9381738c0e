"""Risk-model variants measured on held-out authors and real messages (docs/safety.md).

An experiment, not part of the bot: it answers "would training on the everyday-worries
authors (W, X, Y), or scoring long messages sentence by sentence, help?" Every set is
parsed once by the shipped model (lexicon, other languages, intent classifier), then each
variant's risk model re-scores the message and `signposting.risk_decision.decide` (the
bot's own function) decides: crisis reply, check question or nothing. W, X and Y are
scored leave-one-author-out whenever a variant trains on them. Prints aggregates only,
never a message.

Variants (what the risk model learns from):
  base     the risk corpus (what the bot ships)
  wxy      the corpus plus W, X and Y at full weight
  wxyhalf  the corpus plus W, X and Y at the team examples' weight (0.5)
Modes (how a message is scored):
  whole    the message as one text (what the bot does)
  sent     the highest of the message and each sentence of 3+ words
  floor    the message decides; if that is "nothing" but a sentence scores at or above the
           check threshold, the check question

Usage: PYTHONPATH=. .venv/bin/python scripts/risk_variants.py [--variants base,wxy] [--modes whole,sent,floor]
(about 2 CPU-minutes per variant that trains on W, X and Y, plus one parse of every set).
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from bot.nlu.risk_model import CorpusMessage, RiskModel, read_corpus, read_corpus_file, read_nlu_examples
from bot.safety_eval import (
    EVERYDAY_DIR,
    HELDOUT_DIR,
    RISK_LABELS,
    SHARED_EVAL,
    load_agent,
    parse,
    signals_with_score,
    thresholds_in_config,
)
from signposting.risk_decision import CHECK, NONE, Thresholds, decide
from signposting.settings import PROJECT_ROOT

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
MIN_SENTENCE_WORDS = 3
REGULARISATION = 16.0


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if len(part.split()) >= MIN_SENTENCE_WORDS]


def evaluation_sets() -> dict[str, list[tuple[str, bool]]]:
    """Name → (text, is risk). Held-out authors, real messages, and ordinary typed answers."""
    sets: dict[str, list[tuple[str, bool]]] = {}
    if SHARED_EVAL.exists():
        rows = [json.loads(line) for line in SHARED_EVAL.read_text().splitlines() if line.strip()]
        sets["real messages"] = [(row["text"], row["label"] in RISK_LABELS) for row in rows]
    for path in sorted(HELDOUT_DIR.glob("*.jsonl")) + sorted(EVERYDAY_DIR.glob("*.jsonl")):
        messages = read_corpus_file(path)
        sets[f"author {messages[0].author}"] = [(m.text, m.is_risk) for m in messages]
    answers = PROJECT_ROOT / "tests" / "concern_answers" / "C1.jsonl"
    sets["concern answers C1"] = [(row["text"], False) for row in _jsonl(answers)]
    for path in sorted((PROJECT_ROOT / "tests" / "typed_answers").glob("*.jsonl")):
        sets[f"other answers {path.stem}"] = [(row["text"], False) for row in _jsonl(path) if row["question"] != "concern"]
    return sets


def _jsonl(path) -> list[dict]:  # type: ignore[no-untyped-def]
    return [json.loads(line) for line in path.read_text().splitlines()[1:] if line.strip()]


def fit(variant: str, everyday: list[CorpusMessage], corpus: list[CorpusMessage], team: list[CorpusMessage]) -> RiskModel:
    if variant == "wxy":
        return RiskModel(REGULARISATION).fit(corpus + everyday, team=team)
    if variant == "wxyhalf":
        return RiskModel(REGULARISATION).fit(corpus, team=team + everyday)
    return RiskModel(REGULARISATION).fit(corpus, team=team)


def level(model: RiskModel, text: str, risk: dict, mode: str, thresholds: Thresholds) -> str:
    whole = model.score(text)
    scores = [whole, *(model.score(sentence) for sentence in sentences(text))]
    best = max(scores, key=lambda score: score.probability)
    chosen = best if mode == "sent" else whole
    decided = decide(signals_with_score(risk, chosen.probability, chosen.category), thresholds).level
    if mode == "floor" and decided == NONE and best.probability >= thresholds.check and int(risk.get("words") or 99) >= 3:
        return CHECK
    return decided


def percent(counts: Counter) -> str:
    n = sum(counts.values())
    if not n:
        return "-"
    return " / ".join(f"{100 * counts[name] / n:5.1f}" for name in ("crisis", "check", "none")) + f"  (n={n}, nothing={counts['none']})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="base,wxy,wxyhalf")
    parser.add_argument("--modes", default="whole,sent,floor")
    args = parser.parse_args(argv)
    thresholds = thresholds_in_config()
    agent = load_agent()
    parsed = {name: (rows, parse(agent, [text for text, _ in rows])) for name, rows in evaluation_sets().items()}
    corpus, team = read_corpus(), read_nlu_examples()
    everyday = {path.stem: read_corpus_file(path) for path in sorted(EVERYDAY_DIR.glob("*.jsonl"))}
    print("crisis / check / nothing, in % (risk messages | not risk)")
    for variant in args.variants.split(","):
        all_everyday = [m for messages in everyday.values() for m in messages]
        model = fit(variant, all_everyday, corpus, team)
        held_out = {}
        if variant != "base":  # W, X and Y: leave one author out
            for stem, messages in everyday.items():
                others = [m for other, ms in everyday.items() if other != stem for m in ms]
                held_out[f"author {messages[0].author}"] = fit(variant, others, corpus, team)
        for mode in args.modes.split(","):
            print(f"\n## variant {variant}, mode {mode}")
            for name, (rows, parses) in parsed.items():
                scorer = held_out.get(name, model)
                risk, safe = Counter(), Counter()
                for (text, is_risk), parse_data in zip(rows, parses, strict=True):
                    (risk if is_risk else safe)[level(scorer, text, parse_data.get("risk") or {}, mode, thresholds)] += 1
                print(f"{name:26} {percent(risk):44} | {percent(safe)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
