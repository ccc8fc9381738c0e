#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain in one line how to get one.
# Order: $PYTHON, python3.10 on PATH, pyenv's versions folder.
set -u

is_310() { [ -x "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$(command -v "$PYTHON" 2>/dev/null || echo "$PYTHON")")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
for dir in "$pyenv_root"/versions/3.10.*; do
    [ -d "$dir" ] && candidates+=("$dir/bin/python3.10" "$dir/bin/python")
done

for candidate in "${candidates[@]}"; do
    if is_310 "$candidate"; then
        # pyenv shims can point at a different version in another folder: resolve the real binary.
        "$candidate" -c 'import sys; print(sys.executable)'
        exit 0
    fi
done

echo "No Python 3.10 found (Rasa 3.6 needs 3.10): install it (e.g. 'pyenv install 3.10.13') or set PYTHON=/path/to/python3.10, then run make again." >&2
exit 1
