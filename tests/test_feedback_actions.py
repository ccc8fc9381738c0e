"""Issue 14, the bot's side: "Did this help?" once after the results, the consent question,
the one follow-up in a later session, and the consent carried over a new session (and
nothing else)."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.feedback import ActionRecordFeedback, ask_contacted_if_due, ask_helpful_once
from actions.keep_going import ActionAskUserRole, ActionNotUnderstood


def tracker(slots: dict | None = None, events: list[dict] | None = None, answer: str | None = None,
            active_loop: str | None = None) -> Tracker:
    entities = [{"entity": "feedback_answer", "value": answer}] if answer else []
    latest = {"text": "/feedback", "intent": {"name": "feedback", "confidence": 1.0}, "entities": entities}
    return Tracker("test", slots or {}, latest, [*(events or []), {"event": "user", "text": "/feedback", "parse_data": latest}],
                   False, None, {"name": active_loop} if active_loop else {}, "action_listen")


def run(action, given: Tracker) -> tuple[list[str], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, given, {}))
    return [m.get("response") or m.get("text") for m in dispatcher.messages], events


def said(response: str) -> dict:
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


def test_did_this_help_is_asked_once_and_never_after_an_answer():
    for slots, events, expected in [
        ({}, [], ["utter_ask_helpful"]),
        ({}, [said("utter_ask_helpful")], []),  # "More options": not again
        ({"helpful": "yes"}, [], []),
    ]:
        dispatcher = CollectingDispatcher()
        ask_helpful_once(dispatcher, tracker(slots, events))
        assert [m["response"] for m in dispatcher.messages] == expected


def test_an_answer_is_recorded_thanked_and_the_next_steps_and_consent_question_follow():
    replies, events = run(ActionRecordFeedback(), tracker({"services_shown": ["nat-childline"]}, answer="helpful_no"))
    assert replies == ["utter_not_helpful_thanks", "utter_offer_more", "utter_ask_contact_later"]
    assert events == [{"event": "slot", "timestamp": None, "name": "helpful", "value": "not_really"}]
    # Consent already answered: not asked again.
    replies, _ = run(ActionRecordFeedback(), tracker({"services_shown": ["x"], "contact_followup": "declined"}, answer="helpful_yes"))
    assert replies == ["utter_helpful_thanks", "utter_offer_more"]


@pytest.mark.parametrize(("answer", "slot", "value", "reply"), [
    ("ask_later_yes", "contact_followup", "consented", "utter_contact_later_yes"),
    ("ask_later_no", "contact_followup", "declined", "utter_contact_later_no"),
    ("contacted_yes", "contacted", "yes", "utter_contacted_yes"),
    ("contacted_not_yet", "contacted", "not_yet", "utter_contacted_not_yet"),
    ("contacted_rather_not_say", "contacted", "rather_not_say", "utter_contacted_rather_not_say"),
])
def test_every_button_sets_one_fixed_word(answer, slot, value, reply):
    replies, events = run(ActionRecordFeedback(), tracker({"services_shown": ["x"]}, answer=answer))
    assert replies[0] == reply and "utter_ask_contact_later" not in replies
    assert [(e["name"], e["value"]) for e in events] == [(slot, value)]


def test_during_the_questions_the_form_asks_again_so_no_next_step_is_offered():
    replies, events = run(ActionRecordFeedback(), tracker(
        {"requested_slot": "age", "contact_followup": "asked"}, answer="contacted_yes", active_loop="triage_form"))
    assert replies == ["utter_contacted_yes"] and events[0]["value"] == "yes"


def test_a_typed_or_unknown_answer_records_nothing():
    replies, events = run(ActionRecordFeedback(), tracker({"services_shown": ["x"]}, answer="helpful_maybe"))
    assert events == [] and replies == ["utter_offer_more"]


def test_the_follow_up_comes_once_before_the_next_question_only_when_due():
    replies, events = run(ActionAskUserRole(), tracker({"contact_followup": "due"}))
    assert replies == ["utter_ask_contacted", "utter_ask_user_role"]
    assert [(e["name"], e["value"]) for e in events] == [("contact_followup", "asked")]
    for value in ("consented", "asked", "declined", None):
        replies, events = run(ActionAskUserRole(), tracker({"contact_followup": value}))
        assert replies == ["utter_ask_user_role"] and events == []
    dispatcher = CollectingDispatcher()
    assert ask_contacted_if_due(dispatcher, tracker({})) == [] and dispatcher.messages == []


def test_not_understood_keeps_forgetting_the_message_when_the_follow_up_is_due():
    replies, events = run(ActionNotUnderstood(), tracker({"contact_followup": "due", "requested_slot": "age"}, active_loop="triage_form"))
    assert replies == ["utter_not_understood", "utter_ask_contacted", "utter_ask_age"]
    assert events[0]["event"] == "rewind" and events[1]["value"] == "asked"


def test_a_new_session_keeps_the_consent_and_nothing_else():
    from rasa.core.actions.action import ActionSessionStart
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot import session_carry_over

    session_carry_over.install()
    domain = Domain.load("domain.yml")
    assert domain.session_config.carry_over_slots is False

    def start(**slots) -> list:
        old = DialogueStateTracker.from_events("s", [SlotSet(name, value) for name, value in slots.items()], slots=domain.slots)
        return asyncio.run(ActionSessionStart().run(None, None, old, domain))

    assert start(contact_followup="consented", concern="sleep", area_code="herts") == [
        SessionStarted(), SlotSet("contact_followup", "due"), ActionExecuted("action_listen")]
    assert start(contact_followup="due") == [SessionStarted(), SlotSet("contact_followup", "due"), ActionExecuted("action_listen")]
    for value in ("asked", "declined", None):
        assert start(contact_followup=value, helpful="yes") == [SessionStarted(), ActionExecuted("action_listen")]


def test_a_typed_yes_or_no_answers_the_question_the_bot_asked_last():
    from actions.feedback import typed_feedback_answer

    def tracker_after(response: str, text: str):
        events = [{"event": "user", "text": "low mood"}, {"event": "bot", "metadata": {"utter_action": response}},
                  {"event": "user", "text": text}]
        return Tracker("s", {}, {"text": text}, events, False, None, {}, "action_listen")

    assert typed_feedback_answer(tracker_after("utter_ask_helpful", "yes")) == "helpful_yes"
    assert typed_feedback_answer(tracker_after("utter_ask_helpful", "nah")) == "helpful_no"
    assert typed_feedback_answer(tracker_after("utter_ask_contact_later", "yes please")) == "ask_later_yes"
    assert typed_feedback_answer(tracker_after("utter_ask_helpful", "i feel worse")) is None
    assert typed_feedback_answer(tracker_after("utter_offer_more", "yes")) is None
