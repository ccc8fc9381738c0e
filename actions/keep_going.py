"""Never a dead end (issue #12b): what the bot does when it did not understand, or was asked
for something it cannot do yet.

Every "didn't understand" is followed by the current question with fresh buttons (the
widget only lets the newest buttons be pressed), or, outside the questions, by the next
useful step. The second misunderstanding in a row also says what kinds of answer work and
gives the lines to a person. All words come from templates in domain.yml.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.feedback import ActionRecordFeedback, ask_contacted_if_due, typed_feedback_answer
from actions.triage_form import WHAT_WE_MEAN, WHY_WE_ASK, ask_area, resolve_area
from signposting.change_request import parse_change_target
from signposting.languages import interpreter_lines, language_named
from signposting.next_step_request import CANNOT_DO_YET_READINGS, NEXT_STEP_READING_SLOT
from signposting.parsing import (
    asks_what_we_mean,
    asks_why_the_form_asks,
    parent_speaking,
    parse_yes_no,
    role_said_of_oneself,
    takes_a_pause,
)
from signposting.responses import NOT_UNDERSTOOD, NOT_UNDERSTOOD_ACTION, REQUEST_EMAIL_AFTER_A_LIST
from signposting.settings import settings
from signposting.text import normalise

FORM = "triage_form"
QUESTIONS = ("user_role", "age", "school", "area", "concern")
# Bot messages that mean "I did not understand your last message": the validation's
# `utter_<slot>_not_understood`, and NOT_UNDERSTOOD (signposting/responses.py).
TALK_TO_A_PERSON = {"title": "Talk to a person", "payload": "talk to a person"}
# Events that begin a new conversation: misunderstandings before them do not count.
FRESH_START = {"restart", "session_started"}
# The requests the bot cannot do yet, and the answer to each (also counted as content gaps).
CANNOT_DO_YET = {
    "request_email": "utter_request_email",
    "request_print": "utter_request_print",
    "request_other_language": "utter_request_other_language",
}


def is_not_understood(utter_action: str | None) -> bool:
    return utter_action is not None and (utter_action in NOT_UNDERSTOOD or utter_action.endswith("_not_understood"))


def misunderstood_in_a_row(events: Iterable[Mapping[str, Any]], current_turn: bool = True) -> int:
    """How many of the latest user messages in a row the bot said it did not understand.

    With `current_turn=False` the latest user message is left out (the caller is about to
    say it did not understand it)."""
    count = 0
    missed = False
    skip = not current_turn
    for event in reversed(list(events)):
        kind = event.get("event")
        if kind in FRESH_START:
            break
        if kind == "bot":
            missed = missed or is_not_understood((event.get("metadata") or {}).get("utter_action"))
        elif kind == "user":
            if skip:
                skip, missed = False, False
                continue
            if not missed:
                break
            count += 1
            missed = False
    return count


def before_asking(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, misunderstood: int | None = None) -> list[dict[str, str]]:
    """Before a question: after two misunderstandings in a row, what kinds of answer work and
    the lines to a person. Returns the buttons to add to the question ("Talk to a person"
    after any misunderstanding)."""
    if misunderstood is None:
        misunderstood = misunderstood_in_a_row(tracker.events)
    if misunderstood >= 2:
        # issue #16: the area guidance gives the deployment's postcode examples.
        dispatcher.utter_message(response=f"utter_how_to_answer_{slot}", postcode_examples=settings.deployment.postcode_examples)
        dispatcher.utter_message(response="utter_talk_to_person")
    return [TALK_TO_A_PERSON] if misunderstood else []


def ask(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, misunderstood: int | None = None) -> list[dict[str, Any]]:
    """The question for `slot` with its buttons (the area question has its own action).

    Returns events: in a later session the user agreed to, "Did you manage to contact them?"
    comes first, once (issue 14, actions/feedback.py)."""
    events = ask_contacted_if_due(dispatcher, tracker)
    if slot == "area":
        ask_area(dispatcher, tracker, before_asking(dispatcher, tracker, slot, misunderstood))
        return events
    extra = before_asking(dispatcher, tracker, slot, misunderstood)
    if slot == "concern" and tracker.get_slot("concern_menu") == "more":
        # After "Something else": the longer list of worries (issue #12c).
        dispatcher.utter_message(response="utter_ask_concern_more", buttons=extra)
        return events
    dispatcher.utter_message(response=f"utter_ask_{slot}", buttons=extra)
    return events


def offer_next_step(dispatcher: CollectingDispatcher, tracker: Tracker, misunderstood: int = 0) -> None:
    """Outside the questions: more options once services were shown, else find support."""
    if misunderstood >= 2:
        # after the list its buttons, not "Find support" (a user trial, session 46: 'Tap "Find
        # support" to start.' under "More options", "Start again", "Talk to a person")
        shown = tracker.get_slot("services_shown")
        dispatcher.utter_message(response="utter_how_to_answer_after_the_list" if shown else "utter_how_to_answer_general")
        dispatcher.utter_message(response="utter_talk_to_person")
    if tracker.get_slot("services_shown"):
        dispatcher.utter_message(response="utter_offer_more")
    else:
        dispatcher.utter_message(response="utter_offer_next_step")


def in_the_form(tracker: Tracker) -> bool:
    return (tracker.active_loop or {}).get("name") == FORM and tracker.get_slot("requested_slot") in QUESTIONS


def asks_to_change_after_the_list(tracker: Tracker) -> bool:
    """Outside the questions, after the list, a message that names an answer to change
    ("different area", "can I change the age") or names a place ("what about in hemel
    instead"): whatever the NLU made of it, it is that."""
    if in_the_form(tracker) or not tracker.get_slot("services_shown"):
        return False
    text = tracker.latest_message.get("text") or ""
    if parse_change_target(text) is not None:
        return True
    place = resolve_area(text, fuzzy=False)
    # "elsewhere" is a phrase ("i can't go outside", "none of these"), not a place named.
    return bool(place and place.status in ("found", "outside") and place.how not in ("england_town", "elsewhere"))


class ActionNotUnderstood(Action):
    """The NLU and core fallback: say so, then the current question again, or the next step.

    Like Rasa's default fallback it forgets the message, so an active form keeps waiting
    for the answer to the same question."""

    def name(self) -> str:
        return NOT_UNDERSTOOD_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if typed_feedback_answer(tracker):  # "yes" typed after "Did this help?" is an answer
            # then listen: as a fallback this turn has no rule to end it
            return [*await ActionRecordFeedback().run(dispatcher, tracker, domain), FollowupAction("action_listen")]
        if asks_to_change_after_the_list(tracker):  # "could we look at another town instead"
            from actions.services import ActionChangeAnswer  # late: services imports this module

            changed = await ActionChangeAnswer().run(dispatcher, tracker, domain)
            followed = any(event.get("event") == "followup" for event in changed)
            return changed if followed else [*changed, FollowupAction("action_listen")]
        from actions.service_info import tells_about_a_named_service  # late: it imports the form's helpers

        if tells_about_a_named_service(dispatcher, tracker):  # "what is shout", read as nothing
            if in_the_form(tracker):
                return [UserUtteranceReverted(), *ask(dispatcher, tracker, tracker.get_slot("requested_slot"))]
            offer_next_step(dispatcher, tracker)
            return [UserUtteranceReverted()]
        asked = tracker.get_slot("requested_slot")
        if in_the_form(tracker) and asked in WHY_WE_ASK and asks_why_the_form_asks(tracker.latest_message.get("text") or ""):
            # "why?" read as nothing: say why we ask, then ask again (not a misunderstanding)
            dispatcher.utter_message(response=WHY_WE_ASK[asked])
            return [UserUtteranceReverted(), *ask(dispatcher, tracker, asked)]
        if in_the_form(tracker) and asked in WHAT_WE_MEAN and asks_what_we_mean(tracker.latest_message.get("text") or ""):
            # "what do you mean?" read as nothing: the question said more plainly, then asked again
            dispatcher.utter_message(response=WHAT_WE_MEAN[asked], postcode_examples=settings.deployment.postcode_examples)
            return [UserUtteranceReverted(), *ask(dispatcher, tracker, asked)]
        if in_the_form(tracker) and takes_a_pause(tracker.latest_message.get("text") or ""):
            dispatcher.utter_message(response="utter_take_your_time")  # "hang on", "brb" read as nothing
            return [UserUtteranceReverted(), *ask(dispatcher, tracker, asked)]
        if in_the_form(tracker) and thanked_in_passing(tracker.latest_message.get("text") or ""):
            # "thanks that's helpful" after a question's reply (a user trial, session 45: "Sorry, I
            # didn't get that"): no misunderstanding, the question again
            dispatcher.utter_message(response="utter_ok_then_the_question")
            return [UserUtteranceReverted(), *ask(dispatcher, tracker, asked)]
        if in_the_form(tracker) and parse_yes_no(tracker.latest_message.get("text") or "", loose=True) == "yes":
            # "yes please" to go on (after the answer to a first question): no misunderstanding
            dispatcher.utter_message(response="utter_ok_then_the_question")
            return [UserUtteranceReverted(), *ask(dispatcher, tracker, asked)]
        if opens_the_chat(tracker):
            # "im so dead lol forgot my pe kit again" as the first message got "Sorry, I didn't get that"
            # and a menu, with no word of what the chat is (session 46's note): the greeting and the
            # questions, as for "hello"
            dispatcher.utter_message(response="utter_greet")
            dispatcher.utter_message(response="utter_urgent_help")
            return [UserUtteranceReverted(), FollowupAction("triage_form")]
        misunderstood = 1 + misunderstood_in_a_row(tracker.events, current_turn=False)
        dispatcher.utter_message(response="utter_not_understood_again" if misunderstood >= 2 else "utter_not_understood")
        events: list[dict[str, Any]] = [UserUtteranceReverted()]
        if in_the_form(tracker):
            events += ask(dispatcher, tracker, tracker.get_slot("requested_slot"), misunderstood)
        else:
            offer_next_step(dispatcher, tracker, misunderstood)
        return events


def opens_the_chat(tracker: Tracker) -> bool:
    """Is the latest message the first the user typed, with no answer, list or question before it?"""
    typed = sum(event.get("event") == "user" for event in tracker.events or [])
    return typed <= 1 and not tracker.active_loop.get("name") and not tracker.get_slot("services_shown") \
        and not any(tracker.get_slot(slot) for slot in QUESTIONS)


_THANKED = re.compile(
    r"(?:ok |okay |oh )?(?:thanks|thank you|thankyou|thx|ty|cheers)(?: (?:so much|a lot|loads))?"
    r"(?: (?:thats|that s|that is|this is|its|it s) (?:really |very |so )?(?:helpful|great|good|useful|brilliant|lovely|kind|nice))?"
)


def thanked_in_passing(text: str) -> bool:
    """A thank-you and nothing else ("thanks that's helpful"), typed while a question waits."""
    return bool(_THANKED.fullmatch(normalise(text)))


class _ActionAsk(Action):
    """Asks one triage question (the form calls `action_ask_<slot>`)."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        return ask(dispatcher, tracker, self.slot)


class ActionAskUserRole(_ActionAsk):
    slot = "user_role"


class ActionAskAge(_ActionAsk):
    slot = "age"


class ActionAskSchool(_ActionAsk):
    slot = "school"


class ActionAskConcern(_ActionAsk):
    slot = "concern"


class ActionCannotDoYet(Action):
    """Email, print, another language: an honest answer that says what the user can do.

    Inside the questions a rule runs the form next (it asks the same question again);
    outside, the next useful step follows."""

    def name(self) -> str:
        return "action_cannot_do_yet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        intent = str(((tracker.latest_message or {}).get("intent") or {}).get("name") or "")
        # After the list, the next-step model's reading of the request stands over DIET's intent.
        reading = CANNOT_DO_YET_READINGS.get(reading_this_turn(tracker) or "")
        intent = reading or intent
        response = CANNOT_DO_YET.get(intent, "utter_not_understood")
        if intent == "request_email" and tracker.get_slot("services_shown"):
            response = REQUEST_EMAIL_AFTER_A_LIST  # the widget's "Get a link to this list" is there to use
        dispatcher.utter_message(response=response)
        events: list[dict[str, Any]] = [SlotSet(NEXT_STEP_READING_SLOT, None)] if reading else []
        if intent == "request_other_language":
            code = language_named((tracker.latest_message or {}).get("text") or "")
            if code:
                # The reviewed line of signposting/interpreter_lines.yml (domain.yml: utter_interpreter_line).
                dispatcher.utter_message(text=interpreter_lines()[code])
                events.append(SlotSet("user_language", code))
        if not in_the_form(tracker):
            offer_next_step(dispatcher, tracker)
        return events


def reading_this_turn(tracker: Tracker) -> str | None:
    """The next-step model's reading set since the user's latest message, if any: one left from
    an earlier turn (an action that failed before clearing it) is no reading of this message."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return None
        if event.get("event") == "slot" and event.get("name") == NEXT_STEP_READING_SLOT and event.get("value"):
            return str(event["value"])
    return None


PARENT = "parent_carer"


def a_parent_asking(tracker: Tracker) -> bool:
    """A parent or carer: said so at the role question, or (before it) in this message."""
    role = tracker.get_slot("user_role")
    if role is not None:
        return role == PARENT
    message = tracker.latest_message or {}
    text = str(message.get("text") or "")
    hinted = any(e.get("entity") == "role_hint" and e.get("value") == PARENT for e in message.get("entities") or [])
    return hinted or role_said_of_oneself(text) == PARENT or parent_speaking(text) or bool(_AS_A_PARENT.search(normalise(text)))


_AS_A_PARENT = re.compile(r"\b(?:as a|as his|as her|as their|for a|im a|i m a|i am a) (?:parent|mum|mom|dad|carer|grandparent|nan|gran)\b")


class ActionParentOwnHelp(Action):
    """A parent or carer asking for themselves: their own options, keeping the child's answers."""

    def name(self) -> str:
        return "action_parent_own_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        from actions.services import (  # late: services imports this module
            ActionChangeAnswer,
            asks_for_services_for_the_childs_worry,
        )

        if tracker.get_slot("services_shown") and not in_the_form(tracker) and asks_for_services_for_the_childs_worry(tracker.latest_message.get("text") or ""):
            return await ActionChangeAnswer().run(dispatcher, tracker, domain)  # a search for that worry
        if not a_parent_asking(tracker):
            # A young person asking for a helpline ("helpline?" after the list) was read as a
            # parent asking for themselves: "You matter too... helps your child as well".
            dispatcher.utter_message(response="utter_talk_to_person")
            if not in_the_form(tracker):
                offer_next_step(dispatcher, tracker)
            return []
        dispatcher.utter_message(response="utter_parent_own_help")
        dispatcher.utter_message(response="utter_parent_own_local")
        if in_the_form(tracker):
            return []  # a rule runs the form next: the child's question again
        if tracker.get_slot("services_shown"):
            dispatcher.utter_message(response="utter_parent_back_to_child")
        else:
            dispatcher.utter_message(response="utter_parent_find_child_help")
        return []


class ActionNextStep(Action):
    """After "I can't help with that", outside the questions: the next useful step."""

    def name(self) -> str:
        return "action_next_step"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        offer_next_step(dispatcher, tracker, misunderstood_in_a_row(tracker.events))
        return []
