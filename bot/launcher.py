"""The one place that says how the action server, the Rasa server and the web apps are started.

`make run` (`bot.run`, under its supervisor), the tests, the evaluations and the benchmarks
(`benchmarks.run`) all build their command lines and environments here, so a flag added to
one server reaches every way of starting it. The `start_*` functions and `running_bot` start
them on free loopback ports for the tests and benchmarks.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "triage.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


# --- command lines and environments (bot.run, the tests, benchmarks.run) ---------------------

def action_server_command(port: int, *extra: str) -> list[str]:
    """The action server (rasa_sdk) with this project's actions on `port`."""
    return [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port), *extra]


def rasa_server_command(
    model: Path, host: str, port: int, *extra: str, endpoints: str | Path = "endpoints.yml",
    credentials: str | Path = "credentials.yml",
) -> list[str]:
    """`rasa run` with `model` on `host:port`; `endpoints` and `credentials` relative to its working directory."""
    return [
        sys.executable, "-m", "rasa", "run", "--model", str(model), "--interface", host, "--port", str(port),
        "--endpoints", str(endpoints), "--credentials", str(credentials), *extra,
    ]


def web_app_command(host: str, port: int, *extra: str) -> list[str]:
    """The web app serving the chat page (uvicorn); it finds the Rasa server from RASA_PORT/RASA_URL."""
    # --ws none: Rasa pins an old websockets that this uvicorn cannot use
    return [sys.executable, "-m", "uvicorn", "bot.web.app:app", "--host", host, "--port", str(port), *extra, "--ws", "none"]


def staff_app_command(host: str, port: int, *extra: str) -> list[str]:
    """The staff review app, on its own port: staff pages never share the widget's origin."""
    return [
        sys.executable, "-m", "uvicorn", "--factory", "bot.staff.app:create_app", "--host", host, "--port", str(port),
        *extra, "--ws", "none", "--no-server-header",
    ]


def server_environment(
    base: dict[str, str], *, action_server_url: str, tracker_dialect: str, tracker_db: str, host: str
) -> dict[str, str]:
    """`base` plus what every server process needs: no telemetry, where the actions and conversations are."""
    env = dict(base)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        ACTION_SERVER_URL=action_server_url,
        TRACKER_DIALECT=tracker_dialect,
        TRACKER_DB=tracker_db,
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONWARNINGS="ignore",
        SANIC_HOST=host,  # the action server binds to this interface, like the others
    )
    return env


# --- on free ports, for the tests and benchmarks -------------------------------------------

@dataclass
class RunningBot:
    rasa_url: str
    tracker_db: Path
    action_url: str
    action_server: subprocess.Popen | None
    rasa_server: subprocess.Popen


def _env(
    database_url: str, action_port: int, tracker_db: Path | None = None, extra_env: dict[str, str] | None = None
) -> dict[str, str]:
    env = server_environment(
        {**os.environ, **(extra_env or {})}, action_server_url=f"http://127.0.0.1:{action_port}/webhook",
        tracker_dialect="sqlite", tracker_db=str(tracker_db or ROOT / "var" / "test-conversations.db"), host="127.0.0.1",
    )
    env["SERVICES_DATABASE_URL"] = database_url
    return env


