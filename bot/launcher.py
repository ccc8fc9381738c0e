"""Start the real action server, Rasa server and web app on free ports: for the tests, the evaluations and the benchmarks."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
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
    env = {**os.environ, **(extra_env or {})}
    env.update(
        TRACKER_DIALECT="sqlite",
        TRACKER_DB=str(tracker_db or ROOT / "var" / "test-conversations.db"),
        RASA_TELEMETRY_ENABLED="false",
        SERVICES_DATABASE_URL=database_url,
        ACTION_SERVER_URL=f"http://127.0.0.1:{action_port}/webhook",
        SANIC_HOST="127.0.0.1",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONWARNINGS="ignore",
    )
    return env


def start_action_server(
    database_url: str, port: int, log_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=_env(database_url, port, extra_env=extra_env),
        stdout=(log_dir / "actions.log").open("w"), stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{port}/health", process, timeout=120)
    return process


def start_rasa_server(
    database_url: str, port: int, action_port: int, log_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.Popen:
    """The Rasa server keeps its conversations in `log_dir/conversations.db`."""
    if not MODEL.exists():
        raise FileNotFoundError(f"{MODEL} is missing: run `make model` (make test does it).")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "rasa", "run", "--model", str(MODEL), "--interface", "127.0.0.1",
            "--port", str(port), "--endpoints", "endpoints.yml", "--credentials", "credentials.yml",
        ],
        cwd=ROOT, env=_env(database_url, action_port, log_dir / "conversations.db", extra_env),
        stdout=(log_dir / "rasa.log").open("w"), stderr=subprocess.STDOUT,
    )
    try:  # a busy machine may need longer than 5 minutes to load the model: SERVER_START_TIMEOUT
        wait_for(f"http://127.0.0.1:{port}/", process, timeout=float(os.environ.get("SERVER_START_TIMEOUT", "300")))
    except BaseException:
        stop(process)  # never leave a half-started Rasa server behind
        raise
    return process


def start_web_app(rasa_port: int, log_dir: Path, **extra_env: str) -> tuple[str, subprocess.Popen]:
    """The web app (uvicorn at its default log level), in front of the Rasa server on `rasa_port`; logs to `log_dir/web.log`."""
    port = free_port()
    env = {**os.environ, "RASA_PORT": str(rasa_port), "WEB_PORT": str(port), "BOT_HOST": "127.0.0.1",
           "RASA_TELEMETRY_ENABLED": "false", "PUBLIC_URL": f"http://127.0.0.1:{port}"}
    env.update({name: value.replace("{port}", str(port)) for name, value in extra_env.items()})
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.web.app:app", "--host", "127.0.0.1", "--port", str(port), "--ws", "none"],
        cwd=ROOT, env=env, stdout=(log_dir / "web.log").open("w"), stderr=subprocess.STDOUT,
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


@contextmanager
def running_bot(database_url: str, log_dir: Path, with_actions: bool = True, extra_env: dict[str, str] | None = None):
    """The action server and the Rasa server; `extra_env` adds variables for both (DEPLOYMENT=...)."""
    action_port, rasa_port = free_port(), free_port()
    actions = start_action_server(database_url, action_port, log_dir, extra_env) if with_actions else None
    try:
        rasa = start_rasa_server(database_url, rasa_port, action_port, log_dir, extra_env)
    except BaseException:
        stop(actions)
        raise
    try:
        yield RunningBot(
            f"http://127.0.0.1:{rasa_port}", log_dir / "conversations.db", f"http://127.0.0.1:{action_port}", actions, rasa
        )
    finally:
        stop(rasa)
        stop(actions)
