"""A plain answer to "Which school or college do you go to?": a school of ours named as it is known.

The risk model scored school names at check level and read some as another language ("Helena
Romanes in Dunmow" was German, and a parent got "I can only chat in English": development author
D13), so a name typed at the school question was met with the check question or the interpreter
line. `signposting.plain_answer` waives the check for a plain answer; the school names are here,
in the directory's data, so this module gives it the test for the school
(`signposting.plain_answer.is_plain_answer(..., school_answer=...)`).

Closed: the name of one school in our areas exactly as the directory knows it (generic words such as
"school" or "academy" aside), perhaps with its own town after it ("beauchamp in oadby"). No fuzzy
match: a misspelt name still gets the check question, and no sentence is a school's name. Never a
place name ("loughborough" is Loughborough College's key too): `make bench-plain-answer` counted
town names typed in risk conversations as school answers until they were ruled out.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from services_db.area_answer import is_plain_area_answer
from services_db.schools import SchoolMatcher, SchoolRecord, in_its_place, read_schools, school_key
from signposting.vocabulary import AREA_CODES

logger = logging.getLogger(__name__)
# A word that says a school is meant. A one-word name needs one: "bridge", "waterside", "central"
# and "field" are schools' names too, and "im at the bridge" is not a school (the review).
_SCHOOL_WORD = re.compile(r"\b(?:school|academy|college|high|primary|junior|juniors|infant|infants|grammar|sixth form|c of e|ce)\b")
# Where someone is, not which school: "im at the bridge", "she is at waterside".
_WHERE_THEY_ARE = re.compile(r"^(?:(?:i m|im|i am|she is|shes|she s|he is|hes|he s|they are|theyre|we are|were) )?at\b")


@lru_cache(maxsize=1)
def _our_schools() -> SchoolMatcher:
    return SchoolMatcher(school for school in read_schools() if school.area_code in AREA_CODES)


def is_plain_school_answer(core: str) -> bool:
    """Is `core` (normalised, greetings and politeness taken off) the name of one of our schools,
    exactly? Never raises: the crisis policy asks it, and without the data no answer is plain."""
    try:
        if is_plain_area_answer(core) or _WHERE_THEY_ARE.match(core):
            return False
        school = _our_schools().match(core, fuzzy=False)
        return school is not None and (
            len(school_key(school.name).split()) >= 2 or bool(_SCHOOL_WORD.search(core)) or _with_its_town(core, school)
        )
    except Exception:  # noqa: BLE001 - unreadable school data must never take a reply down
        logger.exception("The school names could not be read; school answers are not waived.")
        return False


# A one-word name with its own town after it is a school too: "ashlyns in berko", "beauchamp in
# oadby" (development author D11: read as Dutch, the bot answered "I can only chat in English").
_NAME_IN_A_PLACE = re.compile(r"^\S+ (?:in|at) (?P<place>.+)$")


def _with_its_town(core: str, school: SchoolRecord) -> bool:
    named = _NAME_IN_A_PLACE.match(core)
    if named is None:
        return False
    return is_plain_area_answer(named["place"]) and in_its_place(named["place"], school)
