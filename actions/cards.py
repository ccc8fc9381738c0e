"""A service as a card: the structured data the web chat draws with NHS.UK's card pattern.

The card travels as a custom payload on the same bot message as the reviewed plain-text
`utter_service_card` (and the "details may have changed" note), so channels that only show
text still get the whole answer. The widget shows the card instead of the `replaces` text
messages just before it. A card keeps what a person needs to act within about 60 words:
name, one line on what it is, who it is for, one clear action, when it is open and a short
reason; the rest goes under "More about this service".
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from actions.render import contact_line, how_line, who_line
from services_db.opening import LONDON, _minutes
from services_db.query import Match
from services_db.seed import ContactRecord, ServiceRecord
from signposting.vocabulary import SELF_ACCESS_ROUTES, WEEKDAYS

CARD_TYPE = "service_card"
SUMMARY_MAX_WORDS = 14
STALE_NOTE = "Details may have changed: check the website before you call."
# For a service with no website to check (a user trial, session 44: "check the website" under cards with none).
STALE_NOTE_NO_WEBSITE = "Details may have changed since we checked them."
# Each note's response in domain.yml (the text message that carries the card).
STALE_RESPONSES = {STALE_NOTE: "utter_service_may_have_changed", STALE_NOTE_NO_WEBSITE: "utter_service_may_have_changed_no_website"}
DAY_NAMES = dict(zip(WEEKDAYS, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], strict=True))
# Service texts are written to the young person. To a parent or carer they speak about
# their child. Whole phrases only, each one checked against the services file.
PARENT_PHRASES = (
    ("refer you only if you agree", "refer your child only if they agree"),
    ("refer you", "refer your child"),
    ("your life", "your child's life"),
    ("anything that is worrying you", "anything that is worrying your child"),
    ("your feelings, your body and your wellbeing", "your child's feelings, body and wellbeing"),
    ("your parent or carer is asked to agree first", "you are asked to agree first"),
    ("Ask your school's", "Ask your child's school's"),
    ("You cannot refer yourself", "Your child cannot refer themselves"),
    ("You can refer yourself", "Your child can refer themselves"),
)


def for_parent(text: str) -> str:
    """Whole words only: "refer you" inside "You can refer yourself" made "refer your childrself" (a
    user trial, session 44)."""
    for young, parent in PARENT_PHRASES:
        text = re.sub(rf"\b{re.escape(young)}\b", parent, text)
    return text


def stale_note(service: ServiceRecord) -> str:
    """What to say under a service whose details may have changed: check its website, if it has one."""
    return STALE_NOTE if any(contact.type == "website" for contact in service.contacts) else STALE_NOTE_NO_WEBSITE


def first_sentence(text: str, max_words: int = SUMMARY_MAX_WORDS) -> str:
    """The first sentence, cut to `max_words` (with an ellipsis) when longer."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = sentence.split()
    return sentence if len(words) <= max_words else " ".join(words[:max_words]).rstrip(",;:") + "…"


def contact_action(contact: ContactRecord) -> dict[str, str]:
    """The button for one contact: what it says and where it goes (tel:, sms:, mailto:, https:)."""
    digits = re.sub(r"\s", "", contact.value)
    if contact.type == "phone":
        return {"kind": "call", "label": f"Call {contact.value}", "href": f"tel:{digits}"}
    if contact.type == "text":
        label = contact.label if contact.label and contact.value in contact.label else f"Text {contact.value}"
        keyword = re.match(r"Text (\w+) to", label)
        body = f"&body={keyword.group(1)}" if keyword else ""
        return {"kind": "text", "label": label, "href": f"sms:{digits}{body}"}
    if contact.type == "email":
        return {"kind": "email", "label": f"Email {contact.value}", "href": f"mailto:{contact.value}"}
    if contact.type == "webchat":
        return {"kind": "webchat", "label": "Chat online", "href": contact.value}
    site = re.sub(r"^https?://(www\.)?", "", contact.value).split("/")[0]
    return {"kind": "website", "label": f"Open {site}", "href": contact.value}


