"""Validation of the services seed file (`services_db/data/services.yaml`).

Every problem is reported as `file: record <id>: field <name>: what is wrong`, and
nothing is loaded when there is any problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from signposting.vocabulary import (
    ACCESS_ROUTES,
    AUDIENCES,
    CONTACT_TYPES,
    LEVELS,
    SERVICE_AREAS,
    SERVICE_CONCERNS,
    STALE_RISKS,
    WEEKDAYS,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
SERVICES_FILE = DATA_DIR / "services.yaml"

REQUIRED_TEXT = ("id", "name", "organisation", "description", "source_url", "last_verified")
TIME = re.compile(r"^([01]\d|2[0-4]):[0-5]\d$")


class SeedError(Exception):
    """The seed data is invalid; the message lists every problem found."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ContactRecord:
    type: str
    value: str
    label: str | None
    hours: str | None
    open_24_7: bool
    schedule: list[dict[str, Any]] | None


@dataclass(frozen=True)
class ServiceRecord:
    id: str
    name: str
    organisation: str
    description: str
    audiences: tuple[str, ...]
    min_age: int | None
    max_age: int | None
    age_note: str | None
    areas: tuple[str, ...]
    concerns: tuple[str, ...]
    access_routes: tuple[str, ...]
    access_note: str | None
    crisis: bool
    level: str
    specialist: str | None
    stale_risk: str
    source_url: str
    last_verified: date
    contacts: tuple[ContactRecord, ...] = field(default_factory=tuple)
    no_upper_age: bool = False  # the source says there is no upper age (else null max_age = unstated)

    @property
    def only_online(self) -> bool:
        """Used online, by the user alone, with no phone or text line: Kooth, web pages, CEOP's form."""
        routes = set(self.access_routes)
        kinds = {contact.type for contact in self.contacts}
        return "online" in routes and routes <= {"online", "self_referral"} and not kinds & {"phone", "text"}


@dataclass
class _Checker:
    file: str
    problems: list[str] = field(default_factory=list)

    def fail(self, record_id: str, field_name: str, message: str) -> None:
        self.problems.append(f"{self.file}: record {record_id}: field {field_name}: {message}")


def load_service_records(path: Path = SERVICES_FILE) -> list[ServiceRecord]:
    """Read and validate the services seed file; raise SeedError listing every problem."""
    checker = _Checker(path.name)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SeedError([f"{path.name}: cannot be read as YAML: {error}"]) from error
    raw_services = (document or {}).get("services") if isinstance(document, dict) else None
    if not isinstance(raw_services, list) or not raw_services:
        raise SeedError([f"{path.name}: field services: must be a non-empty list"])

    records: list[ServiceRecord] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_services):
        record = _check_service(raw, index, checker)
        if record is None:
            continue
        if record.id in seen:
            checker.fail(record.id, "id", "is used by more than one record")
        seen.add(record.id)
        records.append(record)
    if checker.problems:
        raise SeedError(checker.problems)
    return records


