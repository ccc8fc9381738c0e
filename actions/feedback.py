"""Was this helpful? (issue 14): one tap after the results, and, only with the user's consent,
one question when they come back: "Did you manage to contact them?".

The answers are slots (`helpful`, `contact_followup`, `contacted`) holding fixed words, never
the user's own: the staff overview counts them (bot/staff/feedback.py). No free text and no
contact details are asked for. The buttons send `/feedback{"feedback_answer": ...}`, so a
tap skips the NLU; anything typed goes through the NLU and the crisis layer as usual.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from signposting.parsing import parse_yes_no
from signposting.responses import ASK_CONTACT_LATER, ASK_CONTACTED, ASK_HELPFUL

# Button answer → (slot, value, reply).
ANSWERS = {
    "helpful_yes": ("helpful", "yes", "utter_helpful_thanks"),
    "helpful_no": ("helpful", "not_really", "utter_not_helpful_thanks"),
    "ask_later_yes": ("contact_followup", "consented", "utter_contact_later_yes"),
    "ask_later_no": ("contact_followup", "declined", "utter_contact_later_no"),
    "contacted_yes": ("contacted", "yes", "utter_contacted_yes"),
    "contacted_not_yet": ("contacted", "not_yet", "utter_contacted_not_yet"),
    "contacted_rather_not_say": ("contacted", "rather_not_say", "utter_contacted_rather_not_say"),
}
# `contact_followup` at the start of a later session (bot/followup.py carries it over): "due"
# means ask once, at the next question the bot asks; "asked" is never carried over.
FOLLOWUP_DUE = "due"
FOLLOWUP_ASKED = "asked"


def was_said(events: Iterable[Mapping[str, Any]], response: str) -> bool:
    """Has the bot already sent `response` in this session?"""
    return any(
        event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == response for event in events
    )


def ask_helpful_once(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After the results: "Did this help?", the first time services are shown."""
    if tracker.get_slot("helpful") is None and not was_said(tracker.events, ASK_HELPFUL):
        dispatcher.utter_message(response=ASK_HELPFUL)


def ask_contacted_if_due(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Before a question, in a later session the user agreed to: "Did you manage to contact them?", once."""
    if tracker.get_slot("contact_followup") != FOLLOWUP_DUE:
        return []
    dispatcher.utter_message(response=ASK_CONTACTED)
    return [SlotSet("contact_followup", FOLLOWUP_ASKED)]


# A typed "yes" or "no" to the question the bot asked last (found by typing, not tapping:
# "yes" after "Did this help?" was "Sorry, I didn't get that").
TYPED = {
    ASK_HELPFUL: {"yes": "helpful_yes", "no": "helpful_no"},
    ASK_CONTACT_LATER: {"yes": "ask_later_yes", "no": "ask_later_no"},
    ASK_CONTACTED: {"yes": "contacted_yes", "no": "contacted_not_yet"},
}


def last_bot_response(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The response the bot sent last, before the latest user message."""
    seen_user = False
    for event in reversed(list(events)):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return (event.get("metadata") or {}).get("utter_action")
    return None


def typed_feedback_answer(tracker: Tracker) -> str | None:
    answers = TYPED.get(last_bot_response(tracker.events) or "")
    yes_no = parse_yes_no((tracker.latest_message or {}).get("text") or "", loose=True)
    return answers.get(yes_no) if answers and yes_no else None


def feedback_answer(tracker: Tracker) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == "feedback_answer" and entity.get("value") in ANSWERS:
            return str(entity["value"])
    return typed_feedback_answer(tracker)


class ActionRecordFeedback(Action):
    """Records a tap on a feedback button and thanks the user; then the conversation carries
    on where it was (during the questions, a rule runs the form, which asks again)."""

    def name(self) -> str:
        return "action_record_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        from actions.keep_going import in_the_form, offer_next_step  # keep_going imports this module

        answer = feedback_answer(tracker)
        if answer is None:  # a hand-typed "/feedback" payload: nothing to record
            if not in_the_form(tracker):
                offer_next_step(dispatcher, tracker)
            return []
        slot, value, reply = ANSWERS[answer]
        dispatcher.utter_message(response=reply)
        if not in_the_form(tracker):
            offer_next_step(dispatcher, tracker)
        if slot == "helpful" and tracker.get_slot("contact_followup") is None and not was_said(tracker.events, ASK_CONTACT_LATER):
            dispatcher.utter_message(response=ASK_CONTACT_LATER)
        return [SlotSet(slot, value)]
