"""The next-step model: its corpus, its fast guess (equal to scikit-learn's), and the Rasa component."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.next_step_component import NextStepGuessComponent
from bot.nlu.next_step_model import LABELS, NextStepModel, nlu_examples, read_corpus, read_corpus_file
from signposting.next_step_reading import PARSE_KEY

ROOT = Path(__file__).resolve().parents[1]


def test_the_corpus_covers_every_label_from_three_authors() -> None:
    examples = read_corpus()
    assert {e.author for e in examples} == {"N1", "N2", "N3"}
    for author in ("N1", "N2", "N3"):
        assert {e.label for e in examples if e.author == author} == LABELS, author


def test_no_evaluation_answer_is_in_the_corpus() -> None:
    """The typed-answer sets (T7, T8 held out; D5 development) measure the model: none of their
    texts may be learnt from."""
    def key(text: str) -> str:  # not `normalise`, which keeps no letter of other scripts
        return " ".join(text.casefold().split())

    corpus = {key(e.text) for e in read_corpus()}
    evaluation = list((ROOT / "tests" / "typed_answers").rglob("*.jsonl"))
    assert any(path.name == "typed_T8.jsonl" for path in evaluation)
    texts = [json.loads(line).get("text") for path in evaluation for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert not [text for text in texts if text and key(text) in corpus]


def test_the_nlu_examples_teach_every_label_and_the_questions_about_the_services_are_other() -> None:
    examples = nlu_examples()
    assert {e.label for e in examples} == LABELS
    # The privacy and service questions the risk model leaves out are learnt here, as "other".
    assert ("is it secret", "other") in {(e.text, e.label) for e in examples}


def test_a_corpus_file_without_provenance_or_with_an_unknown_label_is_refused(tmp_path: Path) -> None:
    bare = tmp_path / "bare.jsonl"
    bare.write_text(json.dumps({"text": "more pls", "label": "more_options"}) + "\n")
    with pytest.raises(ValueError, match="provenance"):
        read_corpus_file(bare)
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(json.dumps({"provenance": "Z"}) + "\n" + json.dumps({"text": "x", "label": "express_crisis"}) + "\n")
    with pytest.raises(ValueError, match="unknown label"):
        read_corpus_file(wrong)


@pytest.fixture(scope="module")
def model() -> NextStepModel:
    return NextStepModel().fit(read_corpus())


@pytest.mark.trains
def test_the_fast_guess_equals_scikit_learns(model: NextStepModel) -> None:
    texts = [e.text for e in read_corpus()[::7]] + ["", "zzzzqqq", "😢😢", "ok", "po polsku"]
    for text, reference in zip(texts, model.guess_many(texts), strict=True):
        fast = model.guess(text)
        assert fast.label == reference.label, text
        assert fast.confidence == pytest.approx(reference.confidence, abs=2e-4)


@pytest.mark.trains
def test_the_model_survives_pickling_and_guesses_the_same(model: NextStepModel) -> None:
    text = "can u send this to my mum"
    model.guess(text)  # builds the analyzers, which are left out of the pickle
    again = pickle.loads(pickle.dumps(model))
    assert again.guess(text) == model.guess(text)


@pytest.mark.trains
def test_the_component_keeps_a_guess_for_typed_text_only(model: NextStepModel) -> None:
    component = NextStepGuessComponent({"regularisation": 8.0}, None, None, model)  # type: ignore[arg-type]
    typed, button, empty = Message({TEXT: "any others"}), Message({TEXT: "/affirm"}), Message({TEXT: "  "})
    component.process([typed, button, empty])
    guess = typed.get(PARSE_KEY)
    assert set(guess) == {"label", "confidence"} and guess["label"] in LABELS and 0 < guess["confidence"] <= 1
    assert PARSE_KEY in typed.as_dict(only_output_properties=True)  # reaches the tracker's parse data
    assert button.get(PARSE_KEY) is None and empty.get(PARSE_KEY) is None


def test_a_missing_model_loads_as_no_model_and_never_stops_the_parse(tmp_path: Path) -> None:
    """The risk layer runs after this component: neither a missing model file nor a model that
    fails on a message may take it down."""
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    component = NextStepGuessComponent.load({"regularisation": 8.0}, LocalModelStorage(tmp_path), Resource("none"), None)  # type: ignore[arg-type]
    assert component.model is None
    message = Message({TEXT: "any others"})
    component.process([message])
    assert message.get(PARSE_KEY) is None

    class Broken:
        def guess(self, text: str) -> None:
            raise RuntimeError("boom")

    broken = NextStepGuessComponent({"regularisation": 8.0}, None, None, Broken())  # type: ignore[arg-type]
    broken.process([message])
    assert message.get(PARSE_KEY) is None
