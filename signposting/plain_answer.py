"""A plain answer to the question just asked: the answer, and nothing else.

The risk model learnt that family words and short texting are often risky, so ordinary answers
scored at check level: "15 next month", "I'm his nan, he's 10", "its me not my mum" and "im home
skooled" were met with "Are you thinking about hurting yourself…?" instead of the next question
(issue #12). When the bot has just asked who is chatting, the age, the school or where they live,
and a message is only an answer to it, a check level from the risk model or the intent classifier
alone does not interrupt: the form takes the answer (`waives_the_check`). The area's grammar is
`services_db.area_answer`, passed in as `place_answer` (the place names are data).

"Only an answer" is a closed grammar per question, not a bag of words: the words of an answer
("I'm his nan", "he's 10", "year 9", "16 or 17", "home educated", "rather not say") with
greetings and politeness around it ("um", "please", "lol"), and nothing else. A bag of allowed
words let "13 and he said not to", "im 14 and hes older" and "me, mum not home for days" through
(the review of the first version); no sentence can be built inside this grammar. Risk words (the
lexicon) and crisis words in another language always interrupt; the model's crisis level on a
plain answer gets the check question (`lowers_the_crisis_to_the_check`), never nothing.

Pure and shared: the crisis policy decides with it, and the action server's form accepts the
answer by the same function (actions/triage_form.py), so the two never disagree.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from signposting.parsing import (
    FAMILY_WORDS,
    WORKER_WORDS,
    declined_in_so_many_words,
    only_puts_an_age_right,
    only_says_how_many_children,
    parse_age,
    parse_role_typed,
    parse_school_absence,
    role_with_a_typo,
    takes_a_pause,
)
from signposting.text import normalise

# Around an answer, and only there: greetings, hesitation, politeness.
_LEAD = r"(?:um+|erm+|er|uh|hmm+|well|so|ok|okay|oh|yes|yeah|yep|yea|hi|hiya|hello|hey|sorry|like i said|i think|i guess)"
_TRAIL = r"(?:please|pls|plz|thanks|thank you|ta|lol|x+|i think|i guess|maybe|sorry|innit|rn|atm|right now)"
_LEADING = re.compile(rf"^(?:{_LEAD} )+")
_TRAILING = re.compile(rf"(?: {_TRAIL})+$")

# --- Who is chatting ----------------------------------------------------------------------
_CHILD = (
    # Not "boy" or "girl": "my boy hes 19" is as often a boyfriend as a son (the review, session 13).
    r"(?:son|daughter|child|kid|stepson|stepdaughter|step son|step daughter|grandson|granddaughter|"
    r"foster (?:son|daughter|child)|adopted (?:son|daughter|child)|niece|nephew|teenager|teen|little one)"
)
_BUTTON = r"(?:the |that )?(?:first|1st|top|second|2nd|middle|third|3rd|last|bottom)(?: one| button| option)?"
# "my social worker told me to use this" (development author D14: the crisis reply from both risk models)
_SENT_HERE = (
    r"(?:my )?(?:social worker|sw|teacher|key ?worker|carer|foster carer|foster mum|foster dad|mum|mom|dad|nan|"
    r"counsellor|school nurse|youth worker|doctor|gp) (?:told me to|said to|said i should|asked me to|wanted me to) (?:use|try) "
    r"this(?: (?:app|chat|site|website|thing|bot))?"  # not "my dad told me to do it" (the review)
)
_YOUNG = (
    r"(?:its |it s |its for |it s for |for |just |only )?(?:me|myself|my self|m+e+)"
    r"(?: not (?:my )?(?:mum|mom|dad|parent|parents|carer|teacher|anyone else|someone else))?"
    rf"|{_SENT_HERE}"
    # "im in foster care, its for me not my carer" (development author D16)
    r"|(?:i m |im |i am )?in (?:foster care|kinship care|care|a childrens home|a children s home)"
    r"(?: (?:its |it s )?for me(?: not (?:my )?(?:carer|foster carer|foster mum|foster dad|key worker|social worker))?)?"
    r"|(?:i m |im |i am )?(?:a )?(?:young person|student|pupil|teen|teenager|kid|child|yp)"
)
_YEARS_OLD = r"(?:years old|year old|yrs old|yr old|yrs|yo|y o|years)"
_PARENT = (
    rf"(?:i m |im |i am |as |its |it s )?(?:a |an |the |his |her |their |the (?:childs|child s|young persons|young person s) )?"
    rf"{FAMILY_WORDS}(?: here| speaking)?"
    rf"|(?:my|our) {_CHILD}|parent|parents"
    # development author D6 (session 27): "mum of 3", "shared custody dad", "me and my husband foster"
    r"|(?:i m |im |i am )?(?:a )?(?:mum|mom|mam|mother|dad|father|parent) (?:of|to) (?:N|twins)"
    # "mum of a 12yo", "dad of a 15 yr old": the short-message risk model asked the check question
    # (development typed answers, session 37)
    rf"|(?:i m |im |i am )?(?:a )?(?:mum|mom|mam|mother|dad|father|parent) (?:of|to) (?:a|an) (?:N |\d{{1,2}}){_YEARS_OLD}"
    r"|(?:shared|joint) custody (?:mum|mom|dad|parent)|(?:mum|mom|dad|parent) (?:with|on) (?:shared|joint) custody"
    r"|(?:i|we|me and my (?:husband|wife|partner)) (?:foster|adopted (?:him|her|them))"
    r"|(?:i m |im |i am )?(?:a )?parent carer"
)
_PROFESSIONAL = (
    rf"(?:i m |im |i am |as |i work as )?(?:a |an |the |his |her |their )?{WORKER_WORDS}(?: here| speaking)?"
    r"|professional|(?:i m |im |i am )?(?:a )?professional"
    r"|i work (?:at|in|for) (?:a |an |the )?(?:school|college|academy|nursery|childrens home|children s home|"
    r"care home|residential home|charity|council|camhs|gp surgery|surgery|youth club)"
)
_ROLE_SAID = rf"(?:{_YOUNG}|{_PARENT}|{_PROFESSIONAL}|{_BUTTON})"
# Who the child lives with, or who the speaker looks after, said with a carer's role ("im his
# grandad, he lives with me", "kinship carer, I have my niece", "I'm her dad but she lives with
# her mum most of the week"): each clause closed, down to how long and since when, so "she lives
# with me since her mum kicked her out" is never plain (development answers D1-D3, session 18).
_WITH = (
    r"(?:me|us|me and my (?:wife|husband|partner)|my (?:wife|husband|partner) and me|"
    r"(?:his|her|their) (?:mum|mom|dad|mother|father|nan|nana|gran|grandma|grandad|grandpa|grandparents|aunt|auntie|uncle))"
)
_HOW_MUCH = r"(?:full time|most of the (?:week|time)|part of the week|half the week|at weekends|every other weekend|now|at the moment)"
_SINCE = (
    r"(?:since (?:(?:he|she|they) (?:was|were) (?:N|a baby|little|born)|birth|N|last (?:year|month|week)|year N|"
    r"(?:jan|january|feb|february|march|april|may|june|july|august|sept|september|october|november|december)))"
)
_WHILE = r"(?:while (?:his|her|their) (?:mum|mom|dad|parents) (?:works|work|is at work|are at work))"
_TAILS = rf"(?: {_HOW_MUCH})?(?: {_SINCE})?(?: {_WHILE})?"
_LIVES = (
    rf"(?:(?:he|she|they) (?:lives|live|stays|stay|has lived|have lived|has been living|is living|s living|"
    rf"is staying|s staying|has been staying) with {_WITH}{_TAILS})"
)
_LOOKS_AFTER = (
    rf"(?:(?:i (?:have|ve got|have got|look after|care for|am raising|m raising|raise|have had|ve had|"
    rf"have custody of|have guardianship of)|ive (?:got|had)|im raising) (?:my |our )?(?:{_CHILD}|grandchild|granddaughter|grandson|"
    rf"little brother|little sister|niece|nephew){_TAILS})"
)
_ARRANGEMENT = rf"(?:(?:and |but |so )?(?:{_LIVES}|{_LOOKS_AFTER}))"

# --- How old ------------------------------------------------------------------------------
# Numbers are replaced by "N" first (digits, number words, misspelt ones: `_numbers_marked`).
# A young person gives their own age; a parent or a professional the child's. Someone else's age
# from a young person ("its me hes 25", "me he 19") is never a plain answer (the review, session 13).
_OWN_WORDS = r"i m|im|i am|i|me|age|aged"
_OWN_SUBJECT = rf"(?:{_OWN_WORDS})"
_SUBJECT = (
    rf"(?:{_OWN_WORDS}|shes|she is|she s|hes|he is|he s|theyre|they are|they re|"
    rf"(?:my|our|the) (?:{_CHILD}|young person|yp) (?:is|s)|(?:he|she|they) (?:is|s|are)|he|she|they)"
)
_MONTH = (
    r"(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|"
    r"oct|october|nov|november|dec|december)"
)
# "He'll be 11" is normalised to "hell be 11" (the apostrophe goes): both spellings are read.
_OWN_NOT_YET_WORDS = r"nearly|almost|turning|gonna be|going to be|will be|about to be|ill be|i ll be"
_OWN_NOT_YET = rf"(?:{_OWN_NOT_YET_WORDS})"
_NOT_YET = rf"(?:{_OWN_NOT_YET_WORDS}|hell be|shell be|theyll be|he ll be|she ll be|they ll be)"
_WHEN = rf"(?:next (?:week|month)|this (?:week|month)|in (?:a few )?(?:weeks|months)|in {_MONTH}|on {_MONTH}|soon)"
# "She's only in reception", "shes only 12" (development author D16 got the check question)
_SCHOOL_YEAR = r"(?:(?:only |just )?in )?(?:(?:year|yr|y) N|reception)"


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun)"
# A part of a year ("13 and 7 months", "eleven and a half") and a birthday just gone ("18 as of last
# Tuesday", "he turned 9 last week"): development author D10 (session 30) got the check question.
_PART_OF_A_YEAR = r"(?:and (?:a half|a haf|a harf|a quarter|N quarters|a bit|(?:N|a|one) (?:months?|weeks?|days?)))"
_GONE = rf"(?:today|yesterday|recently|last (?:week|month|{_WEEKDAY}|{_MONTH})|this (?:week|month)|in {_MONTH}|on {_WEEKDAY})"
_JUST_GONE = rf"(?:(?:as of|since) {_GONE}|{_GONE})"


def _an_age(subject: str, not_yet: str) -> str:
    # "7, he'll be 8 in march": the age now, then the next one
    next_one = rf"(?:(?:and |but )?{not_yet} N(?: {_WHEN})?)"
    one = (
        rf"(?:{subject} )?(?:(?:{not_yet} )?(?:only |just )?N(?: {_YEARS_OLD})?(?: {_PART_OF_A_YEAR})?(?: {_JUST_GONE}| {_WHEN})?"
        rf"|(?:just )?turned N(?: {_JUST_GONE})?)(?: {next_one})?(?: {_SCHOOL_YEAR})?"
    )
    between = rf"(?:{subject} )?(?:between )?N (?:or|to|and) N(?: {_YEARS_OLD})?"
    return rf"(?:{one}|{between}|(?:{subject} )?{_SCHOOL_YEAR})"


_UNKNOWN = r"(?:i )?(?:dont know|do not know|not sure|idk|dunno|no idea)"
_SPEAKER = rf"(?:{_PARENT}|{_PROFESSIONAL})"
_CHILDS_AGE = _an_age(_SUBJECT, _NOT_YET)
_OWN_AGE = _an_age(_OWN_SUBJECT, _OWN_NOT_YET)
# The age question: a parent's or a professional's answer may name who they are ("I'm his nan,
# he's 10"); anyone else's (a young person, or nobody said yet) is their own age.
_AGE_OF_A_CHILD = re.compile(rf"(?:{_SPEAKER} )?(?:{_CHILDS_AGE}|{_UNKNOWN})")
_AGE_OF_ONESELF = re.compile(rf"(?:{_YOUNG} )?(?:{_OWN_AGE}|{_UNKNOWN})")
SPEAKS_OF_A_CHILD = ("parent_carer", "professional")
# Who is chatting, perhaps with an age: the child's after a parent or a professional ("dad here,
# she's 12"), one's own after a young person ("me, 14").
_ROLE = re.compile(
    rf"(?:{_PARENT})(?: {_ARRANGEMENT})?(?: {_CHILDS_AGE})?|{_LOOKS_AFTER}|(?:{_PROFESSIONAL})(?: {_CHILDS_AGE})?"
    # "um its for me i guess, my mum told me to try this": the crisis reply (a user trial, session 44)
    rf"|(?:{_YOUNG})(?:(?: {_TRAIL})* (?:and |but |cos |because )?{_SENT_HERE})?(?: {_OWN_AGE})?|{_BUTTON}"
)
# No one is "not sure" across more years than this ("16 or 17", "between 11 and 13").
WIDEST_RANGE = 2

# --- School -------------------------------------------------------------------------------
_ABSENCE = re.compile(
    r"(?:(?:i m|im|i am|shes|she is|hes|he is|theyre|they are|we) )?(?:been |being )?"
    r"(?:home (?:schooled|skooled|educated|ed|school|skool|schooling|skooling|educating)|home educate|"
    r"not (?:at|in) (?:school|college|education)|not in any school|left school|left college|finished school|"
    r"dont go to school|do not go to school|no school|between schools|neet|ehe|elective home education|"
    r"not on (?:a |any )?(?:school )?roll(?: anywhere)?|off (?:the )?roll)"
    r"(?: (?:since|from) (?:covid|lockdown|year N|primary|N))?"
)

SLOTS = ("user_role", "age", "school")


def _numbers_marked(words: list[str]) -> str:
    """The words with every age-like number as "N" ("fiftean" and "14" alike)."""
    marked = []
    for word in words:
        age = parse_age(word) if word.isalpha() else None
        is_number = (word.isdigit() and len(word) <= 2) or (age is not None and age.low == age.high and not age.unknown)
        marked.append("N" if is_number and word not in ("year", "yr", "y", "me", "i", "one") else word)
    return " ".join(marked)


def _core(text: str) -> str:
    """The answer without the greetings and politeness around it."""
    clean = normalise(text)
    return _TRAILING.sub("", _LEADING.sub("", clean)).strip()


# A face typed in ASCII (":(", ":'(", ";-)", "</3") says how someone feels: `normalise` drops it, so
# a message with one is never plain ("harlow :(": the review, session 33).
_EMOTICON = re.compile(r"[:;=8]['’]?-?[()\[\]/\\|DPpOo]|</?3|\bT_T\b|;_;")


def _only_english_letters(text: str) -> bool:
    """`normalise` drops letters outside English: "میں 16 سال کی ہوں" would be "16". Any such
    character (or an emoji) means some of the message was not read, so it is never plain."""
    return all(character.isascii() or character in "‘’“”–—…" for character in text)


def _in_grammar(slot: str, core: str, role: str | None) -> bool:
    if slot == "user_role":
        return bool(_ROLE.fullmatch(_numbers_marked(core.split()))) or (" " not in core and role_with_a_typo(core) is not None)
    if slot == "age":
        grammar = _AGE_OF_A_CHILD if role in SPEAKS_OF_A_CHILD else _AGE_OF_ONESELF
        return bool(grammar.fullmatch(_numbers_marked(core.split())))
    if slot == "school":
        return bool(_ABSENCE.fullmatch(_numbers_marked(core.split()))) or declined_in_so_many_words(core)
    return False


def _understood(slot: str, text: str) -> bool:
    if slot == "user_role":
        return parse_role_typed(text) is not None
    if slot == "age":
        age = parse_age(text)
        if age is None or age.out_of_range:
            return False
        return age.unknown or (age.low is not None and age.high is not None and age.high - age.low <= WIDEST_RANGE)
    if slot == "school":
        return parse_school_absence(text) is not None
    return False


# The area's grammar needs the place names, which live in services_db: the callers pass
# `services_db.area_answer.is_plain_area_answer`, so this module stays dependency-free.
PlaceAnswer = Callable[[str], bool]
# Likewise a school's name at the school question: `services_db.school_answer.is_plain_school_answer`.
NameAnswer = Callable[[str], bool]
AREA = "area"
QUESTIONS = (*SLOTS, AREA)  # every question a plain answer can answer (the area's with `place_answer`)


def is_plain_answer(
    text: str, slot: str | None, role: str | None = None, place_answer: PlaceAnswer | None = None,
    school_answer: NameAnswer | None = None,
) -> bool:
    """Is `text` an answer to the question for `slot` and nothing more? `role` is who is chatting,
    if known: only a parent's or a professional's answer to the age question is about someone else.
    `place_answer` reads an answer to the area question (without it, none is plain); `school_answer`
    a school's name at the school question (without it, only "no school" answers are plain)."""
    if not _only_english_letters(text) or _EMOTICON.search(text):
        return False
    core = _core(text)
    if slot == AREA:
        return bool(core) and place_answer is not None and place_answer(core)
    if slot not in SLOTS:
        return False
    if slot == "school" and core and school_answer is not None and school_answer(core):
        return True
    return bool(core) and _in_grammar(slot, core, role) and _understood(slot, text)


