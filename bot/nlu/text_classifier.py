"""One logistic regression over a message's word and character n-grams, with a fast guess.

What the concern model and the next-step model share: fit on labelled texts (weighted), guess a
label and its probability for one message in a fraction of a millisecond (`ngram_vector`), and
pickle inside the Rasa model without the built analyzers. Texts are normalised first
(`signposting.text.normalise`).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.nlu.ngram_vector import build_analyzers, ngram_features, sparse_vector
from signposting.text import normalise


class TextClassifier:
    def __init__(self, regularisation: float) -> None:
        self.regularisation = regularisation
        self.features = ngram_features()
        self.classifier = LogisticRegression(C=regularisation, max_iter=3000)

    def fit_texts(self, texts: Sequence[str], labels: Sequence[str], weights: Sequence[float]) -> None:
        matrix = self.features.fit_transform([normalise(text) for text in texts])
        self.classifier.fit(matrix, list(labels), sample_weight=list(weights))

    def predict_many(self, texts: list[str]) -> list[tuple[str, float]]:
        """scikit-learn's own answer (the evaluations, and the check of `predict`)."""
        probabilities = self.classifier.predict_proba(self.features.transform([normalise(t) for t in texts]))
        labels = [str(label) for label in self.classifier.classes_]
        return [(labels[int(row.argmax())], round(float(row.max()), 4)) for row in probabilities]

    def predict(self, text: str) -> tuple[str, float]:
        """One message, fast: the multinomial regression's softmax over the message's n-grams."""
        if getattr(self, "_built_analyzers", None) is None:
            self._built_analyzers = build_analyzers(self.features)
        columns, values = sparse_vector(self.features, self._built_analyzers, normalise(text))
        logits = self.classifier.intercept_ + (self.classifier.coef_[:, columns] @ values if columns else 0.0)
        exp = np.exp(logits - logits.max())
        best = int(exp.argmax())
        return str(self.classifier.classes_[best]), round(float(exp[best] / exp.sum()), 4)

    def __getstate__(self) -> dict:  # type: ignore[type-arg]
        state = dict(self.__dict__)
        state.pop("_built_analyzers", None)
        return state
