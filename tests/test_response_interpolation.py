"""Filling responses (issue #15): `bot.rasa_speedups.interpolate_text` gives what Rasa's own gives.

Rasa's version raises, catches and logs (with a traceback) a KeyError for every `{...}` it
cannot fill, such as the entity JSON in the "Did this help?" buttons' payloads; ours checks
first. The result must be the same for every response in domain.yml and the edge cases.
"""
from __future__ import annotations

import logging

import pytest
import yaml
from rasa.core.nlg import interpolator

from bot import rasa_speedups
from bot.launcher import ROOT

SLOTS = {
    "postcode_examples": "SG1 or LE1", "school_name": "Example School", "nation": "Wales",
    "concern_label": "low mood", "why": "because", "who": "you", "user_role": "parent_carer", "a.b": "dotted",
}


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def domain_strings() -> list[str]:
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    return sorted({text for variants in responses.values() for text in strings(variants) if "{" in text})


EDGE_CASES = [
    "plain text", "Hello {who}", "{missing_slot} and {who}", '/feedback{"feedback_answer": "helpful_yes"}',
    "{{escaped}}", "{{who}}", "{0}", "{a.b}", "{who} {who}", "{}", "{ who }", "{who!r}", "{who:>10}", "{who",
]


def outcome(function, text: str, values: dict) -> str:
    """The filled text, or the error raised (Rasa raises on unbalanced braces; so must we)."""
    try:
        return function(text, values)
    except ValueError as error:
        return f"ValueError: {error}"


@pytest.mark.parametrize("values", [SLOTS, {}, {"who": "you"}], ids=["slots", "none", "one"])
def test_same_result_as_rasa_for_every_response_and_edge_case(values, caplog):
    texts = domain_strings() + EDGE_CASES
    assert any("feedback_answer" in text for text in texts)  # the payloads that made Rasa log errors
    for text in texts:
        ours, rasas = outcome(rasa_speedups.interpolate_text, text, values), outcome(rasa_speedups._rasa_interpolate_text, text, values)
        assert ours == rasas, text


def test_a_button_payload_is_left_alone_without_an_error(caplog):
    payload = '/feedback{"feedback_answer": "helpful_yes"}'
    with caplog.at_level(logging.DEBUG):
        assert rasa_speedups.interpolate_text(payload, SLOTS) == payload
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_a_missing_slot_is_still_reported(caplog):
    with caplog.at_level(logging.WARNING, logger="bot.rasa_speedups"):
        assert rasa_speedups.interpolate_text("Hi {no_such_slot}", SLOTS) == "Hi {no_such_slot}"
    assert "no_such_slot" in caplog.text


def test_installed_where_rasa_looks_it_up():
    rasa_speedups.install()
    assert interpolator.interpolate_text is rasa_speedups.interpolate_text
    filled = interpolator.interpolate({"text": "In {nation}", "buttons": [{"payload": '/x{"e": "v"}'}]}, SLOTS)
    assert filled == {"text": "In Wales", "buttons": [{"payload": '/x{"e": "v"}'}]}
