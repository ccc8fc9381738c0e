"""Screenshots of a results list at phone and desktop size, and how many words each screen shows.

    PYTHONPATH=. .venv/bin/python -m benchmarks.results_screens --label after

Starts the real action server, Rasa server and web app on free ports (the services database
is var/services.db, or SERVICES_DATABASE_URL), answers the triage as a 13-year-old in
Hertfordshire worried about exam stress would (typing the place and the worry), then, where
the chat leaves the view after the results:
- saves docs/screenshots/results-<label>-<width>.png (the viewport, what a person sees);
- prints the words visible in that screen, the words the whole results take, and how many
  screens of scrolling the results are (their height / the viewport height).
Figures, not a test: nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bot.launcher import ROOT, running_bot, start_web_app, stop
from signposting.settings import settings
from tests.browser import CHROMIUM_ARGS, chromium_path

SIZES = [(390, 844), (1280, 800)]
OUT = ROOT / "docs" / "screenshots"

# Words in text that is inside the viewport now and not covered (elements partly visible count in full;
# text in a closed <details> does not count).
VISIBLE_WORDS = """() => {
  const root = document.querySelector('where-to-get-help').shadowRoot;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let words = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('.nhsuk-u-visually-hidden') || el.closest('[hidden]')) { continue; }
    const details = el.closest('details');
    if (details && !details.open && !el.closest('summary')) { continue; }  // inside a closed "More about"
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') { continue; }
    const range = document.createRange(); range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) { continue; }
    // Covered (by the sticky header, say) where the text's first line is on screen: not seen.
    const x = Math.min(Math.max(r.left + 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + 4, 0), innerHeight - 1);
    const hit = root.elementFromPoint(x, y);
    if (hit && !el.contains(hit) && !hit.contains(el)) { continue; }
    words += node.textContent.split(/\\s+/).filter(Boolean).length;
  }
  return words;
}"""

# The results: everything the bot said after the user's last message (the worry), as shown:
# not "Bot said:" (for screen readers only), not the text in a closed "More about".
RESULTS = """() => {
  const log = document.querySelector('where-to-get-help').shadowRoot.querySelector('[data-log]');
  const users = log.querySelectorAll('.wtgh-user');
  const last = users[users.length - 1];
  let top = null, bottom = 0, words = 0;
  for (let el = last.nextElementSibling; el; el = el.nextElementSibling) {
    const r = el.getBoundingClientRect();
    top = top === null ? r.top : Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const details = parent.closest('details');
      if (parent.closest('.nhsuk-u-visually-hidden') || (details && !details.open && !parent.closest('summary'))) { continue; }
      words += node.textContent.split(/\\s+/).filter(Boolean).length;
    }
  }
  return {height: bottom - (top || 0), words: words};
}"""


def run(label: str, database_url: str) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    logs = Path(tempfile.mkdtemp(prefix="screens-"))
    with running_bot(database_url, logs) as bot:
        url, web = start_web_app(int(bot.rasa_url.rsplit(":", 1)[1]), logs)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
                for width, height in SIZES:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(url)
                    page.get_by_role("button", name="I'm a young person").click()
                    page.get_by_text("How old are you?").wait_for()
                    for typed, next_question in [("13", "Which school or college do you go to"), ("skip", "Where do you live?"),
                                                 ("Watford", "What has been going on?")]:
                        page.get_by_label("Your message").fill(typed)
                        page.keyboard.press("Enter")
                        page.get_by_text(next_question).first.wait_for()
                    page.get_by_label("Your message").fill("stressed about exams")
                    page.keyboard.press("Enter")
                    page.get_by_text("What would you like to do next?").wait_for()
                    page.wait_for_timeout(800)  # any scrolling settles
                    path = OUT / f"results-{label}-{width}.png"
                    page.screenshot(path=str(path))
                    visible = page.evaluate(VISIBLE_WORDS)
                    results = page.evaluate(RESULTS)
                    print(f"{label} {width}x{height}: {visible} words visible in the screen after the results; "
                          f"results {results['words']} words, {results['height'] / height:.1f} screens tall; "
                          f"{path.relative_to(ROOT)}")
                    page.close()
                browser.close()
        finally:
            stop(web)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True, help="before / after: part of the screenshot names")
    parser.add_argument("--database-url", default=settings.services_database_url)
    args = parser.parse_args()
    run(args.label, args.database_url)


if __name__ == "__main__":
    main()
