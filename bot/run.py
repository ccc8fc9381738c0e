"""`make run`: start the action server, the Rasa servers, the web app and the staff review app, and supervise them.

Prints the chat page's address once everything answers. A process that stops on its own
after that is restarted with a backoff while the others keep running (`bot.supervisor`);
Ctrl-C or SIGTERM stops them all. If one cannot start at all, it says which and why, stops
the others and exits with 1.
"""
from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace

from bot.launcher import (
    action_server_command,
    rasa_server_command,
    server_environment,
    staff_app_command,
    web_app_command,
)
from bot.supervisor import LaunchFailed, Service, Supervisor
from bot.train import model_path
from signposting.settings import PROJECT_ROOT, Settings, settings

STARTUP_TIMEOUT_SECONDS = 360  # two models loading at once on a busy 2-core machine
LOGGING_JSON = str(PROJECT_ROOT / "bot" / "logging_json.yml")


def child_environment(config: Settings) -> dict[str, str]:
    env = server_environment(
        dict(os.environ), action_server_url=config.action_server_url, tracker_dialect=config.tracker_dialect,
        tracker_db=config.tracker_db, host=config.host,
    )
    env["RASA_SERVER_COUNT"] = str(config.rasa_servers)  # the web app sends to the servers started here
    if config.rasa_servers > 1:  # one core each: TensorFlow's own thread pools would only contend
        env.setdefault("TF_INTRA_OP_PARALLELISM_THREADS", "1")
        env.setdefault("TF_INTER_OP_PARALLELISM_THREADS", "1")
    return env


def rasa_services(config: Settings) -> list[Service]:
    """One Service per Rasa server (RASA_SERVER_COUNT), on consecutive ports, each with its own log file."""
    json_logs = config.log_format == "json"
    several = config.rasa_servers > 1
    services = []
    for number, port in enumerate(config.rasa_ports, start=1):
        # LOG_FORMAT=json (issue #16): each process logs JSON lines (bot/logging_json.yml); else
        # each Rasa server also writes its plain log file.
        log_file = config.var_dir / (f"rasa-{number}.log" if several else "rasa.log")
        logging = ["--logging-config-file", LOGGING_JSON] if json_logs else ["--log-file", str(log_file)]
        services.append(Service(
            f"Rasa server {number}" if several else "Rasa server",
            rasa_server_command(model_path(), config.host, port, "--cors", *config.allowed_origins, *logging),
            f"http://{config.host}:{port}/",
        ))
    return services


def services(config: Settings) -> list[Service]:
    """The processes (the action server, RASA_SERVER_COUNT Rasa servers, the two web apps), with the
    command lines `bot.launcher` gives the tests and benchmarks too."""
    json_logs = config.log_format == "json"
    web_logging = ["--log-config", LOGGING_JSON] if json_logs else ["--log-level", "warning"]
    return [
        Service(
            "action server",
            action_server_command(config.action_port, *(["--logging-config_file", LOGGING_JSON] if json_logs else [])),
            f"http://{config.host}:{config.action_port}/health",
        ),
        *rasa_services(config),
        Service(
            "web app",
            web_app_command(config.host, config.web_port, *web_logging),
            f"http://{config.host}:{config.web_port}/healthz",
        ),
        Service(
            "staff review app",
            staff_app_command(config.host, config.staff_port, *web_logging),
            f"http://{config.host}:{config.staff_port}/healthz",
        ),
    ]


DEFAULT_RASA_SERVERS = 2  # one per core on the 2-core machine measured (docs/benchmarks.md)


def run_settings(config: Settings) -> Settings:
    """`make run`'s settings: two Rasa servers unless RASA_SERVER_COUNT (environment or .env) says."""
    if os.environ.get("RASA_SERVER_COUNT", "").strip():
        return config
    return replace(config, rasa_servers=DEFAULT_RASA_SERVERS)


def main() -> int:
    if not model_path().exists():
        print("No trained model: run `make run` (it trains first).", file=sys.stderr)
        return 1
    config = run_settings(settings)
    config.var_dir.mkdir(parents=True, exist_ok=True)
    supervisor = Supervisor(
        services(config), cwd=PROJECT_ROOT, env=child_environment(config), json_lines=config.log_format == "json"
    )
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        supervisor.launch(STARTUP_TIMEOUT_SECONDS)
        print(f"\nThe bot is running. Open {config.web_url}/ to chat. Press Ctrl-C to stop.", flush=True)
        print(
            f"Staff review: {config.staff_url}/ (first account: make staff-user NAME=yourname ADMIN=1)\n", flush=True
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
