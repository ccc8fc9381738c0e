"""SafetyNetPolicy: when a custom action fails, the user still gets help from templates.

If the action server or the services database is down, Rasa logs the failed action and
"continues", which leaves the user with no reply at all. A failed custom action shows in
the tracker as its ActionExecuted event with nothing after it (a successful one always
sends a message or sets something). Then this policy answers with
`utter_services_unavailable` (national lines, from the domain) and listens.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.deterministic_policy import DeterministicPolicy
from signposting.responses import SEARCH_UNAVAILABLE as UTTER_UNAVAILABLE


def custom_actions(domain: Domain) -> set[str]:
    """Actions that run on the action server: forms and `action_*`/`validate_*` actions."""
    return set(domain.form_names) | {
        name for name in domain.user_actions if not name.startswith("utter_")
    }


def failed_custom_action(tracker: DialogueStateTracker, domain: Domain) -> str | None:
    # The raw events, not applied_events(): that folds a form's happy-path runs into its
    # first one, which hid a form that failed mid-way (silence until the action server was back).
    last = tracker.events[-1] if tracker.events else None
    if not isinstance(last, ActionExecuted):
        return None
    name = last.action_name
    return name if name in custom_actions(domain) else None


def next_safety_net_action(tracker: DialogueStateTracker, domain: Domain) -> str | None:
    if failed_custom_action(tracker, domain):
        return UTTER_UNAVAILABLE
    if tracker.latest_action_name == UTTER_UNAVAILABLE:
        return ACTION_LISTEN_NAME
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyNetPolicy(DeterministicPolicy):
    REQUIRED_RESPONSES = (UTTER_UNAVAILABLE,)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 7}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        return next_safety_net_action(tracker, domain), []
