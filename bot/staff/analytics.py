"""What the conversations say, as pure functions over tracker events (`EventRow`s).

No database and no web here: each function takes rows (or summaries) and returns plain
values, so the numbers can be checked exactly with hand-made events.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.staff import labels
from bot.staff.events import EventRow, by_sender
from bot.staff.labels import age_band
from signposting import responses
from signposting.next_step_request import CANNOT_DO_YET_READINGS, NEXT_STEP_READING_SLOT
from signposting.vocabulary import AREA_CODES, CONCERNS, NATIONS

LONDON = ZoneInfo("Europe/London")
ROLES = {"young_person": "Young person", "parent_carer": "Parent or carer", "professional": "Professional"}
AREAS = {**AREA_CODES, **NATIONS, "national": "Elsewhere in England"}
NOT_GIVEN = "Not given"
# The triage questions, in the order the form asks them, and how each is recorded.
QUESTIONS = {"user_role": "Who is chatting", "age": "Age", "school": "School", "area": "Where they live", "concern": "What's going on"}
FUNNEL = (
    ("started", "Started a conversation"),
    ("user_role", "Said who they are"),
    ("age", "Gave an age"),
    ("school", "Answered the school question"),
    ("area", "Said where they live"),
    ("concern", "Said what's going on"),
    ("services", "Were shown services"),
)
# The chat's age buttons (domain.yml, utter_ask_age), so reports and chat speak alike.
AGE_BANDS = ("Under 11", "11 to 12", "13 to 14", "15 to 16", "17 to 18", "19 to 25", NOT_GIVEN)
# What action_find_services said first: local services, or none nearby (signposting/responses.py).
LOCAL_FOUND = responses.SERVICES_LOCAL
NO_LOCAL = responses.NO_LOCAL_SERVICE
OUTCOMES = {
    "local": "Local services shown",
    "no_local": "No local service found",
    "unavailable": "Search unavailable",
    "left": "Left before any services",
}
BEFORE_FIRST_QUESTION = "before the first question"


@dataclass(frozen=True)
class Message:
    sender_id: str
    timestamp: float
    text: str
    intent: str | None
    confidence: float | None = None


@dataclass
class Turn:
    """One message the user typed, what the bot made of it, and what the bot did next."""

    message: Message
    replies: list[str] = field(default_factory=list)  # utter_ and action names, until the next message
    automatic: bool = False  # the widget's own "hi" on opening

    @property
    def intent(self) -> str | None:
        return self.message.intent

    @property
    def confidence(self) -> float | None:
        return self.message.confidence


AUTOMATIC_GREETING = "hi"


@dataclass(frozen=True)
class HelpfulAnswer:
    """One conversation's answer to "Did this help?" (yes | not_really; the last tap counts)."""

    answer: str
    services: tuple[str, ...]
    area_code: str | None
    concern: str | None


@dataclass
class Conversation:
    sender_id: str
    started: float
    ended: float
    user_messages: int = 0
    role: str | None = None
    age_min: float | None = None
    area_code: str | None = None
    place: str | None = None
    concern: str | None = None
    answered: set[str] = field(default_factory=set)
    searches: list[str] = field(default_factory=list)  # the first reply of each search
    crisis_escalations: int = 0
    crisis_categories: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    last_question: str | None = None
    steps: list[str] = field(default_factory=list)  # funnel steps in the order reached
    # Issue 14: services shown so far (ids), and the answers to "Did this help?" (with what was
    # shown, the area and the concern at the time) and "Did you manage to contact them?".
    services_shown: tuple[str, ...] = ()
    helpful: HelpfulAnswer | None = None
    contact_followup: str | None = None
    contacted: str | None = None
    derived: dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # memo for other modules

    @property
    def day(self) -> date:
        return datetime.fromtimestamp(self.started, LONDON).date()

    @property
    def age_band(self) -> str:
        return age_band(self.age_min)

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role or "", NOT_GIVEN)

    @property
    def area_label(self) -> str:
        return AREAS.get(self.area_code or "", NOT_GIVEN)

    @property
    def concern_label(self) -> str:
        return CONCERNS.get(self.concern or "", "Something else" if self.concern == "other" else NOT_GIVEN)

    @property
    def outcome(self) -> str:
        if LOCAL_FOUND in self.searches:
            return "local"
        if any(reply in NO_LOCAL for reply in self.searches):
            return "no_local"
        if self.searches:
            return "unavailable"
        return "left"

    @property
    def dropped_at(self) -> str | None:
        """The question they were last asked, when they left before any services (the same
        conversations the overview counts as "left before seeing any services")."""
        if self.searches:
            return None
        return self.last_question or BEFORE_FIRST_QUESTION

    @property
    def furthest_step(self) -> int:
        """Index in FUNNEL of the furthest step reached (0: started)."""
        reached = [index for index, (step, _) in enumerate(FUNNEL) if step in self.answered]
        return max(reached, default=0)

    @property
    def typed(self) -> list[Turn]:
        return [turn for turn in self.turns if not turn.automatic]


