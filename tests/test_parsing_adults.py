"""Answers as adults type them (development author D6, session 27): dates of birth, professionals'
shorthand, carers who say who they are in their own way, a professional asking as a parent."""
from __future__ import annotations

from datetime import date

import pytest

from signposting.parsing import Age, _age_from_birth_and_words, age_from_date_of_birth, parse_age, parse_role_typed
from signposting.plain_answer import is_plain_answer
from signposting.text import normalise

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(("text", "age"), [
    ("DOB 14/07/2012", Age(14, 14)),
    ("d.o.b. 22.09.2009", Age(17, 17)),
    ("DOB 03/2011", Age(15, 15)),  # March: the birthday has passed this year
    ("born Nov 2014", Age(12, 12)),
    ("born dec 2014", Age(11, 12)),  # this month: the day decides
    ("born 2013", Age(12, 13)),
    ("born on 5th may 2012", Age(14, 14)),
    ("14/07/2012", Age(14, 14)),  # a date alone
    ("dob 2/3/12", Age(14, 14)),  # two-digit year
    ("dob 05/12/2012", Age(13, 13)),  # tomorrow is the birthday
    ("dob 04/12/2012", Age(14, 14)),  # today is
])
def test_an_age_from_a_date_of_birth(text, age):
    assert age_from_date_of_birth(normalise(text), TODAY) == age


@pytest.mark.parametrize("text", ["dob 31/12/2026", "born 2027", "14", "year 9", "born 32/13/2010", "12 may"])
def test_no_date_of_birth_where_none_is_a_real_one(text):
    assert age_from_date_of_birth(normalise(text), TODAY) is None


@pytest.mark.parametrize(("text", "low", "high"), [
    ("16F", 16, 16), ("15 m", 15, 15), ("upper 6th", 17, 18), ("lower 6th", 16, 17),
    ("Year 7, 11yo", 11, 11), ("Y10, 15yo", 15, 15),  # the age itself, not the school year's two
    ("13 I think? maybe 14", 13, 14), ("im 14 maybe 15", 14, 15),
    ("i was born in 1985 and my son is 14", 14, 14),  # the speaker's own date of birth, then the child's age
    # the next birthday beside a school year: one less when that fits the year (D6)
    ("nearly 16, year 11", 15, 15), ("turning 16 yr 11", 15, 15), ("nearly 12, year 8", 12, 12),
    # several children, and the one the answer is about (D6)
    ("the eldest is 17 but its the middle one im worried about, she's 13", 13, 13),
    ("my stepdaughter is 14 and my son is 10 but it's about the older one", 14, 14),
    ("my twins are 8 and my eldest is 12, its the eldest", 12, 12),
    # numbers that are no ages, and school years, are never the child meant (the review)
    ("my son is 14 and im worried about him, hes been off school for 3 weeks", 14, 14),
    ("im 15 and worried about exams in 3 weeks", 15, 15),
    ("shes 14, im worried about her, shes lost 5 kg", 14, 14),
    ("im 16, worried about my brother hes 12", 16, 16),
    # the one meant named by its age (development authors D18, D19)
    ("I've got two, 9 and 14, it's the 14 year old I'm worried about", 14, 14),
    ("3 kids 7, 10 and 14 but its the 14 one", 14, 14),
    ("its about my 2 boys, 9 and 14", 9, 14),  # how many children is no age
    # someone else's age beside the child's is never the child's (the review, session 43)
    ("shes 13, worried about the 18 year old boyfriend", 13, 13),
    ("my daughter is 12, its the 16 year old boy who sends her pictures", 12, 12),
    ("im 15 its about my 10 year old brother", 15, 15),
])
def test_ages_as_adults_and_teenagers_write_them(text, low, high):
    age = parse_age(text)
    assert age is not None and (age.low, age.high) == (low, high)


