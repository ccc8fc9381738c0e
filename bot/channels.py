"""Rasa's socket.io channel, accepting browser connections only from ALLOWED_ORIGINS.

Rasa 3.6 builds its socket.io server with `cors_allowed_origins=[]`, which turns the
origin check off: any site's page could open a conversation. This subclass puts the
project's list back, so engine.io refuses a handshake whose Origin is not on it.
Clients that send no Origin (tools, the load generator) are not affected.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.settings import settings


class OriginCheckedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        if self.sio is not None:
            self.sio.eio.cors_allowed_origins = list(settings.allowed_origins)
        return blueprint
