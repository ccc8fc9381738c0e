"""The restart backoff of `make run`'s supervisor: pure, with made-up times."""
from __future__ import annotations

import pytest

from bot.restart_backoff import BackoffPolicy, RestartBackoff

POLICY = BackoffPolicy(first_delay=1, max_delay=60, stable_after=60, report_after=3)


def crash_quickly(backoff: RestartBackoff, times: int, start: float = 0.0) -> tuple[list[float], float]:
    """Start and crash `times` times, each 5 s after its start; restart after the delay given."""
    delays, now = [], start
    for _ in range(times):
        backoff.started(now)
        now += 5
        delay = backoff.stopped(now)
        delays.append(delay)
        now += delay
    return delays, now


def test_the_first_restart_comes_after_the_first_delay():
    assert crash_quickly(RestartBackoff(POLICY), 1)[0] == [1]


def test_a_process_that_keeps_crashing_waits_twice_as_long_each_time_up_to_the_cap():
    delays, _ = crash_quickly(RestartBackoff(POLICY), 9)
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_it_is_never_given_up_on_and_never_restarted_in_a_tight_loop():
    delays, _ = crash_quickly(RestartBackoff(POLICY), 200)
    assert all(delay >= 1 for delay in delays) and delays[-1] == 60


def test_a_run_longer_than_stable_after_forgives_the_earlier_crashes():
    backoff = RestartBackoff(POLICY)
    _, now = crash_quickly(backoff, 5)
    backoff.started(now)
    assert backoff.stopped(now + 60) == 1  # stayed up 60 s: back to the short wait
    assert backoff.crashes_in_a_row == 1


def test_a_run_just_short_of_stable_after_does_not():
    backoff = RestartBackoff(POLICY)
    _, now = crash_quickly(backoff, 2)
    backoff.started(now)
    assert backoff.stopped(now + 59.9) == 4


def test_keeps_crashing_is_reported_from_the_third_quick_crash_in_a_row():
    backoff = RestartBackoff(POLICY)
    seen = []
    for _ in range(4):
        crash_quickly(backoff, 1)
        seen.append(backoff.keeps_crashing)
    assert seen == [False, False, True, True]
    backoff.started(1000)
    backoff.stopped(2000)
    assert not backoff.keeps_crashing  # a long run in between: a fresh count


def test_a_stop_without_a_recorded_start_counts_as_a_quick_crash():
    backoff = RestartBackoff(POLICY)
    assert backoff.stopped(100) == 1 and backoff.stopped(200) == 2


def test_nothing_to_wait_for_before_any_crash():
    assert RestartBackoff(POLICY).delay() == 0


@pytest.mark.parametrize(
    "settings",
    [dict(first_delay=0), dict(first_delay=10, max_delay=5), dict(stable_after=0), dict(report_after=0)],
)
def test_a_policy_that_would_loop_or_never_settle_is_refused(settings):
    with pytest.raises(ValueError):
        BackoffPolicy(**settings)
