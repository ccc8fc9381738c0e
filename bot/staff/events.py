"""Reading Rasa's tracker store (the `events` table), read-only, on SQLite or PostgreSQL.

Only plain SELECTs; the SQLite file is opened in read-only mode. Rows come back as
`EventRow`s, the input of every function in `bot.staff.analytics`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, func, select
from sqlalchemy.engine import Engine

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


@dataclass(frozen=True)
class EventRow:
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
    try:
        data = json.loads(row.data) if row.data else {}
    except ValueError:
        data = {}
    return EventRow(row.sender_id, row.type_name, float(row.timestamp or 0), row.intent_name, row.action_name, data)


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
    query = select(events_table).join(first, first.c.sender_id == events_table.c.sender_id)
    if since is not None:
        query = query.where(first.c.first >= since)
    if until is not None:
        query = query.where(first.c.first < until)
    query = query.order_by(events_table.c.sender_id, events_table.c.id)
    with engine.connect() as connection:
        return [_row(row) for row in connection.execute(query)]


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
