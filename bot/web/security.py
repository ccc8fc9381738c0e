"""Security headers for the web app's responses, and which sites may embed the chat."""
from __future__ import annotations

from collections.abc import Iterable

BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
}


def content_security_policy(extra_origins: Iterable[str] = (), frame_ancestors: str = "'self'") -> str:
    """Only our own origin(s): no inline script, no third-party anything."""
    sources = " ".join(["'self'", *extra_origins])
    return (
        f"default-src 'self'; script-src {sources}; style-src {sources}; img-src 'self' data:; "
        f"connect-src {sources}; frame-ancestors {frame_ancestors}; base-uri 'none'; form-action 'self'; "
        "object-src 'none'"
    )


def page_headers(extra_origins: Iterable[str] = ()) -> dict[str, str]:
    return {**BASE_HEADERS, "Content-Security-Policy": content_security_policy(extra_origins), "X-Frame-Options": "SAMEORIGIN"}


def origin_allowed(origin: str | None, own_origin: str, allowed: Iterable[str]) -> bool:
    """Requests without an Origin header come from tools, not other sites' pages."""
    return origin is None or origin == own_origin or origin in set(allowed)
