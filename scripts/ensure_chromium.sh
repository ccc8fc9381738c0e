#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (no browser download works
# here). Install the package when it is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium (Debian package) for the browser tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "Chromium is not installed: install the 'chromium' package, or set CHROMIUM_PATH." >&2
    exit 1
fi
