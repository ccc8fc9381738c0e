"""NewWorryPolicy: a worry or an answer typed after the list goes to `action_change_answer` (issue #12).

After the services were shown, "I'm also being bullied", "CM20", "how about oadby" or
"she's 15 now" matched the rules for a worry or an answer out of the blue: the greeting again
and the questions restarted, then "more options" for the old answers. Now
`action_change_answer` takes every such message: a changed worry, place or age searches again
keeping the other answers; the same worry, or one it cannot place, is thanked with the next
step; an answer that changes nothing asks what to change. A request typed after the list that
DIET read as something else is answered as the next-step model reads it (session 26); a message
saying the list does not fit gets "sorry it didn't help" and the next step; "i dont want to start
again" never starts again. The crisis path always comes first (CrisisPolicy has a higher
priority, this policy says nothing while it has a step to take, and a reply to a crisis step is
never taken).
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import (
    ASK_AGAIN,
    CRISIS_ACTIONS,
    OPENING_STEPS,
    TRIAGE_FORM,
    UTTER_OFFER,
    UTTER_OFFER_MORE,
    earlier_distress,
    last_bot_action_before_user,
    next_step,
    undo_form_extraction,
)
from bot.nlu.deterministic_policy import DeterministicPolicy
from bot.nlu.name_answer import name_read_as_out_of_scope
from bot.nlu.opening_worry import next_opening_step
from signposting.change_request import A_NUMBER, parse_change_target
from signposting.concern_reading import asks_for_help_with_a_worry
from signposting.intents import FALLBACK_INTENT
from signposting.list_question import parse_list_question, place_in_the_list
from signposting.next_step_reading import SERVED_INTENTS, request_read, risk_seen, says_the_list_does_not_fit
from signposting.next_step_request import (
    GOODBYE,
    NEXT_STEP_READING_SLOT,
    THANKS,
    closing_in_so_many_words,
    closing_reply,
    is_next_step_request,
    says_not_to_a_request,
)
from signposting.parsing import parse_concern
from signposting.responses import CANNOT_DO_YET, MORE_SERVICES, START_AGAIN_ACTION, TALK_TO_PERSON, THANKS_REPLY
from signposting.responses import GOODBYE as GOODBYE_REPLY
from signposting.text import normalise
from signposting.vocabulary import OTHER_CONCERN

CHANGE_ANSWER = "action_change_answer"
# Answers a question about the services shown from their records (actions/list_questions.py).
LIST_ANSWER = "action_service_info"
WORRY_INTENTS = {"describe_concern", "seek_help"}
ANSWER_INTENT = "inform"


def replies_to_the_list(tracker: DialogueStateTracker) -> bool:
    """The latest message came after the list, outside the questions, and not in reply to a
    crisis step ("Are you safe right now?", the check question): those replies are the crisis
    policy's and the rules', whatever the message says."""
    if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.active_loop_name:
        return False
    if not tracker.get_slot("services_shown") or not tracker.latest_message:
        return False
    before = last_bot_action_before_user(tracker)
    if before == UTTER_OFFER:
        # "so what DV support is there for a 17 year old in Harlow?" typed to "Would you like me to
        # find support near you?" after the check: the greeting again (a user trial, session 20)
        return (tracker.latest_message.intent or {}).get("name") in WORRY_INTENTS
    return before not in CRISIS_ACTIONS


def answer_after_the_list(tracker: DialogueStateTracker) -> bool:
    """An answer (a place, an age) or a worry typed after the list, outside the questions:
    "how about oadby" is read as a worry as often as an answer, and the action tells them apart."""
    if not replies_to_the_list(tracker) or _a_next_step_request(tracker):
        return False
    if parse_change_target(tracker.latest_message.text or "") is not None:
        return True  # "could we look at another town instead", whatever DIET read (more options)
    intent = (tracker.latest_message.intent or {}).get("name")
    if intent == FALLBACK_INTENT and asks_for_help_with_a_worry(tracker.latest_message.text or ""):
        return True  # "is there anything specific for drugs": DIET placed nothing, the rules read a worry (session 45)
    return intent in (ANSWER_INTENT, *WORRY_INTENTS)


def asks_about_the_list(tracker: DialogueStateTracker) -> bool:
    """"can I text any of these", "whats the difference between these": a question about the
    services shown, whatever intent the NLU gave it (it was a hello, a request for a person or a
    new worry as often as a question)."""
    if not replies_to_the_list(tracker) and not _typed_to_the_offer(tracker):
        return False
    if _a_next_step_request(tracker):
        return False  # "could we go through the questions again for our youngest" asks to start again
    text = tracker.latest_message.text or ""
    # (a service by its place in the list: "the 2nd one", "number 2": its card, never an age of 2)
    return parse_list_question(text) is not None or place_in_the_list(text) is not None


def _a_next_step_request(tracker: DialogueStateTracker) -> bool:
    """"thanks ill have a look", "do it again for my sister" (signposting/next_step_request.py):
    the rules answer the request the NLU read."""
    return bool(tracker.latest_message) and is_next_step_request(tracker.latest_message.text or "")


def _typed_to_the_offer(tracker: DialogueStateTracker) -> bool:
    return (
        tracker.latest_action_name == ACTION_LISTEN_NAME and not tracker.active_loop_name
        and bool(tracker.get_slot("services_shown")) and tracker.latest_message is not None
        and last_bot_action_before_user(tracker) == UTTER_OFFER
    )


# A closing after the list, said in so many words, whatever DIET read ("no that's all thank you" and
# "no im good thx" are a "no", which the safety steps keep: they got "Sorry, I didn't get that").
CLOSING_REPLIES = {THANKS: THANKS_REPLY, GOODBYE: GOODBYE_REPLY}


def closing_after_the_list(tracker: DialogueStateTracker) -> str | None:
    """The reply to a closing after the list that the NLU did not read as thanks or a goodbye
    (those the rules answer)."""
    if not replies_to_the_list(tracker) or (tracker.latest_message.intent or {}).get("name") in CLOSING_REPLIES:
        return None
    closing = closing_in_so_many_words(tracker.latest_message.text or "")
    return CLOSING_REPLIES[closing] if closing else None


# --- The next-step model's reading (bot/nlu/next_step_model.py; when it counts for the message
# alone: signposting/next_step_reading.py) --------------------------------------------------------
UTTER_START_AGAIN = "utter_start_again"


def steps_for(label: str, text: str) -> tuple[str, ...]:
    """The actions that answer the request, as the rules answer the intent of the same name."""
    if label == "closing":
        return (closing_reply(text),)
    if label == "more_options" and parse_concern(text) not in (None, OTHER_CONCERN):
        # "have you got anything for grief? none of these mention bereavement": more options for
        # that worry, so the search again for it, keeping the other answers.
        return (CHANGE_ANSWER,)
    return {
        "more_options": (MORE_SERVICES,),
        "start_again": (UTTER_START_AGAIN, START_AGAIN_ACTION, TRIAGE_FORM),
        "talk_to_a_person": (TALK_TO_PERSON,),
        "email": (CANNOT_DO_YET,),  # the action reads the slot: signposting.next_step_request.CANNOT_DO_YET_READINGS
        "print": (CANNOT_DO_YET,),
        "other_language": (CANNOT_DO_YET,),
    }[label]


def model_reading(tracker: DialogueStateTracker) -> str | None:
    """The request the next-step model reads in a message typed after the list, when it counts."""
    message = tracker.latest_message
    if not replies_to_the_list(tracker) or message is None:
        return None
    label = request_read(message.parse_data or {}, message.text or "")
    if label == "closing" and earlier_distress(tracker):
        return None  # leaving after distress is the crisis policy's to read, never a plain goodbye
    if label == "closing" and parse_concern(message.text or "") not in (None, OTHER_CONCERN):
        return None  # "gotta go mum is coming, she hits me": a worry told is never taken for a goodbye (the review)
    return label


def _this_turn(tracker: DialogueStateTracker) -> tuple[str | None, list[str]]:
    """The reading this policy set since the latest user message, and the actions run since."""
    reading: str | None = None
    actions: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, SlotSet) and event.key == NEXT_STEP_READING_SLOT and event.value and reading is None:
            reading = str(event.value)
        elif isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            actions.append(str(event.action_name))
    return reading, actions[::-1]


def next_step_by_model(tracker: DialogueStateTracker) -> tuple[str | None, list[Event]]:
    """The first step of the request the model read, then the rest of its steps, then listen."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    if tracker.latest_action_name == ACTION_LISTEN_NAME:
        label = model_reading(tracker)
        return (steps_for(label, text)[0], [SlotSet(NEXT_STEP_READING_SLOT, label)]) if label else (None, [])
    reading, actions = _this_turn(tracker)
    if reading is None:
        return None, []
    steps = steps_for(reading, text)
    if tuple(actions) == steps[:len(actions)] and len(actions) < len(steps):
        following = steps[len(actions)]
        return following, [SlotSet(NEXT_STEP_READING_SLOT, None)] if following == TRIAGE_FORM else []
    if tuple(actions) == steps and steps[-1] != TRIAGE_FORM:
        return ACTION_LISTEN_NAME, [SlotSet(NEXT_STEP_READING_SLOT, None)]
    return None, []


