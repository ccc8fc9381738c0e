"""A trained guess at the worry a message tells, beside the keyword rules of `parse_concern`.

The rules know words ("bullied", "died", "adhd"); people often tell a worry without them
("she won't get out of the car at the school gate", "since grandad's gone"). Word (1–2) and
character (2–5) TF-IDF n-grams feed one logistic regression over the concern kinds of
`signposting.vocabulary` (without the crisis ones: the risk layer owns those).

Trained on the concern corpus (`bot/nlu/concern_corpus/*.jsonl`): everyday worries written
by training authors who never saw the evaluation sets. How its guess is combined with the
rules is `signposting.concern_reading`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.nlu.risk_model import read_nlu_examples
from bot.nlu.text_classifier import TextClassifier
from bot.nlu.trained_files import jsonl_fingerprint, read_authored_jsonl
from signposting.concern_reading import NOT_A_WORRY, ConcernGuess
from signposting.vocabulary import CONCERNS

CORPUS_DIR = Path(__file__).resolve().parent / "concern_corpus"
# The crisis concerns are the risk layer's; "other" is a kind the corpus teaches too.
LABELS = frozenset(CONCERNS) - {"self_harm", "suicidal_thoughts", "abuse"} | {"other"}
# The bot's NLU examples of messages that tell no worry ("14", "Leicester", "no", "is this
# private?") are the class NOT_A_WORRY: without it every short answer got some worry's name
# ("im 16" → gender and sexuality). Intents that can carry a worry are left out.
MAY_TELL_A_WORRY = frozenset({
    "describe_concern", "seek_help", "change_answer", "express_crisis", "ask_clinical_advice", "parent_own_help",
    "not_safe",
})
# Together the non-worries weigh as much as this many concern kinds' worth of examples.
NOT_A_WORRY_CLASSES = 3.0


@dataclass(frozen=True)
class ConcernExample:
    text: str
    concern: str
    author: str


def read_corpus_file(path: Path) -> list[ConcernExample]:
    """One author's JSONL file: a provenance line, then {"text", "concern"} a line."""
    author, rows = read_authored_jsonl(path)
    examples = []
    for number, row in enumerate(rows, 2):
        if row["concern"] not in LABELS:
            raise ValueError(f"{path}:{number}: unknown concern {row['concern']!r}")
        examples.append(ConcernExample(str(row["text"]), str(row["concern"]), author))
    return examples


def read_corpus(directory: Path = CORPUS_DIR) -> list[ConcernExample]:
    return [example for path in sorted(directory.glob("*.jsonl")) for example in read_corpus_file(path)]


def not_a_worry_examples() -> list[str]:
    return [m.text for m in read_nlu_examples() if m.category not in MAY_TELL_A_WORRY]


def corpus_fingerprint(directory: Path = CORPUS_DIR) -> str:
    return jsonl_fingerprint(directory)


class ConcernModel(TextClassifier):
    """Fit on corpus examples; guess the concern of any text. Pickled inside the Rasa model."""

    def __init__(self, regularisation: float = 16.0) -> None:
        super().__init__(regularisation)

    def fit(self, examples: list[ConcernExample], not_worries: list[str] | None = None) -> ConcernModel:
        """Learn the worries, and (default: the NLU examples) what is not a worry."""
        others = not_a_worry_examples() if not_worries is None else not_worries
        texts = [e.text for e in examples] + others
        labels = [e.concern for e in examples] + [NOT_A_WORRY] * len(others)
        per_class = len(examples) / max(1, len({e.concern for e in examples}))
        weight = NOT_A_WORRY_CLASSES * per_class / len(others) if others else 1.0
        self.fit_texts(texts, labels, [1.0] * len(examples) + [weight] * len(others))
        return self

    def guess_many(self, texts: list[str]) -> list[ConcernGuess]:
        return [ConcernGuess(label, confidence) for label, confidence in self.predict_many(texts)]

    def guess(self, text: str) -> ConcernGuess:
        return ConcernGuess(*self.predict(text))
