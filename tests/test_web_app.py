"""The chat page's web app: passes messages to Rasa, answers kindly when Rasa is down."""
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.web.app import create_app
from bot.web.relay import server_for


def rasa_replying(messages, received=None):
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/webhooks/rest/webhook"
        body = json.loads(request.content)
        assert body["message"]
        if received is not None:
            received.append(body)
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
    assert '<where-to-get-help mode="page">' in response.text
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
    response = client.post("/api/message", json={"message": "hi"})
    assert response.status_code == 503  # the widget keeps the message and tries again
    data = response.json()
    text = " ".join(message["text"] for message in data["messages"])
    assert data["degraded"] is True
    assert "999" in text and "0800 1111" in text and "85258" in text


def test_a_retried_message_is_answered_once_with_the_same_reply():
    received = []
    client = TestClient(create_app("http://rasa.test", transport=rasa_replying([{"text": "Hello"}], received)))
    body = {"sender": "abcdefgh1234", "message": "hi", "message_id": "m1234567890"}
    first = client.post("/api/message", json=body).json()
    second = client.post("/api/message", json=body).json()
    assert first == second == {"sender": "abcdefgh1234", "messages": [{"text": "Hello"}]}
    assert len(received) == 1
    client.post("/api/message", json={**body, "message_id": "m0987654321"})
    assert len(received) == 2  # a new message id is a new message


def test_a_message_that_failed_goes_through_when_retried():
    attempts = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        if len(attempts) == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=[{"text": "Back again"}])

    client = TestClient(create_app("http://rasa.test", transport=httpx.MockTransport(flaky)))
    body = {"sender": "abcdefgh1234", "message": "hi", "message_id": "m1234567890"}
    assert client.post("/api/message", json=body).status_code == 503
    assert client.post("/api/message", json=body).json()["messages"] == [{"text": "Back again"}]


def test_after_a_failed_attempt_rasa_is_told_the_message_is_a_retry_with_its_id():
    """Rasa may have stored the turn before the attempt failed: it then replays instead of handling it twice."""
    received = []

    def killed_mid_turn_then_back(request: httpx.Request) -> httpx.Response:
        received.append(json.loads(request.content))
        if len(received) == 1:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return httpx.Response(200, json=[{"text": "Where do you live?"}])

    client = TestClient(create_app("http://rasa.test", transport=httpx.MockTransport(killed_mid_turn_then_back)))
    body = {"sender": "abcdefgh1234", "message": "14", "message_id": "m1234567890"}
    assert client.post("/api/message", json=body).status_code == 503
    assert client.post("/api/message", json=body).json()["messages"] == [{"text": "Where do you live?"}]
    assert received[0] == {"sender": "abcdefgh1234", "message": "14", "message_id": "m1234567890"}
    assert received[1] == {**received[0], "retry": True}
    client.post("/api/message", json={**body, "message_id": "m0987654321"})
    assert "retry" not in received[2]  # a new message is not a retry


def test_the_widget_can_say_a_message_is_a_retry():
    """Another web app (scale-out) may have had the first attempt: the widget's word is taken."""
    received = []
    client = TestClient(create_app("http://rasa.test", transport=rasa_replying([{"text": "Hello"}], received)))
    client.post("/api/message", json={"sender": "abcdefgh1234", "message": "hi", "message_id": "m1234567890", "retry": True})
    client.post("/api/message", json={"sender": "abcdefgh1234", "message": "hi", "message_id": "m2234567890", "retry": "yes"})
    assert received[0]["retry"] is True and "retry" not in received[1]


ALLOWED = ("https://www.example.gov.uk",)


@pytest.fixture
def embeddable():
    return TestClient(create_app("http://rasa.test", transport=rasa_replying([{"text": "Hello"}]),
                                 allowed_origins=ALLOWED, public_url="https://chat.example.nhs.uk"))


