"""Set-up: finding Python 3.10, and training only when the inputs changed."""
import os
import subprocess
from pathlib import Path

from bot import train

ROOT = Path(__file__).resolve().parents[1]
FIND_PYTHON = ROOT / "scripts" / "find_python.sh"


def run_finder(env_overrides):
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root"), **env_overrides}
    return subprocess.run(["bash", str(FIND_PYTHON)], capture_output=True, text=True, env=env)


def test_no_python_310_gives_one_clear_line(tmp_path):
    result = run_finder({"PYENV_ROOT": str(tmp_path), "PYTHON": "/nonexistent/python"})
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "No Python 3.10 found" in lines[0] and "PYTHON=" in lines[0]


def test_python_env_variable_is_used_first(tmp_path):
    import sys

    assert sys.version_info[:2] == (3, 10), "the tests run in the project's Python 3.10 virtualenv"
    result = run_finder({"PYENV_ROOT": str(tmp_path), "PYTHON": sys.executable})
    assert result.returncode == 0
    assert result.stdout.strip() == sys.executable


def test_fingerprint_changes_with_the_training_data(tmp_path):
    for name in ["config.yml", "domain.yml"]:
        (tmp_path / name).write_text(name)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "nlu.yml").write_text("a")
    (tmp_path / "bot" / "nlu").mkdir(parents=True)
    (tmp_path / "signposting").mkdir()
    (tmp_path / "signposting" / "risk_patterns.py").write_text("a")
    before = train.inputs_fingerprint(tmp_path)
    assert train.inputs_fingerprint(tmp_path) == before  # nothing changed: no retrain
    (tmp_path / "data" / "nlu.yml").write_text("b")
    changed_data = train.inputs_fingerprint(tmp_path)
    assert changed_data != before
    (tmp_path / "signposting" / "risk_patterns.py").write_text("b")  # the risk lexicon the component uses
    assert train.inputs_fingerprint(tmp_path) != changed_data


def test_a_change_to_how_the_model_trains_retrains_it(tmp_path, monkeypatch):
    for name in ["config.yml", "domain.yml", "data/nlu.yml", "bot/nlu/risk_component.py", "signposting/risk.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    before = train.inputs_fingerprint(tmp_path)
    monkeypatch.setattr(train, "REPRODUCIBLE_TRAINING", {**train.REPRODUCIBLE_TRAINING, "TF_DETERMINISTIC_OPS": "0"})
    assert train.inputs_fingerprint(tmp_path) != before


def test_training_is_reproducible_and_never_reuses_a_component_trained_otherwise(monkeypatch):
    monkeypatch.delenv("RASA_CACHE_DIRECTORY", raising=False)
    env = train.training_env()
    assert env["PYTHONHASHSEED"] == "0" and env["TF_DETERMINISTIC_OPS"] == "1"
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    assert env["RASA_CACHE_DIRECTORY"] == str(ROOT / ".rasa" / "cache-reproducible")  # not Rasa's default .rasa/cache
    from bot import nlu_eval  # cross-validation trains too, the same way

    assert nlu_eval.training_env is train.training_env


def test_every_process_runs_without_telemetry():
    from bot.run import child_environment
    from signposting.settings import settings

    assert child_environment(settings)["RASA_TELEMETRY_ENABLED"] == "false"
    assert "export RASA_TELEMETRY_ENABLED := false" in (ROOT / "Makefile").read_text()
