"""A plain answer to "Where do you live?" (services_db.area_answer): places and the words
around them, nothing else; never a sentence, never an everyday word as a place."""
from __future__ import annotations

import pytest

from services_db import area_answer
from services_db.area_answer import is_plain_area_answer
from signposting.plain_answer import _core, is_plain_answer, waives_the_check


@pytest.mark.parametrize(
    "text",
    ["harlow", "Harlow.", "um harlow please", "beaumont leys, leicester", "Debden estate in Loughton", "Narborough Road, Leicester",
     "the oxhey estate", "just outside leicester, in blaby", "great chesterford", "We are living in Leicester, Belgrave road",
     "St Albans", "AL1 3XX", "cm20", "Leicester city, Evington area", "wrexham", "nottingham", "watford innit",
     # who lives where, as whole phrases (a user trial, session 44: the abuse reply)
     "he lives with me in Hinckley, his mum's in Nuneaton", "she lives with her dad in harlow", "his mum is in leicester"],
)
def test_places_and_the_words_around_them_are_plain(text):
    assert is_plain_area_answer(_core(text))


@pytest.mark.parametrize(
    "text",
    ["its over", "over", "eye", "near the bridge", "harlow alone", "leicester hes not safe", "we live in harlow and im scared",
     "i move between my mums in harlow and my dads in epping", "harlow but i dont want to go home", "in the woods near harlow",
     "outside", "the estate", "3xx", "", "harlow 07700 900123",
     "he lives with me in hinckley his dads in prison", "he is with me", "he lives with me in hinckley and his mum hits him",
     "he lives with me", "his mum lives with me in harlow now he's gone"],
)
def test_anything_more_or_no_place_is_not_plain(text):
    assert not is_plain_area_answer(_core(text))


def test_the_area_question_needs_the_place_names_passed_in():
    """signposting stays dependency-free: without `place_answer`, no area answer is plain."""
    assert not is_plain_answer("harlow", "area")
    assert is_plain_answer("harlow", "area", place_answer=is_plain_area_answer)
    assert not is_plain_answer("هارلو harlow", "area", place_answer=is_plain_area_answer)  # not all read


def test_the_check_is_waived_only_for_the_model_alone():
    model = {"level": "check", "source": "model", "lexicon_categories": []}
    assert waives_the_check("beaumont leys, leicester", model, "area", None, is_plain_area_answer)
    assert not waives_the_check("beaumont leys, leicester", {**model, "lexicon_categories": ["unsafe_home"]}, "area", None,
                                is_plain_area_answer)
    assert not waives_the_check("beaumont leys, leicester", {**model, "crisis_language": "pl"}, "area", None, is_plain_area_answer)


def test_unreadable_place_data_means_no_answer_is_plain(monkeypatch):
    """The crisis policy asks it: a broken data file must bring the check question, not a crash."""
    def broken() -> frozenset[str]:
        raise OSError("place data missing")

    monkeypatch.setattr(area_answer, "_place_names", broken)
    assert not is_plain_area_answer("harlow")
