"""SQLAlchemy models of the services directory, after Open Referral UK.

Names follow Open Referral UK (HSDS UK profile) where they mean the same thing:
organization, service, service_area, eligibility (min/max age), contact. Our own
additions (concern taxonomy, access routes, crisis flag, source and verification
date) are extra tables/columns. Written for SQLAlchemy 1.4 in 2.0 style.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base, relationship

Base: Any = declarative_base()  # Any: SQLAlchemy 1.4 gives mypy no type for it


class Organization(Base):
    __tablename__ = "organization"

    id = Column(Integer, primary_key=True)
    name = Column(String(200), unique=True, nullable=False)

    services = relationship("Service", back_populates="organization")


class Service(Base):
    __tablename__ = "service"

    id = Column(String(80), primary_key=True)  # the fact sheet's id, e.g. "nat-childline"
    organization_id = Column(ForeignKey("organization.id"), nullable=False)
    name = Column(String(200), nullable=False)
    description = Column(Text, nullable=False)
    min_age = Column(Integer)  # inclusive; NULL = the source states no lower limit
    max_age = Column(Integer)  # inclusive; NULL = no upper limit stated (see no_upper_age)
    # True when the source says there is no upper age ("all ages", "16 and over"). A NULL
    # max_age without it is an upper age the source does not state: the search treats the
    # service as a children's one (vocabulary.UNSTATED_MAX_AGE).
    no_upper_age = Column(Boolean, nullable=False, default=False)
    age_note = Column(String(200))
    access_note = Column(Text)
    crisis = Column(Boolean, nullable=False, default=False)
    level = Column(String(20), nullable=False, default="early_help")  # see vocabulary.LEVELS
    specialist = Column(String(300))  # set when only a specific group may use it
    stale_risk = Column(String(10), nullable=False, default="low")
    source_url = Column(String(500), nullable=False)
    last_verified = Column(Date, nullable=False)

    organization = relationship("Organization", back_populates="services")
    areas = relationship("ServiceArea", cascade="all, delete-orphan", lazy="selectin")
    audiences = relationship("ServiceAudience", cascade="all, delete-orphan", lazy="selectin")
    concerns = relationship("ServiceConcern", cascade="all, delete-orphan", lazy="selectin")
    access_routes = relationship(
        "ServiceAccessRoute", cascade="all, delete-orphan", lazy="selectin"
    )
    contacts = relationship(
        "Contact", cascade="all, delete-orphan", lazy="selectin", order_by="Contact.position"
    )


class ServiceArea(Base):
    __tablename__ = "service_area"

    service_id = Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    area_code = Column(String(40), primary_key=True)


class ServiceAudience(Base):
    __tablename__ = "service_audience"

    service_id = Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    audience = Column(String(40), primary_key=True)


class ServiceConcern(Base):
    __tablename__ = "service_concern"

    service_id = Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    concern = Column(String(40), primary_key=True)


class ServiceAccessRoute(Base):
    __tablename__ = "service_access_route"

    service_id = Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    route = Column(String(40), primary_key=True)


class Contact(Base):
    __tablename__ = "contact"

    id = Column(Integer, primary_key=True)
    service_id = Column(ForeignKey("service.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False, default=0)
    type = Column(String(20), nullable=False)  # phone | text | webchat | email | website
    value = Column(String(300), nullable=False)
    label = Column(String(200))
    hours = Column(String(200))
    open_24_7 = Column(Boolean, nullable=False, default=False)
    # [{"days": ["mon", ...], "opens": "09:00", "closes": "17:00"}], Europe/London times.
    schedule = Column(JSON)


class AreaAlias(Base):
    """A place name or postcode district that maps to an area code."""

    __tablename__ = "area_alias"

    id = Column(Integer, primary_key=True)
    alias = Column(String(120), nullable=False, index=True)  # normalised: lower case, single spaces
    display_name = Column(String(120), nullable=False)
    kind = Column(String(30), nullable=False)  # see places.KINDS
    area_code = Column(String(40), nullable=False)  # AREA_CODES, NATIONS or "national"
    district = Column(String(120))
    source = Column(String(300), nullable=False)
    # How to offer this area when the name or postcode is in more than one: town names
    # people know ("Stansted Mountfitchet or Takeley (Essex)"), never a council's name.
    option_label = Column(String(160))


class School(Base):
    __tablename__ = "school"

    urn = Column(Integer, primary_key=True)  # DfE unique reference number
    name = Column(String(200), nullable=False)
    name_key = Column(String(200), nullable=False, index=True)  # normalised for matching
    local_authority = Column(String(120))
    la_basis = Column(String(300))  # how sure the local authority is (derived from postcode sector)
    postcode = Column(String(10))
    town = Column(String(120))
    district = Column(String(120))
    area_code = Column(String(40), nullable=False)
    has_mhst = Column(Boolean, nullable=False, default=False)
    mhst_provider = Column(String(300))
    mhst_source_url = Column(String(500))
    mhst_evidence = Column(String(200))
    mhst_evidence_date = Column(String(100))  # a date, or words like "undated"


class DatasetVersion(Base):
    """Fingerprint of the seed files last loaded, so `load --if-changed` can skip work."""

    __tablename__ = "dataset_version"

    id = Column(Integer, primary_key=True)
    fingerprint = Column(String(64), nullable=False)
    loaded_on = Column(Date, nullable=False, default=date.today)
