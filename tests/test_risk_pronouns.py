"""Pronouns said about oneself carry no risk (signposting/risk_patterns.py REWRITES): the model
read "they/them" as exploitation and "17, they/them, Leicester" got the crisis reply (development
author D17, session 36)."""
from __future__ import annotations

import pytest

from signposting.risk import detect_risk, normalise_for_risk, without_pronoun_sets


@pytest.mark.parametrize(("text", "expected"), [
    ("17, they/them, Leicester", "17, , leicester ."),
    ("im 15 he/him", "i am 15 ."),
    ("hi im sam (she/her)", "hi i am sam ."),
    ("my pronouns are she/they", "my pronouns are ."),
    ("Jay, they / them / theirs", "jay, ."),
])
def test_a_pronoun_set_is_taken_out(text, expected):
    assert normalise_for_risk(without_pronoun_sets(text)) == expected


@pytest.mark.parametrize(("text", "kept"), [
    ("he hurt me and she watched", "he hurt me and she watched"),  # no slash: words in a sentence stay
    ("they made me do things for them", "they made me do things for them"),
    ("he/him? no, he hits me", "no, he hits me"),  # the risk after the set is kept
])
def test_only_the_set_goes_and_the_words_around_it_stay(text, kept):
    assert kept in normalise_for_risk(without_pronoun_sets(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("he/she hits me", "he hits me ."),  # in a sentence: the first of the set stays (the review)
    ("they/them hit me", "they hit me ."),
])
def test_a_pronoun_set_in_a_sentence_keeps_its_subject(text, expected):
    assert normalise_for_risk(without_pronoun_sets(text)) == expected
    assert detect_risk(text).is_risk


def test_the_model_is_trained_on_text_as_written():
    """Only a message being read loses its pronoun set: a rewrite in training moved the retrained
    model's scores (a held-out conversation's crisis reply became the check question, session 36)."""
    assert normalise_for_risk("17, they/them, Leicester") == "17, they/them, leicester ."
