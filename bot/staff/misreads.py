"""Likely misreads: messages the bot read confidently as some intent, where what the person
did next says it got them wrong. Fallbacks already show on the gaps page; these do not,
because the bot was sure of itself.

A message counts when the bot was at least `CONFIDENT` sure, and then the person
- wrote the same request again in other words (a rephrase),
- said "no" or "that's not what I asked" (unless the bot had asked a yes/no question),
- was not understood at all on the next message (a fallback), or
- left within two messages, after a reply that was neither a triage question nor services.
Crisis messages are left out: the safety evaluation covers them. So is noise (bot/staff/junk.py:
"s s s", key mashing, a long paste), which the gaps page sets apart whatever intent the model gave it.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.staff.analytics import STILL_CHATTING_SECONDS, Conversation, Message, Turn
from bot.staff.gaps import GAP_INTENTS, normalise, similar
from bot.staff.junk import is_junk
from signposting import responses

CONFIDENT = 0.7
SKIPPED_INTENTS = {"express_crisis", "not_safe", "confirm_safe", "goodbye", "thanks", "stop", *GAP_INTENTS}
NO_INTENTS = {"deny", "change_answer"}
CORRECTION = re.compile(
    r"\b(not what i (asked|meant|said|wanted|typed)|that'?s not (it|right|what)|you('re| are) not listening|"
    r"i (didn'?t|did not|never) (say|ask|mean)|wrong answer|that'?s wrong|no,? i (said|meant|asked)|"
    r"you misunderstood|not that)\b",
    re.IGNORECASE,
)
YES_NO_QUESTIONS = responses.YES_NO_QUESTIONS
NATURAL_ENDINGS = responses.NATURAL_ENDINGS
ON_PATH_PREFIXES = ("utter_ask_", *sorted(responses.SEARCHES), "utter_services", "utter_crisis")
SEARCHES = responses.SEARCHES
SIGNALS = {
    "rephrase": "Asked again in other words",
    "no": "Said no / that's not what I asked",
    "fallback": "Next message not understood",
    "left": "Left soon after",
}


@dataclass(frozen=True)
class Misread:
    message: Message
    signal: str
    next_text: str | None

    @property
    def signal_label(self) -> str:
        return SIGNALS[self.signal]


def _signal(turn: Turn, following: Sequence[Turn], ended_long_ago: bool) -> tuple[str, str | None] | None:
    if following:
        after = following[0]
        text = after.message.text
        again = similar(text, turn.message.text) and not (normalise(text) == normalise(turn.message.text) and len(text.split()) < 2)
        if again:  # a repeated one-word button ("skip", "skip") is not a rephrase
            return "rephrase", text
        searched = any(reply in SEARCHES for reply in turn.replies)
        if after.intent in GAP_INTENTS and not searched:  # after the results, a new question is just that
            return "fallback", text
        asked_yes_no = any(reply in YES_NO_QUESTIONS for reply in turn.replies)
        if CORRECTION.search(text) or (after.intent in NO_INTENTS and not asked_yes_no):
            return "no", text
    if ended_long_ago and len(following) <= 1:
        rest = [turn, *following]
        on_path = any(reply.startswith(ON_PATH_PREFIXES) or reply in NATURAL_ENDINGS for step in rest for reply in step.replies)
        if not on_path and turn.replies:
            return "left", following[0].message.text if following else None
    return None


def misreads(conversation: Conversation, now: float | None = None) -> list[Misread]:
    """The likely misreads in one conversation, in order."""
    ended_long_ago = conversation.ended < (time.time() if now is None else now) - STILL_CHATTING_SECONDS
    key = ("misreads", ended_long_ago)
    if key not in conversation.derived:  # summaries are kept between page views (summaries.py)
        conversation.derived[key] = _misreads(conversation, ended_long_ago)
    return list(conversation.derived[key])  # type: ignore[call-overload]


def _misreads(conversation: Conversation, ended_long_ago: bool) -> list[Misread]:
    typed = conversation.typed
    found = []
    for index, turn in enumerate(typed):
        if turn.intent in SKIPPED_INTENTS or (turn.confidence or 0.0) < CONFIDENT:
            continue
        if is_junk(turn.message.text):  # noise is set apart on the gaps page, whatever the model read it as
            continue
        signal = _signal(turn, typed[index + 1:], ended_long_ago)
        if signal:
            found.append(Misread(turn.message, *signal))
    return found


def all_misreads(items: Iterable[Conversation], now: float | None = None) -> list[Misread]:
    """Every likely misread, most confident first (the most surprising mistakes)."""
    found = [misread for c in items for misread in misreads(c, now)]
    return sorted(found, key=lambda m: (-(m.message.confidence or 0.0), m.message.timestamp, m.message.sender_id))
