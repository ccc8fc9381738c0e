"""How bot/list_question_eval.py judges a reply (the figures in the issue notes depend on it)."""
from __future__ import annotations

from bot.list_question_eval import LIST_ANSWERS, Result


def result(kind: str, *actions: str) -> Result:
    return Result("x", "young_person", "text", kind, tuple(actions))


def test_a_question_is_answered_by_its_own_answer_or_its_none_fit():
    assert result("text", "utter_list_text", "utter_list_line").right
    assert result("text", "utter_list_none_text").right
    assert not result("text", "utter_list_hours", "utter_list_line").right
    assert not result("hours", "utter_service_info").right


def test_another_message_is_left_alone_unless_a_list_answer_comes():
    assert result("none", "action_change_answer", "utter_new_worry").right
    assert not result("none", "utter_list_difference", "utter_list_what_it_does").right
    assert result("none", "utter_crisis").crisis


def test_every_list_answer_is_a_response_in_the_domain():
    import yaml

    from bot.launcher import ROOT

    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    assert LIST_ANSWERS
    assert set(responses) >= LIST_ANSWERS
