"""NewWorryPolicy: a new worry told after the list searches again for it (issue #12).

"I'm also being bullied", typed after the services were shown, used to restart the
questions from the greeting; with every answer already given, the form finished at once
and the bot offered "more options" for the old worry. Now, when the message names a worry
the bot knows and it is not the one searched for, `action_change_answer` takes it (as for
"actually it's about bullying"): it says the answer changed and shows services for the new
worry, keeping the other answers. The crisis path always comes first (CrisisPolicy has a
higher priority, and this policy says nothing while it has a step to take).

Any answer or worry typed after the list goes the same way ("CM20", "how about oadby",
"she's 15 now", "still feeling low"): the rules for an answer or a worry out of the blue
greeted the user again and restarted the questions. `action_change_answer` searches again
when the message changes an answer; else it thanks them and offers the next step (a worry)
or asks what to change (an answer).
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import CRISIS_ACTIONS, last_bot_action_before_user, next_step
from bot.nlu.deterministic_policy import DeterministicPolicy
from signposting.parsing import parse_concern

CHANGE_ANSWER = "action_change_answer"
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
    return last_bot_action_before_user(tracker) not in CRISIS_ACTIONS


def new_worry(tracker: DialogueStateTracker) -> str | None:
    """The worry the latest message names, when it is a new one after the list; else None."""
    if not replies_to_the_list(tracker):
        return None
    if (tracker.latest_message.intent or {}).get("name") not in WORRY_INTENTS:
        return None
    concern = parse_concern(tracker.latest_message.text or "")
    searched = tracker.get_slot("concern")
    if concern in (None, "other") or concern == searched or concern == parse_concern(str(searched or "")):
        return None
    return concern


def answer_after_the_list(tracker: DialogueStateTracker) -> bool:
    """An answer (a place, an age) or a worry typed after the list, outside the questions:
    "how about oadby" is read as a worry as often as an answer, and the action tells them apart."""
    if not replies_to_the_list(tracker):
        return False
    return (tracker.latest_message.intent or {}).get("name") in (ANSWER_INTENT, *WORRY_INTENTS)


def next_new_worry_action(tracker: DialogueStateTracker) -> str | None:
    if next_step(tracker)[0] is not None:  # the crisis path first, always
        return None
    if tracker.latest_action_name == CHANGE_ANSWER and _answered_a_new_worry(tracker):
        return ACTION_LISTEN_NAME
    return CHANGE_ANSWER if new_worry(tracker) or answer_after_the_list(tracker) else None


def _answered_a_new_worry(tracker: DialogueStateTracker) -> bool:
    """Did this policy start the action that just ran (the user's message was a worry or an answer)?"""
    intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
    return intent in WORRY_INTENTS or intent == ANSWER_INTENT


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class NewWorryPolicy(DeterministicPolicy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 5}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        return next_new_worry_action(tracker), []
