#!/usr/bin/env bash
# Install a Debian package the tests need when none of the given programs is present.
#   scripts/ensure_debian_package.sh PACKAGE WHY PROGRAM_OR_PATH...
# Programs may be names on PATH or path globs (e.g. /usr/lib/postgresql/*/bin/initdb).
set -euo pipefail
package="$1"; why="$2"; shift 2
for program in "$@"; do
    if command -v "$program" >/dev/null 2>&1 || compgen -G "$program" >/dev/null; then
        exit 0
    fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $package (Debian package) for $why..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
else
    echo "$package is not installed: install the Debian package '$package' (needed for $why)." >&2
    exit 1
fi
