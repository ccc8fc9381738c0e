"""Phone numbers (any UK or international format, also spelled out in words), NHS numbers
and other long numbers. Phone numbers are found by `phonenumbers` (Google's libphonenumber);
the directory's own numbers (Childline, Samaritans, 999...) are kept."""
from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from bot.privacy.text import Span
from bot.privacy.vocabulary import service_numbers

# Ten digits, however spaced: "943 476 5919", "9434765919", "943-476-5919".
TEN_DIGITS = re.compile(r"(?<![\d+])\d(?:[ \-.]?\d){9}(?![\d])")
NHS_CUE = re.compile(r"\bnhs\b|\bhealth (?:service )?number\b|\bchi number\b", re.IGNORECASE)
MIN_PHONE_DIGITS = 7  # "2011" or "14" are never phone numbers, whatever libphonenumber allows
# Any other run of 8 or more digits: a student number, an account, a phone number in a shape
# libphonenumber rejects. Slashes are left to dates.
LONG_NUMBER = re.compile(r"(?<![\d])\+?\(?\d(?:[ \-.()]{0,2}\d){7,}(?![\d])")
PHONE_CUE = re.compile(
    r"\b(?:call|ring|text|phone|mobile|number|no\.?|tel|whatsapp|contact)\b(?:\s+(?:me|him|her|us|them|on|is|at|my|mum|dad|it's|its))*\s*:?\s*$",
    re.IGNORECASE,
)
SHORT_NUMBER = re.compile(r"(?<![\d])\d(?:[ \-]?\d){4,6}(?![\d])")

_SPOKEN = re.compile(
    r"\b(?:(?:double|triple)\s+)?(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|\d)\b"
    r"|\b(?:hundred|thousand)\b",  # "nine hundred": "900" (development author PD6)
    re.IGNORECASE,
)


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's modulus 11 check (NHS Data Dictionary)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=False))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def nhs_numbers(text: str) -> Iterator[Span]:
    for match in TEN_DIGITS.finditer(text):
        cue = NHS_CUE.search(text[max(0, match.start() - 40):match.start()])
        if nhs_check_digit_ok(_digits(match.group())) or cue:
            yield Span(match.start(), match.end(), "nhs_number", "[NHS number]")


def phones(text: str) -> Iterator[Span]:
    ours = service_numbers()
    for found in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        digits = _digits(found.raw_string)
        if len(digits) < MIN_PHONE_DIGITS or digits in ours or (digits.startswith("44") and "0" + digits[2:] in ours):
            continue
        yield Span(found.start, found.end, "phone", "[phone]")
    for match in LONG_NUMBER.finditer(text):
        digits = _digits(match.group())
        if digits in ours:
            continue
        kind = "phone" if match.group().startswith(("0", "+", "(")) else "number"
        yield Span(match.start(), match.end(), kind, "[phone]" if kind == "phone" else "[number]")
    for match in SHORT_NUMBER.finditer(text):  # "ring me on 730570"
        if PHONE_CUE.search(text[max(0, match.start() - 40):match.start()]) and _digits(match.group()) not in ours:
            yield Span(match.start(), match.end(), "phone", "[phone]")
    yield from _spoken_numbers(text)


def _spoken_numbers(text: str) -> Iterator[Span]:
    """'oh seven seven double oh nine...': seven or more digits in words (or mixed)."""
    run: list[re.Match[str]] = []
    for match in _SPOKEN.finditer(text):
        if run and text[run[-1].end():match.start()].strip(" ,-.") != "":
            yield from _spoken_run(run)
            run = []
        run.append(match)
    yield from _spoken_run(run)


# A phone number starts with 0: only then are "hundred" and "thousand" its digits ("oh seven seven
# double oh nine hundred…"), never in "two thousand nine hundred for rent" (the review, session 33).
_ZERO = frozenset({"zero", "oh", "o", "nought", "0"})


def _spoken_run(run: list[re.Match[str]]) -> Iterator[Span]:
    count = 0
    phone_like = bool(run) and run[0].group().lower().split()[-1] in _ZERO
    for match in run:
        words = match.group().lower().split()
        repeat = {"double": 2, "triple": 3}.get(words[0], 1) if len(words) > 1 else 1
        tens = {"hundred": 2, "thousand": 3}.get(words[0])
        count += repeat if tens is None else (tens if phone_like else 0)
    if count >= 7 and any(not match.group().isdigit() for match in run):
        yield Span(run[0].start(), run[-1].end(), "phone", "[phone]")
