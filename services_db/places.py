"""Read the place reference files into area-alias rows for the gazetteer.

Our places: postal towns of the schools (towns.csv), ONS parishes, wards and built-up
areas, GeoNames towns and villages (place_names.csv), short forms people use
(short_forms.csv), neighbourhoods inside our towns (neighbourhoods.csv), postcode districts
and sectors. Places elsewhere, so that they are
recognised and never forced onto one of ours: every English school town, GeoNames places
in England outside our districts, and Wales, Scotland and Northern Ireland by name and
postcode district (postcode_district_nations.csv).

Sources, licences and caveats: `services_db/data/places/SOURCES.md`.
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from signposting.text import normalise
from signposting.vocabulary import AREA_CODES, NATIONAL, NATIONS, crisis_line_group

PLACES_DIR = Path(__file__).resolve().parent / "data" / "places"
TOWNS_FILE = PLACES_DIR / "towns.csv"
PLACE_NAMES_FILE = PLACES_DIR / "place_names.csv"
SHORT_FORMS_FILE = PLACES_DIR / "short_forms.csv"
NEIGHBOURHOODS_FILE = PLACES_DIR / "neighbourhoods.csv"
OUTWARDS_FILE = PLACES_DIR / "postcode_districts.csv"
NATION_OUTWARDS_FILE = PLACES_DIR / "postcode_district_nations.csv"
SECTORS_FILE = PLACES_DIR / "postcode_sectors_subset.json"
SCHOOLS_FILE = PLACES_DIR / "schools.csv"
ENGLAND_SCHOOLS_FILE = PLACES_DIR / "england_schools_gias_20250711.csv"

KIND_BY_TOWNS_TYPE = {
    "postal town/locality recorded for schools": "town",
    "local authority district name": "district",
    "county/area name": "county",
}
# What each kind of row is. "Minor" names (villages, wards, small towns elsewhere in the
# UK) count in passing only after words like "in" or "near" (see gazetteer); competitors
# are places elsewhere in England that share a name with one of ours.
KINDS = {
    "town": "postal town of schools in our areas",
    "district": "local authority district",
    "county": "county or area name",
    "place": "parish, ward, built-up area or GeoNames place in our areas",
    "outward_code": "postcode district",
    "sector": "postcode sector",
    "nation": "Wales, Scotland or Northern Ireland",
    "nation_place": "a town or village in Wales, Scotland or Northern Ireland",
    "england_town": "a place elsewhere in England",
}
# Nation places are minor too: "Barry", "Hamilton" and "Livingston" are also people's names.
MINOR_KINDS = frozenset({"place", "nation_place"})
NATION_NAMES = {
    "wales": "wales", "cymru": "wales", "scotland": "scotland", "northern ireland": "northern_ireland",
    # The six counties of Northern Ireland, said with "county" or "co" ("Bangor, County Down": a
    # development answer, D6); without it "down" and "derry" are everyday words or a city's name.
    **{f"{prefix} {county}": "northern_ireland" for prefix in ("county", "co")
       for county in ("antrim", "armagh", "down", "fermanagh", "londonderry", "derry", "tyrone")},
}
# Words that say which area an ambiguous name means ("Newport, Essex"); the option labels
# use them, so every option the bot offers resolves to its own area.
AREA_WORDS = {
    "hertfordshire": "herts", "herts": "herts", "essex": "west_essex", "west essex": "west_essex",
    "leicester city": "leicester", "leicestershire": "leicestershire", "leics": "leicestershire",
    "rutland": "rutland", **NATION_NAMES,
}
COUNTY_LABELS = {
    "herts": "Hertfordshire", "west_essex": "Essex", "leicester": "Leicester city",
    "leicestershire": "Leicestershire", "rutland": "Rutland", **NATIONS,
}
# A share of a postcode district's postcodes below this is ignored (ONS Postcode Directory counts).
NATION_SHARE_MIN = 0.05


@dataclass(frozen=True)
class AliasRow:
    alias: str  # normalised
    display_name: str
    kind: str  # one of KINDS
    area_code: str
    district: str | None
    source: str
    option_label: str | None = None  # how to offer this area when the name is ambiguous


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
            display_name=" ".join(row["name"].split()),
            kind=kind,
            area_code=area_code,
            district=row["district"].strip() or None,
            source=f"towns.csv: {row['source'].strip()}"[:300],
        )


def place_name_rows(path: Path = PLACE_NAMES_FILE) -> list[dict[str, str]]:
    """The rows of place_names.csv that are used (not excluded as everyday words)."""
    return [row for row in read_csv(path) if not row["excluded"].strip()]


# The cities of Wales, Scotland and Northern Ireland, by GeoNames population: a name this big said
# after an age ("19, belfast", "16 f glasgow": development author D7) is where they live, where a
# village's name may be a person's ("im 14, logan": the review, session 27).
CITY_POPULATION = 100_000


def cities_of_the_nations(path: Path = PLACE_NAMES_FILE, at_least: int = CITY_POPULATION) -> frozenset[str]:
    """The normalised names of the other nations' places of `at_least` people."""
    return frozenset(
        normalise(row["name"]) for row in place_name_rows(path) if row["area_code"] in NATIONS and int(row["population"] or 0) >= at_least
    )


