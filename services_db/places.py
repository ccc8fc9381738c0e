"""Read the place reference files (towns, postcode districts and sectors, English
school towns) into area-alias rows for the gazetteer.

Sources and caveats: `services_db/data/places/SOURCES.md`.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from services_db.text import normalise
from services_db.vocabulary import AREA_CODES, NATIONAL

PLACES_DIR = Path(__file__).resolve().parent / "data" / "places"
TOWNS_FILE = PLACES_DIR / "towns.csv"
OUTWARDS_FILE = PLACES_DIR / "postcode_districts.csv"
SECTORS_FILE = PLACES_DIR / "postcode_sectors_subset.json"
ENGLAND_SCHOOLS_FILE = PLACES_DIR / "england_schools_gias_20250711.csv"

KIND_BY_TOWNS_TYPE = {
    "postal town/locality recorded for schools": "town",
    "local authority district name": "district",
    "county/area name": "county",
}


@dataclass(frozen=True)
class AliasRow:
    alias: str  # normalised
    display_name: str
    kind: str  # town | district | county | outward_code | sector | england_town
    area_code: str
    district: str | None
    source: str


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def town_aliases(path: Path = TOWNS_FILE) -> Iterator[AliasRow]:
    for row in read_csv(path):
        kind = KIND_BY_TOWNS_TYPE.get(row["type"].strip())
        area_code = row["area_code"].strip()
        if kind is None or area_code not in AREA_CODES:
            continue
        yield AliasRow(
            alias=normalise(row["name"]),
            display_name=row["name"].strip(),
            kind=kind,
            area_code=area_code,
            district=row["district"].strip() or None,
            source=f"towns.csv: {row['source'].strip()}"[:300],
        )


def outward_aliases(path: Path = OUTWARDS_FILE) -> Iterator[AliasRow]:
    """One row per (outward code, target district); plus a 'national' row when the
    outward code also covers districts outside our areas, so the bot asks instead of guessing."""
    rows = read_csv(path)
    target_districts = {row["district"].strip() for row in rows}
    straddles_outside: dict[str, bool] = {}
    for row in rows:
        code = row["outward_code"].strip().upper()
        others = [d.strip() for d in row["other_districts_in_outward"].split(";") if d.strip()]
        outside = any(other not in target_districts for other in others)
        straddles_outside[code] = straddles_outside.get(code, False) or outside
        yield AliasRow(
            alias=normalise(code),
            display_name=row["district"].strip(),
            kind="outward_code",
            area_code=row["area_code"].strip(),
            district=row["district"].strip(),
            source="postcode_districts.csv (OS Code-Point Open derived)",
        )
    for code, outside in straddles_outside.items():
        if outside:
            yield AliasRow(
                alias=normalise(code),
                display_name="Somewhere else",
                kind="outward_code",
                area_code=NATIONAL,
                district=None,
                source="postcode_districts.csv: other_districts_in_outward",
            )


def lad_areas(path: Path = OUTWARDS_FILE) -> dict[str, tuple[str, str]]:
    """ONS local authority district code → (area code, district name), for our districts."""
    return {
        row["lad_code"].strip(): (row["area_code"].strip(), row["district"].strip())
        for row in read_csv(path)
    }


def sector_aliases(path: Path = SECTORS_FILE) -> Iterator[AliasRow]:
    """Postcode sectors ('LE2 3'), dominant district first; districts outside our areas
    become 'national' rows. Key format in the file: outward + sector digit ('LE23')."""
    document = json.loads(path.read_text(encoding="utf-8"))
    areas = lad_areas()
    names: dict[str, str] = document["lad_names"]
    for key, lad_codes in document["sectors"].items():
        sector = f"{key[:-1]} {key[-1]}"
        for lad in lad_codes:
            area_code, district = areas.get(lad, (NATIONAL, names.get(lad, lad)))
            yield AliasRow(
                alias=normalise(sector),
                display_name=district,
                kind="sector",
                area_code=area_code,
                district=district,
                source="postcode_sectors_subset.json (OS Code-Point Open derived)",
            )


def england_town_aliases(
    path: Path = ENGLAND_SCHOOLS_FILE, known: set[str] | None = None
) -> Iterator[AliasRow]:
    """Towns of every open state-funded school in England that are not one of ours:
    recognised as real places outside our areas."""
    known = known or set()
    seen: set[str] = set()
    for row in read_csv(path):
        town = row["town"].strip()
        alias = normalise(town)
        if not alias or alias in known or alias in seen or len(alias) < 3:
            continue
        seen.add(alias)
        yield AliasRow(
            alias=alias,
            display_name=town,
            kind="england_town",
            area_code=NATIONAL,
            district=None,
            source="GIAS schools (England), town field, 2025-07-11",
        )


def all_aliases() -> list[AliasRow]:
    rows = list(town_aliases()) + list(outward_aliases()) + list(sector_aliases())
    ours = {row.alias for row in rows if row.kind in ("town", "district", "county")}
    rows += list(england_town_aliases(known=ours))
    return rows
