"""nginx closes an idle kept-alive connection to a Rasa or action server before that server does.

Sanic (under Rasa and rasa_sdk) closes a connection idle for KEEP_ALIVE_TIMEOUT seconds. If
nginx keeps it longer, a request can go out on a connection the server is closing: nginx gets
"upstream prematurely closed connection" and, the request being a POST, does not retry it. The
user's turn fails, or the action call does and the user gets "I can't look up services right
now" (seen once in the scale-out test under load, 2026-12-02).
"""
from __future__ import annotations

import re
from pathlib import Path

from sanic.config import DEFAULT_CONFIG

from benchmarks.scale_stack import render_nginx

UPSTREAM = re.compile(r"^\s*upstream\s+(\w+)\s*\{(.*?)^\s*\}", re.M | re.S)


def upstreams(conf: str) -> dict[str, str]:
    return {name: body for name, body in UPSTREAM.findall(conf)}


def seconds(value: str) -> float:
    """An nginx time in the forms used here: 2s, 1500ms, 60 (seconds)."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s)?", value)
    assert match, f"not an nginx time: {value!r}"
    return float(match[1]) / (1000 if match[2] == "ms" else 1)


def test_every_kept_alive_upstream_lets_go_of_idle_connections_before_sanic_does(tmp_path: Path):
    conf = render_nginx(tmp_path, 8000, 8001, [5005, 5006], [5055, 5056]).read_text()
    kept_alive = {name: body for name, body in upstreams(conf).items() if re.search(r"^\s*keepalive\s+\d+;", body, re.M)}
    assert set(kept_alive) == {"rasa", "rasa_actions"}
    for name, body in kept_alive.items():
        timeout = re.search(r"^\s*keepalive_timeout\s+(\S+);", body, re.M)
        # nginx's default for an upstream is 60 s, far longer than Sanic's 5 s.
        assert timeout, f"upstream {name} keeps idle connections for nginx's default 60 s"
        assert seconds(timeout[1]) < DEFAULT_CONFIG["KEEP_ALIVE_TIMEOUT"], name


def test_the_upstreams_are_read_as_nginx_reads_them(tmp_path: Path):
    """The parser above finds what it checks (a check that cannot fail is no check)."""
    conf = "upstream a {\n  server x;\n  keepalive 8;\n}\nupstream b {\n  ip_hash;\n}\n"
    assert upstreams(conf) == {"a": "\n  server x;\n  keepalive 8;\n", "b": "\n  ip_hash;\n"}
    assert seconds("1500ms") == 1.5 and seconds("60") == 60
