"""Our own vocabulary, never redacted: places, schools and services, and their phone numbers.

Read from the directory's seed files (services_db/data), so a new town, school or service
is protected as soon as it is in the directory. A school name protects the people's names
in it ("Samuel Ryder Academy", "Sir John Lawes School"); "Grace" alone is still a name
when a cue says so ("my friend Grace").
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from bot.privacy.lexicon import first_name, is_common_word, surname_ranks
from bot.privacy.text import Token
from services_db.places import ENGLAND_SCHOOLS_FILE, read_csv, town_aliases
from services_db.schools import SCHOOLS_FILE, school_key
from services_db.seed import SERVICES_FILE
from signposting.text import normalise

MAX_PHRASE_WORDS = 10
# Services and words of this field that people name and that are not (all) in the directory.
FIELD_WORDS = """
Mind | Shout | Kooth | Childline | Samaritans | YoungMinds | Young Minds | The Mix | Papyrus | Hopeline |
HOPELINEUK | CALM | NSPCC | Barnardo's | Beat | Beat ED | Togetherall | Qwell | ChatHealth | Hub of Hope | Anna Freud |
Anna Freud Centre | Place2Be | Place 2 Be | Relate | Cruse | Winston's Wish | Young Carers | CAMHS | NHS |
NHS 111 | GP | A&E | MHST | SPA | Mental Health Support Team | Childline Kooth | Action for Children |
The Children's Society | Victim Support | Refuge | Stonewall | Mermaids | Switchboard | Talk to Frank |
Lifeline | Nightline | Harmless | SelfharmUK | On My Mind | Headspace | Calm Harm | distrACT | Clear Fear |
Stem4 | MindEd | Family Lives | Parentline | Young Minds Parents Helpline | Rethink | Rethink Mental Illness |
Sane | SANEline | Hope Again | The Proud Trust | Brook | Kidscape | Ditch the Label | Anti-Bullying Alliance |
Bullying UK | Childnet | CEOP | Report Remove | Think U Know | ThinkUKnow | Internet Matters |
Rasa
"""
# People and characters young people mention who are not them or anyone they know.
FAMOUS = """
Harry Potter | Hermione | Taylor Swift | Harry Styles | Billie Eilish | Ariana Grande | Olivia Rodrigo |
Sabrina Carpenter | Selena Gomez | Justin Bieber | Ed Sheeran | Lewis Capaldi | Dua Lipa | Mr Beast | MrBeast |
KSI | Andrew Tate | Greta Thunberg | Marcus Rashford | Cristiano Ronaldo | Lionel Messi | Harry Kane |
Bukayo Saka | Jude Bellingham | Spider-Man | Peter Parker | Stranger Things | Wednesday Addams | Percy Jackson
"""


def _split_names(text: str) -> set[str]:
    """'Shout 85258 (Mental Health Innovations)' → the whole, without brackets, and the bracketed part."""
    phrases = {text}
    phrases.add(re.sub(r"\(.*?\)", " ", text))
    phrases.update(re.findall(r"\((.*?)\)", text))
    return {normalise(phrase) for phrase in phrases if normalise(phrase)}


def _service_records() -> list[dict]:
    document = yaml.safe_load(SERVICES_FILE.read_text(encoding="utf-8"))
    return list(document.get("services") or [])


@lru_cache(maxsize=1)
def protected_phrases() -> frozenset[str]:
    """Normalised phrases (signposting.text.normalise) that are never redacted."""
    phrases: set[str] = set()
    for record in _service_records():
        for field in ("name", "organisation"):
            for phrase in _split_names(str(record.get(field) or "")):
                phrases.add(phrase)
                # Distinctive single words of a service's name: "kooth", "hopeline247", "papyrus".
                phrases.update(word for word in phrase.split() if len(word) > 2 and not is_common_word(word))
    phrases.update(normalise(name) for name in (FIELD_WORDS + "|" + FAMOUS).split("|") if normalise(name))
    for row in town_aliases():
        phrases.add(row.alias)
    schools = read_csv(ENGLAND_SCHOOLS_FILE) + read_csv(SCHOOLS_FILE)
    for school in schools:
        phrases.update(_school_phrases(school["name"]))
        town = normalise(school.get("town") or "")
        if town and (len(town.split()) > 1 or town in BIG_PLACES or town not in _PEOPLES_NAMES_TOO):
            phrases.add(town)
    phrases.discard("")
    return frozenset(phrases)


# Towns elsewhere in England that are also popular first names ("my friend Stanley", "thanks,
# Leigh"): protected only after "in", "near", "from"...; ours (Harlow, Royston) always are.
_PEOPLES_NAMES_TOO = frozenset("brandon stanley leigh nelson sandy clifford easton kendal hayes sutton".split())
BIG_PLACES = frozenset("london bradford lincoln preston chester camden boston bristol".split())
PLACE_PREPOSITIONS = frozenset("in at near from to around outside of nr".split())
_SCHOOL_WORDS = re.compile(r"\b(?:girls|boys|high|grammar|upper|lower|middle|church|catholic|rc|cofe|ce|of|england)\b")


def _rare_name(word: str) -> bool:
    """Not a usual first name, nor a surname ('Marriotts' yes; 'Grace', 'Thompson' no)."""
    found = first_name(word)
    return (found is None or found.births < COMMON_NAME_BIRTHS) and word not in surname_ranks()


COMMON_NAME_BIRTHS = 3000


@lru_cache(maxsize=1)
def _schools_named_like_people() -> frozenset[str]:
    """One-word school names that are also usual first names or surnames ('Grace' of Grace
    Academy, 'Nobel'): kept after 'at', 'to', 'from'..., a name otherwise."""
    keys = {school_key(row["name"]) for row in read_csv(ENGLAND_SCHOOLS_FILE) + read_csv(SCHOOLS_FILE)}
    return frozenset(key for key in keys if key and " " not in key and not _rare_name(key))


def _school_phrases(name: str) -> set[str]:
    """'The Nobel School' → 'the nobel school', 'nobel school', 'nobel'; 'Sir Jonathan North
    Girls' College' → also 'sir jonathan north' (what people type). One-word keys that are
    also first names ('Grace' of Grace Academy) are left out: "Grace Academy" is protected,
    "Grace" alone is not."""
    full = normalise(name)
    phrases = {full, re.sub(r"^the ", "", full)}
    for key in {school_key(name), " ".join(_SCHOOL_WORDS.sub(" ", school_key(name)).split())}:
        words = key.split()
        if len(words) == 1 and _rare_name(key):
            phrases.add(key)
        for size in range(2, len(words) + 1):
            phrases.add(" ".join(words[:size]))
        if words:
            phrases.update(f"{key} {suffix}" for suffix in ("school", "academy", "college", "high school", "high"))
    return phrases


@lru_cache(maxsize=1)
def cued_places() -> frozenset[str]:
    return _PEOPLES_NAMES_TOO | _schools_named_like_people()


@lru_cache(maxsize=1)
def service_numbers() -> frozenset[str]:
    """The digits of every phone and text number in the directory, and the national short numbers."""
    numbers = {"999", "111", "112", "116123", "08001111", "85258", "116111"}
    for record in _service_records():
        for contact in record.get("contacts") or []:
            if contact.get("type") in ("phone", "text"):
                digits = re.sub(r"\D", "", str(contact.get("value") or ""))
                if digits:
                    numbers.add(digits)
    return frozenset(numbers)


# Named institutions not in our lists ("St Joseph's Catholic Primary", "Lister Hospital"): the
# people's names in them are part of the place's name.
INSTITUTION = re.compile(
    r"\b(?:(?:St\.?|Saint|The)\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:of|and|&|the|de|la)\s+)?){1,5}"
    r"(?:School|Academy|College|Primary|Grammar|High|Infants?|Juniors?|Sixth Form|University|Hospital|Centre|Center|"
    r"Clinic|Surgery|Practice|Church|Mosque|Temple|Gurdwara|Synagogue|Library|Station|Trust|Foundation)\b"
)


def protected_spans(tokens: list[Token], text: str = "") -> list[tuple[int, int]]:
    """(start, end) of the longest protected phrases in the text, left to right, and of named
    institutions."""
    phrases = protected_phrases()
    norms = [normalise(token.text) for token in tokens]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        for size in range(min(MAX_PHRASE_WORDS, len(tokens) - index), 0, -1):
            phrase = " ".join(norms[index:index + size])
            if phrase in phrases or (phrase in cued_places() and index > 0 and norms[index - 1] in PLACE_PREPOSITIONS):
                spans.append((tokens[index].start, tokens[index + size - 1].end))
                index += size
                break
        else:
            index += 1
    spans.extend((match.start(), match.end()) for match in INSTITUTION.finditer(text))
    return spans
