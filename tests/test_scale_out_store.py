"""The tracker store's performance changes keep what it stores exactly as before:
every event once, in order, redacted; and Rasa's action-response check still rejects
bad responses."""
from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_speedups import validate_action_result
from bot.tracker_store import RedactingSQLTrackerStore

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  area:
    type: text
    mappings: [{type: custom}]
"""
)


def stored_rows(path) -> list[dict]:
    with sqlite3.connect(path) as connection:
        return [json.loads(data) for (data,) in connection.execute("select data from events order by id")]


def test_each_turn_writes_only_its_new_events_once_and_redacted(tmp_path):
    store = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.db"))
    tracker = DialogueStateTracker("abc", DOMAIN.slots)
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("my name is Jamie Okafor", parse_data={"text": "my name is Jamie Okafor"}))
    tracker.update(BotUttered("Hello"))
    asyncio.run(store.save(tracker))

    tracker = asyncio.run(store.retrieve("abc"))
    assert tracker is not None
    tracker.update(UserUttered("call me on 07700 900123"))
    tracker.update(SlotSet("area", "12 Brook Road"))
    tracker.update(BotUttered("Thanks"))
    asyncio.run(store.save(tracker))

    rows = stored_rows(tmp_path / "conversations.db")
    assert [row["event"] for row in rows] == ["action", "user", "bot", "user", "slot", "bot"]
    text = json.dumps(rows)
    for raw in ["Okafor", "900123", "Brook Road"]:
        assert raw not in text
    assert [row.get("text") for row in rows if row["event"] == "bot"] == ["Hello", "Thanks"]
    again = asyncio.run(store.retrieve("abc"))
    assert again is not None and len(again.events) == 6


def test_sqlite_store_keeps_wal_and_full_sync(tmp_path):
    store = RedactingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "c.db"))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: SQLite's default


def test_action_server_responses_are_still_validated():
    action = RemoteAction("action_find_services", None)
    assert RemoteAction._validate_action_result is validate_action_result  # installed by bot.tracker_store
    assert action._validate_action_result({"events": [{"event": "slot", "name": "area", "value": "herts"}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "no_such_event"}], "responses": []})
    with pytest.raises(ValidationError):
        action._validate_action_result({"responses": "not a list"})
