"""Rasa NLU component: the concern model's guess, kept in each message's parse data.

Trained with the Rasa model from the concern corpus (`bot/nlu/concern_corpus/`). It only
adds `concern_model` ({"concern", "confidence"}) to the message; the action server decides
with the keyword rules what to make of it (`signposting.concern_reading`). It never changes
the intent, and the risk layer after it sees the message unchanged.
"""
from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import concern_model, ngram_vector
from bot.nlu.concern_model import CORPUS_DIR, ConcernModel, corpus_fingerprint, read_corpus
from bot.nlu.trained_files import load_pickle, save_pickle, source_fingerprint
from signposting import concern_reading, text
from signposting.concern_reading import PARSE_KEY
from signposting.typed_text import is_button_payload

logger = logging.getLogger(__name__)

MODEL_FILE = "concern_model.pkl"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class ConcernGuessComponent(GraphComponent):
    @classmethod
    def required_components(cls) -> list[type]:
        return []

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"regularisation": 16.0}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the corpus, the model's code or its text normalisation changes (Rasa's
        cache sees none of them; it does see the NLU examples, the not-a-worry class)."""
        return corpus_fingerprint() + source_fingerprint(concern_model, ngram_vector, text, concern_reading)

    def __init__(
        self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, model: ConcernModel | None = None,
    ) -> None:
        self.config = config
        self.model = model
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext,
    ) -> ConcernGuessComponent:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Learns from the concern corpus, not from the NLU examples."""
        corpus = read_corpus(CORPUS_DIR)
        self.model = ConcernModel(float(self.config["regularisation"])).fit(corpus)
        save_pickle(self._model_storage, self._resource, MODEL_FILE, self.model)
        logger.info("Concern model trained on %d corpus examples", len(corpus))
        return self._resource

    @classmethod
    def load(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext, **kwargs: Any,
    ) -> ConcernGuessComponent:
        """Without its model the component adds nothing, and the rules read the worry alone: a
        missing or unreadable model must never stop the Rasa model loading (the risk layer)."""
        try:
            model = load_pickle(model_storage, resource, MODEL_FILE)
        except Exception:  # noqa: BLE001 (any failure: a missing resource, an sklearn that cannot unpickle)
            logger.exception("The concern model could not be loaded: worries are read by the rules alone")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.model is None:
            return messages
        for message in messages:
            said = message.get(TEXT) or ""
            if not said.strip() or is_button_payload(said):
                continue
            try:
                guess = self.model.guess(said)
            except Exception:  # noqa: BLE001 (the risk layer after this component must still run)
                logger.exception("The concern model failed on a message: the rules read it alone")
                continue
            message.set(PARSE_KEY, guess.as_dict(), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
