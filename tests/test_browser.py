"""The chat page in real headless Chromium (Debian's package), against the real servers."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import ROOT, free_port, running_bot, stop, wait_for

pytestmark = [pytest.mark.servers, pytest.mark.browser]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium is not installed: `make test` installs Debian's chromium package.")
    return path


def start_web_app(rasa_port: int, log_dir: Path) -> tuple[str, subprocess.Popen]:
    port = free_port()
    env = {**os.environ, "RASA_PORT": str(rasa_port), "WEB_PORT": str(port), "BOT_HOST": "127.0.0.1",
           "RASA_TELEMETRY_ENABLED": "false"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bot.web.app:app", "--host", "127.0.0.1", "--port", str(port), "--ws", "none"],
        cwd=ROOT, env=env, stdout=(log_dir / "web.log").open("w"), stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{port}/healthz", process, timeout=60)
    return f"http://127.0.0.1:{port}/", process


@pytest.fixture(scope="module")
def web_url(seeded_engine, tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("logs")
    with running_bot(str(seeded_engine.url), log_dir) as bot:
        url, process = start_web_app(int(bot.rasa_url.rsplit(":", 1)[1]), log_dir)
        try:
            yield url
        finally:
            stop(process)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(params=[(390, 844), (1280, 800)], ids=["phone", "desktop"])
def page(browser, request):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.size_name = request.node.callspec.id  # type: ignore[attr-defined]
    yield page
    context.close()


AXE = ROOT / "tests" / "browser_tools" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it (npm ci in tests/browser_tools).")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} - {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.size_name}.png"), full_page=True)


def test_a_whole_triage_by_clicking_buttons_ends_with_services(web_url, page):
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").click()
    page.get_by_role("button", name="13 to 14").click()
    page.get_by_role("button", name="Skip").click()
    page.get_by_role("button", name="Hertfordshire").click()
    page.get_by_text("What has been going on?").wait_for()
    shot(page, "questions")
    page.get_by_role("button", name="Sleep", exact=True).click()
    page.get_by_text("Why I picked it").first.wait_for()
    shot(page, "services")
    links = page.eval_on_selector_all('a[href^="tel:"]', "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    assert links
    for href, shown in links:  # every phone link is a whole number, exactly as shown
        digits = href[len("tel:"):]
        assert digits == shown.replace(" ", "")
        assert len(digits) in (10, 11) or digits in ("08001111", "116123", "999", "111"), href
    assert ["tel:08006444101", "0800 6444 101"] in links


def test_typing_a_crisis_message_mid_conversation_shows_the_crisis_reply(web_url, page):
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").click()
    page.get_by_text("How old are you?").wait_for()
    page.get_by_label("Your message").fill("i want to unalive myself")
    page.keyboard.press("Enter")
    page.get_by_text("Are you safe right now?").wait_for()
    assert page.get_by_role("button", name="Yes, safe right now").is_visible()
    assert page.locator('a[href="tel:08001111"]').count() > 0
    shot(page, "crisis")


def test_get_help_now_works_with_the_rasa_server_stopped(browser, tmp_path):
    url, process = start_web_app(free_port(), tmp_path)  # nothing listens on that Rasa port
    try:
        page = browser.new_page()
        page.goto(url)
        page.get_by_role("button", name="Get help now").click()
        panel = page.get_by_role("region", name="Urgent help")
        assert panel.is_visible()
        assert "0800 1111" in panel.inner_text() and "999" in panel.inner_text()
        page.get_by_text("Sorry, I can't answer right now").wait_for()  # the chat says so too
        page.screenshot(path=str(ARTIFACTS / "help-now-rasa-down.png"))
    finally:
        stop(process)


NEUTRAL = "<!doctype html><title>Weather</title><p>Weather forecast</p>"


def prepare_exit(page) -> None:
    """No internet here: the neutral page is served locally, and we note what our page
    had in sessionStorage when it loads, before its own script runs."""
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL))
    page.add_init_script("window.__storedAtLoad = (function(){ try { return sessionStorage.length; } catch (e) { return -1; } })();")


def assert_left_and_cleared(page, web_url) -> None:
    page.wait_for_url("https://www.bbc.co.uk/weather**")
    assert "Weather forecast" in page.content()
    page.goto(web_url)  # same tab: its sessionStorage is what the exit left behind
    assert page.evaluate("window.__storedAtLoad") == 0


def test_quick_exit_leaves_for_a_neutral_page_and_clears_the_chat(web_url, page):
    prepare_exit(page)
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    assert page.evaluate("sessionStorage.length") > 0
    page.get_by_role("button", name="Leave this site").click()
    assert_left_and_cleared(page, web_url)


def test_quick_exit_by_pressing_shift_three_times(web_url, page):
    prepare_exit(page)
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_and_cleared(page, web_url)


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_no_serious_accessibility_violations_in_the_main_states(web_url, browser, width):
    # Our CSP rightly blocks injected scripts: the scan's context bypasses it.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    states = {"start": serious_accessibility_violations(page)}
    page.get_by_role("button", name="Get help now").click()
    states["help open"] = serious_accessibility_violations(page)
    page.get_by_role("button", name="Get help now").click()
    for answer in ["I'm a young person", "15 to 16", "Skip", "Leicester"]:
        page.get_by_role("button", name=answer, exact=True).last.click()
    page.get_by_text("What has been going on?").wait_for()
    page.get_by_role("button", name="Worry or anxiety").click()
    page.get_by_text("Why I picked it").first.wait_for()
    states["services"] = serious_accessibility_violations(page)
    page.get_by_label("Your message").fill("i keep cutting myself")
    page.keyboard.press("Enter")
    page.get_by_text("Are you safe right now?").wait_for()
    states["crisis"] = serious_accessibility_violations(page)
    context.close()
    assert {state: found for state, found in states.items() if found} == {}


def test_the_page_works_at_320_px_wide(browser, web_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= 320")  # no sideways scrolling
    page.screenshot(path=str(ARTIFACTS / "start-320px.png"), full_page=True)
    context.close()
