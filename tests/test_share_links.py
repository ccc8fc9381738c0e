"""Share links (bot/web/share.py) on SQLite and PostgreSQL, and the pages they open (web app)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from bot.web.app import create_app
from bot.web.share import LINK_DAYS, ShareError, ShareLinks, clean_request
from tests.postgres import fresh_database

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def share_postgres_url(postgres_url):
    """A database of its own on the throwaway server."""
    return fresh_database(postgres_url, "share_links_test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])  # test-fast: no PostgreSQL
def links(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'share.db'}" if request.param == "sqlite" else request.getfixturevalue("share_postgres_url")
    store = ShareLinks.from_url(url)
    assert store.engine.dialect.name == request.param
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM share_link"))
    yield store
    store.engine.dispose()


def test_a_link_keeps_the_ids_the_area_and_the_day_for_seven_days(links):
    made = links.create(("nat-childline", "hwe-kooth-herts"), "herts", TODAY)
    found = links.get(made.token, TODAY + timedelta(days=LINK_DAYS))
    assert found is not None
    assert (found.service_ids, found.area_code, found.created_on) == (("nat-childline", "hwe-kooth-herts"), "herts", TODAY)
    assert links.get(made.token, TODAY + timedelta(days=LINK_DAYS + 1)) is None  # expired
    assert links.get("not-a-token-at-all", TODAY) is None


def test_the_table_holds_nothing_but_the_ids_the_area_and_the_day(links):
    columns = {column["name"] for column in inspect(links.engine).get_columns("share_link")}
    assert columns == {"token", "service_ids", "area_code", "created_on"}


def test_expired_links_are_deleted_when_a_new_one_is_made(links):
    old = links.create(("nat-childline",), None, TODAY - timedelta(days=LINK_DAYS + 1))
    links.create(("nat-childline",), None, TODAY)
    with links.engine.connect() as connection:
        tokens = connection.execute(text("SELECT token FROM share_link")).scalars().all()
    assert old.token not in tokens and len(tokens) == 1


@pytest.mark.parametrize(("ids", "area"), [([], "herts"), ("nat-childline", None), (["<script>"], None),
                                           ([f"s-{n}" for n in range(13)], None), ([1, 2], None)])
def test_anything_but_a_short_list_of_service_ids_is_refused(ids, area):
    with pytest.raises(ShareError):
        clean_request(ids, area)


def test_an_unknown_area_is_not_stored():
    assert clean_request(["nat-childline", "nat-childline"], "Watford WD17 1AA") == (("nat-childline",), None)


@pytest.fixture
def client(seeded_engine, tmp_path):
    app = create_app("http://rasa.test", share_links=ShareLinks.from_url(f"sqlite:///{tmp_path / 's.db'}"),
                     services_engine=seeded_engine, public_url="http://testserver")
    return TestClient(app)


def test_a_shared_list_opens_with_its_services_the_urgent_numbers_and_a_qr_code(client):
    made = client.post("/api/share", json={"services": ["hwe-kooth-herts", "nat-childline"], "area": "herts"})
    assert made.status_code == 200
    url = made.json()["url"]
    assert url.startswith("http://testserver/list/")
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page.headers["cache-control"]
    html = page.text
    assert "<title>Saved list</title>" in html and "mental health" not in html.split("</title>")[0].lower()
    assert html.index("Kooth") < html.index("Childline") and "Places that can help in Hertfordshire" in html
    assert 'href="tel:08001111"' in html and 'href="tel:999"' in html
    qr = client.get(made.json()["qr"])
    assert qr.status_code == 200 and qr.headers["content-type"].startswith("image/svg+xml") and b"<svg" in qr.content


def test_an_unknown_or_expired_link_gets_a_kind_page_with_the_urgent_numbers(client):
    page = client.get("/list/AAAAAAAAAAAAAAAA")
    assert page.status_code == 404
    assert "This link has expired" in page.text and 'href="tel:999"' in page.text
    assert client.get("/list/AAAAAAAAAAAAAAAA/qr.svg").status_code == 404


def test_making_a_link_from_another_website_is_refused(client):
    refused = client.post("/api/share", json={"services": ["nat-childline"]}, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    assert client.post("/api/share", json={"services": "nat-childline"}).status_code == 400
