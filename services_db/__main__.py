"""Command-line tool for the people who maintain the services data.

    python -m services_db load [--if-changed]   validate the seed files, then load them
    python -m services_db validate              validate only
    python -m services_db search --age 14 --area Stevenage --concern sleep [--role parent]
    python -m services_db export [--format json|csv] [--output FILE]   Open Referral UK JSON, or CSV
    python -m services_db stale [--months 12]   records not verified in the last 12 months
    python -m services_db import-schools FILE   load a DfE GIAS schools CSV (replaces the schools)
    python -m services_db import-oruk FILE-OR-URL   load an Open Referral UK feed (replaces the services)
    python -m services_db migrate               bring the schema up to date (Alembic)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from services_db.database import get_engine
from services_db.directory import read_directory
from services_db.export import oruk_service, services_csv
from services_db.loader import import_schools, import_services, load_all, stale_services
from services_db.migrate import upgrade
from services_db.opening import london_now
from services_db.oruk import parse_feed, read_feed
from services_db.places import all_aliases
from services_db.query import SearchRequest, find_services
from services_db.render import describe_result
from services_db.schools import read_schools
from services_db.seed import SeedError, load_service_records
from signposting.parsing import parse_age, parse_concern, parse_role
from signposting.settings import settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services_db", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None, help="defaults to SERVICES_DATABASE_URL")
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="validate the seed files and load them (all or nothing)")
    load.add_argument("--if-changed", action="store_true", help="skip when nothing changed")
    commands.add_parser("validate", help="validate the seed files without loading")
    search = commands.add_parser("search", help="run the bot's search and print what a user would see")
    search.add_argument("--age", default=None, help='e.g. 14, "year 9", "fourteen"')
    search.add_argument("--area", default=None, help='town, district or postcode, e.g. Stevenage, "LE2 3AB"')
    search.add_argument("--concern", default=None, help="e.g. sleep, worry, low mood")
    search.add_argument("--role", default="young person", help="young person | parent | professional")
    search.add_argument("--school", default=None, help="school name")
    search.add_argument("--limit", type=int, default=3)
    export = commands.add_parser("export", help="Open Referral UK JSON records (or CSV)")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--output", default="-", help="file to write, or - for standard output")
    stale = commands.add_parser("stale", help="records not verified recently")
    stale.add_argument("--months", type=int, default=12)
    import_schools_command = commands.add_parser("import-schools", help="load a DfE GIAS schools CSV")
    import_schools_command.add_argument("file")
    oruk = commands.add_parser("import-oruk", help="validate an Open Referral UK feed, then load it (all or nothing)")
    oruk.add_argument("location", help="a JSON file, or the address of an ORUK API's /services")
    commands.add_parser("migrate", help="bring the database schema up to date")
    args = parser.parse_args(argv)

    try:
        if args.command == "validate":
            records = load_service_records()
            aliases, schools = all_aliases(), read_schools()
            print(f"OK: {len(records)} services, {len(aliases)} place aliases, {len(schools)} schools")
            return 0
        engine = get_engine(args.database_url or settings.services_database_url)
        if args.command == "load":
            summary = load_all(engine, if_changed=args.if_changed)
            if not summary.skipped:
                print(
                    f"Loaded {summary.services} services ({summary.contacts} contacts), "
                    f"{summary.aliases} place aliases, {summary.schools} schools."
                )
            return 0
        if args.command == "migrate":
            upgrade(engine)
            print("The schema is up to date.")
            return 0
        if args.command == "export":
            return _export(engine, args)
        if args.command == "stale":
            return _stale(engine, args.months)
        if args.command == "import-oruk":
            return _import_oruk(engine, args.location)
        if args.command == "import-schools":
            count = import_schools(engine, Path(args.file))
            print(f"Imported {count} open schools from {args.file}.")
            return 0
        return _search(engine, args)
    except (ValueError, OSError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    except SQLAlchemyError as error:
        print(f"Database error: {error.__class__.__name__}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    except SeedError as error:
        print("The data is invalid; nothing was loaded:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2


def _export(engine, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    services = read_directory(engine).services
    if args.format == "csv":
        text = services_csv(services)
    else:
        text = json.dumps([oruk_service(service) for service in services], indent=2, ensure_ascii=False)
    if args.output == "-":
        sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote {len(services)} services to {args.output}.", file=sys.stderr)
    return 0


def _import_oruk(engine, location: str) -> int:  # type: ignore[no-untyped-def]
    records = read_feed(location)  # SeedError (every problem) before anything is loaded
    services = parse_feed(records, location)
    digest = hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()
    count = import_services(engine, services, digest)
    print(f"Imported {count} services from {location}. `load --if-changed` keeps them; `load` replaces them.")
    return 0


def _stale(engine, months: int) -> int:  # type: ignore[no-untyped-def]
    services = stale_services(read_directory(engine).services, date.today(), months)
    if not services:
        print(f"Every record was verified in the last {months} months.")
    for service in services:
        print(f"{service.last_verified}  {service.id}  {service.name}  ({service.source_url})")
    return 0


def _search(engine, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    directory = read_directory(engine)
    age = parse_age(args.age) if args.age else None
    role = parse_role(args.role) or "young_person"
    area = directory.gazetteer.resolve(args.area) if args.area else None
    if area is not None and area.status in ("ambiguous", "unknown"):
        options = f": one of {', '.join(area.options)}" if area.options else ""
        print(f"The area '{args.area}' is {area.status}{options}.", file=sys.stderr)
        return 2
    school = directory.schools.match(args.school, area.area_code if area else None) if args.school else None
    request = SearchRequest(
        role=role,
        age_min=age.low if age and not age.unknown else None,
        age_max=age.high if age and not age.unknown else None,
        area_code=area.area_code if area else None,
        concern=parse_concern(args.concern) if args.concern else None,
        school_has_mhst=school.has_mhst if school else None,
        school_team=school.mhst_provider if school and school.has_mhst else None,
    )
    print(f"Search: {request}")
    print(describe_result(find_services(directory.index, request, london_now(), args.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
