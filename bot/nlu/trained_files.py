"""What the trained models of bot/nlu share: their authored corpus files, a fingerprint of
them (Rasa's cache sees neither), and the pickle each keeps inside the Rasa model."""
from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path
from types import ModuleType
from typing import Any

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def read_authored_jsonl(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """One author's JSONL file: (the author named by its provenance line, the rows after it)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf8").splitlines() if line.strip()]
    if not rows or "provenance" not in rows[0]:
        raise ValueError(f"{path}: the first line must be the provenance record")
    return str(rows[0]["provenance"]), rows[1:]


def jsonl_fingerprint(directory: Path) -> str:
    """Changes when any *.jsonl file of the directory is added, renamed or edited."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.jsonl")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def save_pickle(model_storage: ModelStorage, resource: Resource, name: str, model: object) -> None:
    with model_storage.write_to(resource) as directory:
        (directory / name).write_bytes(pickle.dumps(model))


def load_pickle(model_storage: ModelStorage, resource: Resource, name: str) -> Any:
    with model_storage.read_from(resource) as directory:
        return pickle.loads((directory / name).read_bytes())  # noqa: S301 (our own model file)


def source_fingerprint(*modules: ModuleType) -> str:
    """Changes when the code of any of the modules changes (a pickle the new code may not read)."""
    return hashlib.sha256(b"".join(Path(str(module.__file__)).read_bytes() for module in modules)).hexdigest()
