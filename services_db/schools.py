"""Schools: read the DfE extract and MHST evidence, and match what a user typed."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from services_db.places import ENGLAND_SCHOOLS_FILE, PLACES_DIR, read_csv, short_form_names
from signposting.text import normalise
from signposting.vocabulary import AREA_CODES, NATIONAL

SCHOOLS_FILE = PLACES_DIR / "schools.csv"
MHST_SCHOOLS_FILE = PLACES_DIR / "mhst_schools.csv"
FUZZY_CUTOFF = 88
MIN_FIRST_WORDS = 5  # letters typed before a name is read from its first words ("st marks")

_GENERIC = re.compile(
    r"\b(the|school|schools|academy|academies|college|primary|secondary|infant|infants|junior|"
    r"juniors|community|foundation|free|c of e|cofe|ce|church of england|voluntary|aided|"
    r"controlled|va|vc|trust|i go to|i m at|im at|i am at|we go to|she goes to|he goes to|"
    # who goes there, before the name: "she's at Parmiters" (development author D6)
    r"shes|she s|she is|hes|he s|he is|theyre|they re|they are|(?:he |she |they |i )?attends?|"
    r"goes to|go to|at|"
    # "its bushey meads", "my school is beechwood park" (session 45): no school's name has these words
    r"its|it s|it is|(?:its |it s |it is )?called|(?:my|his|her|their|our|the) school is)\b"
)


def school_key(name: str) -> str:
    """'Marriotts School' → 'marriotts'; generic words removed so typed names match."""
    return " ".join(_GENERIC.sub(" ", normalise(name)).split())


# What a name joins to the school's own: "Cobden Primary School & Community Centre", "Thomas Willingale
# Primary School and Nursery". "Cobden primary" found the Cobden Primary School in Leeds, not the one
# in Loughborough (a user trial, session 44). Taken off only for a second, shorter key of ours, looked
# up when no school of ours has the typed key: in the main key, "cassiobury" would be both the infant
# and nursery school and the junior school (the review, session 44).
_JOINED_TO_THE_SCHOOL = re.compile(r"\band (?:nursery|pre school|preschool|community centre|childrens centre|children s centre)\b")


def short_school_key(name: str) -> str:
    """The key without what the name joins to the school: 'cobden', 'harlow fields'."""
    words = school_key(_JOINED_TO_THE_SCHOOL.sub(" ", normalise(name))).split()
    while words and words[-1] == "and":  # "Harlow Fields School and College"
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class SchoolRecord:
    urn: int
    name: str
    local_authority: str | None
    la_basis: str | None
    postcode: str | None
    town: str | None
    district: str | None
    area_code: str
    has_mhst: bool = False
    mhst_provider: str | None = None
    mhst_source_url: str | None = None
    mhst_evidence: str | None = None
    mhst_evidence_date: str | None = None


def _mhst_fields(evidence: dict[str, str] | None) -> dict[str, object]:
    """MHST coverage only where a source names the school, with that source kept."""
    if evidence is None:
        return {"has_mhst": False}
    return {
        "has_mhst": True,
        "mhst_provider": evidence["mhst_provider"].strip(),
        "mhst_source_url": evidence["source_url"].strip(),
        "mhst_evidence": evidence["evidence"].strip(),
        "mhst_evidence_date": evidence["evidence_date"].strip(),
    }


def read_schools(
    schools_file: Path = SCHOOLS_FILE, mhst_file: Path = MHST_SCHOOLS_FILE
) -> list[SchoolRecord]:
    """Schools in our areas, marked as MHST-covered only where a source names them."""
    evidence = {int(row["urn"]): row for row in read_csv(mhst_file)}
    schools = []
    for row in read_csv(schools_file):
        urn = int(row["urn"])
        schools.append(
            SchoolRecord(
                urn=urn,
                name=row["name"].strip(),
                local_authority=row["local_authority"].strip() or None,
                la_basis=row["la_basis"].strip() or None,
                postcode=row["postcode"].strip() or None,
                town=row["town"].strip() or None,
                district=row["district"].strip() or None,
                area_code=row["area_code"].strip(),
                **_mhst_fields(evidence.get(urn)),  # type: ignore[arg-type]
            )
        )
    return schools


def read_england_schools(path: Path = ENGLAND_SCHOOLS_FILE, known: set[int] | None = None) -> list[SchoolRecord]:
    """Every other open state-funded school in England: recognised, and outside our areas."""
    known = known or set()
    return [
        SchoolRecord(
            urn=int(row["urn"]),
            name=row["name"].strip(),
            local_authority=None,
            la_basis="not in our areas (GIAS list of all England, no local authority column)",
            postcode=row["postcode"].strip() or None,
            town=row["town"].strip() or None,
            district=None,
            area_code=NATIONAL,
        )
        for row in read_csv(path)
        if row["urn"].strip().isdigit() and int(row["urn"]) not in known
    ]


# GIAS "Get Information about Schools" CSV columns → our fields.
GIAS_COLUMNS = {
    "urn": "URN",
    "name": "EstablishmentName",
    "local_authority": "LA (name)",
    "postcode": "Postcode",
    "town": "Town",
    "district": "DistrictAdministrative (name)",
    "status": "EstablishmentStatus (name)",
}
WEST_ESSEX_DISTRICTS = {"Harlow", "Epping Forest", "Uttlesford"}
AREA_BY_LA = {"Hertfordshire": "herts", "Leicester": "leicester", "Leicestershire": "leicestershire", "Rutland": "rutland"}


def area_for_la(local_authority: str, district: str | None) -> str:
    if local_authority == "Essex":
        return "west_essex" if district in WEST_ESSEX_DISTRICTS else NATIONAL
    return AREA_BY_LA.get(local_authority, NATIONAL)


def read_gias_csv(path: Path, mhst_file: Path = MHST_SCHOOLS_FILE) -> list[SchoolRecord]:
    """A DfE GIAS download (e.g. edubasealldata*.csv): open schools, with their real LA.
    Raises ValueError naming the missing columns when the file is not in GIAS format."""
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        import csv

        reader = csv.DictReader(handle)
        missing = [column for key, column in GIAS_COLUMNS.items() if key != "district" and column not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path.name}: not a GIAS CSV, missing column(s): {', '.join(missing)}")
        rows = list(reader)
    evidence = {int(row["urn"]): row for row in read_csv(mhst_file)}
    schools = []
    for row in rows:
        if not row[GIAS_COLUMNS["urn"]].strip().isdigit():
            continue
        if row[GIAS_COLUMNS["status"]].strip().lower().startswith("closed"):
            continue
        urn = int(row[GIAS_COLUMNS["urn"]])
        la = row[GIAS_COLUMNS["local_authority"]].strip()
        district = (row.get(GIAS_COLUMNS["district"]) or "").strip() or None
        schools.append(
            SchoolRecord(
                urn=urn,
                name=row[GIAS_COLUMNS["name"]].strip(),
                local_authority=la or None,
                la_basis="GIAS LA (name)",
                postcode=row[GIAS_COLUMNS["postcode"]].strip() or None,
                town=row[GIAS_COLUMNS["town"]].strip() or None,
                district=district,
                area_code=area_for_la(la, district),
                **_mhst_fields(evidence.get(urn)),  # type: ignore[arg-type]
            )
        )
    return schools


# Words that say which stage a school is for. "loughborough college" (typed for a 17-year-old)
# matched Loughborough Church of England Primary School, the school keys being alike once the
# generic words go (a user trial, session 19): a stage said must not contradict the name's.
_STAGE_WORDS = {
    "primary": re.compile(r"\b(?:primary|infants?|juniors?|first school|nursery)\b"),
    "secondary": re.compile(r"\b(?:college|colleges|high|secondary|grammar|upper school|sixth form|6th form|senior)\b"),
}


def _stages(text: str) -> set[str]:
    clean = normalise(text)
    return {stage for stage, words in _STAGE_WORDS.items() if words.search(clean)}


# Old enough to have left primary school: a primary school found for them was not meant ("Epping",
# typed at the school question by an 18-year-old, was "Thanks. I found Epping Primary School": a user
# trial, session 44).
PAST_PRIMARY_AGE = 12


def too_old_for(school: SchoolRecord, age_min: int | None) -> bool:
    """Is someone of at least `age_min` too old for this school, a primary by its name?"""
    return age_min is not None and age_min >= PAST_PRIMARY_AGE and _stages(school.name) == {"primary"}


def _same_stage(typed: str, school: SchoolRecord) -> bool:
    said, named = _stages(typed), _stages(school.name)
    return not said or not named or bool(said & named)


# A school's name, then where it is ("beauchamp in oadby", "passmores academy harlow") or a
# filler ("soar valley innit").
_TRAILING_FILLER = re.compile(r"(?:\s+(?:innit|init|lol|tbh|mate|x+))+$")
_PLACE_WORDS = frozenset({"in", "at", "near", "by", "of"})


class SchoolMatcher:
    def __init__(self, schools: Iterable[SchoolRecord]):
        self._by_key: dict[str, list[SchoolRecord]] = defaultdict(list)
        self._ours_by_short_key: dict[str, list[SchoolRecord]] = defaultdict(list)
        self._by_urn: dict[int, SchoolRecord] = {}
        for school in schools:
            self._by_urn[school.urn] = school
            key = school_key(school.name)
            if key:
                self._by_key[key].append(school)
            short = short_school_key(school.name)
            if short and short != key and school.area_code in AREA_CODES:
                self._ours_by_short_key[short].append(school)
        self._keys = list(self._by_key)
        # Misspelt names are looked for among ours only: "wrexham" was Wexham School, Slough (a
        # user trial, session 49); a school elsewhere is found by its name as it is
        self._our_keys = [key for key, found in self._by_key.items() if any(school.area_code in AREA_CODES for school in found)]

    def by_urn(self, urn: int | str | None) -> SchoolRecord | None:
        """The school with this DfE number (a slot keeps it as text), or None."""
        try:
            return self._by_urn.get(int(str(urn))) if urn not in (None, "") else None
        except ValueError:
            return None

    def match(self, text: str, area_code: str | None = None, fuzzy: bool = True, age_min: int | None = None) -> SchoolRecord | None:
        """The one school the text names, or None when no school or several fit. A place after the
        name ("beauchamp in oadby", "passmores academy harlow") must be the school's own. With
        `fuzzy=False`, only a name as it is known (for a plain answer: services_db/school_answer.py).
        With `age_min`, the pupil's age: a primary school by its name is no school of 12-year-olds."""
        found = self._match(text, area_code, fuzzy=fuzzy, age_min=age_min)
        if found is not None:
            return found
        key = school_key(text).split()
        if len(key) >= 2 and key[-1] == "high":
            # "castle rock high" is The Castle Rock School (development author D12): "high" said
            # as people call a secondary school, when the name without it is one school's exactly
            found = self._match(" ".join(key[:-1]), area_code, fuzzy=fuzzy, age_min=age_min)
            # a secondary school only: "central high" is not Central Primary (the review)
            if found is not None and school_key(found.name) == " ".join(key[:-1]) and _same_stage(text, found):
                return found
        typed = normalise(text).split()
        words = _TRAILING_FILLER.sub("", " ".join(typed)).split()
        for size in (0, 1, 2):  # the last one or two words a place
            name, place = words[: len(words) - size], " ".join(words[len(words) - size :])
            while name and name[-1] in _PLACE_WORDS:
                name = name[:-1]
            # With a place after it, a name may be the school's first words ("st marks in harlow")
            school = (self._match(" ".join(name), area_code, first_words=bool(place), fuzzy=fuzzy, age_min=age_min)
                      if name and name != typed else None)
            # a place is never a generic word: "harlow college" is not Harlow Fields School and
            # College (a user trial, session 49: the colleges are not in the sourced school list)
            if school and (not place or (school_key(place) and in_its_place(place, school))):
                return school
        return None

    def _match(
        self, text: str, area_code: str | None, first_words: bool = False, fuzzy: bool = True, age_min: int | None = None,
    ) -> SchoolRecord | None:
        key = school_key(text)
        if len(key) < 3:
            return None
        candidates = list(self._by_key.get(key, []))
        if not any(school.area_code in AREA_CODES for school in candidates):
            # "cobden primary": one of ours whose name joins more to it, before a namesake elsewhere
            candidates += self._ours_by_short_key.get(key, [])
        if not candidates and fuzzy:
            found = process.extractOne(key, self._our_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            candidates = self._by_key[found[0]] if found else []
        if first_words and not any(school.area_code in AREA_CODES for school in candidates):
            candidates = [*candidates, *self._named_first(key)]
        candidates = [school for school in candidates if _same_stage(text, school) and not too_old_for(school, age_min)]
        if len(candidates) > 1:
            # "rushey mead academy": Rushey Mead Academy, not also Rushey Mead Primary School (a user
            # trial, session 46: neither was found) - the words typed that the key leaves out
            typed = set(normalise(text).split()) - set(key.split())
            named = [school for school in candidates if typed <= set(normalise(school.name).split())]
            candidates = named or candidates
        if len(candidates) > 1 and area_code:
            candidates = [school for school in candidates if school.area_code == area_code] or candidates
        if len(candidates) > 1:
            # One of ours among namesakes elsewhere in England: most likely the one meant.
            ours = [school for school in candidates if school.area_code in AREA_CODES]
            candidates = ours if len(ours) == 1 else candidates
        return candidates[0] if len(candidates) == 1 else None

    def _named_first(self, key: str) -> list[SchoolRecord]:
        """Schools in our areas whose name starts with the typed words, for a name with its place
        after it: "st marks in harlow" is St Mark's West Essex Catholic School (development authors
        D1, D9). Never alone: "st albans" is a town before it is St Albans Girls' School."""
        if len(key) < MIN_FIRST_WORDS:
            return []
        return [
            school for name in self._keys if name.startswith(key + " ")
            for school in self._by_key[name] if school.area_code in AREA_CODES
        ]


def in_its_place(place: str, school: SchoolRecord) -> bool:
    """Is `place` (normalised) the school's own town, district or a word of its name, or a short form
    of its town ("ashlyns in berko" is Ashlyns School, Berkhamsted: development author D11)?"""
    where = normalise(f"{school.town or ''} {school.district or ''} {school.name}")
    return place in where or any(full in where for full in short_form_names().get(place, ()))
