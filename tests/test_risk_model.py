"""The risk model: its fast scorer equals scikit-learn's, and it learns from the corpus format."""
from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from bot.nlu.risk_model import (
    EVERYDAY_DIR,
    KIND_CONFIDENCE,
    NLU_WEIGHT,
    SHORT_DIR,
    SHORT_NLU_WEIGHT,
    LengthAwareRiskModel,
    RiskModel,
    corpus_fingerprint,
    normalise_for_model,
    read_corpus,
    read_corpus_file,
)
from signposting.risk_decision import CHECK, CRISIS, NONE, REPLY_KIND, RiskSignals, Thresholds, decide

ROOT = Path(__file__).resolve().parents[1]


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


def test_the_training_cache_sees_a_change_to_the_slang_rewrites(monkeypatch):
    """A model fitted on text normalised one way must not be loaded by code that normalises another."""
    from bot.nlu import risk_model
    from bot.nlu.risk_component import RiskDetectorComponent

    before = RiskDetectorComponent.fingerprint_addon({})
    monkeypatch.setattr(risk_model, "REWRITE_REGEXES", [*risk_model.REWRITE_REGEXES, (re.compile(r"\bsus\b"), "suspicious")])
    assert RiskDetectorComponent.fingerprint_addon({}) != before


def _same_text(text: str) -> str:
    """Case, punctuation and spacing aside (any script: \\w is Unicode-aware)."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _evaluation_texts() -> list[tuple[str, str]]:
    """Every message of the held-out and development sets, and the shared real messages."""
    folders = [ROOT / "tests" / "safety", ROOT / "tests" / "typed_answers", ROOT / "tests" / "concern_answers"]
    paths = [path for folder in folders for path in sorted(folder.rglob("*.jsonl"))]
    real = ROOT.parent / "shared" / "eval" / "real_messages.jsonl"
    assert real.exists(), f"{real} is missing: clone the project with ../shared beside it"
    texts = []
    for path in [*paths, real]:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            texts += [(path.name, str(text)) for text in ([row["text"]] if "text" in row else []) + list(row.get("turns") or [])]
    return texts


def test_no_evaluation_message_is_in_the_risk_corpus():
    """The held-out and development sets measure the risk layer: none of their texts may be learnt from."""
    corpus = {_same_text(m.text) for m in read_corpus() + read_corpus(EVERYDAY_DIR) + read_corpus(SHORT_DIR)}
    evaluation = _evaluation_texts()
    assert len(evaluation) > 3000
    leaked = [(name, text) for name, text in evaluation if len(_same_text(text)) > 3 and _same_text(text) in corpus]
    assert not leaked


@pytest.mark.trains
def test_a_specific_kind_of_danger_only_when_the_model_is_sure_of_its_reply(model):
    fitted, sample = model
    unsure = sure = 0
    for message in [m for m in sample if fitted.score(m.text).probability >= fitted.kind_from]:
        probabilities = fitted.kind.predict_proba(fitted.features.transform([normalise_for_model(message.text)]))[0]
        by_reply: dict[str, float] = {}
        for category, probability in zip(fitted.kind.classes_, probabilities, strict=True):
            by_reply[REPLY_KIND.get(str(category), "general")] = by_reply.get(REPLY_KIND.get(str(category), "general"), 0.0) + probability
        category = fitted.score(message.text).category
        if max(by_reply.values()) < KIND_CONFIDENCE:
            unsure += 1
            assert category is None
        else:
            sure += 1
            assert by_reply[REPLY_KIND.get(category, "general")] == max(by_reply.values())
    assert unsure and sure


def test_the_everyday_corpus_has_its_own_authors_with_near_misses():
    everyday = read_corpus(EVERYDAY_DIR)
    assert {m.author for m in everyday} >= {"I", "J"}
    assert not {m.author for m in everyday} & {m.author for m in read_corpus()}
    assert len([m for m in everyday if m.is_risk]) >= 200 and len([m for m in everyday if not m.is_risk]) >= 500


@pytest.mark.trains
def test_each_message_is_scored_by_the_model_for_its_length():
    model = LengthAwareRiskModel.fit(read_corpus()[::4], read_corpus(EVERYDAY_DIR)[::4], shortest=6, longest=40, kinds=False)
    texts = ["im not ok", "i keep wetting the bed and im 12 and scared", " ".join(["my mum keeps shouting at me"] * 8)]
    for text in texts:
        chosen = model.everyday if 6 <= len(text.split()) <= 40 else model.whole
        assert (model.score(text).probability, model.score(text).category) == (chosen.score(text).probability, chosen.score(text).category)
    assert model.everyday.score(texts[1]).probability != model.whole.score(texts[1]).probability


def test_the_short_corpus_has_its_own_authors_of_short_messages_with_near_misses():
    """Session 37: the other authors wrote almost no messages of five words or fewer."""
    short = read_corpus(SHORT_DIR)
    assert len({m.author for m in short}) >= 3
    assert not {m.author for m in short} & {m.author for m in read_corpus() + read_corpus(EVERYDAY_DIR)}
    assert len([m for m in short if m.is_risk]) >= 300 and len([m for m in short if not m.is_risk]) >= 300
    assert max(len(m.text.split()) for m in short) <= 8
    assert sum(len(m.text.split()) <= 5 for m in read_corpus()) < 0.02 * len(read_corpus())  # why it exists


@pytest.fixture(scope="module")
def with_short():
    """A three-model risk model on a quarter of the corpora, the whole model with kinds."""
    return LengthAwareRiskModel.fit(
        read_corpus()[::4], read_corpus(EVERYDAY_DIR)[::4], shortest=6, longest=40, kind_from=0.25,
        short_messages=read_corpus(SHORT_DIR)[::2],
    )


SHORT_TEXTS = ["bf chokes me", "voices say i must die", "cut myself last night", "i wanna die tbh", "mum of a 12yo",
               "14", "year 9 at st marys", "i wanna disappear forever"]


@pytest.mark.trains
def test_messages_under_the_everyday_lengths_are_scored_by_the_short_model(with_short):
    model = with_short
    assert model.short is not None and model.short is not model.whole and not model.short.has_kinds
    for text, chosen in [
        ("voices say i must die", model.short), ("i keep wetting the bed and im 12 and scared", model.everyday),
        (" ".join(["my mum keeps shouting at me"] * 8), model.whole), ("a b c d e", model.short), ("a b c d e f", model.everyday),
    ]:
        assert model.model_for(text) is chosen
    assert any(model.short.score(t).probability != model.whole.score(t).probability for t in SHORT_TEXTS)


@pytest.mark.trains
def test_a_short_message_gets_the_higher_score_and_the_whole_models_score_and_kind(with_short):
    """The short model only adds the check question; its own kinds gave "cut myself last night" the
    parent's own reply, and its score alone "send to my mums phone" the crisis reply (session 37)."""
    model = with_short
    for text in [*SHORT_TEXTS, "send to my mums phone"]:
        score, whole = model.score(text), model.whole.score(text)
        assert score.probability == max(model.short.score(text).probability, whole.probability)
        assert (score.whole_probability, score.category) == (whole.probability, whole.category)


