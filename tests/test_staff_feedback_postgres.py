"""Issue 14 on PostgreSQL as on SQLite: "Did this help?" counted through the summary cache,
and the cache starting afresh after `bot.transcripts` deletes or re-redacts."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot import transcripts
from bot.staff import feedback
from bot.staff.events import changes_marker, insert_events
from bot.staff.summaries import SummaryCache
from tests.postgres import fresh_database
from tests.test_staff_feedback import sample_rows


@pytest.fixture(scope="module")
def engines(postgres_url, tmp_path_factory):
    urls = {
        "sqlite": f"sqlite:///{tmp_path_factory.mktemp('feedback14') / 'events.db'}",
        "postgresql": fresh_database(postgres_url, "staff_feedback14_test"),
    }
    made = {dialect: create_engine(url, future=True) for dialect, url in urls.items()}
    for engine in made.values():
        insert_events(engine, sample_rows())
    yield made
    for engine in made.values():
        engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_counts_and_cache_refresh_are_the_same_on_both(engines, dialect):
    engine = engines[dialect]
    assert engine.dialect.name == dialect
    cache = SummaryCache(engine)
    items = cache.conversations(None, None)
    assert [(r.label, r.yes, r.not_really) for r in feedback.by_service(items)] == [("Childline", 1, 1), ("Shout 85258", 2, 0)]
    assert [(r.label, r.yes, r.not_really) for r in feedback.by_area(items)] == [
        ("Elsewhere in England", 0, 1), ("Hertfordshire", 1, 0), ("Leicester", 1, 0)]
    assert feedback.contacted(items)[:3] == [("Said we could ask later", 2), ("Yes, they contacted a service", 0), ("Not yet", 1)]
    assert changes_marker(engine) == 0  # no table yet: read as "never changed"
    assert transcripts.delete_conversation(engine, "yes-herts") > 0
    assert changes_marker(engine) == 1
    after = cache.conversations(None, None)
    assert "yes-herts" not in {c.sender_id for c in after}
    assert [(r.label, r.yes, r.not_really) for r in feedback.by_service(after)] == [("Childline", 0, 1), ("Shout 85258", 1, 0)]