def _value(row: EventRow) -> object:
    return row.data.get("value")


def summarise(rows: Sequence[EventRow]) -> Conversation:
    """One conversation's facts, from its events in order."""
    conversation = Conversation(rows[0].sender_id, rows[0].timestamp, rows[-1].timestamp)
    in_search = False
    for row in rows:
        if row.type_name == "user":
            conversation.user_messages += 1
            conversation.answered.add("started")
            conversation.turns.append(_turn(row, first=len(conversation.turns) == 0))
        elif row.type_name == "action":
            if conversation.turns and row.action_name not in QUIET_ACTIONS:
                conversation.turns[-1].replies.append(str(row.action_name))
            in_search = row.action_name in responses.SEARCHES
            if row.action_name == responses.FIND_SERVICES:
                conversation.answered.add("services")
            if row.action_name in labels.CRISIS_REPLIES:
                conversation.crisis_escalations += 1
        elif row.type_name == "bot" and in_search:
            utter = (row.data.get("metadata") or {}).get("utter_action")
            if conversation.turns and utter:
                conversation.turns[-1].replies.append(str(utter))
            if utter in responses.SEARCH_OUTCOMES:
                conversation.searches.append(utter)
            in_search = False
        elif row.type_name == "slot":
            _apply_slot(conversation, row.action_name or row.data.get("name"), _value(row))
    return conversation


def _turn(row: EventRow, first: bool) -> Turn:
    parse = row.data.get("parse_data") or {}
    intent = parse.get("intent") or {}
    text = str(row.data.get("text") or "")
    confidence = intent.get("confidence")
    message = Message(
        row.sender_id, row.timestamp, text, intent.get("name") or row.intent_name,
        float(confidence) if isinstance(confidence, (int, float)) else None,
    )
    return Turn(message, automatic=first and text.strip().lower() == AUTOMATIC_GREETING)


def _apply_slot(conversation: Conversation, name: object, value: object) -> None:
    if name == NEXT_STEP_READING_SLOT and str(value) in CANNOT_DO_YET_READINGS and conversation.turns:
        # After the list the next-step model's reading stood over DIET's intent ("my nan only reads
        # urdu": a worry to DIET, another language to the model): the turn asked for that request,
        # so an email, print or language request counts as a content gap however DIET read it.
        # (The other readings, more options, start again, a person, a closing, are answered
        # requests, not gaps: the turn keeps DIET's intent, and its reply shows what was done.)
        turn = conversation.turns[-1]
        turn.message = replace(turn.message, intent=CANNOT_DO_YET_READINGS[str(value)])
        return
    if name == "requested_slot":
        if value is not None:
            conversation.last_question = str(value)
    elif name == "user_role" and value in ROLES:
        conversation.role = str(value)
        conversation.answered.add("user_role")
    elif name == "age_min" and isinstance(value, (int, float)):
        conversation.age_min = float(value)
        conversation.answered.add("age")
    elif name == "school" and value is not None:
        conversation.answered.add("school")
    elif name == "area_code" and value is not None:
        conversation.area_code = str(value)
        conversation.answered.add("area")
    elif name == "area" and value is not None:
        conversation.place = str(value)
    elif name == "concern" and (value in CONCERNS or value == "other"):
        conversation.concern = str(value)
        conversation.answered.add("concern")
    elif name == "crisis_categories" and isinstance(value, list):
        conversation.crisis_categories.extend(str(item) for item in value)
    elif name == "services_shown" and isinstance(value, list):
        conversation.services_shown = tuple(str(item) for item in value)
    elif name == "helpful" and isinstance(value, str):
        conversation.helpful = HelpfulAnswer(value, conversation.services_shown, conversation.area_code, conversation.concern)
    elif name == "contact_followup" and isinstance(value, str):
        conversation.contact_followup = value
    elif name == "contacted" and isinstance(value, str):
        conversation.contacted = value


