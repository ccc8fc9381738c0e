"""Speed-up 6 of `bot.rasa_speedups` (issue #15): TED and memoization are run only when their
prediction could win. The choice must be exactly Rasa's: the rules are checked here on made-up
predictions, and then on whole conversations through the trained bot, where every prediction is
also made the slow way and the two must agree."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import PolicyPrediction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import deferred_policies
from bot.deferred_policies import DeferredPrediction, predictions_that_can_win

ROOT = Path(__file__).resolve().parents[1]
ACTIONS = 5  # made-up predictions: probabilities over five actions


def made(policy: str, priority: int, best: float, **flags: bool) -> PolicyPrediction:
    return PolicyPrediction([best, 0.0, 0.0, 0.0, 0.0], policy, priority, **flags)


def deferred(policy: str, priority: int, best: float, calls: list[str]) -> DeferredPrediction:
    def make() -> PolicyPrediction:
        calls.append(policy)
        return PolicyPrediction([0.0, 0.0, best, 0.0, 0.0], policy, priority)

    return DeferredPrediction(make, policy, priority)


def tracker(*events) -> DialogueStateTracker:  # type: ignore[no-untyped-def]
    return DialogueStateTracker.from_events("test", [ActionExecuted("action_listen"), UserUttered("hi"), *events])


def test_a_deferred_prediction_is_made_when_read_and_then_equals_the_real_one():
    calls: list[str] = []
    prediction = deferred("TEDPolicy", 1, 0.8, calls)
    assert calls == [] and not prediction.made
    assert prediction.max_confidence == 0.8 and calls == ["TEDPolicy"]
    assert prediction == PolicyPrediction([0.0, 0.0, 0.8, 0.0, 0.0], "TEDPolicy", 1)
    assert prediction.events == [] and calls == ["TEDPolicy"]  # made once


def test_a_failing_policy_fails_loudly_and_stays_unmade():
    def broken() -> PolicyPrediction:
        raise AttributeError("no model")

    prediction = DeferredPrediction(broken, "TEDPolicy", 1)
    with pytest.raises(RuntimeError, match="TEDPolicy failed to predict"):
        prediction.max_confidence  # noqa: B018
    assert not prediction.made


def test_a_rule_at_certainty_drops_ted_and_memoization_unmade():
    calls: list[str] = []
    rule = made("RulePolicy", 4, 1.0)
    predictions = [made("CrisisPolicy", 8, 0.0), rule, deferred("MemoizationPolicy", 3, 1.0, calls),
                   deferred("TEDPolicy", 1, 0.99, calls)]
    assert predictions_that_can_win(predictions, tracker()) == predictions[:2]
    assert calls == []


@pytest.mark.parametrize(
    ("others", "why"),
    [
        ([made("RulePolicy", 4, 0.3)], "RulePolicy's fallback: TED may win"),
        ([made("RulePolicy", 4, 0.0)], "no rule"),
        ([made("RulePolicy", 2, 1.0)], "a certain policy of lower priority than memoization"),
        ([made("RulePolicy", 3, 1.0)], "a tie on priority: the first one wins, and memoization may be first"),
    ],
)
def test_when_a_deferred_prediction_could_win_all_are_made(others, why):
    calls: list[str] = []
    predictions = [*others, deferred("MemoizationPolicy", 3, 1.0, calls), deferred("TEDPolicy", 1, 0.9, calls)]
    assert predictions_that_can_win(predictions, tracker()) == predictions, why
    assert sorted(calls) == ["MemoizationPolicy", "TEDPolicy"], why


@pytest.mark.parametrize("flag", ["is_no_user_prediction", "is_end_to_end_prediction"])
def test_a_no_user_or_end_to_end_prediction_overrules_the_deferred_ones(flag):
    calls: list[str] = []
    predictions = [made("RulePolicy", 4, 0.5, **{flag: True}), deferred("TEDPolicy", 1, 0.9, calls)]
    assert predictions_that_can_win(predictions, tracker()) == predictions[:1]
    assert calls == []


def test_after_a_rejected_action_everything_is_made():
    """Rasa zeroes the rejected action in every prediction, so a certain rule may lose."""
    calls: list[str] = []
    predictions = [made("RulePolicy", 4, 1.0), deferred("TEDPolicy", 1, 0.9, calls)]
    rejected = tracker(ActionExecuted("triage_form"), ActionExecutionRejected("triage_form"))
    assert predictions_that_can_win(predictions, rejected) == predictions
    assert calls == ["TEDPolicy"]


PRIORITIES = {"CrisisPolicy": 8, "SafetyNetPolicy": 7, "OfferPolicy": 6, "NewWorryPolicy": 5, "RulePolicy": 4,
              "MemoizationPolicy": 3, "TEDPolicy": 1}
DEFERRED = ("MemoizationPolicy", "TEDPolicy")
confidences = st.sampled_from([0.0, 0.2, 0.3, 0.5, 0.99, 1.0])


@st.composite
def ensembles(draw):  # type: ignore[no-untyped-def]
    """One prediction per policy of config.yml, each over five actions, as the ensemble gets them."""
    predictions = []
    for policy, priority in PRIORITIES.items():
        probabilities = draw(st.lists(confidences, min_size=ACTIONS, max_size=ACTIONS))
        flags = {} if policy in DEFERRED else {
            "is_no_user_prediction": draw(st.booleans()) and draw(st.booleans()),
            "is_end_to_end_prediction": draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
        }
        predictions.append((policy, priority, probabilities, flags))
    return predictions, draw(st.booleans())


@settings(max_examples=400, deadline=None)
@given(ensembles())
def test_the_choice_equals_rasas_with_every_prediction_made(drawn):
    """Rasa's own choice from every prediction made, against the choice after dropping what cannot win."""
    predictions, rejected = drawn
    events = (ActionExecuted("triage_form"), ActionExecutionRejected("triage_form")) if rejected else ()
    state = tracker(*events)

    def build(deferred_too: bool) -> list[PolicyPrediction]:
        built: list[PolicyPrediction] = []
        for policy, priority, probabilities, flags in predictions:
            def make(p=policy, pr=priority, ps=probabilities, f=flags) -> PolicyPrediction:  # type: ignore[no-untyped-def]
                return PolicyPrediction(list(ps), p, pr, **f)
            built.append(DeferredPrediction(make, policy, priority) if deferred_too and policy in DEFERRED else make())
        return built

    pick = DefaultPolicyPredictionEnsemble._pick_best_policy
    assert pick(predictions_that_can_win(build(True), state)) == pick(build(False))


