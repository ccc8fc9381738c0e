"""`make chaos`: the `make run` stack under load while its processes are killed.

Starts `python -m bot.run` (the supervisor `make run` uses) on free ports, with its own
var directory (tracker and staff databases) and a services database. Simulated users hold
whole conversations through the web app's `/api/message`, the way the widget does: one
message at a time, each with its own message id, and after a degraded reply (503, Rasa
down) the same message again with the same id a little later. Some conversations contain a
crisis message. Meanwhile the action server and the Rasa server are killed with SIGKILL, in
turn, each time after the previous one is back; the supervisor restarts them.

Each message is sent again with `"retry": true`, as the widget does: if the Rasa server was
killed after it stored the turn but before its reply left, it then sends the stored replies
instead of handling the message twice (bot/channels.py).

What it counts:
  kills             processes killed, by name
  turns             messages answered by the bot (each counted once, however many tries)
  degraded          503 replies from the web app while Rasa was down (urgent numbers + "I'll keep trying")
  unavailable       Rasa's "can't look up services right now" while the action server was down
  crisis            crisis messages, and how many of their replies lacked the crisis numbers
                    (the first reply, degraded or not, and the bot's reply when delivered)
  lost              messages never answered (within a minute of the stack being whole again),
                    or answered with nothing
  doubled           messages Rasa handled twice (more user events in the tracker store than
                    answered messages for that conversation), or a reply repeated within a turn
  back after        time from each kill until the supervisor had that process answering again

Used by tests/test_chaos.py (one kill of each, about two minutes) and on its own:

    make chaos ARGS="--duration 300 --users 6"
    .venv/bin/python -m benchmarks.chaos --help
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from benchmarks.load import triage_path
from bot.supervisor import STARTED_LINE, answers

ROOT = Path(__file__).resolve().parents[1]
CRISIS_MESSAGES = ("I want to kill myself", "i took an overdose", "i want to die")
# Every crisis reply has 999 and at least one line to talk to now. Which one depends on who
# is speaking: Childline for a young person, Samaritans and Shout for a parent's own crisis.
CRISIS_WORDS = ("999",)
TALK_NOW_LINES = ("0800 1111", "116 123", "85258", "0808 800 5000", "116 000")
UNAVAILABLE = "can't look up services right now"
WIDGET_RETRY_SECONDS = (2, 4, 8, 15, 30)  # bot/web/static/widget.js RETRY_SECONDS
ACTION_SERVER, RASA_SERVER, WEB_APP, STAFF_APP = "action server", "Rasa server", "web app", "staff review app"
KILL_TARGETS = (ACTION_SERVER, RASA_SERVER)
# A message still unanswered this long after the last killed process was back is lost
# (while processes are down or loading, clients keep trying, however long that takes).
GIVE_UP_AFTER_RECOVERY_SECONDS = 60
STARTUP_TIMEOUT_SECONDS = 420


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the stack: `python -m bot.run` -------------------------------------------------------
@dataclass
class SupervisedStack:
    process: subprocess.Popen
    health: dict[str, str]  # process name → its health URL
    web_url: str
    tracker_db: Path
    log: Path
    pids: dict[str, int] = field(default_factory=dict)  # the current pid of each, from the supervisor's output
    lines: list[tuple[float, str]] = field(default_factory=list)
    startup_seconds: float = 0.0  # from `python -m bot.run` to "The bot is running"

    def follow(self) -> None:
        """Read the supervisor's output (to the log file), noting each process's pid as it starts."""
        assert self.process.stdout is not None
        with self.log.open("w", encoding="utf-8") as log:
            for line in self.process.stdout:
                log.write(line)
                log.flush()
                line = line.rstrip()
                self.lines.append((time.monotonic(), line))
                started = STARTED_LINE.match(line)
                if started:
                    self.pids[started["name"]] = int(started["pid"])

    def whole(self) -> bool:
        return all(answers(url) for url in self.health.values())

    def said(self, pattern: str) -> list[str]:
        return [line for _, line in self.lines if re.search(pattern, line)]


@contextmanager
def supervised_stack(work_dir: Path, services_database_url: str) -> Iterator[SupervisedStack]:
    """`make run`'s supervisor and processes on free loopback ports, everything kept in `work_dir`."""
    ports = {name: free_port() for name in ("RASA_PORT", "ACTION_PORT", "WEB_PORT", "STAFF_PORT")}
    web_url = f"http://127.0.0.1:{ports['WEB_PORT']}"
    var_dir = work_dir / "var"
    env = {
        **os.environ,
        **{name: str(port) for name, port in ports.items()},
        "BOT_HOST": "127.0.0.1",
        "VAR_DIR": str(var_dir),
        "TRACKER_DIALECT": "sqlite",
        "TRACKER_DB": str(var_dir / "conversations.db"),
        "STAFF_DATABASE_URL": f"sqlite:///{var_dir / 'staff.db'}",
        "STAFF_TRACKER_URL": f"sqlite:///{var_dir / 'conversations.db'}",
        "SERVICES_DATABASE_URL": services_database_url,
        "ALLOWED_ORIGINS": web_url,
        "PUBLIC_URL": web_url,
        "RASA_URL": "",  # the local Rasa server, whatever a .env says
        "RASA_SERVER_COUNT": "1",  # one, named "Rasa server": the kills below aim at it
        "RASA_TELEMETRY_ENABLED": "false",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.run"], cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
    )
    stack = SupervisedStack(
        process,
        {
            ACTION_SERVER: f"http://127.0.0.1:{ports['ACTION_PORT']}/health",
            RASA_SERVER: f"http://127.0.0.1:{ports['RASA_PORT']}/",
            WEB_APP: f"{web_url}/healthz",
            STAFF_APP: f"http://127.0.0.1:{ports['STAFF_PORT']}/healthz",
        },
        web_url, var_dir / "conversations.db", work_dir / "make-run.log",
    )
    threading.Thread(target=stack.follow, daemon=True).start()
    started = time.monotonic()
    try:
        deadline = started + STARTUP_TIMEOUT_SECONDS
        while not stack.said(r"^The bot is running"):
            if process.poll() is not None:
                raise RuntimeError(f"`python -m bot.run` stopped while starting; see {stack.log}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the stack did not start within {STARTUP_TIMEOUT_SECONDS} s; see {stack.log}")
            time.sleep(0.5)
        stack.startup_seconds = time.monotonic() - started
        yield stack
    finally:
        _stop_stack(stack)


