"""Which answer the user wants to change, when they name it without a new value (issue #12).

After the list, "different area" or "can I change the age" means: ask that question again,
then search again. A message that already carries the new value ("actually I'm 15") is
handled by the parsers in `signposting.parsing`; this only says which question to re-ask.
"""
from __future__ import annotations

import re

from signposting.list_question import asks_for_other_services
from signposting.text import normalise

# Checked in this order: "the age of my school" is rare, "school area" means the area.
TARGETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("area", re.compile(
        r"\b(?:area|areas|place|town|city|village|postcode|post code|location|county|address|"
        r"where (?:i|we|they|he|she) (?:live|lives|am|are|is)|where i m|somewhere else|elsewhere|moved|move)\b"
    )),
    ("age", re.compile(r"\b(?:age|ages|how old|years old|yrs old|older|younger|birthday|year group)\b")),
    ("school", re.compile(r"\b(?:school|college|sixth form)\b")),
    ("concern", re.compile(
        r"\b(?:worry|worries|concern|concerns|problem|problems|issue|issues|topic|reason|"
        r"what s going on|whats going on|what is going on|what has been going on|what s been going on|"
        r"something else going on)\b"
    )),
)
# Words that say the message asks for a change, rather than describing something.
_CHANGE = re.compile(
    r"\b(?:change|changing|different|another|other|new|wrong|correct|fix|update|edit|switch|instead|"
    r"not the right|try|look (?:at|in|for)|search|check|what about|actually|moved|move|"
    # "i made a mistake with the postcode, can we redo it" (development set D3); never "a mistake
    # at school", which is a worry
    r"mistake (?:with|in|on|about) (?:the|my|his|her|their|our)|redo|re do|messed up (?:the|my)|got (?:the|my) \w+ wrong)\b"
)


# Asking for services nearer than those shown: "have u got anything closer to oakham", "any
# nearer me". Only with a word for a service or for where they are: "i want to be closer to my
# dad" is a worry.
_NEARER = re.compile(
    r"\b(?:(?:anything|anywhere|something|somewhere|any|ones?|services?|help|support|places?|groups?)\b"
    r"(?:\W+\w+){0,3}?\W+(?:closer|nearer|nearby|more local|close by)|"
    r"(?:closer|nearer) (?:to )?(?:me|us|home|here|where (?:i|we) live)|(?:near|close to) (?:me|us|here|where (?:i|we) live)|"
    # "those r too far" (development author D3); never "he went too far", "it's gone too far", nor
    # "they are way too far into the gang now" (the review): the list named, and nothing after "far"
    # but where from or a request
    r"(?:those|these|all of them|all of these|all of those|the services|the places|the ones|theyre all|they re all)"
    r"(?: r| are| re| all| seem| look| is| still)* (?:too|2|to|way too|a bit|quite|really) far"
    r"(?= away\b| from (?:me|us|home|here|where)\b| for (?:me|us)\b| to (?:travel|get|go)\b| any\b| got\b| have\b| is there\b|"
    r" pls\b| please\b| tbh\b| lol\b|$))"
)


# Saying they live somewhere else: "we moved somewhere else so none of these are near us" moves
# the search (the review, session 23), although it also says the list is not near.
_SOMEWHERE_ELSE = re.compile(
    r"\b(?:somewhere else|some where else|elsewhere|(?:we|i|they) (?:ve |have )?moved|(?:weve|ive|theyve) moved|"
    r"(?:we|i|they) (?:live|are|re|am|m) (?:in |outside )?(?:another|a different) (?:area|place|town|county))\b"
)


def names_somewhere_else(text: str) -> bool:
    return bool(_SOMEWHERE_ELSE.search(normalise(text)))


def asks_for_somewhere_nearer(text: str) -> bool:
    """Does the message ask for services nearer than those shown ("anything closer to oakham")?"""
    return bool(_NEARER.search(normalise(text)))


def without_target_words(text: str, target: str | None) -> str:
    """The message without the words that name the answer to change ("change the worry to
    bullying" → "change the to bullying"), so they are not read as the new answer."""
    if target is None:
        return text
    pattern = dict(TARGETS)[target]
    return pattern.sub(" ", normalise(text))


# Other services asked for beside "too far" or "not near" (`asks_for_other_services`): "none of these
# r near me, got anything else" wants more services (D7; held-out T8 lost one to the "how the list
# was made" reply).
# ...unless a place is named: "any others closer to oakham" searches there.
_NEARER_TO_A_PLACE = re.compile(r"\b(?:closer|nearer|near|close) to (?!me\b|us\b|home\b|here\b|where\b)\w+")


# Saying an answer given was wrong, without naming which: "oops i said 13 im 15", "my bad, typo".
_CORRECTION = re.compile(
    r"\b(?:(?:i|we) (?:said|put|typed|wrote|entered|pressed|clicked|picked) (?:\d+|(?:the |a )?wrong)|oops|typo|my bad|"
    r"(?:i|we) (?:got|did|typed|put) (?:it|that|one) wrong)\b"
)


A_NUMBER = re.compile(r"\d")  # an age or a postcode district beside a slip word


def corrects_an_answer(text: str) -> bool:
    """Does the message ask to change an answer, or say one was wrong with the new one beside it
    ("oops i said 13 im 15", "none of them r near me")? After "No" to the check question, the change
    is made as it would have been without the check (bot/nlu/crisis_policy.py). "my bad" alone is
    not enough ("my bad i took too many": the review, session 29)."""
    clean = normalise(text)
    return parse_change_target(clean) is not None or bool(_CORRECTION.search(clean) and A_NUMBER.search(clean))


def parse_change_target(text: str) -> str | None:
    """"area" | "age" | "school" | "concern" when the message asks to change that answer
    ("different area", "can I change the age", "wrong school"), else None. Asking for
    somewhere nearer is about the area, unless it asks for other services, with no place named."""
    clean = normalise(text)
    if asks_for_somewhere_nearer(clean):
        if asks_for_other_services(clean) and not _NEARER_TO_A_PLACE.search(clean) and not names_somewhere_else(clean):
            return None
        return "area"
    if not _CHANGE.search(clean):
        return None
    for target, pattern in TARGETS:
        if pattern.search(clean):
            return target
    return None
