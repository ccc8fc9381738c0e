"""A privacy question the risk model flagged ("is this private or will my mum find out") gets the
check question first; after "No", the privacy answer, then the question it interrupted. Nothing
else after the check changes (issue #12: never a dead end; the risk layer is not lowered)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import next_step

ROOT = Path(__file__).resolve().parents[1]
MODEL_CHECK = {"level": "check", "source": "model", "lexicon_categories": [], "categories": [], "score": 0.3}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def flagged(text: str, read_as: str, confidence: float) -> UserUttered:
    """A message the risk layer made a crisis, with DIET's reading behind it in the ranking."""
    crisis = {"name": "express_crisis", "confidence": 1.0}
    ranking = [crisis, {"name": read_as, "confidence": confidence}, {"name": "greet", "confidence": 0.01}]
    return UserUttered(text, crisis, [], parse_data={"intent": crisis, "intent_ranking": ranking, "text": text, "risk": MODEL_CHECK})


def said(text: str, intent: str) -> UserUttered:
    parsed = {"name": intent, "confidence": 1.0}
    return UserUttered(text, parsed, [], parse_data={"intent": parsed, "intent_ranking": [parsed], "text": text, "risk": {}})


def after_the_check(domain: Domain, message: UserUttered, in_the_form: bool, *more: ActionExecuted) -> DialogueStateTracker:
    form = [ActionExecuted("triage_form"), ActiveLoop("triage_form"), SlotSet("requested_slot", "user_role")] if in_the_form else []
    events = [
        ActionExecuted("action_listen"), said("hi", "greet"), *form,
        ActionExecuted("action_listen"), message, ActionExecuted("utter_check_risk"),
        ActionExecuted("action_listen"), said("no", "deny"), ActionExecuted("utter_check_ok"), *more,
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


@pytest.mark.parametrize("in_the_form", [True, False])
@pytest.mark.parametrize("text", ["is this private or will my mum find out", "ok but will my mum find out"])
def test_after_no_a_privacy_question_is_answered(domain, in_the_form, text):
    message = flagged(text, "ask_privacy", 0.9)
    assert next_step(after_the_check(domain, message, in_the_form))[0] == "utter_privacy"


def test_after_no_a_worry_told_is_no_privacy_question(domain):
    """A phone trial (session 29): "her mum passed away in the summer and she wont talk about it"
    got "Let's carry on", then "I don't know who you are, and I can't contact anyone"."""
    message = flagged("her mum passed away in the summer and she wont talk about it", "ask_privacy", 0.9)
    assert next_step(after_the_check(domain, message, True))[0] != "utter_privacy"


def test_after_the_answer_the_form_goes_on_or_the_offer_comes(domain):
    message = flagged("is this private or will my mum find out", "ask_privacy", 0.9)
    assert next_step(after_the_check(domain, message, True, ActionExecuted("utter_privacy")))[0] is None  # the form asks again
    assert next_step(after_the_check(domain, message, False, ActionExecuted("utter_privacy")))[0] == "utter_offer_to_continue"


@pytest.mark.parametrize(("read_as", "confidence"), [("ask_privacy", 0.3), ("describe_concern", 0.9), ("nlu_fallback", 0.45)])
def test_anything_else_after_no_carries_on_as_before(domain, read_as, confidence):
    message = flagged("my mum reads all my messages", read_as, confidence)
    assert next_step(after_the_check(domain, message, True))[0] is None
    assert next_step(after_the_check(domain, message, False))[0] == "utter_offer_to_continue"


@pytest.mark.parametrize("in_the_form", [True, False])
def test_after_no_a_question_about_the_services_is_answered_too(domain, in_the_form):
    message = flagged("is anyone there at 3am or only in the day", "ask_service_info", 0.8)
    assert next_step(after_the_check(domain, message, in_the_form))[0] == "utter_service_info"
    after = next_step(after_the_check(domain, message, in_the_form, ActionExecuted("utter_service_info")))[0]
    assert after == (None if in_the_form else "utter_offer_to_continue")


MODEL_CRISIS = {"level": "crisis", "source": "model", "lexicon_categories": [], "categories": [], "score": 0.83}


def asked(domain: Domain, message: UserUttered, *before: Event) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"), said("hi", "greet"), *before, ActionExecuted("action_listen"), message]
    return DialogueStateTracker.from_events("test", events, domain.slots)


def at_the_models_crisis(text: str, read_as: str, confidence: float, **risk: object) -> UserUttered:
    crisis = {"name": "express_crisis", "confidence": 1.0}
    ranking = [crisis, {"name": read_as, "confidence": confidence}, {"name": "greet", "confidence": 0.0}]
    parse = {"intent": crisis, "intent_ranking": ranking, "text": text, "risk": {**MODEL_CRISIS, **risk}}
    return UserUttered(text, crisis, [], parse_data=parse)


@pytest.mark.parametrize(("text", "read_as"), [("r they open at weekends", "ask_service_info"), ("is this private", "ask_privacy")])
def test_a_question_about_the_chat_at_the_models_crisis_gets_the_check_question(domain, text, read_as):
    """Never lower than the check question: after "No", the answer (tested above)."""
    assert next_step(asked(domain, at_the_models_crisis(text, read_as, 0.99)))[0] == "utter_check_risk"


@pytest.mark.parametrize(
    ("read_as", "confidence", "risk"),
    [
        ("ask_service_info", 0.6, {}),  # DIET not sure it is a question
        ("describe_concern", 0.99, {}),  # not a question about the chat
        ("ask_service_info", 0.99, {"lexicon_categories": ["suicidal"]}),  # a risk word
        ("ask_service_info", 0.99, {"crisis_language": "pl"}),
    ],
)
def test_otherwise_the_models_crisis_gets_the_crisis_reply(domain, read_as, confidence, risk):
    step = next_step(asked(domain, at_the_models_crisis("what time does it close", read_as, confidence, **risk)))[0]
    assert step not in (None, "utter_check_risk")


def test_after_the_crisis_steps_a_question_is_not_lowered(domain):
    earlier = [ActionExecuted("action_listen"), said("i want to die", "express_crisis"), ActionExecuted("utter_crisis"),
               SlotSet("crisis_categories", ["suicidal"])]
    step = next_step(asked(domain, at_the_models_crisis("r they open at weekends", "ask_service_info", 0.99), *earlier))[0]
    assert step not in (None, "utter_check_risk")


def first_message(domain: Domain, text: str, **risk: object) -> DialogueStateTracker:
    crisis = {"name": "express_crisis", "confidence": 1.0}
    parse = {"intent": crisis, "intent_ranking": [crisis], "text": text, "risk": {**MODEL_CRISIS, **risk}}
    events = [ActionExecuted("action_listen"), UserUttered(text, crisis, [], parse_data=parse)]
    return DialogueStateTracker.from_events("test", events, domain.slots)


@pytest.mark.parametrize("text", ["my social worker told me to use this", "my PA said to try this. what even is it",
                                  "hi, my school nurse gave me this link", "my mum told me to try you"])
def test_who_sent_them_as_a_first_message_at_the_models_crisis_gets_the_check_question(domain, text):
    """Both risk models scored "my social worker told me to use this" at crisis level, and a young person
    in care opening the chat was told "call 999" (development authors D11, D14, session 39)."""
    assert next_step(first_message(domain, text))[0] == "utter_check_risk"


@pytest.mark.parametrize(("text", "risk"), [
    ("my social worker told me to use this because my dad hits me", {}),  # more than who sent them
    ("my dad made me", {}), ("my teacher told me", {}),
    ("my social worker told me to use this", {"lexicon_categories": ["abuse"]}),  # a risk word
    ("my social worker told me to use this", {"crisis_language": "pl"}),
])
def test_otherwise_a_first_message_at_the_models_crisis_gets_the_crisis_reply(domain, text, risk):
    assert next_step(first_message(domain, text, **risk))[0] not in (None, "utter_check_risk")


def test_who_sent_them_after_a_hello_only_is_lowered_too(domain):
    """"hi", then "my social worker told me to use this" (the second review, session 39)."""
    step = next_step(asked(domain, at_the_models_crisis("my social worker told me to use this", "seek_help", 0.99)))[0]
    assert step == "utter_check_risk"


def test_who_sent_them_after_more_was_told_is_not_lowered(domain):
    earlier = [ActionExecuted("action_listen"), said("everything is getting on top of me", "describe_concern")]
    step = next_step(asked(domain, at_the_models_crisis("my social worker told me to use this", "seek_help", 0.99), *earlier))[0]
    assert step not in (None, "utter_check_risk")


@pytest.mark.parametrize("text", ["my dad told me this", "her dad said this", "my dad showed me this", "my friend told me this",
                                  "my mate told me to try this"])
def test_a_disclosure_shaped_like_a_referral_is_not_lowered(domain, text):
    """The second review (session 39): a bare "told me this" is no referral to the chat."""
    assert next_step(first_message(domain, text))[0] not in (None, "utter_check_risk")
