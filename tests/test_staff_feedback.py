"""Issue 14: "Did this help?" and "Did you manage to contact them?", counted for the staff
overview per service shown, area and concern (bot/staff/feedback.py), from tracker events
built by hand, and the same numbers on the overview page and in its CSVs."""
from __future__ import annotations

from bot.staff import analytics, feedback
from tests.staff_events import T0, Chat


def answered(chat: Chat, services: list[str], answer: str) -> Chat:
    return chat.slot("services_shown", services).action("action_listen").user("/feedback", "feedback", 1.0) \
        .action("action_record_feedback").slot("helpful", answer)


def sample_rows() -> list:
    chats = [
        # Stevenage (Hertfordshire), sleep: yes, two services shown.
        answered(Chat("yes-herts", T0).triage(), ["nat-childline", "nat-shout"], "yes")
        .slot("contact_followup", "consented"),
        # Manchester (elsewhere in England), worry: not really; tapped yes first, then changed their mind.
        answered(answered(Chat("no-national", T0 + 10).triage("parent_carer", 8, "skipped", ("Manchester", "national"), "worry"),
                          ["nat-childline"], "yes"), ["nat-childline"], "not_really").slot("contact_followup", "declined"),
        # Shown services, never answered: not counted.
        Chat("silent", T0 + 20).triage().slot("services_shown", ["nat-childline"]),
        # Came back later (a new session in the same conversation) and answered the follow-up.
        answered(Chat("came-back", T0 + 30).triage("young_person", 15, "skipped", ("Leicester", "leicester"), "sleep"),
                 ["nat-shout", "nat-shout"], "yes")
        .slot("contact_followup", "consented").action("action_session_start").slot("contact_followup", "due")
        .slot("contact_followup", "asked").slot("contacted", "not_yet"),
    ]
    return [row for chat in chats for row in chat.rows]


def sample() -> list[analytics.Conversation]:
    return analytics.conversations(sample_rows())


def rows(counts: list[feedback.HelpfulCount]) -> list[tuple[str, int, int]]:
    return [(row.label, row.yes, row.not_really) for row in counts]


def test_an_answer_counts_once_for_each_service_shown_with_names_not_ids():
    assert rows(feedback.by_service(sample())) == [("Childline", 1, 1), ("Shout 85258", 2, 0)]


def test_answers_by_area_and_concern_use_the_labels_staff_read():
    items = sample()
    assert rows(feedback.by_area(items)) == [("Elsewhere in England", 0, 1), ("Hertfordshire", 1, 0), ("Leicester", 1, 0)]
    assert rows(feedback.by_concern(items)) == [("Sleep", 2, 0), ("Worry or anxiety", 0, 1)]


def test_totals_count_each_conversation_s_last_answer_once():
    total = feedback.totals(sample())
    assert (total.yes, total.not_really, total.answered) == (2, 1, 3)


def test_contact_follow_up_counts_consents_and_answers():
    assert feedback.contacted(sample()) == [
        ("Said we could ask later", 2), ("Yes, they contacted a service", 0), ("Not yet", 1), ("Would rather not say", 0),
    ]


def test_nothing_answered_means_empty_tables():
    items = analytics.conversations(Chat("none", T0).triage().rows)
    assert feedback.by_service(items) == feedback.by_area(items) == feedback.by_concern(items) == []
    assert feedback.totals(items).answered == 0


def test_the_overview_and_its_csvs_show_the_counts(tmp_path):
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine

    from bot.staff import accounts
    from bot.staff.app import create_app
    from bot.staff.events import insert_events
    from tests.test_staff_app import PASSWORD, PERIOD, sign_in

    tracker_url, staff_url = f"sqlite:///{tmp_path / 'events.db'}", f"sqlite:///{tmp_path / 'staff.db'}"
    chat = answered(Chat("yes-herts", T0).triage(), ["nat-childline", "nat-shout"], "yes").slot("contact_followup", "consented")
    insert_events(create_engine(tracker_url, future=True), chat.rows)
    accounts.add_user(accounts.staff_engine(staff_url), "admin", PASSWORD, is_admin=True)
    client = TestClient(create_app(staff_url, tracker_url, cookie_secure=False), follow_redirects=False)
    sign_in(client)
    page = client.get("/", params=PERIOD).text
    assert "1 answered in this period:\n    <strong>1</strong> yes, <strong>0</strong> not really" in page
    assert '<th scope="row">Shout 85258</th><td>1</td><td>0</td>' in page
    assert '<th scope="row">Hertfordshire</th><td>1</td><td>0</td>' in page
    assert '<th scope="row">Said we could ask later</th><td>1</td>' in page
    assert "nat-shout" not in page and "helpful_yes" not in page  # no internal names
    csv = client.get("/export/helpful_concerns.csv", params=PERIOD).text
    assert csv.splitlines()[:2] == ["Concern,Yes,Not really", "Sleep,1,0"]
