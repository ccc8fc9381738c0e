"""The chat page's web app: passes messages to Rasa, answers kindly when Rasa is down."""
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app


def rasa_replying(messages):
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/webhooks/rest/webhook"
        body = json.loads(request.content)
        assert body["message"]
        return httpx.Response(200, json=messages)

    return httpx.MockTransport(handler)


def rasa_down():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    return httpx.MockTransport(handler)


@pytest.fixture
def client():
    return TestClient(create_app("http://rasa.test", transport=rasa_replying([{"text": "Hello"}])))


def test_the_chat_page_is_served_with_strict_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'role="log"' in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_message_is_passed_to_rasa_and_the_reply_returned(client):
    response = client.post("/api/message", json={"sender": "abcdefgh1234", "message": "hi"})
    assert response.json() == {"sender": "abcdefgh1234", "messages": [{"text": "Hello"}]}


def test_a_bad_sender_id_is_replaced(client):
    response = client.post("/api/message", json={"sender": "<script>", "message": "hi"})
    assert response.json()["sender"] != "<script>"


@pytest.mark.parametrize(
    ("body", "error"),
    [({"message": ""}, "Please type a message."), ({"message": "x" * 1001}, "too long")],
)
def test_bad_input_gets_a_clear_kind_reply(client, body, error):
    response = client.post("/api/message", json=body)
    assert response.status_code == 400
    assert error in response.json()["error"]


def test_a_body_that_is_not_json_gets_a_clear_reply(client):
    response = client.post("/api/message", content=b"not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_when_rasa_is_down_the_user_still_gets_the_urgent_numbers():
    client = TestClient(create_app("http://rasa.test", transport=rasa_down()))
    data = client.post("/api/message", json={"message": "hi"}).json()
    text = " ".join(message["text"] for message in data["messages"])
    assert data["degraded"] is True
    assert "999" in text and "0800 1111" in text and "85258" in text
