"""`make typed-eval`: how many typed answers the whole trained bot understands, per question.

The held-out sets (tests/typed_answers/typed_T*.jsonl, one author each, who never saw the
training data, the parsers or each other's sets; format in docs/authoring/typed_answers_brief.md)
are measured here and nowhere else: never copy their texts into training data, parsers or tests.

How: the trained model loaded in this process by Rasa's Agent (its NLU, policies and form
logic, conversations kept in memory: no redaction and no HTTP between turns, which makes the
run several times faster than over REST) with the real action server (bot/launcher.py) on a
freshly seeded SQLite services database. For each question and asker role one conversation
is driven up to the question (button answers); its events are copied into a fresh
conversation for every answer, the answer is sent, and slots, intent, actions and reply are
read from the tracker.

    make typed-eval                                   # every held-out set together
    make typed-eval ARGS="tests/typed_answers/typed_T3.jsonl"   # one author
    make typed-eval ARGS="tests/concern_answers/C1.jsonl --show-failures 50"

Prints figures only; tests/test_typed_eval.py holds the floor.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.train import model_path
from signposting.next_step_request import CANNOT_DO_YET_READINGS, NEXT_STEP_READING_SLOT
from signposting.responses import (
    ASK_USER_ROLE,
    CANNOT_DO_YET,
    CHECK_RISK,
    CRISIS_FIRST_STEP,
    GOODBYE,
    MORE_SERVICES,
    NOT_UNDERSTOOD,
    NOT_UNDERSTOOD_ACTION,
    REQUEST_EMAIL_AFTER_A_LIST,
    REQUEST_EMAIL_REPLY,
    REQUEST_PRINT_REPLY,
    START_AGAIN_ACTION,
    STOP,
    TALK_TO_PERSON,
    THANKS_REPLY,
    WRITTEN_IN_ANOTHER_LANGUAGE,
)
from signposting.settings import PROJECT_ROOT

HELD_OUT = sorted(
    (PROJECT_ROOT / "tests" / "typed_answers").glob("typed_T*.jsonl"), key=lambda path: int(path.stem.removeprefix("typed_T"))
)  # by the author's number: T10 after T9
QUESTIONS = ("first_message", "user_role", "age", "school", "area", "concern", "offer", "next_step")
# Answers of the new concern labels are issue #12's concern taxonomy: reported apart.
SEPARATE = {"concern"}
# The questions judged by the slots they fill, so they can be judged again after the check
# question; the others are judged by the reply to the answer itself (the next step again by the
# replies after the "No").
ANSWER_SLOTS = {"user_role", "age", "school", "area", "concern"}
CHECK_NO = "/deny"  # the "No" button of utter_check_risk
SAFE_YES = "/confirm_safe"  # the "Yes, safe right now" button of utter_ask_safe_now

ROLE_ANSWER = {"young_person": "young person", "parent_carer": "parent or carer", "professional": "professional"}
AGE_ANSWER = {"young_person": "14", "parent_carer": "12", "professional": "13"}
AREA_ANSWER = "Watford"
CONCERN_ANSWER = "low mood"
NATIONAL_EXPECTED = {"england_elsewhere", "skip"}
SCHOOL_SKIPPED, SCHOOL_NONE = "skipped", "not at school"
# "What would you like to do next?": what the bot may do for each of the brief's labels (its
# names are not intent names: "email_or_print" is two intents). Each way is a reply and, where
# one reply serves several requests, the intents that must have asked for it.
_ANY = None
NEXT_STEP_SERVED: dict[str, tuple[tuple[str, frozenset[str] | None], ...]] = {
    "more_options": ((MORE_SERVICES, _ANY),),
    "start_again": ((START_AGAIN_ACTION, _ANY),),
    "talk_to_a_person": ((TALK_TO_PERSON, _ANY),),
    "email_or_print": (
        (CANNOT_DO_YET, frozenset({"request_email", "request_print"})), (REQUEST_EMAIL_REPLY, _ANY), (REQUEST_PRINT_REPLY, _ANY),
        # After a list and "No" to the check question, the email reply names the widget's link
        # (bot/nlu/crisis_policy.py, since 2026-12-03); the judge did not know it until session 43.
        (REQUEST_EMAIL_AFTER_A_LIST, _ANY),
    ),
    # Asked for in English ("in Polish please") or written in the language: an honest "English only".
    "other_language": ((CANNOT_DO_YET, frozenset({"request_other_language"})), (WRITTEN_IN_ANOTHER_LANGUAGE, _ANY)),
    # "thanks, bye" and "ok ta" both end the chat kindly.
    "goodbye": ((GOODBYE, _ANY), (STOP, _ANY), (THANKS_REPLY, _ANY)),
}
CHANGE_ANSWER_ACTION = "action_change_answer"  # one answer changed, or its question asked again, after the list
# Reported label by label too (figures only: the labels are the brief's, not the texts).
BY_LABEL = ("first_message", "next_step")


@dataclass(frozen=True)
class Answer:
    id: str
    question: str
    asker_role: str
    text: str
    expected: dict[str, Any]
    source: str = ""  # the file's name: the report gives each set its own line


@dataclass
class Outcome:
    answer: Answer
    understood: bool
    got: dict[str, Any] = field(default_factory=dict)
    reply: str = ""
    # The risk layer asked "are you OK?" and a user with no risk tapped "No": was the answer
    # kept then (one extra tap), or lost? None when the check question was not asked.
    after_check: bool | None = None
    # The answer was a shared postcode district or town ("CM20") and the bot asked "Which is
    # closest?": would tapping one of its choices give the area the author meant? None when not asked.
    choice_offered: bool | None = None
    # The crisis reply came for an answer to a question, and the user tapped "Yes, safe right now":
    # was the answer kept then, or lost? None when no crisis reply came (reported apart: the crisis
    # reply for an everyday answer is a worse turn than the check question, but nothing may be lost).
    after_safe: bool | None = None
    # A next step served by changing one answer, not by the request's own reply (`_served_by_a_change`):
    # reported, so the figure by the first judge can be read off.
    by_a_change: bool = False


def read_answers(paths: Iterable[Path]) -> list[Answer]:
    """Every answer of the files (a first line with "provenance" is the file's header)."""
    answers = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if "provenance" in row:
                continue
            if row.get("question") not in QUESTIONS:
                raise ValueError(f"{path}:{number}: unknown question {row.get('question')!r}")
            answers.append(Answer(row["id"], row["question"], row.get("asker_role") or "young_person",
                                  row["text"], row["expected"], Path(path).name))
    return answers


def prefix(question: str, role: str) -> list[str]:
    """What a user says to get to the question (buttons' payloads)."""
    triage = ["hi", ROLE_ANSWER.get(role, "young person"), AGE_ANSWER.get(role, "14"), "skip", AREA_ANSWER, CONCERN_ANSWER]
    steps = {
        "first_message": [],
        "user_role": triage[:1],
        "age": triage[:2],
        "school": triage[:3],
        "area": triage[:4],
        "concern": triage[:5],
        "next_step": triage,
        # The offer follows a crisis reply and "I'm safe" (CrisisPolicy); a typed "/express_crisis" is read as words.
        "offer": ["I want to kill myself", "/confirm_safe"],
    }
    return steps[question]


# --- Judging what the bot made of an answer -----------------------------------------


def _area_ok(expected: str, slots: dict[str, Any]) -> bool:
    code = slots.get("area_code")
    return code == "national" if expected in NATIONAL_EXPECTED else code == expected


def served_as_asked(label: str, intent: str | None, actions: list[str]) -> bool:
    """Did the bot answer the next step's request with the request's own reply?"""
    return any(reply in actions and (intents is None or intent in intents) for reply, intents in NEXT_STEP_SERVED[label])


# Answers the conversation gave before the next step (`prefix`), as the slots hold them.
def _answers_before_the_list(role: str) -> dict[str, str]:
    return {
        "user_role": role, "age": AGE_ANSWER.get(role, "14"), "school": SCHOOL_SKIPPED, "area": AREA_ANSWER,
        "concern": CONCERN_ANSWER.replace(" ", "_"),
    }


def _served_by_a_change(label: str, role: str, slots: dict[str, Any], actions: list[str]) -> bool:
    """A request to start again or for more options that the change of one answer served: "i put
    the wrong age, can i redo it" asked the age again, keeping the other answers; "any others in the
    Hinckley area?" and "anything for anxiety instead" searched there, or for that. Starting again
    is served by an answer asked again, or changed (the worry only asked again: "start again for my
    other son, he has autism" searched for autism with the first child's age; the review); more
    options only by a new search (a new place or worry), never by a question asked again."""
    if CHANGE_ANSWER_ACTION not in actions:
        return False
    before = _answers_before_the_list(role)
    changed = {slot for slot, value in before.items() if slots.get(slot) != value}  # asked again (None) or new
    if label == "start_again":
        return bool(changed - {"concern"}) or ("concern" in changed and slots.get("concern") is None)
    return label == "more_options" and any(slots.get(slot) is not None for slot in changed & {"area", "concern"})


def judge(answer: Answer, slots: dict[str, Any], intent: str | None, actions: list[str], active_loop: str | None) -> bool:
    """Did the bot take the answer the way its author meant it?"""
    expected = answer.expected
    question = answer.question
    # The crisis replies and the check question (not the footer every list of services ends with).
    crisis = any(a in CRISIS_FIRST_STEP.values() or a == CHECK_RISK for a in actions)
    if question == "first_message":
        wanted = expected["intent"]
        if wanted == "crisis":
            return crisis
        if wanted == "other":
            return intent not in ("greet", "seek_help", "describe_concern", "express_crisis") and not crisis
        # A greeting or a request for help: the bot greets and asks its first question, whatever
        # the intent's name ("Dzień dobry" is read as inform and greeted all the same).
        asked = active_loop == "triage_form" or ASK_USER_ROLE in actions  # the form asks in its own action
        started = asked and not crisis and not (NOT_UNDERSTOOD | {NOT_UNDERSTOOD_ACTION}) & set(actions)
        if wanted == "describe_concern":  # ...and the worry kept, so it is not asked again (the label does not say which)
            return started and slots.get("concern") is not None
        return started
    if question == "user_role":
        return slots.get("user_role") == expected["role"]
    if question == "age":
        if expected.get("unknown"):
            ok = slots.get("age") == "not given"
        else:
            ok = (slots.get("age_min"), slots.get("age_max")) == (expected["low"], expected["high"])
        if "role" in expected:
            ok = ok and slots.get("user_role") == expected["role"]
        if "area" in expected:
            ok = ok and _area_ok(expected["area"], slots)
        return ok
    if question == "school":
        school = slots.get("school")
        kind = expected["school"]
        if kind == "skip":
            return school == SCHOOL_SKIPPED
        if kind == "none":
            return school == SCHOOL_NONE
        return school not in (None, SCHOOL_SKIPPED, SCHOOL_NONE)
    if question == "area":
        return _area_ok(expected["area"], slots)
    if question == "concern":
        return slots.get("concern") == expected["concern"]
    if question == "offer":
        started = active_loop == "triage_form" or ASK_USER_ROLE in actions
        if expected["intent"] == "affirm":
            return started
        return not started and not crisis and not (NOT_UNDERSTOOD | {NOT_UNDERSTOOD_ACTION}) & set(actions)
    if question == "next_step":
        served = served_as_asked(expected["intent"], intent, actions)
        return (served or _served_by_a_change(expected["intent"], answer.asker_role, slots, actions)) and not crisis
    raise ValueError(question)


# --- Talking to the bot -----------------------------------------------------------------


def load_agent(action_url: str):  # type: ignore[no-untyped-def]
    """The trained model in this process (in-memory conversations), with the real action server."""
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot import fast_model_load, rasa_speedups

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    fast_model_load.install()  # loaded as the Rasa servers load it,
    rasa_speedups.install()  # and run as they run (the form-turn shortcut, quiet button payloads)
    return Agent.load(str(model_path()), action_endpoint=EndpointConfig(url=f"{action_url}/webhook"))


@contextmanager
def trained_bot(prefix: str) -> Iterator[Any]:
    """The trained model in this process, with a real action server on a fresh seeded database."""
    from bot.launcher import free_port, start_action_server, stop
    from services_db.database import make_engine
    from services_db.loader import load_all

    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'services.db'}")
        load_all(engine)
        port = free_port()
        actions = start_action_server(str(engine.url), port, Path(tmp))
        try:
            yield load_agent(f"http://127.0.0.1:{port}")
        finally:
            stop(actions)