def is_plain_answer_from_anyone(
    text: str, slot: str | None, place_answer: PlaceAnswer | None = None, school_answer: NameAnswer | None = None
) -> bool:
    """Plain from some speaker (a parent's grammar is the widest): the upper bound the benchmark measures."""
    return any(is_plain_answer(text, slot, role, place_answer, school_answer) for role in (None, *SPEAKS_OF_A_CHILD))


def from_the_model_alone(risk: Mapping[str, Any]) -> bool:
    """No risk word, no crisis word in another language, not a crisis the everyday model lowered."""
    return (
        not risk.get("lowered_from_crisis")
        and not risk.get("lexicon_categories")
        and not risk.get("crisis_language")
    )


def lowers_the_crisis_to_the_check(
    text: str, risk: Mapping[str, Any], slot: str | None, role: str | None = None, place_answer: PlaceAnswer | None = None,
    school_answer: NameAnswer | None = None,
) -> bool:
    """Does a plain answer the risk model alone scored at crisis level get the check question
    instead of the crisis reply? "He'll be 11 in September" and "like i said, 14" scored 0.64 and
    0.70 at the age question, and a parent was told "I'm really glad you told me… call 999".
    Only ever down to the check question, never to nothing: a "No" then keeps the answer. Never
    for a refusal ("i dont want to tell" at the school question): only an answer that says who, how
    old or not at school."""
    return (
        risk.get("level") == "crisis"
        and risk.get("source") == "model"
        and from_the_model_alone(risk)
        and not declined_in_so_many_words(_core(text))
        and is_plain_answer(text, slot, role, place_answer, school_answer)
    )


