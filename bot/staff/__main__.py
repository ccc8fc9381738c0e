"""Staff review: accounts, and demo conversations.

    python -m bot.staff users add NAME [--admin]   asks for the password twice (or reads one line from stdin)
    python -m bot.staff users remove NAME          also ends their sessions
    python -m bot.staff users list
    python -m bot.staff unlock NAME                clears failed sign-ins (the lock-out)
    python -m bot.staff seed [--rasa-url URL]      runs scripted conversations through the running bot
    python -m bot.staff export-training [--output DIR]
                                                   approved staff marks as Rasa NLU examples (nlu.yml), test
                                                   stories (test_stories.yml) and risk corpus lines
                                                   (risk_corpus.jsonl), personal details removed, for review
"""
from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path

from sqlalchemy.engine import Engine

from bot.staff import accounts
from signposting.settings import settings


def read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Type it again: ") != first:
        raise accounts.AccountError("The two passwords were different.")
    return first


def export_training(engine: Engine, folder: Path) -> int:
    from bot.staff import corrections

    approved = corrections.queue(engine, "approved")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nlu.yml").write_text(corrections.nlu_yaml(approved), encoding="utf-8")
    (folder / "test_stories.yml").write_text(corrections.test_stories_yaml(approved), encoding="utf-8")
    (folder / "risk_corpus.jsonl").write_text(corrections.risk_corpus_jsonl(approved), encoding="utf-8")
    risk = sum(1 for item in approved if item.kind == "risk")
    print(f"Wrote {len(approved)} approved marks ({risk} should have escalated) to {folder}/: nlu.yml, test_stories.yml, "
          "risk_corpus.jsonl. Check them before adding them to data/ or bot/nlu/risk_corpus/.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.staff", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    users = commands.add_parser("users", help="staff accounts").add_subparsers(dest="action", required=True)
    add = users.add_parser("add")
    add.add_argument("name")
    add.add_argument("--admin", action="store_true", help="can see the audit log")
    users.add_parser("remove").add_argument("name")
    users.add_parser("list")
    commands.add_parser("unlock").add_argument("name")
    seed_parser = commands.add_parser("seed", help="scripted conversations through the running bot")
    seed_parser.add_argument("--rasa-url", default=settings.rasa_url)
    export = commands.add_parser("export-training", help="approved staff marks as training data, for review")
    export.add_argument("--output", default="var/staff-export", help="folder to write (created if missing)")
    args = parser.parse_args(argv)

    if args.command == "seed":
        from bot.staff.seed import seed

        started = time.monotonic()
        senders = seed(args.rasa_url)
        print(f"Sent {len(senders)} conversations in {time.monotonic() - started:.1f} s.")
        return 0
    engine = accounts.staff_engine(settings.staff_database_url)
    if args.command == "export-training":
        return export_training(engine, Path(args.output))
    try:
        if args.command == "unlock":
            print(f"Cleared {accounts.unlock(engine, args.name)} failed sign-ins for {args.name}.")
        elif args.action == "add":
            staff = accounts.add_user(engine, args.name, read_password(), is_admin=args.admin)
            print(f"Added {staff.name}{' (administrator)' if staff.is_admin else ''}. Sign in at {settings.staff_url}/login")
        elif args.action == "remove":
            print(f"Removed {args.name}." if accounts.remove_user(engine, args.name) else f"There is no account called {args.name}.")
        else:
            for staff in accounts.list_users(engine):
                print(f"{staff.name}{'  (administrator)' if staff.is_admin else ''}")
    except accounts.AccountError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
