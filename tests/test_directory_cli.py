"""The maintainers' command line: load, validate, search, export, stale, import-schools, migrate."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from services_db.__main__ import main
from services_db.database import make_engine
from services_db.directory import read_directory
from services_db.export import oruk_service
from services_db.loader import import_schools, stale_services
from services_db.models import Base
from services_db.seed import SERVICES_FILE

ORUK = Path(__file__).resolve().parents[2] / "shared" / "reference" / "oruk" / "service_with_definitions.json"


@pytest.fixture
def engine_url(tmp_path):
    return f"sqlite:///{tmp_path / 'services.db'}"


@pytest.fixture
def loaded_url(seeded_engine, tmp_path):
    """A copy of the seeded database (what `load` writes, tested once below) for the other commands."""
    shutil.copyfile(seeded_engine.url.database, tmp_path / "loaded.db")
    return f"sqlite:///{tmp_path / 'loaded.db'}"


def test_the_migrations_create_exactly_the_models(seeded_engine, postgres_engine):
    for engine in (seeded_engine, postgres_engine):
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == [], engine.dialect.name


def test_load_then_search_prints_sourced_services(engine_url, capsys):
    assert main(["--database-url", engine_url, "load"]) == 0
    assert main(["--database-url", engine_url, "search", "--age", "14", "--area", "Stevenage", "--concern", "sleep"]) == 0
    out = capsys.readouterr().out
    assert "Local services for herts" in out and "Why:" in out and "Source: https://" in out


def test_parent_search_by_full_postcode(loaded_url, capsys):
    main(["--database-url", loaded_url, "search", "--age", "8", "--area", "LE2 3AB", "--concern", "worry", "--role", "parent"])
    out = capsys.readouterr().out
    assert "area_code='leicester'" in out and "for parents and carers" in out


def test_bad_seed_data_is_rejected_with_file_record_and_field(engine_url, tmp_path, monkeypatch, capsys):
    document = yaml.safe_load(SERVICES_FILE.read_text())
    document["services"][0]["source_url"] = None
    bad = tmp_path / "services.yaml"
    bad.write_text(yaml.safe_dump(document))
    from services_db import loader

    monkeypatch.setattr(loader, "load_service_records", lambda *_: __import__("services_db.seed", fromlist=["x"]).load_service_records(bad))
    assert main(["--database-url", engine_url, "load"]) == 2
    err = capsys.readouterr().err
    assert "services.yaml: record nat-999-ae: field source_url: is required" in err
    assert "nothing was loaded" in err


def test_export_validates_against_the_open_referral_uk_schema(directory):
    if not ORUK.exists():
        pytest.fail("../shared/reference/oruk is missing: the project needs ../shared beside it (README, CI)")
    schema = json.loads(ORUK.read_text())
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for service in directory.services:
        record = oruk_service(service)
        errors = sorted(validator.iter_errors(record), key=str)
        assert errors == [], f"{service.id}: {errors[0].message if errors else ''}"
        terms = {a["taxonomy_term"]["taxonomy"] for a in record["attributes"]}
        assert {"wtgh:source_url", "wtgh:record_id", "wtgh:level"} <= terms


def test_export_carries_every_phone_number(directory):
    for service in directory.services:
        record = oruk_service(service)
        numbers = {phone["number"] for contact in record["contacts"] for phone in contact.get("phones", [])}
        assert numbers == {c.value for c in service.contacts if c.type in ("phone", "text")}


def test_export_command_writes_json_and_csv(loaded_url, tmp_path):
    assert main(["--database-url", loaded_url, "export", "--output", str(tmp_path / "x.json")]) == 0
    assert len(json.loads((tmp_path / "x.json").read_text())) >= 30
    assert main(["--database-url", loaded_url, "export", "--format", "csv", "--output", str(tmp_path / "x.csv")]) == 0
    assert (tmp_path / "x.csv").read_text().startswith("id,name,organisation")


def test_stale_lists_records_not_verified_in_12_months(directory):
    assert stale_services(directory.services, date(2026, 12, 1)) == []
    stale = stale_services(directory.services, date(2028, 1, 1))
    assert len(stale) == len(directory.services)


GIAS_HEADER = "URN,EstablishmentName,LA (name),Postcode,Town,DistrictAdministrative (name),EstablishmentStatus (name),PhaseOfEducation (name)\n"


def test_import_schools_reads_the_gias_format(loaded_url, tmp_path):
    engine_url = loaded_url
    engine = make_engine(engine_url)
    gias = tmp_path / "edubasealldata.csv"
    gias.write_text(
        GIAS_HEADER
        + "138582,Samuel Ryder Academy,Hertfordshire,AL1 5AR,St Albans,St Albans,Open,All-through\n"
        + "900001,Harlow Test School,Essex,CM20 1AA,Harlow,Harlow,Open,Secondary\n"
        + "900002,Chelmsford Test School,Essex,CM1 1AA,Chelmsford,Chelmsford,Open,Primary\n"
        + "900003,Closed School,Leicester,LE1 1AA,Leicester,Leicester,Closed,Primary\n"
    )
    assert import_schools(engine, gias) == 3
    matcher = read_directory(engine).schools
    assert matcher.match("Samuel Ryder Academy").has_mhst  # the MHST evidence is kept by URN
    assert matcher.match("Harlow Test School").area_code == "west_essex"
    assert matcher.match("Chelmsford Test School").area_code == "national"
    assert matcher.match("Closed School") is None


def test_import_schools_rejects_a_file_that_is_not_gias(engine_url, tmp_path, capsys):
    bad = tmp_path / "schools.csv"
    bad.write_text("name,town\nA,B\n")
    assert main(["--database-url", engine_url, "import-schools", str(bad)]) == 2
    assert "not a GIAS CSV, missing column(s): URN" in capsys.readouterr().err


def test_a_school_elsewhere_in_england_is_recognised_as_outside(directory):
    school = directory.schools.match("Thomas Coram Centre")
    assert school is not None and school.area_code == "national"


def test_migrate_command(engine_url, capsys):
    assert main(["--database-url", engine_url, "migrate"]) == 0
    assert "up to date" in capsys.readouterr().out
