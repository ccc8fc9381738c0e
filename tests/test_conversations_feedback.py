"""Issue 14 over REST through the real trained model, action server and tracker store: "Did
this help?" under the results, consent to ask later, and one "Did you manage to contact
them?" when the same conversation comes back after the session expired. The crisis layer
still answers first at each of these turns."""
from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_conversations import CRISIS_WORDS, Conversation, buttons

pytestmark = pytest.mark.servers
HELPED = '/feedback{"feedback_answer": "helpful_yes"}'
ASK_LATER = '/feedback{"feedback_answer": "ask_later_yes"}'
NOT_YET = '/feedback{"feedback_answer": "contacted_not_yet"}'
ANSWERS = ["hi", "young person", "14", "skip", "Watford", "stressed about exams"]


def texts(messages: list[dict]) -> list[str]:
    return [message.get("text", "") for message in messages]


def results(chat: Conversation) -> list[dict]:
    for text in ANSWERS[:-1]:
        chat.say(text)
    return chat.say(ANSWERS[-1])


def come_back_later(tracker_db, sender: str, hours: float = 2) -> None:
    """Moves the conversation `hours` into the past, as if the person came back that much later
    (domain.yml: a session expires after 60 minutes without a message)."""
    with sqlite3.connect(tracker_db) as db:
        for row_id, data in db.execute("select id, data from events where sender_id = ?", (sender,)).fetchall():
            event = json.loads(data)
            event["timestamp"] = event["timestamp"] - hours * 3600
            db.execute("update events set data = ?, timestamp = ? where id = ?", (json.dumps(event), event["timestamp"], row_id))


def stored_slots(tracker_db, sender: str, names: set[str]) -> list[tuple[str, object]]:
    with sqlite3.connect(tracker_db) as db:
        rows = db.execute("select data from events where sender_id = ? and type_name = 'slot' order by id", (sender,)).fetchall()
    events = [json.loads(data) for (data,) in rows]
    return [(event["name"], event["value"]) for event in events if event["name"] in names]


def test_did_this_help_comes_last_under_the_next_steps_once(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = results(chat)
    said = texts(reply)
    assert said[-2:] == ["What would you like to do next?", "Did this help?"]
    assert buttons(reply[-1:]) == ["Yes", "Not really"]
    assert "More options" in buttons(reply[-2:-1])
    more = chat.say("more options")
    assert "Did this help?" not in texts(more)  # asked once


def test_yes_consent_and_the_one_question_when_they_come_back(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    results(chat)
    thanked = chat.say(HELPED)
    assert texts(thanked) == ["Thank you for telling me.", "What would you like to do next?",
                              "Can I ask later if you managed to contact them?"]
    assert buttons(thanked[-1:]) == ["Yes", "No"]
    assert texts(chat.say(ASK_LATER))[:2] == ["OK. Next time you come back, I'll ask once.", "What would you like to do next?"]

    come_back_later(bot.tracker_db, chat.sender)
    back = chat.say("hi")
    said = texts(back)
    asked = said.index("Welcome back. Last time I showed you some places that could help. Did you manage to contact them?")
    assert said.index("Who is chatting today?") == asked + 1  # a new session: the questions start again
    assert buttons(back[asked:asked + 1]) == ["Yes", "Not yet", "I'd rather not say"]
    after = texts(chat.say(NOT_YET))
    assert after == ["That's OK. You can contact them when you're ready.", "Who is chatting today?"]

    come_back_later(bot.tracker_db, chat.sender)
    assert not any("Did you manage" in text for text in texts(chat.say("hi")))  # once only
    assert stored_slots(bot.tracker_db, chat.sender, {"helpful", "contact_followup", "contacted"}) == [
        ("helpful", "yes"), ("contact_followup", "consented"), ("contact_followup", "due"), ("contact_followup", "asked"),
        ("contacted", "not_yet"),
    ]


def test_no_consent_no_question_later(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    results(chat)
    chat.say('/feedback{"feedback_answer": "helpful_no"}')
    assert texts(chat.say('/feedback{"feedback_answer": "ask_later_no"}'))[0] == "OK, I won't ask."
    come_back_later(bot.tracker_db, chat.sender)
    assert not any("Did you manage" in text for text in texts(chat.say("hi")))


def test_the_crisis_reply_comes_first_at_each_feedback_turn(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    results(chat)  # "Did this help?" is showing
    crisis = "\n".join(texts(chat.say("i want to kill myself")))
    assert all(word in crisis for word in CRISIS_WORDS) and "Did this help?" not in crisis
    chat.say("/confirm_safe")
    chat.say(HELPED)  # "Can I ask later...?" is showing
    assert all(word in chat.text("i want to end it all") for word in CRISIS_WORDS)
    chat.say("/confirm_safe")
    chat.say(ASK_LATER)
    come_back_later(bot.tracker_db, chat.sender)
    back = chat.say("hi")  # "Did you manage to contact them?" is showing
    assert any("Did you manage to contact them?" in text for text in texts(back))
    assert all(word in chat.text("i want to kill myself") for word in CRISIS_WORDS)
