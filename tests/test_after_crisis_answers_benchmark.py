"""The after-crisis benchmark reads its sets strictly and sorts each reviewed template's words
into the kind of reply a reader would name (so a reworded template cannot silently fall into
"something else")."""
from __future__ import annotations

import json

import pytest
import yaml

from benchmarks.after_crisis_answers import LABELS, Row, asks_for_safety, read_rows, reply_kind
from signposting.settings import PROJECT_ROOT

RESPONSES = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf8"))["responses"]

EXPECTED_KIND = {
    "utter_other_ways_to_get_help": "other ways to get help",
    "utter_check_risk": "check question",
    "utter_not_safe_now": "not-safe reply (999 now)",
    "utter_not_safe_now_parent": "not-safe reply (999 now)",
    "utter_not_safe_now_adult": "not-safe reply (999 now)",
    "utter_not_safe_now_other": "not-safe reply (999 now)",
    "utter_taken_something": "overdose reply (999 even if OK)",
    "utter_taken_something_child": "overdose reply (999 even if OK)",
    "utter_taken_something_other": "overdose reply (999 even if OK)",
    "utter_glad_you_are_safe": "safe reply",
    "utter_glad_child_is_safe": "safe reply",
    "utter_glad_they_are_safe": "safe reply",
    "utter_crisis_third_party": "crisis reply for another",
    "utter_crisis_parent_own": "crisis reply again",
}


@pytest.mark.parametrize("template", sorted(EXPECTED_KIND))
def test_every_variant_of_a_template_is_sorted_as_its_kind(template):
    for variant in RESPONSES[template]:
        assert reply_kind([variant["text"]]) == EXPECTED_KIND[template], variant["text"]


def test_the_crisis_reply_is_sorted_by_whom_it_is_for():
    young, parent = [v["text"] for v in RESPONSES["utter_crisis"] if "condition" not in v], \
        [v["text"] for v in RESPONSES["utter_crisis"] if v.get("condition", [{}])[0].get("value") == "parent_carer"]
    assert young and parent
    assert reply_kind(young + ["Are you safe right now?"]) == "crisis reply again"
    assert reply_kind(parent + ["Is your child safe right now?"]) == "crisis reply for another"


def test_the_safety_question_alone_and_anything_else():
    assert asks_for_safety(["Is the person you are worried about safe right now?"])
    assert reply_kind(["Are you safe right now?"]) == "safety question again"
    assert reply_kind(["Sorry, I didn't get that."]) == "something else"
    assert not asks_for_safety(["How old are you?"])


def test_rows_are_read_and_a_bad_label_is_an_error(tmp_path):
    path = tmp_path / "set.jsonl"
    good = {"who": "unsaid", "opening": "my son cut himself", "answer": "im his dad", "label": "SAYS_WHO"}
    path.write_text(json.dumps(good) + "\n\n", encoding="utf8")
    assert read_rows(path) == [Row("unsaid", "my son cut himself", "im his dad", "SAYS_WHO")]
    path.write_text(json.dumps({**good, "label": "MAYBE"}) + "\n", encoding="utf8")
    with pytest.raises(ValueError):
        read_rows(path)
    assert "SAYS_WHO" in LABELS
