"""Issue #12, session 36: what development authors D16 and D17 typed and a trial found, in whole
conversations over REST (real model, action server, database)."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_typed import kept_going, slots, start

pytestmark = pytest.mark.servers

CHECK = "Are you thinking about hurting yourself, or is someone hurting you?"


@pytest.mark.parametrize("typed", ["im not safe", "i dont feel safe", "not safe"])
def test_not_safe_as_a_first_message_gets_the_check_with_999(bot, typed):  # noqa: F811
    """A trial (session 36): "Sorry, I didn't get that" and "What would you like to do?"."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text(typed)
    assert CHECK in reply and "999" in reply and "didn't get that" not in reply
    assert "Are you safe right now?" in chat.text("/affirm")


def test_not_safe_typed_at_a_question_gets_the_check(bot):  # noqa: F811
    chat = start(bot, "young person", "14")
    reply = chat.text("not safe")
    assert CHECK in reply and "didn't get that" not in reply


def test_they_them_with_an_age_and_a_place_is_no_crisis(bot):  # noqa: F811
    """D17: "17, they/them, Leicester" got the exploitation crisis reply."""
    chat = start(bot, "young person")
    reply = chat.text("17, they/them, Leicester")
    assert "Are you safe right now?" not in reply and CHECK not in reply and kept_going(reply)
    assert slots(bot, chat)["age_min"] == 17


def test_an_age_typed_to_who_is_chatting_is_kept(bot):  # noqa: F811
    """A phone trial (session 35): "13" got "Sorry, I didn't get that" and was lost."""
    chat = Conversation(bot.rasa_url)
    chat.say("hi")
    reply = chat.text("13")
    assert "noted that age" in reply and "Who is chatting today?" in reply
    assert "Which school or college do you go to?" in chat.text("I'm a young person")
    assert slots(bot, chat)["age_min"] == 13


def test_what_do_you_mean_after_please_call_999_now_is_explained_once(bot):  # noqa: F811
    """The review's finding 10 (session 35): the same reply every time."""
    chat = Conversation(bot.rasa_url)
    chat.say("i want to die")
    assert "Please call 999 now" in chat.text("/not_safe")
    explained = chat.text("what do you mean")
    assert "999 is the phone number for an emergency" in explained and "Please call 999 now" in explained
    again = chat.text("what do you mean")
    assert "Please call 999 now" in again and "999 is the phone number" not in again


@pytest.mark.parametrize(("typed", "school"), [
    ("school?? I work full time", "not at school"),  # D17: "I couldn't find that school"
    ("not comfortable sharing that, sorry", "skipped"),  # D16: the privacy answer, the question again
    ("not in anything right now", "not at school"),  # D17 and a phone trial: read as "not safe"
])
def test_school_answers_as_typed(bot, typed, school):  # noqa: F811
    chat = start(bot, "young person", "17")
    reply = chat.text(typed)
    if CHECK in reply:
        reply = chat.text("/deny")
    assert "Where do you live?" in reply and kept_going(reply)
    assert slots(bot, chat)["school"] == school


def test_not_at_the_moment_until_the_social_worker_is_asked_is_a_no(bot):  # noqa: F811
    """D16: "Sorry, I didn't get that"."""
    chat = Conversation(bot.rasa_url)
    chat.say("I want to kill myself")
    assert "find support near you" in chat.text("/confirm_safe")
    reply = chat.text("not at the moment, I need to speak to her social worker first")
    assert "didn't get that" not in reply and "Who is chatting today?" not in reply
    assert "Bye for now" in reply and "999" in reply  # a no to the offer: the goodbye, with the urgent numbers


@pytest.mark.parametrize("typed", ["i give up", "im going to do it", "no one would miss me", "help"])
def test_short_messages_of_despair_get_the_check_not_the_goodbye(bot, typed):  # noqa: F811
    """Batteries of short messages (session 36): "OK, I'll stop here", "Bye for now", nothing, or
    "I couldn't find that school", as a first message and at the school question."""
    for chat in (Conversation(bot.rasa_url), start(bot, "young person", "14")):
        reply = chat.text(typed)
        assert CHECK in reply and "999" in reply
        assert not any(phrase in reply for phrase in ("stop here", "Bye for now", "couldn't find that school"))