def conversations(rows: Iterable[EventRow]) -> list[Conversation]:
    """Every conversation in the rows, newest first."""
    summaries = [summarise(events) for events in by_sender(list(rows)).values() if events]
    return sorted(summaries, key=lambda c: (-c.started, c.sender_id))


# --- Tables for the overview ---------------------------------------------------------------

def per_day(items: Iterable[Conversation]) -> list[tuple[date, int]]:
    counts = Counter(c.day for c in items)
    return sorted(counts.items())


def count_by(items: Iterable[Conversation], attribute: str, order: Sequence[str] = ()) -> list[tuple[str, int]]:
    """(label, count) rows: the labels in `order` first (even at 0), the rest by count."""
    counts = Counter(getattr(c, attribute) for c in items)
    rows = [(label, counts.pop(label, 0)) for label in order]
    rows += sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return rows


def crisis_summary(items: Iterable[Conversation]) -> tuple[int, int, list[tuple[str, int]]]:
    """(escalations, conversations with one, [(category, escalations)])."""
    items = list(items)
    categories = Counter(category for c in items for category in c.crisis_categories)
    return (
        sum(c.crisis_escalations for c in items),
        sum(1 for c in items if c.crisis_escalations),
        sorted(categories.items(), key=lambda item: (-item[1], item[0])),
    )


def funnel(items: Iterable[Conversation]) -> list[tuple[str, str, int]]:
    """(step, label, conversations that got at least this far), each conversation counted once
    per step in the form's order: never more at a later step than at an earlier one (someone
    who gave an age in their first message has also got past "who are you")."""
    furthest = Counter(c.furthest_step for c in items)
    return [
        (step, label, sum(n for reached, n in furthest.items() if reached >= index))
        for index, (step, label) in enumerate(FUNNEL)
    ]


STILL_CHATTING_SECONDS = 30 * 60


