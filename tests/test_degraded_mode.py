"""When parts fail, the user still gets the crisis reply and national help, never silence."""
from __future__ import annotations

import pytest

from bot.launcher import BotSpec, running_bots
from tests.test_conversations import CRISIS_WORDS, Conversation

pytestmark = pytest.mark.servers
UNAVAILABLE = "can't look up services right now"


@pytest.fixture(scope="module")
def degraded_bots(seeded_engine, tmp_path_factory):
    """A bot without its action server and a bot whose services database is gone, started together."""
    missing = tmp_path_factory.mktemp("nodb") / "gone" / "services.db"
    specs = [
        BotSpec(str(seeded_engine.url), tmp_path_factory.mktemp("logs"), with_actions=False),
        BotSpec(f"sqlite:///{missing}", tmp_path_factory.mktemp("logs")),
    ]
    with running_bots(specs) as bots:
        yield bots


@pytest.fixture(scope="module")
def bot_without_action_server(degraded_bots):
    return degraded_bots[0]


@pytest.fixture(scope="module")
def bot_without_database(degraded_bots):
    return degraded_bots[1]


def test_with_the_action_server_down_a_greeting_gets_national_help(bot_without_action_server):
    reply = Conversation(bot_without_action_server.rasa_url).text("hi")
    assert "not a counsellor" in reply
    assert UNAVAILABLE in reply and "0800 1111" in reply and "116 123" in reply


def test_with_the_action_server_down_a_crisis_still_gets_the_crisis_reply(bot_without_action_server):
    chat = Conversation(bot_without_action_server.rasa_url)
    chat.say("hi")
    reply = chat.text("i want to kill myself")
    assert all(word in reply for word in CRISIS_WORDS) and "Are you safe right now?" in reply
    after = chat.text("/confirm_safe")
    assert "glad you're safe" in after  # no form was running: it offers to look for support


def test_with_the_action_server_down_every_answer_still_gets_a_reply(bot_without_action_server):
    chat = Conversation(bot_without_action_server.rasa_url)
    for text in ["hi", "young person", "14", "stevenage", "can't sleep"]:
        assert chat.text(text).strip(), text


def test_with_the_database_gone_the_triage_ends_in_national_help(bot_without_database):
    chat = Conversation(bot_without_database.rasa_url)
    for text in ["hi", "young person", "14", "skip", "Stevenage"]:
        assert chat.text(text).strip(), text
    answer = chat.text("low mood")
    assert UNAVAILABLE in answer and "999" in answer


def test_with_the_database_gone_a_crisis_still_gets_the_crisis_reply(bot_without_database):
    reply = Conversation(bot_without_database.rasa_url).text("i took an overdose")
    assert all(word in reply for word in CRISIS_WORDS)


@pytest.mark.parametrize(
    ("message", "must_show"),
    [
        ("i want to kill myself", ["999", "0800 1111", "116 123"]),
        ("i fainted twice today and haven't eaten in 4 days", ["999", "A&E", "111"]),
        ("he says he will send my pics to everyone unless i pay", ["Report Remove", "ceop.police.uk"]),
        ("i owe them money and they made me hold it for them", ["999", "0800 1111"]),
        ("they are taking me to pakistan to marry my cousin", ["020 7008 0151", "101"]),
        ("im sleeping in a stairwell tonight", ["116 000"]),
        ("the voices tell me to hurt my brother", ["999", "111"]),
        ("my best friend has been cutting herself and sent me a goodbye message", ["looking out for them", "999"]),
        ("Moja córka chce się zabić", ["999", "Zadzwoń pod 999"]),
    ],
)
def test_with_the_action_server_down_each_kind_of_danger_gets_its_crisis_reply(bot_without_action_server, message, must_show):
    reply = Conversation(bot_without_action_server.rasa_url).text(message)
    assert all(text in reply for text in must_show), reply
