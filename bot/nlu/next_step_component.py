"""Rasa NLU component: the next-step model's guess, kept in each message's parse data.

Trained with the Rasa model from the next-step corpus (`bot/nlu/next_step_corpus/`) and the NLU
examples of the same requests. It only adds `next_step_model` ({"label", "confidence"}) to the
message; whether it counts is decided after the list by `bot/nlu/new_worry_policy.py`. It never
changes the intent, and the risk layer after it sees the message unchanged
(`bot.nlu.guess_component`).
"""
from __future__ import annotations

import logging
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu import guess_component, next_step_model, ngram_vector, risk_model, text_classifier, trained_files
from bot.nlu.guess_component import GuessComponent
from bot.nlu.next_step_model import CORPUS_DIR, NextStepModel, corpus_fingerprint, read_corpus
from bot.nlu.trained_files import source_fingerprint
from signposting import text
from signposting.next_step_reading import PARSE_KEY

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NextStepGuessComponent(GuessComponent):
    MODEL_FILE = "next_step_model.pkl"
    PARSE_KEY = PARSE_KEY
    WHAT = "next-step model"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"regularisation": 8.0}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the corpus, the model's code or its text normalisation changes (Rasa's
        cache sees none of them; it does see the NLU examples)."""
        return corpus_fingerprint() + source_fingerprint(
            next_step_model, text_classifier, ngram_vector, guess_component, risk_model, trained_files, text,
        )

    def trained_model(self) -> NextStepModel:
        corpus = read_corpus(CORPUS_DIR)
        logger.info("Next-step model trained on %d corpus examples", len(corpus))
        return NextStepModel(float(self.config["regularisation"])).fit(corpus)
