"""Open Referral UK both ways: the read-only API (every record validates against the UK
profile's schema) and the import (validated first, all or nothing, a round trip that
gives the same search results), on SQLite and PostgreSQL."""
from __future__ import annotations

import copy
import json
import shutil
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.web.app import create_app
from services_db import models
from services_db.__main__ import main
from services_db.database import make_engine
from services_db.directory import read_directory
from services_db.loader import current_fingerprint
from services_db.oruk import SCHEMA_FILE, parse_feed, read_feed, service_uuid, term_id, to_oruk, validator
from services_db.query import SearchRequest, find_services, upper_age
from services_db.rows import service_record
from services_db.seed import SeedError
from signposting.vocabulary import AREA_CODES, CONCERNS, NATIONS

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "oruk"
WHEN = datetime(2026, 11, 25, 16, 30, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday afternoon


@pytest.fixture(scope="module")
def api(directory):
    return TestClient(create_app("http://rasa.test", directory=lambda: directory))


def _all_services(api) -> list[dict]:
    body = api.get("/oruk/services", params={"per_page": 200}).json()
    assert body["last_page"] is True
    return body["contents"]


def _errors(record: dict) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(record)]


def test_the_schema_is_the_uk_profiles_unchanged():
    if not REFERENCE.exists():
        pytest.skip("../shared/reference/oruk is not beside the project")
    assert json.loads(SCHEMA_FILE.read_text()) == json.loads((REFERENCE / "service_with_definitions.json").read_text())


def test_the_validator_rejects_what_the_schema_forbids():
    record = to_oruk(read_feed_sample())
    record["id"] = 7
    record["minimum_age"] = "eleven"
    assert len(_errors(record)) == 2


def read_feed_sample():
    """One of our records, from the seed file (for tests that need no database)."""
    from services_db.seed import load_service_records

    return next(s for s in load_service_records() if s.contacts and any(c.schedule for c in s.contacts))


def test_api_meta_says_which_hsds_version_and_profile(api):
    body = api.get("/oruk/").json()
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://") and body["openapi_url"].endswith("openapi.json")


def test_every_record_the_api_serves_validates_against_the_uk_profile(api, directory):
    listed = _all_services(api)
    assert len(listed) == len(directory.services)
    for record in listed:
        assert _errors(record) == [], record["name"]
        single = api.get(f"/oruk/services/{record['id']}")
        assert single.status_code == 200
        assert single.json() == record
        assert _errors(single.json()) == [], record["name"]