def straddling_built_up_areas(rows: list[dict[str, str]], town_areas: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(name, area) pairs to drop: a built-up area the ONS lists in several of our areas
    because it spills over a boundary, in an area where no other source places it. Hoddesdon
    (Broxbourne, Hertfordshire) reaches into Epping Forest; its parish-less town had users
    asked to choose between two areas. Great Easton, a village in each county, stays both."""
    bua_areas: dict[str, set[str]] = {}
    other_areas: dict[str, set[str]] = {}
    for row in rows:
        if row["area_code"] not in AREA_CODES:
            continue
        kind_areas = bua_areas if row["kind"] == "built_up_area" else other_areas
        kind_areas.setdefault(normalise(row["name"]), set()).add(row["area_code"])
    drop = set()
    for name, areas in bua_areas.items():
        confirmed = other_areas.get(name, set()) | town_areas.get(name, set())
        if len(areas) > 1 and confirmed & areas:
            drop |= {(name, area) for area in areas - confirmed}
    return drop


def place_aliases(rows: list[dict[str, str]], town_areas: dict[str, set[str]] | None = None) -> Iterator[AliasRow]:
    """Parishes, wards, built-up areas and GeoNames places in our districts. Where the
    ONS lists a name in our areas, its district is used and the GeoNames one (derived
    from the nearest postcode) is dropped; so is a built-up area's spill into another area
    (`straddling_built_up_areas`)."""
    spills = straddling_built_up_areas(rows, town_areas or {})
    ours = [row for row in rows if row["area_code"] in AREA_CODES
            and not (row["kind"] == "built_up_area" and (normalise(row["name"]), row["area_code"]) in spills)]
    ons_names = {normalise(row["name"]) for row in ours if row["kind"] != "geonames_place"}
    seen: set[tuple[str, str, str]] = set()
    for row in ours:
        alias = normalise(row["name"])
        if row["kind"] == "geonames_place" and alias in ons_names:
            continue
        key = (alias, row["area_code"], row["district"])
        if not alias or key in seen:
            continue
        seen.add(key)
        yield AliasRow(
            alias=alias,
            display_name=row["name"],
            kind="place",
            area_code=row["area_code"],
            district=row["district"] or None,
            source=f"place_names.csv: {row['source']} {row['source_id']}"[:300],
        )


def nation_aliases(rows: list[dict[str, str]]) -> Iterator[AliasRow]:
    for name, nation in NATION_NAMES.items():
        yield AliasRow(name, NATIONS[nation], "nation", nation, None, "the nations of the UK")
    seen: set[tuple[str, str]] = set()
    for row in rows:
        if row["area_code"] not in NATIONS:
            continue
        alias = normalise(row["name"])
        if not alias or (alias, row["area_code"]) in seen:
            continue
        seen.add((alias, row["area_code"]))
        yield AliasRow(
            alias=alias,
            display_name=row["name"],
            kind="nation_place",
            area_code=row["area_code"],
            district=None,
            source=f"place_names.csv: {row['source']} {row['source_id']}"[:300],
        )


def short_form_aliases(rows: list[AliasRow], path: Path = SHORT_FORMS_FILE) -> Iterator[AliasRow]:
    """'Hemel' → the rows of 'Hemel Hempstead'. A short form may also be flagged as
    naming places outside our areas ('Essex'), so the bot asks."""
    by_alias: dict[str, list[AliasRow]] = defaultdict(list)
    for row in rows:
        by_alias[row.alias].append(row)
    for entry in read_csv(path):
        targets = [
            row for row in by_alias.get(normalise(entry["full_name"]), [])
            if entry["only_area"].strip() in ("", row.area_code)
        ]
        if not targets:
            raise ValueError(f"short_forms.csv: {entry['short_form']}: no place called {entry['full_name']}")
        elsewhere = entry["also_elsewhere"].strip().lower() == "yes"
        for target in targets:
            # The target's kind is kept ("Hemel" is as well known as Hemel Hempstead), but
            # a name that is also elsewhere must not settle the question like a county does.
            yield replace(target, alias=normalise(entry["short_form"]), kind="place" if elsewhere else target.kind,
                          source=f"short_forms.csv: {entry['basis']}"[:300])
        if elsewhere:
            yield AliasRow(normalise(entry["short_form"]), "Somewhere else", "england_town", NATIONAL, None,
                           f"short_forms.csv: {entry['basis']}"[:300])


@lru_cache(maxsize=1)
def short_form_names(path: Path = SHORT_FORMS_FILE) -> dict[str, frozenset[str]]:
    """Each short form (normalised) and the full names it stands for: "berko" → {"berkhamsted"}."""
    names: dict[str, set[str]] = defaultdict(set)
    for entry in read_csv(path):
        names[normalise(entry["short_form"])].add(normalise(entry["full_name"]))
    return {short: frozenset(full) for short, full in names.items()}


def outward_aliases(path: Path = OUTWARDS_FILE) -> Iterator[AliasRow]:
    """One row per (outward code, target district), plus a 'national' row when the code also
    covers districts outside our areas, so the bot asks instead of guessing.

    An option that is the main district of none of the code's postcode sectors holds a sliver
    of its postcodes (the source's main district is right for 96.65% of postcodes). It is left
    out when an option that stays gives the same 24/7 line in the crisis reply: "LE15:
    Oakham or Uppingham, Leicestershire, or somewhere else?" made everyone in Oakham choose,
    and both answers lead to the same Leicestershire and Rutland line. Across a line's
    boundary (CM20: Harlow, with a sliver of East Hertfordshire) the bot still asks.
    """
    rows = read_csv(path)
    target_districts = {row["district"].strip() for row in rows}
    by_code: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_code[row["outward_code"].strip().upper()].append(row)
    for code, code_rows in by_code.items():
        sectors = int(code_rows[0]["sectors_total"] or 0)
        main = _main_areas(code_rows, sectors)
        touches_outside = any(
            other.strip() and other.strip() not in target_districts
            for row in code_rows for other in row["other_districts_in_outward"].split(";")
        )
        ours_main = sum(int(row["sectors_where_district_dominant"] or 0) for row in code_rows)
        if touches_outside and sectors > ours_main:
            main.add(NATIONAL)
        if not main:  # the file says nothing about sectors: offer every option
            main = {row["area_code"].strip() for row in code_rows} | ({NATIONAL} if touches_outside else set())
        for row in code_rows:
            if _offered(row["area_code"].strip(), main):
                yield AliasRow(
                    alias=normalise(code),
                    display_name=row["district"].strip(),
                    kind="outward_code",
                    area_code=row["area_code"].strip(),
                    district=row["district"].strip(),
                    source="postcode_districts.csv (OS Code-Point Open derived)",
                )
        if touches_outside and _offered(NATIONAL, main):
            yield AliasRow(
                alias=normalise(code),
                display_name="Somewhere else",
                kind="outward_code",
                area_code=NATIONAL,
                district=None,
                source="postcode_districts.csv: other_districts_in_outward",
            )


# One postcode sector of many is a sliver too: "LE1" (central Leicester) has one sector where
# Blaby is the main district, most likely large users and PO boxes (the file's own note says
# to treat LE1 as Leicester), and asking everyone in LE1 "Leicester city or Leicestershire?"
# bought nothing: both give the same 24/7 line (`_offered` still asks across lines).
SLIVER_SHARE = 0.2


def _main_areas(code_rows: list[dict[str, str]], sectors: int) -> set[str]:
    """The areas that are the main district of more than a sliver of the code's sectors."""
    dominant: dict[str, int] = defaultdict(int)
    for row in code_rows:
        dominant[row["area_code"].strip()] += int(row["sectors_where_district_dominant"] or 0)
    return {
        area for area, count in dominant.items()
        if count > 1 or (count == 1 and (not sectors or count / sectors >= SLIVER_SHARE))
    }


def _offered(area: str, main: set[str]) -> bool:
    """A postcode district's option: one of its sectors' main areas, or an area whose 24/7
    line none of those gives."""
    return area in main or crisis_line_group(area) not in {crisis_line_group(kept) for kept in main}


def nation_outward_aliases(known: set[str], path: Path = NATION_OUTWARDS_FILE) -> Iterator[AliasRow]:
    """Postcode districts with postcodes in Wales, Scotland or Northern Ireland: one row
    per nation holding at least NATION_SHARE_MIN of them, and a 'national' row for the
    English share, so 'SY10' (England and Wales) is asked about and 'CF10' is Wales."""
    for row in read_csv(path):
        code = row["outward_code"].strip().upper()
        counts = {nation: int(row[nation]) for nation in ("england", *NATIONS)}
        total = sum(counts.values())
        if normalise(code) in known or total == 0 or counts["england"] == total:
            continue
        source = "postcode_district_nations.csv (ONS Postcode Directory, Nov 2025)"
        for nation, count in counts.items():
            if count / total < NATION_SHARE_MIN:
                continue
            area = NATIONAL if nation == "england" else nation
            label = None if nation == "england" else NATIONS[nation]
            display = "England" if nation == "england" else NATIONS[nation]
            yield AliasRow(normalise(code), display, "outward_code", area, None, source, label)


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


def school_town_counts(
    england_file: Path = ENGLAND_SCHOOLS_FILE, schools_file: Path = SCHOOLS_FILE
) -> tuple[Counter[str], Counter[str], dict[str, str]]:
    """Schools per town name in our areas and elsewhere in England, and a display name."""
    ours_urns = {row["urn"].strip() for row in read_csv(schools_file)}
    ours: Counter[str] = Counter()
    elsewhere: Counter[str] = Counter()
    names: dict[str, str] = {}
    for row in read_csv(england_file):
        alias = normalise(row["town"])
        if not alias:
            continue
        names.setdefault(alias, row["town"].strip())
        (ours if row["urn"].strip() in ours_urns else elsewhere)[alias] += 1
    return ours, elsewhere, names


def neighbourhood_aliases(rows: list[AliasRow], path: Path = NEIGHBOURHOODS_FILE) -> Iterator[AliasRow]:
    """Neighbourhoods and estates inside our towns ("Highfields", Leicester; "Potter Street",
    Harlow), each from a page that says so (neighbourhoods.csv). No ward or parish list names
    them, so "highfields" was read as Highfield in Hemel Hempstead. The district is the town's."""
    districts: dict[tuple[str, str], str] = {}
    for row in rows:
        if row.kind in ("town", "district", "place") and row.district:
            districts.setdefault((row.alias, row.area_code), row.district)
    for entry in read_csv(path):
        area, town = entry["area_code"].strip(), entry["town"].strip()
        district = districts.get((normalise(town), area))
        if area not in AREA_CODES or district is None:
            raise ValueError(f"neighbourhoods.csv: {entry['name']}: no town called {town} in {area}")
        if not entry["source_url"].startswith("http") or not entry["verified"].strip():
            raise ValueError(f"neighbourhoods.csv: {entry['name']}: a source URL and the date it was read are needed")
        yield AliasRow(
            alias=normalise(entry["name"]),
            display_name=entry["name"].strip(),
            kind="place",
            area_code=area,
            district=district,
            source=f"neighbourhoods.csv: {entry['source_url']} ({entry['verified']})"[:300],
        )


def postal_towns_elsewhere(
    rows: list[AliasRow], counts: tuple[Counter[str], Counter[str], dict[str, str]]
) -> set[str]:
    """School-town names of ours that are only the postal town of a few of our villages, the
    town itself elsewhere: "Nottingham" (Bottesford's schools), "Derby" (Castle Donington's),
    "Nuneaton", "Romford", "Swadlincote". No place of ours has the name, and more of its
    schools are elsewhere than here. Asked "Nottingham covers more than one area. Which is
    closest? Bottesford (Leicestershire) / Somewhere else", people from Nottingham had one
    more, puzzling question (development authors D1, D4, D7, D11, D12, D18, D20, T1: 20
    answers); someone in Bottesford names Bottesford. Read as the town elsewhere."""
    ours_count, elsewhere_count, _ = counts
    kinds_by_alias: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.area_code != NATIONAL:
            kinds_by_alias[row.alias].add(row.kind)
    return {
        alias for alias, kinds in kinds_by_alias.items()
        if kinds == {"town"} and elsewhere_count[alias] > ours_count[alias]
    }


def england_competitors(
    rows: list[AliasRow], place_rows: list[dict[str, str]],
    counts: tuple[Counter[str], Counter[str], dict[str, str]] | None = None,
) -> Iterator[AliasRow]:
    """Places elsewhere in England: school towns and GeoNames places outside our districts.
    A name shared with one of ours is kept as a competitor (the bot then asks) unless it
    is one of our school towns with more schools here than elsewhere ('Hatfield')."""
    kinds_by_alias: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        kinds_by_alias[row.alias].add(row.kind)
    ours_count, elsewhere_count, names = counts or school_town_counts()
    candidates: dict[str, tuple[str, str]] = {}
    for alias in elsewhere_count:
        if len(alias) >= 3:
            candidates[alias] = (names[alias], "GIAS schools (England), town field, 2025-07-11")
    for place in place_rows:
        alias = normalise(place["name"])
        if place["area_code"] == NATIONAL and len(alias) >= 3 and alias not in candidates:
            candidates[alias] = (place["name"], f"place_names.csv: GeoNames {place['source_id']} (outside our districts)")
    for alias, (display, source) in list(candidates.items()):
        head = alias.removesuffix(" on sea")
        if head != alias and len(head) >= 3 and head not in candidates:
            # "southend", "clacton", "frinton": how people name a seaside town (development set D1:
            # "southend" was a place nobody knew); no place of ours is "on Sea"
            candidates[head] = (display, f"{source}; its name without 'on Sea'")
    for alias, (display, source) in candidates.items():
        kinds = kinds_by_alias.get(alias, set())
        if kinds & {"district", "county"}:
            continue
        if "town" in kinds and elsewhere_count[alias] <= ours_count[alias]:
            continue
        yield AliasRow(alias, display, "england_town", NATIONAL, None, source[:300])


def _label_names(names: Iterable[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


class _OptionLabels:
    """Town names people know, to offer an area when a name or postcode is in several."""

    def __init__(self, rows: list[AliasRow], place_rows: list[dict[str, str]]):
        self._areas_by_alias: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            if row.area_code != NATIONAL:
                self._areas_by_alias[row.alias].add(row.area_code)
        # Names that are a place in the area, not only the postal town of schools there.
        self._places = {(row.alias, row.area_code) for row in rows if row.kind in ("place", "district")}
        self._display = {(row.alias, row.area_code): row.display_name for row in rows if row.kind == "place"}
        # GeoNames places of our areas by outward code, biggest first.
        self._by_outward: dict[tuple[str, str], list[str]] = defaultdict(list)
        ranked = sorted(
            (place for place in place_rows if place["kind"] == "geonames_place" and place["area_code"] in AREA_CODES),
            key=lambda place: -int(place["population"] or 0),
        )
        for place in ranked:
            self._by_outward[(place["outward_code"], place["area_code"])].append(place["name"])
        # Outward codes of our schools by postal town and area ("Bishop's Stortford", west_essex).
        self._outwards_by_town: dict[tuple[str, str], set[str]] = defaultdict(set)
        for school in read_csv(SCHOOLS_FILE):
            outward = school["postcode"].split()[0].upper() if school["postcode"].strip() else ""
            if outward:
                self._outwards_by_town[(normalise(school["town"]), school["area_code"])].add(outward)

    def near(self, outwards: Iterable[str], area: str, limit: int = 2) -> list[str]:
        """The biggest places of the area in these postcode districts whose names we
        know as places of that area (a county word settles any other meaning)."""
        found: list[str] = []
        for outward in sorted(outwards):
            for name in self._by_outward.get((outward, area), []):
                name = self._display.get((normalise(name), area), name)  # the ONS spelling
                if name not in found and area in self._areas_by_alias.get(normalise(name), ()):
                    found.append(name)
        return found[:limit]

    def label(self, row: AliasRow) -> str | None:
        if row.area_code not in COUNTY_LABELS:
            return None
        county = COUNTY_LABELS[row.area_code]
        if row.kind == "county" and row.area_code in AREA_CODES:
            return AREA_CODES[row.area_code]  # "West Essex", not "Essex"
        if row.kind == "nation":
            return county
        if row.area_code == "leicester" and row.kind in ("outward_code", "town"):
            return county  # people in the city know they live in Leicester
        if row.kind == "outward_code":
            # Town names even when the district is named like its county: "Oakham or
            # Uppingham (Rutland)" for LE15, not "Rutland" (issue #12).
            names = self.near([row.alias.upper()], row.area_code)
        elif normalise(row.display_name) in AREA_WORDS:  # "Essex" → "West Essex"
            return row.display_name
        elif row.kind == "town" and (row.alias, row.area_code) not in self._places:
            names = self.near(self._outwards_by_town.get((row.alias, row.area_code), ()), row.area_code)
        else:
            names = [row.display_name]
        if not names:
            return AREA_CODES.get(row.area_code, county)
        return f"{_label_names(names)} ({county})"


def all_aliases() -> list[AliasRow]:
    used = used_place_rows()
    counts = school_town_counts()
    rows = names_of_ours(used)
    elsewhere = postal_towns_elsewhere(rows, counts)
    # The district of ours whose villages have that postal town ("Melton" for Nottingham): kept on
    # the town's row elsewhere, so "bottesford, nottingham" is still Bottesford (services_db.gazetteer).
    postal_districts = {row.alias: row.district for row in rows if row.alias in elsewhere and row.district}
    rows = [row for row in rows if row.alias not in elsewhere]
    labels = _OptionLabels(rows, used)
    rows = [row if row.option_label else replace(row, option_label=labels.label(row)) for row in rows]
    rows += list(short_form_aliases(rows))
    rows += [
        replace(row, district=postal_districts.get(row.alias)) if row.kind == "england_town" and row.alias in postal_districts else row
        for row in england_competitors(rows, used, counts)
    ]
    return rows


def used_place_rows() -> list[dict[str, str]]:
    return [row for row in read_csv(PLACE_NAMES_FILE) if not row["excluded"].strip()]


def names_of_ours(used: list[dict[str, str]]) -> list[AliasRow]:
    """Every name of our areas and the nations (no short forms, no competitors), before the
    postal towns elsewhere are taken out."""
    towns = list(town_aliases())
    town_areas: dict[str, set[str]] = {}
    for town in towns:
        town_areas.setdefault(town.alias, set()).add(town.area_code)
    rows = towns + list(place_aliases(used, town_areas)) + list(nation_aliases(used))
    rows += list(neighbourhood_aliases(rows))
    rows += list(outward_aliases()) + list(sector_aliases())
    rows += list(nation_outward_aliases({row.alias for row in rows if row.kind == "outward_code"}))
    return rows
