"""Type whole conversations into the trained bot in this process, and read what it did.

    PYTHONPATH=. .venv/bin/python scripts/chat_in_process.py "hi|young person|14|skip|hemel" "im 17 in cardiff"

Each argument is one conversation, its messages split by "|" (a button's payload, such as
"/i_am_parent", is sent as tapped). For every message: DIET's intent and confidence, each slot set,
each action and each reply with its buttons. The model (`make model`) and a real action server on
a freshly seeded SQLite database, as `python -m bot.typed_eval` runs them: for reading development
sets' misses, never a held-out set's. Nothing is kept: conversations live in memory.
"""
from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any

from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.typed_eval import trained_bot

SEPARATOR = "|"


def describe(event: Any) -> str | None:
    """One line for an event worth reading, or None."""
    if isinstance(event, UserUttered):
        intent = event.intent or {}
        return f"   intent: {intent.get('name')} {round(float(intent.get('confidence') or 0), 2)}"
    if isinstance(event, ActionExecuted) and event.action_name not in (None, "action_listen"):
        return f"   action: {event.action_name}"
    if isinstance(event, SlotSet):
        return f"   slot: {event.key} = {str(event.value)[:80]}"
    if isinstance(event, BotUttered):
        buttons = [button.get("title") for button in (event.data or {}).get("buttons") or []]
        text = (event.text or "").replace("\n", " / ")
        return f"     {text}" + (f" {buttons}" if buttons else "")
    return None


async def chat(agent: Any, conversation: str) -> None:
    sender = f"chat-{uuid.uuid4().hex}"
    print("====", conversation)
    for text in conversation.split(SEPARATOR):
        tracker = await agent.tracker_store.retrieve(sender)
        seen = len(tracker.events) if tracker else 0
        await agent.handle_text(text, sender_id=sender)
        tracker = await agent.tracker_store.retrieve(sender)
        print(">>", text)
        for event in list(tracker.events)[seen:]:
            if (line := describe(event)) is not None:
                print(line)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    with trained_bot("chat-") as agent:
        for conversation in argv:
            asyncio.run(chat(agent, conversation))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
