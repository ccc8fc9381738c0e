"""Questions about the chat, asked of the whole trained bot (issue #12): about its privacy ("is
this private?", "will u tell my mum") or about the services' practicalities ("is it free?", "when
are you open", "how old do u have to be"). Are they answered with their reply, are near-misses
("my mum reads all my texts", "i cant sleep at night") left to the rest of the bot, and does a
risk message that talks of secrets, times or money still get the crisis reply or the check?

    python -m bot.chat_question_eval privacy|service [FILE.jsonl ...] [--show-failures N]

Each line: {"id", "speaker", "when": "first_message" | "mid_conversation", "text", the topic's
field ("privacy_question" or "service_question"): bool, "risk": bool (optional)}. A
mid-conversation message is asked at the age question, the speaker's role already given. The
held-out sets (tests/privacy_questions/, tests/service_questions/) are read for figures only:
`--show-failures` shows their texts to whoever runs it.
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

from signposting.intents import QUESTION_REPLIES
from signposting.responses import CHECK_RISK, CRISIS_FIRST_STEP
from signposting.settings import PROJECT_ROOT


@dataclass(frozen=True)
class Topic:
    name: str
    reply: str  # the response that answers such a question
    field: str  # the held-out sets' label: is this message such a question?
    folder: str  # tests/<folder>/*.jsonl, the held-out sets

    @property
    def held_out(self) -> list[Path]:
        return sorted((PROJECT_ROOT / "tests" / self.folder).glob("*.jsonl"))


TOPICS = {
    "privacy": Topic("privacy", "utter_privacy", "privacy_question", "privacy_questions"),
    "service": Topic("service", "utter_service_info", "service_question", "service_questions"),
}
WHEN_TO_QUESTION = {"first_message": "first_message", "mid_conversation": "age"}


@dataclass(frozen=True)
class Question:
    id: str
    speaker: str
    when: str
    text: str
    asks: bool  # is it a question of the topic?
    risk: bool


# A question that names a service gets its card under this instead (actions/service_info.py).
ALSO_ANSWERS = {"utter_service_info": frozenset({"utter_about_the_service"})}


@dataclass(frozen=True)
class Result:
    question: Question
    reply: str  # the topic's reply
    actions: tuple[str, ...]
    after_no: tuple[str, ...] = ()  # after "No" to the check question, when it came

    @property
    def answered_after_no(self) -> bool:
        return bool({self.reply, *ALSO_ANSWERS.get(self.reply, ())} & set(self.after_no))

    @property
    def crisis(self) -> bool:
        return any(a in CRISIS_FIRST_STEP.values() or a == CHECK_RISK for a in self.actions)

    @property
    def answered(self) -> bool:
        return bool({self.reply, *ALSO_ANSWERS.get(self.reply, ())} & set(self.actions))

    @property
    def right(self) -> bool:
        if self.question.risk:
            return self.crisis
        return self.answered == self.question.asks

    @property
    def kind(self) -> str:
        """What the user got, in a word: for the report's breakdown."""
        if self.crisis:
            return "crisis or check"
        if self.answered:
            return "its reply"
        if any(a in QUESTION_REPLIES.values() for a in self.actions):
            return "another question's reply"
        if any("not_understood" in a or a == "utter_default" for a in self.actions):
            return "not understood"
        return "something else"


def read_questions(paths: list[Path], topic: Topic) -> list[Question]:
    questions = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if "text" not in row:
                continue  # the provenance line
            questions.append(Question(
                row["id"], row["speaker"], row["when"], row["text"], bool(row[topic.field]), bool(row.get("risk")),
            ))
    return questions


def _actions(events: list[Any]) -> tuple[str, ...]:
    """The actions the bot ran in these events, listening left out, and the responses a custom
    action sent (the form answers "am i too old for this im 18" with the reply and takes the age)."""
    from rasa.shared.core.events import ActionExecuted, BotUttered

    done: list[str] = []
    for event in events:
        if isinstance(event, ActionExecuted) and event.action_name != "action_listen":
            done.append(event.action_name)
        elif isinstance(event, BotUttered):
            response = (event.metadata or {}).get("utter_action")
            if response and response != (done[-1] if done else None):
                done.append(response)
    return tuple(done)


async def ask_all(agent, questions: list[Question], reply: str) -> list[Result]:  # type: ignore[no-untyped-def]
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.typed_eval import CHECK_NO, drive_to_question

    keys = sorted({(WHEN_TO_QUESTION[q.when], q.speaker) for q in questions})
    templates = {key: await drive_to_question(agent, *key) for key in keys}
    gate = asyncio.Semaphore(4)

    async def one(question: Question) -> Result:
        async with gate:
            events = templates[(WHEN_TO_QUESTION[question.when], question.speaker)]
            sender = f"chat-question-{uuid.uuid4().hex}"
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
            return Result(question, reply, actions, after_no)

    return list(await asyncio.gather(*(one(q) for q in questions)))


def report(results: list[Result], topic: Topic, show_failures: int) -> list[str]:
    def share(rows: list[Result]) -> str:
        right = sum(r.right for r in rows)
        return f"{right}/{len(rows)} ({100 * right / len(rows):.1f}%)" if rows else "0/0"

    asked_name = f"{topic.name} questions answered"
    groups = {
        asked_name: [r for r in results if r.question.asks and not r.question.risk],
        "  as a first message": [r for r in results if r.question.asks and r.question.when == "first_message"],
        "  in the middle (age question)": [r for r in results if r.question.asks and r.question.when == "mid_conversation"],
        "near-misses left alone": [r for r in results if not r.question.asks and not r.question.risk],
        "risk messages: crisis or check": [r for r in results if r.question.risk],
    }
    lines = [f"{name:<34} {share(rows)}" for name, rows in groups.items()]
    asked = groups[asked_name]
    checked = [r for r in asked if r.after_no]
    lines.append(f"  the check question came for {len(checked)}; after 'No', {sum(r.answered_after_no for r in checked)} "
                 f"were answered (so {sum(r.right or r.answered_after_no for r in asked)}/{len(asked)} answered in all)")
    near = groups["near-misses left alone"]
    lines.append(f"  near-misses given {topic.reply} after 'No' to the check question: {sum(r.answered_after_no for r in near)}")
    for name, who in ((asked_name, f"the {topic.name} questions"), ("near-misses left alone", "the near-misses")):
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
    parser.add_argument("topic", choices=sorted(TOPICS))
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files (default: the topic's held-out sets)")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    topic = TOPICS[args.topic]
    paths = args.files or topic.held_out
    questions = read_questions(paths, topic)

    from bot.typed_eval import trained_bot

    started = time.monotonic()
    with trained_bot(f"{topic.name}-question-eval-") as agent:
        results = asyncio.run(ask_all(agent, questions, topic.reply))
    print(f"Questions about {topic.name}, asked of the whole trained bot ({len(questions)} from "
          f"{', '.join(str(p) for p in paths)})")
    print("\n".join(report(results, topic, args.show_failures)))
    print(f"\nJudged in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
