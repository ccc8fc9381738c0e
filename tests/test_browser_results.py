"""Issue #13 in real headless Chromium: results as cards people can act on, keep and share;
a quick exit that fires only when meant; help always in reach; touch and small screens."""
from __future__ import annotations

import io
import json
import uuid
from datetime import timedelta

import pytest
import segno

from bot.launcher import start_web_app, stop
from bot.web.share import LINK_DAYS, ShareLinks
from services_db.opening import london_now
from tests.browser import ARTIFACTS, serious_accessibility_violations

pytestmark = [pytest.mark.servers, pytest.mark.browser]


@pytest.fixture(scope="module")
def rasa_port(bot) -> int:
    return int(bot.rasa_url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def share_db(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('share') / 'share.db'}"


@pytest.fixture(scope="module")
def web_url(rasa_port, seeded_engine, share_db, tmp_path_factory):
    url, process = start_web_app(rasa_port, tmp_path_factory.mktemp("web"), SHARE_DATABASE_URL=share_db,
                                 SERVICES_DATABASE_URL=str(seeded_engine.url))
    try:
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def embed_url(rasa_port, tmp_path_factory):
    url, process = start_web_app(rasa_port, tmp_path_factory.mktemp("embed"), ALLOWED_ORIGINS="http://localhost:{port}")
    try:
        yield url.replace("127.0.0.1", "localhost") + "embed-example"
    finally:
        stop(process)


def new_page(browser, width: int, height: int, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True, **options)
    return context, context.new_page()


def say(page, text: str, then: str) -> None:
    """Type a message as a person does, and wait for the reply `then`."""
    page.get_by_label("Your message").fill(text)
    page.keyboard.press("Enter")
    page.get_by_text(then).first.wait_for()


def young_person_in_watford(page, web_url) -> None:
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").click()
    page.get_by_text("How old are you?").wait_for()
    say(page, "13", "Which school or college do you go to?")
    say(page, "skip", "Where do you live?")
    say(page, "Watford", "What has been going on?")
    say(page, "stressed about exams", "What would you like to do next?")


def shadow_focus(page) -> str:
    return page.evaluate(
        "() => { const el = document.querySelector('where-to-get-help').shadowRoot.activeElement;"
        " return el ? (el.getAttribute('aria-label') || el.textContent || el.id).trim() : ''; }"
    )


# --- Quick exit -------------------------------------------------------------------------
NEUTRAL = "<!doctype html><title>Weather</title><p>Weather forecast</p>"


def prepare_exit(page) -> None:
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL))


def test_quick_exit_never_fires_on_shift_tab_or_typed_capitals_but_does_on_three_quick_shifts(web_url, browser):
    context, page = new_page(browser, 1280, 800)
    prepare_exit(page)
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    page.get_by_label("Your message").focus()
    for _ in range(3):  # a keyboard user moving back
        page.keyboard.press("Shift+Tab")
    page.get_by_label("Your message").focus()
    for char in "I Live In LE2":  # Shift held for each capital, as a person types
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.type(char)
    for _ in range(3):  # Shift three times, but slowly
        page.keyboard.press("Shift")
        page.wait_for_timeout(600)
    page.wait_for_timeout(500)
    assert page.url == web_url
    assert page.get_by_label("Your message").input_value() == "I Live In LE2"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/weather**")
    context.close()


def test_leave_this_site_is_the_first_thing_the_keyboard_reaches(web_url, browser):
    context, page = new_page(browser, 390, 844)
    page.goto(web_url)
    page.get_by_text("Who is chatting today?").wait_for()
    page.keyboard.press("Tab")
    assert shadow_focus(page) == "Leave this site"
    context.close()


