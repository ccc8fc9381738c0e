"""Rasa NLU component: a request guessed without any of its words counts as not understood.

Trained with the model: it keeps the words of each request intent's NLU examples. After DIET
and the FallbackClassifier, when DIET's intent is a request or reply to the bot and the
message shares none of that intent's words (`signposting.intent_evidence`), the intent becomes
`nlu_fallback`, as the FallbackClassifier sets it, so the bot says it did not understand and
asks its question again; so does a message of punctuation and symbols only, whatever its intent. The replaced guess stays in the ranking and in
`intent_without_evidence`, for the staff's review and for the crisis steps, which read the
answers to their safety questions with DIET's guess (`intent_as_guessed`). The risk layer
after it is unaffected.
"""
from __future__ import annotations

import json
import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.trained_files import source_fingerprint
from signposting import intent_evidence, text
from signposting.intent_evidence import (
    INTENT_IF_NOT_CRISIS_KEY,
    REPLACED_BY_WORDS_KEY,
    SET_ASIDE_KEY,
    IntentWords,
    has_no_words,
    intent_if_not_crisis,
    lacks_evidence,
    learn_intent_words,
)
from signposting.intents import CRISIS_INTENT
from signposting.next_step_request import ASK_PRIVACY, request_in_so_many_words
from signposting.parsing import asks_if_anyone_is_there, asks_what_a_name_is, asks_what_we_mean, asks_why_we_ask
from signposting.typed_text import is_button_payload

logger = logging.getLogger(__name__)

WORDS_FILE = "intent_words.json"


GREET_INTENT = "greet"
# DIET's readings that a request said in so many words never replaces: a crisis guess (the risk
# layer decides), and the answers the crisis steps and the offer read ("bye", "im fine", "no").
# (They read DIET's guess in any case: `intent_as_guessed`. "i dont know who to talk to", read as
# "don't know", is asking for help.)
KEPT_FOR_THE_SAFETY_STEPS = frozenset({
    CRISIS_INTENT, "goodbye", "stop", "confirm_safe", "not_safe", "affirm", "deny",
})
# But starting again for another child, in so many words, is no "stop" ("could we go through the
# questions again for our youngest" got "OK, I'll stop here" from a retrained DIET, session 24).
START_AGAIN_INTENT = "start_again"
STOP_INTENT = "stop"
BOT_IDENTITY_INTENT = "ask_bot_identity"
SERVICE_INFO_INTENT = "ask_service_info"


