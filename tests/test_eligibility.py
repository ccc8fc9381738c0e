"""Eligibility that holds: no service is ever shown outside its ages or its area, for any
age, role, area and concern; everyday worries find the general children's services; the
other UK nations get the lines that cover them, never "anywhere in England"."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from services_db.opening import LONDON
from services_db.query import SearchRequest, ServiceIndex, find_services
from signposting.parsing import parse_concern
from signposting.vocabulary import AREA_CODES, CONCERNS, NATIONAL, NATIONS

WEEKDAY_AFTERNOON = datetime(2026, 11, 24, 14, 0, tzinfo=LONDON)
ROLES = [None, "young_person", "parent_carer", "professional"]
AREAS = [None, NATIONAL, *AREA_CODES, *NATIONS]
CONCERN_CHOICES = [None, "other", *CONCERNS]
# The same rule in words, written out here rather than imported: a stated max_age; or no
# upper age where the source says so ("all ages", "16 and over"); otherwise up to 18.
CHILDHOOD_END = 18


def oldest(service) -> float:  # type: ignore[no-untyped-def]
    if service.max_age is not None:
        return service.max_age
    return float("inf") if service.no_upper_age else CHILDHOOD_END


def youngest(service) -> int:  # type: ignore[no-untyped-def]
    return service.min_age if service.min_age is not None else 0


def covers(service, area: str | None) -> bool:  # type: ignore[no-untyped-def]
    if area in NATIONS:
        return area in service.areas
    if area in AREA_CODES:
        return area in service.areas or NATIONAL in service.areas
    return NATIONAL in service.areas


@pytest.fixture(scope="module")
def index(directory) -> ServiceIndex:
    return ServiceIndex(directory.services)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ages=st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted),
    role=st.sampled_from(ROLES),
    area=st.sampled_from(AREAS),
    concern=st.sampled_from(CONCERN_CHOICES),
    school_has_mhst=st.sampled_from([None, True]),
    hours=st.integers(0, 24 * 7 - 1),
    limit=st.integers(1, 12),
)
def test_no_service_is_ever_shown_outside_its_ages_or_its_area(
    index, ages, role, area, concern, school_has_mhst, hours, limit
):
    low, high = ages
    request = SearchRequest(role=role, age_min=low, age_max=high, area_code=area, concern=concern,
                            school_has_mhst=school_has_mhst)
    result = find_services(index, request, WEEKDAY_AFTERNOON + timedelta(hours=hours), limit)
    for match in result.matches:
        service = match.service
        assert youngest(service) <= high and low <= oldest(service), (service.id, low, high)
        assert covers(service, area), (service.id, area)


@pytest.mark.parametrize("age", range(0, 31))
def test_every_age_every_service_role_area_and_concern(index, age):
    """The exhaustive version of the property for one age at a time (limit: all of them)."""
    for role in ROLES:
        for area in AREAS:
            for concern in CONCERN_CHOICES:
                request = SearchRequest(role=role, age_min=age, age_max=age, area_code=area, concern=concern)
                for match in find_services(index, request, WEEKDAY_AFTERNOON, limit=100).matches:
                    assert youngest(match.service) <= age <= oldest(match.service), (match.service.id, age)
                    assert covers(match.service, area), (match.service.id, area)


@pytest.mark.parametrize("age", [24, 25])
def test_children_and_under_19_services_are_never_shown_to_young_adults(index, age):
    """The cause: a service whose source states no upper age was treated as having none."""
    shown = {
        match.service.id
        for role in ROLES
        for area in AREAS
        for concern in CONCERN_CHOICES
        for match in find_services(
            index, SearchRequest(role=role, age_min=age, age_max=age, area_code=area, concern=concern),
            WEEKDAY_AFTERNOON, limit=100,
        ).matches
    }
    for children_only in ["nat-childline", "hwe-hct-cwp", "hwe-just-talk", "hwe-herts-childrens-services",
                          "hwe-hct-send-mhst", "llr-health-for-teens-kids", "llr-kooth", "hwe-hpft-mhst",
                          "nat-nspcc-helpline"]:
        assert children_only not in shown, children_only
    # Services whose sources say they help people this age are still there.
    assert {"hwe-kooth-herts", "hwe-hpft-spa", "llr-cap", "nat-samaritans", "nat-shout"} <= shown


def test_a_22_year_old_in_hertfordshire_still_gets_local_help(index):
    result = find_services(index, SearchRequest(role="young_person", age_min=22, age_max=22, area_code="herts",
                                                concern="low_mood"), WEEKDAY_AFTERNOON)
    assert result.local_found
    assert {"hwe-kooth-herts", "hwe-hpft-spa"} & {m.service.id for m in result.matches}


@pytest.mark.parametrize(
    ("words", "age", "role"),
    [("bullying", 12, "young_person"), ("he is being bullied", 12, "parent_carer")],
)
def test_bullying_in_uttlesford_finds_the_essex_services(index, words, age, role):
    concern = parse_concern(words)
    assert concern == "bullying"
    result = find_services(index, SearchRequest(role=role, age_min=age, age_max=age, area_code="west_essex",
                                                concern=concern), WEEKDAY_AFTERNOON)
    assert result.local_found
    local = {m.service.id for m in result.matches if m.local}
    assert local & {"hwe-ewmhs", "hwe-hpft-mhst"}
    ewmhs = next(m for m in result.matches if m.service.id in local)
    assert "including bullying" in " ".join(ewmhs.reasons)


@pytest.mark.parametrize(("words", "age", "role"), [("nightmares", 9, "parent_carer"), ("I have nightmares", 14, "young_person")])
def test_nightmares_in_epping_find_the_essex_services(index, words, age, role):
    concern = parse_concern(words)
    assert concern == "sleep"
    result = find_services(index, SearchRequest(role=role, age_min=age, age_max=age, area_code="west_essex",
                                                concern=concern), WEEKDAY_AFTERNOON)
    assert result.local_found
    assert {m.service.id for m in result.matches if m.local} & {"hwe-ewmhs", "hwe-hpft-mhst"}


def test_general_wellbeing_services_are_not_offered_for_a_crisis_concern_they_do_not_list(index):
    """EWMHS lists self-harm itself; the school team (general wellbeing) does not."""
    result = find_services(index, SearchRequest(role="young_person", age_min=14, age_max=14, area_code="west_essex",
                                                concern="self_harm"), WEEKDAY_AFTERNOON, limit=100)
    ids = {m.service.id for m in result.matches}
    assert "hwe-ewmhs" in ids and "hwe-hpft-mhst" not in ids


def test_a_specific_match_ranks_above_a_general_wellbeing_one(index):
    """EWMHS lists worry itself; bullying it covers only as general emotional wellbeing."""
    result = find_services(index, SearchRequest(role="parent_carer", age_min=9, age_max=9, area_code="west_essex",
                                                concern="worry"), WEEKDAY_AFTERNOON, limit=100)
    scores = {m.service.id: m.score for m in result.matches}
    broad = find_services(index, SearchRequest(role="parent_carer", age_min=9, age_max=9, area_code="west_essex",
                                               concern="bullying"), WEEKDAY_AFTERNOON, limit=100)
    broad_scores = {m.service.id: m.score for m in broad.matches}
    assert scores["hwe-ewmhs"] > broad_scores["hwe-ewmhs"]  # worry is listed; bullying is general


@pytest.mark.parametrize(
    ("nation", "own"),
    [("wales", {"wal-nhs111-press2"}), ("scotland", {"sco-nhs24-mh-hub", "sco-breathing-space"}),
     ("northern_ireland", {"ni-lifeline"})],
)
@pytest.mark.parametrize(("role", "age"), [("young_person", 14), ("young_person", 17), ("parent_carer", 8), ("young_person", 22)])
def test_other_nations_get_the_lines_that_cover_them_and_their_own_nhs_help(index, nation, own, role, age):
    result = find_services(index, SearchRequest(role=role, age_min=age, age_max=age, area_code=nation,
                                                concern="worry"), WEEKDAY_AFTERNOON)
    ids = {m.service.id for m in result.matches}
    assert result.nation == nation and not result.local_found and result.local_area is None
    assert ids & own, ids  # the nation's own NHS urgent help is always offered
    allowed = own | {"nat-childline", "nat-samaritans", "nat-shout", "nat-calm"}
    assert ids <= allowed, ids
    if age < 16:
        assert "sco-breathing-space" not in ids


def test_uk_wide_lines_say_so_and_england_only_lines_are_not_offered_in_wales(index):
    result = find_services(index, SearchRequest(role="young_person", age_min=15, age_max=15, area_code="wales"),
                           WEEKDAY_AFTERNOON, limit=100)
    ids = {m.service.id for m in result.matches}
    assert "nat-nhs111-mh" not in ids and "nat-999-ae" not in ids
    childline = next(m for m in result.matches if m.service.id == "nat-childline")
    assert "it is open to people all over the UK" in childline.reasons


# --- the reply in the action ------------------------------------------------------------


def run_search(monkeypatch, directory, slots, responses=()):  # type: ignore[no-untyped-def]
    import actions.services as services

    monkeypatch.setattr(services, "get_directory", lambda: directory)
    tracker = Tracker("test", slots, {"text": "", "intent": {}}, [], False, None, None, None)
    dispatcher = CollectingDispatcher()
    services.show_services(dispatcher, tracker, domain={"responses": {name: [] for name in responses}})
    return dispatcher.messages


@pytest.mark.parametrize("nation", list(NATIONS))
def test_other_nations_are_never_told_anywhere_in_england(monkeypatch, sqlite_directory, nation):
    slots = {"user_role": "young_person", "age_min": 15.0, "age_max": 15.0, "area_code": nation, "concern": "worry"}
    sent = [m.get("response") for m in run_search(monkeypatch, sqlite_directory, slots)]
    assert "utter_services_national" not in sent and "utter_services_national_only" not in sent
    assert sent[0] == "utter_services_intro"  # until utter_services_other_nation is in domain.yml
    with_template = run_search(monkeypatch, sqlite_directory, slots, responses=["utter_services_other_nation"])
    assert with_template[0]["response"] == "utter_services_other_nation"
    assert with_template[0]["nation"] == NATIONS[nation]
    cards = [m for m in with_template if m.get("response") == "utter_service_card"]
    assert cards and all("anywhere in England" not in m["who"] for m in cards)


def test_young_adults_are_told_why_some_services_are_missing_once_the_template_exists(monkeypatch, sqlite_directory):
    slots = {"user_role": "young_person", "age_min": 21.0, "age_max": 21.0, "area_code": "herts", "concern": "worry"}
    assert "utter_services_young_adult" not in [m.get("response") for m in run_search(monkeypatch, sqlite_directory, slots)]
    sent = [m.get("response") for m in run_search(monkeypatch, sqlite_directory, slots, ["utter_services_young_adult"])]
    assert sent[:2] == ["utter_services_intro", "utter_services_young_adult"]
    teen = dict(slots, age_min=15.0, age_max=15.0)
    assert "utter_services_young_adult" not in [
        m.get("response") for m in run_search(monkeypatch, sqlite_directory, teen, ["utter_services_young_adult"])
    ]
