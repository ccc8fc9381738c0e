"""LOG_FORMAT=json (issue #16): one JSON object per line, never what a user typed."""
from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import yaml

from bot import run
from bot.json_logs import CONFIG_FILE, HIDDEN, JsonLinesFormatter, scrub, service_name
from bot.supervisor import Service, Supervisor
from signposting.settings import PROJECT_ROOT, settings

TYPED = "my name is Jo Bloggs and I feel really sad"
# Where Rasa 3.6 and its SDK quote a user's message in a log line (rasa/core/processor.py,
# rasa/core/channels, rasa_sdk's executor at DEBUG).
RASA_LINES = [
    f"Received user message '{TYPED}' with intent '{{'name': 'greet'}}' and entities '[]'",
    f"An exception occurred while handling user message '{TYPED}'.",
    f'Received message: "{TYPED}"',
    f"UserUttered(text: {TYPED!r}, intent: greet)",
    f"{{'text': '{TYPED}', 'sender': 'abc'}}",
    f'processor.message.received user_message="{TYPED}"',
    # structlog events (JSON renderer), as `rasa run` logs them at DEBUG
    json.dumps({"parse_data_text": TYPED, "parse_data_intent": {"name": "greet"}, "event": "processor.message.parse"}),
    json.dumps({"current_states": f"[state 1] user text: {TYPED} | previous action name: action_listen", "event": "x"}),
    f"[state 1] user text: {TYPED} | previous action name: action_listen",
]


def formatted(message: str, exc_info=None) -> dict:
    record = logging.LogRecord("rasa.core.processor", logging.ERROR, __file__, 1, message, (), exc_info)
    line = JsonLinesFormatter().format(record)
    assert "\n" not in line
    return json.loads(line)


def test_each_record_is_one_json_line_with_its_fields():
    line = formatted("Started the action server.")
    assert set(line) == {"time", "level", "logger", "service", "pid", "message"}
    assert line["level"] == "ERROR" and line["logger"] == "rasa.core.processor" and line["message"] == "Started the action server."


def test_a_users_words_never_reach_the_line():
    for message in RASA_LINES:
        line = json.dumps(formatted(message))
        assert "sad" not in line and "Bloggs" not in line, message
        assert HIDDEN in line, message


def test_an_exception_stays_on_one_line_without_the_message_text():
    try:
        raise ValueError(f"could not handle user message '{TYPED}'")
    except ValueError:
        line = formatted("An exception occurred", exc_info=sys.exc_info())
    assert "ValueError" in line["exception"] and "sad" not in line["exception"] and "Traceback" in line["exception"]


def test_a_structured_event_keeps_its_other_fields():
    line = json.loads(formatted(json.dumps({"parse_data_text": TYPED, "event": "processor.message.parse"}))["message"])
    assert line == {"parse_data_text": HIDDEN, "event": "processor.message.parse"}


def test_install_reformats_handlers_added_after_the_config_file(monkeypatch):
    """Rasa installs coloredlogs' handler after reading --logging-config-file."""
    from bot import json_logs

    monkeypatch.setattr("signposting.settings.settings", replace(settings, log_format="json"))
    handler = logging.StreamHandler(io.StringIO())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        json_logs.install()
        assert isinstance(handler.formatter, JsonLinesFormatter)
    finally:
        root.removeHandler(handler)


def test_identifiers_and_ordinary_lines_are_kept():
    assert scrub("Predicted next action 'utter_crisis' with confidence 1.00.") == \
        "Predicted next action 'utter_crisis' with confidence 1.00."


def test_the_service_is_named_from_the_command_line():
    assert service_name(["/x/site-packages/rasa/__main__.py", "run"]) == "rasa"
    assert service_name(["/x/site-packages/rasa_sdk/__main__.py", "--actions", "actions"]) == "actions"
    assert service_name(["/x/bin/uvicorn", "bot.web.app:app"]) == "web"
    assert service_name(["/x/bin/uvicorn", "--factory", "bot.staff.app:create_app"]) == "staff"


def test_the_logging_config_uses_the_formatter_and_every_process_gets_it():
    config = yaml.safe_load(Path(CONFIG_FILE).read_text())
    assert config["formatters"]["json"]["()"] == "bot.json_logs.JsonLinesFormatter"
    commands = [service.command for service in run.services(replace(settings, log_format="json"))]
    assert all(run.LOGGING_JSON in command for command in commands)
    assert all("--log-file" not in command for command in commands)
    text_commands = [service.command for service in run.services(replace(settings, log_format="text"))]
    assert all(run.LOGGING_JSON not in command for command in text_commands)


def test_a_process_configured_from_the_file_logs_json_lines():
    """The file as the processes load it (logging.config.dictConfig), in a fresh interpreter."""
    script = (
        "import logging, logging.config, yaml; "
        f"logging.config.dictConfig(yaml.safe_load(open({CONFIG_FILE!r}))); "
        f"logging.getLogger('rasa.core.processor').info(\"Received user message '{TYPED}'\")"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert len(lines) == 1 and lines[0]["level"] == "INFO" and "sad" not in result.stderr


def test_the_supervisor_passes_json_lines_through_and_writes_its_own_as_json():
    out = io.StringIO()
    supervisor = Supervisor([Service("web app", ["true"], "http://127.0.0.1:9/")], cwd=PROJECT_ROOT, env={}, out=out, json_lines=True)
    supervisor.say("Started the web app (pid 1).")
    supervisor.say('{"level": "INFO", "message": "from a child"}', raw=True)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["service"] == "supervisor" and first["message"] == "Started the web app (pid 1)."
    assert second["message"] == "from a child"
