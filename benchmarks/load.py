"""Load generator: N concurrent conversations against Rasa's REST webhook or socket.io channel.

Each simulated user runs whole conversations one after another (a fresh sender id each
time): the full triage path with randomised answers for this bot, or the mood path for
the stock `rasa init` assistant. A turn is one user message and all the bot replies to it.
It records per-turn latency, errors, and replies that were lost (the expected reply never
came) or duplicated (the same message twice in one turn, or a message outside any turn).

Used by `benchmarks.run` (the table in docs/benchmarks.md), `benchmarks.scale_demo` and
tests/test_scale_out.py. On its own:

    .venv/bin/python -m benchmarks.load --url http://127.0.0.1:5005 --users 10 --duration 20
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import statistics
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import aiohttp

TURN_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Step:
    """One user message and a fragment the last bot message of the reply must contain."""

    message: str
    expect: tuple[str, ...]


def triage_path(rng: random.Random) -> list[Step]:
    """A whole triage (role → age → school → area → concern) with randomised answers."""
    role = rng.choice(["young person", "parent or carer", "professional", "I'm a young person", "I'm a mum"])
    age = rng.choice(["13 to 14", "15 to 16", "11 to 12", "13", "14", "year 9", "I'm fifteen", "16"])
    school = rng.choice(["skip", "not at school", "skip"])
    area = rng.choice(["Stevenage", "Hertfordshire", "Leicester", "Watford", "Rutland", "Leicestershire", "West Essex", "Hitchin"])
    concern = rng.choice(["low mood", "worry or anxiety", "sleep", "bullying", "exam stress", "loneliness",
                          "anger", "family problems", "I can't sleep", "I feel really lonely"])
    return [
        Step("hi", ("Who is chatting",)),
        Step(role, ("How old",)),
        Step(age, ("school or college",)),
        Step(school, ("live?",)),
        Step(area, ("Pick one",)),
        # Results end with "Did this help?" the first time (issue 14), after the next step: over
        # socket.io the turn is complete only when that last message has come.
        Step(concern, ("Did this help?", "That's all the services")),
    ]


def stock_path(rng: random.Random) -> list[Step]:
    """The stock `rasa init` assistant's stories: greet, mood, (affirm), goodbye."""
    if rng.random() < 0.5:
        middle = [Step(rng.choice(["amazing", "I am great", "wonderful"]), ("Great, carry on!",))]
    else:
        middle = [
            Step(rng.choice(["I am sad", "very sad", "unhappy", "not good"]), ("Did that help you?",)),
            Step(rng.choice(["yes", "indeed", "of course"]), ("Great, carry on!",)),
        ]
    return [Step(rng.choice(["hi", "hello", "hey there"]), ("How are you?",)), *middle, Step("bye", ("Bye",))]


SCRIPTS: dict[str, Callable[[random.Random], list[Step]]] = {"triage": triage_path, "stock": stock_path}


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)  # seconds, one per completed turn
    by_step: dict[int, list[float]] = field(default_factory=dict)  # turn number in the conversation → latencies
    turns: int = 0
    conversations: int = 0
    errors: int = 0
    lost: int = 0
    duplicated: int = 0
    error_samples: list[str] = field(default_factory=list)
    transcripts: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)  # sender → turns
    senders: dict[tuple[int, int], str] = field(default_factory=dict)  # (user, conversation number) → sender
    started: float = 0.0
    elapsed: float = 0.0

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(what)

    def summary(self) -> dict[str, float]:
        ms = sorted(latency * 1000 for latency in self.latencies)

        def pct(p: float) -> float:
            return ms[min(len(ms) - 1, int(round(p / 100 * (len(ms) - 1))))] if ms else float("nan")

        return {
            "turns": self.turns,
            "conversations": self.conversations,
            "turns_per_s": self.turns / self.elapsed if self.elapsed else 0.0,
            "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
            "max_ms": ms[-1] if ms else float("nan"),
            "mean_ms": statistics.fmean(ms) if ms else float("nan"),
            "errors": self.errors, "lost": self.lost, "duplicated": self.duplicated,
        }


