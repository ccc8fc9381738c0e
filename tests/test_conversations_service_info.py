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
    assert "I don't know how long each one takes. Waiting times change" in reply
    assert "What would you like to do next?" in reply
    assert slots(bot, chat)["services_shown"] == shown


# Session 20's user trials: questions about the services just listed got the general text,
# "What would you like to change?" or "Sorry, I didn't get that". Each is answered from the
# records of the services shown, whatever intent the NLU gives it, and the list is kept.
LIST_QUESTIONS = [
    ("can i text any of these", ("You can text these ones:", "None of the services I showed you take texts")),
    ("anything i can text", ("You can text these ones:", "None of the services I showed you take texts")),
    ("whats the difference between these", ("Here is what each one does, so you can choose:",)),
    ("do i need a gp referral", ("Here is how to get help from each one:",)),
    ("are any open at weekends", ("Here is when each one is open:",)),
    ("which one is quickest", ("I don't know how long each one takes.",)),
    # read as a request for a person, or for more options: the question is still about the list
    ("can i chat to someone online", ("You can use these ones online:", "None of the services I showed you can be used online")),
    ("is there anything online", ("You can use these ones online:", "None of the services I showed you can be used online")),
]


def test_questions_about_the_list_are_answered_from_the_services_shown(bot):  # noqa: F811
    chat = start(bot, "young person", "15", "no", "Watford", "i feel anxious all the time")
    shown = slots(bot, chat)["services_shown"]
    assert shown
    for text, answers in LIST_QUESTIONS:
        reply = chat.text(text)
        assert any(answer in reply for answer in answers), (text, reply)
        assert "What would you like to do next?" in reply and kept_going(reply), (text, reply)
    assert slots(bot, chat)["services_shown"] == shown


def test_asking_about_opening_times_while_not_safe_is_a_crisis(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("how late is childline open, i dont think i can keep myself safe tonight")
    assert ANSWER not in reply
    assert "999" in reply


def test_asking_for_services_for_a_worry_is_never_refused_as_medical_advice(bot):  # noqa: F811
    """A user trial (session 20): "is there anything specifically for eating disorders?" after the
    list got "I can't give medical advice"."""
    chat = start(bot, "parent", "she is 17", "skip", "Epping", "she is not eating")
    reply = chat.text("is there anything specifically for eating disorders?")
    assert "medical advice" not in reply and "What would you like to do next?" in reply
    assert "These are the services I found for eating worries." in reply or "Here are some places" in reply
