"""The service search: a pure function of the request and the time.

Ranking rules (each is tested in tests/test_query.py):
1. Age must fit: a service whose age range does not overlap the user's is never shown.
   A service whose source states no upper age, and does not say it has none, is for
   children as far as we know: up to UNSTATED_MAX_AGE (18). Unknown age ("don't know")
   does not filter: the search widens.
2. Area: services for the user's area, and national ones. Outside our areas (or area
   unknown) → national services only, and the result says no local service was used.
   Wales, Scotland, Northern Ireland → only services that say they cover that nation
   (UK-wide lines and the nation's own NHS urgent help, which is always included).
3. Concern: services tagged with the concern, or that help with anything ("any"), or,
   for everyday worries, whose source describes general emotional wellbeing support.
   A specific match ranks above a general one. Unknown concern does not filter.
   Worries with help of their own (TOPIC_CONCERNS: grief, young carers...): a service for
   that worry ranks above any general one, even a local one. Worries beyond mental health
   (BEYOND_MENTAL_HEALTH: bed-wetting...): of the "any" services only the general routes
   (early help, information) are offered, and never as "it helps with <worry>".
4. Who is asking: young people see services they may use; parents and carers also see
   services for parents (at least one is always included when one fits); professionals
   see everything, including practitioner resources.
5. Local before national; early help before specialist services for everyday worries
   (crisis lines lead only for crisis concerns: they are in every reply's crisis text anyway).
6. A school with a Mental Health Support Team → "ask your school's mental health lead"
   (via_school) services first; when the school list names who provides the team, only
   that organisation's. Someone of 16 or more not at school or college never sees a service
   reached only through one (a user trial, session 47: a 17-year-old who had left school was told
   to ask "your school's mental health lead"). Younger, "not at school" is often a child still on a
   school's roll (refusing, excluded for a while), whom the school can still refer (the review).
7. For young people, services they can contact themselves before ones needing a referral.
8. Services only for a specific group (e.g. autism) rank last; stale details rank lower.
   One only for a group and reached only through a school (the SEND Mental Health Support
   Team, in special schools) is shown only when the user's school is known to have that
   organisation's team: its source says only those schools can refer.
9. Closed now ranks lower (hours are always shown), and when nothing in the list is
   open now, the best open 24/7 option replaces the last entry: it is never hidden.
10. For someone 18 or older, a service that ends within two years of their age (or whose source
   states no upper age, taken as 18) ranks below one that goes on.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from services_db.opening import london_clock, open_state
from services_db.seed import ServiceRecord
from signposting.vocabulary import (
    ANY_CONCERN,
    AREA_CODES,
    BEYOND_MENTAL_HEALTH,
    CONCERNS,
    CRISIS_CONCERNS,
    EVERYDAY_CONCERNS,
    GENERAL_ROUTE_LEVELS,
    GENERAL_WELLBEING,
    NATIONAL,
    NATIONS,
    NO_MAX_AGE,
    SELF_ACCESS_ROUTES,
    TOPIC_CONCERNS,
    UNSTATED_MAX_AGE,
)

DEFAULT_LIMIT = 3
_LEVEL_SCORES = {"early_help": 30.0, "information": 10.0, "specialist": 0.0, "crisis": 0.0}


@dataclass(frozen=True)
class SearchRequest:
    role: str | None = None  # young_person | parent_carer | professional
    age_min: int | None = None
    age_max: int | None = None
    area_code: str | None = None  # AREA_CODES or NATIONS; None or "national" = national only
    concern: str | None = None  # one of CONCERNS; None or "other" = any
    school_has_mhst: bool | None = None  # None = school unknown
    school_team: str | None = None  # who provides the school's team, as its source names them (mhst_provider)
    not_at_school: bool = False  # said they are not at school or college (rule 6)
    exclude_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    service: ServiceRecord
    score: float
    local: bool
    open_now: bool | None
    reasons: tuple[str, ...] = field(default_factory=tuple)
    specific: bool = False  # its source names the worry asked about (not only "any")


@dataclass(frozen=True)
class SearchResult:
    matches: tuple[Match, ...]
    local_area: str | None  # area code searched, None when national only
    local_found: bool  # at least one local service is in the matches
    more_available: bool
    nation: str | None = None  # wales | scotland | northern_ireland: not England

    @property
    def specific_found(self) -> bool:
        """At least one match's source names the worry asked about."""
        return any(match.specific for match in self.matches)

    @property
    def local_specific_found(self) -> bool:
        return any(match.specific and match.local for match in self.matches)


