"""Turn what a user typed about where they live into an area code.

Order: "somewhere else" → full postcode (by sector) → outward code → exact place
name → fuzzy place name (misspellings) → a town elsewhere in England → unknown.
An outward code or name that spans more than one area, or our area and somewhere
else, is `ambiguous` and carries the options to ask about: the bot asks one
follow-up question instead of guessing.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from services_db.places import AliasRow
from services_db.postcodes import find_postcode
from services_db.text import ngrams, normalise
from services_db.vocabulary import AREA_CODES, NATIONAL

FUZZY_CUTOFF = 80
FUZZY_MIN_LENGTH = 5
ELSEWHERE = re.compile(
    r"\b(somewhere else|some where else|elsewhere|outside|not (in|near) (any of )?(these|them|those)|"
    r"none of (these|them|those)|other area|another area|scotland|wales|northern ireland)\b"
)
# Words that are never place names on their own, so that fuzzy matching can't turn
# "i live in" into a town.
STOP_WORDS = frozenset(
    "i im i m live living in near at the a from by around to of we my our is it and "
    "just outside close next we re were town city village".split()
)


@dataclass(frozen=True)
class AreaResolution:
    status: str  # found | ambiguous | outside | unknown
    area_code: str | None = None
    place: str | None = None  # what we understood, for the reply ("Stevenage", "LE2")
    options: tuple[str, ...] = field(default_factory=tuple)  # for `ambiguous`: places to pick from
    how: str = ""  # postcode | outward_code | name | fuzzy | england_town | elsewhere

    @property
    def area_label(self) -> str:
        return AREA_CODES.get(self.area_code or "", "England")


class Gazetteer:
    def __init__(self, rows: Iterable[AliasRow]):
        self._by_alias: dict[str, list[AliasRow]] = defaultdict(list)
        for row in rows:
            self._by_alias[row.alias].append(row)
        # Our places and every English school town compete, so a misspelling is matched
        # to the nearest real place, not forced onto one of ours.
        self._names = [
            alias
            for alias, entries in self._by_alias.items()
            if any(entry.kind in ("town", "district", "county", "england_town") for entry in entries)
        ]

    def resolve(self, text: str, fuzzy: bool = True) -> AreaResolution:
        """Resolve free text; `fuzzy=False` accepts only exact names and postcodes
        (used when the user was not asked about their area)."""
        words = normalise(text).split()
        postcode = find_postcode(text)
        if postcode is not None:
            if postcode.sector and self._by_alias.get(normalise(postcode.sector)):
                return self._from_entries(
                    self._by_alias[normalise(postcode.sector)][:1], postcode.outward, "postcode"
                )
            entries = self._by_alias.get(normalise(postcode.outward), [])
            if entries:
                return self._from_entries(entries, postcode.outward, "outward_code")
            return AreaResolution("outside", NATIONAL, postcode.outward, how="outward_code")
        if ELSEWHERE.search(" ".join(words)):
            return AreaResolution("outside", NATIONAL, None, how="elsewhere")

        candidates = [gram for gram in ngrams(words) if not set(gram.split()) <= STOP_WORDS]
        for gram in candidates:
            entries = [e for e in self._by_alias.get(gram, []) if e.kind != "england_town"]
            if entries:
                return self._from_entries(entries, entries[0].display_name, "name")
        if fuzzy:
            best = self._fuzzy(candidates)
            if best is not None:
                entries = [e for e in self._by_alias[best] if e.kind != "england_town"]
                if entries:
                    return self._from_entries(entries, entries[0].display_name, "fuzzy")
                place = self._by_alias[best][0].display_name
                return AreaResolution("outside", NATIONAL, place, how="england_town")
        for gram in candidates:
            entries = self._by_alias.get(gram, [])
            if entries:
                return AreaResolution("outside", NATIONAL, entries[0].display_name, how="england_town")
        return AreaResolution("unknown")

    def _fuzzy(self, candidates: list[str]) -> str | None:
        best: tuple[float, str] | None = None
        for gram in candidates:
            if len(gram) < FUZZY_MIN_LENGTH:
                continue
            match = process.extractOne(gram, self._names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if match and (best is None or match[1] > best[0]):
                best = (match[1], match[0])
        return best[1] if best else None

    @staticmethod
    def _from_entries(entries: list[AliasRow], place: str, how: str) -> AreaResolution:
        # A district or county name settles a name that is also a multi-district town ("Leicester").
        authoritative = [e for e in entries if e.kind in ("district", "county")]
        if authoritative:
            entries = authoritative
        areas = {entry.area_code for entry in entries}
        if len(areas) == 1:
            area = areas.pop()
            status = "outside" if area == NATIONAL else "found"
            return AreaResolution(status, area, place, how=how)
        options = tuple(
            dict.fromkeys(
                entry.district or entry.display_name
                for entry in entries
                if entry.area_code != NATIONAL
            )
        )
        if NATIONAL in areas:
            options += ("Somewhere else",)
        return AreaResolution("ambiguous", None, place, options=options, how=how)
