"""CrisisPolicy and SafetyNetPolicy decide the next action from the tracker alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import (
    AFTER_CRISIS_CHECK,
    after_crisis_score,
    crisis_categories,
    next_crisis_action,
    next_step,
)
from bot.nlu.safety_net_policy import next_safety_net_action

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def tracker(domain, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("test", [ActionExecuted("action_listen"), *events], domain.slots)


def said(text, intent, risk=None):
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text}
    if risk:
        parse_data["risk"] = {"categories": risk}
    return UserUttered(text, parse_data["intent"], parse_data=parse_data)


def test_a_crisis_message_in_the_middle_of_the_form_gets_the_crisis_reply_first(domain):
    state = tracker(
        domain, ActiveLoop("triage_form"), SlotSet("requested_slot", "age"),
        said("i want to die", "express_crisis", ["suicidal"]), ActionExecuted("action_listen"),
    )
    state.update(said("i want to die", "express_crisis", ["suicidal"]))
    assert next_crisis_action(state) == "utter_crisis"
    assert crisis_categories(state) == ["suicidal"]


def test_the_crisis_steps_follow_each_other(domain):
    state = tracker(domain, said("kms", "express_crisis"), ActionExecuted("utter_crisis"))
    assert next_crisis_action(state) == "utter_crisis_local"
    state.update(ActionExecuted("utter_crisis_local"))
    assert next_crisis_action(state) == "utter_ask_safe_now"
    state.update(ActionExecuted("utter_ask_safe_now"))
    assert next_crisis_action(state) == "action_listen"


@pytest.mark.parametrize(("intent", "expected"), [("confirm_safe", "utter_glad_you_are_safe"), ("affirm", "utter_glad_you_are_safe"),
                                                  ("not_safe", "utter_not_safe_now"), ("deny", "utter_not_safe_now"),
                                                  ("express_crisis", "utter_not_safe_now"),
                                                  # an answer to the form's questions is no answer: not safe (session 31)
                                                  ("inform", "utter_not_safe_now")])
def test_the_answer_to_are_you_safe(domain, intent, expected):
    text = {"confirm_safe": "im safe", "affirm": "yes"}.get(intent, "answer")  # a safe reading needs plain words
    state = tracker(domain, said("kms", "express_crisis"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), said(text, intent))
    assert next_crisis_action(state) == expected


def asked_are_you_safe(domain, answer):
    return tracker(domain, said("kms", "express_crisis"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"),
                   ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), answer)


def test_a_plain_safe_statement_is_safe_whatever_the_model_scored(domain):
    """"im ok rn my nan is here" scored 0.34 by the risk model (its check level) got "Please call 999 now"."""
    answer = said_with("im ok rn my nan is here", "express_crisis", level="check", score=0.34, matches=[], lexicon_categories=[])
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_glad_you_are_safe"


def test_safe_in_own_words_keeps_the_urgent_lines_and_a_hidden_danger_does_not_pass(domain):
    """"safe, at football training, just had a moment" got "Please call 999 now" (development author
    A5, session 22): the safe reply now, with the slot that keeps the urgent lines in it. A risk
    word, finality or a near-certain model score still keeps it from the safe reply."""
    from bot.nlu.crisis_policy import next_step

    answer = said_with("safe, at football training with my coach, just had a moment", "out_of_scope", level="check", score=0.4)
    action, events = next_step(asked_are_you_safe(domain, answer))
    assert action == "utter_glad_you_are_safe" and SlotSet("safe_in_own_words", "young") in events
    for risk in ({"finality": True}, {"lexicon_categories": ["suicidal"], "matches": [{"category": "suicidal"}]}, {"score": 0.95}):
        answer = said_with("safe, at football training with my coach, just had a moment", "out_of_scope", level="check", **risk)
        assert next_crisis_action(asked_are_you_safe(domain, answer)) != "utter_glad_you_are_safe"
    plain = asked_are_you_safe(domain, said_with("im ok rn my nan is here", "confirm_safe", level="none", score=0.05))
    plain.update(SlotSet("safe_in_own_words", "young"))
    action, events = next_step(plain)
    assert action == "utter_glad_you_are_safe" and SlotSet("safe_in_own_words", None) in events


def test_safe_in_own_words_after_the_not_safe_reply_keeps_an_overdose_and_a_friend_apart(domain):
    """The review of session 22: after pills already taken, a calm answer in one's own words got
    "I'm glad you're safe"; after a friend's not-safe reply, "glad you're safe" was about the user."""
    from bot.nlu.crisis_policy import next_step

    calm = said_with("im ok now, my sister is with me and we are watching a film", "confirm_safe", level="none", score=0.05)
    taken = tracker(domain, said("i took a load of pills an hour ago", "express_crisis", ["overdose"]),
                    SlotSet("crisis_categories", ["overdose"]), ActionExecuted("utter_crisis"),
                    ActionExecuted("utter_taken_something"), ActionExecuted("action_listen"), calm)
    assert next_crisis_action(taken) == "utter_taken_something"
    friend = tracker(domain, said("my friend wants to kill herself", "express_crisis"), ActionExecuted("utter_crisis_third_party"),
                     ActionExecuted("utter_ask_safe_now_other"), ActionExecuted("action_listen"), said("no", "deny"),
                     ActionExecuted("utter_not_safe_now_other"), ActionExecuted("action_listen"),
                     said_with("shes safe now, her mum is with her and the gp is coming", "confirm_safe", level="none", score=0.05))
    action, events = next_step(friend)
    assert action == "utter_glad_they_are_safe"


@pytest.mark.parametrize("level", ["crisis"])
def test_safe_in_own_words_never_waives_the_models_crisis_level(domain, level):
    answer = said_with("safe, at football training with my coach, just had a moment", "confirm_safe", level=level, score=0.82)
    assert next_crisis_action(asked_are_you_safe(domain, answer)) != "utter_glad_you_are_safe"


@pytest.mark.parametrize(
    "risk",
    [{"level": "crisis", "score": 0.95, "matches": []},  # the model near-certain of danger
     {"level": "crisis", "score": 0.4, "matches": [{"category": "suicidal", "pattern": "p", "text": "t"}], "lexicon_categories": ["suicidal"]},
     {"level": "crisis", "score": 0.4, "finality": True}],
)
def test_a_safe_statement_with_danger_in_it_is_not_safe(domain, risk):
    answer = said_with("yes im safe at home", "express_crisis", **risk)
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_not_safe_now"


@pytest.mark.parametrize(("text", "intent"), [
    ("yeah safe, ive got everything sorted for friday", "confirm_safe"),  # DIET read the first words
    ("safe?? oh totally 🙃", "confirm_safe"),
    ("yeah fine, felt sick after the tablets but im ok", "ask_privacy"),  # was answered as a question
])
def test_safe_with_more_words_that_are_not_plainly_safe_is_not_safe(domain, text, intent):
    """A third helper's not-safe answers opened calmly (author A3, 2026-12-02): 10 of 60 got "I'm
    glad you're safe" before this session, from DIET's confirm_safe."""
    answer = said_with(text, intent, level="none", score=0.02)
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_not_safe_now"


def test_the_safe_button_is_safe(domain):
    answer = said_with("/confirm_safe", "confirm_safe", level="none", score=0.0)
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_glad_you_are_safe"


@pytest.mark.parametrize("intent", ["nlu_fallback", "dont_know"])
def test_unsure_if_safe_is_not_safe(domain, intent):
    """"maybe" got "I'm glad you're safe": DIET's guess (affirm) was read though the evidence check
    had set it aside. Unsure is not safe."""
    answer = said_with("maybe", intent, level="none", score=0.02)
    answer.parse_data["intent_without_evidence"] = {"name": "affirm", "confidence": 0.6}
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_not_safe_now"


