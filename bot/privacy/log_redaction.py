"""Redact every log record of this process before any handler sees it.

Rasa logs what users typed in some places: at DEBUG ("Received user message '...'") and at
ERROR when a message fails ("An exception occurred while handling user message '...'"), and
its structlog events go through the standard library too. Installing a log-record factory
(rather than a filter on today's handlers) also covers handlers added later, such as the
file that `rasa run --log-file` opens. Only records that pass the logger's level are built,
so quiet levels cost nothing.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any

from bot.redaction import redact_text

_installed = False
WITHHELD = "[log message withheld: it could not be redacted]"


def _redacting_factory(previous: Any) -> Any:
    # Bound here, not looked up at call time: objects freed while the interpreter shuts down
    # (aiohttp sessions) still log, after module globals have been cleared to None.
    redact, format_exception, withheld = redact_text, traceback.format_exception, WITHHELD

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call: leave it to logging's own error handling
            return record
        try:
            record.msg, record.args = redact(message), ()
            if record.exc_info and record.exc_info[0] is not None:
                record.exc_text = redact("".join(format_exception(*record.exc_info)).rstrip("\n"))
        except Exception:  # fail closed: a record that cannot be redacted is not logged as typed
            record.msg, record.args, record.exc_info, record.exc_text = withheld, (), None, None
        return record

    return factory


def install() -> None:
    """Idempotent: the Rasa server imports the tracker store more than once."""
    global _installed
    if not _installed:
        logging.setLogRecordFactory(_redacting_factory(logging.getLogRecordFactory()))
        _installed = True
