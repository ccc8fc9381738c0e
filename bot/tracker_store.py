"""Rasa's SQL tracker store, with personal details redacted before anything is written.

Configured in endpoints.yml (`type: bot.tracker_store.RedactingSQLTrackerStore`). User
messages, every string in the NLU parse data (its copy of the text, entity values, what the
risk detector matched, whatever a component adds later) and slot values are passed through
`bot.redaction` first; only intent names and other identifiers are left as they are. The
conversation then goes on from the redacted tracker, so the raw text is never stored. SQLite files are switched to WAL mode (readers don't block
the writer); durability settings are left at SQLite's defaults (`synchronous=FULL`: every
turn is on disk before the reply is sent).

Performance (measured and explained in docs/benchmarks.md):
- only the events that are new this turn are redacted and written (Rasa's own save
  re-counts the stored events the same way; the previous version here deep-copied and
  replayed the whole conversation on every turn);
- the database work of `save` and `retrieve` runs in a worker thread, so the Rasa
  server's event loop goes on answering other conversations while one turn waits for
  its commit (fsync) or for PostgreSQL; Rasa's lock store still lets one turn of a
  conversation run at a time, so events are written in order;
- SQLite connections are pooled (SQLAlchemy's default for SQLite files opens and
  closes a connection for every query).
"""
from __future__ import annotations

import asyncio
import copy
import itertools
import json
import logging
import re
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.pool import QueuePool

from bot import fast_model_load, json_logs, rasa_speedups, session_carry_over
from bot.privacy import log_redaction
from bot.redaction import redact_text

rasa_speedups.install()
fast_model_load.install()  # issue 15: the model loads in about 8 s, not 42 (installed before Rasa loads it)
session_carry_over.install()  # issue 14: consent to a later "did you manage to contact them?"
# The Rasa server imports this module at start-up: from then on its log lines are redacted too.
log_redaction.install()
json_logs.install()  # LOG_FORMAT=json: after Rasa's coloredlogs handler exists (issue #16)

logger = logging.getLogger(__name__)


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [_redact_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _redact_value(item) for key, item in value.items()}
    return value


# Slots the bot fills itself, from the directory and its own parsers: ids, codes and numbers,
# never the user's words. Redacting them would only damage them ("nat-nhs111-mh" looks like
# a school username). Every other slot, including any added later, is redacted.
COMPUTED_SLOTS = frozenset({
    "requested_slot", "age_min", "age_max", "area_code", "area_group", "school_urn",
    "school_has_mhst", "crisis_categories", "services_shown",
    "local_crisis_lines",  # issue #16: the deployment file's urgent lines, set by CrisisPolicy
    "helpful", "contact_followup", "contacted",  # issue 14: fixed words set by actions/feedback.py
    # Set by the crisis policy and the next-step model, read back on the next turn: a redacted value
    # ("grooming_online" taken for a username, session 39's review) would break the crisis steps.
    "crisis_kind", "next_step_reading", "concern_menu", "user_language",
})


# In the parse data, values under these keys are names the model or a component gave (intent
# names, entity types, risk categories), kept when they look like identifiers ("express_crisis",
# "self_harm"); any other string there, whatever the key, is redacted.
IDENTIFIER_KEYS = frozenset({
    "name", "entity", "extractor", "role", "group", "category", "categories", "source",
    "intent_response_key", "utter_action", "retrieval_intent",
})
IDENTIFIER = re.compile(r"^[a-z0-9_./-]+$")


def redact_parse_data(value: Any, key: str | None = None) -> Any:
    if isinstance(value, str):
        if key in IDENTIFIER_KEYS and IDENTIFIER.match(value):
            return value
        return redact_text(value)
    if isinstance(value, list):
        return [redact_parse_data(item, key) for item in value]
    if isinstance(value, dict):
        return {name: redact_parse_data(item, name) for name, item in value.items()}
    return value


def redact_event(event: Event) -> Event:
    data = copy.deepcopy(event.as_dict())
    if data.get("event") == "user":
        data["text"] = redact_text(data.get("text"))
        data["parse_data"] = redact_parse_data(data.get("parse_data") or {})
        data["metadata"] = {}
    elif data.get("event") == "slot" and data.get("name") not in COMPUTED_SLOTS:
        data["value"] = _redact_value(data.get("value"))
    elif data.get("event") == "entities":
        data["entities"] = redact_parse_data(data.get("entities") or [])
    elif data.get("event") == "session_started":
        data["metadata"] = {}  # copied from the first message's metadata
    else:
        return event
    return Event.from_parameters(data)


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        redact_text("Warm up: Jess 07700 900123")  # reads the name lists and places now, not on the first turn
        rasa_speedups.freeze_after_model_load(self)
        engine: sa.engine.Engine = self.engine  # type: ignore[has-type]  # Rasa leaves it untyped
        if engine.dialect.name == "sqlite":
            url = engine.url
            engine.dispose()
            self.engine = sa.create_engine(
                url, poolclass=QueuePool, pool_size=5, max_overflow=10,
                connect_args={"check_same_thread": False, "timeout": 30},
            )
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    async def save(self, tracker: DialogueStateTracker) -> None:
        if self.event_broker is not None:  # streams the redacted tracker, as before
            await self.stream_events(self._redacted(tracker))
        await asyncio.to_thread(self._save_new_events, tracker)

    def _redacted(self, tracker: DialogueStateTracker) -> DialogueStateTracker:
        return DialogueStateTracker.from_events(
            tracker.sender_id,
            [redact_event(event) for event in tracker.events],
            slots=list(tracker.slots.values()),
            max_event_history=tracker._max_event_history,
        )

    def _save_new_events(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `SQLTrackerStore.save`, redacting only the events not stored yet."""
        with self.session_scope() as session:
            stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            for event in itertools.islice(tracker.events, stored, len(tracker.events)):
                data = redact_event(event).as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

    def _stored_events(self, sender_id: str, fetch_events_from_all_sessions: bool) -> list[dict]:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            return [json.loads(row.data) for row in rows]

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        events = await asyncio.to_thread(self._stored_events, sender_id, fetch_events_from_all_sessions)
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None
