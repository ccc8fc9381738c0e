"""`make next-step-eval`: the next-step model, each training author left out in turn.

A component figure, for choosing `MODEL_CONFIDENCE` (bot/nlu/new_worry_policy.py): for each
author of `bot/nlu/next_step_corpus/`, the model is trained on the other authors and the NLU
examples, as `rasa train` trains it, and read on the left-out author's lines. At each threshold:
how many requests it reads right (it would answer them), how many it reads wrong (a wrong
answer), and how many "other" lines (a question about a service, a new worry) it would take
for a request. What a user gets from the whole trained bot is `python -m bot.typed_eval`
(held out: T7, T8).

    PYTHONPATH=. .venv/bin/python -m bot.next_step_eval [--thresholds 0.5 0.6 0.7]

With `--taken FILE…` (answer or question files of tests/): how many messages that are not
next-step requests the trained bot's reading would take for one if typed after the list (every
gate of `request_read`; the conversation's own are not simulated). Figures only.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from bot.nlu.next_step_model import NextStepExample, NextStepModel, nlu_examples, read_corpus
from signposting.next_step_reading import OTHER
from signposting.next_step_request import says_not_to_a_request
from signposting.text import normalise


def leave_one_author_out(corpus: list[NextStepExample], regularisation: float) -> list[tuple[NextStepExample, str, float]]:
    """Each example with the label and confidence of a model that never saw its author."""
    from_nlu = nlu_examples()
    by_author: dict[str, list[NextStepExample]] = defaultdict(list)
    for example in corpus:
        by_author[example.author].append(example)
    read = []
    for author, held_out in sorted(by_author.items()):
        model = NextStepModel(regularisation).fit([e for e in corpus if e.author != author], from_nlu)
        read += [(e, g.label, g.confidence) for e, g in zip(held_out, model.guess_many([e.text for e in held_out]), strict=True)]
    return read


def report(read: list[tuple[NextStepExample, str, float]], thresholds: list[float]) -> list[str]:
    # The policy leaves a message that says "not" to DIET and the rules: so does this count.
    read = [(e, OTHER if says_not_to_a_request(normalise(e.text)) else label, confidence) for e, label, confidence in read]
    requests = [r for r in read if r[0].label != OTHER]
    others = [r for r in read if r[0].label == OTHER]
    lines = [f"{len(requests)} requests and {len(others)} other lines, {len({r[0].author for r in read})} authors",
             "threshold   requests read right   read wrong   other lines taken for a request"]
    for threshold in thresholds:
        acted = [(e, label) for e, label, confidence in requests if label != OTHER and confidence >= threshold]
        right = sum(e.label == label for e, label in acted)
        taken = sum(label != OTHER and confidence >= threshold for _, label, confidence in others)
        lines.append(f"{threshold:9.2f}   {right:4d}/{len(requests)} ({right / len(requests):5.1%})"
                     f"   {len(acted) - right:4d}         {taken:4d}/{len(others)}")
    wrong = Counter((e.label, label) for e, label, confidence in read if label != e.label and label != OTHER)
    lines.append("most common wrong readings (meant → read): " + ", ".join(f"{a}→{b} {n}" for (a, b), n in wrong.most_common(8)))
    return lines


def taken_for_requests(paths: list[str]) -> list[str]:
    """Per file: the messages (not next-step answers) and how many the reading takes, by label."""
    import asyncio
    import json
    from pathlib import Path

    from bot.typed_eval import load_agent
    from signposting.next_step_reading import request_read

    agent = load_agent("http://localhost:9")  # parsing only: no action is run

    async def parse_all(texts: list[str]) -> list[dict]:  # type: ignore[type-arg]
        return [await agent.parse_message(text) for text in texts]

    lines = []
    for path in paths:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = [r["text"] for r in rows if "text" in r and r.get("question") not in ("next_step", "first_message", "offer")]
        parsed = asyncio.run(parse_all(texts))
        taken = Counter(label for text, data in zip(texts, parsed, strict=True) if (label := request_read(data, text)))
        lines.append(f"{path}: {sum(taken.values())} of {len(texts)} taken for a request {dict(taken)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.4, 0.5, 0.6, 0.7, 0.8])
    parser.add_argument("--regularisation", type=float, default=8.0)
    parser.add_argument("--taken", nargs="+", metavar="FILE", help="messages that are not requests, read by the trained bot")
    args = parser.parse_args(argv)
    if args.taken:
        print("\n".join(taken_for_requests(args.taken)))
        return 0
    print("\n".join(report(leave_one_author_out(read_corpus(), args.regularisation), args.thresholds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
