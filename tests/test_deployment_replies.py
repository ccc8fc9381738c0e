"""Issue #16: what the bot says follows the deployment file: the crisis policy's local line
(rendered by the Rasa server's own templates), the nation's footer, and the action server's
areas. Servers over HTTP: tests/test_conversations_deployments.py."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions import triage_form
from bot.nlu import crisis_policy
from services_db.gazetteer import AreaResolution
from signposting.deployment import ELSEWHERE_LINE, load_deployment

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def deployed(monkeypatch):
    """Switch the deployment the way a process would see it at start."""

    def use(name: str) -> None:
        monkeypatch.setattr(crisis_policy, "settings", replace(crisis_policy.settings, deployment=load_deployment(name)))

    return use


def crisis_tracker(domain: Domain, *slots: SlotSet) -> DialogueStateTracker:
    parse = {"intent": {"name": "express_crisis", "confidence": 1.0}, "entities": [], "text": "i want to die",
             "risk": {"level": "crisis", "categories": ["suicidal"]}}
    events = [ActionExecuted("action_listen"), *slots, UserUttered("i want to die", parse["intent"], parse_data=parse)]
    return DialogueStateTracker.from_events("test", events, domain.slots)


def render(domain: Domain, tracker: DialogueStateTracker, response: str) -> str:
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    return asyncio.run(generator.generate(response, tracker, "rest"))["text"]


def crisis_local_reply(domain: Domain, *slots: SlotSet) -> str:
    """The first crisis step's events applied, as the Rasa server does, then utter_crisis_local rendered."""
    tracker = crisis_tracker(domain, *slots)
    action, events = crisis_policy.next_step(tracker)
    assert action == "utter_crisis"
    for event in events:
        tracker.update(event)
    return render(domain, tracker, "utter_crisis_local")


@pytest.mark.parametrize(
    ("deployment", "area", "expected"),
    [
        ("combined", "herts", "0800 6444 101"),
        ("combined", "rutland", "0808 800 3302"),
        ("herts-west-essex", "west_essex", "In West Essex, call 111 and choose the mental health option"),
        ("leicester-leicestershire-rutland", "leicester", "0808 800 3302"),
        ("leicester-leicestershire-rutland", "national", ELSEWHERE_LINE),
        ("national", "national", ELSEWHERE_LINE),
        ("national", "wales", "In Wales, call 111 and press 2"),
    ],
)
def test_the_crisis_reply_gives_the_deployment_line_for_the_users_area(domain, deployed, deployment, area, expected):
    deployed(deployment)
    reply = crisis_local_reply(domain, SlotSet("area_code", area))
    assert expected in reply and "None" not in reply


def test_before_the_area_is_known_the_deployment_lines_are_all_given(domain, deployed):
    deployed("herts-west-essex")
    reply = crisis_local_reply(domain)
    assert "0800 6444 101" in reply and "West Essex" in reply and "0808 800 3302" not in reply
    deployed("national")
    assert crisis_local_reply(domain) == ELSEWHERE_LINE


def test_a_user_who_would_rather_not_say_where_they_live_gets_every_local_line(domain, deployed):
    deployed("combined")
    reply = crisis_local_reply(domain, SlotSet("area", "not given"), SlotSet("area_code", "national"))
    assert "0800 6444 101" in reply and "0808 800 3302" in reply


def test_an_unset_slot_never_renders_as_none(domain):
    """If utter_crisis_local ever ran without the policy's slot (a rule, a story), it still reads well."""
    reply = render(domain, crisis_tracker(domain), "utter_crisis_local")
    assert reply == "If you tell me where you live, I can also find help near you."


def test_the_west_essex_user_who_said_where_they_live_gets_a_line_for_west_essex(domain, deployed):
    """Before issue #16 they got "If you tell me where you live..." although they had."""
    deployed("combined")
    reply = crisis_local_reply(domain, SlotSet("area", "Harlow"), SlotSet("area_code", "west_essex"))
    assert reply.startswith("In West Essex") and "where you live" not in reply


@pytest.mark.parametrize(
    ("nation", "line"),
    [("wales", "call 111 and press 2"), ("scotland", "in Scotland, call 111"), ("northern_ireland", "0808 808 8000")],
)
def test_the_crisis_footer_uses_the_nations_line(domain, nation, line):
    tracker = crisis_tracker(domain, SlotSet("area_group", nation))
    footer = render(domain, tracker, "utter_crisis_footer")
    assert line in footer and "choose the mental health option" not in footer
    assert "choose the mental health option" in render(domain, crisis_tracker(domain), "utter_crisis_footer")


