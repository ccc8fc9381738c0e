"""Where and when a person can be found: full postcodes (the outward code is kept: the triage
needs it), street addresses, dates of birth and school form groups ("9C", "form 8R")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.text import Span
from services_db.postcodes import POSTCODE_AREAS

FULL_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b", re.IGNORECASE)

_STREET = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|grove|gr|place|pl|"
    r"gardens|gdns|terrace|hill|walk|mews|row|square|sq|rise|view|green|parade|boulevard|park|croft|wharf|"
    r"vale|meadow|meadows|chase|approach|fields)"
)
# Words that never make up a street's name ("10, i want to end it all" is not an address).
_NOT_STREET_WORDS = r"(?!(?:i|im|to|want|and|the|my|is|am|a|an|in|on|at|of|for|it|all|year|yr|but|so|me|you|years?)\b)"
_NUMBERED_STREET = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit)\s*\d+[a-z]?,?\s+)?(?:(?:house\s+)?(?:number|no\.?)\s*)?\d{{1,4}}[a-z]?,?\s+"
    rf"(?:on\s+|in\s+)?(?:the\s+)?(?:{_NOT_STREET_WORDS}[A-Za-z'-]+\s+){{0,3}}{_STREET}\b\.?",
    re.IGNORECASE,
)
# "2 Coronation Cottages" (development author PD6): endings that are everyday words too ("2 heights
# of shelves"), so only after a capitalised name.
# "57a Belgrave Gate" (development author PD8) likewise; never "2 Scotland Yard officers", "2 Lloyds Bank cards".
_NAMED_ROW = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z'-]+\s+){1,2}(?:Cottages|Cotts|Orchard|Heights|Paddocks|Gate|Mount|Leys)\b"
)
# "41 Kingsway", "7 Broadgate": one capitalised word that is a street name by its ending.
_ONE_WORD_STREET = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+[A-Z][a-z]+(?:way|gate|side|field|fields|wood|croft|mead|dale|holme)\b"
    # with "The", only where the address ends: "66 The Ridgeway, Potters Bar" (PD8); never "2 The Broadway tickets"
    r"|\b\d{1,4}[a-z]?,?\s+The\s+[A-Z][a-z]+(?:way|gate|side|field|fields|wood|croft|mead|dale|holme)\b"
    r"(?=\s*(?:[,.!?\n]|$|and\b|now\b|please\b|pls\b|[^\w\s]))"
)
# "I live on Brook Road": no number, but a cue.
_CUED_STREET = re.compile(
    rf"\b(?:live|lives|living|stay|stays|staying|moved|house|flat|home|address)\b\s+(?:is\s+)?(?:on|in|at|off|to)\s+"
    rf"((?:the\s+)?(?:[A-Za-z'-]+\s+){{1,3}}{_STREET})\b\.?",
    re.IGNORECASE,
)
# "Brook Road", capitalised, with a suffix that is nearly always a street.
_NAMED_STREET = re.compile(
    r"\b(?:[A-Z][a-z'-]+\s+){1,3}(?:Road|Rd|Street|Avenue|Ave|Lane|Drive|Crescent|Close|Gardens|Terrace|Mews|"
    r"Grove)\b\.?"
)
# "flat 3b kings court": a flat's number, then the building, with no house number.
_FLAT_IN_A_BUILDING = re.compile(  # and a plot on a site: "Plot 6, Long Lane" (development author PD8)
    rf"\b(?:flat|apartment|apt|unit|plot|pitch)\s*\d+[a-z]?,?\s+(?:{_NOT_STREET_WORDS}[A-Za-z'-]+\s+){{1,3}}{_STREET}\b\.?",
    re.IGNORECASE,
)
# "we live at 5 The Paddocks": a house number and a name with "The", after a cue.
_CUED_THE_STREET = re.compile(
    r"\b(?:live|lives|lived|living|stay|stays|stayed|staying|moved|address(?: is)?:?)\s+(?:at|to|is)?\s*"
    r"(\d{1,4}[a-z]?,?\s+[Tt]he\s+[A-Za-z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)(?=\s*(?:[,.!?]|$|\s+(?:in|near|by)\b))"
)
_PLACING_WORDS = frozenset("the a corner of end top bottom near by off same".split())
_FLAT = re.compile(r"\b(?:flat|apartment|apt)\s*\d+[a-z]?\b", re.IGNORECASE)

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
# Full dates (with a year): nearly always a birthday in these chats.
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})\b|\b(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}\b"
    rf"|\b{_ORDINAL}\s+(?:of\s+)?{MONTHS}\.?,?\s+(?:19|20)\d{{2}}\b"
    rf"|\b{MONTHS}\.?\s+(?:the\s+)?{_ORDINAL},?\s+(?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
# Dates without a year, or a month and year: only shortly after a birthday cue.
_BIRTHDAY_CUE = re.compile(
    r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?|date of birth|birth date|birthdate|turns? \d{1,2}(?: on)?)(?!\w)",
    re.IGNORECASE,
)
_PARTIAL_DATE = re.compile(
    rf"{_ORDINAL}\s+(?:of\s+)?{MONTHS}\b\.?|{MONTHS}\.?\s+(?:the\s+)?{_ORDINAL}\b"
    rf"|(?:{MONTHS}\s+)?(?:19|20)\d{{2}}\b|\d{{1,2}}[/.-]\d{{1,2}}\b",
    re.IGNORECASE,
)

# "9C", "7JB", "10X" (capitals), or after a cue in any case: "form 8r", "in 9c", "tutor group 10hw".
# After a cue, "MB" in capitals is a tutor's initials ("its Rhiannon (Rhi) in 11MB": development author
# PD5); "in 10mb chunks" is megabytes (the review, session 33).
_FORM_SHAPE = r"(?:[7-9]|1[0-3])(?!am\b|pm\b|th\b|st\b|nd\b|rd\b|s\b|k\b|gb\b|(?-i:mb|Mb)\b)[A-Za-z]{1,3}\d?"
_FORM_CAPITALS = re.compile(r"(?<![\w/])(?:[7-9]|1[0-3])(?!AM\b|PM\b|TH\b|ST\b|ND\b|RD\b|K\b|GB\b|MB\b|KB\b)[A-Z]{1,3}(?![\w/])")
_FORM_CUED = re.compile(
    rf"\b(?:form|form group|tutor group|tutor|class|reg group|registration|registration group|in)\s*:?\s*({_FORM_SHAPE})\b",
    re.IGNORECASE,
)


# "form 9 Oak", "my form group is 11 W": a year and a house or tutor's initials, after a cue.
_FORM_NAMED = re.compile(
    r"\b(?:form|form group|tutor group|reg group|registration group)\s*(?:is\s*)?:?\s*((?:[7-9]|1[0-3])\s?(?:[A-Z][a-z]+|[A-Z]{1,3}))\b"
)


def postcodes(text: str) -> Iterator[Span]:
    for match in FULL_POSTCODE.finditer(text):
        outward = match.group(1).upper()
        if re.match(r"[A-Z]+", outward).group(0) in POSTCODE_AREAS:  # type: ignore[union-attr]
            yield Span(match.start(), match.end(), "postcode", outward)


def addresses(text: str) -> Iterator[Span]:
    # A house number or "I live on" makes it an address even when a word in it is one of ours
    # ("12 Brook Road": Brook is also a service).
    for pattern in (_NUMBERED_STREET, _ONE_WORD_STREET, _NAMED_ROW, _FLAT, _FLAT_IN_A_BUILDING):
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), "address", "[address]", overrides_vocabulary=True)
    for match in _CUED_THE_STREET.finditer(text):
        yield Span(match.start(1), match.end(1), "address", "[address]", overrides_vocabulary=True)
    for match in _CUED_STREET.finditer(text):
        start = match.start(1)
        # "on the corner of Mill Lane": the street starts after the words that place it.
        for word in re.finditer(r"\S+\s+", match.group(1)):
            if word.group().strip().lower() not in _PLACING_WORDS:
                break
            start = match.start(1) + word.end()
        yield Span(start, match.end(1), "address", "[address]", overrides_vocabulary=True)
    for match in _NAMED_STREET.finditer(text):
        yield Span(match.start(), match.end(), "address", "[address]")


def dates_of_birth(text: str) -> Iterator[Span]:
    for match in _FULL_DATE.finditer(text):
        yield Span(match.start(), match.end(), "date_of_birth", "[date]")
    for cue in _BIRTHDAY_CUE.finditer(text):
        window_end = min(len(text), cue.end() + 30)
        partial = _PARTIAL_DATE.search(text, cue.end(), window_end)
        if partial and not re.search(r"[.!?\n]", text[cue.end():partial.start()]):
            yield Span(partial.start(), partial.end(), "date_of_birth", "[date]")


def form_groups(text: str) -> Iterator[Span]:
    for match in _FORM_CAPITALS.finditer(text):
        yield Span(match.start(), match.end(), "form_group", "[form]")
    for pattern in (_FORM_CUED, _FORM_NAMED):
        for match in pattern.finditer(text):
            # "form 8R" goes whole (the form group is written so); "in 9C" and "my form is 8R" keep
            # their other words.
            cue_next_to_it = re.fullmatch(r"(?:form|form group|tutor group|tutor|class|reg group|registration(?: group)?) ?",
                                          text[match.start():match.start(1)], re.IGNORECASE)
            start = match.start(1) if match.group().lower().startswith("in") or not cue_next_to_it else match.start()
            yield Span(start, match.end(1), "form_group", "[form]", overrides_vocabulary=True)
