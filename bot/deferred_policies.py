"""TED and memoization run only when their prediction could win (issue #15, speed).

Rasa 3.6 runs every policy for every prediction and then picks the best one
(`DefaultPolicyPredictionEnsemble`): the highest confidence, ties to the higher priority. Most of
this bot's predictions are rules: RulePolicy (priority 4) or one of our deterministic policies
(5-8) predicts with confidence 1.0. TEDPolicy (priority 1) and MemoizationPolicy (3) cannot beat
that, since no confidence exceeds 1.0, yet TED's inference was about a fifth of the Rasa server's
CPU per turn (docs/benchmarks.md).

So those two policies return a `DeferredPrediction`: the call, not yet made. The ensemble drops a
deferred prediction only when Rasa's own rules say it cannot win:
- another prediction is a "no user" prediction or an end-to-end one (those overrule every
  prediction like TED's and memoization's, which are neither), or
- another prediction has confidence 1.0 from a policy of higher priority than every deferred one.
Otherwise (RulePolicy's fallback at 0.3, no rule, a rejected action whose confidence Rasa zeroes
in every prediction) every deferred prediction is made and Rasa picks from all of them as before.
A deferred prediction also makes itself whenever anything reads it, so any other reader gets the
real prediction. Neither policy adds mandatory events, so dropping one changes no event.

TED defers only when it cannot make an end-to-end prediction (not trained on text): an
end-to-end prediction would overrule the others, so it must always be made.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT

# Confidence of a certain prediction: no policy's confidence is above it.
CERTAIN = 1.0


class DeferredPrediction(PolicyPrediction):
    """A policy's prediction, made the first time anything reads it (or `make()` is called)."""

    def __init__(self, make: Callable[[], PolicyPrediction], policy_name: str, policy_priority: int) -> None:
        # PolicyPrediction.__init__ is not called: `make()` fills in its attributes.
        self.__dict__.update(_make=make, policy_name=policy_name, policy_priority=policy_priority)

    @property
    def made(self) -> bool:
        return "_make" not in self.__dict__

    def make(self) -> None:
        """Run the policy (once). Its failure is raised as it would have been from the graph; an
        AttributeError is wrapped, or `__getattr__` would report it as a missing attribute."""
        if self.made:
            return
        try:
            prediction = self.__dict__["_make"]()
        except AttributeError as error:
            raise RuntimeError(f"{self.policy_name} failed to predict: {error!r}") from error
        del self.__dict__["_make"]
        self.__dict__.update(vars(prediction))

    def __getattr__(self, name: str) -> Any:
        """Only called for attributes not set yet: make the prediction, then read it."""
        if name.startswith("__") or self.made:
            raise AttributeError(name)
        self.make()
        return getattr(self, name)


def _not_made(prediction: PolicyPrediction) -> bool:
    return isinstance(prediction, DeferredPrediction) and not prediction.made


def _last_action_rejected(tracker: DialogueStateTracker) -> bool:
    """Rasa zeroes the rejected action's confidence in every prediction: all must be made."""
    for event in reversed(tracker.events):
        if isinstance(event, (ActionExecutionRejected, ActionExecuted)):
            return isinstance(event, ActionExecutionRejected)
    return False


def decided_without(made: list[PolicyPrediction], deferred_priority: int) -> bool:
    """Can no prediction of priority `deferred_priority` or lower, neither "no user" nor end to
    end, win against `made` under Rasa's rules (`DefaultPolicyPredictionEnsemble._pick_best_policy`)?"""
    return any(
        prediction.is_no_user_prediction
        or prediction.is_end_to_end_prediction
        or (prediction.max_confidence >= CERTAIN and prediction.policy_priority > deferred_priority)
        for prediction in made
    )


def predictions_that_can_win(predictions: list[PolicyPrediction], tracker: DialogueStateTracker) -> list[PolicyPrediction]:
    """`predictions` without the deferred ones that cannot win; those that might are made."""
    deferred = [p for p in predictions if _not_made(p)]
    if not deferred:
        return predictions
    made = [p for p in predictions if not _not_made(p)]
    if not _last_action_rejected(tracker) and decided_without(made, max(p.policy_priority for p in deferred)):
        return made
    for prediction in deferred:
        prediction.make()
    return predictions


_rasa_best_policy_prediction = DefaultPolicyPredictionEnsemble._best_policy_prediction
_rasa_ted_predict = TEDPolicy.predict_action_probabilities
_rasa_memoization_predict = MemoizationPolicy.predict_action_probabilities


def best_policy_prediction(
    predictions: list[PolicyPrediction], tracker: DialogueStateTracker, domain: Domain
) -> PolicyPrediction:
    return _rasa_best_policy_prediction(predictions_that_can_win(predictions, tracker), tracker, domain)


def ted_can_defer(policy: TEDPolicy) -> bool:
    """Not an end-to-end model: its prediction never overrules the others."""
    return policy.model is not None and not policy.only_e2e and TEXT not in (policy.fake_features or {})


def ted_predict(self: TEDPolicy, tracker: DialogueStateTracker, domain: Domain, **kwargs: Any) -> PolicyPrediction:
    if not ted_can_defer(self):
        return _rasa_ted_predict(self, tracker, domain, **kwargs)
    return DeferredPrediction(
        lambda: _rasa_ted_predict(self, tracker, domain, **kwargs), self.__class__.__name__, self.priority
    )


def memoization_predict(
    self: MemoizationPolicy, tracker: DialogueStateTracker, domain: Domain, **kwargs: Any
) -> PolicyPrediction:
    return DeferredPrediction(
        lambda: _rasa_memoization_predict(self, tracker, domain, **kwargs), self.__class__.__name__, self.priority
    )


def install() -> None:
    DefaultPolicyPredictionEnsemble._best_policy_prediction = staticmethod(best_policy_prediction)  # type: ignore[method-assign]
    TEDPolicy.predict_action_probabilities = ted_predict  # type: ignore[method-assign]
    MemoizationPolicy.predict_action_probabilities = memoization_predict  # type: ignore[method-assign]
