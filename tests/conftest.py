"""Shared fixtures: a seeded services database, and real servers started once per session."""
from __future__ import annotations

import os

import pytest

os.environ["RASA_TELEMETRY_ENABLED"] = "false"

from services_db.database import make_engine  # noqa: E402
from services_db.directory import Directory, read_directory  # noqa: E402
from services_db.loader import load_all  # noqa: E402


@pytest.fixture(scope="session")
def seeded_engine(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'services.db'}")
    load_all(engine)
    return engine


@pytest.fixture(scope="session")
def directory(seeded_engine) -> Directory:
    return read_directory(seeded_engine)