# --- The trained bot -------------------------------------------------------------------------

CONVERSATIONS = [
    ["hi", "young person", "14", "skip", "Harlow", "I feel low all the time",
     "more options", "thanks bye"],
    ["hello", "dad here", "she's 12", "no", "LE4", "she won't go to school", "can you email me this", "start again"],
    ["purple monkey dishwasher", "asdfgh", "hi", "are you a bot?", "I'm a teacher", "15", "Watford", "bullying"],
    ["I want to kill myself", "/confirm_safe", "yes please", "me", "13", "no school", "Leicester", "I can't sleep"],
    ["hi", "young person", "16", "skip", "Cardiff", "I'm worried about my exams", "I want to talk to a person",
     "what about in Polish?"],
    ["my mum and dad keep shouting at each other", "No", "for me", "like i said, 14", "No", "skip", "hemel",
     "I'm not coping myself, is there anything for me?"],
]


@pytest.fixture(scope="module")
def agent(tmp_path_factory):  # type: ignore[no-untyped-def]
    from bot.launcher import free_port, start_action_server, stop
    from bot.typed_eval import load_agent
    from services_db.database import make_engine
    from services_db.loader import load_all

    tmp = tmp_path_factory.mktemp("deferred")
    engine = make_engine(f"sqlite:///{tmp / 'services.db'}")
    load_all(engine)
    port = free_port()
    actions = start_action_server(str(engine.url), port, tmp)
    try:
        yield load_agent(f"http://127.0.0.1:{port}")  # installs bot.rasa_speedups, with this speed-up
    finally:
        stop(actions)


@pytest.mark.servers
def test_on_whole_conversations_the_choice_is_rasas_own(agent, monkeypatch):
    """Every prediction is chosen as shipped, then again with every policy's prediction made; the
    two must be equal. Most predictions should not need TED (else this speed-up does nothing)."""
    assert DefaultPolicyPredictionEnsemble._best_policy_prediction is deferred_policies.best_policy_prediction
    rasas = deferred_policies._rasa_best_policy_prediction
    seen = {"predictions": 0, "decided_without_ted": 0, "disagreements": []}

    def both_ways(predictions: list[PolicyPrediction], tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        kept = predictions_that_can_win(list(predictions), tracker)
        shipped = rasas(kept, tracker, domain)
        for prediction in predictions:
            if isinstance(prediction, DeferredPrediction):
                prediction.make()
        slow = rasas(predictions, tracker, domain)
        seen["predictions"] += 1
        seen["decided_without_ted"] += not any(p.policy_name == "TEDPolicy" for p in kept)
        if shipped != slow:
            seen["disagreements"].append((tracker.sender_id, shipped.policy_name, slow.policy_name))
        return shipped

    monkeypatch.setattr(DefaultPolicyPredictionEnsemble, "_best_policy_prediction", staticmethod(both_ways))

    async def talk() -> None:
        for number, messages in enumerate(CONVERSATIONS):
            for text in messages:
                await agent.handle_text(text, sender_id=f"deferred-{number}")

    asyncio.run(talk())
    assert seen["disagreements"] == []
    assert seen["predictions"] > 60, seen
    assert seen["decided_without_ted"] > seen["predictions"] / 2, seen
