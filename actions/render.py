"""Turn search results into the values that fill the reviewed `utter_service_card` template."""
from __future__ import annotations

from services_db.query import Match
from services_db.seed import ContactRecord, ServiceRecord
from signposting.vocabulary import AREA_NAMES, NATIONAL, NATIONS

CONTACT_VERBS = {
    "phone": "Call",
    "text": "Text",
    "webchat": "Web chat:",
    "email": "Email",
    "website": "Website:",
}


def contact_line(contact: ContactRecord) -> str:
    if contact.type == "text" and contact.label and contact.value in contact.label:
        line = contact.label
    else:
        line = f"{CONTACT_VERBS[contact.type]} {contact.value}"
        if contact.label:
            line += f" ({contact.label})"
    if contact.hours:
        line += f". Open: {contact.hours}"
    return line


def who_line(match: Match) -> str:
    service = match.service
    areas = [AREA_NAMES[code] for code in service.areas if code != NATIONAL]
    if NATIONAL in service.areas:
        where = "anywhere in the UK" if set(NATIONS) <= set(service.areas) else "anywhere in England"
    else:
        where = "in " + _join(areas)
    line = f"{(service.age_note or 'All ages').rstrip('.')}, {where}"
    if service.specialist:
        line += f". {service.specialist.rstrip('.')}"
    return line


def how_line(match: Match) -> str:
    return how_to_get_help(match.service)


def how_to_get_help(service: ServiceRecord) -> str:
    return service.access_note or "Check their website to see how to get help."


def why_line(match: Match) -> str:
    reasons = list(match.reasons) or ["it fits what you told me"]
    return _join(reasons)


def card_values(match: Match) -> dict[str, str]:
    service = match.service
    return {
        "name": service.name,
        "description": service.description,
        "who": who_line(match),
        "how": how_line(match),
        "contacts": "\n".join(contact_line(contact) for contact in service.contacts),
        "why": why_line(match)[0].upper() + why_line(match)[1:],
    }


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
