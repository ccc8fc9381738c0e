"""Turn free-text answers into facts: who is chatting, age, concern, skip/don't know.

Pure functions, unit-tested in tests/test_parsing.py; the form validation actions and
the services CLI call them. Places and schools are resolved by services_db (they need data).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

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
# Ages as people misspell them (an answer to "How old are you?" only: see `_stated_age`).
MISSPELT_AGES = {
    "elevan": 11, "elleven": 11, "twelv": 12, "twelfe": 12, "thirten": 13, "thirtean": 13, "threeteen": 13,
    "forteen": 14, "fourten": 14, "fourtten": 14, "fourtean": 14, "fithteen": 15, "fiveteen": 15,
    "fifthteen": 15, "fiften": 15, "sixten": 16, "sixtean": 16, "seventen": 17, "seventean": 17,
    "eightteen": 18, "eighten": 18, "nineten": 19, "twelf": 12,
    "elevn": 11, "elevin": 11, "thirtheen": 13, "fourtheen": 14,  # development author D7 (session 27)
}
# Number words long enough that one typo ("thurteen", "fiftean") cannot make another word.
_FUZZY_AGE_WORDS = {word: value for word, value in NUMBER_WORDS.items() if 11 <= value <= 20}

_DONT_KNOW = re.compile(
    # "i dont no" (development author D14, a young person with dyslexia)
    r"\b(dont know|do not know|don t know|dont no|don t no|do not no|idk|dunno|not sure|no idea|rather not|prefer not|"
    r"id rather not|skip|pass|not saying|unsure|dk)\b"
)
# "unknown" as the whole answer to the age question (a professional: development author T2); never
# inside one ("burnt mill academy, address unknown" names a school: the review, session 43)
_UNKNOWN_AGE = re.compile(r"(?:age |dob |date of birth )?(?:unknown|not known)")
# A decline said with a reason or after a question, as the whole answer's start or end (development
# authors D6, D7): "don't want to say, it's a small village school", "I won't share that,
# confidentiality", "why do u need to know that. not telling". Not inside a sentence: "he is not
# telling anyone but something happened" and "my school won't say anything" decline nothing (the review).
_REFUSAL = re.compile(
    r"(?:i )?(?:(?:dont|don t|do not) (?:want|wanna) to (?:say|share|tell)|(?:wont|won t|will not) (?:say|share|tell)|"
    r"not telling|not saying|(?:id |i d |i would )?(?:rather|prefer) not(?: to)?(?: say| tell| share)?|"
    # "not comfortable sharing that, sorry" (development author D16 got the privacy answer)
    r"(?:i m |im |i am )?not (?:comfortable|happy) (?:sharing|saying|telling|giving)(?: (?:that|it|you|u|this))?|"
    # "dont want to say the school, sorry" (development author D19); never "i dont want to tell my school"
    r"(?:dont|don t|do not) (?:want|wanna) to (?:say|share|give) (?:the|which|my|his|her|their) (?:school|college|school name|name))"
    r"(?: (?:that|it|you|u|lol))?"
)


def declines_in_a_clause(text: str) -> bool:
    """The first or the last of a message's clauses is a refusal to say, and nothing else."""
    clauses = [normalise(part) for part in re.split(r"[,.;:!?]+", text) if normalise(part)]
    return len(clauses) > 1 and any(_REFUSAL.fullmatch(clause) for clause in (clauses[0], clauses[-1]))
# Not wanting to give an age, as the whole answer ("my school won't say" is not a decline).
_WONT_SAY = re.compile(
    r"(?:i )?(?:dont|don t|do not) (?:wanna|want to) (?:say|tell|share)(?: that| it)?|not telling(?: you)?|"
    r"(?:i )?(?:wont|won t) say|old enough(?: lol)?|nope|nah|"
    r"n a|not applicable"  # "n/a" (development author D17)
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

    def slots(self) -> dict[str, str | int | None]:
        """The form's age slots for this answer (the same wherever an answer is taken)."""
        return {"age": self.label, "age_min": None if self.unknown else self.low, "age_max": None if self.unknown else self.high}


# --- Age -------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(?:year|yr|y|yeer|yaer|yera)\s?(\d{1,2})\b")
# Sixth form and college by their year; the first year of secondary school is Year 7.
_EXAM_STAGES: tuple[tuple[re.Pattern[str], tuple[int, int]], ...] = (
    (re.compile(r"\bgcse (?:year|yr)\b|\b(?:year|yr) of (?:my |his |her |their )?gcses\b"), (15, 16)),
    (re.compile(r"\b(?:doing|sitting|taking|studying for) (?:my |his |her |their )?gcses\b"), (14, 16)),
    (re.compile(r"\b(?:a level (?:year|yr)|(?:doing|sitting|taking|studying for) (?:my |his |her |their )?a levels?)\b"), (16, 18)),
)
_SCHOOL_STAGE: tuple[tuple[re.Pattern[str], tuple[int, int]], ...] = (
    (re.compile(r"\b(?:lower (?:sixth|6th)|first (?:year|yr) (?:of|at|in) (?:sixth form|6th form|college))\b"), (16, 17)),
    (re.compile(r"\b(?:upper (?:sixth|6th)|second (?:year|yr) (?:of|at|in) (?:sixth form|6th form|college))\b"), (17, 18)),
    (re.compile(r"\b(?:(?:just )?started (?:secondary|high school|big school)|first (?:year|yr) (?:of|at|in) (?:secondary|high school))\b"),
     (11, 12)),
    (re.compile(r"\b(?:last|final) (?:year|yr) (?:of|at|in) primary\b"), (10, 11)),
    # GCSEs are sat at the end of Year 11 and taught from Year 10; A levels in Years 12 and 13.
    *_EXAM_STAGES,
)
# "im14" (no space), "11 and 3 quarters", "ten and a half": the whole years (development author D7).
_GLUED_AGE = re.compile(r"\b(im|age|aged)(\d{1,2})\b")  # not "me2" (me too)
# "eleven and a half", "13 and 7 months" (development author D10 got 7 to 13): the years only
_FRACTION = re.compile(
    r"\b(\d{1,2}|[a-z]+teen|ten|eleven|twelve|nine|eight|seven|six|five) and "
    r"(?:a half|a haf|a harf|a quarter|3 quarters|three quarters|a bit|(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven) "
    r"(?:months?|weeks?|days?))\b"
)
_MAYBE = re.compile(r"^(?:[a-z]+ )?(\d{1,2})(?: i think| i reckon| i guess)?(?: or)? maybe (\d{1,2})\b")
_RANGE = re.compile(r"\b(\d{1,2})\s?(?:to|or|and|\s)\s?(\d{1,2})\b")  # "13 to 14", "13-14"
_YEAR_RANGE = re.compile(
    r"\b(?:year|yr|y|yeer|yaer|yera)\s?(\d{1,2})\s?(?:or|to|and|\s)\s?(?:year |yr |y|yeer |yaer |yera )?(\d{1,2})\b"
)
_YEAR_WORD = re.compile(
    r"\b(?:year|yr)\s(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b"
)
_UNDER = re.compile(r"\b(?:under|younger than|less than|below)\s(\d{1,2})\b")
_OVER = re.compile(r"\b(?:over|older than|more than|above)\s(\d{1,2})\b")
_NUMBER = re.compile(r"\b(\d{1,3})\b")
# One's own age said as such, and not as a range: "I am only 15".
_OWN_AGE_SAID = re.compile(r"\b(?:i m|im|i am) (?:only |just )?(\d{1,2})\b(?!\s?(?:to|or|and|-)\s?\d)")
_NUMBER_WITH_UNIT = re.compile(r"\b(\d{1,2}(?=(?:yo|yrs|yr|y)\b)|1\d(?=[fm]\b)|2[0-5](?=[fm]\b))(?:yo|yrs|yr|y|f|m)\b")  # "6yo", "14yrs", "16F" (a professional's shorthand: D6)
# An age in words said as an age ("twelve years old"), not any number word ("year 9, one of the youngest").
_AGE_IN_WORDS = re.compile(
    rf"\b({'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+(?:years?\s+old|yrs?\s+old|yrs|yo)\b"
)
# Phrases that make a number an age even when we did not ask for one ("actually I'm 15").
_AGE_CONTEXT = re.compile(
    r"\b(?:i m|im|i am|am|aged?|he s|hes|he is|she s|shes|she is|they re|they are|"
    # "my granddaughter who is 14" (a user trial, session 45: the age was asked again)
    r"(?:son|daughter|child|kid|boy|girl|teen|teenager|stepson|stepdaughter|grandson|granddaughter|grandchild|niece|nephew)"
    r"(?: who)? is|(?:son|daughter|child|grandson|granddaughter|niece|nephew) (?:who s|whos)|turned|turning)\s"
    r"(?:only |just |nearly |almost |actually |really )?(\d{1,2}|[a-z]+(?: [a-z]+)?)\b"
    r"|\b(\d{1,2})\s?(?:years? old|yrs? old|yo|year old|y o)\b"
    # "My son have 15 year" (a user trial, session 44: the age was asked again)
    r"|\b(?:son|daughter|child|kid|boy|girl|he|she|i) (?:have|has)\s(\d{1,2})\s?(?:years?|yrs?)(?: old)?(?=\s*$)"
    # "me, 18" typed to "Who is chatting today?" (a user trial: the age was asked again)
    r"|^(?:its |it s |just |for )?(?:me|myself) (\d{1,2})$"
    # "sorry i meant 15 not 13" after the age was given (a user trial, session 46: the age stayed 13)
    r"|\b(?:i meant|i mean|meant|i meant to (?:say|put|type)|should have (?:said|put)|should of (?:said|put))\s(\d{1,2})\b"
    r"(?!\s?(?:minutes|mins|hours|hrs|days|weeks|months|pm|am|th|st|nd|rd|o clock|oclock)\b)"
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


# Each month's names as typed, and its number (dates of birth).
_MONTH_NUMBERS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), 1) for name in names}
_MONTHS = "|".join(_MONTH_NUMBERS)
# A time to come, soon: "a fortnight", "a couple of weeks", "a few days", "3 weeks" (one list for
# `_NOT_YET` and `_NEXT_BIRTHDAY`: the review found two copies had drifted apart, session 35).
_SOON = r"a fortnight|a couple of (?:weeks|days|months)|a few days|a (?:few )?(?:weeks?|months?)|\d{1,2} (?:days|weeks|months)"
_TIME_TO_COME = re.compile(r"\bin \d{1,2} (?:days|weeks|months)\b")
# An age not reached yet: "nearly 11", "gonna be 18 next week", "15 next month", "13 in march".
_NOT_YET = re.compile(
    r"\b(?:nearly|almost|turning|gonna be|going to be|will be|ll be|about to be)\s\d{1,2}\b"
    rf"|\b\d{{1,2}}\s(?:next|nxt|in|on|this)\s(?:week|wk|month|birthday|bday|{_MONTHS})\b"
    rf"|\b\d{{1,2}}\s(?:soon|in (?:{_SOON}))\b"
)
# ...but not an age already reached ("just turned 14 in march", "was 14 in march").
_REACHED = re.compile(r"\b(?:turned|was|been|since)\b")


# A date of birth, as professionals and parents give it (development author D6): "DOB 14/07/2012",
# "d.o.b. 22.09.2009", "DOB 03/2011", "born Nov 2014", "born 2013"; a date alone ("14/07/2012").
# Normalised text has spaces for the slashes and dots. Days come before months, as in England.
_BORN = r"(?:dob|d o b|date of birth|born(?: on| in)?|birthday(?: is)?)"
# A date alone is a whole answer with a four-digit year ("14/07/2012"); "10, 11, 12" is three ages.
_FULL_DATE = re.compile(rf"\b{_BORN}\s(\d{{1,2}}) (\d{{1,2}}) (\d{{4}}|\d{{2}})\b|^(\d{{1,2}}) (\d{{1,2}}) (\d{{4}})$")
_DAY_MONTH_NAME = re.compile(rf"(?:\b{_BORN}\s|^)(?:the )?(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({_MONTHS}) (\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"\b{_BORN}\s(?:(\d{{1,2}})|({_MONTHS})) (\d{{4}})\b")
_YEAR_ONLY = re.compile(rf"\b{_BORN}\s(\d{{4}})\b")

def london_today() -> date:
    return datetime.now(ZoneInfo("Europe/London")).date()


def age_from_date_of_birth(clean: str, today: date | None = None) -> Age | None:
    """The age on `today` (London's) of a date of birth in normalised text, or None."""
    return date_of_birth(clean, today)[0]


def date_of_birth(clean: str, today: date | None = None) -> tuple[Age | None, tuple[int, int] | None]:
    """(the age, where the date of birth was said) in normalised text: the age exact from a whole
    date, and from a month and year but in the birthday's own month; from a year alone, the two
    ages it can be. (None, span) for a date said that is no real date in the past ("dob 31/02/2012",
    US order "07/14/2012", a date to come); (None, None) when no date of birth is said."""
    today = today or london_today()
    whole, named = _FULL_DATE.search(clean), _DAY_MONTH_NAME.search(clean)
    if whole is not None:
        day, month, digits = (whole.group(1), whole.group(2), whole.group(3)) if whole.group(1) else whole.group(4, 5, 6)
        return _age_on(today, _full_year(digits, today), int(month), int(day)), whole.span()
    if named is not None:
        return _age_on(today, int(named.group(3)), _MONTH_NUMBERS[named.group(2)], int(named.group(1))), named.span()
    if (month_year := _MONTH_YEAR.search(clean)) is not None:
        month = int(month_year.group(1)) if month_year.group(1) else _MONTH_NUMBERS[month_year.group(2)]
        year = int(month_year.group(3))
        if not 1 <= month <= 12 or (year, month) > (today.year, today.month):
            return None, month_year.span()
        if today.month == month:  # the birthday may be still to come this month
            return _age_between(today.year - year - 1, today.year - year), month_year.span()
        age = today.year - year - (today.month < month)
        return _age_between(age, age), month_year.span()
    if (year_only := _YEAR_ONLY.search(clean)) is not None:
        year = int(year_only.group(1))
        return _age_between(today.year - year - 1, today.year - year), year_only.span()
    return None, None


def _age_on(today: date, year: int, month: int, day: int) -> Age | None:
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    if born > today:
        return None
    age = today.year - year - ((today.month, today.day) < (month, day))
    return _age_between(age, age)


def _full_year(digits: str, today: date) -> int:
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits) if int(digits) <= today.year % 100 else 1900 + int(digits)


def _age_between(low: int, high: int) -> Age | None:
    """An age from a date of birth: never negative (a date to come is no birth date)."""
    if low < 0 and high <= 0:
        return None
    low = max(low, 0)
    return _age_of(low) if low == high else (Age(low, high, out_of_range=True) if low > MAX_AGE else Age(low, high))



def _not_reached_yet(clean: str, age: Age) -> Age:
    """One year younger when the only age said is the next birthday ("nearly 11" is 10); with a
    school year beside it, only when the younger age is in that year ("nearly 16, year 11" is 15:
    development author D6; "nearly 12, year 8" stays 12)."""
    if age.low is None or age.low != age.high or age.out_of_range or age.low <= 1:
        return age
    year = _YEAR.search(clean)
    rest = _YEAR.sub(" ", clean)
    # (a time to come is no age: "14 in 3 weeks" is 13)
    numbers = {int(n) for n in _NUMBER.findall(_TIME_TO_COME.sub(" ", rest))}
    if numbers != {age.low} or _REACHED.search(clean) or not _NOT_YET.search(rest):
        return age  # "she's 11, nearly 12": the age is 11
    younger = Age(age.low - 1, age.high - 1)
    group = _year_group(int(year.group(1))) if year else None
    if year and (group is None or not (group.low or 0) <= age.low - 1 <= (group.high or 0)):
        return age
    return younger


# Two ages in one answer (development author D4, session 22): a correction ("14 sorry 15"), the
# age now beside the next one ("about to turn 18, im 17 now", "she'll be 14 in august so 13 now"),
# or the next birthday in brackets ("12 (13 in may)"). The first number was taken: "18" for a 17-year-old.
_NOT_A_YEAR = r"(?<!\byear )(?<!\byr )(?<!\by )(?<!\byeer )(?<!\byaer )(?<!\byera )"
# One age or school year in a correction: "15", "year 8", "yr10".
_AGE_OR_YEAR = r"(?:(?:year|yr|y)\s?)?\d{1,2}"
# The words between the two: "sorry", "no wait", "oops i mean", "wait no", "actually".
_CORRECTION_WORD = r"(?:sorry|soz|sry|oops|no|nope|i mean|i meant|actually|wait|hang on|my bad|typo)"
_CORRECTION = (
    r"\s+" + _CORRECTION_WORD + r"(?:\s+" + _CORRECTION_WORD + r")*\s+(?:its |im |i m |hes |he s |shes |she s |"
    r"theyre |they re |in )?" + _AGE_OR_YEAR + r"\b"
)
# "14 sorry 15", "16 no 17 wait 16", "year 7 sorry year 8", "13, no wait 14": the last of the chain
# (`_last_of_a_correction`), when it ends the answer ("im 14 sorry 15 in may" is a next birthday).
_CORRECTED = re.compile(
    # (an apology or a laugh may end it: "im 15 wait no 16 sorry", a user trial, session 44)
    _NOT_A_YEAR + r"\b" + _AGE_OR_YEAR + r"(?:" + _CORRECTION + r")+(?=\s*$|\s+(?:now|yo|y o|years|yrs|year old|yr old|x+)\b"
    r"|(?:\s+(?:sorry|soz|sry|lol|haha|my bad|oops))+\s*$"
    # "Sorry, 12. No, I meant 13 – she had her birthday last week." (development author D13)
    r"|\s+(?:she|he|they) (?:had|has had|just had|has just had|s had|s just had) (?:her|his|their) birthday\b)"
)
_LAST_AGE_OR_YEAR = re.compile(r"\b((?:year|yr|y)\s?)?(\d{1,2})$")
# An earlier age put right, and nothing else: "sorry i meant 15 not 13", "oops shes 13 not 15" (a user
# trial, session 46: typed at the worry question it got the check question, and the age stayed).
_AGE_PUT_RIGHT = re.compile(
    rf"(?:{_CORRECTION_WORD} )+(?:(?:its|im|i m|i am|hes|he s|he is|shes|she s|she is|theyre|they re|they are) )?(?:only )?"
    rf"{_AGE_OR_YEAR}(?: (?:not|instead of|rather than) {_AGE_OR_YEAR})?(?: (?:sorry|soz|lol|my bad|oops))*"
)


def only_puts_an_age_right(text: str) -> bool:
    """Is the whole message an earlier age put right ("sorry i meant 15 not 13")?"""
    return bool(_AGE_PUT_RIGHT.fullmatch(normalise(text)))


# The speaker's own age typed first, then put right with the child's: "42 - oh sorry you mean him, he's
# 11", "38 sorry thats me, my daughter is 15" (development author D18 got 42 and 38).
_OWN_AGE_FIRST = re.compile(
    r"^\d{2}\b.*?\b(?:(?:that s|thats|that is|this is|thats just) (?:me|mine|my age|my own)|you mean (?:him|her|them|the child|"
    r"my (?:son|daughter|child|kid|boy|girl))|not me|my own age|my age)\b"
)
# A child's age said of them: "he's 11", "my daughter is 15", "the child is 12".
_A_CHILDS_AGE = re.compile(
    r"\b(?:(?:he|she|they)(?: s| is| are| re)?|hes|shes|theyre|(?:my |our |the )?(?:son|daughter|child|kid|boy|girl|stepson|"
    r"stepdaughter|grandson|granddaughter|lad|little one)(?: is| s)) (\d{1,2})\b"
)


def _last_of_a_correction(chain: str) -> Age | None:
    """The age the last item of a correction chain says: a school year's ages, or the age itself.
    A bare number after a school year, and close to it, is a school year too ("year 7 sorry 8" is
    Year 8; "year 7 sorry 12" is 12)."""
    last = _LAST_AGE_OR_YEAR.search(chain)
    if last is None:
        return None
    value = int(last.group(2))
    first_year = _YEAR.match(chain)
    if last.group(1) or (first_year and abs(int(first_year.group(1)) - value) <= 2):
        return _year_group(value)
    return _age_of(value) if value <= MAX_AGE else None
_OWN_NOT_YET_WORDS_RE = r"nearly|almost|turning|about to be|gonna be|going to be|will be|ll be|about to turn"  # "almost 18 now" is 17
# Another age said beside the age now, as the next one ("about to turn 18, im 17 now")
_AN_AGE_TO_COME = re.compile(r"\b(?:turn|turns|turning|be|nearly|almost|in)\s+(\d{1,2})\b")
_AGE_NOW = re.compile(_NOT_A_YEAR + r"\b(\d{1,2})\s+(?:now|for now|at the moment|atm|currently|right now|rn)\b|\bcurrently\s+(\d{1,2})\b")
_NEXT_BIRTHDAY = re.compile(
    _NOT_A_YEAR + r"\b\d{1,2}\s+(?:(?:in|on|by)\s+(?:jan|january|feb|february|march|april|may|june|july|aug|august|"
    r"sept|september|oct|october|nov|november|dec|december|the summer|summer|spring|autumn|the new year|"
    # "He'll be 16 in a fortnight, so 15 for now" (development author D13)
    + _SOON + r")|next (?:week|month|year))\b"
)
# "twelve, in year 7": an age in words beside a school year (ages 4 to 25 only: "one in year 7" is not an age).
_AGE_WORD_BESIDE_A_YEAR = re.compile(
    r"^(?:(?:hes|shes|he is|she is|im|i m|i am|theyre|they are|aged|age) )?("
    + "|".join(sorted((w for w, v in NUMBER_WORDS.items() if 4 <= v <= MAX_AGE), key=len, reverse=True))
    # "thirteen n im in yr 8" (development author D11)
    + r")(?: (?:and|n|but))?(?: (?:im|i m|i am|hes|he s|he is|shes|she s|she is|theyre|they re|they are))?"
    + r"(?: in)? (?:year|yr|y) ?(\d{1,2})$"
)


# Which of several children the answer is about (development author D6): "the eldest is 17 but
# its the middle one im worried about, she's 13", "my stepdaughter is 14 and my son is 10 but it's
# about the older one".
_ABOUT_ONE = re.compile(
    r"\b(?:(?:its|it s|it is|this is|im|i m|i am)(?: about| asking about| worried about)? (?:the |my )?"
    r"(?P<which>eldest|oldest|older|elder|big|youngest|younger|little|middle)(?: one| child| kid)?|"
    r"the (?:\w+ )?one (?:im|i m|i am|were|we re|we are) (?:worried|asking|here|writing) about)\b"
)
# An age said as one ("she's 13", "my 8 year old"), not any number ("off school for 3 weeks", "5 kg").
_SAID_AS_AN_AGE = re.compile(
    r"\b(?:is|s|are|re|im|aged|age|shes|hes|theyre|turned)\s(\d{1,2})\b(?!\s?(?:weeks?|days?|months?|kg|kilos?|stone|times|hours?|mins?|minutes?|pm|am))"
    r"|\b(\d{1,2})\s?(?:yo|y o|year old|years old|yr old|yrs old|yr)\b"
)
_OLDER = frozenset({"eldest", "oldest", "older", "elder", "big"})
_YOUNGER = frozenset({"youngest", "younger", "little"})


# "I've got two, 9 and 14, it's the 14 year old I'm worried about", "3 kids 7, 10 and 14 but its the
# 14 one" (development authors D18, D19: "9 to 14" was searched for)
_THE_ONE_AGED = re.compile(
    r"\b(?:its|it s|it is|its about|it s about|it is about|asking (?:about|for)|worried about) (?:the|my|our) (\d{1,2})"
    r"(?:\s?(?:yo|y o|year old|years old|yr old|yrs old)(?: one| boy| girl| lad| child| kid)?| one| boy| girl| lad| child| kid)\b"
)


def _the_child_meant(clean: str) -> Age | None:
    """Of the ages of several children, the one the answer says it is about: the one named by
    its age ("its the 14 year old"), the older or younger one by name, else the age said after
    "about" ("...im worried about, she's 13")."""
    if _YEAR.search(clean):
        return None  # school years are no ages here ("the eldest is in year 11 and the youngest is 8")
    named = _THE_ONE_AGED.search(clean)
    numbers = [int(n) for n in _NUMBER.findall(clean)]
    if named and int(named.group(1)) <= MAX_AGE and len(set(numbers)) >= 2 and numbers.count(int(named.group(1))) >= 2:
        # the age named is one of the ages listed before ("9 and 14, its the 14 year old"), never
        # someone else's beside the child's ("shes 13, worried about the 18 year old boyfriend": the review)
        return _age_of(int(named.group(1)))
    ages = [int(a or b) for a, b in _SAID_AS_AN_AGE.findall(clean) if int(a or b) <= MAX_AGE]
    about = _ABOUT_ONE.search(clean)
    if len(set(ages)) < 2 or about is None:
        return None
    which = about.group("which")
    if which in _OLDER:
        return _age_of(max(ages))
    if which in _YOUNGER:
        return _age_of(min(ages))
    after = [int(a or b) for a, b in _SAID_AS_AN_AGE.findall(clean[about.end():]) if int(a or b) <= MAX_AGE]
    return _age_of(after[0]) if len(after) == 1 else None


