"""Passing one chat message to Rasa's REST channel, at most once per message id.

The widget retries a message when a reply gets lost (a dropped connection, a phone
going into a tunnel). If the first attempt did reach Rasa, sending it again would
answer it twice, so replies are remembered briefly by (sender, message id) and a retry
gets the same reply. An attempt that failed here (Rasa down, restarting, or killed
mid-turn) is sent again when the widget retries, marked as a retry with its message id:
Rasa may have stored that turn before it died, and then sends the replies it stored
instead of handling the message twice (`bot.channels.OnceRestInput`).

With several Rasa servers (`make run` starts two: one core each), each conversation is kept
on one of them, chosen from its sender id: Rasa's lock store, which keeps one conversation's
turns in order, lives inside each server. Only when that server cannot be reached at all
(the connection is refused: stopped, or restarting after a crash) does the message go to the
next one; the conversations are in the shared tracker store, so the other server carries on
where it left off. A retry goes first to the server the failed attempt reached.
"""
from __future__ import annotations

import asyncio
import logging
import time
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger(__name__)
REMEMBER_SECONDS = 15 * 60
REMEMBER_AT_MOST = 5000
# A refused connection fails over at once; a server that does not accept within 5 s is not
# waited for 30 (a crisis message must not hang), and is not failed over either: it may be busy
# with this conversation's previous message.
TIMEOUT = httpx.Timeout(30, connect=5)


@dataclass(frozen=True)
class Reply:
    messages: list[dict[str, Any]]
    ok: bool  # False: Rasa could not be reached or failed
    server: int | None = None  # the server the message reached, if any (a retry goes there first)


def server_for(sender: str, servers: int) -> int:
    """The server a conversation stays on: the same for every web app process (not `hash()`,
    which Python salts per process)."""
    return zlib.crc32(sender.encode("utf-8")) % servers


class RasaRelay:
    def __init__(self, rasa_urls: str | Sequence[str], transport: httpx.AsyncBaseTransport | None = None) -> None:
        urls = [rasa_urls] if isinstance(rasa_urls, str) else list(rasa_urls)
        if not urls:
            raise ValueError("no Rasa server to relay to")
        self.webhooks = [f"{url.rstrip('/')}/webhooks/rest/webhook" for url in urls]
        self.transport = transport
        self._replies: OrderedDict[tuple[str, str], tuple[float, asyncio.Task[Reply]]] = OrderedDict()
        # The next attempt is a retry, sent first to the server the failed attempt reached: it may
        # still be handling the message, and only that server's lock store knows.
        self._failed: OrderedDict[tuple[str, str], tuple[float, int | None]] = OrderedDict()

    async def send(self, sender: str, text: str, message_id: str | None, retry: bool = False) -> Reply:
        """`retry`: the client says it sent this message before (perhaps through another web app)."""
        if message_id is None:
            return await self._post(sender, text)
        key = (sender, message_id)
        self._forget_old()
        if key not in self._replies:
            reached = self._failed[key][1] if key in self._failed else None
            retry = retry or key in self._failed
            post = self._post(sender, text, message_id, retry, reached)
            self._replies[key] = (time.monotonic(), asyncio.ensure_future(post))
        reply = await asyncio.shield(self._replies[key][1])
        if reply.ok:
            self._failed.pop(key, None)
        else:
            self._replies.pop(key, None)
            self._failed[key] = (time.monotonic(), reply.server)
        return reply

    async def _post(
        self, sender: str, text: str, message_id: str | None = None, retry: bool = False, reached: int | None = None
    ) -> Reply:
        payload: dict[str, Any] = {"sender": sender, "message": text}
        if message_id is not None:
            payload["message_id"] = message_id
            if retry:
                payload["retry"] = True
        count = len(self.webhooks)
        first = reached if reached is not None else server_for(sender, count)
        order = [(first + step) % count for step in range(count)]
        server: int | None = None
        try:
            async with httpx.AsyncClient(timeout=TIMEOUT, transport=self.transport) as client:
                for number, index in enumerate(order, start=1):
                    try:
                        response = await client.post(self.webhooks[index], json=payload)
                    except httpx.ConnectError:  # refused: nothing was sent, so it was not handled there
                        if number == count:
                            raise
                        logger.warning("Rasa server %d of %d cannot be reached; trying the next.", index + 1, count)
                        continue
                    except httpx.TimeoutException:
                        server = index  # it may have the message (a connect timeout: perhaps just busy)
                        raise
                    server = index
                    response.raise_for_status()
                    messages = response.json()
                    break
        except (httpx.HTTPError, ValueError):
            logger.exception("Rasa did not answer")
            return Reply([], ok=False, server=server)
        return Reply(messages if isinstance(messages, list) else [], ok=True, server=server)

    def _forget_old(self) -> None:
        cutoff = time.monotonic() - REMEMBER_SECONDS
        while self._replies:
            started, task = next(iter(self._replies.values()))
            if (started >= cutoff or not task.done()) and len(self._replies) <= REMEMBER_AT_MOST:
                break
            self._replies.popitem(last=False)
        while self._failed:
            failed_at, _ = next(iter(self._failed.values()))
            if failed_at >= cutoff and len(self._failed) <= REMEMBER_AT_MOST:
                break
            self._failed.popitem(last=False)
