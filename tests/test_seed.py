"""The seed data is true to the reviewed fact sheet, and bad data is rejected precisely."""
import re
from pathlib import Path

import pytest
import yaml

from services_db.seed import SERVICES_FILE, SeedError, load_service_records

FACTS = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "services_facts.yaml"
PHONE = re.compile(r"\b0\d{2,4} ?\d{3} ?\d{3,4}\b|\b116 ?123\b|\b999\b|\b111\b|\b85258\b")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def facts():
    if not FACTS.exists():
        pytest.fail("../shared/reference/services_facts.yaml is missing: the project needs ../shared beside it (README, CI)")
    return {record["id"]: record for record in yaml.safe_load(FACTS.read_text())["records"]}


def test_the_seed_file_is_valid():
    records = load_service_records()
    assert len(records) >= 30
    assert all(record.source_url.startswith("http") and record.last_verified for record in records)


def test_every_seeded_service_is_verified_in_the_fact_sheet(facts):
    for record in load_service_records():
        assert record.id in facts, record.id
        assert facts[record.id]["confidence"] == "verified", record.id


def test_every_contact_is_a_verified_contact_of_the_same_service(facts):
    for record in load_service_records():
        verified = " ".join(
            str(contact.get("value")) for contact in facts[record.id].get("contacts") or [] if contact.get("confidence") == "verified"
        )
        for contact in record.contacts:
            if contact.type in ("phone", "text"):
                assert digits(contact.value) in digits(verified), f"{record.id}: {contact.value}"
            else:
                assert contact.value.split("//")[-1].rstrip("/") in verified, f"{record.id}: {contact.value}"


def test_no_unverified_number_is_anywhere_in_the_seed_file(facts):
    seed_digits = digits(SERVICES_FILE.read_text())
    # An unverified textphone "18001 0808 808 8000" contains the verified line 0808 808 8000.
    verified = {
        digits(number)
        for record in facts.values()
        for contact in record.get("contacts") or []
        if contact.get("confidence") == "verified"
        for number in PHONE.findall(str(contact.get("value")))
    }
    for record in facts.values():
        for contact in record.get("contacts") or []:
            if contact.get("confidence") == "unverified":
                assert digits(str(contact.get("value"))) not in seed_digits or len(digits(str(contact.get("value")))) < 10
                for number in PHONE.findall(str(contact.get("value"))):
                    if len(digits(number)) >= 10 and digits(number) not in verified:
                        assert digits(number) not in seed_digits, number


def test_numbers_the_notes_say_are_wrong_are_never_used():
    text = SERVICES_FILE.read_text()
    for wrong in ["0808 800330 ", "0300 777 0707", "01438 843322", "0116 295 3060", "07480 635050"]:
        assert wrong not in text


CRISIS_LINES = Path(__file__).resolve().parents[1] / "services_db" / "data" / "crisis_lines.yaml"
# Any run of 3 or more digits, with single spaces inside: "0800 1111", "116 000", "020 7008 0151", "999".
NUMBER = re.compile(r"(?<![\w:/.])\d(?:\s?\d){2,12}(?![\d])")


def crisis_lines() -> list[dict]:
    return yaml.safe_load(CRISIS_LINES.read_text())["lines"]


def test_the_number_finder_sees_every_format_the_templates_use():
    found = [digits(n) for n in NUMBER.findall("call 0800 1111, text 116 000, 020 7008 0151, 999, 101 or 85258; under 19, 9am")]
    assert found == ["08001111", "116000", "02070080151", "999", "101", "85258"]


def test_every_phone_number_the_bot_says_is_a_seeded_contact_or_a_sourced_crisis_line():
    """domain.yml holds the crisis text; each number in it must be a verified contact."""
    responses = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text())["responses"]
    said = " ".join(str(variant.get("text") or "") for variants in responses.values() for variant in variants)
    known = {digits(c.value) for r in load_service_records() for c in r.contacts if c.type in ("phone", "text")}
    known |= {digits(line["value"]) for line in crisis_lines() if digits(line["value"])}
    assert NUMBER.findall(said)
    for number in NUMBER.findall(said):
        assert digits(number) in known, number


def test_every_crisis_line_is_a_verified_contact_of_its_record_with_its_source(facts):
    for line in crisis_lines():
        record = facts[line["record"]]
        assert record["confidence"] == "verified", line
        verified = " ".join(str(c.get("value")) for c in record.get("contacts") or [] if c.get("confidence") == "verified")
        verified += " " + " ".join(str(a) for a in record.get("access") or [])
        value = line["value"]
        assert (digits(value) in digits(verified)) if digits(value) and not value.startswith("http") else \
            value.split("//")[-1].rstrip("/").lower() in verified.lower(), line
        assert line["source_url"] in [source.get("url") for source in record.get("sources") or []], line
        assert line["last_verified"]


def _write(tmp_path, services):
    path = tmp_path / "services.yaml"
    path.write_text(yaml.safe_dump({"services": services}))
    return path


def _valid_record():
    return yaml.safe_load(SERVICES_FILE.read_text())["services"][2]


def test_a_record_without_a_source_fails_naming_file_record_and_field(tmp_path):
    record = _valid_record()
    record["source_url"] = ""
    with pytest.raises(SeedError) as error:
        load_service_records(_write(tmp_path, [record]))
    assert error.value.problems == [f"services.yaml: record {record['id']}: field source_url: is required"]


def test_a_record_without_a_verified_date_fails(tmp_path):
    record = _valid_record()
    del record["last_verified"]
    with pytest.raises(SeedError, match="field last_verified: is required"):
        load_service_records(_write(tmp_path, [record]))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("areas", ["hertfordshire"], "field areas: unknown value(s) hertfordshire"),
        ("concerns", ["sadness"], "field concerns: unknown value(s) sadness"),
        ("min_age", 30, "field min_age: 30 is above max_age 18"),
        ("stale_risk", "unknown", "field stale_risk: must be one of low, medium, high"),
        ("level", "tier3", "field level: must be one of"),
    ],
)
def test_bad_values_are_rejected_precisely(tmp_path, field, value, message):
    record = _valid_record()
    record[field] = value
    with pytest.raises(SeedError, match=re.escape(message)):
        load_service_records(_write(tmp_path, [record]))


def test_a_bad_contact_is_rejected_with_its_position(tmp_path):
    record = _valid_record()
    record["contacts"][0]["type"] = "fax"
    with pytest.raises(SeedError, match=r"field contacts\[1\]\.type"):
        load_service_records(_write(tmp_path, [record]))


def test_nothing_is_loaded_when_any_record_is_bad(tmp_path, monkeypatch):
    from services_db import loader
    from services_db.database import make_engine

    good, bad = _valid_record(), _valid_record()
    bad["id"] = "bad-one"
    bad["areas"] = []
    path = _write(tmp_path, [good, bad])
    monkeypatch.setattr(loader, "load_service_records", lambda *_: load_service_records(path))
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(SeedError):
        loader.load_all(engine)
    assert loader.current_fingerprint(engine) is None
