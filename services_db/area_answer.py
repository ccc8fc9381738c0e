"""A plain answer to "Where do you live?": place names, a postcode and the words people put
around them, and nothing else.

The risk model scored ordinary answers to the area question at check level ("beaumont leys,
leicester", "Debden estate in Loughton", "Narborough Road, Leicester": development authors D8
and D10), so people were asked "Are you thinking about hurting yourself…?" for saying where they
live. `signposting.plain_answer` waives the check for a plain answer to who is chatting, the age
and the school; the places are here, in the gazetteer's data, so this module gives it the test
for the area (`signposting.plain_answer.is_plain_answer(..., place_answer=...)`).

The grammar is closed: every word is part of a known place name or postcode, or one of the few
words that go around them (`_AROUND`: "in", "near", "just outside", "estate", "road"…). A place
name that is an everyday word ("over", "eye", "wing") does not count, so no sentence can be built
from names and these words ("its over" is not Over, Cambridgeshire).
"""
from __future__ import annotations

import logging
from functools import lru_cache

from services_db.gazetteer import INWARD_CODE, is_everyday
from services_db.places import all_aliases
from services_db.postcodes import is_outward_code

# The words around a place in an answer, and only these: where, how near, which part, and the
# last words of a street's or an estate's name. Never "home", "not", "my", "safe", "alone"...
_AROUND = frozenset(
    """i im we were are am our live lives living moved moving now in near nr at the a just outside of on by off round around close to
    part side north south east west central centre center city town village county council area bit estate
    road rd street st lane avenue ave way drive crescent its is and or between from based postcode""".split()
)
# Who lives where, said of a child and a parent ("he lives with me in Hinckley, his mum's in
# Nuneaton" got the abuse reply from the risk model, 0.84: a user trial, session 44). Whole phrases,
# never their words alone: "he", "me", "mum" open no bag.
_SOMEONE = ("he", "she", "they")
_LIVES = ("lives", "live", "stays", "stay", "is", "s")
_WITH = ("me", "us", "his mum", "her mum", "their mum", "his dad", "her dad", "their dad")
_PARENT = ("his mum", "her mum", "their mum", "his dad", "her dad", "their dad", "his mom", "her mom", "their mom")
_AROUND_PHRASES = frozenset(
    [f"{who} {lives} with {whom}" for who in _SOMEONE for lives in _LIVES for whom in _WITH]
    + [f"{parent}s" for parent in _PARENT]  # "his mum's in nuneaton", normalised
    + [f"{parent} {verb}" for parent in _PARENT for verb in ("is", "lives", "s")]
)
MAX_NAME_WORDS = 5
logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every name and postcode district the gazetteer knows, normalised (its aliases)."""
    return frozenset(row.alias for row in all_aliases())


def _a_name(gram: str) -> bool:
    return gram in _place_names() and not is_everyday(gram)


def is_plain_area_answer(core: str) -> bool:
    """Is `core` (normalised, greetings and politeness taken off: `signposting.plain_answer._core`)
    only places and the words around them, with at least one place? Longest names first, left to
    right: "st albans" is a name before "st" is a street word. Never raises: the crisis policy
    asks it, and without the place names no answer is plain, so the check question comes."""
    try:
        return _only_places(core.split())
    except Exception:  # noqa: BLE001 - unreadable place data must never take a reply down
        logger.exception("The place names could not be read; area answers are not waived.")
        return False


def _only_places(words: list[str]) -> bool:
    position, named, district = 0, False, False
    while position < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - position), 0, -1):
            gram = " ".join(words[position : position + size])
            if _a_name(gram):
                position, named, district = position + size, True, is_outward_code(gram)
                break
            if size > 1 and gram in _AROUND_PHRASES:
                position, district = position + size, False
                break
        else:
            word = words[position]
            if word not in _AROUND and not (district and INWARD_CODE.fullmatch(word)):  # "harlow 1st" is no postcode
                return False
            position, district = position + 1, False
    return named