def _stop_stack(stack: SupervisedStack) -> None:
    """SIGTERM to the supervisor (as systemd or Ctrl-C would); it stops its processes."""
    if stack.process.poll() is None:
        stack.process.send_signal(signal.SIGTERM)
        try:
            stack.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            stack.process.kill()
            stack.process.wait()
    for pid in stack.pids.values():  # only if the supervisor failed to: never leave servers behind
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)


# --- users: the widget's protocol ---------------------------------------------------------
@dataclass
class Tally:
    turns: int = 0
    conversations: int = 0
    degraded: int = 0
    unavailable: int = 0
    crisis: int = 0
    crisis_without_numbers: int = 0
    crisis_first_reply_degraded: int = 0
    lost: int = 0
    doubled_in_turn: int = 0
    other_errors: int = 0
    longest_wait: float = 0.0  # seconds from first try to the bot's reply, over all messages
    slowest_degraded: float = 0.0  # seconds the web app took to give a degraded reply
    answered: Counter = field(default_factory=Counter)  # sender → messages answered
    samples: list[str] = field(default_factory=list)

    def note(self, sample: str) -> None:
        if len(self.samples) < 10:
            self.samples.append(sample)


def _texts(messages: list[dict]) -> str:
    return "\n".join(str(message.get("text", "")) for message in messages)


def has_crisis_numbers(messages: list[dict]) -> bool:
    text = _texts(messages)
    return all(word in text for word in CRISIS_WORDS) and any(line in text for line in TALK_NOW_LINES)


@dataclass
class GiveUp:
    """When clients stop retrying: not set while the chaos goes on; set once everything is back."""

    at: float | None = None

    def due(self) -> bool:
        return self.at is not None and time.monotonic() > self.at


