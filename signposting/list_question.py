"""Questions about the services just listed: "can I text any of these", "whats the difference
between these", "do I need a GP referral", "are any open at weekends" (issue #12).

Two user trials (sessions 19 and 20) asked these after the list. Each got the same general
text, "What would you like to change?" or "Sorry, I didn't get that", although the answer is
in the records of the services shown: their contacts, how to get help and opening hours.
This only says which question was asked; `actions.list_questions` answers it from the records.
"""
from __future__ import annotations

import re

from signposting.text import normalise

TEXT = "text"
ONLINE = "online"
HOW_TO_GET_HELP = "how_to_get_help"
HOURS = "hours"
DIFFERENCE = "difference"
QUICKEST = "quickest"
KINDS = (TEXT, ONLINE, HOW_TO_GET_HELP, HOURS, DIFFERENCE, QUICKEST)

# Words that ask whether one of the services shown does something ("can", "any", "which").
_ASKS = r"(?:any|anything|anyone|something|someone|somewhere|which|can|could|do|does|ones?|these|them|those)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "text me the list" asks the bot to send it: a request it cannot do yet
    (TEXT, re.compile(
        rf"\b{_ASKS} (?:\w+ ){{0,3}}?(?:text|txt|texting|sms|whatsapp|message)\b(?! me\b)(?! (?:it|this|that|the list) to\b)|"
        r"\b(?:text|txt|sms|whatsapp|texting) (?:service|services|line|lines|number|numbers|option|options|support|help)\b"
    )),
    (ONLINE, re.compile(
        rf"\b{_ASKS} (?:\w+ ){{0,4}}?(?:online|on line|web ?chat|live chat|chat online|an app)\b"
        r"(?! (?:bully|bullying|bullied|abuse|gaming|games?|grooming|safety|porn))|"
        r"\b(?:online|web ?chat|live chat) (?:service|services|option|options|support|help|counselling|chat)\b"
    )),
    (HOW_TO_GET_HELP, re.compile(
        r"\b(?:refer (?:myself|herself|himself|themselves|ourselves|her|him|them|my (?:son|daughter|child|kid|pupil|student))|"
        r"self ?refer\w*|self referral|(?:do|does|will) (?:i|we|she|he|they) (?:need|have to (?:see|go to|get)) "
        r"(?:a |an |to get a |to get an |to see a |to see the |the )?(?:gp|doctor|doctors|referral|referal)|"
        r"(?:gp|doctor s|doctors) referral|without (?:a |the )?(?:gp|referral|doctor)|"
        r"go (?:to (?:them|any of them|one) )?(?:on my own|myself|direct|directly)|"
        r"how (?:do|can|would|does) (?:i|we|she|he|they|you) (?:get (?:seen|in|an appointment|referred)|access|contact|refer|sign up)|"
        r"who (?:can|has to|needs to) refer|how do referrals work|referral route|make a referral)\b"
    )),
    (HOURS, re.compile(
        r"\b(?:open|opening (?:times|hours)|when (?:are|is) (?:they|it|these|that|any) open|what time (?:do|are|is) (?:they|it)|"
        r"out of hours)\b|"
        r"\b(?:any|anyone|anything|which|are (?:they|any)|is (?:it|anyone|there)|can i (?:call|ring|text|contact|speak|talk))\b"
        r"(?:\W+\w+){0,4}?\W+(?:at night|in the evenings?|evenings?|weekends?|saturdays?|sundays?|bank holidays?|after school|late)\b"
    )),
    (QUICKEST, re.compile(
        r"\b(?:quickest|fastest|quicker|faster|soonest|waiting (?:list|lists|time|times)|wait (?:list|lists|times?)|"
        r"how long (?:is|are) the (?:wait|waiting)|how long (?:will|would|does|do) (?:it|they) take to (?:get|be) "
        r"(?:seen|an appointment|a reply)|seen (?:quickly|soon|fast))\b"
    )),
    (DIFFERENCE, re.compile(
        r"\b(?:difference|differences|diff between|compare|which (?:one|1|of (?:these|them|those)|service)s? "
        r"(?:is|would be|should|do i|do we|does|is the|would you|would|to)|which (?:is|would be) (?:best|better)|"
        r"what s the best|whats the best|best one|which should (?:i|we)|what do (?:they|these|each) do)\b"
    )),
)


def parse_list_question(text: str) -> str | None:
    """One of KINDS when the message asks about the services shown, else None."""
    clean = normalise(text)
    for kind, pattern in _PATTERNS:
        if pattern.search(clean):
            return kind
    return None
