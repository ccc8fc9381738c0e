"""'Is this private?' and 'will u tell my mum' get an honest answer about the chat's privacy, at
any point, and the conversation goes on where it was (issue #12: never a dead end). A child
deciding whether to say more needs that answer; before, it was 'Sorry, I didn't get that' or
the safety check question. A disclosure with the word 'private' in it is still a crisis.
The real trained model, action server and database, over REST."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_typed import assert_a_first_message_answered_then_offered, kept_going, slots, start

pytestmark = pytest.mark.servers

PRIVACY = "I don't know who you are, and I can't contact anyone"


@pytest.mark.parametrize("text", ["is this chat anonymous", "do u save what i type?"])
def test_a_first_message_asking_about_privacy(bot, text):  # noqa: F811
    assert_a_first_message_answered_then_offered(bot, text, PRIVACY)


def test_asked_at_the_age_question_the_question_comes_again(bot):  # noqa: F811
    chat = start(bot, "young person")
    reply = chat.text("wait will you tell my parents about this")
    assert PRIVACY in reply and "How old are you?" in reply and kept_going(reply)
    assert "age" not in slots(bot, chat) or slots(bot, chat)["age"] is None
    assert "school" in chat.text("15")


def test_a_parent_asking_at_the_place_question_keeps_the_answers(bot):  # noqa: F811
    chat = start(bot, "parent", "she is 12", "skip")
    reply = chat.text("Before I go on, is any of this shared with the school?")
    assert PRIVACY in reply and "Where" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert (found["user_role"], found["age_min"]) == ("parent_carer", 12)


def test_a_disclosure_that_says_private_is_a_crisis(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("is this private because my stepdad hits me and i cant tell anyone")
    assert PRIVACY not in reply
    assert "999" in reply


def test_a_privacy_question_that_gets_the_check_question_is_answered_after_no(bot):  # noqa: F811
    """The risk model scores this one at check level (a secret from mum reads like the start of
    a disclosure): the check question stays, and "No" brings the answer and the question again."""
    chat = start(bot)
    first = chat.text("is this private or will my mum find out")
    if "I want to check" in first:
        reply = chat.text("No")
        assert "Thanks for telling me" in reply
    else:  # a training that reads it without risk: answered at once
        reply = first
    assert PRIVACY in reply and "Who is chatting today?" in reply and kept_going(reply)
    assert "How old are you?" in chat.text("young person")