class WidgetClient:
    """One person in the chat: messages go one at a time; a degraded reply means 'try the same message again'."""

    def __init__(
        self, session: aiohttp.ClientSession, web_url: str, tally: Tally, retry_seconds: tuple[float, ...],
        give_up: GiveUp | None = None,
    ):
        self.session, self.url, self.tally, self.retry_seconds = session, f"{web_url}/api/message", tally, retry_seconds
        self.give_up = give_up or GiveUp(time.monotonic() + GIVE_UP_AFTER_RECOVERY_SECONDS)
        self.origin = web_url
        self.sender = uuid.uuid4().hex
        self.first_status = 0  # the HTTP status of the first try of the last message

    def new_conversation(self) -> None:
        self.sender = uuid.uuid4().hex

    async def send(self, text: str, crisis: bool = False) -> list[dict] | None:
        """Send one message until the bot answers it; the bot's messages, or None if it never did."""
        message_id = uuid.uuid4().hex
        first_try = time.monotonic()
        tries = 0
        while not self.give_up.due():
            body = {"sender": self.sender, "message": text, "message_id": message_id, "retry": tries > 0}
            sent = time.monotonic()
            try:
                async with self.session.post(self.url, json=body, headers={"Origin": self.origin}) as response:
                    status, data = response.status, await response.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
                status, data = 0, {"error": repr(error)}
            messages = data.get("messages", []) if isinstance(data, dict) else []
            if tries == 0:
                self.first_status = status
            if crisis and tries == 0:
                self.tally.crisis += 1
                if status == 503:  # the degraded reply must carry the numbers too (a 200 is checked below)
                    self.tally.crisis_first_reply_degraded += 1
                    self._check_crisis(text, messages)
            tries += 1
            if status == 200:
                return self._answered(text, messages, crisis, first_try)
            if status == 503 and isinstance(data, dict) and data.get("degraded"):
                self.tally.degraded += 1
                self.tally.slowest_degraded = max(self.tally.slowest_degraded, time.monotonic() - sent)
            else:  # the web app itself failed or refused: never expected
                self.tally.other_errors += 1
                self.tally.note(f"{text!r}: HTTP {status} {str(data)[:120]}")
            await asyncio.sleep(self.retry_seconds[min(tries - 1, len(self.retry_seconds) - 1)])
        self.tally.lost += 1
        self.tally.note(f"{text!r} ({self.sender}): no answer {GIVE_UP_AFTER_RECOVERY_SECONDS} s after the stack was back")
        return None

    def _answered(self, text: str, messages: list[dict], crisis: bool, first_try: float) -> list[dict] | None:
        self.tally.turns += 1
        self.tally.answered[self.sender] += 1
        self.tally.longest_wait = max(self.tally.longest_wait, time.monotonic() - first_try)
        if not messages:
            self.tally.lost += 1  # silence is a lost reply
            self.tally.note(f"{text!r} ({self.sender}): answered with nothing")
            return None
        keys = [json.dumps(m, sort_keys=True) for m in messages]
        if len(set(keys)) != len(keys):
            self.tally.doubled_in_turn += 1
            self.tally.note(f"{text!r} ({self.sender}): a message repeated in one reply")
        if UNAVAILABLE in _texts(messages):
            self.tally.unavailable += 1
        if crisis:
            self._check_crisis(text, messages)
        return messages

    def _check_crisis(self, text: str, messages: list[dict]) -> None:
        if not has_crisis_numbers(messages):
            self.tally.crisis_without_numbers += 1
            self.tally.note(f"crisis {text!r} ({self.sender}): no crisis numbers in {_texts(messages)[:120]!r}")


def conversation(rng: random.Random, crisis_share: float) -> list[tuple[str, bool]]:
    """A whole triage with random answers; in `crisis_share` of them a crisis message at a random turn."""
    steps = [(step.message, False) for step in triage_path(rng)]
    if rng.random() < crisis_share:
        steps.insert(rng.randint(1, len(steps)), (rng.choice(CRISIS_MESSAGES), True))
    return steps


async def simulated_user(
    client: WidgetClient, rng: random.Random, stop: asyncio.Event, think: tuple[float, float], crisis_share: float,
) -> None:
    while not stop.is_set():
        client.new_conversation()
        for text, crisis in conversation(rng, crisis_share):
            if stop.is_set():
                return  # between messages: nothing is left waiting
            await client.send(text, crisis)
            await asyncio.sleep(rng.uniform(*think))
        client.tally.conversations += 1


