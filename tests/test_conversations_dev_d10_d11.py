"""Issue #12, session 30: what development authors D10 and D11 (and D1 to D9 read again) typed and
the bot got wrong, in whole conversations over REST (real model, action server, database)."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_next_step import results
from tests.test_conversations_typed import slots, start

pytestmark = pytest.mark.servers

CHECK = "I want to check you're OK"


@pytest.mark.parametrize("typed", ["lester", "leister"])
def test_leicester_spelt_by_sound_is_leicester_not_out_of_scope(bot, typed):  # noqa: F811
    """D3, D7: "lester" got "Sorry, I can't help with that", then the question again."""
    chat = start(bot, "young person", "14", "skip")
    reply = chat.text(typed)
    assert "What has been going on?" in reply and "can't help with that" not in reply
    assert slots(bot, chat)["area_code"] == "leicester"


def test_a_name_nobody_knows_gets_the_place_question_again_with_why(bot):  # noqa: F811
    chat = start(bot, "young person", "14", "skip")
    reply = chat.text("wig stun")
    assert "I don't know that place" in reply and "Where do you live?" in reply


@pytest.mark.parametrize(("typed", "age"), [("13 and 7 months", 13), ("eleven and a half", 11), ("18 as of last Tuesday", 18)])
def test_an_age_with_a_part_of_a_year_is_taken_without_the_check_question(bot, typed, age):  # noqa: F811
    chat = start(bot, "young person")
    reply = chat.text(typed)
    assert CHECK not in reply and "Which school or college do you go to?" in reply
    found = slots(bot, chat)
    assert (found["age_min"], found["age_max"]) == (age, age)


def test_a_mind_changed_at_the_offer_counts_the_last_answer(bot):  # noqa: F811
    """"no actually yes" got the goodbye."""
    chat = Conversation(bot.rasa_url)
    chat.say("I want to kill myself")
    assert "find support near you" in chat.text("/confirm_safe")
    assert "Who is chatting today?" in chat.text("no actually yes")


def test_more_options_with_a_question_beside_it_shows_other_services(bot):  # noqa: F811
    """"more options - anything with a shorter waiting list?" got "I don't know how long each one takes"."""
    chat = results(bot)
    shown = list(slots(bot, chat)["services_shown"])
    reply = chat.text("more options - anything with a shorter waiting list?")
    assert "I don't know how long each one takes" not in reply
    new = list(slots(bot, chat)["services_shown"])[len(shown):]
    assert new and not set(new) & set(shown)


def test_a_school_named_by_its_first_words_and_place_is_kept_after_the_check(bot):  # noqa: F811
    """D1, D9: "st marks in harlow" got the check question; after "No" the school question came
    again (its place was read as where they live, and the school was not found)."""
    chat = start(bot, "young person", "14")
    reply = chat.text("st marks in harlow")
    if CHECK in reply:  # the risk model's check level on a short answer: "No" keeps it
        reply = chat.text("/deny")
    assert "St Mark's West Essex Catholic School" in reply and "What has been going on?" in reply
    found = slots(bot, chat)
    assert (found["school"], found["area_code"]) == ("St Mark's West Essex Catholic School", "west_essex")


def test_support_asked_for_in_general_first_starts_the_questions(bot):  # noqa: F811
    """D7: "is there like a service for young people" got what the bot knows about the chat, then the offer."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("is there like a service for young people")
    assert "Who is chatting today?" in reply and "This chat is free" not in reply


def test_other_services_asked_for_beside_a_reason_are_shown(bot):  # noqa: F811
    """D9: "Are there any other services? My granddaughter does not wish to go to the doctor." got what
    the bot knows about the chat."""
    chat = results(bot)
    shown = list(slots(bot, chat)["services_shown"])
    reply = chat.text("Are there any other services? My granddaughter does not wish to go to the doctor.")
    assert "This chat is free" not in reply
    new = list(slots(bot, chat)["services_shown"])[len(shown):]
    assert new and not set(new) & set(shown)


def test_a_counsellor_asked_for_after_the_list_gets_people_to_talk_to_and_keeps_who_is_chatting(bot):  # noqa: F811
    """D5: "counsellor pls" made a parent a professional, with "Thanks, I've changed that" and the list again."""
    chat = start(bot, "parent or carer", "12", "skip", "Watford")
    chat.text("low mood")
    reply = chat.text("counsellor pls")
    assert "You can talk to a person here" in reply and "I've changed that" not in reply
    assert slots(bot, chat)["user_role"] == "parent_carer"


@pytest.mark.parametrize(("typed", "place", "area"), [
    ("Patient lives in Cheshunt, EN8", "Cheshunt", "herts"),  # D10: "EN8 covers more than one area"
    ("Narborough Road, Leicester", "Leicester", "leicester"),  # D10: Narborough, in the county, or somewhere else
])
def test_a_place_named_in_a_sentence_settles_the_area(bot, typed, place, area):  # noqa: F811
    chat = start(bot, "professional", "13", "skip")
    reply = chat.text(typed)
    if "I want to check everyone is safe" in reply:  # the risk model's check level: "No" keeps the answer
        reply = chat.text("/deny")
    assert "What is the young person struggling with?" in reply
    found = slots(bot, chat)
    assert (found["area"], found["area_code"]) == (place, area)


def test_who_is_chatting_said_with_a_childs_name_is_kept_after_the_check(bot):  # noqa: F811
    """A phone trial (session 30): "I am mama of Ionut" got the check question, and after "no" the
    question again: the stored message read "I am [name] of Ionut" (mama taken for a name)."""
    chat = start(bot)
    reply = chat.text("I am mama of Ionut")
    if CHECK in reply or "I want to check everyone is safe" in reply:  # (the parent's wording since session 45)
        reply = chat.text("no")
    assert "How old is your child?" in reply
    assert slots(bot, chat)["user_role"] == "parent_carer"
