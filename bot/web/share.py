"""Short links to a list of services, so a list found on one device opens on another.

A link keeps only what is needed to draw the list again: the service ids, the area code
and the day it was made. Nothing the person typed, no conversation id, no IP address.
It works for LINK_DAYS days; expired links are deleted whenever a new link is made.
SQLite by default (var/share.db), PostgreSQL through SHARE_DATABASE_URL.
Sending a link by SMS or email would be a separate step that takes a `ShareLink`.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Column, Date, String, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base

from services_db.database import make_engine
from signposting.vocabulary import AREA_CODES, NATIONS

LINK_DAYS = 7
MAX_SERVICES = 12
SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{12,32}$")

Base = declarative_base()


class _Row(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "share_link"
    token = Column(String(32), primary_key=True)
    service_ids = Column(String(MAX_SERVICES * 81), nullable=False)  # comma-separated
    area_code = Column(String(40), nullable=True)
    created_on = Column(Date, nullable=False, index=True)


@dataclass(frozen=True)
class ShareLink:
    token: str
    service_ids: tuple[str, ...]
    area_code: str | None
    created_on: date

    @property
    def expires_on(self) -> date:
        """The last day the link works."""
        return self.created_on + timedelta(days=LINK_DAYS)


class ShareError(ValueError):
    """The request to make a link was not a list of known-looking service ids."""


def clean_request(service_ids: object, area_code: object) -> tuple[tuple[str, ...], str | None]:
    """Ids and area from a browser, checked: anything else is refused, never stored."""
    if not isinstance(service_ids, list) or not service_ids or len(service_ids) > MAX_SERVICES:
        raise ShareError(f"Please send between 1 and {MAX_SERVICES} services.")
    ids = tuple(dict.fromkeys(service_ids))  # in order, once each
    if not all(isinstance(i, str) and SERVICE_ID.match(i) for i in ids):
        raise ShareError("That is not a list of services.")
    area = area_code if isinstance(area_code, str) and (area_code in AREA_CODES or area_code in NATIONS) else None
    return ids, area


class ShareLinks:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        Base.metadata.create_all(engine)

    @classmethod
    def from_url(cls, url: str) -> ShareLinks:
        return cls(make_engine(url))

    def create(self, service_ids: tuple[str, ...], area_code: str | None, today: date) -> ShareLink:
        link = ShareLink(secrets.token_urlsafe(12), service_ids, area_code, today)
        with Session(self.engine, future=True) as session, session.begin():
            session.execute(delete(_Row).where(_Row.created_on < today - timedelta(days=LINK_DAYS)))
            session.add(_Row(token=link.token, service_ids=",".join(service_ids), area_code=area_code, created_on=today))
        return link

    def get(self, token: str, today: date) -> ShareLink | None:
        """The link, or None when it is unknown or has expired."""
        if not TOKEN.match(token):
            return None
        with Session(self.engine, future=True) as session:
            row = session.scalar(select(_Row).where(_Row.token == token))
        if row is None:
            return None
        link = ShareLink(row.token, tuple(row.service_ids.split(",")), row.area_code, row.created_on)
        return link if today <= link.expires_on else None
