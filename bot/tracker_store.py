"""Rasa's SQL tracker store, with personal details redacted before anything is written.

Configured in endpoints.yml (`type: bot.tracker_store.RedactingSQLTrackerStore`). User
messages, the copies of them in the NLU parse data, and slot values are passed through
`bot.redaction` first; the conversation then goes on from the redacted tracker, so the
raw text is never stored. SQLite files are switched to WAL mode (readers don't block
the writer); durability settings are left at SQLite's defaults.
"""
from __future__ import annotations

import copy
import logging
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.redaction import redact_text

logger = logging.getLogger(__name__)


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [_redact_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _redact_value(item) for key, item in value.items()}
    return value


def redact_event(event: Event) -> Event:
    data = copy.deepcopy(event.as_dict())
    if data.get("event") == "user":
        data["text"] = redact_text(data.get("text"))
        parse_data = data.get("parse_data") or {}
        if "text" in parse_data:
            parse_data["text"] = redact_text(parse_data["text"])
        for entity in parse_data.get("entities") or []:
            entity["value"] = _redact_value(entity.get("value"))
        data["metadata"] = {}
    elif data.get("event") == "slot":
        data["value"] = _redact_value(data.get("value"))
    else:
        return event
    return Event.from_parameters(data)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    async def save(self, tracker: DialogueStateTracker) -> None:
        events = [redact_event(event) for event in tracker.events]
        redacted = DialogueStateTracker.from_events(
            tracker.sender_id,
            events,
            slots=list(tracker.slots.values()),
            max_event_history=tracker._max_event_history,
        )
        await super().save(redacted)
