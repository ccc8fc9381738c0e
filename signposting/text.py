"""Text normalisation shared by the gazetteer, school matching and the bot's parsers."""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[’'`´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\bsaint\b")


def normalise(text: str) -> str:
    """Lower-case, '&' → 'and', drop apostrophes, other punctuation → spaces, single spaces."""
    text = _APOSTROPHES.sub("", text.lower()).replace("&", " and ")
    text = _NON_WORD.sub(" ", text)
    text = _SAINT.sub("st", text)
    return " ".join(text.split())


def ngrams(words: list[str], max_n: int = 5) -> list[str]:
    """All word n-grams, longest first, so 'welwyn garden city' beats 'welwyn'."""
    grams = []
    for size in range(min(max_n, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            grams.append(" ".join(words[start : start + size]))
    return grams


def strip_accents(text: str) -> str:
    """Accents taken off letters that come apart into a letter and an accent ("Sinéad" → "Sinead")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