@pytest.fixture
def actions_deployed(monkeypatch):
    def use(name: str) -> None:
        monkeypatch.setattr(triage_form, "settings", replace(triage_form.settings, deployment=load_deployment(name)))

    return use


def test_a_region_the_deployment_does_not_cover_is_outside_our_areas(actions_deployed):
    stevenage = AreaResolution("found", "herts", "Stevenage", how="name")
    actions_deployed("leicester-leicestershire-rutland")
    outside = triage_form.for_this_deployment(stevenage)
    assert outside.status == "outside" and outside.area_code == "national" and outside.place == "Stevenage"
    actions_deployed("herts-west-essex")
    assert triage_form.for_this_deployment(stevenage) == stevenage
    actions_deployed("national")
    assert triage_form.for_this_deployment(stevenage).status == "outside"
    cardiff = AreaResolution("found", "wales", "Cardiff", how="name")
    assert triage_form.for_this_deployment(cardiff) == cardiff  # the nations are never "outside"


def test_the_area_question_offers_the_deployments_areas(actions_deployed):
    actions_deployed("herts-west-essex")
    assert [b["title"] for b in triage_form.area_buttons()] == ["Hertfordshire", "West Essex", "Somewhere else"]
    assert triage_form.covered_areas() == "Hertfordshire and West Essex"
    actions_deployed("leicester-leicestershire-rutland")
    assert triage_form.covered_areas() == "Leicester, Leicestershire and Rutland"
    actions_deployed("national")
    assert [b["title"] for b in triage_form.area_buttons()] == ["Somewhere else"]


def test_the_area_templates_interpolate_what_the_action_server_passes(domain):
    tracker = crisis_tracker(domain)
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    asked = asyncio.run(generator.generate("utter_ask_area", tracker, "rest", postcode_examples="LE2 or LE15"))
    assert asked["text"].endswith("like LE2 or LE15.") and not asked.get("buttons")
    outside = asyncio.run(generator.generate("utter_area_outside", tracker, "rest", covered_areas="Rutland"))
    assert "(Rutland)" in outside["text"]


# --- the web app's branding and origins come from the deployment ---------------------------
def test_the_web_app_serves_the_deployments_branding(monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    from bot.web import app as web_app

    mine = tmp_path / "mine.yml"
    raw = (ROOT / "deployments" / "herts-west-essex.yml").read_text()
    mine.write_text(raw.replace("name: herts-west-essex", "name: mine").replace('primary_colour: "#005eb8"', 'primary_colour: "#330072"'))
    deployment = load_deployment(str(mine))
    monkeypatch.setattr(web_app, "settings", replace(web_app.settings, deployment=deployment))
    client = TestClient(web_app.create_app("http://rasa.test"))
    assert client.get("/branding.json").json() == {
        "service_name": "Where to get help in Hertfordshire and West Essex", "primary_colour": "#330072", "logo": None,
    }
    css = client.get("/branding.css")
    assert css.headers["content-type"].startswith("text/css") and ".wtgh-top, .wtgh-user { background: #330072; }" in css.text
    assert css.headers["cross-origin-resource-policy"] == "cross-origin"  # other sites' pages embed the widget
    assert "<title>Where to get help in Hertfordshire and West Essex - chat</title>" in client.get("/").text
    assert "/branding.css" in (ROOT / "bot" / "web" / "static" / "widget.js").read_text()


def test_the_privacy_page_gives_the_deployments_retention_and_contact(monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    from bot.web import app as web_app

    mine = tmp_path / "mine.yml"
    raw = (ROOT / "deployments" / "national.yml").read_text().replace("name: national", "name: mine")
    raw = raw.replace("retention_days: 90", "retention_days: 30")
    mine.write_text(raw.replace("privacy_contact: \"[The deploying organisation's Data Protection Officer: name, email and postal address]\"",
                                "privacy_contact: \"Email privacy@example.nhs.uk <or> write to us\""))
    monkeypatch.setattr(web_app, "settings", replace(web_app.settings, deployment=load_deployment(str(mine))))
    page = TestClient(web_app.create_app("http://rasa.test")).get("/privacy").text
    assert "after 30 days" in page and "privacy@example.nhs.uk &lt;or&gt; write to us" in page
    assert "/privacy" in (ROOT / "bot" / "web" / "static" / "widget.js").read_text()


def test_the_privacy_notice_points_to_the_deployment_files_privacy_contact():
    notice = (ROOT / "docs" / "privacy-notice.md").read_text()
    assert "privacy_contact" in notice and "retention_days" in notice
