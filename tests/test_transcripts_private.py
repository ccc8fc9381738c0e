"""Conversations are stored in SQL, and the personal details users type never are."""
from __future__ import annotations

import sqlite3

import pytest

from tests.servers import running_bot
from tests.test_conversations import Conversation

pytestmark = pytest.mark.servers

PERSONAL = {
    "my name is Jamie Okafor": "Okafor",
    "call me on 07700 900123": "900123",
    "my email is jamie.okafor@example.com": "jamie.okafor@example.com",
    "I live at 12 Brook Road": "Brook Road",
    "born 03/04/2011": "03/04/2011",
}


@pytest.fixture(scope="module")
def bot(seeded_engine, tmp_path_factory):
    with running_bot(str(seeded_engine.url), tmp_path_factory.mktemp("logs")) as running:
        yield running


def test_transcripts_land_in_the_database_without_personal_details(bot):
    chat = Conversation(bot.rasa_url)
    chat.say("hi")
    for text in PERSONAL:
        chat.say(text)
    chat.say("young person")
    chat.say("14")
    chat.say("skip")
    assert "What has been going on" in chat.text("SG1 2AB")  # the full postcode still finds the area
    answer = chat.text("I can't sleep at night")
    assert "Why I picked it" in answer

    stored = bot.tracker_db.read_bytes() + b"".join(
        path.read_bytes() for path in bot.tracker_db.parent.glob("conversations.db-*")
    )
    with sqlite3.connect(bot.tracker_db) as connection:
        rows = connection.execute("select data from events where sender_id = ?", (chat.sender,)).fetchall()
    text = "\n".join(row[0] for row in rows)
    assert "I can't sleep at night" in text  # the conversation really is in the database
    assert "SG1" in text
    for raw in [*PERSONAL.values(), "2AB"]:
        assert raw not in text, raw
        assert raw.encode() not in stored, raw
