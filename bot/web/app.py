"""The web app: the chat page, the embeddable widget, and `/api/message` in front of Rasa.

The browser only talks to this app: the Rasa server stays on loopback, the page's CSP
can be `'self'`, and a message that arrives twice (a retry after a lost reply) is
answered once (`bot.web.relay`). Other sites may embed the widget when their origin is
in ALLOWED_ORIGINS (CORS); messages from any other site's pages are refused.
"""
from __future__ import annotations

import html
import io
import re
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import segno
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine

from bot.readiness import any_rasa_model_loaded, run_checks
from bot.web import urgent_assets
from bot.web.list_page import expired_html, list_html
from bot.web.oruk_api import create_router as oruk_router
from bot.web.privacy_page import privacy_html
from bot.web.relay import RasaRelay
from bot.web.security import origin_allowed, page_headers
from bot.web.share import ShareError, ShareLinks, clean_request
from services_db.database import get_engine
from services_db.directory import CachedDirectory, Directory, read_services
from services_db.opening import london_now
from signposting.deployment import Branding
from signposting.settings import settings
from signposting.typed_text import as_user_text
from signposting.urgent_lines import FOOTER

STATIC_DIR = Path(__file__).resolve().parent / "static"
EMBED_EXAMPLE = Path(__file__).resolve().parent / "embed_example.html"
MAX_MESSAGE_LENGTH = 1000
SENDER_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
# Said when Rasa can't be reached: still the urgent numbers (the crisis footer's words).
UNAVAILABLE_REPLY = [
    {"text": "Sorry, I can't answer right now. I'll keep trying to send your message."},
    {"text": FOOTER},
]


BRANDING_PATHS = {"/branding.json", "/branding.css"}


def chat_page_html(branding: Branding) -> str:
    """The chat page, titled with the deployment's service name."""
    page = urgent_assets.chat_page()
    return page.replace("<title>Where to get help - chat</title>", f"<title>{html.escape(branding.service_name)} - chat</title>")