def test_services_are_paged(api, directory):
    pages, page = [], 1
    while True:
        body = api.get("/oruk/services", params={"per_page": 10, "page": page}).json()
        assert body["page_number"] == page and body["first_page"] is (page == 1)
        assert body["size"] == len(body["contents"]) <= 10
        pages.append(body)
        if body["last_page"]:
            break
        page += 1
    assert len(pages) == pages[0]["total_pages"] == -(-len(directory.services) // 10)
    ids = [record["id"] for body in pages for record in body["contents"]]
    assert len(ids) == len(set(ids)) == pages[0]["total_items"] == len(directory.services)
    beyond = api.get("/oruk/services", params={"per_page": 10, "page": page + 1}).json()
    assert beyond["empty"] is True and beyond["contents"] == []


def test_filter_by_taxonomy_term(api, directory):
    body = api.get("/oruk/services", params={"taxonomy_term_id": term_id("concern", "sleep"), "per_page": 200}).json()
    expected = {service_uuid(s.id) for s in directory.services if "sleep" in s.concerns}
    assert expected and {r["id"] for r in body["contents"]} == expected
    crisis = api.get("/oruk/services", params={"taxonomy_id": "wtgh:level", "taxonomy_term_id": term_id("level", "crisis")})
    assert {r["id"] for r in crisis.json()["contents"]} == {service_uuid(s.id) for s in directory.services if s.level == "crisis"}


def test_filter_by_age(api, directory):
    for age in (4, 14, 22):
        body = api.get("/oruk/services", params={"age": age, "per_page": 200}).json()
        expected = {service_uuid(s.id) for s in directory.services if (s.min_age or 0) <= age <= upper_age(s)}
        assert {r["id"] for r in body["contents"]} == expected, age
    adults = {r["name"] for r in api.get("/oruk/services", params={"age": 22, "per_page": 200}).json()["contents"]}
    assert "Samaritans" in " ".join(adults) and not any("Childline" in name for name in adults)
    body = api.get("/oruk/services", params={"minimum_age": 5, "maximum_age": 19, "per_page": 200}).json()
    assert body["contents"] and all(r["minimum_age"] >= 5 and r["maximum_age"] <= 19 for r in body["contents"])
    assert len(body["contents"]) == sum(1 for s in directory.services if s.min_age and s.min_age >= 5 and s.max_age and s.max_age <= 19)


def test_filter_by_area_and_postcode(api, directory):
    body = api.get("/oruk/services", params={"service_area": "Leicester", "per_page": 200}).json()
    assert {r["id"] for r in body["contents"]} == {service_uuid(s.id) for s in directory.services if "leicester" in s.areas}
    body = api.get("/oruk/services", params={"postcode": "LE2 3AB", "per_page": 200}).json()
    areas = [{a["service_area"] for a in r["service_areas"]} for r in body["contents"]]
    assert any("leicester" in a for a in areas) and all(a & {"leicester", "national"} for a in areas)
    assert not any(a == {"herts"} for a in areas)


def test_bad_requests_get_a_clear_answer(api):
    assert api.get("/oruk/services/not-a-service").status_code == 404
    assert api.get("/oruk/services/not-a-service").json() == {"error": "No service has that id."}
    assert api.get("/oruk/services", params={"service_area": "Narnia"}).status_code == 400
    assert api.get("/oruk/services", params={"page": 0}).status_code == 422


def test_the_api_says_so_when_the_directory_cannot_be_read():
    def broken():
        raise LookupError("The services database is empty")

    client = TestClient(create_app("http://rasa.test", directory=broken))
    response = client.get("/oruk/services")
    assert response.status_code == 503 and "cannot be read" in response.json()["error"]


# ---- import ------------------------------------------------------------------------


def _search_grid(directory):
    """What the bot would show for every role, area, concern and a spread of ages."""
    results = {}
    for role in ("young_person", "parent_carer", "professional"):
        for area in (None, *AREA_CODES, *NATIONS):
            for concern in (None, *CONCERNS):
                for age in (None, 5, 10, 14, 17, 22):
                    request = SearchRequest(role=role, age_min=age, age_max=age, area_code=area, concern=concern)
                    result = find_services(directory.index, request, WHEN, limit=5)
                    results[request] = [(m.service.id, m.reasons) for m in result.matches]
    return results


@pytest.fixture
def fresh_url(request, tmp_path):
    """A copy of the seeded database (places and schools already in) to import into."""
    if request.node.callspec.params["directory"] == "sqlite":
        seeded = request.getfixturevalue("seeded_engine")
        copy_path = tmp_path / "imported.db"
        shutil.copyfile(seeded.url.database, copy_path)
        return f"sqlite:///{copy_path}"
    seeded = request.getfixturevalue("postgres_engine")
    seeded.dispose()  # CREATE DATABASE ... TEMPLATE needs no one connected to the template
    server = make_engine(request.getfixturevalue("postgres_url").rsplit("/", 1)[0] + "/postgres")
    with server.execution_options(isolation_level="AUTOCOMMIT").connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS oruk_import"))
        connection.execute(text(f"CREATE DATABASE oruk_import TEMPLATE {seeded.url.database}"))
    server.dispose()
    return seeded.url.set(database="oruk_import").render_as_string(hide_password=False)


def test_export_then_import_gives_the_same_directory_and_search_results(directory, fresh_url, tmp_path, capsys):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([to_oruk(s) for s in directory.services]))
    assert main(["--database-url", fresh_url, "import-oruk", str(feed)]) == 0
    assert f"Imported {len(directory.services)} services" in capsys.readouterr().out
    engine = make_engine(fresh_url)
    imported = read_directory(engine)
    engine.dispose()
    assert sorted(imported.services, key=lambda s: s.id) == sorted(directory.services, key=lambda s: s.id)
    assert _search_grid(imported) == _search_grid(directory)


def test_a_bad_feed_names_record_and_field_and_loads_nothing(seeded_engine, tmp_path, capsys):
    engine = seeded_engine  # shared by other tests: this import must change nothing
    url = engine.url.render_as_string(hide_password=False)
    before = services_in(engine)
    records = [to_oruk(s) for s in before]
    broken = copy.deepcopy(records)
    broken[0]["minimum_age"] = "eleven"  # the schema
    del broken[1]["assured_date"]  # our rule: a verified date
    broken[2]["service_areas"][0]["service_area"] = "atlantis"
    feed = tmp_path / "broken.json"
    feed.write_text(json.dumps(broken))
    assert main(["--database-url", url, "import-oruk", str(feed)]) == 2
    err = capsys.readouterr().err
    assert "nothing was loaded" in err
    assert f"broken.json: record {before[0].id}: field minimum_age: 'eleven' is not of type 'number'" in err
    assert f"record {before[1].id}: field assured_date: is required" in err
    assert f"record {before[2].id}: field service_areas: unknown area 'atlantis'" in err
    assert services_in(engine) == before


def services_in(engine):
    """Only the services (the whole directory also builds the place and school indexes)."""
    with Session(engine, future=True) as session:
        return [service_record(row) for row in session.scalars(select(models.Service).order_by(models.Service.id))]


