"""A deployment is configuration (issue #16): one YAML file in `deployments/` per area a trust or
council runs the bot for, chosen by the DEPLOYMENT environment variable.

The file says which areas are covered (and where their place data is), the local urgent line
for each area, which services seed file to load, the branding, the allowed origins, how long
conversations are kept and who to contact about privacy. Every process reads it once at start
(`signposting.settings`), so switching deployment needs no code change and no retraining: the
crisis policy puts the local line into a slot (`local_crisis_lines`) that the crisis response
template interpolates, and the action server decides "outside our areas" from it.

A bad file stops the process with every problem listed, as `file: field: what is wrong`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from signposting.vocabulary import AREA_CODES, NATIONAL, NATIONS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEPLOYMENTS_DIR = PROJECT_ROOT / "deployments"
DEFAULT_DEPLOYMENT = "combined"
STATIC_DIR = PROJECT_ROOT / "bot" / "web" / "static"  # where a logo file goes (served at /static/)
# Each nation's own urgent line, for users who said they live there: the same in every
# deployment (they are UK facts, not local configuration). Record ids in
# ../shared/reference/services_facts.yaml.
NATION_LINES: dict[str, tuple[str, str]] = {
    "wales": ("In Wales, call 111 and press 2 for urgent mental health help, day or night.", "wal-nhs111-press2"),
    "scotland": ("In Scotland, call 111 for urgent mental health help, day or night.", "sco-nhs24-mh-hub"),
    "northern_ireland": ("In Northern Ireland, call Lifeline on 0808 808 8000, day or night.", "ni-lifeline"),
}
# For a user we know lives outside the deployment's areas (elsewhere in England), and for
# everyone in a national-only deployment. Record nat-nhs111-mh: 24/7, all ages, calls routed
# to the local NHS mental health trust.
ELSEWHERE_LINE = "Wherever you are in England, 111's mental health option puts you through to your local NHS mental health team, day or night."
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
ORIGIN = re.compile(r"^https?://[^/\s]+$")
RECORD_ID = re.compile(r"^[a-z]{2,4}-[a-z0-9-]+$")
NHS_BLUE = "#005eb8"


class DeploymentError(ValueError):
    """The deployment file is missing or invalid; the message lists every problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class UrgentLine:
    text: str  # one sentence, as the crisis reply says it
    record: str  # the record in ../shared/reference/services_facts.yaml its number comes from


@dataclass(frozen=True)
class Area:
    code: str  # signposting.vocabulary.AREA_CODES
    name: str  # as the bot says it
    places: str  # the place data for this area (a path in the project, or a note)
    urgent_line: UrgentLine


@dataclass(frozen=True)
class Branding:
    service_name: str
    primary_colour: str = NHS_BLUE
    logo: str | None = None  # a file in bot/web/static/ ("/static/logo.svg"), or None: the name alone


@dataclass(frozen=True)
class Deployment:
    name: str
    description: str
    areas: tuple[Area, ...]
    services_file: Path
    branding: Branding
    allowed_origins: tuple[str, ...]
    retention_days: int
    privacy_contact: str
    postcode_examples: str  # for the area question: "SG1 or LE2"
    source: Path

    @property
    def area_codes(self) -> frozenset[str]:
        return frozenset(area.code for area in self.areas)

    def covers(self, area_code: str | None) -> bool:
        """Is this one of the deployment's own areas (where local services are shown)?"""
        return area_code in self.area_codes

    def keeps_area(self, area_code: str | None) -> bool:
        """Is a place in this area answered as such (ours, or another UK nation), not as "outside our areas"?"""
        return self.covers(area_code) or area_code in NATIONS

    def area_names(self) -> list[str]:
        return [area.name for area in self.areas]

    def crisis_lines(self, area_code: str | None) -> str:
        """The local urgent line(s) for the crisis reply, never empty.

        The user's area's line when we know it (another UK nation's own line for a user there);
        every local line of the deployment (each names its area) while we don't know; the
        England-wide route through 111 for a user outside our areas, and in a national-only
        deployment."""
        if area_code in NATION_LINES:
            return NATION_LINES[area_code][0]
        for area in self.areas:
            if area.code == area_code:
                return area.urgent_line.text
        if area_code is None and self.areas:
            return "\n".join(dict.fromkeys(area.urgent_line.text for area in self.areas))
        return ELSEWHERE_LINE

    def record_ids(self) -> set[str]:
        return {area.urgent_line.record for area in self.areas}


def deployment_path(name_or_path: str) -> Path:
    """`herts-west-essex` → deployments/herts-west-essex.yml; a path (with / or .yml) is used as is."""
    if "/" in name_or_path or name_or_path.endswith((".yml", ".yaml")):
        path = Path(name_or_path)
        return path if path.is_absolute() else PROJECT_ROOT / path
    return DEPLOYMENTS_DIR / f"{name_or_path}.yml"


def available_deployments() -> list[str]:
    return sorted(path.stem for path in DEPLOYMENTS_DIR.glob("*.yml"))


def load_deployment(name_or_path: str = DEFAULT_DEPLOYMENT) -> Deployment:
    """Read and validate a deployment file; raise DeploymentError listing every problem."""
    path = deployment_path(name_or_path)
    label = path.name
    if not path.is_file():
        known = ", ".join(available_deployments()) or "none"
        raise DeploymentError([f"{label}: no such deployment file ({path}); shipped deployments: {known}"])
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DeploymentError([f"{label}: cannot be read as YAML: {error}"]) from error
    if not isinstance(raw, dict):
        raise DeploymentError([f"{label}: must be a mapping of settings"])
    return _Reader(label, path, raw).deployment()


