"""Staff review: accounts, and demo conversations.

    python -m bot.staff users add NAME [--admin]   asks for the password twice (or reads one line from stdin)
    python -m bot.staff users remove NAME          also ends their sessions
    python -m bot.staff users list
    python -m bot.staff unlock NAME                clears failed sign-ins (the lock-out)
    python -m bot.staff seed [--rasa-url URL]      runs scripted conversations through the running bot
"""
from __future__ import annotations

import argparse
import getpass
import sys
import time

from signposting.settings import settings
from bot.staff import accounts


def read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Type it again: ") != first:
        raise accounts.AccountError("The two passwords were different.")
    return first


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
    args = parser.parse_args(argv)

    if args.command == "seed":
        from bot.staff.seed import seed

        started = time.monotonic()
        senders = seed(args.rasa_url)
        print(f"Sent {len(senders)} conversations in {time.monotonic() - started:.1f} s.")
        return 0
    engine = accounts.staff_engine(settings.staff_database_url)
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
