"""One fix to Rasa 3.6's hot path, found with py-spy (docs/benchmarks.md).

Rasa checks every action server response with `jsonschema.validate(result, schema)`.
jsonschema 4 checks the *schema itself* against the JSON Schema meta-schema on every such
call before validating the response; with Rasa's large events schema that meta-check was
a third of the Rasa server's CPU time per turn of this bot (a form turn calls the action
server two or three times). Here the schema is checked once, at import, and each response
is validated against it exactly as before: same schema, same errors, same message.

Installed by `install()`, which `bot.tracker_store` calls: the tracker store is the one
project module every Rasa server imports (endpoints.yml names it), so every server that
keeps conversations through it, in any deployment, gets the fix.
"""
from __future__ import annotations

from typing import Any

from jsonschema import ValidationError, exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

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


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
