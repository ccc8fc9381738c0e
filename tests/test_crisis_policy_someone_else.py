"""Session 47's user trials: after a crisis reply about someone else (a friend, a parent's child),
how to help them asked, and where they are told as the answer to the safety question
(bot/nlu/crisis_policy.py, signposting/after_crisis.py, signposting/parsing.py)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet

from bot.nlu.crisis_policy import next_crisis_action, next_step
from signposting.after_crisis import asks_how_to_help_them
from tests.test_policies import said_with, scored, tracker

LISTEN = ActionExecuted("action_listen")
HELPING = "utter_helping_someone_at_risk"


def _after_a_friends_crisis(domain, answer, *, role=None, asked="utter_ask_safe_now_other", more=()):
    return tracker(domain, *([SlotSet("user_role", role)] if role else []),
                   said_with("my mate said he wants to kill himself", "express_crisis", level="crisis", source="lexicon",
                             categories=["suicidal"], lexicon_categories=["suicidal"]),
                   ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["suicidal"]),
                   SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_crisis_local"), ActionExecuted(asked), LISTEN,
                   *more, answer)


@pytest.mark.parametrize("text", [
    "what do i say to him", "what do i do", "what do i do?", "how can i help her", "should i tell his mum", "ok what now",
    "how do i help my friend", "what should i do now",
])
def test_how_to_help_them_is_read(text):
    assert asks_how_to_help_them(text)


@pytest.mark.parametrize("text", [
    "what do i do hes taken pills", "what do i do i want to die too", "what do i do with my life", "how do i help myself",
    "what do you do", "should i tell you my age",
])
def test_more_than_how_to_help_them_is_not(text):
    assert not asks_how_to_help_them(text)


def test_how_to_help_a_friend_at_the_safety_question_says_who_can_advise_then_asks_again(domain):
    """A user trial, session 46: "what do i say to him" got the crisis reply for the speaker's own danger."""
    state = _after_a_friends_crisis(domain, scored("what do i say to him", "express_crisis", "check", 0.3))
    assert next_crisis_action(state) == HELPING
    state.update(ActionExecuted(HELPING))
    assert next_step(state)[0] == "utter_ask_safe_now_other"


def test_asked_again_at_the_safety_question_the_question_is_said_plainly_then_it_is_no_answer(domain):
    state = _after_a_friends_crisis(
        domain, scored("what do i do", "ask_bot_identity"),
        more=(scored("what do i say to him", "express_crisis", "check", 0.3), ActionExecuted(HELPING),
              ActionExecuted("utter_ask_safe_now_other"), LISTEN))
    assert next_crisis_action(state) == "utter_what_we_mean_safe_other"
    for event in (ActionExecuted("utter_what_we_mean_safe_other"), ActionExecuted("utter_ask_safe_now_other"), LISTEN,
                  scored("what do i do", "ask_bot_identity")):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now_other"


def _after_a_parents_crisis(domain, told, categories, kind, *more):
    return tracker(domain, SlotSet("user_role", "parent_carer"),
                   said_with(told, "express_crisis", level="crisis", source="lexicon", categories=categories,
                             lexicon_categories=categories),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", categories), SlotSet("crisis_kind", kind),
                   ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), LISTEN, *more)


@pytest.mark.parametrize(("told", "categories", "kind", "more"), [
    # after "Please call 999 now": the danger comes first (the review, session 47)
    ("my son says he wants to die", ["suicidal"], "general",
     (scored("no", "deny"), ActionExecuted("utter_not_safe_now"), LISTEN)),
    ("my daughter took 20 paracetamol", ["danger_overdose"], "general", ()),  # an act taken
    ("my ex is outside the house threatening me and my son", ["unsafe_now"], "unsafe_now", ()),  # danger now
    ("my son is 14 and hes being groomed online by a man", ["grooming_online"], "grooming_online", ()),  # CEOP, 101
])
def test_how_to_help_them_is_no_reply_in_danger_or_for_harm_done_by_others(domain, told, categories, kind, more):
    state = _after_a_parents_crisis(domain, told, categories, kind, *more, scored("what do i do now", "ask_bot_identity"))
    assert next_crisis_action(state) != HELPING


