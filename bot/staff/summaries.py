"""The summaries of the conversations, kept between page views: only conversations with new
events are read again. A month of conversations is hundreds of thousands of events; reading
and summarising them all for every page (and every chart image) was the slow part.

Each request asks the database one aggregate question (newest event id and event count per
conversation in the period) and reads the events of the conversations that are new or
changed since the last look. `python -m bot.transcripts redact`, `purge` and `delete` note
each change in the database (`transcript_changes`); when that moves, the cache starts afresh
on the next request, so re-redacted text (same event ids) is read again and a deleted
conversation leaves this process's memory. What staff see of users' words is also redacted
again on the way out (app.py).
"""
from __future__ import annotations

import threading
import time

from sqlalchemy.engine import Engine

from bot.staff import analytics
from bot.staff.events import by_sender, changes_marker, conversation_versions, load_senders

MAX_KEPT = 200_000  # conversations; past this the cache starts afresh
# A page and its six chart images arrive within a second: they share one look at the database.
# New messages show on the next page view after this many seconds.
FRESH_SECONDS = 10.0


class SummaryCache:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._kept: dict[str, tuple[tuple[int, int], analytics.Conversation]] = {}
        self._lock = threading.Lock()
        self._looked: dict[tuple[float | None, float | None], tuple[float, dict[str, tuple[int, int]]]] = {}
        self.events_read = 0  # for tests and the benchmark: how much work the cache saved
        self._marker = 0  # transcript_changes seen (changes_marker)

    def conversations(self, since: float | None, until: float | None) -> list[analytics.Conversation]:
        """The period's conversations, newest first (as `analytics.conversations`)."""
        with self._lock:
            marker = changes_marker(self.engine)
            if marker != self._marker:  # purged, deleted or re-redacted since: start afresh
                self._kept.clear()
                self._looked.clear()
                self._marker = marker
            versions = self._versions(since, until)
            stale = sorted(sender for sender, version in versions.items()
                           if sender not in self._kept or self._kept[sender][0] != version)
            if stale:
                if len(self._kept) + len(stale) > MAX_KEPT:
                    self._kept.clear()
                rows = load_senders(self.engine, stale)
                self.events_read += len(rows)
                for sender, events in by_sender(rows).items():
                    self._kept[sender] = (versions[sender], analytics.summarise(events))
            found = [self._kept[sender][1] for sender in versions if sender in self._kept]
        return sorted(found, key=lambda c: (-c.started, c.sender_id))

    def _versions(self, since: float | None, until: float | None) -> dict[str, tuple[int, int]]:
        now = time.monotonic()
        looked = self._looked.get((since, until))
        if looked and now - looked[0] < FRESH_SECONDS:
            return looked[1]
        versions = conversation_versions(self.engine, since, until)
        self._looked = {key: value for key, value in self._looked.items() if now - value[0] < FRESH_SECONDS}
        self._looked[(since, until)] = (now, versions)
        return versions