def drop_offs(items: Iterable[Conversation], now: float | None = None) -> list[tuple[str, str, int]]:
    """(question, label, conversations that ended there), most first. A conversation
    with a message in the last 30 minutes may still be going on: it is not counted."""
    cutoff = (time.time() if now is None else now) - STILL_CHATTING_SECONDS
    counts = Counter(c.dropped_at for c in items if c.dropped_at and c.ended < cutoff)
    return [
        (question, QUESTIONS.get(question, question.capitalize()), count)
        for question, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def no_local_searches(items: Iterable[Conversation]) -> list[tuple[str, str, str, int]]:
    """(area, concern, age band, conversations) where a search found no local service."""
    counts = Counter((c.area_label, c.concern_label, c.age_band) for c in items if c.outcome == "no_local")
    return [(*key, count) for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def left_before_services(items: Iterable[Conversation], now: float | None = None) -> tuple[int, int]:
    """(left, still chatting): conversations with no services shown, split as `drop_offs` does,
    so the overview and the gaps page give the same number."""
    cutoff = (time.time() if now is None else now) - STILL_CHATTING_SECONDS
    waiting = [c for c in items if c.dropped_at]
    left = sum(1 for c in waiting if c.ended < cutoff)
    return left, len(waiting) - left


@dataclass(frozen=True)
class Filters:
    role: str = ""
    area: str = ""
    concern: str = ""
    age_band: str = ""
    outcome: str = ""
    dropped_at: str = ""
    crisis: bool = False


def matches(conversation: Conversation, filters: Filters) -> bool:
    return (
        (not filters.role or conversation.role_label == filters.role)
        and (not filters.area or conversation.area_label == filters.area)
        and (not filters.concern or conversation.concern_label == filters.concern)
        and (not filters.age_band or conversation.age_band == filters.age_band)
        and (not filters.outcome or conversation.outcome == filters.outcome)
        and (not filters.dropped_at or conversation.dropped_at == filters.dropped_at)
        and (not filters.crisis or conversation.crisis_escalations > 0)
    )


# --- One transcript -----------------------------------------------------------------------------

SHOWN_SLOTS = {
    "user_role": "who is chatting", "age": "age", "school": "school", "area": "place", "area_code": "area",
    "concern": "concern", "crisis_categories": "crisis categories", "services_shown": "services shown",
}
QUIET_ACTIONS = {"action_listen", "action_session_start", "triage_form"}


@dataclass(frozen=True)
class Step:
    """One line of a transcript: who said or did what."""

    kind: str  # user | bot | asked | recorded | action
    timestamp: float
    text: str
    intent: str | None = None
    confidence: float | None = None
    crisis: tuple[str, ...] = ()
    detail: str | None = None


def transcript(rows: Iterable[EventRow]) -> list[Step]:
    """The conversation as staff read it. Slot values copied straight from a message (before
    the form checked them) are left out: the message itself is shown, then what was recorded."""
    steps: list[Step] = []
    typed = False
    first_message = True
    for row in rows:
        if row.type_name in ("action", "bot"):
            typed = False
        if row.type_name == "user":
            typed = True
            parse = row.data.get("parse_data") or {}
            intent = parse.get("intent") or {}
            risk = parse.get("risk") or {}
            text = str(row.data.get("text") or "")
            automatic = first_message and text.strip().lower() == AUTOMATIC_GREETING
            first_message = False
            steps.append(Step(
                "opened" if automatic else "user", row.timestamp, text, intent.get("name") or row.intent_name,
                intent.get("confidence"), tuple(str(c) for c in risk.get("categories") or ()),
            ))
        elif row.type_name == "bot":
            utter = (row.data.get("metadata") or {}).get("utter_action")
            steps.append(Step("bot", row.timestamp, str(row.data.get("text") or ""), detail=utter))
        elif row.type_name == "slot":
            name, value = row.action_name or row.data.get("name"), row.data.get("value")
            if name == "requested_slot" and value:
                steps.append(Step("asked", row.timestamp, QUESTIONS.get(str(value), labels.readable(str(value))), detail=str(value)))
            elif name in SHOWN_SLOTS and value not in (None, [], "") and (not typed or name == "crisis_categories"):
                shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
                if name == "crisis_categories" and isinstance(value, list):
                    shown = ", ".join(labels.category_label(str(item)) for item in value)
                elif name == "user_role":
                    shown = ROLES.get(str(value), shown)
                elif name == "concern":
                    shown = CONCERNS.get(str(value), shown)
                elif name == "area_code":
                    shown = AREAS.get(str(value), shown)
                steps.append(Step("recorded", row.timestamp, shown, detail=SHOWN_SLOTS[str(name)]))
        elif row.type_name == "action" and row.action_name not in QUIET_ACTIONS and not (row.action_name or "").startswith("utter_"):
            steps.append(Step("action", row.timestamp, str(row.action_name)))
        elif row.type_name == "action" and row.action_name in labels.CRISIS_REPLIES:
            steps.append(Step("action", row.timestamp, "Crisis reply sent"))
        elif row.type_name == "action" and row.action_name == responses.CHECK_RISK:
            steps.append(Step("action", row.timestamp, "Safety check question asked"))
    return steps