# A school year said as the past: "anxiety since like year 7 and now im in year 9", "she was in year 7
# last year, now year 8" (a user trial, session 47: both were read as 11 to 12).
_PAST_YEAR = re.compile(r"\b(?:since|was|were|from|started|starting|back in|used to be)(?: in)?(?: like)?\s*$")
_NOW_YEAR = re.compile(r"\b(?:now|currently|this year)\b(?: \w+){0,3}\s*$")


def _year_meant(clean: str) -> re.Match[str] | None:
    """The school year meant now, of those said: one said as now, else the first not said as the
    past, else the last."""
    years = list(_YEAR.finditer(clean))
    if len(years) < 2:
        return years[0] if years else None
    now = [year for year in years if _NOW_YEAR.search(clean[: year.start()])]
    if now:
        return now[-1]
    current = [year for year in years if not _PAST_YEAR.search(clean[: year.start()])]
    return current[0] if current else years[-1]


def _one_of_two_ages(clean: str) -> Age | None:
    """The age meant, when an answer says two: the child it says it is about (`_the_child_meant`),
    the next birthday set aside (`_NEXT_BIRTHDAY`), then a correction's last number (`_CORRECTED`),
    or the age now beside one to come (`_AGE_NOW`; "shes 9 and her brother is 12 now" names two
    children, so it is left alone)."""
    if (meant := _the_child_meant(clean)) is not None:
        return meant
    if (own_first := _OWN_AGE_FIRST.search(clean)) is not None:
        # "42 - oh sorry you mean him, he's 11" (D18): the one child's age said after, never the last
        # number ("45 sorry thats my age, shes 14 in year 9": the review, session 44)
        children = [int(age) for age in _A_CHILDS_AGE.findall(clean[own_first.end():])]
        if len(children) == 1 and children[0] <= MAX_AGE:
            return _age_of(children[0])
    later = _NEXT_BIRTHDAY.search(clean)
    others = {int(n) for n in _NUMBER.findall(clean[: later.start()] + " " + clean[later.end():])} if later else set()
    passed = later and re.search(r"\b(?:turned|was|were|had|got)\s*$", clean[: later.start()])  # "she turned 16 in may"
    if later and not passed and int(_NUMBER.search(later.group(0)).group(1)) - 1 in others:  # type: ignore[union-attr]
        # only the next birthday of the age said ("12 (13 in may)"), never a second child's age
        clean = clean[: later.start()] + " " + clean[later.end():]
        if (corrected := _CORRECTED.search(clean)) is None:
            return _stated_age(clean)
    if corrected := _CORRECTED.search(clean):
        return _last_of_a_correction(corrected.group(0))
    if (now := _AGE_NOW.search(clean)) and not re.search(rf"\b(?:{_OWN_NOT_YET_WORDS_RE})\s*$", clean[: now.start()]):
        value = int(now.group(now.lastindex or 1))
        others = {int(n) for n in _NUMBER.findall(clean)} - {value}
        to_come = {int(n) for n in _AN_AGE_TO_COME.findall(clean)}
        if value <= MAX_AGE and others <= to_come:
            return _age_of(value)
    return None


# How many children, never an age: "I have two kids" set the age to 2, and services for a baby were
# searched (a user trial, session 46). Never a school year's children ("year 9 girls": the review).
_A_NUMBER_OF_CHILDREN = (
    _NOT_A_YEAR + r"\b(?:[2-9]|two|three|four|five|six|seven|eight|nine) (?:kids|children|sons|daughters|boys|girls|grandchildren|"
    r"grandkids|grandsons|granddaughters|siblings|brothers|sisters|stepkids|step kids|foster (?:kids|children)|teenagers|teens|"
    r"of them)\b"
)
_HOW_MANY_CHILDREN = re.compile(_A_NUMBER_OF_CHILDREN)
_ONLY_HOW_MANY = re.compile(
    r"(?:(?:well|um|erm|so|ok|sorry) )*(?:i have|i ve got|ive got|i got|we have|we ve got|weve got|got|there are|there s|theres|"
    rf"i have got)? ?{_A_NUMBER_OF_CHILDREN}(?: (?:actually|tbh|lol|x+))?"
)
# "both", for two children, as the whole answer
_BOTH = re.compile(r"(?:(?:its|it s|for|um|erm|well) )*both(?: of (?:them|em|my kids|my children))?(?: (?:really|tbh|lol))?")


def only_says_how_many_children(text: str) -> bool:
    """Is the whole message how many children they have ("I have two kids")?"""
    return bool(_ONLY_HOW_MANY.fullmatch(normalise(text)))


def several_children_named(text: str) -> bool:
    """Does the message say how many children ("I have two kids", "3 children"), or "both"?"""
    clean = normalise(text)
    return bool(_HOW_MANY_CHILDREN.search(clean) or _BOTH.fullmatch(clean))


def parse_age(text: str) -> Age | None:
    """Age from an answer to "How old are you?": "14", "fourteen", "year 9", "13 to 14".
    A stated age wins over "not sure" ("not sure, year 7 or 8") and over a school year
    said with it ("15 (year 11)"); an age not reached yet is one less ("nearly 11"); of two
    ages, the one meant now (`_one_of_two_ages`)."""
    clean = _FRACTION.sub(r"\1", _GLUED_AGE.sub(r"\1 \2", normalise(text)))
    clean = " ".join(_HOW_MANY_CHILDREN.sub(" ", clean).split())  # "I have two kids" is no age 2
    if not clean:
        return None
    born, where = date_of_birth(clean)
    if where is not None:
        return _age_from_birth_and_words(born, clean[: where[0]] + " " + clean[where[1]:])
    if (now := _one_of_two_ages(clean)) is not None:
        return now
    age = _stated_age(clean)
    if age is not None:
        return _not_reached_yet(clean, age)
    if _DONT_KNOW.search(clean) or _WONT_SAY.fullmatch(clean) or _UNKNOWN_AGE.fullmatch(clean) or declines_in_a_clause(text):
        return Age(unknown=True)
    return None


def _age_from_birth_and_words(born: Age | None, rest: str) -> Age | None:
    """A date of birth, and the ages said beside it: "born in 2008 so 18" is 18 of the year's two;
    "i was born in 1985 and my son is 14" is the son's 14. No real date: no age (asked again)."""
    said = [int(n) for n in _NUMBER.findall(rest) if len(n) <= 2]
    if born is None or born.low is None or born.high is None:
        return None
    if born.out_of_range and said:
        return _age_of(said[-1])
    exact = [n for n in said if born.low <= n <= born.high]
    return _age_of(exact[-1]) if born.low != born.high and exact else born


def _the_years_ages_follow(clean: str, years: re.Match[str]) -> bool:
    """Are the two numbers after a school year both its ages ("year 9, 13 or 14", "yr 9, 13/14")?
    Then they are ages, not a range of school years ("year 7-11", "year 6 and 9")."""
    ages = _year_group(int(years.group(1)))
    following = [int(n) for n in _NUMBER.findall(clean[years.start(2):]) if len(n) <= 2][:2]
    return (
        ages is not None and ages.low is not None and ages.high is not None and len(following) == 2
        and all(ages.low <= n <= ages.high for n in following)
    )


def _stated_age(clean: str) -> Age | None:
    # never a job: "I don't know his date of birth offhand, I'm just on reception" (development author D6)
    if re.search(r"(?<!\bon )(?<!\bat )(?<!\bwork )\breception\b", clean):
        # "he's 4, in reception" is 4 (development author D14): the age said, if it fits the year
        said = [int(n) for n in _NUMBER.findall(clean) if len(n) <= 2 and int(n) in (4, 5)]
        return _age_of(said[0]) if len(said) == 1 else Age(4, 5)
    # Two school years ("year 7 or 8", "year 7-11"); not a year and one of its ages ("year 9, 13 or 14":
    # development author D9 got 13 to 18)
    if (years := _YEAR_RANGE.search(clean)) and not _the_years_ages_follow(clean, years):
        first, last = _year_group(int(years.group(1))), _year_group(int(years.group(2)))
        if first and last:
            return Age(min(first.low or 0, last.low or 0), max(first.high or 0, last.high or 0))
    year = _year_meant(clean) or _YEAR_WORD.search(clean)
    if year:
        # Other school years are not ages: "in year 10 but was year 9 when it started" is not 9.
        rest = _YEAR.sub(" ", clean[: year.start()] + " " + clean[year.end():])
        in_the_year = _year_group(int(year.group(1)) if year.group(1).isdigit() else NUMBER_WORDS[year.group(1)])
        both = [int(n) for n in _NUMBER.findall(rest) if len(n) <= 2]
        low, high = (in_the_year.low, in_the_year.high) if in_the_year else (None, None)
        if low is not None and high is not None and len(both) == 2 and both[0] != both[1] and all(low <= n <= high for n in both):
            return Age(min(both), max(both))  # "year 10, 14 or 15": the year's two ages, as said
        if (number := _NUMBER.search(rest) or _NUMBER_WITH_UNIT.search(rest)) and int(number.group(1)) <= MAX_AGE:
            return _age_of(int(number.group(1)))  # "15 (year 11)", "Y10, 15yo": the age itself
        if in_words := _AGE_IN_WORDS.search(rest):  # "twelve years old in year eight" (D3)
            return _age_of(NUMBER_WORDS[in_words.group(1)])
        beside = _AGE_WORD_BESIDE_A_YEAR.fullmatch(clean)  # "twelve, in year 7" (D4); the age must fit the year
        if beside and 4 <= NUMBER_WORDS[beside.group(1)] - int(beside.group(2)) <= 6:
            return _age_of(NUMBER_WORDS[beside.group(1)])
        value = year.group(1)
        return _year_group(int(value) if value.isdigit() else NUMBER_WORDS[value])
    stage = next((Age(low, high) for pattern, (low, high) in _SCHOOL_STAGE if pattern.search(clean)), None)
    if stage is not None:
        number = _NUMBER.search(clean) or _NUMBER_WITH_UNIT.search(clean)  # "hes 12, just started secondary"
        return _age_of(int(number.group(1))) if number and int(number.group(1)) <= MAX_AGE else stage
    if re.search(r"\b(sixth form|6th form)\b", clean):
        return Age(16, 18)
    if under := _UNDER.search(clean):
        return Age(0, max(int(under.group(1)) - 1, 0))
    if over := _OVER.search(clean):
        return Age(int(over.group(1)) + 1, MAX_AGE)
    if (unsure := _MAYBE.search(clean)) and abs(int(unsure.group(1)) - int(unsure.group(2))) <= 2:
        low, high = sorted((int(unsure.group(1)), int(unsure.group(2))))  # "13 I think? maybe 14" (D6)
        return Age(low, high) if high <= MAX_AGE else _age_of(high)
    if pair := _RANGE.search(clean):
        low, high = sorted((int(pair.group(1)), int(pair.group(2))))
        own = _OWN_AGE_SAID.search(clean)
        if own and low <= int(own.group(1)) <= high and own.start(1) not in (pair.start(1), pair.start(2)):
            return _age_of(int(own.group(1)))  # "I am 15. The button says 15 to 16 but I am only 15." (D14)
        if high <= MAX_AGE:
            return Age(low, high)
    if number := _NUMBER.search(clean):
        return _age_of(int(number.group(1)))
    if number := _NUMBER_WITH_UNIT.search(clean):  # "6yo", "14yrs"
        return _age_of(int(number.group(1)))
    for words in sorted(NUMBER_WORDS, key=len, reverse=True):
        if re.search(rf"\b{words}\b", clean) and (words != "one" or _ONE_AS_AN_AGE.search(clean)):
            return _age_of(NUMBER_WORDS[words])
    for word, value in MISSPELT_AGES.items():
        if re.search(rf"\b{word}\b", clean):
            return _age_of(value)
    for word in clean.split():
        if len(word) >= 6 and (match := extractOne(word, list(_FUZZY_AGE_WORDS), scorer=OSA.distance, score_cutoff=1)):
            return _age_of(_FUZZY_AGE_WORDS[match[0]])
    return None


# "one" is an age only as the whole answer or said as one ("she is one", "one year old"): "it's the
# one in Melton", typed at the age question and kept through the check question, was age 1, and a
# grandmother's services were chosen for a baby (a user trial, session 45).
_ONE_AS_AN_AGE = re.compile(
    r"^(?:(?:just|only|about|nearly|almost) )?one(?: and a (?:half|bit))?$|\b(?:is|s|shes|hes|theyre|aged|age|turned|turns|turning) "
    r"(?:just |only )?one\b(?! of)|\bone (?:year|yr)s? old\b|\bone and a half\b"
)


# "15, we live in bishops stortford", "im 16 from braintree": a place said as one, after the age.
_WE_LIVE_IN = (
    r"(?:and |but )?(?:i|we|she|he|they) (?:live|lives) (?:in|near)\s|(?:and |but )?(?:i|we|she|he|they) (?:re|are|is|m|am) from\s|"
    # "17, we're in Corby" (development author D18); the words after must be a place's name
    r"(?:and |but )?(?:were|we re|we are) (?:in|near)\s|"
    r"(?:based|living) in\s"
)  # never "am at": "14 and i am at st peters" names a school
_LEADING_AGE = re.compile(
    r"^(?:(?:i m|im|i am|age|aged|shes|she s|she is|hes|he s|he is|they re|theyre|they are)\s)?\d{1,2}\s?(?:yo|yrs|years old|year old|y o|f|m)?\s"
    r"(?:" + _WE_LIVE_IN + r"|and live in\s|and from\s|live in\s|lives in\s|from\s|and\s|in\s)?"
)
_PLACE_MARKER = re.compile(r"(?:from|live in|lives in|living in|" + _WE_LIVE_IN + r")\s*$")


def words_after_a_leading_age(text: str) -> str | None:
    """"13, belgrave" → "belgrave": what follows an age said first, to read as a place."""
    match = _LEADING_AGE.match(normalise(text))
    rest = normalise(text)[match.end():].strip() if match else ""
    return rest or None


_AGE_THEN_IN = re.compile(r"^\d{1,2}\s(?:and\s)?in\s")


def town_after_an_age_and_in(text: str) -> str | None:
    """"18 in peterborough" → "peterborough": the words after an age and "in", unless they say
    when ("16 in march", "12 in june", "13 in 2 weeks"). The caller takes them only as a whole
    town's name that is no everyday word (March, Reading and Bath are)."""
    clean = normalise(text)
    match = _AGE_THEN_IN.match(clean)
    rest = clean[match.end():].strip() if match else ""
    if not rest or rest.split()[0] in _MONTH_NUMBERS or rest[0].isdigit() or _TIME_TO_COME.search(clean):
        return None
    return rest


# "i live in luton", "we're from harlow", "based in loughborough": a place said as where they live.
_HOME_IS = re.compile(
    r"^(?:(?:i|we|she|he|they) (?:live|lives) (?:in|near)|(?:im|i m|i am|were|we re|we are|shes|she s|she is|hes|he s|"
    r"he is|theyre|they re|they are) from|from|(?:based|living) in)\s"
)


def place_said_as_home(text: str) -> str | None:
    """"im 16 from braintree", "we live in bishops stortford" → the place: words say it is where
    they live, so a town elsewhere in England can be taken too ("16 in march" is a next birthday,
    not the town of March), and at the school question it is no school's name."""
    clean = normalise(text)
    match = _LEADING_AGE.match(clean)
    if match is not None and _PLACE_MARKER.search(match.group(0)):
        return clean[match.end():].strip() or None
    home = _HOME_IS.match(clean)
    return clean[home.end():].strip() or None if home else None


def parse_age_mention(text: str) -> Age | None:
    """An age stated in passing ("my son is 8 and...", "actually I'm 15", "I'm in year 10"),
    used when we did not ask for the age. Bare numbers don't count here. A correction's last
    ("14 in year 10 no year 9 sorry" is 13 to 14: a user trial, session 47)."""
    clean = normalise(text)
    if (corrected := _CORRECTED.search(clean)) and (fixed := _last_of_a_correction(corrected.group(0))) is not None:
        return fixed
    if year := _year_meant(clean):
        return _year_group(int(year.group(1)))
    for match in _AGE_CONTEXT.finditer(clean):
        token = next(group for group in match.groups() if group)
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
    # "my parents are splitting up", "my carer": a young person talking about the adults in their life.
    # "in foster care" is a young person's (a user trial, session 47: "How old is your child?"); "foster carer" a carer
    r"\b((?<!my )(?<!our )parents?|(?<!young )(?<!adult )(?<!my )(?<!my foster )carer|(?<!my )guardian|(?<!my )foster|as a (?:mum|mom|dad)|"
    r"i m (?:a|his|her|their) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandad|step ?mum|step ?dad)|"
    r"im (?:a|his|her|their) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandad|step ?mum|step ?dad)|"
    # "i'm the kids stepmum" (development author D15)
    r"(?:i m|im|i am) the (?:kids|kid s|childs|child s|childrens|children s|boys|girls) (?:mum|mom|mother|dad|father|step ?mum|step ?mom|step ?dad|nan|gran|grandma|grandad)|"
    r"i am (?:a|his|her|their) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandad)|"
    # "I'm his mother's partner, ... he lives with us" (development author D13)
    r"(?:i m|im|i am) (?:his|her|their) (?:mums|moms|mothers|dads|fathers) (?:partner|boyfriend|girlfriend|husband|wife)|"
    r"my (?:son|daughter|child|children|kid|kids|boy|girl|stepson|stepdaughter|grandson|"
    r"granddaughter|teenager|teen|little one)|our (?:son|daughter|child|kid|boy|girl)|"
    r"mum|mom|dad)\b"
)
_PARENT_PLAIN_WORDS = {"mum", "mom", "dad"}
_YOUNG_PERSON = re.compile(
    r"\b(young person|young people|me|(?<!\bher )(?<!\bhim )(?<!\bthem )(?<!\bit )(?<!\bthis )(?<!\bthat )myself|for me|"
    r"student|pupil|teen|teenager|kid|"
    r"child|young|yp|i m \d+|im \d+|i am \d+|a child)\b"
)
# In care, said of oneself: "in foster care", "im looked after", "i live in a childrens home" (a user
# trial, session 47: "How old is your child?"); never "i work in foster care", "we have a 14 year old
# girl in foster care with us" or "i am a care experienced adult" (the review).
_IN_CARE_MYSELF = re.compile(
    r"^(?:(?:im|i m|i am|me|yeah|yh) )?(?:in (?:foster )?care|looked after|a care leaver|care leaver|in a (?:childrens|children s) home)"
    r"(?: (?:atm|at the moment|rn|now|innit|lol|tbh))*$"
    r"|\b(?:im|i m|i am|ive been|i ve been|i have been) (?:in (?:foster )?care|looked after|a care leaver)\b(?! (?:adult|worker|for|with))"
    r"|\bi (?:live|am living|m living) in (?:a |the )?(?:childrens|children s) home\b"
)


def parse_role(text: str) -> str | None:
    """young_person | parent_carer | professional, or None when the text doesn't say."""
    clean = normalise(text)
    if _PROFESSIONAL.search(clean):
        return "professional"
    if _IN_CARE_MYSELF.search(clean):
        return "young_person"
    parent = _PARENT.search(clean)
    # "mum"/"dad" alone is a parent answering the question; "my mum shouts" is a young person.
    if parent and (parent.group(1) not in _PARENT_PLAIN_WORDS or clean in _PARENT_PLAIN_WORDS):
        return "parent_carer"
    if _YOUNG_PERSON.search(clean):
        return "young_person"
    return None


_PARENT_SPEAKING = re.compile(
    # "my sons arms" is "my son's arms" (apostrophes are dropped); "my kids", "our children"
    r"\b(?:my|our) (?:sons?|daughters?|child|childs|children|kids?|boy|girl|stepsons?|stepdaughters?|teen|teenager|"
    r"little one|\d{1,2} ?(?:year|yr) old|"
    # a grandparent's or a foster carer's letter ("I am writing about my grandson Thomas… cuts on his
    # arms") got the young person's crisis reply and "Are you safe right now?" (a user trial, session 47)
    r"grandsons?|granddaughters?|grandchild|grandchildren|grandkids?|"
    r"(?:foster|adopted) (?:sons?|daughters?|child|children|kids?|boy|girl))\b"
)


# A father's or mother's terse first words, a son or daughter named bare ("daughter self harming",
# "son 14 wont go to school"), and "my son", "my daughter" in the languages parents in our areas
# write them (Urdu and Hindi, Polish, Romanian, Bengali, Somali): each got the young person's crisis
# reply and "Are you safe right now?", and every answer after it "Please call 999 now" (a user
# trial, session 48). Never "boy 14" or "girl 15": a young person's own way to say who they are.
_TERSE_PARENT = re.compile(
    r"^(?:(?:hi|hello|hey|help|please|urgent|re) )*(?:step ?)?(?:son|daughter|sons|daughters)"
    r" (?:is |s |aged |age |has |keeps |been |says |said |told me |wont |won t |will not |cant |can t )?"
    r"(?:\d{1,2}\b|self ?harm\w*|cutting|harm\w*|hurting|not eating|wont|won t|refus\w*|says|said|keeps|has|been|struggling|"
    r"depressed|anxious|suicidal|missing|ran away|run away)"
)
_MY_CHILD_IN_OTHER_LANGUAGES = re.compile(
    r"\b(?:mera (?:beta|bacha|baccha|larka)|meri (?:beti|bachi|bacchi|larki)|moja (?:corka|coreczka)|moj (?:syn|synek)|"
    # (never "baiatul meu" or "amar chele bondhu", which may be a boyfriend: the review, session 48)
    r"fiica mea|fiul meu|copilul meu|amar (?:chele(?! bondhu)|meye(?! bondhu)|baccha)|wiilkayga|gabadhayda|ilmahayga)\b"
)


def parent_speaking(text: str) -> bool:
    """'my daughter is...', 'our 12 year old...': a parent or carer talking about a child."""
    clean = normalise(text)
    ascii_words = normalise(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())  # "córka": "corka"
    return bool(_PARENT_SPEAKING.search(clean) or _TERSE_PARENT.search(clean) or _MY_CHILD_IN_OTHER_LANGUAGES.search(ascii_words))


# --- Concern ---------------------------------------------------------------------------

_FAMILY_MEMBER = (
    r"(?:mum|mom|mam|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|"
    r"grandfather|brother|sister|sibling|twin|baby|uncle|aunt|auntie|cousin|step ?(?:mum|dad)|parents?|"
    r"husband|wife|friend|best friend|mate|pet|dog|cat)"
)
# Being told to die, the way harassment online says it ("keeps telling me to uninstall life", "told
# me to kys"): read by the concern rules (bullying, below) and by the crisis reply's kind
# (risk_decision: no grooming reply for it without an act of grooming). Lower-case text.
def _told_to_die(whom: str) -> str:
    return (
        r"(?:tell\w*|told|say\w*|said|messag\w*|dm\w*|text\w*|post\w*|comment\w*|spam\w*|call\w*|want\w*) "
        rf"(?:{whom})(?: that)? (?:to|i should|he should|she should|they should|we should)"
        r"(?: just)?(?: go)?(?: and)? (?:kys|(?:kill|hang) (?:my|your|ur|him|her|them)sel\w*|die|uninstall\w*|unalive\w*|"
        r"end it(?: all)?|end (?:my|your|ur) life)\b"
    )


