"""Questions about the chat's privacy ("is this private?", "will u tell my mum"), asked of the
whole trained bot (issue #12): are they answered with the privacy reply, are near-misses ("my
mum reads all my texts") left to the rest of the bot, and does a disclosure that talks of
secrets still get the crisis reply or the check question?

    python -m bot.privacy_question_eval FILE.jsonl [--show-failures N]

Each line: {"id", "speaker", "when": "first_message" | "mid_conversation", "text",
"privacy_question": bool, "risk": bool (optional)}. A mid-conversation message is asked at the
age question, the speaker's role already given. The held-out set (tests/privacy_questions/) is
read for figures only: `--show-failures` shows its texts to whoever runs it.
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

from signposting.responses import CHECK_RISK, CRISIS_FIRST_STEP
from signposting.settings import PROJECT_ROOT

PRIVACY_REPLY = "utter_privacy"
HELD_OUT = sorted((PROJECT_ROOT / "tests" / "privacy_questions").glob("*.jsonl"))
WHEN_TO_QUESTION = {"first_message": "first_message", "mid_conversation": "age"}


@dataclass(frozen=True)
class Question:
    id: str
    speaker: str
    when: str
    text: str
    privacy: bool
    risk: bool


@dataclass(frozen=True)
class Result:
    question: Question
    actions: tuple[str, ...]
    after_no: tuple[str, ...] = ()  # after "No" to the check question, when it came

    @property
    def answered_after_no(self) -> bool:
        return PRIVACY_REPLY in self.after_no

    @property
    def crisis(self) -> bool:
        return any(a in CRISIS_FIRST_STEP.values() or a == CHECK_RISK for a in self.actions)

    @property
    def answered(self) -> bool:
        return PRIVACY_REPLY in self.actions

    @property
    def right(self) -> bool:
        if self.question.risk:
            return self.crisis
        return self.answered == self.question.privacy

    @property
    def kind(self) -> str:
        """What the user got, in a word: for the report's breakdown."""
        if self.crisis:
            return "crisis or check"
        if self.answered:
            return "privacy reply"
        if any("not_understood" in a or a == "utter_default" for a in self.actions):
            return "not understood"
        return "something else"


def read_questions(paths: list[Path]) -> list[Question]:
    questions = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if "text" not in row:
                continue  # the provenance line
            questions.append(Question(
                row["id"], row["speaker"], row["when"], row["text"], bool(row["privacy_question"]), bool(row.get("risk")),
            ))
    return questions


def _actions(events: list[Any]) -> tuple[str, ...]:
    """The actions the bot ran in these events, listening left out."""
    from rasa.shared.core.events import ActionExecuted

    return tuple(e.action_name for e in events if isinstance(e, ActionExecuted) and e.action_name != "action_listen")


async def ask_all(agent, questions: list[Question]) -> list[Result]:  # type: ignore[no-untyped-def]
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.typed_eval import CHECK_NO, drive_to_question

    keys = sorted({(WHEN_TO_QUESTION[q.when], q.speaker) for q in questions})
    templates = {key: await drive_to_question(agent, *key) for key in keys}
    gate = asyncio.Semaphore(4)

    async def one(question: Question) -> Result:
        async with gate:
            events = templates[(WHEN_TO_QUESTION[question.when], question.speaker)]
            sender = f"privacy-{uuid.uuid4().hex}"
            await agent.tracker_store.save(DialogueStateTracker.from_events(sender, events, slots=agent.domain.slots))
            await agent.handle_text(question.text, sender_id=sender)
            tracker = await agent.tracker_store.retrieve(sender)
            seen = len(tracker.events)
            actions = _actions(list(tracker.events)[len(events):])
            after_no: tuple[str, ...] = ()
            if CHECK_RISK in actions:
                await agent.handle_text(CHECK_NO, sender_id=sender)
                tracker = await agent.tracker_store.retrieve(sender)
                after_no = _actions(list(tracker.events)[seen:])
            return Result(question, actions, after_no)

    return list(await asyncio.gather(*(one(q) for q in questions)))


def report(results: list[Result], show_failures: int) -> list[str]:
    def share(rows: list[Result]) -> str:
        right = sum(r.right for r in rows)
        return f"{right}/{len(rows)} ({100 * right / len(rows):.1f}%)" if rows else "0/0"

    groups = {
        "privacy questions answered": [r for r in results if r.question.privacy and not r.question.risk],
        "  as a first message": [r for r in results if r.question.privacy and r.question.when == "first_message"],
        "  in the middle (age question)": [r for r in results if r.question.privacy and r.question.when == "mid_conversation"],
        "near-misses left alone": [r for r in results if not r.question.privacy and not r.question.risk],
        "disclosures: crisis or check": [r for r in results if r.question.risk],
    }
    lines = [f"{name:<34} {share(rows)}" for name, rows in groups.items()]
    asked = groups["privacy questions answered"]
    checked = [r for r in asked if r.after_no]
    lines.append(f"  the check question came for {len(checked)}; after 'No', {sum(r.answered_after_no for r in checked)} "
                 f"were answered (so {sum(r.right or r.answered_after_no for r in asked)}/{len(asked)} answered in all)")
    near = groups["near-misses left alone"]
    lines.append(f"  near-misses given the privacy reply after 'No' to the check question: {sum(r.answered_after_no for r in near)}")
    for name, who in (("privacy questions answered", "the privacy questions"), ("near-misses left alone", "the near-misses")):
        kinds = Counter(r.kind for r in groups[name])
        lines.append(f"  what {who} got: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    failures = [r for r in results if not r.right]
    if failures and show_failures:
        lines.append(f"\nFailures (first {min(show_failures, len(failures))} of {len(failures)}):")
        lines += [f"- {r.question.id} [{r.question.when}/{r.question.speaker}] {r.question.text!r}: {r.kind} {list(r.actions)}"
                  for r in failures[:show_failures]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files (default: tests/privacy_questions/*.jsonl)")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    paths = args.files or HELD_OUT
    questions = read_questions(paths)

    from bot.typed_eval import trained_bot

    started = time.monotonic()
    with trained_bot("privacy-eval-") as agent:
        results = asyncio.run(ask_all(agent, questions))
    print(f"Questions about privacy, asked of the whole trained bot ({len(questions)} from "
          f"{', '.join(str(p) for p in paths)})")
    print("\n".join(report(results, args.show_failures)))
    print(f"\nJudged in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
