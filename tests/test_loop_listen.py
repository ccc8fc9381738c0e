"""Speed-up 5 of `bot.rasa_speedups` (issue #15): after the form has run and asked its question,
the prediction `action_listen` is made without running the policies. It must be exactly what
the policies would decide there: RulePolicy's loop happy path says `action_listen`, and none of
this project's policies says anything (if one ever does, this test fails before users notice)."""
from __future__ import annotations

import importlib

import pytest
import yaml
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    BotUttered,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_speedups
from bot.launcher import ROOT
from bot.nlu.deterministic_policy import DeterministicPolicy

FORM = "triage_form"


def our_policies() -> list[DeterministicPolicy]:
    """Every policy of ours in config.yml, as it decides (`next_action` reads only the tracker and domain)."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf8"))
    policies = []
    for entry in config["policies"]:
        module, _, name = entry["name"].rpartition(".")
        if not module:
            continue  # one of Rasa's: RulePolicy, MemoizationPolicy, TEDPolicy
        cls = getattr(importlib.import_module(module), name)
        assert issubclass(cls, DeterministicPolicy), f"{name}: this test cannot vouch for a policy that is not deterministic"
        policies.append(cls.__new__(cls))
    return policies


def test_the_check_covers_every_policy_of_ours():
    assert {type(policy).__name__ for policy in our_policies()} >= {"CrisisPolicy", "SafetyNetPolicy", "OfferPolicy", "NewWorryPolicy"}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def user(text: str, intent: str, risk: dict | None = None) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.99}, parse_data={"risk": risk or {"level": "none"}})


def form_asked(slot: str, question: str) -> list:
    return [ActionExecuted(FORM), ActiveLoop(FORM), SlotSet("requested_slot", slot), BotUttered(question)]


def tracker_of(domain: Domain, *turns: list) -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME)]
    for turn in turns:
        events += turn
    return DialogueStateTracker.from_events("someone", events, domain.slots)


AFTER_THE_FORM_ASKED = {
    "the first question": [[user("hi", "greet"), ActionExecuted("utter_greet"), BotUttered("Hi!"),
                            *form_asked("user_role", "Who is chatting today?")]],
    "an answer, then the next question": [
        [user("hi", "greet"), *form_asked("user_role", "Who is chatting today?"), ActionExecuted(ACTION_LISTEN_NAME)],
        [user("mum here", "inform"), ActionExecuted(FORM), SlotSet("user_role", "parent_carer"),
         SlotSet("requested_slot", "age"), BotUttered("How old is your child?")],
    ],
    "a check-level message answered, the question again": [
        [user("hi", "greet"), *form_asked("user_role", "Who is chatting today?"), ActionExecuted(ACTION_LISTEN_NAME)],
        [user("im so tired of it all", "describe_concern", {"level": "check"}), ActionExecuted("utter_check"),
         BotUttered("Are you thinking about hurting yourself?"), ActionExecuted(ACTION_LISTEN_NAME)],
        [user("no", "deny"), ActionExecuted("utter_check_ok"), BotUttered("OK."), *form_asked("user_role", "Who is chatting today?")],
    ],
}


@pytest.mark.parametrize("case", sorted(AFTER_THE_FORM_ASKED))
def test_after_the_form_asked_the_policies_would_all_say_listen_or_nothing(domain, case):
    tracker = tracker_of(domain, *AFTER_THE_FORM_ASKED[case])
    assert rasa_speedups.listens_after_its_loop(tracker)
    assert RulePolicy._find_action_from_loop_happy_path(tracker)[0] == ACTION_LISTEN_NAME
    for policy in our_policies():
        assert policy.next_action(tracker, domain) == (None, []), type(policy).__name__


NOT_SHORT_CUT = {
    # the action server was down: the form ran with nothing after it, SafetyNetPolicy must answer
    "a form that failed": [[user("hi", "greet"), *form_asked("user_role", "Who?"), ActionExecuted(ACTION_LISTEN_NAME)],
                           [user("14", "inform"), ActionExecuted(FORM)]],
    "a form that rejected the message": [[user("hi", "greet"), *form_asked("user_role", "Who?"), ActionExecuted(ACTION_LISTEN_NAME)],
                                         [user("are you a bot", "ask_bot_identity"), ActionExecutionRejected(FORM)]],
    "a message, before any action": [[user("hi", "greet"), *form_asked("user_role", "Who?"), ActionExecuted(ACTION_LISTEN_NAME)],
                                     [user("14", "inform")]],
    "another action after the form": [[user("hi", "greet"), *form_asked("user_role", "Who?"), ActionExecuted("utter_urgent_help"),
                                       BotUttered("Call 999")]],
    "the form finished": [[user("hi", "greet"), *form_asked("concern", "What has been going on?"), ActionExecuted(ACTION_LISTEN_NAME)],
                          [user("i cant sleep", "describe_concern"), ActionExecuted(FORM), SlotSet("concern", "sleep"),
                           ActiveLoop(None), SlotSet("requested_slot", None)]],
    "no form": [[user("hi", "greet"), ActionExecuted("utter_greet"), BotUttered("Hi!")]],
    # a turn cut short after the form (Rasa's limit of actions per turn): the next message needs the policies
    "a message after the form's run": [[user("hi", "greet"), *form_asked("user_role", "Who?"),
                                        user("i want to kill myself", "express_crisis", {"level": "crisis"})]],
}


@pytest.mark.parametrize("case", sorted(NOT_SHORT_CUT))
def test_anything_else_goes_through_the_policies(domain, case):
    assert not rasa_speedups.listens_after_its_loop(tracker_of(domain, *NOT_SHORT_CUT[case]))


def test_the_short_cut_predicts_what_rule_policy_would_and_otherwise_asks_the_policies(domain, monkeypatch):
    asked = []
    monkeypatch.setattr(rasa_speedups, "_rasa_predict_next", lambda processor, tracker: asked.append(tracker) or "policies")

    class Processor:
        pass

    processor = Processor()
    processor.domain = domain  # type: ignore[attr-defined]
    prediction = rasa_speedups.predict_next_with_tracker(processor, tracker_of(domain, *AFTER_THE_FORM_ASKED["the first question"]))
    assert domain.action_names_or_texts[prediction.max_confidence_index] == ACTION_LISTEN_NAME
    assert (prediction.max_confidence, prediction.policy_name) == (1.0, "RulePolicy") and not asked
    failed = tracker_of(domain, *NOT_SHORT_CUT["a form that failed"])
    assert rasa_speedups.predict_next_with_tracker(processor, failed) == "policies" and asked == [failed]
