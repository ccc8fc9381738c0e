"""Search actions: show the 2-4 services that fit, more options, start again, change an answer."""
from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.cards import STALE_RESPONSES, card_reasons, service_card
from actions.directory import get_directory
from actions.feedback import ask_helpful_once
from actions.keep_going import QUESTIONS, offer_next_step
from actions.render import card_values
from actions.triage_form import concern_in, latest_text, resolve_area, text_answered_now
from services_db.opening import london_now
from services_db.query import SearchRequest, SearchResult, find_services
from signposting.change_request import (
    asks_for_somewhere_nearer,
    names_somewhere_else,
    parse_change_target,
    without_target_words,
)
from signposting.concern_reading import (
    asks_for_services_for_a_worry,
    names_the_asker,
    read_concern,
)
from signposting.list_question import parse_list_question, wants_nothing_only_online
from signposting.next_step_request import (
    TALK_TO_A_PERSON,
    asks_for_the_list_again,
    asks_to_start_over,
    request_in_so_many_words,
)
from signposting.parsing import NOT_AT_SCHOOL, parse_age, parse_age_mention, role_said_of_oneself
from signposting.responses import (
    ASK_SCHOOL_ABOUT_MHST,
    CRISIS_FOOTER,
    FIND_SERVICES,
    MORE_SERVICES,
    NO_MORE_SERVICES,
    NO_SERVICES,
    OFFER_MORE,
    SEARCH_UNAVAILABLE,
    SERVICE_CARD,
    SERVICES_LOCAL,
    SERVICES_NATIONAL,
    SERVICES_NATIONAL_ONLY,
    SERVICES_NONE_FOR_CONCERN,
    SERVICES_NOT_LOCAL_FOR_CONCERN,
    SERVICES_OTHER_NATION,
    SERVICES_YOUNG_ADULT,
)
from signposting.text import normalise
from signposting.vocabulary import AREA_CODES, CONCERNS, NATIONS, OTHER_CONCERN, TOPIC_CONCERNS, crisis_line_group

logger = logging.getLogger(__name__)

# The answers the questions collect: none given means nothing was asked yet.
ANSWERS = QUESTIONS
TRIAGE_SLOTS = (
    "user_role", "age", "school", "area", "concern", "age_min", "age_max", "area_code",
    "area_group", "area_options", "school_urn", "school_has_mhst", "services_shown", "requested_slot",
    "concern_menu",
)
ADULT_AGE = 18
# A worry told after the list (bot/nlu/new_worry_policy.py runs action_change_answer for it).
SEEK_HELP = "seek_help"
NEW_WORRY_INTENTS = ("describe_concern", SEEK_HELP)
# Risk layer categories (signposting/risk_patterns.py) → the concern the search uses.
RISK_CONCERNS = {
    "suicidal": "suicidal_thoughts", "self_harm": "self_harm", "danger_overdose": "suicidal_thoughts", "abuse": "abuse",
    "grooming_online": "abuse", "exploitation": "abuse", "forced_marriage_fgm": "abuse",
    "eating_disorder_danger": "eating", "unsafe_home": "abuse", "psychosis_harm": "suicidal_thoughts",
    "distress": "low_mood",
}


# Crisis replies for harm done by others, and the worry their message is searched for once the user
# is safe: "my boyfriend is 24 and he makes me do stuff with his mates for money" was read as
# relationships, and a 15-year-old was shown school early help (a user trial, session 46).
_CONCERN_OF_A_CRISIS_KIND = {"abuse": "abuse", "exploitation": "abuse", "grooming_online": "online_safety"}
_ITS_OWN_HELP = frozenset({"abuse", "online_safety", "self_harm", "suicidal_thoughts"})


def concern_of_the_crisis_told(tracker: Tracker, text: str) -> str | None:
    """The worry of the crisis reply `text` raised, when that reply was for harm done by others and
    the rules read no worry with help of its own; None otherwise."""
    kind = crisis_kind_raised_by(tracker, text)
    if kind not in _CONCERN_OF_A_CRISIS_KIND:
        return None
    read = concern_in(tracker, text)
    return read if read in _ITS_OWN_HELP else _CONCERN_OF_A_CRISIS_KIND[str(kind)]


