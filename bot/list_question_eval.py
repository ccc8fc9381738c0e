"""Questions about the services just listed, asked of the whole trained bot (issue #12).

    python -m bot.list_question_eval FILE.jsonl [--show-failures N]

Each line of FILE is {"id", "voice", "text", "kind"}: `kind` is the question the author meant
("text", "online", "how_to_get_help", "hours", "difference", "quickest", see
signposting/list_question.py) or "none" for anything else typed after the list (a new worry,
thanks, a request to email it). Each message is typed, by its voice, to a conversation that has
just been shown a list; a question is answered when the bot's reply starts with that question's
answer (actions/list_questions.py); a "none" message is left alone when no list answer comes. A
crisis reply or the check question is counted apart: it is never wrong for a worry.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actions.list_questions import INTRO, NONE_FIT
from bot.chat_question_eval import _actions
from signposting.responses import CHECK_RISK, CRISIS_FIRST_STEP

NONE = "none"
# The answers to each question: its own first sentence, or "none of these does that".
ANSWERS = {kind: frozenset({INTRO[kind], *([NONE_FIT[kind]] if kind in NONE_FIT else [])}) for kind in INTRO}
LIST_ANSWERS = frozenset().union(*ANSWERS.values())
# How each voice reached the list: the same answers for every message of that voice.
TO_THE_LIST = {
    "young_person": ["hi", "young person", "15", "skip", "Watford", "i feel anxious all the time"],
    "parent_carer": ["hi", "parent", "she is 13", "skip", "Harlow", "anxiety"],
    "professional": ["hi", "I'm a professional", "14", "skip", "Loughborough", "low mood"],
}


@dataclass(frozen=True)
class Result:
    id: str
    voice: str
    text: str
    kind: str
    actions: tuple[str, ...]

    @property
    def crisis(self) -> bool:
        return any(a in CRISIS_FIRST_STEP.values() or a == CHECK_RISK for a in self.actions)

    @property
    def answered_as(self) -> str | None:
        """Which question the bot answered, if any."""
        return next((kind for kind, answers in ANSWERS.items() if answers & set(self.actions)), None)

    @property
    def right(self) -> bool:
        if self.kind == NONE:
            return self.answered_as is None
        return self.answered_as == self.kind


def read(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


async def ask_all(agent, rows: list[dict[str, str]]) -> list[Result]:  # type: ignore[no-untyped-def]
    from rasa.shared.core.trackers import DialogueStateTracker

    templates: dict[str, list[Any]] = {}
    for voice, texts in TO_THE_LIST.items():
        sender = f"list-template-{uuid.uuid4().hex}"
        for text in texts:
            await agent.handle_text(text, sender_id=sender)
        tracker = await agent.tracker_store.retrieve(sender)
        if not tracker.get_slot("services_shown"):
            raise RuntimeError(f"no list was shown to the {voice} conversation")
        templates[voice] = list(tracker.events)
    gate = asyncio.Semaphore(4)

    async def one(row: dict[str, str]) -> Result:
        async with gate:
            events = templates[row["voice"]]
            sender = f"list-question-{uuid.uuid4().hex}"
            await agent.tracker_store.save(DialogueStateTracker.from_events(sender, events, slots=agent.domain.slots))
            await agent.handle_text(row["text"], sender_id=sender)
            tracker = await agent.tracker_store.retrieve(sender)
            return Result(row["id"], row["voice"], row["text"], row["kind"], _actions(list(tracker.events)[len(events):]))

    return list(await asyncio.gather(*(one(row) for row in rows)))


def report(results: list[Result], show_failures: int) -> list[str]:
    def share(rows: list[Result]) -> str:
        right = sum(r.right for r in rows)
        return f"{right}/{len(rows)} ({100 * right / len(rows):.1f}%)" if rows else "0/0"

    questions = [r for r in results if r.kind != NONE]
    others = [r for r in results if r.kind == NONE]
    lines = [f"{'questions answered as asked':<34} {share(questions)}"]
    lines += [f"  {kind:<32} {share([r for r in questions if r.kind == kind])}" for kind in ANSWERS]
    lines.append(f"{'other messages left alone':<34} {share(others)}")
    wrong_answers = Counter(r.answered_as for r in others if r.answered_as)
    if wrong_answers:
        lines.append("  other messages given a list answer: " + ", ".join(f"{k} {n}" for k, n in wrong_answers.most_common()))
    lines.append(f"  crisis reply or check question: {sum(r.crisis for r in questions)} questions, {sum(r.crisis for r in others)} others")
    failures = [r for r in results if not r.right]
    if failures and show_failures:
        lines.append(f"\nFailures (first {min(show_failures, len(failures))} of {len(failures)}):")
        lines += [f"- {r.id} [{r.voice}/{r.kind}] {r.text!r}: answered as {r.answered_as} {list(r.actions)}"
                  for r in failures[:show_failures]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    rows = [row for path in args.files for row in read(path)]

    from bot.typed_eval import trained_bot

    started = time.monotonic()
    with trained_bot("list-question-eval-") as agent:
        results = asyncio.run(ask_all(agent, rows))
    print(f"Questions about the list, asked of the whole trained bot ({len(rows)} from {', '.join(map(str, args.files))})")
    print("\n".join(report(results, args.show_failures)))
    print(f"\nJudged in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