def test_the_not_safe_reply_fits_the_question_asked(domain):
    """Phone trial (2026-12-02): "idk" to "Is your child safe right now?", typed while the form
    waited for the role, overwrote the role slot first (from_text) and the parent was told to
    "tell a trusted adult near you, like a parent". The reply now follows who was asked."""
    parent = tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", "user_role"), SlotSet("user_role", "parent_carer"),
                     said("my son says he wants to die", "express_crisis"), ActionExecuted("utter_crisis"),
                     ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                     said("idk", "dont_know"), SlotSet("user_role", "idk"))
    assert next_crisis_action(parent) == "utter_not_safe_now_parent"
    own = tracker(domain, SlotSet("user_role", "parent_carer"), said("I can't go on myself", "express_crisis"),
                  ActionExecuted("utter_crisis_parent_own"), ActionExecuted("utter_crisis_local"),
                  ActionExecuted("utter_ask_safe_now_adult"), ActionExecuted("action_listen"), said("no", "deny"))
    assert next_crisis_action(own) == "utter_not_safe_now_adult"
    own.update(ActionExecuted("utter_not_safe_now_adult"))
    assert next_crisis_action(own) == "action_listen"


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("im safe now, my mum is home", "confirm_safe", "utter_glad_you_are_safe"),  # phone trial: got "Sorry"
    ("ok im safe", "inform", "utter_glad_you_are_safe"),
    ("yes", "affirm", None),  # "I will", not "I'm safe": left to the other policies
    ("im ok but i still have the pills", "confirm_safe", None),
    ("yeah safe, ive got everything sorted for friday", "confirm_safe", None),  # DIET's reading needs plain words here too
    ("/confirm_safe", "confirm_safe", "utter_glad_you_are_safe"),  # the button
])
def test_saying_safe_after_the_not_safe_reply(domain, text, intent, expected):
    state = tracker(domain, said("kms", "express_crisis"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), said("no", "deny"),
                    ActionExecuted("utter_not_safe_now"), ActionExecuted("action_listen"),
                    said_with(text, intent, level="none", score=0.05))
    if expected is None:  # never "glad you're safe"; the after-crisis rule may ask the check question
        assert next_crisis_action(state) != "utter_glad_you_are_safe"
    else:
        assert next_crisis_action(state) == expected


def test_after_safe_the_form_resumes_or_the_bot_offers_help(domain):
    in_form = tracker(domain, ActiveLoop("triage_form"), ActionExecuted("utter_glad_you_are_safe"))
    assert next_crisis_action(in_form) is None  # RulePolicy then runs the form again
    no_form = tracker(domain, ActionExecuted("utter_glad_you_are_safe"))
    assert next_crisis_action(no_form) == "utter_offer_to_continue"


def test_an_ordinary_message_is_left_to_the_other_policies(domain):
    assert next_crisis_action(tracker(domain, said("14", "inform"))) is None


def test_a_failed_custom_action_gets_national_help(domain):
    state = tracker(domain, said("hi", "greet"), ActionExecuted("utter_greet"), BotUttered("Hi"), ActionExecuted("triage_form"))
    assert next_safety_net_action(state, domain) == "utter_services_unavailable"
    state.update(ActionExecuted("utter_services_unavailable"))
    assert next_safety_net_action(state, domain) == "action_listen"


def test_a_form_that_fails_mid_way_gets_national_help(domain):
    """The action server dies while the form is running: its next run fails (no events)."""
    state = tracker(
        domain, said("hi", "greet"), ActionExecuted("triage_form"), ActiveLoop("triage_form"),
        SlotSet("requested_slot", "user_role"), BotUttered("Who is chatting today?"), ActionExecuted("action_listen"),
        said("young person", "inform"), SlotSet("user_role", "young_person"), ActionExecuted("triage_form"),
    )
    assert next_safety_net_action(state, domain) == "utter_services_unavailable"
    state.update(ActionExecuted("utter_services_unavailable"))
    assert next_safety_net_action(state, domain) == "action_listen"


def test_a_successful_custom_action_is_left_alone(domain):
    state = tracker(domain, said("hi", "greet"), ActionExecuted("triage_form"), BotUttered("Who is chatting today?"))
    assert next_safety_net_action(state, domain) is None


def said_classifier_only(text):
    event = said(text, "express_crisis")
    event.parse_data["risk"] = {"source": "classifier", "categories": [], "matches": []}
    return event


def test_when_only_the_classifier_fires_the_bot_asks_before_escalating(domain):
    state = tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", "concern"), said_classifier_only("i cut my hair"))
    assert next_crisis_action(state) == "utter_check_risk"
    state.update(ActionExecuted("utter_check_risk"))
    assert next_crisis_action(state) == "action_listen"


def test_risk_words_still_escalate_at_once(domain):
    state = tracker(domain, said("i want to die", "express_crisis", ["suicidal"]))
    assert next_crisis_action(state) == "utter_crisis"


def test_after_one_escalation_the_classifier_alone_escalates_too(domain):
    state = tracker(domain, SlotSet("crisis_categories", ["suicidal"]), said_classifier_only("everything is too much"))
    assert next_crisis_action(state) == "utter_crisis"


@pytest.mark.parametrize(("intent", "expected"), [("affirm", "utter_crisis"), ("not_safe", "utter_crisis"),
                                                  ("express_crisis", "utter_crisis"), ("deny", "utter_check_ok"),
                                                  ("confirm_safe", "utter_check_ok"), ("inform", None)])
def test_the_answer_to_the_check(domain, intent, expected):
    state = tracker(domain, said_classifier_only("can i bring my dog"), ActionExecuted("utter_check_risk"),
                    ActionExecuted("action_listen"), said("answer", intent))
    assert next_crisis_action(state) == expected
    if expected == "utter_crisis":
        assert crisis_categories(state) == ["classifier"]


@pytest.mark.parametrize(("text", "guessed", "expected"), [("a bit", "affirm", "utter_crisis"), ("nah mate", "deny", "utter_check_ok")])
def test_an_answer_to_the_check_set_aside_as_not_understood_is_still_read(domain, text, guessed, expected):
    """"a bit" read by DIET as a yes, set aside by the intent evidence check for want of a familiar
    word (signposting/intent_evidence.py): the crisis steps still read the yes (review, session 9)."""
    answer = said(text, "nlu_fallback")
    answer.parse_data["intent_without_evidence"] = {"name": guessed, "confidence": 0.8}
    state = tracker(domain, said_classifier_only("can i bring my dog"), ActionExecuted("utter_check_risk"),
                    ActionExecuted("action_listen"), answer)
    assert next_crisis_action(state) == expected


def test_after_the_check_the_form_resumes_or_the_bot_offers_help(domain):
    in_form = tracker(domain, ActiveLoop("triage_form"), said_classifier_only("x"), ActionExecuted("utter_check_risk"),
                      ActionExecuted("action_listen"), said("no", "deny"), ActionExecuted("utter_check_ok"))
    assert next_crisis_action(in_form) is None
    first = tracker(domain, said_classifier_only("x"), ActionExecuted("utter_check_risk"),
                    ActionExecuted("action_listen"), said("no", "deny"), ActionExecuted("utter_check_ok"))
    assert next_crisis_action(first) == "triage_form"  # the first message: "Let's carry on" with the questions
    later = tracker(domain, said("what is this", "out_of_scope"), ActionExecuted("utter_out_of_scope"), ActionExecuted("action_listen"),
                    said_classifier_only("x"), ActionExecuted("utter_check_risk"),
                    ActionExecuted("action_listen"), said("no", "deny"), ActionExecuted("utter_check_ok"))
    assert next_crisis_action(later) == "utter_offer_to_continue"
    crisis = tracker(domain, said_classifier_only("x"), ActionExecuted("utter_crisis"), ActionExecuted("action_listen"),
                     said("yes", "confirm_safe"), ActionExecuted("utter_glad_you_are_safe"))
    assert next_crisis_action(crisis) == "utter_offer_to_continue"  # after a crisis reply the choice stays theirs