def crisis_kind_raised_by(tracker: Tracker, text: str) -> str | None:
    """The crisis reply's kind set right after the latest message that said `text`, if any."""
    events = list(tracker.events or [])
    said = [i for i, event in enumerate(events) if event.get("event") == "user" and event.get("text") == text]
    if not said:
        return None
    for event in events[said[-1] + 1:]:
        if event.get("event") == "user":
            return None
        if event.get("event") == "slot" and event.get("name") == "crisis_kind" and event.get("value"):
            return str(event["value"])
    return None


def concern_from_text(text: str | None, tracker: Tracker) -> str | None:
    """The concern slot holds a concern, or the user's words; crisis words map to the crisis concerns."""
    if not text:
        return None
    if text in CONCERNS:
        return text
    concern = concern_of_the_crisis_told(tracker, text) or concern_in(tracker, text)
    if concern and concern != "other":
        return concern
    from signposting.risk import detect_risk  # imported late: spaCy is only needed here

    for category in detect_risk(text).categories:
        if category in RISK_CONCERNS:
            return RISK_CONCERNS[category]
    return None


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) else None


def request_from_tracker(tracker: Tracker, exclude: tuple[str, ...] = ()) -> SearchRequest:
    area_code = tracker.get_slot("area_code")
    return SearchRequest(
        role=tracker.get_slot("user_role"),
        age_min=_int(tracker.get_slot("age_min")),
        age_max=_int(tracker.get_slot("age_max")),
        area_code=area_code if area_code in AREA_CODES or area_code in NATIONS else None,
        concern=concern_from_text(tracker.get_slot("concern"), tracker),
        school_has_mhst=tracker.get_slot("school_has_mhst"),
        school_team=_school_team(tracker),
        not_at_school=tracker.get_slot("school") == NOT_AT_SCHOOL,
        exclude_ids=exclude,
    )


def _school_team(tracker: Tracker) -> str | None:
    """Who provides the team at the user's school, as the school list names them, if known."""
    directory = get_directory()
    school = directory.schools.by_urn(tracker.get_slot("school_urn")) if directory else None
    return school.mhst_provider if school and school.has_mhst else None