def test_where_they_are_after_a_hanging_tried_is_no_safe_answer(domain):
    """The review, session 47: "hes asleep now" after "my son tried to hang himself tonight" got "I'm glad your child is safe"."""
    state = _after_a_parents_crisis(domain, "my son tried to hang himself tonight", ["suicidal"], "general",
                                    scored("hes asleep now", "inform", "none", 0.1))
    assert next_crisis_action(state) in ("utter_not_safe_now", "utter_crisis")  # never "I'm glad your child is safe"


def test_after_a_safe_answer_how_to_help_them_is_answered_then_the_offer(domain):
    """A user trial, session 47: "what do i do" after a brother's "wants to die" got "I'm a chatbot, not a person"."""
    state = _after_a_friends_crisis(
        domain, scored("what do i do", "ask_bot_identity"), asked="utter_ask_safe_now_other",
        more=(scored("yes", "affirm"), ActionExecuted("utter_glad_they_are_safe"), ActionExecuted("utter_offer_to_continue"), LISTEN))
    assert next_crisis_action(state) == HELPING
    state.update(ActionExecuted(HELPING))
    assert next_step(state)[0] == "utter_offer_to_continue"


def test_a_parents_question_about_their_child_is_answered_too(domain):
    state = tracker(domain, SlotSet("user_role", "parent_carer"),
                    said_with("my son says he wants to die", "express_crisis", level="crisis", source="lexicon",
                              categories=["suicidal"], lexicon_categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), SlotSet("crisis_kind", "general"),
                    ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), LISTEN,
                    scored("what do i say to him", "express_crisis", "check", 0.3))
    assert next_crisis_action(state) == HELPING


def test_after_ones_own_crisis_it_is_no_question_about_someone_else(domain):
    state = tracker(domain, SlotSet("user_role", "young_person"),
                    said_with("i want to kill myself", "express_crisis", level="crisis", source="lexicon",
                              categories=["suicidal"], lexicon_categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), SlotSet("crisis_kind", "general"),
                    ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), LISTEN,
                    scored("what do i do", "express_crisis", "check", 0.3))
    assert next_crisis_action(state) != HELPING


def test_during_the_questions_it_is_left_to_the_form(domain):
    state = _after_a_friends_crisis(
        domain, scored("what do i do", "ask_bot_identity"),
        more=(scored("yes", "affirm"), ActionExecuted("utter_glad_they_are_safe"), ActiveLoop("triage_form"),
              SlotSet("requested_slot", "age"), ActionExecuted("triage_form"), LISTEN))
    assert next_crisis_action(state) != HELPING


