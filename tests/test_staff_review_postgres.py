"""Issue 14's tables and queries on PostgreSQL as on SQLite: gap decisions, staff marks and the
summary cache's per-conversation versions."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.staff import accounts, analytics, corrections, gap_decisions, gaps
from bot.staff.analytics import Message
from bot.staff.events import conversation_versions, insert_events, load_senders
from bot.staff.summaries import SummaryCache
from tests.staff_events import T0, sample_events

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def engines(postgres_url, tmp_path_factory):
    admin = create_engine(postgres_url, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in ("staff_review14_test", "staff_events14_test"):
            connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    url = make_url(postgres_url)
    folder = tmp_path_factory.mktemp("staff14")
    pairs = {
        "sqlite": (f"sqlite:///{folder / 'staff.db'}", f"sqlite:///{folder / 'events.db'}"),
        "postgresql": (url.set(database="staff_review14_test").render_as_string(hide_password=False),
                       url.set(database="staff_events14_test").render_as_string(hide_password=False)),
    }
    made = {}
    for dialect, (staff_url, events_url) in pairs.items():
        staff_db = accounts.staff_engine(staff_url)
        events_db = create_engine(events_url, future=True)
        insert_events(events_db, sample_events())
        made[dialect] = (staff_db, events_db)
    yield made
    for staff_db, events_db in made.values():
        staff_db.dispose()
        events_db.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_gap_decisions_and_marks_work_the_same(engines, dialect):
    staff_db, _ = engines[dialect]
    assert staff_db.dialect.name == dialect
    admin = accounts.add_user(staff_db, f"admin-{dialect}", PASSWORD, is_admin=True)
    found = gaps.cluster([Message(f"s{i}", T0, t, "nlu_fallback") for i, t in enumerate(["youth club", "youth club", "weather", "football"])])
    gap_decisions.record(staff_db, admin, "weather", "dismiss")
    gap_decisions.record(staff_db, admin, "football", "merge", "youth club")
    shown, dismissed = gap_decisions.apply(found, gap_decisions.current(staff_db))
    assert [(g.leader, g.count) for g in shown] == [("youth club", 3)] and [g.leader for g in dismissed] == ["weather"]

    plain = corrections.mark(staff_db, admin, "a", T0, "can you email me", "seek_help", 0.9, "intent", "out_of_scope")
    risk = corrections.mark(staff_db, admin, "b", T0 + 0.123456, "ring me on 07700 900123 i want to die", "greet", 0.8, "risk", "")
    assert [c.id for c in corrections.queue(staff_db)] == [risk.id, plain.id]
    assert "07700" not in risk.text
    corrections.review(staff_db, admin, risk.id, approve=True)
    (approved,) = corrections.queue(staff_db, "approved")
    assert approved.message_at == T0 + 0.123456  # the transcript finds the message by this float
    assert corrections.queue(staff_db, "approved", sender_id="b") == [approved]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_summary_cache_reads_the_same_on_both(engines, dialect):
    _, events_db = engines[dialect]
    versions = conversation_versions(events_db, None, None)
    assert versions.keys() == conversation_versions(engines["sqlite"][1], None, None).keys()
    assert sorted(count for _, count in versions.values()) == sorted(
        count for _, count in conversation_versions(engines["sqlite"][1], None, None).values())
    assert [row.type_name for row in load_senders(events_db, ["c-dropped-age"])][:3] == ["action", "session_started", "action"]
    cache = SummaryCache(events_db)
    items = cache.conversations(None, None)
    expected = analytics.conversations(sample_events())
    assert [(c.sender_id, c.outcome, c.age_band, c.furthest_step) for c in items] == [
        (c.sender_id, c.outcome, c.age_band, c.furthest_step) for c in expected]
