"""What a message typed after the list asks for, read from its parse data and its words (pure).

The next-step model (bot/nlu/next_step_model.py, run in the Rasa server) keeps its guess in the
parse data under `PARSE_KEY`; `request_read` says when the guess counts for the message alone,
and `says_the_list_does_not_fit` reads a complaint about the services shown. NewWorryPolicy
(bot/nlu/new_worry_policy.py) adds what the conversation says (after the list, no crisis step,
no earlier distress for a closing); `bot/next_step_eval.py` uses the same reading.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from signposting.change_request import parse_change_target
from signposting.list_question import parse_list_question
from signposting.next_step_request import closing_in_so_many_words, is_next_step_request, says_not_to_a_request
from signposting.parsing import parse_concern
from signposting.risk_decision import CRISIS as CRISIS_LEVEL
from signposting.risk_decision import NONE as NO_RISK
from signposting.text import normalise

PARSE_KEY = "next_step_model"  # where the model's guess is kept in a message's parse data
OTHER = "other"  # the model's class for anything else typed after the list
# What DIET read is kept when it is one of the requests answered after the list (the rules answer
# it), a crisis or "not safe"; the model's reading counts only over the others.
SERVED_INTENTS = frozenset({
    "more_options", "start_again", "talk_to_a_person", "request_email", "request_print", "request_other_language",
    "goodbye", "thanks", "stop", "express_crisis", "not_safe", "confirm_safe",
})
# The model's reading counts at this confidence or more (chosen on the training authors, each
# left out in turn: docs/typed_answers.md, session 26).
MODEL_CONFIDENCE = 0.5


def risk_seen(parse_data: Mapping[str, Any]) -> bool:
    """Did the risk layer see anything in the message (a level above none, or distress)?"""
    risk = parse_data.get("risk") or {}
    return risk.get("level", NO_RISK) != NO_RISK or bool(risk.get("distress"))


def request_read(parse_data: Mapping[str, Any], text: str) -> str | None:
    """The request the next-step model reads in one message, when the message alone lets it
    count: sure enough, no risk seen, no "not" before the request, DIET read no request the rules
    answer, and no grammar, list question or change of answer reads it (an answer DIET read,
    "inform", may still be a request: "emial me")."""
    guess = parse_data.get(PARSE_KEY) or {}
    label, confidence = guess.get("label"), float(guess.get("confidence") or 0.0)
    if label in (None, OTHER) or confidence < MODEL_CONFIDENCE:
        return None
    if (parse_data.get("intent") or {}).get("name") in SERVED_INTENTS:
        return None
    if risk_seen(parse_data):
        return None
    if says_not_to_a_request(normalise(text)) or is_next_step_request(text) or closing_in_so_many_words(text):
        return None
    if parse_list_question(text) or parse_change_target(text):
        return None
    return str(label)


def request_read_after_the_check(parse_data: Mapping[str, Any], text: str) -> str | None:
    """The request the next-step model reads in a message that got the check question ("do it
    again for my sister", "gotta go kids home thanks"), once the user said "No" to it: read as
    `request_read` reads any message, the check's own signals set aside (the risk layer's level
    and the crisis intent it gave). A message that got the crisis reply is never read here."""
    risk = parse_data.get("risk") or {}
    if risk.get("level") == CRISIS_LEVEL:
        return None
    return request_read({**parse_data, "risk": {}, "intent": {}}, text)


_ABOUT_THE_LIST = re.compile(
    r"\b(?:these|those|(?:any|none|all|either|neither) of (?:them|em)|the list|this list|that list|the ones?|them ones)\b"
)
_NONE_OF_THEM = r"none of (?:them|em|these|those) (?:are|r|is|look|looks|seem|seems) (?:any good|right|helpful|useful|suitable|relevant)"
_DOES_NOT_FIT = re.compile(
    r"\b(?:arent|aren t|isnt|is not|are not|meh|nah|useless|rubbish|pointless|no good|no use|dislike|wrong|"
    rf"(?:dont|don t|do not) (?:like|want|fancy|rate)|not (?:for|feeling|right|suitable|helpful|useful|what|any good|really)|{_NONE_OF_THEM})\b"
)
# "these are useless, im useless": a worry about themselves, not about the list.
_ABOUT_ONESELF = re.compile(r"\b(?:im|i m|i am|i feel|myself|my life)\b")


# "that's useless", "this is rubbish tbh": the whole message, about what was just shown (a user
# trial, session 45: DIET's thanks, "You're welcome. Take care.").
_THAT_IS_NO_HELP = re.compile(
    r"(?:(?:well|wow|ugh|honestly|tbh|lol|omg|meh|nah|no|not really|sorry but|sorry) )*"
    r"(?:thats|that s|that is|this is|its|it s|that was|this was|that|this)(?: (?:so|really|pretty|completely|totally|well|absolutely|a bit))?"
    r" (?:useless|rubbish|pointless|no help|no use|not helpful|unhelpful|crap|a waste of time|not what i (?:wanted|needed|asked for))"
    r"(?: (?:tbh|honestly|lol|mate|then|really))*"
)


def says_the_list_does_not_fit(text: str) -> bool:
    """A message about the services shown that says they do not fit, and names no worry."""
    clean = normalise(text)
    if _THAT_IS_NO_HELP.fullmatch(clean):
        return True
    if not (_ABOUT_THE_LIST.search(clean) and _DOES_NOT_FIT.search(clean)) or _ABOUT_ONESELF.search(clean):
        return False
    return parse_concern(text) is None and parse_change_target(text) is None and parse_list_question(text) is None
