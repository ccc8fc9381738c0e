"""The chat page in real headless Chromium (Debian's package), against the real servers."""
from __future__ import annotations

import contextlib
import socket
import threading

import pytest

from bot.launcher import free_port, start_web_app, stop
from tests.browser import ARTIFACTS, serious_accessibility_violations

pytestmark = [pytest.mark.servers, pytest.mark.browser]


@pytest.fixture(scope="module")
def rasa_port(bot) -> int:
    return int(bot.rasa_url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def web_url(rasa_port, tmp_path_factory):
    url, process = start_web_app(rasa_port, tmp_path_factory.mktemp("web"))
    try:
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def embed_url(rasa_port, tmp_path_factory):
    """The example council page on one origin (localhost), the widget on another (127.0.0.1)."""
    url, process = start_web_app(rasa_port, tmp_path_factory.mktemp("embed"),
                                 ALLOWED_ORIGINS="http://localhost:{port}")
    try:
        yield url.replace("127.0.0.1", "localhost") + "embed-example"
    finally:
        stop(process)


@pytest.fixture(params=[(390, 844), (1280, 800)], ids=["phone", "desktop"])
def page(browser, request):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.size_name = request.node.callspec.id  # type: ignore[attr-defined]
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.size_name}.png"), full_page=True)


def test_a_whole_triage_by_clicking_buttons_ends_with_services(web_url, page):
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").click()
    page.get_by_role("button", name="13 to 14").click()
    assert page.get_by_role("button", name="I'm a parent or carer").is_disabled()  # old answers can't be pressed
    page.get_by_role("button", name="Skip").click()
    page.get_by_role("button", name="Hertfordshire").click()
    page.get_by_text("What has been going on?").wait_for()
    shot(page, "questions")
    page.get_by_role("button", name="Sleep", exact=True).click()
    page.locator(".wtgh-card").first.wait_for()  # service cards (tests/test_browser_results.py)
    shot(page, "services")
    links = page.eval_on_selector_all('a[href^="tel:"]', "links => links.map(a => [a.getAttribute('href'), a.textContent])")
    assert links
    for href, shown in links:  # every phone link is a whole number, exactly as shown
        digits = href[len("tel:"):]
        assert digits == shown.removeprefix("Call ").replace(" ", "")  # a card's button says "Call 0800 ..."
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


