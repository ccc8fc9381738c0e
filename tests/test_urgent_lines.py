"""The urgent lines are written once (signposting/urgent_lines.py) and every place that shows
them says the same: the crisis footer in domain.yml, the reply when Rasa is down, the
widget's "Get help now" panel and copied text, the chat page without JavaScript, and the
saved list."""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from bot.web.app import UNAVAILABLE_REPLY, create_app
from bot.web.list_page import URGENT_HELP
from signposting.urgent_lines import FOOTER, NOSCRIPT, PLAIN_TEXT, URGENT_LINES, urgent_list_html

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT.parent / "shared" / "reference" / "services_facts.yaml"


def test_the_crisis_footer_in_the_domain_is_the_footer():
    """The default (England) variation; Wales, Scotland and Northern Ireland swap only the 111 sentence."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf8"))
    variants = domain["responses"]["utter_crisis_footer"]
    assert [v["text"] for v in variants if not v.get("condition")] == [FOOTER]
    first, *_, last = FOOTER.split(". ")
    for variant in variants:
        assert variant["text"].startswith(first) and variant["text"].endswith(last)


def test_the_reply_when_rasa_is_down_carries_the_footer():
    assert UNAVAILABLE_REPLY[-1]["text"] == FOOTER


def test_every_line_names_its_reference_record_and_the_record_has_that_number():
    assert FACTS.exists(), f"the reference data must sit beside the project: {FACTS}"
    records = {record["id"]: record for record in yaml.safe_load(FACTS.read_text(encoding="utf8"))["records"]}
    for line in URGENT_LINES:
        assert line.record in records, line.record
        digits = re.sub(r"\D", "", line.number)
        assert digits in re.sub(r"\D", "", yaml.safe_dump(records[line.record])), (line.record, line.number)
        assert digits in re.sub(r"\D", "", line.href)


def test_the_widget_and_the_chat_page_are_served_with_the_lines_filled_in():
    client = TestClient(create_app(rasa_url="http://127.0.0.1:9"))
    script = client.get("/static/widget.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "__URGENT" not in script.text
    for line in URGENT_LINES:
        assert escape(line.href) in script.text and line.number in script.text
    assert PLAIN_TEXT in script.text
    page = client.get("/")
    assert "{{NOSCRIPT}}" not in page.text and NOSCRIPT in page.text


def test_the_saved_list_shows_every_line():
    assert urgent_list_html(indent="  ") in URGENT_HELP
    for line in URGENT_LINES:
        assert f'href="{escape(line.href)}"' in URGENT_HELP
