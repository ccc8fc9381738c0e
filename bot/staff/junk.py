"""Is an unanswered message junk (noise, not a question staff could answer)?

Junk goes into its own collapsed group on the gaps page, so that key-mashing, "s s s",
script payloads and pasted essays do not push real questions down. Each rule names why,
and staff can still open the group. Only Latin-script text is judged by its letters:
a message in Urdu or Bengali is never junk for having no English vowels.
"""
from __future__ import annotations

import re
from functools import lru_cache

MAX_LENGTH = 300  # characters; longer is a paste, not a question
MARKUP = re.compile(
    r"<\s*/?\s*[a-z!][^>]*>|javascript:|\bon(error|load|click)\s*=|^\s*[=+@-]\s*[a-z]+\(|\{\{.*\}\}|\$\{",
    re.IGNORECASE | re.DOTALL,
)
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
LATIN_LETTER = re.compile(r"[a-zà-ɏ]", re.IGNORECASE)
VOWELS = set("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿąęėįųūő")
CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{6,}", re.IGNORECASE)
REASONS = {
    "markup": "Code or markup",
    "too_long": "Very long text",
    "no_letters": "No words",
    "repeated": "Repeated characters",
    "key_mashing": "Key-mashing",
}


def _walks() -> re.Pattern[str]:
    runs = {row[start:start + 5] for row in KEYBOARD_ROWS for start in range(len(row) - 4)}
    return re.compile("|".join(sorted(runs | {run[::-1] for run in runs})))


# Five or more keys in a row along one keyboard row ("asdfg", "lkjhg").
KEYBOARD_WALK = _walks()


@lru_cache(maxsize=100_000)
def junk_reason(text: str) -> str | None:
    """The key of `REASONS` that makes this message junk, or None for a real message."""
    stripped = text.strip()
    if MARKUP.search(stripped):
        return "markup"
    if len(stripped) > MAX_LENGTH:
        return "too_long"
    letters = [ch for ch in stripped if ch.isalpha()]
    if not letters:
        return "no_letters"
    folded = "".join(letters).lower()
    distinct = len(set(folded))
    if (distinct == 1 and len(folded) >= 3) or (distinct == 2 and len(folded) >= 6):  # "s s s", "hhhhh", "ababab"
        return "repeated"
    if re.search(r"(.)\1{4,}", folded) and len(set(folded)) <= 4:
        return "repeated"
    latin = [ch for ch in folded if LATIN_LETTER.match(ch)]
    if len(latin) < len(folded) * 0.8:
        return None  # another script: the rules below are about Latin letters
    words = re.findall(r"[^\W\d_]+", stripped.lower())
    if any(KEYBOARD_WALK.search(word) for word in words):
        return "key_mashing"
    if any(CONSONANT_RUN.search(word) for word in words):
        return "key_mashing"
    if len(latin) >= 6 and sum(1 for ch in latin if ch in VOWELS) / len(latin) < 0.12:
        return "key_mashing"
    return None


def is_junk(text: str) -> bool:
    return junk_reason(text) is not None
