"""Export the directory as Open Referral UK (HSDS 3.0 UK profile) JSON records, or CSV.

Mapping (documented in services_db/README.md):
- service: id (a UUID derived from our id), name, description, url (first website),
  email (first email), status "active", minimum_age/maximum_age, assured_date (our
  last-verified date), organization.
- contacts: one per phone or text contact, with `phones` (HSDS 3.0 contact.phones) whose
  description holds the hours.
- schedules: the structured opening hours (WEEKLY, byday, opens_at, closes_at).
- service_areas: one per area code, named in words.
- attributes: our own fields as taxonomy terms in taxonomies named `wtgh:<field>`:
  concern, audience, access_route, level, crisis, stale_risk, source_url, age_note,
  web chat and other contact channels, and our record id.
"""
from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable
from typing import Any

from services_db.seed import ContactRecord, ServiceRecord
from services_db.vocabulary import AREA_NAMES

NAMESPACE = uuid.UUID("6f1c1a52-3b7e-4f0e-9a53-0c3b5d7e2a10")  # fixed: the same record gets the same ids
TAXONOMY_PREFIX = "wtgh:"
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _attribute(service_id: str, taxonomy: str, name: str, description: str | None = None) -> dict[str, Any]:
    term_id = stable_id("term", taxonomy, name)
    return {
        "id": stable_id(service_id, "attribute", taxonomy, name),
        "link_id": stable_id("service", service_id),
        "link_type": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "name": name,
            "description": description or name,
            "taxonomy": TAXONOMY_PREFIX + taxonomy,
            "term": name,
        },
    }


def _contacts(service: ServiceRecord, service_uuid: str) -> list[dict[str, Any]]:
    contacts = []
    for position, contact in enumerate(service.contacts):
        if contact.type not in ("phone", "text"):
            continue
        contact_id = stable_id(service.id, "contact", str(position))
        phone: dict[str, Any] = {
            "id": stable_id(service.id, "phone", str(position)),
            "contact_id": contact_id,
            "number": contact.value,
        }
        if contact.hours:
            phone["description"] = contact.hours
        contacts.append(
            {
                "id": contact_id,
                "service_id": service_uuid,
                "name": contact.label or ("Text" if contact.type == "text" else "Phone"),
                "title": contact.type,
                "phones": [phone],
            }
        )
    return contacts


def _schedules(service: ServiceRecord, service_uuid: str) -> list[dict[str, Any]]:
    schedules = []
    for position, contact in enumerate(service.contacts):
        for index, slot in enumerate(contact.schedule or []):
            schedules.append(
                {
                    "id": stable_id(service.id, "schedule", str(position), str(index)),
                    "service_id": service_uuid,
                    "freq": "WEEKLY",
                    "interval": 1,
                    "byday": ",".join(BYDAY[day] for day in slot["days"]),
                    "opens_at": f"{slot['opens']}:00",
                    "closes_at": "23:59:59" if slot["closes"] == "24:00" else f"{slot['closes']}:00",
                    "description": f"{contact.type} {contact.value}: {contact.hours or ''}".strip(),
                }
            )
    return schedules


def _first(contacts: Iterable[ContactRecord], kind: str) -> str | None:
    return next((contact.value for contact in contacts if contact.type == kind), None)


def oruk_service(service: ServiceRecord) -> dict[str, Any]:
    service_uuid = stable_id("service", service.id)
    organization_id = stable_id("organization", service.organisation)
    record: dict[str, Any] = {
        "id": service_uuid,
        "organization_id": organization_id,
        "name": service.name,
        "description": service.description,
        "status": "active",
        "assured_date": service.last_verified.isoformat(),
        "organization": {"id": organization_id, "name": service.organisation, "description": service.organisation},
        "contacts": _contacts(service, service_uuid),
        "schedules": _schedules(service, service_uuid),
        "service_areas": [
            {
                "id": stable_id(service.id, "area", code),
                "service_id": service_uuid,
                "name": AREA_NAMES[code],
                "service_area": code,
            }
            for code in service.areas
        ],
    }
    if url := _first(service.contacts, "website"):
        record["url"] = url
    if email := _first(service.contacts, "email"):
        record["email"] = email
    if service.min_age is not None:
        record["minimum_age"] = service.min_age
    if service.max_age is not None:
        record["maximum_age"] = service.max_age
    attributes = [_attribute(service.id, "record_id", service.id)]
    attributes += [_attribute(service.id, "concern", concern) for concern in service.concerns]
    attributes += [_attribute(service.id, "audience", audience) for audience in service.audiences]
    attributes += [_attribute(service.id, "access_route", route) for route in service.access_routes]
    attributes += [
        _attribute(service.id, "level", service.level),
        _attribute(service.id, "crisis", "true" if service.crisis else "false"),
        _attribute(service.id, "stale_risk", service.stale_risk),
        _attribute(service.id, "source_url", service.source_url),
    ]
    if service.age_note:
        attributes.append(_attribute(service.id, "age_note", service.age_note))
    if service.specialist:
        attributes.append(_attribute(service.id, "specialist", service.specialist))
    attributes += [
        _attribute(service.id, "contact_channel", f"{contact.type}: {contact.value}", contact.hours)
        for contact in service.contacts
        if contact.type == "webchat"
    ]
    record["attributes"] = attributes
    return record


CSV_FIELDS = [
    "id", "name", "organisation", "min_age", "max_age", "age_note", "areas", "audiences", "concerns",
    "access_routes", "level", "crisis", "contacts", "source_url", "last_verified", "stale_risk",
]


def services_csv(services: Iterable[ServiceRecord]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for service in services:
        writer.writerow(
            {
                "id": service.id,
                "name": service.name,
                "organisation": service.organisation,
                "min_age": service.min_age,
                "max_age": service.max_age,
                "age_note": service.age_note,
                "areas": ";".join(service.areas),
                "audiences": ";".join(service.audiences),
                "concerns": ";".join(service.concerns),
                "access_routes": ";".join(service.access_routes),
                "level": service.level,
                "crisis": service.crisis,
                "contacts": "; ".join(f"{c.type}: {c.value}" + (f" ({c.hours})" if c.hours else "") for c in service.contacts),
                "source_url": service.source_url,
                "last_verified": service.last_verified.isoformat(),
                "stale_risk": service.stale_risk,
            }
        )
    return out.getvalue()
