"""The ranking rules of services_db.query, one test per rule."""
from datetime import datetime

import pytest

from services_db.opening import LONDON
from services_db.query import SearchRequest, find_services

# A Tuesday afternoon and a Sunday at 3am, London time.
WEEKDAY_AFTERNOON = datetime(2026, 11, 24, 14, 0, tzinfo=LONDON)
SUNDAY_NIGHT = datetime(2026, 11, 22, 3, 0, tzinfo=LONDON)


def search(directory, when=WEEKDAY_AFTERNOON, limit=3, **request):
    return find_services(directory.services, SearchRequest(**request), when, limit)


def ids(result):
    return [match.service.id for match in result.matches]


def test_year_9_in_stevenage_who_cannot_sleep_gets_local_services(directory):
    result = search(directory, role="young_person", age_min=13, age_max=14, area_code="herts", concern="sleep")
    assert 2 <= len(result.matches) <= 4
    assert result.local_found
    assert all(match.local for match in result.matches)
    assert all("herts" in match.service.areas or "national" in match.service.areas for match in result.matches)


def test_age_must_fit(directory):
    result = search(directory, role="young_person", age_min=22, age_max=22, area_code="herts", limit=50)
    for match in result.matches:
        service = match.service
        assert (service.min_age or 0) <= 22 <= (service.max_age if service.max_age is not None else 200)
    assert "nat-childline" not in ids(result)  # Childline is for under 19s


def test_unknown_age_widens_the_search(directory):
    known = search(directory, role="young_person", age_min=22, age_max=22, area_code="herts", limit=50)
    unknown = search(directory, role="young_person", area_code="herts", limit=50)
    assert set(ids(known)) < set(ids(unknown))


def test_outside_our_areas_gets_national_services_only(directory):
    result = search(directory, role="young_person", age_min=15, age_max=15, area_code=None, concern="low_mood", limit=50)
    assert result.matches
    assert not result.local_found
    assert all("national" in match.service.areas for match in result.matches)


def test_local_comes_before_national(directory):
    result = search(directory, role="young_person", age_min=14, age_max=14, area_code="leicestershire", concern="worry", limit=50)
    locality = [match.local for match in result.matches]
    assert locality == sorted(locality, reverse=True)


def test_a_specific_concern_match_ranks_above_a_general_one(directory):
    result = search(directory, role="parent_carer", age_min=8, age_max=8, area_code="leicester", concern="worry")
    assert ids(result)[0] == "llr-mhst"  # its sources name worry; the others help with anything
    assert "worry" in result.matches[0].service.concerns


def test_parents_also_get_a_service_for_parents(directory):
    result = search(directory, role="parent_carer", age_min=8, age_max=8, area_code="leicester", concern="worry")
    assert any("parent_carer" in match.service.audiences for match in result.matches)


def test_young_people_only_see_services_they_may_use(directory):
    result = search(directory, role="young_person", area_code="herts", limit=50)
    assert all("young_person" in match.service.audiences for match in result.matches)
    assert "hwe-herts-selfharm-procedure" not in ids(result)  # practitioner guidance


def test_professionals_also_see_practitioner_resources(directory):
    result = search(directory, role="professional", area_code="herts", concern="self_harm", limit=50)
    assert "hwe-herts-selfharm-procedure" in ids(result)


def test_a_school_with_an_mhst_puts_the_school_route_first(directory):
    result = search(directory, role="young_person", age_min=12, age_max=12, area_code="herts", concern="worry", school_has_mhst=True)
    assert "via_school" in result.matches[0].service.access_routes


SEND_MHST = "hwe-hct-send-mhst"
SEND_TEAM = "Hertfordshire Community NHS Trust (HCT) - SEN/SEND MHST (Herts & West Essex)"
MAINSTREAM_TEAM = "Hertfordshire Partnership University NHS Foundation Trust (HPFT) - Herts & West Essex MHSTs"


@pytest.mark.parametrize("area_code", ["west_essex", "herts"])
@pytest.mark.parametrize(("has_mhst", "team"), [(None, None), (True, MAINSTREAM_TEAM)])
def test_a_team_only_in_special_schools_is_never_shown_without_one(directory, area_code, has_mhst, team):
    """The SEND Mental Health Support Team "does not cover mainstream schools": it was shown to a
    Passmores Academy pupil in Harlow (session 44's note). Only a school known to have it can refer."""
    for concern in ("worry", "low_mood", "anger", None):
        result = search(directory, role="parent_carer", age_min=9, age_max=9, area_code=area_code, concern=concern,
                        school_has_mhst=has_mhst, school_team=team, limit=50)
        assert SEND_MHST not in ids(result)


