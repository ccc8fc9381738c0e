"""The staff app's queries on PostgreSQL give the same answers as on SQLite (same events loaded)."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot.staff import accounts, analytics
from bot.staff.events import insert_events, load_conversation, load_events, senders_started_between
from tests.postgres import fresh_database
from tests.staff_events import DAY, T0, sample_events


@pytest.fixture(scope="module")
def staff_postgres_url(postgres_url):
    """A database of its own on the throwaway server (other tests use the default one)."""
    return fresh_database(postgres_url, "staff_review_test")


@pytest.fixture(scope="module")
def engines(staff_postgres_url, tmp_path_factory):
    sqlite = create_engine(f"sqlite:///{tmp_path_factory.mktemp('staff-pg') / 'events.db'}", future=True)
    postgres = create_engine(staff_postgres_url, future=True)
    for engine in (sqlite, postgres):
        insert_events(engine, sample_events())
    yield {"sqlite": sqlite, "postgresql": postgres}
    postgres.dispose()


def facts(engine, since=None, until=None):
    items = analytics.conversations(load_events(engine, since, until))
    return (
        [(c.sender_id, c.role, c.age_band, c.area_label, c.concern_label, c.outcome, c.dropped_at, c.crisis_escalations) for c in items],
        analytics.funnel(items), analytics.no_local_searches(items), analytics.per_day(items),
    )


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_queries_answer_the_same_on_both_databases(engines, dialect):
    engine = engines[dialect]
    assert engine.dialect.name == dialect
    assert facts(engine) == facts(engines["sqlite"])
    assert len(facts(engine)[0]) == 6
    second_day = facts(engine, T0 + DAY - 100, T0 + 2 * DAY)
    assert [row[0] for row in second_day[0]] == ["f-nolocal", "e-fallback", "d-crisis"]
    assert senders_started_between(engine, None, T0 + DAY - 100) == ["a-local", "b-nolocal", "c-dropped-age"]
    assert [row.type_name for row in load_conversation(engine, "c-dropped-age")][:3] == ["action", "session_started", "action"]


def test_staff_accounts_work_on_postgresql(staff_postgres_url):
    engine = accounts.staff_engine(staff_postgres_url)
    staff = accounts.add_user(engine, "pg-admin", "correct horse battery", is_admin=True)
    for _ in range(accounts.MAX_FAILURES):
        assert accounts.authenticate(engine, "pg-admin", "wrong", now=1000.0) is None
    assert accounts.is_locked(engine, "pg-admin", now=1001.0)
    session = accounts.start_session(engine, staff)
    assert accounts.find_session(engine, session.token).staff == staff
    accounts.audit(engine, staff, "viewed transcript", "abc")
    assert [entry.conversation for entry in accounts.audit_log(engine)] == ["abc"]
    engine.dispose()
