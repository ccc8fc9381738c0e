"""Scripted conversations posted to the real bot's REST webhook, for demos and the browser tests.

They cover every staff page: local services, no local service, people leaving at a question,
crisis, questions the bot can't answer (several wordings of each), personal details that the
tracker store must redact, and script-injection attempts that the pages must escape. Issue 14:
noise (key-mashing, "s s s", a long paste) that the gaps page sets apart, requests the model
reads confidently and wrongly (likely misreads, told by the "that's not what I asked" after
them), and answers to "Did this help?".
"""
from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Sequence

# Raw personal details typed into the chats below; none may ever be found in the database.
PERSONAL_DETAILS = ("Jodie Smith", "07700 900123", "07700900123", "jodie.smith@example.com", "14 Elm Grove", "SG1 2AB")
INJECTION = "<script>alert('staff')</script>"
# Issue 14: noise for the gaps page's "Set apart" group, and two likely misreads: the trained
# model reads the first as asking for help (so the questions start) and the second as a
# parent's own help, both surely (0.92 and 0.97 on 2026-11-30). If the model stops misreading
# them, tests/test_staff_browser.py says so: pick others.
JUNK = ("asdfghjkl", "s s s", "<<<>>> " * 50)
# A second message of each kind, in a conversation of its own: a training may read one junk
# message as a confident intent (then it is no gap), and the page must still show each kind.
MORE_JUNK = ("qwertyuiop", "hhhhhhhh", "la " * 120)
# Requests a training may misread with confidence. "is there anything for dyslexia" was the parent's
# own help until session 45 (help for the parent now needs the speaker named): it is searched now.
# "whats the wifi password" is read as a question about privacy.
MISREADS = ("how do i get a passport", "is there anything for dyslexia", "whats the wifi password")
NOT_WHAT_I_ASKED = "no, that's not what I asked"
HELPED = '/feedback{"feedback_answer": "helpful_yes"}'  # the "Yes" button of "Did this help?"
ASK_LATER_NO = '/feedback{"feedback_answer": "ask_later_no"}'

CONVERSATIONS: tuple[tuple[str, ...], ...] = (
    # Young people and parents in our areas: local services (one with personal details).
    ("hi", "my name is Jodie Smith, call me on 07700 900123", "young person", "14", "skip", "SG1 2AB", "I can't sleep at night"),
    ("hi", "young person", "I'm in year 9", "skip", "Stevenage", "I feel really low"),
    ("hi", "my son is 12", "skip", "Leicester", "he is being bullied at school"),
    # Outside our areas: national services only.
    ("hi", "my daughter is 9", "skip", "Manchester", "she is anxious"),
    ("hi", "young person", "16", "skip", "Bristol", "exam stress"),
    # People who leave at a question.
    ("hi", "young person", "my email is jodie.smith@example.com"),
    ("hi", "young person"),
    ("hi", "young person", "15", "skip"),
    # Crisis.
    ("hi", "young person", "14", "i want to kill myself"),
    # Questions the bot can't answer: several wordings of the same one, and injection attempts.
    ("is there a youth club near me", "any youth clubs near me?", "young person"),
    ("what is the weather today", "I live at 14 Elm Grove"),
    ("what's the weather like tomorrow", "any youth club near me"),
    (INJECTION, "who won the football", "<img src=x onerror=alert(1)>"),
    # Issue 14: noise, likely misreads, and "Did this help?" answered.
    JUNK,
    MORE_JUNK,
    (MISREADS[0], NOT_WHAT_I_ASKED),
    ("hi", MISREADS[1], NOT_WHAT_I_ASKED),
    ("hi", MISREADS[2], NOT_WHAT_I_ASKED),
    ("hi", "young person", "15", "skip", "Watford", "exam stress", HELPED, ASK_LATER_NO),
)


def post(webhook: str, sender: str, text: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(webhook, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - the bot's own REST channel
        return json.loads(response.read())


def seed(rasa_url: str, conversations: Sequence[Sequence[str]] = CONVERSATIONS) -> list[str]:
    """Run each conversation through the bot; returns the sender ids used."""
    webhook = rasa_url.rstrip("/") + "/webhooks/rest/webhook"
    senders = []
    for messages in conversations:
        sender = "seed-" + uuid.uuid4().hex
        for text in messages:
            post(webhook, sender, text)
        senders.append(sender)
    return senders
