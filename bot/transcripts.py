"""Stored conversations: retention, deletion on request, re-redaction, training-data export.

    python -m bot.transcripts purge [--days N]     conversations whose last message is older than N days
                                                    (default RETENTION_DAYS from .env, 90)
    python -m bot.transcripts delete SENDER_ID     one conversation (a data subject request)
    python -m bot.transcripts redact               apply today's redaction rules to every stored event
                                                    (after the rules improved)
    python -m bot.transcripts export-nlu [--days N] [--output FILE]
                                                    users' messages as Rasa NLU training data, grouped by
                                                    the intent the bot gave them, redacted again, for review
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    column,
    create_engine,
    delete,
    func,
    select,
    table,
    text,
)
from sqlalchemy.engine import Connection, Engine

from signposting.settings import settings

DAY_SECONDS = 24 * 60 * 60
# Rasa's SQLTrackerStore table, only the columns these commands use: the same statements run
# on SQLite and PostgreSQL.
EVENTS = table("events", column("sender_id"), column("timestamp"))
DELETE_BATCH = 500  # conversations per DELETE: keeps each statement's parameter list small
# One row per purge, delete or redact that changed something (no sender ids, no text): the staff
# app's summary cache (bot/staff/summaries.py) starts afresh when the newest id changes, since
# re-redacted events keep their ids and a deleted conversation must not stay in its memory.
CHANGES = Table(
    "transcript_changes", MetaData(),
    Column("id", Integer, primary_key=True), Column("at", Float, nullable=False), Column("command", String(20), nullable=False),
)


def tracker_engine(url: str | None = None) -> Engine:
    """The tracker store's database: TRACKER_URL, or the SQLite file, or PostgreSQL (signposting.settings)."""
    return create_engine(url or settings.tracker_url, future=True, pool_pre_ping=True)


def record_change(connection: Connection, command: str) -> None:
    """Note that stored conversations changed (in the same transaction as the change)."""
    CHANGES.create(connection, checkfirst=True)
    connection.execute(CHANGES.insert().values(at=time.time(), command=command))


def purge(engine: Engine, days: int, now: float | None = None) -> int:
    """Delete every conversation whose newest event is older than `days`; returns how many."""
    cutoff = (now or time.time()) - days * DAY_SECONDS
    old_conversations = (
        select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(func.max(EVENTS.c.timestamp) < cutoff)
    )
    with engine.begin() as connection:
        old = [row[0] for row in connection.execute(old_conversations)]
        for start in range(0, len(old), DELETE_BATCH):
            batch = old[start:start + DELETE_BATCH]
            connection.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(batch)))
        if old:
            record_change(connection, "purge")
    if old:
        reclaim_space(engine)
    return len(old)


def delete_conversation(engine: Engine, sender_id: str) -> int:
    """Delete one conversation's events; returns how many events were removed."""
    with engine.begin() as connection:
        result = connection.execute(delete(EVENTS).where(EVENTS.c.sender_id == sender_id))
        if result.rowcount:
            record_change(connection, "delete")
    if result.rowcount:
        reclaim_space(engine)
    return result.rowcount


def reclaim_space(engine: Engine) -> None:
    """Rewrite the events table so deleted or replaced text is not left in free pages."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM" if engine.dialect.name == "sqlite" else "VACUUM events")


def redact_stored(engine: Engine) -> int:
    """Run every stored event through today's rules; returns how many events changed."""
    from rasa.shared.core.events import Event

    from bot.tracker_store import redact_event  # imports Rasa: only for this command

    changed = 0
    with engine.begin() as connection:
        rows = connection.execute(
            text("select id, data from events where type_name in ('user', 'slot', 'entities', 'session_started')")
        ).fetchall()
        for row_id, data in rows:
            try:
                event = Event.from_parameters(json.loads(data))
            except ValueError:
                continue
            if event is None:
                continue
            redacted = json.dumps(redact_event(event).as_dict())
            if redacted != data:
                connection.execute(text("update events set data = :data where id = :id"), {"data": redacted, "id": row_id})
                changed += 1
        if changed:
            record_change(connection, "redact")
    if changed:
        reclaim_space(engine)
    return changed


def nlu_export(engine: Engine, days: int | None = None, now: float | None = None) -> str:
    """Users' messages as Rasa NLU YAML, by predicted intent: candidates for training data,
    for a person to check. Redacted again on the way out."""
    from bot.redaction import redact_text

    query = "select intent_name, data from events where type_name = 'user'"
    params: dict[str, float] = {}
    if days is not None:
        query += " and timestamp >= :since"
        params["since"] = (now or time.time()) - days * DAY_SECONDS
    by_intent: dict[str, set[str]] = defaultdict(set)
    with engine.connect() as connection:
        for intent, data in connection.execute(text(query), params):
            message = str(json.loads(data or "{}").get("text") or "").strip()
            if message and not message.startswith("/"):
                by_intent[intent or "unknown"].add((redact_text(message) or "").replace("\n", " "))
    lines = ['version: "3.1"', "# Exported by python -m bot.transcripts export-nlu: check every line before training.", "nlu:"]
    for intent in sorted(by_intent):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {example}" for example in sorted(by_intent[intent])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.transcripts", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    purge_parser = commands.add_parser("purge")
    purge_parser.add_argument("--days", type=int, default=settings.retention_days)
    delete_parser = commands.add_parser("delete")
    delete_parser.add_argument("sender_id")
    commands.add_parser("redact")
    export_parser = commands.add_parser("export-nlu")
    export_parser.add_argument("--days", type=int, default=None, help="only messages from the last N days")
    export_parser.add_argument("--output", default="-", help="file to write, or - for standard output")
    args = parser.parse_args(argv)
    engine = tracker_engine()
    if args.command == "purge":
        print(f"Deleted {purge(engine, args.days)} conversations older than {args.days} days.")
    elif args.command == "redact":
        print(f"Redacted again: {redact_stored(engine)} events changed.")
    elif args.command == "export-nlu":
        exported = nlu_export(engine, args.days)
        if args.output == "-":
            sys.stdout.write(exported)
        else:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(exported)
    else:
        count = delete_conversation(engine, args.sender_id)
        print(f"Deleted {count} events of conversation {args.sender_id}." if count else "No such conversation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
