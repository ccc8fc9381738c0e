"""Support asked for in general as the first message: "is there like a service for young people",
"what local support is there", "where can I get help for my son" (issue #12).

DIET read these as questions about a service, and the bot answered with what it knows about the
chat ("This chat is free…"), then "Would you like me to find support near you?": one more turn
before the search people asked for (development authors D7, D10, T1; the held-out sets lost
answers the same way). When the message asks for support, help or a service in general, naming
no service, the questions start, as for a greeting that asks for help.

A closed grammar over the whole message: the asking words, the thing asked for, then who or
where it is for. "does childline help with bullying?" (a service named), "is kooth free" and
"how do I get a referral to CAMHS" are not this: they keep their answers.
"""
from __future__ import annotations

import re

from signposting.intents import FALLBACK_INTENT
from signposting.text import normalise

_HELLO = r"(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)) )?"
_ASK = (
    r"(?:is there|are there|is there any|are there any|what|whats|what s|wat|any|do you (?:know|have|know of)|"
    r"can you (?:find|suggest|recommend|tell me about)|where can (?:i|we) (?:get|find|go for)|"
    r"how (?:do|can) (?:i|we) (?:get|find)|i m looking for|im looking for|i am looking for|looking for)"
)
_LIKE = r"(?: like| actually| maybe)?"
_SOME = r"(?: (?:a|an|any|some))?"
_KIND = r"(?: (?:local|nearby|mental health|wellbeing|emotional|free|other))*"
_THING = r"(?:support|help|services?|something|anything|someone|somewhere|counselling|counseling|groups?)"
# Who or where it is for, without saying more than that
_FOR = (
    r"(?: (?:for|near|round|around|in|out there for))?"
    r"(?: (?:me|us|young people|teens|teenagers|kids|children|students|my (?:son|daughter|child|kid|grandson|granddaughter)|"
    r"(?:my|our) area|here|locally|near me|near us|round here|around here))?"
)
_WHILE = r"(?: (?:while|whilst) (?:we|they|he|she|i) (?:wait|waits|are waiting|is waiting)(?: for (?:camhs|us|an assessment|a referral))?)?"
# Who the child is to the carer, after the child: "…for my granddaughter who I have under a special
# guardianship order" got "I can't give medical advice" (development author D16).
_CARED_FOR = (
    r"(?: (?:who|that|whom) (?:i|we) (?:have|look after|care for|foster|are fostering|adopted|are raising|m raising|re raising)"
    r"(?: (?:under|on|through) (?:a |an )?(?:special guardianship|sgo|kinship care|foster care|care|residence|child arrangements?)"
    r"(?: order| arrangement)?)?)?"
)
_TAIL = r"(?: (?:is there|are there|out there|available|please|pls|thanks))*"
_THERE = r"(?: (?:is there|are there|is available|are available|is out there|are out there))?"
_SUPPORT_IN_GENERAL = re.compile(rf"{_HELLO}{_ASK}{_LIKE}{_SOME}{_KIND} {_THING}{_KIND}{_THERE}{_FOR}{_CARED_FOR}{_WHILE}{_TAIL}")
# "CAMHS practitioner here - ...": who is asking, before the request (development author D10)
_WHO_ASKS = re.compile(r"^(?:[a-z]+ ){0,2}(?:practitioner|worker|nurse|teacher|senco|mum|dad|parent|carer) here ")


# Support asked for in general, read as a question about a service or as "more options" with
# nothing shown yet ("is there like a service for young people": development authors D7, D10), or as
# a question for a doctor or about privacy ("Looking for counselling for my granddaughter who I have
# under a special guardianship order" got "I can't give medical advice": D16, session 44).
SUPPORT_MISREADS = frozenset({"ask_service_info", "more_options", "ask_clinical_advice", "ask_privacy", FALLBACK_INTENT})


def asks_for_support_in_general(text: str) -> bool:
    """Does the whole message ask for support, help or a service, naming none?"""
    clean = normalise(text)
    clean = _WHO_ASKS.sub("", clean)
    return bool(_SUPPORT_IN_GENERAL.fullmatch(clean))


def support_misread(intent: str | None, text: str) -> bool:
    """Support asked for in general that DIET read as another request (`SUPPORT_MISREADS`): as the
    first message, the questions start (bot/nlu/opening_worry.py and the form read it alike)."""
    return intent in SUPPORT_MISREADS and asks_for_support_in_general(text)
