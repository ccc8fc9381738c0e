"""The page a share link opens: the saved services and the urgent numbers, nothing else.

Its title is neutral ("Saved list") and it never says "mental health" in the title, so a
printout or a tab left open does not tell anyone what the person was looking for. It
prints cleanly (list.css) and works without JavaScript; list.js only adds a Print button.
"""
from __future__ import annotations

from html import escape

from actions.cards import contact_action
from bot.web.share import LINK_DAYS, ShareLink
from services_db.seed import ServiceRecord
from signposting.urgent_lines import urgent_list_html
from signposting.vocabulary import AREA_CODES, NATIONS

URGENT_HELP = f"""
<section class="urgent" aria-labelledby="urgent-title">
  <h2 id="urgent-title">Urgent help</h2>
{urgent_list_html(indent="  ")}
</section>"""


def _page(body: str) -> str:
    return f"""<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <meta name="referrer" content="no-referrer">
  <title>Saved list</title>
  <link rel="stylesheet" href="/static/list.css">
  <script src="/static/list.js" defer></script>
</head>
<body>
<main>
{body}
</main>
</body>
</html>"""


def _day(when: object) -> str:
    return f"{when.day} {when:%B %Y}"  # type: ignore[attr-defined]


def _service(service: ServiceRecord) -> str:
    contacts = []
    for contact in service.contacts:
        action = contact_action(contact)
        label = f" ({escape(contact.label)})" if contact.label and contact.label not in action["label"] else ""
        hours = f" Open: {escape(contact.hours)}." if contact.hours else ""
        contacts.append(f'<li><a href="{escape(action["href"])}">{escape(action["label"])}</a>{label}.{hours}'
                        + (f" {escape(contact.value)}" if action["kind"] in ("website", "webchat") else "") + "</li>")
    how = f"<p>{escape(service.access_note)}</p>" if service.access_note else ""
    return f"""<section class="service">
  <h2>{escape(service.name)}</h2>
  <p>{escape(service.description)}</p>
  <p><strong>Who it's for:</strong> {escape(service.age_note or "All ages")}</p>
  {how}
  <ul class="contacts">{"".join(contacts)}</ul>
</section>"""


def list_html(link: ShareLink, services: list[ServiceRecord]) -> str:
    area = AREA_CODES.get(link.area_code or "") or NATIONS.get(link.area_code or "")
    heading = f"Places that can help in {escape(area)}" if area else "Places that can help"
    cards = "\n".join(_service(service) for service in services) or "<p>These services are no longer listed.</p>"
    return _page(f"""<h1>{heading}</h1>
<p class="saved">Saved on {_day(link.created_on)}. This link works until {_day(link.expires_on)}.
Details can change: check a service's website before you go.</p>
{cards}
{URGENT_HELP}
<section class="take-away" aria-labelledby="qr-title">
  <h2 id="qr-title">Open this list on another phone</h2>
  <img src="/list/{escape(link.token)}/qr.svg" alt="QR code that opens this list" width="180" height="180">
  <p>Scan the code with a phone's camera.</p>
</section>
<p class="again"><a href="/">Find other help</a></p>""")


def expired_html() -> str:
    return _page(f"""<h1>This link has expired</h1>
<p>Saved lists only last {LINK_DAYS} days, so nothing is kept for long. You can <a href="/">search again</a>:
it only takes a minute.</p>
{URGENT_HELP}""")
