"""Which worries have a service whose source names them, in each area (issue #12c).

    PYTHONPATH=. .venv/bin/python scripts/concern_coverage.py

Prints a Markdown table from the seed file (services_db/data/services.yaml): for each
concern and area, the local services tagged with that concern; "national" when only
national ones are; "general" when only services for lots of worries fit (for the worries
added in issue #12c the reply then says no service is just for it). Audience and age are
not filtered here; services only professionals can use are marked.
"""
from __future__ import annotations

from services_db.query import ServiceIndex, _concern_fits
from services_db.seed import load_service_records
from signposting.vocabulary import AREA_CODES, CONCERNS, NATIONAL


def name(service) -> str:
    return service.id + (" (professionals)" if set(service.audiences) == {"professional"} else "")


def cell(services, concern: str, area: str) -> str:
    local = sorted(name(s) for s in services if area in s.areas and NATIONAL not in s.areas and concern in s.concerns)
    if local:
        return ", ".join(local)
    if any(NATIONAL in s.areas and concern in s.concerns for s in services):
        return "national: " + ", ".join(sorted(name(s) for s in services if NATIONAL in s.areas and concern in s.concerns))
    return "general"


def table() -> str:
    services = [s for s in load_service_records() if s.contacts]
    index = ServiceIndex(services)
    lines = ["| concern | " + " | ".join(AREA_CODES.values()) + " |", "|---" * (len(AREA_CODES) + 1) + "|"]
    for concern in CONCERNS:
        row = [cell(services, concern, area) for area in AREA_CODES]
        general = any(_concern_fits(f, concern) for area in AREA_CODES for _, f in index.candidates(area, concern))
        if not general:
            row = ["none"] * len(row)
        lines.append(f"| {concern} | " + " | ".join(row) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