def waives_the_check(
    text: str, risk: Mapping[str, Any], slot: str | None, role: str | None = None, place_answer: PlaceAnswer | None = None,
    school_answer: NameAnswer | None = None,
) -> bool:
    """Does a plain answer to the question for `slot` go on without the check question? Only at
    check level, and only when the risk model or the intent classifier alone raised it: no risk
    word, no crisis word in another language, and not a crisis reply the everyday risk model
    lowered to the check question."""
    return (
        risk.get("level") == "check"
        and risk.get("source") in ("model", "classifier")
        and from_the_model_alone(risk)
        and (is_plain_answer(text, slot, role, place_answer, school_answer) or waived_without_an_answer(text, slot))
    )


def waived_without_an_answer(text: str, slot: str | None) -> bool:
    """A pause at any question, or the place question declined: "sorry my brother came in" and "I do
    not want to say." got the check question (a user trial, session 46). Not plain answers: typed to
    a safety question, a refusal is no answer (`is_plain_answer` keeps them out)."""
    return slot is not None and (
        takes_a_pause(text) or (slot == AREA and declined_in_so_many_words(_core(text)))
        or (slot == "age" and only_says_how_many_children(text))  # "I have two kids" (the same trial)
        or only_puts_an_age_right(text)  # "sorry i meant 15 not 13", at any question (the same trial)
    )


def waives_the_check_for_a_role_told_first(text: str, risk: Mapping[str, Any]) -> bool:
    """Does who is chatting, typed as the first message and nothing else ("Mum of 3"), go on without
    the check question the risk model or the intent classifier alone raised? The crisis policy
    greets and starts the questions, and the form takes the role, by this same test."""
    return waives_the_check(text, risk, "user_role")
