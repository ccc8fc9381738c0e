"""Is a contact open at a given moment? Schedules are Europe/London local times."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from services_db.seed import ContactRecord
from services_db.vocabulary import WEEKDAYS

LONDON = ZoneInfo("Europe/London")


def london_now() -> datetime:
    return datetime.now(tz=LONDON)


def is_open(contact: ContactRecord, when: datetime) -> bool | None:
    """True/False when we know; None when the source gives no hours."""
    if contact.open_24_7:
        return True
    if not contact.schedule:
        return None
    local = when.astimezone(LONDON)
    day = WEEKDAYS[local.weekday()]
    minute = local.hour * 60 + local.minute
    for slot in contact.schedule:
        if day in slot["days"] and _minutes(slot["opens"]) <= minute < _minutes(slot["closes"]):
            return True
    return False


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)
