"""A request to change an answer after the list, whatever the NLU made of it (issue #12)."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions.keep_going import asks_to_change_after_the_list


def tracker(text: str, shown: bool = True, requested: str | None = None) -> Tracker:
    slots = {"services_shown": ["svc-1"] if shown else None, "requested_slot": requested}
    active = {"name": "triage_form"} if requested else {}
    return Tracker("test", slots, {"text": text, "intent": {"name": "nlu_fallback"}}, [], False, None, active, "action_listen")


@pytest.mark.parametrize("text", ["could we look at another town instead", "different area", "can I change the age",
                                  "what about in hemel instead", "how about oadby", "is there anything in cardiff"])
def test_after_the_list_a_change_request_is_one(text):
    assert asks_to_change_after_the_list(tracker(text))


@pytest.mark.parametrize("text", ["purple monkey dishwasher", "thanks", "more", "i feel down about it",
                                  "i cant go outside anymore", "none of these help"])  # "elsewhere" phrases (review)
def test_other_messages_are_not(text):
    assert not asks_to_change_after_the_list(tracker(text))


def test_before_the_list_or_in_the_questions_it_is_left_to_the_form():
    assert not asks_to_change_after_the_list(tracker("different area", shown=False))
    assert not asks_to_change_after_the_list(tracker("different area", requested="area"))


@pytest.mark.parametrize("school", ["skipped", "not at school", "not found"])
def test_the_form_active_again_keeps_a_checked_school_answer_without_a_message(school):
    # Found by typing: "could we try a different area" re-ran the form, which re-validated the
    # school answer "skipped" as a school name and said "I couldn't find that school".
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    result = ValidateTriageForm().validate_school(school, dispatcher, tracker("could we try a different area"), {})
    assert result == {"school": school}
    assert dispatcher.messages == []


def test_a_school_answer_typed_now_is_still_read():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    result = ValidateTriageForm().validate_school("skip", dispatcher, tracker("skip", shown=False, requested="school"), {})
    assert result["school"] == "skipped"
