"""First names, surnames and ordinary English words (data/SOURCES.md), read once per process."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from signposting.text import strip_accents

DATA = Path(__file__).resolve().parent / "data"

# Log probability of the lower-case word above which a name is also an ordinary word.
ORDINARY_WORD = -11.5
# Between the two: ordinary when written in lower case more often than capitalised ("hope").
RARE_WORD = -12.5

# Words in the name list that people write as ordinary words in these chats, the lexicon's
# frequencies notwithstanding: months and days, family words, chat abbreviations.
NEVER_BARE_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    mum mom mam mummy mommy dad daddy nan nana nanna nanny gran granny grandma grandad grandpa papa
    mãe pai madre padre mère père matka ojciec ammi abbu amma
    bro sis bestie bae babe baby hun hunny sweetie darling doll
    ok okay lol lmao omg idk tbh ngl fr rn ily btw imo pls plz thx ty np gl gg bc cuz coz
    camhs nhs gp ae cbt dbt adhd asd ocd ptsd sen send
    miss sir
    christmas easter halloween diwali eid ramadan hanukkah xmas jesus god allah
    peng leng ting bare fam bruv blud wagwan innit
    english irish scottish welsh british polish french german spanish italian indian pakistani african
    asian european american muslim jewish hindu sikh catholic christian islam
    england ireland scotland wales britain jamaica india china kenya georgia israel america africa asia
    france paris italy spain egypt ghana nigeria somalia romania poland holland turkey brazil
    """.split()
)


@dataclass(frozen=True)
class FirstName:
    births: int  # US births since 1960: how usual a name it is
    lower_log_prob: float | None  # how often the word is written in lower case in ordinary English
    capitalised_log_prob: float | None

    @property
    def ordinary_word(self) -> bool:
        """Also an ordinary word ("Hope", "Will", "Max"): needs a cue or capitals to be a name."""
        lower = self.lower_log_prob
        if lower is None:
            return False
        capitalised = self.capitalised_log_prob if self.capitalised_log_prob is not None else -20.0
        return lower > ORDINARY_WORD or (lower > RARE_WORD and lower >= capitalised)


    @property
    def written_in_lower_case_means_name(self) -> bool:
        """'jess', 'tom': when this word is written in lower case, it is still nearly always the
        name ('marvel', 'phoenix', 'dan' are too often ordinary words to be taken without a cue)."""
        lower = self.lower_log_prob
        if lower is None:
            return True
        capitalised = self.capitalised_log_prob if self.capitalised_log_prob is not None else lower
        return lower < -13.0 and capitalised - lower >= 1.0


def _float(value: str) -> float | None:
    return float(value) if value else None


@lru_cache(maxsize=1)
def first_names() -> dict[str, FirstName]:
    with (DATA / "first_names.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["name"]: FirstName(int(row["us_births_since_1960"]), _float(row["lower_log_prob"]),
                                   _float(row["capitalised_log_prob"]))
            for row in rows
        }


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    with (DATA / "surnames.tsv").open(encoding="utf-8") as handle:
        return {row["name"]: int(row["us_census_1990_rank"]) for row in csv.DictReader(handle, delimiter="\t")}


@lru_cache(maxsize=1)
def common_word_ranks() -> dict[str, int]:
    """Ordinary lower-case English words → rank (0 = most common)."""
    lines = (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
    words = [line for line in lines if line and not line.startswith("#")]
    return {word: rank for rank, word in enumerate(words)}


# Letters that do not come apart into a plain letter and an accent: "Yılmaz", "Łucja", "Søren".
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"})


def plain_letters(word: str) -> str:
    """'sinéad' → 'sinead', 'ayşe' → 'ayse', 'yılmaz' → 'yilmaz': the lists spell names without accents."""
    return strip_accents(word.lower().translate(_PLAIN_LETTERS))


def first_name(word: str) -> FirstName | None:
    """Also double-barrelled names, each part a first name: "lacey-may", "Jayden-Lee"; and names
    written with accents ("Sinéad", "Ayşe")."""
    word = word.lower().replace("’", "'")
    found = first_names().get(word)
    if found is None and not word.isascii():
        word = plain_letters(word)
        found = first_names().get(word)
    if found is None and "-" in word:
        parts = [first_names().get(part) for part in word.split("-")]
        if len(parts) > 1 and all(parts) and not all(part.ordinary_word for part in parts):  # type: ignore[union-attr]
            found = FirstName(min(part.births for part in parts), None, None)  # type: ignore[union-attr]
    return found


def is_common_word(word: str, top: int | None = None) -> bool:
    rank = common_word_ranks().get(word.lower())
    return rank is not None and (top is None or rank < top)


def could_be_bare_name(word: str) -> bool:
    """A first name that is not also an ordinary word: a name wherever it stands ("Aisha", "jess")."""
    found = first_name(word)
    return found is not None and not found.ordinary_word and word.lower() not in NEVER_BARE_NAMES


def is_surname(word: str) -> bool:
    """'smith', 'rahman', 'brown', but not 'said' or 'young' (too ordinary to take in lower case)."""
    lower = word.lower()
    rank = surname_ranks().get(lower)
    if rank is None and not lower.isascii():
        lower = plain_letters(lower)
        rank = surname_ranks().get(lower)
    if rank is None:
        return False
    if not is_common_word(lower):
        return True
    return rank <= 2000 and not is_common_word(lower, top=2000)
