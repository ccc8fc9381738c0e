"""Is a service open at a given moment? Schedules are Europe/London local times."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from services_db.seed import ContactRecord
from signposting.vocabulary import WEEKDAYS

LONDON = ZoneInfo("Europe/London")


def london_now() -> datetime:
    return datetime.now(tz=LONDON)


def london_clock(when: datetime) -> tuple[str, int]:
    """('mon'…'sun', minutes since midnight) in London, worked out once per search."""
    local = when.astimezone(LONDON)
    return WEEKDAYS[local.weekday()], local.hour * 60 + local.minute


def open_state(contacts: Iterable[ContactRecord], day: str, minute: int) -> bool | None:
    """True if any contact is open now, False if every contact with known hours is closed,
    None when the source gives no hours at all."""
    state: bool | None = None
    for contact in contacts:
        if contact.open_24_7:
            return True
        if not contact.schedule:
            continue
        for slot in contact.schedule:
            if day in slot["days"] and _minutes(slot["opens"]) <= minute < _minutes(slot["closes"]):
                return True
        state = False
    return state


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)
