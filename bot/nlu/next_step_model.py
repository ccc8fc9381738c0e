"""A trained guess at what a message typed after the list asks for, read only there.

DIET reads every message without knowing where in the conversation it came: after the list,
"can u do this for my brother" (start again), "none of these are any good" (more options) or
"my nan only reads urdu" (another language) were a worry, a "no" or a question about privacy.
The rules of `signposting/next_step_request.py` were written from the development authors' words
and did not reach how the next author typed (held-out T7: 71 %, docs/typed_answers.md).

This model is asked one question, in one place: what would someone who has just seen the list
want next? Word (1–2) and character (2–5) TF-IDF n-grams feed one logistic regression over the
labels below, learnt from training authors who wrote replies to "What would you like to do
next?" (`bot/nlu/next_step_corpus/*.jsonl`) and from the bot's own NLU examples of those
requests (weighted lower: they were written without the list in mind). Its guess is kept in the
parse data; `bot/nlu/new_worry_policy.py` acts on it only after the list, only when no crisis
step is due and the risk layer saw nothing. It never feeds DIET or the risk model.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.nlu.risk_model import read_nlu_examples
from bot.nlu.text_classifier import TextClassifier
from bot.nlu.trained_files import jsonl_fingerprint, read_authored_jsonl
from signposting.next_step_reading import OTHER

CORPUS_DIR = Path(__file__).resolve().parent / "next_step_corpus"
LABELS = frozenset({
    "more_options", "start_again", "talk_to_a_person", "email", "print", "other_language", "closing", OTHER,
})
# The bot's NLU examples as next-step examples: each intent's label here.
NLU_LABELS = {
    "more_options": "more_options", "start_again": "start_again", "talk_to_a_person": "talk_to_a_person",
    "request_email": "email", "request_print": "print", "request_other_language": "other_language",
    "goodbye": "closing", "thanks": "closing",
    "ask_service_info": OTHER, "describe_concern": OTHER, "inform": OTHER, "change_answer": OTHER,
    "ask_privacy": OTHER, "ask_bot_identity": OTHER, "parent_own_help": OTHER, "back_to_child_help": OTHER,
    "ask_clinical_advice": OTHER, "affirm": OTHER, "deny": OTHER, "dont_know": OTHER, "greet": OTHER,
    "out_of_scope": OTHER,
}
# Written without the list in mind ("need someone to talk to" is a first message asking for help
# as often as a request for a person): they count for this much of an authored example.
NLU_WEIGHT = 0.5


@dataclass(frozen=True)
class NextStepExample:
    text: str
    label: str
    author: str


@dataclass(frozen=True)
class NextStepGuess:
    label: str
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "confidence": self.confidence}


def read_corpus_file(path: Path) -> list[NextStepExample]:
    """One author's JSONL file: a provenance line, then {"text", "label"} a line."""
    author, rows = read_authored_jsonl(path)
    examples = []
    for number, row in enumerate(rows, 2):
        if row["label"] not in LABELS:
            raise ValueError(f"{path}:{number}: unknown label {row['label']!r}")
        examples.append(NextStepExample(str(row["text"]), str(row["label"]), author))
    return examples


def read_corpus(directory: Path = CORPUS_DIR) -> list[NextStepExample]:
    return [example for path in sorted(directory.glob("*.jsonl")) for example in read_corpus_file(path)]


def nlu_examples() -> list[NextStepExample]:
    """Every NLU file's examples of the intents of NLU_LABELS (the privacy and service questions
    the risk model leaves out are "other" here)."""
    examples = read_nlu_examples(leave_out=frozenset())
    return [NextStepExample(m.text, NLU_LABELS[m.category], m.author) for m in examples if m.category in NLU_LABELS]


def corpus_fingerprint(directory: Path = CORPUS_DIR) -> str:
    return jsonl_fingerprint(directory)


class NextStepModel(TextClassifier):
    """Fit on corpus examples; guess the next step any text asks for. Pickled inside the Rasa model."""

    def __init__(self, regularisation: float = 8.0) -> None:
        super().__init__(regularisation)

    def fit(self, examples: list[NextStepExample], from_nlu: list[NextStepExample] | None = None) -> NextStepModel:
        """Learn the authored examples, and (default: the bot's NLU examples) the weaker ones."""
        weaker = nlu_examples() if from_nlu is None else from_nlu
        self.fit_texts(
            [e.text for e in examples] + [e.text for e in weaker], [e.label for e in examples] + [e.label for e in weaker],
            [1.0] * len(examples) + [NLU_WEIGHT] * len(weaker),
        )
        return self

    def guess_many(self, texts: list[str]) -> list[NextStepGuess]:
        return [NextStepGuess(label, confidence) for label, confidence in self.predict_many(texts)]

    def guess(self, text: str) -> NextStepGuess:
        return NextStepGuess(*self.predict(text))
