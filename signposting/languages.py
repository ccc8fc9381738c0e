"""Which language a message is in, and crisis words in the languages we serve.

English is the default and most messages are English, so the cheap test comes first: a
message whose words are mostly English words is English, with no model involved. Other
scripts are told apart by their Unicode blocks. Only Latin-script text that is mostly
not English goes to py3langid, whose model ships inside the package (nothing is
downloaded). A guess is returned only when it is confident: a wrong "you wrote in
Italian" to an English speaker would be worse than saying nothing.

Crisis words in other languages (`multilingual_risk_terms.yml`) and the interpreter line
for each language (`interpreter_lines.yml`) await review by native speakers.

`python -m signposting.languages --write-domain` copies the interpreter lines into domain.yml.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from signposting.text import strip_accents

HERE = Path(__file__).resolve().parent
RISK_TERMS_FILE = HERE / "multilingual_risk_terms.yml"
INTERPRETER_LINES_FILE = HERE / "interpreter_lines.yml"

# Unicode ranges → the language we assume for that script (Arabic script is refined below).
SCRIPTS: list[tuple[str, int, int]] = [
    ("ar", 0x0600, 0x06FF), ("ar", 0x0750, 0x077F), ("ar", 0xFB50, 0xFDFF), ("ar", 0xFE70, 0xFEFF),
    ("hi", 0x0900, 0x097F), ("bn", 0x0980, 0x09FF), ("pa", 0x0A00, 0x0A7F), ("gu", 0x0A80, 0x0AFF),
]
# Letters used by Urdu (and Punjabi in Shahmukhi) but not by Arabic.
URDU_LETTERS = set("ٹڈڑںھہےۓگچپژک")
# Latin-script languages py3langid may name; anything else is left as unknown.
LATIN_LANGUAGES = ["en", "pl", "ro", "es", "pt", "tr", "lt", "fr", "it", "de", "nl"]  # py3langid has no Somali
MIN_WORDS_FOR_LATIN_GUESS = 3
MAX_ENGLISH_SHARE = 0.4
MIN_LANGID_PROBABILITY = 0.9
# Crisis terms in other languages are looked for only in messages with fewer English words
# than this (or in another script): English messages belong to the English lexicon, which
# knows figures of speech and lessons; some stems are the same in both ("suicid").
MAX_ENGLISH_FOR_TERMS = 0.6
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Chat words that no dictionary lists: without them "ngl idk tbh" would not look English.
CHAT_ENGLISH = {
    "ngl", "idk", "tbh", "rn", "fr", "istg", "lol", "lmao", "omg", "bc", "cos", "coz", "cuz", "u", "ur", "im", "ive",
    "dont", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt", "aint", "innit", "init", "bruv", "fam", "pls", "plz", "thx",
    "ty", "ok", "okay", "ya", "yeah", "yea", "nah", "kms", "kys", "sh", "gonna", "wanna", "gotta", "dunno", "mum",
}


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1
    script: str  # "latin" or "native"


def fold(text: str) -> str:
    """Lower case, accents removed from Latin letters, spaces collapsed: what the terms match."""
    text = unicodedata.normalize("NFKC", text).lower()
    if all(ord(ch) < 0x250 or not ch.isalpha() for ch in text):
        text = strip_accents(text)
    text = text.replace("ł", "l")
    return " ".join(text.split())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Word forms English lemma tables know (spacy-lookups-data, MIT licence), plus chat words."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf8") as handle:
        table = json.load(handle)
    words = {word.lower() for word in table} | {lemma.lower() for lemma in table.values()}
    return frozenset(words | CHAT_ENGLISH | {"i", "a", "me", "my", "the", "and", "to", "of", "is", "it", "he", "she"})


def _script_language(text: str) -> str | None:
    counts: dict[str, int] = {}
    for ch in text:
        code = ord(ch)
        for language, low, high in SCRIPTS:
            if low <= code <= high:
                counts[language] = counts.get(language, 0) + 1
                break
    if not counts:
        return None
    language = max(counts, key=counts.__getitem__)
    if language == "ar" and any(ch in URDU_LETTERS for ch in text):
        return "ur"
    return language


@lru_cache(maxsize=1)
def _langid():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(LATIN_LANGUAGES)
    return identifier


def english_share(text: str) -> float:
    words = [word.lower() for word in WORD.findall(text)]
    if not words:
        return 1.0
    known = english_words()
    return sum(word in known for word in words) / len(words)


# A call for help in a word or two, too short for a guess: "pomocy" as a first message got "Sorry, I
# can't help with that" (development conversations G18, session 42). Folded (lower case, no
# accents). Written by the lead engineer (an AI model) from general knowledge, like the risk terms:
# awaiting native-speaker review. Never a word English also uses ("help", "aide").
CALLS_FOR_HELP = {
    "pl": ("pomocy", "pomoc", "pomoz mi", "pomozcie", "pomozcie mi", "ratunku"),
    "ro": ("ajutor", "ajuta ma", "ajutati ma", "ajuta-ma", "ajutati-ma"),
    "pt": ("socorro", "ajuda", "me ajuda", "ajuda me", "ajudem me", "preciso de ajuda"),
    "es": ("ayuda", "ayudame", "necesito ayuda"),  # ("socorro" is also Portuguese)
    "tr": ("yardim", "imdat", "yardim edin", "yardim et"),
    "lt": ("padekite", "gelbekit", "gelbekite", "pagalbos", "padek man"),
    "it": ("aiuto", "aiutami", "aiutatemi"),
    "de": ("hilfe", "hilf mir"),
    "fr": ("au secours", "aidez moi", "a l aide", "aide moi"),
}
_CALL_FOR_HELP = {phrase: language for language, phrases in CALLS_FOR_HELP.items() for phrase in phrases}
# Around a call for help: please, in these languages and in chat ("pomocy pls", "ayuda porfa").
_PLEASE = frozenset("prosze pls plz please porfa porfavor por favor va rog lutfen bitte per favore favore".split())


def call_for_help(text: str) -> str | None:
    """The language of a message that is only a call for help, with emoji, punctuation, a word said
    twice or a please around it ("POMOCY 😭", "pomocy pomocy", "Pomocy, proszę": the review)."""
    # (Turkish "ı" is folded here only: folded everywhere, "Türkçe var mı?" read as Turkish lost the
    # answer to a request for another language, development author D8)
    words = [word for word in WORD.findall(fold(text).replace("ı", "i")) if word not in _PLEASE]
    deduplicated = [word for index, word in enumerate(words) if index == 0 or word != words[index - 1]]
    if not 0 < len(deduplicated) <= 4:
        return None
    whole = _CALL_FOR_HELP.get(" ".join(deduplicated))
    if whole:
        return whole
    # two calls in a row, or with the English word ("ratunku pomocy", "help pomocy": the second review)
    languages = {_CALL_FOR_HELP.get(word) for word in deduplicated if word != "help"}
    return languages.pop() if len(languages) == 1 and None not in languages else None


def detect_language(text: str) -> LanguageGuess | None:
    """The message's language when it is confidently not English; None for English or unsure."""
    native = _script_language(text)
    if native:
        return LanguageGuess(native, "native")
    called = call_for_help(text)
    if called:
        return LanguageGuess(called, "latin")
    words = WORD.findall(text)
    if len(words) < MIN_WORDS_FOR_LATIN_GUESS or english_share(text) > MAX_ENGLISH_SHARE:
        return None
    language, probability = _langid().classify(fold(text))
    if language == "en" or probability < MIN_LANGID_PROBABILITY:
        return None
    return LanguageGuess(language, "latin")