@pytest.mark.parametrize(("text", "role"), [
    ("I'm his great aunt, he lives with us", "parent_carer"),
    ("We adopted her when she was 3", "parent_carer"),
    ("mum of 3", "parent_carer"),
    ("shared custody dad", "parent_carer"),
    ("she's with me weekends, her mum has her in the week", "parent_carer"),
    ("I am his ammi (mum)", "parent_carer"),
    ("Auntie. I've got him on a child arrangements order", "parent_carer"),
    ("me and my husband foster", "parent_carer"),
    ("I'm his dad's partner, I do most of the looking after", "parent_carer"),
    ("not a professional, just a worried grandma", "parent_carer"),  # the role put aside is not claimed
    ("I'm a teacher actually but this is about my own daughter", "parent_carer"),
    ("bit of both - I'm a nurse but asking as a mum", "parent_carer"),
    ("youth offending worker", "professional"),
    ("YOT", "professional"),
    ("Virtual School advisor", "professional"),
    ("SW - CiN team", "professional"),
    ("both me and his dad but im the one typing lol", "parent_carer"),
    ("me and my dad", "young_person"),  # a young person and their parent
    ("my boyfriend hits me and his dad knows", "young_person"),  # the review: a disclosure, not a parent
    ("he hurts me and his mum doesnt care", "young_person"),
    # the buttons' words misspelt, as a whole answer (D7)
    ("younge persen", "young_person"), ("parnt or carer", "parent_carer"), ("im a profesional", "professional"),
    ("I'm the one who needs the help, not a parent", "young_person"),
    ("my teacher said to try this", "young_person"),  # as before: someone the young person knows
    ("my social worker set this up", "young_person"),
    # development author D8 (session 29): a school's parent support adviser
    ("PSA at a Harlow primary", "professional"), ("parent support advisor", "professional"), ("im the PSA", "professional"),
    ("my mum is a psa", None),
    # development author D9 (session 29)
    ("prof", "professional"), ("year 9 at beauchamp", "young_person"),
    # the team's own list of roles (session 29)
    ("Im from the school", "professional"), ("im a paediatrician", "professional"),
    ("speech and language therapist", "professional"), ("deputy head", "professional"), ("EWO", "professional"),
    ("childrens home manager", "professional"), ("calling from his gp surgery", "professional"),
    ("im from leicester", None), ("my mum works at camhs", None), ("i work at tesco", None),
    # the review (session 29): a worker who did something to the speaker, a service a child is under,
    # schoolwork: a young person, never a professional speaking
    ("the physio at the club touched me", "young_person"), ("deputy head at school hurts me", "young_person"),
    ("the coach at football touched me", "young_person"), ("i am under social care and he hits me", "young_person"),
    ("the teacher at school hit me", "young_person"), ("teacher at school keeps touching me", "young_person"),  # professional before
    ("work at school is too much", None), ("im from college", None),
    # session 30: a family word for the adult who did something is never that adult speaking (all were a parent's)
    ("uncle touched me", "young_person"), ("the uncle touched me", "young_person"), ("the carer hit me", "young_person"),
    ("family friend keeps touching me", "young_person"), ("mama hits me", "young_person"), ("godfather touches me", "young_person"),
    # development author D11: who they are, said their own way
    ("big sister, i'm 24 and he lives with me now", "parent_carer"), ("family friend, I'm looking after her while her mum's in hospital",
     "parent_carer"), ("I am mama of Ionut", "parent_carer"), ("im his big sister im 15", "young_person"),
    ("I work for a Traveller education charity, asking for a family I support", "professional"),
    ("TA, 1:1 for a boy in yr 3", "professional"), ("ta", None),
    # the review (session 30): the new words never make a child's disclosure a parent's
    ("mama locks me in my room", "young_person"), ("family friend sends me pics", "young_person"),
    ("godfather does things to me", "young_person"), ("mama mnie bije", None), ("mama is never home", None),
    ("older sister im 16 she lives with me", "young_person"),
    ("big sister, he lives with me and mum, mums boyfriend hits him", "young_person"),
    ("im 14 and the family i support is my mum and little brother", "young_person"), ("my family i see at weekends", None),
    ("family friend", "parent_carer"), ("mama here", "parent_carer"),
])
def test_who_is_chatting_said_in_their_own_way(text, role):
    assert parse_role_typed(text) == role


