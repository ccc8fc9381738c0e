"""Questions about the services just listed (issue #12): which question was asked
(signposting.list_question), and the answer from the records of the services shown
(actions.list_questions). Two user trials asked these; each got a general text, "What would you
like to change?" or "Sorry, I didn't get that"."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import list_questions
from actions.list_questions import answer_list_question
from signposting.list_question import DIFFERENCE, HOURS, HOW_TO_GET_HELP, ONLINE, QUICKEST, TEXT, parse_list_question


@pytest.mark.parametrize(("text", "kind"), [
    ("anything i can text", TEXT),
    ("can I text any of these", TEXT),
    ("do any of them do whatsapp", TEXT),
    ("is there a text service", TEXT),
    ("is there anything online", ONLINE),
    ("can i chat to someone online", ONLINE),
    ("any online counselling", ONLINE),
    ("do I need a GP referral", HOW_TO_GET_HELP),
    ("can i refer myself", HOW_TO_GET_HELP),
    ("can I refer her myself", HOW_TO_GET_HELP),
    ("how do we get seen", HOW_TO_GET_HELP),
    ("are any open at weekends", HOURS),
    ("what are the opening times", HOURS),
    ("which one is quickest", QUICKEST),
    ("how long is the waiting list", QUICKEST),
    ("whats the difference between these", DIFFERENCE),
    ("which one is best for me", DIFFERENCE),
    ("which one should i try", DIFFERENCE),
    # "not online" beside another question keeps that question's answer (the review)
    ("which of these can i text? i cant do face to face", TEXT),
    ("are any of these open in person at weekends?", HOURS),
    ("how do i refer him, he wont use apps", HOW_TO_GET_HELP),
    # the review (session 29): questions kept beside "them", "anything else", "anymore"
    ("can i text them?", "text"),
    ("is there anything else i need to know about these?", "how_to_get_help"),
])
def test_questions_about_the_list(text, kind):
    assert parse_list_question(text) == kind


@pytest.mark.parametrize("text", [
    "can you text me the list",  # a request to send it: the bot cannot do that yet
    "text it to my mum",
    "is there help for online bullying",  # a worry
    "she is texting boys all night",
    "he is always online",
    "my son has been texting a girl who is mean",
    "how long has this been going on",
    # Found in review: worries, and a message that may tell of grooming, are not questions about hours
    "i cant sleep at night", "he messages me at night", "my teacher texts me at night", "i feel worse at weekends",
    "how long will i feel like this", "i need a doctor",
    "i feel sad",
    "thanks",
    # asking for something not online is asking for more services (D5: "None of the services I
    # showed you can be used online" to "anythin face to face? dont want online")
    "anythin face to face? dont want online",
    "any that arent online?",
    # asking for others beside a question is asking for more services (D2: "any others? I've
    # already referred to all of those" got how to reach the ones shown)
    "any others? I've already referred to all of those",
    "any others that are open weekends",
    # development author D9 (session 29): more services wanted, and the list sent
    "waiting list for that one is like 6 months, what else is there",
    "can u text or email it so i can show my dad",
    # development author D10 (session 30): more options, with what they should be like
    "more options - anything with a shorter waiting list?",
])
def test_other_messages_are_not(text):
    assert parse_list_question(text) is None


def tracker(text: str, shown: list[str] | None, role: str = "young_person") -> Tracker:
    slots = {"services_shown": shown, "user_role": role, "requested_slot": None}
    return Tracker("test", slots, {"text": text, "intent": {"name": "nlu_fallback"}}, [], False, None, {}, "action_listen")


def answer(monkeypatch, directory, text: str, shown: list[str] | None, role: str = "young_person") -> list[dict]:
    monkeypatch.setattr(list_questions, "get_directory", lambda: directory)
    dispatcher = CollectingDispatcher()
    answered = answer_list_question(dispatcher, tracker(text, shown, role))
    return dispatcher.messages if answered else []


def test_texts_only_the_services_that_take_them(monkeypatch, sqlite_directory):
    sent = answer(monkeypatch, sqlite_directory, "can i text any of these", ["hwe-hpft-camhs", "nat-shout"])
    assert [m["response"] for m in sent] == ["utter_list_text", "utter_list_line"]
    assert sent[1]["name"] == "Shout 85258" and "85258" in sent[1]["detail"]


def test_none_that_take_texts_is_said_plainly(monkeypatch, sqlite_directory):
    sent = answer(monkeypatch, sqlite_directory, "anything i can text", ["hwe-hpft-camhs"])
    assert [m["response"] for m in sent] == ["utter_list_none_text"]


def test_how_to_get_help_from_each_is_its_own_access_note(monkeypatch, sqlite_directory):
    by_id = {service.id: service for service in sqlite_directory.services}
    shown = ["hwe-hpft-camhs", "nat-shout"]
    sent = answer(monkeypatch, sqlite_directory, "do i need a gp referral", shown)
    assert sent[0]["response"] == "utter_list_how_to_get_help"
    assert [(m["name"], m["detail"]) for m in sent[1:]] == [(by_id[i].name, by_id[i].access_note) for i in shown]


def test_a_parent_reads_about_their_child(monkeypatch, sqlite_directory):
    by_id = {service.id: service for service in sqlite_directory.services}
    worded_for_you = [s.id for s in sqlite_directory.services if s.access_note and "refer you" in s.access_note]
    assert worded_for_you, "a service whose note says 'refer you'"
    sent = answer(monkeypatch, sqlite_directory, "can i refer her myself", worded_for_you[:1], role="parent_carer")
    assert "refer your child" in sent[1]["detail"] and sent[1]["detail"] != by_id[worded_for_you[0]].access_note


def test_opening_hours_for_each_and_unknown_hours_said(monkeypatch, sqlite_directory):
    no_hours = next(s.id for s in sqlite_directory.services if not any(c.hours for c in s.contacts))
    sent = answer(monkeypatch, sqlite_directory, "are any open at weekends", ["nat-shout", no_hours])
    assert [m["response"] for m in sent] == ["utter_list_hours", "utter_list_line", "utter_list_no_hours"]
    assert "24 hours a day" in sent[1]["detail"]


def test_quickest_says_waiting_times_are_unknown_then_who_takes_self_referrals(monkeypatch, sqlite_directory):
    by_id = {service.id: service for service in sqlite_directory.services}
    referral_only = next(s.id for s in sqlite_directory.services if not {"self_referral", "online"} & set(s.access_routes))
    sent = answer(monkeypatch, sqlite_directory, "which one is quickest", [referral_only, "nat-shout"])
    assert [m["response"] for m in sent] == ["utter_list_quickest", "utter_list_self_referral", "utter_list_line"]
    assert sent[2]["name"] == by_id["nat-shout"].name
    only_referral = answer(monkeypatch, sqlite_directory, "which one is quickest", [referral_only])
    assert [m["response"] for m in only_referral] == ["utter_list_quickest", "utter_list_none_self_referral"]


def test_the_difference_is_what_each_does_and_who_it_is_for(monkeypatch, sqlite_directory):
    shown = ["hwe-hpft-camhs", "nat-shout"]
    sent = answer(monkeypatch, sqlite_directory, "whats the difference between these", shown)
    assert sent[0]["response"] == "utter_list_difference"
    assert [m["response"] for m in sent[1:]] == ["utter_list_what_it_does"] * 2
    assert all(m["what"] and m["who"] for m in sent[1:])


def test_nothing_shown_or_no_database_leaves_it_to_the_other_answers(monkeypatch, sqlite_directory):
    assert answer(monkeypatch, sqlite_directory, "anything i can text", None) == []
    assert answer(monkeypatch, None, "anything i can text", ["nat-shout"]) == []
    assert answer(monkeypatch, sqlite_directory, "i feel sad", ["nat-shout"]) == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("anythin face to face? dont want online", True), ("any that arent online", True), ("in person please", True),
    ("she won't do online", True), ("he hates video calls", True), ("nothing online pls", True),
    ("can i use any of these online?", False), ("he is always online", False), ("more options", False),
    ("which of these can i text? i cant do face to face", False),  # the review: face to face is what they cannot do
])
def test_asking_for_something_not_online(text, wanted):
    from signposting.list_question import wants_nothing_only_online

    assert wants_nothing_only_online(text) is wanted


def test_only_online_services_are_the_ones_with_no_other_way_in():
    from services_db.seed import load_service_records

    online = {service.id for service in load_service_records() if service.only_online}
    assert {"hwe-kooth-herts", "llr-kooth", "nat-ceop"} <= online
    assert not online & {"nat-childline", "nat-shout", "hwe-hpft-camhs"}  # a phone line, a text line, a referral


@pytest.mark.parametrize(("text", "others"), [
    ("any others?", True), ("anything else", True), ("are there other services", True), ("any more pls", True),
    ("which of these are open weekends", False), ("can i text any of them", False),
])
def test_asking_for_other_services(text, others):
    from signposting.list_question import asks_for_other_services

    assert asks_for_other_services(text) is others


@pytest.mark.parametrize(("text", "kind"), [
    # others said not wanted: the question keeps its answer (the review, session 30)
    ("i dont need more options, which one is open weekends?", "hours"),
    ("no more options thanks, are any of these open on saturday?", "hours"),
    ("no more services pls, how do i refer to the first one?", "how_to_get_help"),
])
def test_others_said_not_wanted_keep_the_questions_answer(text, kind):
    assert parse_list_question(text) == kind


@pytest.mark.parametrize(("text", "asks"), [
    ("more options - anything with a shorter waiting list?", True),  # development author D10
    ("Are there any other services? My granddaughter does not wish to go to the doctor.", True),  # D9
    ("any others? I've already referred to all of those", True),
    # the broad words are no request for others (the review, session 30)
    ("is this confidential? theres something else i need to tell you", False),
    ("is it free? she doesnt want to go to school anymore", False),
    ("i dont want any more options, is it free?", False),
])
def test_others_asked_for_beside_a_question(text, asks):
    from signposting.list_question import asks_for_others_beside_a_question

    assert asks_for_others_beside_a_question(text) is asks


@pytest.mark.parametrize("text", ["whats the best sleeping pill i can take", "which tablets are best for anxiety?", "can she take melatonin"])
def test_a_question_about_a_medicine_is_no_question_about_the_list(text):
    """A user trial, session 47: "whats the best sleeping pill i can take" got "Here is what each one
    does, so you can choose"."""
    from signposting.list_question import parse_list_question

    assert parse_list_question(text) is None


@pytest.mark.parametrize("text", ["which one is best for anxiety?", "which ones can i text?", "how long is the wait?"])
def test_questions_about_the_list_without_a_medicine_are_still_read(text):
    from signposting.list_question import parse_list_question

    assert parse_list_question(text) is not None
