"""End to end: personal details of every kind, typed as people write them, go through the real
web app, Rasa and action servers (each at its default log level) and the staff app, and are
found in none of the files they keep (the conversations database with its WAL, the staff
database, every server's log) nor in what staff read and export."""
from __future__ import annotations

import json
import re
import sqlite3
import urllib.request

import pytest
from fastapi.testclient import TestClient

from bot.staff import accounts
from bot.staff.app import create_app
from tests.test_conversations import Conversation

pytestmark = pytest.mark.servers

# What the user types → the raw details that must be stored nowhere.
PERSONAL = {
    "hi, it's Aisha Rahman here": ["Aisha", "Rahman"],
    "my name is Jamie Okafor": ["Okafor"],
    "thanks, Jess": ["Jess"],
    "my friend Tyrone Whitfield keeps saying he wants to kill himself": ["Tyrone", "Whitfield"],
    "my insta is @kacper.nowak_2011": ["kacper", "nowak_2011"],
    "add me on snap its ellie_b09": ["ellie_b09"],
    "my discord is shadowfox#4821": ["shadowfox"],
    "email me at zofia dot kowalska at gmail dot com": ["zofia", "kowalska"],
    "my email is jamie.okafor@example.com": ["jamie.okafor@example.com"],
    "my nhs number is 943 476 5919": ["943 476 5919", "9434765919"],
    "call me on 07700 900123": ["07700 900123", "07700900123"],
    "my dad's number is +48 512 345 678": ["512 345 678"],
    "this is my page instagram.com/maisie.b.2010": ["maisie.b.2010"],
    "I live at 12 Brook Road": ["Brook Road"],
    "born 03/04/2011": ["03/04/2011"],
    "I'm in 7JB": ["7JB"],
}
STAFF_PASSWORD = "correct horse battery"


def say_through_web_app(web_url: str, sender: str, text: str) -> dict:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(f"{web_url}api/message", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def _raw_values() -> list[str]:
    return [value for values in PERSONAL.values() for value in values] + ["SG1 2AB", "Ellie Brown"]


def _assert_nowhere(raw_values: list[str], label: str, blob: bytes) -> None:
    """In any case. Every value has a letter that is not a hex digit or 10 digits, so that
    conversation ids and timestamps cannot match by chance; long unbroken runs of letters and
    digits (password hashes, salts and tokens in base64) are left out: "7jb" turned up inside
    one by chance, 1 run in 2 (CI, 2026-12-01). A value typed in a message is never such a run."""
    lowered = re.sub(rb"[a-z0-9+/=_-]{24,}", b" ", blob.lower())
    for raw in raw_values:
        assert raw.lower().encode() not in lowered, f"{raw!r} found in {label}"


def test_no_personal_detail_is_kept_anywhere(bot, web_url, tmp_path):
    chat = Conversation(bot.rasa_url)
    chat.say("hi")
    for text in PERSONAL:  # as the widget sends them
        assert say_through_web_app(web_url, chat.sender, text)["messages"]
    # Those messages answered some questions and drew crisis replies (the friend's danger): a
    # fresh start makes the rest of the conversation the same whatever they did.
    chat.say("start again")
    chat.say("young person")
    chat.say("14")
    chat.say("I'm Ellie Brown in 9C at Hitchin Girls' School")
    assert "What has been going on" in chat.text("SG1 2AB")  # the full postcode still finds the area
    assert "Why I picked it" in chat.text("I can't sleep at night")

    with sqlite3.connect(bot.tracker_db) as connection:
        rows = connection.execute("select data from events where sender_id = ?", (chat.sender,)).fetchall()
    stored = "\n".join(row[0] for row in rows)
    # The conversation really is in the database, with what the triage and staff need.
    assert "I can't sleep at night" in stored and "SG1" in stored and "Hitchin Girls' School" in stored
    assert '"express_crisis"' in stored and '"risk"' in stored  # the friend's crisis message was caught

    # Staff read and export it (staff database of their own).
    staff_url = f"sqlite:///{tmp_path / 'staff.db'}"
    accounts.add_user(accounts.staff_engine(staff_url), "lead", STAFF_PASSWORD, is_admin=True)
    client = TestClient(create_app(staff_url, f"sqlite:///{bot.tracker_db}", cookie_secure=False))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"name": "lead", "password": STAFF_PASSWORD, "csrf_token": token})
    transcript = client.get(f"/conversations/{chat.sender}")
    assert transcript.status_code == 200 and "sleep at night" in transcript.text
    period = {"from": "2000-01-01", "to": "2100-01-01"}
    staff_views = [transcript.content] + [
        client.get(f"/export/{name}.csv", params=period).content for name in ("conversations", "gaps", "crisis")
    ] + [client.get("/gaps", params=period).content]

    files = {path.name: path.read_bytes() for path in bot.tracker_db.parent.glob("conversations.db*")}
    files.update({path.name: path.read_bytes() for path in tmp_path.glob("staff.db*")})
    files.update({path.name: path.read_bytes() for path in bot.tracker_db.parent.glob("*.log")})
    assert {"conversations.db", "staff.db", "rasa.log", "actions.log", "web.log"} <= set(files)
    for name, blob in files.items():
        _assert_nowhere(_raw_values(), name, blob)
    for number, blob in enumerate(staff_views):
        _assert_nowhere(_raw_values(), f"staff page or export {number}", blob)
