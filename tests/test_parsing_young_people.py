"""Answers as young people type them (development author D7, session 27): glued and fractional ages,
declines with a reason, young people in care, work instead of school, short place names."""
from __future__ import annotations

import pytest

from signposting.parsing import (
    is_declined,
    parse_age,
    parse_role_typed,
    parse_school_absence,
    words_after_a_leading_age,
)


@pytest.mark.parametrize(("text", "age"), [
    ("im14", 14), ("11 and 3 quarters lol", 11), ("ten and a half", 10), ("im elevn", 11), ("16 nxt week", 15),
])
def test_ages_as_typed_on_a_phone(text, age):
    found = parse_age(text)
    assert found is not None and (found.low, found.high) == (age, age)


@pytest.mark.parametrize("text", ["old enough lol", "nope", "why do u need to know. not telling"])
def test_an_age_not_given_is_unknown(text):
    found = parse_age(text)
    assert found is not None and found.unknown


@pytest.mark.parametrize(("text", "role"), [
    ("im in foster care", "young_person"),  # "foster" alone read a foster carer
    ("care leaver, 18", "young_person"),
    ("youngperson", "young_person"),
    ("not a professional or a parent so young person", "young_person"),
    ("my mum told me to do this but its about me", "young_person"),
    ("im a young mum, 19, its about my little girl", "parent_carer"),
    ("i work at a youth club, asking for one of the young ones there", "professional"),
    ("i foster", "parent_carer"),
])
def test_who_is_chatting_as_young_people_and_those_around_them_say_it(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize(("text", "state"), [
    ("none i work", "not at school"), ("apprenticeship, no college", "not at school"),
    ("not on roll anywhere, CME referral made", "not at school"),
    ("i work at tesco part time but im at college", None),  # at college: a school to name
    ("skipppp", "skipped"), ("why do u need to know that. not telling", "skipped"),
    ("don't want to say, it's a small village school", "skipped"), ("I won't share that, confidentiality", "skipped"),
])
def test_school_answers(text, state):
    assert parse_school_absence(text) == state


def test_a_school_that_wont_say_is_not_a_decline():
    assert not is_declined("my school won't say anything")


def test_where_an_answer_names_a_place_after_its_other_facts():
    assert words_after_a_leading_age("16 f glasgow") == "glasgow"


def test_a_worker_asking_for_a_young_person_stays_a_professional():
    """The review of this session's rules: "young person" anywhere had made the speaker one."""
    assert parse_role_typed("Im a social worker, asking for a young person on my caseload") == "professional"


@pytest.mark.parametrize(("text", "role"), [
    # The review (session 27): a young person's family or care said in passing made them a parent,
    # and a young person's words made them a professional.
    ("im 12, my dad has shared custody", "young_person"),
    ("im 13, i have a worried mum", "young_person"),
    ("im in kinship care with my nan", "young_person"),
    ("I'm her mum, she's living in foster care now", "parent_carer"),
    ("my son is a care leaver", "parent_carer"),
    ("im from sw london", None),
    ("im under yot", None),
    ("we adopted a dog", None),
])
def test_family_and_care_said_in_passing_are_not_the_speakers_role(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize(("text", "role"), [
    ("in foster care", "young_person"), ("im in foster care", "young_person"), ("im looked after", "young_person"),
    ("care leaver", "young_person"), ("i live in a childrens home", "young_person"),
    ("my foster carer is nice", None),  # a young person's carer: no parent speaking (it was one)
])
def test_a_young_person_in_care_is_never_a_parent(text, role):
    """A user trial, session 47: "in foster care" got "How old is your child?", and every card then
    said "it is for parents and carers"."""
    from signposting.parsing import parse_role_typed

    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", ["foster carer", "im a foster carer", "im his foster mum", "my son is in foster care"])
def test_a_foster_carer_is_still_a_carer(text):
    from signposting.parsing import parse_role_typed

    assert parse_role_typed(text) == "parent_carer"


@pytest.mark.parametrize(("text", "role"), [
    ("i work in foster care", "parent_carer"), ("we have a 14 year old girl in foster care with us", "parent_carer"),
    ("i work in care", None), ("he is in care and lives with us", None), ("i am a care experienced adult", None),
])
def test_in_care_said_of_someone_else_or_of_work_is_no_young_person(text, role):
    """The review, session 47: each was a young person in a first version (as before it, "foster" is a carer's word)."""
    from signposting.parsing import parse_role

    assert parse_role(text) == role
