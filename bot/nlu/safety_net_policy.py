"""SafetyNetPolicy: when a custom action fails, the user still gets help from templates.

If the action server or the services database is down, Rasa logs the failed action and
"continues", which leaves the user with no reply at all. A failed custom action shows in
the tracker as its ActionExecuted event with nothing after it (a successful one always
sends a message or sets something). Then this policy answers with
`utter_services_unavailable` (national lines, from the domain) and listens.
"""
from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

UTTER_UNAVAILABLE = "utter_services_unavailable"


def custom_actions(domain: Domain) -> set[str]:
    """Actions that run on the action server: forms and `action_*`/`validate_*` actions."""
    return set(domain.form_names) | {
        name for name in domain.user_actions if not name.startswith("utter_")
    }


def failed_custom_action(tracker: DialogueStateTracker, domain: Domain) -> str | None:
    events = tracker.applied_events()
    if not events or not isinstance(events[-1], ActionExecuted):
        return None
    name = events[-1].action_name
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
class SafetyNetPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 6}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        if UTTER_UNAVAILABLE not in domain.action_names_or_texts:
            raise ValueError(f"SafetyNetPolicy needs the response {UTTER_UNAVAILABLE} in the domain")
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action = next_safety_net_action(tracker, domain)
        if action is None:
            return self._prediction(self._default_predictions(domain))
        return self._prediction(confidence_scores_for(action, 1.0, domain), is_no_user_prediction=True)

    def persist(self) -> None:
        """Nothing to save."""

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyNetPolicy:
        return cls(config, model_storage, resource, execution_context)
