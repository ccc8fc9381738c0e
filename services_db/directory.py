"""Read the services directory back from the database into plain records.

The bot keeps one `Directory` per process and refreshes it when the data was reloaded,
so a search never waits on the database.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from services_db import models
from services_db.gazetteer import Gazetteer
from services_db.query import ServiceIndex
from services_db.rows import alias_record, school_record, service_record
from services_db.schools import SchoolMatcher
from services_db.seed import ServiceRecord

REFRESH_SECONDS = 60.0  # how often a background thread asks whether the data set changed
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Directory:
    services: tuple[ServiceRecord, ...]
    index: ServiceIndex  # the services grouped for fast search
    gazetteer: Gazetteer
    schools: SchoolMatcher
    fingerprint: str | None


def read_directory(engine: Engine) -> Directory:
    with Session(engine, future=True) as session:
        services = tuple(service_record(row) for row in session.scalars(select(models.Service)))
        # Plain rows, not ORM objects: a third of the time for tens of thousands of them.
        aliases = [alias_record(row) for row in session.execute(select(models.AreaAlias.__table__).order_by(models.AreaAlias.id))]
        schools = [school_record(row) for row in session.execute(select(models.School.__table__))]
        fingerprint = session.scalar(select(models.DatasetVersion.fingerprint))
    if not services:
        raise LookupError("The services database is empty: run `python -m services_db load`.")
    return Directory(services, ServiceIndex(services), Gazetteer(aliases), SchoolMatcher(schools), fingerprint)


def read_fingerprint(engine: Engine) -> str | None:
    """The loaded data set's fingerprint: a cheap query that says whether the data changed."""
    with Session(engine, future=True) as session:
        return session.scalar(select(models.DatasetVersion.fingerprint))


class CachedDirectory:
    """Process-wide directory, rebuilt only when the database's data set changes.

    The first `get` reads the database. After that `get` never waits on the database: at most
    every `check_seconds` a background thread compares the stored fingerprint (one small query)
    and rebuilds the directory only when it differs (about a second of work, off the event loop
    of the action server). If the check or rebuild fails, the directory in hand is kept.
    """

    def __init__(self, engine_factory: Callable[[], Engine], check_seconds: float = REFRESH_SECONDS) -> None:
        self._engine_factory = engine_factory
        self._check_seconds = check_seconds
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._checked_at = 0.0
        self._refresh: threading.Thread | None = None

    def get(self) -> Directory:
        with self._lock:
            if self._directory is None:
                self._directory = read_directory(self._engine_factory())
                self._checked_at = time.monotonic()
            elif time.monotonic() - self._checked_at > self._check_seconds and self._refresh is None:
                self._checked_at = time.monotonic()
                self._refresh = threading.Thread(target=self._refresh_if_changed, name="directory-refresh", daemon=True)
                self._refresh.start()
            return self._directory

    def wait_for_refresh(self, timeout: float | None = None) -> None:
        """Block until a running background refresh ends (tests, and a clean shutdown)."""
        refresh = self._refresh
        if refresh is not None:
            refresh.join(timeout)

    def _refresh_if_changed(self) -> None:
        try:
            engine = self._engine_factory()
            current = self._directory
            fingerprint = read_fingerprint(engine)
            if current is None or fingerprint is None or fingerprint != current.fingerprint:
                rebuilt = read_directory(engine)
                with self._lock:
                    self._directory = rebuilt
        except Exception:  # noqa: BLE001 - keep answering from the directory in hand
            logger.exception("The services directory could not be refreshed; keeping the one in memory.")
        finally:
            with self._lock:
                self._refresh = None

def read_services(engine: Engine, service_ids: tuple[str, ...]) -> list[ServiceRecord]:
    """Just these services, in the order given (unknown ids are left out): a saved list."""
    with Session(engine, future=True) as session:
        rows = {row.id: service_record(row) for row in session.scalars(
            select(models.Service).where(models.Service.id.in_(service_ids))
        )}
    return [rows[service_id] for service_id in service_ids if service_id in rows]
