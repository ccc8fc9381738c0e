"""Remove personal details from what a user typed, before anything is stored.

Kept: what the triage needs (ages, school years, towns, the outward part of a postcode).
Removed: names given after "my name is"/"I'm called", phone numbers, email addresses,
the inward part of full postcodes, street addresses, dates of birth and school usernames.
Pure functions; `tests/test_redaction.py` lists what each rule catches and leaves alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), "[email]"),
    (
        "phone",
        re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w])"),
        "[phone]",
    ),
    (
        "date_of_birth",
        re.compile(
            rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\.?(?:\s+\d{{4}})?\b"
            rf"|\b{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
            re.IGNORECASE,
        ),
        "[date]",
    ),
    (
        "address",
        re.compile(
            r"\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){1,3}(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|"
            r"crescent|cres|court|ct|grove|place|pl|gardens|gdns|terrace|hill|walk|mews|row|square|sq|rise|view|green)\b\.?",
            re.IGNORECASE,
        ),
        "[address]",
    ),
    (
        "name",
        re.compile(
            r"\b((?i:my name is|my names|my name's|i am called|i'm called|im called|call me|name's|this is)\s+)"
            r"(?!(?i:a|an|the|not|so|really|very|just|in|at|from|year|yr|my|me|on|back|if|when|later|now|please)\b)"
            r"([A-Za-z][a-z'-]+(?:\s[A-Z][a-z'-]+)?)\b"
        ),
        r"\1[name]",
    ),
    (
        # "I'm Sarah and I'm 14": only a capitalised word at the end of a clause, so that
        # "I'm Stevenage based" or "I'm Worried" are left alone.
        "name",
        re.compile(
            r"\b((?i:i'm|im|i am)\s+)(?!(?i:a|an|the|not|so|really|very|just|in|at|from|year|yr)\b)"
            r"([A-Z][a-z'-]+(?:\s[A-Z][a-z'-]+)?)\b(?=\s*(?:$|[,.!?]|and\b|aged?\b|\d))"
        ),
        r"\1[name]",
    ),
    ("username", re.compile(r"\b(?!(?:year|yr|y)\d)(?:[a-z]{3,}\d{2,}|\d{2,}[a-z]{3,})\b", re.IGNORECASE), "[username]"),
]
FULL_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Redacted:
    text: str
    kinds: tuple[str, ...]  # what was removed, e.g. ("phone", "postcode")


def redact(text: str) -> Redacted:
    kinds: list[str] = []
    if FULL_POSTCODE.search(text):
        text = FULL_POSTCODE.sub(lambda match: match.group(1).upper(), text)
        kinds.append("postcode")
    for kind, pattern, replacement in RULES:
        text, count = pattern.subn(replacement, text)
        if count:
            kinds.append(kind)
    return Redacted(text, tuple(dict.fromkeys(kinds)))


def redact_text(text: str | None) -> str | None:
    return redact(text).text if text else text
