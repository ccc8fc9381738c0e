"""Issue 14: what people said to "Did this help?" and, later and only with their consent,
to "Did you manage to contact them?" (actions/feedback.py), counted for the overview.

A conversation's answer counts once for each service it was shown, once for its area and
once for its concern (the last tap counts if they tapped twice). Slots hold fixed words,
never the user's own.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.staff.analytics import AREAS, NOT_GIVEN, Conversation
from signposting.vocabulary import CONCERNS

logger = logging.getLogger(__name__)

YES, NOT_REALLY = "yes", "not_really"
CONTACTED = {"yes": "Yes, they contacted a service", "not_yet": "Not yet", "rather_not_say": "Would rather not say"}


@dataclass(frozen=True)
class HelpfulCount:
    label: str
    yes: int
    not_really: int

    @property
    def answered(self) -> int:
        return self.yes + self.not_really


@lru_cache(maxsize=1)
def service_names() -> dict[str, str]:
    """{service id: its name} from the services seed file; an id is shown as it is if the file
    cannot be read (the numbers still count)."""
    from services_db.seed import SeedError, load_service_records

    try:
        return {record.id: record.name for record in load_service_records()}
    except (OSError, SeedError) as error:  # pragma: no cover - the file ships with the code
        logger.warning("Service names unavailable (%s): showing ids", error)
        return {}


def service_label(service_id: str) -> str:
    return service_names().get(service_id, service_id)


def area_label(area_code: str | None) -> str:
    return AREAS.get(area_code or "", NOT_GIVEN)


def concern_label(concern: str | None) -> str:
    label = CONCERNS.get(concern or "", "Something else" if concern == "other" else NOT_GIVEN)
    return label[:1].upper() + label[1:]


def _count(items: Iterable[Conversation], keys: Callable[[Conversation], Sequence[str]]) -> list[HelpfulCount]:
    yes: Counter[str] = Counter()
    no: Counter[str] = Counter()
    for conversation in items:
        if conversation.helpful is None or conversation.helpful.answer not in (YES, NOT_REALLY):
            continue
        tally = yes if conversation.helpful.answer == YES else no
        for key in dict.fromkeys(keys(conversation)):  # each key once per conversation
            tally[key] += 1
    rows = [HelpfulCount(label, yes[label], no[label]) for label in set(yes) | set(no)]
    return sorted(rows, key=lambda row: (-row.answered, row.label))


def by_service(items: Iterable[Conversation]) -> list[HelpfulCount]:
    return _count(items, lambda c: [service_label(s) for s in c.helpful.services] if c.helpful else [])


def by_area(items: Iterable[Conversation]) -> list[HelpfulCount]:
    return _count(items, lambda c: [area_label(c.helpful.area_code)] if c.helpful else [])


def by_concern(items: Iterable[Conversation]) -> list[HelpfulCount]:
    return _count(items, lambda c: [concern_label(c.helpful.concern)] if c.helpful else [])


def totals(items: Iterable[Conversation]) -> HelpfulCount:
    answers = Counter(c.helpful.answer for c in items if c.helpful is not None)
    return HelpfulCount("All answers", answers[YES], answers[NOT_REALLY])


def contacted(items: Iterable[Conversation]) -> list[tuple[str, int]]:
    """Consents to a later question, and the answers when people came back."""
    items = list(items)
    answers = Counter(c.contacted for c in items if c.contacted in CONTACTED)
    consented = sum(1 for c in items if c.contact_followup in ("consented", "due", "asked"))
    return [("Said we could ask later", consented), *((label, answers[key]) for key, label in CONTACTED.items())]
