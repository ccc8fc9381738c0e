"""Memory of server processes, from /proc (Linux)."""
from __future__ import annotations

from pathlib import Path


def _status_kb(pid: int, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident set size so far (VmHWM), in MB."""
    kb = _status_kb(pid, "VmHWM")
    return None if kb is None else kb / 1024


def rss_mb(pid: int) -> float | None:
    kb = _status_kb(pid, "VmRSS")
    return None if kb is None else kb / 1024


def format_memory(pids: dict[str, int]) -> str:
    parts = []
    for name, pid in pids.items():
        peak = peak_rss_mb(pid)
        parts.append(f"{name} {peak:.0f} MB" if peak is not None else f"{name} (exited)")
    return "peak RSS: " + ", ".join(parts)
