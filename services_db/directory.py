"""Read the services directory back from the database into plain records.

The bot keeps one `Directory` per process and refreshes it when the data was reloaded,
so a search never waits on the database.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from services_db import models
from services_db.gazetteer import Gazetteer
from services_db.places import AliasRow
from services_db.query import ServiceIndex
from services_db.schools import SchoolMatcher, SchoolRecord
from services_db.seed import ContactRecord, ServiceRecord

REFRESH_SECONDS = 60.0


@dataclass(frozen=True)
class Directory:
    services: tuple[ServiceRecord, ...]
    index: ServiceIndex  # the services grouped for fast search
    gazetteer: Gazetteer
    schools: SchoolMatcher
    fingerprint: str | None


def read_directory(engine: Engine) -> Directory:
    with Session(engine, future=True) as session:
        services = tuple(_service_record(row) for row in session.scalars(select(models.Service)))
        aliases = [
            AliasRow(
                alias=row.alias,
                display_name=row.display_name,
                kind=row.kind,
                area_code=row.area_code,
                district=row.district,
                source=row.source,
                option_label=row.option_label,
            )
            for row in session.scalars(select(models.AreaAlias).order_by(models.AreaAlias.id))
        ]
        schools = [
            SchoolRecord(
                urn=row.urn,
                name=row.name,
                local_authority=row.local_authority,
                la_basis=row.la_basis,
                postcode=row.postcode,
                town=row.town,
                district=row.district,
                area_code=row.area_code,
                has_mhst=row.has_mhst,
                mhst_provider=row.mhst_provider,
                mhst_source_url=row.mhst_source_url,
                mhst_evidence=row.mhst_evidence,
                mhst_evidence_date=row.mhst_evidence_date,
            )
            for row in session.scalars(select(models.School))
        ]
        fingerprint = session.scalar(select(models.DatasetVersion.fingerprint))
    if not services:
        raise LookupError("The services database is empty: run `python -m services_db load`.")
    return Directory(services, ServiceIndex(services), Gazetteer(aliases), SchoolMatcher(schools), fingerprint)


def _service_record(row: models.Service) -> ServiceRecord:
    return ServiceRecord(
        id=row.id,
        name=row.name,
        organisation=row.organization.name,
        description=row.description,
        audiences=tuple(sorted(a.audience for a in row.audiences)),
        min_age=row.min_age,
        max_age=row.max_age,
        no_upper_age=row.no_upper_age,
        age_note=row.age_note,
        areas=tuple(sorted(a.area_code for a in row.areas)),
        concerns=tuple(sorted(c.concern for c in row.concerns)),
        access_routes=tuple(sorted(r.route for r in row.access_routes)),
        access_note=row.access_note,
        crisis=row.crisis,
        level=row.level,
        specialist=row.specialist,
        stale_risk=row.stale_risk,
        source_url=row.source_url,
        last_verified=row.last_verified,
        contacts=tuple(
            ContactRecord(
                type=c.type,
                value=c.value,
                label=c.label,
                hours=c.hours,
                open_24_7=c.open_24_7,
                schedule=c.schedule,
            )
            for c in row.contacts
        ),
    )


class CachedDirectory:
    """Process-wide directory, re-read at most every REFRESH_SECONDS."""

    def __init__(self, engine_factory):  # type: ignore[no-untyped-def]
        self._engine_factory = engine_factory
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._read_at = 0.0

    def get(self) -> Directory:
        with self._lock:
            if self._directory is None or time.monotonic() - self._read_at > REFRESH_SECONDS:
                self._directory = read_directory(self._engine_factory())
                self._read_at = time.monotonic()
            return self._directory


def read_services(engine: Engine, service_ids: tuple[str, ...]) -> list[ServiceRecord]:
    """Just these services, in the order given (unknown ids are left out): a saved list."""
    with Session(engine, future=True) as session:
        rows = {row.id: _service_record(row) for row in session.scalars(
            select(models.Service).where(models.Service.id.in_(service_ids))
        )}
    return [rows[service_id] for service_id in service_ids if service_id in rows]
