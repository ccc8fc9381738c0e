"""The scale-out deployment's systemd units restart a crashed process, and never give up on it."""
from __future__ import annotations

import configparser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))


def read_unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read(path, encoding="utf-8")
    return unit


def seconds(value: str) -> float:
    """A systemd time span in the forms these units use: 5, 5s, 2min."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(s|sec|min)?", value.strip())
    assert match, f"not a time span: {value!r}"
    return float(match[1]) * (60 if match[2] == "min" else 1)


def test_there_are_units():
    assert {path.name for path in UNITS} >= {"cyp-rasa@.service", "cyp-actions@.service", "cyp-web.service"}


@pytest.mark.parametrize("path", UNITS, ids=[path.name for path in UNITS])
def test_a_unit_restarts_its_process_on_failure_with_a_pause(path):
    service = read_unit(path)["Service"]
    assert service.get("Restart") == "on-failure"
    assert seconds(service.get("RestartSec", "0.1")) >= 1  # systemd's default 100 ms would be a tight loop
    assert seconds(service.get("RestartMaxDelaySec", "0")) >= seconds(service["RestartSec"])


@pytest.mark.parametrize("path", UNITS, ids=[path.name for path in UNITS])
def test_a_unit_is_never_given_up_on(path):
    """systemd's default start limit (5 starts in 10 s) would leave a crash-looping server down for good."""
    assert read_unit(path)["Unit"].get("StartLimitIntervalSec") == "0"


def test_every_process_of_the_procfile_but_nginx_has_a_unit():
    """nginx has Debian's own unit; the project's processes need one each, or a crash keeps them down."""
    commands = [line.split(":", 1)[1] for line in (DEPLOY / "Procfile").read_text().splitlines()
                if line and not line.startswith("#") and not line.startswith("nginx:")]
    exec_starts = [read_unit(path)["Service"]["ExecStart"] for path in UNITS]
    for command in commands:
        module = re.search(r"-m (\S+(?: run)?(?: \S+:app)?)", command)
        assert module, command
        assert any(f"-m {module[1]}" in exec_start for exec_start in exec_starts), f"no unit runs {module[1]}"


def test_the_deploy_guide_says_how_to_see_a_restart():
    guide = (DEPLOY / "README.md").read_text()
    for unit in ("cyp-rasa@5005", "cyp-actions@5055", "cyp-web"):
        assert f"journalctl -u {unit}" in guide, unit
    assert "NRestarts" in guide
