"""The service card payload (actions/cards.py): actions, opening, reasons, parent wording, length."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from actions.cards import (
    CARD_TYPE,
    PARENT_PHRASES,
    card_reasons,
    contact_action,
    first_sentence,
    for_parent,
    next_opening,
    service_card,
)
from services_db.opening import LONDON
from services_db.query import SearchRequest, find_services
from services_db.seed import ContactRecord, load_service_records

MONDAY_NIGHT = datetime(2026, 3, 2, 23, 30, tzinfo=LONDON)  # a Monday
SERVICES = load_service_records()


def search(**request: object):
    return find_services(SERVICES, SearchRequest(**request), MONDAY_NIGHT).matches  # type: ignore[arg-type]


def visible_words(card: dict) -> int:
    """Words a card shows before "More about this service" is opened."""
    shown = [card["name"], card["summary"], "Who it's for:", card["who"], card["action"]["label"], card["reason"],
             card["opening"] or "", card["changed_note"] or "", "More about this service"]
    return sum(len(part.split()) for part in shown)


def phone(value: str, **extra: object) -> ContactRecord:
    fields = {"label": None, "hours": None, "open_24_7": False, "schedule": None, **extra}
    return ContactRecord(type="phone", value=value, **fields)  # type: ignore[arg-type]


def test_contacts_become_whole_tel_sms_and_web_links():
    assert contact_action(phone("0800 6444 101")) == {"kind": "call", "label": "Call 0800 6444 101", "href": "tel:08006444101"}
    text = ContactRecord("text", "85258", "Text SHOUT to 85258", None, True, None)
    assert contact_action(text) == {"kind": "text", "label": "Text SHOUT to 85258", "href": "sms:85258&body=SHOUT"}
    site = ContactRecord("website", "https://www.kooth.com", None, None, False, None)
    assert contact_action(site) == {"kind": "website", "label": "Open kooth.com", "href": "https://www.kooth.com"}


def test_a_closed_service_says_when_it_next_opens():
    weekdays = phone("0300 000 0000", schedule=[{"days": ["mon", "tue"], "opens": "09:30", "closes": "17:00"}])
    assert next_opening([weekdays], MONDAY_NIGHT) == "Opens tomorrow at 9:30am"
    assert next_opening([weekdays], datetime(2026, 3, 4, 8, 0, tzinfo=LONDON)) == "Opens Monday at 9:30am"
    assert next_opening([phone("0300 000 0000")], MONDAY_NIGHT) is None


@pytest.mark.parametrize("role", ["young_person", "parent_carer"])
@pytest.mark.parametrize(("area", "concern"), [("herts", "exam_stress"), ("leicester", "worry"), (None, "low_mood")])
def test_every_card_leads_with_an_action_and_stays_short(role, area, concern):
    matches = search(role=role, age_min=13, age_max=14, area_code=area, concern=concern)
    reasons = card_reasons(matches)
    assert len(set(reasons)) == len(reasons), reasons  # a reason that differs between cards
    for match, reason in zip(matches, reasons, strict=True):
        card = service_card(match, role, reason, MONDAY_NIGHT, replaces=1)
        assert card["type"] == CARD_TYPE and card["id"] == match.service.id
        assert card["action"]["label"] and (card["action"]["href"] or card["action"]["kind"] == "school")
        assert visible_words(card) <= 60, (card["name"], visible_words(card))


def test_a_parent_reads_about_their_child():
    matches = search(role="parent_carer", age_min=15, age_max=16, area_code="leicester", concern="worry")
    camhs = next(m for m in matches if m.service.id == "llr-camhs")
    card = service_card(camhs, "parent_carer", "It is in Leicester", MONDAY_NIGHT, replaces=1)
    assert "refer your child" in card["more"]["how"] and "your child's life" in card["more"]["description"]
    assert "refer you." not in card["more"]["how"]
    young = service_card(camhs, "young_person", "It is in Leicester", MONDAY_NIGHT, replaces=1)
    assert "refer you." in young["more"]["how"]


def test_each_parent_phrase_is_still_in_the_services_file():
    """A phrase nobody uses any more would be a rewording that silently stopped working."""
    texts = " ".join(f"{s.description} {s.access_note or ''}" for s in SERVICES)
    assert [young for young, _ in PARENT_PHRASES if young not in texts] == []
    assert for_parent("Ask your school's mental health lead") == "Ask your child's school's mental health lead"


def test_a_parent_phrase_is_replaced_as_whole_words_only():
    """A user trial (session 44): "You can refer yourself using the Teen Health 11-19 referral form"
    read "You can refer your childrself" to a parent."""
    said = for_parent("You can refer yourself using the Teen Health 11-19 referral form. A professional can refer you only if you agree.")
    assert said == ("Your child can refer themselves using the Teen Health 11-19 referral form. "
                    "A professional can refer your child only if they agree.")
    assert "childrself" not in " ".join(for_parent(f"{s.description} {s.access_note or ''}") for s in SERVICES)


def test_the_summary_is_one_sentence_cut_to_length():
    assert first_sentence("Free online counselling. You do not have to give your name.") == "Free online counselling."
    assert first_sentence("one two three four", max_words=2) == "one two…"


def test_online_as_a_reason_only_for_a_service_used_online_as_the_list_answer_says():
    """Phone trial (session 26): the school team's card said "You can use it online" (it has a
    website about it), and "is there something we can do online?" got "None of the services I
    showed you can be used online". Both now read online use the same way."""
    from actions.cards import _feature_reasons
    from actions.list_questions import _online_line

    for area, concern in [("herts", "low_mood"), ("essex_west", "low_mood"), ("leicester", "worry"), (None, "low_mood")]:
        for match in search(role="parent_carer", age_min=15, age_max=16, area_code=area, concern=concern):
            says_online = "you can use it online" in _feature_reasons(match)
            assert says_online == (_online_line(match.service) is not None), match.service.id


def test_the_changed_note_says_to_check_a_website_only_where_there_is_one():
    """A user trial (session 44): "check the website before you call" under School nurses and EWMHS,
    whose cards have no website."""
    from actions.cards import STALE_NOTE, STALE_NOTE_NO_WEBSITE, stale_note

    stale = [service for service in SERVICES if service.stale_risk == "high"]
    assert stale
    for service in stale:
        has_site = any(contact.type == "website" for contact in service.contacts)
        assert stale_note(service) == (STALE_NOTE if has_site else STALE_NOTE_NO_WEBSITE)
    assert any(not any(c.type == "website" for c in service.contacts) for service in stale)  # the case exists


def test_each_changed_note_is_its_responses_text():
    """The card's note and the text message that carries it say the same (domain.yml)."""
    import yaml

    from actions.cards import STALE_RESPONSES

    responses = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text(encoding="utf-8"))["responses"]
    assert {note: responses[name][0]["text"] for note, name in STALE_RESPONSES.items()} == {note: note for note in STALE_RESPONSES}