@pytest.mark.parametrize(("asked", "role", "text", "reply"), [
    ("utter_ask_safe_now", "parent_carer", "shes asleep upstairs now", "utter_glad_child_is_safe"),
    ("utter_ask_safe_now", "parent_carer", "he is at school", "utter_glad_child_is_safe"),
    ("utter_ask_safe_now_other", "young_person", "hes with his mum now", "utter_glad_they_are_safe"),
])
def test_where_they_are_with_an_adult_or_asleep_is_a_safe_answer_about_them(domain, asked, role, text, reply):
    """A user trial, session 47: each got "Please call 999 now". The models alone scored "hes with his
    mum now" as a crisis; its words are all a place, a person or a safe word."""
    state = tracker(domain, SlotSet("user_role", role),
                    said_with("she told me last night she wants to die", "express_crisis", level="crisis", source="lexicon",
                              categories=["suicidal"], lexicon_categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis_local"),
                    ActionExecuted(asked), LISTEN, scored(text, "inform", "crisis", 0.7, source="model"))
    assert next_crisis_action(state) == reply


def test_where_they_are_is_no_safe_answer_of_the_speaker_themselves(domain):
    state = tracker(domain, SlotSet("user_role", "young_person"),
                    said_with("i want to kill myself", "express_crisis", level="crisis", source="lexicon",
                              categories=["suicidal"], lexicon_categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), LISTEN, scored("shes asleep upstairs now", "inform"))
    assert next_crisis_action(state) == "utter_not_safe_now"


def test_where_they_are_beside_a_risk_word_is_no_safe_answer(domain):
    state = _after_a_friends_crisis(domain, scored("hes with his mum now", "inform", "crisis", 0.9, source="lexicon",
                                                   matches=[{"category": "suicidal"}], lexicon_categories=["suicidal"]))
    assert next_crisis_action(state) != "utter_glad_they_are_safe"


@pytest.mark.parametrize(("kind", "first"), [
    ("exploitation", "utter_crisis_exploitation"), ("grooming_online", "utter_crisis_grooming_online"),
    ("forced_marriage_fgm", "utter_crisis_forced_marriage_fgm"),
])
def test_a_professional_is_asked_about_the_young_person_after_a_reply_kept_for_its_numbers(domain, kind, first):
    """A user trial, session 47: a coach told of a player made to sell drugs was asked "Are you safe right now?"."""
    from bot.nlu.crisis_policy import safety_question

    state = tracker(domain, SlotSet("user_role", "professional"), said_with("one of my players is being made to sell weed"),
                    ActionExecuted(first), SlotSet("crisis_kind", kind), SlotSet("crisis_about_another", True),
                    ActionExecuted("utter_crisis_local"))
    assert safety_question(state) == "utter_ask_safe_now_other"
    assert next_step(state)[0] == "utter_ask_safe_now_other"
    young = tracker(domain, SlotSet("user_role", "young_person"), said_with("they make me sell weed"),
                    ActionExecuted(first), SlotSet("crisis_kind", kind), ActionExecuted("utter_crisis_local"))
    assert safety_question(young) == "utter_ask_safe_now"


@pytest.mark.parametrize("text", ["idk", "dunno", "i dont know"])
def test_not_knowing_after_please_call_999_gets_it_explained_then_the_reply_again(domain, text):
    """A user trial, session 47: "idk" and "dunno" after "Please call 999 now" got "Sorry, I didn't get
    that. What would you like to do?": the safety step was lost."""
    state = tracker(domain, SlotSet("user_role", "young_person"),
                    said_with("i want to die", "express_crisis", level="crisis", source="lexicon",
                              categories=["suicidal"], lexicon_categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), LISTEN, scored("no", "deny"),
                    ActionExecuted("utter_not_safe_now"), LISTEN, scored(text, "dont_know"))
    assert next_crisis_action(state) == "utter_what_we_mean_not_safe"
    state.update(ActionExecuted("utter_what_we_mean_not_safe"))
    assert next_step(state)[0] == "utter_not_safe_now"
    for event in (ActionExecuted("utter_not_safe_now"), LISTEN, scored("dunno", "dont_know")):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now"  # explained once; then the reply itself


@pytest.mark.parametrize(("text", "about_another"), [
    ("one of my players told me hes being made to sell weed and he owes them money", True),
    ("a man online is blackmailing me with my pics", None),  # a mis-tapped button: the young person's own (the review)
    ("im being made to sell drugs and i owe them money", None),
])
def test_a_professional_told_of_someone_elses_exploitation_is_recorded_as_such(domain, text, about_another):
    from bot.nlu.crisis_policy import first_crisis_step

    state = tracker(domain, SlotSet("user_role", "professional"),
                    said_with(text, "express_crisis", level="crisis", source="lexicon", categories=["exploitation"],
                              lexicon_categories=["exploitation"]))
    _, events = first_crisis_step(state)
    assert SlotSet("crisis_about_another", about_another) in events
