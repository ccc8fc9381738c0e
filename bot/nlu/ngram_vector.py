"""One message's TF-IDF vector worked out directly, without scikit-learn's per-call cost.

A logistic regression over TF-IDF features is a weighted sum of the message's n-grams; for
one message, counting its n-grams and weighting them is a fraction of a millisecond, where
`FeatureUnion.transform` and `predict_proba` cost milliseconds. Used by the risk model and
the concern model; their tests check the result equals scikit-learn's.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion


def ngram_features() -> FeatureUnion:
    """Word 1–2-grams and character 2–5-grams (within words) of an already normalised text."""
    return FeatureUnion([
        ("words", TfidfVectorizer(lowercase=False, ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
        ("chars", TfidfVectorizer(lowercase=False, analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])


def build_analyzers(features: FeatureUnion) -> list[tuple[Any, np.ndarray]]:
    """Each vectorizer's n-gram function and IDF weights (sklearn 1.1 recomputes `idf_` from
    a sparse matrix on every access: build once, and keep out of the pickle)."""
    return [(vectorizer.build_analyzer(), np.asarray(vectorizer.idf_)) for _, vectorizer in features.transformer_list]


def sparse_vector(features: FeatureUnion, analyzers: list[tuple[Any, np.ndarray]], normalised: str) -> tuple[list[int], np.ndarray]:
    """Column indices and values of the text's vector (each block L2-normalised, sublinear tf)."""
    columns: list[int] = []
    values: list[float] = []
    offset = 0
    for (_, vectorizer), (analyze, idf) in zip(features.transformer_list, analyzers, strict=True):
        vocabulary = vectorizer.vocabulary_
        counts = Counter(gram for gram in analyze(normalised) if gram in vocabulary)
        block = [(vocabulary[gram], (1.0 + math.log(n)) * idf[vocabulary[gram]]) for gram, n in counts.items()]
        norm = math.sqrt(sum(value * value for _, value in block)) or 1.0
        columns += [offset + column for column, _ in block]
        values += [value / norm for _, value in block]
        offset += len(vocabulary)
    return columns, np.array(values)
