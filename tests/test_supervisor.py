"""`make run`'s supervisor with real (small) processes: what it does when one fails.

The services here are Python's own `http.server`, so these tests take seconds; the whole
stack under the same supervisor is tests/test_chaos.py.
"""
from __future__ import annotations

import io
import os
import signal
import sys
import time

import pytest

from bot.launcher import ROOT, free_port
from bot.restart_backoff import BackoffPolicy
from bot.supervisor import LaunchFailed, Service, Supervisor, answers

BOUND_SECONDS = 30  # only so that a broken supervisor fails the test instead of hanging it


def http_service(name: str) -> Service:
    port = free_port()
    return Service(name, [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                   f"http://127.0.0.1:{port}/")


def failing_service(name: str, message: str) -> Service:
    code = f"import sys; print({message!r}); sys.exit(3)"
    return Service(name, [sys.executable, "-c", code], f"http://127.0.0.1:{free_port()}/")


def serves_once_then_fails(name: str, marker) -> Service:
    """Serves HTTP on its first start; every later start fails at once (a config gone bad)."""
    port = free_port()
    code = (
        "import os, sys, http.server\n"
        f"marker = {str(marker)!r}\n"
        "if os.path.exists(marker):\n"
        "    print('cannot start: the model file is unreadable'); sys.exit(1)\n"
        "open(marker, 'w').close()\n"
        f"http.server.HTTPServer(('127.0.0.1', {port}), http.server.SimpleHTTPRequestHandler).serve_forever()\n"
    )
    return Service(name, [sys.executable, "-c", code], f"http://127.0.0.1:{port}/")


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def until(condition, supervisor: Supervisor | None = None) -> None:
    deadline = time.monotonic() + BOUND_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        if supervisor is not None:
            supervisor.check()
        time.sleep(0.05)


@pytest.fixture
def out():
    return io.StringIO()


def test_a_process_that_cannot_start_at_launch_is_named_with_its_reason_and_the_rest_stop(out):
    supervisor = Supervisor(
        [http_service("web app"), failing_service("Rasa server", "No model found at models/triage.tar.gz")],
        cwd=ROOT, env=dict(os.environ), out=out,
    )
    try:
        with pytest.raises(LaunchFailed) as failure:
            supervisor.launch(timeout=BOUND_SECONDS)
    finally:
        supervisor.stop()
    assert failure.value.service == "Rasa server"
    assert failure.value.reason == "exit code 3"
    explained = failure.value.explain()
    assert explained.startswith("The Rasa server could not start: exit code 3.")
    assert "No model found at models/triage.tar.gz" in explained
    web_app = supervisor.children[0].process
    assert web_app is not None and web_app.poll() is not None  # stopped with the rest


def test_a_process_that_never_answers_at_launch_is_named(out):
    silent = Service("action server", [sys.executable, "-c", "import time; time.sleep(60)"],
                     f"http://127.0.0.1:{free_port()}/health")
    supervisor = Supervisor([silent], cwd=ROOT, env=dict(os.environ), out=out)
    try:
        with pytest.raises(LaunchFailed, match="The action server could not start: it did not answer"):
            supervisor.launch(timeout=1)
    finally:
        supervisor.stop()
    assert supervisor.children[0].process.poll() is not None


def test_a_process_killed_after_launch_is_restarted_and_the_others_keep_running(out):
    supervisor = Supervisor(
        [http_service("action server"), http_service("web app")], cwd=ROOT, env=dict(os.environ), out=out,
        policy=BackoffPolicy(first_delay=0.2),
    )
    try:
        supervisor.launch(timeout=BOUND_SECONDS)
        actions, web = (child.process for child in supervisor.children)
        os.kill(actions.pid, signal.SIGKILL)
        until(lambda: supervisor.children[0].ready and supervisor.children[0].process is not actions, supervisor)
        assert answers(supervisor.children[0].service.health_url)
        assert supervisor.children[1].process is web and web.poll() is None  # never touched
        assert supervisor.children[0].starts == 2 and supervisor.children[1].starts == 1
    finally:
        supervisor.stop()
    log = out.getvalue()
    assert "The action server stopped unexpectedly (killed by SIGKILL)" in log
    assert "Restarting it in 0.2 s; the others keep running." in log
    assert "The action server is back" in log
    assert all(gone(child.process.pid) for child in supervisor.children)


def test_a_process_that_keeps_crashing_is_restarted_less_and_less_often_and_reported(out, tmp_path):
    now = [0.0]
    supervisor = Supervisor(
        [serves_once_then_fails("Rasa server", tmp_path / "started-once"), http_service("web app")],
        cwd=ROOT, env=dict(os.environ), out=out, clock=lambda: now[0],
        policy=BackoffPolicy(first_delay=1, max_delay=4, stable_after=60, report_after=3),
    )
    rasa = supervisor.children[0]
    try:
        supervisor.launch(timeout=BOUND_SECONDS)
        web = supervisor.children[1].process
        os.kill(rasa.process.pid, signal.SIGKILL)
        delays = []
        for _ in range(5):
            until(lambda: rasa.process is None or rasa.process.poll() is not None)
            supervisor.check()  # notices the stop and schedules the restart
            assert rasa.process is None and rasa.restart_at is not None
            delays.append(rasa.restart_at - now[0])
            now[0] += delays[-1] - 0.01
            supervisor.check()
            assert rasa.process is None  # not before its time
            now[0] += 0.01
            supervisor.check()  # due: started again (and it fails again at once)
            assert rasa.process is not None
        assert delays == [1, 2, 4, 4, 4]
        assert supervisor.children[1].process is web and web.poll() is None
    finally:
        supervisor.stop()
    log = out.getvalue()
    assert log.count("The Rasa server keeps crashing") == 3  # from the third quick crash in a row
    assert "cannot start: the model file is unreadable" in log.split("keeps crashing")[1]  # its last output


def test_a_program_that_does_not_exist_is_named_at_launch(out):
    missing = Service("action server", ["/nonexistent/python", "-m", "rasa_sdk"], "http://127.0.0.1:1/health")
    supervisor = Supervisor([missing], cwd=ROOT, env=dict(os.environ), out=out)
    with pytest.raises(LaunchFailed, match="The action server could not start: it could not be run"):
        supervisor.launch(timeout=BOUND_SECONDS)
    supervisor.stop()
