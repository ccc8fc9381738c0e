"""Build services_db/data/places/everyday_words.txt: English words too common to be
misspelt place names, so fuzzy place matching never turns "hello" into Ellon or
"morning" into Horning (issue #12).

Run by hand when the threshold or the word list changes (not at install or run time):

    PYTHONPATH=. .venv/bin/python scripts/build_everyday_words.py

Source: the `en_lexeme_prob` table of spacy-lookups-data (MIT), the same table and the same
threshold that `scripts/build_place_names.py` uses to leave everyday words out of the
place names. Plus a few words people text that the table ranks lower (listed below).
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "services_db" / "data" / "places" / "everyday_words.txt"
# As in scripts/build_place_names.py: a word this common is not read as a place name.
EVERYDAY_LOG_PROB = -14.0
# Greetings and texting words the table ranks rarer than the threshold.
TEXTING = "hiya hiyaa heyy heyyy hii hiii helo hullo innit wagwan lol lmao pls plz thx tysm idk dunno nah yeah yep"
WORD = re.compile(r"[a-z]+")


def everyday_words() -> list[str]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table: dict[str, float] = json.load(handle)
    common = {word for word, log_prob in table.items() if log_prob > EVERYDAY_LOG_PROB and WORD.fullmatch(word)}
    return sorted(common | set(TEXTING.split()))


def main() -> None:
    words = everyday_words()
    header = (
        "# Everyday English words (spacy-lookups-data en_lexeme_prob > -14, plus texting words):\n"
        "# never fuzzy-matched to a place. Built by scripts/build_everyday_words.py.\n"
    )
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words → {OUT}")


if __name__ == "__main__":
    main()
