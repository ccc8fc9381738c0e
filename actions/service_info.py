"""Questions about a service by its name ("whats kooth", "is camhs free", "what is CAMHS?").

Two user trials (session 19) asked about services by name; every such question got the same
general text ("Here is what I can tell you. This chat is free…"), and "whats camhs" got "I
can't give medical advice". A question that names a service now gets that service's card, as
the list shows it: what it does, who it is for, how to get help, contacts and hours. Only a
service the search would show this user (age, area, who is chatting) is shown; otherwise, and
when no service is named, the general text as before.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.cards import service_card
from actions.directory import get_directory
from actions.keep_going import in_the_form, offer_next_step
from actions.list_questions import answer_list_question
from actions.render import card_values
from actions.services import ActionChangeAnswer, ActionMoreServices, request_from_tracker
from actions.triage_form import latest_text
from services_db.directory import Directory
from services_db.gazetteer import everyday_words
from services_db.opening import london_now
from services_db.query import Match, find_services
from services_db.seed import ServiceRecord
from signposting.concern_reading import asks_for_help_with_a_worry, asks_for_services_for_a_worry
from signposting.list_question import (
    DIFFERENCE,
    HOURS,
    ON_MY_OWN,
    QUICKEST,
    TEXT,
    asks_for_others_beside_a_question,
    parse_list_question,
    place_in_the_list,
)
from signposting.questions import asks_about_a_medicine
from signposting.responses import SERVICE_CARD
from signposting.settings import settings
from signposting.text import normalise

SERVICE_INFO = "utter_service_info"
# Questions about the list answered for each service before a service named by its place
ANSWERED_FOR_EACH = frozenset({HOURS, DIFFERENCE, QUICKEST, ON_MY_OWN, TEXT})  # ("can i text the first one": the third review)
NO_CLINICAL_ADVICE = "utter_no_clinical_advice"
ABOUT_THE_SERVICE = "utter_about_the_service"
MAX_CARDS = 2
ASKED_ABOUT_IT = "You asked about it."
# Words in service names that name no service on their own: "SEND" is also a verb, and a county
# names many services ("is there anything in hertfordshire").
_NOT_A_NAME = frozenset({
    "nhs", "send", "llr", "and", "the", "uk", "a e", "hertfordshire", "herts", "essex", "leicester", "leicestershire",
    "rutland", "wales", "scotland",
})
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
# "what is X", "whats X", "tell me about X", "who are X", "what does X do": a question about a
# thing, not advice (asked of ask_clinical_advice, which DIET chose for "whats camhs").
_WHAT_IS = re.compile(
    r"\b(?:what s|whats|wats|what is|wat is|what are|whats a|who is|who are|who s|whos|tell me (?:more )?about|"
    r"what does|what do|wot is|what s an?|what is an?|explain|info on|information (?:on|about)|more about)\b"
)


def service_aliases(service: ServiceRecord, common: frozenset[str] = frozenset()) -> set[str]:
    """How people name a service: its name, the name before a bracket or a number ("shout"),
    its acronyms ("CAMHS", "SPA"), and a first word that is no everyday word ("cruse")."""
    before = service.name.split(" (")[0]
    bracket = re.findall(r"\(([A-Z][A-Z0-9]{2,})\)", service.name)  # "(SPA)", not "(early help from CAMHS)"
    aliases = {normalise(service.name), normalise(before), normalise(re.sub(r"\s+\d+$", "", before))}
    # An acronym that is also an everyday word ("CALM") counts only with the rest of the name.
    aliases |= {normalise(word) for word in [*_ACRONYM.findall(before), *bracket] if normalise(word) not in common}
    first = normalise(before).split()[0] if normalise(before) else ""
    if first and first.isalpha() and first not in common:
        aliases.add(first)
    return {alias for alias in aliases if alias and alias not in _NOT_A_NAME}


def named_services(text: str, services: Iterable[ServiceRecord], common: frozenset[str] = frozenset()) -> list[ServiceRecord]:
    """The services the text names, as whole words; those named in full ("CAMHS", "Kooth")
    first, then those sharing a word of their name ("CAMHS Crisis and Home Treatment Team")."""
    clean = f" {normalise(text)} "
    named = [service for service in services if any(f" {alias} " in clean for alias in service_aliases(service, common))]
    return sorted(named, key=lambda service: not named_in_full(text, service))


def named_in_full(text: str, service: ServiceRecord) -> bool:
    return f" {normalise(service.name.split(' (')[0])} " in f" {normalise(text)} "


def asks_what_it_is(text: str) -> bool:
    return bool(_WHAT_IS.search(normalise(text)))


def shown_to_this_user(directory: Directory, tracker: Tracker, named: Sequence[ServiceRecord]) -> list[Match]:
    """The named services the search would show this user, best first: for their area, or, before
    the area is known, for any of ours."""
    if not named:
        return []
    wanted = {service.id for service in named}
    request = replace(request_from_tracker(tracker), concern=None)
    areas: list[str | None] = [request.area_code] if request.area_code else [None, *sorted(settings.deployment.area_codes)]
    found: dict[str, Match] = {}
    for area in areas:
        result = find_services(directory.index, replace(request, area_code=area), london_now(), limit=len(directory.services))
        for match in result.matches:
            if match.service.id in wanted:
                found.setdefault(match.service.id, match)
    matches = sorted(found.values(), key=lambda match: [service.id for service in named].index(match.service.id))
    in_full = [match for match in matches if named_in_full(latest_text(tracker), match.service)]
    # Before the area is known, each area's own ("whats camhs": Hertfordshire's and LLR's)
    return (in_full if request.area_code and in_full else matches)[:MAX_CARDS]


def tell_about(dispatcher: CollectingDispatcher, tracker: Tracker, matches: Sequence[Match]) -> None:
    role = tracker.get_slot("user_role")
    area = tracker.get_slot("area_code")
    dispatcher.utter_message(response=ABOUT_THE_SERVICE)
    now = london_now()
    for match in matches:
        card = service_card(match, role, ASKED_ABOUT_IT, now, replaces=1, area=area)
        dispatcher.utter_message(response=SERVICE_CARD, json_message=card, **card_values(match))


def shown_by_its_place(text: str, tracker: Tracker) -> ServiceRecord | None:
    """The service of the list the text points to by its place in it, or None."""
    from actions.list_questions import services_shown  # late: it imports the form's helpers

    place = place_in_the_list(text)
    shown = services_shown(tracker) if place is not None else []
    return shown[place] if shown and place is not None and (place == -1 or place < len(shown)) else None


def tells_about_a_named_service(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """For the fallback: "what is shout" not understood is still a question about Shout; so is
    "whats the number for the first one" about the list's first service."""
    by_its_place = _shown_by_its_place_matched(tracker)
    if by_its_place:
        tell_about(dispatcher, tracker, by_its_place)
        return True
    if not asks_what_it_is(latest_text(tracker)):
        return False
    matches = _named_and_shown(tracker)
    if matches:
        tell_about(dispatcher, tracker, matches)
    return bool(matches)