TOLD_TO_DIE = _told_to_die(r"me|him|her|them|us|my \w+")
TOLD_ME_TO_DIE = _told_to_die("me")  # danger to the speaker in someone else's words (risk_decision)
# ...by other young people or strangers, not a parent ("my mum keeps telling me to kill myself" is a
# family worry) or one's own thoughts ("my brain keeps telling me to…": the review, session 33).
_PEERS_OR_STRANGERS = (
    r"(?:people|ppl|kids|boys|girls|lads|someone|somebody|guy|guys|player|players|everyone|every1|randoms?|"
    r"strangers?|trolls?|classmates?|group chat|gc)"
)
TOLD_TO_DIE_BY_OTHERS = rf"{_PEERS_OR_STRANGERS}(?: \w+){{0,6}}? (?:keeps? |kept |keep on )?{TOLD_TO_DIE}"
CONCERN_PATTERNS: dict[str, str] = {
    "self_harm": r"self ?harm\w*|\bsh\b|cutting|cut (?:my|him|her)self|hurt(?:ing)? (?:my|him|her)self",
    # --- issue #12c: worries the first list did not place ---------------------------------
    "bereavement": r"died|dying|(?:is|are|was|were) dead|passed away|passed on|death|funeral|grie(?:f|ve|ving|ved)|bereave\w*|"
    rf"(?:lost|losing|miss(?:ing)?) (?:my|his|her|our|their) (?:late )?{_FAMILY_MEMBER}|rip",
    "young_carer": r"young (?:adult )?carers?|"
    rf"(?:look(?:s|ing)? after|care(?:s)? for|caring for|take(?:s)? care of) (?:my|his|her|their) "
    rf"(?:little |younger |older |big |baby )?{_FAMILY_MEMBER}",
    "bedwetting": r"bed ?wett?ing|bed wetter|wet(?:s|ting)? (?:the|his|her|my) bed|wee(?:s|d)? (?:in )?(?:the|his|her|my) bed|"
    r"enuresis|accidents at night|night ?time accidents|wet at night|dry at night|pull ?ups at night|"
    r"(?:wetting|soiling|pooing|weeing) (?:him|her|my)self",
    "neurodevelopmental": r"adhd|autis\w*|asd|asperger\w*|neurodiver\w*|neurodevelopmental|on the spectrum|"
    r"(?:waiting|wait|waitlist\w*|waiting list) (?:\w+ ){0,3}(?:assessment|diagnosis)|"
    r"(?:assessment|diagnosis) waiting list|sensory (?:issues|needs|overload|processing)|hyperactiv\w*|"
    r"cant sit still|tourette\w*",
    "substances": r"drink\w*|drunk|alcohol\w*|booze|"
    r"drugs?|weed|cannabis|skunk|smok(?:e|es|ing)|vap(?:e|es|ing)|vaper|cocaine|coke|ket|ketamine|nitrous|"
    r"laughing gas|getting high|high all the time|stoned|substances?|spice|pills|edibles",
    "gender_sexuality": r"gay|lesbian|bi|bisexual|pan|pansexual|trans|transgender|non ?binary|enby|queer|lgbt\w*|"
    r"sexuality|sexual orientation|gender\w*|coming out|come out|came out|questioning|pronouns|dysphoria|"
    r"(?:like|fancy|attracted to) (?:the same sex|boys and girls|girls and boys)",
    "hearing_voices": r"hear(?:s|ing)? (?:voices|things|a voice|whisper\w*)|voices|no one else (?:can )?hears?|see(?:s|ing)? things|hallucinat\w*|"
    r"psychosis|psychotic|paranoi\w*|things that (?:arent|are not|werent) (?:there|real)",
    "ocd": r"ocd|obsessive|obsessions?|compulsi\w*|intrusive|rituals?|"
    r"(?:keep|keeps|kept) (?:checking|washing|counting|touching|repeating)|"
    r"(?:check|checking|wash|washing|count|counting|touch|touching) (?:\w+ ){0,2}over and over|"
    r"wash(?:es|ing)? (?:my|his|her|their) hands (?:all the time|over and over|loads|until)|"
    r"(?:bad|horrible|awful|scary|weird|unwanted|dark) thoughts (?:that )?(?:keep|pop|popping|wont|dont|i cant)|"
    r"thoughts (?:that )?(?:wont|dont) go away|has to be (?:perfect|even|just right)",
    "trauma": r"trauma\w*|ptsd|flashbacks?|(?:car|road|bad|terrible|serious) (?:crash|accident)|mugged|"
    r"was (?:attacked|assaulted|stabbed|robbed)|got (?:attacked|jumped|stabbed|robbed)|"
    r"witness(?:ed)?|since (?:the|what) happened|"
    r"(?:saw|seen|see) something (?:really |so )?(?:bad|terrible|horrible|awful|scary|traumatic)|"
    r"something (?:really |so )?(?:bad|terrible|horrible|awful|scary|traumatic) happen\w*|"
    r"cant stop thinking about what (?:happened|i saw)|refugees?|fled|war",
    "online_safety": r"online|internet|social media|snap ?chat|on snap|insta(?:gram)?|tik ?tok|discord|whats ?app|"
    r"roblox|fortnite|minecraft|xbox|playstation|ps5|game chat|nudes?|naked (?:pics?|photos?|pictures?|images?|videos?)|sext\w*|sextortion|blackmail\w*|"
    r"(?:pics|photos|pictures|images|videos) (?:of (?:me|him|her) )?(?:shared|going round|posted|leaked)|leaked|"
    r"groom\w*|stranger\w* (?:online|on)|catfish\w*|hack(?:ed|ing)?|"
    r"scary (?:stuff|things|videos?|content|messages)",
    "school_refusal": r"school refus\w*|school avoid\w*|ebsa|attendance|"
    r"(?:wont|doesnt|dont|didnt|cant|cannot|refus\w*|never|stopped|hates?|scared to|afraid to|not|too anxious to|"
    r"too scared to)\s(?:\w+\s){0,3}?(?:go|going|get|face|attend\w*|goin)\s(?:\w+\s){0,2}?(?:school|college)(?! trips?\b| discos?\b| plays?\b| holidays?\b| residential)|"
    r"(?:havent|hasnt|not) been (?:in|to|into) school|off school|missing school|skip(?:ping)? (?:school|lessons|classes|most days|days)|bunk(?:ing)? off|truan\w*|"
    r"cr(?:y|ies|ying) (?:every|each) (?:morning|day before school)|every morning (?:is )?a (?:battle|fight|nightmare)|"
    # "he wont go in, says everyone hates him" (a phone trial, session 29: the concern model read body image)
    r"(?:wont|won t|will not|refuses to|refusing to|refused to) go in(?= (?:says|said|anymore|any more|most days|in the mornings?|"
    r"every (?:morning|day)|because|cos|coz|and|but)\b|$)",
    "body_image": r"body image|(?:my|his|her|their) body|(?:the way|how) (?:i|he|she|they) looks?|my looks|"
    r"(?:my|his|her) appearance|ugly|self ?esteem|(?:self )?confidence|insecur\w*|not good enough|plus size|"
    r"hates? (?:my|his|her) (?:nose|face|skin|teeth|hair|legs|thighs|stomach|belly|arms|height|ears|chin)|"
    r"(?:nose|face|skin|teeth|legs|thighs|stomach|belly|ears|chin) (?:\w+ ){0,2}(?:i|he|she) (?:hate|hates|cant stand) (?:it|them)|"
    r"(?:short|tall|small) for (?:my|his|her|their) age",
    "relationships": r"boyfriend|girlfriend|bf|gf|relationships?|break ?up|broke up|broken up|split with|dumped|"
    r"crush|dating|friendships?|fell out|falling out|fallen out",
    # --- the first list -------------------------------------------------------------------
    "exam_stress": r"stress\w* (?:about|over|with|because of) (?:my |the |his |her )?(?:exams?|gcses?|"
    r"a ?levels?|revision|mocks?|tests?|school ?work)|exams?|gcses?|a ?levels?|revision|revising|mocks?|sats|tests?|coursework|"
    r"school ?work|homework|"
    # 18-25s (D17); deadlines only for study ("dad has deadlines" is no exam: the review)
    r"(?:uni|university|degree|my) finals|finals (?:are|r|is|coming|next|soon)|dissertation|"
    r"(?:assignment|coursework|essay|uni|university) deadlines?|deadlines? (?:at|for) (?:uni|university|college|school)",
    "bullying": r"bull(?:y|ied|ies|ying|yin|ing)|"
    # other pupils who won't leave someone alone (an adult or a stranger online may be abuse or grooming)
    r"(?:girls|boys|lads|kids|people|ppl|pupils|students|year \d+s?)(?: \w+){0,4} (?:wont|won t|dont|don t|never) leave (?:me|him|her|us) alone|cyber ?bull\w*|trolled|trolls?|picked on|pick on|mean to (?:me|him|her)|"
    r"laugh(?:ing)? at (?:me|him|her)|excluded me|name calling|teas(?:e|ed|es|ing)|picking on|picks on|"
    # "ppl r horribal to me at skool and i hate my self" (a user trial, session 44: read as body image)
    r"(?:girls|boys|lads|kids|people|ppl|pupils|students|everyone|every1|evry1) (?:at (?:school|skool|college) )?"
    r"(?:are|r|is|keep being|were|are being|r being) (?:so |really |rly )?(?:horrible|horribal|horible|nasty|vile|cruel|mean) "
    r"to (?:me|him|her|us)|"
    r"call(?:ed|ing|s)? (?:me |him |her |them )?names|"
    # told to die by others (`TOLD_TO_DIE`: "a guy on discord keeps telling me to uninstall life", a
    # phone trial, session 32, got the list for staying safe online: CEOP and Report Remove)
    rf"{TOLD_TO_DIE_BY_OTHERS}",
    "sleep": r"sleep\w*|slep\w*|insomnia|awake at night|up all night|nightmares?|can t get to bed",
    "eating": r"eat\w*|food|weight|fat|diet\w*|binge\w*|anorexi\w*|bulimi\w*|"
    r"starv\w*|meals?|skipping meals|calories",
    "loneliness": r"lonely|loneliness|(?<!leave me )(?<!leave us )(?<!leave him )(?<!leave her )alone|no friends|isolated|"
    r"left out|no one to talk|nobody to talk|nobody likes|(?:no ?one|nobody) to sit with|sit(?:ting)? (?:on my own|by myself)|"
    # development authors D3 and D7 (session 29): "i have no frends at my new school", "no one talks to me at college"
    r"(?:no|got no|have no|haven t got any|havent got any|dont have any|don t have any) (?:frends|freinds|firends|mates|m8s)|"
    r"(?:no ?one|no1|nobody|noone) (?:ever )?(?:talks|speaks|talk|speak) to (?:me|him|her)(?! about)",
    "anger": r"ang(?:ry|er)|rage|temper|outbursts?|furious|lash(?:ing)? out|aggressive|meltdowns?|snap(?:s|ping|ped)? at",
    # never where someone stays ("back at my parents in Oadby. Having panic attacks again" was family:
    # a user trial, session 45); a family member's illness is a family worry ("my little brother has cancer")
    "family": r"famil\w*|(?<!live with )(?<!living with )(?<!lives with )(?<!back at )(?<!staying at )(?<!stay at )(?<!back to )(?<!moved back to )(?<!back home to )my parents(?! (?:house|place|home|in)\b)|(?:mum|mom) and dad|"
    rf"my (?:little |big |older |younger |baby )?{_FAMILY_MEMBER} (?:has|has got|s got|got|is ill with|was diagnosed with) "
    r"(?:cancer|leukaemia|leukemia|a tumou?r|a brain tumou?r|dementia|ms|a serious illness|a rare|an illness|chemo)|"
    r"parents (?:are|keep|argu\w*|fight\w*|split\w*|"
    r"divorc\w*|don t|do not|shout\w*)|divorce\w*|splitting up|split up|separat\w*|arguing at home|"
    r"step ?(?:mum|dad|mom)|my (?:mum|mom|dad|brother|sister)|home life|at home",
    # "her nerves are bad", a grandmother's word for anxiety (a user trial, session 47: "Sorry, I didn't get that")
    "worry": r"anx\w*|worr\w*|panic\w*|nervous|scared|fear\w*|stress\w*|overthink\w*|on edge|"
    r"phobia\w*|(?<!on )(?:her|his|their|my|bad|with (?:her|his|their|my)|of) nerves|^nerves$",  # never "gets on my nerves"
    # never the start of where someone lives ("I live in low burra", Loughborough typed by sound: D3)
    "low_mood": r"down|sad\w*|depress\w*|(?<!live in )(?<!lives in )(?<!living in )(?<!from )low|unhappy|empty|cry\w*|upset|miserable|numb|fed up|"
    r"hopeless|not myself|no motivation|mood|moody|mood swings|pointless|dead inside|feel(?:s|ing)? like giving up|"
    r"(?:want|wanna|wants) to give up",
    # "so what DV support is there for a 17 year old in Harlow?" (a user trial, session 20): the
    # search's abuse services. "substance abuse" names substances first, which wins.
    "abuse": r"dv|domestic (?:violence|abuse)|abus(?:e|ed|ive|ing)|neglected|neglect(?:s|ing)? (?:me|him|her|us|them)",
}
# Online harms the online safety services are for (nat-ceop, nat-report-remove); not
# bullying, fake or hacked accounts.
_ONLINE_EXPLOITATION = re.compile(
    r"\b(?:nudes?|naked|sext\w*|blackmail\w*|groom\w*|leak\w*|(?:pics|photos|pictures|images|videos) "
    r"(?:of (?:me|him|her) )?(?:shared|going round|posted|leaked)|stranger\w*|catfish\w*|send (?:pics|photos)|"
    r"private (?:pics|photos|pictures|images|videos)|"
    r"threat\w* to (?:post|share|send|leak|put|expose)|(?:going|gonna) to (?:post|share|leak) (?:my|them|it|her|his))\b"
)
# Time spent online, the only online worry a platform named beside another worry may be dropped for:
# "he's always on his phone, tiktok all night, moody". Never a platform alone: "my daughter is talking
# to a 30 year old on snapchat and she is very withdrawn" keeps CEOP (the review, session 45).
_SCREEN_TIME = re.compile(
    r"\b(?:always on|all (?:day|night) on|on (?:his|her|their|my) (?:phone|ipad|tablet|xbox|playstation|switch|console|laptop) "
    r"(?:all|every|constantly|24 ?7)|(?:tiktok|gaming|games|phone|screens?|youtube|xbox|fortnite|roblox) (?:all|every) (?:night|day)|"
    r"too much time (?:on|online|gaming)|hours (?:on|online|gaming)|addicted to|glued to|screen ?time|(?:wont|won t|doesnt) get off)\b"
)
# Harm online beside exploitation (`_ONLINE_EXPLOITATION`): something seen or done to them there.
_ONLINE_HARM = re.compile(
    r"\b(?:hack\w*|scary|disturbing|horrible (?:stuff|videos?|content|things)|someone online|people online|adults?|"
    r"older (?:man|men|guy|guys|boy|boys|lad|lads)|messag\w* (?:me|him|her)|threat\w*|porn\w*|gambl\w*|"
    r"(?:self ?harm|suicide) (?:videos?|content|posts?))\b"
)
_CONCERN_REGEX = {
    concern: re.compile(rf"\b(?:{pattern})\b") for concern, pattern in CONCERN_PATTERNS.items()
}
# A message often names a feeling and its cause ("I'm sad since my nan died"): the cause is
# what finds the right help. Lower tiers win; inside a tier, the first mention.
_GENERAL_TIERS = {"family": 2, "loneliness": 2, "anger": 2, "sleep": 2, "worry": 3, "low_mood": 3}
_SELF_HARM_TIER = 0
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
    # issue #12c: the "Something else" list (domain.yml utter_ask_concern_more)
    "grief someone has died": "bereavement",
    "not going to school": "school_refusal",
    "adhd or autism": "neurodevelopmental",
    "drink drugs or vaping": "substances",
    "gender or sexuality": "gender_sexuality",
    "body image and confidence": "body_image",
    "ocd or thoughts that keep coming back": "ocd",
    "hearing voices": "hearing_voices",
    "bed wetting": "bedwetting",
    "being a young carer": "young_carer",
    "relationships": "relationships",
    "something frightening happened": "trauma",
    "staying safe online": "online_safety",
    "something not listed": "other",
    "something else": "other",
}
# The first menu's "Something else" (not a worry: the bot shows the longer list).
SOMETHING_ELSE = re.compile(r"^(?:something else|other|another thing|none of (?:these|those)|not listed)$")


# "I'm worried about my daughter" says who the worry is for, not that she is anxious: a
# parent's opening line must not become the worry the bot searches for.
_WORRIED_ABOUT_SOMEONE = re.compile(
    # Said by the speaker ("I'm really worried about", "we are concerned for", or the message
    # starts with it), not by the child ("my daughter is anxious about her friends" is a worry).
    r"(?:^|\b(?:i|im|i m|i am|we|we re|were|we are|ive been|i ve been|i have been|hi|hello|hiya)\s+)"
    r"(?:(?:really|so|very|quite|a bit|bit|a little|getting|just|also|increasingly|extremely|incredibly)\s+)*"
    r"(?:worried|concerned)\s+(?:about|for)\s+(?:"
    r"(?:(?:my|our|a|the|this|one of my|one of our)\s+)?(?:(?:little|eldest|oldest|youngest|teenage|\d+\s*(?:yr|year)s?\s*old)\s+)?"
    r"(?:son|daughter|child|children|kid|kids|boy|girl|teen|teenager|grandson|granddaughter|grandchild|"
    r"grandkids?|step ?son|step ?daughter|stepchild|foster (?:son|daughter|child)|nephew|niece|"
    r"pupil|student|young person)\b(?!\s*s\b)"
    # "him", "her", "them" only as the whole object: "her friends" is what she worries about.
    r"|(?:him|her|them)(?:\s+(?:and her |and his |and their )?(?:mental health|wellbeing|well being))?\s*$)"
)


# "i think about dying a lot" got bereavement services (a user trial, session 19): the risk
# layer asks about it first; if the user says no, the worry is still these thoughts.
_THINKING_ABOUT_DYING = re.compile(
    r"\b(?:think\w*|dream\w*|obsess\w*|fantasi[sz]\w*) (?:about|of) (?:dying|death|being dead|suicide|killing (?:my|him|her)self)\b"
)


# Worries with help of their own, never put second to one said to be the main one.
_NEVER_PUT_SECOND = frozenset({
    "self_harm", "abuse", "online_safety", "trauma", "bereavement", "eating", "substances",
    "hearing_voices", "young_carer",
})
# The worry said to be the main one, of several: "mainly low mood, bit of sleep stuff too".
_MAINLY = re.compile(r"\b(?:mainly|mostly|mainly about|main (?:thing|worry|problem|issue) is|the main thing|especially|above all)\b")


def parse_concern(text: str) -> str | None:
    """The concern the text is about; "other" for "something else"/"don't know"."""
    clean = normalise(text)
    if clean in BUTTON_CONCERNS:
        return BUTTON_CONCERNS[clean]
    clean = without_who_sent_them(_WORRIED_ABOUT_SOMEONE.sub(" ", clean)).strip()
    if _THINKING_ABOUT_DYING.search(clean) and not _CONCERN_REGEX["bereavement"].search(_THINKING_ABOUT_DYING.sub(" ", clean)):
        return "suicidal_thoughts"  # not grief: nobody has died
    found: dict[str, tuple[int, int, int]] = {}
    for priority, (concern, regex) in enumerate(_CONCERN_REGEX.items()):
        match = regex.search(clean)
        if match:
            tier = _SELF_HARM_TIER if concern == "self_harm" else _GENERAL_TIERS.get(concern, 1)
            found[concern] = (tier, match.start(), priority)
    if found:
        # Something frightening online, or bullying with sexual pictures, grooming or blackmail,
        # is an online safety worry: the help is reporting and getting pictures taken down.
        # Bullying online is bullying: CEOP says it cannot take reports about bullying, and
        # Report Remove is for nude pictures (the fact sheet's nat-ceop, nat-report-remove).
        if "online_safety" in found and "trauma" in found:
            return "online_safety"
        if "online_safety" in found and "bullying" in found:
            return "online_safety" if _ONLINE_EXPLOITATION.search(clean) else "bullying"
        if "online_safety" in found and len(found) > 1 and _SCREEN_TIME.search(clean) and not (
                _ONLINE_EXPLOITATION.search(clean) or _ONLINE_HARM.search(clean)):
            # Only where it happens ("he's always on his phone, tiktok all night, moody"): the other
            # worry, not the help for staying safe online (CEOP, Report Remove: a user trial, session 45)
            del found["online_safety"]
        main = _MAINLY.search(clean)
        # right after the word ("mostly when im stressed" says when, not which worry: C1)
        # and never over a worry with its own help ("mainly sad, my mum is abusive" is abuse: the review)
        named_first = sorted((start, concern) for concern, (_, start, _) in found.items() if main and 0 <= start - main.end() <= 8)
        if named_first and not (set(found) - {named_first[0][1]}) & _NEVER_PUT_SECOND:
            return named_first[0][1]  # "mainly low mood, bit of sleep stuff too" (development author D4)
        return min(found, key=found.__getitem__)
    # "other" or "everything" as (most of) the answer, not "the other lads mug me off about it"
    if _DONT_KNOW.search(clean) or re.search(r"\b(something else|not listed)\b", clean) or (
        len(clean.split()) <= 6 and re.search(r"\b(other|lots|everything)\b", clean)
    ):
        return "other"
    return None


def only_an_exam_stage(text: str) -> bool:
    """"gcse year", "doing my a levels": a school stage named by its exams, and no worry besides
    (the exam words alone are no exam stress: at the age question they say the age)."""
    rest = without_exam_stage(text)
    return rest != text and parse_concern(rest) in (None, "other")


def without_exam_stage(text: str) -> str:
    """The text without a school stage named by its exams ("gcse year and im being bullied" →
    "and im being bullied"), so the worry told besides is read, not exam stress; any other
    text unchanged."""
    clean = normalise(text)
    stage = next((pattern for pattern, _ages in _EXAM_STAGES if pattern.search(clean)), None)
    return " ".join(stage.sub(" ", clean).split()) if stage else text


def worry_words(text: str) -> str:
    """What the rules read a worry from: the text without a school stage named by its exams when
    the rest names another worry ("gcse year and im being bullied": bullying), else the whole text
    ("doing my gcses and really stressed" stays exam stress)."""
    rest = without_exam_stage(text)
    return rest if rest != text and parse_concern(rest) not in (None, "other", "worry") else text


def is_something_else(text: str) -> bool:
    """The first concern menu's "Something else": show the longer list, don't search yet."""
    return bool(SOMETHING_ELSE.match(normalise(text)))


# --- Skip / don't know -----------------------------------------------------------------


def is_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.search(normalise(text)))


def is_no_school(text: str) -> bool:
    """'skip', 'don't know', 'not at school', 'home educated'… all mean: no school to use."""
    clean = normalise(text)
    return bool(_DONT_KNOW.search(clean) or _NO_SCHOOL.fullmatch(clean) or _NO_SCHOOL.search(clean) and len(clean.split()) <= 5)


# --- Issue #12: answers as people type them -----------------------------------------------
# At the question asked, the slot's parser has the first say whatever the NLU's intent
# (actions/triage_form.py). These helpers widen what each parser understands.

