"""Rasa NLU component: the concern model's guess, kept in each message's parse data.

Trained with the Rasa model from the concern corpus (`bot/nlu/concern_corpus/`). It only
adds `concern_model` ({"concern", "confidence"}) to the message; the action server decides
with the keyword rules what to make of it (`signposting.concern_reading`). It never changes
the intent, and the risk layer after it sees the message unchanged (`bot.nlu.guess_component`).
"""
from __future__ import annotations

import logging
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu import concern_model, guess_component, ngram_vector, risk_model, text_classifier, trained_files
from bot.nlu.concern_model import CORPUS_DIR, ConcernModel, corpus_fingerprint, read_corpus
from bot.nlu.guess_component import GuessComponent
from bot.nlu.trained_files import source_fingerprint
from signposting import concern_reading, text
from signposting.concern_reading import PARSE_KEY

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class ConcernGuessComponent(GuessComponent):
    MODEL_FILE = "concern_model.pkl"
    PARSE_KEY = PARSE_KEY
    WHAT = "concern model"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"regularisation": 16.0}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the corpus, the model's code or its text normalisation changes (Rasa's
        cache sees none of them; it does see the NLU examples, the not-a-worry class)."""
        return corpus_fingerprint() + source_fingerprint(
            concern_model, text_classifier, ngram_vector, guess_component, risk_model, trained_files, text, concern_reading,
        )

    def trained_model(self) -> ConcernModel:
        """Learns from the concern corpus, not from the NLU examples."""
        corpus = read_corpus(CORPUS_DIR)
        logger.info("Concern model trained on %d corpus examples", len(corpus))
        return ConcernModel(float(self.config["regularisation"])).fit(corpus)
