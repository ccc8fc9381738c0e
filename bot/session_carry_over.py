"""The one answer a new session keeps (issue 14): the user's consent to be asked, once, "Did
you manage to contact them?" when they come back.

Sessions start afresh (domain.yml: `carry_over_slots_to_new_session: false`): a child's
answers are not kept for the next visit. Rasa keeps all slots or none, so this wraps its
built-in `action_session_start` (in the Rasa server, not the action server: a new session
never depends on the action server) to carry over `CARRIED` only. A new session starts when
a message comes after the session expiry (domain.yml `session_expiration_time`), from the
same conversation (sender id). Installed by `bot.tracker_store`, like `bot.rasa_speedups`.
"""
from __future__ import annotations

from typing import Any

from rasa.core.actions.action import ActionSessionStart
from rasa.shared.core.events import Event, SessionStarted, SlotSet

# slot → {its value when the old session ended: its value in the new one}
CARRIED = {"contact_followup": {"consented": "due", "due": "due"}}
_INSTALLED = {"done": False}


def carried_over(slots: dict[str, Any]) -> list[Event]:
    """The SlotSet events a new session starts with, given the old session's slot values."""
    events: list[Event] = []
    for name, values in CARRIED.items():
        value = slots.get(name)
        if isinstance(value, str) and value in values:
            events.append(SlotSet(name, values[value]))
    return events


def install() -> None:
    if _INSTALLED["done"]:
        return
    _INSTALLED["done"] = True
    original = ActionSessionStart.run

    async def run(self: ActionSessionStart, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Event]:
        events = await original(self, output_channel, nlg, tracker, domain)
        if domain.session_config.carry_over_slots:
            return events  # everything is carried over already
        extra = carried_over({name: tracker.get_slot(name) for name in CARRIED if name in tracker.slots})
        starts = [index for index, event in enumerate(events) if isinstance(event, SessionStarted)]
        if extra and starts:
            events[starts[0] + 1:starts[0] + 1] = extra
        return events

    ActionSessionStart.run = run  # type: ignore[method-assign]