def branding_stylesheet(branding: Branding) -> str:
    """NHS.UK styles with the deployment's colour where widget.css uses NHS blue (a colour the
    deployment file validated as #rrggbb, so nothing else can get into the stylesheet)."""
    colour = branding.primary_colour
    return (
        f".wtgh-top, .wtgh-user {{ background: {colour}; }}\n"
        f".wtgh-choice {{ border-color: {colour}; color: {colour}; }}\n"
        f".wtgh-link {{ color: {colour}; }}\n"
        f"p.wtgh-card-action {{ border-left-color: {colour}; }}\n"
        ".wtgh-logo { display: block; max-height: 2.5rem; max-width: 10rem; }\n"
    )


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(
    rasa_url: str | Sequence[str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    allowed_origins: tuple[str, ...] | None = None,
    public_url: str | None = None,
    directory: Callable[[], Directory] | None = None,
    share_links: ShareLinks | None = None,
    services_engine: Engine | None = None,
) -> FastAPI:
    app = FastAPI(title="Where to get help", docs_url=None, redoc_url=None, openapi_url=None)
    stores: dict[str, ShareLinks] = {"links": share_links} if share_links else {}

    def links() -> ShareLinks:
        """Opened on first use: a web app that never makes a link never creates the table."""
        if "links" not in stores:
            stores["links"] = ShareLinks.from_url(settings.share_database_url)
        return stores["links"]

    rasa_urls = ([rasa_url] if isinstance(rasa_url, str) else list(rasa_url)) if rasa_url else list(settings.rasa_urls)
    relay = RasaRelay(rasa_urls, transport)
    allowed = allowed_origins if allowed_origins is not None else settings.allowed_origins
    widget_origin = (public_url or settings.public_url).rstrip("/")
    branding = settings.deployment.branding
    directory = directory or CachedDirectory(get_engine).get

    app.add_middleware(
        CORSMiddleware, allow_origins=list(allowed), allow_methods=["POST"], allow_headers=["Content-Type"],
        allow_credentials=False, max_age=600,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in page_headers().items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/static/") or request.url.path in BRANDING_PATHS:
            response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"  # other sites embed these
        return response

    @app.get("/")
    async def chat_page() -> HTMLResponse:
        return HTMLResponse(chat_page_html(branding))

    @app.get("/static/widget.js")
    async def widget_script() -> Response:
        """Ahead of the /static mount: the script with the urgent lines filled in."""
        return Response(urgent_assets.widget_script(), media_type="text/javascript; charset=utf-8")

    # --- issue #16: the deployment's branding, for the chat page and the embedded widget ---
    @app.get("/branding.json")
    async def branding_json() -> JSONResponse:
        body = {"service_name": branding.service_name, "primary_colour": branding.primary_colour, "logo": branding.logo}
        return JSONResponse(body, headers={"Cache-Control": "max-age=300"})

    @app.get("/privacy")
    async def privacy_page() -> HTMLResponse:
        return HTMLResponse(privacy_html(settings.deployment))

    @app.get("/branding.css")
    async def branding_css() -> Response:
        return Response(branding_stylesheet(branding), media_type="text/css", headers={"Cache-Control": "max-age=300"})

    @app.get("/embed-example")
    async def embed_example() -> HTMLResponse:
        """A stand-in for a council's page with the widget embedded by one script tag."""
        html = EMBED_EXAMPLE.read_text(encoding="utf-8").replace("{{WIDGET_ORIGIN}}", widget_origin)
        return HTMLResponse(html, headers=page_headers([widget_origin]))

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    def ready() -> JSONResponse:  # not async: the checks block, so they run in a worker thread
        """A Rasa server has its model (with several, one is enough: the relay passes over one that
        is down), and the directory can be read (for the service lists)."""
        return run_checks({"rasa_model_loaded": any_rasa_model_loaded(rasa_urls), "directory_readable": directory})

    def _refuse_other_origins(request: Request) -> JSONResponse | None:
        """403 for a page on a site not in ALLOWED_ORIGINS (the same check for every POST)."""
        own_origin = f"{request.url.scheme}://{request.url.netloc}"
        if origin_allowed(request.headers.get("origin"), own_origin, allowed):
            return None
        return _error("This website is not allowed to use the chat.", 403)

    @app.post("/api/message")
    async def message(request: Request) -> JSONResponse:
        refused = _refuse_other_origins(request)
        if refused:
            return refused
        try:
            body = await request.json()
        except ValueError:
            return _error("Please send JSON.", 400)
        if not isinstance(body, dict):
            return _error("Please send JSON.", 400)
        text = str(body.get("message", "")).strip()
        sender = str(body.get("sender", ""))
        message_id = str(body.get("message_id", "")) or None
        if not text:
            return _error("Please type a message.", 400)
        if len(text) > MAX_MESSAGE_LENGTH:
            return _error(f"That message is too long. Please keep it under {MAX_MESSAGE_LENGTH} characters.", 400)
        if message_id is not None and not MESSAGE_ID.match(message_id):
            message_id = None
        if not SENDER_ID.match(sender):
            sender = uuid.uuid4().hex
        retry = body.get("retry") is True  # the widget sent this message before
        reply = await relay.send(sender, as_user_text(text), message_id, retry)
        if not reply.ok:
            return JSONResponse({"sender": sender, "messages": UNAVAILABLE_REPLY, "degraded": True}, status_code=503)
        return JSONResponse({"sender": sender, "messages": reply.messages})

    # The services directory as an Open Referral UK API (read-only): bot/web/oruk_api.py.
    app.include_router(oruk_router(directory), prefix="/oruk")

    # --- Share links to a results list (issue #13) ------------------------------------------
    @app.post("/api/share")
    async def make_share_link(request: Request) -> JSONResponse:
        refused = _refuse_other_origins(request)
        if refused:
            return refused
        try:
            body = await request.json()
            service_ids, area = clean_request(body.get("services"), body.get("area"))
        except (ValueError, AttributeError) as problem:  # ShareError is a ValueError
            return _error(str(problem) if isinstance(problem, ShareError) else "Please send JSON.", 400)
        link = links().create(service_ids, area, london_now().date())
        return JSONResponse({
            "url": f"{widget_origin}/list/{link.token}", "qr": f"{widget_origin}/list/{link.token}/qr.svg",
            "expires_on": link.expires_on.isoformat(),
        })

    @app.get("/list/{token}")
    async def shared_list(token: str) -> HTMLResponse:
        link = links().get(token, london_now().date())
        headers = {"Cache-Control": "no-store"}
        if link is None:
            return HTMLResponse(expired_html(), status_code=404, headers=headers)
        services = read_services(services_engine or get_engine(), link.service_ids)
        return HTMLResponse(list_html(link, services), headers=headers)

    @app.get("/list/{token}/qr.svg")
    async def shared_list_qr(token: str) -> Response:
        link = links().get(token, london_now().date())
        if link is None:
            return Response(status_code=404)
        svg = io.BytesIO()
        segno.make(f"{widget_origin}/list/{link.token}", error="m").save(svg, kind="svg", scale=5, border=2)
        return Response(svg.getvalue(), media_type="image/svg+xml", headers={"Cache-Control": "no-store"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


app = create_app()
