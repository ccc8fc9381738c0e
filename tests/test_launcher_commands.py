"""One launcher (issue #15): `make run`, the tests and the benchmarks start the servers the same way.

`bot.launcher` builds every server's command line; `bot.run` (what `make run` starts) gives
them its ports and logging options. No server processes start here: this checks the
command lines `make run` would run, with ports moved by environment variables.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from bot.launcher import ROOT

SHOW_SERVICES = (
    "import json\n"
    "from bot.run import child_environment, services\n"
    "from signposting.settings import settings\n"
    "env = child_environment(settings)\n"
    "print(json.dumps({'services': [[s.name, s.command, s.health_url] for s in services(settings)],\n"
    "                  'env': {k: env.get(k) for k in ('ACTION_SERVER_URL', 'RASA_TELEMETRY_ENABLED', 'TRACKER_DB',\n"
    "                                                   'TF_INTRA_OP_PARALLELISM_THREADS')},\n"
    "                  'web_app_sends_to': list(settings.rasa_urls)}))\n"
)


def make_run_services(**env: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SERVICES], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True,
        timeout=120, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_make_run_takes_its_ports_from_the_environment():
    shown = make_run_services(
        RASA_PORT="15105", ACTION_PORT="15155", WEB_PORT="18100", STAFF_PORT="18101", BOT_HOST="127.0.0.1",
        TRACKER_DB="var/elsewhere.db", LOG_FORMAT="text",
    )
    commands = {name: command for name, command, _ in shown["services"]}
    health = {name: url for name, _, url in shown["services"]}
    assert list(commands) == ["action server", "Rasa server", "web app", "staff review app"]
    assert option(commands["action server"], "--port") == "15155"
    assert health["action server"] == "http://127.0.0.1:15155/health"
    rasa = commands["Rasa server"]
    assert rasa[1:4] == ["-m", "rasa", "run"]
    assert (option(rasa, "--port"), option(rasa, "--interface")) == ("15105", "127.0.0.1")
    assert option(rasa, "--endpoints") == "endpoints.yml" and option(rasa, "--credentials") == "credentials.yml"
    assert option(rasa, "--model").endswith("triage.tar.gz")
    assert "--cors" in rasa and "--log-file" in rasa  # make run's own options come after the launcher's
    assert option(commands["web app"], "--port") == "18100" and option(commands["web app"], "--ws") == "none"
    assert option(commands["staff review app"], "--port") == "18101"
    assert shown["env"]["ACTION_SERVER_URL"] == "http://127.0.0.1:15155/webhook"
    assert shown["env"]["RASA_TELEMETRY_ENABLED"] == "false"
    assert shown["env"]["TRACKER_DB"].endswith("var/elsewhere.db")


def test_make_run_with_two_rasa_servers_gives_each_its_port_log_file_and_one_core():
    shown = make_run_services(RASA_PORT="15105", RASA_SERVER_COUNT="2", BOT_HOST="127.0.0.1", LOG_FORMAT="text", RASA_URL="")
    commands = {name: command for name, command, _ in shown["services"]}
    health = {name: url for name, _, url in shown["services"]}
    assert list(commands) == ["action server", "Rasa server 1", "Rasa server 2", "web app", "staff review app"]
    assert [option(commands[f"Rasa server {n}"], "--port") for n in (1, 2)] == ["15105", "15106"]
    assert [option(commands[f"Rasa server {n}"], "--log-file").rsplit("/", 1)[1] for n in (1, 2)] == ["rasa-1.log", "rasa-2.log"]
    assert health["Rasa server 2"] == "http://127.0.0.1:15106/"
    assert shown["env"]["TF_INTRA_OP_PARALLELISM_THREADS"] == "1"
    assert shown["web_app_sends_to"] == ["http://127.0.0.1:15105", "http://127.0.0.1:15106"]


def test_one_rasa_server_keeps_tensorflows_threads_and_rasa_url_wins():
    shown = make_run_services(RASA_SERVER_COUNT="1", RASA_URL="http://10.0.0.10/, http://10.0.0.11", LOG_FORMAT="text")
    assert [name for name, *_ in shown["services"]].count("Rasa server") == 1
    assert shown["env"]["TF_INTRA_OP_PARALLELISM_THREADS"] == os.environ.get("TF_INTRA_OP_PARALLELISM_THREADS")
    assert shown["web_app_sends_to"] == ["http://10.0.0.10", "http://10.0.0.11"]


def test_json_logs_reach_every_process():
    shown = make_run_services(LOG_FORMAT="json")
    for name, command, _ in shown["services"]:
        assert any(part.endswith("logging_json.yml") for part in command), name


# A server's command line spelled out anywhere but bot/launcher.py: the copies drift apart.
SERVER_COMMAND = re.compile(r'"-m",\s*"(?:rasa_sdk|uvicorn|rasa",\s*"run)"')


def test_only_the_launcher_spells_out_the_server_command_lines():
    spelled_out = [
        str(path.relative_to(ROOT))
        for folder in ("bot", "benchmarks", "actions")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "launcher.py" and SERVER_COMMAND.search(path.read_text(encoding="utf-8"))
    ]
    assert spelled_out == []


SHOW_RUN_SETTINGS = (
    "from bot.run import run_settings\n"
    "from signposting.settings import settings\n"
    "print(run_settings(settings).rasa_servers)\n"
)


def _run_servers(**env: str) -> str:
    clean = {name: value for name, value in os.environ.items() if name != "RASA_SERVER_COUNT"}
    result = subprocess.run([sys.executable, "-c", SHOW_RUN_SETTINGS], cwd=ROOT, env={**clean, **env},
                            capture_output=True, text=True, timeout=120, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_make_run_starts_two_rasa_servers_unless_told_otherwise():
    assert _run_servers() == "2"
    assert _run_servers(RASA_SERVER_COUNT="1") == "1"
    assert _run_servers(RASA_SERVER_COUNT="3") == "3"


def test_a_bad_server_count_or_the_scale_out_deployments_settings_never_stop_a_process():
    """deploy/scale.env.example's own variables (nginx's RASA_SERVERS list among them) load, and a
    typo in RASA_SERVER_COUNT means one server with a warning, not a crash."""
    env = {}
    for line in (ROOT / "deploy" / "scale.env.example").read_text().splitlines():
        name, equals, value = line.partition("=")
        if equals and not line.lstrip().startswith("#"):
            env[name.strip()] = value.strip().strip('"')
    assert "RASA_SERVERS" in env
    shown = subprocess.run(
        [sys.executable, "-W", "always", "-c", "from signposting.settings import settings; print(settings.rasa_urls)"],
        cwd=ROOT, env={**os.environ, **env, "RASA_SERVER_COUNT": "two"}, capture_output=True, text=True, timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert "RASA_SERVER_COUNT='two' is not a number" in shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == f"('{env['RASA_URL'].rstrip('/')}',)"
