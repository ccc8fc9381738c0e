"""Start a set of server processes, restart any that stops on its own, stop them all on request.

One crashed process must not take the others down: the web app still gives the urgent
numbers while the Rasa server is restarting, and the Rasa server still gives the crisis
reply while the action server is. So after launch a process that stops unexpectedly is
reported and restarted after a backoff (`bot.restart_backoff`), and the others keep
running. Only a process that cannot start at all at launch (a bad configuration) stops
everything, with its name and its last output.

Each process runs in its own session (process group): Ctrl-C in the terminal reaches only
the supervisor, which stops them in an orderly way, and whatever a crashed process left
behind in its group is killed before it is started again. Their output is passed through,
each line prefixed with the process's name, and the last lines are kept to say why one
failed.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot.restart_backoff import BackoffPolicy, RestartBackoff

OUTPUT_LINES_KEPT = 20
STOP_TIMEOUT_SECONDS = 15
# How the supervisor announces each start (also read by benchmarks/chaos.py to find the pids).
STARTED_LINE = re.compile(r"^Started the (?P<name>.+) \(pid (?P<pid>\d+)\)\.$")


@dataclass(frozen=True)
class Service:
    name: str
    command: list[str]
    health_url: str


class LaunchFailed(Exception):
    """A process could not start at launch: `make run` stops everything and says which and why."""

    def __init__(self, service: str, reason: str, last_output: list[str]):
        self.service, self.reason, self.last_output = service, reason, last_output
        super().__init__(f"The {service} could not start: {reason}.")

    def explain(self) -> str:
        if not self.last_output:
            return str(self)
        return f"{self}\nIts last output:\n" + "\n".join(f"  {line}" for line in self.last_output)


def answers(url: str) -> bool:
    """Whether a health URL answers (any status below 500) within 2 seconds."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status < 500
    except OSError:
        return False


