"""A plain answer to the form's question goes on without the check question (issue #12);
anything more than the answer, or any risk signal but the model's check level, does not."""
from __future__ import annotations

import pytest

from signposting.plain_answer import (
    SLOTS,
    is_plain_answer,
    is_plain_answer_from_anyone,
    lowers_the_crisis_to_the_check,
    waives_the_check,
)

MODEL_CHECK = {"level": "check", "source": "model", "lexicon_categories": [], "crisis_language": None}


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("15 next month", "age"), ("13 in march", "age"), ("um 14 i think", "age"), ("16 or 17", "age"),
        ("like i said, 14", "age"), ("I'll be 15 soon", "age"), ("im in year 9", "age"), ("twelf", "age"), ("not sure", "age"),
        ("its me not my mum", "user_role"), ("i work at a childrens home", "user_role"), ("erm the first one", "user_role"),
        ("my self", "user_role"), ("dad here, she's 12", "user_role"), ("my foster daughter", "user_role"),
        ("parnet", "user_role"), ("im his social worker", "user_role"),
        ("im home skooled", "school"), ("She's been home educated since covid", "school"), ("nah", "school"),
        ("rather not say", "school"), ("leave it blank", "school"),
        ("mum of a 12yo", "user_role"), ("dad of a 15 yr old", "user_role"), ("im a mum to a 9 year old", "user_role"),
    ],
)
def test_answers_and_nothing_else_are_plain(text, slot):
    assert is_plain_answer(text, slot)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm his nan, he's 10", "parent_carer"), ("I'm his key worker, he's 17", "professional"),
        ("dad here, she's 12", "parent_carer"), ("she's in year 7", "parent_carer"), ("15 next month", "parent_carer"),
        ("He'll be 11 in September", "parent_carer"), ("he will be 11 in september", "professional"),
        ("he 12", "parent_carer"), ("16 or 17", "professional"), ("between 11 and 13", "parent_carer"),
    ],
)
def test_a_parent_or_a_professional_gives_the_childs_age(text, role):
    assert is_plain_answer(text, "age", role)


@pytest.mark.parametrize(
    ("text", "slot", "role"),
    [
        # someone else's age from a young person, or with nobody said yet (the review, session 13)
        ("hes 19", "age", "young_person"), ("he 12", "age", None), ("I'm his nan, he's 10", "age", "young_person"),
        ("im a teen he 21", "user_role", None), ("me he 19", "user_role", None), ("its me hes 25", "user_role", None),
        ("im a kid hes 19", "user_role", None), ("me not anyone else hes 20", "user_role", None),
        ("its for me not someone else he 19", "user_role", None), ("just me she 30", "user_role", None),
        # "my boy" is a boyfriend as often as a son
        ("my boy hes 19", "user_role", None), ("my boy he 19", "age", "parent_carer"),
        # two ages joined are not one unsure age
        ("she 13 and 19", "age", "parent_carer"), ("hes 13 and 20", "age", "parent_carer"), ("i am 14 and 20", "age", None),
    ],
)
def test_someone_elses_age_or_two_ages_are_not_plain(text, slot, role):
    assert not is_plain_answer(text, slot, role)


@pytest.mark.parametrize(
    "text",
    ["im her nan, she lives with me", "foster carer, I have my nephew full time", "I'm his dad but he lives with his mum at weekends",
     "grandma. I look after my granddaughter while her mum works", "special guardian, ive had my grandson since he was 2",
     "I am the young person's aunt and she has been living with us since last year", "im his mum, he stays with his dad every other weekend"],
)
def test_a_carer_saying_who_the_child_lives_with_is_plain(text):
    """"im his grandad, he lives with me" got "Are you thinking about hurting yourself…?" (session 18)."""
    assert is_plain_answer(text, "user_role")


@pytest.mark.parametrize(
    "text",
    ["im her mum, she lives with me since her dad kicked her out", "im his nan he lives with me because his dad hits him",
     "im her mum, she lives with her dad who hurts her", "im his aunt, he lives with me and his mum is in prison",
     "im his mum he lives with his dad and his girlfriend", "i look after my sister since mum left",
     "im her carer she lives with me since she ran away", "im his mum, he stays with an older man"],
)
def test_who_the_child_lives_with_and_anything_more_is_not_plain(text):
    assert not is_plain_answer(text, "user_role")


