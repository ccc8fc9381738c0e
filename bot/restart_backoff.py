"""When to restart a process that stopped on its own: exponential backoff, forgiven after a stable run.

The same idea as systemd's `Restart=on-failure` with `RestartSec`, `RestartSteps` and
`RestartMaxDelaySec`: the first restart comes quickly, each crash soon after a start
doubles the wait (up to a cap), and a process that stayed up long enough starts again from
the short wait. A process that keeps crashing is so restarted less and less often, never in
a tight loop, and never given up on: the others keep running and the user still gets an
answer (the web app's degraded reply, the crisis numbers).

Pure: the caller passes the time in, so `bot.supervisor` uses it with the clock and the
unit tests with made-up times.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BackoffPolicy:
    first_delay: float = 1.0  # seconds before the first restart
    max_delay: float = 60.0  # the wait never grows past this
    stable_after: float = 60.0  # a run at least this long forgives the crashes before it
    report_after: int = 3  # this many crashes in a row, each soon after its start: "keeps crashing"

    def __post_init__(self) -> None:
        if not 0 < self.first_delay <= self.max_delay:
            raise ValueError("need 0 < first_delay <= max_delay")
        if self.stable_after <= 0 or self.report_after < 1:
            raise ValueError("need stable_after > 0 and report_after >= 1")


@dataclass
class RestartBackoff:
    """The restart history of one process."""

    policy: BackoffPolicy = BackoffPolicy()
    crashes_in_a_row: int = 0
    started_at: float | None = None

    def started(self, now: float) -> None:
        self.started_at = now

    def stopped(self, now: float) -> float:
        """Record an unexpected stop at `now`; return how many seconds to wait before the restart."""
        ran_for = now - self.started_at if self.started_at is not None else 0.0
        if ran_for >= self.policy.stable_after:
            self.crashes_in_a_row = 0
        self.crashes_in_a_row += 1
        self.started_at = None
        return self.delay()

    def delay(self) -> float:
        """The wait before the next restart: first_delay doubled for each earlier crash in a row, capped."""
        if self.crashes_in_a_row == 0:
            return 0.0
        doublings = min(self.crashes_in_a_row - 1, 32)  # 2**32 s is past any cap
        return min(self.policy.first_delay * 2**doublings, self.policy.max_delay)

    @property
    def keeps_crashing(self) -> bool:
        return self.crashes_in_a_row >= self.policy.report_after
