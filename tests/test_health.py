"""Health (`/healthz`: running) and readiness (`/readyz`: can do its job) of the web app and
the staff app; the Rasa server has /status and the action server /health (bot/run.py)."""
from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from bot.staff import accounts
from bot.staff.app import create_app as create_staff_app
from bot.web.app import create_app


class _Rasa(BaseHTTPRequestHandler):
    """As `rasa run` without --enable-api: "/" answers once the model is loaded (503 here
    stands for not listening yet), and /status is not there."""

    model_loaded = True

    def do_GET(self):  # noqa: N802
        status = 404 if self.path == "/status" else 200 if self.model_loaded else 503
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"Hello from Rasa: 3.6.21" if status == 200 else json.dumps({"status": "failure"}).encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def rasa_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Rasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_ready_when_the_directory_can_be_read(rasa_url, sqlite_directory):
    _Rasa.model_loaded = True
    client = TestClient(create_app(rasa_url, directory=lambda: sqlite_directory))
    assert client.get("/healthz").json() == {"status": "ok"}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"rasa_model_loaded": "ok", "directory_readable": "ok"}}


def test_not_ready_when_the_directory_cannot_be_read(rasa_url):
    def gone():
        raise LookupError("The services database is empty: run `python -m services_db load`.")

    client = TestClient(create_app(rasa_url, directory=gone))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["directory_readable"] == "failing (LookupError)"
    assert client.get("/healthz").status_code == 200  # running, just not ready


def test_not_ready_before_the_rasa_server_has_a_model(rasa_url, sqlite_directory):
    _Rasa.model_loaded = False
    try:
        response = TestClient(create_app(rasa_url, directory=lambda: sqlite_directory)).get("/readyz")
    finally:
        _Rasa.model_loaded = True
    assert response.status_code == 503 and response.json()["checks"]["rasa_model_loaded"] == "failing"


def test_the_staff_app_is_ready_when_both_databases_answer(tmp_path):
    tracker_url, staff_url = f"sqlite:///{tmp_path / 'conversations.db'}", f"sqlite:///{tmp_path / 'staff.db'}"
    with create_engine(tracker_url, future=True).begin() as connection:
        connection.exec_driver_sql("CREATE TABLE events (id INTEGER)")
    accounts.staff_engine(staff_url)
    client = TestClient(create_staff_app(staff_url, tracker_url, cookie_secure=False))
    response = client.get("/readyz")  # no sign-in needed: monitoring has no account
    assert response.status_code == 200 and response.json()["checks"] == {"staff_database": "ok", "tracker_store": "ok"}


def test_the_staff_app_is_not_ready_without_the_conversations(tmp_path):
    staff_url = f"sqlite:///{tmp_path / 'staff.db'}"
    missing = f"sqlite:///{tmp_path / 'nowhere' / 'conversations.db'}"
    client = TestClient(create_staff_app(staff_url, missing, cookie_secure=False))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["tracker_store"].startswith("failing")
    assert str(tmp_path) not in response.text  # no paths or URLs in what monitoring sees


def test_the_web_app_logs_no_message_text(caplog, sqlite_directory):
    secret = "my name is Ellie Brown and my number is 07700 900123"
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=[{"text": "Hello"}]))
    client = TestClient(create_app("http://rasa.test", transport=transport, directory=lambda: sqlite_directory))
    with caplog.at_level(logging.DEBUG):
        assert client.post("/api/message", json={"sender": "abcdefgh1234", "message": secret}).status_code == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert caplog.records  # httpx and the relay do log at DEBUG: the check has something to read
    assert "Ellie" not in logged and "07700" not in logged and secret not in logged


def test_with_two_rasa_servers_one_with_its_model_is_enough(rasa_url, sqlite_directory):
    """The relay passes over a server that is down, so the web app still answers: ready."""
    from bot.launcher import free_port

    dead = f"http://127.0.0.1:{free_port()}"
    client = TestClient(create_app([dead, rasa_url], directory=lambda: sqlite_directory))
    assert client.get("/readyz").status_code == 200
    client = TestClient(create_app([dead, f"http://127.0.0.1:{free_port()}"], directory=lambda: sqlite_directory))
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["rasa_model_loaded"] == "failing"


@pytest.mark.servers
def test_the_web_app_in_front_of_a_real_rasa_server_is_ready(web_url):
    """Against `rasa run` as the launcher starts it (no --enable-api): the fake above must not
    be the only evidence. /readyz once said "not ready" for ever: it asked Rasa for /status."""
    response = httpx.get(f"{web_url.rstrip('/')}/readyz", timeout=10)
    assert response.status_code == 200, response.text
    assert response.json()["checks"]["rasa_model_loaded"] == "ok"