class SwitchableForward:
    """A loopback port that passes connections on to the Rasa server only while switched on:
    Rasa "down" and "back" in an instant, instead of waiting half a minute for a real restart
    (tests/test_chaos.py does that)."""

    def __init__(self, target_port: int):
        self.port, self.target_port = free_port(), target_port
        self.listener: socket.socket | None = None

    def up(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def down(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # switched off
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)


def test_a_crisis_typed_while_rasa_is_down_gets_the_urgent_numbers_then_the_crisis_reply_once_it_is_back(
    rasa_port, browser, tmp_path
):
    forward = SwitchableForward(rasa_port)  # switched off: the web app's Rasa is down
    url, process = start_web_app(forward.port, tmp_path)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(url)
        degraded = page.get_by_text("Sorry, I can't answer right now")
        degraded.wait_for()  # the widget's first "hi" met the outage
        numbers = page.get_by_text("If you are in danger now, call 999")
        assert "0800 1111" in numbers.inner_text() and "111" in numbers.inner_text()
        page.get_by_label("Your message").fill("I want to kill myself")
        page.keyboard.press("Enter")
        page.get_by_text("(not sent yet)").wait_for()
        page.get_by_text("Can't reach the chat right now").wait_for()
        page.get_by_role("button", name="Get help now").click()
        assert page.get_by_role("region", name="Urgent help").is_visible()
        page.screenshot(path=str(ARTIFACTS / "rasa-down-crisis-waiting.png"))
        forward.up()  # Rasa is back: the retry queue delivers both messages, in order
        page.get_by_text("Are you safe right now?").wait_for(timeout=60_000)
        assert page.get_by_text("Who is chatting today?").count() == 1
        assert page.get_by_text("Are you safe right now?").count() == 1  # answered once, not twice
        assert page.get_by_text("(not sent yet)").count() == 0
        assert degraded.count() == 1  # the outage was announced once, not at every retry
        log = page.locator("[data-log]").inner_text()
        assert log.index("Sorry, I can't answer") < log.index("I want to kill myself") < log.index("Are you safe")
    finally:
        context.close()
        forward.down()
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
    page.locator(".wtgh-card").first.wait_for()
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


def shadow_focus(page) -> str:
    """The label of what has the keyboard focus inside the widget ('' when outside it)."""
    return page.evaluate(
        "() => { const el = document.querySelector('where-to-get-help').shadowRoot.activeElement;"
        " return el ? (el.getAttribute('aria-label') || el.textContent || el.id).trim() : ''; }"
    )


def test_a_council_page_embeds_the_widget_from_another_origin(embed_url, browser):
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(embed_url)
        launcher = page.get_by_role("button", name="Chat: where to get help")
        assert not page.get_by_text("Who is chatting today?").is_visible()
        page.screenshot(path=str(ARTIFACTS / f"embed-closed-{width}.png"))
        launcher.click()
        assert shadow_focus(page) == "wtgh-message"  # focus goes into the chat
        page.get_by_role("button", name="I'm a young person").click()  # answered across origins (CORS)
        page.get_by_text("How old are you?").wait_for()
        page.screenshot(path=str(ARTIFACTS / f"embed-open-{width}.png"))
        page.keyboard.press("Escape")  # closes, and focus goes back to the button that opened it
        assert not page.get_by_text("How old are you?").is_visible()
        assert shadow_focus(page) == "Chat: where to get help"
        launcher.click()
        assert page.get_by_text("How old are you?").is_visible()  # the conversation is still there
        context.close()


@pytest.mark.parametrize(("width", "height"), [(320, 640), (640, 400)], ids=["320px", "desktop-at-200pc-zoom"])
def test_the_embedded_widget_passes_the_accessibility_scan_and_reflows(embed_url, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    page.goto(embed_url)
    page.get_by_role("button", name="Chat: where to get help").click()
    page.get_by_text("Who is chatting today?").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    box = page.locator(".wtgh-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] <= height
    assert page.get_by_label("Your message").is_visible() and page.get_by_role("button", name="Leave this site").is_visible()
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / f"embed-open-{width}x{height}.png"))
    context.close()


def test_quick_exit_from_the_embedded_widget(embed_url, page):
    prepare_exit(page)
    page.goto(embed_url)
    page.get_by_role("button", name="Chat: where to get help").click()
    page.get_by_text("Who is chatting today?").wait_for()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/weather**")
    page.go_back()  # the exit took the chat page's place in history: Back doesn't return to it
    assert "embed-example" not in page.url
    page.goto(embed_url)
    assert page.evaluate("window.__storedAtLoad") == 0


def test_a_message_typed_offline_waits_and_is_sent_once_when_back_online(web_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    context.set_offline(True)
    page.get_by_label("Your message").fill("I'm a young person")
    page.keyboard.press("Enter")
    page.get_by_text("(not sent yet)").wait_for()
    page.get_by_text("You're offline").wait_for()
    page.screenshot(path=str(ARTIFACTS / "offline-phone.png"))
    context.set_offline(False)
    page.get_by_text("How old are you?").wait_for()
    assert page.get_by_text("(not sent yet)").count() == 0
    assert page.get_by_text("How old are you?").count() == 1  # answered once, not twice
    context.close()


def test_a_message_still_waiting_survives_a_reload(web_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    page.route("**/api/message", lambda route: route.abort("connectionfailed"))  # the chat can't be reached
    page.get_by_role("button", name="I'm a parent or carer").click()
    page.get_by_text("(not sent yet)").wait_for()
    page.get_by_text("Can't reach the chat right now").wait_for()
    page.reload()
    page.get_by_text("(not sent yet)").wait_for()  # still there after a reload: nothing is lost
    page.unroute("**/api/message")
    page.get_by_text("How old is your child?").wait_for(timeout=45_000)  # the next retry delivers it
    assert page.get_by_text("How old is your child?").count() == 1
    assert page.locator(".wtgh-user", has_text="I'm a parent or carer").count() == 1
    context.close()


def test_high_contrast_is_kept_and_passes_the_scan(web_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    toggle = page.get_by_role("button", name="High contrast")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    page.get_by_text("Who is chatting today?").wait_for()
    assert page.get_by_role("button", name="High contrast").get_attribute("aria-pressed") == "true"
    background = page.locator(".wtgh-bot").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "high-contrast-desktop.png"), full_page=True)
    context.close()


def test_the_keyboard_reaches_every_control_and_is_never_trapped(web_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    page.locator("body").click(position={"x": 1, "y": 1})
    seen = []
    for _ in range(20):
        page.keyboard.press("Tab")
        seen.append(shadow_focus(page))
        if len(seen) > 1 and seen[-1] == "":
            break
    assert seen[:2] == ["Leave this site", "Get help now"]  # the way out first (issue #13)
    for control in ["I'm a young person", "wtgh-message", "Send", "Clear this chat", "High contrast"]:
        assert control in seen
    assert seen[-1] == "", "Tab from the last control must leave the chat"


def test_clear_this_chat_starts_a_new_conversation(web_url, page):
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").click()
    page.get_by_text("How old are you?").wait_for()
    sender = page.evaluate("JSON.parse(sessionStorage.getItem('wtgh-chat')).sender")
    page.get_by_role("button", name="Clear this chat").click()
    page.get_by_text("Who is chatting today?").wait_for()
    assert page.get_by_text("How old are you?").count() == 0
    assert page.evaluate("JSON.parse(sessionStorage.getItem('wtgh-chat')).sender") != sender
