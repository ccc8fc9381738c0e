"""CrisisPolicy: answers risk at any turn, before anything else (forms included).

Rasa's RulePolicy lets an active form run first and only applies interruption rules
when the form rejects the message, and the form's validation needs the action server.
A crisis reply must not depend on either, so this small deterministic policy takes
priority over RulePolicy (configure a higher `priority`) and drives the crisis steps:

    user: express_crisis            → utter_crisis → utter_crisis_local → utter_ask_safe_now → listen
    after utter_ask_safe_now:
        confirm_safe / affirm       → utter_glad_you_are_safe → (the form resumes, or
                                      utter_offer_to_continue → listen)
        not_safe / deny / crisis    → utter_not_safe_now → listen

When only the trained classifier says express_crisis (the risk detector found no risk
words), the bot asks first instead of escalating: measured on the team's safety sets,
the classifier alone raised a false alarm on 23% of messages that must not escalate
("i cut my hair myself", "we learned about suicide prevention in PSHE") and added 2 of
102 real risk messages the detector missed (`make safety-eval`). Asking keeps those 2
and spares the rest a crisis reply:

    user: express_crisis (classifier only, no escalation yet in this conversation)
                                    → utter_check_risk (with 999) → listen
    after utter_check_risk:
        affirm / not_safe / crisis  → the crisis steps above
        deny / confirm_safe         → utter_check_ok → (the form resumes, or offer → listen)

Every step is a response template rendered by the Rasa server itself.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.deterministic_policy import DeterministicPolicy

CRISIS_INTENT = "express_crisis"
CRISIS_SLOT = "crisis_categories"
SAFE_INTENTS = {"confirm_safe", "affirm"}
NOT_SAFE_INTENTS = {"not_safe", "deny", CRISIS_INTENT}

UTTER_CRISIS = "utter_crisis"
UTTER_CRISIS_LOCAL = "utter_crisis_local"
UTTER_ASK_SAFE = "utter_ask_safe_now"
UTTER_SAFE = "utter_glad_you_are_safe"
UTTER_NOT_SAFE = "utter_not_safe_now"
UTTER_OFFER = "utter_offer_to_continue"
UTTER_CHECK = "utter_check_risk"
UTTER_CHECK_OK = "utter_check_ok"
AT_RISK_ANSWERS = {"affirm", "not_safe", CRISIS_INTENT}
NO_RISK_ANSWERS = {"deny", "confirm_safe"}
CRISIS_ACTIONS = (
    UTTER_CRISIS, UTTER_CRISIS_LOCAL, UTTER_ASK_SAFE, UTTER_SAFE, UTTER_NOT_SAFE, UTTER_OFFER, UTTER_CHECK, UTTER_CHECK_OK,
)


def last_bot_action_before_user(tracker: DialogueStateTracker) -> str | None:
    """The last action the bot ran before the latest user message."""
    seen_user = False
    for event in reversed(tracker.applied_events()):
        if isinstance(event, UserUttered):
            if seen_user:
                return None
            seen_user = True
        elif seen_user and isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            return event.action_name
    return None


def crisis_categories(tracker: DialogueStateTracker) -> list[str]:
    """What fired: the risk detector's categories, or the trained classifier."""
    parse_data = tracker.latest_message.parse_data if tracker.latest_message else {}
    risk = parse_data.get("risk") or {}
    return list(risk.get("categories") or []) or ["classifier"]


def only_the_classifier_fired(tracker: DialogueStateTracker) -> bool:
    """express_crisis from the trained classifier alone: no risk words were found."""
    parse_data = tracker.latest_message.parse_data if tracker.latest_message else {}
    risk = parse_data.get("risk") or {}
    return risk.get("source") == "classifier" and not risk.get("categories")


def next_crisis_action(tracker: DialogueStateTracker) -> str | None:
    """The crisis step to take now, or None when this policy has nothing to say."""
    latest = tracker.latest_action_name
    if latest == ACTION_LISTEN_NAME:
        intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
        before = last_bot_action_before_user(tracker)
        if before == UTTER_ASK_SAFE and intent in NOT_SAFE_INTENTS:
            return UTTER_NOT_SAFE
        if before == UTTER_CHECK and intent in AT_RISK_ANSWERS:
            return UTTER_CRISIS
        if intent == CRISIS_INTENT:
            already_escalated = bool(tracker.get_slot(CRISIS_SLOT))
            return UTTER_CHECK if only_the_classifier_fired(tracker) and not already_escalated else UTTER_CRISIS
        if before == UTTER_ASK_SAFE and intent in SAFE_INTENTS:
            return UTTER_SAFE
        if before == UTTER_CHECK and intent in NO_RISK_ANSWERS:
            return UTTER_CHECK_OK
        return None
    if latest == UTTER_CRISIS:
        return UTTER_CRISIS_LOCAL
    if latest == UTTER_CRISIS_LOCAL:
        return UTTER_ASK_SAFE
    if latest in (UTTER_ASK_SAFE, UTTER_NOT_SAFE, UTTER_OFFER, UTTER_CHECK):
        return ACTION_LISTEN_NAME
    if latest in (UTTER_SAFE, UTTER_CHECK_OK):
        return None if tracker.active_loop_name else UTTER_OFFER
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class CrisisPolicy(DeterministicPolicy):
    REQUIRED_RESPONSES = CRISIS_ACTIONS

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 7}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        action = next_crisis_action(tracker)
        events: list[Event] = [SlotSet(CRISIS_SLOT, crisis_categories(tracker))] if action == UTTER_CRISIS else []
        return action, events
