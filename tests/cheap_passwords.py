"""Cheap argon2 settings for the staff tests that sign in many times (issue #15: `make test-fast`).

The real hasher (bot/staff/accounts.py: argon2id, 64 MiB, 3 passes) costs about 0.1 s of CPU
per sign-in, and the lock-out tests sign in dozens of times. What these tests check (argon2id
hashes, lock-out, the same answer for real and unknown names) does not depend on the cost
settings; the staff tests over PostgreSQL and in the browser keep the real ones.
"""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from bot.staff import accounts


@pytest.fixture
def cheap_password_hashes(monkeypatch):
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "hasher", cheap)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", cheap.hash("not a password"))
    return cheap
