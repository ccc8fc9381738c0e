"""Staff accounts, sessions, lock-out and the audit log, in their own database.

Passwords are hashed with argon2id (argon2-cffi). Sessions are server-side rows keyed by
the SHA-256 of a random token (the cookie holds the token, the database only its hash),
so a session can be revoked by deleting its row. Each session carries its own CSRF token.
Failed sign-ins are counted per name, whether or not the account exists, so the lock-out
never tells anyone which names are real.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, String, create_engine, delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
hasher = PasswordHasher()
# Verified when the name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = hasher.hash(secrets.token_urlsafe(16))

MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60
SESSION_IDLE_SECONDS = 60 * 60
SESSION_MAX_SECONDS = 12 * 60 * 60
PRE_LOGIN_SECONDS = 60 * 60
MIN_PASSWORD_LENGTH = 12
NAME_MAX_LENGTH = 64


class User(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "staff_users"
    id = Column(Integer, primary_key=True)
    name = Column(String(NAME_MAX_LENGTH), unique=True, nullable=False)
    password_hash = Column(String(255), nullable=False)
    is_admin = Column(Boolean, default=False, nullable=False)
    created_at = Column(Float, nullable=False)


class SessionRecord(Base):  # type: ignore[misc,valid-type]
    """A signed-in session (user_id set) or a sign-in page's pre-session (user_id NULL)."""

    __tablename__ = "staff_sessions"
    token_hash = Column(String(64), primary_key=True)
    user_id = Column(ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(Float, nullable=False)
    last_seen = Column(Float, nullable=False)


class LoginAttempt(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "staff_login_failures"
    id = Column(Integer, primary_key=True)
    name = Column(String(NAME_MAX_LENGTH), index=True, nullable=False)
    at = Column(Float, nullable=False)


class AuditEntry(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "staff_audit_log"
    id = Column(Integer, primary_key=True)
    at = Column(Float, nullable=False, index=True)
    user_name = Column(String(NAME_MAX_LENGTH), nullable=False)
    action = Column(String(64), nullable=False)
    conversation = Column(String(255), nullable=False)


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    is_admin: bool


@dataclass(frozen=True)
class ActiveSession:
    token: str
    csrf_token: str
    staff: Staff | None


class AccountError(ValueError):
    """A mistake the person at the command line can fix; the message says how."""


def staff_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    Base.metadata.create_all(engine)
    return engine


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_name(name: str) -> str:
    return name.strip().lower()


def _staff(user: User) -> Staff:
    return Staff(user.id, user.name, user.is_admin)


# --- Accounts (the command-line tool) -------------------------------------------------------

def add_user(engine: Engine, name: str, password: str, is_admin: bool = False, now: float | None = None) -> Staff:
    name = normalise_name(name)
    if not name or len(name) > NAME_MAX_LENGTH or not all(ch.isalnum() or ch in "._-@" for ch in name):
        raise AccountError(f"Names are 1 to {NAME_MAX_LENGTH} letters, digits, dots, dashes, underscores or @.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.")
    with Session(engine, future=True) as session, session.begin():
        if session.scalar(select(User).where(User.name == name)):
            raise AccountError(f"There is already an account called {name}.")
        user = User(name=name, password_hash=hasher.hash(password), is_admin=is_admin, created_at=now or time.time())
        session.add(user)
        session.flush()
        return _staff(user)


def remove_user(engine: Engine, name: str) -> bool:
    with Session(engine, future=True) as session, session.begin():
        user = session.scalar(select(User).where(User.name == normalise_name(name)))
        if user is None:
            return False
        session.execute(delete(SessionRecord).where(SessionRecord.user_id == user.id))
        session.delete(user)
        return True


def list_users(engine: Engine) -> list[Staff]:
    with Session(engine, future=True) as session:
        return [_staff(user) for user in session.scalars(select(User).order_by(User.name))]


def unlock(engine: Engine, name: str) -> int:
    with Session(engine, future=True) as session, session.begin():
        result = session.execute(delete(LoginAttempt).where(LoginAttempt.name == normalise_name(name)))
        return result.rowcount or 0


# --- Signing in --------------------------------------------------------------------------------

def is_locked(engine: Engine, name: str, now: float | None = None) -> bool:
    now = now or time.time()
    with Session(engine, future=True) as session:
        failures = session.scalar(
            select(func.count()).select_from(LoginAttempt).where(
                LoginAttempt.name == normalise_name(name), LoginAttempt.at > now - LOCKOUT_SECONDS
            )
        )
    return (failures or 0) >= MAX_FAILURES


def authenticate(engine: Engine, name: str, password: str, now: float | None = None) -> Staff | None:
    """The staff member, or None (wrong name, wrong password or locked: the caller can't tell)."""
    now = now or time.time()
    name = normalise_name(name)[:NAME_MAX_LENGTH]
    locked = is_locked(engine, name, now)
    with Session(engine, future=True) as session, session.begin():
        user = session.scalar(select(User).where(User.name == name))
        try:
            hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
            verified = user is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            verified = False
        if locked or not verified:
            session.add(LoginAttempt(name=name, at=now))
            return None
        session.execute(delete(LoginAttempt).where(LoginAttempt.name == name))
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hasher.hash(password)
        return _staff(user)


# --- Sessions ----------------------------------------------------------------------------------

def _new_session(session: Session, user_id: int | None, now: float) -> ActiveSession:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(SessionRecord(token_hash=_hash_token(token), user_id=user_id, csrf_token=csrf, created_at=now, last_seen=now))
    return ActiveSession(token, csrf, None)


def start_pre_login(engine: Engine, now: float | None = None) -> ActiveSession:
    """A session with no user, only so that the sign-in form has a CSRF token."""
    now = now or time.time()
    with Session(engine, future=True) as session, session.begin():
        session.execute(
            delete(SessionRecord).where(SessionRecord.user_id.is_(None), SessionRecord.created_at < now - PRE_LOGIN_SECONDS)
        )
        return _new_session(session, None, now)


def start_session(engine: Engine, staff: Staff, replaces: str | None = None, now: float | None = None) -> ActiveSession:
    """A new session token after sign-in (never the pre-login one: no session fixation)."""
    now = now or time.time()
    with Session(engine, future=True) as session, session.begin():
        if replaces:
            session.execute(delete(SessionRecord).where(SessionRecord.token_hash == _hash_token(replaces)))
        session.execute(
            delete(SessionRecord).where(
                (SessionRecord.last_seen < now - SESSION_IDLE_SECONDS) | (SessionRecord.created_at < now - SESSION_MAX_SECONDS)
            )
        )
        new = _new_session(session, staff.id, now)
    return ActiveSession(new.token, new.csrf_token, staff)


def find_session(engine: Engine, token: str | None, now: float | None = None) -> ActiveSession | None:
    """The live session for this cookie value (pre-login ones too), refreshing its idle timer."""
    if not token or len(token) > 200:
        return None
    now = now or time.time()
    with Session(engine, future=True) as session, session.begin():
        record = session.get(SessionRecord, _hash_token(token))
        if record is None:
            return None
        limit = PRE_LOGIN_SECONDS if record.user_id is None else SESSION_IDLE_SECONDS
        if record.last_seen < now - limit or record.created_at < now - SESSION_MAX_SECONDS:
            session.delete(record)
            return None
        staff = None
        if record.user_id is not None:
            user = session.get(User, record.user_id)
            if user is None:
                session.delete(record)
                return None
            staff = _staff(user)
        record.last_seen = now
        return ActiveSession(token, record.csrf_token, staff)


def end_session(engine: Engine, token: str) -> None:
    with Session(engine, future=True) as session, session.begin():
        session.execute(delete(SessionRecord).where(SessionRecord.token_hash == _hash_token(token)))


def csrf_ok(active: ActiveSession | None, submitted: str | None) -> bool:
    return bool(active and submitted and hmac.compare_digest(active.csrf_token, submitted))


# --- Audit log ---------------------------------------------------------------------------------

def audit(engine: Engine, staff: Staff, action: str, conversation: str, now: float | None = None) -> None:
    with Session(engine, future=True) as session, session.begin():
        session.add(AuditEntry(at=now or time.time(), user_name=staff.name, action=action, conversation=conversation))


def audit_log(engine: Engine, limit: int = 500) -> list[AuditEntry]:
    with Session(engine, future=True) as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)))
        session.expunge_all()
        return entries