def message_key(message: dict) -> str:
    return json.dumps({k: message.get(k) for k in ("text", "buttons", "image", "custom")}, sort_keys=True)


def check_reply(step: Step, messages: list[dict], results: Results) -> None:
    keys = [message_key(m) for m in messages]
    if len(set(keys)) != len(keys):
        results.duplicated += 1
    last = messages[-1].get("text", "") if messages else ""
    if not any(fragment in last for fragment in step.expect):
        results.lost += 1
        if len(results.error_samples) < 5:
            results.error_samples.append(f"after {step.message!r}: expected {step.expect}, got {last[:80]!r}")


class RestUser:
    """One user over the REST webhook. With several `urls`, `routing="turn"` sends each turn
    to the next one (consecutive turns on different servers: needs the Redis lock store);
    `routing="conversation"` keeps a conversation on one server, picked by its sender id
    (what a sticky load balancer does)."""

    def __init__(self, session: aiohttp.ClientSession, urls: Sequence[str], routing: str = "turn"):
        self.session = session
        self.webhooks = [f"{url.rstrip('/')}/webhooks/rest/webhook" for url in urls]
        self.routing = routing
        self.urls: Iterator[str] = itertools.cycle(self.webhooks)

    async def start(self, sender: str) -> None:
        self.sender = sender
        if self.routing == "conversation":
            self.urls = itertools.repeat(self.webhooks[int(sender, 16) % len(self.webhooks)])

    async def say(self, step: Step) -> list[dict]:
        payload = {"sender": self.sender, "message": step.message}
        async with self.session.post(next(self.urls), json=payload) as response:
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
            return await response.json()

    async def close(self) -> None:
        pass


class SocketUser:
    """One user over Rasa's socket.io channel (session_persistence: true)."""

    def __init__(self, url: str, results: Results):
        import socketio

        self.url = url
        self.results = results
        self.client = socketio.AsyncClient(reconnection=False)
        self.inbox: asyncio.Queue[dict] = asyncio.Queue()
        self.client.on("bot_uttered", self._on_bot)
        self.confirmed = asyncio.Event()
        self.client.on("session_confirm", lambda *_: self.confirmed.set())

    async def _on_bot(self, message: dict) -> None:
        await self.inbox.put(message)

    async def start(self, sender: str) -> None:
        if self.client.connected:
            await self.client.disconnect()
        self.confirmed.clear()
        self.inbox = asyncio.Queue()
        await self.client.connect(self.url, transports=["websocket"], socketio_path="/socket.io")
        await self.client.emit("session_request", {"session_id": sender})
        await asyncio.wait_for(self.confirmed.wait(), TURN_TIMEOUT_SECONDS)
        self.sender = sender

    async def say(self, step: Step) -> list[dict]:
        while not self.inbox.empty():  # a reply to an earlier turn arriving late
            self.inbox.get_nowait()
            self.results.duplicated += 1
        await self.client.emit("user_uttered", {"message": step.message, "session_id": self.sender})
        messages: list[dict] = []
        while True:
            message = await asyncio.wait_for(self.inbox.get(), TURN_TIMEOUT_SECONDS)
            messages.append(message)
            if any(fragment in message.get("text", "") for fragment in step.expect):
                return messages

    async def close(self) -> None:
        if self.client.connected:
            await self.client.disconnect()


