"""Fixes to Rasa 3.6's hot path, found with py-spy and gc callbacks (docs/benchmarks.md).

1. Action server responses are validated without re-checking the schema.

Rasa checks every action server response with `jsonschema.validate(result, schema)`.
jsonschema 4 checks the *schema itself* against the JSON Schema meta-schema on every such
call before validating the response; with Rasa's large events schema that meta-check was
a third of the Rasa server's CPU time per turn of this bot (a form turn calls the action
server two or three times). Here the schema is checked once, at import, and each response
is validated against it exactly as before: same schema, same errors, same message.

2. The garbage collector stops re-scanning the loaded model. A Rasa server holds millions
of long-lived Python objects (TensorFlow, spaCy, the domain); every full (generation 2)
collection walked all of them: 0.2-0.7 s with the event loop stopped, every minute or
so under load: the slowest 1% of turns. Once the model is loaded, `gc.freeze()` moves
everything alive into the permanent generation; later collections only look at objects
made after that (the standard CPython remedy, see the `gc.freeze` documentation).

3. A button payload with entities is not a failed placeholder (issue #15).

Rasa fills a response's `{slot}` placeholders in its text *and its buttons*. The "Did this
help?" buttons send `/feedback{"feedback_answer": "helpful_yes"}`, which Rasa takes for a
placeholder named `"feedback_answer": "helpful_yes"`; the lookup fails, Rasa returns the
response unchanged and logs an ERROR with a traceback and its local variables (structlog).
That was 4-5 % of the Rasa server's CPU and two ERROR lines on every results turn. Here
the same check is made first, without the exception: a response whose placeholders are not
all given comes back unchanged, as in Rasa; a missing placeholder that looks like a slot
name (a typo in domain.yml) is still logged, as a one-line warning.

Installed by `install()` and `freeze_after_model_load()`, which `bot.tracker_store` calls: the tracker store is the one
project module every Rasa server imports (endpoints.yml names it), so every server that
keeps conversations through it, in any deployment, gets the fix.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import re
import string
from typing import Any

from jsonschema import ValidationError, exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg import interpolator
from rasa.shared.constants import DOCS_BASE_URL

logger = logging.getLogger(__name__)

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR_CLASS = validators.validator_for(_SCHEMA)
_VALIDATOR_CLASS.check_schema(_SCHEMA)
_VALIDATOR = _VALIDATOR_CLASS(_SCHEMA)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's `RemoteAction._validate_action_result`, with the schema checked once."""
    error: ValidationError | None = exceptions.best_match(_VALIDATOR.iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            "For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


# Rasa's own pattern for a placeholder (rasa/core/nlg/interpolator.py), and what a slot name looks like.
PLACEHOLDER = re.compile(r"{([^\n{}]+?)}")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_rasa_interpolate_text = interpolator.interpolate_text


def _looked_up(response: str) -> list[str]:
    """The keys Rasa's `str.format` call would look up in the values (escaped `{{...}}` are not)."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(PLACEHOLDER.sub(r"{0[\1]}", response)) if field]
    except ValueError:  # unbalanced braces: Rasa's own call raises the same error
        return []
    return [field[2:-1] for field in fields if field.startswith("0[") and field.endswith("]")]


def interpolate_text(response: str, values: dict[str, Any]) -> str:
    """Rasa's `interpolate_text`, returning a response with an unknown placeholder unchanged without raising."""
    missing = [key for key in _looked_up(response) if key not in values]
    if missing:
        if any(NAME.match(key) for key in missing):
            logger.warning("A response names placeholders that have no value: %s", ", ".join(missing))
        return response
    return _rasa_interpolate_text(response, values)


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    interpolator.interpolate_text = interpolate_text  # interpolator.interpolate looks it up at each call


def freeze_after_model_load(store: Any) -> None:
    """Freeze the heap once Rasa has loaded the model (it then gives the store its domain).

    The tracker store is created inside Rasa's running event loop just before the model
    is loaded; outside one (scripts, tests) this does nothing.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return

    async def freeze_when_loaded() -> None:
        while store.domain.is_empty():
            await asyncio.sleep(0.5)
        gc.collect()
        gc.freeze()
        logger.info("Model loaded: %d objects moved out of the garbage collector's way.", gc.get_freeze_count())

    _FREEZE_TASKS.add(loop.create_task(freeze_when_loaded()))


_FREEZE_TASKS: set[asyncio.Task] = set()  # a reference, so the task is not collected early
