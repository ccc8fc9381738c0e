"""The one mapping between the database's rows (`services_db.models`) and the plain records
the rest of the code works with (`ServiceRecord`, `ContactRecord`, `AliasRow`, `SchoolRecord`).

The loader writes records as rows and the directory reads rows back as records, both through
these functions, so a column added to a table is added here once (tests/test_rows.py fails
until it is). Places and schools (tens of thousands of rows) go in as one bulk insert of
plain values and come back as plain result rows: the ORM's per-object work took most of
a load and of a directory read. The search, the bot's replies, the web app's saved list and the Open Referral
export (`services_db.oruk`) all see only the records.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from services_db import models
from services_db.places import AliasRow
from services_db.schools import SchoolRecord, school_key
from services_db.seed import ContactRecord, ServiceRecord


def service_record(row: models.Service) -> ServiceRecord:
    """A service row, with its organisation, lists and contacts, as one record.
    The lists are sorted: the tables keep no order (contacts do: `position`)."""
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
        contacts=tuple(contact_record(contact) for contact in row.contacts),
    )


def contact_record(row: models.Contact) -> ContactRecord:
    return ContactRecord(
        type=row.type, value=row.value, label=row.label, hours=row.hours, open_24_7=row.open_24_7, schedule=row.schedule
    )


def service_row(record: ServiceRecord, organisation: models.Organization) -> models.Service:
    """A record as a new service row (with its lists and contacts) of `organisation`, which
    the caller shares between the services of one organisation."""
    return models.Service(
        id=record.id,
        organization=organisation,
        name=record.name,
        description=record.description,
        min_age=record.min_age,
        max_age=record.max_age,
        no_upper_age=record.no_upper_age,
        age_note=record.age_note,
        access_note=record.access_note,
        crisis=record.crisis,
        level=record.level,
        specialist=record.specialist,
        stale_risk=record.stale_risk,
        source_url=record.source_url,
        last_verified=record.last_verified,
        areas=[models.ServiceArea(area_code=code) for code in record.areas],
        audiences=[models.ServiceAudience(audience=audience) for audience in record.audiences],
        concerns=[models.ServiceConcern(concern=concern) for concern in record.concerns],
        access_routes=[models.ServiceAccessRoute(route=route) for route in record.access_routes],
        contacts=[contact_row(contact, position) for position, contact in enumerate(record.contacts)],
    )


def contact_row(record: ContactRecord, position: int) -> models.Contact:
    return models.Contact(
        position=position,
        type=record.type,
        value=record.value,
        label=record.label,
        hours=record.hours,
        open_24_7=record.open_24_7,
        schedule=record.schedule,
    )


def service_rows(records: list[ServiceRecord]) -> list[models.Service]:
    """Rows for the records, one organisation row per organisation name."""
    organisations: dict[str, models.Organization] = {}
    return [
        service_row(record, organisations.setdefault(record.organisation, models.Organization(name=record.organisation)))
        for record in records
    ]


_ALIAS_FIELDS = tuple(field.name for field in fields(AliasRow))
_SCHOOL_FIELDS = tuple(field.name for field in fields(SchoolRecord))


def alias_record(row: Any) -> AliasRow:
    """An `area_alias` row (an ORM object or a plain result row: the same names) as a record."""
    return AliasRow(**{name: getattr(row, name) for name in _ALIAS_FIELDS})


def alias_values(alias: AliasRow) -> dict[str, Any]:
    """The `area_alias` columns of a record, for one bulk insert (thousands of rows)."""
    return {name: getattr(alias, name) for name in _ALIAS_FIELDS}


def school_record(row: Any) -> SchoolRecord:
    """A `school` row (an ORM object or a plain result row: the same names) as a record."""
    return SchoolRecord(**{name: getattr(row, name) for name in _SCHOOL_FIELDS})


def school_values(school: SchoolRecord) -> dict[str, Any]:
    """The `school` columns of a record, with the normalised name the school question matches
    on, for one bulk insert (tens of thousands of rows)."""
    return {**{name: getattr(school, name) for name in _SCHOOL_FIELDS}, "name_key": school_key(school.name)}