# --- The risk layer's decisions, kinds of danger, context and language (issue #11) ----------

def said_with(text, intent="inform", entities=None, **risk):
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": entities or [], "text": text, "risk": risk}
    return UserUttered(text, parse_data["intent"], entities or [], parse_data=parse_data)


@pytest.mark.parametrize(
    ("categories", "text", "first_step"),
    [
        (["eating_disorder_danger"], "i fainted", "utter_crisis_eating_disorder"),
        (["grooming_online"], "he'll share my pics unless i pay", "utter_crisis_grooming_online"),
        (["exploitation"], "i owe them", "utter_crisis_exploitation"),
        (["forced_marriage_fgm"], "they're taking me abroad to marry", "utter_crisis_forced_marriage_fgm"),
        (["unsafe_home"], "sleeping in a stairwell", "utter_crisis_unsafe_now"),
        (["psychosis_harm"], "the voices tell me to hurt my brother", "utter_crisis_voices"),
        (["self_harm"], "my friend has been cutting herself", "utter_crisis_third_party"),
        (["suicidal"], "i want to die", "utter_crisis"),
    ],
)
def test_each_kind_of_danger_starts_with_its_own_reply(domain, categories, text, first_step):
    state = tracker(domain, said_with(text, "express_crisis", level="crisis", categories=categories))
    action, events = next_step(state)
    assert action == first_step
    assert SlotSet("crisis_categories", categories) in events


@pytest.mark.parametrize(
    ("text", "first_step"),
    [("my son says he wants to die", "utter_crisis"),  # phone trial: got "don't pay, call the police on 101"
     ("a man he met on a game wants pictures and now my son says he wants to die", "utter_crisis_grooming_online")],
)
def test_the_kind_models_grooming_guess_needs_a_word_of_its_own(domain, text, first_step):
    state = tracker(domain, SlotSet("user_role", "parent_carer"),
                    said_with(text, "express_crisis", level="crisis", source="lexicon", categories=["suicidal"],
                              model_category="grooming_online"))
    assert next_step(state)[0] == first_step


def test_a_parents_own_crisis_gets_the_adult_reply_and_the_adult_safety_question(domain):
    state = tracker(domain, SlotSet("user_role", "parent_carer"),
                    said_with("I can't go on myself", "express_crisis", level="crisis", categories=["suicidal"]))
    action, events = next_step(state)
    assert action == "utter_crisis_parent_own"
    for event in events:
        state.update(event)
    state.update(ActionExecuted(action))
    assert next_crisis_action(state) == "utter_crisis_local"
    state.update(ActionExecuted("utter_crisis_local"))
    assert next_crisis_action(state) == "utter_ask_safe_now_adult"


def test_a_goodbye_after_earlier_distress_escalates_and_alone_does_not(domain):
    distress = said_with("everything is hopeless", level="check", distress=True, score=0.5)
    goodbye = said_with("thanks for everything, bye", "goodbye", level="none", finality=True, distress=False)
    after_distress = tracker(domain, distress, ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
                             said("no", "deny"), ActionExecuted("utter_check_ok"), ActionExecuted("action_listen"), goodbye)
    assert next_crisis_action(after_distress) == "utter_crisis"
    alone = tracker(domain, said_with("14", level="none", distress=False), ActionExecuted("action_listen"), goodbye)
    assert next_crisis_action(alone) is None


def test_a_message_in_another_language_gets_urgent_numbers_then_the_interpreter_line(domain):
    state = tracker(domain, said_with("nie wiem co robić", level="none", language="pl"))
    action, events = next_step(state)
    assert action == "utter_other_language" and SlotSet("user_language", "pl") in events
    for event in events:
        state.update(event)
    state.update(ActionExecuted("utter_other_language"))
    assert next_crisis_action(state) == "utter_interpreter_line"
    state.update(ActionExecuted("utter_interpreter_line"))
    assert next_crisis_action(state) == "action_listen"


def _language_reply_in_the_questions(domain, asked: str, text: str, language: str, before: str = "triage_form"):
    state = tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", asked), ActionExecuted(before),
                    ActionExecuted("action_listen"), said_with(text, level="none", language=language), SlotSet(asked, text))
    action, events = next_step(state)
    assert action == "utter_other_language"
    for event in events:
        state.update(event)
    for step in ("utter_other_language", "utter_interpreter_line"):
        state.update(ActionExecuted(step))
    return state


@pytest.mark.parametrize(("asked", "text", "language", "slots"), [
    ("user_role", "sunt mama lui", "ro", {"user_role": "parent_carer"}),
    ("age", "12 سال", "fa", {"age": "12", "age_min": 12, "age_max": 12}),
])
def test_an_answer_in_another_language_is_read_by_the_forms_parsers_after_the_interpreter_line(domain, asked, text, language, slots):
    """Development authors D2, D3 (session 25): the question was dropped after the interpreter line,
    and the form, which checks an answer only right after the user spoke, then took the message's
    text as the answer ("How old are you?" to a mum who wrote "sunt mama lui")."""
    state = _language_reply_in_the_questions(domain, asked, text, language)
    action, events = next_step(state)
    assert action == "triage_form" and {event.key: event.value for event in events} == slots


def test_anything_else_in_another_language_gets_the_question_again(domain):
    state = _language_reply_in_the_questions(domain, "concern", "jestem smutna cały czas", "pl")
    action, events = next_step(state)
    assert (action, events) == ("action_ask_concern", [SlotSet("concern", None)])
    state.update(events[0])
    state.update(ActionExecuted("action_ask_concern"))
    assert next_crisis_action(state) == "action_listen"


def test_after_a_crisis_step_a_language_asked_for_never_brings_the_questions_back(domain):
    """A phone trial (session 25): "po polsku prosze" after "Please call 999 now" got the
    interpreter line and then "What has been going on?"."""
    state = _language_reply_in_the_questions(domain, "concern", "po polsku prosze", "pl", before="utter_not_safe_now")
    assert next_crisis_action(state) == "action_listen"


def test_after_the_check_in_another_language_the_question_is_not_asked_again(domain):
    state = tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", "age"),
                    said_with("nie wiem co robić", level="check", language="pl"))
    action, events = next_step(state)
    assert action == "utter_other_language"
    for step in ("utter_other_language", "utter_interpreter_line"):
        state.update(ActionExecuted(step))
    assert next_crisis_action(state) == "action_listen"


def test_a_crisis_in_another_language_adds_the_interpreter_line_before_the_safety_question(domain):
    state = tracker(domain, said_with("chcę umrzeć", "express_crisis", level="crisis", categories=["multilingual"], language="pl"))
    action, events = next_step(state)
    for event in events:
        state.update(event)
    for step in (action, "utter_crisis_local", "utter_interpreter_line"):
        state.update(ActionExecuted(step))
    assert next_crisis_action(state) == "utter_ask_safe_now"


def test_an_age_inside_a_crisis_message_is_recorded(domain):
    state = tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", "age"),
                    said_with("I'm 14 and I want to die", "express_crisis", level="crisis", categories=["suicidal"]))
    action, events = next_step(state)
    assert action == "utter_crisis"
    assert SlotSet("age", "14") in events and SlotSet("age_min", 14) in events and SlotSet("age_max", 14) in events


