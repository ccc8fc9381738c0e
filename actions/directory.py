"""The process-wide services directory used by the actions."""
from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from services_db.database import get_engine
from services_db.directory import CachedDirectory, Directory

logger = logging.getLogger(__name__)
_CACHE = CachedDirectory(get_engine)


def get_directory() -> Directory | None:
    """The directory, or None when the database can't be read (callers degrade kindly)."""
    try:
        return _CACHE.get()
    except Exception:  # noqa: BLE001 - any database failure means: answer without it
        logger.exception("The services database could not be read.")
        return None


def _warm_up() -> None:
    """Read the directory as the action server starts, so the first user doesn't wait for it."""
    get_directory()


def _is_action_server() -> bool:
    """`python -m rasa_sdk --actions actions`: not a test or a tool that imports this module."""
    main = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    return main is not None and main.parent.name == "rasa_sdk" and main.name == "__main__.py"


if _is_action_server():
    threading.Thread(target=_warm_up, name="directory-warm-up", daemon=True).start()