async def drive_to_question(agent, question: str, role: str) -> list[Any]:  # type: ignore[no-untyped-def]
    """The events of a conversation that has just been asked `question`."""
    if not prefix(question, role):
        return []
    sender = f"template-{uuid.uuid4().hex}"
    for text in prefix(question, role):
        await agent.handle_text(text, sender_id=sender)
    tracker = await agent.tracker_store.retrieve(sender)
    return list(tracker.events)


def request_answered(intent: str | None, events: list[Any]) -> str | None:
    """The request the bot answered: DIET's intent, or after the list the next-step model's
    reading that stood over it (bot/nlu/new_worry_policy.py: "my nan only reads urdu" is a
    worry to DIET and another language to the model; the reply is the language's)."""
    from rasa.shared.core.events import SlotSet

    reading = next((e.value for e in events if isinstance(e, SlotSet) and e.key == NEXT_STEP_READING_SLOT and e.value), None)
    return CANNOT_DO_YET_READINGS.get(str(reading), intent) if reading else intent


async def ask(agent, answer: Answer, events: list[Any]) -> Outcome:  # type: ignore[no-untyped-def]
    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    sender = f"answer-{uuid.uuid4().hex}"
    await agent.tracker_store.save(DialogueStateTracker.from_events(sender, events, slots=agent.domain.slots))
    messages = await agent.handle_text(answer.text, sender_id=sender) or []
    tracker = await agent.tracker_store.retrieve(sender)
    new_events = list(tracker.events)[len(events):]
    actions = [e.action_name for e in new_events if isinstance(e, ActionExecuted) and e.action_name != "action_listen"]
    intent = request_answered((tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None, new_events)
    slots = tracker.current_slot_values()
    understood = judge(answer, slots, intent, actions, tracker.active_loop_name)
    keys = ("user_role", "age", "age_min", "age_max", "school", "area", "area_code", "concern")
    got = {"intent": intent, **{k: slots.get(k) for k in keys if slots.get(k) is not None}, "actions": actions}
    reply = " | ".join(m.get("text") or "" for m in messages)
    after_check = None
    if not understood and CHECK_RISK in actions and answer.question in (*ANSWER_SLOTS, "next_step", "first_message"):
        before_no = len(tracker.events)
        await agent.handle_text(CHECK_NO, sender_id=sender)
        tracker = await agent.tracker_store.retrieve(sender)
        if answer.question in ("next_step", "first_message"):  # judged by what the bot does after the "No"
            after_no = [e.action_name for e in list(tracker.events)[before_no:] if isinstance(e, ActionExecuted) and e.action_name != "action_listen"]
            after_check = judge(answer, tracker.current_slot_values(), intent, after_no, tracker.active_loop_name)
        else:
            after_check = judge(answer, tracker.current_slot_values(), intent, actions, tracker.active_loop_name)
    after_safe = None
    if not understood and answer.question in ANSWER_SLOTS and any(a in CRISIS_FIRST_STEP.values() for a in actions):
        await agent.handle_text(SAFE_YES, sender_id=sender)
        tracker = await agent.tracker_store.retrieve(sender)
        after_safe = judge(answer, tracker.current_slot_values(), intent, actions, tracker.active_loop_name)
    choice_offered = None
    if not understood and answer.question == "area" and len(slots.get("area_options") or []) > 1:
        choice_offered = await _a_choice_gives(agent, list(tracker.events), slots["area_options"][1:], answer.expected["area"])
    by_a_change = answer.question == "next_step" and understood and not served_as_asked(answer.expected["intent"], intent, actions)
    return Outcome(answer, understood, got, reply, after_check, choice_offered, after_safe, by_a_change)


async def _a_choice_gives(agent, events: list[Any], choices: list[str], expected: str) -> bool:  # type: ignore[no-untyped-def]
    """Tapped in a copy of the conversation, does one of "Which is closest?"'s choices give `expected`?"""
    from rasa.shared.core.trackers import DialogueStateTracker

    for choice in choices:
        sender = f"choice-{uuid.uuid4().hex}"
        await agent.tracker_store.save(DialogueStateTracker.from_events(sender, events, slots=agent.domain.slots))
        await agent.handle_text(choice, sender_id=sender)
        if _area_ok(expected, (await agent.tracker_store.retrieve(sender)).current_slot_values()):
            return True
    return False


async def evaluate(agent, answers: list[Answer], concurrency: int = 4) -> list[Outcome]:  # type: ignore[no-untyped-def]
    templates = {key: await drive_to_question(agent, *key) for key in sorted({(a.question, a.asker_role) for a in answers})}
    gate = asyncio.Semaphore(concurrency)

    async def one(answer: Answer) -> Outcome:
        async with gate:
            return await ask(agent, answer, templates[(answer.question, answer.asker_role)])

    return list(await asyncio.gather(*(one(a) for a in answers)))


# --- Report -----------------------------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def report(outcomes: list[Outcome], show_failures: int) -> list[str]:
    by_question: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_question[outcome.answer.question].append(outcome)
    lines = ["question        understood           kept after a 'No' to the check question"]

    def row(name: str, rows: list[Outcome]) -> str:
        first = sum(o.understood for o in rows)
        kept = first + sum(bool(o.after_check) for o in rows)
        return f"{name:<15} {_pct(first, len(rows)):<20} {_pct(kept, len(rows))}"

    for question in QUESTIONS:
        rows = by_question.get(question, [])
        if rows:
            lines.append(row(question, rows))
    asked_which = [o for o in by_question.get("area", []) if o.choice_offered is not None]
    if asked_which:
        rows = by_question["area"]
        offered = sum(o.understood for o in rows) + sum(bool(o.choice_offered) for o in rows)
        lines.append(f"  area: 'Which is closest?' for {len(asked_which)} answers; understood or the right "
                     f"choice offered: {_pct(offered, len(rows))}")
    main = [o for o in outcomes if o.answer.question not in SEPARATE]
    separate = [o for o in outcomes if o.answer.question in SEPARATE]
    if main:
        lines.append(row("ALL but concern", main))
    if separate:
        lines.append(row("concern (apart)", separate))
    lines.append(row("everything", outcomes))
    sources = sorted({o.answer.source for o in outcomes})
    if len(sources) > 1:
        lines.append("by file (all but concern; concern)")
        for source in sources:
            rows = [o for o in outcomes if o.answer.source == source]
            for name, part in (("", [o for o in rows if o.answer.question not in SEPARATE]),
                               (" concern", [o for o in rows if o.answer.question in SEPARATE])):
                if part:
                    lines.append("  " + row(f"{source}{name}", part).rstrip())
    for question in BY_LABEL:
        labels: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in by_question.get(question, []):
            labels[outcome.answer.expected["intent"]].append(outcome)
        if labels:
            lines.append(f"  {question} by label: " + ", ".join(
                f"{label} {sum(o.understood for o in rows)}/{len(rows)}" for label, rows in sorted(labels.items())))
    changed = sum(o.by_a_change for o in outcomes)
    if changed:
        lines.append(f"  next_step: {changed} understood by changing one answer (starting again: the answer asked again "
                     "or changed; more options: a new search); the judge before session 29 did not count them")
    checked = [o for o in outcomes if o.after_check is not None]
    lines.append(f"\nThe check question came instead of the next step for {len(checked)} answers; "
                 f"after 'No', {sum(bool(o.after_check) for o in checked)} were kept as the author meant.")
    crisis = [o for o in outcomes if o.after_safe is not None]
    if crisis:
        lines.append(f"The crisis reply came for {len(crisis)} answers to the questions; after 'Yes, safe right now', "
                     f"{sum(bool(o.after_safe) for o in crisis)} were kept as the author meant.")
    failures = [o for o in outcomes if not o.understood]
    if failures and show_failures:
        lines.append(f"\nFailures (first {min(show_failures, len(failures))} of {len(failures)}):")
        for outcome in failures[:show_failures]:
            a = outcome.answer
            then = {True: " (kept after 'No')", False: " (lost after 'No')", None: ""}[outcome.after_check]
            lines.append(f"- {a.id} [{a.question}/{a.asker_role}] {a.text!r}{then}\n    expected {a.expected}\n"
                         f"    got {outcome.got}\n    reply {outcome.reply[:160]!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL answer files (default: both held-out sets)")
    parser.add_argument(
        "--show-failures", type=int, default=0, metavar="N",
        help="list up to N failures (held-out text: whoever reads them has seen the set; off by default)",
    )
    args = parser.parse_args(argv)
    answers = read_answers(args.files or HELD_OUT)

    started = time.monotonic()
    with trained_bot("typed-eval-") as agent:
        ready = time.monotonic()
        outcomes = asyncio.run(evaluate(agent, answers))
    files = ", ".join(str(p) for p in (args.files or HELD_OUT))
    print(f"Typed answers understood by the whole trained bot ({len(answers)} answers from {files})")
    print("\n".join(report(outcomes, args.show_failures)))
    print(f"\nServers started in {ready - started:.0f} s; answers judged in {time.monotonic() - ready:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
