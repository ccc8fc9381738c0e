"""Train the Rasa model only when its inputs changed.

The fingerprint covers config.yml, domain.yml, data/ and the custom components in
bot/nlu/. A second `make run` with nothing changed loads the existing model at once.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from signposting.settings import PROJECT_ROOT, settings

MODEL_NAME = "triage"
INPUTS = ["config.yml", "domain.yml", "data", "bot/nlu", "signposting"]
# Two trainings of the same data on the same machine give the same model only with both: the
# seeds in config.yml are not enough. Without them, two trainings read 195 of 1,606 development
# messages as different intents ("who can i talk to about stuff": talk to a person, or privacy at
# 1.00), so figures moved and a test could pass here and fail in CI. With them, two fresh
# trainings (each with its own empty cache) parsed all 1,606 alike, to six decimals (2026-12-02).
REPRODUCIBLE_TRAINING = {"PYTHONHASHSEED": "0", "TF_DETERMINISTIC_OPS": "1"}
# Rasa reuses a component trained earlier when its config and data match, whatever the
# environment was: a cache of its own, so no component from a training without them comes back.
TRAINING_CACHE = PROJECT_ROOT / ".rasa" / "cache-reproducible"


def training_env() -> dict[str, str]:
    """The environment for anything that trains a Rasa model: no telemetry, reproducible."""
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONWARNINGS": "ignore", "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_CACHE_DIRECTORY": os.environ.get("RASA_CACHE_DIRECTORY", str(TRAINING_CACHE)), **REPRODUCIBLE_TRAINING}


def model_path() -> Path:
    return settings.model_dir / f"{MODEL_NAME}.tar.gz"


def fingerprint_path() -> Path:
    return settings.model_dir / f"{MODEL_NAME}.fingerprint"


def inputs_fingerprint(root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256(repr(sorted(REPRODUCIBLE_TRAINING.items())).encode())  # how it trains, too
    for name in INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".pyc",) or "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def needs_training() -> bool:
    stamp = fingerprint_path()
    return not (model_path().exists() and stamp.exists() and stamp.read_text().strip() == inputs_fingerprint())


def train() -> None:
    settings.model_dir.mkdir(parents=True, exist_ok=True)
    fingerprint = inputs_fingerprint()
    print("Training the Rasa model (data, domain or config changed)...", flush=True)
    started = time.monotonic()
    command = [
        sys.executable, "-m", "rasa", "train",
        "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
        "--out", str(settings.model_dir), "--fixed-model-name", MODEL_NAME, "--quiet",
    ]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True, env=training_env())
    fingerprint_path().write_text(fingerprint)
    print(f"Trained in {time.monotonic() - started:.0f} s: {model_path()}", flush=True)


def main() -> int:
    if needs_training():
        try:
            train()
        except subprocess.CalledProcessError as error:
            print(f"Training failed (exit {error.returncode}); see the messages above.", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