def _shown_by_its_place_matched(tracker: Tracker) -> list[Match]:
    directory = get_directory()
    service = shown_by_its_place(latest_text(tracker), tracker) if directory else None
    return shown_to_this_user(directory, tracker, [service]) if directory and service else []


def _named_and_shown(tracker: Tracker) -> list[Match]:
    directory = get_directory()
    if directory is None:
        return []
    return shown_to_this_user(directory, tracker, named_services(latest_text(tracker), directory.services, everyday_words()))


class ActionServiceInfo(Action):
    """"is kooth free", "whats camhs": the named service's card; otherwise the general answer."""

    def name(self) -> str:
        return "action_service_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        # NewWorryPolicy sends every question about the list here, whatever the intent. It is answered
        # first ("how do i get in to camhs"), unless it asks what a named service is ("wat is kooth"):
        # then that service's card.
        matches = _named_and_shown(tracker)
        # (a question about the list first where its answer is for each service: "is the top one open
        # now" is each one's hours, "how do i get to the first one without my parents knowing" the ones
        # to contact yourself (the review); "whats the website for the last one" is its card, which has it)
        by_its_place = [] if parse_list_question(latest_text(tracker)) in ANSWERED_FOR_EACH else _shown_by_its_place_matched(tracker)
        if by_its_place:
            tell_about(dispatcher, tracker, by_its_place)  # "is the second one free"
        elif matches and asks_what_it_is(latest_text(tracker)):
            tell_about(dispatcher, tracker, matches)
        elif asks_about_a_medicine(latest_text(tracker)):
            dispatcher.utter_message(response=NO_CLINICAL_ADVICE)  # "whats the best sleeping pill i can take"
        elif not in_the_form(tracker) and answer_list_question(dispatcher, tracker):
            offer_next_step(dispatcher, tracker)
        elif (not matches and not in_the_form(tracker) and tracker.get_slot("services_shown")
              and asks_for_others_beside_a_question(latest_text(tracker))):
            # "Are there any other services? My granddaughter does not wish to go to the doctor." got what
            # the bot knows about the chat (development author D9): the other services
            return await ActionMoreServices().run(dispatcher, tracker, domain)
        elif matches:
            tell_about(dispatcher, tracker, matches)
        else:
            dispatcher.utter_message(response=SERVICE_INFO)
        return []


def asks_for_services_not_advice(text: str) -> bool:
    """"is there anything specifically for eating disorders?", "is there anything for drugs" (drugs
    the worry, not a medicine), "anxiety" named alone: services for a worry, not medical advice."""
    return asks_for_services_for_a_worry(text) or asks_for_help_with_a_worry(text)


class ActionClinicalAdvice(Action):
    """"what is CAMHS?" read as a request for medical advice: what the service is, as above. Any
    other question gets "I can't give medical advice…" as before."""

    def name(self) -> str:
        return "action_clinical_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        matches = _named_and_shown(tracker) if asks_what_it_is(latest_text(tracker)) else []
        if matches:
            tell_about(dispatcher, tracker, matches)
            return []
        if tracker.get_slot("services_shown") and not in_the_form(tracker) and asks_for_services_not_advice(latest_text(tracker)):
            return await ActionChangeAnswer().run(dispatcher, tracker, domain)
        if tracker.get_slot("services_shown") and not in_the_form(tracker) and answer_list_question(dispatcher, tracker):
            # "Do we need to see the GP first?", "Can I refer him myself?" about the list: how to get to each
            # (a user trial, session 47, got "I can't give medical advice… If you have taken too much…")
            offer_next_step(dispatcher, tracker)
            return []
        dispatcher.utter_message(response=NO_CLINICAL_ADVICE)
        return []