async def simulated_user(
    index: int, make_user: Callable[[], RestUser | SocketUser], script: Callable[[random.Random], list[Step]],
    rng: random.Random, think: tuple[float, float], stop_at: float, results: Results,
    record: bool, max_conversations: int | None,
) -> None:
    user = make_user()
    done = 0
    try:
        for attempt in itertools.count():
            if time.monotonic() >= stop_at or (max_conversations is not None and done >= max_conversations):
                break
            sender = uuid.uuid4().hex
            transcript: list[tuple[str, list[str]]] = []
            if record:
                results.transcripts[sender] = transcript
                results.senders[(index, attempt)] = sender
            try:
                await user.start(sender)
            except Exception as error:  # noqa: BLE001 - counted, the run goes on
                results.error(f"connect: {error!r}")
                await asyncio.sleep(1)
                continue
            completed = True
            for number, step in enumerate(script(rng)):
                if time.monotonic() >= stop_at and max_conversations is None:
                    completed = False
                    break
                begin = time.monotonic()
                try:
                    messages = await asyncio.wait_for(user.say(step), TURN_TIMEOUT_SECONDS)
                except Exception as error:  # noqa: BLE001 - counted, the conversation is abandoned
                    results.error(f"{step.message!r}: {error!r}")
                    completed = False
                    break
                results.latencies.append(time.monotonic() - begin)
                results.by_step.setdefault(number, []).append(results.latencies[-1])
                results.turns += 1
                check_reply(step, messages, results)
                # Text replies only: a service card's data (a custom payload) is its own message on
                # the wire but part of the one stored bot event that carries the card's text.
                transcript.append((step.message, [m["text"] for m in messages if m.get("text")]))
                if think[1] > 0:
                    await asyncio.sleep(rng.uniform(*think))
            if completed:
                results.conversations += 1
                done += 1
    finally:
        await user.close()


async def run_load(
    urls: Sequence[str], users: int, duration: float, think: tuple[float, float] = (0.0, 0.0),
    channel: str = "rest", script: str = "triage", seed: int = 1, record: bool = False,
    max_conversations: int | None = None, ramp_up: float | None = None, routing: str = "turn",
) -> Results:
    """Run `users` concurrent simulated users for `duration` seconds (or `max_conversations` each)."""
    results = Results()
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=TURN_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        url_cycle = itertools.cycle(urls)

        def make_user() -> RestUser | SocketUser:
            if channel == "socketio":
                return SocketUser(next(url_cycle), results)
            return RestUser(session, urls, routing)

        results.started = time.monotonic()
        stop_at = results.started + duration
        # Users arrive spread over the first think interval (or 1 s), not all in one instant.
        spread = ramp_up if ramp_up is not None else max(1.0, think[1])
        tasks = []
        for index in range(users):
            rng = random.Random(seed * 100_003 + index)
            tasks.append(asyncio.create_task(_delayed(
                spread * index / max(users, 1),
                simulated_user(index, make_user, SCRIPTS[script], rng, think, stop_at, results, record, max_conversations),
            )))
        await asyncio.gather(*tasks)
        results.elapsed = time.monotonic() - results.started
    return results


async def _delayed(delay: float, coroutine) -> None:
    await asyncio.sleep(delay)
    await coroutine


def format_summary(label: str, summary: dict[str, float]) -> str:
    return (
        f"{label:<44} p50 {summary['p50_ms']:7.0f} ms  p95 {summary['p95_ms']:7.0f} ms  p99 {summary['p99_ms']:7.0f} ms  "
        f"{summary['turns_per_s']:6.1f} turns/s  {int(summary['turns']):6d} turns  "
        f"errors {int(summary['errors'])}  lost {int(summary['lost'])}  dup {int(summary['duplicated'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", action="append", required=True, help="Rasa (or nginx) base URL; repeat to alternate")
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--think", default="0", help="seconds between messages: 0, or MIN-MAX (e.g. 2-8)")
    parser.add_argument("--channel", choices=["rest", "socketio"], default="rest")
    parser.add_argument("--script", choices=sorted(SCRIPTS), default="triage")
    parser.add_argument("--routing", choices=["turn", "conversation"], default="turn",
                        help="with several --url: alternate every turn, or keep each conversation on one")
    parser.add_argument("--verbose", action="store_true", help="latency by turn number")
    args = parser.parse_args()
    low, _, high = args.think.partition("-")
    think = (float(low), float(high or low))
    results = asyncio.run(run_load(args.url, args.users, args.duration, think, args.channel, args.script, routing=args.routing))
    print(format_summary(f"{args.channel} {args.users} users think {args.think}", results.summary()))
    for sample in results.error_samples:
        print("  ", sample)
    if args.verbose:
        for number, latencies in sorted(results.by_step.items()):
            ms = sorted(x * 1000 for x in latencies)
            print(f"   turn {number + 1}: n={len(ms)} p50 {ms[len(ms) // 2]:.0f} ms  p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms")


if __name__ == "__main__":
    main()
