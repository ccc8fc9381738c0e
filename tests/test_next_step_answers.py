"""Issue #12 (12e): typed answers to "What would you like to do next?" after the list. Pure
parts: which answer a change request names, and whether a turn changed any answer."""
from __future__ import annotations

import pytest

from actions.services import ASK_AGAIN, changed_this_turn, ran_this_turn
from signposting.change_request import names_somewhere_else, parse_change_target, without_target_words


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("different area", "area"),
        ("another area please", "area"),
        ("can we try another postcode", "area"),
        ("i want to look in a different town", "area"),
        ("change where i live", "area"),
        ("can I change the age", "age"),
        ("wrong age", "age"),
        ("change my age", "age"),
        ("wrong school", "school"),
        ("can i change the worry", "concern"),
        ("what about a different problem", "concern"),
        # Asking for somewhere nearer is about the area (a user trial, session 18).
        ("have u got anything closer to oakham", "area"),
        ("is there anything nearer", "area"),
        ("any groups closer to home", "area"),
        ("something more local?", "area"),
        ("is there help near me", "area"),
        ("none of these are near us", "area"),  # the list is not near: asked about, never "somewhere else"
        ("none of them are close to us", "area"),
        ("those r too far", "area"),  # D3: got what the services say of themselves
        ("these are all a bit far for us", "area"),
        ("any others closer to oakham", "area"),  # a place named: searched there
        # A mistake named with its answer (development set D3: "What would you like to change?").
        ("I made a mistake with the postcode, can we redo it", "area"),
        ("i got my age wrong", "age"),
    ],
)
def test_a_change_request_names_the_question_to_ask_again(text, target):
    assert parse_change_target(text) == target


@pytest.mark.parametrize(
    "text", ["that's all thanks", "nothing else", "another one", "more please", "my area is nice", "actually im 15",
             "hello", "i worry about school", "i want to be closer to my dad", "my friends live nearer",
             "i made a mistake at school and now everyone hates me", "im not close to my mum",
             "they went too far", "my friend took a joke too far", "its gone too far now",
             # other services asked for beside "not near", no place named: more options (D7)
             "none of these r near me, got anything else", "those are too far, any others?",
             # the review: said of people, not of the list
             "they are way too far into the gang now", "they r too far behind at school", "they are too far gone"],
)
def test_other_messages_name_no_change(text):
    assert parse_change_target(text) is None


def test_the_named_words_are_not_read_as_the_new_answer():
    assert without_target_words("change the worry to bullying", "concern").split() == ["change", "the", "to", "bullying"]
    assert without_target_words("another area", "area").split() == ["another"]
    assert without_target_words("actually I'm 15", None) == "actually I'm 15"


def test_every_target_empties_slots_the_form_asks_for():
    assert set(ASK_AGAIN) == {"area", "age", "school", "concern"}
    for target, slots in ASK_AGAIN.items():
        assert target in slots


def user(text):
    return {"event": "user", "text": text}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def test_a_turn_that_set_nothing_new_changed_nothing():
    earlier = [user("hi"), slot("area_code", "herts"), slot("concern", "low_mood"), {"event": "action", "name": "x"}]
    assert not changed_this_turn([*earlier, user("hello")], ("area_code", "concern"))
    # The form re-setting the same value is no change either.
    assert not changed_this_turn([*earlier, user("hello"), slot("area_code", "herts")], ("area_code", "concern"))


def test_a_turn_that_set_a_new_value_changed_it():
    earlier = [user("hi"), slot("area_code", None), slot("concern", "low_mood")]
    assert changed_this_turn([*earlier, user("Leicester"), slot("area_code", "leicester")], ("area_code", "concern"))
    # The first search: nothing before.
    assert changed_this_turn([user("low mood"), slot("concern", "low_mood")], ("concern",))


def test_only_an_action_of_this_turn_counts():
    events = [user("hi"), {"event": "action", "name": "triage_form"}, user("back to my child"),
              {"event": "action", "name": "utter_back_to_child_help"}]
    assert not ran_this_turn(events, "triage_form")
    assert ran_this_turn([*events[:3], {"event": "action", "name": "triage_form"}], "triage_form")


@pytest.mark.parametrize(("text", "elsewhere"), [
    ("we moved somewhere else so none of these are near us", True),
    ("we live somewhere else, none of these are near us", True),
    ("we've moved", True),
    ("none of these are near us", False),
    ("is there anything closer", False),
])
def test_saying_they_live_somewhere_else_is_told_from_the_list_not_being_near(text, elsewhere):
    assert names_somewhere_else(text) is elsewhere


@pytest.mark.parametrize(("text", "childs"), [
    ("is there anything for autism support aswell", True),  # D5: got a parent's own options
    ("anything for eating disorders", True),
    ("any support for young carers", True),
    ("is there anything for parents", False),
    ("is there something for me as a parent too", False),
    ("anything for parents of kids with adhd", False),
    ("parent helpline?", False),
    # the parent's own, in other words (the review)
    ("any help for my own low mood", False),
    ("support for single mums with anxiety", False),
    ("anything for dads struggling with stress", False),
    ("anything for my wife shes depressed", False),
    ("anything for my son with autism", True),
])
def test_services_asked_for_the_childs_worry_not_the_parents(text, childs):
    from actions.services import asks_for_services_for_the_childs_worry

    assert asks_for_services_for_the_childs_worry(text) is childs


@pytest.mark.parametrize(("text", "corrects"), [
    ("oops i said 13 im 15", True),  # development author D5: got the check question, then lost after "No"
    ("i put 13 but hes 12", True),
    ("i pressed the wrong button", False),  # no new answer beside it: the next step, as before
    ("my bad, typo", False),
    ("my bad i took too many", False),  # the review: a slip word alone is no correction
    ("typo sorry, i have pills saved up", False),
    ("none of them r near me", True),  # somewhere nearer asks about the area (parse_change_target)
    ("i put the wrong age", True),
    ("i said i was fine", False),
    ("she said she wants to die", False),
    ("do it again for his brother", False),
    ("ill call them on monday thanks", False),
])
def test_saying_an_answer_was_wrong(text, corrects):
    from signposting.change_request import corrects_an_answer

    assert corrects_an_answer(text) is corrects


@pytest.mark.parametrize(("text", "role"), [
    # development author D5 (session 30): "counsellor pls" made the parent a professional after the list
    ("counsellor pls", None), ("a counsellor please", None), ("can i see a counsellor", None),
    ("actually im his teacher", "professional"), ("dad here", "parent_carer"), ("send this to my teacher", None),
    ("social worker thanks", "professional"),
])
def test_who_the_speaker_says_they_are_after_the_list(text, role):
    from actions.services import role_changed_to

    assert role_changed_to(text) == role
