"""Issue 14: the staff app's summary cache follows `python -m bot.transcripts redact`, `purge`
and `delete` at once: re-redacted events keep their ids (so the per-conversation versions do
not move), and a deleted conversation must leave the cache, not only the page."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot import transcripts
from bot.staff.events import changes_marker, insert_events, tracker_engine
from bot.staff.summaries import SummaryCache
from tests.staff_events import DAY, T0, Chat, sample_events

PHONE = "07700 900123"


@pytest.fixture
def databases(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    writer = create_engine(url, future=True)
    # Stored before today's rules: a raw phone number in a message (as an older release might have kept it).
    old = Chat("old-rules", T0 + 3).user(f"call me on {PHONE} please", "inform", 0.9)
    insert_events(writer, sample_events() + old.rows)
    reader = tracker_engine(url)  # the staff app's read-only engine
    yield writer, reader
    writer.dispose()
    reader.dispose()


def texts(cache: SummaryCache, sender: str) -> list[str]:
    found = [c for c in cache.conversations(None, None) if c.sender_id == sender]
    return [turn.message.text for c in found for turn in c.turns]


def test_redact_makes_the_cache_read_the_changed_conversations_again(databases):
    writer, reader = databases
    cache = SummaryCache(reader)
    assert any(PHONE in text for text in texts(cache, "old-rules"))
    assert changes_marker(reader) == 0
    assert transcripts.redact_stored(writer) >= 1
    assert changes_marker(reader) == 1
    refreshed = texts(cache, "old-rules")
    assert refreshed and not any(PHONE in text for text in refreshed), refreshed


def test_delete_and_purge_take_conversations_out_of_the_cache_at_once(databases):
    writer, reader = databases
    cache = SummaryCache(reader)
    senders = {c.sender_id for c in cache.conversations(None, None)}
    assert {"a-local", "f-nolocal"} <= senders
    assert transcripts.delete_conversation(writer, "a-local") > 0
    # Within the cache's few seconds of reuse, and yet the deleted conversation is gone, from memory too.
    after = {c.sender_id for c in cache.conversations(None, None)}
    assert "a-local" not in after and "a-local" not in cache._kept
    assert transcripts.purge(writer, days=1, now=T0 + DAY + 2 * DAY) == len(after)
    assert cache.conversations(None, None) == [] and cache._kept == {}
    assert changes_marker(reader) == 2


def test_nothing_changed_means_nothing_is_read_again(databases):
    writer, reader = databases
    cache = SummaryCache(reader)
    cache.conversations(None, None)
    read = cache.events_read
    assert transcripts.delete_conversation(writer, "no-such-conversation") == 0
    assert transcripts.redact_stored(writer) >= 1  # the old phone number: one change noted
    cache.conversations(None, None)
    assert cache.events_read == 2 * read  # read again once, after the change
    cache.conversations(None, None)
    assert cache.events_read == 2 * read  # and not again
