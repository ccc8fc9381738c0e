"""Reading Rasa's tracker store (the `events` table), read-only, on SQLite or PostgreSQL.

Only plain SELECTs; the SQLite file is opened in read-only mode. Rows come back as
`EventRow`s, the input of every function in `bot.staff.analytics`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

try:  # a Rasa dependency (pinned in constraints.txt), several times faster than json for these rows
    from ujson import loads as _loads
except ImportError:  # pragma: no cover
    _loads = json.loads

# Only these events' JSON is read: an action's name is in its own column, and nothing else
# about it is used. Skipping the rest halves the time to load a month of conversations.
PARSED_TYPES = frozenset({"user", "bot", "slot"})

# The columns Rasa's SQLTrackerStore creates (rasa/core/tracker_store.py, SQLEvent).
metadata = MetaData()
events_table = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


@dataclass(slots=True)
class EventRow:
    """One stored event. Not frozen: a frozen dataclass costs a second per 100,000 rows to build."""

    sender_id: str
    type_name: str
    timestamp: float
    intent_name: str | None = None
    action_name: str | None = None
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def tracker_engine(url: str) -> Engine:
    """An engine that can only read: SQLite is opened with `mode=ro`."""
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", future=True)
    return create_engine(url, future=True, pool_pre_ping=True)


def _row(row: Any) -> EventRow:
    return _event(row.sender_id, row.type_name, row.timestamp, row.intent_name, row.action_name, row.data)


def _event(sender_id: str, type_name: str, timestamp: float | None, intent: str | None, action: str | None,
           text: str | None, parse_all: bool = True) -> EventRow:
    data: dict[str, Any] = {}
    if text and (parse_all or type_name in PARSED_TYPES):
        try:
            loaded = _loads(text)
            data = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            data = {}
    return EventRow(sender_id, type_name, float(timestamp or 0), intent, action, data)


def senders_started_between(engine: Engine, since: float | None, until: float | None) -> list[str]:
    """Conversations whose first event falls in [since, until)."""
    first = func.min(events_table.c.timestamp)
    query = select(events_table.c.sender_id).group_by(events_table.c.sender_id)
    if since is not None:
        query = query.having(first >= since)
    if until is not None:
        query = query.having(first < until)
    with engine.connect() as connection:
        return sorted(connection.execute(query).scalars())


def load_events(engine: Engine, since: float | None = None, until: float | None = None) -> list[EventRow]:
    """Every event of the conversations that started in [since, until), in order."""
    first = (
        select(events_table.c.sender_id, func.min(events_table.c.timestamp).label("first"))
        .group_by(events_table.c.sender_id)
        .subquery()
    )
    columns = events_table.c
    query = select(columns.sender_id, columns.type_name, columns.timestamp, columns.intent_name, columns.action_name, columns.data)
    query = query.join(first, first.c.sender_id == columns.sender_id)
    if since is not None:
        query = query.where(first.c.first >= since)
    if until is not None:
        query = query.where(first.c.first < until)
    query = query.order_by(events_table.c.sender_id, events_table.c.id)
    with engine.connect() as connection:
        # Plain tuples from the driver: a month of events is hundreds of thousands of rows.
        result = connection.execute(query).cursor.fetchall()
    return [_event(row[0], row[1], row[2], row[3], row[4], row[5], parse_all=False) for row in result]


def conversation_versions(engine: Engine, since: float | None, until: float | None) -> dict[str, tuple[int, int]]:
    """{sender_id: (newest event id, number of events)} for conversations that started in
    [since, until): one aggregate query, so a cache can tell which conversations changed."""
    columns = events_table.c
    first = func.min(columns.timestamp)
    query = select(columns.sender_id, func.max(columns.id), func.count()).group_by(columns.sender_id)
    if since is not None:
        query = query.having(first >= since)
    if until is not None:
        query = query.having(first < until)
    with engine.connect() as connection:
        return {sender: (int(newest), int(count)) for sender, newest, count in connection.execute(query).cursor.fetchall()}


def changes_marker(engine: Engine) -> int:
    """The newest id in `transcript_changes` (bot/transcripts.py: written by purge, delete and
    redact), 0 before any: when it moves, cached summaries are out of date."""
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("select max(id) from transcript_changes")).scalar() or 0)
    except DBAPIError:  # no such table yet: nothing was ever purged, deleted or re-redacted
        return 0


SENDERS_PER_QUERY = 500


def load_senders(engine: Engine, senders: Sequence[str]) -> list[EventRow]:
    """Every event of these conversations, in order (by conversation, then as stored)."""
    columns = events_table.c
    rows: list[EventRow] = []
    with engine.connect() as connection:
        for start in range(0, len(senders), SENDERS_PER_QUERY):
            chunk = list(senders[start:start + SENDERS_PER_QUERY])
            query = (
                select(columns.sender_id, columns.type_name, columns.timestamp, columns.intent_name, columns.action_name, columns.data)
                .where(columns.sender_id.in_(chunk)).order_by(columns.sender_id, columns.id)
            )
            rows += [_event(row[0], row[1], row[2], row[3], row[4], row[5], parse_all=False)
                     for row in connection.execute(query).cursor.fetchall()]
    return rows


def load_conversation(engine: Engine, sender_id: str) -> list[EventRow]:
    query = select(events_table).where(events_table.c.sender_id == sender_id).order_by(events_table.c.id)
    with engine.connect() as connection:
        return [_row(row) for row in connection.execute(query)]


def insert_events(engine: Engine, rows: Iterable[EventRow]) -> None:
    """For tests and fixtures: write rows in the tracker store's format."""
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            events_table.insert(),
            [
                {
                    "sender_id": row.sender_id, "type_name": row.type_name, "timestamp": row.timestamp,
                    "intent_name": row.intent_name, "action_name": row.action_name,
                    "data": json.dumps({"event": row.type_name, "timestamp": row.timestamp, **row.data}),
                }
                for row in rows
            ],
        )


def by_sender(rows: Sequence[EventRow]) -> dict[str, list[EventRow]]:
    grouped: dict[str, list[EventRow]] = {}
    for row in rows:
        grouped.setdefault(row.sender_id, []).append(row)
    return grouped
