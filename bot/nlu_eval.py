"""`make nlu-eval`: Rasa NLU cross-validation, printed as a per-intent table."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from signposting.settings import PROJECT_ROOT

FOLDS = 3


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        command = [
            sys.executable, "-m", "rasa", "test", "nlu", "--nlu", "data/nlu", "--config", "config.yml",
            "--cross-validation", "--folds", str(FOLDS), "--out", out,
        ]
        result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)
        report_path = Path(out) / "intent_report.json"
        if result.returncode != 0 or not report_path.exists():
            print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
            return 1
        report = json.loads(report_path.read_text())
    print(f"NLU {FOLDS}-fold cross-validation (test folds), intent classification")
    print(f"{'intent':24} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}")
    for intent, row in sorted(report.items()):
        if isinstance(row, dict) and "f1-score" in row and intent not in ("micro avg", "macro avg", "weighted avg"):
            print(f"{intent:24} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1-score']:6.3f} {row['support']:5}")
    for average in ("macro avg", "weighted avg"):
        if average in report:
            print(f"{average:24} {'':9} {'':7} {report[average]['f1-score']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
