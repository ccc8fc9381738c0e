"""The service search: a pure function of the request and the time.

Ranking rules (each is tested in tests/test_query.py):
1. Age must fit: a service whose age range does not overlap the user's is never shown.
   Unknown age ("don't know") does not filter: the search widens.
2. Area: services for the user's area, and national ones. Outside our areas (or area
   unknown) → national services only, and the result says no local service was used.
3. Concern: services tagged with the concern, or that help with anything ("any").
   A specific match ranks above a general one. Unknown concern does not filter.
4. Who is asking: young people see services they may use; parents and carers also see
   services for parents (at least one is always included when one fits); professionals
   see everything, including practitioner resources.
5. Local before national; early help before specialist services for everyday worries
   (crisis lines lead only for crisis concerns: they are in every reply's crisis text anyway).
6. A school with a Mental Health Support Team → "ask your school's mental health lead"
   (via_school) services first.
7. For young people, services they can contact themselves before ones needing a referral.
8. Services only for a specific group (e.g. autism) rank last; stale details rank lower.
9. Closed now ranks lower (hours are always shown), and when nothing in the list is
   open now, the best open 24/7 option replaces the last entry: it is never hidden.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from services_db.opening import is_open
from services_db.seed import ServiceRecord
from services_db.vocabulary import (
    ANY_CONCERN,
    AREA_CODES,
    CONCERNS,
    CRISIS_CONCERNS,
    NATIONAL,
    SELF_ACCESS_ROUTES,
)

DEFAULT_LIMIT = 3
_LEVEL_SCORES = {"early_help": 30.0, "information": 10.0, "specialist": 0.0, "crisis": 0.0}


@dataclass(frozen=True)
class SearchRequest:
    role: str | None = None  # young_person | parent_carer | professional
    age_min: int | None = None
    age_max: int | None = None
    area_code: str | None = None  # one of AREA_CODES; None or "national" = national only
    concern: str | None = None  # one of CONCERNS; None or "other" = any
    school_has_mhst: bool | None = None  # None = school unknown
    exclude_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    service: ServiceRecord
    score: float
    local: bool
    open_now: bool | None
    reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SearchResult:
    matches: tuple[Match, ...]
    local_area: str | None  # area code searched, None when national only
    local_found: bool  # at least one local service is in the matches
    more_available: bool


def find_services(
    services: Sequence[ServiceRecord],
    request: SearchRequest,
    now: datetime,
    limit: int = DEFAULT_LIMIT,
) -> SearchResult:
    local_area = request.area_code if request.area_code in AREA_CODES else None
    candidates = [
        _score(service, request, local_area, now)
        for service in services
        if service.id not in request.exclude_ids and _eligible(service, request, local_area)
    ]
    candidates.sort(key=lambda match: (-match.score, match.service.name))
    chosen = candidates[:limit]
    rest = candidates[limit:]
    if request.role == "parent_carer":
        chosen = _ensure(chosen, rest, lambda m: "parent_carer" in m.service.audiences)
    chosen = _ensure(chosen, rest, lambda m: m.open_now is True)
    return SearchResult(
        matches=tuple(chosen),
        local_area=local_area,
        local_found=any(match.local for match in chosen),
        more_available=len(candidates) > len(chosen),
    )


def _ensure(chosen: list[Match], rest: list[Match], wanted) -> list[Match]:  # type: ignore[no-untyped-def]
    """Put the best `wanted` match in the last place if none of `chosen` is wanted."""
    if not chosen or any(wanted(match) for match in chosen):
        return chosen
    for match in rest:
        if wanted(match):
            rest.remove(match)
            rest.insert(0, chosen[-1])
            return chosen[:-1] + [match]
    return chosen


def _eligible(service: ServiceRecord, request: SearchRequest, local_area: str | None) -> bool:
    return (
        bool(service.contacts)  # a service nobody can contact is no answer
        and _age_fits(service, request)
        and _area_fits(service, local_area)
        and _concern_fits(service, request.concern)
        and _audience_fits(service, request.role)
    )


def _age_fits(service: ServiceRecord, request: SearchRequest) -> bool:
    if request.age_min is None and request.age_max is None:
        return True
    low = request.age_min if request.age_min is not None else 0
    high = request.age_max if request.age_max is not None else 200
    service_low = service.min_age if service.min_age is not None else 0
    service_high = service.max_age if service.max_age is not None else 200
    return service_low <= high and low <= service_high


def _area_fits(service: ServiceRecord, local_area: str | None) -> bool:
    return NATIONAL in service.areas or (local_area is not None and local_area in service.areas)


def _concern_fits(service: ServiceRecord, concern: str | None) -> bool:
    if concern not in CONCERNS:
        return True
    return ANY_CONCERN in service.concerns or concern in service.concerns


def _audience_fits(service: ServiceRecord, role: str | None) -> bool:
    if role == "professional":
        return True
    if role == "parent_carer":
        return bool({"young_person", "parent_carer"} & set(service.audiences))
    if role == "young_person":
        return "young_person" in service.audiences
    return bool({"young_person", "parent_carer"} & set(service.audiences))


def _score(
    service: ServiceRecord, request: SearchRequest, local_area: str | None, now: datetime
) -> Match:
    local = local_area is not None and local_area in service.areas
    specific = request.concern in service.concerns
    self_access = bool(SELF_ACCESS_ROUTES & set(service.access_routes))
    via_school = "via_school" in service.access_routes
    for_parents = "parent_carer" in service.audiences
    open_states = [is_open(contact, now) for contact in service.contacts]
    open_now = True if True in open_states else (False if False in open_states else None)

    score = _LEVEL_SCORES[service.level]
    if request.concern in CRISIS_CONCERNS and service.level == "crisis":
        score += 40
    score += 100 if local else 0
    score += 30 if specific else 0
    score += 40 if via_school and request.school_has_mhst else 0
    score += 20 if self_access and request.role == "young_person" else 0
    score += 25 if for_parents and request.role == "parent_carer" else 0
    score -= 60 if service.specialist else 0
    score -= 10 if service.stale_risk == "high" else 0
    score -= 15 if open_now is False else 0
    score += 5 if any(contact.open_24_7 for contact in service.contacts) else 0
    return Match(
        service=service,
        score=score,
        local=local,
        open_now=open_now,
        reasons=_reasons(service, request, local, specific, self_access, via_school, for_parents),
    )


def _reasons(
    service: ServiceRecord,
    request: SearchRequest,
    local: bool,
    specific: bool,
    self_access: bool,
    via_school: bool,
    for_parents: bool,
) -> tuple[str, ...]:
    reasons = []
    concern = CONCERNS.get(request.concern or "")
    if concern and specific:
        reasons.append(f"it helps with {concern}")
    elif concern:
        reasons.append(f"it helps with lots of things, including {concern}")
    if local:
        reasons.append(f"it is in {AREA_CODES[request.area_code or '']}")  # type: ignore[index]
    if via_school and request.school_has_mhst:
        reasons.append("your school has a Mental Health Support Team")
    if for_parents and request.role == "parent_carer":
        reasons.append("it is for parents and carers")
    elif self_access and request.role == "young_person":
        reasons.append("you can contact it yourself")
    if not local and NATIONAL in service.areas:
        reasons.append("it is open to people all over the country")
    return tuple(reasons)
