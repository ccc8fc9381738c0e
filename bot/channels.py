"""The Rasa channels the project listens on (credentials.yml).

`OnceRestInput`: Rasa's REST channel (same URL, same request and replies), where a
message sent again is handled at most once. The web app passes on the message id the
widget gives every message, and when it sends a message again after a failed attempt it
says so (`"retry": true`). A failed attempt may still have been handled: the Rasa
server can be killed after it stored the turn but before its reply left. So a retry is
looked up first, under the conversation's lock: if the conversation already has a user
message with that id, the bot's replies to it are sent again from the tracker instead of
handling the message a second time (which would, for instance, take "Stevenage" as the
answer to the next question). Messages that are not retries take Rasa's usual path, with
no extra reads. The message id is stored as the `message_id` of Rasa's user event.

`OriginCheckedSocketIOInput`: Rasa's socket.io channel, accepting browser connections only
from ALLOWED_ORIGINS. Rasa 3.6 builds its socket.io server with `cors_allowed_origins=[]`,
which turns the origin check off: any site's page could open a conversation. This
subclass puts the project's list back, so engine.io refuses a handshake whose Origin is
not on it. Clients that send no Origin (tools, the load generator) are not affected.
"""
from __future__ import annotations

import logging
import re
from asyncio import CancelledError
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from rasa.core.channels import socketio as socketio_channel
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.shared.core.events import BotUttered, Event, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from signposting.settings import settings
from signposting.typed_text import as_user_text

logger = logging.getLogger(__name__)
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # the same rule as the web app's


class CardSafeSocketIOOutput(SocketIOOutput):
    """Rasa 3.6 emits a custom payload with `sio.emit(event, **payload)`, so a service card's
    keys ("type", "id"...) become emit() keyword arguments and the turn fails. Here a bot message
    that carries a custom payload goes as one event: its text (and buttons) with the payload
    under "custom", the shape the REST channel gives."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        custom = message.get("custom")
        if not custom:
            await super().send_response(recipient_id, message)
            return
        event: dict[str, Any] = {"custom": custom}
        if message.get("text"):
            event["text"] = message["text"]
        if message.get("buttons"):
            event["quick_replies"] = [
                {"content_type": "text", "title": button["title"], "payload": button["payload"]}
                for button in message["buttons"]
            ]
        await self._send_message(recipient_id, event)


# The input channel builds its output channel by this module-level name when a message arrives.
socketio_channel.SocketIOOutput = CardSafeSocketIOOutput  # type: ignore[misc]


class OriginCheckedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def as_text(message: UserMessage) -> Any:
            if isinstance(message.text, str):
                message.text = as_user_text(message.text)
            return await on_new_message(message)

        blueprint = super().blueprint(as_text)
        if self.sio is not None:
            self.sio.eio.cors_allowed_origins = list(settings.allowed_origins)
        return blueprint


def replies_to(events: Iterable[Event], message_id: str) -> list[dict[str, Any]] | None:
    """The bot messages that answered the user message `message_id`, as Rasa sent them
    (text and data); None if the conversation does not have that message."""
    found: list[dict[str, Any]] | None = None
    collecting = False
    for event in events:
        if isinstance(event, UserUttered):
            collecting = event.message_id == message_id
            if collecting:
                found = []  # the last one with that id, should there be two
        elif collecting and isinstance(event, BotUttered) and found is not None:
            found.append({"text": event.text, **(event.data or {})})
    return found


async def handle_at_most_once(agent: Any, message: UserMessage) -> None:
    """Rasa's `Agent.handle_message`, unless the conversation already has this message: then
    its replies are sent again. Under the conversation's lock, so an attempt still running
    (a slow turn) finishes first and is found."""
    if not agent.is_ready():
        return
    async with agent.lock_store.lock(message.sender_id):
        tracker = await agent.tracker_store.retrieve(message.sender_id)
        earlier = replies_to(tracker.events if tracker else [], message.message_id)
        if earlier is None:
            await agent.processor.handle_message(message)
            return
        logger.info("Message %s was handled before; sending its %d replies again.", message.message_id, len(earlier))
        for reply in earlier:
            await message.output_channel.send_response(message.sender_id, reply)


class OnceRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # the same URL as Rasa's own: /webhooks/rest/webhook

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            message_id = body.get("message_id")
            if not (isinstance(message_id, str) and MESSAGE_ID.match(message_id)):
                message_id = None
            collector = CollectingOutputChannel()
            text = body.get("message")
            message = UserMessage(
                as_user_text(text) if isinstance(text, str) else text, collector, body.get("sender"), input_channel=body.get("input_channel") or self.name(),
                metadata=body.get("metadata"), message_id=message_id,
            )
            try:
                if message_id and body.get("retry") is True:
                    await handle_at_most_once(request.app.ctx.agent, message)
                else:
                    await on_new_message(message)
            except CancelledError:
                logger.error("A message timed out.")
            except Exception:  # as Rasa's REST channel: log it, answer with what was said so far
                logger.exception("A message could not be handled.")
            return response.json(collector.messages)

        return webhook
