"""Turn what a user typed about where they live into an area code.

Order: "somewhere else" → full postcode (by sector) → outward code → exact place
name → fuzzy place name (misspellings) → a town elsewhere in England → unknown.
Fuzzy matching never reads a phrase of everyday English words as a place ("hello" is not
Ellon), and prefers a place in our areas when one is nearly as close ("lester": Leicester).
Wales, Scotland and Northern Ireland are areas too (found by name or postcode): the
search then shows the UK-wide services that cover them and their own NHS urgent help.

A name or outward code that is in more than one area, or in one of ours and somewhere
else, is `ambiguous` and carries options to ask about, as town names people know
("Bishop's Stortford (Hertfordshire)", "Stansted Mountfitchet or Takeley (Essex)"). Each
option resolves to its own area when sent back: a county or nation word in the text
("Newport, Wales") settles which one is meant.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from services_db.places import AREA_WORDS, MINOR_KINDS, PLACES_DIR, AliasRow, cities_of_the_nations
from services_db.postcodes import find_postcode
from signposting.text import normalise
from signposting.vocabulary import AREA_CODES, AREA_NAMES, NATIONAL, NATIONS

FUZZY_CUTOFF = 80
FUZZY_MIN_LENGTH = 5
# A longer phrase this close to a known name beats an exact match inside it:
# "hemell hempstead" is Hemel Hempstead, not the village of Hempstead.
FUZZY_OVERRIDE = 88
# ...and beats a village or ward of ours (a minor name) from this close: "saffron walled in" is
# Saffron Walden (86), not the Saffron ward of Leicester (development author D3, session 25).
FUZZY_OVERRIDE_MINOR = 85
# A place in our areas this close to the best match elsewhere wins: "lester" is Leicester
# (80), not Alcester (86). Someone typing to this bot most likely lives in our areas.
OURS_MARGIN = 6
FUZZY_CANDIDATES = 20
JOINED_MIN_LENGTH = 6
EVERYDAY_WORDS_FILE = PLACES_DIR / "everyday_words.txt"
# "outside" alone or before "these", "the area"...; "just outside Melton" names a place.
ELSEWHERE = re.compile(
    # "Stevenage – sorry, Knebworth, just outside." is near Knebworth (development author D13), not elsewhere
    r"\b(somewhere else|some where else|elsewhere|(?<!\w just )outside(?=$)|outside(?= (of )?(these|them|those|your|ur|the|any|all)\b)|"
    r"not (in|near) (any of )?(these|them|those)|none of (these|them|those)|other area|another area)\b"
)
# County and city words that a town or village named beside them makes more exact.
BROAD_NAMES = frozenset({*AREA_WORDS, "leicester", "essex", "herts", "leics", "hertfordshire", "leicestershire"})
# What may come between a county or city word and the more exact place beside it: "leicester (oadby)",
# "near leicester, in blaby", "leicester, well oadby really" (development author D10).
_GAPS_BESIDE: tuple[list[str], ...] = ([], ["in"], ["well"], ["well", "in"], ["actually"], ["technically"], ["well", "actually"])
# Counties elsewhere in England, said beside a town name ours shares ("stamford, lincs").
OTHER_COUNTIES = re.compile(
    r"\b(?:lincs|lincolnshire|notts|nottinghamshire|northants|northamptonshire|cambs|cambridgeshire|beds|bedfordshire|"
    r"bucks|buckinghamshire|warks|warwickshire|derbyshire|staffs|staffordshire|suffolk|norfolk|kent|surrey|middlesex|"
    r"london|greater london|south essex|north essex|mid essex)\b"
)
# Words that are never place names on their own, so that fuzzy matching can't turn
# "i live in" into a town.
STOP_WORDS = frozenset(
    "i im i m live living in near at the a from by around to of we my our is it and "
    "just outside close next we re were town city village".split()
)
# A village or ward name said in passing counts only after one of these ("we live in
# Wing") or as the whole answer: "the new wing" or "my friend Heather" is not a place.
CUE = re.compile(
    r"\b(in|near|nr|from|at|around|live|lives|living|moved to|moving to|outside|meant|mean|by|"
    r"is|its|it s|how about|what about|try)$"
)
# Last words of street and estate names; a place elsewhere called this ("Street", Somerset)
# is not meant when another word comes before it.
STREET_WORDS = frozenset("street road lane avenue close way green end hill hills park common fields field cross".split())
# Before a place named beside a shared postcode district: where the child or the speaker lives.
_LIVES_THERE = re.compile(
    r"(?:(?:yes|yeah|ok|okay|hi|so|well|um) )*"
    r"(?:(?:(?:the )?(?:patient|pt|client|child|pupil|student|young person|yp|family|he|she|they|i|we) )?"
    # "Pt resides in Harlow CM19" (development author D13)
    r"(?:lives|live|living|is living|are living|stays|stay|staying|is based|are based|based|resides|reside|residing|"
    r"is resident|resident)(?: (?:in|at|near|around))?"
    r"|(?:i m|im|i am|we re|were|we are|he s|hes|she s|shes|they re|theyre) (?:from|based in|in|living in)|from|in)"
)
# After a name, these make it a road's ("narborough road", "london rd"), not where someone lives,
# when another place is named; a subset of STREET_WORDS, whose others ("green", "end", "hill")
# end many place names.
ROAD_WORDS = frozenset("road rd street lane avenue ave drive crescent".split())
# "nuneaton, near hinckley", "luton but near harpenden": where they live, then a place of ours
# they live near (development authors D1, D20): the town they live in.
NEAR_WORDS = (("near",), ("nr",), ("close", "to"), ("next", "to"), ("not", "far", "from"))
_BETWEEN_A_TOWN_AND_NEAR = frozenset({"but", "just", "right", "really", "very", "quite", "its", "it", "s", "is"})
FILLER = STOP_WORDS | frozenset("please thanks thank you yes yeah yep ok okay its it s actually sorry".split())
COMPETITOR = "england_town"
INWARD_CODE = re.compile(r"\d[a-z]{2}")  # the second half of a full postcode ("9xx"), normalised


@dataclass(frozen=True)
class AreaResolution:
    status: str  # found | ambiguous | outside | unknown
    area_code: str | None = None  # AREA_CODES, NATIONS or "national"
    place: str | None = None  # what we understood, for the reply ("Stevenage", "LE2")
    options: tuple[str, ...] = field(default_factory=tuple)  # for `ambiguous`: places to pick from
    how: str = ""  # postcode | outward_code | name | fuzzy | england_town | elsewhere

    @property
    def area_label(self) -> str:
        return AREA_NAMES.get(self.area_code or "", "England")

    @property
    def nation(self) -> str | None:
        """'wales' | 'scotland' | 'northern_ireland' when the place is in one of them."""
        return self.area_code if self.area_code in NATIONS else None


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    gram: str
    score: float = 100.0  # for a fuzzy match: how close the typed words were
    joined: bool = False  # the answer's words run together (`_joined_span`)


def _joined_span(words: list[str]) -> _Span | None:
    """The answer's words run together, as voice typing splits a name ("rick mans worth",
    "oak ham", "wig stun"): tried first, as one span over the whole answer."""
    kept = [i for i, word in enumerate(words) if word not in FILLER]
    if not kept or not 2 <= kept[-1] - kept[0] + 1 <= 4:
        return None
    gram = "".join(words[kept[0] : kept[-1] + 1])  # "up in ham": Uppingham
    return _Span(kept[0], kept[-1] + 1, gram, joined=True) if len(gram) >= JOINED_MIN_LENGTH else None


def _spans(words: list[str], max_n: int = 5) -> list[_Span]:
    """Every word n-gram with its position, longest first, then left to right."""
    spans = []
    for size in range(min(max_n, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            gram = " ".join(words[start : start + size])
            if not set(gram.split()) <= STOP_WORDS:
                spans.append(_Span(start, start + size, gram))
    return spans


class Gazetteer:
    def __init__(self, rows: Iterable[AliasRow]):
        self._by_alias: dict[str, list[AliasRow]] = defaultdict(list)
        for row in rows:
            self._by_alias[row.alias].append(row)
        # Our places and every place elsewhere compete, so a misspelling is matched to the
        # nearest real place, not forced onto one of ours.
        self._names = [
            alias
            for alias, entries in self._by_alias.items()
            if any(entry.kind not in ("outward_code", "sector") for entry in entries)
        ]
        self._ours = {
            alias for alias in self._names if any(entry.area_code in AREA_CODES for entry in self._by_alias[alias])
        }

    def resolve(self, text: str, fuzzy: bool = True) -> AreaResolution:
        """Resolve free text; `fuzzy=False` accepts only exact names and postcodes, and
        village names only after "in", "near"… (used when the user was not asked about
        their area)."""
        words = normalise(text).split()
        postcode = find_postcode(text)
        if postcode is not None:
            if postcode.sector and self._by_alias.get(normalise(postcode.sector)):
                return self._from_entries(
                    self._by_alias[normalise(postcode.sector)][:1], postcode.outward, "postcode", words
                )
            entries = self._by_alias.get(normalise(postcode.outward), [])
            if entries:
                resolution = self._from_entries(entries, postcode.outward, "outward_code", words)
                if resolution.status == "ambiguous":
                    return self._settled_by_a_name(resolution, entries, words, postcode.outward)
                return resolution
            return AreaResolution("outside", NATIONAL, postcode.outward, how="outward_code")
        if ELSEWHERE.search(" ".join(words)):
            return AreaResolution("outside", NATIONAL, None, how="elsewhere")

        # A name right after "not" is where they are not ("Chelmsford – I know that's not West
        # Essex": development author D13), neither exactly nor as a guess.
        spans = _without_names_said_not(_spans(words), words, self._by_alias)
        spans = _without_places_of_study(spans, words, self._by_alias)
        joined = _joined_span(words)
        if joined is not None and " ".join(words[joined.start : joined.end]) not in self._by_alias:
            spans.insert(0, joined)  # "new quay" is a name as it is: not Newquay
        elsewhere: list[_Span] = []  # longer names of places elsewhere ("Newport Pagnell")
        for span in spans:
            entries = self._by_alias.get(span.gram, [])
            ours = [e for e in entries if e.kind != COMPETITOR]
            if not ours:
                if entries and span.joined:  # "brid lington" is Bridlington, not a village of ours
                    return AreaResolution("outside", NATIONAL, entries[0].display_name, how="england_town")
                if entries:
                    elsewhere.append(span)
                continue
            if any(other.start <= span.start and span.end <= other.end for other in elsewhere):
                continue
            if span.end < len(words) and words[span.end] in ROAD_WORDS and self._another_place_named(spans, span, words):
                continue  # "Narborough Road, Leicester" is a road in Leicester (development author D10)
            if not fuzzy and all(e.kind in MINOR_KINDS for e in ours) and not _said_as_place(words, span) \
                    and not self._before_its_postal_town(spans, span, ours):
                continue
            if fuzzy:
                around = [o for o in spans if o.start <= span.start and span.end <= o.end and o != span]
                longer = self._fuzzy(around, words)
                if longer is not None and longer.score >= self._override(longer, ours, words) and longer.gram != span.gram:
                    return self._fuzzy_resolution(longer, words)
            if span.gram in BROAD_NAMES and (beside := self._place_beside(spans, span, words, fuzzy)) is not None:
                return beside  # "brentwood essex", "leicester (oadby)": the place, not the county or city
            if (town := self._town_elsewhere_before_near(spans, span, words)) is not None:
                return AreaResolution("outside", NATIONAL, town, how="england_town")
            if any(e.kind == COMPETITOR for e in entries) and _county_elsewhere_beside(words, span):
                # "stamford, lincs": the town of that county, not the villages of ours with its post town
                return AreaResolution("outside", NATIONAL, entries[0].display_name, how="england_town")
            return self._from_entries(entries, ours[0].display_name, "name", words, span)
        if fuzzy:
            best = self._fuzzy(spans, words)
            if best is not None and not self._a_guess_at_a_village_in_another_nation(best, words):
                return self._fuzzy_resolution(best, words)
        for span in spans:
            # Only a place elsewhere is "outside": a village of ours not said as a place
            # ("how about Wing") is not a place in someone else's area.
            elsewhere_entries = [e for e in self._by_alias.get(span.gram, []) if e.kind == COMPETITOR]
            if span.gram in STREET_WORDS and span.start > 0 and words[span.start - 1] not in FILLER:
                continue  # "potter street" is a street or an estate, not the town of Street
            if elsewhere_entries and not any(e.kind != COMPETITOR for e in self._by_alias.get(span.gram, [])):
                return AreaResolution("outside", NATIONAL, elsewhere_entries[0].display_name, how="england_town")
        return AreaResolution("unknown")

    def _before_its_postal_town(self, spans: list[_Span], village: _Span, ours: list[AliasRow]) -> bool:
        """A village of ours right before the town elsewhere that is its postal town, as in an
        address ("bottesford, nottingham", "barwell nuneaton"): the village (the review, session 43).
        Such a town's row elsewhere keeps the district of ours whose villages it serves
        (services_db.places.all_aliases)."""
        districts = {e.district for e in ours if e.district}
        return any(
            span.start == village.end
            and any(e.kind == COMPETITOR and e.district in districts for e in self._by_alias.get(span.gram, []))
            for span in spans
        )

    def _town_elsewhere_before_near(self, spans: list[_Span], ours: _Span, words: list[str]) -> str | None:
        """The town elsewhere named before "near" and a place of ours ("nuneaton, near hinckley"):
        the place of ours is only what it is near. A county or nation word is no such town ("herts
        near luton" names ours first, and is not this)."""
        near = next((n for n in NEAR_WORDS if tuple(words[max(0, ours.start - len(n)) : ours.start]) == n), None)
        if near is None:
            return None
        near_at = ours.start - len(near)
        for span in spans:
            if span.end > near_at or span.joined or len(span.gram) < FUZZY_MIN_LENGTH:
                continue
            # right before it: "nuneaton, near hinckley", "luton but near harpenden"; never a town
            # told of for something else ("my dad lives in luton, we live near hitchin", "moved from
            # nuneaton to near hinckley", "born in peterborough, now live near oakham": the review)
            if any(word not in _BETWEEN_A_TOWN_AND_NEAR for word in words[span.end : near_at]):
                continue
            if span.gram in STOP_WORDS or is_everyday(span.gram):
                continue
            entries = self._by_alias.get(span.gram, [])
            if entries and all(e.kind == COMPETITOR for e in entries):
                return entries[0].display_name
        return None

    def _another_place_named(self, spans: list[_Span], road: _Span, words: list[str]) -> bool:
        """Is a place of ours named outside the road's name ("Narborough Road, Leicester")? Said
        alone, "harlow road" is still Harlow (the review)."""
        return any(
            (span.end <= road.start or span.start > road.end)
            and not (span.end < len(words) and words[span.end] in ROAD_WORDS)
            and any(e.kind != COMPETITOR for e in self._by_alias.get(span.gram, []))
            and span.gram not in STOP_WORDS and not is_everyday(span.gram)
            for span in spans
        )

    @staticmethod
    def _override(longer: _Span, ours: list[AliasRow], words: list[str]) -> float:
        """How close a longer phrase must be to a known name to beat an exact name inside it: less
        close for a village or ward, when the name has as many words as the phrase, filler aside
        ("saffron walled" is Saffron Walden; "glenfield its" is Glenfield, not Glenfields, and "in
        langley" is not Kings Langley)."""
        said = [word for word in words[longer.start : longer.end] if word not in FILLER]
        same_length = len(longer.gram.split()) == len(said) == longer.end - longer.start
        if same_length and all(e.kind in MINOR_KINDS for e in ours):
            return FUZZY_OVERRIDE_MINOR
        return FUZZY_OVERRIDE

    def _place_beside(self, spans: list[_Span], broad: _Span, words: list[str], fuzzy: bool) -> AreaResolution | None:
        """A town or place named right beside a county or city word ("leicester (oadby)",
        "brentwood essex", "near leicester, in blaby"): the more exact name settles the area
        (development author D4, session 22). Only a name next to it, never a road ("leicester,
        hinckley road"), and a place elsewhere only beside "essex", which names more than ours
        ("herts near luton" stays Hertfordshire). A name in the broad word's own area keeps it
        ("leicester, knighton")."""
        for span in spans:
            gap = words[span.end : broad.start] if span.end <= broad.start else words[broad.end : span.start]
            if span.end > broad.start and span.start < broad.end or gap not in _GAPS_BESIDE or span.gram in BROAD_NAMES:
                continue
            if len(span.gram) < FUZZY_MIN_LENGTH or span.gram in STOP_WORDS or is_everyday(span.gram):
                continue
            if span.end < len(words) and words[span.end] in STREET_WORDS | {"rd", "st"}:
                continue
            entries = self._by_alias.get(span.gram, [])
            ours = [e for e in entries if e.kind != COMPETITOR]
            if ours and not fuzzy and all(e.kind in MINOR_KINDS for e in ours) and not _said_as_place(words, span):
                continue
            broad_areas = {e.area_code for e in self._by_alias.get(broad.gram, []) if e.kind != COMPETITOR}
            if ours and broad_areas & {e.area_code for e in ours}:
                return self._from_entries(
                    [e for e in ours if e.area_code in broad_areas], ours[0].display_name, "name", words, span
                )
            if ours:
                return self._from_entries(entries, ours[0].display_name, "name", words, span)
            if entries and broad.gram == "essex":
                return AreaResolution("outside", NATIONAL, entries[0].display_name, how="england_town")
        return None

    def _settled_by_a_name(
        self, resolution: AreaResolution, entries: list[AliasRow], words: list[str], outward: str
    ) -> AreaResolution:
        """A district shared by areas, said with a place name that is in one of them ("cheshunt
        EN8"): that place's area, as the name is exact. Otherwise the question stands."""
        rest = [w for w in words if w != normalise(outward) and not INWARD_CODE.fullmatch(w) and w not in FILLER]
        if not rest or _NOT & set(rest) or "or" in rest:
            return resolution  # "cm20 not harlow", "cm20 harlow or sawbridgeworth": the question stands
        # The name alone, or last after living there ("Patient lives in Cheshunt, EN8": development
        # author D10); never someone else's place ("cm20 my dad lives in sawbridgeworth": the review),
        # so the words before it are read as typed, "my" and all.
        said = [w for w in words if w != normalise(outward) and not INWARD_CODE.fullmatch(w)]
        while said and said[-1] in FILLER:
            said.pop()
        for size in range(len(said), 0, -1):
            name, before = " ".join(said[-size:]), " ".join(said[:-size])
            if name in self._by_alias:
                break
        else:
            return resolution
        if before and not _LIVES_THERE.fullmatch(before):
            return resolution
        named = self.resolve(name, fuzzy=False)
        if named.status == "found" and named.area_code in {e.area_code for e in entries}:
            return named
        return resolution

    def _fuzzy(self, spans: list[_Span], words: list[str]) -> _Span | None:
        """The known name closest to any span (its score in `score`), or None."""
        matched: list[_Span] = []
        for span in spans:
            if len(span.gram) < FUZZY_MIN_LENGTH or is_everyday(span.gram) or _everyday_plural(span.gram):
                continue
            if span.joined:
                continue  # run together, only an exact name counts (the exact loop): "wig stun" is not guessed
            match = self._closest(span.gram)
            if match:
                matched.append(_Span(span.start, span.end, match[0], match[1]))
        if not matched:
            return None
        best = max(matched, key=lambda m: m.score)
        if best.gram in self._ours:
            return best
        # A longer phrase close to one of ours beats a place elsewhere inside it, with the
        # margin we give ours: "welling garden city" is Welwyn Garden City, not Welling.
        around = [
            m for m in matched
            if m.start <= best.start and best.end <= m.end and (m.start, m.end) != (best.start, best.end)
            and m.gram in self._ours and m.score >= FUZZY_OVERRIDE - OURS_MARGIN
            and _adds_a_word(words, m, best)  # "in ascot" is not Nascot
        ]
        return max(around, key=lambda m: (m.end - m.start, m.score)) if around else best

    def _closest(self, gram: str) -> tuple[str, float] | None:
        """The closest known name, preferring a place in our areas within OURS_MARGIN."""
        matches = process.extract(gram, self._names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=FUZZY_CANDIDATES)
        if not matches:
            return None
        best = matches[0]
        if best[1] >= 100:
            return best[0], best[1]  # an exact name ("bridlington") is that place, not one of ours nearby
        ours = next((match for match in matches if match[0] in self._ours), None)
        if ours is not None and ours[1] >= best[1] - OURS_MARGIN:
            return ours[0], ours[1]
        return best[0], best[1]

    def _a_guess_at_a_village_in_another_nation(self, best: _Span, words: list[str]) -> bool:
        """A guess at a village in Wales, Scotland or Northern Ireland from part of the answer, with
        other words left over: "low burra" (Loughborough typed by sound: development author D3) was
        Barra, and a Leicestershire child got Scotland's services. Such a guess is no answer."""
        left_over = [word for i, word in enumerate(words) if not best.start <= i < best.end and word not in FILLER]
        # never a city ("glasgw city centre", "bellfast north", "im 15 in edinburg": the review, session 44)
        return bool(left_over) and best.gram not in _nation_cities() and all(
            entry.kind == "nation_place" for entry in self._by_alias[best.gram]
        )

    def _fuzzy_resolution(self, best: _Span, words: list[str]) -> AreaResolution:
        entries = self._by_alias[best.gram]
        ours = [e for e in entries if e.kind != COMPETITOR]
        if ours:
            return self._from_entries(entries, ours[0].display_name, "fuzzy", words, best)
        return AreaResolution("outside", NATIONAL, entries[0].display_name, how="england_town")

    @staticmethod
    def _from_entries(
        entries: list[AliasRow], place: str, how: str, words: list[str], span: _Span | None = None
    ) -> AreaResolution:
        # A district or county name settles a name that is also a multi-district town ("Leicester").
        authoritative = [e for e in entries if e.kind in ("district", "county", "nation")]
        if authoritative:
            entries = authoritative
        named = _areas_named(words, span)
        if named & {e.area_code for e in entries}:
            entries = [e for e in entries if e.area_code in named]
        ruled_out = _areas_named(words, span, negated=True)  # "newport, the one in essex not wales"
        if ruled_out and {e.area_code for e in entries} - ruled_out:
            entries = [e for e in entries if e.area_code not in ruled_out]
        areas = list(dict.fromkeys(e.area_code for e in entries))
        if len(areas) == 1:
            status = "outside" if areas[0] == NATIONAL else "found"
            return AreaResolution(status, areas[0], place, how=how)
        ordered = [a for a in areas if a in AREA_CODES] + [a for a in areas if a in NATIONS]
        options = [
            next((e.option_label for e in entries if e.area_code == area and e.option_label), AREA_NAMES[area])
            for area in ordered
        ]
        if NATIONAL in areas:
            options.append("Somewhere else in England" if any(a in NATIONS for a in areas) else "Somewhere else")
        return AreaResolution("ambiguous", None, place, options=tuple(dict.fromkeys(options)), how=how)


def _county_elsewhere_beside(words: list[str], span: _Span) -> bool:
    """A county elsewhere right after the name ("stamford, lincs"), and none of ours said anywhere."""
    after = " ".join(words[span.end : span.end + 2])
    ours_said = any(word in BROAD_NAMES and not _only_beside(words, i) for i, word in enumerate(words))
    return bool(OTHER_COUNTIES.match(after)) and not ours_said


def _only_beside(words: list[str], position: int) -> bool:
    """Is the county at `position` only what the place is beside: "right on the rutland border",
    "near rutland" (development author D4: "stamford, lincs, right on the rutland border" was Rutland)?"""
    before, after = words[max(0, position - 2) : position], words[position + 1 : position + 2]
    return after in (["border"], ["borders"]) or before[-1:] in (["near"], ["nr"]) or before in (["close", "to"], ["next", "to"])


def _adds_a_word(words: list[str], longer: _Span, inner: _Span) -> bool:
    """Does the longer span have a word of its own besides filler ("garden" in "welling garden city")?"""
    extra = words[longer.start : inner.start] + words[inner.end : longer.end]
    return any(word not in FILLER for word in extra)


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """English words too common to be a misspelt place (scripts/build_everyday_words.py)."""
    lines = EVERYDAY_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_everyday(gram: str) -> bool:
    """Is every word an everyday word ("hello", "good morning")? Then it is never fuzzy-matched."""
    words = everyday_words()
    return all(word in words or word in STOP_WORDS for word in gram.split())


@lru_cache(maxsize=1)
def _nation_cities() -> frozenset[str]:
    return cities_of_the_nations()


def _everyday_plural(gram: str) -> bool:
    """Is every word an everyday word or its plural? Never guessed at: "lots of meltdowns after
    school", typed at "Which is closest?", was Melton (a user trial, session 44). For guesses only:
    an exact name ("Wells") is still a place."""
    words = everyday_words()
    return all(
        word in words or word in STOP_WORDS or (word.endswith("s") and (word[:-1] in words or (word.endswith("es") and word[:-2] in words)))
        for word in gram.split()
    )


def _said_as_place(words: list[str], span: _Span) -> bool:
    """Is the name introduced as a place ("we live in Wing"), or the whole answer?"""
    before = " ".join(words[max(0, span.start - 2) : span.start])
    if CUE.search(before):
        return True
    rest = words[: span.start] + words[span.end :]
    return all(word in FILLER for word in rest)


# Before a county or nation word, these rule it out: "newport, not the welsh one", "bangor not wales",
# "newport, not the one in wales", "isnt in wales" (the review, session 29), with only these words between.
_NOT = frozenset({"not", "nt", "isnt", "never"})
_BETWEEN_NOT_AND_THE_NAME = frozenset({"the", "one", "ones", "in", "from", "of", "that"})


def _without_names_said_not(spans: list[_Span], words: list[str], names: Mapping[str, object]) -> list[_Span]:
    """The spans, less any known name said right after "not" and every span overlapping one
    ("essex" in "not west essex") or holding the "not" itself ("not harlow" is not a guess at Old
    Harlow). "im not sure, harlow" is still Harlow: "sure" is no name."""
    negated = [span for span in spans if span.gram in names and _said_not(words[: span.start])]
    return [
        span for span in spans
        if not _NOT & set(words[span.start : span.end])
        and not any(span.start < other.end and other.start < span.end for other in negated)
    ]


# Before a place: where someone studies or works, not where they live ("20, at uni in glasgow but
# home is hitchin", "live in luton but go to school in harpenden": development authors D17, D18).
_STUDY_OR_WORK = frozenset({
    ("uni", "in"), ("university", "in"), ("college", "in"), ("school", "in"), ("study", "in"), ("studying", "in"),
    ("studies", "in"), ("work", "in"), ("works", "in"), ("working", "in"), ("job", "in"), ("placement", "in"),
})


def _without_places_of_study(spans: list[_Span], words: list[str], names: Mapping[str, object]) -> list[_Span]:
    """The spans, less the places named as where someone studies or works and every span
    overlapping one, when another known name is left: the other is where they live. Said alone
    ("at uni in swansea") the place stands."""
    studied = [span for span in spans if span.gram in names and tuple(words[max(0, span.start - 2) : span.start]) in _STUDY_OR_WORK]
    if not studied:
        return spans
    kept = [span for span in spans if not any(span.start < other.end and other.start < span.end for other in studied)]
    others = [span for span in kept if span.gram in names and span.gram not in STOP_WORDS and not is_everyday(span.gram)]
    return kept if others else spans


def _said_not(before: list[str]) -> bool:
    """Is the name right after a "not", with only `_BETWEEN_NOT_AND_THE_NAME` words between, or
    after "over the border from" ("Enfield, just over the border from Herts": development author D16)?"""
    if before[-4:-1] == ["over", "the", "border"] and before[-1] in ("from", "with", "of"):
        return True
    for position in range(len(before) - 1, -1, -1):
        if before[position] in _NOT:
            return True
        if before[position] not in _BETWEEN_NOT_AND_THE_NAME:
            return False
    return False
# Said of a nation as an adjective: "not the welsh one".
_NATION_ADJECTIVES = {"welsh": "wales", "scottish": "scotland", "scots": "scotland", "irish": "northern_ireland"}


def _areas_named(words: list[str], span: _Span | None, negated: bool = False) -> set[str]:
    """Areas named by a county or nation word outside the matched name ("Newport, Wales"); with
    `negated`, those ruled out ("newport, the one in essex not wales", "not the welsh one")."""
    named = set()
    for other in _spans(words, max_n=2):
        if span is not None and other.start < span.end and span.start < other.end:
            continue
        area = AREA_WORDS.get(other.gram) or (_NATION_ADJECTIVES.get(other.gram) if negated else None)
        if area is None:
            continue
        if _said_not(words[max(0, other.start - 4) : other.start]) == negated:
            named.add(area)
    return named