def spawn_action_server(
    database_url: str, port: int, log_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.Popen:
    """Start the action server without waiting for it (see `wait_for_action_server`)."""
    return subprocess.Popen(
        action_server_command(port), cwd=ROOT, env=_env(database_url, port, extra_env=extra_env),
        stdout=(log_dir / "actions.log").open("w"), stderr=subprocess.STDOUT,
    )


def wait_for_action_server(process: subprocess.Popen, port: int) -> None:
    wait_for(f"http://127.0.0.1:{port}/health", process, timeout=120)


def start_action_server(
    database_url: str, port: int, log_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.Popen:
    process = spawn_action_server(database_url, port, log_dir, extra_env)
    wait_for_action_server(process, port)
    return process


def spawn_rasa_server(
    database_url: str, port: int, action_port: int, log_dir: Path, extra_env: dict[str, str] | None = None,
    tracker_db: Path | None = None,
) -> subprocess.Popen:
    """Start the Rasa server without waiting for it; it keeps its conversations in `tracker_db`
    (default `log_dir/conversations.db`: several servers may share one)."""
    if not MODEL.exists():
        raise FileNotFoundError(f"{MODEL} is missing: run `make model` (make test does it).")
    return subprocess.Popen(
        rasa_server_command(MODEL, "127.0.0.1", port), cwd=ROOT,
        env=_env(database_url, action_port, tracker_db or log_dir / "conversations.db", extra_env),
        stdout=(log_dir / "rasa.log").open("w"), stderr=subprocess.STDOUT,
    )


def wait_for_rasa_server(process: subprocess.Popen, port: int) -> None:
    # A busy machine may need longer than 5 minutes to load the model: SERVER_START_TIMEOUT.
    wait_for(f"http://127.0.0.1:{port}/", process, timeout=float(os.environ.get("SERVER_START_TIMEOUT", "300")))


def start_rasa_server(
    database_url: str, port: int, action_port: int, log_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.Popen:
    process = spawn_rasa_server(database_url, port, action_port, log_dir, extra_env)
    try:
        wait_for_rasa_server(process, port)
    except BaseException:
        stop(process)  # never leave a half-started Rasa server behind
        raise
    return process


def start_web_app(rasa_port: int, log_dir: Path, **extra_env: str) -> tuple[str, subprocess.Popen]:
    """The web app (uvicorn at its default log level), in front of the Rasa server on `rasa_port`
    (or the servers RASA_URL lists in `extra_env`); logs to `log_dir/web.log`."""
    port = free_port()
    env = {**os.environ, "RASA_PORT": str(rasa_port), "RASA_SERVER_COUNT": "1", "RASA_URL": "", "WEB_PORT": str(port),
           "BOT_HOST": "127.0.0.1", "RASA_TELEMETRY_ENABLED": "false", "PUBLIC_URL": f"http://127.0.0.1:{port}"}
    env.update({name: value.replace("{port}", str(port)) for name, value in extra_env.items()})
    process = subprocess.Popen(
        web_app_command("127.0.0.1", port), cwd=ROOT, env=env, stdout=(log_dir / "web.log").open("w"), stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{port}/healthz", process, timeout=60)
    return f"http://127.0.0.1:{port}/", process


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@dataclass(frozen=True)
class BotSpec:
    """One bot to start: its services database, where its logs and conversations go, and its variables."""

    database_url: str
    log_dir: Path
    with_actions: bool = True
    extra_env: dict[str, str] | None = None


@contextmanager
def running_bots(specs: list[BotSpec]) -> Iterator[list[RunningBot]]:
    """Several bots (an action server and a Rasa server each), all started at once and then
    waited for: loading a model is mostly one core's work, so starting them together uses
    both cores (the tests' deployments, degraded modes)."""
    started: list[tuple[BotSpec, int, int, subprocess.Popen | None, subprocess.Popen]] = []
    try:
        for spec in specs:
            action_port, rasa_port = free_port(), free_port()
            actions = spawn_action_server(spec.database_url, action_port, spec.log_dir, spec.extra_env) if spec.with_actions else None
            try:
                rasa = spawn_rasa_server(spec.database_url, rasa_port, action_port, spec.log_dir, spec.extra_env)
            except BaseException:
                stop(actions)
                raise
            started.append((spec, action_port, rasa_port, actions, rasa))
        for _, action_port, rasa_port, actions, rasa in started:
            if actions is not None:
                wait_for_action_server(actions, action_port)
            wait_for_rasa_server(rasa, rasa_port)
        yield [
            RunningBot(f"http://127.0.0.1:{rasa_port}", spec.log_dir / "conversations.db", f"http://127.0.0.1:{action_port}", actions, rasa)
            for spec, action_port, rasa_port, actions, rasa in started
        ]
    finally:
        for _, _, _, actions, rasa in started:
            stop(rasa)
            stop(actions)


@contextmanager
def running_bot(
    database_url: str, log_dir: Path, with_actions: bool = True, extra_env: dict[str, str] | None = None
) -> Iterator[RunningBot]:
    """The action server and the Rasa server, started together; `extra_env` adds variables for both (DEPLOYMENT=...)."""
    with running_bots([BotSpec(database_url, log_dir, with_actions, extra_env)]) as bots:
        yield bots[0]