# "i dont want to start again", "no need to start again", "not starting again lol": DIET read "start
# again" and the rules wiped the answers. After the list the next step is offered instead; in the
# questions the question is asked again (a phone trial, session 26), its slot as it was.
def not_starting_again(tracker: DialogueStateTracker) -> tuple[str | None, list[Event]]:
    if not _says_not_to_start_again(tracker):
        return None, []
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    asked = tracker.get_slot("requested_slot")
    in_the_questions = tracker.active_loop_name == TRIAGE_FORM and asked in ASK_AGAIN
    if tracker.latest_action_name == ACTION_LISTEN_NAME:
        if in_the_questions:
            # The question again, its slot as it was before the message (Rasa's slot mapping put
            # the text there; the form never checks it, as the crisis steps' undo explains).
            return ASK_AGAIN[asked], [*undo_form_extraction(tracker), SlotSet(asked, None)]
        if not replies_to_the_list(tracker):
            return None, []
        # "no need to start again, just she's 13 not 12": the change, keeping the other answers
        return (CHANGE_ANSWER if _changes_an_answer(text) else UTTER_OFFER_MORE), []
    if in_the_questions and tracker.latest_action_name == ASK_AGAIN[asked]:
        return ACTION_LISTEN_NAME, []
    if tracker.latest_action_name in (UTTER_OFFER_MORE, CHANGE_ANSWER) and not tracker.active_loop_name:
        return ACTION_LISTEN_NAME, []
    return None, []


