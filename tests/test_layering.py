"""The layers (signposting/__init__.py, docs/architecture.md): an import against them fails here.

    signposting  → nothing of ours; no Rasa, web or database libraries
    services_db  → signposting
    actions      → services_db, signposting
    bot          → all of them
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"signposting", "services_db", "actions", "bot", "tests", "benchmarks", "scripts"}
ALLOWED_OURS = {
    "signposting": {"signposting"},
    "services_db": {"signposting", "services_db"},
    "actions": {"signposting", "services_db", "actions"},
    "bot": {"signposting", "services_db", "actions", "bot"},
}
# Libraries the shared package must not use: it is imported by every layer, including the database
# loader and the pure unit tests, and must stay light and free of frameworks.
FRAMEWORKS = {"rasa", "rasa_sdk", "sqlalchemy", "alembic", "fastapi", "starlette", "sanic", "httpx", "uvicorn",
              "jinja2", "psycopg2", "redis", "tensorflow", "sklearn", "numpy"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every absolute import in a file, also those inside functions (a late import is still a dependency)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def python_files(package: str) -> list[Path]:
    return [path for path in sorted((ROOT / package).rglob("*.py")) if "migrations/versions" not in path.as_posix()]


def violations(package: str) -> list[str]:
    problems = []
    for path in python_files(package):
        for line, module in imported_modules(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(ROOT)}:{line} imports {module}"
            if top in OURS and top not in ALLOWED_OURS[package]:
                problems.append(where)
            if package == "signposting" and top in FRAMEWORKS:
                problems.append(where + " (a framework)")
    return problems


@pytest.mark.parametrize("package", sorted(ALLOWED_OURS))
def test_each_package_imports_only_the_layers_below_it(package):
    assert python_files(package), f"{package}/ has no Python files"
    assert violations(package) == []


def test_the_check_sees_imports_against_the_layering(tmp_path, monkeypatch):
    """The test above can fail: a file that imports upwards, also inside a function, is reported."""
    fake = tmp_path / "services_db"
    fake.mkdir()
    (fake / "bad.py").write_text("import json\n\ndef f():\n    from bot.settings import settings\n    import rasa\n")
    shared = tmp_path / "signposting"
    shared.mkdir()
    (shared / "bad.py").write_text("from sqlalchemy import select\nfrom signposting.text import normalise\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert violations("services_db") == ["services_db/bad.py:4 imports bot.settings"]
    assert violations("signposting") == ["signposting/bad.py:1 imports sqlalchemy (a framework)"]