@pytest.mark.parametrize(
    ("text", "role", "age"),
    [
        # development author D10 (session 30): a part of a year, a birthday just gone, the next birthday
        ("13 and 7 months", "young_person", 13), ("eleven and a half", "young_person", 11), ("im 14 and a half", None, 14),
        ("18 as of last Tuesday", "young_person", 18), ("7, he'll be 8 in march", "parent_carer", 7),
        ("he turned 9 last week", "parent_carer", 9), ("she just turned 12 in may", "professional", 12),
        ("14, ill be 15 in may", "young_person", 14), ("14 and one month", "young_person", 14),
    ],
)
def test_a_part_of_a_year_or_a_birthday_beside_the_age_is_plain(text, role, age):
    from signposting.parsing import parse_age

    assert is_plain_answer(text, "age", role)
    parsed = parse_age(text)
    assert parsed is not None and parsed.low == parsed.high == age


@pytest.mark.parametrize(
    ("text", "role"),
    [("13 and 2 weeks ago", "young_person"), ("13 and 7 months since he left", "young_person"),
     ("he turned 9 last week and hasnt been home", "parent_carer"), ("she turned 12 in may", "young_person"),
     ("7, he'll be 8 in march", "young_person"), ("im 14 and a half and he is 20", None)],
)
def test_a_birthday_or_part_of_a_year_with_anything_more_is_not_plain(text, role):
    assert not is_plain_answer(text, "age", role)


# Answer-shaped messages with a sign of danger in everyday words, none of which the crisis lexicon
# needs to know (from the review of the first version, a bag of allowed words, which let them all through).
DANGER_IN_AN_ANSWER = [
    "13 and he said not to", "12 he told me not to", "14 i was told not to", "im 14 and he wants me to stay with him",
    "im 14 and my coach wants me to stay at his", "15, staying with an older boy", "im 13 and hes older",
    "im 9 and mum has not been home", "im 11 mum not home days", "15 and not going home", "im not gonna be 16",
    "14, trying again", "im 15 and using", "he is with me", "me, i stay with an older boy", "me, mum not home for days",
    "me, its him again", "me, hes at home", "rather not say, he told me not to", "not at school i dont have a home",
    "not at school, im not going home", "he's 19 and im 14", "me 14 hes 19", "its me, dad is back",
    "mum of a 12yo who cuts", "mum of a 12yo, hes missing",
    "not at school, they threw me out", "the first one he said",
]


@pytest.mark.parametrize("text", DANGER_IN_AN_ANSWER)
@pytest.mark.parametrize("slot", SLOTS)
def test_an_answer_with_anything_more_in_it_is_not_plain(text, slot):
    assert not is_plain_answer_from_anyone(text, slot)


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("میں 16 سال کی ہوں", "age"),  # words outside English are never read as nothing
        ("15 😢", "age"),
        ("Harlow", "area"), ("low mood", "concern"),  # only the role, age and school questions
        ("blue", "age"), ("", "age"), ("14", "user_role"), ("my dad", "user_role"),
    ],
)
def test_other_messages_and_questions_are_not_plain(text, slot):
    assert not is_plain_answer(text, slot)


def test_only_a_check_from_the_model_or_classifier_alone_is_waived():
    assert waives_the_check("15 next month", MODEL_CHECK, "age")
    assert waives_the_check("15 next month", {**MODEL_CHECK, "source": "classifier"}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "level": "crisis"}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "level": "none"}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "source": "lexicon"}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "lexicon_categories": ["suicidal"]}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "crisis_language": "ur"}, "age")
    assert not waives_the_check("15 next month", MODEL_CHECK, "concern")
    # a crisis on the risk corpus model that the everyday model lowered to a check (session 12 review)
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "lowered_from_crisis": True}, "age")


