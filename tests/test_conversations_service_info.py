"""'Is it free?', 'what times are you open', 'how old do u have to be': a plain answer about the
chat and its services, at any point, and the conversation goes on where it was (issue #12: never
a dead end; before, these got 'Sorry, I didn't get that' or started the questions). A message
that asks about opening times while saying it is not safe is still a crisis.
The real trained model, action server and database, over REST."""
from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_typed import assert_a_first_message_answered_then_offered, kept_going, slots, start

pytestmark = pytest.mark.servers

ANSWER = "This chat is free, and you can use it at any time."


@pytest.mark.parametrize("text", ["Is this service free?", "what times are you open", "how old do u have to be"])
def test_a_first_message_asking_about_the_service(bot, text):  # noqa: F811
    assert_a_first_message_answered_then_offered(bot, text, ANSWER)


def test_asked_at_the_school_question_the_question_comes_again(bot):  # noqa: F811
    chat = start(bot, "young person", "14")
    reply = chat.text("do i have to pay for any of this")
    if "I want to check" in reply:  # the risk model reads "pay for" at check level in some trainings
        reply = chat.text("No")
    assert ANSWER in reply and "school" in reply.lower() and kept_going(reply)
    assert slots(bot, chat)["age_min"] == 14


def last_intent(bot, chat: Conversation) -> str:  # noqa: F811
    """How the NLU read the latest message, from the tracker store."""
    with sqlite3.connect(f"file:{bot.tracker_db}?mode=ro", uri=True) as db:
        (data,) = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id DESC LIMIT 1", (chat.sender,)
        ).fetchone()
    return json.loads(data)["parse_data"]["intent"]["name"]


def test_an_age_asked_with_a_question_keeps_both(bot):  # noqa: F811
    """The age is kept and the next question asked whatever the training; the answer comes too
    when the NLU read the question (some trainings read "...im 17" as a plain answer)."""
    chat = start(bot, "young person")
    reply = chat.text("am i too old for this im 17")
    assert "school" in reply.lower() and kept_going(reply)
    assert slots(bot, chat)["age_min"] == 17
    assert (ANSWER in reply) == (last_intent(bot, chat) == "ask_service_info")


def test_asked_after_the_list_the_list_is_kept(bot):  # noqa: F811
    chat = start(bot, "parent", "she is 12", "skip", "Harlow", "anxiety")
    shown = slots(bot, chat)["services_shown"]
    assert shown
    reply = chat.text("how long is the waiting list for those")
    assert ANSWER in reply and "Waiting times are different for each service" in reply
    assert slots(bot, chat)["services_shown"] == shown


def test_asking_about_opening_times_while_not_safe_is_a_crisis(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("how late is childline open, i dont think i can keep myself safe tonight")
    assert ANSWER not in reply
    assert "999" in reply
