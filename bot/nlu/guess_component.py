"""Base of the NLU components that keep a trained model's guess in each typed message's parse data.

The concern model and the next-step model: trained with the Rasa model from their own corpus,
they only add their guess (`PARSE_KEY`) to the message; they never change the intent, and the
risk layer after them sees the message unchanged. Without its model (a missing or unreadable
file, a model that fails on a message) a component adds nothing: it must never stop the Rasa
model loading or the parse, because the risk layer runs after it.
"""
from __future__ import annotations

import logging
from typing import Any, Protocol

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.trained_files import load_pickle, save_pickle
from signposting.typed_text import is_button_payload

logger = logging.getLogger(__name__)


class Guess(Protocol):
    def as_dict(self) -> dict[str, Any]: ...


class GuessingModel(Protocol):
    def guess(self, text: str) -> Guess: ...


class GuessComponent(GraphComponent):
    MODEL_FILE = ""  # the pickle's name inside the Rasa model
    PARSE_KEY = ""  # where the guess is kept in the parse data
    WHAT = ""  # the model's name in the logs

    @classmethod
    def required_components(cls) -> list[type]:
        return []

    def __init__(
        self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, model: GuessingModel | None = None,
    ) -> None:
        self.config = config
        self.model = model
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext,
    ) -> GuessComponent:
        return cls(config, model_storage, resource)

    def trained_model(self) -> GuessingModel:
        """The model, fit on its own corpus (not on the NLU training data Rasa passes)."""
        raise NotImplementedError

    def train(self, training_data: TrainingData) -> Resource:
        self.model = self.trained_model()
        save_pickle(self._model_storage, self._resource, self.MODEL_FILE, self.model)
        return self._resource

    @classmethod
    def load(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext, **kwargs: Any,
    ) -> GuessComponent:
        try:
            model = load_pickle(model_storage, resource, cls.MODEL_FILE)
        except Exception:  # noqa: BLE001 (any failure: a missing resource, an sklearn that cannot unpickle)
            logger.exception("The %s could not be loaded: the message is read without it", cls.WHAT)
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
                logger.exception("The %s failed on a message: it is read without it", self.WHAT)
                continue
            message.set(self.PARSE_KEY, guess.as_dict(), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