# Family and carer words that, said on their own or about oneself ("dad here", "I'm her nan"),
# mean the person chatting is a parent or carer; "my mum shouts" is a young person.
_FAMILY = (
    r"(?:mum|mom|mam|mum?my|mommy|mammy|mother|dad|daddy|father|step ?(?:mum|mom|dad|mother|father)|"
    r"nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|"
    r"grandparent|aunt|aunty|auntie|uncle|guardian|special guardian|carer|(?:respite )?foster (?:carer|parent|mum|dad)|respite carer|"
    r"kinship carer|adoptive (?:parent|mum|dad|mother|father)|parent|"
    # development author D6 (session 27): "I'm his great aunt", "I am his ammi (mum)", "I'm his dad's partner"
    r"great (?:aunt|aunty|auntie|uncle|nan|gran|grandma|grandmother|grandad|grandfather)|ammi|ammu|abbu|"
    r"dadi|daadi|nani|naani|dadima|nanima|"  # a grandmother in Urdu, Hindi, Punjabi and Gujarati ("dadi here": D19)
    r"(?:dad|mum|mom) s partner|dads partner|mums partner)"
)
# Words for a carer that are also how a child names an adult ("mama locks me in", "family friend
# sends me pics": the review, session 30): only said of the speaker, or as the whole answer, or
# with looking after the child (development author D11: "I am mama of Ionut", "family friend, I'm
# looking after her while her mum's in hospital").
_CARER_ONLY_SAID_OF_ONESELF = r"(?:mama|mamma|family friend|friend of the family|godmother|godfather|godparent)"
FAMILY_WORDS = _FAMILY  # a regex group of the words, for signposting/plain_answer.py
_SPEAKER_FILLER = r"(?:(?:yes|yeah|yep|hi|hello|its|it s|this is|im|i m|i am|the|a|his|her|their|your|just|here|speaking)\s)*"
# What a family member did or is, told by someone else: "dad came home…", "mum is drunk again", "dad
# beats mum", "mum cries all the time", "nan died last week", "mum and dad are splitting up" (the last
# four made a child a parent after the list, session 46).
_TELLS_WHAT_THEY_DID = (
    r"(?:came|comes|come|(?:is|was|s)(?! (?:worried|concerned|looking|asking|trying|here|speaking)\b)|are|has|had|keeps|kept|"
    r"said|says|got|gets|went|goes|threw|throws|hit|hits|drinks|drank|shouts|shouted|screams|screamed|left|leaves|took|"
    r"takes|wont|won t|will|never|always|does|did|doesnt|didnt|isnt|wasnt|locked|locks|kicked|kicks|grabbed|grabs|found|"
    r"finds|made|makes|told|tells|brought|brings|beats|beat|beating|cries|cried|crying|died|dies|passed|hates|hated|"
    r"ignores|ignored|argues|argued|fights|fought|hurts|hurt|smokes|uses|used|lives|lived|moved|works|worked|cheated|yells|yelled)"
)
_FAMILY_SPEAKER = re.compile(
    # at the start ("mum here", "mum and dad", "mum, i coach the team too"); never the family word as
    # the subject of what is told ("dad came home drunk and had a knife" made a child a parent and the
    # form asked "How old is your child?": a phone trial, session 33)
    rf"^{_SPEAKER_FILLER}{_FAMILY}(?!\s(?:and|&)\s{_FAMILY}\s{_TELLS_WHAT_THEY_DID}\b)(?:\s(?:and|&)\s{_FAMILY})?"
    rf"(?:\s(?:here|speaking))?\b(?!\s{_TELLS_WHAT_THEY_DID}\b)"
    rf"|\b(?:i m|im|i am|as) (?:a |the |his |her |their |an |the (?:childs|child s|young persons|young person s) )?{_FAMILY}\b"
    r"|\b(?:i look after|i care for|i m looking after|im looking after) (?:my |a |his |her |their |two |three )?"
    r"(?:grand|step|foster|niece|nephew|son|daughter|child|kid|boy|girl|sister s|brother s)"
    r"|\bmy (?:foster|adopted|step|grand) ?(?:son|daughter|child|children|kid|kids|boy|girl|children)\b"
    rf"|\b(?:i m|im|i am) (?:a |the |his |her |their )?{_CARER_ONLY_SAID_OF_ONESELF}\b"
    rf"|^(?:a |the |his |her |their )?{_CARER_ONLY_SAID_OF_ONESELF}(?: here| speaking)?$"
    rf"|^(?:a |the |his |her |their )?{_CARER_ONLY_SAID_OF_ONESELF} (?:i m|im|i am) (?:looking after|caring for) (?:him|her|them)\b"
    # an adult brother or sister who has the child ("big sister, i'm 24 and he lives with me now": D11):
    # an adult age said, never a sibling of 17 or under ("older sister im 16 she lives with me": the review)
    r"|^(?:(?:i m|im|i am) )?(?:his |her |their |the )?(?:big|older|elder) (?:sister|brother|sis|bro)\b"
    r"(?=.*\b(?:i m|im|i am) (?:1[89]|[2-9]\d)\b)(?!.*\b(?:i m|im|i am) (?:[1-9]|1[0-7])\b)"
    r"(?=.*\b(?:(?:he|she|they) (?:lives|live|s living|is living|are living) with me|"
    r"i look after (?:him|her|them)|i have (?:custody|guardianship)|im (?:his|her|their) guardian|"
    # "I'm his big sister, I've had him since mum died. I'm 24" (development author D16)
    r"(?:i ve|ive|i have) had (?:him|her|them) since)\b)"
    # "I'm 23 and I have guardianship of my little brother" (development author D2)
    # (never said with an age of 17 or under: "i have guardianship of my little brother, im 14": the review)
    r"|^(?!.*\b(?:i m|im|i am) (?:[1-9]|1[0-7])\b).*\b(?:i have|i ve got|ive got|i ve had|ive had|i have had|i got) "
    r"(?:guardianship|custody|parental responsibility|an sgo) "
    r"(?:of|for) (?:my )?(?:little |younger |baby |kid )?(?:brother|sister|bro|sis|siblings?|brothers|sisters)\b"
    # "family friend, her mum asked me to look into it" (development author D15): asked by the child's parent
    rf"|^(?:a |the |his |her |their )?{_CARER_ONLY_SAID_OF_ONESELF} (?:her|his|their) (?:mum|mom|mam|dad|parents|carer|carers) "
    r"(?:asked|wanted|told) me to\b"
    r"|\bmy (?:grandson|granddaughter|grandchild|grandkid|nephew|niece|stepson|stepdaughter|stepchild|stepkid)s?\b"
    # development author D6 (session 27): "mum of 3", "shared custody dad", "we adopted her when she was 3",
    # "me and my husband foster", "she's with me weekends", "I've got him on a child arrangements order"
    r"|^(?:a |just a )?(?:(?:worried|concerned|anxious|desperate|single|working|tired) )?"
    r"(?:mum|mom|mam|mother|dad|father|nan|gran|grandma|grandad|parent) (?:of|to) (?:\d|one|two|three|four|five|six|twins)\b"
    # Said of the speaker, never of a young person's parents ("im 12, my dad has shared custody": the review)
    r"|^(?:(?:i m|im|i am) )?(?:a )?(?:shared|joint) custody (?:dad|mum|mom|parent|father|mother)\b"
    r"|\b(?:i|we) (?:have|ve got|have got|got) (?:shared|joint) custody\b"
    r"|\b(?:i|we) (?:have|ve got|have got|got) (?:him|her|them) on a child arrangements order\b"
    r"|\b(?:i ve got|ive got|i have got|i have) (?:him|her|them) on a (?:child arrangements|special guardianship) order\b"
    r"|\b(?:he|she|they) (?:is|s|are|re) (?:placed|in placement) with (?:me|us)\b"
    # ...and of a child, not a pet ("we adopted a dog")
    r"|\b(?:i|we|me and my (?:husband|wife|partner)) (?:foster|fostered)\b(?! (?:a |the )?(?:dog|cat|puppy|kitten|pet|animal)s?\b)"
    r"|\b(?:i|we|me and my (?:husband|wife|partner)) (?:adopted|adopt) (?:him|her|them|my|our|a (?:boy|girl|child|baby|son|daughter))\b"
    r"|\b(?:he|she|they) ?(?:s|is|are|re) with (?:me|us) (?:at |on |most |every other )?(?:weekends?|the week|half the week)\b"
)
# Said of the speaker with a word of feeling first: "not a professional, just a worried grandma".
_WORRIED_FAMILY = re.compile(rf"(?:^|\b(?:i m|im|i am|just) )a (?:worried|concerned|anxious|desperate|stressed) {_FAMILY}\b")
# A professional asking as a parent: "I'm a teacher actually but this is about my own daughter",
# "bit of both - I'm a nurse but asking as a mum" (development author D6, session 27).
_AS_A_PARENT = re.compile(
    rf"\b(?:asking|here|writing|typing|speaking|come|coming) as (?:a |his |her |their |the )?{_FAMILY}\b"
    r"|\babout my own (?:son|daughter|child|kid|boy|girl|children|kids)\b"
    # "Both, I am mum and also I work as teaching assistant but this is for my son" (development author D16)
    r"|\bbut (?:this|it|its|it s) (?:is |s )?(?:for|about) my (?:own )?(?:son|daughter|child|kid|boy|girl|children|kids|stepson|stepdaughter)\b"
    # "both me and his dad but im the one typing" (author T2's development lines): as the answer's
    # start only, never "my boyfriend hits me and his dad knows" (the review)
    r"|^(?:(?:both|its|it s|well|um|erm|its us|it s us) )?me and (?:his|her|their) (?:dad|mum|mom|father|mother|stepdad|stepmum)\b"
)
# A professional's shorthand as the whole answer ("YOT", "SW - CiN team"): the words alone are a
# young person's too ("im under yot", "im from sw london"), so only the shorthand by itself counts.
_WORKER_SHORTHAND = re.compile(
    r"(?:yot|yos|sw|early help|virtual school|youth offending|youth justice)(?: (?:team|service|cin team|cp team|here))?"
    # "Youth Offending Team case manager" (development author D14)
    r"(?: (?:case manager|caseworker|case worker|worker|officer|practitioner|manager|lead))?"
    # "TA, 1:1 for a boy in yr 3" (development author D11): a teaching assistant's one-to-one, never "ta" (thanks) alone
    r"|(?:ta|lsa|hlta|sna) (?:1 1|1 to 1|one to one|121)(?: (?:for|with) (?:a|an|the) (?:boy|girl|child|pupil|student|yp)\b.*)?"
)
# "not a professional", "not a parent": said to put a role aside, never to claim it.
_ROLE_WORD = r"(?:a |an |the )?(?:professional|parent|carer|teacher|worker|social worker|mum|dad)"
_NOT_THIS_ROLE = re.compile(rf"\bnot {_ROLE_WORD}(?:(?: or|,| nor) {_ROLE_WORD})*\b")
# "I'm the one who needs the help, not a parent": the young person themselves.
_THE_ONE_WHO_NEEDS_IT = re.compile(
    r"\b(?:i m|im|i am) the one (?:who|that) (?:needs|wants) (?:the )?help\b"
    # a young person in care, not a foster carer ("im in foster care", "care leaver, 18": D7)
    r"|\b(?:i m|im|i am|i live|i m living|im living|i am living) in (?:foster care|kinship care|care|a childrens home|a children s home|"
    r"a care home|residential care|supported (?:living|housing))\b|^(?:(?:i m|im|i am) )?(?:a )?care leaver\b|^youngperson$"
    r"|\b(?:it s|its) (?:me|about me|for me) (?:that|who) needs it\b|\bbut (?:it s|its) (?:about|for) me\b"
    # "just me, no parents involved please" (development author D18, session 39); never "just me asking
    # for my son" (the review)
    r"|^just me(?: here| thanks| please| pls| x)?"
    r"(?: no (?:parents?|adults?|one else|mum|dad|carers?|teachers?)(?: or (?:parents?|adults?|carers?|teachers?|school))?"
    r"(?: involved| please| pls| thanks)*)?$"
)
# "I'm a mum myself but this is for me, I'm 21" (D18): the speaker, unless they name whose parent they
# are ("im his mum but this is about me" asks for the parent's own help).
_BUT_FOR_ME = re.compile(r"\bbut (?:this|it) is (?:about |for )?me\b")
# ...with the speaker's own age of 25 or under: never "im a teacher but this is for me" (the review)
_YOUNG_OWN_AGE = re.compile(r"\b(?:i m|im|i am) (?:1[0-9]|2[0-5])\b")
_WHOSE_PARENT = re.compile(
    r"\b(?:his|her|their) (?:mum|mom|mam|dad|nan|gran|grandma|grandad|carer|parent|foster carer)\b|"
    r"\bmy (?:son|daughter|child|kid|kids|boy|girl|stepson|stepdaughter|grandson|granddaughter)\b"
)
# "im a young mum, 19, its about my little girl": a parent, though young (D7).
_YOUNG_PARENT = re.compile(r"\b(?:i m|im|i am) a young (?:mum|mom|mam|mother|dad|father|parent)\b")
_WORKER = (
    r"(?:key ?worker|support worker|family (?:support )?worker|care worker|residential worker|youth worker|"
    r"social worker|counsellor|counselor|therapist|psychologist|camhs (?:worker|clinician|practitioner)|"
    r"health visitor|(?:learning )?mentor|lecturer|tutor|childminder|pastoral lead|head ?teacher|"
    r"early help (?:worker|practitioner)|inclusion (?:lead|manager|officer)|attendance officer|teacher|nurse|"
    # A user trial's professionals (session 20): "im a PCSO in Harlow", "football coach in Watford", "I'm the DSL"
    r"pcso|police officer|police community support officer|dsl|designated safeguarding lead|safeguarding lead|"
    r"senco|school nurse|"
    # Development author D4 (session 22): "football coach, one of my under 14s", "TA at his school"
    r"(?:sports |football |netball |rugby |swimming |dance |cricket |gymnastics )?coach|teaching assistant|"
    r"teacher s assistant|teachers assistant|learning support assistant|lsa|hlta|youth leader|scout leader|"
    r"guide leader|cub leader|gp receptionist|school receptionist|"
    # a user trial (session 47): "im a youth pastor at a church in loughborough" got "Sorry, I didn't
    # get that" (only roles with young people: faith roles alone were left out by the review, session 29)
    r"youth (?:pastor|minister|chaplain)|school chaplain|"
    # "im a volunteer at a youth club" (a user trial, session 45: "Sorry, I can't help with that")
    r"(?:youth club |youth |school |charity )?volunteer|"
    # development author D6 (session 27): "youth offending worker", "YOT", "Virtual School advisor", "SW - CiN team"
    r"youth offending (?:worker|officer|practitioner)|yot (?:worker|officer|practitioner)|virtual school (?:advisor|adviser|head|officer|lead)|"
    # development author D18 (session 39): "Personal adviser for care leavers"
    r"personal (?:adviser|advisor) for (?:care leavers|young people|care experienced)|leaving care (?:worker|adviser|advisor|pa)|"
    r"cin (?:team|worker)|cp (?:team|worker)|family hub worker|"
    # development author D8 (session 29): "PSA at a Harlow primary" (a school's parent support adviser)
    r"psa|parent support (?:advisor|adviser|worker|officer)|family liaison (?:officer|worker)|"
    # session 29, the team's own list of job titles, not yet understood: health, school and council staff (not
    # services a child is under, "im with social care", nor faith roles: the review)
    r"paediatrician|pediatrician|speech and language therapist|occupational therapist|physiotherapist|"
    r"(?:camhs |nhs |mental health )?clinician|paramedic|pharmacist|health ?care assistant|"
    r"deputy head|assistant head|head of (?:year|house|department|sixth form)(?: \d+)?|ewo|education welfare officer|"
    r"ed psych|educational psychologist|housing officer|youth justice (?:worker|officer)|"
    r"(?:after school|breakfast|youth) club (?:leader|worker)|(?:care|childrens|children s|residential) home (?:manager|worker)|"
    # "unit welfare officer at Kendrew Barracks" (D17), "the night manager at a children's home" (D16)
    r"(?:unit |army |military |service |family |families |pastoral |student )?welfare (?:officer|worker|lead|manager)|"
    r"(?:night |deputy |registered |house |shift |home )?manager (?:at|of|in) (?:a |an |the |our )?(?:childrens|children s|care|residential) home)"
)
# A worker named as the one who did something to the speaker ("the physio at the club touched me",
# "deputy head at school hurts me": the review, session 29) is no professional speaking.
_DONE_TO_ME = (
    r"\b(?:touch\w*|hit|hits|hitting|hurt\w*|abus\w*|grab\w*|kiss\w*|rap(?:e|ed|es|ing)|assault\w*|beat\w*|punch\w*|kick\w*|"
    r"slap\w*|threaten\w*|groom\w*|follow\w*|took|takes|shout\w*|scream\w*|yell\w*|bull\w*|pick\w* on|listen\w* to|"
    r"message\w*|text\w*|film\w*|photo\w*) (?:me|us|my|myself)\b"
)
_DONE_TO_THE_SPEAKER = rf"(?!.*{_DONE_TO_ME})"
# ...in any of the ways a professional is read ("the teacher at school hit me" was one: the review)
_SOMETHING_DONE_TO_THE_SPEAKER = re.compile(_DONE_TO_ME)
WORKER_WORDS = _WORKER
_WORKER_SPEAKER = re.compile(
    rf"^{_DONE_TO_THE_SPEAKER}{_SPEAKER_FILLER}(?:(?!my |our |me |i )[a-z]+ )?{_WORKER}(?:\s(?:here|speaking))?\b(?! (?:said|says|told|tells|thinks|wants|suggested|sent|hits|hit|is|was|has|had|keeps|touched|touches))"
    # "I'm a Year 11 form tutor" (a user trial, session 45: asked who is chatting)
    rf"|\b(?:i m|im|i am|as|i work as) (?:a |an |the |his |her |their )?(?:(?:year|yr|y) \d{{1,2}} )?(?:[a-z]+ )?{_WORKER}\b"
    # "Im from the school", "calling from his gp surgery" (session 29); never "from school" or "work at school
    # is too much", a young person's (the review)
    r"|^(?:hi |hello )?(?:(?:im|i m|i am|we re|were|we are) (?:calling |ringing |writing )?|(?:calling|ringing|writing) )from "
    r"(?:the |his |her |their |our )(?:school|college|academy|gp surgery|surgery|practice|camhs|council|nursery)\b"
    r"|\bi work (?:at|in|for|with) (?:a |the )?(?:[a-z]+ )?(?:school|college|academy|charity|council|nhs|camhs|children|young|"
    r"youth club|youth centre|nursery|pru|childrens home|children s home|care home|gp surgery|surgery|hospital)"
    # "TA at his school" ("ta" alone is thanks: "ta for that")
    r"|^(?:i m |im |i am )?(?:a |his |her |their )?ta (?:at|in) (?:his|her|their|the|a) (?:school|primary|academy|class|college)\b"
    r"|\b(?:i m|im|i am) (?:a |an |the |his |her |their )ta\b"
)
# "i coach netball in sawbridgeworth": a professional, unless a parent or a young person says so too
# ("mum, i coach the team too", "im 15 and i coach the under 9s"): read after them (the review, session 22).
_COACHES_OR_TEACHES = re.compile(
    r"\bi (?:coach|teach|run (?:a|the) (?:[a-z]+ )?(?:club|team|group|class|troop|pack))\b(?! (?:myself|my self|me)\b)"
)
_SAYS_A_SCHOOL_YEAR = re.compile(r"\b(?:i m|im|i am) (?:in|at) (?:year|yr|y)\s?\d{1,2}\b")
# "a coach at my club said i should talk to someone", "ta at the school told me to try this": someone
# the young person knows, unless the speaker says what they are ("im a nurse at my gp surgery").
_TOLD_ME = re.compile(r"\b(?:told|tells|said|says|suggested|recommended|sent|showed) (?:me|us|i|my)\b")
_SAYS_WHAT_THEY_ARE = re.compile(r"\b(?:i m|im|i am|i work as|i work at|i work in|i work for|as a|as an)\b")
_WORKER_OF_MINE = re.compile(rf"\b{_WORKER} (?:at|in|from|of) (?:my|our) ")


def _speaks_as_a_worker(clean: str) -> bool:
    """A job said of the speaker (`_WORKER_SPEAKER`), not of someone the young person knows."""
    if not _WORKER_SPEAKER.search(clean):
        return False
    return bool(_SAYS_WHAT_THEY_ARE.search(clean)) or not (_WORKER_OF_MINE.search(clean) or _TOLD_ME.search(clean))
_SOMEONE_ELSES = re.compile(r"\b(?:my|our)\s$")
# "a young person i support is struggling", "one of the students i mentor": a young person the
# speaker works with, not the speaker (it was read as a young person speaking: development author D3).
# "kids i look after" may be a foster carer's, so caring words are left out.
_WORKS_WITH_THEM = re.compile(
    r"\b(?:young (?:person|people|persons)|yp|pupils?|students?|learners?|mentees?|clients?|service users?) "
    r"(?:that |who )?(?:i|we) (?:support|work with|mentor|teach|tutor|key ?work|keywork|supervise|see at|see in|case ?manage)\b"
    # "asking for a family I support" (development author D11); never "the family i support is my mum" (the review)
    r"|\b(?<!my )(?<!our )(?:a|the|one of the|one of our) famil(?:y|ies) (?:that |who )?(?:i|we) (?:support|work with)\b(?! (?:is|are) my\b)"
)
_YOUNG_SPEAKER = re.compile(
    # never "myself" said of doing something ("can I refer her myself?" from a form tutor: session 45)
    r"\b(?:for me|me|(?<!\bher )(?<!\bhim )(?<!\bthem )(?<!\bit )(?<!\bthis )(?<!\bthat )myself|my self|its me|it s me|"
    r"yung|yp|young un|im young|i m young|"
    # sent here by an adult: "my mum said i should talk to someone" (a user trial, session 45: "Sorry")
    r"(?:my )?(?:mum|mom|dad|nan|gran|teacher|tutor|carer|foster carer|social worker|gp|doctor|counsellor|school nurse) "
    r"(?:said|says|told me|thinks|wants me|suggested|asked me)(?: that)?(?: i should| i need to| to| i could| i)? "
    r"(?:talk to someone|talk to somebody|speak to someone|get (?:some )?help|try this|use this|come on here)|"
    # "asking for my mate, we're both in year 9" (development authors D1, D4)
    r"(?:asking |its |it s |this is |im asking )?for (?:my (?:mate|friend|bestie|best friend|bff|m8)|a (?:mate|m8))"
    r"(?! (?:her|his|their|s) (?:son|daughter|child|kid|kids|lad|boy|girl|little))(?!s )|"
    r"(?:im|i m|i am) (?:in|at) (?:year|yr|y)\s?\d{1,2}|(?:im|i m|i am) (?:in|at) "
    r"(?:school|college|sixth form|6th form|uni|year \d+)|(?:im|i m|i am) a (?:student|pupil|kid|teen|teenager|yp)|"
    # a school year and a school as the whole start of the answer ("year 9 at beauchamp": development author D9)
    r"^(?:year|yr|y)\s?\d{1,2} (?:at|in) \w+)\b"
)


# The buttons by their place ("the first one"): young person, parent or carer, professional.
_BUTTON_BY_PLACE = re.compile(
    # "I'm not a parent or a professional so I assume I am the first option" (development author D10),
    # read with the roles put aside ("i m so i assume i am the first option")
    r"(?:(?:i m|im|i am) )?(?:so )?(?:i (?:assume|guess|think|suppose) )?(?:(?:i m|im|i am) |(?:i ll|ill|i will|i d|id) (?:pick|choose|go with|take) )?"
    r"(?:(?:the|that|um+|erm+|er) )*(?:(?P<first>first|1st|top)|(?P<second>second|2nd|middle)|(?P<third>third|3rd|last|bottom))"
    r"(?: one| button| option)?(?: please| pls| plz)?"
)


def role_by_button_place(text: str) -> str | None:
    match = _BUTTON_BY_PLACE.fullmatch(normalise(text))
    if not match:
        return None
    return "young_person" if match["first"] else "parent_carer" if match["second"] else "professional"


# One-word answers typed with a slip ("parnet", "proffesional", "meee").
# ("carer" is left out: "career" is one slip away.)
_ROLE_WORDS = {"parent": "parent_carer", "professional": "professional"}
# Short forms of the buttons, as the whole answer ("prof": development author D9).
_ROLE_SHORT_FORMS = {"prof": "professional", "profesh": "professional", "pro": "professional", "yp": "young_person"}


# The buttons' words as a whole answer, misspelt ("younge persen": development author D7).
_ROLE_PHRASES = {"young person": "young_person", "im a young person": "young_person", "parent or carer": "parent_carer",
                 "parent carer": "parent_carer", "im a parent": "parent_carer", "im a professional": "professional"}


def role_with_a_typo(text: str) -> str | None:
    clean = normalise(text)
    if re.fullmatch(r"m+e+", clean):  # "mee", "meee"
        return "young_person"
    if clean in _ROLE_SHORT_FORMS:
        return _ROLE_SHORT_FORMS[clean]
    if 1 <= clean.count(" ") <= 3 and len(clean) >= 10:
        # two slips only in "young person"; one in the others ("im a patient" is no parent: the review)
        match = extractOne(clean, list(_ROLE_PHRASES), scorer=OSA.distance, score_cutoff=2)
        if match and (match[1] <= 1 or _ROLE_PHRASES[match[0]] == "young_person"):
            return _ROLE_PHRASES[match[0]]
        return None
    if len(clean) >= 6 and " " not in clean:
        cutoff = 2 if len(clean) >= 9 else 1
        match = extractOne(clean, list(_ROLE_WORDS), scorer=OSA.distance, score_cutoff=cutoff)
        return _ROLE_WORDS[match[0]] if match else None
    return None


# "beta" and "beti" (son, daughter in Hindi, Urdu, Gujarati and Punjabi) as the whole answer: "for my
# beta" (development author D12); never inside a sentence ("my beta fish died", "beta blockers": the review).
_FOR_MY_BETA = re.compile(r"(?:(?:its|it s|this is|asking|i m asking|im asking|i am asking) )?(?:for )?(?:my|our) (?:beta|beti)(?: here)?")


