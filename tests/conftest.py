"""Shared fixtures: a seeded services database, and real servers started once per session."""
from __future__ import annotations

import os

import pytest

os.environ["RASA_TELEMETRY_ENABLED"] = "false"

from services_db.database import make_engine  # noqa: E402
from services_db.directory import Directory, read_directory  # noqa: E402
from services_db.loader import load_all  # noqa: E402

SLOW_FIXTURES = {"postgres_url": "postgres", "postgres_engine": "postgres"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that start PostgreSQL (directly or through a fixture), so `make test-fast` can leave them out.
    The `directory` fixture's SQLite case stays in the fast loop; only its PostgreSQL case is marked."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        for fixture, marker in SLOW_FIXTURES.items():
            if fixture in fixtures:
                item.add_marker(getattr(pytest.mark, marker))
        callspec = getattr(item, "callspec", None)
        if "directory" in fixtures and (callspec is None or callspec.params.get("directory") != "sqlite"):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def seeded_engine(tmp_path_factory):
    """The services database on SQLite (the embedded default), seeded from the files."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'services.db'}")
    load_all(engine)
    return engine


@pytest.fixture(scope="session")
def postgres_url():
    from tests.postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_engine(postgres_url):
    engine = make_engine(postgres_url)
    load_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def bot(seeded_engine, tmp_path_factory):
    """The real action server and Rasa server on the seeded database, started once for every
    module that talks to the bot (each conversation uses its own sender id)."""
    from bot.launcher import running_bot

    with running_bot(str(seeded_engine.url), tmp_path_factory.mktemp("bot-logs")) as running:
        yield running


@pytest.fixture(scope="session")
def sqlite_directory(seeded_engine) -> Directory:
    """The directory the conversation tests' servers use (not parametrised: one server start)."""
    return read_directory(seeded_engine)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def directory(request) -> Directory:
    """The directory tests run against both databases."""
    engine = request.getfixturevalue("seeded_engine" if request.param == "sqlite" else "postgres_engine")
    return read_directory(engine)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, once per browser test module."""
    from tests.browser import launched_chromium

    yield from launched_chromium()


@pytest.fixture(scope="module")
def web_url(bot):
    """The web app in front of the session's Rasa server (modules with other needs define their own)."""
    from bot.launcher import start_web_app, stop

    url, process = start_web_app(int(bot.rasa_url.rsplit(":", 1)[1]), bot.tracker_db.parent)
    yield url
    stop(process)


@pytest.fixture(scope="session")
def domain():  # type: ignore[no-untyped-def]
    """The bot's domain (responses, slots), for the policies' unit tests. (Older test files keep
    their own module fixture of the same name.)"""
    from rasa.shared.core.domain import Domain

    from signposting.settings import PROJECT_ROOT

    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


@pytest.fixture(scope="session")
def detector():  # type: ignore[no-untyped-def]
    """The risk lexicon's detector, built once."""
    from signposting.risk import RiskDetector

    return RiskDetector()
