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


def find(text: str) -> list[Span]:
    """The spans to replace, not overlapping, in order."""
    tokens = tokenize(text)
    protected = protected_spans(tokens, text)
    candidates = [
        *contacts.social_urls(text), *contacts.emails(text), *contacts.handles(text),
        *numbers.nhs_numbers(text), *numbers.phones(text),
        *whereabouts.postcodes(text), *whereabouts.addresses(text), *whereabouts.dates_of_birth(text),
        *whereabouts.form_groups(text),
        *find_names(text, tokens, protected),
    ]
    return choose(candidates, protected)


def redact(text: str) -> Redacted:
    spans = find(text)
    return Redacted(apply(text, spans), tuple(dict.fromkeys(span.kind for span in spans)))


def redact_text(text: str | None) -> str | None:
    return redact(text).text if text else text