# --- the run ------------------------------------------------------------------------------
@dataclass
class ChaosPlan:
    users: int = 4
    duration: float = 0.0  # seconds of load; 0: one round of kills, then stop
    settle: float = 5.0  # seconds of load after a killed process is back, before the next kill
    first_kill_after: float = 3.0
    think: tuple[float, float] = (0.2, 1.0)
    crisis_share: float = 0.3
    retry_seconds: tuple[float, ...] = (1, 2)
    targets: tuple[str, ...] = KILL_TARGETS
    seed: int = 17


@dataclass
class ChaosReport:
    kills: Counter = field(default_factory=Counter)
    back_after: dict[str, list[float]] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)
    doubled_in_store: int = 0
    unrecorded: int = 0  # answered messages missing from the tracker store
    crisis_probes: dict[str, list[dict]] = field(default_factory=dict)  # killed process → replies to a crisis message sent at once
    whole_afterwards: bool = False
    final_check: str = ""  # a fresh triage after the run: "" if it ended with services
    supervisor_said: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    startup_seconds: float = 0.0

    @property
    def doubled(self) -> int:
        return self.doubled_in_store + self.tally.doubled_in_turn

    def summary(self) -> str:
        t = self.tally
        back = ", ".join(
            f"{name} {min(times):.1f}-{max(times):.1f} s" for name, times in self.back_after.items() if times
        )
        return "\n".join([
            f"stack started in       {self.startup_seconds:.0f} s",
            f"kills                  {sum(self.kills.values())} ({', '.join(f'{n} {c}' for n, c in self.kills.items())})",
            f"back after             {back}",
            f"turns                  {t.turns} in {t.conversations} whole conversations ({self.elapsed:.0f} s)",
            f"degraded replies       {t.degraded} (web app 503 while Rasa was down; slowest {t.slowest_degraded:.2f} s)",
            f"services unavailable   {t.unavailable} (Rasa's reply while the action server was down)",
            f"crisis messages        {t.crisis} ({t.crisis_first_reply_degraded} first answered by the degraded reply); "
            f"without the crisis numbers: {t.crisis_without_numbers}",
            f"lost replies           {t.lost}",
            f"doubled replies        {self.doubled} (handled twice: {self.doubled_in_store}, repeated in a turn: "
            f"{t.doubled_in_turn})",
            f"other errors           {t.other_errors}; answered but not in the tracker store: {self.unrecorded}",
            f"longest wait           {t.longest_wait:.1f} s from first try to the bot's answer",
            f"stack whole afterwards {'yes' if self.whole_afterwards else 'NO'}; fresh triage: "
            f"{self.final_check or 'ended with services'}",
        ])


async def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        await asyncio.sleep(0.25)