def _changes_an_answer(text: str) -> bool:
    return parse_change_target(text) is not None or parse_concern(text) not in (None, OTHER_CONCERN) or bool(A_NUMBER.search(text))


def _says_not_to_start_again(tracker: DialogueStateTracker) -> bool:
    message = tracker.latest_message
    if message is None or (message.intent or {}).get("name") != "start_again":
        return False
    return says_not_to_a_request(normalise(message.text or ""))


# "nah these arent for me", "i dont like any of those", "meh not feeling any of these tbh" after the
# list: no request, no worry named. They got "Sorry, I didn't get that", or a search for a worry the
# concern model guessed from "not feeling" (a phone trial, session 26). They say the list did not
# help: "I'm sorry it didn't help. You can look for more, or talk to a person.", and the next step.
UTTER_NOT_HELPFUL = "utter_not_helpful_thanks"


def _served_as_read(intent: dict[str, Any] | None, text: str) -> bool:
    """Is DIET's reading one the rules answer, and the message's own? A thank-you or goodbye DIET
    read in "not really these arent helpful" (session 45) is not, unless it is said in so many
    words ("nah these arent for me, thanks anyway")."""
    name = (intent or {}).get("name")
    if name in ("thanks", "goodbye"):
        return closing_in_so_many_words(text) is not None
    return name in SERVED_INTENTS


