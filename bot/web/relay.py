"""Passing one chat message to Rasa's REST channel, at most once per message id.

The widget retries a message when a reply gets lost (a dropped connection, a phone
going into a tunnel). If the first attempt did reach Rasa, sending it again would
answer it twice, so replies are remembered briefly by (sender, message id) and a retry
gets the same reply. Attempts that failed are forgotten, so their retry goes through.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger(__name__)
REMEMBER_SECONDS = 15 * 60
REMEMBER_AT_MOST = 5000


@dataclass(frozen=True)
class Reply:
    messages: list[dict[str, Any]]
    ok: bool  # False: Rasa could not be reached or failed


class RasaRelay:
    def __init__(self, rasa_url: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.webhook = f"{rasa_url}/webhooks/rest/webhook"
        self.transport = transport
        self._replies: OrderedDict[tuple[str, str], tuple[float, asyncio.Task[Reply]]] = OrderedDict()

    async def send(self, sender: str, text: str, message_id: str | None) -> Reply:
        if message_id is None:
            return await self._post(sender, text)
        key = (sender, message_id)
        self._forget_old()
        if key not in self._replies:
            self._replies[key] = (time.monotonic(), asyncio.ensure_future(self._post(sender, text)))
        reply = await asyncio.shield(self._replies[key][1])
        if not reply.ok:
            self._replies.pop(key, None)
        return reply

    async def _post(self, sender: str, text: str) -> Reply:
        try:
            async with httpx.AsyncClient(timeout=30, transport=self.transport) as client:
                response = await client.post(self.webhook, json={"sender": sender, "message": text})
                response.raise_for_status()
                messages = response.json()
        except (httpx.HTTPError, ValueError):
            logger.exception("Rasa did not answer")
            return Reply([], ok=False)
        return Reply(messages if isinstance(messages, list) else [], ok=True)

    def _forget_old(self) -> None:
        cutoff = time.monotonic() - REMEMBER_SECONDS
        while self._replies:
            started, task = next(iter(self._replies.values()))
            if (started >= cutoff or not task.done()) and len(self._replies) <= REMEMBER_AT_MOST:
                break
            self._replies.popitem(last=False)
