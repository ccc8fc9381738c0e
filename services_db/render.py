"""Plain-text views of search results for the command line (the bot renders its own)."""
from __future__ import annotations

from services_db.query import Match, SearchResult
from signposting.vocabulary import NATIONS


def describe_contact(contact) -> str:  # type: ignore[no-untyped-def]
    label = f" ({contact.label})" if contact.label else ""
    hours = f" - {contact.hours}" if contact.hours else ""
    return f"{contact.type}: {contact.value}{label}{hours}"


def describe_match(match: Match) -> str:
    service = match.service
    lines = [f"{service.name}  [{service.id}]  score {match.score:.0f}", f"  {service.description}"]
    if service.age_note:
        lines.append(f"  Ages: {service.age_note}")
    if service.access_note:
        lines.append(f"  How: {service.access_note}")
    lines += [f"  {describe_contact(contact)}" for contact in service.contacts]
    lines.append(f"  Why: {'; '.join(match.reasons)}")
    lines.append(f"  Source: {service.source_url} (verified {service.last_verified})")
    if service.stale_risk == "high":
        lines.append("  Note: details may have changed: check the website before you call.")
    return "\n".join(lines)


def describe_result(result: SearchResult) -> str:
    if result.nation:
        header = f"{NATIONS[result.nation]}: UK-wide services and its own NHS help (no local services)"
    elif result.local_found:
        header = f"Local services for {result.local_area}"
    else:
        header = "No local service fits: national services only"
    return "\n\n".join([header, *(describe_match(match) for match in result.matches)])