def test_a_site_in_allowed_origins_may_use_the_chat(embeddable):
    preflight = embeddable.options("/api/message", headers={
        "Origin": ALLOWED[0], "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ALLOWED[0]
    response = embeddable.post("/api/message", json={"message": "hi"}, headers={"Origin": ALLOWED[0]})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED[0]
    assert "access-control-allow-credentials" not in response.headers  # no cookies, ever


def test_any_other_site_is_refused(embeddable):
    preflight = embeddable.options("/api/message", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    response = embeddable.post("/api/message", json={"message": "hi"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "not allowed" in response.json()["error"]


def test_the_embed_example_loads_the_widget_from_the_public_address_only(embeddable):
    response = embeddable.get("/embed-example")
    assert '<script src="https://chat.example.nhs.uk/static/widget.js" defer>' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' https://chat.example.nhs.uk;" in policy and "unsafe-inline" not in policy
    assert embeddable.get("/static/widget.js").headers["cross-origin-resource-policy"] == "cross-origin"


def test_the_widget_stylesheet_makes_no_third_party_requests():
    from bot.web.app import STATIC_DIR

    for sheet in STATIC_DIR.glob("*.css"):
        css = sheet.read_text()
        assert "http://" not in css and "https://" not in css and "@font-face" not in css, sheet.name


def test_the_built_nhs_styles_match_the_pinned_nhsuk_frontend():
    """`make widget-styles` rebuilds the committed stylesheet; a version bump without it fails here."""
    from bot.web.app import STATIC_DIR

    package = json.loads((STATIC_DIR.parent / "frontend" / "package.json").read_text())
    built = (STATIC_DIR / "nhsuk-widget.css").read_text(encoding="utf-8-sig")
    assert f'--nhsuk-frontend-version: "{package["devDependencies"]["nhsuk-frontend"]}"' in built


# --- several Rasa servers (make run starts two): one conversation stays on one ------------

def servers_answering(down: set[str] = frozenset(), seen: list[str] | None = None):
    """Rasa servers rasa1.test, rasa2.test, ...: each says its name; those in `down` refuse connections."""
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host in down:
            raise httpx.ConnectError("connection refused", request=request)
        if seen is not None:
            seen.append(request.url.host)
        return httpx.Response(200, json=[{"text": f"from {request.url.host}"}])

    return httpx.MockTransport(handler)


SERVERS = ["http://rasa1.test", "http://rasa2.test"]


def say(client: TestClient, sender: str, text: str = "hi") -> dict:
    return client.post("/api/message", json={"sender": sender, "message": text}).json()


def test_each_conversation_stays_on_one_server_and_both_are_used():
    seen: list[str] = []
    client = TestClient(create_app(SERVERS, transport=servers_answering(seen=seen)))
    senders = [f"{number:032x}" for number in range(40)]
    for sender in senders:
        first = say(client, sender)["messages"]
        assert all(say(client, sender, text)["messages"] == first for text in ("14", "skip", "Watford"))
    assert set(seen) == {"rasa1.test", "rasa2.test"}
    assert 10 <= seen.count("rasa1.test") // 4 <= 30  # an even enough split of 40 conversations


def test_a_server_that_cannot_be_reached_is_passed_over_not_reported():
    client = TestClient(create_app(SERVERS, transport=servers_answering(down={"rasa1.test"})))
    for number in range(20):
        reply = client.post("/api/message", json={"sender": f"{number:032x}", "message": "hi"})
        assert reply.status_code == 200 and reply.json()["messages"] == [{"text": "from rasa2.test"}]


def test_when_every_server_is_down_the_user_still_gets_the_urgent_numbers():
    client = TestClient(create_app(SERVERS, transport=servers_answering(down={"rasa1.test", "rasa2.test"})))
    reply = client.post("/api/message", json={"sender": "a" * 32, "message": "hi"})
    assert reply.status_code == 503 and reply.json()["degraded"] is True
    assert "0800 1111" in json.dumps(reply.json()["messages"])


def test_a_server_that_answers_with_an_error_is_not_retried_elsewhere():
    """Rasa got the message: another server must not handle it a second time."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return httpx.Response(500)

    client = TestClient(create_app(SERVERS, transport=httpx.MockTransport(handler)))
    reply = client.post("/api/message", json={"sender": "b" * 32, "message": "hi"})
    assert reply.status_code == 503 and len(seen) == 1


def test_a_retry_goes_first_to_the_server_the_failed_attempt_reached():
    """rasa2 took the message but timed out (it may still be handling it): the retry must not go to
    rasa1, whose lock store knows nothing of it, even though the conversation belongs to rasa1."""
    sender = next(f"{n:032x}" for n in range(100) if server_for(f"{n:032x}", 2) == 0)
    seen: list[tuple[str, bool]] = []
    state = {"rasa1_down": True, "rasa2_slow": True}

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if request.url.host == "rasa1.test" and state["rasa1_down"]:
            raise httpx.ConnectError("connection refused", request=request)
        seen.append((request.url.host, bool(body.get("retry"))))
        if request.url.host == "rasa2.test" and state["rasa2_slow"]:
            raise httpx.ReadTimeout("no answer in 30 s", request=request)
        return httpx.Response(200, json=[{"text": f"from {request.url.host}"}])

    client = TestClient(create_app(SERVERS, transport=httpx.MockTransport(handler)))
    message = {"sender": sender, "message": "14", "message_id": "message-0001"}
    assert client.post("/api/message", json=message).status_code == 503
    state.update(rasa1_down=False, rasa2_slow=False)  # rasa1 is back; rasa2 has finished
    reply = client.post("/api/message", json=message)
    assert reply.json()["messages"] == [{"text": "from rasa2.test"}]
    assert seen == [("rasa2.test", False), ("rasa2.test", True)]
