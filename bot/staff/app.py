"""The staff review web app: its own origin and port, every page behind a sign-in.

    uvicorn --factory bot.staff.app:create_app --port 8001

Anything not in `PUBLIC_PATHS` answers 303 (to the sign-in page) or 401 without a signed-in
session: new routes are protected by default. Every form carries the session's CSRF token.
Every view of a transcript is written to the audit log. Jinja2 autoescapes every value.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.exc import OperationalError, ProgrammingError

from bot.readiness import database_reachable, run_checks
from bot.redaction import redact_text
from bot.staff import accounts, analytics, corrections, feedback, gap_decisions, gaps, labels, misreads, plots
from bot.staff.csvexport import to_csv
from bot.staff.events import load_conversation, tracker_engine
from bot.staff.summaries import SummaryCache
from signposting.settings import settings
from signposting.vocabulary import CONCERNS

logger = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
PUBLIC_PATHS = {"/login", "/healthz", "/readyz", "/static/staff.css"}
DEFAULT_DAYS = 30
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; connect-src 'none'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def since(self) -> float:
        return datetime.combine(self.start, time(), analytics.LONDON).timestamp()

    @property
    def until(self) -> float:
        return datetime.combine(self.end + timedelta(days=1), time(), analytics.LONDON).timestamp()

    @property
    def query(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def period_from(request: Request) -> Period:
    today = datetime.now(analytics.LONDON).date()
    end = _date(request.query_params.get("to")) or today
    start = _date(request.query_params.get("from")) or end - timedelta(days=DEFAULT_DAYS - 1)
    return Period(min(start, end), max(start, end))


def filters_from(request: Request) -> analytics.Filters:
    params = request.query_params
    return analytics.Filters(
        role=params.get("role", ""), area=params.get("area", ""), concern=params.get("concern", ""),
        age_band=params.get("age_band", ""), outcome=params.get("outcome", ""),
        dropped_at=params.get("dropped_at", ""), crisis=params.get("crisis") == "yes",
    )


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, analytics.LONDON).strftime("%d %b %Y %H:%M")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    env.filters["when"] = _when
    env.globals.update(outcomes=analytics.OUTCOMES, roles=analytics.ROLES, age_bands=analytics.AGE_BANDS)
    env.filters.update(intent=labels.intent_label, response=labels.response_label, slot=labels.slot_label,
                       category=labels.category_label, question=lambda name: analytics.QUESTIONS.get(name, labels.readable(name)))
    return env


# --- The tables every page and CSV is built from --------------------------------------------------

@dataclass(frozen=True)
class TableData:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _conversation_rows(items: Sequence[analytics.Conversation]) -> list[Sequence[Any]]:
    return [
        (c.sender_id, _when(c.started), c.role_label, c.age_band, c.area_label, c.concern_label,
         analytics.OUTCOMES[c.outcome], c.crisis_escalations, c.user_messages)
        for c in items
    ]


CONVERSATION_HEADER = ("Conversation", "Started", "Who", "Age", "Area", "Concern", "Outcome", "Crisis replies", "Messages")


@dataclass
class GapReport:
    """Everything the gaps page lists: real questions by language, likely misreads, junk, dismissed."""

    shown: list[gaps.Gap]
    dismissed: list[gaps.Gap]
    junk: list[gaps.JunkGroup]
    misreads: list[misreads.Misread]

    @property
    def by_language(self) -> list[tuple[str, list[gaps.Gap]]]:
        return gaps.by_language(self.shown)


def gap_report(
    items: Sequence[analytics.Conversation], decisions: dict[str, gap_decisions.Decision], now: float | None = None,
) -> GapReport:
    real, junk = gaps.split_junk(redacted(gaps.gap_messages(items)))
    shown, dismissed = gap_decisions.apply(gaps.cluster(real), decisions)
    found = [replace(m, message=redacted([m.message])[0], next_text=_redacted_text(m.next_text) if m.next_text else None) for m in misreads.all_misreads(items, now)]
    return GapReport(shown, dismissed, junk, found)


HELPFUL_TABLES = {
    "helpful_services": ("Did this help? By service shown", "Service", feedback.by_service),
    "helpful_areas": ("Did this help? By area", "Area", feedback.by_area),
    "helpful_concerns": ("Did this help? By concern", "Concern", feedback.by_concern),
}


def helpful_table(items: Sequence[analytics.Conversation], title: str, header: str,
                  count: Callable[[Sequence[analytics.Conversation]], list[feedback.HelpfulCount]]) -> TableData:
    return TableData(title, (header, "Yes", "Not really"), [(row.label, row.yes, row.not_really) for row in count(items)])


def build_tables(
    items: Sequence[analytics.Conversation], decisions: dict[str, gap_decisions.Decision] | None = None,
) -> dict[str, Callable[[], TableData]]:
    """Every table by name; lazily, so a page or a CSV only computes what it shows."""
    def crisis() -> TableData:
        total, conversations, categories = analytics.crisis_summary(items)
        rows: list[Sequence[Any]] = [("All crisis replies", total), ("Conversations with a crisis reply", conversations)]
        return TableData("Crisis escalations", ("What", "Count"), rows + [(f"Matched: {name}", n) for name, n in categories])

    def gap_rows() -> TableData:
        report = gap_report(items, decisions or {})
        return TableData(
            "Questions the bot could not answer",
            ("Question (most common wording)", "Language", "Times asked", "Conversations", "Examples", "Kind"),
            [(gap.heading, gap.language, gap.count, len(gap.conversations), " | ".join(gap.examples),
              ", ".join(labels.intent_label(intent) for intent in gap.intents)) for gap in report.shown]
            + [(text, "", len(messages), len({m.sender_id for m in messages}), "", f"Set apart: {group.label}")
               for group in report.junk for text, messages in group.by_text()],
        )

    def misread_rows() -> TableData:
        return TableData(
            "Likely misreads", ("Message", "Read as", "How sure", "What happened next", "Next message", "Conversation"),
            [(m.message.text, labels.intent_label(m.message.intent), f"{(m.message.confidence or 0) * 100:.0f}%",
              m.signal_label, m.next_text or "", m.message.sender_id) for m in gap_report(items, {}).misreads],
        )

    return {
        "conversations": lambda: TableData("Conversations", CONVERSATION_HEADER, _conversation_rows(items)),
        "days": lambda: TableData("Conversations per day", ("Day", "Conversations"),
                                  [(day.isoformat(), n) for day, n in analytics.per_day(items)]),
        "roles": lambda: TableData("Who was chatting", ("Who", "Conversations"),
                                   analytics.count_by(items, "role_label", [*analytics.ROLES.values(), analytics.NOT_GIVEN])),
        "ages": lambda: TableData("Age", ("Age band", "Conversations"), analytics.count_by(items, "age_band", analytics.AGE_BANDS)),
        "areas": lambda: TableData("Area", ("Area", "Conversations"), analytics.count_by(items, "area_label")),
        "concerns": lambda: TableData("What's going on", ("Concern", "Conversations"), analytics.count_by(items, "concern_label")),
        "crisis": crisis,
        "funnel": lambda: TableData("How far people got", ("Step", "Conversations"),
                                    [(label, n) for _, label, n in analytics.funnel(items)]),
        "dropoffs": lambda: TableData("Where people left", ("Last question asked", "Conversations"),
                                      [(label, n) for _, label, n in analytics.drop_offs(items)]),
        "nolocal": lambda: TableData("Searches with no local service", ("Area", "Concern", "Age band", "Conversations"),
                                     analytics.no_local_searches(items)),
        "gaps": gap_rows,
        "misreads": misread_rows,
        # Issue 14: "Did this help?" per service shown, area and concern; "Did you manage to contact them?".
        **{name: partial(helpful_table, items, *table) for name, table in HELPFUL_TABLES.items()},
        "contacted": lambda: TableData("Did they manage to contact them? (asked later, with consent)", ("Answer", "Conversations"),
                                       feedback.contacted(items)),
    }


@lru_cache(maxsize=100_000)
def _redacted_text(text: str) -> str:
    return redact_text(text) or ""


@lru_cache(maxsize=256)
def chart_png(name: str, names: tuple[str, ...], values: tuple[int, ...]) -> bytes:
    """Drawing a chart costs more than the page it is on: the same numbers are drawn once."""
    return plots.day_chart(names, values) if name == "days" else plots.bar_chart(names, values, "Conversations")


def redacted(messages: Sequence[analytics.Message]) -> list[analytics.Message]:
    """Users' words as staff see and export them, through today's redaction rules (conversations
    stored before a rule was added get it too). The same words are redacted once per process."""
    return [replace(message, text=_redacted_text(message.text)) for message in messages]


def redacted_steps(steps: Sequence[analytics.Step]) -> list[analytics.Step]:
    return [replace(step, text=redact_text(step.text) or "") if step.kind == "user" else step for step in steps]


# What staff can pick as "what it should have been" (the form's suggestions; the server checks).
CORRECTION_VALUES = sorted(
    [(name, f"Meant: {label}") for name, label in labels.INTENTS.items()]
    + [(name, f"Concern: {label}") for name, label in CONCERNS.items()]
    + [(name, f"Risk: {label}") for name, label in labels.CRISIS_CATEGORIES.items()],
    key=lambda item: item[1],
)

CHARTS = {"days": "Conversations per day", "roles": "Who was chatting", "ages": "Age", "areas": "Area",
          "concerns": "What's going on", "funnel": "How far people got"}


def create_app(
    staff_database_url: str | None = None, tracker_url: str | None = None, cookie_secure: bool | None = None,
) -> FastAPI:
    app = FastAPI(title="Staff review", docs_url=None, redoc_url=None, openapi_url=None)
    staff_db = accounts.staff_engine(staff_database_url or settings.staff_database_url)
    if not (tracker_url or settings.staff_tracker_url):
        raise RuntimeError(
            f"The conversations are kept in {settings.tracker_dialect}: set STAFF_TRACKER_URL (a SQLAlchemy URL, "
            "for example postgresql+psycopg2://user:password@host/db) so that the staff app can read them."
        )
    tracker = tracker_engine(tracker_url or settings.staff_tracker_url)
    secure = settings.staff_cookie_secure if cookie_secure is None else cookie_secure
    cookie_name = "__Host-staff_session" if secure else "staff_session"
    templates = Jinja2Templates(env=_environment())

    summaries = SummaryCache(tracker)
    app.state.summaries = summaries

    @app.on_event("startup")
    async def read_ahead() -> None:
        """Summarise the default period in the background, so the first staff page is quick."""
        def warm() -> None:
            try:
                period = Period(datetime.now(analytics.LONDON).date() - timedelta(days=DEFAULT_DAYS - 1),
                                datetime.now(analytics.LONDON).date())
                summaries.conversations(period.since, period.until)
            except (OperationalError, ProgrammingError):
                pass
        threading.Thread(target=warm, name="staff-read-ahead", daemon=True).start()

    def conversations_in(period: Period) -> list[analytics.Conversation]:
        """The period's conversations; each conversation's events are read once, then only again
        when it has new ones (bot/staff/summaries.py)."""
        try:
            return summaries.conversations(period.since, period.until)
        except (OperationalError, ProgrammingError):  # no conversations stored yet
            logger.warning("Could not read the conversations database", exc_info=True)
            return []

    def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        active = request.state.session
        context.update(staff=active.staff if active else None, csrf_token=active.csrf_token if active else "")
        return templates.TemplateResponse(request, template, context, status_code=status_code)

    def set_cookie(response: Response, token: str) -> None:
        response.set_cookie(cookie_name, token, httponly=True, secure=secure, samesite="strict", path="/")

    def require_csrf(request: Request, submitted: str) -> None:
        if not accounts.csrf_ok(request.state.session, submitted):
            raise HTTPException(403, "This form has expired. Go back, reload the page and try again.")

    @app.middleware("http")
    async def sign_in_required(request: Request, call_next):  # type: ignore[no-untyped-def]
        active = accounts.find_session(staff_db, request.cookies.get(cookie_name))
        request.state.session = active
        if request.url.path not in PUBLIC_PATHS and (active is None or active.staff is None):
            if request.method in ("GET", "HEAD"):
                response: Response = RedirectResponse("/login", status_code=303)
            else:
                response = JSONResponse({"error": "Please sign in."}, status_code=401)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if not hasattr(request.state, "session"):
            request.state.session = None
        return render(request, "error.html", status_code=error.status_code, message=error.detail)

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    def ready() -> JSONResponse:  # not async: the checks block, so they run in a worker thread
        """The staff accounts database and the conversations (tracker store) can be reached."""
        return run_checks({"staff_database": database_reachable(staff_db), "tracker_store": database_reachable(tracker)})

    @app.get("/static/staff.css")
    async def stylesheet() -> FileResponse:
        return FileResponse(HERE / "static" / "staff.css", media_type="text/css")

    # --- Signing in and out ------------------------------------------------------------------

    @app.get("/login")
    async def login_page(request: Request) -> Response:
        active = request.state.session
        if active and active.staff:
            return RedirectResponse("/", status_code=303)
        if active is None:
            active = accounts.start_pre_login(staff_db)
            request.state.session = active
        response = render(request, "login.html")
        set_cookie(response, active.token)
        return response

    @app.post("/login")
    async def login(request: Request, name: str = Form(""), password: str = Form(""), csrf_token: str = Form("")) -> Response:
        active = request.state.session
        if active is None or not accounts.csrf_ok(active, csrf_token):
            active = accounts.start_pre_login(staff_db)
            request.state.session = active
            response = render(request, "login.html", status_code=403, error="The page had expired. Please try again.")
            set_cookie(response, active.token)
            return response
        staff = accounts.authenticate(staff_db, name, password)
        if staff is None:
            return render(request, "login.html", status_code=401, typed_name=name[:64], error=(
                "Those details did not work. Check your name and password. After "
                f"{accounts.MAX_FAILURES} wrong tries, sign-in is blocked for {accounts.LOCKOUT_SECONDS // 60} minutes."
            ))
        new = accounts.start_session(staff_db, staff, replaces=active.token)
        redirect = RedirectResponse("/", status_code=303)
        set_cookie(redirect, new.token)
        return redirect

    @app.post("/logout")
    async def logout(request: Request, csrf_token: str = Form("")) -> Response:
        require_csrf(request, csrf_token)
        accounts.end_session(staff_db, request.state.session.token)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(cookie_name, path="/", secure=secure, httponly=True, samesite="strict")
        return response

    # --- Pages -------------------------------------------------------------------------------

    @app.get("/")
    async def overview(request: Request) -> Response:
        period = period_from(request)
        items = conversations_in(period)
        tables = build_tables(items)
        total, with_crisis, _ = analytics.crisis_summary(items)
        outcomes = {key: sum(1 for c in items if c.outcome == key) for key in analytics.OUTCOMES}
        left, still_chatting = analytics.left_before_services(items)
        return render(
            request, "overview.html", period=period, count=len(items), crisis_total=total, crisis_conversations=with_crisis,
            outcome_counts=outcomes, left=left, still_chatting=still_chatting, charts=[(name, title, tables[name]()) for name, title in CHARTS.items()],
            crisis=tables["crisis"](), helpful=feedback.totals(items),
            helpful_tables=[(name, tables[name]()) for name in (*HELPFUL_TABLES, "contacted")],
        )

    @app.get("/plots/{name}.png")
    async def plot(request: Request, name: str) -> Response:
        if name not in CHARTS:
            raise HTTPException(404, "There is no such chart.")
        data = build_tables(conversations_in(period_from(request)))[name]()
        names = tuple(str(row[0]) for row in data.rows)
        values = tuple(int(row[-1]) for row in data.rows)
        return Response(chart_png(name, names, values), media_type="image/png")

    @app.get("/conversations")
    async def conversation_list(request: Request) -> Response:
        period, chosen = period_from(request), filters_from(request)
        items = conversations_in(period)
        gap = request.query_params.get("gap", "")
        if gap:
            report = gap_report(items, gap_decisions.current(staff_db))
            found = next((g for g in report.shown + report.dismissed if g.leader == gap), None)
            senders = set(found.conversations) if found else set()
            items = [c for c in items if c.sender_id in senders]
        shown = [c for c in items if analytics.matches(c, chosen)]
        options = {
            "area": sorted({c.area_label for c in items} | set(analytics.AREAS.values())),
            "concern": sorted({c.concern_label for c in items}),
            "dropped_at": sorted({c.dropped_at for c in items if c.dropped_at}),
        }
        return render(request, "conversations.html", period=period, filters=chosen, items=shown, gap=gap,
                      options=options, export_query=str(request.query_params))

    @app.get("/conversations/{sender_id}")
    async def conversation(request: Request, sender_id: str) -> Response:
        try:
            rows = load_conversation(tracker, sender_id)
        except (OperationalError, ProgrammingError):
            rows = []
        if not rows:
            raise HTTPException(404, "There is no conversation with that reference. It may have been deleted.")
        accounts.audit(staff_db, request.state.session.staff, "viewed transcript", sender_id)
        marked: dict[float, list[str]] = {}
        for status in ("pending", "approved"):
            for item in corrections.queue(staff_db, status, sender_id):
                marked.setdefault(item.message_at, []).append(f"{item.kind_label}: {item.value_label} ({status})")
        return render(request, "transcript.html", summary=analytics.summarise(rows),
                      steps=redacted_steps(analytics.transcript(rows)), marked=marked,
                      correction_kinds=corrections.KINDS, correction_values=CORRECTION_VALUES)

    @app.post("/corrections")
    async def mark_message(
        request: Request, csrf_token: str = Form(""), sender_id: str = Form(""), message_at: str = Form(""),
        kind: str = Form(""), value: str = Form(""),
    ) -> Response:
        require_csrf(request, csrf_token)
        staff = request.state.session.staff
        try:
            at = float(message_at)
            rows = load_conversation(tracker, sender_id)
        except (ValueError, OperationalError, ProgrammingError):
            rows = []
        step = next((s for s in analytics.transcript(rows) if s.kind == "user" and s.timestamp == at), None) if rows else None
        if step is None:
            raise HTTPException(404, "That message is no longer stored. It may have been deleted.")
        try:
            item = corrections.mark(staff_db, staff, sender_id, at, step.text, step.intent, step.confidence, kind, value)
        except corrections.CorrectionError as error:
            raise HTTPException(400, f"{error} Go back and try again.") from None
        accounts.audit(staff_db, staff, f"marked message ({item.kind})", sender_id)
        return RedirectResponse(f"/conversations/{quote(sender_id, safe='')}", status_code=303)

    @app.get("/review")
    async def review_queue(request: Request) -> Response:
        sections = [
            ("pending", "Waiting for review", corrections.queue(staff_db, "pending")),
            ("approved", "Approved (exported next time)", corrections.queue(staff_db, "approved")),
        ]
        return render(request, "review.html", sections=sections)

    @app.post("/corrections/{correction_id}/review")
    async def review_mark(request: Request, correction_id: str, csrf_token: str = Form(""), decision: str = Form("")) -> Response:
        require_csrf(request, csrf_token)  # before anything else, even a malformed id
        staff = request.state.session.staff
        if not staff.is_admin:
            raise HTTPException(403, "Only administrators can approve or reject marks.")
        if decision not in ("approve", "reject"):
            raise HTTPException(400, "Choose Approve or Reject.")
        if not correction_id.isdigit():
            raise HTTPException(404, "There is no such mark.")
        try:
            item = corrections.review(staff_db, staff, int(correction_id), decision == "approve")
        except corrections.CorrectionError as error:
            raise HTTPException(404, str(error)) from None
        accounts.audit(staff_db, staff, f"{decision}d mark {item.id} ({item.kind})", item.sender_id)
        return RedirectResponse("/review", status_code=303)

    @app.get("/gaps")
    async def content_gaps(request: Request) -> Response:
        period = period_from(request)
        items = conversations_in(period)
        return render(
            request, "gaps.html", period=period, report=gap_report(items, gap_decisions.current(staff_db)),
            no_local=analytics.no_local_searches(items), drop_offs=analytics.drop_offs(items),
        )

    @app.post("/gaps/decide")
    async def decide_gap(
        request: Request, csrf_token: str = Form(""), leader: str = Form(""), action: str = Form(""), into: str = Form(""),
        back: str = Form(""),
    ) -> Response:
        require_csrf(request, csrf_token)
        staff = request.state.session.staff
        try:
            gap_decisions.record(staff_db, staff, leader, action, into or None)
        except ValueError:
            raise HTTPException(400, "Choose a group to merge this one into, then try again.") from None
        what = {"dismiss": "dismissed gap", "merge": "merged gap", "restore": "restored gap"}[action]
        detail = f"{leader} -> {into}" if action == "merge" else leader
        accounts.audit(staff_db, staff, what, detail[:255])
        query = back if back.startswith("from=") else ""
        return RedirectResponse(f"/gaps?{query}#questions", status_code=303)

    @app.get("/export/{name}.csv")
    async def export(request: Request, name: str) -> Response:
        period = period_from(request)
        items = conversations_in(period)
        if name == "conversations":
            chosen = filters_from(request)
            items = [c for c in items if analytics.matches(c, chosen)]
        tables = build_tables(items, gap_decisions.current(staff_db))
        if name not in tables:
            raise HTTPException(404, "There is no such table.")
        data = tables[name]()
        filename = f"{name}-{period.start.isoformat()}-to-{period.end.isoformat()}.csv"
        return Response(
            to_csv(data.header, data.rows), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    @app.get("/audit")
    async def audit_page(request: Request) -> Response:
        if not request.state.session.staff.is_admin:
            raise HTTPException(403, "Only administrators can see the audit log.")
        return render(request, "audit.html", entries=accounts.audit_log(staff_db))

    return app