def parse_role_typed(text: str) -> str | None:
    """`parse_role`, plus the ways people type it: "dad here", "I'm her nan", "I'm his key
    worker", "special guardian", "yeah me", "I'm in year 10". "my teacher said..." is not a
    professional speaking."""
    clean = _NOT_THIS_ROLE.sub(" ", normalise(text))
    if _FOR_MY_BETA.fullmatch(clean.strip()):
        return "parent_carer"
    if _YOUNG_PARENT.search(clean):
        return "parent_carer"
    if _THE_ONE_WHO_NEEDS_IT.search(clean) or (
            _BUT_FOR_ME.search(clean) and _YOUNG_OWN_AGE.search(clean) and not _WHOSE_PARENT.search(clean)):
        return "young_person"
    if _AS_A_PARENT.search(clean) or _WORRIED_FAMILY.search(clean):
        return "parent_carer"
    done_to_them = bool(_SOMETHING_DONE_TO_THE_SPEAKER.search(clean))  # never a professional speaking
    if not done_to_them and (
        _speaks_as_a_worker(clean) or _WORKS_WITH_THEM.search(clean) or _WORKER_SHORTHAND.fullmatch(clean.strip())
    ):
        return "professional"
    professional = _PROFESSIONAL.search(clean)
    if professional and not done_to_them and not _SOMEONE_ELSES.search(clean[: professional.start()]):
        return "professional"
    if _FAMILY_SPEAKER.search(clean) and not done_to_them:
        # "uncle touched me", "family friend keeps touching me": a child telling what an adult did
        # is never that adult speaking (the review's rule for workers, session 29, kept for family)
        return "parent_carer"
    if _COACHES_OR_TEACHES.search(clean) and not done_to_them:
        own_age = re.search(r"\b(?:i m|im|i am) (\d{1,2})\b", clean)
        if re.search(r"\bmy (?:son|daughter|child|kid|kids|stepson|stepdaughter|lad)\b", clean):
            return "parent_carer"  # "i run the football team my son plays for"
        if (own_age and int(own_age.group(1)) < 18) or _SAYS_A_SCHOOL_YEAR.search(clean) or re.search(r"\bmy little\b", clean):
            return "young_person"  # "im 15 and i coach the under 9s", "i teach my little brother to read"
        return "professional"
    role = parse_role(clean)
    if role == "professional" or (role == "parent_carer" and done_to_them):
        # "my teacher told me about this", "the carer hit me": a young person
        return "young_person"
    if role is not None:
        return role
    if _YOUNG_SPEAKER.search(clean):
        return "young_person"
    return role_by_button_place(" ".join(clean.split())) or role_by_button_place(text) or role_with_a_typo(text)


# "jestem mamą", "sunt mama lui", "sou a mãe dela", "أنا والدها" (development authors D2 and D3): a
# parent or grandparent saying who they are in the languages most spoken here. Latin scripts are
# read without accents; other scripts by whole words.
_PARENT_SAID_IN_LATIN_SCRIPTS = re.compile(
    r"\b(?:jestem (?:jego |jej )?(?:mama|mamusia|matka|tata|ojcem|ojciec|babcia|dziadkiem|dziadek|opiekun\w*)|"
    r"sunt (?:mama|mamica|tatal|tata|bunica|bunicul)(?: lui| ei)?|"
    r"sou (?:a |o )?(?:mae|pai|avo)(?: dele| dela)?|"
    r"soy (?:la |el |su )?(?:madre|padre|mama|papa|abuela|abuelo)|"
    r"sono (?:la |il |sua |suo )?(?:madre|padre|mamma|papa|nonna|nonno)|"
    r"je suis (?:la |le |sa |son )?(?:mere|pere|maman|papa|grand mere|grand pere)|"
    r"ich bin (?:die |der |seine |ihre )?(?:mutter|vater|mama|papa|oma|opa)|"
    r"annesiyim|babasiyim|anneyim|babayim|"
    r"esu (?:jo |jos )?(?:mama|tetis|tevas|mociute|senele)|"
    r"(?:main|mai|mein) (?:uski|us ki|iski|is ki|uska|us ka|iska) (?:maa|ammi|amma|walida|mummy|baap|abbu|papa|walid)\w*)\b"
)
_PARENT_WORDS_IN_OTHER_SCRIPTS = frozenset({
    "والدها", "والده", "والدتها", "والدته", "أمها", "أمه", "أبوها", "أبوه",  # Arabic: her/his father, mother
    "ماں", "والدہ", "والد", "امی", "ابو",  # Urdu
    "माँ", "मां", "पिता", "मम्मी", "पापा",  # Hindi
    "મમ્મી", "માતા", "પિતા", "પપ્પા",  # Gujarati
    "ਮਾਂ", "ਪਿਤਾ", "ਮੰਮੀ", "ਪਾਪਾ",  # Punjabi
    "мама", "мать", "папа", "отец", "майка", "баща", "тато",  # Russian, Ukrainian, Bulgarian
})


def role_answer(text: str) -> str | None:
    """The answer to "Who is chatting today?": as people type it in English, or a parent saying so
    in their own language (the form and the crisis policy's language path take it alike)."""
    return parse_role_typed(text) or parent_in_another_language(text)


def parent_in_another_language(text: str) -> str | None:
    """"parent_carer" when a parent says who they are in another language (a short message). Only
    as the answer to "Who is chatting today?": in passing, "мама" or "माँ" may be a child's mother."""
    words = [word for word in re.split(r"[\s.,!?;:،؟۔।()\"'\-–—]+", text.lower()) if word and not word.isdigit()]
    if not words or len(words) > 8:
        return None
    plain = " ".join(unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode().split())
    if _PARENT_SAID_IN_LATIN_SCRIPTS.search(plain) or any(word in _PARENT_WORDS_IN_OTHER_SCRIPTS for word in words):
        return "parent_carer"
    return None


# Said of oneself in so many words ("im a PCSO", "I'm the DSL", "teacher here"): enough to answer a
# crisis message as someone worried about another. Never a job named first ("the coach touched me").
_SAYS_THEY_WORK_WITH_CHILDREN = re.compile(
    rf"\b(?:i m|im|i am|i work as|as) (?:a |an |the |his |her |their )?(?:[a-z]+ )?{_WORKER}\b(?! (?:said|says|told))"
    rf"|^(?:(?:hi|hello|hiya|yes|its|it s|this is) )*(?:[a-z]+ )?{_WORKER} (?:here|speaking)\b"
    # "I work at a GP practice reception in Harlow. Mum on the phone says her 15 yo has taken some
    # tablets" got "Are you safe right now?" (a user trial, session 48)
)
# "I work at a GP practice reception in Harlow. Mum on the phone says her 15 yo has taken some tablets"
# got "Are you safe right now?" (a user trial, session 48). Only the places that see young people's
# health, and never beside harm to the speaker, an age under 19 or a Saturday job ("i work at a
# pharmacy on saturdays and my manager keeps touching me", "im 16 i work at a gp surgery at the
# weekend and my manager touches me" lost the abuse reply: the two reviews, session 48).
_WORKS_AT_A_PLACE_FOR_CHILDREN = re.compile(
    r"\bi work (?:at|in|for) (?:a |an |the |our )?(?:gp|doctors|doctor s|gp surgery|medical practice|health centre|"
    r"school|primary school|secondary school|pupil referral unit|camhs|children s home|childrens home|"
    r"reception at a (?:gp|doctors|school))\b"
)
_NOT_AS_A_PROFESSIONAL = re.compile(
    r"\b(?:me|myself|my manager|my boss|weekends?|saturdays?|sundays?|part time|work experience|placement|"
    r"(?:im|i m|i am) (?:1[0-8]|[0-9])|aged (?:1[0-8]|[0-9]))\b"
)


def says_they_work_with_children(text: str) -> bool:
    clean = normalise(text)
    if _SAYS_THEY_WORK_WITH_CHILDREN.search(clean):
        return True
    return bool(_WORKS_AT_A_PLACE_FOR_CHILDREN.search(clean)) and not _NOT_AS_A_PROFESSIONAL.search(clean)


def role_said_of_oneself(text: str) -> str | None:
    """parent_carer | professional when the speaker says who they are ("actually I'm his mum",
    "I'm a teacher", "dad here"); None for someone else named ("send this to my teacher")."""
    clean = normalise(text)
    if _SOMETHING_DONE_TO_THE_SPEAKER.search(clean):
        return None  # "mum hits me": a child telling what an adult did (the review, session 30)
    if _speaks_as_a_worker(clean):
        return "professional"
    if _FAMILY_SPEAKER.search(clean):
        return "parent_carer"
    return None



# "No" to an optional question, in the ways people type it.
_DECLINE = re.compile(
    r"(?:no|nah|naa|nope|na|n|no thanks|no thank you|no ta|nah thanks|nope thanks|not really|"
    r"n a|na|none|nothing|nil|x|skip|skip it|skip this|skip that|pass|next|move on|"
    r"leave (?:it|that|this)? ?blank|leave it|blank|skip+|somewhere|somewhere lol|"
    r"(?:id |i d |i would |would )?(?:rather|prefer) not(?: to)?(?: say| tell| answer| share| give it| give that)?|"
    r"(?:i )?(?:dont|don t|do not) (?:want|wanna|need) to (?:say|tell|answer|share|give (?:it|that)(?: out)?)"
    # "I do not want to tell you my school." (development author D14); never "tell my school" (the school
    # told: the review)
    r"(?: (?:you|u|ya)(?: (?:my|the|which|what|her|his|their) (?:school|college|age|town|area|postcode))?"
    r"| (?:which|what) (?:school|college))?|"
    r"(?:i )?(?:dont|don t|do not) wanna (?:say|tell|answer|share)|(?:im |i m )?not (?:saying|telling)(?: (?:you|ya|u|yer))?(?: (?:that|it|this))?|private|"
    r"none of your business|mind your own|"
    # "nah ur alright" (no thanks: development author D12)
    r"(?:no|nah|naa|nope|na) (?:youre|you re|ur|u r|your|you|u)(?: are)? (?:alright|all right|ok|okay|good|fine)|"
    r"(?:no|nah|naa|nope|na) (?:im|i m|i am) (?:good|ok|okay|alright|fine))"
)
# "That would be lovely, thank you so much" to the offer got "You're welcome. Take care." (development author D13)
_FILLER_WORDS = re.compile(
    r"\b(?:(?:thank you|thanks|thank u|ty) (?:so|very) much|many thanks|please|pls|plz|thanks|thank you|ta|sorry|tbh|lol|mate|just|"
    r"if thats ok|if that s ok)\b"
)
# Said to a question that is only a choice (the offer, "Did this help?"), not to a safety question.
_LOOSE_FILLER_WORDS = re.compile(r"\b(?:x+|for now|if (?:u|you) (?:want|like)|if (?:thats|that s|its|it s) (?:ok|okay|alright))\b")
# A no to a choice only ("maybe another time" is no answer to "Are you thinking about hurting yourself?").
# "allow it" is London slang for "leave it" (development author T1): a no to a choice, never to
# "Are you safe right now?" or the check question.
_LOOSE_NO = re.compile(r"(?:maybe )?(?:another|next) (?:time|day)|maybe another time|not this time|(?:nah |na )?allow (?:it|that)")


def declined_in_so_many_words(text: str) -> bool:
    """"no", "rather not say", "leave it blank" as the whole answer ("rather not say, he told me
    not to" is more than a decline; `is_declined` accepts it)."""
    clean = normalise(text)
    return bool(_DECLINE.fullmatch(clean) or _DONT_KNOW.fullmatch(clean))


_A_NO_BEFORE = re.compile(r"^(?:no|nah|nope|naa|um+|erm+|hmm+)\s+(?=\S)")


def is_declined(text: str) -> bool:
    """"no", "nah", "n/a", "rather not say", "leave it blank", "-": no answer to an optional question."""
    clean = normalise(text)
    if not clean:  # "-", "...", an emoji: nothing said
        return True
    core = " ".join(_FILLER_WORDS.sub(" ", clean).split())
    core = _A_NO_BEFORE.sub("", core)  # "nah not telling u" (a user trial, session 45: "Sorry")
    return bool(_DECLINE.fullmatch(core or clean) or _DECLINE.fullmatch(clean) or _DONT_KNOW.search(clean)
                or _REFUSAL.fullmatch(clean) or declines_in_a_clause(text))


# Where someone studies, as people name it: shared by "finished uni" here and by the stop guard
# (signposting/intent_evidence.py), so both read the same places.
STUDY_PLACES = r"school|college|uni|university|sixth form|6th form|education"
_NOT_AT_SCHOOL = re.compile(
    r"\b(?:not (?:at|in|going to|attending|enrolled (?:at|in)) (?:a |any )?(?:school|college|education)|"
    r"not in (?:education|any school)|out of (?:school|education)|(?:dont|don t|do not|doesnt|doesn t|does not) "
    r"(?:go|attend)(?: to)?(?: school| college)?|home ?(?:educated|schooled|skooled|schooling|skooling|school|skool|ed)|(?:we|i|they) home ?(?:educate|school)|"
    r"elective home education|ehe|left (?:school|college|sixth form)|leaving school|"
    # "I finished uni last year", "left in june, not doing anything at the moment" (development author D18)
    rf"finished (?:{STUDY_PLACES})|"
    r"^left (?:in (?:june|july|may|the summer|summer)|(?:last|this) (?:year|summer|june|july))\b(?!.*\bnow (?:at|in)\b)|"
    r"^(?:(?:i m|im|i am|hes|he s|shes|she s) )?not doing anything(?: (?:at the moment|right now|now|atm))?$|"
    r"dropped out|no school|too young for (?:school|nursery)|not old enough for school|"
    # "she is not going school now, we teach her at home" (development author T2's development lines)
    r"not going (?:to )?school(?: now| any ?more| at the moment| atm)?$|(?:we|i) (?:teach|educate) (?:her|him|them) (?:at home|ourselves|myself)$|"
    r"not (?:currently |at the moment )?on (?:a |any )?(?:school )?roll(?: anywhere)?|off (?:the )?roll|cme|children missing (?:from|education)|"
    r"(?:been )?(?:excluded|expelled)|no (?:school )?place|(?:waiting|waitin|still waiting) (?:for|on) (?:a |his |her |their )?(?:new )?(?:school |college )?place|between schools|neet|"
    r"(?:i m|im|i am) (?:working|at work)|apprenticeship|"
    # "we just moved from Romania, he does not have school yet" (development author D12)
    # (the whole answer's end: "he did not get a school place at Beauchamp so he goes to Gartree" names one: the review)
    r"(?:(?:does|do|did) not|doesnt|doesn t|didnt|didn t|dont|don t|hasnt|hasn t|havent|haven t|has not|have not) (?:have|got|get) (?:a )?(?:school|college) (?:place(?: yet)?|yet)$|"
    r"(?:hasnt|hasn t|havent|haven t|has not|have not) (?:started|got into|been given) (?:a )?(?:school|college)(?: yet)?$|"
    r"no (?:school|college) (?:yet|at the moment|right now|atm)$|"
    # "not in anything right now" (development author D17), as the whole answer
    r"^(?:(?:i m|im|i am|hes|he s|shes|she s) )?not in anything(?: (?:right now|rn|at the moment|atm|now|at all))?$)\b"
)


# Working instead of school or college, as the whole answer ("none i work", "apprenticeship, no
# college": development author D7); "i work at tesco but im at college" is at college.
_WORKING_INSTEAD = re.compile(
    # "none, im 19 n working" (development author D9); never "year 11 and working part time" (the review)
    # "school?? I work full time", "school no. me work" (development author D17: the question echoed first)
    r"(?:(?:school|college) )?(?:none |no |nah )?(?:(?:i m |im |i am )?\d{1,2} (?:n |and |& ))?(?:i work(?: full time)?|me work|i have a job|i ve got a job|ive got a job|got a job|i m working|im working|"
    r"working(?: full time)?|(?:i m |im |i am |doing an? |on an? )?apprenticeship)"
    # "i work full time at tesco" (D18); never "... but im at college", nor a school where they work
    # ("i work at oakwood academy", "working for my gcses": the review)
    r"(?: (?:at|in|for) (?:a |an |the )?(?!(?:[a-z]+ )?(?:school|academy|college|uni|university|sixth|my|gcses?|exams?|a levels?)\b)"
    r"[a-z]+(?: [a-z]+)?)?"
    r"(?: now| instead)?(?: no (?:college|school))?"
)


# A school's name typed as the answer: words, then the kind of school, and nothing that tells a
# worry ("kings langley school" was read as the worry "finding it hard to go to school" and the list
# came at once: a user trial, session 34). "i hate school", "bullied at school" tell one.
_SCHOOL_KIND = (
    r"(?:school|academy|college|high|high school|primary|primary school|grammar|grammar school|sixth form|"
    r"infants|infant school|juniors|junior school|free school|studio school|uni|university)"
)
_SCHOOL_NAME = re.compile(rf"(?:[a-z'&-]+ ){{1,5}}{_SCHOOL_KIND}")
_NOT_IN_A_SCHOOL_NAME = frozenset(
    """i im me my mine hate hates hated cant cannot dont wont not no go going goes went to at in from about
    bullied bullying bully scared afraid worried worry stress stressed anxious sad leave left skip skipping
    miss missing refuse refuses refusing back new sick he she they we you it his her their our your its gets""".split()
)


def names_a_school(text: str) -> bool:
    """Is the message a school's name and nothing more ("kings langley school", "the priory academy")?
    Never with a worry before the kind of school ("self harm school", "panic attacks school")."""
    clean = normalise(text)
    match = _SCHOOL_NAME.fullmatch(clean)
    if not match or _NOT_IN_A_SCHOOL_NAME & set(clean.split()):
        return False
    name = " ".join(clean.split()[:-1])
    return parse_concern(name) in (None, "other")


NOT_AT_SCHOOL = "not at school"  # the school slot's value for home-schooled, left, excluded, working


def parse_school_absence(text: str) -> str | None:
    """"not at school" (home-schooled, left, excluded...), "skipped" (no answer), or None (a school name, perhaps)."""
    clean = normalise(text)
    if _NOT_AT_SCHOOL.search(clean) or clean in ("not at school", "not in school") or _WORKING_INSTEAD.fullmatch(clean):
        return NOT_AT_SCHOOL
    if is_declined(text) or is_no_school(text):
        return "skipped"
    return None


_YES = re.compile(  # optionally after a first yes: "yeah go on", "ok sure", "yes please do"
    r"(?:(?:yes|yeah|yea|yeh|yep|ok|okay|oh ok) )?(?:y|ye|yes|yeah|yea|yeh|yep|yup|ya|yah|yh|ys|yass|ok|okay|okey|k|kk|okie|sure|alright|aight|fine|"
    r"go on|go ahead|go for it|do it|please|yes please|yes pls|definitely|definately|definatly|definetly|defintely|deffo|defo|absolutely|of course|"
    r"why not|sure why not|alright go on|sure go on|sounds good|"
    # "That would be brilliant, thank you" (development author D8 got "You're welcome. Take care.")
    r"(?:that would|that d|thatd|that will|that ll|thatll|it would|it d|would) be (?:very |really |so |just )?"
    r"(?:good|great|helpful|nice|brilliant|lovely|amazing|fab|fabulous|fantastic|perfect|wonderful|ace|useful|grand|smashing)|"
    r"find support|find help|help me|i would like that|id like that|i d like that|i would|id like to|"
    r"yes find support|yes i would|yes i do|go on then|ok then|alright then|sure thing|please do|👍|"
    r"obviously|obvs|ofc|course|yes obviously|yes ofc|yes of course|obviously yes|of course yes|ofc yes|"
    # slang for yes (development author T1): a yes to the check question gets the crisis reply
    r"bet|say less)"
)
# Yes and no in the languages most spoken here after English (Polish, Urdu/Hindi/Punjabi,
# Romanian, Portuguese, Spanish, Turkish, French, German), alone or with their "please" or
# "thank you" (`normalise` has dropped the letters outside English: "proszę" is "prosz").
# Only where a yes or no is all the bot asked for (the offer): "da" and "nu" are English too.
_YES_OTHER_LANGUAGES = re.compile(
    r"tak|tak prosz|tak prosze|haan|haan ji|ji haan|han ji|ha ji|da|da v rog|da va rog|sim|sim por favor|"
    r"si|si por favor|evet|oui|ja|"
    # development author D19 (session 40): Hindi, Urdu, Gujarati and Somali "haa", Arabic "na'am",
    # Tamil "aama" (never "ha" alone: in English a laugh)
    r"haa|haa ji|haan haan|jee haan|ji haa|naam|na am|aama|aamam|haa mahadsanid|sim obrigada|sim obrigado"
)
_NO = re.compile(  # optionally after a first no, before another: "no not really", "nah no thanks" ("nah im good" is
    # not here: to "Are you safe right now?" it says safe, and `answer_to_are_you_safe` leaves it to the NLU)
    r"(?:(?:no|nah|nope) (?=not\b|no\b|nope\b|nah\b))?(?:n|no|nah|naa|nope|no thanks|no thank you|no ta|nah thanks|not now|not right now|not yet|not today|"
    r"maybe later|later|another time|im ok|i m ok|im okay|i m okay|im fine|i m fine|im good|i m good|"
    r"i dont want to|i don t want to|i dont|i don t|dont|don t|no im ok|no i m ok|no im good|no i m good|"
    r"not really|no need|im alright|i m alright|not rn|not atm|not at the moment|not at the minute|not for now|"
    r"not just now|no not now|no not yet|no not right now)"
)
_NO_OTHER_LANGUAGES = re.compile(
    r"nie|nie dzi kuj|nie dziekuje|nahi|nahin|nahi ji|nu|nu mul umesc|nu multumesc|n o|nao|n o obrigado|"
    r"no gracias|hay r|hayir|non|non merci|nein|nein danke|"
    # development author D19 (session 40): Somali "maya", Arabic "la shukran", Tamil "vendam" or "illai",
    # Portuguese "não, obrigada" (never "la" alone)
    r"maya|maya mahadsanid|la shukran|la shukran jazeelan|vendam|venda|illai|nao obrigada|n o obrigada|nahin ji|na ji"
)


# "No thank you, he already has a counsellor through school": a no, then its reason.
# A reason after "no" that asks for help is no goodbye: "not today, i need help now", "not now, where
# can i get help" (the review, session 35) got "Bye for now. Take care."
# ...nor one that tells how they feel or wants to talk ("not at the moment, i just feel numb", "not yet, i
# just want to talk": the review, session 36, got the goodbye).
_ASKS_FOR_HELP_AFTER_A_NO = re.compile(
    r"\b(?:help|need|needs|scared|someone|somebody|some1|sum1|call|ring|who|where|how|want to talk|want to chat|wanna talk|"
    r"feel|feeling|numb|alone|lonely|cry|crying|sad|low|struggling|hurt|hurting|worse)\b"
)
# ...but someone else to be asked first is no plea: "I need to speak to her social worker first".
_SOMEONE_ELSE_FIRST = re.compile(
    r"(?:i |we )?(?:need to|have to|ll|ill|will|want to|would like to|d like to|should) (?:speak|talk|chat|check) (?:to|with) "
    r"(?:my|his|her|their|our|the) (?:[a-z]+ ){0,2}first"
)
# A no to a choice, as people type it (the offer, "Did this help?").
_NO_TO_A_CHOICE = r"(?:no|nah|nope|not rn|not now|not right now|not today|not at the moment|not atm|not yet|not just now|not for now)"
_NO_THEN_A_REASON = re.compile(
    # "no ta, I'll talk to his school first", "not rn i just wanted to vent" (development author D15)
    # "not at the moment, I need to speak to her social worker first" (development author D16)
    r"^\s*" + _NO_TO_A_CHOICE +
    r"(?: thanks| thank you| ta| thx)?"
    r"(?:\s*[,.;:!-]+\s*|\s+(?=(?:i |im |i m |i was |i am )?(?:just|only)\b"
    r"(?!.*\b(?:help|need|needs|scared|someone|somebody|some1|sum1|call|ring|who|what|where|how|tell)\b))"
    # "nah ive got a uni counsellor already" (development author D18, session 39)
    r"|\s+(?=(?:i'?ve|i have|we'?ve|we have|he'?s|she'?s|he has|she has|they'?ve|they have) (?:got|already)\b(?! (?:nobody|no ?one|nothing|no)\b)))"
    r"(?P<reason>\w.*)$",
    re.IGNORECASE,
)  # "no i just wanted to look" needs no comma; "no i just need help" asks for something
# Yes and no in the scripts normalise drops (Arabic, Urdu, Hindi, Gujarati, Bengali, Punjabi, Cyrillic, Greek).
_YES_OTHER_SCRIPTS = frozenset({"نعم", "ہاں", "جی ہاں", "हाँ", "हां", "जी हाँ", "जी हां", "હા", "હા જી", "হ্যাঁ", "ਹਾਂ", "ਹਾਂ ਜੀ", "да", "так", "ναι"})
_NO_OTHER_SCRIPTS = frozenset({"لا", "نہیں", "جی نہیں", "नहीं", "जी नहीं", "ના", "না", "ਨਹੀਂ", "нет", "ні", "не", "όχι"})
_SCRIPT_PUNCTUATION = re.compile(r"[\s.,!?،؟۔।]+")


