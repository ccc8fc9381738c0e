"""What a user sends is text, never an instruction to Rasa (issue #15, input hardening).

Rasa reads a message that starts with "/" as an intent with entities: "/restart" restarts
the conversation, "/session_start" leaves it silent, '/inform{"age": 99}' sets a slot. A
person can type any of those. Only the payloads of the bot's own buttons may arrive as
intents; any other message that starts with "/" loses its leading slashes and is read as
the words it is ("/help" is "help", "/i want to die" is checked for risk like any message).

domain.yml cannot import Python, so it keeps its own copy of the buttons;
tests/test_typed_text.py checks that every button payload there starting with "/" is listed
here, and no other.
"""
from __future__ import annotations

import re

# The "/" payloads of the buttons in domain.yml: the crisis question, the yes/no questions
# that read taps as intents, "Did this help?" and a parent's way back to their child's help.
BUTTON_INTENT_PAYLOADS: frozenset[str] = frozenset({
    "/confirm_safe",
    "/not_safe",
    "/affirm",
    "/deny",
    "/back_to_child_help",
    '/feedback{"feedback_answer": "helpful_yes"}',
    '/feedback{"feedback_answer": "helpful_no"}',
    '/feedback{"feedback_answer": "contacted_yes"}',
    '/feedback{"feedback_answer": "contacted_not_yet"}',
    '/feedback{"feedback_answer": "contacted_rather_not_say"}',
    '/feedback{"feedback_answer": "ask_later_yes"}',
    '/feedback{"feedback_answer": "ask_later_no"}',
})

_LEADING_SLASHES = re.compile(r"^[\s/]+")
# Instead of a message that is only slashes: Rasa never reads "?" as an intent, and the bot's
# reply to a message it does not understand re-asks its question.
ONLY_SLASHES = "?"


def is_button_payload(text: str) -> bool:
    """True for exactly one of the bot's own "/" button payloads (as a tap sends it)."""
    return text.strip() in BUTTON_INTENT_PAYLOADS


def as_user_text(text: str) -> str:
    """`text` as Rasa should read it: unchanged unless it starts with "/" and is not a button's payload."""
    stripped = text.strip()
    if not stripped.startswith("/") or stripped in BUTTON_INTENT_PAYLOADS:
        return text
    return _LEADING_SLASHES.sub("", stripped) or ONLY_SLASHES