class _Reader:
    """Checks one file, collecting every problem before failing."""

    def __init__(self, label: str, path: Path, raw: dict[str, Any]):
        self.label, self.path, self.raw = label, path, raw
        self.problems: list[str] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(f"{self.label}: {field}: {message}")

    def text(self, mapping: dict[str, Any], field: str, where: str, required: bool = True) -> str:
        value = mapping.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(f"{where}{field}", "is required")
            return ""
        if not isinstance(value, str):
            self.fail(f"{where}{field}", "must be text")
            return ""
        return value.strip()

    def deployment(self) -> Deployment:
        raw = self.raw
        known = {"name", "description", "areas", "services_file", "branding", "allowed_origins", "retention_days",
                 "privacy_contact", "postcode_examples"}
        for field in sorted(set(raw) - known):
            self.fail(field, f"is not a deployment setting (known: {', '.join(sorted(known))})")
        name = self.text(raw, "name", "")
        if name and name != self.path.stem:
            self.fail("name", f"must match the file name ({self.path.stem!r})")
        deployment = Deployment(
            name=name,
            description=self.text(raw, "description", ""),
            areas=self.areas(raw.get("areas")),
            services_file=self.services_file(),
            branding=self.branding(raw.get("branding")),
            allowed_origins=self.origins(raw.get("allowed_origins")),
            retention_days=self.retention(raw.get("retention_days")),
            privacy_contact=self.text(raw, "privacy_contact", ""),
            postcode_examples=self.text(raw, "postcode_examples", ""),
            source=self.path,
        )
        if self.problems:
            raise DeploymentError(self.problems)
        return deployment

    def areas(self, raw: Any) -> tuple[Area, ...]:
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.fail("areas", "must be a mapping of area code to settings ({} for a national-only deployment)")
            return ()
        areas = []
        for code, settings in raw.items():
            where = f"areas.{code}."
            if code == NATIONAL or code in NATIONS:
                self.fail(f"areas.{code}", "national and the other UK nations are always covered; list local areas only")
                continue
            if code not in AREA_CODES:
                self.fail(f"areas.{code}", f"unknown area code (known: {', '.join(AREA_CODES)})")
                continue
            if not isinstance(settings, dict):
                self.fail(f"areas.{code}", "must be a mapping with places and urgent_line")
                continue
            line = settings.get("urgent_line")
            if not isinstance(line, dict):
                self.fail(f"{where}urgent_line", "is required: a mapping with text and record")
                line = {}
            text = self.text(line, "text", f"{where}urgent_line.")
            record = self.text(line, "record", f"{where}urgent_line.")
            if record and not RECORD_ID.match(record):
                self.fail(f"{where}urgent_line.record", f"{record!r} is not a services_facts.yaml record id")
            if text and not re.search(r"\d{3}", text):
                self.fail(f"{where}urgent_line.text", "must give the number to call")
            places = self.text(settings, "places", where)
            if places and not (PROJECT_ROOT / places).exists():
                self.fail(f"{where}places", f"{places} does not exist in the project")
            name = self.text(settings, "name", where, required=False) or AREA_CODES[code]
            areas.append(Area(code, name, places, UrgentLine(text, record)))
        return tuple(areas)

    def services_file(self) -> Path:
        value = self.text(self.raw, "services_file", "")
        path = PROJECT_ROOT / value
        if value and not path.is_file():
            self.fail("services_file", f"{value} does not exist in the project")
        return path

    def branding(self, raw: Any) -> Branding:
        if not isinstance(raw, dict):
            self.fail("branding", "is required: a mapping with service_name (and optionally primary_colour, logo)")
            return Branding(service_name="")
        for field in sorted(set(raw) - {"service_name", "primary_colour", "logo"}):
            self.fail(f"branding.{field}", "is not a branding setting (service_name, primary_colour, logo)")
        colour = self.text(raw, "primary_colour", "branding.", required=False) or NHS_BLUE
        if not COLOUR.match(colour):
            self.fail("branding.primary_colour", f"{colour!r} must be a colour like #005eb8")
        logo = self.text(raw, "logo", "branding.", required=False) or None
        # Served by the web app itself: the chat page's Content-Security-Policy allows only 'self' images.
        if logo and not (re.fullmatch(r"/static/[\w.-]+\.(svg|png)", logo) and (STATIC_DIR / logo[len("/static/"):]).is_file()):
            self.fail("branding.logo", f"{logo!r} must be a .svg or .png file in bot/web/static/, given as /static/<file>")
        return Branding(self.text(raw, "service_name", "branding."), colour, logo)

    def origins(self, raw: Any) -> tuple[str, ...]:
        if not isinstance(raw, list) or not raw:
            self.fail("allowed_origins", "must be a non-empty list of origins, like https://help.example.nhs.uk")
            return ()
        origins = []
        for origin in raw:
            if not isinstance(origin, str) or not ORIGIN.match(origin.strip()):
                self.fail("allowed_origins", f"{origin!r} is not an origin (scheme://host[:port], no path)")
            else:
                origins.append(origin.strip())
        return tuple(origins)

    def retention(self, raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 3650:
            self.fail("retention_days", f"{raw!r} must be a whole number of days from 1 to 3650")
            return 0
        return raw