def test_a_check_decision_asks_first_and_after_an_escalation_goes_straight_to_the_crisis_reply(domain):
    check = said_with("i cut my finger", "express_crisis", level="check", categories=[])
    assert next_crisis_action(tracker(domain, check)) == "utter_check_risk"
    assert next_crisis_action(tracker(domain, SlotSet("crisis_categories", ["suicidal"]), check)) == "utter_crisis"


def scored(text, intent, level="none", score=0.0, **risk):
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text,
                  "risk": {"level": level, "score": score, **risk}}
    return UserUttered(text, parse_data["intent"], parse_data=parse_data)


def test_after_a_crisis_nobody_said_they_are_safe_from_a_low_score_is_checked(domain):
    """ "bye x" after "everything's ready": the model alone scores it far below the check level."""
    from bot.nlu.crisis_policy import risk_level

    state = tracker(domain, scored("i've planned how and everything's ready", "express_crisis", "crisis", 0.9),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]),
                    ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), scored("sorry", "out_of_scope", score=0.06))
    assert risk_level(state) == "check"
    assert next_crisis_action(state) == "utter_crisis"  # already escalated once: the crisis reply again


@pytest.mark.parametrize(("last", "intent", "score", "extra"), [
    ("yes i'm safe", "confirm_safe", 0.2, {}),  # the answer to "are you safe?": the crisis steps read it
    ("yeah", "inform", 0.2, {}),
])
def test_after_a_crisis_these_are_not_checked_again(domain, last, intent, score, extra):
    from bot.nlu.crisis_policy import risk_level

    state = tracker(domain, scored("took all my tablets", "express_crisis", "crisis", 0.95),
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                    scored(last, intent, score=score, **extra))
    assert risk_level(state) == "none"


def test_a_yes_or_no_when_no_safety_question_was_asked_is_checked_after_a_crisis(domain):
    """Only the answer to "are you safe?" or the check question is left to the crisis steps."""
    from bot.nlu.crisis_policy import risk_level

    state = tracker(domain, scored("took all my tablets", "express_crisis", "crisis", 0.95),
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_not_safe_now"), ActionExecuted("action_listen"),
                    scored("i dont", "deny", score=0.2))
    assert risk_level(state) == "check"


@pytest.mark.parametrize(("text", "intent", "expected"), [("nope", "inform", "utter_not_safe_now"),
                                                          ("yeah", "inform", "utter_glad_you_are_safe"),
                                                          # "im ok" says safe here (it was read as "no")
                                                          ("im ok", "confirm_safe", "utter_glad_you_are_safe"),
                                                          ("im ok for now", "confirm_safe", "utter_glad_you_are_safe"),
                                                          ("im ok", "not_safe", "utter_not_safe_now"),
                                                          # a plea read as seek_help or affirm was "safe"
                                                          ("help me", "seek_help", "utter_not_safe_now"),
                                                          ("please", "affirm", "utter_not_safe_now"),
                                                          ("yeah", "affirm", "utter_glad_you_are_safe")])
def test_a_typed_yes_or_no_answers_are_you_safe(domain, text, intent, expected):
    state = tracker(domain, scored("kms", "express_crisis", "crisis", 0.9), ActionExecuted("utter_crisis"),
                    SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_ask_safe_now"),
                    ActionExecuted("action_listen"), scored(text, intent, score=0.01))
    assert next_crisis_action(state) == expected


def test_escalating_again_keeps_the_kind_of_danger(domain):
    """A friend's report stays a friend's report when their goodbye is escalated again."""
    state = tracker(domain, scored("my friend says she is going to overdose", "express_crisis", "crisis", 0.9),
                    ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_ask_safe_now_other"),
                    ActionExecuted("action_listen"), scored("ok whatever bye", "goodbye", score=0.1))
    # A goodbye is no answer (session 21): the not-safe reply about them, the crisis kind kept
    action, events = next_step(state)
    assert action == "utter_not_safe_now_other"
    assert state.get_slot("crisis_kind") == "third_party"
    # Above the after-crisis line, without a goodbye: the crisis reply again, of the same kind
    again = tracker(domain, scored("my friend says she is going to overdose", "express_crisis", "crisis", 0.9),
                    ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_ask_safe_now_other"),
                    ActionExecuted("action_listen"), scored("whatever she does what she wants", "inform", score=0.1))
    action, events = next_step(again)
    assert action == "utter_crisis_third_party"
    assert {(e.key, str(e.value)) for e in events if isinstance(e, SlotSet)} >= {("crisis_kind", "third_party"), ("crisis_categories", "['overdose']")}
    # Told as already taken, the same goodbye gets "call 999 now, even if they seem OK" (session 20)
    taken = tracker(domain, scored("my friend says she took an overdose", "express_crisis", "crisis", 0.9),
                    ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_ask_safe_now_other"),
                    ActionExecuted("action_listen"), scored("ok whatever bye", "goodbye", score=0.1))
    assert next_step(taken)[0] == "utter_taken_something_other"


def test_once_they_said_they_are_safe_later_messages_are_judged_on_their_own(domain):
    from bot.nlu.crisis_policy import crisis_not_settled, risk_level

    state = tracker(domain, scored("i want to die", "express_crisis", "crisis", 0.9), ActionExecuted("utter_crisis"),
                    ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), scored("yes", "confirm_safe"),
                    ActionExecuted("utter_glad_you_are_safe"), ActionExecuted("action_listen"), scored("Watford please", "inform", score=0.1))
    assert not crisis_not_settled(state)
    assert risk_level(state) == "none"
    # Without a crisis earlier, the same message is judged on its own too.
    alone = tracker(domain, scored("exams are hard", "describe_concern", score=0.2), ActionExecuted("action_listen"),
                    scored("Watford please", "inform", score=0.1))
    assert risk_level(alone) == "none"


def test_the_after_crisis_rule_covers_the_next_two_messages_only(domain):
    """Someone who does not tap "I'm safe" (a friend's crisis told in passing, a false alarm) can
    carry on answering after that: not a crisis reply to every typed answer."""
    from bot.nlu.crisis_policy import crisis_not_settled, risk_level

    events = [scored("my friend says she wants to kill herself", "express_crisis", "crisis", 0.9), ActionExecuted("utter_crisis_third_party"),
              ActionExecuted("utter_ask_safe_now_other"), ActionExecuted("action_listen")]
    for answer, checked in [("hmm idk", True), ("whatever", True), ("young person", False)]:
        events += [scored(answer, "inform", score=0.2)]
        state = tracker(domain, *events)
        assert crisis_not_settled(state) is checked, answer
        assert risk_level(state) == ("check" if checked else "none"), answer
        events += [ActionExecuted("utter_crisis_third_party"), ActionExecuted("action_listen")]


def test_the_after_crisis_rule_reads_the_scale_it_was_chosen_on():
    """For 6 to 40 words the everyday model gives 'score' on a lower scale; the long-message model's
    'whole_score' is kept beside it ("dont call anyone i just want to sleep": 0.036 and 0.081)."""
    assert after_crisis_score({"score": 0.036, "whole_score": 0.081}) >= AFTER_CRISIS_CHECK
    assert after_crisis_score({"score": 0.2, "whole_score": None}) == 0.2
    assert after_crisis_score({"score": 0.01}) < AFTER_CRISIS_CHECK


def answered_safe_after(domain, first: str, answer: str, role: str | None = None, asked: str = "utter_ask_safe_now"):
    events = [SlotSet("user_role", role)] if role else []
    return tracker(domain, *events, said(first, "express_crisis", ["danger_overdose"]), SlotSet("crisis_categories", ["danger_overdose"]),
                   ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"), ActionExecuted(asked),
                   ActionExecuted("action_listen"), said(answer, "confirm_safe"))


