"""Base class for small rule-like policies written in code: nothing to learn or save.

A subclass names the responses it needs and decides the next action from the tracker;
its predictions are "no user" predictions, so that with a priority above RulePolicy's
they win even while a form is active.
"""
from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker


class DeterministicPolicy(Policy):
    REQUIRED_RESPONSES: tuple[str, ...] = ()

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        """The action to take now (None: leave it to the other policies) and events to add."""
        raise NotImplementedError

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        missing = [name for name in self.REQUIRED_RESPONSES if name not in domain.action_names_or_texts]
        if missing:
            raise ValueError(f"{self.__class__.__name__} needs these responses in the domain: {missing}")
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action, events = self.next_action(tracker, domain)
        if action is None:
            return self._prediction(self._default_predictions(domain))
        return self._prediction(confidence_scores_for(action, 1.0, domain), events=events, is_no_user_prediction=True)

    def persist(self) -> None:
        """Nothing to save: these policies have no learnt state."""

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DeterministicPolicy:
        return cls(config, model_storage, resource, execution_context)