@dataclass(frozen=True)
class _Features:
    """What the ranking needs of a service, worked out once per directory."""

    service: ServiceRecord
    areas: frozenset[str]
    audiences: frozenset[str]
    concerns: frozenset[str]
    min_age: int
    max_age: int
    self_access: bool
    via_school: bool
    only_via_school: bool  # reached only through a school or college (rule 6)
    only_at_team_schools: bool  # for a group, and reached only through a school (rule 8)
    for_parents: bool
    has_24_7: bool
    static_score: float  # level, specialist, stale, 24/7: the parts that never change


def upper_age(service: ServiceRecord) -> int:
    """The oldest age a service is offered to (rule 1)."""
    if service.max_age is not None:
        return service.max_age
    return NO_MAX_AGE if service.no_upper_age else UNSTATED_MAX_AGE


def _features(service: ServiceRecord) -> _Features:
    routes = set(service.access_routes)
    has_24_7 = any(contact.open_24_7 for contact in service.contacts)
    static = _LEVEL_SCORES[service.level]
    static -= SPECIALIST_PENALTY if service.specialist else 0
    static -= 10 if service.stale_risk == "high" else 0
    static += 5 if has_24_7 else 0
    return _Features(
        service=service,
        areas=frozenset(service.areas),
        audiences=frozenset(service.audiences),
        concerns=frozenset(service.concerns),
        min_age=service.min_age if service.min_age is not None else 0,
        max_age=upper_age(service),
        self_access=bool(SELF_ACCESS_ROUTES & routes),
        via_school="via_school" in routes,
        only_via_school=routes == {"via_school"},
        only_at_team_schools=bool(service.specialist) and routes == {"via_school"},
        for_parents="parent_carer" in service.audiences,
        has_24_7=has_24_7,
        static_score=static,
    )


class ServiceIndex:
    """The services, with their ranking features and grouped by area, so that a search
    looks only at services for the user's area and the national ones."""

    def __init__(self, services: Sequence[ServiceRecord]):
        self.services = tuple(services)
        by_area: dict[str, list[_Features]] = defaultdict(list)
        for service in self.services:
            if not service.contacts:
                continue  # a service nobody can contact is no answer
            features = _features(service)
            for area in features.areas:
                by_area[area].append(features)
        self._by_area = {area: tuple(items) for area, items in by_area.items()}
        self._cache: dict[tuple[str | None, str | None, str | None], tuple[tuple[float, _Features], ...]] = {}

    def candidates(
        self, local_area: str | None, concern: str | None = None, role: str | None = None
    ) -> tuple[tuple[float, _Features], ...]:
        """(score before age, school and hours, features) of the services for the area
        (and national ones) that fit the concern and the role; cached per combination.
        For another UK nation, the 'national' ones are those that say they cover it."""
        key = (local_area, concern if concern in CONCERNS else None, role)
        if key not in self._cache:
            if local_area in NATIONS:
                covering = self._by_area.get(local_area, ())
                national = tuple(f for f in covering if NATIONAL in f.areas)
                local = tuple(f for f in covering if NATIONAL not in f.areas)
            else:
                national = self._by_area.get(NATIONAL, ())
                local = () if local_area is None else tuple(
                    f for f in self._by_area.get(local_area, ()) if NATIONAL not in f.areas
                )
            self._cache[key] = tuple(
                (_base_score(f, key[1], role, local_area), f)
                for f in local + national
                if _concern_fits(f, key[1]) and _audience_fits(f, role)
            )
        return self._cache[key]


