"""`make nlu-eval`: Rasa NLU cross-validation, printed as a per-intent table.

The FallbackClassifier is part of the pipeline, so a test message that falls below its
threshold counts as an error (predicted `nlu_fallback`). Also prints the most frequent
confusions, and how long the run took (about 14 CPU-minutes: 73 minutes of wall time on
the shared 2-core machine under heavy load, 2026-11-30).
`--out DIR` keeps Rasa's reports (intent_errors.json lists every misclassified example).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bot.train import training_env
from signposting.settings import PROJECT_ROOT

FOLDS = 3
TOP_CONFUSIONS = 15


def confusions(errors: list[dict]) -> Counter[tuple[str, str]]:
    """(true intent, predicted intent) → how many test examples were confused so."""
    return Counter((error["intent"], (error.get("intent_prediction") or {}).get("name") or "None") for error in errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="keep Rasa's reports in this directory")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as temporary:
        out = Path(args.out or temporary)
        out.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "rasa", "test", "nlu", "--nlu", "data/nlu", "--config", "config.yml",
            "--cross-validation", "--folds", str(FOLDS), "--out", str(out),
        ]
        result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=training_env())
        report_path = out / "intent_report.json"
        if result.returncode != 0 or not report_path.exists():
            print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
            return 1
        report = json.loads(report_path.read_text())
        errors_path = out / "intent_errors.json"
        errors = json.loads(errors_path.read_text()) if errors_path.exists() else []
    print(f"NLU {FOLDS}-fold cross-validation (test folds), intent classification")
    print(f"{'intent':24} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for intent, row in sorted(report.items()):
        if isinstance(row, dict) and "f1-score" in row and intent not in ("micro avg", "macro avg", "weighted avg"):
            print(f"{intent:24} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1-score']:6.3f} {row['support']:5}")
    for average in ("macro avg", "weighted avg"):
        if average in report:
            print(f"{average:24} {'':9} {'':7} {report[average]['f1-score']:6.3f}")
    if errors:
        print(f"\nMost frequent confusions (true → predicted), of {len(errors)} errors:")
        for (true, predicted), count in confusions(errors).most_common(TOP_CONFUSIONS):
            print(f"  {count:4}  {true} → {predicted}")
    print(f"\nRun time: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
