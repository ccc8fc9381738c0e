"""Issue #16: a deployment is configuration. Loading, validation, and the urgent lines' sources."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from signposting.deployment import (
    DEPLOYMENTS_DIR,
    ELSEWHERE_LINE,
    NATION_LINES,
    DeploymentError,
    available_deployments,
    load_deployment,
)
from signposting.vocabulary import AREA_CODES

FACTS = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "services_facts.yaml"
SHIPPED = ["combined", "herts-west-essex", "leicester-leicestershire-rutland", "national"]
NUMBER = re.compile(r"(?<![\w:/.])\d(?:\s?\d){2,12}(?![\d])")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def facts() -> dict[str, dict]:
    if not FACTS.exists():
        pytest.fail("../shared/reference/services_facts.yaml is missing: the project needs ../shared beside it")
    return {record["id"]: record for record in yaml.safe_load(FACTS.read_text())["records"]}


def test_the_four_deployments_are_shipped_and_valid():
    assert available_deployments() == sorted(SHIPPED)
    for name in SHIPPED:
        deployment = load_deployment(name)
        assert deployment.name == name and deployment.branding.service_name and deployment.allowed_origins


def test_each_deployment_covers_its_own_areas_only():
    assert load_deployment("combined").area_codes == set(AREA_CODES)
    assert load_deployment("herts-west-essex").area_codes == {"herts", "west_essex"}
    assert load_deployment("leicester-leicestershire-rutland").area_codes == {"leicester", "leicestershire", "rutland"}
    assert load_deployment("national").area_codes == set()


def test_every_urgent_line_is_a_verified_contact_of_its_record(facts):
    """Never an invented number: each number a line says is verified in the record it names."""
    lines = [(area.urgent_line.text, area.urgent_line.record) for name in SHIPPED for area in load_deployment(name).areas]
    lines += [*NATION_LINES.values(), (ELSEWHERE_LINE, "nat-nhs111-mh")]
    for text, record_id in lines:
        record = facts[record_id]
        assert record["confidence"] == "verified", record_id
        verified = " ".join(str(c.get("value")) for c in record.get("contacts") or [] if c.get("confidence") == "verified")
        numbers = NUMBER.findall(text)
        assert numbers, text
        for number in numbers:
            assert digits(number) in digits(verified), (record_id, number)


def test_the_local_line_follows_the_area():
    combined = load_deployment("combined")
    assert "0800 6444 101" in combined.crisis_lines("herts")
    assert "0808 800 3302" in combined.crisis_lines("rutland")
    assert "West Essex" in combined.crisis_lines("west_essex") and "111" in combined.crisis_lines("west_essex")
    assert combined.crisis_lines("national") == ELSEWHERE_LINE  # outside our areas: 111 routes to the local team
    assert "0808 808 8000" in combined.crisis_lines("northern_ireland")


def test_before_the_area_is_known_every_local_line_is_given_once():
    lines = load_deployment("combined").crisis_lines(None).splitlines()
    assert len(lines) == 3 and sum("0808 800 3302" in line for line in lines) == 1
    assert load_deployment("herts-west-essex").crisis_lines(None).count("0808 800 3302") == 0


def test_a_national_deployment_has_no_local_line_but_keeps_the_nations():
    national = load_deployment("national")
    assert national.crisis_lines(None) == national.crisis_lines("herts") == ELSEWHERE_LINE
    assert "111 and press 2" in national.crisis_lines("wales")
    assert not national.covers("herts") and national.keeps_area("scotland") and not national.keeps_area("herts")


def _write(tmp_path: Path, **changes) -> Path:
    raw = yaml.safe_load((DEPLOYMENTS_DIR / "herts-west-essex.yml").read_text())
    raw.update(changes)
    raw["name"] = "mine"
    path = tmp_path / "mine.yml"
    path.write_text(yaml.safe_dump(raw))
    return path


def test_a_valid_file_anywhere_can_be_chosen_by_path(tmp_path):
    assert load_deployment(str(_write(tmp_path))).area_codes == {"herts", "west_essex"}


def test_a_missing_deployment_names_the_shipped_ones():
    with pytest.raises(DeploymentError, match="no such deployment file.*herts-west-essex"):
        load_deployment("hertfordshire")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"areas": {"essex": {}}}, "areas.essex: unknown area code"),
        ({"areas": {"herts": {"places": "services_db/data/places"}}}, "areas.herts.urgent_line: is required"),
        ({"areas": {"herts": {"places": "services_db/data/places", "urgent_line": {"text": "Call the helpline."}}}},
         "areas.herts.urgent_line.record: is required"),
        ({"areas": {"herts": {"places": "services_db/data/places", "urgent_line": {"text": "Call us.", "record": "hwe-hpft-spa"}}}},
         "areas.herts.urgent_line.text: must give the number"),
        ({"areas": {"wales": {}}}, "areas.wales: national and the other UK nations are always covered"),
        ({"areas": {"herts": {"places": "nowhere/places.csv", "urgent_line": {"text": "Call 0800 6444 101.", "record": "hwe-hpft-spa"}}}},
         "areas.herts.places: nowhere/places.csv does not exist"),
        ({"services_file": "missing.yaml"}, "services_file: missing.yaml does not exist"),
        ({"branding": {"service_name": "Help", "primary_colour": "blue"}}, "branding.primary_colour: 'blue' must be a colour"),
        ({"branding": {"service_name": "Help", "logo": "https://cdn.example/logo.png"}}, "branding.logo: 'https://cdn.example/logo.png' must be a .svg or .png file"),
        ({"branding": {"service_name": "Help", "logo": "/static/missing.svg"}}, "branding.logo: '/static/missing.svg' must be"),
        ({"branding": {"primary_colour": "#005eb8"}}, "branding.service_name: is required"),
        ({"allowed_origins": ["https://help.example.nhs.uk/chat"]}, "allowed_origins: 'https://help.example.nhs.uk/chat' is not an origin"),
        ({"allowed_origins": []}, "allowed_origins: must be a non-empty list"),
        ({"retention_days": "ninety"}, "retention_days: 'ninety' must be a whole number"),
        ({"retention_days": 0}, "retention_days: 0 must be a whole number of days from 1"),
        ({"privacy_contact": ""}, "privacy_contact: is required"),
        ({"retention": 30}, "retention: is not a deployment setting"),
    ],
)
def test_a_bad_file_is_refused_with_the_field_and_the_problem(tmp_path, change, problem):
    with pytest.raises(DeploymentError) as error:
        load_deployment(str(_write(tmp_path, **change)))
    assert any(line.startswith("mine.yml: ") and problem in line for line in error.value.problems), error.value.problems


def test_every_problem_is_reported_at_once(tmp_path):
    with pytest.raises(DeploymentError) as error:
        load_deployment(str(_write(tmp_path, retention_days=-1, allowed_origins="*", privacy_contact=None)))
    assert len(error.value.problems) == 3


def test_the_name_must_match_the_file(tmp_path):
    path = _write(tmp_path)
    path.write_text(path.read_text().replace("name: mine", "name: other"))
    with pytest.raises(DeploymentError, match="name: must match the file name"):
        load_deployment(str(path))


def test_a_file_that_is_not_yaml_or_not_a_mapping_is_refused(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("areas: [unclosed")
    with pytest.raises(DeploymentError, match="cannot be read as YAML"):
        load_deployment(str(broken))
    broken.write_text("- a list\n")
    with pytest.raises(DeploymentError, match="must be a mapping"):
        load_deployment(str(broken))


def test_settings_read_the_deployment_and_env_overrides_it(monkeypatch):
    from signposting import settings as settings_module

    monkeypatch.setenv("DEPLOYMENT", "national")
    monkeypatch.delenv("ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    loaded = settings_module.load_settings()
    assert loaded.deployment.name == "national"
    assert loaded.allowed_origins == loaded.deployment.allowed_origins
    assert loaded.retention_days == loaded.deployment.retention_days
    monkeypatch.setenv("RETENTION_DAYS", "30")
    assert settings_module.load_settings().retention_days == 30
    monkeypatch.setenv("DEPLOYMENT", "nowhere")
    with pytest.raises(DeploymentError, match="no such deployment file"):
        settings_module.load_settings()