@pytest.mark.parametrize(("first", "role", "asked", "expected"), [
    ("i took a load of pills an hour ago", None, "utter_ask_safe_now", "utter_taken_something"),
    ("shes swallowed a packet of paracetamol", "parent_carer", "utter_ask_safe_now", "utter_taken_something_child"),
    ("i've taken all my tablets", "parent_carer", "utter_ask_safe_now_adult", "utter_taken_something_adult"),
    ("i want to take all my pills", None, "utter_ask_safe_now", "utter_glad_you_are_safe"),  # planned, not taken
])
def test_safe_after_an_overdose_already_taken_still_gets_call_999(domain, first, role, asked, expected):
    """A user trial (session 19): "i took a load of pills an hour ago", then "yeah im fine now",
    got "I'm glad you're safe" and a list of services for drink and drugs."""
    assert next_crisis_action(answered_safe_after(domain, first, "yeah im fine now", role, asked)) == expected
    button = answered_safe_after(domain, first, "/confirm_safe", role, asked)
    assert next_crisis_action(button) == expected
    state = answered_safe_after(domain, first, "yeah im fine now", role, asked)
    state.update(ActionExecuted(expected))
    assert next_crisis_action(state) == "action_listen" or expected == "utter_glad_you_are_safe"


@pytest.mark.parametrize(("role", "not_safe", "expected"), [
    ("parent_carer", "utter_not_safe_now_parent", "utter_help_is_coming_child"),
    ("parent_carer", "utter_not_safe_now", "utter_help_is_coming_child"),
    ("young_person", "utter_not_safe_now", "utter_help_is_coming"),
    ("parent_carer", "utter_not_safe_now_adult", "utter_help_is_coming"),
    # a phone trial (session 42): after a mum's overdose, "Stay with someone you trust" spoke of the wrong person
    ("young_person", "utter_not_safe_now_other", "utter_help_is_coming_other"),
    (None, "utter_not_safe_now_other", "utter_help_is_coming_other"),
])
def test_help_on_its_way_after_the_not_safe_reply_is_answered(domain, role, not_safe, expected):
    """A user trial (session 19): "ok ambulance is coming" after "Please call 999 now, or take your
    child to A&E" got "Sorry, I can't help with that"."""
    state = tracker(domain, SlotSet("user_role", role), said("she has taken a load of paracetamol", "express_crisis"),
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"),
                    ActionExecuted("action_listen"), said("No, not safe", "not_safe"), ActionExecuted(not_safe),
                    ActionExecuted("action_listen"), said("ok ambulance is coming", "out_of_scope"))
    assert next_crisis_action(state) == expected
    state.update(ActionExecuted(expected))
    assert next_crisis_action(state) == "action_listen"


def test_a_parent_told_their_child_is_safe_hears_about_their_child(domain):
    """A user trial (session 19): "Yes, safe right now" to "Is your child safe right now?" got "I'm
    glad you're safe", spoken to the parent."""
    parent = tracker(domain, SlotSet("user_role", "parent_carer"), said("my son says he wants to die", "express_crisis"),
                     ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"),
                     ActionExecuted("action_listen"), said("/confirm_safe", "confirm_safe"))
    assert next_crisis_action(parent) == "utter_glad_child_is_safe"
    parent.update(ActionExecuted("utter_glad_child_is_safe"))
    assert next_crisis_action(parent) == "utter_offer_to_continue"
    own = tracker(domain, SlotSet("user_role", "parent_carer"), said("I can't go on myself", "express_crisis"),
                  ActionExecuted("utter_crisis_parent_own"), ActionExecuted("utter_crisis_local"),
                  ActionExecuted("utter_ask_safe_now_adult"), ActionExecuted("action_listen"), said("/confirm_safe", "confirm_safe"))
    assert next_crisis_action(own) == "utter_glad_you_are_safe"


def test_saying_fine_again_after_the_overdose_reply_gets_it_again(domain):
    """Review (session 19): "im fine honestly" after "call 999 now, even if you feel OK" would have
    got "I'm glad you're safe", the very reply the overdose reply replaced."""
    state = answered_safe_after(domain, "i took a load of pills an hour ago", "yeah im fine now")
    state.update(ActionExecuted("utter_taken_something"))
    state.update(ActionExecuted("action_listen"))
    state.update(said("im fine honestly", "confirm_safe"))
    assert next_crisis_action(state) == "utter_taken_something"


# --- A user trial's findings (session 20) ---------------------------------------------------


@pytest.mark.parametrize("answer", ["sometimes", "idk", "?", "maybe", "a bit tbh", "..."])
def test_an_unsure_answer_to_the_check_is_not_a_no(domain, answer):
    """"sometimes" to "Are you thinking about hurting yourself…?" got "Sorry, I can't help with that"
    and the check was dropped; "idk" was taken as the answer to the form's question."""
    state = tracker(domain, said_with("i am think about die every day", "express_crisis", level="check", categories=["suicidal"]),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said(answer, "out_of_scope"))
    assert next_step(state)[0] == "utter_crisis"


@pytest.mark.parametrize("answer", ["idk", "not sure", "sometimes"])
def test_an_unsure_answer_to_the_check_after_risk_words_is_not_a_no(domain, answer):
    """The same with the lexicon's words behind the check (the path that reads answers to the form's
    questions typed instead): a refusal taken as a plain answer would have got "please answer this
    question first", without 999 (the review, session 37)."""
    state = tracker(domain, said_with("im not safe", "express_crisis", level="check", source="lexicon", categories=["distress"],
                                      lexicon_categories=["distress"]),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said(answer, "out_of_scope"))
    assert next_step(state)[0] == "utter_crisis"


def asked_about_someone_else(domain, answer, intent, crisis=("self_harm",), text="a pupil disclosed cutting"):
    return tracker(domain, SlotSet("user_role", "professional"),
                   said_with(text, "express_crisis", level="crisis", categories=list(crisis)),
                   ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", list(crisis)),
                   ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now_other"),
                   ActionExecuted("action_listen"), said(answer, intent))


def test_a_professional_is_asked_about_the_young_person_and_answered_about_them(domain):
    first = tracker(domain, SlotSet("user_role", "professional"),
                    said_with("one of my pupils told me she wants to die", "express_crisis", level="crisis", categories=["suicidal"]))
    assert next_step(first)[0] == "utter_crisis_third_party"
    assert next_step(asked_about_someone_else(domain, "she's safe with me in my office", "confirm_safe"))[0] == "utter_glad_they_are_safe"
    assert next_step(asked_about_someone_else(domain, "No, not safe", "not_safe"))[0] == "utter_not_safe_now_other"
    taken = asked_about_someone_else(domain, "she's safe with me", "confirm_safe", ("overdose",), "she took a load of pills an hour ago")
    assert next_step(taken)[0] == "utter_taken_something_other"


def test_a_first_message_that_says_who_is_speaking_counts_before_the_role_is_set(domain):
    text = "im a PCSO in Harlow, found a 14yo girl on the bridge, says she wanted to jump"
    assert next_step(tracker(domain, said_with(text, "express_crisis", level="crisis", categories=["suicidal"])))[0] == "utter_crisis_third_party"
    own = tracker(domain, SlotSet("user_role", "young_person"), said_with("my teacher hits me", "express_crisis", level="crisis", categories=["abuse"]))
    assert next_step(own)[0] == "utter_crisis_abuse"  # their own reply, not a worker's


def test_an_answer_to_a_crisis_question_is_not_the_forms_answer(domain):
    """Rasa fills the asked question's slot from every message while the form is active: "idk" to
    "Are you safe right now?" became the age, and the form never asked again."""
    asked = [ActiveLoop("triage_form"), SlotSet("requested_slot", "age"), SlotSet("age", None)]
    crisis = said_with("15 but tbh dont think ill make it to 16", "express_crisis", level="crisis", categories=["suicidal"])
    first = tracker(domain, *asked, crisis, SlotSet("age", crisis.text))
    action, events = next_step(first)
    assert action == "utter_crisis" and SlotSet("age", None) in events  # read once settled, not now
    state = tracker(domain, *asked, crisis, SlotSet("age", crisis.text), *events,
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"),
                    ActionExecuted("action_listen"), said("idk", "dont_know"), SlotSet("age", "idk"))
    action, events = next_step(state)
    assert action == "utter_not_safe_now"
    assert SlotSet("age", None) in events