def test_the_short_model_can_only_add_the_check_question():
    """As decided: a crisis from the models needs the whole model's crisis level (its score beside)."""
    thresholds = Thresholds(everyday_words=40)
    for short, whole in [(0.9, 0.1), (0.9, 0.3), (0.3, 0.1), (0.7, 0.7), (0.1, 0.1)]:
        signals = RiskSignals(model_probability=max(short, whole), whole_probability=whole, words=4)
        before = decide(RiskSignals(model_probability=whole, words=4), thresholds).level
        after = decide(signals, thresholds).level
        assert after == (CRISIS if whole >= 0.6 else CHECK if max(short, whole) >= 0.25 else NONE)
        assert [NONE, CHECK, CRISIS].index(after) >= [NONE, CHECK, CRISIS].index(before)


@pytest.mark.trains
def test_the_short_model_learns_the_teams_examples_at_full_weight(with_short):
    """"mum of a 12yo", "Foster mum": at 0.5, more check questions on answers to the questions."""
    at_full = RiskModel(16.0).fit(read_corpus()[::4] + read_corpus(SHORT_DIR)[::2], kinds=False, team_weight=SHORT_NLU_WEIGHT)
    at_half = RiskModel(16.0).fit(read_corpus()[::4] + read_corpus(SHORT_DIR)[::2], kinds=False, team_weight=NLU_WEIGHT)
    text = "mum of a 12yo"
    assert with_short.short.score(text).probability == pytest.approx(at_full.score(text).probability)
    assert at_full.score(text).probability != pytest.approx(at_half.score(text).probability)


@pytest.mark.trains
def test_a_model_pickled_without_a_short_model_scores_short_messages_with_the_whole_model(with_short):
    before = pickle.loads(pickle.dumps(with_short))
    del before.__dict__["short"]  # as pickled before session 37
    old = pickle.loads(pickle.dumps(before))
    assert old.short is None
    for text in SHORT_TEXTS:
        assert old.score(text) == with_short.whole.score(text)
    assert old.score("i keep wetting the bed and im 12") == with_short.score("i keep wetting the bed and im 12")


@pytest.mark.trains
def test_without_everyday_lengths_only_one_model_is_trained():
    model = LengthAwareRiskModel.fit(read_corpus()[::4], read_corpus(EVERYDAY_DIR)[::4], shortest=6, longest=0, kinds=False)
    assert model.everyday is model.whole
    assert model.score("i keep wetting the bed and im 12 and scared").whole_probability is None


def test_the_risk_model_does_not_learn_privacy_questions_as_safe():
    """Their words are a secret's ("will u tell my mum"): learnt as safe, they lowered held-out disclosures."""
    import yaml

    from bot.nlu.risk_model import NLU_DIR, NOT_FOR_THE_RISK_MODEL, read_nlu_examples

    learnt = {m.text for m in read_nlu_examples()}
    kept_out = set()
    for name in NOT_FOR_THE_RISK_MODEL:
        for item in yaml.safe_load((NLU_DIR / name).read_text(encoding="utf-8"))["nlu"]:
            kept_out.update(line.strip().removeprefix("- ").strip() for line in item["examples"].splitlines() if line.strip())
    assert len(kept_out) > 150
    assert not kept_out & learnt
