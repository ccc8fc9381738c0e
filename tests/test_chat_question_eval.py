"""`make privacy-question-eval` and `make service-question-eval` judge what they say they judge,
and their held-out sets stay out of the training data (each run takes a minute with the trained
bot: not in make test)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.chat_question_eval import TOPICS, Question, Result, read_questions
from signposting.text import normalise

ROOT = Path(__file__).resolve().parents[1]
PRIVACY, SERVICE = TOPICS["privacy"], TOPICS["service"]


def question(asks: bool, risk: bool = False) -> Question:
    return Question("x-1", "young_person", "first_message", "(typed)", asks, risk)


@pytest.mark.parametrize(
    ("asks", "risk", "actions", "right", "kind"),
    [
        (True, False, ("utter_privacy", "utter_offer_to_continue"), True, "its reply"),
        (True, False, ("action_not_understood",), False, "not understood"),
        (True, False, ("utter_check_risk",), False, "crisis or check"),
        (True, False, ("utter_service_info",), False, "another question's reply"),
        (False, False, ("utter_greet", "triage_form"), True, "something else"),
        (False, False, ("utter_privacy",), False, "its reply"),
        (False, True, ("utter_check_risk",), True, "crisis or check"),
        (False, True, ("utter_privacy",), False, "its reply"),
    ],
)
def test_each_kind_of_message_is_judged(asks, risk, actions, right, kind):
    result = Result(question(asks, risk), PRIVACY.reply, actions)
    assert result.right is right
    assert result.kind == kind


def trained_examples() -> dict[str, set[str]]:
    trained: dict[str, set[str]] = {}
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                trained.setdefault(normalise(line.lstrip("- ")), set()).add(block.get("intent", ""))
    return trained


def test_the_privacy_held_out_set_reads_and_is_not_in_the_training_data():
    questions = read_questions(PRIVACY.held_out, PRIVACY)
    assert [p.name for p in PRIVACY.held_out] == ["P1.jsonl"] and len(questions) == 150
    assert sum(q.asks for q in questions) == 80 and sum(q.risk for q in questions) == 11
    trained = trained_examples()
    # Two near-misses are also ordinary examples of other intents ("can you email me this list"
    # is the issue's own words); no held-out text teaches the privacy intent.
    assert not [q.id for q in questions if "ask_privacy" in trained.get(normalise(q.text), set())]
    assert len([q.id for q in questions if normalise(q.text) in trained]) == 2


def test_the_service_held_out_set_reads_and_is_not_in_the_training_data():
    questions = read_questions(SERVICE.held_out, SERVICE)
    assert [p.name for p in SERVICE.held_out] == ["S1.jsonl"] and len(questions) == 150
    assert sum(q.asks for q in questions) == 80 and sum(q.risk for q in questions) == 15
    assert not [q.id for q in questions if q.asks and q.risk]
    trained = trained_examples()
    assert not [q.id for q in questions if "ask_service_info" in trained.get(normalise(q.text), set())]


def test_an_answer_after_no_to_the_check_question_is_counted_apart():
    checked = Result(question(True), SERVICE.reply, ("utter_check_risk",), ("utter_check_ok", "utter_service_info", "triage_form"))
    assert checked.answered_after_no and not checked.right  # the first reply was the check
    assert not Result(question(True), SERVICE.reply, ("utter_check_risk",), ("utter_check_ok", "triage_form")).answered_after_no


def test_the_development_set_reads_for_both_topics():
    path = ROOT / "tests" / "chat_questions_dev" / "DQ1.jsonl"
    privacy, service = read_questions([path], PRIVACY), read_questions([path], SERVICE)
    assert len(privacy) == len(service) == 160
    assert sum(q.asks for q in privacy) == 60 and sum(q.asks for q in service) == 60
    assert not any(p.asks and s.asks for p, s in zip(privacy, service, strict=True))
