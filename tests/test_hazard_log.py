"""The clinical safety hazard log (docs/hazard-log.md): every hazard the issue asks for is
there in the DCB0129 form, every control names a test, and every named test exists."""
from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "docs" / "hazard-log.md"
NODE_ID = re.compile(r"`(tests/[\w/]+\.py)::(\w+)(?:\[[^\]`]*\])?`")
REQUIRED = (
    "missed crisis", "wrong or out-of-date phone number", "clinical advice given", "wrong area or wrong age",
    "quick exit fails", "personal data stored", "service down",
)
FIELDS = ("**Cause**", "**Effect**", "**Existing controls**", "**Residual risk**")


def _hazards() -> dict[str, str]:
    """Hazard title → its text."""
    parts = re.split(r"^### (H\d+: .+)$", LOG.read_text(encoding="utf-8"), flags=re.M)
    return {title: body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


@cache
def _test_names(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return {
        node.name for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")
    }


def test_every_required_hazard_is_logged_in_the_dcb0129_form():
    hazards = _hazards()
    titles = [title.split(": ", 1)[1].lower() for title in hazards]
    for required in REQUIRED:
        assert required in titles, required
    for title, body in hazards.items():
        for field in FIELDS:
            assert field in body, f"{title}: no {field}"
        assert re.search(r"\*\*(low|medium|high)", body.split("**Residual risk**")[1]), f"{title}: no rating"


def test_every_control_names_at_least_one_test():
    for title, body in _hazards().items():
        controls = body.split("**Existing controls**")[1].split("**Residual risk**")[0]
        items = [item for item in re.split(r"\n  - ", controls)[1:]] or [controls]
        for item in items:
            assert NODE_ID.search(item), f"{title}: a control names no test: {item.strip()[:80]}"


def test_every_named_test_exists():
    named = NODE_ID.findall(LOG.read_text(encoding="utf-8"))
    assert len(named) >= 30
    missing = [f"{path}::{name}" for path, name in named if not (ROOT / path).is_file() or name not in _test_names(path)]
    assert missing == []


def test_the_check_would_catch_a_renamed_test(tmp_path):
    assert "test_not_a_real_test_name" not in _test_names("tests/test_seed.py")
    assert NODE_ID.findall("`tests/test_seed.py::test_x[sqlite]`") == [("tests/test_seed.py", "test_x")]
