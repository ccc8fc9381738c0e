"""Open Referral UK (HSDS 3.0 UK profile) both ways: our records as ORUK service records,
and ORUK service records (ours or another directory's) back into our records.

Out: `to_oruk(service)` gives one full service record that validates against the UK
profile's schema (`data/oruk/service_with_definitions.json`). Standard fields carry what
the profile has words for (name, description, url, email, ages, assured_date, organization,
contacts with phones, weekly schedules, service areas). Everything else the bot needs is
in `attributes` whose taxonomy term's `taxonomy` is `wtgh:<field>` (the table is in
services_db/README.md); each contact carries its own type, value, hours, 24/7 flag and
schedule slots the same way, so that `from_oruk(to_oruk(s))` is `s` again.

In: `read_feed(location)` reads a JSON file or URL (a list of services, one service, or
an API page with `contents`, following the pages of a URL); `parse_feed(records, source)`
validates every record against the schema, maps it to the seed file's shape and runs the
seed file's own checks, and raises SeedError naming the record and field of every problem.
A record from another directory has no `wtgh:` terms: its areas come from `service_areas`
(our area code or its name), its source from `url` (or the feed's address), its verified
date from `assured_date`; what it helps with and who it is for have no safe default, so
they are reported as missing rather than guessed.
"""
from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from services_db.seed import ContactRecord, SeedError, ServiceRecord, _check_service, _Checker
from signposting.vocabulary import AREA_NAMES

SCHEMA_FILE = Path(__file__).resolve().parent / "data" / "oruk" / "service_with_definitions.json"
NAMESPACE = uuid.UUID("6f1c1a52-3b7e-4f0e-9a53-0c3b5d7e2a10")  # fixed: the same record gets the same ids
TAXONOMY_PREFIX = "wtgh:"
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
DAY_OF = {code: day for day, code in BYDAY.items()}
SLOT = re.compile(r"^(?P<days>[a-z,]+) (?P<opens>\d\d:\d\d)-(?P<closes>\d\d:\d\d)$")
MAX_FEED_PAGES = 1000  # a feed that pages for ever is an error, not a directory


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def service_uuid(record_id: str) -> str:
    """The ORUK id of one of our records (stable between exports)."""
    return stable_id("service", record_id)


def term_id(taxonomy: str, name: str) -> str:
    """The id of a `wtgh:` taxonomy term, e.g. term_id("concern", "sleep") for the filter."""
    return stable_id("term", taxonomy, name)


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


# ---- out ---------------------------------------------------------------------------


def _attribute(owner_id: str, link_type: str, taxonomy: str, name: str, description: str | None = None) -> dict[str, Any]:
    term = term_id(taxonomy, name)
    return {
        "id": stable_id(owner_id, "attribute", taxonomy, name),
        "link_id": owner_id,
        "link_type": link_type,
        "taxonomy_term_id": term,
        "taxonomy_term": {
            "id": term,
            "name": name,
            "description": description or name,
            "taxonomy": TAXONOMY_PREFIX + taxonomy,
            "term": name,
        },
    }


def _slot_text(slot: dict[str, Any]) -> str:
    return f"{','.join(slot['days'])} {slot['opens']}-{slot['closes']}"


def _contact(service: ServiceRecord, service_id: str, position: int, contact: ContactRecord) -> dict[str, Any]:
    contact_id = stable_id(service.id, "contact", str(position))
    terms = [("contact_type", contact.type), ("contact_value", contact.value)]
    if contact.hours:
        terms.append(("hours", contact.hours))
    if contact.open_24_7:
        terms.append(("open_24_7", "true"))
    terms += [("schedule", _slot_text(slot)) for slot in contact.schedule or []]
    record: dict[str, Any] = {
        "id": contact_id,
        "service_id": service_id,
        "title": contact.type,
        "attributes": [_attribute(contact_id, "contact", taxonomy, name) for taxonomy, name in terms],
    }
    if contact.label:
        record["name"] = contact.label
    if contact.type in ("phone", "text"):
        phone: dict[str, Any] = {"id": stable_id(service.id, "phone", str(position)), "contact_id": contact_id, "number": contact.value}
        if contact.hours:
            phone["description"] = contact.hours
        record["phones"] = [phone]
    return record


