"""The school typed at the school question (services_db/schools.py SchoolMatcher)."""
from __future__ import annotations

import pytest

from services_db.schools import SchoolMatcher, read_schools


@pytest.fixture(scope="module")
def matcher() -> SchoolMatcher:
    return SchoolMatcher(read_schools())


@pytest.mark.parametrize(("text", "found"), [
    # A user trial (session 19): "loughborough college" for a 17-year-old was a primary school.
    ("loughborough college", None),
    ("loughborough primary", "Loughborough Church of England Primary School"),
    ("castle rock", "The Castle Rock School"),
    ("beauchamp", "Beauchamp College"),
    ("lutterworth college", "Lutterworth College"),
    ("highfields primary", "Highfields Primary School"),
])
def test_a_stage_said_must_fit_the_schools_name(matcher, text, found):
    school = matcher.match(text)
    assert (school.name if school else None) == found


@pytest.mark.parametrize(("text", "found"), [
    ("beauchamp in oadby", "Beauchamp College"),  # development author D1: read as German, then not found
    ("beauchamp oadby", "Beauchamp College"),
    ("passmores academy harlow", "Passmores Academy"),
    ("soar valley innit", "Soar Valley College"),
    ("beauchamp in harlow", None),  # the place said must be the school's own
])
def test_a_place_or_a_filler_after_the_name(matcher, text, found):
    school = matcher.match(text)
    assert (school.name if school else None) == found
