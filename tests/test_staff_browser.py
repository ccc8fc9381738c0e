"""Staff review end to end: real conversations through the real bot (`bot.staff.seed`), then the
staff app in Debian's Chromium: sign-in, lock-out, overview, a transcript, the gaps page, a CSV.
The bot is started once, only for the seeding; the database file is then searched for the raw
personal details typed into the chats."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.launcher import ROOT, free_port, running_bot, stop, wait_for
from bot.staff import accounts
from bot.staff.seed import CONVERSATIONS, INJECTION, JUNK, MISREADS, MORE_JUNK, PERSONAL_DETAILS, seed
from tests.browser import ARTIFACTS, serious_accessibility_violations

pytestmark = [pytest.mark.servers, pytest.mark.browser]
PASSWORD = "a staff password for tests"
SEEDING = {}


@pytest.fixture(scope="module")
def tracker_db(seeded_engine, tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("staff-logs")
    with running_bot(str(seeded_engine.url), log_dir) as bot:
        started = time.monotonic()
        SEEDING["senders"] = seed(bot.rasa_url)
        SEEDING["seconds"] = time.monotonic() - started
    print(f"\nseeded {len(CONVERSATIONS)} conversations in {SEEDING['seconds']:.1f} s")
    return bot.tracker_db


@pytest.fixture(scope="module")
def staff_url(tracker_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("staff-app")
    staff_database_url = f"sqlite:///{folder / 'staff.db'}"
    engine = accounts.staff_engine(staff_database_url)
    accounts.add_user(engine, "admin", PASSWORD, is_admin=True)
    accounts.add_user(engine, "lockme", PASSWORD)
    port = free_port()
    env = {**os.environ, "STAFF_DATABASE_URL": staff_database_url, "STAFF_TRACKER_URL": f"sqlite:///{tracker_db}",
           "STAFF_COOKIE_SECURE": "false", "BOT_HOST": "127.0.0.1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "bot.staff.app:create_app", "--host", "127.0.0.1", "--port", str(port), "--ws", "none"],
        cwd=ROOT, env=env, stdout=(folder / "staff.log").open("w"), stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process, timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture
def page(browser):
    # CSP bypassed: axe-core is injected as a script, and escaping must hold without the CSP's help.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"staff-{name}.png"), full_page=True)


def follow(page, target) -> None:
    """Click a link or button that loads a page, and wait until that page has loaded.

    A count read straight after a bare click can see the old page, or the new one half parsed
    (the gaps table had no rows yet in a CI run, 2026-12-02)."""
    with page.expect_navigation():
        target.click()


def sign_in(page, staff_url: str, name: str = "admin", password: str = PASSWORD) -> None:
    page.goto(staff_url + "/")
    assert page.url == staff_url + "/login"
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(password)
    follow(page, page.get_by_role("button", name="Sign in"))


def test_the_real_conversations_are_stored_without_the_personal_details_typed(tracker_db):
    stored = b"".join(path.read_bytes() for path in tracker_db.parent.glob("conversations.db*"))
    assert b"I can't sleep at night" in stored and b"is there a youth club near me" in stored
    for raw in PERSONAL_DETAILS:
        assert raw.encode() not in stored, raw


def test_sign_in_then_the_overview_with_charts_and_tables(staff_url, page):
    sign_in(page, staff_url)
    page.get_by_role("heading", name="Overview", level=1).wait_for()
    page.wait_for_load_state("load")
    assert page.get_by_text(f"{len(CONVERSATIONS)} conversations", exact=False).first.is_visible()
    images = page.eval_on_selector_all("figure img", "imgs => imgs.map(i => [i.alt, i.complete && i.naturalWidth])")
    assert len(images) == 6 and all(width > 100 and alt.startswith("Bar chart") for alt, width in images)
    funnel = page.locator("table", has=page.get_by_text("How far people got", exact=True))
    assert funnel.locator("tr", has_text="Started a conversation").locator("td").inner_text() == str(len(CONVERSATIONS))
    shot(page, "overview")
    assert serious_accessibility_violations(page) == []
    assert page.dialogs == []


def test_five_wrong_passwords_lock_the_account(staff_url, page):
    for _ in range(accounts.MAX_FAILURES):
        sign_in(page, staff_url, "lockme", "not the password")
        page.get_by_text("Those details did not work").wait_for()
    sign_in(page, staff_url, "lockme", PASSWORD)
    page.get_by_text("Those details did not work").wait_for()
    assert page.url == staff_url + "/login"
    shot(page, "locked")
    assert serious_accessibility_violations(page) == []


def test_a_transcript_shows_the_path_intents_and_crisis_flags_and_is_audited(staff_url, page):
    sign_in(page, staff_url)
    follow(page, page.get_by_role("link", name="Conversations", exact=True))
    page.get_by_label("Only with a crisis reply").check()
    follow(page, page.get_by_role("button", name="Show"))
    assert serious_accessibility_violations(page) == []  # the list with its filters
    follow(page, page.get_by_role("link", name="Read"))
    page.get_by_role("heading", name="Transcript").wait_for()
    shot(page, "transcript")
    steps = page.locator("ol.transcript > li")
    assert steps.filter(has_text="They wrote: i want to kill myself").filter(has_text="Crisis words: Suicidal thoughts").count() == 1
    assert steps.filter(has_text="Understood as Crisis (100% sure)").count() == 1
    assert steps.filter(has_text="Recorded who is chatting: Young person").count() >= 1
    assert steps.filter(has_text="Question: Age").count() >= 1
    assert serious_accessibility_violations(page) == []
    reference = page.locator("p code").first.inner_text()
    follow(page, page.get_by_role("link", name="Audit log", exact=True))
    assert page.locator("tr", has_text=reference).locator("td").first.inner_text() == "admin"
    assert serious_accessibility_violations(page) == []


def test_the_gaps_page_groups_questions_and_links_to_their_transcripts(staff_url, page):
    sign_in(page, staff_url)
    follow(page, page.get_by_role("link", name="Content gaps", exact=True))
    questions = page.locator("table", has=page.get_by_text("Unanswered questions in English", exact=False))
    youth = questions.locator("tbody tr").filter(has=page.locator("th", has_text="youth club"))  # not the merge menus
    expect(youth).to_have_count(1)
    expect(youth.locator("td").first).to_have_text("3")  # three wordings, one row
    nolocal = page.locator("table", has=page.get_by_text("Searches with no local service, by area", exact=False))
    assert nolocal.locator("tbody tr", has_text="Elsewhere in England").count() == 2
    shot(page, "gaps")
    assert serious_accessibility_violations(page) == []
    follow(page, youth.get_by_role("link"))
    expect(page.get_by_role("link", name="Read")).to_have_count(2)
    follow(page, page.get_by_role("link", name="Read").last)
    steps = page.locator("ol.transcript > li")
    assert steps.filter(has_text="They wrote: is there a youth club near me").filter(has_text=re.compile(r"Understood as (Not understood|Not something we cover)")).count() == 1


def test_on_the_seed_the_gaps_page_shows_real_gaps_then_misreads_with_the_noise_set_apart(staff_url, page):
    """Issue 14's "done when", on conversations through the real bot: junk, misreads and real gaps."""
    sign_in(page, staff_url)
    page.goto(f"{staff_url}/gaps")
    text = page.inner_text("main")
    misreads, set_apart = text.index("Likely misreads"), text.index("Set apart")
    assert text.index("is there a youth club near me") < misreads  # the real gaps come first
    # Then the misreads, with the intent the bot chose. Whether a seeded request counts as a
    # misread depends on how the trained model reads it (a confident wrong intent, then "no"),
    # and that varies between trainings: at least one must sit here. One the model did not misread
    # ("how do i get a passport", not understood in a clean-clone training) is a real gap instead.
    shown = [message for message in MISREADS if message in text[misreads:set_apart]]
    assert shown, "no seeded misread is listed: the seed needs requests this model misreads"
    for message in set(MISREADS) - set(shown):
        # Not lost: among the real gaps, never in the noise set apart. A training may also read it
        # as something the bot answers ("how do i get a passport" read as asking for help and
        # greeted, session 24's clean clone): then it is no gap at all, and not listed.
        assert message not in text[set_apart:], message
        if message in text:
            assert text.index(message) < misreads, message
    misread_rows = page.locator("table", has=page.get_by_text("Likely misreads, most confident first"))
    read_as = misread_rows.locator("tr", has_text=shown[0]).locator("td").first.inner_text()
    assert read_as and "_" not in read_as  # the intent the bot chose, in words
    page.locator("details.junk summary").first.wait_for()
    noise = (*JUNK[:2], *MORE_JUNK[:2], INJECTION)  # two of each kind: a training may read one as an intent
    for message in noise:  # noise only in the collapsed group at the bottom
        assert message not in text[:set_apart], message
    groups = page.locator("details.junk")  # one collapsed group per kind of noise
    assert groups.count() >= 3 and not any(groups.evaluate_all("ds => ds.map(d => d.open)"))
    for index in range(groups.count()):
        groups.nth(index).locator("summary").click()
    opened = page.inner_text("main")
    noise_shown = [message for message in noise if message in opened]
    assert noise_shown, "no seeded noise is listed at all"
    for message in noise_shown:  # (one the model reads as a confident intent is not a gap at all)
        assert opened.index(message) > opened.index("Set apart"), message
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # the long paste is wrapped
    shot(page, "gaps-seeded-issue14")
    assert serious_accessibility_violations(page) == []


