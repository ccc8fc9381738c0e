"""A plain answer to the form's question goes on without the check question (issue #12);
anything more than the answer, or any risk signal but the model's check level, does not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signposting.plain_answer import SLOT_VOCABULARY, is_plain_answer, waives_the_check
from signposting.risk import get_detector

MODEL_CHECK = {"level": "check", "source": "model", "lexicon_categories": [], "crisis_language": None}


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("15 next month", "age"), ("13 in march", "age"), ("I'm his nan, he's 10", "age"),
        ("I'm his key worker, he's 17", "age"), ("dad here, she's 12", "age"), ("16 or 17", "age"),
        ("its me not my mum", "user_role"), ("i work at a childrens home", "user_role"), ("the first one", "user_role"),
        ("my self", "user_role"), ("dad here, she's 12", "user_role"),
        ("im home skooled", "school"), ("She's been home educated since covid", "school"), ("nah", "school"),
    ],
)
def test_answers_and_nothing_else_are_plain(text, slot):
    assert is_plain_answer(text, slot)


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("14 and i want to die", "age"), ("15 and scared", "age"), ("16, my dad hits me", "age"),
        ("he's 19 and im 14", "age"),  # two people's ages: an age gap is not an answer
        ("me, my dad hits me", "user_role"), ("my dad hits me", "user_role"), ("its me im not safe", "user_role"),
        ("not at school, they threw me out and i have nowhere to sleep", "school"),
        ("میں 16 سال کی ہوں", "age"),  # words outside English are never read as nothing
        ("15 😢", "age"),
        ("Harlow", "area"), ("low mood", "concern"),  # only the role, age and school questions
        ("blue", "age"), ("", "age"),  # not an answer at all
    ],
)
def test_anything_more_than_the_answer_is_not_plain(text, slot):
    assert not is_plain_answer(text, slot)


def test_only_a_flag_from_the_model_or_classifier_alone_is_waived():
    assert waives_the_check("15 next month", MODEL_CHECK, "age")
    assert waives_the_check("15 next month", {**MODEL_CHECK, "source": "classifier"}, "age")
    assert waives_the_check("15 next month", {**MODEL_CHECK, "level": "crisis"}, "age")  # the model alone
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "level": "none"}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "source": "lexicon"}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "lexicon_categories": ["suicidal"]}, "age")
    assert not waives_the_check("15 next month", {**MODEL_CHECK, "crisis_language": "ur"}, "age")
    assert not waives_the_check("15 next month", MODEL_CHECK, "concern")


def _risk_words(text: str) -> bool:
    return bool(get_detector().detect(text).categories)


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(sorted(set().union(*SLOT_VOCABULARY.values()) | {"14", "9"})), min_size=1, max_size=8))
def test_no_plain_answer_has_risk_words(words):
    """However answer words combine, what passes as a plain answer is nothing the crisis lexicon
    flags (defence in depth: a lexicon hit would stop the waiver anyway)."""
    text = " ".join(words)
    for slot in SLOT_VOCABULARY:
        if is_plain_answer(text, slot):
            assert not _risk_words(text), (slot, text)


@pytest.mark.parametrize("slot", sorted(SLOT_VOCABULARY))
def test_no_answer_word_is_a_risk_word_on_its_own(slot):
    """The vocabulary holds no word the crisis lexicon flags by itself."""
    flagged = [word for word in sorted(SLOT_VOCABULARY[slot]) if _risk_words(word)]
    assert flagged == []
