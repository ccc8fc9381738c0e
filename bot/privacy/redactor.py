"""Remove personal details from text before it is stored or logged.

Kept: what the triage needs (ages, school years, towns, the outward part of a postcode) and
our own vocabulary (places, schools, services: vocabulary.py). Removed: names (names.py),
contact details and handles (contacts.py), phone and NHS numbers (numbers.py), full
postcodes, addresses, dates of birth and form groups (whereabouts.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.privacy import contacts, numbers, whereabouts
from bot.privacy.names import find_names
from bot.privacy.text import Span, apply, choose, tokenize
from bot.privacy.vocabulary import protected_spans


@dataclass(frozen=True)
class Redacted:
    text: str
    kinds: tuple[str, ...]  # what was removed, e.g. ("phone", "postcode")


# A message typed in capitals ("MY EX CHASE KEEPS TURNING UP OUTSIDE MY HOUSE": development author
# PD6, session 33) has no capital to tell a name by: its names are read as in a message typed in
# lower case, which has the rules for that (names.py).
SHOUTED_MIN_LETTERS = 8
SHOUTED_SHARE = 0.8


def shouted(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= SHOUTED_MIN_LETTERS and sum(char.isupper() for char in letters) >= SHOUTED_SHARE * len(letters)


def _names(text: str, tokens: list, protected: list[tuple[int, int]]) -> list[Span]:
    names = find_names(text, tokens, protected)
    lowered = text.lower()
    if shouted(text) and len(lowered) == len(text):  # the same positions ("İ" lowers to two characters)
        lowered_tokens = tokenize(lowered)
        names += find_names(lowered, lowered_tokens, protected_spans(lowered_tokens, lowered))
    return names


def find(text: str) -> list[Span]:
    """The spans to replace, not overlapping, in order."""
    tokens = tokenize(text)
    protected = protected_spans(tokens, text)
    candidates = [
        *contacts.social_urls(text), *contacts.emails(text), *contacts.handles(text),
        *numbers.nhs_numbers(text), *numbers.phones(text),
        *whereabouts.postcodes(text), *whereabouts.addresses(text), *whereabouts.dates_of_birth(text),
        *whereabouts.form_groups(text),
        *_names(text, tokens, protected),
    ]
    return choose(candidates, protected)


def redact(text: str) -> Redacted:
    spans = find(text)
    return Redacted(apply(text, spans), tuple(dict.fromkeys(span.kind for span in spans)))


def redact_text(text: str | None) -> str | None:
    return redact(text).text if text else text
