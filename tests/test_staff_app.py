"""The staff app over hand-made events: nothing without a sign-in, CSRF on every form,
cookies, lock-out, audit log, escaping and safe CSV. (Real conversations and Chromium:
test_staff_browser.py.)"""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from starlette.routing import Route

from bot.staff import accounts
from bot.staff.app import PUBLIC_PATHS, create_app
from bot.staff.events import insert_events
from tests.cheap_passwords import cheap_password_hashes  # noqa: F401 - a fixture
from tests.staff_events import T0, Chat, sample_events

pytestmark = pytest.mark.usefixtures("cheap_password_hashes")

PASSWORD = "correct horse battery"
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("staff")
    tracker_url, staff_url = f"sqlite:///{folder / 'conversations.db'}", f"sqlite:///{folder / 'staff.db'}"
    hostile = Chat("hostile", T0 + 100).user(SCRIPT, "nlu_fallback", 0.3).user("=HYPERLINK(\"http://evil\")", "out_of_scope", 0.8)
    insert_events(create_engine(tracker_url, future=True), sample_events() + hostile.rows)
    staff_db = accounts.staff_engine(staff_url)
    accounts.add_user(staff_db, "admin", PASSWORD, is_admin=True)
    accounts.add_user(staff_db, "lead", PASSWORD)
    return tracker_url, staff_url, staff_db


@pytest.fixture
def app(databases):
    tracker_url, staff_url, _ = databases
    return create_app(staff_url, tracker_url, cookie_secure=False)


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client: TestClient, name: str = "admin", password: str = PASSWORD):
    token = csrf(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token})


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def test_every_route_except_sign_in_health_and_css_needs_a_session(app):
    client = TestClient(app, follow_redirects=False)
    routes = [route for route in app.routes if isinstance(route, Route)]
    assert {route.path for route in routes} >= PUBLIC_PATHS
    checked = 0
    for route in routes:
        if route.path in PUBLIC_PATHS:
            continue
        for method in route.methods or ():
            response = client.request(method, concrete(route.path))
            assert response.status_code in (303, 401), (method, route.path, response.status_code)
            if response.status_code == 303:
                assert response.headers["location"] == "/login"
            assert "alert" not in response.text and "Conversation" not in response.text
            checked += 1
    assert checked >= 8
    assert client.get("/no-such-page").status_code == 303
    for path in PUBLIC_PATHS:  # and what is public answers without a session
        assert client.get(path).status_code not in (303, 401), path


def test_a_forged_or_expired_session_cookie_is_no_session(app):
    client = TestClient(app, follow_redirects=False, cookies={"staff_session": "made-up"})
    assert client.get("/export/conversations.csv").status_code == 303
    assert client.get("/plots/roles.png").status_code == 303


def test_sign_in_sets_a_new_httponly_samesite_cookie_and_security_headers(app):
    client = TestClient(app, follow_redirects=False)
    first = client.get("/login")
    pre_login = first.cookies["staff_session"]
    assert first.headers["content-security-policy"].startswith("default-src 'self'")
    assert "frame-ancestors 'none'" in first.headers["content-security-policy"]
    assert first.headers["cache-control"] == "no-store"
    response = client.post("/login", data={"name": "admin", "password": PASSWORD, "csrf_token": csrf(first.text)})
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert response.cookies["staff_session"] != pre_login  # no session fixation
    assert client.get("/").status_code == 200


def test_the_cookie_is_secure_unless_configured_for_plain_http(databases):
    tracker_url, staff_url, _ = databases
    client = TestClient(create_app(staff_url, tracker_url, cookie_secure=True), base_url="https://testserver", follow_redirects=False)
    page = client.get("/login")
    cookie = page.headers["set-cookie"]
    assert cookie.startswith("__Host-staff_session=") and "Secure" in cookie


def test_every_form_post_without_the_csrf_token_is_refused(app):
    client = TestClient(app, follow_redirects=False)
    client.get("/login")
    assert client.post("/login", data={"name": "admin", "password": PASSWORD}).status_code == 403
    assert client.post("/login", data={"name": "admin", "password": PASSWORD, "csrf_token": "guess"}).status_code == 403
    sign_in(client)
    for route in app.routes:
        if isinstance(route, Route) and "POST" in (route.methods or ()) and route.path != "/login":
            assert client.post(concrete(route.path), data={"csrf_token": "wrong"}).status_code == 403, route.path
    assert client.get("/").status_code == 200  # still signed in


def test_sign_out_revokes_the_session(app):
    client = TestClient(app, follow_redirects=False)
    sign_in(client)
    cookie = client.cookies["staff_session"]
    response = client.post("/logout", data={"csrf_token": csrf(client.get("/").text)})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    replay = TestClient(app, follow_redirects=False, cookies={"staff_session": cookie})
    assert replay.get("/").status_code == 303


