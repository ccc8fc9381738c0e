"""Session 48: after a crisis the risk models alone raised ("i cant do this anymore"), what the words
meant ("i meant school", "not like that") or another answer that is no answer gets the check
question, not "Please call 999 now"; and the call refused ("i dont want to call 999") gets the ways
to get help without a call, once (bot/nlu/crisis_policy.py, signposting/after_crisis.py)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.nlu.crisis_policy import next_crisis_action, next_step
from signposting.after_crisis import refuses_to_call, tells_what_they_meant
from tests.test_policies import said_with, scored, tracker

LISTEN = ActionExecuted("action_listen")
CHECK = "utter_check_risk"
OTHER_WAYS = "utter_other_ways_to_get_help"
NOT_SAFE = "utter_not_safe_now"


@pytest.mark.parametrize("text", [
    "i meant school", "not like that", "no its just exams lol", "i just meant school stresses me out", "its just school",
    "no i meant the homework", "i didnt mean it like that", "nah not like that lol", "i was talking about my gcses",
    "its only revision", "its fine i meant school", "wait what i meant my exams", "just school stress",
])
def test_what_the_words_meant_is_read(text):
    assert tells_what_they_meant(text)


@pytest.mark.parametrize("text", [
    "i meant it", "i mean what i said", "i meant everything", "not like that i want to die", "its just everything",
    "its just life", "i meant i cant do this anymore", "no", "not really", "its just me", "i meant my life",
    "i meant school and i want to die", "no im not safe", "i meant it literally", "not safe",
])
def test_anything_more_or_else_is_not(text):
    assert not tells_what_they_meant(text)


@pytest.mark.parametrize("text", [
    "i dont want to call 999", "im not calling 999", "i dont wanna call anyone", "no im not ringing them", "i wont call",
    "i dont want to talk to a stranger", "nah not calling anyone lol", "we dont want to call 999",
])
def test_the_call_refused_is_read(text):
    assert refuses_to_call(text)


@pytest.mark.parametrize("text", [
    "i dont want to call 999 i want to die", "i dont want to live", "i called 999", "im calling 999 now", "i dont want to",
    "dont call my mum", "i dont want to call my dad", "i wont be here tomorrow",
    "i cant talk to anyone",  # how alone they are (the review, session 48)
])
def test_more_than_the_call_refused_is_not(text):
    assert not refuses_to_call(text)


def _after_a_crisis(domain, answer, *, told="i cant do this anymore", source="model", lexicon=(), role="young_person",
                    kind="general", categories=("suicidal",), asked="utter_ask_safe_now", more=()):
    risk = {"level": "crisis", "source": source, "score": 0.8, "categories": list(categories)}
    if lexicon:
        risk["lexicon_categories"] = list(lexicon)
    return tracker(domain, SlotSet("user_role", role), said_with(told, "express_crisis", **risk),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", list(categories)), SlotSet("crisis_kind", kind),
                   ActionExecuted("utter_crisis_local"), ActionExecuted(asked), LISTEN, *more, answer)


@pytest.mark.parametrize(("text", "intent"), [
    ("i meant school", "inform"), ("not like that", "deny"), ("no i meant exams", "deny"), ("its just school", "inform"),
    ("its fine i meant school", "confirm_safe"),
])
def test_after_the_models_crisis_what_it_meant_gets_the_check_question(domain, text, intent):
    """Both user trials, session 47: each got "Please call 999 now"."""
    assert next_crisis_action(_after_a_crisis(domain, scored(text, intent))) == CHECK


def test_a_parents_models_crisis_gets_the_check_about_the_child(domain):
    state = _after_a_crisis(domain, scored("he said it about his gcses", "inform"), role="parent_carer",
                            told="my son is 14 and says he cant do this anymore")
    assert next_crisis_action(state) == CHECK


@pytest.mark.parametrize("kwargs", [
    {"source": "lexicon", "lexicon": ["suicidal"], "told": "i want to kill myself"},  # risk words: the crisis stands
    {"kind": "third_party", "told": "my mate cant do this anymore"},  # the check asks of the speaker
    {"categories": ["unsafe_now"], "kind": "unsafe_now", "told": "hes outside again"},  # danger now
])
def test_a_crisis_in_words_about_someone_else_or_in_danger_keeps_the_not_safe_reply(domain, kwargs):
    assert next_crisis_action(_after_a_crisis(domain, scored("i meant school", "inform"), **kwargs)) != CHECK


@pytest.mark.parametrize(("text", "intent"), [
    ("idk", "dont_know"), ("bye", "goodbye"), ("no", "deny"),
    # any other answer is no answer (the review, session 48: "3 times", "not feeling anything yet so i
    # might have more", "anyway whats the grade boundary for chem usually" got the check question)
    ("harlow", "inform"), ("3 times", "inform"),
    # the crisis meant, or a time (the second review, session 48)
    ("im serious", "inform"), ("for real", "inform"), ("fr", "inform"), ("i really cant", "inform"), ("its today", "inform"),
    ("i meant today", "inform"),
])
def test_not_knowing_leaving_or_a_plain_no_after_the_models_crisis_stays_not_safe(domain, text, intent):
    assert next_crisis_action(_after_a_crisis(domain, scored(text, intent))) == NOT_SAFE


@pytest.mark.parametrize("told", ["the razor thing i said id stop", "not feeling anything yet so i might have more",
                                  "if i dont get the grades im not gonna be around to resit, ive decided"])
def test_after_a_models_crisis_telling_an_act_a_time_or_a_decision_what_it_meant_stays_not_safe(domain, told):
    assert next_crisis_action(_after_a_crisis(domain, scored("i meant school", "inform"), told=told)) == NOT_SAFE


def test_the_check_is_asked_once_then_no_answer_is_not_safe(domain):
    """After the check question and the crisis reply again ("yes" to the check), what it meant is no
    answer: the crisis reply came from a yes, not from the models alone."""
    state = _after_a_crisis(domain, scored("yes", "affirm"), more=(
        scored("i meant school", "inform"), ActionExecuted(CHECK), LISTEN))
    action = next_crisis_action(state)
    assert action == "utter_crisis"
    for event in (ActionExecuted(action), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), LISTEN,
                  scored("i meant school", "inform")):
        state.update(event)
    assert next_crisis_action(state) == NOT_SAFE


def test_the_call_refused_gets_other_ways_once_then_the_question_again(domain):
    """Both user trials, session 47: "i dont want to call 999" got "Please call 999 now" again."""
    state = _after_a_crisis(domain, scored("i dont want to call 999", "change_answer"), source="lexicon", lexicon=["suicidal"],
                            told="i want to kill myself")
    assert next_crisis_action(state) == OTHER_WAYS
    state.update(ActionExecuted(OTHER_WAYS))
    assert next_step(state)[0] == "utter_ask_safe_now"
    for event in (ActionExecuted("utter_ask_safe_now"), LISTEN, scored("im not calling", "deny")):
        state.update(event)
    assert next_crisis_action(state) == NOT_SAFE  # refused again: the call stays the help


def test_the_call_refused_after_saying_not_safe_stays_not_safe(domain):
    """The review, session 48: "no" (not safe), then "im not calling anyone" got the other ways,
    which have no A&E line; the not-safe reply already gives Childline and Shout."""
    state = _after_a_crisis(domain, scored("im not calling anyone", "deny"), source="lexicon", lexicon=["suicidal"],
                            told="i want to kill myself", more=(scored("no", "deny"), ActionExecuted(NOT_SAFE), LISTEN))
    assert next_crisis_action(state) == NOT_SAFE


@pytest.mark.parametrize("kwargs", [
    # an act under way, its means, a time or a plan: the call is the help (the review, session 48)
    {"categories": ["self_harm"], "told": "i just cut myself and theres a lot of blood"},
    {"told": "im going to kill myself tonight"},
    {"told": "ive written my note and im ready"},
    {"told": "i have a rope ready"},
    {"told": "im going to kill myself tomorrow"}, {"told": "i want to die, ive got a belt"},
    # (the third review)
    {"told": "i want to die tonite"}, {"told": "i want to die, this is my last message"}, {"told": "i want to die and i know how"},
    {"told": "i want to kill myself, ive researched ways"}, {"told": "i want to kill myself with my insulin"},
    {"told": "i wrote goodbye letters to everyone"}, {"told": "im going to step in front of a lorry"},
    {"kind": "third_party", "told": "my friend said shes going to kill herself"},  # the other ways are for the speaker
    {"categories": ["danger_overdose"], "told": "i took 20 pills"},  # taken: the ambulance is the help (session 40)
    {"categories": ["unsafe_now"], "kind": "unsafe_now", "told": "hes outside with a knife"},
    {"role": "parent_carer", "told": "my daughter says she wants to die"},  # a parent's call for a child
])
def test_the_call_refused_in_danger_or_by_a_parent_stays_not_safe(domain, kwargs):
    state = _after_a_crisis(domain, scored("i dont want to call 999", "change_answer"), source="lexicon", **kwargs)
    assert next_crisis_action(state) not in (OTHER_WAYS, CHECK, None)


def test_the_call_refused_after_not_safe_was_said_earlier_in_the_chat_stays_not_safe(domain):
    """The second review, session 48: "i want to die", "no", "i want to kill myself", then "i dont want
    to call 999" got the other ways: the second crisis step had forgotten the "not safe"."""
    state = _after_a_crisis(
        domain, scored("no", "deny"), source="lexicon", lexicon=["suicidal"], told="i want to die",
        more=())
    for event in (ActionExecuted(NOT_SAFE), LISTEN,
                  said_with("i want to kill myself", "express_crisis", level="crisis", source="lexicon", categories=["suicidal"],
                            lexicon_categories=["suicidal"]),
                  ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), LISTEN,
                  scored("i dont want to call 999", "change_answer")):
        state.update(event)
    assert next_crisis_action(state) == NOT_SAFE


def test_cant_go_on_soon_after_the_check_put_it_aside_is_the_crisis_again(domain):
    """The third review, session 48: "i meant school", "no", then "i really cant do this" was taken as a
    school's name."""
    state = _after_a_crisis(domain, scored("i meant school", "inform"))
    for event in (ActionExecuted(CHECK), LISTEN, scored("no", "deny"), ActionExecuted("utter_check_ok"), LISTEN,
                  scored("i really cant do this", "nlu_fallback")):
        state.update(event)
    assert next_crisis_action(state) == "utter_crisis"
