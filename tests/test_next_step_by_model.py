"""NewWorryPolicy: the next-step model's reading of a request typed after the list, pure tracker tests."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.new_worry_policy import next_new_worry_prediction, steps_for
from signposting.next_step_reading import MODEL_CONFIDENCE
from signposting.next_step_request import NEXT_STEP_READING_SLOT

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def said(text: str, intent: str, label: str, confidence: float = 0.9, risk: dict[str, Any] | None = None) -> UserUttered:
    parse_data: dict[str, Any] = {
        "intent": {"name": intent, "confidence": 0.5}, "entities": [], "text": text,
        "next_step_model": {"label": label, "confidence": confidence},
        "risk": risk or {"level": "none", "distress": False},
    }
    return UserUttered(text, parse_data["intent"], parse_data=parse_data)


def after_the_list(domain: Domain, message: UserUttered, shown: bool = True, before: str = "utter_offer_more") -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"), UserUttered("low mood", {"name": "describe_concern", "confidence": 1.0}),
        ActionExecuted("action_find_services"), *([SlotSet("services_shown", ["svc-1"])] if shown else []),
        ActionExecuted(before), ActionExecuted("action_listen"), message,
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


def run(domain: Domain, tracker: DialogueStateTracker, limit: int = 6) -> list[str]:
    """The actions the policy takes in turn, as the processor would log them, until it listens."""
    taken: list[str] = []
    for _ in range(limit):
        action, events = next_new_worry_prediction(tracker)
        if action is None:
            break
        for event in events:
            tracker.update(event)
        taken.append(action)
        if action == "action_listen":
            break
        tracker.update(ActionExecuted(action))
    return taken


@pytest.mark.parametrize(
    ("text", "intent", "label", "actions"),
    [
        # DIET read a worry, a question about privacy, a "no": after the list they ask for the next step.
        ("can u do this for my brother now", "describe_concern", "start_again",
         ["utter_start_again", "action_start_again", "triage_form"]),
        ("none of these r any good", "deny", "more_options", ["action_more_services", "action_listen"]),
        # more options for a worry named: the search again for that worry
        ("have you got anything for grief? none of these mention it", "ask_privacy", "more_options",
         ["action_change_answer", "action_listen"]),
        ("i wanna speak to an actual human", "ask_bot_identity", "talk_to_a_person", ["utter_talk_to_person", "action_listen"]),
        ("my nan only reads urdu", "describe_concern", "other_language", ["action_cannot_do_yet", "action_listen"]),
        ("chuck it in my inbox", "ask_privacy", "email", ["action_cannot_do_yet", "action_listen"]),
        ("laters", "out_of_scope", "closing", ["utter_goodbye", "action_listen"]),
        ("cheers for that", "nlu_fallback", "closing", ["utter_thanks_reply", "action_listen"]),
    ],
)
def test_a_request_the_model_reads_after_the_list_is_answered_then_listens(domain, text, intent, label, actions):
    assert run(domain, after_the_list(domain, said(text, intent, label))) == actions


def test_the_reading_is_kept_for_the_action_then_cleared(domain):
    tracker = after_the_list(domain, said("my nan only reads urdu", "describe_concern", "other_language"))
    action, events = next_new_worry_prediction(tracker)
    assert (action, events) == ("action_cannot_do_yet", [SlotSet(NEXT_STEP_READING_SLOT, "other_language")])
    for event in events:
        tracker.update(event)
    tracker.update(ActionExecuted(action))
    assert next_new_worry_prediction(tracker) == ("action_listen", [SlotSet(NEXT_STEP_READING_SLOT, None)])


def test_starting_again_clears_the_reading_when_the_form_starts(domain):
    tracker = after_the_list(domain, said("can u do this for my brother now", "describe_concern", "start_again"))
    for _ in range(2):
        action, events = next_new_worry_prediction(tracker)
        for event in events:
            tracker.update(event)
        tracker.update(ActionExecuted(action))
    assert next_new_worry_prediction(tracker) == ("triage_form", [SlotSet(NEXT_STEP_READING_SLOT, None)])


@pytest.mark.parametrize("intent", ["more_options", "talk_to_a_person", "request_email", "goodbye", "thanks", "express_crisis"])
def test_a_request_diet_read_as_one_is_left_to_the_rules(domain, intent):
    assert run(domain, after_the_list(domain, said("send it to me", intent, "email"))) == []


def test_a_guess_below_the_threshold_or_other_is_left_to_the_other_policies(domain):
    # (no service named by its place in the list: "what about the second one" is its card, session 49)
    unsure = said("hmm what about that", "ask_service_info", "more_options", MODEL_CONFIDENCE - 0.01)
    assert run(domain, after_the_list(domain, unsure)) == []
    other = said("is that free", "ask_privacy", "other", 0.99)
    assert run(domain, after_the_list(domain, other)) == []


@pytest.mark.parametrize(
    "risk",
    [{"level": "check", "distress": False}, {"level": "crisis", "distress": True}, {"level": "none", "distress": True}],
)
def test_never_when_the_risk_layer_saw_something(domain, risk):
    message = said("im done with all this", "goodbye_not_served", "closing", 0.95, risk)
    assert run(domain, after_the_list(domain, message)) == []


def test_never_before_the_list(domain):
    assert run(domain, after_the_list(domain, said("none of these r any good", "deny", "more_options"), shown=False)) == []


@pytest.mark.parametrize("before", ["utter_ask_safe_now", "utter_check_risk"])
def test_never_in_reply_to_a_crisis_step(domain, before):
    assert run(domain, after_the_list(domain, said("laters", "out_of_scope", "closing"), before=before)) == []


def test_a_list_question_or_a_change_named_is_left_to_their_own_replies(domain):
    question = said("can i text any of these", "ask_privacy", "talk_to_a_person")
    assert run(domain, after_the_list(domain, question))[0] == "action_service_info"
    change = said("could we look at another town instead", "more_options_not_served", "more_options")
    assert run(domain, after_the_list(domain, change))[0] == "action_change_answer"


def test_the_closing_reply_follows_the_words():
    assert steps_for("closing", "ta very much") == ("utter_thanks_reply",)
    assert steps_for("closing", "gotta dash") == ("utter_goodbye",)


@pytest.mark.parametrize(
    ("text", "label"),
    [("i dont want to start again", "start_again"), ("dont email it to anyone pls", "email"),
     ("no need to start again, just she's 13 not 12", "start_again"), ("i dont need more options", "more_options")],
)
def test_a_request_said_with_not_is_left_to_diet_and_the_rules(domain, text, label):
    assert run(domain, after_the_list(domain, said(text, "deny", label, 0.96))) == []


def test_not_with_other_words_between_is_still_a_request(domain):
    message = said("i dont want a bot i want to talk to someone", "ask_bot_identity", "talk_to_a_person")
    assert run(domain, after_the_list(domain, message)) == ["utter_talk_to_person", "action_listen"]


@pytest.mark.parametrize("text", ["i dont want to start again", "no need to start again", "not starting again lol"])
def test_not_starting_again_after_the_list_offers_the_next_step_and_keeps_the_answers(domain, text):
    message = said(text, "start_again", "start_again", 0.96)
    assert run(domain, after_the_list(domain, message)) == ["utter_offer_more", "action_listen"]


def test_starting_again_in_so_many_words_is_left_to_the_rules(domain):
    message = said("can we start again", "start_again", "start_again", 0.96)
    assert run(domain, after_the_list(domain, message)) == []


def test_a_goodbye_only_the_model_reads_is_no_goodbye_after_earlier_distress(domain):
    tracker = after_the_list(domain, said("laters", "out_of_scope", "closing"))
    events = list(tracker.events)
    events.insert(1, UserUttered("everything is pointless", {"name": "describe_concern"},
                                 parse_data={"intent": {"name": "describe_concern"}, "risk": {"level": "check", "distress": True}}))
    events.insert(2, ActionExecuted("utter_check_risk"))
    events.insert(3, ActionExecuted("utter_check_ok"))
    events.insert(4, ActionExecuted("action_listen"))
    tracker = DialogueStateTracker.from_events("test", events, domain.slots)
    assert run(domain, tracker) == []


def test_not_starting_again_in_the_questions_asks_again_with_the_slot_emptied(domain):
    """Phone trial (session 26): "i dont want to start again sorry" at "Who is chatting today?"
    started the questions again. The question is asked again; the review found the raw text left
    in the worry's slot (the crisis steps' undo keeps a worry), so the asked slot is emptied too."""
    events = [
        ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet", "confidence": 1.0}),
        ActionExecuted("triage_form"), ActiveLoop("triage_form"), SlotSet("requested_slot", "concern"),
        ActionExecuted("action_listen"), said("i dont want to start again sorry", "start_again", "other"),
        SlotSet("concern", "i dont want to start again sorry"),  # Rasa's slot mapping, before any policy
    ]
    tracker = DialogueStateTracker.from_events("test", events, domain.slots)
    action, undo = next_new_worry_prediction(tracker)
    assert action == "action_ask_concern" and undo[-1] == SlotSet("concern", None)
    for event in undo:
        tracker.update(event)
    tracker.update(ActionExecuted(action))
    assert tracker.get_slot("concern") is None
    assert next_new_worry_prediction(tracker) == ("action_listen", [])


def test_not_starting_again_with_a_change_after_the_list_makes_the_change(domain):
    message = said("no need to start again, just she's 13 not 12", "start_again", "other", 0.9)
    assert run(domain, after_the_list(domain, message)) == ["action_change_answer", "action_listen"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("nah these arent for me", "deny"), ("i dont like any of those", "nlu_fallback"),
     ("meh not feeling any of these tbh", "describe_concern"),
     ("not really these arent helpful", "thanks"),  # session 44's note: "You're welcome. Take care."
     ("no none of those are any good", "goodbye"), ("that's useless", "thanks"),  # a user trial (session 45)
     ("this is rubbish tbh", "nlu_fallback")],
)
def test_saying_the_list_does_not_fit_is_answered_as_not_helpful_then_the_next_step(domain, text, intent):
    """Phone trial (session 26): "Sorry, I didn't get that", or a search for a worry guessed from
    "not feeling"."""
    message = said(text, intent, "other", 0.9)
    assert run(domain, after_the_list(domain, message)) == ["utter_not_helpful_thanks", "utter_offer_more", "action_listen"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [("none of these mention grief, anything for that?", "describe_concern"),  # a worry named: searched again
     ("none of these are near us", "change_answer"),  # a change of place
     ("these are great thanks", "thanks"), ("none of them r any good, more pls", "more_options"),
     ("nah not for me thanks anyway", "thanks"),  # the thank-you said in so many words
     ("im useless", "describe_concern"), ("that is useless, i want to die", "express_crisis")],
)
def test_a_worry_a_change_or_a_request_about_the_list_is_not_taken_as_not_fitting(domain, text, intent):
    assert "utter_not_helpful_thanks" not in run(domain, after_the_list(domain, said(text, intent, "other", 0.9)))


def test_not_fitting_is_never_taken_when_the_risk_layer_saw_something(domain):
    """Distress at level none: the crisis policy has no step, so this policy's own check is what holds."""
    message = said("i dont like any of those", "deny", "other", 0.9, {"level": "none", "distress": True})
    assert run(domain, after_the_list(domain, message)) == []


@pytest.mark.parametrize("text", ["i did not know about any of these", "these are useless, im useless"])
def test_not_knowing_the_services_or_a_worry_about_oneself_is_no_complaint_about_the_list(domain, text):
    assert "utter_not_helpful_thanks" not in run(domain, after_the_list(domain, said(text, "dont_know", "other", 0.9)))


def test_a_goodbye_that_tells_a_worry_is_never_taken_for_a_goodbye(domain):
    """The review (session 26): the model read "gotta go mum is coming, she hits me" as a closing
    (0.58); only the risk layer stood between it and "Bye for now"."""
    message = said("gotta go, mums coming and im being bullied again", "nlu_fallback", "closing", 0.9)
    assert "utter_goodbye" not in run(domain, after_the_list(domain, message))
