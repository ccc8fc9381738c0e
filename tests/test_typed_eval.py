"""`make typed-eval` judges what it says it judges (the run itself takes minutes: not in make test)."""
from __future__ import annotations

import json

import pytest

from bot.typed_eval import HELD_OUT, Answer, judge, prefix, read_answers


def answer(question: str, expected: dict, role: str = "young_person") -> Answer:
    return Answer("dev-1", question, role, "(typed)", expected)


def test_the_held_out_files_read_with_every_question_known():
    assert [path.name for path in HELD_OUT] == ["typed_T1.jsonl", "typed_T2.jsonl", "typed_T3.jsonl"]
    answers = read_answers(HELD_OUT)
    assert len(answers) == 900
    assert len({a.id for a in answers}) == 900


def test_a_file_with_an_unknown_question_is_refused(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "question": "shoe_size", "text": "9", "expected": {}}) + "\n")
    with pytest.raises(ValueError, match="shoe_size"):
        read_answers([path])


def test_each_question_is_reached_by_answering_the_ones_before():
    assert prefix("first_message", "young_person") == []
    assert prefix("school", "parent_carer") == ["hi", "parent or carer", "12"]
    assert prefix("next_step", "young_person")[-1] == "low mood"


@pytest.mark.parametrize(
    ("question", "expected", "slots", "right"),
    [
        ("user_role", {"role": "parent_carer"}, {"user_role": "parent_carer"}, True),
        ("user_role", {"role": "parent_carer"}, {"user_role": None}, False),
        ("age", {"low": 13, "high": 14}, {"age_min": 13.0, "age_max": 14.0}, True),
        ("age", {"low": 13, "high": 13}, {"age_min": 13.0, "age_max": 14.0}, False),
        ("age", {"unknown": True}, {"age": "not given"}, True),
        ("age", {"low": 17, "high": 17, "area": "wales"}, {"age_min": 17, "age_max": 17, "area_code": "wales"}, True),
        ("age", {"low": 17, "high": 17, "area": "wales"}, {"age_min": 17, "age_max": 17}, False),
        ("school", {"school": "skip"}, {"school": "skipped"}, True),
        ("school", {"school": "none"}, {"school": "skipped"}, False),
        ("school", {"school": "named"}, {"school": "not found"}, True),
        ("school", {"school": "named"}, {"school": None}, False),
        ("area", {"area": "skip"}, {"area_code": "national"}, True),
        ("area", {"area": "herts"}, {"area_code": "national"}, False),
        ("concern", {"concern": "sleep"}, {"concern": "sleep"}, True),
    ],
)
def test_slots_are_judged_against_the_expected_answer(question, expected, slots, right):
    assert judge(answer(question, expected), slots, "inform", [], None) is right


def test_intents_and_behaviour_are_judged():
    assert judge(answer("first_message", {"intent": "crisis"}), {}, "inform", ["utter_check_risk"], None)
    assert not judge(answer("first_message", {"intent": "greet"}), {}, "greet", ["utter_crisis"], None)
    assert judge(answer("offer", {"intent": "affirm"}), {}, "affirm", ["triage_form"], "triage_form")
    assert not judge(answer("offer", {"intent": "deny"}), {}, "deny", ["utter_default"], None)
    assert judge(answer("next_step", {"intent": "more_options"}), {}, "more_options", [], None)


def test_the_report_counts_answers_kept_after_a_no_to_the_check_question_apart():
    from bot.typed_eval import Outcome, report

    outcomes = [
        Outcome(answer("concern", {"concern": "sleep"}), True),
        Outcome(answer("concern", {"concern": "sleep"}), False, after_check=True),  # one extra tap
        Outcome(answer("concern", {"concern": "sleep"}), False, after_check=False),
        Outcome(answer("concern", {"concern": "sleep"}), False),  # misunderstood, no check question
    ]
    lines = report(outcomes, show_failures=0)
    concern = next(line for line in lines if line.startswith("concern "))
    assert "1/4 (25.0%)" in concern and "2/4 (50.0%)" in concern
    assert any("check question came instead of the next step for 2 answers" in line and "1 were kept" in line for line in lines)
