"""Deterministic risk detector: does a message need the crisis reply?

Built on a blank English spaCy pipeline with lookup lemmas (no model download) and a
Matcher over lower-cased tokens and lemmas (patterns in `risk_patterns.py`). It is
deliberately eager: a missed crisis is the worst bug this project can have, so
uncertain first-person phrasing fires; only plain figures of speech, negations and
talk about lessons or stories are held back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from signposting.risk_patterns import (
    CLAUSE_BREAKS,
    FALSE_FRIENDS,
    FIRST_PERSON_ACT,
    NEGATORS,
    NOT_NEGATING_AFTER,
    PATTERNS,
    PERSON_WORDS,
    PRON_WORDS,
    REWRITE_REGEXES,
    SAFE_CONTEXT,
    SELF_WORDS,
)

SMALL_NUMBER_LIMIT = 5  # "took 2 paracetamol" is a normal dose; "took 12" is not


@dataclass(frozen=True)
class RiskMatch:
    category: str  # a key of risk_patterns.PATTERNS (finality is kept apart: see RiskResult)
    pattern: str  # the lexicon entry that matched (for staff review)
    text: str  # the words it matched, after normalisation


FINALITY = "finality"


@dataclass(frozen=True)
class RiskResult:
    matches: tuple[RiskMatch, ...]

    @property
    def risk_matches(self) -> tuple[RiskMatch, ...]:
        return tuple(match for match in self.matches if match.category != FINALITY)

    @property
    def is_risk(self) -> bool:
        """Risk words: the crisis reply at once."""
        return bool(self.risk_matches)

    @property
    def finality(self) -> bool:
        """A goodbye or "everything's sorted": escalates only after earlier distress."""
        return any(match.category == FINALITY for match in self.matches)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(match.category for match in self.risk_matches))


ADULT_AGE = 18
_FINAL_PUNCTUATION = re.compile(r"[.!?]$")


# Pronouns said about oneself ("17, they/them, Leicester", "im 15 he/him") carry no risk, yet the risk
# model read "they/them" as exploitation: "17, they/them, Leicester" got the crisis reply (development
# author D17, session 36). A set written with a slash is taken out where it stands as a label (after
# the start, a comma, a bracket, "pronouns (are)" or an age; before the end, a comma, a bracket or a
# full stop); in a sentence the first pronoun stays ("he/she hits me" is "he hits me": the review).
# When the message is read only, never in training: a rewrite moved the retrained model's scores.
_PRONOUNS = r"(?:her|him|them|they|she|he|hers|his|theirs|xem|xir|zir|hir|faer|em|it|any)"
_PRONOUN_LABEL = re.compile(
    rf"(^|[,;]\s*|\s*(?=\()|\bpronouns(?: are)?:?\s*|\b\d{{1,2}},?\s+)\(?(?:she|he|they|xe|ze|fae|ey|it)\s?/\s?{_PRONOUNS}"
    rf"(?:\s?/\s?{_PRONOUNS})*\b\)?(?=\s*(?:[,;).!]|$))",
    re.IGNORECASE,
)
_PRONOUN_SET = re.compile(rf"\b(she|he|they|xe|ze|fae|ey)\s?/\s?{_PRONOUNS}(?:\s?/\s?{_PRONOUNS})*\b", re.IGNORECASE)


def without_pronoun_sets(text: str) -> str:
    """The message with pronoun sets taken out as labels, and the first pronoun kept in a sentence."""
    return _PRONOUN_SET.sub(r"\1", _PRONOUN_LABEL.sub(r"\1 ", text))


def normalise_for_risk(text: str) -> str:
    """Lower case, slang rewritten, and a final full stop so patterns can see the end."""
    text = text.lower()
    for regex, replacement in REWRITE_REGEXES:
        text = regex.sub(replacement, text)
    text = " ".join(text.split())
    if text and not _FINAL_PUNCTUATION.search(text):
        text += " ."
    return text


def _token_spec(token: str, lemmas) -> dict:  # type: ignore[no-untyped-def]
    optional = token.endswith("?") and token != "?"
    if optional:
        token = token[:-1]
    if token == "_":
        spec: dict = {"IS_PUNCT": False}  # a gap never crosses a sentence
    elif token in ("NUM", "ADULTNUM", "LOWWEIGHT"):
        spec = {"LIKE_NUM": True}
    elif token.startswith("~"):
        words = token[1:].replace("SELF", SELF_WORDS).replace("PRON", PRON_WORDS).split("|")
        # Match the lemma of every listed form, so "~go" and "~going" both match "went".
        forms = sorted({lemmas(word) for word in words} | set(words))
        spec = {"LEMMA": {"IN": forms}}
    else:
        expanded = (
            token.replace("SELF", SELF_WORDS).replace("PRON", PRON_WORDS).replace("PERSON", PERSON_WORDS)
        )
        words = expanded.split("|")
        numeric = "NUM" in words
        words = [word for word in words if word != "NUM"]
        spec = {"LOWER": {"IN": words}} if len(words) > 1 else {"LOWER": words[0]}
        if numeric:
            # spaCy can't OR two attributes in one token: NUM alternatives get their own pattern.
            spec = {"_NUM_OR": spec}
    if optional:
        spec = {**spec, "OP": "?"}
    return spec


# A pattern's first token "^": the match must start the message, or a sentence or clause of it, or
# follow only greetings, fillers and an age ("hi im not ok", "harlow. help me", "im 14 and i hate
# myself": the review, session 36). "$": the message or a clause ends there (a full stop, "!", "?",
# an emoji, "x"): "im not ok 😭" is the whole message too.
START = "^"
END = "$"
OPENERS = frozenset(
    "hi hey heya hello hiya yo honestly just so um umm erm er ok okay and but tbh ngl well yeah yes no i am im aged age "
    "year yr years old".split()
)
_KISSES = ["x", "xx", "xxx", "xo"]


def _starts_a_clause(doc: Doc, start: int) -> bool:
    """`START`: nothing before the match but a sentence or clause break, greetings, fillers or numbers."""
    if start == 0 or doc[start - 1].is_punct:
        return True
    return all(token.lower_ in OPENERS or token.like_num for token in doc[:start])


def compile_pattern(pattern: str, lemmas) -> list[list[dict]]:  # type: ignore[no-untyped-def]
    """One lexicon entry → one or more spaCy Matcher patterns."""
    variants: list[list[dict]] = [[]]
    for token in pattern.split():
        if token == START:
            continue  # the match must start the message: `RiskDetector._held_back` checks it
        if token == END:
            # spaCy can't OR two attributes in one token: a mark or an emoji, or a kiss
            variants = [v + [{"IS_ALPHA": False, "IS_DIGIT": False, "IS_SPACE": False}] for v in variants] + [
                v + [{"LOWER": {"IN": _KISSES}}] for v in variants
            ]
            continue
        spec = _token_spec(token, lemmas)
        if "_NUM_OR" in spec:
            op = {"OP": spec["OP"]} if "OP" in spec else {}
            words_spec = {**spec["_NUM_OR"], **op}
            number_spec = {"LIKE_NUM": True, **op}
            variants = [v + [words_spec] for v in variants] + [v + [number_spec] for v in variants]
        else:
            variants = [v + [spec] for v in variants]
    return variants


class RiskDetector:
    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        self.nlp.initialize()
        self.matcher = Matcher(self.nlp.vocab)
        lemma_cache: dict[str, str] = {}

        def lemmas(word: str) -> str:
            if word not in lemma_cache:
                lemma_cache[word] = self.nlp(word)[0].lemma_ if word else word
            return lemma_cache[word]

        self._entries: dict[str, tuple[str, str, str]] = {}
        for category, entries in PATTERNS.items():
            for index, (kind, pattern) in enumerate(entries):
                key = f"{category}:{index}"
                self._entries[key] = (category, kind, pattern)
                self.matcher.add(key, compile_pattern(pattern, lemmas))

    def detect(self, text: str) -> RiskResult:
        normalised = normalise_for_risk(without_pronoun_sets(text))
        if not normalised:
            return RiskResult(())
        doc = self.nlp(normalised)
        safe_context = bool(SAFE_CONTEXT.search(normalised)) and not FIRST_PERSON_ACT.search(normalised)
        matches: list[RiskMatch] = []
        for match_id, start, end in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            category, kind, pattern = self._entries[key]
            if self._held_back(doc, start, end, kind, pattern, safe_context):
                continue
            matches.append(RiskMatch(category, pattern, doc[start:end].text))
        unique = {(m.category, m.pattern): m for m in matches}
        return RiskResult(tuple(unique.values()))

    @staticmethod
    def _held_back(doc: Doc, start: int, end: int, kind: str, pattern: str, safe_context: bool) -> bool:
        if kind == "mention" and safe_context:
            return True
        if pattern.startswith(START + " ") and not _starts_a_clause(doc, start):
            return True
        window = doc[start : min(end + 4, len(doc))].text
        if FALSE_FRIENDS.match(window):
            return True
        if kind in ("neg", "mention") and _negated(doc, start):
            return True
        numbers = [token.text for token in doc[start:end] if token.like_num]
        if "LOWWEIGHT" in pattern:
            return not _dangerously_low_weight(doc, start, end)
        if "ADULTNUM" in pattern:
            return not any(_at_least(number, ADULT_AGE) for number in numbers)
        if numbers and all(_small_number(number) for number in numbers) and "NUM" in pattern:
            return not any(
                token.lower_ in ("lots", "loads", "load", "bunch", "handful", "whole", "all", "many", "too")
                for token in doc[start:end]
            )
        return False


NEGATION_WINDOW = 6


def _negated(doc: Doc, start: int) -> bool:
    """'not suicidal', "I've never had thoughts of hurting myself": a negator earlier in
    the same clause, within a few words ("not sure if I'm suicidal" is not a negation)."""
    for index in range(start - 1, max(start - NEGATION_WINDOW, 0) - 1, -1):
        word = doc[index].lower_
        if word in CLAUSE_BREAKS:
            return False
        if word in NEGATORS:
            following = doc[index + 1].lower_ if index + 1 < start else ""
            if following in NOT_NEGATING_AFTER:
                continue
            return True
    return False


# Below these, a young person's weight is a medical emergency sign, whatever their height:
# under 6 stone (38 kg) or a BMI under 15. Deliberately low limits: a heavier weight is
# left to the risk model rather than escalated by the lexicon.
LOW_WEIGHT_LIMITS = {"st": 6.0, "stone": 6.0, "stones": 6.0, "kg": 38.0, "kgs": 38.0, "kilos": 38.0, "kilo": 38.0,
                     "lb": 84.0, "lbs": 84.0, "pounds": 84.0}
LOW_BMI = 15.0


def _dangerously_low_weight(doc: Doc, start: int, end: int) -> bool:
    """'she weighs 5 stone', 'down to 35kg', 'bmi is 14': a number and its unit."""
    span = doc[start:min(end + 2, len(doc))]
    for index, token in enumerate(span):
        if not token.like_num:
            continue
        try:
            value = float(token.text)
        except ValueError:
            continue
        following = [t.lower_ for t in span[index + 1 : index + 3]]
        if "bmi" in [t.lower_ for t in span]:
            return value < LOW_BMI
        for unit in following:
            if unit in LOW_WEIGHT_LIMITS:
                return value < LOW_WEIGHT_LIMITS[unit]
    return False


def _at_least(text: str, limit: int) -> bool:
    try:
        return float(text) >= limit
    except ValueError:
        return False


def _small_number(text: str) -> bool:
    try:
        return float(text) < SMALL_NUMBER_LIMIT
    except ValueError:
        return False


@lru_cache(maxsize=1)
def get_detector() -> RiskDetector:
    return RiskDetector()


def detect_risk(text: str) -> RiskResult:
    return get_detector().detect(text)

