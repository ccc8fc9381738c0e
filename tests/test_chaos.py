"""One crashed process must never take the crisis reply down.

`make run`'s supervisor and processes (`python -m bot.run`, on free ports, with their own
tracker database) under a small load of whole conversations through the web app, the way
the widget talks to it. The action server is killed with SIGKILL mid-run, then the Rasa
server; the supervisor brings each back. Every message must get an answer (the degraded
one while Rasa is down, with the urgent numbers), every crisis message the crisis numbers
in that same turn, no reply may be lost or handled twice, and afterwards the whole stack
answers again. About two minutes on a quiet machine (up to five on a busy one), most of
it the Rasa server loading its model twice. `make chaos` runs the same for longer and
prints the figures (docs/benchmarks.md).
"""
from __future__ import annotations

import pytest

from benchmarks.chaos import ACTION_SERVER, RASA_SERVER, ChaosPlan, has_crisis_numbers, run_chaos

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def report(seeded_engine, tmp_path_factory):
    plan = ChaosPlan(users=4, duration=0, settle=4, first_kill_after=3, think=(0.2, 1.0), retry_seconds=(1, 2))
    result = run_chaos(plan, str(seeded_engine.url), tmp_path_factory.mktemp("chaos"))
    print(result.summary())  # shown with the output of a failing test
    return result


def test_each_killed_process_was_restarted_by_the_supervisor(report):
    assert report.kills == {ACTION_SERVER: 1, RASA_SERVER: 1}
    assert set(report.back_after) == {ACTION_SERVER, RASA_SERVER}
    said = "\n".join(report.supervisor_said)
    for name in (ACTION_SERVER, RASA_SERVER):
        assert f"The {name} stopped unexpectedly (killed by SIGKILL)" in said
        assert f"The {name} is back" in said
    assert "web app stopped" not in said and "staff review app stopped" not in said


def test_users_kept_talking_and_met_the_outage(report):
    assert report.tally.conversations >= 1
    assert report.tally.degraded >= 1  # someone wrote while the Rasa server was down
    assert report.tally.other_errors == 0, report.tally.samples


def test_every_message_got_an_answer_and_none_was_lost(report):
    assert report.tally.lost == 0, report.tally.samples


def test_no_message_was_handled_twice_and_every_answer_is_in_the_tracker_store(report):
    assert report.doubled_in_store == 0 and report.tally.doubled_in_turn == 0, report.tally.samples
    assert report.unrecorded == 0


def test_every_crisis_message_got_the_crisis_numbers_in_the_same_turn(report):
    assert report.tally.crisis >= 2
    assert report.tally.crisis_without_numbers == 0, report.tally.samples


@pytest.mark.parametrize("killed", [ACTION_SERVER, RASA_SERVER])
def test_a_crisis_message_sent_just_after_a_kill_got_the_crisis_numbers(report, killed):
    [probe] = report.crisis_probes[killed]
    assert has_crisis_numbers(probe["replies"] or [])  # the bot's own crisis reply, once it was delivered
    assert probe["first_reply_degraded"] is (killed == RASA_SERVER)


def test_the_stack_is_whole_again_afterwards(report):
    assert report.whole_afterwards
    assert report.final_check == ""  # a fresh triage reached the service search


def test_the_crisis_check_accepts_every_kind_of_crisis_reply_and_nothing_else():
    """A parent's own crisis gets adult lines, not Childline: both count as the crisis numbers."""
    assert has_crisis_numbers([{"text": "If you are in danger now, call 999.\nChildline (under 19): call 0800 1111."}])
    assert has_crisis_numbers([{"text": "call 999 or go to A&E."}, {"text": "Samaritans: call 116 123, any time."}])
    assert not has_crisis_numbers([{"text": "What has been going on? Pick one."}])
    assert not has_crisis_numbers([{"text": "Call 999 in an emergency."}])