def test_after_pills_already_taken_any_answer_but_not_safe_gets_call_999_even_so(domain):
    """"she says she's fine now and doesn't want an ambulance" got the crisis reply again."""
    def answered(answer, intent):
        return tracker(domain, SlotSet("user_role", "parent_carer"),
                       said_with("she's just texted me saying she's taken a load of paracetamol", "express_crisis",
                                 level="crisis", categories=["danger_overdose"]),
                       SlotSet("crisis_categories", ["danger_overdose"]), ActionExecuted("utter_crisis"),
                       ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"),
                       ActionExecuted("action_listen"), said(answer, intent))
    assert next_step(answered("she says she's fine now and doesn't want an ambulance", "nlu_fallback"))[0] == "utter_taken_something_child"
    assert next_step(answered("no", "deny"))[0] == "utter_not_safe_now_parent"


def test_a_short_answer_to_the_school_or_place_question_is_a_name_not_another_language(domain):
    """"beauchamp in oadby" at the school question was read as German (development author D1)."""
    from bot.nlu.crisis_policy import short_name_answer

    def at(slot, text):
        return tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", slot), said(text, "inform"))

    assert short_name_answer(at("school", "beauchamp in oadby"))
    assert short_name_answer(at("area", "Braunstone (Leicester city)"))
    assert not short_name_answer(at("concern", "beauchamp in oadby"))
    assert not short_name_answer(at("school", "nie wiem gdzie jest moja szkoła teraz"))


def test_a_short_message_in_another_language_at_check_level_keeps_the_numbers_even_at_a_name_question(domain):
    """"jestem bardzo smutna" at the school question is as short as a school's name: the urgent numbers
    and an interpreter line, never the check question alone in English (the review, session 30)."""
    def at(slot, text):
        check = said_with(text, "express_crisis", level="check", source="model", language="pl", categories=[], lexicon_categories=[])
        return tracker(domain, ActiveLoop("triage_form"), SlotSet("requested_slot", slot), check)

    assert next_step(at("school", "jestem bardzo smutna"))[0] == "utter_other_language"
    assert next_step(at("concern", "jestem bardzo smutna"))[0] == "utter_other_language"


# --- Leaving or playing it down after a crisis reply (development conversations G2, session 21) ---


def after_the_crisis(domain, answer, asked="utter_ask_safe_now"):
    return tracker(domain, scored("i've been planning how to kill myself and everything's ready", "express_crisis", "crisis", 0.95),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis_local"),
                   ActionExecuted(asked), ActionExecuted("action_listen"), answer)


@pytest.mark.parametrize(("text", "intent"), [("bye x", "goodbye"), ("see ya never 🫡", "goodbye"),
                                              ("anyway enough about me, night x", "thanks"), ("its fine, no one will know", "inform")])
def test_leaving_or_playing_it_down_is_no_answer_to_are_you_safe(domain, text, intent):
    """"bye x" to "Are you safe right now?" after "everything's ready" got "Bye for now. Take care"."""
    from bot.nlu.crisis_policy import risk_level

    state = after_the_crisis(domain, scored(text, intent, score=0.02))
    assert risk_level(state) == "crisis"
    assert next_crisis_action(state) == "utter_not_safe_now"


def test_playing_it_down_after_the_not_safe_reply_gets_it_again(domain):
    """"its fine ill just lie down, almost at my goal" after "Please call 999 now" restarted the chat."""
    state = after_the_crisis(domain, scored("my chest hurts when i stand up", "express_crisis", "crisis", 0.9))
    state.update(ActionExecuted("utter_not_safe_now"))
    state.update(ActionExecuted("action_listen"))
    state.update(scored("its fine ill just lie down, almost at my goal", "describe_concern", score=0.02))
    assert next_crisis_action(state) == "utter_not_safe_now"


def test_a_goodbye_after_they_said_they_are_safe_is_a_goodbye(domain):
    from bot.nlu.crisis_policy import risk_level

    state = after_the_crisis(domain, said("/confirm_safe", "confirm_safe"))
    state.update(ActionExecuted("utter_glad_you_are_safe"))
    state.update(ActionExecuted("action_listen"))
    state.update(scored("ok bye x", "goodbye", score=0.02))
    assert risk_level(state) == "none"
    assert next_crisis_action(state) is None


def test_safe_said_plainly_is_safe_and_safe_with_a_goodbye_is_not_plain(domain):
    """A goodbye is not in the closed list of a plain safe statement: "im safe, bye" after
    "everything's ready" gets the not-safe reply, as other safe words with more did before."""
    assert next_crisis_action(after_the_crisis(domain, scored("im safe at home", "confirm_safe", score=0.02))) == "utter_glad_you_are_safe"
    assert next_crisis_action(after_the_crisis(domain, scored("im safe, bye", "confirm_safe", score=0.02))) == "utter_not_safe_now"


