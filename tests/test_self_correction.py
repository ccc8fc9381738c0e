"""An answer that corrects itself in the same message (development author D19, session 40)."""
from __future__ import annotations

import pytest

from actions.triage_form import _place_found
from signposting.parsing import corrected_answer, parse_age


@pytest.mark.parametrize(("text", "low", "high"), [
    ("year 11 no wait year 12 sorry, sixth form", 16, 17),
    ("18. sorry i meant 17 my birthday hasnt been yet", 17, 17),
    ("14 oops 13", 13, 13),
])
def test_the_age_after_the_correction_is_taken(text, low, high):
    age = corrected_answer(text, parse_age)
    assert age is not None and (age.low, age.high) == (low, high)


@pytest.mark.parametrize("text", ["sorry, 15", "15 sorry", "sorry i meant 15 not 16", "16 in march, so 15", "15"])
def test_nothing_corrected_after_an_answer_is_left_to_the_usual_reading(text):
    """A leading apology, or nothing readable after the mark: the whole message is read as before."""
    assert corrected_answer(text, parse_age) is None


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
