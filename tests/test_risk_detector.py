"""Safety: every message in the team's escalation set must fire; figures of speech must not."""
from pathlib import Path

import pytest
import yaml

from bot.nlu.risk import detect_risk

SAFETY = Path(__file__).resolve().parent / "safety"
ESCALATE = yaml.safe_load((SAFETY / "escalate.yml").read_text())["messages"]
NO_ESCALATE = yaml.safe_load((SAFETY / "no_escalate.yml").read_text())["messages"]
MAX_FALSE_POSITIVE_RATE = 0.05


def test_the_sets_are_big_enough():
    assert len(ESCALATE) >= 200 and len(NO_ESCALATE) >= 200


def test_recall_is_100_percent_on_the_escalation_set():
    missed = [m["text"] for m in ESCALATE if not detect_risk(str(m["text"])).is_risk]
    print(f"\nrisk detector recall: {len(ESCALATE) - len(missed)}/{len(ESCALATE)}")
    assert missed == []


def test_false_positive_rate_is_under_5_percent():
    fired = [m["text"] for m in NO_ESCALATE if detect_risk(str(m["text"])).is_risk]
    rate = len(fired) / len(NO_ESCALATE)
    print(f"\nrisk detector false positives: {len(fired)}/{len(NO_ESCALATE)} = {rate:.1%}: {fired}")
    assert rate < MAX_FALSE_POSITIVE_RATE


@pytest.mark.parametrize(
    "text",
    ["this homework is killing me", "I'm dying of boredom", "my mum will kill me if I fail", "i cut my hair myself",
     "i'm not suicidal, i just can't sleep"],
)
def test_figures_of_speech_do_not_fire(text):
    assert not detect_risk(text).is_risk


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i want to unalive myself", "suicidal"),
        ("kms", "suicidal"),
        ("thinking about sewerslide", "suicidal"),
        ("i don't want to be here anymore", "suicidal"),
        ("i cut myself again", "self_harm"),
        ("my daughter is self harming", "self_harm"),
        ("i od'd on paracetamol", "danger_overdose"),
        ("my stepdad hits me", "abuse"),
        ("someone online keeps asking me for nudes", "abuse"),
        ("i'm going to run away tonight", "unsafe_home"),
    ],
)
def test_each_category_fires_and_is_recorded(text, category):
    result = detect_risk(text)
    assert category in result.categories
    assert all(match.pattern for match in result.matches)
