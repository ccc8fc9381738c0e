"""Old conversations are purged, and one conversation can be deleted on request."""
import time

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import create_engine, text

from bot.transcripts import delete_conversation, purge

DAY = 24 * 60 * 60


def store_with(tmp_path, conversations):
    path = tmp_path / "conversations.db"
    store = SQLTrackerStore(dialect="sqlite", db=str(path))
    with store.session_scope() as session:
        for sender, timestamps in conversations.items():
            for stamp in timestamps:
                session.add(store.SQLEvent(sender_id=sender, type_name="user", timestamp=stamp, data="{}"))
        session.commit()
    return create_engine(f"sqlite:///{path}", future=True)


def senders(engine):
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(text("select distinct sender_id from events"))}


def test_purge_deletes_whole_conversations_older_than_the_retention(tmp_path):
    now = time.time()
    engine = store_with(tmp_path, {"old": [now - 100 * DAY, now - 95 * DAY], "recent": [now - 100 * DAY, now - DAY]})
    assert purge(engine, days=90, now=now) == 1
    assert senders(engine) == {"recent"}  # a conversation still going is kept whole


def test_delete_one_conversation(tmp_path):
    engine = store_with(tmp_path, {"a": [1.0, 2.0], "b": [3.0]})
    assert delete_conversation(engine, "a") == 2
    assert senders(engine) == {"b"}
    assert delete_conversation(engine, "nobody") == 0


def test_stored_conversations_can_be_redacted_again_with_todays_rules(tmp_path):
    """Conversations stored before a rule existed (here: raw text, as an old version kept it)."""
    import json

    from bot.transcripts import redact_stored

    path = tmp_path / "conversations.db"
    store = SQLTrackerStore(dialect="sqlite", db=str(path))
    user = {"event": "user", "timestamp": 1.0, "text": "its Aisha Rahman here, snap is ellie_b09",
            "parse_data": {"text": "its Aisha Rahman here, snap is ellie_b09", "intent": {"name": "greet"}}}
    slot = {"event": "slot", "timestamp": 2.0, "name": "services_shown", "value": ["nat-nhs111-mh"]}
    with store.session_scope() as session:
        for event in (user, slot):
            session.add(store.SQLEvent(sender_id="a", type_name=event["event"], timestamp=event["timestamp"],
                                       data=json.dumps(event)))
        session.commit()
    engine = create_engine(f"sqlite:///{path}", future=True)
    assert redact_stored(engine) == 1
    with engine.connect() as connection:
        stored = [json.loads(row[0]) for row in connection.execute(text("select data from events order by id"))]
    assert stored[0]["text"] == "its [name] here, snap is [username]"
    assert stored[0]["parse_data"]["intent"]["name"] == "greet"
    assert stored[1]["value"] == ["nat-nhs111-mh"]
    assert b"Rahman" not in path.read_bytes()
    assert redact_stored(engine) == 0


def test_training_data_export_is_redacted_and_grouped_by_intent(tmp_path):
    import json

    import yaml

    from bot.transcripts import nlu_export

    path = tmp_path / "conversations.db"
    store = SQLTrackerStore(dialect="sqlite", db=str(path))
    with store.session_scope() as session:
        for number, (message, intent) in enumerate([("my friend Jess Smith is sad", "concern"), ("/greet", "greet"),
                                                    ("is there a Kooth in Hitchin", "out_of_scope")]):
            session.add(store.SQLEvent(sender_id="a", type_name="user", timestamp=float(number), intent_name=intent,
                                       data=json.dumps({"event": "user", "text": message})))
        session.commit()
    exported = nlu_export(create_engine(f"sqlite:///{path}", future=True))
    document = yaml.safe_load(exported)
    examples = {item["intent"]: item["examples"] for item in document["nlu"]}
    assert examples == {"concern": "- my friend [name] is sad\n", "out_of_scope": "- is there a Kooth in Hitchin\n"}
