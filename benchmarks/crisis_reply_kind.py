"""Which crisis reply the risk corpus's own risk messages get, leave one author out.

    python -m benchmarks.crisis_reply_kind      (about 3 minutes)

For each author of the risk corpus and the everyday corpus, the kind-of-danger models are trained
without that author; each of the author's risk messages that the lexicon or the model escalates
is given the reply the crisis policy would choose (`signposting.risk_decision.reply_kind`, with
the model's guess only when `model_kind_fits`), and that reply is compared with the reply of the
message's labelled category. Printed: right and wrong replies with the lexicon's categories
alone, with the model's guess as shipped, and with every guess taken (the rule before session 18).
"""
from __future__ import annotations

import collections

from bot import safety_eval
from bot.nlu.risk_model import CORPUS_DIR, EVERYDAY_DIR, SHORT_DIR, LengthAwareRiskModel, read_corpus
from signposting.risk_decision import KIND_PRIORITY, REPLY_KIND, model_kind_fits


def kind_of(categories: list[str]) -> str:
    """The most specific reply among the categories (speaker aside: the labels say no more)."""
    kinds = {REPLY_KIND.get(category, "general") for category in categories} or {"general"}
    return next(kind for kind in KIND_PRIORITY if kind in kinds or kind == "general")


def main() -> int:
    agent = safety_eval.load_agent()
    thresholds = safety_eval.thresholds_in_config()
    whole = [m for m in read_corpus(CORPUS_DIR) if not m.context]
    everyday = [m for m in read_corpus(EVERYDAY_DIR) if not m.context]
    short = [m for m in read_corpus(SHORT_DIR) if not m.context]
    corpus = whole + everyday + short
    parsed = {m.text: safety_eval.verdict(p).risk for m, p in zip(corpus, safety_eval.parse(agent, [m.text for m in corpus]), strict=True)}
    counts: collections.Counter[tuple[str, bool]] = collections.Counter()
    mixed_up: collections.Counter[tuple[str, str]] = collections.Counter()  # (right reply, reply given), as shipped
    for author in sorted({m.author for m in corpus}):
        model = LengthAwareRiskModel.fit(
            [m for m in whole if m.author != author], [m for m in everyday if m.author != author],
            shortest=thresholds.everyday_min_words, longest=thresholds.everyday_words,
            regularisation=safety_eval.regularisation_in_config(), kinds=True, short_messages=[m for m in short if m.author != author],
        )
        for message in (m for m in corpus if m.author == author and m.is_risk):
            risk = parsed[message.text]
            if risk.get("source") not in ("lexicon", "model"):
                continue
            lexicon = list(risk.get("categories") or [])
            guess = model.score(message.text).category
            truth = kind_of([message.category])
            counts[("lexicon alone", kind_of(lexicon) == truth)] += 1
            counts[("every guess taken", kind_of(lexicon + ([guess] if guess else [])) == truth)] += 1
            fits = guess is not None and model_kind_fits(guess, message.text)
            shipped = kind_of(lexicon + ([guess] if fits else []))
            counts[("as shipped", shipped == truth)] += 1
            if shipped != truth:
                mixed_up[(truth, shipped)] += 1
    for rule in ("lexicon alone", "every guess taken", "as shipped"):
        right, wrong = counts[(rule, True)], counts[(rule, False)]
        print(f"{rule:18} right reply {right:5}   wrong reply {wrong:5}")
    print("Wrong replies as shipped, by right reply -> reply given:")
    for (truth, given), count in mixed_up.most_common():
        print(f"  {truth:20} -> {given:20} {count:4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
