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

4. The action server is called over a kept-alive connection (issue #15).

Rasa's `EndpointConfig.request` opens a new aiohttp session, and so a new TCP connection
that the action server must accept and set up, for every action call: two or three per
turn here. `RemoteAction.run` now sends its calls through one session per event loop that
keeps idle connections for 2 s: under the action server's (Sanic's) 5 s keep-alive, so it
does not close a connection as we reuse it. The request itself, the headers, the token and
the errors Rasa handles (a refused connection, a 4xx/5xx) are the same; a killed action
server fails the call as before and `SafetyNetPolicy` answers.

5. No policy run to learn that the form, having asked its question, now listens (issue #15).

After a form has run, asked its next question and is still active, Rasa runs every policy
again (TED's inference, the rules, ours) to predict the next action. RulePolicy's loop happy
path always answers `action_listen` there with certainty (`_find_action_from_loop_happy_path`),
and none of this project's policies predicts anything after a form has run. So that prediction
is made here, the same as RulePolicy's (its name, confidence 1.0), without running them: one
of a form turn's two predictions. A form that failed (the action server down: the form's
`ActionExecuted` is the last event, with nothing after it) or was rejected still goes through
the policies, so `SafetyNetPolicy` and the rules answer as before.

6. TED and memoization run only when their prediction could win (issue #15): `bot.deferred_policies`.

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
import weakref
from typing import Any

import aiohttp
from jsonschema import ValidationError, exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.core.nlg import interpolator
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot import deferred_policies

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


KEEP_IDLE_CONNECTIONS_SECONDS = 2.0  # below Sanic's KEEP_ALIVE_TIMEOUT (5 s) on the action server
# event loop → (url, headers, auth) → its session; a session belongs to the loop it was made in
_SESSIONS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, aiohttp.ClientSession]] = \
    weakref.WeakKeyDictionary()


def _shared_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """One session per event loop and endpoint, configured as Rasa's `EndpointConfig.session()`."""
    sessions = _SESSIONS.setdefault(asyncio.get_running_loop(), {})
    key = repr((endpoint.url, sorted(endpoint.headers.items()), endpoint.basic_auth))
    session = sessions.get(key)
    if session is None or session.closed:
        auth = aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"]) \
            if endpoint.basic_auth else None
        session = aiohttp.ClientSession(
            headers=endpoint.headers, auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_IDLE_CONNECTIONS_SECONDS),
        )
        sessions[key] = session
    return session


async def request_kept_alive(endpoint: EndpointConfig, **kwargs: Any) -> Any:
    """Rasa's `EndpointConfig.request(method="post", json=...)` for an action call, on a kept-alive connection."""
    if endpoint.cafile:  # a custom certificate: Rasa's own request, which builds the SSL context
        return await endpoint.request(**kwargs)
    kwargs.pop("method", None)
    headers = {"Content-Type": "application/json", **kwargs.pop("headers", {}), **endpoint.headers}
    params = endpoint.combine_parameters(kwargs)
    async with _shared_session(endpoint).post(endpoint.url, headers=headers, params=params, **kwargs) as response:
        if response.status >= 400:
            raise ClientResponseError(response.status, response.reason, await response.content.read())
        try:
            return await response.json()
        except aiohttp.ContentTypeError:
            return None


class _KeptAliveEndpoint:
    """The action endpoint as `RemoteAction.run` uses it, its `request` on a kept-alive connection."""

    def __init__(self, endpoint: EndpointConfig) -> None:
        self._endpoint = endpoint

    def __getattr__(self, name: str) -> Any:
        return getattr(self._endpoint, name)

    async def request(self, **kwargs: Any) -> Any:
        return await request_kept_alive(self._endpoint, **kwargs)


_rasa_remote_action_run = RemoteAction.run


async def remote_action_run(self: RemoteAction, *args: Any, **kwargs: Any) -> Any:
    """Rasa's `RemoteAction.run`, its calls to the action server on kept-alive connections."""
    endpoint = self.action_endpoint
    if endpoint is None or isinstance(endpoint, _KeptAliveEndpoint):
        return await _rasa_remote_action_run(self, *args, **kwargs)
    self.action_endpoint = _KeptAliveEndpoint(endpoint)  # type: ignore[assignment]
    try:
        return await _rasa_remote_action_run(self, *args, **kwargs)
    finally:
        self.action_endpoint = endpoint


def listens_after_its_loop(tracker: DialogueStateTracker) -> bool:
    """The active loop has just run and is still active and not rejected, and its run left events
    after it (a question asked), so RulePolicy's loop happy path predicts `action_listen`."""
    name = tracker.active_loop_name
    if not name or tracker.is_active_loop_rejected or tracker.latest_action_name != name or tracker.followup_action:
        return False
    for after, event in enumerate(reversed(tracker.events)):
        if isinstance(event, ActionExecuted):  # the form's own run (the latest action)
            return after > 0  # nothing after it: it failed, and SafetyNetPolicy answers
        if isinstance(event, UserUttered):
            return False  # a message after the form's run (a turn cut short): the policies must read it
    return False


_rasa_predict_next = MessageProcessor._predict_next_with_tracker
LOOP_LISTEN_POLICY = "RulePolicy"  # the policy that makes this prediction when the policies run


def predict_next_with_tracker(self: MessageProcessor, tracker: DialogueStateTracker) -> PolicyPrediction:
    if listens_after_its_loop(tracker):
        return PolicyPrediction.for_action_name(self.domain, ACTION_LISTEN_NAME, LOOP_LISTEN_POLICY)
    return _rasa_predict_next(self, tracker)


def install() -> None:
    deferred_policies.install()  # 6. TED and memoization run only when they could win
    MessageProcessor._predict_next_with_tracker = predict_next_with_tracker  # type: ignore[method-assign]
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    RemoteAction.run = remote_action_run  # type: ignore[method-assign]
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