def test_a_team_only_in_special_schools_is_shown_first_at_one_that_has_it(directory):
    """Its school's own team, as the mainstream schools' team is at theirs (rule 6)."""
    result = search(directory, role="parent_carer", age_min=9, age_max=9, area_code="west_essex", concern="worry",
                    school_has_mhst=True, school_team=SEND_TEAM)
    assert ids(result)[0] == SEND_MHST
    assert "your school has a Mental Health Support Team" in result.matches[0].reasons
    mainstream = next(match for match in result.matches if match.service.id == "hwe-hpft-mhst")
    assert "your school has a Mental Health Support Team" not in mainstream.reasons


def test_young_people_see_self_referral_before_referral_only(directory):
    result = search(directory, role="young_person", age_min=15, age_max=15, area_code="herts", concern="low_mood", limit=50)
    self_access = [bool({"self_referral", "online"} & set(m.service.access_routes)) for m in result.matches if m.local]
    assert self_access[0]


def test_crisis_lines_lead_for_crisis_concerns(directory):
    result = search(directory, role="young_person", age_min=15, age_max=15, area_code="herts", concern="suicidal_thoughts")
    assert result.matches[0].service.level == "crisis"


def test_an_open_24_7_option_is_never_hidden_when_the_rest_are_closed(directory):
    result = search(directory, when=SUNDAY_NIGHT, role="parent_carer", age_min=8, age_max=8, area_code="leicester", concern="worry")
    assert any(match.open_now for match in result.matches)


def test_every_result_says_why_it_was_chosen(directory):
    result = search(directory, role="young_person", age_min=13, age_max=14, area_code="herts", concern="sleep")
    assert all(match.reasons for match in result.matches)
    assert any("sleep" in reason for match in result.matches for reason in match.reasons)


def test_services_nobody_can_contact_are_not_shown(directory):
    result = search(directory, role="professional", area_code="leicester", limit=100)
    assert all(match.service.contacts for match in result.matches)


def test_more_options_excludes_what_was_shown(directory):
    first = search(directory, role="young_person", age_min=14, age_max=14, area_code="herts", concern="worry")
    more = search(directory, role="young_person", age_min=14, age_max=14, area_code="herts", concern="worry", exclude_ids=tuple(ids(first)))
    assert not set(ids(first)) & set(ids(more))


@pytest.mark.parametrize("concern", [None, "other"])
def test_unknown_concern_does_not_filter(directory, concern):
    result = search(directory, role="young_person", age_min=14, age_max=14, area_code="herts", concern=concern, limit=50)
    assert len(result.matches) >= 5


@pytest.mark.parametrize("age", [18, 19, 21])
def test_at_18_or_more_a_service_that_goes_on_comes_before_one_about_to_end(directory, age):
    """Rule 10. A user trial (session 45): "I just turned 18 and camhs discharged me" got three
    services that end at 18 or 19, and Kooth (to 25) only under "More options"."""
    result = search(directory, role="young_person", age_min=age, age_max=age, area_code="herts", concern="worry")
    first = result.matches[0].service
    assert first.max_age is None and first.no_upper_age or (first.max_age or 0) >= age + 2


def test_under_18_the_ranking_is_unchanged_by_rule_10(directory):
    result = search(directory, role="young_person", age_min=17, age_max=17, area_code="herts", concern="worry")
    assert ids(result)[0] != "hwe-kooth-herts"


@pytest.mark.parametrize("area_code", ["herts", "west_essex", "leicester", "leicestershire", "rutland"])
@pytest.mark.parametrize("age", [16, 17, 18])
def test_no_service_reached_only_through_a_school_for_someone_not_at_school(directory, area_code, age):
    """A user trial, session 47: a 17-year-old who had left school, and an 18-year-old apprentice,
    were told to "Ask your school's mental health lead" (the Mental Health Support Team)."""
    for concern in ("worry", "low_mood", "anger", None):
        result = search(directory, role="young_person", age_min=age, age_max=age, area_code=area_code, concern=concern,
                        not_at_school=True, limit=50)
        assert result.matches
        assert all(set(m.service.access_routes) != {"via_school"} for m in result.matches)
    at_school = search(directory, role="young_person", age_min=age, age_max=age, area_code=area_code, concern="worry", limit=50)
    assert any(set(m.service.access_routes) == {"via_school"} for m in at_school.matches)


def test_under_16_not_at_school_keeps_the_schools_route(directory):
    """The review, session 47: "she doesnt go to school cos of anxiety" and "excluded for 5 days" set
    "not at school"; a child still on a roll can be referred by the school."""
    result = search(directory, role="parent_carer", age_min=12, age_max=12, area_code="leicester", concern="worry",
                    not_at_school=True, limit=50)
    assert any(set(m.service.access_routes) == {"via_school"} for m in result.matches)
