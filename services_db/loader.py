"""Load the seed files into the services database: all or nothing.

The schema comes from the Alembic migrations (`services_db/migrations/`); a load
validates every seed file first, then replaces the data in one transaction.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, insert, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from services_db import models
from services_db.migrate import upgrade
from services_db.places import PLACES_DIR, all_aliases
from services_db.rows import alias_values, school_values, service_rows
from services_db.schools import SchoolRecord, read_england_schools, read_gias_csv, read_schools
from services_db.seed import ServiceRecord, load_service_records
from signposting.deployment import Deployment
from signposting.settings import settings
from signposting.vocabulary import NATIONAL, NATIONS

SHARED_DIR = Path(__file__).resolve().parents[1] / "signposting"
# The loader's code and the vocabularies that validate the seed files: a change to either reloads.
LOADER_FILES = [Path(__file__)] + sorted(Path(__file__).parent.glob("*.py")) + [SHARED_DIR / "vocabulary.py", SHARED_DIR / "text.py"]


@dataclass(frozen=True)
class LoadSummary:
    services: int
    contacts: int
    aliases: int
    schools: int
    skipped: bool = False


def seed_fingerprint(deployment: Deployment | None = None) -> str:
    """Hash of every seed file, of the code that loads them and of the deployment's areas."""
    deployment = deployment or settings.deployment
    digest = hashlib.sha256()
    digest.update(f"{deployment.name}:{sorted(deployment.area_codes)}".encode())
    paths = [deployment.services_file, *sorted(PLACES_DIR.iterdir()), *LOADER_FILES]
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def current_fingerprint(engine: Engine) -> str | None:
    try:
        with Session(engine, future=True) as session:
            row = session.execute(select(models.DatasetVersion.fingerprint)).first()
    except Exception:  # noqa: BLE001 - no database or no table yet: treat as not loaded
        return None
    return row[0] if row else None


IMPORTED_PREFIX = "oruk:"  # the fingerprint of a directory imported from an Open Referral feed


def for_deployment(records: list[ServiceRecord], deployment: Deployment) -> list[ServiceRecord]:
    """issue #16: the services of the deployment's own areas, and those anyone can use
    (England-wide, or UK-wide for the other nations); a region it does not cover is left out."""
    wanted = deployment.area_codes | {NATIONAL} | set(NATIONS)
    return [record for record in records if wanted.intersection(record.areas)]


def load_all(engine: Engine, if_changed: bool = False, deployment: Deployment | None = None) -> LoadSummary:
    """Validate every seed file first (raises SeedError), then replace the data in one transaction.

    The services come from the deployment's services file (DEPLOYMENT; default: settings),
    only for its areas and the national ones. With if_changed, a directory imported from an
    Open Referral feed is kept (a deployment that imports its own directory must not lose it
    on the next `make run`); a plain `load` replaces it with the seed files."""
    deployment = deployment or settings.deployment
    fingerprint = seed_fingerprint(deployment)
    current = current_fingerprint(engine)
    if if_changed and current is not None and (current == fingerprint or current.startswith(IMPORTED_PREFIX)):
        return LoadSummary(0, 0, 0, 0, skipped=True)
    records = for_deployment(load_service_records(deployment.services_file), deployment)
    aliases = all_aliases()
    schools = read_schools()
    schools += read_england_schools(known={school.urn for school in schools})

    _drop_unversioned_schema(engine)
    upgrade(engine)
    with Session(engine, future=True) as session, session.begin():
        for table in reversed(models.Base.metadata.sorted_tables):
            session.execute(delete(table))
        session.add_all(service_rows(records))
        if aliases:
            session.execute(insert(models.AreaAlias), [alias_values(alias) for alias in aliases])
        add_schools(session, schools)
        session.add(models.DatasetVersion(fingerprint=fingerprint, loaded_on=date.today()))
    return LoadSummary(
        services=len(records),
        contacts=sum(len(record.contacts) for record in records),
        aliases=len(aliases),
        schools=len(schools),
    )


def import_services(engine: Engine, records: list[ServiceRecord], source_digest: str) -> int:
    """Replace the services (not the places or schools) with validated records, in one transaction.

    The place names and schools come from the seed files: load them first if the database is new."""
    if current_fingerprint(engine) is None:
        load_all(engine)
    service_tables = [
        models.Contact, models.ServiceAccessRoute, models.ServiceConcern, models.ServiceAudience,
        models.ServiceArea, models.Service, models.Organization, models.DatasetVersion,
    ]
    with Session(engine, future=True) as session, session.begin():
        for table in service_tables:
            session.execute(delete(table))
        session.add_all(service_rows(records))
        session.add(models.DatasetVersion(fingerprint=IMPORTED_PREFIX + source_digest[:59], loaded_on=date.today()))
    return len(records)


def _drop_unversioned_schema(engine: Engine) -> None:
    """A database built before migrations existed holds only seed data: rebuild it."""
    tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    if tables and revision is None:
        models.Base.metadata.drop_all(engine)


def add_schools(session: Session, schools: list[SchoolRecord]) -> None:
    if schools:
        session.execute(insert(models.School), [school_values(school) for school in schools])


def import_schools(engine: Engine, path: Path) -> int:
    """Replace the schools with a DfE GIAS download; MHST evidence is kept by URN."""
    schools = read_gias_csv(path)
    if not schools:
        raise ValueError(f"{path.name}: no open schools found")
    upgrade(engine)
    with Session(engine, future=True) as session, session.begin():
        session.execute(delete(models.School))
        add_schools(session, schools)
    return len(schools)


def stale_services(services, today: date, months: int = 12) -> list[ServiceRecord]:  # type: ignore[no-untyped-def]
    """Records whose last verification is more than `months` months before `today`."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    cutoff = date(year, month + 1, min(today.day, 28))
    return sorted((s for s in services if s.last_verified < cutoff), key=lambda s: s.last_verified)