def test_the_seed_files_own_checks_apply_to_an_import():
    record = to_oruk(read_feed_sample())
    for attribute in record["attributes"]:
        if attribute["taxonomy_term"]["taxonomy"] == "wtgh:level":
            attribute["taxonomy_term"]["name"] = "urgent"
    with pytest.raises(SeedError) as raised:
        parse_feed([record], "feed.json")
    assert raised.value.problems == [f"feed.json: record {read_feed_sample().id}: field level: must be one of crisis, early_help, specialist, information"]


def test_another_directorys_record_needs_what_the_bot_cannot_guess():
    if not REFERENCE.exists():
        pytest.skip("../shared/reference/oruk is not beside the project")
    example = json.loads((REFERENCE / "example_service_full.json").read_text())
    with pytest.raises(SeedError) as raised:
        parse_feed([example], "https://directory.example/services")
    record = f"https://directory.example/services: record {example['id']}: field "
    assert record + "attributes (wtgh:concern): is required: what the service helps with" in raised.value.problems
    assert record + "attributes (wtgh:audience): is required: who may use it" in raised.value.problems


def _foreign_record() -> dict:
    """A record as another directory would publish it: no wtgh: contacts, our terms added by its publisher."""
    def term(taxonomy, name):
        return {"id": term_id(taxonomy, name), "taxonomy_term": {"id": term_id(taxonomy, name), "name": name, "description": name, "taxonomy": f"wtgh:{taxonomy}"}}

    return {
        "id": "0b8f8a52-7d3e-4c55-9f57-2d5b7f1c9a01",
        "name": "Leicester Young People's Listening Service",
        "description": "Someone to talk to about worries.",
        "status": "active",
        "url": "https://listening.example.org.uk",
        "assured_date": "2026-10-01",
        "minimum_age": 11,
        "maximum_age": 18,
        "organization": {"id": "5e1a5b8e-4a53-4f0a-8d43-6f4c0e0a8a11", "name": "Listening Trust", "description": "A charity"},
        "contacts": [{"id": "6f2b7d1e-1c1a-4b4f-8a2e-0c9f3d2e1b21", "name": "Helpline", "phones": [{"id": "7a3c8e2f-2d2b-4c5a-9b3f-1d0a4e3f2c31", "number": "0116 000 0000", "description": "Mon-Fri 9am-5pm"}]}],
        "service_areas": [{"id": "8b4d9f3a-3e3c-4d6b-8c4a-2e1b5f4a3d41", "name": "Leicester"}],
        "attributes": [term("concern", "worry"), term("audience", "young_person")],
    }


def test_another_directorys_record_keeps_its_source_and_verified_date():
    (service,) = parse_feed([_foreign_record()], "https://directory.example/services")
    assert service.source_url == "https://listening.example.org.uk"
    assert service.last_verified.isoformat() == "2026-10-01"
    assert service.areas == ("leicester",) and service.concerns == ("worry",)
    assert [(c.type, c.value, c.hours) for c in service.contacts] == [
        ("phone", "0116 000 0000", "Mon-Fri 9am-5pm"), ("website", "https://listening.example.org.uk", None),
    ]


class _PagedFeed(BaseHTTPRequestHandler):
    pages: dict[str, dict] = {}

    def do_GET(self):  # noqa: N802 - the standard library's name
        page = self.pages.get(self.path)
        body = json.dumps(page).encode()
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_feed_url_is_read_page_by_page():
    first, second = _foreign_record(), {**_foreign_record(), "id": "1c9f8a52-7d3e-4c55-9f57-2d5b7f1c9a02"}
    page = {"total_items": 2, "total_pages": 2, "size": 1, "empty": False}
    _PagedFeed.pages = {
        "/services": {**page, "page_number": 1, "first_page": True, "last_page": False, "contents": [first]},
        "/services?page=2": {**page, "page_number": 2, "first_page": False, "last_page": True, "contents": [second]},
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PagedFeed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        records = read_feed(f"http://127.0.0.1:{server.server_port}/services")
    finally:
        server.shutdown()
        server.server_close()
    assert [r["id"] for r in records] == [first["id"], second["id"]]


def test_load_if_changed_keeps_an_imported_directory(seeded_engine, tmp_path):
    copy_path = tmp_path / "d.db"
    shutil.copyfile(seeded_engine.url.database, copy_path)
    url = f"sqlite:///{copy_path}"
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([_foreign_record()]))
    assert main(["--database-url", url, "import-oruk", str(feed)]) == 0
    engine = make_engine(url)
    assert current_fingerprint(engine).startswith("oruk:")
    assert main(["--database-url", url, "load", "--if-changed"]) == 0
    assert [s.name for s in read_directory(engine).services] == ["Leicester Young People's Listening Service"]
