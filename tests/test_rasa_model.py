"""Rasa's own checks on the data and the trained model."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


# Rasa's command line with the model loaded as the Rasa servers load it (bot/fast_model_load.py).
RASA_AS_SERVED = (
    "import sys; from bot import fast_model_load; fast_model_load.install(); "
    "from rasa.__main__ import main; sys.argv[0] = 'rasa'; main()"
)


def rasa(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RASA_AS_SERVED, *args], cwd=ROOT, env={**ENV, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=timeout,
    )


@pytest.mark.rasa  # runs `rasa data validate` (a Rasa command, about 10 s of CPU): make test, not test-fast
def test_rasa_data_validate_passes():
    result = rasa("data", "validate", "--domain", "domain.yml", "--data", "data", "--config", "config.yml")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.rasa
def test_conversation_test_stories_pass(tmp_path):
    result = rasa(
        "test", "core", "--model", "models/triage.tar.gz", "--stories", "tests/stories",
        "--fail-on-prediction-errors", "--out", str(tmp_path),
    )
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, detail[-4000:] + result.stdout[-2000:] + result.stderr[-2000:]
