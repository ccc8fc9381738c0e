"""A message is text, never an instruction to Rasa, unless it is one of the bot's own "/" button
payloads (signposting.typed_text; issue #15, input hardening)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from signposting.typed_text import BUTTON_INTENT_PAYLOADS, ONLY_SLASHES, as_user_text, is_button_payload

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text(encoding="utf8"))


def _domain_payloads() -> set[str]:
    payloads = set()
    for variants in DOMAIN["responses"].values():
        for variant in variants:
            payloads.update(str(button["payload"]) for button in variant.get("buttons") or [])
    return payloads


def test_the_list_is_every_slash_payload_of_domain_yml_buttons():
    assert {payload for payload in _domain_payloads() if payload.startswith("/")} == set(BUTTON_INTENT_PAYLOADS)


@pytest.mark.parametrize("payload", sorted(BUTTON_INTENT_PAYLOADS))
def test_a_tap_on_a_button_arrives_as_its_intent(payload):
    assert as_user_text(payload) == payload
    assert is_button_payload(payload)


@pytest.mark.parametrize(("typed", "read_as"), [
    ("/restart", "restart"),
    ("/session_start", "session_start"),
    ('/inform{"age_min": 99}', 'inform{"age_min": 99}'),
    ("  /restart", "restart"),  # Rasa strips the text before looking for "/"
    ("//greet", "greet"),
    ("/ i want to die", "i want to die"),
    ("/kms", "kms"),
    ("/", ONLY_SLASHES),
    (" / / ", ONLY_SLASHES),
    ('/feedback{"feedback_answer": "made_up"}', 'feedback{"feedback_answer": "made_up"}'),
    ("/confirm_safe please", "confirm_safe please"),  # not exactly a button's payload
])
def test_anything_else_starting_with_a_slash_is_read_as_words(typed, read_as):
    assert as_user_text(typed) == read_as
    assert not is_button_payload(typed)


@pytest.mark.parametrize("typed", ["hi", "year 9 / 10", "and/or", "14", "I'm 15 :/", ""])
def test_ordinary_text_is_unchanged(typed):
    assert as_user_text(typed) == typed


@given(st.one_of(st.text(), st.text().map(lambda text: "/" + text), st.text().map(lambda text: " \t/ /" + text)))
def test_only_a_button_payload_can_reach_rasa_starting_with_a_slash(typed):
    sent = as_user_text(typed).strip()
    assert not sent.startswith("/") or sent in BUTTON_INTENT_PAYLOADS
    if typed.strip() and not typed.strip().startswith("/"):
        assert as_user_text(typed) == typed  # text without a leading slash is never touched