def test_wrong_details_and_lock_out_say_the_same_thing_for_real_and_unknown_names(app, databases):
    accounts.add_user(databases[2], "carol", PASSWORD)
    client = TestClient(app, follow_redirects=False)
    messages = set()
    for name in ("carol", "nobody-here"):
        for _ in range(accounts.MAX_FAILURES):
            response = sign_in(client, name, "wrong password")
            assert response.status_code == 401
            messages.add(re.sub(r'value="[^"]*"', "", response.text.split("<main")[1]))
    assert len(messages) == 1  # the same page whether or not the account exists
    assert sign_in(client, "carol", PASSWORD).status_code == 401  # locked: the right password is refused too
    assert accounts.unlock(databases[2], "carol") == accounts.MAX_FAILURES + 1
    assert sign_in(client, "carol", PASSWORD).status_code == 303


def test_each_transcript_view_is_audited_and_only_admins_see_the_log(app):
    lead = TestClient(app, follow_redirects=False)
    sign_in(lead, "lead")
    assert lead.get("/conversations/a-local").status_code == 200
    assert lead.get("/conversations/no-such-one").status_code == 404
    assert lead.get("/audit").status_code == 403
    admin = TestClient(app, follow_redirects=False)
    sign_in(admin)
    log = admin.get("/audit").text
    assert re.search(r"<td>lead</td><td>viewed transcript</td><td><code>a-local</code>", log)
    assert "no-such-one" not in log


def test_the_overview_shows_the_numbers_with_tables_and_charts(app):
    client = TestClient(app, follow_redirects=False)
    sign_in(client)
    page = client.get("/", params=PERIOD).text
    assert "<strong>7</strong> conversations" in page
    assert "<strong>1</strong> crisis replies, in 1 conversations" in page
    for chart in ("days", "roles", "ages", "areas", "concerns", "funnel"):
        assert f'src="/plots/{chart}.png?from=2026-11-01&amp;to=2026-11-30"' in page
        image = client.get(f"/plots/{chart}.png", params=PERIOD)
        assert image.headers["content-type"] == "image/png" and image.content.startswith(b"\x89PNG")
    assert '<th scope="row">Were shown services</th><td>3</td>' in page
    assert client.get("/plots/nope.png").status_code == 404


def test_user_messages_are_escaped_everywhere(app):
    client = TestClient(app, follow_redirects=False)
    sign_in(client)
    pages = [client.get("/conversations/hostile").text, client.get("/gaps", params=PERIOD).text]
    for page in pages:
        assert "<script>" not in page and "&lt;script&gt;" in page
    csv_text = client.get("/export/gaps.csv", params=PERIOD).text
    assert '"\'=HYPERLINK(""http://evil"")"' in csv_text


def test_conversation_filters_and_exports(app):
    client = TestClient(app, follow_redirects=False)
    sign_in(client)
    page = client.get("/conversations", params={**PERIOD, "outcome": "no_local"}).text
    assert page.count('href="/conversations/') == 2 and "b-nolocal" in page and "f-nolocal" in page
    gap = client.get("/conversations", params={**PERIOD, "gap": "any youth club near me"}).text
    assert sorted(re.findall(r'href="/conversations/([^"]+)"', gap)) == ["e-fallback", "f-nolocal"]
    exported = client.get("/export/conversations.csv", params={**PERIOD, "outcome": "no_local"})
    assert exported.headers["content-disposition"] == 'attachment; filename="conversations-2026-11-01-to-2026-11-30.csv"'
    assert [line.split(",")[0] for line in exported.text.splitlines()] == ["Conversation", "f-nolocal", "b-nolocal"]
    nolocal = client.get("/export/nolocal.csv", params=PERIOD).text.splitlines()
    assert nolocal[1:] == ["Elsewhere in England,worry or anxiety,Under 11,1", "Leicester,eating worries,17 to 18,1"]
    assert client.get("/export/nope.csv").status_code == 404


def test_an_empty_period_and_a_missing_database_still_answer(databases, tmp_path):
    _, staff_url, _ = databases
    app = create_app(staff_url, f"sqlite:///{tmp_path / 'none.db'}", cookie_secure=False)
    client = TestClient(app, follow_redirects=False)
    sign_in(client)
    assert "<strong>0</strong> conversations" in client.get("/").text
    assert client.get("/gaps").status_code == 200
    assert client.get("/plots/days.png").content.startswith(b"\x89PNG")


def test_a_postgresql_tracker_store_needs_the_staff_tracker_url(databases, monkeypatch):
    import dataclasses

    import bot.staff.app as staff_app

    monkeypatch.setattr(staff_app, "settings", dataclasses.replace(staff_app.settings, tracker_dialect="postgresql", staff_tracker_url=""))
    with pytest.raises(RuntimeError, match="STAFF_TRACKER_URL"):
        create_app(databases[1], None, cookie_secure=False)
