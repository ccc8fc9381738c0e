"""Issue 14 in real headless Chromium on a 390 px phone screen: "Did this help?" sits on one
small line under the "what next" buttons, both usable; its buttons are reached and pressed
with the keyboard alone, and so is the consent question that follows."""
from __future__ import annotations

import pytest

from tests.browser import ARTIFACTS, serious_accessibility_violations
from tests.test_browser_results import (  # noqa: F401 - fixtures
    new_page,
    rasa_port,
    shadow_focus,
    share_db,
    web_url,
    young_person_in_watford,
)

pytestmark = [pytest.mark.servers, pytest.mark.browser]

BOXES = """() => {
  const root = document.querySelector('where-to-get-help').shadowRoot;
  const box = (node) => { const r = node.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  const rows = Array.from(root.querySelectorAll('.wtgh-feedback'));
  const groups = Array.from(root.querySelectorAll('.wtgh-choices'));
  const next = groups[groups.length - 1];
  return {
    feedback: rows.map(box), next: box(next), nextFollowedByFeedback: next.nextElementSibling === rows[rows.length - 1],
    nextEnabled: Array.from(next.querySelectorAll('button')).map(b => !b.disabled),
    feedbackEnabled: rows.map(row => Array.from(row.querySelectorAll('button')).map(b => !b.disabled)),
  };
}"""


def tab_back_to(page, name: str, limit: int = 8) -> None:
    """Shift+Tab from the message box until the keyboard focus is on the button `name`."""
    page.get_by_label("Your message").focus()
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if shadow_focus(page) == name:
            return
    raise AssertionError(f"the keyboard never reached {name!r}; last focus: {shadow_focus(page)!r}")


def test_did_this_help_fits_under_what_next_and_works_by_keyboard(web_url, browser):  # noqa: F811
    context, page = new_page(browser, 390, 844)
    young_person_in_watford(page, web_url)
    page.get_by_text("Did this help?").wait_for()
    boxes = page.evaluate(BOXES)
    assert boxes["nextFollowedByFeedback"]  # under the "what next" buttons, never above them
    assert all(boxes["nextEnabled"]) and boxes["feedbackEnabled"] == [[True, True]]  # both usable
    row = boxes["feedback"][0]
    assert row["right"] <= 390 and row["bottom"] - row["top"] <= 100  # one small line on a phone
    assert row["bottom"] - boxes["next"]["top"] <= 844 / 2  # "what next" and the question fit on one screen together
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "results-did-this-help-390.png"))

    tab_back_to(page, "Yes")
    page.keyboard.press("Enter")
    page.get_by_text("Can I ask later if you managed to contact them?").wait_for()
    assert page.get_by_text("Thank you for telling me.").count() == 1
    boxes = page.evaluate(BOXES)
    assert boxes["feedbackEnabled"] == [[False, False], [True, True]]  # the answered line is done
    assert all(boxes["nextEnabled"])  # "what next" is offered again, usable

    tab_back_to(page, "No")
    page.keyboard.press("Space")
    page.get_by_text("OK, I won't ask.").wait_for()
    assert page.evaluate(BOXES)["feedbackEnabled"] == [[False, False], [False, False]]
    assert serious_accessibility_violations(page) == []
    context.close()
