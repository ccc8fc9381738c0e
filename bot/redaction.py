"""Remove personal details from what a user typed, before anything is stored or logged.

The rules live in `bot.privacy` (one module per kind of detail); this module is the one
entry point the rest of the bot uses. `tests/test_redaction.py` lists what is caught and
what is kept; `make privacy-eval` measures both on held-out messages.
"""
from __future__ import annotations

from bot.privacy.redactor import Redacted, find, redact, redact_text

__all__ = ["Redacted", "find", "redact", "redact_text"]
