"""Export the directory as Open Referral UK (HSDS 3.0 UK profile) JSON records, or CSV.

The ORUK mapping lives in services_db/oruk.py (it is used both ways: export and import);
`oruk_service` is kept as the name the command line and older code use.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from services_db.oruk import to_oruk as oruk_service  # noqa: F401 - re-exported
from services_db.seed import ServiceRecord

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