@lru_cache(maxsize=1)
def _risk_terms() -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load(RISK_TERMS_FILE.read_text(encoding="utf8"))
    return [
        (language, re.compile(term))
        for language, terms in data["languages"].items()
        for term in terms
    ]


def crisis_language(text: str) -> str | None:
    """The language of the first crisis term found in the message, or None."""
    if not _script_language(text) and english_share(text) > MAX_ENGLISH_FOR_TERMS:
        return None
    folded = fold(text)
    for language, term in _risk_terms():
        if term.search(folded):
            return language
    return None


def interpreter_lines() -> dict[str, str]:
    return dict(yaml.safe_load(INTERPRETER_LINES_FILE.read_text(encoding="utf8"))["lines"])


# The English name each interpreter line tells the caller to say ("Say 'Polish' in English").
_QUOTED_NAME = re.compile(r"[„“”\"«]([A-Z][a-z]+)[”“\"»]")
# The same languages as their speakers name them, accents taken off ("po polsku", "în română",
# "em português", "türkçe"): "po polsku prosze" typed to "Are you safe right now?" got the English
# reply without the interpreter line (a review, session 23).
OWN_NAMES: dict[str, str] = {
    "polski": "pl", "polsku": "pl", "romana": "ro", "romaneste": "ro", "espanol": "es", "castellano": "es",
    "portugues": "pt", "turkce": "tr", "lietuviskai": "lt", "lietuviu": "lt", "soomaali": "so",
    "panjabi": "pa", "bangla": "bn",
}


def language_named(text: str) -> str | None:
    """The code of the interpreter line whose language the message names ("in Polish?", "po polsku");
    None when it names none, or more than one ("not polish, urdu please": the general line)."""
    words = set(WORD.findall(fold(text)))
    codes = {code for code, line in interpreter_lines().items()
             if (match := _QUOTED_NAME.search(line)) and match.group(1).lower() in words}
    codes |= {OWN_NAMES[word] for word in words & OWN_NAMES.keys()}
    return codes.pop() if len(codes) == 1 else None


DOMAIN_BEGIN = "  # BEGIN interpreter lines: generated from signposting/interpreter_lines.yml, do not edit here\n"
DOMAIN_END = "  # END interpreter lines\n"


def domain_block() -> str:
    """The utter_interpreter_line response, one variation per language (slot user_language)."""
    lines = [DOMAIN_BEGIN, "  utter_interpreter_line:\n"]
    for language, line in interpreter_lines().items():
        quoted = json.dumps(line, ensure_ascii=False)
        lines.append(f"    - condition: [{{type: slot, name: user_language, value: {language}}}]\n      text: {quoted}\n")
    lines.append('    - text: "When you call 999 or 111, you can ask for someone who speaks your language. Say its name in English."\n')
    lines.append(DOMAIN_END)
    return "".join(lines)


def write_domain(domain_path: Path) -> bool:
    """Replace the generated block in domain.yml; True when the file changed."""
    text = domain_path.read_text(encoding="utf8")
    start, end = text.index(DOMAIN_BEGIN), text.index(DOMAIN_END) + len(DOMAIN_END)
    updated = text[:start] + domain_block() + text[end:]
    if updated != text:
        domain_path.write_text(updated, encoding="utf8")
    return updated != text


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-domain"]:
        changed = write_domain(HERE.parent / "domain.yml")
        print("domain.yml updated" if changed else "domain.yml already up to date")
    else:
        for line in sys.stdin:
            print(detect_language(line), crisis_language(line))