# --- Service cards ------------------------------------------------------------------------
CARD_FACTS = """() => {
  const root = document.querySelector('where-to-get-help').shadowRoot;
  return Array.from(root.querySelectorAll('.wtgh-card')).map(card => ({
    heading: card.querySelector('h2') && card.querySelector('h2').textContent,
    words: card.innerText.split(/\\s+/).filter(Boolean).length,
    action: card.querySelector('.wtgh-card-action').textContent,
    href: card.querySelector('a.wtgh-card-action') && card.querySelector('a.wtgh-card-action').getAttribute('href'),
    reason: card.querySelector('.wtgh-card-why').textContent,
    top: card.getBoundingClientRect().top,
  }));
}"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_results_are_short_cards_with_an_action_and_the_view_starts_at_the_first(web_url, browser, width, height):
    context, page = new_page(browser, width, height)
    young_person_in_watford(page, web_url)
    page.wait_for_timeout(300)
    cards = page.evaluate(CARD_FACTS)
    assert len(cards) >= 2
    names = [card["heading"] for card in cards]
    for name in names:
        assert page.get_by_role("heading", name=name).count() >= 1
    assert all(card["words"] <= 60 for card in cards), [(c["heading"], c["words"]) for c in cards]
    assert len({card["reason"] for card in cards}) == len(cards)  # a reason that differs
    assert {"tel:08006444101"} <= {card["href"] for card in cards}  # Call, as a real link
    assert page.get_by_text("Why I picked it").count() == 0  # the plain-text version is not shown too
    sticky = page.locator("[data-sticky]").bounding_box()
    assert sticky["y"] + sticky["height"] - 1 <= cards[0]["top"] <= height / 3  # first card at the top, not under the header
    log = page.locator("[data-log]").inner_text()
    assert log.index(names[-1]) < log.index("What would you like to do next?")  # next steps follow the last card
    assert serious_accessibility_violations(page) == []
    page.locator(".wtgh-card summary").first.click()
    assert page.locator(".wtgh-card .nhsuk-details__text").first.is_visible()
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / f"results-cards-{width}.png"))
    context.close()


def test_a_parent_reads_cards_about_their_child(web_url, browser):
    context, page = new_page(browser, 390, 844)
    page.goto(web_url)
    page.get_by_role("button", name="I'm a parent or carer").click()
    page.get_by_text("How old is your child?").wait_for()
    say(page, "15", "Which school or college does your child go to?")
    say(page, "skip", "Where does your child live?")
    say(page, "Leicester", "What are you worried about?")
    say(page, "worry", "What would you like to do next?")
    text = page.locator("[data-log]").evaluate("log => log.textContent")
    assert "your child" in text
    for young_wording in ["refer you.", "Ask your school's"]:
        at = text.find(young_wording)
        assert at < 0, text[max(0, at - 300):at + 30]
    context.close()


# --- Taking the list away -------------------------------------------------------------------
VISIBLE_TEXT = """() => {
  const root = document.querySelector('where-to-get-help').shadowRoot;
  return Array.from(root.querySelectorAll('h1, h2, p, li, button, a, .wtgh-msg')).filter(el => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }).map(el => el.textContent.trim()).join('\\n');
}"""


def test_save_or_print_shows_only_the_list_and_the_urgent_numbers_under_a_neutral_title(web_url, browser):
    context, page = new_page(browser, 390, 844)
    page.add_init_script("window.print = () => { window.dispatchEvent(new Event('beforeprint')); window.__printed = true; };")
    young_person_in_watford(page, web_url)
    names = [card["heading"] for card in page.evaluate(CARD_FACTS)]
    page.get_by_role("button", name="Save or print this list").click()
    assert page.evaluate("window.__printed") is True
    assert page.title() == "Saved list"
    page.emulate_media(media="print")
    printed = page.evaluate(VISIBLE_TEXT)
    for name in names:
        assert name in printed
    assert "0800 1111" in printed and "999" in printed  # the urgent numbers
    for chat_only in ["Who is chatting today?", "stressed about exams", "Send", "More options", "Leave this site"]:
        assert chat_only not in printed
    page.pdf(path=str(ARTIFACTS / "results-print.pdf"))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.title() != "Saved list"
    context.close()


def test_copy_list_puts_the_services_and_urgent_numbers_on_the_clipboard(web_url, browser):
    context, page = new_page(browser, 1280, 800, permissions=["clipboard-read", "clipboard-write"])
    young_person_in_watford(page, web_url)
    names = [card["heading"] for card in page.evaluate(CARD_FACTS)]
    page.get_by_role("button", name="Copy list").click()
    page.get_by_text("List copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert all(name in copied for name in names) and "0800 6444 101" in copied and "999" in copied
    context.close()


def test_a_link_and_its_qr_code_open_the_same_list_on_another_device(web_url, browser, share_db):
    context, page = new_page(browser, 390, 844)
    young_person_in_watford(page, web_url)
    names = [card["heading"] for card in page.evaluate(CARD_FACTS)]
    page.get_by_role("button", name="Get a link to this list").click()
    page.get_by_text("It works for 7 days").wait_for()
    url = page.locator(".wtgh-share a").get_attribute("href")
    qr = page.locator(".wtgh-qr")
    qr.wait_for()
    assert page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=qr.element_handle())
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "results-share-390.png"))
    # The QR code is the link: the same code segno makes for that address.
    svg = page.evaluate("async src => (await fetch(src)).text()", qr.get_attribute("src"))
    expected = io.BytesIO()
    segno.make(url, error="m").save(expected, kind="svg", scale=5, border=2)
    assert svg == expected.getvalue().decode()

    other, phone = new_page(browser, 390, 844)  # another device: no sessionStorage, nothing shared
    phone.goto(url)
    assert phone.title() == "Saved list"
    shown = phone.locator("main").inner_text()
    assert [name for name in names if name not in shown] == []
    assert "0800 1111" in shown and phone.locator('a[href="tel:08006444101"]').count() >= 1
    assert serious_accessibility_violations(phone) == []
    phone.screenshot(path=str(ARTIFACTS / "shared-list-390.png"), full_page=True)

    token = url.rsplit("/", 1)[1]
    stored = ShareLinks.from_url(share_db)
    old = stored.create(("nat-childline",), None, london_now().date() - timedelta(days=LINK_DAYS + 1))
    phone.goto(url.replace(token, old.token))
    assert "This link has expired" in phone.locator("h1").inner_text()
    assert phone.locator('a[href="tel:999"]').count() == 1
    assert serious_accessibility_violations(phone) == []
    other.close()
    context.close()


# --- Help always in reach, touch, small screens -------------------------------------------------
def long_chat(messages: int) -> str:
    items = [{"from": "bot" if n % 2 else "user", "text": f"Message number {n}. " + "Some words to fill a line. " * 3}
             for n in range(messages)]
    return json.dumps({"sender": uuid.uuid4().hex, "items": items, "queue": [], "outage": False})


@pytest.mark.parametrize(("width", "height"), [(320, 640), (390, 844)], ids=["320px", "phone"])
def test_leave_and_get_help_stay_on_screen_after_20_messages_at_200_percent_text(web_url, browser, width, height):
    context, page = new_page(browser, width, height)
    page.add_init_script(f"sessionStorage.setItem('wtgh-chat', {json.dumps(long_chat(20))});")
    page.goto(web_url)
    page.add_style_tag(content="html { font-size: 200%; }")
    page.get_by_text("Message number 19.").wait_for()
    say(page, "i want to kill myself", "Are you safe right now?")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 0  # the page did scroll
    for name in ["Leave this site", "Get help now"]:
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, name
        hit = page.evaluate("([x, y]) => { const root = document.querySelector('where-to-get-help').shadowRoot;"
                            " const el = root.elementFromPoint(x, y); return el && el.textContent.trim(); }",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert hit == name  # on top, not covered
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("button", name="Get help now").click()
    assert page.get_by_role("region", name="Urgent help").is_visible()
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / f"long-chat-200pc-{width}.png"))
    context.close()


def test_on_a_touch_screen_a_quick_reply_leaves_the_keyboard_closed(web_url, browser):
    context, page = new_page(browser, 390, 844, has_touch=True, is_mobile=True)
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").tap()
    page.get_by_text("How old are you?").wait_for()
    assert shadow_focus(page) != "wtgh-message"
    context.close()
    context, page = new_page(browser, 1280, 800)
    page.goto(web_url)
    page.get_by_role("button", name="I'm a young person").click()
    page.get_by_text("How old are you?").wait_for()
    assert shadow_focus(page) == "wtgh-message"  # desktop: straight back to typing
    context.close()


def test_the_embedded_widget_is_compact_at_320_px_without_a_repeated_intro(embed_url, browser):
    context, page = new_page(browser, 320, 640)
    page.goto(embed_url)
    page.get_by_role("button", name="Chat: where to get help").click()
    page.get_by_text("Who is chatting today?").wait_for()
    header = page.locator(".wtgh-top").bounding_box()
    assert header["height"] <= 640 / 5, header
    close = page.get_by_role("button", name="Close chat").bounding_box()
    leave = page.get_by_role("button", name="Leave this site").bounding_box()
    assert close["height"] <= leave["height"] + 1  # "Close" on one line
    assert page.get_by_text("I'm a chatbot").count() == 1
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "embed-compact-320.png"))
    context.close()