def list_does_not_fit(tracker: DialogueStateTracker) -> str | None:
    message = tracker.latest_message
    if message is None:
        return None
    if tracker.latest_action_name == ACTION_LISTEN_NAME:
        if not replies_to_the_list(tracker) or _served_as_read(message.intent, message.text or ""):
            return None
        if risk_seen(message.parse_data or {}):
            return None
        return UTTER_NOT_HELPFUL if says_the_list_does_not_fit(message.text or "") else None
    if tracker.latest_action_name in (UTTER_NOT_HELPFUL, UTTER_OFFER_MORE) and says_the_list_does_not_fit(message.text or ""):
        return UTTER_OFFER_MORE if tracker.latest_action_name == UTTER_NOT_HELPFUL else ACTION_LISTEN_NAME
    return None


def next_new_worry_prediction(tracker: DialogueStateTracker) -> tuple[str | None, list[Event]]:
    """The model's reading of a request after the list first, then a new worry or answer."""
    if next_step(tracker)[0] is not None:  # the crisis path first, always
        return None, []
    kept = not_starting_again(tracker)
    if kept[0] is not None:
        return kept
    if (form := name_read_as_out_of_scope(tracker)) is not None:
        return form, []
    if (opening := next_opening_step(tracker)) is not None:
        return opening, []
    by_model = next_step_by_model(tracker)
    if by_model[0] is not None:
        return by_model
    if (not_fitting := list_does_not_fit(tracker)) is not None:
        return not_fitting, []
    return next_new_worry_action(tracker), []


def next_new_worry_action(tracker: DialogueStateTracker) -> str | None:
    if tracker.latest_action_name in CLOSING_REPLIES.values():
        return ACTION_LISTEN_NAME if closing_in_so_many_words(tracker.latest_message.text or "") else None
    if (closing := closing_after_the_list(tracker)) is not None:
        return closing
    if tracker.latest_action_name == LIST_ANSWER and tracker.latest_message and not tracker.active_loop_name and (
            parse_list_question(tracker.latest_message.text or "") or place_in_the_list(tracker.latest_message.text or "") is not None):
        # (in the questions the rules go back to the form: "What counts as a school? I go to a pupil
        # referral unit." was left there, and every answer after it got "Sorry, I still didn't get
        # that" and the school question: a user trial, session 46)
        return ACTION_LISTEN_NAME
    if tracker.latest_action_name == CHANGE_ANSWER and _answered_a_new_worry(tracker):
        return ACTION_LISTEN_NAME
    if asks_about_the_list(tracker):
        return LIST_ANSWER
    return CHANGE_ANSWER if answer_after_the_list(tracker) else None


def _answered_a_new_worry(tracker: DialogueStateTracker) -> bool:
    """Did this policy start the action that just ran (the user's message was a worry, an answer
    or a change named)?"""
    if not tracker.latest_message:
        return False
    intent = (tracker.latest_message.intent or {}).get("name")
    text = tracker.latest_message.text or ""
    return (
        intent in WORRY_INTENTS or intent == ANSWER_INTENT or parse_change_target(text) is not None
        or (intent == FALLBACK_INTENT and asks_for_help_with_a_worry(text))
    )


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class NewWorryPolicy(DeterministicPolicy):
    REQUIRED_RESPONSES = (
        UTTER_NOT_HELPFUL, UTTER_OFFER_MORE, UTTER_START_AGAIN, TALK_TO_PERSON, *CLOSING_REPLIES.values(), *OPENING_STEPS,
        MORE_SERVICES, START_AGAIN_ACTION, CANNOT_DO_YET, CHANGE_ANSWER, LIST_ANSWER,
    )

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 5}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        return next_new_worry_prediction(tracker)
