"""Charts drawn on the server (matplotlib, Agg) as PNG bytes. Every chart has a table beside it
on the page with the same numbers, so nothing depends on seeing the image."""
from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

BLUE = "#005eb8"  # NHS blue
DARK = "#212b32"


def _png(figure) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def bar_chart(labels: Sequence[str], values: Sequence[int], xlabel: str) -> bytes:
    """Horizontal bars, first label at the top; an empty chart says so."""
    height = max(1.6, 0.45 * len(labels) + 0.8)
    figure, axes = plt.subplots(figsize=(7, height))
    if not labels:
        axes.text(0.5, 0.5, "No conversations in this period", ha="center", va="center", color=DARK)
        axes.set_axis_off()
        return _png(figure)
    positions = range(len(labels))
    axes.barh(list(positions), list(values), color=BLUE)
    axes.set_yticks(list(positions), labels=list(labels))
    axes.invert_yaxis()
    axes.set_xlabel(xlabel, color=DARK)
    axes.xaxis.get_major_locator().set_params(integer=True)
    for position, value in zip(positions, values, strict=True):
        axes.text(value, position, f" {value}", va="center", color=DARK)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def day_chart(days: Sequence[str], values: Sequence[int]) -> bytes:
    figure, axes = plt.subplots(figsize=(7, 2.8))
    if not days:
        axes.text(0.5, 0.5, "No conversations in this period", ha="center", va="center", color=DARK)
        axes.set_axis_off()
        return _png(figure)
    axes.bar(list(days), list(values), color=BLUE)
    axes.set_ylabel("Conversations", color=DARK)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(axis="x", labelrotation=45)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)
