"""The scale-out deployment (deploy/): two Rasa servers sharing a PostgreSQL tracker store
and a Redis lock store, two action servers, nginx in front; all real servers on loopback.

Consecutive turns of one conversation land on different Rasa servers (alternating the two
ports directly, and through nginx's round-robin); every conversation is stored once, in
order, in PostgreSQL, and the answers are those a single server gives. Then one Rasa
server is stopped in the middle of a run: the conversations carry on on the other one
and nothing is lost.
"""
from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest
import sqlalchemy as sa

from benchmarks.load import run_load
from benchmarks.scale_stack import scale_stack

pytestmark = pytest.mark.servers

USERS = 6  # concurrent conversations, each a whole triage with randomised answers


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    with scale_stack(tmp_path_factory.mktemp("scale-out")) as running:
        yield running


@pytest.fixture(scope="module")
def tracker_engine(stack):
    engine = sa.create_engine(stack.tracker_url)
    yield engine
    engine.dispose()


def conversations(urls, routing="turn", **kwargs):
    results = asyncio.run(run_load(urls, USERS, duration=600, routing=routing, record=True, max_conversations=1, seed=7, **kwargs))
    assert results.errors == 0, results.error_samples
    assert results.lost == 0 and results.duplicated == 0, results.error_samples
    return results


def stored_turns(engine, sender: str) -> list[tuple[str, str]]:
    """The user messages and bot replies of one conversation, as stored, in order."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("select type_name, data from events where sender_id = :sender order by id"), {"sender": sender}
        ).all()
    return [(kind, json.loads(data).get("text") or "") for kind, data in rows if kind in ("user", "bot")]


STORE_WAIT_SECONDS = 15


def assert_stored_exactly_once_in_order(engine, results) -> None:
    """Over socket.io the replies reach the client before Rasa has saved the turn, so the last
    turn may still be on its way to the database: wait for it (a bounded wait, not a timing check)."""
    for sender, transcript in results.transcripts.items():
        expected = []
        for message, replies in transcript:
            expected.append(("user", message))
            expected.extend(("bot", reply) for reply in replies)
        deadline = time.monotonic() + STORE_WAIT_SECONDS
        while stored_turns(engine, sender) != expected and time.monotonic() < deadline:
            time.sleep(0.2)
        assert stored_turns(engine, sender) == expected, sender


def answers(results) -> list[list[tuple[str, list[str]]]]:
    return [results.transcripts[results.senders[(user, 0)]] for user in range(USERS)]


@pytest.fixture(scope="module")
def single_server(stack):
    return conversations(stack.rasa_urls[:1])


def test_turns_alternating_between_the_two_rasa_servers(stack, tracker_engine, single_server):
    results = conversations(stack.rasa_urls, routing="turn")
    assert results.conversations == USERS
    assert_stored_exactly_once_in_order(tracker_engine, results)
    assert answers(results) == answers(single_server)


def test_turns_through_nginx_round_robin(stack, tracker_engine, single_server):
    results = conversations([stack.nginx_url])
    assert_stored_exactly_once_in_order(tracker_engine, results)
    assert answers(results) == answers(single_server)
    assert_stored_exactly_once_in_order(tracker_engine, single_server)


def test_socket_io_through_nginx(stack, tracker_engine):
    results = conversations([stack.nginx_url], channel="socketio")
    assert results.conversations == USERS
    assert_stored_exactly_once_in_order(tracker_engine, results)


def test_a_rasa_server_stopping_mid_run_loses_nothing(stack, tracker_engine):
    """Runs last: it stops the first Rasa server."""
    stopper = threading.Timer(3.0, stack.stop_rasa, args=(0,))
    stopper.start()
    started = time.monotonic()
    results = asyncio.run(run_load(
        [stack.nginx_url], USERS, duration=600, think=(0.3, 0.8), record=True, max_conversations=3, seed=11,
    ))
    stopper.join()
    assert stack.rasa_processes[0].poll() is not None, "the server was stopped during the run"
    assert time.monotonic() - started > 3.0
    assert results.errors == 0, results.error_samples
    assert results.lost == 0 and results.duplicated == 0, results.error_samples
    assert results.conversations == USERS * 3
    assert_stored_exactly_once_in_order(tracker_engine, results)
