"""Answers to questions about the services just listed, from their records (issue #12).

"can I text any of these" → the ones that take texts, with the number and hours;
"is there anything online" → the ones you can use online; "do I need a GP referral" → how to
get help from each one; "are any open at weekends" → when each one is open; "whats the
difference between these" → what each one does and who it is for; "which one is quickest" →
waiting times are not known, and which ones you can contact yourself. Which question was
asked is `signposting.list_question`'s job. Every sentence is a reviewed template; the
details are the records' own words, as on the cards.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.cards import first_sentence, for_parent
from actions.directory import get_directory
from actions.render import contact_line, how_to_get_help
from actions.triage_form import latest_text
from services_db.seed import ContactRecord, ServiceRecord
from signposting.list_question import (
    DIFFERENCE,
    HOURS,
    HOW_TO_GET_HELP,
    ON_MY_OWN,
    ONLINE,
    QUICKEST,
    TEXT,
    parse_list_question,
)
from signposting.parsing import parse_age
from signposting.vocabulary import SELF_ACCESS_ROUTES

LINE = "utter_list_line"  # "{name}: {detail}"
WHAT_IT_DOES = "utter_list_what_it_does"
NO_HOURS = "utter_list_no_hours"
SELF_REFERRAL = "utter_list_self_referral"
# "can i go without my parents knowing": the ones to contact yourself, then Childline's confidential line
ON_MY_OWN_INTRO = "utter_list_on_my_own"
ON_MY_OWN_CHILDLINE = "utter_list_on_my_own_childline"
ON_MY_OWN_MIN_AGE = 12


def _at_least(tracker: Tracker, age: int) -> bool:
    """Is the age told (a slot's label, "13" or "13 to 14") `age` or more? False when not told."""
    told = parse_age(str(tracker.get_slot("age") or ""))
    return told is not None and not told.unknown and told.low is not None and told.low >= age
# The sentence before the lines, and the one said when no service shown fits.
INTRO = {
    TEXT: "utter_list_text",
    ONLINE: "utter_list_online",
    HOW_TO_GET_HELP: "utter_list_how_to_get_help",
    HOURS: "utter_list_hours",
    DIFFERENCE: "utter_list_difference",
    QUICKEST: "utter_list_quickest",
}
NONE_FIT = {
    TEXT: "utter_list_none_text",
    ONLINE: "utter_list_none_online",
    QUICKEST: "utter_list_none_self_referral",
}
ONLINE_CONTACTS = ("webchat", "website")
WHAT_IT_DOES_MAX_WORDS = 30  # the whole first sentence: the card cuts it at 14 words


def services_shown(tracker: Tracker) -> list[ServiceRecord]:
    """The services listed in this conversation, in the order shown."""
    directory = get_directory()
    shown = tracker.get_slot("services_shown") or []
    if directory is None or not shown:
        return []
    by_id = {service.id: service for service in directory.services}
    return [by_id[service_id] for service_id in shown if service_id in by_id]


def _contacts(service: ServiceRecord, types: Sequence[str]) -> list[ContactRecord]:
    return [contact for contact in service.contacts if contact.type in types]


def _text_line(service: ServiceRecord) -> str | None:
    contacts = _contacts(service, ("text",))
    return "; ".join(contact_line(contact) for contact in contacts) if contacts else None


def _online_line(service: ServiceRecord) -> str | None:
    contacts = _contacts(service, ("webchat",))
    if not contacts and "online" in service.access_routes:
        contacts = _contacts(service, ONLINE_CONTACTS)
    return "; ".join(contact_line(contact) for contact in contacts) if contacts else None


def _hours_line(service: ServiceRecord) -> str | None:
    hours = [f"{contact_line(contact).split('. Open: ')[0]}: {contact.hours}" for contact in service.contacts if contact.hours]
    return "; ".join(hours) if hours else None


def _self_referral_line(service: ServiceRecord) -> str | None:
    return how_to_get_help(service) if set(service.access_routes) & SELF_ACCESS_ROUTES else None


DETAIL: dict[str, Callable[[ServiceRecord], str | None]] = {
    TEXT: _text_line,
    ONLINE: _online_line,
    HOW_TO_GET_HELP: how_to_get_help,
    HOURS: _hours_line,
    QUICKEST: _self_referral_line,
}


def answer_list_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer a question about the services shown; False when it is none, or nothing was shown."""
    kind = parse_list_question(latest_text(tracker))
    if kind is None:
        return False
    services = services_shown(tracker)
    if not services:
        return False
    reword = for_parent if tracker.get_slot("user_role") == "parent_carer" else (lambda text: text)
    if kind == ON_MY_OWN and (tracker.get_slot("user_role") != "young_person" or not _at_least(tracker, ON_MY_OWN_MIN_AGE)):
        # a parent's or a professional's "do her parents have to know", or a child's under 12 or of an
        # age not told (services for children up to 11 work with parents: the second and third
        # reviews, session 49): how to get help from each
        kind = HOW_TO_GET_HELP
    if kind == ON_MY_OWN:
        yourself = [(service, line) for service in services if (line := _self_referral_line(service))]
        if yourself:
            dispatcher.utter_message(response=ON_MY_OWN_INTRO)
            for service, line in yourself:
                dispatcher.utter_message(response=LINE, name=service.name, detail=line)
        dispatcher.utter_message(response=ON_MY_OWN_CHILDLINE)
        return True
    if kind in (DIFFERENCE, HOURS, QUICKEST):
        dispatcher.utter_message(response=INTRO[kind])  # said whatever the records hold
    if kind == DIFFERENCE:
        for service in services:
            who = (service.age_note or "All ages").rstrip(".")
            dispatcher.utter_message(response=WHAT_IT_DOES, name=service.name, what=reword(first_sentence(service.description, WHAT_IT_DOES_MAX_WORDS)), who=who)
        return True
    lines = [(service, DETAIL[kind](service)) for service in services]
    if kind == HOURS:
        for service, detail in lines:
            if detail:
                dispatcher.utter_message(response=LINE, name=service.name, detail=detail)
            else:
                dispatcher.utter_message(response=NO_HOURS, name=service.name)
        return True
    fitting = [(service, detail) for service, detail in lines if detail]
    if not fitting:
        dispatcher.utter_message(response=NONE_FIT[kind])
        return True
    dispatcher.utter_message(response=SELF_REFERRAL if kind == QUICKEST else INTRO[kind])
    for service, detail in fitting:
        dispatcher.utter_message(response=LINE, name=service.name, detail=reword(detail or ""))
    return True
