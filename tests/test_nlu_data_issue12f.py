"""The NLU training data does not contradict itself (issue #12): no example is labelled with two
intents once case and punctuation are ignored, as the tokenizer ignores them. And the messages
the fallback conversation tests type as nonsense are not in the training data, so those tests
measure what the model makes of words it has never seen."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

NLU_DIR = Path(__file__).resolve().parents[1] / "data" / "nlu"
# Typed by tests/test_conversations_fallback.py as messages the bot cannot understand.
NONSENSE_IN_TESTS = ("purple monkey dishwasher", "banana phone")


def normalised(text: str) -> str:
    """Lower case, punctuation and apostrophes dropped, spaces collapsed: "Thats wrong!" == "that's wrong"."""
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def labelled_examples(nlu_dir: Path = NLU_DIR) -> list[tuple[str, str, str]]:
    """(file name, intent, example text) for every intent example in the NLU data files."""
    examples = []
    for path in sorted(nlu_dir.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf8")).get("nlu", []):
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    examples.append((path.name, block["intent"], line.strip()[2:].strip()))
    return examples


def contradictions(examples: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    """Normalised text → the intents it is labelled with, where that is more than one."""
    intents_by_text: dict[str, set[str]] = defaultdict(set)
    for _, intent, text in examples:
        intents_by_text[normalised(text)].add(intent)
    return {text: intents for text, intents in intents_by_text.items() if len(intents) > 1}


def test_normalising_ignores_case_punctuation_and_apostrophes():
    assert normalised("Thats  WRONG!") == normalised("that's wrong") == "thats wrong"


def test_a_text_under_two_intents_is_found(tmp_path):
    (tmp_path / "a.yml").write_text('nlu:\n- intent: deny\n  examples: |\n    - Thats wrong\n')
    (tmp_path / "b.yml").write_text("nlu:\n- intent: change_answer\n  examples: |\n    - that's wrong!\n")
    assert contradictions(labelled_examples(tmp_path)) == {"thats wrong": {"deny", "change_answer"}}


def test_no_example_is_labelled_with_two_intents():
    examples = labelled_examples()
    assert len(examples) > 1000  # the real data was read
    assert contradictions(examples) == {}


def test_the_nonsense_the_fallback_tests_type_is_not_training_data():
    texts = {normalised(text) for _, _, text in labelled_examples()}
    for nonsense in NONSENSE_IN_TESTS:
        assert normalised(nonsense) not in texts
        assert not any(word in texts for word in nonsense.split()), nonsense
