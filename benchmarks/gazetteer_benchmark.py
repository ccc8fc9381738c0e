"""How long the place look-up takes with the full place files (make bench).

Builds the gazetteer from the real files, then resolves every 7th place name, the same
names misspelt, answers with words around them, and postcodes; prints the figures.
"""
from __future__ import annotations

import random
import statistics
import time

from services_db.gazetteer import Gazetteer
from services_db.places import all_aliases


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def misspell(text: str, rng: random.Random) -> str:
    if len(text) < 6:
        return text
    at = rng.randrange(1, len(text) - 1)
    return text[:at] + text[at + 1] + text[at] + text[at + 2 :]


def main() -> None:
    started = time.perf_counter()
    rows = all_aliases()
    read = time.perf_counter() - started
    gazetteer = Gazetteer(rows)
    built = time.perf_counter() - started
    rng = random.Random(12)
    names = sorted({row.display_name for row in rows if row.kind not in ("outward_code", "sector")})[::7]
    codes = sorted({row.alias.upper() for row in rows if row.kind == "outward_code"})[::5]
    cases = {
        "exact name": names,
        "misspelt name": [misspell(name, rng) for name in names],
        "in a sentence": [f"we live in {name} innit" for name in names],
        "postcode district": codes,
    }
    print(f"{len(rows)} aliases: read in {read:.2f} s, gazetteer built in {built:.2f} s")
    for label, texts in cases.items():
        timings = []
        for text in texts:
            start = time.perf_counter()
            gazetteer.resolve(text)
            timings.append((time.perf_counter() - start) * 1000)
        print(
            f"{label:18} n={len(texts):5}  p50 {statistics.median(timings):6.2f} ms  "
            f"p95 {percentile(timings, 0.95):6.2f} ms  p99 {percentile(timings, 0.99):6.2f} ms"
        )


if __name__ == "__main__":
    main()
