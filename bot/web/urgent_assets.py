"""The chat page and the widget script with the urgent lines filled in from
signposting.urgent_lines, so the numbers people see are written in one place.

The files under static/ hold placeholders; the web app serves the filled-in copies at the
same addresses (/ and /static/widget.js), so embedding pages need no change.
"""
from __future__ import annotations

import json
from functools import cache
from html import escape
from pathlib import Path

from signposting.urgent_lines import NOSCRIPT, PLAIN_TEXT, urgent_list_html

STATIC_DIR = Path(__file__).resolve().parent / "static"



@cache
def widget_script() -> str:
    script = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    return (script.replace("__URGENT_LIST_HTML__", json.dumps(urgent_list_html()))
            .replace("__URGENT_TEXT__", json.dumps(PLAIN_TEXT)))


@cache
def chat_page() -> str:
    return (STATIC_DIR / "index.html").read_text(encoding="utf-8").replace("{{NOSCRIPT}}", escape(NOSCRIPT))
