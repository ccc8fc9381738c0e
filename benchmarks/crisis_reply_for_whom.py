"""For whom the first crisis reply speaks, in context conversations typed into the whole trained bot.

    python -m benchmarks.crisis_reply_for_whom [--details] FILE.jsonl [...]

`benchmarks.context_whole_bot` counts any crisis reply as crisis help. This one asks whether it
spoke to the right person: a young person telling of a mum's overdose needs "Thank you for looking
out for them… Is the person you are worried about safe right now?", not "Are you safe right now?"
(development conversations G18, session 42). For each risk conversation it takes the first crisis
reply (`utter_crisis*`) and counts it by the author's `reporter`: who typed the messages ("self" when
the danger is their own; "other", "sibling", "friend" when it is someone else's in the family or
beyond). Held-out sets print figures only; `--details` lists development conversations.
"""
from __future__ import annotations

import asyncio
import collections
import sys
import uuid
from pathlib import Path

from rasa.shared.core.events import ActionExecuted

from benchmarks.context_whole_bot import may_be_printed
from bot.nlu.risk_model import read_corpus_file
from bot.typed_eval import trained_bot

FOOTERS = frozenset({"utter_crisis_local", "utter_crisis_footer"})


async def first_crisis_reply(agent, turns: list[str]) -> str:  # type: ignore[no-untyped-def]
    sender = uuid.uuid4().hex
    for text in turns:
        await agent.handle_text(text, sender_id=sender)
    tracker = await agent.tracker_store.retrieve(sender)
    replies = [event.action_name for event in tracker.events if isinstance(event, ActionExecuted)
               and (event.action_name or "").startswith("utter_crisis") and event.action_name not in FOOTERS]
    return replies[0] if replies else "none"


async def evaluate(agent, path: Path, details: bool) -> None:  # type: ignore[no-untyped-def]
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for message in read_corpus_file(path):
        if message.label != "risk":
            continue
        turns = [*message.context, message.text]
        reply = await first_crisis_reply(agent, turns)
        counts[message.reporter][reply] += 1
        if details and may_be_printed(path):
            print(f"  {message.reporter:<12} {reply:<36} {' | '.join(turns)[:150]}")
    print(f"{path.name}: first crisis reply by who typed (reporter)")
    for reporter, replies in sorted(counts.items()):
        total = sum(replies.values())
        shown = ", ".join(f"{reply} {count}" for reply, count in replies.most_common())
        print(f"  {reporter:<12} {total:>4}: {shown}")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    details = "--details" in args
    paths = [Path(arg) for arg in args if arg != "--details"]
    if not paths:
        print(__doc__)
        return 2
    with trained_bot("for-whom-") as agent:
        for path in paths:
            asyncio.run(evaluate(agent, path, details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