def kept_for_the_safety_steps(name: str | None, said: str) -> bool:
    """Is DIET's reading one the words said must not replace?"""
    if name == STOP_INTENT:
        # (a question who can see the chat is no request to stop: "can my mum see this chat", session 45)
        return request_in_so_many_words(said) not in (START_AGAIN_INTENT, ASK_PRIVACY)
    return name in KEPT_FOR_THE_SAFETY_STEPS


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentEvidenceComponent(GraphComponent):
    @classmethod
    def required_components(cls) -> list[type]:
        return []

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Relearn when the word rules change (Rasa's cache sees the NLU examples, not our code)."""
        return source_fingerprint(intent_evidence, text)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # The FallbackClassifier's threshold (config.yml; tests/test_intent_evidence.py checks they agree).
        return {"fallback_threshold": 0.45}

    def __init__(
        self, model_storage: ModelStorage, resource: Resource, intent_words: IntentWords | None = None,
        fallback_threshold: float = 0.45,
    ) -> None:
        self.intent_words: IntentWords = intent_words or {}
        self.fallback_threshold = fallback_threshold
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext,
    ) -> IntentEvidenceComponent:
        return cls(model_storage, resource, fallback_threshold=float(config["fallback_threshold"]))

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(example.get(INTENT), example.get(TEXT) or "") for example in training_data.intent_examples]
        self.intent_words = learn_intent_words(examples)
        with self._model_storage.write_to(self._resource) as directory:
            words = {intent: sorted(found) for intent, found in self.intent_words.items()}
            (directory / WORDS_FILE).write_text(json.dumps(words, indent=0), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext, **kwargs: Any,
    ) -> IntentEvidenceComponent:
        """Without its words the component changes nothing: it must never stop the model loading."""
        try:
            with model_storage.read_from(resource) as directory:
                words = json.loads((directory / WORDS_FILE).read_text(encoding="utf-8"))
            intent_words = {intent: frozenset(found) for intent, found in words.items()}
        except Exception:  # noqa: BLE001 (a missing resource, a damaged file)
            logger.exception("The intent words could not be loaded: DIET's intents are kept as they are")
            intent_words = {}
        return cls(model_storage, resource, intent_words, float(config["fallback_threshold"]))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            said = message.get(TEXT) or ""
            name = intent.get(INTENT_NAME_KEY)
            if name != CRISIS_INTENT and not is_button_payload(said) and asks_if_anyone_is_there(said):
                # "is anyone there": a hello, whatever DIET made of it (the risk layer still reads it)
                greeting = {INTENT_NAME_KEY: GREET_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, greeting, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [dict(greeting), *(i for i in message.get(INTENT_RANKING_KEY) or [] if i.get(INTENT_NAME_KEY) != GREET_INTENT)], add_to_output=True)
                continue
            if not name or name == DEFAULT_NLU_FALLBACK_INTENT_NAME or is_button_payload(said):
                if not kept_for_the_safety_steps(name, said) and not is_button_payload(said):
                    self._said_in_so_many_words(message, said, intent)
                continue
            if name == CRISIS_INTENT:
                self._prepare_if_not_crisis(message, said)
                continue
            if name == BOT_IDENTITY_INTENT and asks_what_a_name_is(said):
                # "whats camhs": a question about a service by its name, not about the bot
                self._put_in_place(message, SERVICE_INFO_INTENT, intent)
                continue
            try:
                # "why do u need to know that" or "what do you mean?" asks about the question: the
                # form says why it asks or what it means (signposting.parsing), whatever request
                # DIET took it for.
                unsupported = (has_no_words(said) or asks_why_we_ask(said) or asks_what_we_mean(said)
                               or lacks_evidence(name, said, self.intent_words))
            except Exception:  # noqa: BLE001 (the risk layer after this component must still run)
                logger.exception("The intent evidence check failed on a message: the intent is kept")
                continue
            checked = intent
            if unsupported:
                checked = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 0.0)}
                message.set(SET_ASIDE_KEY, dict(intent), add_to_output=True)
            if not kept_for_the_safety_steps(name, said) and self._said_in_so_many_words(message, said, checked):
                continue
            if unsupported:
                message.set(INTENT, checked, add_to_output=True)
                message.data.setdefault(INTENT_RANKING_KEY, []).insert(0, dict(checked))
        return messages

    @staticmethod
    def _said_in_so_many_words(message: Message, said: str, checked: dict[str, Any]) -> bool:
        """"thx ill have a look", "can I do this again for my other son", "send to my mums phone":
        the request the whole message makes in so many words, whatever DIET read. The crisis steps
        still read DIET's reading, as the evidence check left it (`checked`, kept under
        `REPLACED_BY_WORDS_KEY`; `intent_as_guessed`)."""
        try:
            request = request_in_so_many_words(said)
        except Exception:  # noqa: BLE001 (the risk layer after this component must still run)
            logger.exception("The request words could not be read: the intent is kept")
            return False
        if request is None:
            return False
        intent = message.get(INTENT) or {}
        if request == intent.get(INTENT_NAME_KEY):
            message.data.pop(SET_ASIDE_KEY, None)
            return True  # "can i start agen": DIET read it, and the words are evidence enough
        IntentEvidenceComponent._put_in_place(message, request, checked)
        return True

    @staticmethod
    def _put_in_place(message: Message, said: str, replaced: dict[str, Any]) -> None:
        """The intent the words say in DIET's place, first in the ranking; DIET's reading (as the
        evidence check left it) kept under `REPLACED_BY_WORDS_KEY` for the crisis steps."""
        said_so = {INTENT_NAME_KEY: said, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, said_so, add_to_output=True)
        ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i.get(INTENT_NAME_KEY) not in (said, DEFAULT_NLU_FALLBACK_INTENT_NAME)]
        message.set(INTENT_RANKING_KEY, [dict(said_so), *ranking], add_to_output=True)
        if replaced.get(INTENT_NAME_KEY):
            message.set(REPLACED_BY_WORDS_KEY, dict(replaced), add_to_output=True)

    def _prepare_if_not_crisis(self, message: Message, said: str) -> None:
        """For the risk layer, should it find no risk: the intent checked as DIET's first guess is."""
        try:
            after = intent_if_not_crisis(
                message.get(INTENT_RANKING_KEY) or [], said, self.intent_words, self.fallback_threshold, CRISIS_INTENT,
            )
        except Exception:  # noqa: BLE001 (the risk layer after this component must still run)
            logger.exception("The intent after a dropped crisis guess could not be checked")
            return
        message.set(INTENT_IF_NOT_CRISIS_KEY, after)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
