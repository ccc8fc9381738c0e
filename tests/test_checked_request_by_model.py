"""After "No" to the check question, a request typed after the list is answered as the next-step
model read it (bot/nlu/crisis_policy.py, `reply_as_the_model_reads_it`): pure tracker tests."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered

from bot.nlu.crisis_policy import next_crisis_action
from signposting.next_step_reading import request_read_after_the_check
from signposting.responses import THANKS_REPLY
from tests.test_policies import domain, said, tracker  # noqa: F401 (domain is a fixture)


def checked(text: str, label: str, confidence: float = 0.9, level: str = "check") -> UserUttered:
    event = said(text, "express_crisis")
    event.parse_data["risk"] = {"level": level, "source": "model", "categories": [], "matches": [], "distress": True}
    event.parse_data["next_step_model"] = {"label": label, "confidence": confidence}
    return event


def after_no(domain, message: UserUttered, *after: str, earlier: tuple = (), in_form: bool = False, shown: bool = True):  # noqa: F811
    loop = [ActiveLoop("triage_form")] if in_form else []
    listed = [SlotSet("services_shown", ["kooth"])] if shown else []
    return tracker(domain, *earlier, *loop, *listed, message, ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
                   said("no", "deny"), ActionExecuted("utter_check_ok"), *(ActionExecuted(name) for name in after))


@pytest.mark.parametrize(("text", "label", "first", "then"), [
    ("show me a few more pls", "more_options", "action_more_services", "action_listen"),
    ("can we redo it for my other son", "start_again", "utter_start_again", "action_start_again"),
    ("can someone ring me back", "talk_to_a_person", "utter_talk_to_person", "utter_offer_more"),
    ("pop it on paper for nan", "print", "utter_request_print", "utter_offer_more"),
    ("ill call them monday cheers", "closing", "utter_thanks_reply", "action_listen"),
    ("gotta go kids home", "closing", "utter_goodbye", "action_listen"),
])
def test_the_request_read_by_the_model_is_answered_after_the_no(domain, text, label, first, then):  # noqa: F811
    assert next_crisis_action(after_no(domain, checked(text, label))) == first
    assert next_crisis_action(after_no(domain, checked(text, label), first)) == then


@pytest.mark.parametrize(("text", "label"), [
    ("oops i said 13 im 15 can we redo", "start_again"),  # the age given: changed, the other answers kept
    ("oops i said 13 im 15", "other"),
    ("none of them r near me", "more_options"),  # how the list was made (D1)
])
def test_a_correction_is_made_after_the_no_whatever_the_model_read(domain, text, label):  # noqa: F811
    assert next_crisis_action(after_no(domain, checked(text, label))) == "action_change_answer"
    assert next_crisis_action(after_no(domain, checked(text, label), "action_change_answer")) == "action_listen"


@pytest.mark.parametrize(("text", "model_category"), [
    ("oops i said 13 im 15 i just feel like giving up", None),  # a worry told beside it (the review)
    ("oops i took 20", "overdose"),  # harm to oneself guessed by the model, no answer named to change
])
def test_more_than_a_correction_is_not_taken_as_one(domain, text, model_category):  # noqa: F811
    message = checked(text, "other")
    message.parse_data["risk"]["model_category"] = model_category
    assert next_crisis_action(after_no(domain, message)) != "action_change_answer"


def test_a_correction_with_risk_words_is_not_taken_as_one(domain):  # noqa: F811
    message = checked("oops i said 13 im 15 and i want to die", "other")
    message.parse_data["risk"]["lexicon_categories"] = ["suicidal"]
    assert next_crisis_action(after_no(domain, message)) != "action_change_answer"


@pytest.mark.parametrize(("text", "closes"), [
    # development author D11 (session 30): a closing in so many words, the model's guess of harm set aside
    ("thats it thanks, ill ring them tomorrow", True),
    # a closing the grammar does not read stays with the guess: no goodbye (the review, session 29)
    ("gonna go now. tired of it all", False),
])
def test_the_models_guess_of_harm_is_set_aside_only_for_a_closing_in_so_many_words(domain, text, closes):  # noqa: F811
    message = checked(text, "closing")
    message.parse_data["risk"]["model_category"] = "suicidal"
    assert (next_crisis_action(after_no(domain, message)) == THANKS_REPLY) is closes


def test_a_closing_after_earlier_distress_is_not_taken(domain):  # noqa: F811
    low = said("i feel like nothing matters", "describe_concern")
    low.parse_data["risk"] = {"level": "none", "distress": True}
    state = after_no(domain, checked("gotta go kids home", "closing"), earlier=(low, ActionExecuted("action_listen")))
    assert next_crisis_action(state) == "utter_offer_more"  # the next step, no goodbye


@pytest.mark.parametrize(("text", "label", "confidence", "shown", "offer"), [
    ("do more", "more_options", 0.4, True, "utter_offer_more"),  # not sure enough: the next step
    ("just leave it", "other", 0.9, True, "utter_offer_more"),
    ("none of them r near me", "more_options", 0.9, False, "triage_form"),  # the first message, no list: the questions
])
def test_no_reading_leaves_the_steps_as_they_were(domain, text, label, confidence, shown, offer):  # noqa: F811
    assert next_crisis_action(after_no(domain, checked(text, label, confidence), shown=shown)) == offer


def test_in_the_questions_the_form_asks_again(domain):  # noqa: F811
    assert next_crisis_action(after_no(domain, checked("none of them r near me", "more_options"), in_form=True)) is None


def test_a_message_that_got_the_crisis_reply_is_never_read_as_a_request():
    message = checked("bye forever", "closing", level="crisis")
    assert request_read_after_the_check(message.parse_data, message.text) is None
    message = checked("ill call them monday cheers", "closing")
    assert request_read_after_the_check(message.parse_data, message.text) == "closing"


def test_after_the_list_a_no_with_no_request_offers_the_next_step_then_listens(domain):  # noqa: F811
    """It was "Would you like me to find support near you?", the search already made."""
    state = after_no(domain, checked("just leave it", "other"))
    assert next_crisis_action(state) == "utter_offer_more"
    assert next_crisis_action(after_no(domain, checked("just leave it", "other"), "utter_offer_more")) == "action_listen"
    before_any_list = after_no(domain, checked("just leave it", "other"), shown=False)
    assert next_crisis_action(before_any_list) == "triage_form"  # the first message: the questions start
    earlier = (said("what is this", "out_of_scope"), ActionExecuted("utter_out_of_scope"), ActionExecuted("action_listen"))
    later = after_no(domain, checked("just leave it", "other"), shown=False, earlier=earlier)
    assert next_crisis_action(later) == "utter_offer_to_continue"  # not the first message: the offer, as before


def test_after_no_a_question_about_the_chat_then_the_next_step_then_listen(domain):  # noqa: F811
    """The review (session 27): "is this private" after the list got the check question; after "No",
    the privacy reply and the next step, and then no policy knew what came next."""
    question = said("is this private", "express_crisis")
    question.parse_data["risk"] = {"level": "check", "source": "model", "categories": [], "matches": []}
    question.parse_data["intent_ranking"] = [{"name": "express_crisis", "confidence": 1.0}, {"name": "ask_privacy", "confidence": 0.9}]
    assert next_crisis_action(after_no(domain, question)) == "utter_privacy"
    assert next_crisis_action(after_no(domain, question, "utter_privacy")) == "utter_offer_more"
    assert next_crisis_action(after_no(domain, question, "utter_privacy", "utter_offer_more")) == "action_listen"


def test_a_closing_the_risk_model_placed_as_harm_to_oneself_is_no_goodbye(domain):  # noqa: F811
    """The review (session 27): "gonna go now. tired of it all" is read as a closing just under the
    model's threshold; a goodbye after "No" would see it off."""
    message = checked("gonna go now. tired of it all", "closing")
    message.parse_data["risk"]["model_category"] = "suicidal"
    assert next_crisis_action(after_no(domain, message)) == "utter_offer_more"
