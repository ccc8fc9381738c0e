"""Turn free-text answers into facts: who is chatting, age, concern, skip/don't know.

Pure functions, unit-tested in tests/test_parsing.py; the form validation actions and
the services CLI call them. Places and schools are resolved by services_db (they need data).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from signposting.text import normalise

MAX_AGE = 25  # services here are for children and young people up to 25

NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({f"twenty {word}": 20 + value for word, value in list(NUMBER_WORDS.items())[1:6]})

_DONT_KNOW = re.compile(
    r"\b(dont know|do not know|don t know|idk|dunno|not sure|no idea|rather not|prefer not|"
    r"id rather not|skip|pass|not saying|unsure|dk)\b"
)
_NO_SCHOOL = re.compile(
    r"\b(not at school|not in school|dont go to school|don t go to school|home educated|"
    r"home schooled|homeschooled|home school|left school|no school|none|n a|not applicable|"
    r"i dont go|i don t go|no)\b"
)


@dataclass(frozen=True)
class Age:
    """An age or an age range in whole years; `unknown` for "don't know"."""

    low: int | None = None
    high: int | None = None
    unknown: bool = False
    out_of_range: bool = False

    @property
    def label(self) -> str:
        if self.unknown or self.low is None or self.high is None:
            return "not given"
        return str(self.low) if self.low == self.high else f"{self.low} to {self.high}"


# --- Age -------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})\b")
_RANGE = re.compile(r"\b(\d{1,2})\s?(?:to|or|and)\s?(\d{1,2})\b")
_UNDER = re.compile(r"\b(?:under|younger than|less than|below)\s(\d{1,2})\b")
_OVER = re.compile(r"\b(?:over|older than|more than|above)\s(\d{1,2})\b")
_NUMBER = re.compile(r"\b(\d{1,3})\b")
# Phrases that make a number an age even when we did not ask for one ("actually I'm 15").
_AGE_CONTEXT = re.compile(
    r"\b(?:i m|im|i am|am|aged?|he s|hes|he is|she s|shes|she is|they re|they are|"
    r"(?:son|daughter|child|kid|boy|girl|teen|teenager|stepson|stepdaughter) is|turned|turning)\s"
    r"(?:only |just |nearly |almost )?(\d{1,2}|[a-z]+(?: [a-z]+)?)\b"
    r"|\b(\d{1,2})\s?(?:years? old|yrs? old|yo|year old|y o)\b"
)


def _year_group(number: int) -> Age | None:
    """School years in England: Year N is ages N+4 to N+5 (Year 9 → 13 or 14)."""
    if 1 <= number <= 13:
        return Age(number + 4, number + 5)
    return None


def _word_number(words: str) -> int | None:
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    first = words.split()[0]
    return NUMBER_WORDS.get(first)


def _age_of(value: int) -> Age:
    if value > MAX_AGE:
        return Age(value, value, out_of_range=True)
    return Age(value, value)


def parse_age(text: str) -> Age | None:
    """Age from an answer to "How old are you?": "14", "fourteen", "year 9", "13 to 14"."""
    clean = normalise(text)
    if not clean:
        return None
    if _DONT_KNOW.search(clean):
        return Age(unknown=True)
    if re.search(r"\breception\b", clean):
        return Age(4, 5)
    if re.search(r"\b(sixth form|6th form)\b", clean):
        return Age(16, 18)
    if year := _YEAR.search(clean):
        return _year_group(int(year.group(1)))
    if under := _UNDER.search(clean):
        return Age(0, max(int(under.group(1)) - 1, 0))
    if over := _OVER.search(clean):
        return Age(int(over.group(1)) + 1, MAX_AGE)
    if pair := _RANGE.search(clean):
        low, high = sorted((int(pair.group(1)), int(pair.group(2))))
        if high <= MAX_AGE:
            return Age(low, high)
    if number := _NUMBER.search(clean):
        return _age_of(int(number.group(1)))
    for words in sorted(NUMBER_WORDS, key=len, reverse=True):
        if re.search(rf"\b{words}\b", clean):
            return _age_of(NUMBER_WORDS[words])
    return None


def parse_age_mention(text: str) -> Age | None:
    """An age stated in passing ("my son is 8 and...", "actually I'm 15", "I'm in year 10"),
    used when we did not ask for the age. Bare numbers don't count here."""
    clean = normalise(text)
    if year := _YEAR.search(clean):
        return _year_group(int(year.group(1)))
    for match in _AGE_CONTEXT.finditer(clean):
        token = match.group(1) or match.group(2)
        value = int(token) if token.isdigit() else _word_number(token)
        if value is not None and 0 < value <= MAX_AGE:
            return Age(value, value)
    return None


# --- Role ------------------------------------------------------------------------------

_PROFESSIONAL = re.compile(
    r"\b(professional|teacher|teaching assistant|school nurse|nurse|gp|doctor|social worker|"
    r"youth worker|senco|practitioner|pastoral|head of year|mental health lead|dsl|"
    r"safeguarding lead|i work with (?:young|children|kids|pupils|students|teens))\b"
)
_PARENT = re.compile(
    r"\b(parent|parents|carer|guardian|foster|as a (?:mum|mom|dad)|"
    r"i m (?:a|his|her|their) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandad|step ?mum|step ?dad)|"
    r"im (?:a|his|her|their) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandad|step ?mum|step ?dad)|"
    r"i am (?:a|his|her|their) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandad)|"
    r"my (?:son|daughter|child|children|kid|kids|boy|girl|stepson|stepdaughter|grandson|"
    r"granddaughter|teenager|teen|little one)|our (?:son|daughter|child|kid|boy|girl)|"
    r"mum|mom|dad)\b"
)
_PARENT_PLAIN_WORDS = {"mum", "mom", "dad"}
_YOUNG_PERSON = re.compile(
    r"\b(young person|young people|me|myself|for me|student|pupil|teen|teenager|kid|"
    r"child|young|yp|i m \d+|im \d+|i am \d+|a child)\b"
)


