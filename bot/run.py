"""`make run`: start the action server, the Rasa server, the web app and the staff review app, and supervise them.

Ctrl-C (or any one of them stopping) stops them all. Prints the chat page's address
once everything answers.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field

from bot.settings import PROJECT_ROOT, Settings, settings
from bot.train import model_path

STARTUP_TIMEOUT_SECONDS = 240


@dataclass
class Service:
    name: str
    command: list[str]
    health_url: str
    process: subprocess.Popen | None = field(default=None, repr=False)


def child_environment(config: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        ACTION_SERVER_URL=config.action_server_url,
        TRACKER_DIALECT=config.tracker_dialect,
        TRACKER_DB=config.tracker_db,
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONWARNINGS="ignore",
        SANIC_HOST=config.host,  # the action server binds to loopback, like the others
    )
    return env


def services(config: Settings) -> list[Service]:
    python = sys.executable
    return [
        Service(
            "action server",
            [python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(config.action_port)],
            f"http://{config.host}:{config.action_port}/health",
        ),
        Service(
            "Rasa server",
            [
                python, "-m", "rasa", "run",
                "--model", str(model_path()),
                "--interface", config.host,
                "--port", str(config.rasa_port),
                "--endpoints", "endpoints.yml",
                "--credentials", "credentials.yml",
                "--cors", *config.allowed_origins,
                "--log-file", str(config.var_dir / "rasa.log"),
            ],
            f"http://{config.host}:{config.rasa_port}/",
        ),
        Service(
            "web app",
            [
                python, "-m", "uvicorn", "bot.web.app:app",
                "--host", config.host, "--port", str(config.web_port), "--log-level", "warning",
                "--ws", "none",  # Rasa pins an old websockets that this uvicorn cannot use
            ],
            f"http://{config.host}:{config.web_port}/healthz",
        ),
        Service(
            "staff review app",  # its own port: staff pages never share the widget's origin
            [
                python, "-m", "uvicorn", "--factory", "bot.staff.app:create_app",
                "--host", config.host, "--port", str(config.staff_port), "--log-level", "warning", "--ws", "none",
                "--no-server-header",
            ],
            f"http://{config.host}:{config.staff_port}/healthz",
        ),
    ]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status < 500
    except OSError:
        return False


def start(all_services: list[Service], config: Settings) -> None:
    config.var_dir.mkdir(parents=True, exist_ok=True)
    env = child_environment(config)
    for service in all_services:
        print(f"Starting the {service.name}...", flush=True)
        service.process = subprocess.Popen(service.command, cwd=PROJECT_ROOT, env=env, start_new_session=True)


def wait_until_ready(all_services: list[Service]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    pending = list(all_services)
    while pending:
        for service in list(pending):
            if service.process and service.process.poll() is not None:
                raise RuntimeError(f"The {service.name} stopped while starting (exit {service.process.returncode}).")
            if answers(service.health_url):
                print(f"  {service.name} is ready.", flush=True)
                pending.remove(service)
        if time.monotonic() > deadline:
            raise RuntimeError(f"Timed out waiting for: {', '.join(s.name for s in pending)}.")
        time.sleep(0.5)


def stop(all_services: list[Service]) -> None:
    for service in all_services:
        if service.process and service.process.poll() is None:
            os.killpg(service.process.pid, signal.SIGTERM)
    for service in all_services:
        if service.process:
            try:
                service.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(service.process.pid, signal.SIGKILL)


def main() -> int:
    if not model_path().exists():
        print("No trained model: run `make run` (it trains first).", file=sys.stderr)
        return 1
    all_services = services(settings)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        start(all_services, settings)
        wait_until_ready(all_services)
        print(f"\nThe bot is running. Open {settings.web_url}/ to chat. Press Ctrl-C to stop.", flush=True)
        print(
            f"Staff review: {settings.staff_url}/ (first account: make staff-user NAME=yourname ADMIN=1)\n", flush=True
        )
        while all(service.process and service.process.poll() is None for service in all_services):
            time.sleep(1)
        stopped = [s.name for s in all_services if s.process and s.process.poll() is not None]
        print(f"The {', '.join(stopped)} stopped; stopping the rest.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    except RuntimeError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        stop(all_services)


if __name__ == "__main__":
    sys.exit(main())
