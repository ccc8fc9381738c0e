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
