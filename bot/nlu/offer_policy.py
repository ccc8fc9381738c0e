"""OfferPolicy: the answer to "Would you like me to find support near you?" (issue #12).

The question follows the crisis steps (CrisisPolicy: "I'm glad you're safe" → the offer), and a
first message answered without starting the questions ("I need to talk to someone": the lines
to call, then the offer).
Whatever the NLU makes of a short reply ("yes please", "go on then", "nah"), a yes starts the
triage form and a no says goodbye with the urgent lines; anything else is left to the other
policies. The crisis path always comes first: when CrisisPolicy has a step to take, this
policy says nothing.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import UTTER_OFFER, last_bot_action_before_user, next_step
from bot.nlu.deterministic_policy import DeterministicPolicy
from signposting.parsing import parse_yes_no

TRIAGE_FORM = "triage_form"
UTTER_NO_THANKS = "utter_goodbye"
YES_INTENTS = {"affirm"}
# "I'm fine", "I'm ok" (confirm_safe) also say no to the offer: "no thank you, I just wanted information".
NO_INTENTS = {"deny", "confirm_safe"}


def answer_to_offer(tracker: DialogueStateTracker) -> str | None:
    """"yes" | "no" | None: what the latest message says to the offer, if it answers it."""
    if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.active_loop_name:
        return None
    if last_bot_action_before_user(tracker) != UTTER_OFFER or not tracker.latest_message:
        return None
    said = parse_yes_no(tracker.latest_message.text or "", other_languages=True, loose=True)
    if said:
        return said
    intent = (tracker.latest_message.intent or {}).get("name")
    return "yes" if intent in YES_INTENTS else "no" if intent in NO_INTENTS else None


# Replies that answer a first message without starting the questions ("I need to talk to
# someone", "is anyone there?", "is this private?"): without the offer, the user was left with nothing to do next.
FIRST_REPLIES_THEN_OFFER = {
    "utter_talk_to_person", "utter_bot_identity", "utter_privacy", "utter_service_info", "action_service_info",
    "action_clinical_advice",
}


def offers_after_a_first_reply(tracker: DialogueStateTracker) -> bool:
    """Did the bot just answer the conversation's first message with one of those replies?"""
    if tracker.latest_action_name not in FIRST_REPLIES_THEN_OFFER or tracker.active_loop_name:
        return False
    return sum(isinstance(event, UserUttered) for event in tracker.applied_events()) == 1


def next_offer_action(tracker: DialogueStateTracker) -> str | None:
    if next_step(tracker)[0] is not None:  # the crisis path first, always
        return None
    if offers_after_a_first_reply(tracker):
        return UTTER_OFFER
    if tracker.latest_action_name == UTTER_NO_THANKS and last_bot_action_before_user(tracker) == UTTER_OFFER:
        return ACTION_LISTEN_NAME
    answer = answer_to_offer(tracker)
    if answer is None and tells_more_to_the_offer(tracker) and not tracker.get_slot("services_shown"):
        # a worry or an answer is a yes: the questions, which keep it, without the greeting again
        # (after the list: NewWorryPolicy)
        return TRIAGE_FORM
    return TRIAGE_FORM if answer == "yes" else UTTER_NO_THANKS if answer == "no" else None


# "im 14 from harlow" (read as an answer) got "Hi! I'm a chatbot…" after "I'm glad you're safe" (session 34).
TELLS_MORE_INTENTS = {"describe_concern", "seek_help", "inform"}


def tells_more_to_the_offer(tracker: DialogueStateTracker) -> bool:
    """"what support is there for DV" or "im 14 from harlow" typed to "Would you like me to find
    support near you?"."""
    if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.active_loop_name or not tracker.latest_message:
        return False
    if last_bot_action_before_user(tracker) != UTTER_OFFER:
        return False
    return (tracker.latest_message.intent or {}).get("name") in TELLS_MORE_INTENTS


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class OfferPolicy(DeterministicPolicy):
    REQUIRED_RESPONSES = (UTTER_OFFER, UTTER_NO_THANKS)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 6}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        return next_offer_action(tracker), []