def describe_exit(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit code {returncode}"


@dataclass
class _Child:
    service: Service
    backoff: RestartBackoff
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    ready: bool = False
    restart_at: float | None = None
    starts: int = 0
    output: deque[str] = field(default_factory=lambda: deque(maxlen=OUTPUT_LINES_KEPT))
    reader: threading.Thread | None = None

    def last_output(self) -> list[str]:
        """Its last lines, once the pipe has given everything it had (its process has ended)."""
        if self.reader is not None:
            self.reader.join(timeout=2)
        return list(self.output)


class Supervisor:
    def __init__(
        self,
        services: list[Service],
        *,
        cwd: Path,
        env: dict[str, str],
        policy: BackoffPolicy | None = None,
        out: IO[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        health: Callable[[str], bool] = answers,
        json_lines: bool = False,
    ) -> None:
        self.cwd, self.env, self.clock, self.health = cwd, {**env, "PYTHONUNBUFFERED": "1"}, clock, health
        # LOG_FORMAT=json (issue #16): the children's JSON lines pass through as they are, and
        # the supervisor's own messages are JSON lines too.
        self.json_lines = json_lines
        self.out = out or sys.stdout
        self._write_lock = threading.Lock()
        self.children = [_Child(service, RestartBackoff(policy or BackoffPolicy())) for service in services]
        self.launched = False  # after launch, a process that fails is restarted instead of stopping everything

    # --- launch -----------------------------------------------------------------------
    def launch(self, timeout: float) -> None:
        """Start every process and wait until each answers; raise LaunchFailed if one cannot."""
        for child in self.children:
            self._start(child)
        deadline = self.clock() + timeout
        while not all(child.ready for child in self.children):
            for child in self.children:
                if child.ready or child.process is None:
                    continue
                returncode = child.process.poll()
                if returncode is not None:
                    raise LaunchFailed(child.service.name, describe_exit(returncode), child.last_output())
                if self.health(child.service.health_url):
                    child.ready = True
                    self.say(f"  {child.service.name} is ready.")
            if self.clock() > deadline:
                waiting = next(child for child in self.children if not child.ready)
                raise LaunchFailed(
                    waiting.service.name, f"it did not answer {waiting.service.health_url} within {timeout:g} s",
                    list(waiting.output),
                )
            time.sleep(0.5)
        self.launched = True

    # --- after launch -----------------------------------------------------------------
    def check(self) -> None:
        """One round of watching: notice stops, restart what is due, notice what is back."""
        for child in self.children:
            now = self.clock()
            if child.process is not None and child.process.poll() is not None:
                self._stopped(child, now)
            elif child.process is None and child.restart_at is not None and now >= child.restart_at:
                self._start(child)
            elif child.process is not None and not child.ready and self.health(child.service.health_url):
                child.ready = True
                self.say(f"The {child.service.name} is back, {now - child.started_at:.0f} s after its restart.")

    def watch(self, interval: float = 0.5) -> None:
        """Keep the processes running until interrupted (Ctrl-C, or SIGTERM turned into KeyboardInterrupt)."""
        while True:
            self.check()
            time.sleep(interval)

    def _stopped(self, child: _Child, now: float) -> None:
        assert child.process is not None
        how = describe_exit(child.process.returncode)
        ran_for = now - child.started_at
        self._kill_group(child.process)  # whatever it left behind, before it starts again
        child.process, child.ready = None, False
        delay = child.backoff.stopped(now)
        child.restart_at = now + delay
        self.say(
            f"The {child.service.name} stopped unexpectedly ({how}) after {ran_for:.0f} s. "
            f"Restarting it in {delay:g} s; the others keep running.",
            error=True,
        )
        if child.backoff.keeps_crashing:
            policy = child.backoff.policy
            last = "\n".join(f"  {line}" for line in child.last_output())
            self.say(
                f"The {child.service.name} keeps crashing: {child.backoff.crashes_in_a_row} times in a row, each "
                f"less than {policy.stable_after:.0f} s after it started. Restarts slow down to one every "
                f"{policy.max_delay:.0f} s at most. Its last output:\n{last}",
                error=True,
            )

    # --- processes --------------------------------------------------------------------
    def _start(self, child: _Child) -> None:
        child.restart_at = None
        child.ready = False
        child.started_at = self.clock()
        child.starts += 1
        try:
            process = subprocess.Popen(
                child.service.command, cwd=self.cwd, env=self.env, start_new_session=True,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True, errors="replace",
            )
        except OSError as error:  # no such program, no memory to fork...
            if not self.launched:
                raise LaunchFailed(child.service.name, f"it could not be run ({error})", []) from error
            child.restart_at = child.started_at + child.backoff.stopped(child.started_at)
            self.say(f"The {child.service.name} could not be run ({error}). Trying again in "
                     f"{child.restart_at - child.started_at:g} s.", error=True)
            return
        child.process = process
        child.backoff.started(child.started_at)
        child.reader = threading.Thread(target=self._pass_output, args=(child, process), daemon=True)
        child.reader.start()
        self.say(f"Started the {child.service.name} (pid {process.pid}).")

    def _pass_output(self, child: _Child, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip()
            child.output.append(line)
            if self.json_lines and line.startswith("{"):
                self.say(line, raw=True)
            else:
                self.say(f"[{child.service.name}] {line}")

    def stop(self) -> None:
        """SIGTERM to every process group, SIGKILL to what is left after the timeout."""
        running = [child.process for child in self.children if child.process is not None]
        for child in self.children:
            child.restart_at = None
        for process in running:
            if process.poll() is None:
                _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for process in running:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            self._kill_group(process)

    @staticmethod
    def _kill_group(process: subprocess.Popen) -> None:
        _signal_group(process, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)

    def say(self, message: str, error: bool = False, raw: bool = False) -> None:
        if self.json_lines and not raw:
            message = supervisor_json_line(message, error)
        with self._write_lock:
            stream = sys.stderr if error and self.out is sys.stdout else self.out
            print(message, file=stream, flush=True)


def supervisor_json_line(message: str, error: bool = False) -> str:
    """The supervisor's own message as a JSON line, like its children's (bot/json_logs.py)."""
    from bot.json_logs import JsonLinesFormatter  # only in JSON mode: it loads the redaction rules

    record = logging.LogRecord("bot.supervisor", logging.ERROR if error else logging.INFO, __file__, 0, message.strip(), (), None)
    formatter = JsonLinesFormatter()
    formatter.service = "supervisor"
    return formatter.format(record)


def _signal_group(process: subprocess.Popen, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, sig)  # its own session: the group id is its pid
