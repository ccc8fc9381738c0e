"""Which OURS_MARGIN for fuzzy place matching (issue #12): prints, for a few margins, how
many misspelt places elsewhere in England are pulled onto one of our areas, and how many
misspelt places of ours are still found.

    PYTHONPATH=. .venv/bin/python -m benchmarks.gazetteer_fuzzy_margin

Misspelling: one letter dropped from a one-word name of 7+ letters (seeded sample).
Measured 2026-11-30 (400 elsewhere, 200 ours): margin 0 → 0 pulled, 200 found; 6 → 4, 200;
8 → 8, 200. The margin is 6: "lester" is Leicester (80) rather than Alcester (86).
"""
from __future__ import annotations

import random

import services_db.gazetteer as gazetteer_module
from services_db.gazetteer import Gazetteer
from services_db.places import all_aliases
from signposting.vocabulary import AREA_CODES

MARGINS = (0, 4, 6, 8, 10)


def drop_a_letter(word: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1 :]


def main() -> None:
    gazetteer = Gazetteer(all_aliases())
    rng = random.Random(1)
    by_alias = gazetteer._by_alias  # noqa: SLF001 (a measurement of the private matcher)
    elsewhere = sorted(
        alias for alias, entries in by_alias.items()
        if len(alias) >= 7 and " " not in alias and all(entry.kind == "england_town" for entry in entries)
    )
    ours = sorted(
        alias for alias, entries in by_alias.items()
        if len(alias) >= 7 and " " not in alias and all(entry.area_code in AREA_CODES for entry in entries)
        and all(entry.kind in ("town", "place", "district") for entry in entries)
    )
    elsewhere_typos = [drop_a_letter(word, rng) for word in rng.sample(elsewhere, min(400, len(elsewhere)))]
    ours_typos = [drop_a_letter(word, rng) for word in rng.sample(ours, min(200, len(ours)))]
    original = gazetteer_module.OURS_MARGIN
    print(f"{'margin':>6} {'elsewhere pulled onto ours':>27} {'ours found':>11}")
    for margin in MARGINS:
        gazetteer_module.OURS_MARGIN = margin
        pulled = sum(gazetteer.resolve(typo).area_code in AREA_CODES for typo in elsewhere_typos)
        found = sum(gazetteer.resolve(typo).area_code in AREA_CODES for typo in ours_typos)
        print(f"{margin:>6} {pulled:>20}/{len(elsewhere_typos):<6} {found:>6}/{len(ours_typos)}")
    gazetteer_module.OURS_MARGIN = original


if __name__ == "__main__":
    main()
