"""The concern model: its corpus, its fast guess (equal to scikit-learn's), and the Rasa component."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.concern_component import ConcernGuessComponent
from bot.nlu.concern_model import LABELS, ConcernModel, read_corpus, read_corpus_file
from signposting.concern_reading import PARSE_KEY
from signposting.text import normalise

ROOT = Path(__file__).resolve().parents[1]


def test_the_corpus_covers_every_label_from_two_authors_and_no_crisis_kind() -> None:
    examples = read_corpus()
    by_label = {label: [e for e in examples if e.concern == label] for label in LABELS}
    assert min(len(rows) for rows in by_label.values()) >= 40, {k: len(v) for k, v in by_label.items()}
    assert {e.author for e in examples} >= {"TA", "TB", "TC", "TD"}
    assert not {"self_harm", "suicidal_thoughts", "abuse"} & {e.concern for e in examples}


def test_no_held_out_or_development_answer_is_in_the_corpus() -> None:
    """The evaluation sets measure the model: none of their texts may be learnt from."""
    corpus = {normalise(e.text) for e in read_corpus()}
    evaluation = [*(ROOT / "tests" / "concern_answers").glob("*.jsonl"), *(ROOT / "tests" / "typed_answers").rglob("*.jsonl")]
    assert evaluation
    texts = [(path.name, json.loads(line).get("text")) for path in evaluation
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [("dev.tsv", line.split("\t")[0]) for line in (ROOT / "tests" / "concerns" / "dev.tsv").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    leaked = [(name, text) for name, text in texts if text and normalise(text) in corpus]
    assert not leaked


def test_a_corpus_file_without_provenance_or_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    bare = tmp_path / "bare.jsonl"
    bare.write_text(json.dumps({"text": "sad", "concern": "low_mood"}) + "\n")
    with pytest.raises(ValueError, match="provenance"):
        read_corpus_file(bare)
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(json.dumps({"provenance": "Z"}) + "\n" + json.dumps({"text": "x", "concern": "suicidal_thoughts"}) + "\n")
    with pytest.raises(ValueError, match="unknown concern"):
        read_corpus_file(wrong)


@pytest.fixture(scope="module")
def model() -> ConcernModel:
    return ConcernModel().fit(read_corpus())


@pytest.mark.trains
def test_the_fast_guess_equals_scikit_learns(model: ConcernModel) -> None:
    texts = [e.text for e in read_corpus()[::9]] + ["", "zzzzqqq", "😢😢", "ok", "Mój syn nie chodzi do szkoły"]
    for text, reference in zip(texts, model.guess_many(texts), strict=True):
        fast = model.guess(text)
        assert fast.concern == reference.concern, text
        assert fast.confidence == pytest.approx(reference.confidence, abs=2e-4)


@pytest.mark.trains
def test_the_model_survives_pickling_and_guesses_the_same(model: ConcernModel) -> None:
    text = "since my grandad went i just feel flat"
    model.guess(text)  # builds the analyzers, which are left out of the pickle
    again = pickle.loads(pickle.dumps(model))
    assert again.guess(text) == model.guess(text)


@pytest.mark.trains
def test_the_component_keeps_a_guess_for_typed_text_only(model: ConcernModel) -> None:
    component = ConcernGuessComponent({"regularisation": 16.0}, None, None, model)  # type: ignore[arg-type]
    typed, button, empty = Message({TEXT: "my mum and dad are splitting up"}), Message({TEXT: "/affirm"}), Message({TEXT: "  "})
    component.process([typed, button, empty])
    guess = typed.get(PARSE_KEY)
    assert set(guess) == {"concern", "confidence"} and guess["concern"] in LABELS | {"none"} and 0 < guess["confidence"] <= 1
    assert PARSE_KEY in typed.as_dict(only_output_properties=True)  # reaches the tracker's parse data
    assert button.get(PARSE_KEY) is None and empty.get(PARSE_KEY) is None


def test_a_missing_concern_model_loads_as_no_model_and_never_stops_the_parse(tmp_path: Path) -> None:
    """The risk layer runs after this component: neither a missing model file nor a model that
    fails on a message may take it down."""
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    component = ConcernGuessComponent.load({"regularisation": 16.0}, LocalModelStorage(tmp_path), Resource("none"), None)  # type: ignore[arg-type]
    assert component.model is None
    message = Message({TEXT: "my mum and dad are splitting up"})
    component.process([message])
    assert message.get(PARSE_KEY) is None

    class Broken:
        def guess(self, text: str) -> None:
            raise RuntimeError("boom")

    broken = ConcernGuessComponent({"regularisation": 16.0}, None, None, Broken())  # type: ignore[arg-type]
    broken.process([message])
    assert message.get(PARSE_KEY) is None


@pytest.mark.trains
@pytest.mark.parametrize("text", ["im 16", "she's 11", "no", "i'm her mum", "what?", "is this confidential", "me", "Watford"])
def test_answers_that_tell_no_worry_are_guessed_as_none_or_unsure(model: ConcernModel, text: str) -> None:
    from signposting.concern_reading import NOT_A_WORRY, choose_concern

    guess = model.guess(text)
    assert guess.concern == NOT_A_WORRY or choose_concern(None, guess) is None, guess