def parse_role(text: str) -> str | None:
    """young_person | parent_carer | professional, or None when the text doesn't say."""
    clean = normalise(text)
    if _PROFESSIONAL.search(clean):
        return "professional"
    parent = _PARENT.search(clean)
    # "mum"/"dad" alone is a parent answering the question; "my mum shouts" is a young person.
    if parent and (parent.group(1) not in _PARENT_PLAIN_WORDS or clean in _PARENT_PLAIN_WORDS):
        return "parent_carer"
    if _YOUNG_PERSON.search(clean):
        return "young_person"
    return None


_PARENT_SPEAKING = re.compile(
    r"\b(?:my|our) (?:son|daughter|child|kid|boy|girl|stepson|stepdaughter|teen|teenager|"
    r"little one|\d{1,2} ?(?:year|yr) old)\b"
)


def parent_speaking(text: str) -> bool:
    """'my daughter is...', 'our 12 year old...': a parent or carer talking about a child."""
    return bool(_PARENT_SPEAKING.search(normalise(text)))


# --- Concern ---------------------------------------------------------------------------

CONCERN_PATTERNS: dict[str, str] = {
    "self_harm": r"self ?harm\w*|\bsh\b|cutting|cut (?:my|him|her)self|hurt(?:ing)? (?:my|him|her)self",
    "exam_stress": r"stress\w* (?:about|over|with|because of) (?:my |the |his |her )?(?:exams?|gcses?|"
    r"a ?levels?|revision|mocks?|tests?|school ?work)|exams?|gcses?|a ?levels?|revision|revising|mocks?|sats|tests?|coursework|"
    r"school ?work|homework",
    "bullying": r"bull(?:y|ied|ies|ying)|picked on|pick on|mean to (?:me|him|her)|cyber ?bull\w*|"
    r"laugh(?:ing)? at (?:me|him|her)|excluded me|name calling",
    "sleep": r"sleep\w*|slep\w*|insomnia|awake at night|up all night|nightmares?|can t get to bed",
    "eating": r"eat\w*|food|weight|body image|my body|fat|diet\w*|binge\w*|anorexi\w*|bulimi\w*|"
    r"starv\w*|meals?|skipping meals",
    "loneliness": r"lonely|loneliness|alone|no friends|isolated|left out|no one to talk|nobody to talk|"
    r"nobody likes",
    "anger": r"ang(?:ry|er)|rage|temper|outbursts?|furious|lash(?:ing)? out|aggressive|meltdowns?",
    "family": r"famil\w*|my parents|(?:mum|mom) and dad|parents (?:are|keep|argu\w*|fight\w*|split\w*|"
    r"divorc\w*|don t|do not|shout\w*)|divorce\w*|splitting up|split up|separat\w*|arguing at home|"
    r"step ?(?:mum|dad|mom)|my (?:mum|mom|dad|brother|sister)|home life|at home",
    "worry": r"anx\w*|worr\w*|panic\w*|nervous|scared|fear\w*|stress\w*|overthink\w*|on edge|"
    r"phobia\w*|ocd",
    "low_mood": r"down|sad\w*|depress\w*|low|unhappy|empty|cry\w*|upset|miserable|numb|fed up|"
    r"hopeless|not myself|no motivation|mood",
}
_CONCERN_REGEX = {
    concern: re.compile(rf"\b(?:{pattern})\b") for concern, pattern in CONCERN_PATTERNS.items()
}
BUTTON_CONCERNS = {
    "low mood": "low_mood",
    "worry or anxiety": "worry",
    "sleep": "sleep",
    "bullying": "bullying",
    "exam stress": "exam_stress",
    "loneliness": "loneliness",
    "anger": "anger",
    "family problems": "family",
    "eating worries": "eating",
    "self harm": "self_harm",
    "something else": "other",
}


def parse_concern(text: str) -> str | None:
    """The concern the text talks about first; "other" for "something else"/"don't know"."""
    clean = normalise(text)
    if clean in BUTTON_CONCERNS:
        return BUTTON_CONCERNS[clean]
    found: list[tuple[int, int, str]] = []
    for priority, (concern, regex) in enumerate(_CONCERN_REGEX.items()):
        match = regex.search(clean)
        if match:
            found.append((match.start(), priority, concern))
    if found:
        return min(found)[2]
    if _DONT_KNOW.search(clean) or re.search(r"\b(something else|other|not listed|lots|everything)\b", clean):
        return "other"
    return None


# --- Skip / don't know -----------------------------------------------------------------


def is_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.search(normalise(text)))


def is_no_school(text: str) -> bool:
    """'skip', 'don't know', 'not at school', 'home educated'… all mean: no school to use."""
    clean = normalise(text)
    return bool(_DONT_KNOW.search(clean) or _NO_SCHOOL.fullmatch(clean) or _NO_SCHOOL.search(clean) and len(clean.split()) <= 5)