def _check_service(raw: Any, index: int, checker: _Checker) -> ServiceRecord | None:
    if not isinstance(raw, dict):
        checker.fail(f"#{index + 1}", "-", "must be a mapping")
        return None
    record_id = str(raw.get("id") or f"#{index + 1}")
    before = len(checker.problems)

    for name in REQUIRED_TEXT:
        if not str(raw.get(name) or "").strip():
            checker.fail(record_id, name, "is required")
    source_url = str(raw.get("source_url") or "")
    if source_url and not source_url.startswith(("https://", "http://")):
        checker.fail(record_id, "source_url", "must be a web address")
    last_verified = _as_date(raw.get("last_verified"))
    if raw.get("last_verified") and last_verified is None:
        checker.fail(record_id, "last_verified", "must be a date like 2026-11-22")

    audiences = _closed_list(raw, "audiences", set(AUDIENCES), record_id, checker)
    areas = _closed_list(raw, "areas", SERVICE_AREAS, record_id, checker)
    concerns = _closed_list(raw, "concerns", SERVICE_CONCERNS, record_id, checker)
    # An empty list is allowed: the source does not say how to get in (the reply says so).
    routes = _closed_list(raw, "access_routes", set(ACCESS_ROUTES), record_id, checker, allow_empty=True)

    min_age, max_age = raw.get("min_age"), raw.get("max_age")
    for name, value in (("min_age", min_age), ("max_age", max_age)):
        if value is not None and (not isinstance(value, int) or not 0 <= value <= 120):
            checker.fail(record_id, name, "must be a whole number of years or null")
    if isinstance(min_age, int) and isinstance(max_age, int) and min_age > max_age:
        checker.fail(record_id, "min_age", f"{min_age} is above max_age {max_age}")
    no_upper_age = raw.get("no_upper_age", False)
    if not isinstance(no_upper_age, bool):
        checker.fail(record_id, "no_upper_age", "must be true or false")
    elif no_upper_age and max_age is not None:
        checker.fail(record_id, "no_upper_age", "a service with no upper age has no max_age")

    stale_risk = raw.get("stale_risk")
    if stale_risk not in STALE_RISKS:
        checker.fail(record_id, "stale_risk", f"must be one of {', '.join(STALE_RISKS)}")
    level = raw.get("level")
    if level not in LEVELS:
        checker.fail(record_id, "level", f"must be one of {', '.join(LEVELS)}")
    if not isinstance(raw.get("crisis"), bool):
        checker.fail(record_id, "crisis", "must be true or false")

    contacts = _check_contacts(raw.get("contacts"), record_id, checker)
    if len(checker.problems) > before:
        return None
    return ServiceRecord(
        id=record_id,
        name=str(raw["name"]).strip(),
        organisation=str(raw["organisation"]).strip(),
        description=str(raw["description"]).strip(),
        audiences=audiences,
        min_age=min_age,
        max_age=max_age,
        age_note=_optional_text(raw.get("age_note")),
        areas=areas,
        concerns=concerns,
        access_routes=routes,
        access_note=_optional_text(raw.get("access_note")),
        crisis=raw["crisis"],
        level=str(level),
        specialist=_optional_text(raw.get("specialist")),
        stale_risk=str(stale_risk),
        source_url=source_url,
        last_verified=last_verified,  # type: ignore[arg-type]
        contacts=contacts,
        no_upper_age=no_upper_age,
    )


def _check_contacts(raw: Any, record_id: str, checker: _Checker) -> tuple[ContactRecord, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        checker.fail(record_id, "contacts", "must be a list")
        return ()
    contacts = []
    for position, item in enumerate(raw, start=1):
        where = f"contacts[{position}]"
        if not isinstance(item, dict):
            checker.fail(record_id, where, "must be a mapping")
            continue
        if item.get("type") not in CONTACT_TYPES:
            checker.fail(record_id, f"{where}.type", f"must be one of {', '.join(CONTACT_TYPES)}")
        value = str(item.get("value") or "").strip()
        if not value:
            checker.fail(record_id, f"{where}.value", "is required")
        if item.get("type") == "website" and not value.startswith(("https://", "http://")):
            checker.fail(record_id, f"{where}.value", "a website must be a web address")
        if not isinstance(item.get("open_24_7", False), bool):
            checker.fail(record_id, f"{where}.open_24_7", "must be true or false")
        schedule = item.get("schedule")
        if schedule is not None:
            _check_schedule(schedule, record_id, f"{where}.schedule", checker)
        contacts.append(
            ContactRecord(
                type=str(item.get("type")),
                value=value,
                label=_optional_text(item.get("label")),
                hours=_optional_text(item.get("hours")),
                open_24_7=bool(item.get("open_24_7", False)),
                schedule=schedule,
            )
        )
    return tuple(contacts)


def _check_schedule(schedule: Any, record_id: str, where: str, checker: _Checker) -> None:
    if not isinstance(schedule, list):
        checker.fail(record_id, where, "must be a list of {days, opens, closes}")
        return
    for slot in schedule:
        if not isinstance(slot, dict):
            checker.fail(record_id, where, "each entry must be a mapping")
            continue
        days = slot.get("days")
        if not isinstance(days, list) or not days or any(day not in WEEKDAYS for day in days):
            checker.fail(record_id, f"{where}.days", f"must list days from {', '.join(WEEKDAYS)}")
        for key in ("opens", "closes"):
            if not TIME.match(str(slot.get(key, ""))):
                checker.fail(record_id, f"{where}.{key}", "must be a time like '09:00'")


def _closed_list(
    raw: dict[str, Any],
    name: str,
    allowed: set[str],
    record_id: str,
    checker: _Checker,
    allow_empty: bool = False,
) -> tuple[str, ...]:
    values = raw.get(name)
    if not isinstance(values, list) or (not values and not allow_empty):
        checker.fail(record_id, name, "must be a non-empty list")
        return ()
    unknown = [str(value) for value in values if value not in allowed]
    if unknown:
        checker.fail(record_id, name, f"unknown value(s) {', '.join(unknown)}")
    return tuple(str(value) for value in values)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _optional_text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
