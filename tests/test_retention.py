"""Old conversations are purged, one conversation can be deleted on request, stored events can be
redacted again and exported for review: on SQLite and on PostgreSQL (the production tracker store)."""
import json
import os
import subprocess
import sys
import time

import pytest
import yaml
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from bot.transcripts import delete_conversation, nlu_export, purge, redact_stored
from signposting.settings import PROJECT_ROOT
from tests.postgres import fresh_database

DAY = 24 * 60 * 60
EVENTS = SQLTrackerStore.SQLEvent.__table__


@pytest.fixture(scope="module")
def retention_postgres_url(postgres_url):
    return fresh_database(postgres_url, "retention_test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])  # test-fast: no PostgreSQL
def tracker_url(request, tmp_path):
    """An empty Rasa events table in a fresh SQLite file or in the PostgreSQL test database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'conversations.db'}"
    else:
        url = request.getfixturevalue("retention_postgres_url")
    engine = create_engine(url, future=True)
    EVENTS.drop(engine, checkfirst=True)
    EVENTS.create(engine)
    engine.dispose()
    return url


def add_events(url, rows):
    """rows: (sender_id, type_name, timestamp, intent_name, data dict)."""
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        connection.execute(insert(EVENTS), [
            {"sender_id": sender, "type_name": kind, "timestamp": stamp, "intent_name": intent, "data": json.dumps(data)}
            for sender, kind, stamp, intent, data in rows
        ])
    return engine


def senders(engine):
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(text("select distinct sender_id from events"))}


def test_purge_deletes_whole_conversations_older_than_the_retention(tracker_url):
    now = time.time()
    engine = add_events(tracker_url, [
        ("old", "user", now - 100 * DAY, None, {}), ("old", "user", now - 95 * DAY, None, {}),
        ("recent", "user", now - 100 * DAY, None, {}), ("recent", "user", now - DAY, None, {}),
    ])
    assert purge(engine, days=90, now=now) == 1
    assert senders(engine) == {"recent"}  # a conversation still going is kept whole
    assert purge(engine, days=90, now=now) == 0


def test_purge_deletes_many_conversations_in_batches(tracker_url):
    now = time.time()
    engine = add_events(tracker_url, [(f"c{n}", "user", now - 200 * DAY, None, {}) for n in range(1203)]
                        + [("kept", "user", now, None, {})])
    assert purge(engine, days=90, now=now) == 1203
    assert senders(engine) == {"kept"}


def test_delete_one_conversation(tracker_url):
    engine = add_events(tracker_url, [("a", "user", 1.0, None, {}), ("a", "user", 2.0, None, {}), ("b", "user", 3.0, None, {})])
    assert delete_conversation(engine, "a") == 2
    assert senders(engine) == {"b"}
    assert delete_conversation(engine, "nobody") == 0


def test_stored_conversations_can_be_redacted_again_with_todays_rules(tracker_url):
    """Conversations stored before a rule existed (here: raw text, as an old version kept it)."""
    user = {"event": "user", "timestamp": 1.0, "text": "its Aisha Rahman here, snap is ellie_b09",
            "parse_data": {"text": "its Aisha Rahman here, snap is ellie_b09", "intent": {"name": "greet"}}}
    slot = {"event": "slot", "timestamp": 2.0, "name": "services_shown", "value": ["nat-nhs111-mh"]}
    engine = add_events(tracker_url, [("a", "user", 1.0, "greet", user), ("a", "slot", 2.0, None, slot)])
    assert redact_stored(engine) == 1
    with engine.connect() as connection:
        stored = [json.loads(row[0]) for row in connection.execute(text("select data from events order by id"))]
    assert stored[0]["text"] == "its [name] here, snap is [username]"
    assert stored[0]["parse_data"]["intent"]["name"] == "greet"
    assert stored[1]["value"] == ["nat-nhs111-mh"]
    if tracker_url.startswith("sqlite:///"):  # the old text is not left in the file's free pages
        with open(tracker_url[len("sqlite:///"):], "rb") as stored_file:
            assert b"Rahman" not in stored_file.read()
    assert redact_stored(engine) == 0


def test_training_data_export_is_redacted_and_grouped_by_intent(tracker_url):
    engine = add_events(tracker_url, [
        ("a", "user", float(number), intent, {"event": "user", "text": message})
        for number, (message, intent) in enumerate([("my friend Jess Smith is sad", "concern"), ("/greet", "greet"),
                                                    ("is there a Kooth in Hitchin", "out_of_scope")])
    ])
    document = yaml.safe_load(nlu_export(engine))
    examples = {item["intent"]: item["examples"] for item in document["nlu"]}
    assert examples == {"concern": "- my friend [name] is sad\n", "out_of_scope": "- is there a Kooth in Hitchin\n"}


def test_the_purge_command_runs_against_the_configured_tracker_store(tracker_url):
    """deploy/README.md tells operators to run it on PostgreSQL: TRACKER_URL (or TRACKER_HOST...) picks the store."""
    now = time.time()
    add_events(tracker_url, [("old", "user", now - 400 * DAY, None, {}), ("new", "user", now, None, {})])
    environment = {**os.environ, "TRACKER_URL": tracker_url, "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run([sys.executable, "-m", "bot.transcripts", "purge", "--days", "365"], cwd=PROJECT_ROOT,
                            env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Deleted 1 conversations older than 365 days." in result.stdout
    assert senders(create_engine(tracker_url, future=True)) == {"new"}


def test_the_tracker_url_is_built_from_the_same_variables_as_rasas_endpoints(monkeypatch):
    from signposting import settings as settings_module

    for name, value in {"TRACKER_URL": "", "TRACKER_DIALECT": "postgresql", "TRACKER_HOST": "10.0.0.20",
                        "TRACKER_PORT": "5432", "TRACKER_DB": "conversations", "TRACKER_USER": "rasa",
                        "TRACKER_PASSWORD": "p@ss word"}.items():
        monkeypatch.setenv(name, value)
    url = make_url(settings_module.load_settings().tracker_url)
    assert (url.drivername, url.host, url.port, url.database, url.username, url.password) == (
        "postgresql", "10.0.0.20", 5432, "conversations", "rasa", "p@ss word")
    monkeypatch.setenv("TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("TRACKER_DB", "var/other.db")
    assert settings_module.load_settings().tracker_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'other.db'}"