# "Yes please, anything local would help, we've been on the CAMHS list for months": a yes, then
# why. Not when what follows asks, doubts or turns it round ("yes, but will my mum find out?").
_YES_THEN_A_REASON = re.compile(
    r"^\s*(?:(?:obviously|of course|ofc) )?(?:yes|yeah|yep|yh|ok|okay|sure)(?: please| pls| thanks| thank you| obviously| ofc)?"
    r"\s*[,.;:!-]+\s*(?P<reason>\w.*)$",
    re.IGNORECASE,
)
# "yeah thats why im here": after "yes" itself a reason from a closed list needs no comma.
_YES_THEN_A_PLAIN_REASON = re.compile(
    r"^\s*(?:(?:obviously|of course|ofc) )?(?:yes|yeah|yep|yh)(?: please| pls| obviously| ofc)? (?P<reason>\w.*)$", re.IGNORECASE,
)
# What may follow that yes with no comma: why they are here, who it is for, that it would help
# (a closed list: "yeah i took them" is no yes to the offer).
_PLAIN_YES_REASON = re.compile(
    r"(?:(?:thats|that s|that is) why (?:im|i m|i am|we re|were|we are) (?:here|on here|using this)|"
    r"(?:its|it s|it is) (?:for )?(?:me|my (?:son|daughter|child|kid|boy|girl))(?: thats struggling| that s struggling)?|"
    r"for me|(?:i|we) (?:want|need|would like|d like)(?: (?:some )?(?:help|support))?(?: for (?:me|my (?:son|daughter|child|kid)))?|"
    r"(?:that|it|this) (?:would|d|will|could) (?:really )?(?:help|be (?:good|great|helpful|nice))|"
    # "yes find something for him" (development author D16)
    r"(?:find|look for|search for) (?:something|some help|help|support|someone)"
    r"(?: for (?:me|him|her|them|us|my (?:son|daughter|child|kid|boy|girl|grandson|granddaughter)))?(?: (?:near me|near us|local|nearby))?|"
    # "yes but not CAMHS, we've tried them" (development author D18): a yes, with one service set aside
    r"but not (?:camhs|cahms|chams|camh|kooth)(?: (?:again|please|pls))?(?: (?:we ve|weve|i ve|ive|we have|i have) (?:already )?tried (?:them|it|that)(?: already)?)?|"
    r"go on|why not|sounds good|(?:i|we) d like that|id like that|(?:i|we) would like that|please|pls|definitely|defo)"
)
# "yes, is it free?", "sure, can it be online?": a question about the support itself.
_ASKS_ABOUT_THE_SUPPORT = re.compile(
    r"(?:is|are|can|will|does|do|would|could) (?:it|they|them|these|those|that|this|there|you|u) "
    r"(?:be |have |cost |take |a )?(?:free|online|near|nearby|local|cost|charge|open|confidential|private|anything|any|something|"
    r"face to face|in person|on the phone|by phone|over the phone|quick|long|help|take long|wait|waiting|a wait|a waiting list)\b|"
    r"how (?:long|much|far|quick|soon)\b"
)
# "Yes. Anything that doesnt have a 2 year wait" is no turn: only "yes, wait…" at the reason's start.
_A_REASON_THAT_TURNS = re.compile(
    r"\b(?:but|though|tho|not sure|dont know|don t know|idk|maybe|actually|no|not|never|unless|if)\b"
)


# A mind changed inside one message: "no actually yes", "yes wait no not yet" (development author
# D10: "no actually yes" got the goodbye). The last answer counts, for a choice only.
_CHANGE_OF_MIND = re.compile(
    r"(?P<first>.+?)(?: (?:actually|wait|no wait|hang on|sorry|i mean|scratch that|on second thoughts?|thinking about it))+ (?P<last>.+)"
)


def parse_yes_no(text: str, other_languages: bool = False, loose: bool = False) -> str | None:
    """"yes" | "no" | None for an answer to a yes/no question ("yes please", "go on then", "nah");
    with `other_languages`, "tak, proszę" and "nie, dziękuję" too (the offer only).

    `loose` is for a question that is only a choice (the offer, "Did this help?"), never for
    "Are you safe right now?": a kiss or "for now" is left out ("ok x", "I'm ok for now thanks"),
    and a "no" with its reason after a comma is a no ("No thank you, he already has a counsellor
    through school"), unless the reason turns it round ("no, but...", "no, yes please"); a yes
    with its reason likewise ("Yes please, anything local would help")."""
    if loose and (changed := _CHANGE_OF_MIND.fullmatch(normalise(text))):
        first, last = parse_yes_no(changed.group("first"), loose=True), parse_yes_no(changed.group("last"), loose=True)
        if first in ("yes", "no") and last in ("yes", "no"):
            return last
    if loose and (said := _NO_THEN_A_REASON.match(text)):
        reason = normalise(said.group("reason"))
        # "nah i've got a therapist but i want another one" turns it round (the review, session 39)
        wants_more = re.search(r"\bbut\b.*\b(?:want|need|would like|looking for|another|different|else)\b", reason)
        if not re.match(r"(?:but|yes|yeah|actually|wait)\b", reason) and parse_yes_no(reason, loose=True) != "yes" and not wants_more \
                and (not _ASKS_FOR_HELP_AFTER_A_NO.search(reason) or _SOMEONE_ELSE_FIRST.fullmatch(reason)):
            return "no"
    said_yes = _YES_THEN_A_REASON.match(text) if loose else None
    reason = normalise(said_yes.group("reason")) if said_yes else ""
    # A question after the yes only when it asks about the support ("yes, is it free?", "sure, can it
    # be online? i dont drive": development author D18, session 39); never "yes? what do you mean".
    if said_yes and ("?" not in text or _ASKS_ABOUT_THE_SUPPORT.match(reason)) \
            and not _A_REASON_THAT_TURNS.search(reason) and not reason.startswith("wait"):
        return "yes"
    said_yes = _YES_THEN_A_PLAIN_REASON.match(text) if loose and "?" not in text else None
    if said_yes and _PLAIN_YES_REASON.fullmatch(normalise(said_yes.group("reason"))):
        return "yes"
    if other_languages and (plain := _SCRIPT_PUNCTUATION.sub(" ", text).strip().lower()):
        if plain in _YES_OTHER_SCRIPTS:
            return "yes"
        if plain in _NO_OTHER_SCRIPTS:
            return "no"
    clean = normalise(text)
    core = " ".join(_FILLER_WORDS.sub(" ", clean).split()) or clean
    if loose:
        core = " ".join(_LOOSE_FILLER_WORDS.sub(" ", core).split()) or core
    for candidate in (core, clean):
        if _NO.fullmatch(candidate) or (other_languages and _NO_OTHER_LANGUAGES.fullmatch(candidate)):
            return "no"
        if loose and _LOOSE_NO.fullmatch(candidate):
            return "no"
        if _YES.fullmatch(candidate) or (other_languages and _YES_OTHER_LANGUAGES.fullmatch(candidate)):
            return "yes"
    if other_languages and not text.isascii():
        # "sí, por favor": read again with the accents taken off ("sí" is lost otherwise, development author D18)
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        if plain.strip() and plain != text:
            return parse_yes_no(plain, other_languages, loose)
    return None


_IM_OK = re.compile(r"(?:no |yeah |yes )?(?:im|i m|i am) (?:ok|okay|fine|good|alright|safe)(?: now| for now| thanks| thank you)*")
# A plea typed to "Are you safe right now?": "help me" is a yes to the offer, never "safe" here.
_CRY_FOR_HELP = re.compile(
    r"(?:(?:ok|okay|yes|yeah|no|please|pls|plz|someone|somebody|can you|can u|can someone)\s+)*"
    r"(?:hel+p+(?: me| us)?|i need help|need help|save me|sos)(?:\s+(?:please|pls|plz|now|quick|quickly|asap))*|"
    r"please|pls|plz"
)
# "nah im gonna do it": a no with more words is not safe, unless the words say safe or OK.
_NO_FIRST = re.compile(r"(?:no|nah|naa|nope|not really|not rly)\b.*\S")
_SAYS_OK = re.compile(r"\b(?:safe|ok|okay|fine|alright|good)\b")
# The yes words that say "safe" to that question (not "find support", "go on", "i would"...).
_SAFE_YES = re.compile(r"(?:y|ye|yes|yeah|yea|yeh|yep|yup|ya|yah|yh|ys|ok|okay|k|kk|sure|alright|fine|i am|yes i am|yeah i am)")


def answer_to_are_you_safe(text: str) -> str | None:
    """"yes" | "no" | None to "Are you safe right now?", read with that question's own words, not
    the offer's (2026-12-02): "I'm ok" (a no to the offer) is left to the NLU's reading, which
    says safe (it got "Please call 999 now"); "help me" or "please" (a yes to the offer, and read
    as seek_help or affirm) is not safe (it got "I'm glad you're safe"); other yes words to the
    offer ("find support", "go on") are left to the NLU. A no with more words is not safe ("nah
    im gonna do it" got the privacy answer) unless they say safe or OK ("no im ok")."""
    clean = normalise(text)
    if _CRY_FOR_HELP.fullmatch(clean) or (_NO_FIRST.fullmatch(clean) and not _SAYS_OK.search(clean)):
        return "no"
    said = parse_yes_no(text)
    if said == "no" and _IM_OK.fullmatch(clean):
        return None
    core = " ".join(_FILLER_WORDS.sub(" ", clean).split()) or clean
    if said == "yes" and not (_SAFE_YES.fullmatch(core) or _SAFE_YES.fullmatch(clean)):
        return None
    return said


# A plain statement of being safe now, typed to "Are you safe right now?" with more words than a
# yes: where they are or who is with them ("im ok rn my nan is here", "safe at home"), or a promise
# ("yeah nothing gonna happen tonight im ok"). Those answers got "Please call 999 now" or the
# crisis reply again (14 and 5 of 35 by a helper who saw no code, 2026-12-02): the risk model,
# trained on first messages, reads "tonight" or "my room" after a crisis as danger.
# "I'm safe / OK / fine" said in words, not only a "yes" or "ok" at the start.
_SAFE_IN_WORDS = (
    r"\b(?:i m|im|i am|am|i feel|feel|feeling|shes|she s|she is|hes|he s|he is|theyre|they re|they are|"
    r"were|we re|we are) (?:(?:totally|completely|all|really|pretty|quite|actually|honestly) )?"
    r"(?:safe|ok|okay|fine|alright|good)\b"
)
_SAYS_SAFE = re.compile(
    r"^(?:y|ye|yes|yess+|yeah|yea|yeh|yep|yup|ya|yah|yh)\b|"
    r"^(?:safe|ok|okay|fine|alright|good)\b|" + _SAFE_IN_WORDS
)
# Reassurance whose "not" or "nothing" says safe: "not gonna do anything", "wont do anything tonight".
_PROMISE = re.compile(
    r"\b(?:i )?(?:wont|will not|im not|i m not|i am not|not) (?:gonna |going to |planning (?:on |to )?)?"
    r"(?:do|doing|try|trying) (?:anything|nothing|owt)(?: tonight| today| now)?\b|"
    r"\bnot planning (?:anything|owt)\b|\bnothing(?: is| s)? (?:gonna|going to) happen\b|\b(?:i )?promise\b"
)
# Safe, and asking for help: "im safe but i need help", "yeah im safe just want help with it" got
# "Please call 999 now" (a user trial, session 19). Only this whole phrase: "but" stays out of
# the list below ("im safe but not for long").
_WANTS_HELP = re.compile(
    r"\b(?:but |and |just |i )*(?:i )?(?:really )?(?:need|want|wanted|would like|d like) (?:some )?"
    r"(?:help|support|(?:someone|somebody|some1|sum1|a person) to talk to)(?: (?:with|for|about) (?:it|this|that|things|stuff|how i feel|my feelings))?"
    r"(?: please| pls)?$"
)
# "yeah right im safe": two words of the list below that together turn it round. So do an apology
# to everyone ("Im fine. I just wanted to say sorry to everyone", a development author's not-safe
# answer, A5) and a question without its mark ("i'm at home. is that safe").
_YEAH_RIGHT = re.compile(
    r"\b(?:yeah|yea|ye|yes) right\b|\b(?:say|said|saying|tell|telling) (?:sorry|bye|goodbye)\b|"
    r"\bsorry to (?:everyone|everybody|all|you all|my)\b|\b(?:is|am|are|was) (?:that|it|this|i|you|u) (?:safe|ok|okay|fine|alright)\b|"
    r"\btell (?:everyone|everybody|every1|them|him|her|mum|dad|my \w+)(?: that)?(?: i m| im| i am)? sorry\b|"
    r"\bsorry (?:mum|mam|mom|dad|nan|gran|everyone|everybody|to)\b|\b(\w+(?: \w+)?) \1 \1\b"
)
SAFE_STATEMENT_MAX_WORDS = 20
# Every other word of a plain safe statement comes from here: who is with them, where, how they
# feel, that they wanted to talk. A closed list, so no turn ("but", "not", "i think"), means, place
# or injury can come in (tests/test_parsing_typed.py checks the list against such words). A list
# of danger words was not enough: a third helper's not-safe answers that open calmly ("yes i'm safe. I gave my cat to my neighbour today", "im
# fine i just need u to know it wasnt anyones fault", "yes im safe. i know where my dad keeps the
# key to the shotgun cabinet") name no means or place (author A3, 2026-12-02).
_SAFE_STATEMENT_WORDS = frozenset(
    "y ye yes yess yesss yeah yea yeh yep yup ya yah yh ok okay k kk safe fine alright good im i m am "
    "i me my feel feeling really pretty quite honestly actually totally completely all right now rn atm "
    "a bit at the moment just x xx dw thanks thank you sorry worrying worry u you watching tv "
    "home house school college class lesson lessons library room bedroom lounge living kitchen sofa bed "
    "with w here in at is s are downstairs upstairs next door "
    "mum mam mom mummy dad daddy nan nana nanna gran granny grandma grandad grandpa parents family step "
    "mums mams moms dads nans grans brothers sisters aunties uncles cousins friends mates "
    "brother sister bro sis carer carers foster auntie aunt uncle cousin friend mate bestie "
    "teacher teachers staff our and "
    "sad tired upset low rubbish calm calmer calmed down better bit little "
    # "yes she is safe, she's just very sad and quiet" (a parent after a death; a phone trial, session 33)
    "very quiet "
    "needed wanted to talk say it someone tell told say "
    "telly tea cup dinner toast having sat sitting making playing walking dog nurse office maths youth club "
    "worker workers manager job saturday weekend lovely everyone everyones were we us bad day sleep lol rlly "
    "its been cry shower had ive texted rang called childline shout samaritans 111 gp grans nans "
    "today office staffroom reception classroom".split()
)
# "for now" says safe only beside "I'm OK / safe": "yes. for now." was a third helper's not-safe answer.
_FOR_NOW_BESIDE_IM_OK = re.compile(r"\b(?:im|i m|i am) (?:ok|okay|alright|good|fine|safe)\b.*")


def _only_safe_statement_words(clean: str) -> bool:
    return all(word in _SAFE_STATEMENT_WORDS for word in clean.split())


def sounds_safe(text: str) -> bool:
    """Does the answer open with a yes or say "I'm safe / ok / fine" somewhere, plainly or not?"""
    return bool(_SAYS_SAFE.search(normalise(text)))


# Said of someone else, to "Is your child / the person you are worried about safe right now?"
# ("she's safe with me", "he's safe in my office now"; a user trial, session 20). Never for the
# user's own safety: "im safe, he's in the next room" may name who hurts them.
_THIRD_PERSON_WORDS = frozenset("she he they her him them his their shes hes theyre".split())


# OK with something is accepting it, not being OK: "its tomorrow. im ok with it" (a plan and a
# date) got "I'm glad you're safe" (development conversations G2, the whole bot, session 31).
_ACCEPTS_IT = re.compile(
    r"\b(?:ok|okay|fine|alright|all right|good|happy|at peace|calm|cool|content|settled|sorted) "
    r"(?:with|about) (?:it|that|this|my (?:decision|choice|plan)|the (?:plan|decision)|what im doing|what i m doing|everything|"
    r"doing it|going|doing this|dying|ending it)\b|"
    # a day set for something: "im ok, its tomorrow" (the review, session 31)
    r"\b(?:it s|its|it is|it ll be|itll be) (?:tomorrow|tonight|today|this weekend|next week|soon|on (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))\b"
)


# Danger denied is safety said: "im not in danger rn" after "Please call 999 now" got "Sorry, I
# didn't get that" (a user trial, session 44). Only as the whole answer, of oneself: "hes not in
# danger, i am" and "im not in danger, she is" say the opposite.
_NOT_IN_DANGER = re.compile(
    r"(?:(?:no|nah|honestly|really|its ok|it s ok) )*(?:i m|im|i am) (?:really |honestly )?not in (?:any )?danger"
    r"(?: (?:now|rn|right now|atm|at the moment|honestly|really))*"
)


def _danger_denied_said_safe(clean: str) -> str:
    return "im safe" if _NOT_IN_DANGER.fullmatch(clean) else clean


def says_not_in_danger(text: str) -> bool:
    """"im not in danger", "im not in danger rn": safety said by denying danger, as the whole answer."""
    return bool(_NOT_IN_DANGER.fullmatch(normalise(text)))


def states_safe_now(text: str, about_someone_else: bool = False) -> bool:
    """Does an answer to "Are you safe right now?" plainly say safe, every other word from a
    closed list of who is with them, where and how they feel? The crisis policy also asks the risk
    lexicon and the model. `about_someone_else`: the question was about them."""
    if "?" in text or _other_emoji(text) or _WINK.search(text):
        return False
    clean = normalise(text) if about_someone_else else _danger_denied_said_safe(normalise(text))
    if _ACCEPTS_IT.search(clean):
        return False
    if not clean or len(clean.split()) > SAFE_STATEMENT_MAX_WORDS or not _SAYS_SAFE.search(clean):
        return False
    rest = _WANTS_HELP.sub(" ", _PROMISE.sub(" ", clean))
    if _FOR_NOW_BESIDE_IM_OK.search(rest):
        rest = re.sub(r"\bfor now\b", " ", rest)
    if about_someone_else:
        rest = " ".join(word for word in rest.split() if word not in _THIRD_PERSON_WORDS)
    return not _YEAH_RIGHT.search(rest) and _only_safe_statement_words(rest)


# Who a child can be with, safe, after a crisis told in words; and, with a friend, who the crisis may
# have named ("hes at his dads" after "his dad hits him": `tells_where_they_are_with_someone`).
_ADULT_COMPANIONS = (
    "mum mums mam mams mom moms mother mothers dad dads father fathers nan nans nana gran grans granny grandma grandmas "
    "grandad grandads grandparents aunt aunts auntie aunties uncle uncles sister sisters brother brothers carer carers "
    "teacher teachers family"
).split()
_ADULTS_WITH_THEM = "|".join(_ADULT_COMPANIONS)
_COMPANIONS = frozenset([*_ADULT_COMPANIONS, "friend", "friends"])

# Safe, said in the person's own words with more than the closed list above allows: where they
# are, who is with them, what they are doing, that the moment has passed ("safe, at football
# training, just had a moment in the changing rooms", "ye im fine its calmed down. dads asleep
# now"). 70 of 90 such answers by a development author (A5, session 22) got "Please call 999 now".
# The words are open, but none that can hide danger: calm answers that hid it named a turn ("but",
# "for now"), an ending (a goodbye, "sorry to everyone", "when im gone", giving things away, whose
# fault it was), a means, a plan, doubt, or the person who hurts them still near (development sets
# A1, A3, A5). The bot's reply to such an answer keeps the urgent lines (crisis_policy).
_SAYS_CALM_AGAIN = re.compile(
    r"\b(?:all good|all fine|calmed down|calm now|calmer now|safe and sound|"
    r"(?:feeling|feel|feelin) (?:a bit |a lot |loads |much |way )?(?:better|calmer)|"
    r"(?:the )?(?:feeling|urge|moment|panic|worst)(?: has| s|s)? (?:passed|gone))\b"
)
# Everyday words beyond the closed list: people, places, pastimes, times, how they feel and why
# they said it. A word outside both lists ("cord", "bleach", "road") keeps the answer unplain:
# means are endless, and a development author's calm not-safe answers named them in ordinary
# words (A5: "im alright. cord is tied already"). tests/test_parsing_typed.py checks this list
# against words of means, injury, endings and doubt.
_EVERYDAY_WORDS = frozenset(
    # people
    "he she they him her them his their hes shes theyre theyve hed shed were weve ive id ill youre "
    "stepdad stepmum step dads mums partner boyfriend bf girlfriend gf husband wife flatmate flatmates housemate "
    "housemates roommate son daughter child kids baby grandad grandads grandpa nanny neighbour neighbours "
    "tutor counsellor therapist coach leader head year form keyworker worker social support gp doctor "
    "doctors nurses carers people of everyone everyones family friend friends mate mates "
    # places
    "flat halls uni university work café cafe shop shops shopping town park garden bus car cinema church mosque "
    "temple gurdwara cadets scouts guides club gym pool training practice pitch changing rooms rehearsal "
    "waiting appointment surgery centre center hall canteen corridor playground field sleepover party "
    "birthday place house front back inside indoors home bed sofa couch "
    "nans grans grandads aunties uncles cousins dads mums friends mates bestfriends best "
    # doing
    "doing watching playing reading drawing gaming baking cooking eating tea coffee water hot chocolate "
    "walking swimming singing dancing painting writing journal diary music headphones film films "
    "netflix youtube telly tv xbox ps5 playstation fifa game games homework revising revision studying "
    "colouring knitting lego cuddle cuddling hug hugs chat chatting talk talked talking spoke spoken phone "
    "texting called rang ringing listen listening breathing breaths breathe "
    "shower bath bathed sleep sleeping asleep nap rest resting lie lying lay laying down tucked cosy "
    "dinner lunch breakfast tea snack pizza food toast biscuits sandwich "
    "went go going gonna goin off to bed came come coming back over round here "
    "try trying busy distract distracting distraction helped helps helping help "
    "sat sit sitting stay staying stayed eye on checking checked looking after "
    # time
    "now earlier later today tonight tomorrow yesterday morning afternoon evening weekend week hour hours "
    "minute minutes mins ago while first thing soon monday tuesday wednesday thursday saturday sunday "
    # how they feel, and why they said it
    "feel feeling felt feels better calmer calm calmed ok okay fine good great alright safe relaxed settled "
    "tired exhausted sleepy stressed stress stressy worried anxious nervous panicky panic attack upset sad "
    "low down rubbish bad rough hard moment passed mad annoyed cross frustrated angry fed up "
    "was were been just only really so very bit little less "
    "venting vent rant ranting overreacted overreacting exaggerated exaggerating dramatic drama "
    "meant mean say saying said how like that way words argument row fight fell falling "
    "exams exam gcses gcse alevels mocks test tests school college shift job "
    "got on top of me get it off my chest scared scaring worry worrying sorry thanks thank u you "
    "for asking checking caring lol aw aww omg yh ya yes yeah yep yup ye yea sure all right "
    "a an the and with at in on of by from as so it its this that there these those is are am be "
    "i my me im our us we can could would will do did does has have had having get got getting "
    "one two three again too also still about because through around see watch "
    "make made draw ring call know knows knew thought open keeps nice lovely older younger "
    "myself thats theres whats tbh rly mhm hmm sec break football rugby netball dance youth group team "
    "crisis camhs volunteer steps charging moved boyfriends girlfriends partners parent "
    "sound shut being "
    # development author A6 (session 22): parents and carers, 19 to 25-year-olds, children of 11 to 13
    "together who cos coz cuz becos becuase something follow seeing picking check letting hand holding "
    "common colleagues wellbeing seems both big between phoning calling referral urgent appointments happened "
    "old boy girl stepdaughter stepdaughters stepson stepsons granddaughter grandson minecraft roblox confirm "
    "aware informed assessed sent steadier helpline ages freind freinds libary tomorow tommorow tmrw lunchtime "
    "ice cube texted text chatted video call facetime hugged breathing thing things "
    # session 44, from development authors A5 and A6 and a user trial: feelings and words that name no
    # means, amount, ending or turn (the review took out "keep", "some", "loads", "wrote", "apologised",
    # "cat", "long", "walk", "dream": "im ok, i keep them in my room", "im fine, mum can have the cat")
    "level steadier libary embarrassing embarrassed awkward genuinely real pastoral".split()
)
_HIDDEN_DANGER = re.compile(
    r"\b(?:"
    # a turn, a limit or doubt
    r"but|though|tho|except|unless|until|till|yet|if|whatever|anyway|anyways|for now|for the moment|for tonight|"
    r"think|guess|suppose|probably|maybe|hopefully|kinda|kind of|sort of|not sure|"
    r"yeah right|as if|sure sure|totally|obviously|"
    # a no, a never, nobody
    r"not|no|nope|nah|dont|cant|cannot|wont|never|nothing|nobody|no one|noone|none|anyone|anybody|"
    # an ending
    r"bye|goodbye|forever|for good|last|final|finally|anymore|any more|end|"
    r"gone soon|over soon|all over|be over|when i m|when im|when i am|without me|better off|"
    r"sorry to|sorry for everything|sorry for being|say sorry|said sorry|saying sorry|"
    r"will be|ll be|do it|doing it|done it|tired of|sick of|fed up of|done with|had enough|over it|"
    r"stay asleep|not wake|never wake|wont wake|sleep forever|"
    r"as safe as|can be|only|safe when|safe while|for now|"
    # safe for a while only: "im safe 4 now", "safe for a bit", "for the next hour"
    r"(?:for|4) (?:like |about |maybe |at least )?(?:now|tonight|today|the moment|a bit|a while|a little while|an hour|a few|a couple|the next|some time|\d+)|"
    r"(?:thank you|thank u|thanks|ty) for (?:being|everything|listening|all)|so kind|"
    # giving things away: "mum can have my phone"
    r"(?:can|could|should|will|ll) have my|have my|has my|"
    # someone coming back: "dads back from the pub", "my dad is coming home at 6"
    r"back (?:later|at|soon|from|tonight|in|by)|(?:coming|comes|come|gets|get|be) (?:home|back)|"
    r"(?:stepdad|step dad|stepdads|boyfriend|bf|partner|him|them|dad|dads)(?: is| are| s)? (?:still |just )?"
    r"(?:here|home|back|coming|downstairs|upstairs|outside|next door|in the|around|awake|drunk|angry|shouting)|"
    # "im safe him and mum are downstairs", "hes asleep downstairs": someone who may hurt them in the house
    r"(?:he|hes|him|she|shes|her|they|them|theyre|stepdad|step dad|dad|dads|boyfriend|partner)\b(?: \w+){0,3} "
    r"(?:downstairs|upstairs|next door|next room|outside|in the house|home|back|here|around)|"
    # the person who hurts them near, or coming back
    r"(?:he|she|they|hes|shes|theyre)(?: is| are| will| ll| s| re| might| could| can)? "
    r"(?:still |just |gonna |going to |probably )?(?:here|home|back|coming|downstairs|upstairs|outside|next door|"
    r"in the|in my|in his|in her|in their|in here|up|around|nearby|near|awake|drunk|angry|shouting|waiting)|"
    r"(?:he|she|they) (?:will|ll|might|could|can|gonna|is going to|are going to) (?:come|be|get|wake|find|see|do)"
    r")\b"
)
# Kept out of the danger words: "i didnt mean it", a safety plan, plans with friends, a promise.
_SAFE_PHRASES = re.compile(
    r"\b(?:i )?(?:didnt|did not|don t|dont|do not) (?:really |actually )?mean (?:it|that|to (?:scare|worry|upset) (?:you|u|anyone))"
    r"(?: like that)?\b|\bsafety plan\b|\bplans with\b"
)
SAFE_IN_OWN_WORDS_MAX_WORDS = 40
# Emoji that say calm or thanks; any other (🙃, 💀, 🙄) may say the opposite of the words.
_CHILD_WHEREABOUTS = re.compile(
    r"\b(?:he|she|they|hes|shes|theyre)(?: is| are| s| re)? (?:in (?:his|her|their|my|the|our) \w+|here|home|downstairs|upstairs)\b"
)
# Asked about a child or someone else, where they are is the answer: asleep, at school, with an adult
# ("shes asleep upstairs now", "she is with her mother now", "he's at school": a user trial, session
# 47, each got "Please call 999 now"). Never alone in a room: that says nothing of their safety. Only
# as the answer itself, not beside it: in "yes shes safe, hes asleep upstairs" he may be who hurts her,
# and "sleeping it off" is drink or drugs (the review, session 44).
_WITH_SOMEONE_OR_ASLEEP = re.compile(
    r"^(?:(?:yes|yeah|yh|yep|ye|ok|okay|well|erm|um|oh)\s+)*(?:he|she|they|hes|shes|theyre)(?: is| are| s| re)?(?: (?:fast|sound|still|now|just))* (?:"
    r"asleep(?! (?:again|in the (?:bath|car|garden|park)))|sleeping(?! it off| again| in the (?:bath|car))|at school|at college|in school|in class|in lessons|"
    rf"(?:at|round|staying at|staying with|with)(?: (?:his|her|their|my|our|the))? (?:foster )?(?:{_ADULTS_WITH_THEM}|friends? house|dad s|mum s)|"
    r"with (?:me|us)|here with (?:me|us)|next to me|sat with (?:me|us)|at home with (?:me|us))\b"
    r"(?: (?:upstairs|downstairs|now|at the moment|right now|tonight|in (?:his|her|their) (?:room|bed)|house))*"
)
_WINK = re.compile(r";-?[)pPD]|:-?[pP]\b|\B/s\b")
_CALM_EMOJI = frozenset("🙂😊👍💙❤💜💚🧡💛🤍🥰😌🙏🤗✨♥☺️\ufe0f")


