"""NewWorryPolicy: a worry or an answer typed after the list goes to `action_change_answer` (issue #12).

After the services were shown, "I'm also being bullied", "CM20", "how about oadby" or
"she's 15 now" matched the rules for a worry or an answer out of the blue: the greeting again
and the questions restarted, then "more options" for the old answers. Now
`action_change_answer` takes every such message: a changed worry, place or age searches again
keeping the other answers; the same worry, or one it cannot place, is thanked with the next
step; an answer that changes nothing asks what to change. The crisis path always comes first
(CrisisPolicy has a higher priority, this policy says nothing while it has a step to take, and
a reply to a crisis step is never taken).
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import CRISIS_ACTIONS, UTTER_OFFER, last_bot_action_before_user, next_step
from bot.nlu.deterministic_policy import DeterministicPolicy
from signposting.change_request import parse_change_target
from signposting.list_question import parse_list_question
from signposting.next_step_request import GOODBYE, THANKS, closing_in_so_many_words, is_next_step_request

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
    return (tracker.latest_message.intent or {}).get("name") in (ANSWER_INTENT, *WORRY_INTENTS)


def asks_about_the_list(tracker: DialogueStateTracker) -> bool:
    """"can I text any of these", "whats the difference between these": a question about the
    services shown, whatever intent the NLU gave it (it was a hello, a request for a person or a
    new worry as often as a question)."""
    if not replies_to_the_list(tracker) and not _typed_to_the_offer(tracker):
        return False
    if _a_next_step_request(tracker):
        return False  # "could we go through the questions again for our youngest" asks to start again
    return parse_list_question(tracker.latest_message.text or "") is not None


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
CLOSING_REPLIES = {THANKS: "utter_thanks_reply", GOODBYE: "utter_goodbye"}


def closing_after_the_list(tracker: DialogueStateTracker) -> str | None:
    """The reply to a closing after the list that the NLU did not read as thanks or a goodbye
    (those the rules answer)."""
    if not replies_to_the_list(tracker) or (tracker.latest_message.intent or {}).get("name") in CLOSING_REPLIES:
        return None
    closing = closing_in_so_many_words(tracker.latest_message.text or "")
    return CLOSING_REPLIES[closing] if closing else None


def next_new_worry_action(tracker: DialogueStateTracker) -> str | None:
    if next_step(tracker)[0] is not None:  # the crisis path first, always
        return None
    if tracker.latest_action_name in CLOSING_REPLIES.values():
        return ACTION_LISTEN_NAME if closing_in_so_many_words(tracker.latest_message.text or "") else None
    if (closing := closing_after_the_list(tracker)) is not None:
        return closing
    if tracker.latest_action_name == LIST_ANSWER and tracker.latest_message and parse_list_question(tracker.latest_message.text or ""):
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
    return intent in WORRY_INTENTS or intent == ANSWER_INTENT or parse_change_target(tracker.latest_message.text or "") is not None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class NewWorryPolicy(DeterministicPolicy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 5}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        return next_new_worry_action(tracker), []
