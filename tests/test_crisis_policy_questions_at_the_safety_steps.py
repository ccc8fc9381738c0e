"""Session 35: a question about the question at "Are you safe right now?", and an answer to the
first questions typed to the check question a first message raised (bot/nlu/crisis_policy.py)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet

from bot.nlu.crisis_policy import next_crisis_action, next_step, what_we_mean_not_safe_reply
from tests.test_policies import after_the_crisis, scored, tracker

LISTEN = ActionExecuted("action_listen")


# --- "what do you mean" to "Are you safe right now?" ----------------------------------------------


@pytest.mark.parametrize("text", ["what do you mean", "wdym", "what does that mean?", "why are you asking", "i dont get it"])
def test_what_do_you_mean_to_are_you_safe_is_explained_and_asked_again(domain, text):
    """It got "Please call 999 now" (a phone trial, session 34)."""
    state = after_the_crisis(domain, scored(text, "ask_what_we_mean"))
    assert next_crisis_action(state) == "utter_what_we_mean_safe"
    state.update(ActionExecuted("utter_what_we_mean_safe"))
    assert next_step(state)[0] == "utter_ask_safe_now"


def test_asked_twice_it_is_no_answer_and_gets_the_not_safe_reply(domain):
    state = after_the_crisis(domain, scored("what do you mean", "ask_what_we_mean"))
    for event in (ActionExecuted("utter_what_we_mean_safe"), ActionExecuted("utter_ask_safe_now"), LISTEN,
                  scored("what do you mean", "ask_what_we_mean")):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now"


def test_explained_once_however_much_comes_between(domain):
    state = after_the_crisis(domain, scored("what do you mean", "ask_what_we_mean"))
    for event in (ActionExecuted("utter_what_we_mean_safe"), ActionExecuted("utter_ask_safe_now"), LISTEN,
                  scored("who is this", "ask_bot_identity"), ActionExecuted("utter_bot_identity"),
                  ActionExecuted("utter_ask_safe_now"), LISTEN, scored("what do you mean", "ask_what_we_mean")):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now"


@pytest.mark.parametrize(("asked", "role", "expected"), [
    ("utter_ask_safe_now", "parent_carer", "utter_what_we_mean_safe_child"),
    ("utter_ask_safe_now", "young_person", "utter_what_we_mean_safe"),
    ("utter_ask_safe_now_adult", "parent_carer", "utter_what_we_mean_safe"),  # a parent's own crisis
    ("utter_ask_safe_now_other", "young_person", "utter_what_we_mean_safe_other"),  # a friend's
])
def test_the_explanation_is_about_whoever_the_question_was_about(domain, asked, role, expected):
    state = tracker(domain, SlotSet("user_role", role),
                    scored("i've been planning how to kill myself and everything's ready", "express_crisis", "crisis", 0.95),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis_local"),
                    ActionExecuted(asked), LISTEN, scored("what do you mean?", "ask_what_we_mean"))
    assert next_crisis_action(state) == expected
    state.update(ActionExecuted(expected))
    assert next_step(state)[0] == asked


def test_after_an_overdose_taken_a_question_is_no_answer(domain):
    """Taken already: call 999 now, however it is asked."""
    state = tracker(domain, scored("i took 20 paracetamol an hour ago", "express_crisis", "crisis", 0.95),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["overdose"]), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), LISTEN, scored("what do you mean", "ask_what_we_mean"))
    assert not next_crisis_action(state).startswith("utter_what_we_mean")


def test_the_explanations_say_call_999_now_and_have_no_buttons_or_other_numbers(domain):
    """The question explained is asked again after them, with its buttons; no number but 999."""
    for name in ("utter_what_we_mean_safe", "utter_what_we_mean_safe_child", "utter_what_we_mean_safe_other"):
        (variant,) = domain.responses[name]
        assert "call 999 now" in variant["text"] and "buttons" not in variant
        assert not any(char.isdigit() for char in variant["text"].replace("999", ""))


def test_im_so_confused_at_are_you_safe_is_not_taken_for_a_question(domain):
    """The review: "im so confused" may tell how they are; it keeps the not-safe reply."""
    state = after_the_crisis(domain, scored("im so confused", "ask_what_we_mean"))
    assert next_crisis_action(state) == "utter_not_safe_now"


@pytest.mark.parametrize("text", ["why are you asking", "what do you mean"])
def test_a_question_after_please_call_999_now_is_explained_then_the_same_reply_again(domain, text):
    """"why are you asking" after "Please call 999 now" got "Sorry, I didn't get that" and the menu
    (session 35); then the same reply every time (the review's finding 10). What 999 and A&E are,
    then the reply again, once; asked again, the reply alone."""
    state = after_the_crisis(domain, scored("no", "deny"))
    for event in (ActionExecuted("utter_not_safe_now"), LISTEN, scored(text, "ask_what_we_mean")):
        state.update(event)
    assert next_crisis_action(state) == "utter_what_we_mean_not_safe"
    state.update(ActionExecuted("utter_what_we_mean_not_safe"))
    assert next_step(state)[0] == "utter_not_safe_now"
    for event in (ActionExecuted("utter_not_safe_now"), LISTEN, scored("i'm fine", "confirm_safe"),
                  ActionExecuted("utter_not_safe_now"), LISTEN, scored(text, "ask_what_we_mean")):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now"


@pytest.mark.parametrize(("asked", "role", "answer", "reply", "expected"), [
    ("utter_ask_safe_now", "young_person", "no", "utter_not_safe_now", "utter_what_we_mean_not_safe"),
    ("utter_ask_safe_now", "parent_carer", "no", "utter_not_safe_now_parent", "utter_what_we_mean_not_safe_child"),
    ("utter_ask_safe_now_adult", "parent_carer", "no", "utter_not_safe_now_adult", "utter_what_we_mean_not_safe"),
    ("utter_ask_safe_now_other", "young_person", "no", "utter_not_safe_now_other", "utter_what_we_mean_not_safe_other"),
])
def test_the_999_explanation_is_about_whoever_the_reply_was_about(domain, asked, role, answer, reply, expected):
    state = tracker(domain, SlotSet("user_role", role),
                    scored("i've been planning how to kill myself and everything's ready", "express_crisis", "crisis", 0.95),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis_local"),
                    ActionExecuted(asked), LISTEN, scored(answer, "deny"))
    assert next_crisis_action(state) == reply
    for event in (ActionExecuted(reply), LISTEN, scored("what do you mean", "ask_what_we_mean")):
        state.update(event)
    assert next_crisis_action(state) == expected
    state.update(ActionExecuted(expected))
    assert next_step(state)[0] == reply


def test_a_parents_plain_not_safe_reply_is_explained_about_the_child(domain):
    """The domain gives a parent the child's "Please call 999 now" by the `user_role` slot."""
    state = tracker(domain, SlotSet("user_role", "parent_carer"))
    assert what_we_mean_not_safe_reply(state, "utter_not_safe_now") == "utter_what_we_mean_not_safe_child"
    assert what_we_mean_not_safe_reply(state, "utter_taken_something_adult") == "utter_what_we_mean_not_safe"


def test_the_999_explanations_name_only_999_and_no_buttons(domain):
    """Sourced (nat-999-ae: 999 at any time; A&E, no referral) and plain: no other number, no buttons."""
    for name in ("utter_what_we_mean_not_safe", "utter_what_we_mean_not_safe_child", "utter_what_we_mean_not_safe_other"):
        (variant,) = domain.responses[name]
        assert "999" in variant["text"] and "buttons" not in variant and "condition" not in variant
        assert not any(char.isdigit() for char in variant["text"].replace("999", "").replace("24", ""))


# --- An answer to the first questions typed to the check a first message raised ---------------------


WORDS = {"source": "lexicon", "lexicon_categories": ["suicidal"]}


def at_the_opening_check(domain, answer, **risk):
    return tracker(domain, SlotSet("user_role", "parent_carer"),
                   scored("im worried my son wants to end his life", "express_crisis", "check", 0.01, **(risk or WORDS)),
                   ActionExecuted("utter_check_risk"), LISTEN, answer)


@pytest.mark.parametrize(("text", "intent"), [("I am his mum", "inform"), ("im his mum", "inform"), ("hes 14", "inform"),
                                              ("harlow", "inform"), ("dad here", "greet")])
def test_an_answer_to_the_first_questions_gets_the_check_again(domain, text, intent):
    """"I am his mum" got the greeting and the questions: the check was dropped, and the worry too."""
    state = at_the_opening_check(domain, scored(text, intent))
    assert next_crisis_action(state) == "utter_check_first"
    state.update(ActionExecuted("utter_check_first"))
    assert next_step(state)[0] == "utter_check_risk"


def test_typed_instead_again_the_questions_go_on(domain):
    """Tried and dropped (session 35): the crisis reply for a second answer instead came to "Melton
    Mowbray" after "year 8" in development conversations G8 (not risk). The rules answer it."""
    state = at_the_opening_check(domain, scored("I am his mum", "inform"))
    for event in (ActionExecuted("utter_check_first"), ActionExecuted("utter_check_risk"), LISTEN, scored("hes 14", "inform")):
        state.update(event)
    assert next_crisis_action(state) is None


def test_no_after_it_starts_the_questions_at_once(domain):
    """The message the check asked about opened the chat: "Let's carry on" and the questions, not
    "Would you like me to find support near you?" (as after "what do you mean" too)."""
    state = at_the_opening_check(domain, scored("I am his mum", "inform"))
    for event in (ActionExecuted("utter_check_first"), ActionExecuted("utter_check_risk"), LISTEN, scored("no", "deny"),
                  ActionExecuted("utter_check_ok")):
        state.update(event)
    assert next_step(state)[0] == "triage_form"


@pytest.mark.parametrize(("text", "intent"), [("no", "deny"), ("yes", "affirm"), ("he hasnt said it again since", "inform"),
                                              ("/greet", "greet"),
                                              # the review: a person named answers "is someone hurting them?"; "1" is the first button
                                              ("a teacher", "inform"), ("his stepdad", "inform"), ("1", "inform")])
def test_answers_and_more_told_are_not_taken_for_an_answer_to_the_questions(domain, text, intent):
    assert next_crisis_action(at_the_opening_check(domain, scored(text, intent))) != "utter_check_first"


def test_a_check_from_the_models_alone_is_left_as_before(domain):
    """Tried and dropped (session 35): on development conversations G5 the check again came after
    "ill fail anyway" and "he hates himself when he loses at games", and a later "ok thanks" got the
    crisis reply. Only a check about a message with risk words asks again."""
    state = at_the_opening_check(domain, scored("hes 14", "inform"), source="model", lexicon_categories=[])
    assert next_crisis_action(state) != "utter_check_first"


@pytest.mark.parametrize("text", ["hes 14", "I am his mum", "harlow"])
def test_in_the_form_an_answer_instead_gets_the_check_again_too(domain, text):
    """A phone trial (session 35): in the widget, "I am his mum" to the check at the age question got
    "OK." and the age question, and the check was dropped; "14" was taken as the age the same way."""
    state = tracker(domain, SlotSet("user_role", "parent_carer"), ActionExecuted("triage_form"), ActiveLoop("triage_form"),
                    SlotSet("requested_slot", "age"), LISTEN,
                    scored("he says he wants to end his life", "express_crisis", "check", 0.01, **WORDS),
                    ActionExecuted("utter_check_risk"), LISTEN, scored(text, "inform"))
    assert next_crisis_action(state) == "utter_check_first"


# --- A person named at the check question --------------------------------------------------------


@pytest.mark.parametrize("text", ["a teacher", "my stepdad", "his stepdad", "him", "someone", "the boys at school", "dad"])
def test_a_person_named_at_the_check_is_who_is_hurting_them(domain, text):
    """The review (session 35): "a teacher" after "someone at school keeps touching me" got the
    greeting, and the child was taken for a professional; the check was dropped."""
    state = tracker(domain, scored("someone at school keeps touching me", "express_crisis", "check", 0.3, **WORDS),
                    ActionExecuted("utter_check_risk"), LISTEN, scored(text, "inform"))
    assert next_crisis_action(state) == "utter_crisis"


@pytest.mark.parametrize("text", ["dad", "mum"])
def test_a_bare_mum_or_dad_from_a_parent_says_who_they_are_and_gets_the_check_again(domain, text):
    """A parent's "dad" to the check got "OK." and the age question: the check was dropped."""
    assert next_crisis_action(at_the_opening_check(domain, scored(text, "inform"))) == "utter_check_first"


@pytest.mark.parametrize("text", ["my friend", "no", "i dont know", "dad here", "I am his mum", "a teacher at school said i should"])
def test_not_a_person_named_alone(domain, text):
    state = tracker(domain, scored("someone at school keeps touching me", "express_crisis", "check", 0.3, **WORDS),
                    ActionExecuted("utter_check_risk"), LISTEN, scored(text, "inform"))
    from bot.nlu.crisis_policy import names_who_instead
    assert not names_who_instead(state, text)


@pytest.mark.parametrize("text", ["why should i call 999", "do i have to call 999?", "how do i get to a&e", "what's A&E?",
                                  "what will happen if i ring 999"])
def test_a_question_about_999_after_please_call_999_now_is_explained_not_thanked(domain, text):
    """The review (session 36): these got "You did the right thing… until help comes"."""
    state = after_the_crisis(domain, scored("no", "deny"))
    for event in (ActionExecuted("utter_not_safe_now"), LISTEN, scored(text, "ask_service_info")):
        state.update(event)
    assert next_crisis_action(state) == "utter_what_we_mean_not_safe"


@pytest.mark.parametrize("text", ["ok ambulance is coming", "mum has called 999", "is the ambulance coming?"])
def test_help_on_its_way_is_still_thanked(domain, text):
    state = after_the_crisis(domain, scored("no", "deny"))
    for event in (ActionExecuted("utter_not_safe_now"), LISTEN, scored(text, "inform")):
        state.update(event)
    assert next_crisis_action(state) == "utter_help_is_coming"