def test_a_role_put_aside_is_no_answer():
    assert parse_role_typed("i am not a parent") is None


@pytest.mark.parametrize(("text", "plain"), [
    ("mum of 3", True), ("dad of twins", True), ("shared custody dad", True), ("me and my husband foster", True),
    ("we adopted her", True), ("im a parent carer", True),
    ("mum of 3 and he hits me", False), ("mum of 3, im so tired of it all", False),  # never more than the answer
])
def test_new_role_answers_are_plain_only_alone(text, plain):
    assert is_plain_answer(text, "user_role") is plain


@pytest.mark.parametrize(("text", "plain"), [
    ("not on roll anywhere rn", True), ("off roll", True), ("not on roll and he hurts himself", False),
])
def test_not_on_roll_is_a_plain_school_answer(text, plain):
    """A phone trial (session 27): "not on roll anywhere rn" got the check question."""
    assert is_plain_answer(text, "school") is plain


def test_an_age_said_beside_a_year_of_birth_picks_one_of_its_two_ages():
    assert _age_from_birth_and_words(Age(17, 18), "so 18") == Age(18, 18)  # "born in 2008 so 18"
    assert _age_from_birth_and_words(Age(17, 18), "so") == Age(17, 18)
    assert _age_from_birth_and_words(None, "14") is None  # no real date: asked again


@pytest.mark.parametrize("text", ["DOB 07/14/2012", "dob 31/02/2012", "born 30 feb 2012", "dob 31/12/2099"])
def test_a_date_of_birth_that_is_no_real_date_in_the_past_is_no_age(text):
    """The review (session 27): its numbers were read as ages ("DOB 07/14/2012" was 7 to 14)."""
    assert parse_age(text) is None


@pytest.mark.parametrize(("text", "age"), [("9m", None), ("me2", None), ("10, 11, 12", Age(10, 11))])
def test_numbers_that_are_no_date_of_birth_or_age_unit(text, age):
    assert parse_age(text) == age


def test_full_stop_is_no_request_to_stop():
    """D6: "I'm a parent carer full stop" at "Who is chatting today?" was taken as "stop"."""
    from actions.triage_form import CONTROL_REQUEST

    assert not CONTROL_REQUEST.search("i m a parent carer full stop")
    assert CONTROL_REQUEST.search("stop") and CONTROL_REQUEST.search("please stop this")


@pytest.mark.parametrize("text", ["im a patient", "im a paitent"])  # ("im a patent" is one slip from parent)
def test_a_patient_is_no_parent_by_a_typo(text):
    """The review: two slips from "im a parent" read a CAMHS patient as a parent."""
    assert parse_role_typed(text) != "parent_carer"



@pytest.mark.parametrize(("text", "role"), [
    ("counsellor", "professional"), ("im a counsellor", "professional"), ("actually im his teacher", "professional"),
    ("actually im his mum", "parent_carer"), ("send this to my teacher", None),
    # a child telling what an adult did is never that adult speaking (the review, session 30)
    ("mum hits me", None), ("family friend touches me", None), ("mama locks me in my room", None),
    # ...with any verb: after the list, "mum cries all the time" had changed a child to a parent (session 46)
    ("dad beats mum", None), ("mum cries all the time", None), ("nan died last week", None), ("dad here, my son is 14", "parent_carer"),
])
def test_a_role_said_of_oneself_after_the_list(text, role):
    from signposting.parsing import role_said_of_oneself

    assert role_said_of_oneself(text) == role


@pytest.mark.parametrize("text", ["im a youth pastor at a church in loughborough", "youth minister", "school chaplain"])
def test_a_youth_pastor_or_a_school_chaplain_is_a_professional(text):
    """A user trial, session 47: "im a youth pastor at a church in loughborough" got "Sorry, I didn't get that"."""
    from signposting.parsing import parse_role_typed

    assert parse_role_typed(text) == "professional"