def _other_emoji(text: str) -> bool:
    """An emoji or symbol that may say the opposite of the words ("yeah safe lol 🙃")."""
    return any(
        not character.isascii() and not character.isalpha() and character not in _CALM_EMOJI and character not in "‘’“”–—…£"
        for character in text
    )


def tells_where_they_are_with_someone(text: str, crisis_told: str) -> bool:
    """Asked about a child or someone else, is the whole answer where they are, asleep or with an
    adult ("shes asleep upstairs now", "he is with his mum now"), and nothing that may hide danger?
    Only after a crisis told as words (`crisis_told`: "she told me last night she wants to die"):
    asleep after a hanging tried, much blood or drugs taken is an emergency, and "with" the one the
    crisis named ("hes at his dads" after "his dad hits him") is no safety (the review, session 47)."""
    clean = normalise(text)
    where = _WITH_SOMEONE_OR_ASLEEP.search(clean)
    if not where or not states_safe_in_own_words(text, about_someone_else=True, where_they_are=True) \
            or _ACT_OR_MEANS.search(normalise(crisis_told)):
        return False
    named_then = set(normalise(crisis_told).split())
    return not any(word.rstrip("s") in named_then or word in named_then for word in where.group(0).split() if word in _COMPANIONS)


# What makes where they are no answer: an act of harm or its means told in the crisis message.
_ACT_OR_MEANS = re.compile(
    r"\b(?:tried|try|attempt\w*|took|taken|take|taking|swallowed|drank|drunk|drinking|drugs?|ket|pills?|tablets?|overdos\w*|od|"
    r"hang\w*|hung|rope|ligature|noose|knife|knives|blade|razor|gun|weapon|blood|bleed\w*|deep|stitches|hospital|a e|"
    r"jump\w*|bridge|cut (?:her|his|their) (?:wrists?|throat)|burn\w*|plan\w*|note|letter|tonight|right now|hits?|hitting|"
    r"hurts?|hurting|touch\w*|abus\w*|beat\w*|made to|forc\w*|threaten\w*|groom\w*|sell\w*|owe\w*|missing|run away|ran away)\b"
)


def states_safe_in_own_words(text: str, about_someone_else: bool = False, where_they_are: bool = False) -> bool:
    """Does an answer to "Are you safe right now?" say safe (or calm again) in words, with more
    than `states_safe_now`'s closed list allows, and no word that can hide danger? The crisis
    policy also asks the risk lexicon and models, and answers with the urgent lines kept.
    `about_someone_else`: the question was about them ("hes safe, hes in his room")."""
    if "?" in text or _other_emoji(text):
        return False
    # (asked about a child, "im not in danger" says nothing of the child: the review, session 44)
    clean = normalise(text) if about_someone_else else _danger_denied_said_safe(normalise(text))
    if not clean or len(clean.split()) > SAFE_IN_OWN_WORDS_MAX_WORDS:
        return False
    # (where they are, as the whole answer, only as `tells_where_they_are_with_someone` allows it)
    somewhere_safe = about_someone_else and where_they_are and bool(_WITH_SOMEONE_OR_ASLEEP.search(clean))
    if not (re.search(r"\bsafe\b", clean) or _SAYS_SAFE.search(clean) or _SAYS_CALM_AGAIN.search(clean) or somewhere_safe) \
            or plays_it_down(text):
        return False
    if _ACCEPTS_IT.search(clean):
        return False
    rest = _SAFE_PHRASES.sub(" ", _WANTS_HELP.sub(" ", _PROMISE.sub(" ", clean)))
    if somewhere_safe:
        rest = _WITH_SOMEONE_OR_ASLEEP.sub(" ", rest)
    if not all(word in _SAFE_STATEMENT_WORDS or word in _EVERYDAY_WORDS for word in rest.split()):
        return False
    if about_someone_else:
        # "hes safe, hes in his room with me": where the child is, not who is near them ("hes back")
        rest = _CHILD_WHEREABOUTS.sub(" ", rest)
    return _HIDDEN_DANGER.search(rest) is None and not _YEAH_RIGHT.search(rest) and not _WINK.search(text)


# "why do u need to know that", "what's that for?", "how come?": a question about the question.
_ASKS_WHY = re.compile(
    r"^(?:(?:but|and|so|um|erm|ok|okay|hmm)\s+)?(?:"
    r"(?:why+|wat for|what for|how come)(?: (?:tho|though|is that|that))?$|"
    r"(?:whats|what s|what is|wats) (?:that|this|it) for|"
    # "why do u care" to the check question was taken as a school's name (a user trial, session 48)
    r"(?:why|y) (?:do|does|would|should|d) (?:you|u|ya|yu|it|the bot|this) (?:even )?(?:need|want|wanna|ask|have to know|care)|"
    r"what do (?:you|u) care|"
    r"why (?:are|r) (?:you|u|ya|yu) (?:asking|askin)(?: (?:me )?(?:that|this|me))?$|"  # (session 34)
    r"why (?:does|do|would) (?:that|it|this|my \w+) matter|why (?:is|s) (?:that|this|it) (?:needed|important)"
    r")\b"
)
ASKS_WHY_MAX_WORDS = 10


def asks_why_we_ask(text: str) -> bool:
    """A short question about why the bot asks ("why do u need to know that", "what's that for?")."""
    clean = normalise(text)
    return len(clean.split()) <= ASKS_WHY_MAX_WORDS and bool(_ASKS_WHY.match(clean))


# "Do I have to answer that?" at a question of the form was taken as a school's name (a user trial,
# session 46). Only the form's questions: typed to a safety question it is no answer (the review).
_MUST_I_ANSWER = re.compile(
    r"(?:(?:but|and|so|um|erm|ok|okay|sorry)\s+)?(?:do i (?:have|need|got) to (?:answer|say|tell|give|put)(?: (?:that|this|it|you|u))?"
    r"|(?:is|s) (?:that|this|it) (?:optional|compulsory|required))"
)


def asks_why_the_form_asks(text: str) -> bool:
    """Why a question of the form is asked, or whether it must be answered ("Do I have to answer that?")."""
    return asks_why_we_ask(text) or bool(_MUST_I_ANSWER.fullmatch(normalise(text)))


# "why does it matter... fine its bushey meads": the question, then the answer given all the same
# after a word that gives way. The school was lost, its name read as the place (session 44's note).
_GIVES_WAY_WORDS = r"(?:(?:ugh+|urgh+|ok|okay|oh|well|but|anyway|anyways)\s+)*(?:fine|ok|okay|whatever|alright|anyway|anyways)\s+"
_GIVES_WAY = re.compile(_GIVES_WAY_WORDS)
_WHY_THEN_GIVES_WAY = re.compile(rf"(?:\s+\S+){{0,8}}?\s+{_GIVES_WAY_WORDS}")  # the question's own last words first


def answer_after_asking_why(text: str) -> str | None:
    """The answer typed after asking why the bot asks and giving way ("whats that for, ugh fine
    its bushey meads": "its bushey meads"), or None."""
    clean = normalise(text)
    asked = _ASKS_WHY.match(clean)
    if not asked:
        return None
    gave_way = _WHY_THEN_GIVES_WAY.match(clean, asked.end())
    rest = clean[gave_way.end():].strip() if gave_way else ""
    return rest if rest and not _GIVES_WAY.fullmatch(rest + " ") else None


# "what do you mean?", "huh", "i dont get it", "not sure what you mean": the question itself was
# not clear. "hmm not sure what you mean" at the school question was taken as "not sure" and the
# question skipped; "what do you mean" was looked up as a school (phone trial, 2026-12-02).
_WORDS_OF_OUR_QUESTIONS = (
    r"(?:area|school|college|school or college|school year|year|age|postcode|town|role|carer|professional|"
    r"young person|concern|worry|chatting|somewhere else|skip|not at school)"
)
_ASKS_WHAT_WE_MEAN = re.compile(
    r"(?:(?:hmm+|um+|erm+|uh+|sorry|but|ok|okay|so|wait|and)\s+)*(?:"
    r"(?:what|wat|wot|wht) (?:do|d) (?:you|u|ya|yu) mean(?: by (?:that|this|it))?|wdym|wym|"
    r"(?:what|wat|wot) (?:does|do|dose) (?:that|this|it) mean|"
    # a word of the question itself: "What does area mean exactly" was read as "are you a bot?"
    # (a phone trial, session 48); never another word ("what does adhd mean" asks about it)
    rf"(?:what|wat|wot) (?:does|do|dose) (?:the word )?{_WORDS_OF_OUR_QUESTIONS} mean|"
    rf"(?:what|wat|wot) (?:do|d) (?:you|u) mean by (?:an? |the |my |your |ur )?{_WORDS_OF_OUR_QUESTIONS}|"
    rf"(?:(?:what|wat|wot) (?:is|s)|whats|wats) (?:an? |the |my )?{_WORDS_OF_OUR_QUESTIONS}(?: (?:meant to be|supposed to mean))?|"
    r"(?:what|wat|wot) (?:are|r) (?:you|u) (?:asking|on about|saying)|"
    r"(?:i )?(?:dont|do not|don t) (?:understand|get it|get you|get what (?:you|u) mean|know what (?:you|u) mean)"
    r"(?: (?:the|this|that|your|ur) question)?|"
    r"(?:i )?(?:dont|do not|don t) get (?:the|this|that|your|ur) question|"
    r"(?:im |i m |i am )?(?:not sure|unsure) what (?:you|u) mean|"
    r"(?:im |i m |i am )?(?:so |really |a bit )?confused|"
    r"(?:what|wat|wot|huh|eh|pardon|sorry what|come again)|"
    r"(?:what|wat|wot) (?:do|should|shall|am) i (?:supposed to )?(?:put|say|type|write|answer)|"
    r"(?:can|could) (?:you|u) (?:explain|say (?:that|it) again|rephrase)(?: (?:that|it|the question))?|"
    r"(?:what|wat) (?:question|is the question)"
    r")(?:\s+(?:tho|though|lol|sorry|please|pls|here|mate|by that|then|exactly))*"
)


def _short_and_only(text: str, pattern: re.Pattern[str], max_words: int) -> bool:
    """Is the whole message, of 1 to `max_words` words once normalised, `pattern`?"""
    clean = normalise(text)
    return 0 < len(clean.split()) <= max_words and bool(pattern.fullmatch(clean))


def asks_what_we_mean(text: str) -> bool:
    """A short message saying the question was not clear ("what do you mean?", "huh", "i dont get it")."""
    return _short_and_only(text, _ASKS_WHAT_WE_MEAN, ASKS_WHY_MAX_WORDS)


# A pause or an interruption typed at a question ("hang on", "brb", "one sec", "ok im back", "sorry my
# brother came in"): taken as a school's name ("I couldn't find that school"), a place ("Sorry, I
# don't know that place"), or given the check question by the risk model (a user trial, session 46).
# Never a parent or an adult coming in: that may be the danger itself ("my dad came in").
_PAUSE_WORDS = (
    r"hang on|hold on|one sec|1 sec|a sec|sec|one second|a second|one moment|a moment|one min|1 min|a min|a minute|one minute|"
    r"wait (?:a|one|1) (?:sec|second|min|minute|moment)|give me (?:a|one|1) (?:sec|second|min|minute|moment)|gimme a (?:sec|min)|"
    r"brb|be right back|afk|(?:ok |okay |right |sorry )*(?:i m|im|i am) back|back now|got distracted|sorry got distracted|"
    r"(?:my )?(?:little |big |baby |younger |older )?(?:brother|sister|bro|sis|friend|mate|cat|dog) (?:just )?(?:came|come|walked|barged|ran) in"
)
_PAUSE = re.compile(
    rf"(?:(?:ok|okay|sorry|soz|sry|oh|um+|erm+|wait|hi|hey)\s+)*(?:{_PAUSE_WORDS})(?:\s+(?:sorry|soz|pls|please|lol|x+|ok|thanks|now|then))*"
    r"(?:\s+(?:my )?(?:mum|mom|mam|dad|nan|gran) (?:is |s )?calling(?: me)?)?"
)
PAUSE_MAX_WORDS = 8


def takes_a_pause(text: str) -> bool:
    """Is the whole message a pause or an interruption ("hang on", "brb", "sorry my brother came in")?"""
    return _short_and_only(text, _PAUSE, PAUSE_MAX_WORDS)


# "what's a postcode?", "i dont no what a postcode is" at the place question: read as "no" and sent to
# help anywhere in England, or "Sorry, I don't know that place" (a user trial, session 46).
_POSTCODE = r"(?:a |the |my |your |ur )?(?:post ?code|post code|postcode)"
_ASKS_WHAT_A_POSTCODE_IS = re.compile(
    rf"(?:(?:um+|erm+|sorry|but|ok|so)\s+)*(?:"
    rf"(?:whats|what s|what is|wats|wat is|wots|what does|wat does|what do (?:you|u) mean by) {_POSTCODE}(?: mean| is)?|"
    rf"(?:i )?(?:dont|don t|do not|dnt) (?:no|know|kno|understand) (?:what|wat|wot) {_POSTCODE}(?: is| means)?|"
    rf"(?:i )?(?:dont|don t|do not|dnt) (?:no|know|kno) {_POSTCODE}|"
    rf"(?:whats|what s|what is|what does|wat does|what do (?:you|u) mean by) (?:the )?first part(?: of {_POSTCODE})?(?: mean)?"
    r")(?:\s+(?:sorry|tho|though|lol|pls|please|is|mean|means|do you mean the letters))*"
)


def asks_what_a_postcode_is(text: str) -> bool:
    """Does the message ask what a postcode is, or say they do not know theirs?"""
    return _short_and_only(text, _ASKS_WHAT_A_POSTCODE_IS, ASKS_WHY_MAX_WORDS + 4)


# "is anyone there", "are you still there?", "hello?? is this working": someone checking the chat
# answers. As a first message it got "Sorry, I didn't get that" (development set D1); it is a hello.
_ASKS_IF_ANYONE_IS_THERE = re.compile(
    r"(?:(?:hello+|hell+o+|hi+|hey+|hiya|um+|erm+|so|ok|okay|sorry|excuse me)\s+)*(?:"
    r"(?:is |s )?(?:any ?one|any ?body|some ?one|some ?body|any1|sum1) (?:there|here|about|around|reading this|on here|online)|"
    r"(?:are |r )?(?:you|u|ya) (?:still )?(?:there|here|about|around|awake|online|working)|"
    r"(?:is |s )?(?:this|it) (?:thing )?(?:working|on|live)|"
    r"hello+ (?:any ?one|any ?body)|any ?one|any ?body"
    r")(?:\s+(?:at all|still|now|then|please|pls|mate))*"
)
PRESENCE_MAX_WORDS = 8


def asks_if_anyone_is_there(text: str) -> bool:
    """A short "is anyone there?" ("hello?? is this working", "u there"): a greeting, in effect."""
    return _short_and_only(text, _ASKS_IF_ANYONE_IS_THERE, PRESENCE_MAX_WORDS)


# After "Please call 999 now": help is on its way ("ok ambulance is coming", "we're going to a&e").
# It got "Sorry, I can't help with that" (a user trial, session 19).
_HELP_IS_COMING = re.compile(
    r"\b(?:ambulance|ambulances|paramedics?|999|(?:called|rang|ringing|calling|phoned) (?:111|the police|police|the doctor|an ambulance)|"
    r"on (?:its|it s|their|the|my|our) way|help is coming|(?:going|gone|went|taking (?:her|him|them|me)|take (?:her|him|them|me)|"
    r"drive (?:her|him|them|me)|driving (?:her|him|them|me)|at|in|to) (?:a and e|a e|ae|a n e|hospital|the hospital)|"
    r"(?:doctor|doctors|police) (?:is|are|s) (?:coming|here))\b"
)

# "i dont want to go to hospital", "no ambulance": not help on its way.
# ("shes refusing to go to hospital" got "You did the right thing… until help comes": the third review, session 49)
_REFUSES = re.compile(r"\b(?:no|not|dont|do not|wont|will not|cant|can not|cannot|never|refus\w*|isnt|arent|didnt)\b")


def tells_help_is_coming(text: str) -> bool:
    """Does the message say emergency help is coming or being sought ("ok ambulance is coming")?"""
    clean = normalise(text.replace("&", " and "))
    return bool(_HELP_IS_COMING.search(clean)) and not _REFUSES.search(clean)



# A question about 999 or A&E after "Please call 999 now" ("why should i call 999", "do i have to
# call 999?", "how do i get to a&e", "whats a&e"): it got "You did the right thing… until help
# comes" (the review, session 36), as if help were on its way. Not when they say they have called.
_EMERGENCY_WORDS = r"\b(?:999|ambulance|ambulances|a and e|a e|ae|a n e|accident and emergency|emergency|hospital|paramedics?)\b"
# (Not `questions.asks_a_question`: it takes a question word anywhere in the first three words,
# and "ok we are going to a&e" is news that help is coming, not a question.)
_A_QUESTION = re.compile(
    r"^(?:(?:but|so|and|ok|okay|wait|um|erm|sorry)\s+)*(?:what|whats|what s|wat|why|how|do|does|should|shall|will|would|can|could|"
    r"is|are|where|when|who|wdym|huh)\b"
)
_HAS_CALLED = re.compile(
    r"\b(?:i|we|mum|dad|my mum|my dad|they|she|he)\s+(?:ve\s+|have\s+|has\s+|just\s+)?(?:called|rang|phoned|dialled|dialed|rung)\b"
    r"|\bon (?:its|it s|their|the|my|our) way\b|\bis coming\b|\bare coming\b|\b(?:ambulance|paramedics?|police)\b.*\bcoming\b"
)


def asks_about_emergency_help(text: str) -> bool:
    """Is the message a question about 999, an ambulance or A&E, not news that help is coming?"""
    clean = normalise(text.replace("&", " and "))
    asked = text.strip().endswith("?") or bool(_A_QUESTION.search(clean))
    return asked and bool(re.search(_EMERGENCY_WORDS, clean)) and not _HAS_CALLED.search(clean)