async def _kill_and_wait(stack: SupervisedStack, name: str, client: WidgetClient, report: ChaosReport) -> None:
    pid = stack.pids[name]
    client.give_up.at = None  # the clients keep trying until it is back, however long that takes
    os.kill(pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
    killed_at = time.monotonic()
    report.kills[name] += 1
    client.new_conversation()  # a crisis message at once, while it is down
    probe = asyncio.create_task(client.send(CRISIS_MESSAGES[0], crisis=True))
    await _wait(lambda: stack.pids.get(name) != pid and answers(stack.health[name]), STARTUP_TIMEOUT_SECONDS,
                f"the {name} to come back")
    report.back_after.setdefault(name, []).append(time.monotonic() - killed_at)
    client.give_up.at = time.monotonic() + GIVE_UP_AFTER_RECOVERY_SECONDS
    replies = await probe
    report.crisis_probes.setdefault(name, []).append(
        {"replies": replies, "first_reply_degraded": client.first_status == 503}
    )


async def run_load_with_kills(stack: SupervisedStack, plan: ChaosPlan) -> ChaosReport:
    report = ChaosReport(startup_seconds=stack.startup_seconds)
    stop = asyncio.Event()
    give_up = GiveUp()  # shared by the users: set while nothing is down
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        started = time.monotonic()
        users = [
            asyncio.create_task(simulated_user(
                WidgetClient(session, stack.web_url, report.tally, plan.retry_seconds, give_up),
                random.Random(plan.seed * 1000 + index), stop, plan.think, plan.crisis_share,
            ))
            for index in range(plan.users)
        ]
        probe_client = WidgetClient(session, stack.web_url, report.tally, plan.retry_seconds, give_up)
        await asyncio.sleep(plan.first_kill_after)
        while True:
            for name in plan.targets:
                await _kill_and_wait(stack, name, probe_client, report)
                await asyncio.sleep(plan.settle)
            if time.monotonic() - started >= plan.duration:
                break
        stop.set()
        await asyncio.gather(*users)  # each finishes the message it is on
        report.elapsed = time.monotonic() - started
        report.final_check = await _fresh_triage(WidgetClient(session, stack.web_url, Tally(), plan.retry_seconds))
    report.whole_afterwards = stack.whole()
    report.doubled_in_store, report.unrecorded = _compare_with_store(stack.tracker_db, report.tally.answered, report.tally)
    report.supervisor_said = stack.said(r"^The .* (stopped unexpectedly|is back|keeps crashing)")
    return report


FRESH_TRIAGE = ("hi", "young person", "I'm in year 9", "skip", "Stevenage", "I can't sleep at night")


async def _fresh_triage(client: WidgetClient) -> str:
    """A whole new conversation after the run: it must reach the service search (action server and DB)."""
    replies: list[dict] | None = []
    for text in FRESH_TRIAGE:
        replies = await client.send(text)
        if replies is None:
            return f"no answer to {text!r}"
    text = _texts(replies or [])
    if UNAVAILABLE in text or "Why I picked it" not in text:
        return f"the last answer was not a list of services: {text[:160]!r}"
    return ""


def _compare_with_store(tracker_db: Path, answered: Counter, tally: Tally) -> tuple[int, int]:
    """Messages handled twice (more user events than answers), and answers the store does not have."""
    with sqlite3.connect(f"file:{tracker_db}?mode=ro", uri=True) as db:
        stored = dict(db.execute("SELECT sender_id, COUNT(*) FROM events WHERE type_name = 'user' GROUP BY sender_id"))
    doubled = missing = 0
    for sender, count in answered.items():
        if stored.get(sender, 0) != count:
            tally.note(f"conversation {sender}: {count} messages answered, {stored.get(sender, 0)} in the tracker store")
        doubled += max(0, stored.get(sender, 0) - count)
        missing += max(0, count - stored.get(sender, 0))
    return doubled, missing


def run_chaos(plan: ChaosPlan, services_database_url: str, work_dir: Path) -> ChaosReport:
    with supervised_stack(work_dir, services_database_url) as stack:
        return asyncio.run(run_load_with_kills(stack, plan))


def _load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=300, help="seconds of load (kill rounds go on until then)")
    parser.add_argument("--users", type=int, default=6)
    parser.add_argument("--settle", type=float, default=20, help="seconds of load after a process is back, before the next kill")
    parser.add_argument("--think", default="1-4", help="seconds between a user's messages: MIN-MAX")
    parser.add_argument("--retry", choices=["widget", "fast"], default="widget",
                        help="after a degraded reply, retry like the widget (2, 4, 8, 15, 30 s) or every 1-2 s")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, databases)")
    args = parser.parse_args()
    low, _, high = args.think.partition("-")
    plan = ChaosPlan(
        users=args.users, duration=args.duration, settle=args.settle, think=(float(low), float(high or low)),
        retry_seconds=WIDGET_RETRY_SECONDS if args.retry == "widget" else (1, 2),
    )
    from signposting.settings import settings

    work_dir = Path(tempfile.mkdtemp(prefix="chaos-"))
    print(f"make run's stack on free ports, work directory {work_dir}; load {args.users} users for "
          f"{args.duration:.0f} s, killing {' then '.join(plan.targets)} in turn...", flush=True)
    print(f"Load average at the start: {_load_average()} (figures from a busy machine are not comparable)", flush=True)
    report = run_chaos(plan, settings.services_database_url, work_dir)
    print(f"Load average at the end: {_load_average()}")
    print(report.summary())
    for sample in report.tally.samples:
        print("  ", sample)
    print("The supervisor said:")
    for line in report.supervisor_said:
        print("  ", line)
    if not args.keep:
        import shutil

        shutil.rmtree(work_dir, ignore_errors=True)
    else:
        print(f"Logs and databases kept in {work_dir}")


if __name__ == "__main__":
    main()
