"""Conversation retention: delete old conversations, or one conversation on request.

    python -m bot.transcripts purge [--days N]     conversations whose last message is older than N days
                                                    (default RETENTION_DAYS from .env, 90)
    python -m bot.transcripts delete SENDER_ID     one conversation (a data subject request)
"""
from __future__ import annotations

import argparse
import sys
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from bot.settings import settings

DAY_SECONDS = 24 * 60 * 60


def tracker_engine() -> Engine:
    if settings.tracker_dialect != "sqlite":
        raise SystemExit("Only the SQLite tracker store is supported by this command so far.")
    return create_engine(f"sqlite:///{settings.tracker_db}", future=True)


def purge(engine: Engine, days: int, now: float | None = None) -> int:
    """Delete every conversation whose newest event is older than `days`; returns how many."""
    cutoff = (now or time.time()) - days * DAY_SECONDS
    with engine.begin() as connection:
        old = [
            row[0]
            for row in connection.execute(
                text("select sender_id from events group by sender_id having max(timestamp) < :cutoff"),
                {"cutoff": cutoff},
            )
        ]
        for sender_id in old:
            connection.execute(text("delete from events where sender_id = :sender"), {"sender": sender_id})
    return len(old)


def delete_conversation(engine: Engine, sender_id: str) -> int:
    """Delete one conversation's events; returns how many events were removed."""
    with engine.begin() as connection:
        result = connection.execute(text("delete from events where sender_id = :sender"), {"sender": sender_id})
    return result.rowcount


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.transcripts", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    purge_parser = commands.add_parser("purge")
    purge_parser.add_argument("--days", type=int, default=settings.retention_days)
    delete_parser = commands.add_parser("delete")
    delete_parser.add_argument("sender_id")
    args = parser.parse_args(argv)
    engine = tracker_engine()
    if args.command == "purge":
        print(f"Deleted {purge(engine, args.days)} conversations older than {args.days} days.")
    else:
        count = delete_conversation(engine, args.sender_id)
        print(f"Deleted {count} events of conversation {args.sender_id}." if count else "No such conversation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
