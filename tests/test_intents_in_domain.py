"""The intent lists written once in signposting.intents are the ones domain.yml uses, and every
name they hold is an intent the domain declares."""
from __future__ import annotations

from pathlib import Path

import yaml

from signposting.intents import NEVER_AN_ANSWER, NOT_A_CONCERN, NOT_A_SLOT_VALUE, NOT_AN_ANSWER

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text(encoding="utf8"))
TRIAGE_SLOTS = ("user_role", "age", "school", "area")


def from_text_exclusions(slot: str) -> set[str]:
    mappings = [m for m in DOMAIN["slots"][slot]["mappings"] if m["type"] == "from_text"]
    assert len(mappings) == 1, f"{slot} should have one from_text mapping"
    return set(mappings[0]["not_intent"])


def test_every_listed_intent_is_declared_in_the_domain():
    declared = set(DOMAIN["intents"])
    for name, intents in {"NOT_AN_ANSWER": NOT_AN_ANSWER, "NEVER_AN_ANSWER": NEVER_AN_ANSWER}.items():
        assert intents <= declared, f"{name} names intents the domain lacks: {sorted(intents - declared)}"


def test_triage_slots_take_no_request_as_their_value():
    for slot in TRIAGE_SLOTS:
        assert from_text_exclusions(slot) == set(NOT_A_SLOT_VALUE), slot


def test_the_concern_slot_takes_a_crisis_message_but_no_request():
    assert from_text_exclusions("concern") == set(NOT_A_CONCERN)
    assert "express_crisis" not in NOT_A_CONCERN and "express_crisis" in NOT_A_SLOT_VALUE