def test_the_overview_counts_did_this_help(staff_url, page):
    sign_in(page, staff_url)
    page.get_by_role("heading", name="Did this help?").wait_for()
    assert "1 answered in this period: 1 yes, 0 not really" in " ".join(page.inner_text("main").split())
    areas = page.locator("table", has=page.get_by_text("Did this help? By area", exact=True))
    assert areas.locator("tr", has_text="Hertfordshire").locator("td").all_inner_texts() == ["1", "0"]


def test_script_typed_into_the_chat_is_shown_as_text_and_never_runs(staff_url, page):
    sign_in(page, staff_url)
    page.get_by_role("heading", name="Overview", level=1).wait_for()
    injected = SEEDING["senders"][[c[0] for c in CONVERSATIONS].index(INJECTION)]
    page.goto(f"{staff_url}/conversations/{injected}")
    page.get_by_text(INJECTION).wait_for()
    page.get_by_text("<img src=x onerror=alert(1)>").wait_for()
    shot(page, "injection")
    assert page.dialogs == []
    assert page.evaluate("document.scripts.length + document.images.length") == 0


def test_a_table_downloads_as_csv(staff_url, page):
    sign_in(page, staff_url)
    follow(page, page.get_by_role("link", name="Content gaps", exact=True))
    with page.expect_download() as download:
        page.get_by_role("link", name="Download searches with no local service (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["Area", "Concern", "Age band", "Conversations"]
    assert ["Elsewhere in England", "worry or anxiety", "Under 11", "1"] in rows
