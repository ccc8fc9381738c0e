"""Service search at scale: a synthetic directory of 10,000 services, 25,000 schools and
5,000 area aliases; prints load time and p50/p95/p99 of the bot's search.

    make bench            (or: .venv/bin/python -m benchmarks.query_benchmark)
"""
from __future__ import annotations

import platform
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from services_db import models
from services_db.database import make_engine
from services_db.directory import read_directory
from services_db.loader import add_schools
from services_db.migrate import upgrade
from services_db.opening import london_now
from services_db.places import AliasRow
from services_db.query import SearchRequest, find_services
from services_db.rows import alias_values, service_rows
from services_db.schools import SchoolRecord
from services_db.seed import ContactRecord, ServiceRecord
from signposting.vocabulary import ACCESS_ROUTES, AREA_CODES, AUDIENCES, CONCERNS, LEVELS, NATIONAL

SERVICES, SCHOOLS, ALIASES, QUERIES = 10_000, 25_000, 5_000, 2_000
rng = random.Random(42)


def synthetic_service(index: int) -> ServiceRecord:
    low = rng.choice([None, 0, 5, 10, 11, 13, 16])
    high = rng.choice([None, 12, 16, 18, 19, 25])
    if low is not None and high is not None and low > high:
        low, high = high, low
    areas = [NATIONAL] if index % 20 == 0 else rng.sample(sorted(AREA_CODES), rng.randint(1, 3))
    return ServiceRecord(
        id=f"svc-{index}",
        name=f"Service {index}",
        organisation=f"Organisation {index % 500}",
        description="A synthetic service for the benchmark.",
        audiences=tuple(rng.sample(sorted(AUDIENCES), rng.randint(1, 3))),
        min_age=low,
        max_age=high,
        age_note="synthetic",
        areas=tuple(areas),
        concerns=tuple(["any"] if index % 4 == 0 else rng.sample(sorted(CONCERNS), 3)),
        access_routes=tuple(rng.sample(sorted(ACCESS_ROUTES), rng.randint(1, 2))),
        access_note="synthetic",
        crisis=index % 50 == 0,
        level=rng.choice(LEVELS),
        specialist=None,
        stale_risk="low",
        source_url="https://example.org/source",
        last_verified=date(2026, 11, 22),
        contacts=(
            ContactRecord(type="phone", value=f"0800 {index:06d}", label=None, hours="Mon to Fri 9am to 5pm", open_24_7=False,
                          schedule=[{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00", "closes": "17:00"}]),
            ContactRecord(type="website", value=f"https://example.org/{index}", label=None, hours=None,
                          open_24_7=index % 10 == 0, schedule=None),
        ),
    )


def build(url: str) -> float:
    """The synthetic directory, written the way the loader writes the real one (services_db.rows)."""
    engine = make_engine(url)
    upgrade(engine)
    started = time.perf_counter()
    with Session(engine, future=True) as session, session.begin():
        session.add_all(service_rows([synthetic_service(i) for i in range(SERVICES)]))
        add_schools(session, [
            SchoolRecord(urn=100000 + i, name=f"School {i}", local_authority=None, la_basis=None, postcode=None,
                         town=None, district=None, area_code=rng.choice(sorted(AREA_CODES) + [NATIONAL]))
            for i in range(SCHOOLS)
        ])
        session.execute(insert(models.AreaAlias), [
            alias_values(AliasRow(alias=f"place {i}", display_name=f"Place {i}", kind="town",
                                  area_code=rng.choice(sorted(AREA_CODES)), district=None, source="synthetic"))
            for i in range(ALIASES)
        ])
        session.add(models.DatasetVersion(fingerprint="bench", loaded_on=date.today()))
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        write_seconds = build(url)
        started = time.perf_counter()
        directory = read_directory(make_engine(url))
        read_seconds = time.perf_counter() - started
    now = london_now()
    timings: list[float] = []
    cold: list[float] = []
    seen: set[tuple] = set()
    for _ in range(QUERIES):
        age = rng.randint(5, 24)
        request = SearchRequest(
            role=rng.choice(sorted(AUDIENCES)), age_min=age, age_max=age + rng.randint(0, 1),
            area_code=rng.choice(sorted(AREA_CODES) + [None]), concern=rng.choice(sorted(CONCERNS) + [None]),
            school_has_mhst=rng.choice([True, None]),
        )
        key = (request.area_code, request.concern, request.role)
        started = time.perf_counter()
        find_services(directory.index, request, now)
        elapsed = (time.perf_counter() - started) * 1000
        # The first search for an (area, concern, role) fills a cache: reported apart.
        (timings if key in seen else cold).append(elapsed)
        seen.add(key)
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"Directory: {SERVICES} services, {SCHOOLS} schools, {ALIASES} area aliases (SQLite)")
    print(f"Load: write {write_seconds:.1f} s; read into memory {read_seconds:.2f} s")
    print(f"Search, {len(timings)} queries (cache warm): p50 {statistics.median(timings):.2f} ms, "
          f"p95 {percentile(timings, 0.95):.2f} ms, p99 {percentile(timings, 0.99):.2f} ms, max {max(timings):.2f} ms")
    print(f"Search, {len(cold)} first queries of an (area, concern, role): p50 {statistics.median(cold):.2f} ms, "
          f"p95 {percentile(cold, 0.95):.2f} ms")


if __name__ == "__main__":
    main()