def _schedules(service: ServiceRecord, service_id: str) -> list[dict[str, Any]]:
    schedules = []
    for position, contact in enumerate(service.contacts):
        for index, slot in enumerate(contact.schedule or []):
            schedules.append(
                {
                    "id": stable_id(service.id, "schedule", str(position), str(index)),
                    "service_id": service_id,
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


def to_oruk(service: ServiceRecord) -> dict[str, Any]:
    """One full ORUK service record, lossless (see the module docstring)."""
    service_id = service_uuid(service.id)
    organization_id = stable_id("organization", service.organisation)
    record: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization_id,
        "name": service.name,
        "description": service.description,
        "status": "active",
        "assured_date": service.last_verified.isoformat(),
        "organization": {"id": organization_id, "name": service.organisation, "description": service.organisation},
        "contacts": [_contact(service, service_id, n, contact) for n, contact in enumerate(service.contacts)],
        "schedules": _schedules(service, service_id),
        "service_areas": [
            {"id": stable_id(service.id, "area", code), "service_id": service_id, "name": AREA_NAMES[code], "service_area": code}
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
    terms = [("record_id", service.id)]
    terms += [("concern", concern) for concern in service.concerns]
    terms += [("audience", audience) for audience in service.audiences]
    terms += [("access_route", route) for route in service.access_routes]
    terms += [
        ("level", service.level),
        ("crisis", "true" if service.crisis else "false"),
        ("stale_risk", service.stale_risk),
        ("source_url", service.source_url),
    ]
    optional = (("age_note", service.age_note), ("specialist", service.specialist), ("access_note", service.access_note))
    terms += [(taxonomy, text) for taxonomy, text in optional if text]
    if service.no_upper_age:
        terms.append(("no_upper_age", "true"))
    record["attributes"] = [_attribute(service_id, "service", taxonomy, name) for taxonomy, name in terms]
    return record


# ---- in ----------------------------------------------------------------------------


def read_feed(location: str, timeout: float = 30.0) -> list[Any]:
    """The service records of a JSON file or URL; an API's pages are followed (URL only)."""
    if not location.startswith(("https://", "http://")):
        return _records_of(json.loads(Path(location).read_text(encoding="utf-8")), location)
    records: list[Any] = []
    url = location
    for _ in range(MAX_FEED_PAGES):
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked above
            document = json.loads(response.read().decode("utf-8"))
        records += _records_of(document, url)
        if not isinstance(document, dict) or "contents" not in document or document.get("last_page", True):
            return records
        url = _with_page(location, int(document.get("page_number") or 1) + 1)
    raise ValueError(f"{location}: more than {MAX_FEED_PAGES} pages")


def _records_of(document: Any, where: str) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    if isinstance(document, dict) and "id" in document:
        return [document]
    raise ValueError(f"{where}: not an Open Referral feed (a list of services, one service or a page with 'contents')")


def _with_page(url: str, page: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parts.query))
    query["page"] = str(page)
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def parse_feed(records: list[Any], source: str) -> list[ServiceRecord]:
    """Validate every record, then map it; raise SeedError listing every problem (record and field)."""
    name = source if source.startswith(("https://", "http://")) else Path(source).name
    checker = _Checker(name)
    parsed: list[ServiceRecord] = []
    seen: set[str] = set()
    if not records:
        raise SeedError([f"{name}: the feed has no services"])
    for index, record in enumerate(records):
        label = _label(record, index)
        errors = sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = ".".join(str(part) for part in error.absolute_path) or "-"
            checker.fail(label, path, error.message)
        if errors:
            continue
        raw = from_oruk(record, source, checker)
        if raw is None:
            continue
        service = _check_service(raw, index, checker)
        if service is None:
            continue
        if service.id in seen:
            checker.fail(service.id, "id", "is used by more than one record")
        seen.add(service.id)
        parsed.append(service)
    if checker.problems:
        raise SeedError(checker.problems)
    return parsed


def _label(record: Any, index: int) -> str:
    """How a problem names the record: our id if it has one, else its own id, else its position."""
    if not isinstance(record, dict):
        return f"#{index + 1}"
    found = record.get("attributes")
    attributes: list[Any] = found if isinstance(found, list) else []
    ours = _terms([a for a in attributes if isinstance(a, dict) and isinstance(a.get("taxonomy_term"), dict)])
    return _one(ours, "record_id") or str(record.get("id") or f"#{index + 1}")


def _terms(attributes: Any) -> dict[str, list[str]]:
    terms: dict[str, list[str]] = {}
    for attribute in attributes or []:
        term = attribute.get("taxonomy_term") or {}
        taxonomy = str(term.get("taxonomy") or "")
        if taxonomy.startswith(TAXONOMY_PREFIX):
            terms.setdefault(taxonomy[len(TAXONOMY_PREFIX):], []).append(str(term.get("name")))
    return terms


def _one(terms: dict[str, list[str]], name: str) -> str | None:
    values = terms.get(name)
    return values[0] if values else None


def from_oruk(record: dict[str, Any], source: str, checker: _Checker) -> dict[str, Any] | None:
    """An ORUK service record (already schema-valid) in the seed file's shape, for its checks."""
    terms = _terms(record.get("attributes"))
    label = _one(terms, "record_id") or str(record["id"])
    before = len(checker.problems)
    for needed, what in (("concern", "what the service helps with"), ("audience", "who may use it")):
        if needed not in terms:
            checker.fail(label, f"attributes ({TAXONOMY_PREFIX}{needed})", f"is required: {what}")
    areas = [_area_code(area) for area in record.get("service_areas") or []]
    if not areas:
        checker.fail(label, "service_areas", "is required: where the service is offered")
    for area, given in zip(areas, record.get("service_areas") or [], strict=True):
        if area is None:
            checker.fail(label, "service_areas", f"unknown area {given.get('service_area') or given.get('name')!r}")
    source_url = _one(terms, "source_url") or record.get("url") or (source if source.startswith("http") else None)
    if not source_url:
        checker.fail(label, "url", "is required: the web address the details come from")
    if not record.get("assured_date"):
        checker.fail(label, "assured_date", "is required: when the details were last checked")
    if len(checker.problems) > before:
        return None
    crisis = _one(terms, "crisis")
    return {
        "id": label,
        "name": record["name"],
        "organisation": (record.get("organization") or {}).get("name") or record["name"],
        "description": record.get("description") or "",
        "audiences": terms["audience"],
        "min_age": record.get("minimum_age"),
        "max_age": record.get("maximum_age"),
        "no_upper_age": _one(terms, "no_upper_age") == "true",
        "age_note": _one(terms, "age_note"),
        "areas": areas,
        "concerns": terms["concern"],
        "access_routes": terms.get("access_route", []),
        "access_note": _one(terms, "access_note"),
        "crisis": crisis == "true" if crisis else False,
        "level": _one(terms, "level") or "early_help",
        "specialist": _one(terms, "specialist"),
        "stale_risk": _one(terms, "stale_risk") or "medium",
        "source_url": source_url,
        "last_verified": str(record["assured_date"]),
        "contacts": _contacts_of(record),
    }


def _area_code(area: dict[str, Any]) -> str | None:
    """Our code for a service area: its `service_area` code, else its name (the code wins)."""
    text = str(area.get("service_area") or area.get("name") or "").strip()
    if text in AREA_NAMES:
        return text
    return {name.lower(): code for code, name in AREA_NAMES.items()}.get(text.lower())


def _contacts_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Our contacts (carried in `wtgh:` terms), else phones, url and email of a foreign record."""
    ours = [contact for contact in record.get("contacts") or [] if "contact_type" in _terms(contact.get("attributes"))]
    if ours:
        return [_our_contact(contact) for contact in ours]
    contacts: list[dict[str, Any]] = []
    for contact in record.get("contacts") or []:
        kind = "text" if str(contact.get("title") or "").lower() == "text" else "phone"
        for phone in contact.get("phones") or []:
            contacts.append(
                {"type": kind, "value": phone.get("number"), "label": contact.get("name"), "hours": phone.get("description")}
            )
    if record.get("url"):
        contacts.append({"type": "website", "value": record["url"]})
    if record.get("email"):
        contacts.append({"type": "email", "value": record["email"]})
    return contacts


def _our_contact(contact: dict[str, Any]) -> dict[str, Any]:
    terms = _terms(contact.get("attributes"))
    slots = [_slot(text) for text in terms.get("schedule", [])]
    return {
        "type": _one(terms, "contact_type"),
        "value": _one(terms, "contact_value"),
        "label": contact.get("name"),
        "hours": _one(terms, "hours"),
        "open_24_7": _one(terms, "open_24_7") == "true",
        "schedule": slots or None,
    }


def _slot(text: str) -> dict[str, Any]:
    match = SLOT.match(text)
    if not match:
        return {"days": [], "opens": text, "closes": ""}  # the seed checks report it
    return {"days": match["days"].split(","), "opens": match["opens"], "closes": match["closes"]}