def show_services(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    exclude: tuple[str, ...] = (),
    domain: DomainDict | None = None,
    leave_out: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Search, reply with the service cards, the crisis footer and what next. `exclude` were
    shown already; `leave_out` are not wanted this time (only online) and stay unshown."""
    directory = get_directory()
    if directory is None:
        dispatcher.utter_message(response=SEARCH_UNAVAILABLE)
        dispatcher.utter_message(response=CRISIS_FOOTER)
        return []
    request = request_from_tracker(tracker, exclude + leave_out)
    result = find_services(directory.index, request, london_now())
    if not result.matches:
        dispatcher.utter_message(response=NO_MORE_SERVICES if exclude else NO_SERVICES)
        dispatcher.utter_message(response=CRISIS_FOOTER)
        return []
    if leave_out and _would_have_shown(directory, tracker, exclude, leave_out):
        dispatcher.utter_message(response="utter_more_not_only_online")
    _intro(dispatcher, request, result, more=bool(exclude), responses=set((domain or {}).get("responses", {})))
    now = london_now()
    for match, reason in zip(result.matches, card_reasons(result.matches), strict=True):
        # The card (custom payload) rides on the last of its text messages (issue #13).
        stale = match.service.stale_risk == "high"
        card = service_card(match, request.role, reason, now, replaces=2 if stale else 1, area=request.area_code)
        if stale:
            dispatcher.utter_message(response=SERVICE_CARD, **card_values(match))
            dispatcher.utter_message(response=STALE_RESPONSES[card["changed_note"]], json_message=card)
        else:
            dispatcher.utter_message(response=SERVICE_CARD, json_message=card, **card_values(match))
    if any("via_school" in m.service.access_routes for m in result.matches) and not request.school_has_mhst:
        dispatcher.utter_message(response=ASK_SCHOOL_ABOUT_MHST)
    dispatcher.utter_message(response=CRISIS_FOOTER)
    dispatcher.utter_message(response=OFFER_MORE if result.more_available else NO_MORE_SERVICES)
    ask_helpful_once(dispatcher, tracker)  # issue 14: under "what next", one small line
    shown = [*exclude, *(match.service.id for match in result.matches)]
    return [SlotSet("services_shown", shown), *_concern_as_searched(tracker, request)]


def _concern_as_searched(tracker: Tracker, request: SearchRequest) -> list[dict[str, Any]]:
    """The concern slot as the search read it. A worry typed when the risk layer asked its
    check question first is never validated by the form (it was filled in an earlier turn):
    the slot kept the user's words, which staff figures ignore and the next turns re-read."""
    typed = tracker.get_slot("concern")
    if typed is None or typed in CONCERNS or typed == OTHER_CONCERN or typed == request.concern:
        return []
    # Words no concern fits were searched as any worry: "other", so the question is not asked again.
    return [SlotSet("concern", request.concern or OTHER_CONCERN)]


def _would_have_shown(directory: Any, tracker: Tracker, exclude: tuple[str, ...], leave_out: tuple[str, ...]) -> bool:
    """Would the search without `leave_out` have shown one of them? Only then is it said they were left out."""
    result = find_services(directory.index, request_from_tracker(tracker, exclude), london_now())
    return any(match.service.id in leave_out for match in result.matches)


def _intro(
    dispatcher: CollectingDispatcher, request: SearchRequest, result: SearchResult, more: bool, responses: set[str]
) -> None:
    if more:
        return
    if result.nation:
        # Never "anywhere in England": UK-wide lines and the nation's own NHS help.
        if SERVICES_OTHER_NATION in responses:
            dispatcher.utter_message(response=SERVICES_OTHER_NATION, nation=NATIONS[result.nation])
        else:
            dispatcher.utter_message(response=SERVICES_LOCAL)
    elif request.concern in TOPIC_CONCERNS and not result.specific_found:
        dispatcher.utter_message(response=SERVICES_NONE_FOR_CONCERN, concern_label=CONCERNS[request.concern])
    elif request.concern in TOPIC_CONCERNS and request.area_code is not None and not result.local_specific_found:
        dispatcher.utter_message(response=SERVICES_NOT_LOCAL_FOR_CONCERN, concern_label=CONCERNS[request.concern])
    elif request.area_code is None:
        dispatcher.utter_message(response=SERVICES_NATIONAL)
    elif not result.local_found:
        dispatcher.utter_message(response=SERVICES_NATIONAL_ONLY)
    else:
        dispatcher.utter_message(response=SERVICES_LOCAL)
    if request.age_min is not None and request.age_min >= ADULT_AGE and SERVICES_YOUNG_ADULT in responses:
        dispatcher.utter_message(response=SERVICES_YOUNG_ADULT)


def changed_this_turn(events: list[dict[str, Any]], names: tuple[str, ...]) -> bool:
    """Did any of these slots get a new value since the latest user message?"""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    seen_user = False
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            seen_user = True
        elif kind == "slot" and event.get("name") in names:
            target = before if seen_user else after
            target.setdefault(event["name"], event.get("value"))
        elif kind in ("restart", "session_started"):
            break
    return any(before.get(name) != value for name, value in after.items())


def ran_this_turn(events: list[dict[str, Any]], action: str) -> bool:
    """Did `action` run since the latest user message?"""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == action:
            return True
    return False


class ActionFindServices(Action):
    def name(self) -> str:
        return FIND_SERVICES

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        # Issue #12 (12e): a greeting (or anything that restarts the questions) after the list,
        # with every answer already given, would show the same list again: offer the next step.
        # ("Back to my child's list" shows it again on purpose: no form ran in that turn.)
        events = list(tracker.events)
        if tracker.get_slot("services_shown") and ran_this_turn(events, "triage_form") and not changed_this_turn(events, CHANGEABLE):
            offer_next_step(dispatcher, tracker)
            return []
        return show_services(dispatcher, tracker, domain=domain)


def told_about_a_named_service(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A question about a service the user was shown, named ("tell me more about kooth", "whats
    MHST"): its card, then the next step. False, with nothing said, for anything else."""
    from actions.service_info import tells_about_a_named_service  # late: it imports this module

    if not tells_about_a_named_service(dispatcher, tracker):
        return False
    offer_next_step(dispatcher, tracker)
    return True


class ActionMoreServices(Action):
    def name(self) -> str:
        return MORE_SERVICES

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        shown = tuple(tracker.get_slot("services_shown") or ())
        first_message = sum(event.get("event") == "user" for event in tracker.events or []) <= 1
        if not shown and first_message and not any(tracker.get_slot(slot) for slot in ANSWERS) and not tracker.active_loop.get("name"):
            # The first message ("i keep wurrying abowt evrything", read as "more options", got "What
            # would you like to change?"): the questions, as for hello. Never after the offer ("maybe
            # another time" is a no there).
            dispatcher.utter_message(response="utter_greet")
            dispatcher.utter_message(response="utter_urgent_help")
            return [FollowupAction("triage_form")]
        if not shown:  # answers but no search yet: which to change
            dispatcher.utter_message(response="utter_change_what")
            return []
        if told_about_a_named_service(dispatcher, tracker):
            return []  # "tell me more about kooth", read as more options, got three other services (a user trial, session 47)
        said = latest_text(tracker)
        # "anything face to face?": not the online-only ones; never for a question about these ("... at weekends?")
        leave_out = only_online(shown) if wants_nothing_only_online(said) and not parse_list_question(said) else ()
        return show_services(dispatcher, tracker, exclude=shown, domain=domain, leave_out=leave_out)


def only_online(shown: tuple[str, ...]) -> tuple[str, ...]:
    """The services not shown yet that can only be used online (`ServiceRecord.only_online`)."""
    directory = get_directory()
    services = directory.index.services if directory else ()
    return tuple(service.id for service in services if service.only_online and service.id not in shown)


class ActionStartAgain(Action):
    def name(self) -> str:
        return "action_start_again"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        return [ActiveLoop(None), *(SlotSet(slot, None) for slot in TRIAGE_SLOTS)]


# The slots whose change makes a new search (the others follow from these). The place name
# is one: "what about Hemel" after Watford is a new answer, even if the area is the same.
CHANGEABLE = ("age_min", "age_max", "area", "area_code", "concern", "user_role")
# Issue #12 (12e): the slots to empty so that the form asks that question again, then searches.
ASK_AGAIN = {
    "area": ("area", "area_code", "area_group", "area_options"),
    "age": ("age", "age_min", "age_max"),
    "school": ("school", "school_urn", "school_has_mhst"),
    "concern": ("concern", "concern_menu"),
}


# "is there anything specifically for eating disorders?", "any support for young carers": a
# request for services for a worry, which DIET read as a request for medical advice (session 20).


def asks_for_services_for_the_childs_worry(text: str) -> bool:
    """"is there anything for autism support aswell" after the list: services for a worry the
    rules read, not for the asker (read as a parent's own help: development author D5).
    "anything for parents of kids with adhd" stays the parent's."""
    clean = normalise(text)
    return (
        asks_for_services_for_a_worry(clean)
        and read_concern(clean, None) not in (None, OTHER_CONCERN)
        and not names_the_asker(clean)
    )


def role_changed_to(text: str) -> str | None:
    """Who the speaker says they are, after the list: "send this to my teacher" is not a teacher
    speaking, and "counsellor pls" asks for one (development author D5 got "Thanks, I've changed
    that", the parent made a professional)."""
    if request_in_so_many_words(text) == TALK_TO_A_PERSON:
        return None
    return role_said_of_oneself(text)


class ActionChangeAnswer(Action):
    """After the answer was shown: "actually I'm 15", "I meant Watford" → search again."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        text = text_answered_now(tracker)
        # Issue #12 (12e): "different area", "can I change the age": the question to ask again.
        # Its own words are not read as an answer ("another area" is not "somewhere else").
        target = parse_change_target(text)
        values = without_target_words(text, target)
        events: list[dict[str, Any]] = []
        age = parse_age_mention(values) or parse_age(values)
        if age and not age.unknown and not age.out_of_range:
            events += [SlotSet("age", age.label), SlotSet("age_min", age.low), SlotSet("age_max", age.high)]
        resolution = resolve_area(values, fuzzy=False)
        # "somewhere else" moves the search only when the message asked to change the area:
        # "i can't go outside any more" is a worry, not a place.
        # Nor does "none of these are near us": the list is not near, they do not live elsewhere (D2).
        moves = target == "area" and (not asks_for_somewhere_nearer(text) or names_somewhere_else(text))
        ignored = ("england_town",) if moves else ("england_town", "elsewhere")
        if resolution and resolution.status in ("found", "outside") and resolution.how not in ignored:
            events += [
                SlotSet("area", resolution.place),
                SlotSet("area_code", resolution.area_code),
                SlotSet("area_group", crisis_line_group(resolution.area_code)),
            ]
        concern = concern_in(tracker, values)
        if concern and concern != "other":
            events.append(SlotSet("concern", concern))
        role = role_changed_to(values)
        if role in ("parent_carer", "professional"):
            events.append(SlotSet("user_role", role))
        # Issue #12: "Thanks, I've changed that" only when this message really changed an answer.
        if not any(tracker.get_slot(event["name"]) != event["value"] for event in events if event["name"] in CHANGEABLE):
            if target == "area" and asks_for_somewhere_nearer(text) and tracker.get_slot("area"):
                # "anything closer to oakham" after Oakham's list: say how the list was made
                dispatcher.utter_message(response="utter_nothing_nearer", area=tracker.get_slot("area"))
                offer_next_step(dispatcher, tracker)
                return []
            if target is None and tracker.get_slot("services_shown") and told_about_a_named_service(dispatcher, tracker):
                return []  # "whats MHST" after the list got "What would you like to change?" (a user trial, session 47)
            if target is not None:
                dispatcher.utter_message(response="utter_change_ask_again")
                return [*(SlotSet(slot, None) for slot in ASK_AGAIN[target]), FollowupAction("triage_form")]
            intent = tracker.latest_message.get("intent", {}).get("name")
            if asks_for_the_list_again(text):
                return show_services(dispatcher, tracker, domain=domain)  # the same search, so the same list
            if intent in NEW_WORRY_INTENTS:
                # The same worry again, or one the bot cannot place: no new search, and no
                # greeting and restart either (the rule for a worry out of the blue did that).
                dispatcher.utter_message(response="utter_heard_you")
                if intent == SEEK_HELP and concern in (None, "other"):
                    # "i need help" after the list got "Thank you for telling me." and the menu
                    # (session 43): the people to talk to now, as for "talk to a person"
                    dispatcher.utter_message(response="utter_talk_to_person")
                offer_next_step(dispatcher, tracker)
                return []
            if concern and concern in CONCERNS and asks_for_services_for_a_worry(text):
                # "is there anything specifically for eating disorders?" after that worry's list
                dispatcher.utter_message(response="utter_same_worry_searched", concern_label=CONCERNS[concern])
                offer_next_step(dispatcher, tracker)
                return []
            if asks_to_start_over(text):
                # "I clicked young person by mistake, I'm his carer, can I start over" with the answer
                # it names already given (development author D8): it asked to start over, not what to change
                dispatcher.utter_message(response="utter_start_again")
                return [*(SlotSet(slot, None) for slot in TRIAGE_SLOTS), FollowupAction("triage_form")]
            dispatcher.utter_message(response="utter_change_what")
            return []
        changed = {event["name"] for event in events if event["name"] in CHANGEABLE and tracker.get_slot(event["name"]) != event["value"]}
        if changed == {"area"} and tracker.get_slot("area"):
            # "SG2" after Stevenage's list got "Thanks, I've changed that" and the same list (a user
            # trial, session 47): the same area's services, said so, and the place kept
            dispatcher.utter_message(response="utter_same_area_same_help", area=tracker.get_slot("area"))
            offer_next_step(dispatcher, tracker)
            return events
        new_worry = any(event["name"] == "concern" and tracker.get_slot("concern") != event["value"] for event in events)
        dispatcher.utter_message(response="utter_new_worry" if new_worry else "utter_changed_answer")
        tracker.slots.update({event["name"]: event["value"] for event in events})
        return events + show_services(dispatcher, tracker, domain=domain)
