"""JSON-lines logs (LOG_FORMAT=json, issue #16): one JSON object per line, for a log collector.

`bot.run` gives every process the logging configuration in `bot/logging_json.yml`, whose
formatter is `JsonLinesFormatter`. Each line has the time, level, logger, service, process id
and the message; never what a user typed: the message is redacted like every log line of the
Rasa server (`bot.privacy.log_redaction`), and the places where Rasa quotes a user's message
("Received user message '…'", "…while handling user message '…'", `text=…`) are replaced by
"[message text]". An exception's traceback is scrubbed the same way and kept on the same line.
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
USER_TEXT = [
    re.compile(r"(user message\s*)" + _QUOTED, re.IGNORECASE),
    re.compile(r"(message\s*[:=]\s*)" + _QUOTED, re.IGNORECASE),
    re.compile(r"""((?:\b|['"])text['"]?\s*[:=]\s*)""" + _QUOTED, re.IGNORECASE),
    re.compile(r"""((?:\b|['"])user_message['"]?\s*[:=]\s*)""" + _QUOTED, re.IGNORECASE),
]


def scrub(text: str) -> str:
    """The line without the user's words: quoted message text out, personal details redacted."""
    for pattern in USER_TEXT:
        text = pattern.sub(lambda match: match.group(1) + HIDDEN, text)
    return redact_text(text) or ""


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
