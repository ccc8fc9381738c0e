"""Small web app serving the chat page, with Rasa's REST webhook behind `/api/message`.

The browser only ever talks to this app's own origin: no third-party requests, and
the Rasa server stays on loopback. Strict security headers on every response.
"""
from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from bot.settings import settings

logger = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_MESSAGE_LENGTH = 1000
SENDER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
}
# Said when Rasa can't be reached: still the urgent numbers (same wording as domain.yml).
UNAVAILABLE_REPLY = [
    {"text": "Sorry, I can't answer right now. Please try again in a minute."},
    {
        "text": "If you are in danger now, call 999. For urgent help, call 111 and choose the "
        "mental health option. Under 19? Call Childline on 0800 1111. Or text SHOUT to 85258."
    },
]


def create_app(rasa_url: str | None = None, transport: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    app = FastAPI(title="Where to get help", docs_url=None, redoc_url=None, openapi_url=None)
    webhook = f"{rasa_url or settings.rasa_url}/webhooks/rest/webhook"

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/")
    async def chat_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/api/message")
    async def message(request: Request) -> JSONResponse:
        try:
            body = await request.json()
        except ValueError:
            return JSONResponse({"error": "Please send JSON."}, status_code=400)
        text = str(body.get("message", "")).strip() if isinstance(body, dict) else ""
        sender = str(body.get("sender", "")) if isinstance(body, dict) else ""
        if not text:
            return JSONResponse({"error": "Please type a message."}, status_code=400)
        if len(text) > MAX_MESSAGE_LENGTH:
            return JSONResponse(
                {"error": f"That message is too long. Please keep it under {MAX_MESSAGE_LENGTH} characters."},
                status_code=400,
            )
        if not SENDER_ID.match(sender):
            sender = uuid.uuid4().hex
        try:
            async with httpx.AsyncClient(timeout=30, transport=transport) as client:
                reply = await client.post(webhook, json={"sender": sender, "message": text})
                reply.raise_for_status()
                messages = reply.json()
        except (httpx.HTTPError, ValueError):
            logger.exception("Rasa did not answer")
            return JSONResponse({"sender": sender, "messages": UNAVAILABLE_REPLY, "degraded": True})
        return JSONResponse({"sender": sender, "messages": messages})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


app = create_app()
