"""The staff app's pages over 10,000 conversations: how long the overview (with its six
charts), the gaps page and a cached repeat take on this machine. Prints the figures; no
thresholds (the issue's target is under a second for the overview).

    make bench-staff     (or: .venv/bin/python -m benchmarks.staff_overview [--conversations N])

The first view after the app starts reads every event; later views read only conversations
with new events (bot/staff/summaries.py). The conversations are synthetic (tests/staff_events.py
shapes, Rasa's event format): a mix of full triages with services (some answering "Did this
help?"), drop-offs, crises, unanswered questions, misreads and junk, in a SQLite tracker store in
a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from bot.staff import accounts, summaries
from bot.staff.app import CHARTS, create_app
from bot.staff.events import EventRow, insert_events
from tests.staff_events import T0, Chat

PASSWORD = "a benchmark password"
QUESTIONS = ["is there a youth club near me", "can you email me the list", "what's the weather", "do you do football",
             "Gdzie mogę znaleźć pomoc dla dziecka?", "how do i change my GP", "s s s", "asdfghjkl"]


def synthetic(index: int, rng: random.Random) -> list[EventRow]:
    start = T0 + index * 60
    chat = Chat(f"bench-{index:05d}", start).user("hi", "greet").action("utter_greet").bot("utter_greet")
    kind = rng.random()
    if kind < 0.55:
        area = rng.choice([("Stevenage", "herts"), ("Leicester", "leicester"), ("Manchester", "national")])
        chat.triage(rng.choice(["young_person", "parent_carer"]), rng.randint(8, 24), "skipped", area,
                    rng.choice(["sleep", "worry", "low_mood", "eating"]))
        chat.search(rng.choice(["utter_services_intro", "utter_services_national_only"]))
        if rng.random() < 0.3:  # issue 14: "Did this help?" answered
            chat.user("/feedback", "feedback", 1.0).action("action_record_feedback").slot("helpful", rng.choice(["yes", "not_really"]))
    elif kind < 0.75:
        chat.triage("young_person", rng.choice([None, 14, 15]), None)
    elif kind < 0.8:
        chat.triage("young_person", 15, "skipped", None).crisis("i want to kill myself", ["suicidal"])
    elif kind < 0.9:
        chat.user(rng.choice(QUESTIONS), "nlu_fallback", 0.3).action("utter_default")
    else:
        chat.user("is there anything for dyslexia", "ask_clinical_advice", 0.93).action("utter_no_clinical_advice")
        chat.user("any help for dyslexic kids", "nlu_fallback", 0.3)
    return chat.rows


class Timing:
    """Wall-clock and CPU seconds: on a shared machine the CPU time is the steadier figure."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __add__(self, other: Timing) -> Timing:
        total = Timing()
        total.wall, total.cpu = self.wall + other.wall, self.cpu + other.cpu
        return total

    def __str__(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s CPU)"


def timed(client: TestClient, path: str, params: dict[str, str]) -> Timing:
    timing = Timing()
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(path, params=params)
    assert response.status_code == 200, (path, response.status_code)
    timing.wall, timing.cpu = time.perf_counter() - wall, time.process_time() - cpu
    return timing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    args = parser.parse_args(argv)
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as folder:
        tracker_url, staff_url = f"sqlite:///{Path(folder) / 'conversations.db'}", f"sqlite:///{Path(folder) / 'staff.db'}"
        started = time.perf_counter()
        rows = [row for index in range(args.conversations) for row in synthetic(index, rng)]
        insert_events(create_engine(tracker_url, future=True), rows)
        print(f"{args.conversations:,} conversations ({len(rows):,} events) written in {time.perf_counter() - started:.1f} s")
        staff_db = accounts.staff_engine(staff_url)
        accounts.add_user(staff_db, "bench", PASSWORD)
        client = TestClient(create_app(staff_url, tracker_url, cookie_secure=False), follow_redirects=False)
        found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
        assert found, "the sign-in page has no CSRF token"
        token = found.group(1)
        client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": token})
        period = {"from": "2026-11-01", "to": "2027-12-31"}

        cold = timed(client, "/", period)
        charts_cold = sum((timed(client, f"/plots/{name}.png", period) for name in CHARTS), Timing())
        warm = timed(client, "/", period)
        charts_warm = sum((timed(client, f"/plots/{name}.png", period) for name in CHARTS), Timing())
        insert_events(create_engine(tracker_url, future=True), synthetic(args.conversations, rng))
        summaries.FRESH_SECONDS = 0.0  # look at the database again now, not after 10 s
        one_new = timed(client, "/", period)
        gaps = timed(client, "/gaps", period)
        gaps_again = timed(client, "/gaps", period)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} (others' work too)")
    print(f"overview, first view after start (reads every event): {cold}, its {len(CHARTS)} charts {charts_cold}")
    print(f"overview, next views (summaries kept):                 {warm}, its {len(CHARTS)} charts {charts_warm}")
    print(f"overview after one new conversation:                   {one_new}")
    print(f"gaps page, first view (redaction, misreads, languages): {gaps}")
    print(f"gaps page, next views:                                 {gaps_again}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