def find_services(
    services: Sequence[ServiceRecord] | ServiceIndex,
    request: SearchRequest,
    now: datetime,
    limit: int = DEFAULT_LIMIT,
) -> SearchResult:
    index = services if isinstance(services, ServiceIndex) else ServiceIndex(services)
    nation = request.area_code if request.area_code in NATIONS else None
    local_area = request.area_code if request.area_code in AREA_CODES or nation else None
    clock = london_clock(now)
    low = request.age_min if request.age_min is not None else 0
    high = request.age_max if request.age_max is not None else 200
    school_bonus = SCHOOL_BONUS if request.school_has_mhst else 0.0
    excluded = set(request.exclude_ids)
    eligible: list[tuple[float, _Features]] = []
    best_open: float | None = None  # best score of a service open 24/7
    best_parent: float | None = None
    for score, features in index.candidates(local_area, request.concern, request.role):
        if features.min_age > high or low > features.max_age or features.service.id in excluded:
            continue
        if features.only_at_team_schools and not school_has_its_team(features.service, request.school_team):
            continue
        if request.not_at_school and low >= LEFT_SCHOOL_AGE and features.only_via_school:
            continue  # rule 6: "Ask your school's mental health lead" is no route for them
        if low >= ADULT_AGE and features.max_age - low < ENDING_WITHIN_YEARS:
            score -= ENDING_SOON_PENALTY  # rule 10: at 18 or more, one that goes on first
        if _the_schools_route(features, request):
            score += school_bonus
        if features.only_at_team_schools:
            score += SPECIALIST_PENALTY  # its group is the school's own: a special school with the team
        eligible.append((score, features))
        if features.has_24_7 and (best_open is None or score > best_open):
            best_open = score
        if features.for_parents and (best_parent is None or score > best_parent):
            best_parent = score
    # Opening hours can only lower a score by CLOSED_PENALTY: work them out only for
    # services that could still make the list (exact, and much faster at scale).
    contenders = heapq.nlargest(limit, (score for score, _ in eligible))
    floor = (contenders[-1] if contenders else 0) - CLOSED_PENALTY
    parent_floor = best_parent - CLOSED_PENALTY if best_parent is not None and request.role == "parent_carer" else None
    scored = [
        _with_hours(score, features, clock)
        for score, features in eligible
        if score >= floor
        or (features.has_24_7 and score == best_open)
        or (parent_floor is not None and features.for_parents and score >= parent_floor)
    ]
    ranked_key = lambda item: (item[0][0], _reverse(item[1].service.name))  # noqa: E731
    chosen = heapq.nlargest(limit, scored, key=ranked_key)
    if request.role == "parent_carer":
        chosen = _ensure(chosen, scored, ranked_key, lambda f, _: f.for_parents)
    chosen = _ensure(chosen, scored, ranked_key, lambda _, open_now: open_now is True)
    if nation:  # the nation's own NHS urgent help is always offered
        chosen = _ensure(chosen, scored, ranked_key, lambda f, _: NATIONAL not in f.areas)
    matches = tuple(
        Match(
            service=features.service,
            score=score,
            local=_is_local(features, local_area),
            open_now=open_now,
            reasons=_reasons(features, request, local_area),
            specific=request.concern in CONCERNS and request.concern in features.concerns,
        )
        for (score, open_now), features in chosen
    )
    return SearchResult(
        matches=matches,
        local_area=None if nation else local_area,
        local_found=not nation and any(match.local for match in matches),
        more_available=len(eligible) > len(matches),
        nation=nation,
    )


def _the_schools_route(features: _Features, request: SearchRequest) -> bool:
    """Is the service reached through the school, and is the school's team (when the school list
    names who provides it) this service's own? At a special school with the SEND team, the
    mainstream schools' team is not "your school's" (rule 6)."""
    return features.via_school and (not request.school_team or school_has_its_team(features.service, request.school_team))


def school_has_its_team(service: ServiceRecord, school_team: str | None) -> bool:
    """Does the school's team come from this service's organisation? The school list names the
    provider first ("Hertfordshire Community NHS Trust (HCT) - SEN/SEND MHST (Herts & West Essex)")."""
    return bool(school_team) and str(school_team).startswith(service.organisation)


def _reverse(name: str) -> tuple[int, ...]:
    """Sort key that puts names in A→Z order inside a 'largest first' selection."""
    return tuple(-ord(char) for char in name)


