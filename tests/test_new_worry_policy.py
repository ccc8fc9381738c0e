"""NewWorryPolicy: a new worry after the list searches for it (issue #12), pure tracker tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.new_worry_policy import next_new_worry_action

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def said(text: str, intent: str, risk: list[str] | None = None) -> UserUttered:
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text}
    if risk:
        parse_data["risk"] = {"level": "crisis", "categories": risk, "source": "lexicon"}
    return UserUttered(text, parse_data["intent"], parse_data=parse_data)


def after_the_list(domain: Domain, text: str, intent: str, shown: bool = True, risk: list[str] | None = None) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"), said("low mood", "describe_concern"), SlotSet("concern", "low_mood"),
        ActionExecuted("action_find_services"), *([SlotSet("services_shown", ["svc-1"])] if shown else []),
        ActionExecuted("action_listen"), said(text, intent, risk),
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I'm also being bullied", "describe_concern"),
        ("my nan died and I can't stop crying", "describe_concern"),
        ("what about exam stress", "describe_concern"),
        # An answer after the list: the rule for an answer out of the blue greeted the user
        # and restarted the questions.
        ("CM20", "inform"),
        ("Oadby", "inform"),
        ("she's 15 now", "inform"),
    ],
)
def test_a_new_worry_or_answer_after_the_list_searches_again_then_listens(domain, text, intent):
    state = after_the_list(domain, text, intent)
    assert next_new_worry_action(state) == "action_change_answer"
    state.update(ActionExecuted("action_change_answer"))
    assert next_new_worry_action(state) == "action_listen"


def test_the_same_worry_again_goes_to_the_change_action_not_the_greeting(domain):
    """action_change_answer thanks them and offers the next step (the worry rule greeted)."""
    assert next_new_worry_action(after_the_list(domain, "still feeling really low", "describe_concern")) == "action_change_answer"


def test_before_any_list_the_questions_handle_it(domain):
    assert next_new_worry_action(after_the_list(domain, "I'm being bullied", "describe_concern", shown=False)) is None


@pytest.mark.parametrize(("text", "intent"), [("hello", "greet"), ("that's all thanks", "goodbye"), ("more options", "more_options")])
def test_other_messages_are_left_to_the_other_policies(domain, text, intent):
    assert next_new_worry_action(after_the_list(domain, text, intent)) is None


def test_an_answer_before_any_list_is_left_to_the_questions(domain):
    assert next_new_worry_action(after_the_list(domain, "Watford", "inform", shown=False)) is None


def test_a_crisis_message_is_left_to_the_crisis_policy(domain):
    state = after_the_list(domain, "I'm being bullied and I want to kill myself", "express_crisis", risk=["suicidal"])
    assert next_new_worry_action(state) is None


@pytest.mark.parametrize(
    ("asked", "text", "intent"),
    [
        ("utter_ask_safe_now", "i need help", "seek_help"),  # to "Are you safe right now?"
        ("utter_not_safe_now", "im in my room", "inform"),
        ("utter_check_risk", "im being bullied", "describe_concern"),
        ("utter_offer_to_continue", "Watford", "inform"),
    ],
)
def test_a_reply_to_a_crisis_step_after_the_list_is_never_taken_as_a_new_answer(domain, asked, text, intent):
    """Found in review: "i need help" after "Are you safe right now?" (the list shown earlier)
    got "Thank you for telling me." and the next-step menu instead of the urgent help."""
    events = [
        ActionExecuted("action_listen"), said("low mood", "describe_concern"), SlotSet("concern", "low_mood"),
        ActionExecuted("action_find_services"), SlotSet("services_shown", ["svc-1"]),
        ActionExecuted("action_listen"), said("i want to die", "express_crisis", ["suicidal"]),
        ActionExecuted("utter_crisis"), ActionExecuted(asked),
        ActionExecuted("action_listen"), said(text, intent),
    ]
    state = DialogueStateTracker.from_events("test", events, domain.slots)
    assert next_new_worry_action(state) is None


@pytest.mark.parametrize(("text", "intent"), [("could we look at another town instead", "more_options"), ("wrong age", "deny")])
def test_a_change_named_after_the_list_goes_to_the_change_action_whatever_the_intent(domain, text, intent):
    """One training read "could we look at another town instead" as more options: the list again."""
    state = after_the_list(domain, text, intent)
    assert next_new_worry_action(state) == "action_change_answer"
    state.update(ActionExecuted("action_change_answer"))
    assert next_new_worry_action(state) == "action_listen"


def test_more_options_without_a_change_named_is_left_to_the_rules(domain):
    assert next_new_worry_action(after_the_list(domain, "show me another one", "more_options")) is None


@pytest.mark.parametrize(("text", "intent", "reply"), [
    ("no that's all thank you", "deny", "utter_thanks_reply"), ("no im good thx", "deny", "utter_goodbye"),
    ("gtg mums calling me", "parent_own_help", "utter_goodbye"), ("ok ill check them out", "nlu_fallback", "utter_thanks_reply"),
])
def test_a_closing_after_the_list_ends_kindly_whatever_the_nlu_read(domain, text, intent, reply):
    """Development authors (session 25): DIET read these as a "no" (which the safety steps keep),
    the parent's own help or nothing, and they got "Sorry, I didn't get that" or "You matter too"."""
    state = after_the_list(domain, text, intent)
    assert next_new_worry_action(state) == reply
    state.update(ActionExecuted(reply))
    assert next_new_worry_action(state) == "action_listen"


@pytest.mark.parametrize("text", ["no", "no thanks", "no im good thx but he still cant sleep"])
def test_a_no_after_the_list_is_no_closing(domain, text):
    """A plain "no" may answer "Did this help?": the feedback reads it."""
    assert next_new_worry_action(after_the_list(domain, text, "deny")) is None


def test_a_closing_before_the_list_is_left_to_the_rules(domain):
    assert next_new_worry_action(after_the_list(domain, "no im good thx", "deny", shown=False)) is None
