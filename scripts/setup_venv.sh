#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the pinned dependencies.
# Called by make only when requirements.txt or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin="$(scripts/find_python.sh)"
if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)'; then
    echo "Existing .venv is not Python 3.10: recreating it."
    rm -rf .venv
fi
[ -x .venv/bin/python ] || "$python_bin" -m venv .venv

export RASA_TELEMETRY_ENABLED=false PIP_DISABLE_PIP_VERSION_CHECK=1
echo "Installing pinned dependencies into .venv (first time takes about 2-3 minutes)..."
# One pip command for everything, constrained by the full lock: pip cannot drift from Rasa's pins.
.venv/bin/pip install --quiet --no-warn-script-location -r requirements.txt -c constraints.txt 2>&1 \
    | grep -v -E "is ignored: it is neither a file nor a directory|DEPRECATION: .* legacy 'setup.py install'" || true
.venv/bin/pip check
