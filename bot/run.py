"""`make run`: start the action server, the Rasa server, the web app and the staff review app, and supervise them.

Prints the chat page's address once everything answers. A process that stops on its own
after that is restarted with a backoff while the others keep running (`bot.supervisor`);
Ctrl-C or SIGTERM stops them all. If one cannot start at all, it says which and why, stops
the others and exits with 1.
"""
from __future__ import annotations

import os
import signal
import sys

from bot.supervisor import LaunchFailed, Service, Supervisor
from bot.train import model_path
from signposting.settings import PROJECT_ROOT, Settings, settings

STARTUP_TIMEOUT_SECONDS = 240
LOGGING_JSON = str(PROJECT_ROOT / "bot" / "logging_json.yml")


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
    json_logs = config.log_format == "json"
    # LOG_FORMAT=json (issue #16): each process logs JSON lines (bot/logging_json.yml); else
    # the Rasa server also writes its plain log file.
    rasa_logging = ["--logging-config-file", LOGGING_JSON] if json_logs else ["--log-file", str(config.var_dir / "rasa.log")]
    web_logging = ["--log-config", LOGGING_JSON] if json_logs else ["--log-level", "warning"]
    return [
        Service(
            "action server",
            [
                python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(config.action_port),
                *(["--logging-config_file", LOGGING_JSON] if json_logs else []),
            ],
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
                *rasa_logging,
            ],
            f"http://{config.host}:{config.rasa_port}/",
        ),
        Service(
            "web app",
            [
                python, "-m", "uvicorn", "bot.web.app:app",
                "--host", config.host, "--port", str(config.web_port), *web_logging,
                "--ws", "none",  # Rasa pins an old websockets that this uvicorn cannot use
            ],
            f"http://{config.host}:{config.web_port}/healthz",
        ),
        Service(
            "staff review app",  # its own port: staff pages never share the widget's origin
            [
                python, "-m", "uvicorn", "--factory", "bot.staff.app:create_app",
                "--host", config.host, "--port", str(config.staff_port), *web_logging, "--ws", "none",
                "--no-server-header",
            ],
            f"http://{config.host}:{config.staff_port}/healthz",
        ),
    ]


def main() -> int:
    if not model_path().exists():
        print("No trained model: run `make run` (it trains first).", file=sys.stderr)
        return 1
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    supervisor = Supervisor(
        services(settings), cwd=PROJECT_ROOT, env=child_environment(settings), json_lines=settings.log_format == "json"
    )
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        supervisor.launch(STARTUP_TIMEOUT_SECONDS)
        print(f"\nThe bot is running. Open {settings.web_url}/ to chat. Press Ctrl-C to stop.", flush=True)
        print(
            f"Staff review: {settings.staff_url}/ (first account: make staff-user NAME=yourname ADMIN=1)\n", flush=True
        )
        print("A process that stops on its own is restarted; the others keep running.\n", flush=True)
        supervisor.watch()
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    except LaunchFailed as failure:
        print(failure.explain(), file=sys.stderr)
        print("Stopping the others.", file=sys.stderr)
        return 1
    finally:
        supervisor.stop()
    return 0


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
