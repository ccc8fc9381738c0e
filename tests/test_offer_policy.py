"""OfferPolicy: typed answers to "Would you like me to find support near you?" (issue #12)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.offer_policy import next_offer_action

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def said(text, intent, risk=None):
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text}
    if risk:
        parse_data["risk"] = {"level": "crisis", "categories": risk}
    return UserUttered(text, parse_data["intent"], parse_data=parse_data)


def after_the_offer(domain, text, intent, risk=None) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"), said("kms", "express_crisis"), ActionExecuted("utter_crisis"),
        ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
        said("/confirm_safe", "confirm_safe"), ActionExecuted("utter_glad_you_are_safe"),
        ActionExecuted("utter_offer_to_continue"), ActionExecuted("action_listen"), said(text, intent, risk),
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


@pytest.mark.parametrize(
    ("text", "intent"),
    [("yes please", "confirm_safe"), ("go on then", "inform"), ("ok", "greet"), ("yeah", "affirm"), ("mhm", "affirm")],
)
def test_yes_starts_the_questions_whatever_the_intent(domain, text, intent):
    assert next_offer_action(after_the_offer(domain, text, intent)) == "triage_form"


@pytest.mark.parametrize(("text", "intent"), [("no thanks", "thanks"), ("nah", "greet"), ("nope", "deny"),
                                            ("No thank you, I only wanted to look", "confirm_safe"), ("nie, dziękuję", "inform")])
def test_no_says_goodbye_then_listens(domain, text, intent):
    state = after_the_offer(domain, text, intent)
    assert next_offer_action(state) == "utter_goodbye"
    state.update(ActionExecuted("utter_goodbye"))
    assert next_offer_action(state) == "action_listen"


@pytest.mark.parametrize(("text", "intent"), [("im 14 from harlow", "inform"), ("my mum keeps shouting at me", "describe_concern"),
                                            ("what support is there for DV", "seek_help")])
def test_an_answer_or_a_worry_to_the_offer_starts_the_questions_without_the_greeting(domain, text, intent):
    """"im 14 from harlow" after "I'm glad you're safe" got "Hi! I'm a chatbot…" (session 34)."""
    assert next_offer_action(after_the_offer(domain, text, intent)) == "triage_form"


def test_after_the_list_a_worry_to_the_offer_is_left_to_the_new_worry_policy(domain):
    state = after_the_offer(domain, "my mum keeps shouting at me", "describe_concern")
    state.update(SlotSet("services_shown", ["kooth"]))
    assert next_offer_action(state) is None


def test_a_crisis_answer_to_the_offer_is_left_to_the_crisis_policy(domain):
    assert next_offer_action(after_the_offer(domain, "yes i want to die", "express_crisis", ["suicidal"])) is None


def test_anything_else_is_left_to_the_other_policies(domain):
    assert next_offer_action(after_the_offer(domain, "what is this", "ask_bot_identity")) is None


def test_yes_to_another_question_is_not_an_answer_to_the_offer(domain):
    events = [ActionExecuted("action_listen"), said("hi", "greet"), ActionExecuted("utter_greet"),
              ActionExecuted("action_listen"), said("yes please", "affirm")]
    assert next_offer_action(DialogueStateTracker.from_events("test", events, domain.slots)) is None


@pytest.mark.parametrize(("reply", "intent"), [("utter_talk_to_person", "talk_to_a_person"), ("utter_bot_identity", "ask_bot_identity")])
def test_a_first_message_answered_without_the_questions_gets_the_offer(domain, reply, intent):
    """ "I need to talk to someone" as the first message: the lines to call, then "shall I find support near you?"."""
    events = [ActionExecuted("action_listen"), said("i need to talk to someone", intent), ActionExecuted(reply)]
    state = DialogueStateTracker.from_events("test", events, domain.slots)
    assert next_offer_action(state) == "utter_offer_to_continue"
    state.update(ActionExecuted("utter_offer_to_continue"))
    assert next_offer_action(state) is None  # the crisis policy listens after the offer
    state.update(ActionExecuted("action_listen"))
    state.update(said("yes please", "affirm"))
    assert next_offer_action(state) == "triage_form"


def test_later_in_the_conversation_talk_to_a_person_gets_no_offer(domain):
    """After the list, "Talk to a person" is a next step of its own: no second offer."""
    events = [
        ActionExecuted("action_listen"), said("hi", "greet"), ActionExecuted("utter_greet"),
        ActionExecuted("action_listen"), said("talk to a person", "talk_to_a_person"), ActionExecuted("utter_talk_to_person"),
    ]
    state = DialogueStateTracker.from_events("test", events, domain.slots)
    assert next_offer_action(state) is None
