"""Issue #15, input hardening: whatever a person types, Rasa reads it as text (only the bot's own
buttons arrive as intents), and the web app's API answers every request without a 5xx, a stack
trace or silence. Real model, action server and web app (the session's `bot`)."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_conversations import Conversation
from tests.test_conversations_typed import slots, start

pytestmark = pytest.mark.servers

AGE_QUESTION = "How old are you?"


def post(web_url: str, body: bytes) -> tuple[int, str]:
    request = urllib.request.Request(f"{web_url}api/message", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


# A known intent with an entity that fills a slot in any message (role_hint → user_role): read
# as an intent, it would make the young person a professional.
TYPED_INTENT = '/greet{"role_hint": "professional"}'


def test_a_typed_intent_with_an_entity_does_not_set_a_slot(bot):  # noqa: F811
    chat = start(bot, "young person")
    reply = chat.text(TYPED_INTENT)
    assert reply and AGE_QUESTION in reply  # the question is asked again
    assert slots(bot, chat)["user_role"] == "young_person"


@pytest.mark.parametrize("typed", ["/session_start", "/action_listen", "/restart"])
def test_rasa_commands_typed_get_an_answer(bot, typed):  # noqa: F811
    chat = start(bot, "young person")
    reply = chat.text(typed)
    assert reply.strip(), f"{typed!r} got no reply"


def test_a_slash_before_a_crisis_message_still_gets_the_crisis_reply(bot):  # noqa: F811
    chat = start(bot, "young person")
    assert "Are you safe right now?" in chat.text("/i want to kill myself")


def test_the_buttons_own_intent_payloads_still_work(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    chat.say("I want to kill myself")
    assert "find support near you" in chat.text("/confirm_safe")


async def _socketio_replies(rasa_url: str, sender: str, messages: list[str]) -> list[str]:
    """Each message over Rasa's socket.io channel, and the bot's texts to it (until 3 s of quiet)."""
    import asyncio

    import socketio

    client = socketio.AsyncClient(reconnection=False)
    inbox: asyncio.Queue[dict] = asyncio.Queue()
    confirmed = asyncio.Event()
    client.on("bot_uttered", inbox.put)
    client.on("session_confirm", lambda *_: confirmed.set())
    await client.connect(rasa_url, transports=["websocket"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": sender})
        await asyncio.wait_for(confirmed.wait(), 60)
        replies = []
        for message in messages:
            await client.emit("user_uttered", {"message": message, "session_id": sender})
            texts = [(await asyncio.wait_for(inbox.get(), 60)).get("text") or ""]
            try:
                while True:
                    texts.append((await asyncio.wait_for(inbox.get(), 3)).get("text") or "")
            except asyncio.TimeoutError:
                pass
            replies.append("\n".join(texts))
        return replies
    finally:
        await client.disconnect()


def test_the_socketio_channel_reads_a_typed_intent_as_words(bot):  # noqa: F811
    import asyncio

    chat = Conversation(bot.rasa_url)  # only for its sender id and the slots() helper
    replies = asyncio.run(_socketio_replies(bot.rasa_url, chat.sender, ["hi", "young person", TYPED_INTENT]))
    assert AGE_QUESTION in replies[1] and AGE_QUESTION in replies[2]
    assert slots(bot, chat)["user_role"] == "young_person"


_SLASHED = st.sampled_from(["/restart", "/session_start", '/inform{"area": "x"}', "/", "/greet", "/nlu_fallback",
                            '/feedback{"feedback_answer": "x"}', "/stop{", "/ yes"])
_MESSAGES = st.one_of(_SLASHED, st.text(min_size=1, max_size=300), st.from_regex(r"\A/[a-z_{}\":, 0-9]{0,40}\Z"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=_MESSAGES)
def test_fuzz_typed_messages_through_the_web_app(web_url, message):
    """Any text: a reply or a kind refusal (400), never a 5xx, a stack trace or silence."""
    status, body = post(web_url, json.dumps({"sender": uuid.uuid4().hex, "message": message}).encode())
    assert status in (200, 400), (status, body)
    assert "Traceback" not in body
    answer = json.loads(body)
    if status == 200:
        assert any((m.get("text") or "").strip() for m in answer["messages"]), f"silence for {message!r}"
    else:
        assert answer["error"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["sender", "message", "message_id", "retry", "x"]), inner, max_size=5),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(_JSON.map(lambda value: json.dumps(value).encode()), st.binary(max_size=200)))
def test_fuzz_request_bodies(web_url, body):
    status, text = post(web_url, body)
    assert status < 500, (status, text)
    assert "Traceback" not in text
    assert json.loads(text)
