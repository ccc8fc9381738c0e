"""Where the short-message authors are learnt, measured on held-out and development sets (docs/safety.md, session 37).

An experiment, not part of the bot. Every set is parsed once by the shipped model (lexicon, other
languages, intent classifier); each variant's risk models re-score every message and
`signposting.risk_decision.decide` (the bot's own function) decides: crisis reply, check question or
nothing. Prints figures only, never a message.

Variants (what learns `bot/nlu/risk_corpus_short/`):
  none        nothing (session 36's models)
  short       a third model for messages under `everyday_min_words` words, the team's NLU examples at
              full weight (what the bot ships)
  short_half  the same, the NLU examples at the other models' weight (0.5): more check questions
              on answers to the form's questions
  all         every model, as more risk corpus (tried and dropped: real messages lost escalation)

The development typed answers (tests/typed_answers/dev/) are a set with no risk: what the risk
layer alone does with answers to the questions, before the plain-answer waiver.

Usage: PYTHONPATH=. .venv/bin/python scripts/short_model_variants.py [--variants none,short,short_half,all]
(about a minute per variant, plus one parse of every set).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from bot.nlu.risk_model import (
    CORPUS_DIR,
    EVERYDAY_DIR,
    NLU_WEIGHT,
    SHORT_DIR,
    LengthAwareRiskModel,
    RiskModel,
    read_corpus,
    read_corpus_file,
)
from bot.safety_eval import (
    ANSWER_SHAPED_DIRS,
    HELDOUT_DIR,
    LONG_DIR,
    RISK_LABELS,
    SHARED_EVAL,
    SHORT_DIRS,
    load_agent,
    outcome,
    parse,
    regularisation_in_config,
    signals_with_score,
    thresholds_in_config,
)
from bot.safety_eval import (
    EVERYDAY_DIR as EVERYDAY_SETS,
)
from signposting.risk import without_pronoun_sets
from signposting.risk_decision import CHECK, CRISIS, NONE, decide
from signposting.settings import PROJECT_ROOT


def evaluation_sets() -> dict[str, list[tuple[str, bool]]]:
    """Name → (text, is risk), for every single-message author the safety evaluation reads."""
    folders = [HELDOUT_DIR, EVERYDAY_SETS, LONG_DIR] + [folder for folder, _, _ in SHORT_DIRS + ANSWER_SHAPED_DIRS]
    sets = {}
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")):
            messages = read_corpus_file(path)
            sets[messages[0].author] = [(m.text, m.is_risk) for m in messages if not m.context]
    typed = []
    for path in sorted((PROJECT_ROOT / "tests" / "typed_answers" / "dev").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
        typed += [(row["text"], False) for row in rows if (row.get("expected") or {}).get("intent") != "crisis"]
    sets["typed answers (dev)"] = typed
    if SHARED_EVAL.exists():
        rows = [json.loads(line) for line in SHARED_EVAL.read_text().splitlines() if line.strip()]
        sets["real messages"] = [(row["text"], row["label"] in RISK_LABELS) for row in rows]
    return sets


def fit(variant: str) -> LengthAwareRiskModel:
    thresholds = thresholds_in_config()
    corpus, everyday, short = read_corpus(CORPUS_DIR), read_corpus(EVERYDAY_DIR), read_corpus(SHORT_DIR)
    model = LengthAwareRiskModel.fit(
        corpus + (short if variant == "all" else []), everyday,
        shortest=thresholds.everyday_min_words, longest=thresholds.everyday_words,
        regularisation=regularisation_in_config(), kind_from=thresholds.check,
        everyday_kind_from=thresholds.everyday_check, short_messages=short if variant == "short" else None,
    )
    if variant == "short_half":
        model.short = RiskModel(regularisation_in_config()).fit(corpus + short, kinds=False, team_weight=NLU_WEIGHT)
    return model


def percent(levels: list[str]) -> str:
    counts = Counter(levels)
    return " / ".join(f"{100 * counts[level] / max(len(levels), 1):5.1f}" for level in (CRISIS, CHECK, NONE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="none,short,short_half,all")
    variants = parser.parse_args(argv).variants.split(",")
    thresholds = thresholds_in_config()
    sets = evaluation_sets()
    agent = load_agent()
    parsed = {name: [p.get("risk") or {} for p in parse(agent, [text for text, _ in rows])] for name, rows in sets.items()}
    print(f"{'set':16} {'n risk':>6}  risk: crisis / check / nothing   {'n not':>6}  not risk: crisis / check / nothing")
    for variant in variants:
        model = fit(variant)
        print(f"== {variant}")
        for name, rows in sets.items():
            levels: dict[bool, list[str]] = {True: [], False: []}
            for (text, is_risk), risk in zip(rows, parsed[name], strict=True):
                score = model.score(without_pronoun_sets(text))
                signals = signals_with_score(risk, score.probability, score.category, score.whole_probability)
                levels[is_risk].append(outcome(decide(signals, thresholds).level, risk))
            print(f"{name:16} {len(levels[True]):6}  {percent(levels[True]):31}   {len(levels[False]):6}  {percent(levels[False])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
