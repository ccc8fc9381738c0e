"""The risk model: its fast scorer equals scikit-learn's, and it learns from the corpus format."""
from __future__ import annotations

import json

import pytest

from bot.nlu.risk_model import RiskModel, corpus_fingerprint, read_corpus, read_corpus_file


def test_every_corpus_file_has_a_provenance_line_and_valid_rows():
    messages = read_corpus()
    assert len(messages) >= 3000
    assert {m.label for m in messages} == {"risk", "safe"}
    assert len({m.author for m in messages}) >= 6


@pytest.fixture(scope="module")
def model():
    corpus = read_corpus()
    return RiskModel(16.0).fit(corpus[::3], kind_from=0.25), corpus[1::7][:150]


@pytest.mark.trains
def test_the_fast_scorer_gives_the_same_score_and_kind_as_scikit_learn(model):
    fitted, sample = model
    slow = fitted.score_many([m.text for m in sample])
    for message, reference in zip(sample, slow, strict=True):
        fast = fitted.score(message.text)
        assert fast.probability == pytest.approx(reference.probability, abs=1e-9)
        assert fast.category == reference.category


@pytest.mark.trains
def test_text_with_no_known_words_still_gets_a_score(model):
    fitted, _ = model
    assert 0.0 < fitted.score("").probability < 1.0
    assert 0.0 < fitted.score("zzzzqqq").probability < 1.0


def test_a_file_without_provenance_is_refused(tmp_path):
    path = tmp_path / "author_X.jsonl"
    path.write_text(json.dumps({"id": "X-1", "text": "hi", "label": "safe", "category": "ordinary_help"}) + "\n")
    with pytest.raises(ValueError, match="provenance"):
        read_corpus_file(path)


def test_the_fingerprint_changes_with_the_corpus(tmp_path):
    path = tmp_path / "author_X.jsonl"
    path.write_text('{"provenance": "X"}\n')
    before = corpus_fingerprint(tmp_path)
    path.write_text('{"provenance": "X"}\n{"text": "hi", "label": "safe", "category": "ordinary_help"}\n')
    assert corpus_fingerprint(tmp_path) != before
