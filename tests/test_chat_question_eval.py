"""`make privacy-question-eval` judges what it says it judges, and its held-out set stays out of
the training data (the run itself takes a minute with the trained bot: not in make test)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.privacy_question_eval import HELD_OUT, Question, Result, read_questions
from signposting.text import normalise

ROOT = Path(__file__).resolve().parents[1]


def question(privacy: bool, risk: bool = False) -> Question:
    return Question("x-1", "young_person", "first_message", "(typed)", privacy, risk)


@pytest.mark.parametrize(
    ("privacy", "risk", "actions", "right", "kind"),
    [
        (True, False, ("utter_privacy", "utter_offer_to_continue"), True, "privacy reply"),
        (True, False, ("action_not_understood",), False, "not understood"),
        (True, False, ("utter_check_risk",), False, "crisis or check"),
        (False, False, ("utter_greet", "triage_form"), True, "something else"),
        (False, False, ("utter_privacy",), False, "privacy reply"),
        (False, True, ("utter_check_risk",), True, "crisis or check"),
        (False, True, ("utter_privacy",), False, "privacy reply"),
    ],
)
def test_each_kind_of_message_is_judged(privacy, risk, actions, right, kind):
    result = Result(question(privacy, risk), actions)
    assert result.right is right
    assert result.kind == kind


def test_the_held_out_set_reads_and_is_not_in_the_training_data():
    questions = read_questions(HELD_OUT)
    assert [p.name for p in HELD_OUT] == ["P1.jsonl"] and len(questions) == 150
    assert sum(q.privacy for q in questions) == 80 and sum(q.risk for q in questions) == 11
    trained: dict[str, set[str]] = {}
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                trained.setdefault(normalise(line.lstrip("- ")), set()).add(block.get("intent", ""))
    # Two near-misses are also ordinary examples of other intents ("can you email me this list"
    # is the issue's own words); no held-out text teaches the privacy intent.
    assert not [q.id for q in questions if "ask_privacy" in trained.get(normalise(q.text), set())]
    assert len([q.id for q in questions if normalise(q.text) in trained]) == 2


def test_an_answer_after_no_to_the_check_question_is_counted_apart():
    checked = Result(question(True), ("utter_check_risk",), ("utter_check_ok", "utter_privacy", "triage_form"))
    assert checked.answered_after_no and not checked.right  # the first reply was the check
    assert not Result(question(True), ("utter_check_risk",), ("utter_check_ok", "triage_form")).answered_after_no
