"""Issue 14 in Debian's Chromium, with axe: the gaps page stays page-wide with a 5,000-character
paste, a lead marks a message "the bot got this wrong", an admin approves it, and
`python -m bot.staff export-training` writes it out redacted. The staff app runs under
uvicorn over hand-made conversations (no bot needed)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine

from bot.launcher import ROOT, free_port, stop, wait_for
from bot.staff import accounts
from bot.staff.events import insert_events
from tests.browser import ARTIFACTS, serious_accessibility_violations
from tests.staff_events import Chat, sample_events

pytestmark = [pytest.mark.browser]
PASSWORD = "a staff password for tests"
PERSONAL = "im Jodie Smith 07700 900123 and i want to end it all tonight"


@pytest.fixture(scope="module")
def staff(tmp_path_factory):
    folder = tmp_path_factory.mktemp("staff-review-app")
    tracker_url, staff_url = f"sqlite:///{folder / 'conversations.db'}", f"sqlite:///{folder / 'staff.db'}"
    now = time.time() - 2 * 60 * 60  # two hours ago: in the default period, and finished
    chats = [
        Chat("junk", now).user("hi", "greet").user("x" * 5000, "nlu_fallback", 0.1).user("asdfghjkl", "nlu_fallback", 0.1),
        Chat("polish", now + 5).user("Gdzie mogę znaleźć pomoc dla dziecka?", "nlu_fallback", 0.3),
        Chat("youth", now + 6).user("is there a youth club near me", "nlu_fallback", 0.3).user("any youth clubs near me?", "nlu_fallback", 0.3),
        Chat("misread", now + 7).user("hi", "greet").user("is there anything for dyslexia", "ask_clinical_advice", 0.93)
        .action("utter_no_clinical_advice").user("any help for dyslexic kids", "nlu_fallback", 0.3),
        Chat("missed", now + 8).user("hi", "greet").user(PERSONAL, "inform", 0.85).action("triage_form").ask("age"),
    ]
    insert_events(create_engine(tracker_url, future=True), sample_events() + [row for chat in chats for row in chat.rows])
    engine = accounts.staff_engine(staff_url)
    accounts.add_user(engine, "admin", PASSWORD, is_admin=True)
    accounts.add_user(engine, "lead", PASSWORD)
    port = free_port()
    env = {**os.environ, "STAFF_DATABASE_URL": staff_url, "STAFF_TRACKER_URL": tracker_url, "STAFF_COOKIE_SECURE": "false",
           "RASA_TELEMETRY_ENABLED": "false"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "bot.staff.app:create_app", "--host", "127.0.0.1", "--port", str(port), "--ws", "none"],
        cwd=ROOT, env=env, stdout=(folder / "staff.log").open("w"), stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process, timeout=120)
        yield {"url": f"http://127.0.0.1:{port}", "env": env, "folder": folder}
    finally:
        stop(process)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # axe is injected
    yield context.new_page()
    context.close()


def sign_in(page, url: str, name: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Overview", level=1).wait_for()


def test_the_gaps_page_stays_page_wide_and_lists_real_gaps_then_misreads(staff, page):
    sign_in(page, staff["url"], "lead")
    page.goto(staff["url"] + "/gaps")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    text = page.inner_text("main")
    assert text.index("is there a youth club near me") < text.index("is there anything for dyslexia") < text.index("Set apart")
    assert "Gdzie mogę znaleźć pomoc dla dziecka?" in text and "Unanswered questions in Polish" in text
    assert not page.locator("details.junk").first.evaluate("d => d.open")  # junk starts collapsed
    page.screenshot(path=str(ARTIFACTS / "staff-gaps-issue14.png"), full_page=True)
    assert serious_accessibility_violations(page) == []


def test_mark_approve_and_export(staff, page, browser):
    sign_in(page, staff["url"], "lead")
    page.goto(staff["url"] + "/conversations/missed")
    assert "Jodie" not in page.inner_text("main")
    page.get_by_text("The bot got this wrong").click()
    page.get_by_label("Should have escalated (risk)").check()
    page.get_by_label("Which one (intent, concern, place or kind of risk)").fill("suicidal")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Mark for review").click()
    page.get_by_text("Marked: Should have escalated (risk): Suicidal thoughts (pending)").wait_for()

    admin_context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    admin = admin_context.new_page()
    try:
        sign_in(admin, staff["url"], "admin")
        admin.goto(staff["url"] + "/review")
        assert "[name]" in admin.inner_text("main") and "Jodie" not in admin.inner_text("main")
        assert serious_accessibility_violations(admin) == []
        admin.get_by_role("button", name="Approve mark 1").click()
        admin.get_by_text("Approved (exported next time): 1").wait_for()
        admin.goto(staff["url"] + "/audit")
        audit = admin.inner_text("main")
        assert "marked message (risk)" in audit and "approved mark 1 (risk)" in audit
    finally:
        admin_context.close()

    out = staff["folder"] / "export"
    result = subprocess.run([sys.executable, "-m", "bot.staff", "export-training", "--output", str(out)], cwd=ROOT,
                            env=staff["env"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    exported = "".join((out / name).read_text() for name in ("nlu.yml", "test_stories.yml", "risk_corpus.jsonl"))
    assert "want to end it all tonight" in exported and "Jodie" not in exported and "900123" not in exported
    (line,) = (out / "risk_corpus.jsonl").read_text().splitlines()[1:]
    assert json.loads(line)["category"] == "suicidal"
