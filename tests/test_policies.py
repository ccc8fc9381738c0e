"""CrisisPolicy and SafetyNetPolicy decide the next action from the tracker alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import crisis_categories, next_crisis_action
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
                                                  ("express_crisis", "utter_not_safe_now"), ("inform", None)])
def test_the_answer_to_are_you_safe(domain, intent, expected):
    state = tracker(domain, said("kms", "express_crisis"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), said("answer", intent))
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


def test_after_the_check_the_form_resumes_or_the_bot_offers_help(domain):
    in_form = tracker(domain, ActiveLoop("triage_form"), said_classifier_only("x"), ActionExecuted("utter_check_risk"),
                      ActionExecuted("action_listen"), said("no", "deny"), ActionExecuted("utter_check_ok"))
    assert next_crisis_action(in_form) is None
    outside = tracker(domain, said_classifier_only("x"), ActionExecuted("utter_check_risk"),
                      ActionExecuted("action_listen"), said("no", "deny"), ActionExecuted("utter_check_ok"))
    assert next_crisis_action(outside) == "utter_offer_to_continue"