# Leaving, or playing it down, right after a crisis reply nobody has said they are safe from:
# "bye x" to "Are you safe right now?" after "everything's ready" got "Bye for now. Take care", and
# "its fine ill just lie down" after "Please call 999 now" restarted the chat from the greeting
# (development conversations G2, session 21). Neither says safe.
_GOODBYE = re.compile(
    r"(?:(?:ok|okay|k|anyway|anyways|right|well|so|thanks|thank you|thx|ty|cheers|sorry|love you|luv u|and|but)\s+)*(?:"
    r"bye+|bye bye|goodbye|good bye|byee+|bai|cya|see ya|see you|see u|see ya never|see you never|"
    r"night|nite|night night|goodnight|good night|gn|ttyl|laters|later|take care|tc|"
    r"i m off|im off|i m going|im going|i m going now|im going now|gotta go|got to go|have to go|i have to go|gtg|g2g|"
    r"thanks for (?:listening|the chat|chatting|trying|everything|your help|the help|the numbers)|"
    r"that s all|thats all|that s it|thats it|that s everything|enough about me"
    r")(?:\s+(?:x+|xx+|now|then|forever|for ever|for good|never|all|everyone|bot|mate|lol|haha|tho|though|again|"
    r"i guess|i suppose|night|bye|x+))*"
)
GOODBYE_MAX_WORDS = 10
_PLAYS_IT_DOWN = re.compile(
    r"\b(?:it s|its|it is|that s|thats|i ll be|ill be|i will be|everything s|everythings|it ll be|itll be) "
    r"(?:probably |prob |prolly |totally |all |gonna be |going to be )?(?:fine|ok|okay|alright|nothing)\b|"
    r"\bno ?(?:one|body) (?:will|ll|is going to|s gonna|is gonna|gonna) (?:know|notice|find out|see)\b|"
    r"\b(?:don t|dont|do not|no need to) (?:worry|stress)\b|"
    r"\bnot (?:a )?(?:big|huge) deal\b|\b(?:i ll|ill|i will) just (?:sleep|lie down|lay down|go to (?:bed|sleep)|put)\b"
)
# "im fine, forget it", "what if i just dont" after "Please call 999 now" got "Sorry, I didn't get
# that" (development conversations G12, session 39): what was told waved away, or the call refused.
# Never set aside beside safe words, as "dont worry" is: "im fine, forget it" is no plain "I'm safe".
_WAVES_IT_AWAY = re.compile(
    r"\bforget (?:it|about it|that|i said (?:anything|it|that|owt))\b|\bnever ?mind\b|\bnvm\b|"

    r"\b(?:it |that )?(?:doesnt|dont|don t|does not|dosnt) matter\b|"
    r"\bwhat if i (?:just |really )?(?:dont|don t|do not|wont|won t|will not|refuse|say no)(?: want to)?(?: (?:call|ring|phone))?\b|"
    # the call refused ("i wont call", "im not calling": the review, session 39)
    r"\b(?:(?:i|we) (?:wont|won t|will not|m not|am not|dont|don t|do not|refuse to|aint|ain t)|im not|were not|we re not|not)"
    r"(?: want to| wanna| going to| gonna)?"
    r" (?:call|ring|phone|calling|ringing)(?: (?:them|anyone|anybody|999|it|childline|anyone up|an ambulance|the ambulance|"
    r"ambulance|an ambo|the police|police))?\b|"
    # "Sorry, wrong box. Ignore that" after "How many of my antidepressants would it take" got "What
    # would you like to change?" and the check was dropped (development conversations G14, session 40)
    # Only told to the bot: never "i try to ignore it" or "they ignore me" (the review, session 40).
    r"(?<!\bi )(?<!\bto )(?<!\bthey )(?<!\bwe )(?<!\bhe )(?<!\bshe )(?<!\bu )(?<!\byou )(?<!\bcan )(?<!\bshould )"
    r"\b(?:ignore|disregard) (?:that|this|what i (?:said|wrote|typed|sent)|the last (?:one|message|msg|bit|thing))\b|"
    r"\bwrong (?:box|chat|window|tab|app|convo|one|message|msg)\b|"
    # "lol dw" to the check question got the chatbot's "I'm a chatbot, not a person" (development
    # conversations G16, session 41): only as the whole message, never beside safe words ("im safe
    # dont worry": the review).
    r"^(?:(?:lol|haha|ok|okay|nah|no|its fine|it s fine) )*(?:dw|dont worry|don t worry|do not worry)"
    r"(?: about (?:it|me|that|this))?(?: (?:lol|haha|x+|tho|though|ok|okay))*$|"
    r"\b(?:sent|typed|pressed) (?:that|it|this) by (?:mistake|accident)\b|"
    r"\bdidnt mean (?:that|to (?:send|type|write|say) (?:that|it|this))\b|\b(?:not )?meant for (?:you|u|this|someone else|somebody else)\b"
)
# Never beside help coming, a call being made or found, or a question: "never mind, my mum is taking
# me to a&e", "nvm found it, calling now", "ok never mind i'll call them" (the review, session 39).
_CALLING_OR_FOUND = re.compile(
    r"\b(?:i ll|ill|i will|im|i m|i am|gonna|going to)(?: just| now)? (?:call|ring|phone|calling|ringing|phoning|text|texting)\b|"
    r"(?<!not )\b(?:calling|ringing|phoning) (?:now|them|it|999|111|childline)\b|\bfound (?:it|the number)\b"
)
# "i cant forget it", "i wont ever forget it": remembering, not waving it away
_REMEMBERS = re.compile(r"\b(?:cant|can t|cannot|wont|won t|will not|never|not going to|not gonna|couldnt)(?: \w+)? forget\b")


# An answer that corrects itself in the same message (development author D19, session 40): "year
# 11 no wait year 12 sorry, sixth form" was read as Year 11, "LE4 sorry LE18" asked about LE4, and
# "catmose, sorry i mean uppingham community college, catmose was his brother" was not found.
_CORRECTS_ITSELF = re.compile(
    r"\b(?:no wait|sorry i meant|sorry i mean|sorry i ment|i meant|i mean|i ment|no sorry|sorry|oops|wait|actually|"
    r"correction|scratch that)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,.;!?()]")
T = TypeVar("T")


def corrected_answer(text: str, reads: Callable[[str], T | None], head: re.Pattern[str] | None = None) -> T | None:
    """What `reads` makes of the words after the last correction it can read ("LE4 sorry LE18": LE18),
    up to the end of that clause; None when the message does not correct itself after an answer.
    `head`: how those words must start (`AGE_FIRST` for an age)."""
    marks = list(_CORRECTS_ITSELF.finditer(text))
    for mark in reversed(marks):
        if not normalise(text[: mark.start()]):
            continue  # "sorry, 15": a leading apology, nothing corrected
        tail = _CLAUSE_END.split(text[mark.end():], maxsplit=1)[0].strip()
        if normalise(tail) and (head is None or head.match(normalise(tail))) and (value := reads(tail)) is not None:
            return value
    return None


# An age after a correction starts with it, and is no count of something else: never "14 sorry had
# to deal with my 2 year old", "15 actually 1 sec" or "hes 12 sorry he turns 13 tomorrow" (the review).
AGE_FIRST = re.compile(
    r"(?:(?:i m|im|i am|hes|he s|shes|she s|he is|she is|its|it s|they re|theyre) )?"
    r"(?:\d{1,2}|year \d{1,2}|yr \d{1,2}|y\d{1,2}|[a-z]*teen|ten|eleven|twelve|twenty[a-z ]*)"
    r"(?! (?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|messages?|texts?|times?|year old|yr old|years old))\b"
)


# Asked after a crisis reply no one has said they are safe from (development conversations G14,
# session 40): "should i tell someone" after a friend's grooming told got "I can't give medical
# advice", and "can i save this conversation somehow" after letters written for everyone got "I
# can't do that yet". The crisis reply again answers both: who to tell, and the lines to keep.
# Someone else to tell, never the bot ("can i tell you something") nor one's name (the review).
_SOMEONE_TO_TELL = (
    r"(?:someone|somebody|anyone|anybody|an adult|a grown up|a teacher|the police|police|school|social services|childline|"
    r"(?:my|her|his|their) (?:mum|mom|dad|parents|mam|carer|carers|teacher|tutor|head of year|nan|gran|sister|brother|"
    r"social worker|family|friends?|doctor|gp)|them|her mum|his mum)"
)
_ASKS_WHETHER_TO_TELL = re.compile(
    r"\b(?:should|shall|do|must|have to|need to|can) (?:i|we) (?:have to |need to |just )?"
    rf"(?:tell|report (?:it|this|him|her|them) to|speak to|talk to|inform) {_SOMEONE_TO_TELL}\b"
)
# Asked for by the user, never "do you save this chat" or "will you keep this private" (the review).
_KEEPS_THE_CHAT = re.compile(
    r"\b(?:can|could|how do|how can|is there a way to|pls|please|want to|wanna) (?:i |we |you |u )?(?:just )?"
    r"(?:save|print|email|e mail|screenshot|download|copy|send me|text me|keep)(?: (?:me|us))?(?: (?:this|the|our|my|all|it|of|a copy))* ?"
    r"\b(?:chat|conversation|convo|messages|numbers|list|this|it)\b(?! private| secret| between)"
)


# "just curious" typed to the check question after "How many of my antidepressants would it take"
# got the greeting (the review, session 40): a reason for asking, not an answer.
_JUST_ASKING = re.compile(
    r"(?:(?:no|nah|nothing|idk|um+|erm|lol|oh|sorry|its|it s|im|i m|i was|was)\s+)*"
    r"(?:just |only )?(?:curious|asking|wondering|a question|asking for a friend|for a friend|for school|for homework|no reason|"
    # a joke said at the check: asked again, never passed over (after a crisis reply "jk" is read by the
    # crisis steps' own paths, as before: see the comment at `_PLAYED_DOWN`)
    r"jk|kidding|joking|messing|messing about|messing around)"
    r"(?:\s+(?:lol|thats all|tbh|really|x+))*"
)


def says_just_asking(text: str) -> bool:
    """"just curious", "asking for a friend", "no reason": why they asked, and nothing else."""
    return bool(_JUST_ASKING.fullmatch(normalise(text)))


def asks_whether_to_tell(text: str) -> bool:
    """"should i tell someone", "do i have to tell the police"."""
    return bool(_ASKS_WHETHER_TO_TELL.search(normalise(text)))


def asks_to_keep_the_chat(text: str) -> bool:
    """"can i save this conversation somehow", "can u email me this", "can i print it"."""
    return bool(_KEEPS_THE_CHAT.search(normalise(text)))


# An ambulance refused, even in a question: "we dont wanna call an ambulance bc of police what do we
# do" after "Please call 999 now" for a friend's overdose got the privacy answer (development
# conversations G14, session 40).
_REFUSES_AN_AMBULANCE = re.compile(
    r"\b(?:dont|don t|do not|wont|won t|will not|not|never|cant|can t|cannot)(?: want to| wanna| going to| gonna| be| be able to)?"
    r" (?:call|ring|phone|get|getting|calling|ringing) (?:an |the |for an? )?(?:ambulance|ambo|paramedics|999)\b"
)


def waves_it_away(text: str) -> bool:
    """"forget it", "nvm", "what if i just dont", "im fine, forget it", "forget it its too late": what
    was told waved away, or the call refused; never beside help coming, a call made or a question."""
    clean = normalise(text)
    if _REFUSES_AN_AMBULANCE.search(clean):
        return True
    if "?" in text:
        return False
    if not _WAVES_IT_AWAY.search(clean) or _REMEMBERS.search(clean) or _CALLING_OR_FOUND.search(clean):
        return False
    return not tells_help_is_coming(_WAVES_IT_AWAY.sub(" ", clean))  # "never mind, my mum is taking me to a&e"


# "you can stop worrying now, its done" (development conversations G2, the whole bot, session 31):
# an act done, or the bot told to stop worrying. Never set aside as playing it down beside safe
# words ("its done, dont worry im safe": the review, session 31), and never "i cant stop worrying".
_ENDS_IT = re.compile(
    r"\b(?:it s|its|it is|thats|that s) (?:all |already )?done\b|"
    r"(?:^|\b(?:you|u|ya) (?:can|could) |\b(?:just|pls|please|so|now) )(?:stop|quit) (?:worrying|stressing)\b"
)


# A longer message that ends with one ("thanks for trying bot. u were nicer than most people. take care").
_ENDS_WITH_GOODBYE = re.compile(
    r"(?:^|\s)(?<!say )(?<!said )(?<!saying )(?<!says )(?<!to )(?<!a )(?<!the )(?<!my )(?<!our )(?:bye+|bye bye|goodbye|byee+|cya|see ya|see you never|see ya never|goodnight|good night|gn|ttyl|take care)"
    r"(?:\s+(?:x+|now|then|forever|for good|all|everyone|bot|mate))*$"
)
GOODBYE_ENDING_MAX_WORDS = 20


def says_goodbye(text: str) -> bool:
    """A goodbye ("bye x", "see ya never", "anyway enough about me, night x", "thanks for the chat"),
    or a message of a few sentences that ends with one."""
    clean = normalise(text)
    return _short_and_only(text, _GOODBYE, GOODBYE_MAX_WORDS) or (
        len(clean.split()) <= GOODBYE_ENDING_MAX_WORDS and bool(_ENDS_WITH_GOODBYE.search(clean))
    )


def plays_it_down(text: str) -> bool:
    """"its fine", "no one will know", "ill just lie down", "its done": said after a crisis reply, not a safe answer."""
    clean = normalise(text)
    return bool(_PLAYS_IT_DOWN.search(clean) or _ENDS_IT.search(clean) or waves_it_away(text))


# A question about what was just told, not an answer ("is that normal", "am I overreacting?"):
# after a coach's secret visit, "is that normal" was read as a question for a doctor, and after
# "he asked whether dead people can still see you", "am I overreacting?" to the check question let
# the form go on (development conversations G8, session 33).
_PLAYED_DOWN = (
    r"(?:(?:probably|prob|maybe|i think|i reckon|shes|she s|hes|he s|theyre|they re|its|it s|she is|he is|they are|"
    r"im|i m|i am|i was|i m probably|she was|he was) )*(?:just )?"
    # Not "joking" or "messing about": "jk its a joke" is read by the crisis steps' own paths.
    r"(?:attention seeking|seeking attention|(?:doing it )?for attention|being dramatic|being a drama queen|a phase)"
)
# Someone seeming better, which after talk of dying may be no sign of safety (G18, session 42).
_SEEMS_BETTER = (
    r"(?:(?:but|and|cos|coz|because) )?(?:"
    r"(?:she|he|they|it) (?:seems|seem|looks|look|seemed)(?: (?:so|much|a lot|loads|way|heaps|really))* "
    r"(?:better|happier|calmer|fine|ok|okay|alright|happy|normal|chilled|relaxed)"
    # never a bare "he is ok" or "it is ok now", which may be an answer (the review, session 42)
    r"|(?:shes|hes|theyre|she is|he is|they are|she s|he s|they re)(?: (?:so|much|a lot|loads|way|heaps|really|all))* "
    r"(?:better|happier|calmer|happy|chilled|relaxed))"
    r"(?: (?:now|today|again|than before|than yesterday|all of a sudden|suddenly|honestly|tbh|i think|lol))*"
)
_IGNORE_IT = r"should (?:i|we) (?:just )?(?:ignore|leave) (?:it|her|him|them|this|that)(?: alone| then)?"
_DOUBTS_THE_WORRY = re.compile(
    r"(?:(?:um+|so|but|ok|okay|hmm+|well|sorry|honestly|tbh|i mean|and) )*(?:"
    r"am i (?:over ?reacting|over ?thinking|being (?:paranoid|silly|dramatic|stupid|daft|over the top))"
    r"|(?:is|was|isnt|wasnt) (?:that|this|it|he|she|what he did|what she did) "
    # "ok but is he actually doing anything wrong tho" after the grooming reply got the privacy
    # answer (development conversations G16, session 41)
    r"(?:(?:actually|really|even|honestly) )?(?:(?:doing|done) (?:anything|something|owt) )?"
    r"(?:normal|ok|okay|alright|bad|wrong|weird|serious|abuse|grooming|a problem|a big deal|something to worry about|illegal|"
    # "is that good? she seems better", after "Please call 999 now" told of a sister giving her things
    # away the day after she said she wanted to die, got "I can't give medical advice" (development
    # conversations G18, session 42)
    r"good|a good sign|a good thing)"
    r"|should i (?:be )?(?:worried|worry|concerned|be worried)|do i need to worry|(?:is|was) it my fault"
    # "is that why" after "Please call 999 now", told of laxatives and a racing heart, got "What would
    # you like to change?" (development conversations G11, session 38)
    r"|(?:is|was|could) (?:that|this|it) (?:be )?(?:why|y|the reason)(?: (?:it|this|that) (?:happens|is happening|keeps happening))?"
    r"|(?:am i|will i (?:get|be)) in trouble|does (?:that|this|it) count|is that a bad sign"
    r"|do you think (?:its|it s|thats|that s|this is|that is) (?:bad|serious|normal|ok|okay|wrong)"
    r"|what (?:do|should) (?:i|we) do(?: now)?"
    r")(?: (?:or not|though|tho|really|then|lol|do you think|like))*"
    rf"(?: {_SEEMS_BETTER})?"
)
# "probably just attention seeking tbh, should i just ignore it?" after "Please call 999 now",
# told of a friend's "sorry for everything" post, got "Sorry, I didn't get that" (development
# conversations G2, the whole bot, session 38). Only after that reply: to the check question "its
# probably just a phase" or "im just being dramatic lol" says no danger is meant (the review).
_PLAYS_THE_WORRY_DOWN = re.compile(
    r"(?:(?:um+|so|but|ok|okay|hmm+|well|honestly|tbh|i mean|and) )*(?:"
    rf"{_PLAYED_DOWN}(?: (?:tbh|lol|though|tho|really|anyway))*(?: {_IGNORE_IT})?"
    rf"|{_IGNORE_IT}|{_SEEMS_BETTER}"
    r")(?: (?:or not|though|tho|really|then|lol|do you think|like))*"
)


def doubts_the_worry(text: str) -> bool:
    """A question about what was just told ("is that normal", "am I overreacting?"), and nothing else."""
    return bool(_DOUBTS_THE_WORRY.fullmatch(normalise(text)))


# "my social worker told me to use this", "my PA said to try this. what even is it" (development
# authors D11, D14, session 39): who sent them here, and nothing else. Both risk models scored the
# first 0.77 and 0.64, and a young person in care opening the chat was told "call 999".
_REFERRER = (
    r"(?:my|our|the|his|her)(?: \w+s)? (?:social worker|social workr|sw|key ?worker|support worker|youth worker|pa|personal adviser|"
    r"personal advisor|teacher|form tutor|tutor|head of year|senco|school|college|school nurse|nurse|gp|doctor|counsellor|mentor|"
    r"foster (?:carer|carers|mum|dad|mam)|carer|carers|mum|mom|mam|dad|parents|nan|nana|gran|grandma|auntie|aunt|sister|brother|"
    r"step ?(?:mum|dad|mom)|coach|camhs (?:worker|nurse)|therapist|psychologist|health visitor|ta|early help worker|"
    r"family support worker|yot worker)"
)
# A chat verb and the chat, or the chat named: never a bare "told me this", "showed me this" (the
# second review, session 39: "my dad told me this" is a disclosure, not a referral).
_CHAT_VERB = (
    r"(?:use|try|come on|come to|come|go on|go to|go|message|chat on|chat to|chat with|talk to|text|check out|check|"
    r"look at|have a look at|give)"
)
_THE_CHAT = r"(?:this|here|you|u|this app|this site|this website|this chat|this bot|this thing|this link|this out|it out|a go)"
_CHAT_NAMED = r"(?:(?:this|the) (?:app|site|website|chat|bot|link|number)|here)"
_SENT_HERE = re.compile(
    rf"(?:(?:hi|hey|hello|hiya|um+|so|ok|okay) )*{_REFERRER} "
    r"(?:told|said|asked|suggested|recommended|sent|gave|showed|says|tells|wants|wanted)(?: me| us| him| her)?"
    rf"(?:(?: (?:to|2|i should|i could|we should|that i should))? {_CHAT_VERB}(?: {_THE_CHAT})+| {_CHAT_NAMED})"
    r"(?: (?:what even is it|what is it|what is this|whats this|whats it for|what do i do|what do i say|how does it work|"
    r"idk what to say|idk why|lol|ok|so here i am|so im here))?"
)


# ...said in passing, beside anything: "im 11 my mum sed i shud use this" was read as a family worry,
# and a list shown before the child said what was wrong (a user trial, session 46).
_SENT_BY = re.compile(
    rf"\b{_REFERRER} (?:told|said|sed|asked|suggested|recommended|sent|gave|showed|says|tells|wants|wanted)(?: me| us)?"
    r"(?: (?:to|2|i should|i shud|i could|that i should|i need to|i must|i have to|i ought to))? "
    # (never "come here": "my stepdad says come here then touches me" tells of abuse: the review)
    r"(?:use|try|talk to|speak to|tlk to|chat on|chat to|chat with|message|text|look at|have a look at|check out|go on)"
    r"(?: (?:this|here|you|u|this app|this site|this chat|this bot|this thing|someone|sumone|"
    r"somebody|some1|a go|it out|this out|about it))+\b"
)


def without_who_sent_them(clean: str) -> str:
    """The normalised text without who sent them to the chat, said in passing."""
    return _SENT_BY.sub(" ", clean)


def says_who_sent_them(text: str) -> bool:
    """"my social worker told me to use this": who sent them to the chat, and nothing else."""
    return bool(_SENT_HERE.fullmatch(normalise(text)))


# "nah ive got a uni counsellor already", "no, shes already under camhs": a no to the
# offer because support is already there (development author D18, session 39).
# The no to the offer, then its reason as the whole rest of the message: support already there, the
# list or the facts had already, or only information wanted ("nah ive got a uni counsellor already":
# D18, session 39; "No. I only wanted information.", "No thanks, already have the local list": D10,
# session 44). A closed grammar: "no thanks ive got a support worker, im going to the bridge" is no
# plain reason (the review, session 44, found the words searched for anywhere).
_SUPPORT_WORDS = (
    r"(?:counsellor|counselor|therapist|gp|doctor|camhs|cahms|social worker|support worker|key worker|mentor|nurse|"
    r"psychologist|psychiatrist|support|help|someone|somebody|worker)"
)
_WHERE_SUPPORT_IS = (
    r"(?: (?:already|now|atm|at the moment|through (?:school|college|uni|the gp|his school|her school|their school|work)|"
    r"at (?:school|college|uni)|from (?:school|camhs|the gp|the council)))*"
)
_PLAIN_REASON = (
    # "ive got a uni counsellor already", "he already has a cahms worker", "we see a therapist"
    r"(?:(?:i|we|he|she|they|ive|i ve|weve|we ve|hes|he s|shes|she s|theyve|they ve)(?: have| has| ve| s)?(?: already)? "
    r"(?:got|have|has|see|sees|seeing|with|under)(?: already)? (?:(?:a|an|my|our|his|her|their|the|some) )?(?:\w+ )?"
    + _SUPPORT_WORDS + _WHERE_SUPPORT_IS +
    # "my social worker is already sorting it"
    r"|(?:(?:my|his|her|our|their|the) )?(?:\w+ ){0,2}(?:is|are|s|re) already (?:sorting|dealing with|helping with|looking into|on) (?:it|this|that)"
    # "already have the local list"
    r"|(?:(?:i|we) (?:ve |have |ve got |have got )?)?already (?:have|got) (?:the|a|this|that|your|those|these) "
    r"(?:local )?(?:list|numbers|number|info|information|details)"
    # "i only wanted information"
    r"|(?:i|we) (?:only|just) (?:wanted|needed|want|need|was after|were after) "
    r"(?:some |the )?(?:information|info|to know|to look|to have a look|to see what (?:there is|is out there|s out there)))"
    r"(?: (?:thanks|thank you|ta|thx|x+))*"
)
_A_PLAIN_NO_WITH_ITS_REASON = re.compile(rf"{_NO_TO_A_CHOICE}(?: (?:thanks|thank you|ta|thx|thank u))? {_PLAIN_REASON}")


def declines_with_a_plain_reason(text: str) -> bool:
    """The whole message a no to "Would you like me to find support near you?" and its plain reason:
    support already there, the list had, or only information wanted."""
    return bool(_A_PLAIN_NO_WITH_ITS_REASON.fullmatch(normalise(text)))


def plays_the_worry_down(text: str) -> bool:
    """"probably just attention seeking, should i ignore it?": what was told played down, and nothing else."""
    return bool(_PLAYS_THE_WORRY_DOWN.fullmatch(normalise(text)))


def ends_it(text: str) -> bool:
    """"its done", "you can stop worrying now": typed to the check question, no answer (session 31)."""
    return bool(_ENDS_IT.search(normalise(text)))


_SAID_SAFE = re.compile(r"\bsafe\b|" + _SAFE_IN_WORDS)


def safe_beside_leaving_words(text: str) -> bool:
    """"dont worry im safe", "im safe thanks bye": a plain safe statement once the goodbye and
    playing-down words are set aside, saying safe or "I'm OK" in words ("ok thanks bye" is not)."""
    if _ENDS_IT.search(normalise(text)) or waves_it_away(text):
        return False  # "its done, dont worry im safe": an act done is never set aside (the review, session 31)
    words = _PLAYS_IT_DOWN.sub(" ", normalise(text)).split()
    while words and _GOODBYE.fullmatch(words[-1]):
        words = words[:-1]
    rest = " ".join(words)
    return bool(_SAID_SAFE.search(rest)) and states_safe_now(rest)


# "whats camhs", "what is kooth", "who are shout": what a thing is, by its name, read by DIET as a
# question about the bot ("I'm a chatbot, not a person", session 24's retraining). The one word
# after is a name unless it is the bot, the chat or an everyday word.
_NOT_A_THING_NAMED = (
    r"(?:you|u|ya|yu|ur|your|yours|this|that|it|this chat|the bot|the chat|here|there|up|happening|going on|"
    r"going|wrong|the point|the matter|next|the question|that mean|this for|that for|it for|he|she|they|them|we|i|me)"
)
_WHAT_A_THING_IS = re.compile(
    rf"(?:what s|whats|wats|what is|wat is|wot is|who is|who are|whos|who s)(?! {_NOT_A_THING_NAMED}$) ([a-z0-9]+)"
)


def asks_what_a_name_is(text: str) -> bool:
    """"whats camhs": the whole message asks what one named thing is (not "who are you", "whats up")."""
    return _short_and_only(text, _WHAT_A_THING_IS, 3)
