"""Content gaps: group the messages the bot could not place, so one question is one row.

Leader clustering with rapidfuzz: messages are normalised, counted, and taken most
frequent first; each joins the first group whose leader it resembles (token set ratio at
or above `THRESHOLD`), or starts a new group. Deterministic for the same messages.
Every script and accent is kept (Polish, Urdu, Bengali…); junk (bot.staff.junk) is set
apart, and each group knows its language so the page can list them language by language.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from bot.staff.analytics import Conversation, Message
from bot.staff.junk import REASONS, junk_reason
from signposting.languages import detect_language

# The intents whose messages count as content gaps. One list, so a new "can't do that" intent
# (email, print, another language…) is a one-line change here.
GAP_INTENTS: tuple[str, ...] = (
    "nlu_fallback",
    "out_of_scope",
    # Requests the bot cannot do yet (issue #12b): answered honestly, and counted here.
    "request_email",
    "request_print",
    "request_other_language",
)
THRESHOLD = 75
EXAMPLES = 3
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
# Small words that make unrelated questions look alike to a token-set comparison.
_STOP = {
    "a", "an", "the", "is", "are", "i", "you", "me", "my", "to", "of", "do", "can", "it", "in", "on", "for",
    "there", "what", "where", "when", "who", "how", "any", "please", "like", "some", "hi", "hello",
}
_SAME = {"nearby": "near", "nearest": "near", "close": "near"}
SIMILAR_MEMBERS = 5
HEADING_LENGTH = 120
ENGLISH = "English"
LANGUAGES = {
    "ar": "Arabic", "ur": "Urdu", "hi": "Hindi", "bn": "Bengali", "pa": "Punjabi", "gu": "Gujarati", "pl": "Polish",
    "ro": "Romanian", "es": "Spanish", "pt": "Portuguese", "tr": "Turkish", "lt": "Lithuanian", "fr": "French",
    "it": "Italian", "de": "German", "nl": "Dutch", "so": "Somali",
}


def gap_messages(items: Iterable[Conversation]) -> list[Message]:
    """The messages the bot could not place: typed (not the widget's greeting), with a gap intent."""
    return [turn.message for c in items for turn in c.typed if turn.intent in GAP_INTENTS]


def normalise(text: str) -> str:
    """Lower case words, every script and accent kept ("Gdzie mogę…" stays Polish)."""
    return " ".join(_WORDS.findall(text.lower().replace("’", "'")))


def _word(word: str) -> str:
    word = word.replace("'", "")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return _SAME.get(word, word)


@lru_cache(maxsize=100_000)
def _key(text: str) -> str:
    words = [_word(word) for word in normalise(text).split()]
    kept = [word for word in words if word not in _STOP]
    return " ".join(kept or words)


def similar(a: str, b: str, threshold: int = THRESHOLD) -> bool:
    key_a, key_b = _key(a), _key(b)
    if not key_a or not key_b:
        return key_a == key_b
    words_a, words_b = key_a.split(), key_b.split()
    if len(words_a) == 1 or len(words_b) == 1:
        # One word: a near-identical spelling, or that word in a two-word message ("weather today").
        short, other = (words_a, words_b) if len(words_a) == 1 else (words_b, words_a)
        return fuzz.ratio(key_a, key_b) >= 85 or (short[0] in other and len(other) <= 2)
    return fuzz.token_set_ratio(key_a, key_b) >= threshold


@dataclass
class Gap:
    leader: str
    messages: list[Message] = field(default_factory=list)
    title: str | None = None  # kept through a merge: the group's own heading, not the merged-in wording

    @property
    def members(self) -> list[str]:
        """The distinct normalised texts, leader first."""
        return list(dict.fromkeys([self.leader, *(normalise(message.text) for message in self.messages)]))

    @property
    def count(self) -> int:
        return len(self.messages)

    @property
    def conversations(self) -> list[str]:
        return sorted({message.sender_id for message in self.messages})

    @property
    def examples(self) -> list[str]:
        counts = Counter(message.text for message in self.messages)
        return [text for text, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))][:EXAMPLES]

    @property
    def intents(self) -> list[str]:
        return sorted({message.intent or "" for message in self.messages})

    @property
    def heading(self) -> str:
        """The most common wording as people typed it (accents and all), shortened."""
        text = " ".join((self.title or (self.examples or [self.leader])[0]).split())
        return text if len(text) <= HEADING_LENGTH else text[: HEADING_LENGTH - 1].rstrip() + "…"

    @property
    def language(self) -> str:
        return language_of(self.examples[0] if self.examples else self.leader)


@lru_cache(maxsize=4096)
def language_of(text: str) -> str:
    guess = detect_language(text)
    return LANGUAGES.get(guess.code, guess.code) if guess else ENGLISH


@dataclass
class JunkGroup:
    """Messages set apart as noise, by reason; shown collapsed."""

    reason: str
    messages: list[Message] = field(default_factory=list)

    @property
    def label(self) -> str:
        return REASONS[self.reason]

    @property
    def count(self) -> int:
        return len(self.messages)

    @property
    def examples(self) -> list[str]:
        counts = Counter(message.text for message in self.messages)
        shown = [text for text, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))][:EXAMPLES]
        return [text if len(text) <= HEADING_LENGTH else text[: HEADING_LENGTH - 1] + "…" for text in shown]


    def by_text(self) -> list[tuple[str, list[Message]]]:
        """Each distinct message with its occurrences, most frequent first (for the CSV)."""
        texts: dict[str, list[Message]] = {}
        for message in self.messages:
            texts.setdefault(message.text, []).append(message)
        return sorted(texts.items(), key=lambda item: (-len(item[1]), item[0]))


def split_junk(messages: Iterable[Message]) -> tuple[list[Message], list[JunkGroup]]:
    """(real messages, junk groups by reason, biggest first)."""
    real: list[Message] = []
    junk: dict[str, JunkGroup] = {}
    for message in messages:
        reason = junk_reason(message.text)
        if reason is None:
            real.append(message)
        else:
            junk.setdefault(reason, JunkGroup(reason)).messages.append(message)
    return real, sorted(junk.values(), key=lambda group: (-group.count, group.reason))


def by_language(found: Iterable[Gap]) -> list[tuple[str, list[Gap]]]:
    """Groups under their language: English first, then the others by how often asked."""
    languages: dict[str, list[Gap]] = {}
    for gap in found:
        languages.setdefault(gap.language, []).append(gap)
    return sorted(languages.items(), key=lambda item: (item[0] != ENGLISH, -sum(g.count for g in item[1]), item[0]))


def cluster(messages: Iterable[Message], threshold: int = THRESHOLD) -> list[Gap]:
    """Groups of similar messages, biggest first (ties: alphabetical by leader)."""
    by_text: dict[str, list[Message]] = {}
    for message in messages:
        by_text.setdefault(normalise(message.text), []).append(message)
    gaps: list[Gap] = []
    for text, group in sorted(by_text.items(), key=lambda item: (-len(item[1]), item[0])):
        for gap in gaps:
            if any(similar(member, text, threshold) for member in gap.members[:SIMILAR_MEMBERS]):
                gap.messages.extend(group)
                break
        else:
            gaps.append(Gap(text, list(group)))
    return sorted(gaps, key=lambda gap: (-gap.count, gap.leader))