def test_only_the_models_crisis_level_on_a_plain_answer_is_lowered_to_the_check():
    crisis = {**MODEL_CHECK, "level": "crisis"}
    assert lowers_the_crisis_to_the_check("He'll be 11 in September", crisis, "age", "parent_carer")
    assert not lowers_the_crisis_to_the_check("He'll be 11 in September", crisis, "age", "young_person")
    assert not lowers_the_crisis_to_the_check("He'll be 11 in September", MODEL_CHECK, "age")  # check: waived instead
    assert not lowers_the_crisis_to_the_check("15 next month", {**crisis, "source": "lexicon"}, "age")
    assert not lowers_the_crisis_to_the_check("15 next month", {**crisis, "source": "classifier"}, "age")
    assert not lowers_the_crisis_to_the_check("15 next month", {**crisis, "lexicon_categories": ["suicidal"]}, "age")
    assert not lowers_the_crisis_to_the_check("15 next month", {**crisis, "crisis_language": "ur"}, "age")
    assert not lowers_the_crisis_to_the_check("13 and he said not to", crisis, "age")
    assert not lowers_the_crisis_to_the_check("15 next month", crisis, "concern")


@pytest.mark.parametrize("text", DANGER_IN_AN_ANSWER)
def test_danger_in_an_answer_at_crisis_level_keeps_the_crisis_reply(text):
    crisis = {**MODEL_CHECK, "level": "crisis"}
    assert not any(lowers_the_crisis_to_the_check(text, crisis, slot, role)
                   for slot in SLOTS for role in (None, "young_person", "parent_carer", "professional"))


@pytest.mark.parametrize("text", ["i dont want to tell", "none of your business", "rather not say"])
def test_a_refusal_at_crisis_level_keeps_the_crisis_reply(text):
    """Plain at check level (a refusal to name the school), but at crisis level it could be a secret."""
    assert not lowers_the_crisis_to_the_check(text, {**MODEL_CHECK, "level": "crisis"}, "school")


@pytest.mark.parametrize("text", ["im in foster care, its for me not my carer", "im in care", "respite foster carer",
                                  "my social worker told me to use this"])
def test_a_young_person_in_care_and_a_respite_carer_answer_plainly(text):
    """Development author D16 (session 36) got the check question for these."""
    assert is_plain_answer_from_anyone(text, "user_role")


@pytest.mark.parametrize("text", ["in care and my carer hits me", "my social worker told me to use this because of my dad",
                                  "my dad told me to do it", "my mum told me to try it"])
def test_in_care_with_more_told_is_not_plain(text):
    assert not is_plain_answer_from_anyone(text, "user_role")


@pytest.mark.parametrize("text", ["um its for me i guess, my mum told me to try this", "its for me, my teacher said to try this",
                                  "me, my mum told me to try this, 14", "its for me not my mum 14"])
def test_for_me_and_who_sent_them_here_is_plain(text):
    """A user trial (session 44): "um its for me i guess, my mum told me to try this" got the crisis
    reply (the risk model, 0.72). Plain, the model's crisis level gets the check question instead."""
    assert is_plain_answer(text, "user_role")
    assert lowers_the_crisis_to_the_check(text, {**MODEL_CHECK, "level": "crisis"}, "user_role")


@pytest.mark.parametrize("text", ["its for me, my dad told me to do it", "its for me my mum told me to try this and i want to die",
                                  "its for me, my mum told me to try this, she hits me", "for me, my mum doesnt know im doing this"])
def test_for_me_with_more_told_is_not_plain(text):
    assert not is_plain_answer_from_anyone(text, "user_role")


@pytest.mark.parametrize("text", ["She's only in reception", "shes only 12", "she's just 10", "he's 4, in reception"])
def test_only_or_just_before_an_age_and_reception_are_plain(text):
    """Development author D16 (session 36): "She's only in reception" got the check question."""
    assert is_plain_answer_from_anyone(text, "age")


def test_only_an_age_with_someone_elses_is_not_plain():
    assert not is_plain_answer_from_anyone("shes only 13 and hes 30", "age")
