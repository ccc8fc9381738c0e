"""signposting.concern_reading: when the concern model's guess may change what the rules read."""
from __future__ import annotations

import pytest

from signposting.concern_reading import (
    PARSE_KEY,
    ConcernGuess,
    GuessThresholds,
    choose_concern,
    guess_from,
    read_concern,
)

T = GuessThresholds(trust=0.5, alone=0.35)


def test_a_sure_guess_is_taken_over_the_rules() -> None:
    assert choose_concern(None, ConcernGuess("school_refusal", 0.8), T) == "school_refusal"
    # "so stressed since nan died": the rules read the word, the model the worry
    assert choose_concern("worry", ConcernGuess("bereavement", 0.6), T) == "bereavement"
    assert choose_concern("bullying", ConcernGuess("online_safety", 0.5), T) == "online_safety"


def test_an_unsure_guess_leaves_what_the_rules_found() -> None:
    assert choose_concern("worry", ConcernGuess("bereavement", 0.49), T) == "worry"
    assert choose_concern("other", ConcernGuess("bereavement", 0.4), T) == "other"


def test_when_the_rules_found_nothing_a_less_sure_guess_will_do() -> None:
    assert choose_concern(None, ConcernGuess("school_refusal", 0.35), T) == "school_refusal"
    assert choose_concern(None, ConcernGuess("school_refusal", 0.34), T) is None


def test_other_never_hides_a_worry_the_rules_found() -> None:
    assert choose_concern("sleep", ConcernGuess("other", 0.99), T) == "sleep"
    assert choose_concern(None, ConcernGuess("other", 0.9), T) == "other"


def test_self_harm_the_rules_found_always_stands() -> None:
    assert choose_concern("self_harm", ConcernGuess("body_image", 0.99), T) == "self_harm"


def test_no_guess_is_the_rules_answer() -> None:
    assert choose_concern("sleep", None, T) == "sleep"
    assert choose_concern(None, None, T) is None


@pytest.mark.parametrize("raw", [None, {}, {"concern": 3, "confidence": 0.9}, {"concern": "sleep"}, "sleep", [1, 2]])
def test_a_missing_or_malformed_guess_is_no_guess(raw: object) -> None:
    assert guess_from({PARSE_KEY: raw}) is None
    assert guess_from(None) is None


def test_read_concern_uses_the_rules_and_the_parse_data() -> None:
    assert read_concern("I've been bullied") == "bullying"
    assert read_concern("she hides in the car at the gate") is None
    parse = {"text": "she hides in the car at the gate", PARSE_KEY: {"concern": "school_refusal", "confidence": 0.9}}
    assert read_concern("she hides in the car at the gate", parse) == "school_refusal"