def _ensure(chosen, scored, key, wanted: Callable[[_Features, bool | None], bool]):  # type: ignore[no-untyped-def]
    """Put the best `wanted` service in the last place if none of `chosen` is wanted."""
    if not chosen or any(wanted(f, state[1]) for state, f in chosen):
        return chosen
    chosen_ids = {f.service.id for _, f in chosen}
    others = [item for item in scored if item[1].service.id not in chosen_ids and wanted(item[1], item[0][1])]
    if not others:
        return chosen
    return chosen[:-1] + [max(others, key=key)]


def _is_local(features: _Features, local_area: str | None) -> bool:
    """For the user's area (or nation) only: UK-wide lines that also list a nation are national."""
    return local_area is not None and local_area in features.areas and NATIONAL not in features.areas


def _concern_fits(features: _Features, concern: str | None) -> bool:
    if concern not in CONCERNS:
        return True
    if concern in features.concerns:
        return True
    if concern in EVERYDAY_CONCERNS and GENERAL_WELLBEING in features.concerns:
        return True
    if concern in BEYOND_MENTAL_HEALTH:
        return ANY_CONCERN in features.concerns and features.service.level in GENERAL_ROUTE_LEVELS
    return ANY_CONCERN in features.concerns


def _audience_fits(features: _Features, role: str | None) -> bool:
    if role == "professional":
        return True
    if role == "young_person":
        return "young_person" in features.audiences
    return bool({"young_person", "parent_carer"} & features.audiences)


CLOSED_PENALTY = 15.0


def _with_hours(
    score: float, features: _Features, clock: tuple[str, int]
) -> tuple[tuple[float, bool | None], _Features]:
    open_now = open_state(features.service.contacts, *clock)
    return (score - CLOSED_PENALTY if open_now is False else score, open_now), features


SCHOOL_BONUS = 40.0
# Rule 10: someone 18 or older ("I just turned 18 and camhs discharged me") got three services that
# end at 18 or 19, and Kooth (to 25) only under "More options" (a user trial, session 45).
ADULT_AGE = 18
ENDING_WITHIN_YEARS = 2
LEFT_SCHOOL_AGE = 16  # rule 6: from 16, "not at school" is left school (below, often still on a roll)
ENDING_SOON_PENALTY = 40.0
SPECIALIST_PENALTY = 60.0
# Above the local bonus (100): a grieving child sees a bereavement service before a local
# general one, which "More options" still shows.
TOPIC_MATCH_BONUS = 150.0


def _base_score(features: _Features, concern: str | None, role: str | None, local_area: str | None) -> float:
    local = _is_local(features, local_area)
    score = features.static_score
    if concern in CRISIS_CONCERNS and features.service.level == "crisis":
        score += 40
    score += 100 if local else 0
    if concern in features.concerns:
        score += TOPIC_MATCH_BONUS if concern in TOPIC_CONCERNS else 30
    score += 20 if features.self_access and role == "young_person" else 0
    score += 25 if features.for_parents and role == "parent_carer" else 0
    return score


def _reasons(features: _Features, request: SearchRequest, local_area: str | None) -> tuple[str, ...]:
    reasons = []
    local = _is_local(features, local_area)
    concern = CONCERNS.get(request.concern or "")
    if concern and request.concern in features.concerns:
        reasons.append(f"it helps with {concern}")
    elif concern and request.concern in TOPIC_CONCERNS:
        # Its source does not name this worry: say only what it does say.
        reasons.append("it helps with lots of different worries")
    elif concern:
        reasons.append(f"it helps with lots of things, including {concern}")
    if local and local_area in NATIONS:
        reasons.append(f"it is for people in {NATIONS[local_area]}")  # type: ignore[index]
    elif local:
        reasons.append(f"it is in {AREA_CODES[local_area]}")  # type: ignore[index]
    if request.school_has_mhst and _the_schools_route(features, request):
        reasons.append("your school has a Mental Health Support Team")
    if features.for_parents and request.role == "parent_carer":
        reasons.append("it is for parents and carers")
    elif features.self_access and request.role == "young_person":
        reasons.append("you can contact it yourself")
    if not local and NATIONAL in features.areas:
        everywhere = "the UK" if local_area in NATIONS else "the country"
        reasons.append(f"it is open to people all over {everywhere}")
    return tuple(reasons)
