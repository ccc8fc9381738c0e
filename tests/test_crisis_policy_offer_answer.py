"""Issue #12 (12e): a plain yes to "Would you like me to find support near you?" after the
crisis steps starts the questions, even when the risk model alone scores it at check level
("go on then" scored 0.27); anything with risk words, or anything but a plain yes, does not."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import next_step

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def message(text: str, **risk) -> UserUttered:
    intent = {"name": "express_crisis", "confidence": 1.0}
    return UserUttered(text, intent, [], parse_data={"intent": intent, "entities": [], "text": text, "risk": risk})


def after_the_offer(domain: Domain, answer: UserUttered) -> DialogueStateTracker:
    """A crisis reply, "I'm safe", the offer, then the answer."""
    events = [
        ActionExecuted("action_listen"), message("i want to kill myself", level="crisis", source="lexicon",
                                                 lexicon_categories=["suicidal"], categories=["suicidal"]),
        SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"),
        ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
        UserUttered("/confirm_safe", {"name": "confirm_safe", "confidence": 1.0}),
        ActionExecuted("utter_glad_you_are_safe"), ActionExecuted("utter_offer_to_continue"), ActionExecuted("action_listen"),
        answer,
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


MODEL_CHECK = {"level": "check", "source": "model", "lexicon_categories": [], "categories": ["self_harm"], "score": 0.27}


@pytest.mark.parametrize("text", ["go on then", "yes please", "ok then", "sure"])
def test_a_plain_yes_scored_by_the_model_alone_starts_the_questions(domain, text):
    assert next_step(after_the_offer(domain, message(text, **MODEL_CHECK)))[0] == "triage_form"


@pytest.mark.parametrize(
    ("text", "risk"),
    [
        ("go on then", {**MODEL_CHECK, "source": "lexicon", "lexicon_categories": ["suicidal"]}),  # risk words
        ("go on then i'll do it", MODEL_CHECK),  # not a plain yes
        ("nah", MODEL_CHECK),  # a no is not waved through
        ("tak", {**MODEL_CHECK, "crisis_language": "pl"}),
    ],
)
def test_anything_else_at_check_level_still_gets_the_crisis_reply(domain, text, risk):
    assert next_step(after_the_offer(domain, message(text, **risk)))[0] == "utter_crisis"


def test_a_plain_yes_at_crisis_level_still_gets_the_crisis_reply(domain):
    risk = {**MODEL_CHECK, "level": "crisis", "score": 0.9}
    assert next_step(after_the_offer(domain, message("go on then", **risk)))[0] == "utter_crisis"


def test_a_no_because_support_is_already_there_says_goodbye_with_the_urgent_lines(domain):
    """"nah ive got a uni counsellor already", scored at check level by the model alone, got the whole
    crisis reply again (development author D18, session 39)."""
    answer = message("nah ive got a uni counsellor already", level="check", source="model", lexicon_categories=[])
    assert next_step(after_the_offer(domain, answer))[0] == "utter_goodbye"


@pytest.mark.parametrize("text", [
    "No. I only wanted information.", "No thanks, already have the local list", "No. My social worker is already sorting it.",
])
def test_a_no_because_nothing_more_is_wanted_says_goodbye_with_the_urgent_lines(domain, text):
    """Development author D10 (session 44): the whole crisis reply again after "I'm safe"."""
    answer = message(text, level="check", source="model", lexicon_categories=[])
    assert next_step(after_the_offer(domain, answer))[0] == "utter_goodbye"


def test_a_plain_no_at_the_models_crisis_level_keeps_the_crisis_steps(domain):
    answer = message("no i only wanted information", level="crisis", source="model", lexicon_categories=[])
    assert next_step(after_the_offer(domain, answer))[0] == "utter_crisis"


@pytest.mark.parametrize(("text", "risk"), [
    ("no im going to end up in hospital anyway", {}),  # no support named: the crisis steps decide
    ("no ive got nobody", {}),
    ("nah ive got a uni counsellor already", {"lexicon_categories": ["distress"]}),  # a risk word
    ("nah ive got a uni counsellor already", {"lowered_from_crisis": True}),
])
def test_any_other_no_at_the_models_check_keeps_the_crisis_steps(domain, text, risk):
    answer = message(text, level="check", source="model", **{"lexicon_categories": [], **risk})
    assert next_step(after_the_offer(domain, answer))[0] != "utter_goodbye"