def main_action(match: Match, role: str | None) -> dict[str, str | None]:
    """The one action a card leads with: the school route when that is the only way in,
    else the service's first contact (the services file lists the main one first)."""
    routes = set(match.service.access_routes)
    if "via_school" in routes and not (SELF_ACCESS_ROUTES & routes):
        label = "Ask your school's mental health lead"
        return {"kind": "school", "label": for_parent(label) if role == "parent_carer" else label, "href": None}
    return dict(contact_action(match.service.contacts[0]))


def next_opening(contacts: Sequence[ContactRecord], now: datetime) -> str | None:
    """'Opens Monday at 8am' for the soonest opening within a week, None without schedules."""
    local = now.astimezone(LONDON)
    for days_ahead in range(8):
        day = local + timedelta(days=days_ahead)
        weekday = WEEKDAYS[day.weekday()]
        minute_now = local.hour * 60 + local.minute if days_ahead == 0 else -1
        opens = sorted(
            _minutes(slot["opens"]) for contact in contacts for slot in (contact.schedule or [])
            if weekday in slot["days"] and _minutes(slot["opens"]) > minute_now
        )
        if opens:
            when = "today" if days_ahead == 0 else "tomorrow" if days_ahead == 1 else DAY_NAMES[weekday]
            return f"Opens {when} at {_clock(opens[0])}"
    return None


def opening_line(match: Match, now: datetime) -> str | None:
    contacts = match.service.contacts
    if any(contact.open_24_7 for contact in contacts):
        return "Open day and night"
    if match.open_now:
        return "Open now"
    if match.open_now is False:
        upcoming = next_opening(contacts, now)
        return f"Closed now. {upcoming}" if upcoming else "Closed now"
    return None


def card_reasons(matches: Sequence[Match]) -> list[str]:
    """One short reason per card, differing between cards where it can: reasons every card
    shares ("it is in Hertfordshire" three times) are left out, then what differs in how
    to reach the service is used, and a reason an earlier card has is not repeated."""
    shared = set.intersection(*(set(m.reasons) for m in matches)) if matches else set()
    used: list[str] = []
    for match in matches:
        candidates = [r for r in match.reasons if r not in shared] + _feature_reasons(match) + list(match.reasons)
        candidates = candidates or ["it fits what you told me"]
        reason = next((c for c in candidates if c not in used), candidates[0])
        used.append(reason)
    return [reason[0].upper() + reason[1:] for reason in used]


def _feature_reasons(match: Match) -> list[str]:
    contacts = match.service.contacts
    found = []
    if any(c.open_24_7 and c.type in ("phone", "text") for c in contacts):
        found.append("you can call or text any time, day or night")
    if any(c.type == "phone" for c in contacts):
        found.append("you can talk to someone on the phone")
    # As the answer to "can we do it online?" reads it (actions/list_questions.py): a website
    # that only describes the service (the school teams') is no way to use it online.
    if "online" in match.service.access_routes or any(c.type == "webchat" for c in contacts):
        found.append("you can use it online")
    if "self_referral" in match.service.access_routes:
        found.append("you do not need a referral")
    return found


def card_who(match: Match) -> str:
    """Ages (and a specialist group): the area is the one the person gave, or in More."""
    service = match.service
    who = (service.age_note or "All ages").rstrip(".")
    return f"{who}. {service.specialist.rstrip('.')}" if service.specialist else who


def service_card(
    match: Match, role: str | None, reason: str, now: datetime, replaces: int, area: str | None = None
) -> dict[str, Any]:
    """The custom payload of one card. `replaces`: how many text messages it stands for;
    `area`: the area code searched (a share link keeps it, to head the list)."""
    service = match.service
    reword = for_parent if role == "parent_carer" else (lambda text: text)
    action = main_action(match, role)
    return {
        "type": CARD_TYPE,
        "replaces": replaces,
        "id": service.id,
        "area": area,
        "name": service.name,
        "summary": reword(first_sentence(service.description)),
        "who": card_who(match),
        "action": action,
        "opening": opening_line(match, now),
        "reason": reason,
        "changed_note": stale_note(service) if service.stale_risk == "high" else None,
        "more": {
            "description": reword(service.description),
            "who": who_line(match),
            "how": reword(how_line(match)),
            "contacts": [contact_line(c) for c in service.contacts],
        },
    }


def _clock(minutes: int) -> str:
    hour, minute = divmod(minutes, 60)
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"
