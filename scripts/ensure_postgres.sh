#!/usr/bin/env bash
# The directory tests run against a real PostgreSQL too. Install the Debian package when
# no PostgreSQL server binaries are present (the tests start and stop their own server).
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian package) for the database tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
else
    echo "PostgreSQL is not installed: install the 'postgresql' package, or set TEST_POSTGRES_URL to an empty database." >&2
    exit 1
fi
