"""JSON-lines logs (LOG_FORMAT=json, issue #16): one JSON object per line, for a log collector.

`bot.run` gives every process the logging configuration in `bot/logging_json.yml`, whose
formatter is `JsonLinesFormatter`. Each line has the time, level, logger, service, process id
and the message; never what a user typed: the message is redacted like every log line of the
Rasa server (`bot.privacy.log_redaction`), and the places where Rasa quotes a user's message
("Received user message '…'", "…while handling user message '…'", `text=…`) are replaced by
"[message text]". Rasa's structured (structlog) events arrive as a JSON object in the message:
the values under the keys Rasa itself lists as able to hold user data (its log anonymizer,
`rasa/utils/log_utils.py`) are replaced the same way. An exception's traceback is scrubbed the
same way and kept on the same line.

The Rasa server installs coloredlogs' handler after reading `--logging-config-file`, so the
Rasa server also calls `install()` when it creates the tracker store (`bot.tracker_store`),
which puts this formatter back on the root logger's handlers.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
import traceback
from datetime import datetime, timezone

from bot.redaction import redact_text

CONFIG_FILE = os.path.join(os.path.dirname(__file__), "logging_json.yml")
HIDDEN = "[message text]"
# Where Rasa and its SDK put a user's words into a log line: the quoted text after these.
_QUOTED = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
# The keys of Rasa 3.6's structlog events that can hold what a user typed or data derived from
# it (the `anonymizable_keys` of rasa/utils/log_utils.py `_anonymizer`).
USER_DATA_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message",
})
USER_TEXT = [
    re.compile(r"(user text:\s*)[^|\n\"]*", re.IGNORECASE),  # Rasa's policy state dumps, unquoted
    re.compile(r"(user message\s*)" + _QUOTED, re.IGNORECASE),
    re.compile(r"(message\s*[:=]\s*)" + _QUOTED, re.IGNORECASE),
    re.compile(r"""((?:\b|['"])text['"]?\s*[:=]\s*)""" + _QUOTED, re.IGNORECASE),
    re.compile(r"""((?:\b|['"])user_message['"]?\s*[:=]\s*)""" + _QUOTED, re.IGNORECASE),
]


def scrub(text: str) -> str:
    """The line without the user's words: quoted message text out, personal details redacted."""
    event = _structured_event(text)
    if event is not None:
        return event
    for pattern in USER_TEXT:
        text = pattern.sub(lambda match: match.group(1) + HIDDEN, text)
    return redact_text(text) or ""


def _structured_event(text: str) -> str | None:
    """A structlog event (a JSON object) with the user-data keys hidden, or None if not one."""
    if not text.startswith("{"):
        return None
    try:
        event = json.loads(text)
    except ValueError:
        return None
    if not isinstance(event, dict):
        return None
    cleaned = {
        key: HIDDEN if key in USER_DATA_KEYS else (scrub(value) if isinstance(value, str) else value)
        for key, value in event.items()
    }
    return json.dumps(cleaned, ensure_ascii=False)


def install() -> None:
    """With LOG_FORMAT=json, format every handler of the root logger with JsonLinesFormatter
    (the Rasa server's coloredlogs handler included)."""
    from signposting.settings import settings

    if settings.log_format != "json":
        return
    for handler in logging.getLogger().handlers:
        handler.setFormatter(JsonLinesFormatter())


def service_name(argv: list[str]) -> str:
    """Which of `bot.run`'s processes this is, from its command line."""
    for token in argv:
        if token.startswith("bot.staff.app:"):
            return "staff"
        if token.startswith("bot.web.app:"):
            return "web"
        if token.endswith(os.path.join("rasa_sdk", "__main__.py")):
            return "actions"
        if token.endswith(os.path.join("rasa", "__main__.py")):
            return "rasa"
    return os.path.basename(argv[0]) if argv and argv[0] else "python"


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    service = service_name(sys.argv)

    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed log call still gets a line, without its arguments
            message = str(record.msg)
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "service": self.service,
            "pid": record.process,
            "message": scrub(message),
        }
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = scrub("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        return json.dumps(line, ensure_ascii=False)
