"""The services directory, read-only, as an Open Referral UK API (HSDS 3.0 UK profile).

Mounted at /oruk by the web app: `/oruk/` (about this API), `/oruk/services` (paged; full
records in `contents`) and `/oruk/services/{id}`. Filters on /services:
- `taxonomy_term_id`: services with that term, e.g. the `wtgh:concern` term "sleep"
  (`services_db.oruk.term_id("concern", "sleep")`); `taxonomy_id`: a `wtgh:` taxonomy name;
- `age`: services offered at that age (the bot's rule: an unstated upper age is 18);
  `minimum_age` / `maximum_age`: the UK profile's filters on the fields themselves;
- `service_area`: an area code or name (services that list it); `postcode`: a postcode or
  place, resolved by the bot's gazetteer, giving services for that area and England-wide ones;
- `search`: words in the name or description.
The records are those of `services_db.oruk.to_oruk`; they validate against the UK profile's
schema (tests/test_oruk.py checks every one).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services_db.directory import Directory
from services_db.oruk import TAXONOMY_PREFIX, service_uuid, to_oruk
from services_db.query import upper_age
from services_db.seed import ServiceRecord
from signposting.vocabulary import AREA_NAMES, NATIONAL, NATIONS

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _area_code(text: str) -> str | None:
    names = {name.lower(): code for code, name in AREA_NAMES.items()}
    value = text.strip()
    return value if value in AREA_NAMES else names.get(value.lower())


def _record(service: ServiceRecord, cache: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if service.id not in cache:
        cache[service.id] = to_oruk(service)
    return cache[service.id]


def create_router(directory: Callable[[], Directory]) -> APIRouter:
    """`directory` gives the current directory (the web app passes a cached one)."""
    router = APIRouter()
    records: dict[str, dict[str, Any]] = {}
    seen: dict[str, str | None] = {"fingerprint": None}

    def current() -> tuple[Directory, dict[str, dict[str, Any]]]:
        found = directory()
        if found.fingerprint != seen["fingerprint"]:  # reloaded: the records changed
            records.clear()
            seen["fingerprint"] = found.fingerprint
        return found, records

    @router.get("/")
    async def about() -> dict[str, Any]:
        return {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": OPENAPI_URL,
            "description": "Mental health and emotional wellbeing services for children and young people "
            "(read-only). Served: /, /services, /services/{id}. Our own fields are attributes "
            f"in taxonomies named {TAXONOMY_PREFIX}<field>.",
        }

    @router.get("/services")
    async def services(  # noqa: PLR0913 - the API's query parameters
        page: int = Query(1, ge=1),
        per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
        taxonomy_term_id: str | None = None,
        taxonomy_id: str | None = None,
        age: int | None = Query(None, ge=0, le=120),
        minimum_age: int | None = Query(None, ge=0, le=120),
        maximum_age: int | None = Query(None, ge=0, le=120),
        service_area: str | None = None,
        postcode: str | None = None,
        search: str | None = None,
    ) -> JSONResponse:
        try:
            found, cache = current()
        except Exception:  # noqa: BLE001 - any database trouble: say so, never a stack trace
            return _error("The directory cannot be read right now.", 503)
        chosen: list[ServiceRecord] = list(found.services)
        if service_area is not None:
            code = _area_code(service_area)
            if code is None:
                return _error(f"Unknown service_area. Use one of: {', '.join(sorted(AREA_NAMES))}.", 400)
            chosen = [s for s in chosen if code in s.areas]
        if postcode is not None:
            place = found.gazetteer.resolve(postcode)
            if place.status in ("ambiguous", "unknown"):
                return _error(f"That postcode or place is {place.status}.", 400)
            covering = {place.area_code or NATIONAL} if place.area_code in NATIONS else {place.area_code or NATIONAL, NATIONAL}
            chosen = [s for s in chosen if covering & set(s.areas)]
        if age is not None:
            chosen = [s for s in chosen if (s.min_age or 0) <= age <= upper_age(s)]
        if minimum_age is not None:
            chosen = [s for s in chosen if s.min_age is not None and s.min_age >= minimum_age]
        if maximum_age is not None:
            chosen = [s for s in chosen if s.max_age is not None and s.max_age <= maximum_age]
        if search:
            words = search.lower().split()
            chosen = [s for s in chosen if all(w in f"{s.name} {s.description}".lower() for w in words)]
        if taxonomy_term_id or taxonomy_id:
            chosen = [
                s for s in chosen
                if _has_term(_record(s, cache), taxonomy_term_id, taxonomy_id)
            ]
        chosen.sort(key=lambda s: (s.name.lower(), s.id))
        total_pages = max(1, math.ceil(len(chosen) / per_page))
        window = chosen[(page - 1) * per_page : page * per_page]
        return JSONResponse(
            {
                "total_items": len(chosen),
                "total_pages": total_pages,
                "page_number": page,
                "size": len(window),
                "first_page": page == 1,
                "last_page": page >= total_pages,
                "empty": not window,
                "contents": [_record(s, cache) for s in window],
            }
        )

    @router.get("/services/{service_id}")
    async def service(service_id: str) -> JSONResponse:
        try:
            found, cache = current()
        except Exception:  # noqa: BLE001
            return _error("The directory cannot be read right now.", 503)
        match = next((s for s in found.services if service_id in (service_uuid(s.id), s.id)), None)
        if match is None:
            return _error("No service has that id.", 404)
        return JSONResponse(_record(match, cache))

    return router


def _has_term(record: dict[str, Any], term_id: str | None, taxonomy: str | None) -> bool:
    terms = [attribute["taxonomy_term"] for attribute in record["attributes"]]
    if term_id and not any(term["id"] == term_id for term in terms):
        return False
    wanted = taxonomy if taxonomy is None or taxonomy.startswith(TAXONOMY_PREFIX) else TAXONOMY_PREFIX + taxonomy
    return not wanted or any(term["taxonomy"] == wanted for term in terms)

