"""An answer that corrects itself in the same message (development author D19, session 40)."""
from __future__ import annotations

import pytest

from actions.triage_form import _place_found
from signposting.parsing import AGE_FIRST, corrected_answer, parse_age


@pytest.mark.parametrize(("text", "low", "high"), [
    ("year 11 no wait year 12 sorry, sixth form", 16, 17),
    ("18. sorry i meant 17 my birthday hasnt been yet", 17, 17),
    ("14 oops 13", 13, 13),
])
def test_the_age_after_the_correction_is_taken(text, low, high):
    age = corrected_answer(text, parse_age, AGE_FIRST)
    assert age is not None and (age.low, age.high) == (low, high)


@pytest.mark.parametrize("text", ["sorry, 15", "15 sorry", "sorry i meant 15 not 16", "16 in march, so 15", "15"])
def test_nothing_corrected_after_an_answer_is_left_to_the_usual_reading(text):
    """A leading apology, or nothing readable after the mark: the whole message is read as before."""
    assert corrected_answer(text, parse_age, AGE_FIRST) is None


@pytest.mark.parametrize(("text", "area"), [
    ("LE4 sorry LE18", "leicestershire"),
    ("Leicester. Sorry, I mean Leicestershire, Blaby", "leicestershire"),
    ("oadby actually wigston", "leicestershire"),
])
def test_the_place_after_the_correction_is_taken(text, area):
    resolution = corrected_answer(text, _place_found)
    assert resolution is not None and resolution.area_code == area


def test_a_place_that_needs_a_question_back_is_not_taken_from_a_correction():
    assert corrected_answer("harlow sorry", _place_found) is None


@pytest.mark.parametrize("text", ["14 sorry had to deal with my 2 year old", "15 actually 1 sec", "14 sorry took 2 mins to reply",
                                  "15 sorry for the 2 messages", "14 sorry been at work 12 hours", "14 i mean he acts like 10",
                                  "hes 12 sorry he turns 13 tomorrow", "year 10 actually 2nd year of gcses"])
def test_a_number_after_an_apology_is_not_a_corrected_age(text):
    """The review: "14 sorry took 2 mins to reply" was stored as age 2."""
    assert corrected_answer(text, parse_age, AGE_FIRST) is None


@pytest.mark.parametrize("text", ["LE18 sorry thats it", "LE18 sorry if thats wrong", "wigston sorry if thats vague"])
def test_words_after_an_apology_are_not_a_corrected_place(text):
    """The review: "thats" was read as Hants, and LE18 lost."""
    assert corrected_answer(text, _place_found) is None
