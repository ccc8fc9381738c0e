"""`python -m bot.staff users ...`: passwords from stdin, never on the command line."""
from __future__ import annotations

import os
import subprocess
import sys

from bot.launcher import ROOT
from bot.staff import accounts


def run(args, url, stdin=""):
    env = {**os.environ, "STAFF_DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "bot.staff", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, env=env)


def test_accounts_from_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'staff.db'}"
    added = run(["users", "add", "Priya", "--admin"], url, "a long enough password\n")
    assert added.returncode == 0, added.stderr
    assert "Added priya (administrator)" in added.stdout
    assert run(["users", "add", "bob"], url, "short\n").returncode == 1
    assert run(["users", "list"], url).stdout.splitlines() == ["priya  (administrator)"]
    engine = accounts.staff_engine(url)
    assert accounts.authenticate(engine, "priya", "a long enough password") is not None
    assert "Cleared 0 failed sign-ins" in run(["unlock", "priya"], url).stdout
    assert run(["users", "remove", "priya"], url).stdout.strip() == "Removed priya."
    assert accounts.list_users(engine) == []
