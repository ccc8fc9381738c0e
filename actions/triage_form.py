"""Validation of the triage form: free text (or a button's text) → facts.

Each `validate_<slot>` turns the answer to the question we asked into facts and says
kindly when it didn't understand. Each `extract_<slot>` picks up an answer given
before it was asked, or a correction ("actually I'm 15", "I meant Watford").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.directory import get_directory
from actions.feedback import was_said
from services_db.area_answer import is_plain_area_answer
from services_db.gazetteer import AreaResolution, is_everyday
from services_db.places import cities_of_the_nations
from services_db.school_answer import is_plain_school_answer
from services_db.schools import SchoolRecord, school_key, too_old_for
from signposting.change_request import parse_change_target, without_target_words
from signposting.concern_reading import OPENING_MISREADS, one_message_typed, read_concern, worry_told_first
from signposting.intents import (
    CRISIS_INTENT,
    NAME_ANSWER_MAX_WORDS,
    NEVER_AN_ANSWER,
    NOT_A_SLOT_VALUE,
    NOT_AN_ANSWER,
    OUT_OF_SCOPE,
    QUESTION_REPLIES,
)
from signposting.next_step_request import is_next_step_request
from signposting.parsing import (
    AGE_FIRST,
    Age,
    answer_after_asking_why,
    asks_what_a_postcode_is,
    asks_what_we_mean,
    asks_why_the_form_asks,
    corrected_answer,
    is_declined,
    is_something_else,
    names_a_school,
    only_an_exam_stage,
    only_puts_an_age_right,
    parse_age,
    parse_age_mention,
    parse_role_typed,
    parse_school_absence,
    parse_yes_no,
    place_said_as_home,
    role_answer,
    several_children_named,
    takes_a_pause,
    town_after_an_age_and_in,
    words_after_a_leading_age,
    worry_words,
)
from signposting.plain_answer import (
    is_plain_answer,
    is_plain_answer_from_anyone,
    waives_the_check,
    waives_the_check_for_a_role_told_first,
)
from signposting.questions import asks_something
from signposting.responses import (
    CHECK_ASKED_AGAIN_AFTER,
    CHECK_ASKED_AGAIN_KEEPING_THE_MESSAGE,
    CHECK_OK,
    CHECK_RISK,
    CRISIS_FIRST_STEP,
    GLAD_CHILD_IS_SAFE,
    GLAD_THEY_ARE_SAFE,
    GLAD_YOU_ARE_SAFE,
    NOT_UNDERSTOOD_ACTION,
)
from signposting.settings import settings
from signposting.support_request import asks_for_support_in_general, support_misread
from signposting.text import normalise
from signposting.vocabulary import AREA_CODES, NATIONAL, crisis_line_group

CORRECTION = re.compile(r"\b(actually|i meant|i mean|sorry|wait|not|no|oops|change|wrong)\b", re.IGNORECASE)
# A message that starts as a correction ("actually im his mum", "sorry i meant parent", "no im the dad").
SAYS_IT_CORRECTS = re.compile(r"(?:actually|i meant|i mean|sorry|wait|oops|no|nope|change|wrong)\b")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def text_answered_now(tracker: Tracker) -> str:
    """The latest message, or, when it is the "No" to the check question, the message the check
    question was about: "oops i said 13 im 15" got the check question and, after "No", the crisis
    policy has it answered as it would have been (bot/nlu/crisis_policy.py)."""
    users = user_turns(tracker)
    if (
        len(users) >= 2
        and bot_actions(tracker.events[users[-1] + 1 :], _BOOKKEEPING)[:1] == [CHECK_OK]
        and bot_actions(tracker.events[users[-2] + 1 : users[-1]], _BOOKKEEPING) == [CHECK_RISK]
    ):
        return str(tracker.events[users[-2]].get("text") or "")
    return latest_text(tracker)


def concern_in(tracker: Tracker, text: str, rules_read: str | None = None) -> str | None:
    """The worry `text` told: the rules (on `rules_read` when given: the text without words that
    tell no worry), helped by the concern model's guess kept in the parse data of the message
    that said it."""
    return read_concern(text if rules_read is None else rules_read, parse_data_of(tracker, text))


def parse_data_of(tracker: Tracker, text: str) -> dict[str, Any] | None:
    """The parse data of the latest user message that said `text` (None if none did)."""
    latest = tracker.latest_message or {}
    if latest.get("text") == text:
        return latest
    for event in reversed(tracker.events or []):
        if event.get("event") == "user" and event.get("text") == text:
            return event.get("parse_data")
    return None


def opening_message(tracker: Tracker) -> bool:
    """Is the latest message the first the user typed, with the questions not yet asked?"""
    if tracker.get_slot("requested_slot") is not None or tracker.get_slot("services_shown"):
        return False
    # (applied events: a message undone by "Sorry, I didn't understand" is not counted)
    return one_message_typed(str(event.get("event")) for event in tracker.applied_events())


def told_a_worry_under_another_intent(tracker: Tracker) -> bool:
    """A worry DIET read as another intent ("sats r next week and im freaking out!!!" as a question
    about a service), before the list: as the first message, the questions start with it; typed
    at one of the questions (the widget has asked "Who is chatting today?" before anything is
    typed: a phone trial, session 27), it is kept, thanked, and the question asked again."""
    if tracker.get_slot("services_shown"):
        return False
    if not opening_message(tracker):
        asked = tracker.get_slot("requested_slot")
        if asked in (None, "concern") or latest_intent(tracker) not in OPENING_MISREADS:
            return False  # at the worry question the form's own reading of the answer has its say
    return worry_told_first(latest_text(tracker), tracker.latest_message) is not None


def asked_for_support_first(tracker: Tracker, intent: str | None) -> bool:
    """Support asked for in general as the first message, misread by DIET (bot/nlu/opening_worry.py):
    the questions start with what it says ("…for my granddaughter who I have under a special
    guardianship order" is a carer: development author D16, session 44)."""
    return support_misread(intent, latest_text(tracker)) and opening_message(tracker)


def _age_min(tracker: Tracker) -> int | None:
    value = tracker.get_slot("age_min")
    return int(value) if isinstance(value, (int, float)) else None


def a_place_after_one_taken(tracker: Tracker) -> bool:
    """Only a place, typed at the worry question when the place was read from another answer and
    never asked ("loughborough college", then "shepshed"): where they live, and the worry asked again
    ("Sorry, I didn't get that" was the reply: a user trial, session 44)."""
    if tracker.get_slot("requested_slot") != "concern" or tracker.get_slot("services_shown"):
        return False
    asked = any(
        event.get("event") == "slot" and event.get("name") == "requested_slot" and event.get("value") == "area"
        for event in tracker.events or []
    )
    return not asked and is_plain_area_answer(normalise(latest_text(tracker)))


def latest_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def _place_found(text: str) -> AreaResolution | None:
    """A place found or outside our areas, never a question back: read after a correction."""
    resolution = resolve_area(text, fuzzy=False)  # "LE18 sorry thats it": "thats" is no Hants (the review)
    return resolution if resolution is not None and resolution.status in ("found", "outside") else None


def resolve_area(text: str, fuzzy: bool = True) -> AreaResolution | None:
    directory = get_directory()
    return for_this_deployment(directory.gazetteer.resolve(text, fuzzy=fuzzy)) if directory else None


# --- issue #16: the deployment file decides which areas are ours ---------------------------
def for_this_deployment(resolution: AreaResolution | None) -> AreaResolution | None:
    """A place in an area this deployment does not cover is outside our areas, like anywhere
    else in England (the place data knows every region; the deployment says which are ours).
    The other UK nations stay themselves: their own urgent lines apply wherever we run."""
    if resolution and resolution.status == "found" and not settings.deployment.keeps_area(resolution.area_code):
        return replace(resolution, status="outside", area_code=NATIONAL)
    return resolution


def area_buttons() -> list[dict[str, str]]:
    """The deployment's areas to pick from, then "Somewhere else"."""
    names = settings.deployment.area_names()
    return [{"title": name, "payload": name} for name in names] + [{"title": "Somewhere else", "payload": "somewhere else"}]


def covered_areas() -> str:
    """"Hertfordshire and West Essex": the areas the bot knows well, for the "outside" reply."""
    names = settings.deployment.area_names()
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- Issue #12: typed answers. At the question asked, its parser has the first say ----------
# (signposting.intents.NEVER_AN_ANSWER are never answers, whatever the text.)
# Said as a request, these are not answers ("start again", "talk to a person", "stop"; never
# "I'm a parent carer full stop": development author D6).
CONTROL_REQUEST = re.compile(
    r"\b(?:start (?:again|over|afresh)|restart|begin again|from the (?:start|beginning)|"
    r"(?:talk|speak|chat) (?:to|with) (?:a |an |the |some )?(?:real |actual )?(?:person|human|someone|somebody|people)|"
    r"real person|human|(?<!full )stop|quit|cancel|end (?:this|the) (?:chat|conversation)|more options|bye|goodbye)\b"
)
# What the form does between the user's message and its validation (anything else, such as
# the crisis steps, means the message answered another question).
FORM_STEPS = {"action_listen", "action_extract_slots", "triage_form", "validate_triage_form"}


def user_turns(tracker: Tracker) -> list[int]:
    """The positions of the user's messages in the tracker's events."""
    return [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]


def bot_actions(events: list[dict[str, Any]], skip: frozenset[str] = frozenset({"action_listen"})) -> list[str]:
    """The names of the actions among `events`, without the ones in `skip`."""
    return [e.get("name") or "" for e in events if e.get("event") == "action" and e.get("name") not in skip]


def form_runs_now(tracker: Tracker) -> bool:
    """Is the form reading the latest message, with nothing but the form's steps since it?"""
    users = user_turns(tracker)
    return bool(users) and all(name in FORM_STEPS for name in bot_actions(tracker.events[users[-1] + 1 :], skip=frozenset()))


# The greeting and the urgent lines, before the form starts on a message (crisis_policy.OPENING_STEPS).
_OPENING = frozenset({"utter_greet", "utter_urgent_help"})


def form_starts_or_runs_now(tracker: Tracker) -> bool:
    """Is the form reading the latest message, perhaps just after the greeting and the urgent lines
    (the check question passed over by "i am his father", and the questions started)?"""
    users = user_turns(tracker)
    return bool(users) and all(name in FORM_STEPS | _OPENING for name in bot_actions(tracker.events[users[-1] + 1 :], skip=frozenset()))


def form_asked_last(tracker: Tracker) -> bool:
    """Was the latest message a reply to the form's question, and is the form validating it now?"""
    if not form_runs_now(tracker):
        return False
    before = bot_actions(tracker.events[: user_turns(tracker)[-1]])
    # After "Sorry, I didn't get that" (or "OK."), action_not_understood asked the form's question
    # again: "yeah go on", then "no" at the school question, is still an answer to it.
    return bool(before) and before[-1] in ("triage_form", NOT_UNDERSTOOD_ACTION)


def understood_as(slot: str, text: str, tracker: Tracker, intent: str | None = None) -> bool:
    """Does the parser of `slot` take `text` as an answer? `intent` is DIET's reading of `text`, when
    it is the latest message (a message held by the crisis steps was read before)."""
    if slot == "user_role":
        # as validate_user_role reads it: "jestem mamą", read as out of scope, is a parent's answer
        return role_answer(text) is not None or age_typed_instead_of_the_role(text) is not None
    if slot == "age":
        return parse_age(text) is not None
    if slot == "school":
        if parse_school_absence(text):
            return True
        directory = get_directory()
        return bool(directory and directory.schools.match(text, tracker.get_slot("area_code")))
    if slot == "area":
        # Exact names only, so that no greeting or request becomes a village; but a few words DIET
        # could only call out of scope are read as a place misspelt ("lester": development authors D3, D7)
        misspelt = intent == OUT_OF_SCOPE and len(text.split()) <= NAME_ANSWER_MAX_WORDS
        resolution = resolve_area(text, fuzzy=misspelt)
        return is_declined(text) or bool(resolution and resolution.status in ("found", "outside", "ambiguous"))
    if slot == "concern":
        return concern_in(tracker, text) is not None
    return False


def typed_answer(tracker: Tracker) -> dict[str, Any]:
    """{requested slot: text} when the NLU read an answer as something else ("no" at the
    school question is an answer, not a refusal; "dad here" is not a greeting)."""
    slot = tracker.get_slot("requested_slot")
    intent = latest_intent(tracker)
    text = latest_text(tracker)
    options = tracker.get_slot("area_options") or []
    if slot == "area" and len(options) > 1 and form_asked_last(tracker) and _TAKES_THE_FIRST.fullmatch(normalise(text)):
        # "ok", "yes" to "Bishop's Stortford covers more than one area. Which is closest?" got "OK." and
        # the question again, three times, and no list (a user trial, session 49): the first choice,
        # the place as they typed it in its own area
        return {slot: options[1]}
    if slot == "area" and len(options) > 2 and form_asked_last(tracker) and _TAKES_THE_SECOND.fullmatch(normalise(text)):
        return {slot: options[2]}  # "the second one", "2" (the third review, session 49)
    if slot and intent == CRISIS_INTENT and form_asked_last(tracker):
        # The crisis policy let a plain answer through ("15 next month"): the same pure test here.
        risk = (tracker.latest_message or {}).get("risk") or {}
        waived = waives_the_check(text, risk, slot, tracker.get_slot("user_role"), is_plain_area_answer, is_plain_school_answer)
        return {slot: text} if waived else {}
    if slot and intent in SAID_AT_A_SAFETY_QUESTION and form_asked_last(tracker) and answered_in_closed_words(slot, text):
        # "not in anything right now" at the school question was read as "not safe" ("right now")
        # and got "Sorry, I didn't get that" (development author D17, a phone trial, session 36).
        # Only a question's closed parsers, never a school's or a place's name: the risk layer has
        # read the message already, and "not safe" by itself asks the check question.
        return {slot: text}
    if not slot or intent not in NOT_A_SLOT_VALUE or intent in NEVER_AN_ANSWER:
        return {}
    if CONTROL_REQUEST.search(normalise(text)) or not form_asked_last(tracker):
        return {}
    return {slot: text} if understood_as(slot, text, tracker, intent) else {}


_TAKES_THE_FIRST = re.compile(
    r"(?:ok|okay|k|kk|yes|yeah|yea|yep|yh|ye|sure|fine|that s fine|thats fine|that one|the first one|first one|the first|1|"
    r"yes please|yeah please|ok please|ok thanks|ok thx|yes thats it|yes that s it|thats it|that s it|that s right|thats right)"
)
_TAKES_THE_SECOND = re.compile(r"(?:the )?(?:second|2nd)(?: one)?(?: please| pls)?|2|the other one|other one")
# The intents of an answer to "Are you safe right now?": outside it, never a school's or a place's name.
SAID_AT_A_SAFETY_QUESTION = frozenset({"not_safe", "confirm_safe"})


def answered_in_closed_words(slot: str, text: str) -> bool:
    """Does a question's closed parser (who is chatting, the age, not at school or a skip) take `text`?"""
    if slot == "user_role":
        return role_answer(text) is not None
    if slot == "age":
        return parse_age(text) is not None
    if slot == "school":
        return parse_school_absence(text) is not None
    return False


# Ages 1 to 3 typed alone may be a button's place ("1" for the first): only an older age counts.
YOUNGEST_AGE_TYPED_FOR_THE_ROLE = 4


def age_typed_instead_of_the_role(text: str) -> Age | None:
    """An age and nothing else ("13", "year 9", "hes 14") typed to "Who is chatting today?":
    the child's age whoever is chatting (a young person's own, a parent's or a professional's
    child's), so the form keeps it and asks the role again."""
    age = parse_age(text)
    if age is None or age.unknown or age.out_of_range or (age.low or 0) < YOUNGEST_AGE_TYPED_FOR_THE_ROLE:
        return None
    return age if is_plain_answer_from_anyone(text, "age") else None


def option_of_the_schools_area(options: Sequence[str], tracker: Tracker) -> AreaResolution | None:
    """The one choice of a place shared by two areas that is in the area of the school already
    found, resolved; None when no school was found or not exactly one choice is its area's."""
    directory = get_directory()
    school = directory.schools.by_urn(tracker.get_slot("school_urn")) if directory else None
    if school is None:
        return None
    fitting = [found for found in map(_place_found, options) if found is not None and found.area_code == school.area_code]
    return fitting[0] if len(fitting) == 1 else None


def age_beside_a_young_persons_role(text: str) -> Age | None:
    """"student, 20", "20, student", "im a student, 20" typed to "Who is chatting today?": the role
    was taken and the age asked five times over ("leicester" then got "Sorry, I didn't get that": a
    user trial, session 49). One bare number beside a young person's role and nothing else; never
    beside a parent's or a professional's ("mum 3 kids")."""
    clean = normalise(text)
    numbers = [word for word in clean.split() if word.isdigit()]
    if len(numbers) != 1 or role_answer(text) != "young_person":
        return None
    rest = " ".join(word for word in clean.split() if word != numbers[0])
    if not rest or role_answer(rest) != "young_person" or not is_plain_answer(rest, "user_role"):
        return None
    age = parse_age(numbers[0])
    if age is None or age.unknown or age.out_of_range or (age.low or 0) < YOUNGEST_AGE_TYPED_FOR_THE_ROLE:
        return None
    return age


# Bookkeeping actions, not replies: skipped when reading what the bot did between messages.
_BOOKKEEPING = frozenset({"action_listen", "action_extract_slots"})


# The replies between the check question and the same question asked again (one list, shared with
# the crisis policy: signposting.responses).
ASKED_AGAIN_AFTER = frozenset((reply, CHECK_RISK) for reply in CHECK_ASKED_AGAIN_AFTER)


def answer_held_by_the_check(tracker: Tracker) -> dict[str, Any]:
    """{requested slot: text} after a "No" to the risk layer's check question, where `text` is
    the message that raised it and the form had asked for that slot ("im 16 and i hate myself"
    at the age question), and any more told before the check was asked again. The crisis policy
    has already judged these messages; without this the form asked the same question again and
    the user typed the answer twice."""
    slot = tracker.get_slot("requested_slot")
    users = user_turns(tracker)
    if not slot or len(users) < 2:
        return {}
    events, previous, last = tracker.events, users[-2], users[-1]
    told = [str(events[previous].get("text") or "")]
    between = tuple(bot_actions(events[previous + 1 : last], _BOOKKEEPING))
    if len(users) >= 3 and between in ASKED_AGAIN_AFTER and bot_actions(events[users[-3] + 1 : previous], _BOOKKEEPING) == [CHECK_RISK]:
        # More told, thanked and the check asked again ("it was his birthday present from his dad…
        # I just worry about screen time"): both messages are the answer (session 32's note);
        # "what do you mean?", explained, is no answer itself (session 34).
        previous = users[-3]
        told = [str(events[previous].get("text") or ""), *(told if between[0] in CHECK_ASKED_AGAIN_KEEPING_THE_MESSAGE else [])]
    elif between != (CHECK_RISK,):
        return {}
    asked = bot_actions(events[:previous], _BOOKKEEPING)
    if not asked or asked[-1] != "triage_form":
        return {}
    if CHECK_OK not in bot_actions(events[last + 1 :], _BOOKKEEPING):
        return {}
    text = " ".join(told)
    if is_next_step_request(text):
        return {}  # a request answered after the "No" (bot/nlu/crisis_policy.py), not an answer
    return {slot: text} if understood_as(slot, text, tracker) else {}


# The crisis steps that answer a message before the form reads it, and the replies that
# settle them (the user said no to the check question, or that they are safe).
HOLDING_STEPS = frozenset({CHECK_RISK, *CRISIS_FIRST_STEP.values()})
SETTLING_STEPS = frozenset({CHECK_OK, GLAD_YOU_ARE_SAFE, GLAD_CHILD_IS_SAFE, GLAD_THEY_ARE_SAFE})


def text_held_by_the_crisis_steps(tracker: Tracker, passed_over: bool = False) -> str | None:
    """The message that raised the check question or the crisis reply, once settled, if the
    form has not run since it: its facts are answers. "hi my daughter is 14 shes at beauchamp
    and were in oadby" raised the check question; after "No" and "Yes, find support" the form
    asked for the age and the place again (a user trial, session 19). With `passed_over`, also
    the message whose check question the user passed over by typing the form's answer (the crisis
    policy let the answer through): "i havent been to school in 3 weeks", the check question, then
    "young person" lost the worry (session 27's note)."""
    events, users = tracker.events, user_turns(tracker)
    if not users:
        return None
    # Settled this turn ("No" to the check question, the form resuming) or in an earlier one.
    settled = bool(SETTLING_STEPS & set(bot_actions(events[users[-1] + 1 :], _BOOKKEEPING)))
    for position in range(len(users) - 2, -1, -1):
        start, end = users[position], users[position + 1]
        replies = bot_actions(events[start + 1 : end], _BOOKKEEPING)
        if "triage_form" in replies:
            return None  # the form has read what came before
        settled = settled or bool(SETTLING_STEPS & set(replies))
        settled = settled or (passed_over and position == len(users) - 2 and replies == [CHECK_RISK] and form_starts_or_runs_now(tracker))
        if replies and replies[0] in HOLDING_STEPS:
            text = str(events[start].get("text") or "")
            # "do it again for my sister" holds a request, not a worry about a sister (D3)
            return text if settled and not is_next_step_request(text) else None
    return None


NOT_GIVEN = "not given"  # the area slot after "rather not say"
# Words that say the speaker is a young person, not only that they are young ("im 15").
_NAMES_A_YOUNG_PERSON = re.compile(
    r"\b(?:young person|young people|teen|teenager|student|pupil|care leaver|apprentice)\b"
    # one's own age, or "it's for me", as the first message ("hey im 13" was asked who is chatting:
    # a user trial, session 45); never beside a child of theirs (parse_role_typed reads those first)
    r"|\b(?:i m|im|i am|i (?:just |only )?turned|i ve just turned|ive just turned) (?:only |just )?(?:[5-9]|1\d|2[0-5])\b"
    r"(?! (?:kids|children|sons|daughters|year old (?:son|daughter)|weeks|months|days|stone|kg))"
    r"|^(?:hi |hey |hello )?(?:its |it s )?(?:for )?me$"
)

# A role said at the school question is an answer to "Who is chatting today?" only in a few words,
# and with no word of school in it (the review, session 34).
ROLE_ANSWER_MAX_WORDS = 4
_NOT_WORDS = re.compile(r'[/{}\[\]<>="_]')
_TELLS_A_SCHOOL = re.compile(
    r"\b(?:school|college|academy|sixth form|uni|university|student|pupil|year \d{1,2}|y\d{1,2}|yr \d{1,2}|referral|unit|class|form)\b"
)
# What the school slot holds once an answer was read (validate_school).
SCHOOL_STATES = ("skipped", "not at school", "not found")


class ValidateTriageForm(FormValidationAction):
    def name(self) -> str:
        return "validate_triage_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        intent, answer = latest_intent(tracker), typed_answer(tracker)
        starting = tracker.get_slot("requested_slot") is None
        # A greeting that says more ("hi i'm a step dad", a user trial) starts the questions with it.
        # So does a worry told first that DIET read as a request (bot/nlu/opening_worry.py).
        if intent in NOT_AN_ANSWER and not answer and not answer_held_by_the_check(tracker) and not (
            text_held_by_the_crisis_steps(tracker) or (starting and intent == "greet") or told_a_worry_under_another_intent(tracker)
            or asked_for_support_first(tracker, intent)
            or (starting and intent == CRISIS_INTENT and waives_the_check_for_a_role_told_first(
                latest_text(tracker), (tracker.latest_message or {}).get("risk") or {}))  # "Mum of 3" (the crisis policy)
        ):
            return []  # nothing extracted: the form rejects and the intent's rule answers
        if answer and intent in QUESTION_REPLIES and asks_something(latest_text(tracker)):
            # "am i too old for this im 18": the answer and the question. Never a question's reply
            # to an answer that asks nothing: "im scared to go to big school in september" got the
            # privacy reply (DIET's guess, 0.8: a user trial, session 45).
            dispatcher.utter_message(response=QUESTION_REPLIES[intent])
        return await super().run(dispatcher, tracker, domain)

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """The slot mappings skip intents that are not answers; an answer they skipped is added here."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        held = {**typed_answer(tracker), **answer_held_by_the_check(tracker)}
        asked = tracker.get_slot("requested_slot")
        if asked and asked not in held and told_a_worry_under_another_intent(tracker):
            held[asked] = latest_text(tracker)  # its validation thanks them for the worry and asks again
        # The asked question's answer inside a message the crisis reply answered ("15 but tbh dont
        # think ill make it to 16" at the age question): read once they said they are safe.
        crisis_text = text_held_by_the_crisis_steps(tracker)
        if asked and crisis_text and asked not in held and tracker.get_slot(asked) is None and self._answers(asked, crisis_text, tracker):
            held[asked] = crisis_text
        return events + [SlotSet(slot, value) for slot, value in held.items()]

    @staticmethod
    def _answers(slot: str, crisis_text: str, tracker: Tracker) -> bool:
        """Does a crisis message answer the asked question? "I want to die" says nothing about who
        is chatting: for that question only a clear parent or professional counts."""
        if slot == "user_role":
            return parse_role_typed(crisis_text) in ("parent_carer", "professional")
        return understood_as(slot, crisis_text, tracker)

    # --- answers given before they were asked, and corrections -----------------------

    @staticmethod
    def _texts(tracker: Tracker) -> list[str]:
        """The latest message, then one the crisis steps held before the form could read it (also
        one whose check question was passed over: "salam, my son 16 year old… We live Leicester
        Highfields", the check question, then "i am his father": the age and the place were asked
        again, a user trial, session 45)."""
        held = text_held_by_the_crisis_steps(tracker, passed_over=True)
        return [latest_text(tracker), *([held] if held else [])]

    def _volunteered(self, slot: str, tracker: Tracker) -> bool:
        """May we take this slot from the message although we asked for another one?"""
        if tracker.get_slot("requested_slot") == slot:
            return False
        # A place typed after "rather not say" ("no" at the place question) is the place.
        unset = tracker.get_slot(slot) is None or (slot == "area" and tracker.get_slot(slot) == NOT_GIVEN)
        return unset or bool(CORRECTION.search(latest_text(tracker))) or (slot == "area" and a_place_after_one_taken(tracker))

    @staticmethod
    def _confirm_if_changed(slot: str, found: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """Say so when a volunteered value replaces an earlier answer ("actually I'm 15"). A shorter
        name of the same place is no change, and the name given first stays ("the one in Melton"
        after "we live in Melton Mowbray" got "Thanks, I've changed that": a user trial, session 45)."""
        earlier = tracker.get_slot(slot)
        if slot == "area" and found.get("area") and earlier and _same_place_named_shorter(str(earlier), str(found["area"])):
            return {}
        if found and earlier not in (None, found.get(slot)):
            dispatcher.utter_message(response="utter_changed_answer")
        return found

    async def extract_user_role(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if not self._volunteered("user_role", tracker):
            return {}
        if tracker.get_slot("user_role") and not SAYS_IT_CORRECTS.match(normalise(latest_text(tracker))):
            # Who is chatting, once answered, changes only when said as a correction ("actually im his
            # mum"): "my parents have shared custody and im not allowed..." is no parent (the review, session 27)
            return {}
        starting = tracker.get_slot("requested_slot") is None
        for text in self._texts(tracker):
            role = parse_role_typed(text)
            # "me"/"for me" in passing is weak evidence: only a clear parent or professional counts,
            # or, as the first message, a young person named as such ("young person", typed not tapped).
            # ("is there a service for young people" names who the support is for, not who asks)
            if role in ("parent_carer", "professional") or (
                role == "young_person" and starting and _NAMES_A_YOUNG_PERSON.search(normalise(text))
                and not asks_for_support_in_general(text)
            ):
                return {"user_role": role}
        return {}

    async def extract_age(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if not self._volunteered("age", tracker):
            return {}
        age = next(filter(None, (parse_age_mention(text) for text in self._texts(tracker))), None)
        if age is None and tracker.get_slot("requested_slot") == "user_role" and tracker.get_slot("age") is None:
            age = age_beside_a_young_persons_role(latest_text(tracker))
        return self._confirm_if_changed("age", {"age": age.label} if age else {}, dispatcher, tracker)

    async def extract_area(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if not self._volunteered("area", tracker):
            return {}
        for text in self._texts(tracker):
            # "13, belgrave"; a town elsewhere in England only when said as where they live ("im 16
            # from braintree"): "16 in march" is a birthday, not the town of March.
            said_as_home = place_said_as_home(text)
            for candidate in (text, words_after_a_leading_age(text)):
                resolution = resolve_area(candidate, fuzzy=False) if candidate else None
                if resolution and resolution.status == "found" and resolution.how != "england_town" and (
                    candidate == text or settings.deployment.covers(resolution.area_code) or is_a_city_of_the_nations(resolution.place)
                ) and not self._only_the_schools_name(text, resolution.place, tracker):
                    # after an age, only a place of ours or a city of the other nations ("19, belfast"):
                    # "im 14, logan" is a name, not Logan in Scotland (the review, session 27)
                    return self._confirm_if_changed("area", {"area": resolution.place}, dispatcher, tracker)
                if resolution and resolution.status == "ambiguous" and candidate == text and a_place_after_one_taken(tracker):
                    # "WD23" at the worry question after "hitchin" was read earlier: the place question
                    # asks which is closest (validate_area keeps its choices), never "Sorry" (a phone trial, session 44)
                    return self._confirm_if_changed("area", {"area": resolution.place}, dispatcher, tracker)
                if resolution and resolution.status == "ambiguous" and resolution.how == "outward_code" and candidate != text:
                    # "13, CM20" (development author D7): a postcode district is no name; the place
                    # question asks which is closest (validate_area keeps its choices)
                    return self._confirm_if_changed("area", {"area": resolution.place}, dispatcher, tracker)
            if said_as_home is None and (town := town_after_an_age_and_in(text)) and not is_everyday(town):
                said_as_home = town  # "18 in peterborough" (development author D18); never "16 in march"
            resolution = resolve_area(said_as_home, fuzzy=False) if said_as_home else None
            # A place in two areas ("bishops stortford") is kept for the place question to ask
            # which is closest (validate_area keeps its choices); one outside them is said so.
            if resolution and resolution.status in ("found", "outside", "ambiguous") and resolution.place:
                return self._confirm_if_changed("area", {"area": resolution.place}, dispatcher, tracker)
        return {}

    @staticmethod
    def _only_the_schools_name(text: str, place: str | None, tracker: Tracker) -> bool:
        """At the school question, is the place found only a word of the school's own name ("Bushey
        Meads", "Rushey Mead", "Loughborough College")? Taken as where they live, the place question
        was skipped, and a parent who then typed their town got "Sorry, I didn't get that" (a user
        trial, session 44). "st marks in harlow" names the school and then its place."""
        if tracker.get_slot("requested_slot") != "school" or not place or place_said_as_home(text):
            return False
        text = answer_after_asking_why(text) or text
        directory = get_directory()
        school = directory.schools.match(text, tracker.get_slot("area_code")) if directory else None
        return school is not None and normalise(place) in normalise(school.name) and not too_old_for(school, _age_min(tracker))

    async def extract_concern(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if not self._volunteered("concern", tracker):
            return {}
        said = latest_text(tracker)
        if tracker.get_slot("requested_slot") == "school" and names_a_school(said):
            return {}  # a school's name, not the worry "school" ("kings langley school": session 34)
        if tracker.get_slot("services_shown") and parse_change_target(said) == "concern":
            # "i picked the wrong worry", "can i change the worry": the question is asked again;
            # the words naming it are no worry (they searched for worry, D5). "change the worry
            # to bullying" keeps its new worry, read by the rules alone.
            concern = read_concern(without_target_words(said, "concern"), None)
            concern = concern if concern != "other" else None
        elif tracker.get_slot("requested_slot") == "user_role" and is_plain_answer(said, "user_role") \
                and parse_role_typed(said) in ("parent_carer", "professional"):
            # "kinship carer - I look after my grandson" was read as a young carer's worry, and the
            # worry was never asked (a user trial, session 46): an adult's role holds none
            concern = None
        elif only_an_exam_stage(said):
            # "gcse year" answers the age question: its exam words are no worry (and the rules read
            # "gcse year and im being bullied" without them: bullying, not exam stress)
            concern = None
        else:
            concern = worry_told(tracker, said, rules_read=worry_words(said))
        held = text_held_by_the_crisis_steps(tracker, passed_over=True)
        if concern is None and held and not a_plain_answer_held(tracker, held):
            # the worry that raised a crisis step ("i found cuts on his arms"); never one read in a
            # plain answer: "my mum told me to try this" at "Who is chatting today?" was family (session 45)
            concern = concern_in(tracker, held)
            concern = concern if concern != "other" else None
        return self._confirm_if_changed("concern", {"concern": concern} if concern else {}, dispatcher, tracker)

    # --- validation of each answer ---------------------------------------------------

    def validate_user_role(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if replied_before_an_answer("user_role", str(value or ""), dispatcher, tracker):
            return {"user_role": None}
        role = role_answer(str(value or ""))
        if role is None and role_asked_without_an_answer(tracker) >= ROLE_ASKED_AT_MOST:
            # "15", "sixth form", "leicester", "exam stress": each kept, and "Who is chatting today?"
            # asked five times (a user trial, session 46). The chat is for young people first: go on
            # as one, and say how to put it right.
            dispatcher.utter_message(response="utter_role_taken_as_young_person")
            return {"user_role": "young_person"}
        if role is None and (age := age_typed_instead_of_the_role(str(value or ""))) is not None:
            # "13" typed to "Who is chatting today?" got "Sorry, I didn't get that" and the age was
            # lost (a phone trial, session 35): kept, whoever it belongs to, and the role asked again.
            dispatcher.utter_message(response="utter_age_noted_ask_role")
            return {"user_role": None, **age.slots()}
        if role is None and is_plain_area_answer(normalise(str(value or ""))):
            # "hitchin" typed to "Who is chatting today?" after an age: extract_area keeps the place,
            # and "Sorry, I didn't get that" was wrong (a user trial, session 44)
            dispatcher.utter_message(response="utter_place_noted_ask_role")
            return {"user_role": None}
        if role is None:
            dispatcher.utter_message(response=not_understood_or_worry_noted(tracker, "user_role", str(value or ""), "utter_role_not_understood"))
            return {"user_role": None}
        return {"user_role": role}

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if replied_before_an_answer("age", str(value or ""), dispatcher, tracker):
            return {"age": None}
        # "year 11 no wait year 12": the answer after the correction (development author D19)
        age = corrected_answer(str(value or ""), parse_age, AGE_FIRST) or parse_age(str(value or ""))
        if age is None and (role := role_restated(tracker, str(value or ""))):
            return {"age": None, **say_role_restated(tracker, role, dispatcher)}  # "I'm his mum" (a phone trial, session 34)
        if age is None and several_children_named(str(value or "")):
            # "I have two kids" was taken as the age 2 (a user trial, session 46)
            dispatcher.utter_message(response="utter_one_child_at_a_time")
            return {"age": None}
        if age is None:
            dispatcher.utter_message(response=not_understood_or_worry_noted(tracker, "age", str(value or ""), "utter_age_not_understood"))
            return {"age": None}
        if age.out_of_range:
            dispatcher.utter_message(response="utter_age_out_of_range")
            return {"age": None}
        return age.slots()

    def validate_school(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        if text != latest_text(tracker) and (text in SCHOOL_STATES or (text and tracker.get_slot("school_urn"))):
            # Checked already: the form is active again after "different area" and re-validates
            # its answers; "skipped" is not a school name, and "I couldn't find that school" would be
            # wrong; a school found is not found again ("Thanks. I found Parmiter's School." after
            # "i picked the wrong worry": a phone trial, session 28).
            return {"school": text}
        if replied_before_an_answer("school", text, dispatcher, tracker):
            return {"school": None}
        text = answer_after_asking_why(text) or text  # "why does it matter... fine its bushey meads"
        if absence := parse_school_absence(text):  # "skipped" or "not at school"
            return {"school": absence, "school_urn": None, "school_has_mhst": None}
        if asks_why_the_form_asks(text):
            dispatcher.utter_message(response=WHY_WE_ASK["school"])
            return {"school": None}
        directory = get_directory()
        area_code = tracker.get_slot("area_code")
        # "catmose, sorry i mean uppingham community college": the school after the correction
        age_min = _age_min(tracker)  # a young person of 12 or more is at no primary school ("Epping" by an 18-year-old)
        school = (corrected_answer(text, lambda tail: directory.schools.match(tail, area_code, age_min=age_min))
                  or directory.schools.match(text, area_code, age_min=age_min)) if directory else None
        if school is not None and a_place_named_like_a_school_elsewhere(text, school):
            school = None  # "luton" is not Luton Primary School, in Chatham (a user trial, session 46)
        place_taken_now = tracker.get_slot("area") is None or "area" in tracker.slots_to_validate()
        if school is None and place_taken_now and told_where_they_live(text):
            # "i live in luton" at the school question: the place is taken (extract_area), and
            # the school question asked again, not "I couldn't find that school". (With the place
            # given before, the message is looked up as a school as any other; "st marks in harlow"
            # names both.)
            return {"school": None}
        role = role_restated(tracker, text) if school is None else None
        if role:
            # "young person" or "my son" at the school question, answering "Who is chatting today?"
            # late (asked before a crisis reply, in the widget), got "I couldn't find that school"
            # and the school was passed over (a phone trial, session 34): who is chatting, and the
            # school question again.
            return {"school": None, **say_role_restated(tracker, role, dispatcher)}
        if school is None and not names_a_school(text) and told_a_worry_instead(tracker, text):
            # "exam stress and panic" at the school question got "I couldn't find that school" (a
            # user trial, session 45): the worry is thanked and kept, and the school asked again
            dispatcher.utter_message(response="utter_worry_noted")
            return {"school": None}
        if school is None:
            dispatcher.utter_message(response="utter_school_not_found")
            return {"school": "not found", "school_urn": None, "school_has_mhst": None}
        if school.area_code == NATIONAL or not settings.deployment.keeps_area(school.area_code):
            # A school elsewhere in England (or in a region this deployment does not cover):
            # the user most likely lives outside our areas.
            dispatcher.utter_message(response="utter_school_outside", school_name=school.name)
            found = {"school": school.name, "school_urn": str(school.urn), "school_has_mhst": None}
            if tracker.get_slot("area_code") is None:
                found.update(area=school.town or "outside our areas", area_code=NATIONAL, area_group="other")
            return found
        if school.has_mhst:
            dispatcher.utter_message(response="utter_school_has_mhst", school_name=school.name)
        else:
            dispatcher.utter_message(response="utter_school_found", school_name=school.name)
        return {
            "school": school.name,
            "school_urn": str(school.urn),
            # Only a named source makes us say a school has a team; otherwise we don't know.
            "school_has_mhst": True if school.has_mhst else None,
        }

    def validate_area(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if replied_before_an_answer("area", str(value or ""), dispatcher, tracker):
            return {"area": None}  # "Which is closest?" keeps its choices (area_options)
        # "LE4 sorry LE18", "Leicester. Sorry, I mean Leicestershire": the place after the correction
        resolution = corrected_answer(str(value or ""), _place_found) or resolve_area(str(value or ""))
        # An emoji or dots alone say nothing: asked again, not read as "rather not say" (a user
        # trial, session 19: "😭" got only help for anywhere in England).
        said_nothing = not normalise(str(value or ""))
        if not said_nothing and is_declined(str(value or "")) and (resolution is None or resolution.status == "unknown"):
            # "rather not say", "n/a": national services, which need no place.
            dispatcher.utter_message(response="utter_area_skipped")
            return {"area": NOT_GIVEN, "area_code": NATIONAL, "area_group": "other", "area_options": None}
        if resolution is None:  # no database: national services, which need no place
            return {"area": str(value), "area_code": NATIONAL, "area_group": "other", "area_options": None}
        if resolution.status == "found":
            return {
                "area": resolution.place,
                "area_code": resolution.area_code,
                "area_group": crisis_line_group(resolution.area_code),
                "area_options": None,
            }
        if resolution.status == "outside":
            if settings.deployment.areas:
                dispatcher.utter_message(response="utter_area_outside", covered_areas=covered_areas())
            else:  # a national-only deployment: nowhere is "outside"
                dispatcher.utter_message(response="utter_area_national")
            return {"area": resolution.place or "outside our areas", "area_code": NATIONAL, "area_group": "other", "area_options": None}
        if resolution.status == "ambiguous" and (chosen := option_of_the_schools_area(resolution.options, tracker)):
            # "bishops stortford" after The Bishop's Stortford High School asked "Which is closest?"
            # and, asked again after every message, never showed a service (a user trial, session 49)
            return {
                "area": chosen.place, "area_code": chosen.area_code,
                "area_group": crisis_line_group(chosen.area_code), "area_options": None,
            }
        if resolution.status == "ambiguous":
            # action_ask_area asks which of these, instead of the usual question.
            return {"area": None, "area_options": [resolution.place or str(value), *resolution.options]}
        # A worry kept by extract_concern is thanked; then the place is asked again. Told at "Which
        # is closest?", that question stays, with its choices: the place typed before it is not
        # asked for again (phone trial, 2026-12-02: "LE4", then "he cries every morning before school").
        response = not_understood_or_worry_noted(tracker, "area", str(value or ""), "utter_area_not_understood")
        dispatcher.utter_message(response=response, postcode_examples=settings.deployment.postcode_examples)
        worry_noted = response == "utter_worry_noted"
        return {"area": None, "area_options": tracker.get_slot("area_options") if worry_noted else None}

    @staticmethod
    def _is_the_area(text: str, tracker: Tracker) -> bool:
        resolution = resolve_area(text, fuzzy=False) if text else None
        return bool(resolution and resolution.status == "found" and resolution.place == tracker.get_slot("area"))

    def validate_concern(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        # issue #12c: the first "Something else" shows the longer list (action_ask_concern).
        if replied_before_an_answer("concern", str(value or ""), dispatcher, tracker):
            return {"concern": None}
        if is_something_else(str(value or "")) and tracker.get_slot("concern_menu") != "more":
            return {"concern": None, "concern_menu": "more"}
        concern = concern_in(tracker, str(value or ""))
        held = text_held_by_the_crisis_steps(tracker, passed_over=True) if concern is None else None
        if held:
            # "i havent been sleeping, my head wont switch off" raised the check question, then "its
            # mostly gaming till late tbh, its just a habit i want to break" got "Sorry, I didn't get
            # that" and both were lost (a phone trial, session 33): the held message is the worry,
            # or, if it tells none alone, the two together ("my mum says i should talk to someone"
            # after it is still sleep, not family: the review, session 34).
            read = [reading for reading in (concern_in(tracker, held), concern_in(tracker, f"{held} {value}")) if reading not in (None, "other")]
            concern = read[0] if read else None
        if concern is None:
            if self._is_the_area(str(value or ""), tracker) or a_place_after_one_taken(tracker):
                return {"concern": None}  # "loughborough", typed late: the place (extract_area)
            dispatcher.utter_message(response="utter_concern_not_understood")
            return {"concern": None}
        return {"concern": concern}


# How often "Who is chatting today?" is asked before the questions go on for a young person.
ROLE_ASKED_AT_MOST = 3


def role_asked_without_an_answer(tracker: Tracker) -> int:
    """How many times "Who is chatting today?" was asked since the conversation (re)started."""
    return sum(
        1 for event in tracker.applied_events()
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == "utter_ask_user_role"
    )


def a_place_named_like_a_school_elsewhere(text: str, school: SchoolRecord) -> bool:
    """Is `text` only a place's name ("luton"), the whole name of a school outside our areas in
    another town ("Luton Primary School", Chatham)? Then it is the place, not the school."""
    if school.area_code in AREA_CODES or school_key(text) != school_key(school.name):
        return False  # one of ours named by its place ("mark hall", "castle donington"): the school (the review)
    if normalise(text) in normalise(f"{school.town or ''} {school.district or ''}"):
        return False
    place = resolve_area(text, fuzzy=False)
    return place is not None and place.status in ("found", "outside") and normalise(place.place or "") == normalise(text)


# "why do u need to know that": why the question is asked, and that it can be skipped where it can.
WHY_WE_ASK = {slot: f"utter_why_{slot}" for slot in ("user_role", "age", "school", "area")}
# "what do you mean?": the question said more plainly (then the form asks it again).
WHAT_WE_MEAN = {slot: f"utter_what_we_mean_{slot}" for slot in ("user_role", "age", "school", "area", "concern")}


def replied_before_an_answer(slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """The question explained (`explained_the_question`), a pause met ("hang on", "brb", "sorry
    my brother came in": taken as a school's name or a place, a user trial, session 46), or an
    earlier age put right (it got "Sorry, I didn't get that" beside "Thanks, I've changed that"):
    the reply, if any, and then the question again."""
    if takes_a_pause(text):
        dispatcher.utter_message(response="utter_take_your_time")
        return True
    if slot != "age" and only_puts_an_age_right(text):
        return True  # "sorry i meant 15 not 13": extract_age said "Thanks, I've changed that"
    if slot == "area" and asks_what_a_postcode_is(text) and not was_said(tracker.events, WHAT_WE_MEAN[slot]):
        # (once: "i dont know my postcode" three times got the same three times, the review, session 46)
        dispatcher.utter_message(response=WHAT_WE_MEAN[slot], postcode_examples=settings.deployment.postcode_examples)
        return True
    return explained_the_question(slot, text, dispatcher)


def explained_the_question(slot: str, text: str, dispatcher: CollectingDispatcher) -> bool:
    """Says what the question means if the message asks ("what do you mean?", "huh"): before the
    question's own parser, which read "not sure what you mean" as "not sure" and skipped it."""
    if not asks_what_we_mean(text):
        return False
    dispatcher.utter_message(response=WHAT_WE_MEAN[slot], postcode_examples=settings.deployment.postcode_examples)
    return True


def role_restated(tracker: Tracker, text: str) -> str | None:
    """Who is chatting, said in a few words at a later question ("I'm his mum", "young person"): the
    role already given, a parent or a professional, or a young person named as such (never "me",
    which says little at a question about a child)."""
    clean = normalise(text)
    if _NOT_WORDS.search(text):
        return None  # an intent typed ('/greet{"role_hint": "professional"}', read without its "/") sets nothing
    if len(clean.split()) > ROLE_ANSWER_MAX_WORDS or _TELLS_A_SCHOOL.search(clean):
        return None  # "im at college", "year 10 student", "pupil referral unit" tell the school
    role = role_answer(text)
    if role is None:
        return None
    if role == tracker.get_slot("user_role") or role in ("parent_carer", "professional") or "young person" in clean:
        return role
    return None


def say_role_restated(tracker: Tracker, role: str, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """"OK." for the role already given, "Thanks, I've changed that." for another; the question comes again."""
    changed = tracker.get_slot("user_role") not in (None, role)
    dispatcher.utter_message(response="utter_changed_answer" if changed else "utter_ok_then_the_question")
    return {"user_role": role}


def _same_place_named_shorter(earlier: str, found: str) -> bool:
    """Is `found` the first words of the place named `earlier` ("Melton" of "Melton Mowbray")?"""
    earlier_words, found_words = normalise(earlier).split(), normalise(found).split()
    return 0 < len(found_words) < len(earlier_words) and earlier_words[: len(found_words)] == found_words


def a_plain_answer_held(tracker: Tracker, held: str) -> bool:
    """Is the message the crisis steps held only an answer to the question asked then?"""
    asked = tracker.get_slot("requested_slot")
    return asked in ("user_role", "age", "school") and is_plain_answer_from_anyone(held, asked, school_answer=is_plain_school_answer)


def not_understood(slot: str, text: str, response: str) -> str:
    """The reply to an answer the form could not use: why we ask, if that was the question; a
    plain "OK" to a "yes please" (said to go on, after the answer to a first question: phone
    trial, 2026-12-02), which is no answer to this question but no misunderstanding either."""
    if asks_why_the_form_asks(text):
        return WHY_WE_ASK[slot]
    return "utter_ok_then_the_question" if parse_yes_no(text, loose=True) == "yes" else response


def not_understood_or_worry_noted(tracker: Tracker, slot: str, text: str, response: str) -> str:
    """A worry typed instead of the answer ("my parents are splitting up and i cry every night"
    at "Who is chatting today?"), which extract_concern kept, is thanked and the question asked
    again; anything else gets `not_understood`."""
    return "utter_worry_noted" if told_a_worry_instead(tracker, text) else not_understood(slot, text, response)


def worry_told(tracker: Tracker, text: str, rules_read: str | None = None) -> str | None:
    """The worry a message told as a worry (not "something else"), whatever was asked; before the
    list, also one DIET read as a request (`told_a_worry_under_another_intent`)."""
    if latest_intent(tracker) not in ("describe_concern", "change_answer"):
        if text != latest_text(tracker) or not told_a_worry_under_another_intent(tracker):
            return None
        return worry_told_first(text, parse_data_of(tracker, text))
    concern = concern_in(tracker, text, rules_read)
    return concern if concern != "other" else None


def told_a_worry_instead(tracker: Tracker, text: str) -> bool:
    """A worry typed at the place question ("im being bullied and its making me down") that
    extract_concern kept: the bot never thanks for a worry it dropped."""
    concern = worry_told(tracker, text)
    return concern is not None and tracker.get_slot("concern") in (None, concern)


@lru_cache(maxsize=1)
def _cities_of_the_nations() -> frozenset[str]:
    return cities_of_the_nations()


def is_a_city_of_the_nations(place: str | None) -> bool:
    return bool(place) and normalise(place or "") in _cities_of_the_nations()


def told_where_they_live(text: str) -> bool:
    """Does the message say where they live, as a place we know ("we live in harlow", "from luton")?"""
    place = place_said_as_home(text)
    resolution = resolve_area(place, fuzzy=False) if place else None
    return bool(resolution and resolution.status in ("found", "outside", "ambiguous"))


class ActionAskArea(Action):
    """Asks where the user lives; after an answer that covered several areas, asks which."""

    def name(self) -> str:
        return "action_ask_area"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        from actions.feedback import ask_contacted_if_due  # issue 14: asked once, on coming back
        from actions.keep_going import before_asking  # issue #12b: guidance after misunderstandings

        events = ask_contacted_if_due(dispatcher, tracker)
        ask_area(dispatcher, tracker, before_asking(dispatcher, tracker, "area"))
        return events


def ask_area(dispatcher: CollectingDispatcher, tracker: Tracker, extra_buttons: list[dict[str, str]]) -> None:
    options = tracker.get_slot("area_options") or []
    if len(options) > 1:
        place, choices = options[0], options[1:]
        dispatcher.utter_message(
            response="utter_area_ambiguous",
            place=place,
            buttons=[{"title": choice, "payload": choice} for choice in choices] + extra_buttons,
        )
    else:
        dispatcher.utter_message(
            response="utter_ask_area", postcode_examples=settings.deployment.postcode_examples,
            buttons=area_buttons() + extra_buttons,
        )
