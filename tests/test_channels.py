"""The REST channel's lookup of a message already handled (bot.channels.replies_to): pure, over events."""
from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.channels import replies_to
from bot.tracker_store import redact_event

BUTTONS = [{"title": "I'm a young person", "payload": "young person"}]


def said(text: str, message_id: str) -> UserUttered:
    return UserUttered(text, {"name": "inform", "confidence": 1.0}, message_id=message_id)


CONVERSATION = [
    ActionExecuted("action_listen"),
    said("hi", "m-hi-00001"),
    BotUttered("Hi! I'm a chatbot.", {"buttons": None}),
    BotUttered("Who is chatting today?", {"buttons": BUTTONS}),
    ActionExecuted("action_listen"),
    said("young person", "m-role-0001"),
    SlotSet("user_role", "young_person"),
    BotUttered("How old are you?"),
    ActionExecuted("action_listen"),
]


def test_the_replies_to_a_handled_message_are_found_in_order_with_their_buttons():
    assert replies_to(CONVERSATION, "m-hi-00001") == [
        {"text": "Hi! I'm a chatbot.", "buttons": None},
        {"text": "Who is chatting today?", "buttons": BUTTONS},
    ]
    assert replies_to(CONVERSATION, "m-role-0001") == [{"text": "How old are you?"}]


def test_a_message_not_in_the_conversation_is_not_found():
    assert replies_to(CONVERSATION, "m-unknown-01") is None
    assert replies_to([], "m-hi-00001") is None


def test_a_handled_message_the_bot_said_nothing_to_is_found_with_no_replies():
    assert replies_to([*CONVERSATION, said("ok", "m-ok-000001")], "m-ok-000001") == []


def test_the_message_id_survives_redaction_before_storage():
    """The lookup reads the stored conversation: redaction must keep the id (it is random, not personal)."""
    stored = redact_event(said("my name is Sam", "m-name-0001"))
    assert stored.message_id == "m-name-0001" and "Sam" not in stored.text
