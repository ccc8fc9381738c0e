"""The loop back into the bot: mark a message, approve it, export it as Rasa training data
(redacted), with every step in the audit log."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from bot.launcher import ROOT
from bot.staff import accounts, corrections
from bot.staff.app import create_app
from bot.staff.events import insert_events
from tests.cheap_passwords import cheap_password_hashes  # noqa: F401 - a fixture
from tests.staff_events import T0, Chat, sample_events

pytestmark = pytest.mark.usefixtures("cheap_password_hashes")

PASSWORD = "correct horse battery"
PERSONAL = "my name is Jodie Smith, ring 07700 900123, I live at 14 Elm Grove SG1 2AB and I want to end it"
RAW = ("Jodie", "Smith", "07700", "900123", "Elm Grove", "2AB")


@pytest.fixture
def staff_db(tmp_path):
    engine = accounts.staff_engine(f"sqlite:///{tmp_path / 'staff.db'}")
    return engine, accounts.add_user(engine, "admin", PASSWORD, is_admin=True), accounts.add_user(engine, "lead", PASSWORD)


def test_marks_are_redacted_queued_risk_first_and_only_admins_approve(staff_db):
    engine, admin, lead = staff_db
    first = corrections.mark(engine, lead, "s1", T0, "is there a youth club", "seek_help", 0.9, "intent", "out_of_scope")
    risk = corrections.mark(engine, lead, "s2", T0 + 1, PERSONAL, "greet", 0.8, "risk", "suicidal")
    assert not any(raw in risk.text for raw in RAW) and "end it" in risk.text
    assert [item.id for item in corrections.queue(engine)] == [risk.id, first.id]
    with pytest.raises(corrections.CorrectionError):
        corrections.review(engine, lead, first.id, approve=True)
    corrections.review(engine, admin, risk.id, approve=True)
    corrections.review(engine, admin, first.id, approve=False)
    assert [item.id for item in corrections.queue(engine, "approved")] == [risk.id]
    assert [item.id for item in corrections.queue(engine, "rejected")] == [first.id]


@pytest.mark.parametrize("kind, value", [("intent", "not_an_intent"), ("concern", "astrology"), ("place", "   "),
                                         ("risk", "made_up"), ("nonsense", "")])
def test_a_mark_needs_a_value_the_bot_knows(staff_db, kind, value):
    engine, _, lead = staff_db
    with pytest.raises(corrections.CorrectionError):
        corrections.mark(engine, lead, "s", T0, "text", "greet", 0.9, kind, value)


def approved_examples(engine, admin, lead):
    items = [
        corrections.mark(engine, lead, "a", T0, "can u email me the list", "seek_help", 0.91, "intent", "out_of_scope"),
        corrections.mark(engine, lead, "b", T0 + 1, "i keep throwing up after meals", "describe_concern", 0.9, "concern", "eating"),
        corrections.mark(engine, lead, "c", T0 + 2, "hitchin", "greet", 0.8, "place", "Hitchin"),
        corrections.mark(engine, lead, "d", T0 + 3, PERSONAL, "greet", 0.8, "risk", "suicidal"),
        corrections.mark(engine, lead, "e", T0 + 4, "chce umrzeć, nie mam siły dalej żyć", "inform", 0.9, "risk", ""),
    ]
    for item in items:
        corrections.review(engine, admin, item.id, approve=True)
    return corrections.queue(engine, "approved")


def test_the_export_is_redacted_rasa_training_data_and_risk_corpus_lines(staff_db):
    engine, admin, lead = staff_db
    approved = approved_examples(engine, admin, lead)
    nlu, stories, risk = corrections.nlu_yaml(approved), corrections.test_stories_yaml(approved), corrections.risk_corpus_jsonl(approved)
    for text in (nlu, stories, risk):
        assert not any(raw in text for raw in RAW)
    parsed = yaml.safe_load(nlu)
    examples = {block["intent"]: block["examples"] for block in parsed["nlu"]}
    assert examples["out_of_scope"] == "- can u email me the list\n"
    assert "i keep throwing up after meals" in examples["describe_concern"]
    assert "want to end it" in examples["express_crisis"]
    steps = [story["steps"][0] for story in yaml.safe_load(stories)["stories"]]
    assert {"user": "can u email me the list", "intent": "out_of_scope"} in steps
    header, *lines = [json.loads(line) for line in risk.splitlines()]
    assert header["provenance"] == "staff"
    assert [(line["label"], line["category"], line["lang"]) for line in lines] == [("risk", "suicidal", "en"), ("risk", "unspecified", "pl")]
    assert set(lines[0]) == {"id", "text", "label", "category", "reporter", "lang", "script"}

    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    training = RasaYAMLReader().reads(nlu)
    assert {message.get("intent") for message in training.intent_examples} == {"out_of_scope", "describe_concern", "inform", "express_crisis"}
    story_steps = YAMLStoryReader().read_from_string(stories)
    assert len(story_steps) == len(approved)


@pytest.mark.rasa  # runs `rasa data validate` (about 10 s of CPU): make test, not test-fast
def test_export_training_command_writes_files_that_rasa_data_validate_accepts(staff_db, tmp_path):
    engine, admin, lead = staff_db
    approved_examples(engine, admin, lead)
    out = tmp_path / "export"
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "STAFF_DATABASE_URL": str(engine.url)}
    command = [sys.executable, "-m", "bot.staff", "export-training", "--output", str(out)]
    exported = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert exported.returncode == 0, exported.stderr[-3000:]
    assert "Wrote 5 approved marks (2 should have escalated)" in exported.stdout
    assert {path.name for path in out.iterdir()} == {"nlu.yml", "test_stories.yml", "risk_corpus.jsonl"}
    data = tmp_path / "data"
    data.mkdir()
    (data / "nlu.yml").write_text((out / "nlu.yml").read_text())
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--domain", str(ROOT / "domain.yml"), "--config", str(ROOT / "config.yml"),
         "--data", str(ROOT / "data"), str(data)],  # with the project's own data, as the team would add it
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


# --- In the app -------------------------------------------------------------------------------

@pytest.fixture
def app_and_db(tmp_path):
    tracker_url, staff_url = f"sqlite:///{tmp_path / 'conversations.db'}", f"sqlite:///{tmp_path / 'staff.db'}"
    chat = Chat("pii", T0 + 5).user("hi", "greet").user(PERSONAL, "inform", 0.9).action("utter_ask_age")
    insert_events(create_engine(tracker_url, future=True), sample_events() + chat.rows)
    engine = accounts.staff_engine(staff_url)
    accounts.add_user(engine, "admin", PASSWORD, is_admin=True)
    accounts.add_user(engine, "lead", PASSWORD)
    return create_app(staff_url, tracker_url, cookie_secure=False), engine, chat


def signed_in(app, name):
    client = TestClient(app, follow_redirects=False)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token})
    return client


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_mark_on_a_transcript_then_an_admin_approves_and_it_is_all_audited(app_and_db):
    app, engine, chat = app_and_db
    lead = signed_in(app, "lead")
    page = lead.get("/conversations/pii").text
    assert "The bot got this wrong" in page
    at = re.findall(r'name="message_at" value="([^"]+)"', page)
    assert len(at) == 1  # the automatic "hi" cannot be marked
    response = lead.post("/corrections", data={"csrf_token": csrf(page), "sender_id": "pii", "message_at": at[0],
                                               "kind": "risk", "value": "suicidal"})
    assert response.status_code == 303
    assert "Marked: Should have escalated (risk): Suicidal thoughts (pending)" in lead.get("/conversations/pii").text
    queue = lead.get("/review").text
    assert "[name]" in queue and "Jodie" not in queue and "value=\"approve\"" not in queue  # only admins decide
    assert lead.post("/corrections/1/review", data={"csrf_token": csrf(queue), "decision": "approve"}).status_code == 403
    bad = lead.post("/corrections", data={"csrf_token": csrf(queue), "sender_id": "pii", "message_at": at[0], "kind": "intent",
                                          "value": "utter_greet"})
    assert bad.status_code == 400 and "Choose what the person meant" in bad.text

    admin = signed_in(app, "admin")
    queue = admin.get("/review").text
    assert admin.post("/corrections/1/review", data={"csrf_token": csrf(queue), "decision": "approve"}).status_code == 303
    assert [item.kind for item in corrections.queue(engine, "approved")] == ["risk"]
    actions = [entry.action for entry in accounts.audit_log(engine)]
    assert "marked message (risk)" in actions and "approved mark 1 (risk)" in actions


def test_a_mark_for_a_message_that_is_not_stored_is_refused(app_and_db):
    app, _, _ = app_and_db
    lead = signed_in(app, "lead")
    page = lead.get("/conversations/pii").text
    response = lead.post("/corrections", data={"csrf_token": csrf(page), "sender_id": "pii", "message_at": "12.5", "kind": "risk"})
    assert response.status_code == 404
    assert lead.post("/corrections", data={"csrf_token": "wrong", "sender_id": "pii", "message_at": "1", "kind": "risk"}).status_code == 403
