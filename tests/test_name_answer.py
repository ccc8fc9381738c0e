"""A school or town in a few words that DIET read as out of scope goes to the form (issue #12,
development authors D3 and D7: "lester" got "Sorry, I can't help with that"). Pure tracker tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.name_answer import name_read_as_out_of_scope

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def asked(domain: Domain, slot: str, text: str, intent: str, rejected: bool = False) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet", "confidence": 1.0}),
        ActionExecuted("triage_form"), ActiveLoop("triage_form"), SlotSet("requested_slot", slot),
        ActionExecuted("action_listen"),
        UserUttered(text, {"name": intent, "confidence": 0.6}, parse_data={"intent": {"name": intent, "confidence": 0.6}, "text": text}),
        *([ActionExecutionRejected("triage_form")] if rejected else []),
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


@pytest.mark.parametrize(("slot", "text"), [("area", "lester"), ("area", "up in ham"), ("school", "beauchamp colij")])
def test_a_short_answer_read_as_out_of_scope_goes_to_the_form(domain, slot, text):
    assert name_read_as_out_of_scope(asked(domain, slot, text, "out_of_scope")) == "triage_form"


@pytest.mark.parametrize(
    ("slot", "text", "intent"),
    [
        ("area", "lester", "greet"),  # only out of scope: other readings keep their rules
        ("area", "what is the capital of france then", "out_of_scope"),  # more than a name
        ("age", "lester", "out_of_scope"),  # only the school and place questions
        ("concern", "lester", "out_of_scope"),
    ],
)
def test_other_messages_and_questions_keep_their_rules(domain, slot, text, intent):
    assert name_read_as_out_of_scope(asked(domain, slot, text, intent)) is None


def test_once_the_form_rejected_it_the_rule_answers(domain):
    """No loop: the form said it is no answer, so "out of scope" is answered by its rule."""
    assert name_read_as_out_of_scope(asked(domain, "area", "wig stun", "out_of_scope", rejected=True)) is None
