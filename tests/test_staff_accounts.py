"""Staff accounts: argon2 hashes, lock-out that doesn't reveal names, revocable sessions, audit log."""
from __future__ import annotations

import pytest

from bot.staff import accounts
from bot.staff.accounts import AccountError
from tests.cheap_passwords import cheap_password_hashes  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("cheap_password_hashes")

PASSWORD = "correct horse battery"


@pytest.fixture
def engine(tmp_path):
    return accounts.staff_engine(f"sqlite:///{tmp_path / 'staff.db'}")


def test_passwords_are_stored_as_argon2id_hashes(engine, tmp_path):
    accounts.add_user(engine, "Sam", PASSWORD, is_admin=True)
    assert [(s.name, s.is_admin) for s in accounts.list_users(engine)] == [("sam", True)]
    stored = (tmp_path / "staff.db").read_bytes()
    assert PASSWORD.encode() not in stored and b"$argon2id$" in stored


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [("sam", "short", "at least 12"), ("", PASSWORD, "Names are"), ("sam smith", PASSWORD, "Names are")],
)
def test_bad_accounts_are_refused_with_a_reason(engine, name, password, message):
    with pytest.raises(AccountError, match=message):
        accounts.add_user(engine, name, password)


def test_the_same_name_twice_is_refused(engine):
    accounts.add_user(engine, "sam", PASSWORD)
    with pytest.raises(AccountError, match="already"):
        accounts.add_user(engine, "SAM", PASSWORD)


def test_sign_in_needs_the_right_password(engine):
    accounts.add_user(engine, "sam", PASSWORD)
    assert accounts.authenticate(engine, " Sam ", PASSWORD).name == "sam"
    assert accounts.authenticate(engine, "sam", PASSWORD + "x") is None
    assert accounts.authenticate(engine, "nobody", PASSWORD) is None


def test_five_failures_in_15_minutes_lock_the_account_even_for_the_right_password(engine):
    accounts.add_user(engine, "sam", PASSWORD)
    now = 1_000_000.0
    for minute in range(5):
        assert accounts.authenticate(engine, "sam", "wrong password!", now=now + minute * 60) is None
    assert accounts.is_locked(engine, "sam", now=now + 300)
    assert accounts.authenticate(engine, "sam", PASSWORD, now=now + 301) is None
    # 15 minutes after the last failures they have expired (the refused right password counted too)
    assert accounts.authenticate(engine, "sam", PASSWORD, now=now + 301 + 15 * 60 + 1).name == "sam"


def test_unknown_names_lock_out_the_same_way(engine):
    for _ in range(5):
        assert accounts.authenticate(engine, "ghost", "whatever", now=1000.0) is None
    assert accounts.is_locked(engine, "ghost", now=1001.0)


def test_unlock_clears_the_failures(engine):
    accounts.add_user(engine, "sam", PASSWORD)
    for _ in range(5):
        accounts.authenticate(engine, "sam", "nope")
    assert accounts.unlock(engine, "sam") == 5
    assert accounts.authenticate(engine, "sam", PASSWORD) is not None


def test_sessions_are_new_after_sign_in_and_revocable(engine):
    staff = accounts.add_user(engine, "sam", PASSWORD)
    pre = accounts.start_pre_login(engine)
    assert accounts.find_session(engine, pre.token).staff is None
    active = accounts.start_session(engine, staff, replaces=pre.token)
    assert active.token != pre.token and accounts.find_session(engine, pre.token) is None
    found = accounts.find_session(engine, active.token)
    assert found.staff == staff and accounts.csrf_ok(found, active.csrf_token)
    assert not accounts.csrf_ok(found, pre.csrf_token) and not accounts.csrf_ok(found, None)
    accounts.end_session(engine, active.token)
    assert accounts.find_session(engine, active.token) is None


def test_idle_sessions_expire_and_removing_a_user_ends_their_sessions(engine):
    staff = accounts.add_user(engine, "sam", PASSWORD)
    old = accounts.start_session(engine, staff, now=1000.0)
    assert accounts.find_session(engine, old.token, now=1000.0 + accounts.SESSION_IDLE_SECONDS + 1) is None
    active = accounts.start_session(engine, staff)
    assert accounts.remove_user(engine, "sam")
    assert accounts.find_session(engine, active.token) is None


def test_the_audit_log_records_who_viewed_which_conversation(engine):
    staff = accounts.add_user(engine, "sam", PASSWORD)
    accounts.audit(engine, staff, "viewed transcript", "abc123", now=5.0)
    accounts.audit(engine, staff, "viewed transcript", "def456", now=6.0)
    assert [(e.user_name, e.action, e.conversation, e.at) for e in accounts.audit_log(engine)] == [
        ("sam", "viewed transcript", "def456", 6.0), ("sam", "viewed transcript", "abc123", 5.0),
    ]
