"""The action server's directory is rebuilt only when the data set changes, and never on the request's path."""
import shutil
import threading

import pytest
from sqlalchemy import text

from services_db import directory as directory_module
from services_db.database import make_engine
from services_db.directory import CachedDirectory


@pytest.fixture
def engine(seeded_engine, tmp_path):
    """A copy of the seeded SQLite database that the test may change."""
    copy = tmp_path / "services.db"
    shutil.copy(seeded_engine.url.database, copy)
    return make_engine(f"sqlite:///{copy}")


@pytest.fixture
def reads(monkeypatch):
    """Counts full reads of the directory."""
    calls = []
    real = directory_module.read_directory

    def counting(engine):
        calls.append(threading.current_thread().name)
        return real(engine)

    monkeypatch.setattr(directory_module, "read_directory", counting)
    return calls


def rename_first_service(engine, name, fingerprint=None):
    with engine.begin() as connection:
        connection.execute(text("update service set name = :name where id = (select min(id) from service)"), {"name": name})
        if fingerprint:
            connection.execute(text("update dataset_version set fingerprint = :f"), {"f": fingerprint})


def test_an_unchanged_data_set_is_not_read_again(engine, reads):
    cache = CachedDirectory(lambda: engine, check_seconds=0)
    first = cache.get()
    for _ in range(5):
        assert cache.get() is first
        cache.wait_for_refresh(10)
    assert reads == ["MainThread"]  # one read; the checks after it only compared the fingerprint


def test_a_reloaded_data_set_is_rebuilt_in_the_background(engine, reads):
    cache = CachedDirectory(lambda: engine, check_seconds=0)
    first = cache.get()
    rename_first_service(engine, "Renamed service", fingerprint="new-data-set")
    assert cache.get() is first  # the request that notices the change does not wait for the rebuild
    cache.wait_for_refresh(30)
    rebuilt = cache.get()
    assert rebuilt is not first and rebuilt.fingerprint == "new-data-set"
    assert "Renamed service" in {service.name for service in rebuilt.services}
    assert reads == ["MainThread", "directory-refresh"]


def test_checks_wait_for_the_interval(engine, reads):
    cache = CachedDirectory(lambda: engine, check_seconds=3600)
    first = cache.get()
    rename_first_service(engine, "Renamed service", fingerprint="new-data-set")
    assert cache.get() is first
    cache.wait_for_refresh(10)
    assert cache.get() is first and reads == ["MainThread"]


def test_a_failing_database_keeps_the_directory_in_hand(engine, tmp_path):
    state = {"engine": engine}
    cache = CachedDirectory(lambda: state["engine"], check_seconds=0)
    first = cache.get()
    state["engine"] = make_engine(f"sqlite:///{tmp_path / 'missing' / 'nothing.db'}")
    cache.get()
    cache.wait_for_refresh(10)
    assert cache.get() is first
