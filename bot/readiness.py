"""Readiness: can this process do its job now? (`/readyz`; `/healthz` only says it is running.)

Each check is a name and a function that raises, or returns False, when the thing it needs is
not there. The answer names each check as ok or failing, never with the error's text: a
database URL or a path must not reach a monitoring dashboard.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.supervisor import answers

Check = Callable[[], object]


def run_checks(checks: Mapping[str, Check]) -> JSONResponse:
    """200 and "ready" when every check passes, else 503 naming the failing ones."""
    results = {}
    for name, check in checks.items():
        try:
            results[name] = "ok" if check() is not False else "failing"
        except Exception as error:  # noqa: BLE001 - any failure means not ready
            results[name] = f"failing ({error.__class__.__name__})"
    ready = all(result == "ok" for result in results.values())
    return JSONResponse({"status": "ready" if ready else "not ready", "checks": results}, status_code=200 if ready else 503)


def database_reachable(engine: Engine) -> Check:
    def check() -> None:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    return check


def rasa_model_loaded(rasa_url: str) -> Check:
    """The Rasa server answers at all only once its model is loaded (`rasa run` loads it before
    it starts listening). Not /status: that needs --enable-api, which we never turn on (it lets
    anyone read and change conversations), so on a real server it is always 404."""
    return lambda: answers(f"{rasa_url.rstrip('/')}/")


def any_rasa_model_loaded(rasa_urls: Sequence[str]) -> Check:
    """At least one of the Rasa servers has its model (the web app's relay passes over the others)."""
    checks = [rasa_model_loaded(url) for url in rasa_urls]
    return lambda: any(check() for check in checks)  # `answers` says False for a server that is down
