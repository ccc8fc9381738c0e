"""services_db/rows.py is the one mapping between the directory's tables and its records (issue #15):
what the loader writes is what the directory reads back, every column is mapped, and nothing else
builds rows or records from rows."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from services_db import models
from services_db.loader import for_deployment
from services_db.places import AliasRow, all_aliases
from services_db.rows import alias_record, alias_values, school_record, school_values, service_record
from services_db.schools import SchoolRecord, read_schools
from services_db.seed import ContactRecord, ServiceRecord, load_service_records
from signposting.settings import settings

ROOT = Path(__file__).resolve().parents[1]
# Record fields that are held in other tables, and columns that are the database's own keys.
SERVICE_LISTS = {"organisation", "audiences", "areas", "concerns", "access_routes", "contacts"}
DATABASE_KEYS = {"models.Service": {"organization_id"}, "models.Contact": {"id", "service_id", "position"},
                 "models.AreaAlias": {"id"}, "models.School": {"name_key"}}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def loaded_engine(request):
    """The seeded services database on SQLite, and on PostgreSQL in `make test`."""
    return request.getfixturevalue("seeded_engine" if request.param == "sqlite" else "postgres_engine")


def sorted_lists(record: ServiceRecord) -> ServiceRecord:
    """The seed file's order of areas, audiences, concerns and routes is not kept by the tables."""
    return dataclasses.replace(record, **{name: tuple(sorted(getattr(record, name)))
                                          for name in ("audiences", "areas", "concerns", "access_routes")})


def columns(model) -> set[str]:
    return {column.key for column in inspect(model).columns}


def fields(record_type) -> set[str]:
    return {field.name for field in dataclasses.fields(record_type)}


def test_every_service_the_loader_wrote_reads_back_as_the_same_record(loaded_engine):
    expected = {r.id: sorted_lists(r) for r in for_deployment(load_service_records(settings.deployment.services_file),
                                                                 settings.deployment)}
    with Session(loaded_engine, future=True) as session:
        read = {row.id: service_record(row) for row in session.scalars(select(models.Service))}
    assert len(read) > 20
    assert read == expected
    assert any(contact.schedule for record in read.values() for contact in record.contacts)  # the JSON column too


def test_every_place_name_and_school_reads_back_as_loaded(loaded_engine):
    with Session(loaded_engine, future=True) as session:
        aliases = [alias_record(row) for row in session.scalars(select(models.AreaAlias).order_by(models.AreaAlias.id))]
        seeded_schools = {row.urn: school_record(row) for row in session.scalars(
            select(models.School).where(models.School.urn.in_([school.urn for school in read_schools()])))}
    assert aliases == all_aliases()
    assert seeded_schools == {school.urn: school for school in read_schools()}
    assert any(school.has_mhst and school.mhst_source_url for school in seeded_schools.values())


def test_every_column_is_a_field_of_its_record():
    """A column added to a table without a field (or a field without a column) fails here:
    add it to the record and to services_db/rows.py."""
    assert columns(models.Service) - DATABASE_KEYS["models.Service"] == fields(ServiceRecord) - SERVICE_LISTS
    assert columns(models.Contact) - DATABASE_KEYS["models.Contact"] == fields(ContactRecord)
    assert columns(models.AreaAlias) - DATABASE_KEYS["models.AreaAlias"] == fields(AliasRow)
    assert columns(models.School) - DATABASE_KEYS["models.School"] == fields(SchoolRecord)
    # The bulk inserts of places and schools fill every column but the generated id.
    assert set(alias_values(all_aliases()[0])) == columns(models.AreaAlias) - {"id"}
    assert set(school_values(read_schools()[0])) == columns(models.School)


def constructions(path: Path) -> set[str]:
    """The model classes a file constructs (`models.Service(...)`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        f"models.{node.func.attr}" for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name) and node.func.value.id == "models"
    }


def test_only_the_mapping_builds_directory_rows():
    """Rows of the directory's tables are built in services_db/rows.py alone (the loader keeps the
    organisation and the data set's fingerprint, which are no record's)."""
    mapped = {"models.Service", "models.Contact", "models.AreaAlias", "models.School", "models.ServiceArea",
              "models.ServiceAudience", "models.ServiceConcern", "models.ServiceAccessRoute"}
    builders = {
        path.relative_to(ROOT).as_posix()
        for package in ("services_db", "actions", "bot")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and constructions(path) & mapped
    }
    assert builders == {"services_db/rows.py"}