def test_a_goodbye_to_the_check_question_is_not_a_no(domain):
    state = tracker(domain, said_with("no one here knows me or cares", "express_crisis", level="check"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said("bye x", "goodbye"))
    assert next_step(state)[0] == "utter_crisis"


# --- Review of the change above (session 21) ---------------------------------------------------


def test_a_new_crisis_typed_with_a_goodbye_is_answered_as_a_crisis(domain):
    """"and my dad hits me too. bye" after a friend's report got the not-safe reply about the friend."""
    state = tracker(domain, scored("my friend says she is going to overdose", "express_crisis", "crisis", 0.9),
                    ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_ask_safe_now_other"), ActionExecuted("action_listen"),
                    scored("and my dad hits me too. bye", "goodbye", "crisis", 0.9, categories=["physical_abuse"]))
    assert next_step(state)[0] not in ("utter_not_safe_now_other", None)


@pytest.mark.parametrize("text", ["ok i will call 999 now bye", "my mum is taking me to a&e now bye"])
def test_help_on_its_way_with_a_goodbye_is_still_help_on_its_way(domain, text):
    state = after_the_crisis(domain, scored("/not_safe", "not_safe"))
    state.update(ActionExecuted("utter_not_safe_now"))
    state.update(ActionExecuted("action_listen"))
    state.update(scored(text, "goodbye", score=0.02))
    assert next_crisis_action(state) == "utter_help_is_coming"


@pytest.mark.parametrize("text", ["no im fine bye", "no, thanks bye"])
def test_a_no_with_a_goodbye_to_the_check_question_is_a_no(domain, text):
    state = tracker(domain, said_with("no one here knows me or cares", "express_crisis", level="check"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said(text, "deny"))
    assert next_step(state)[0] == "utter_check_ok"


def test_the_not_safe_reply_is_not_repeated_for_ever(domain):
    """Only within the after-crisis window: later goodbyes are goodbyes."""
    state = after_the_crisis(domain, scored("/not_safe", "not_safe"))
    for _ in range(3):
        state.update(ActionExecuted("utter_not_safe_now"))
        state.update(ActionExecuted("action_listen"))
        state.update(scored("ok bye", "goodbye", score=0.02))
    assert next_crisis_action(state) is None


def test_safe_words_beside_playing_it_down_are_not_playing_it_down(domain):
    from bot.nlu.crisis_policy import leaves_or_plays_it_down

    assert not leaves_or_plays_it_down(after_the_crisis(domain, scored("dont worry im safe", "confirm_safe", score=0.02)))
    assert leaves_or_plays_it_down(after_the_crisis(domain, scored("its fine, no one will know", "inform", score=0.02)))


def test_ok_thanks_bye_after_a_crisis_is_leaving_not_safe(domain):
    from bot.nlu.crisis_policy import leaves_or_plays_it_down

    assert leaves_or_plays_it_down(after_the_crisis(domain, scored("ok thanks bye", "goodbye", score=0.02)))


# --- Requests typed to a safety question, and after "No" to the check (session 23) -------------


@pytest.mark.parametrize(("text", "intent"), [
    ("thanks", "thanks"),  # got "You're welcome. Take care.", the question dropped
    ("thx ill have a look", "thanks"),
    ("start again", "start_again"),  # got the questions from the start
    ("i want to talk to sum1", "talk_to_a_person"),
    ("send to my mums phone", "request_email"),
    ("any more options", "more_options"),
])
def test_a_request_typed_to_are_you_safe_is_no_answer(domain, text, intent):
    """The review (session 23): a request is not a yes. The not-safe reply, as for not knowing."""
    answer = said_with(text, intent, level="none", score=0.02)
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_not_safe_now"


def test_no_thanks_to_are_you_safe_is_still_read_as_it_was(domain):
    answer = said_with("no thanks", "thanks", level="none", score=0.02)
    assert next_crisis_action(asked_are_you_safe(domain, answer)) == "utter_not_safe_now"  # a no: not safe
    plain = said_with("yes thanks", "thanks", level="none", score=0.02)
    assert next_crisis_action(asked_are_you_safe(domain, plain)) == "utter_glad_you_are_safe"


@pytest.mark.parametrize(("text", "intent"), [("thx ill have a look", "thanks"), ("i want to start again", "start_again")])
def test_a_request_typed_to_the_check_question_is_not_a_no(domain, text, intent):
    """"i want to start again" to "Are you thinking about hurting yourself…?" after "i used to cut
    myself" restarted the chat (the review, session 23). Not a no: the crisis reply."""
    state = tracker(domain, said_classifier_only("i used to cut myself but i stopped"), ActionExecuted("utter_check_risk"),
                    ActionExecuted("action_listen"), said(text, intent))
    assert next_crisis_action(state) == "utter_crisis"


def checked_request(domain, text, *after, in_form=False):
    loop = [ActiveLoop("triage_form")] if in_form else []
    return tracker(domain, *loop, SlotSet("services_shown", ["kooth"]), said_classifier_only(text),
                   ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said("no", "deny"),
                   ActionExecuted("utter_check_ok"), *(ActionExecuted(name) for name in after))


def test_after_no_to_the_check_a_request_is_answered_and_the_next_step_offered(domain):
    """"send to my mums phone" after the list: the check question, then after "No" the offer to
    find support, which was already shown (development set D3)."""
    state = checked_request(domain, "send to my mums phone")
    assert next_crisis_action(state) == "utter_request_email_list"  # after a list: the widget's link (session 24)
    assert next_crisis_action(checked_request(domain, "send to my mums phone", "utter_request_email_list")) == "utter_offer_more"
    assert next_crisis_action(checked_request(domain, "send to my mums phone", "utter_request_email_list", "utter_offer_more")) == "action_listen"
    assert next_crisis_action(checked_request(domain, "thx ill have a look", "utter_thanks_reply")) == "action_listen"


def test_after_no_to_the_check_doing_it_again_starts_again(domain):
    assert next_crisis_action(checked_request(domain, "do it again for my sister")) == "utter_start_again"
    assert next_crisis_action(checked_request(domain, "do it again for my sister", "utter_start_again")) == "action_start_again"
    done = checked_request(domain, "do it again for my sister", "utter_start_again", "action_start_again")
    assert next_crisis_action(done) == "triage_form"


def test_in_the_questions_a_checked_request_leaves_the_form_to_ask_again(domain):
    """The review (session 23): in the form, the answered request was followed by "Would you like me
    to find support near you?"; the form asks its question again, as before."""
    assert next_crisis_action(checked_request(domain, "thx ill have a look", in_form=True)) is None


# --- The second review (session 23) ---------------------------------------------------------


def checked(domain, answer):
    return tracker(domain, said_classifier_only("i used to cut myself but i stopped"), ActionExecuted("utter_check_risk"),
                   ActionExecuted("action_listen"), answer)


@pytest.mark.parametrize(("text", "intent", "reply"), [
    ("no, can i start again", "start_again", "utter_start_again"),  # got the whole crisis reply
    ("nope, start again", "start_again", "utter_start_again"),
    ("no just want to talk to someone", "talk_to_a_person", "utter_talk_to_person"),
    ("im ok thanks", "thanks", None),  # got "You're welcome. Take care.", the check dropped
])
def test_a_no_to_the_check_with_a_request_is_a_no_then_the_request(domain, text, intent, reply):
    state = checked(domain, said(text, intent))
    assert next_crisis_action(state) == "utter_check_ok"
    state.update(ActionExecuted("utter_check_ok"))
    assert next_crisis_action(state) == (reply or "triage_form")  # a plain no to the first message's check: the questions


def test_a_yes_to_the_check_read_as_thanks_is_a_yes(domain):
    """"ok thank you" to "Are you thinking about hurting yourself…?": read as thanks, it got "You're
    welcome. Take care." (the review, session 23)."""
    assert next_crisis_action(checked(domain, said("ok thank you", "thanks"))) == "utter_crisis"


@pytest.mark.parametrize("text", ["ok", "k", "thanks", "alright then", "will do"])
def test_a_bare_ok_after_the_not_safe_reply_is_not_safe(domain, text):
    """"i want to kill myself|no|ok" got "I'm glad you're safe" (the review, session 23)."""
    state = asked_are_you_safe(domain, said_with("no", "deny", level="none", score=0.02))
    state.update(ActionExecuted("utter_not_safe_now"))
    state.update(ActionExecuted("action_listen"))
    state.update(said_with(text, "affirm", level="none", score=0.02))
    assert next_crisis_action(state) == "utter_not_safe_now"


@pytest.mark.parametrize(("text", "intent"), [("hmm", "inform"), ("i think so", "inform"), ("for the moment yeah", "inform"),
                                              ("at the moment", "inform")])
def test_an_unsure_answer_read_as_an_answer_to_the_form_is_not_safe(domain, text, intent):
    """Typed to "Are you safe right now?", these started the questions, the safety question dropped."""
    assert next_crisis_action(asked_are_you_safe(domain, said_with(text, intent, level="none", score=0.02))) == "utter_not_safe_now"


@pytest.mark.parametrize(("text", "intent", "language"), [
    ("polski", "request_other_language", "pl"),
    ("po polsku prosze", "nlu_fallback", "pl"),  # DIET: not understood (it got the reply without the line)
    ("can we do this in urdu", "request_other_language", "ur"),  # (it got the rules' reply, the question dropped)
    ("în română vă rog", "nlu_fallback", "ro"),
    ("can we do this in tigrinya", "request_other_language", "other"),  # no line of its own: the general one
    ("not polish, urdu please", "request_other_language", "other"),  # two named: the general line
])
def test_a_language_asked_for_at_are_you_safe_gets_the_not_safe_reply_and_the_interpreter_line(domain, text, intent, language):
    """A review (session 23): not an answer, so the not-safe reply (as for not knowing), then how to
    get an interpreter in the language named."""
    state = asked_are_you_safe(domain, said_with(text, intent, level="none", score=0.02))
    action, events = next_step(state)
    assert action == "utter_not_safe_now"
    assert [e.value for e in events if isinstance(e, SlotSet) and e.key == "user_language"] == [language]
    state.update(ActionExecuted("utter_not_safe_now"))
    assert next_crisis_action(state) == "utter_interpreter_line"
    state.update(ActionExecuted("utter_interpreter_line"))
    assert next_crisis_action(state) == "action_listen"


def test_a_language_asked_for_by_a_parent_in_their_own_crisis_gets_the_adult_reply(domain):
    """The review (session 24): "po polsku prosze" at the adult question got the young person's urgent
    numbers (Childline) and no Samaritans."""
    state = tracker(domain, SlotSet("crisis_kind", "parent_own"), said("i cant go on", "express_crisis"),
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now_adult"),
                    ActionExecuted("action_listen"), said_with("po polsku prosze", "nlu_fallback", level="none", score=0.02))
    assert next_crisis_action(state) == "utter_not_safe_now_adult"


@pytest.mark.parametrize("text", ["sorry im so bad at this", "my parents dont care", "yes. for now. sorry my english bad",
                                  "fine i guess, can we do this in urdu"])
def test_diets_reading_of_another_language_alone_is_not_a_language_asked_for(domain, text):
    """The review (session 24): DIET's evidence words for the intent include "sorry", "dont", "mum".
    Without a language named these are not-safe answers with no interpreter line; unsure stays unsure."""
    state = asked_are_you_safe(domain, said_with(text, "request_other_language", level="none", score=0.02))
    action, events = next_step(state)
    assert action == "utter_not_safe_now"
    if "urdu" not in text:
        assert not [e for e in events if isinstance(e, SlotSet) and e.key == "user_language"]


def test_a_language_asked_for_at_the_check_level_gets_the_crisis_reply_and_the_line(domain):
    """The review (session 24): at the model's check level the crisis reply comes again, the
    interpreter line after the local lines, and the safety question again."""
    state = asked_are_you_safe(domain, said_with("can we do this in polish", "request_other_language", level="none", score=0.2))
    state.update(SlotSet("crisis_categories", ["suicidal"]))
    action, events = next_step(state)
    assert action == "utter_crisis"
    assert SlotSet("user_language", "pl") in events


def test_bsl_asked_for_gets_no_spoken_interpreter_line(domain):
    """Saying a language's name on the phone is no help to a deaf caller."""
    state = asked_are_you_safe(domain, said_with("bsl", "request_other_language", level="none", score=0.02))
    action, events = next_step(state)
    assert action == "utter_not_safe_now" and not events


@pytest.mark.parametrize(("text", "intent", "reply"), [
    ("who is this", "ask_bot_identity", "utter_bot_identity"),
    ("are you a real person", "ask_bot_identity", "utter_bot_identity"),
    ("is this private", "ask_privacy", "utter_privacy"),
    ("will u tell my mum", "ask_privacy", "utter_privacy"),
])
def test_a_question_about_the_chat_at_are_you_safe_is_answered_and_the_question_asked_again(domain, text, intent, reply):
    """A review (session 23): "who is this" was answered and "Are you safe right now?" dropped."""
    state = asked_are_you_safe(domain, said_with(text, intent, level="none", score=0.02))
    assert next_crisis_action(state) == reply
    state.update(ActionExecuted(reply))
    assert next_crisis_action(state) == "utter_ask_safe_now"
    state.update(ActionExecuted("utter_ask_safe_now"))
    assert next_crisis_action(state) == "action_listen"


@pytest.mark.parametrize(("text", "intent"), [("who is this idk", "ask_bot_identity"), ("is this private?", "ask_privacy")])
def test_a_question_at_are_you_safe_with_risk_is_not_an_aside(domain, text, intent):
    """With the model's crisis level the crisis steps go on."""
    crisis = next_crisis_action(asked_are_you_safe(domain, said_with(text, intent, level="crisis", score=0.95)))
    assert crisis not in ("utter_bot_identity", "utter_privacy", None)


@pytest.mark.parametrize(("text", "intent"), [
    ("who is this idk", "ask_bot_identity"), ("not sure. who is this", "ask_bot_identity"), ("maybe. who are you", "ask_bot_identity"),
    ("kinda. will you tell my mum", "ask_privacy"), ("not safe. who is this", "ask_bot_identity"),
    ("im not safe will u tell my mum", "ask_privacy"), ("not rn. will u tell anyone", "ask_privacy"),
    ("is this private? ive already taken them", "ask_privacy"), ("is this confidential? i have the rope", "ask_privacy"),
    ("who is this? its too late", "ask_bot_identity"), ("who is this. he's still here", "ask_bot_identity"),
])
def test_a_question_with_more_than_the_question_is_not_an_aside(domain, text, intent):
    """The review (session 24): an answer or more words beside the question ("kinda. will you tell my
    mum") is no aside: the not-safe reply, as for not knowing."""
    reply = next_crisis_action(asked_are_you_safe(domain, said_with(text, intent, level="none", score=0.02)))
    assert reply == "utter_not_safe_now"


@pytest.mark.parametrize(("text", "language"), [("kim jestes, czy to prywatne", "pl"), ("¿esto es privado?", "es")])
def test_a_question_in_another_language_at_are_you_safe_is_not_an_english_aside(domain, text, language):
    """The review (session 24): it got the English privacy answer instead of the interpreter line."""
    state = asked_are_you_safe(domain, said_with(text, "ask_privacy", level="none", score=0.02, language=language))
    action, events = next_step(state)
    assert action == "utter_not_safe_now" and SlotSet("user_language", language) in events
    state.update(ActionExecuted("utter_not_safe_now"))
    assert next_crisis_action(state) == "utter_interpreter_line"


def test_an_aside_does_not_use_up_the_window_after_a_crisis(domain):
    """The review (session 24): "who is this", then "is this private" used up the two messages after
    a crisis in which a low model score still asks. The aside does not count."""
    state = asked_are_you_safe(domain, said_with("who is this", "ask_bot_identity", level="none", score=0.02))
    state.update(ActionExecuted("utter_bot_identity"))
    state.update(ActionExecuted("utter_ask_safe_now"))
    state.update(ActionExecuted("action_listen"))
    state.update(said_with("is this private", "ask_privacy", level="none", score=0.02))
    state.update(ActionExecuted("utter_privacy"))
    state.update(ActionExecuted("utter_ask_safe_now"))
    state.update(ActionExecuted("action_listen"))
    state.update(said_with("i dont know what to do anymore", "describe_concern", level="none", score=0.2))
    assert next_crisis_action(state) not in (None, "utter_not_safe_now", "triage_form")


def test_a_question_about_the_chat_after_the_list_is_left_to_the_rules(domain):
    """Outside a safety question, the rules answer it, as before."""
    state = tracker(domain, said_with("is this private", "ask_privacy", level="none", score=0.02))
    assert next_crisis_action(state) is None


@pytest.mark.parametrize("text", ["any that do face to face, he hates video calls", "is there anything that isnt online? she wont do video"])
def test_a_question_about_the_services_at_are_you_safe_is_answered_and_the_question_asked_again(domain, text):
    """A phone trial (session 27): the list-question action answered and "Is your child safe right
    now?" was dropped. Longer than the other asides, but with no word of an answer."""
    state = asked_are_you_safe(domain, said_with(text, "ask_service_info", level="none", score=0.02))
    assert next_crisis_action(state) == "utter_service_info"
    state.update(ActionExecuted("utter_service_info"))
    assert next_crisis_action(state) == "utter_ask_safe_now"


@pytest.mark.parametrize("text", ["not sure, any that do face to face", "no. is there anything face to face"])
def test_a_question_about_the_services_with_an_answer_word_is_no_aside(domain, text):
    reply = next_crisis_action(asked_are_you_safe(domain, said_with(text, "ask_service_info", level="none", score=0.02)))
    assert reply == "utter_not_safe_now"
