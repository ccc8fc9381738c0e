"""Rasa NLU component: the deterministic risk detector beside the trained classifier.

It also marks messages where a parent talks about their child (entity `role_hint`), so
the crisis reply can be phrased for a parent even on the first message.

Placed last in the pipeline. When the detector fires, the turn's intent becomes
`express_crisis` (confidence 1.0) whatever the classifier said, and the matched
lexicon entries are stored on the message as `risk` (kept in the tracker's parse data,
so staff can see why). When only the classifier says `express_crisis`, that stands too:
either one firing is enough.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.risk import RiskResult, get_detector
from bot.parsing import parent_speaking

CRISIS_INTENT = "express_crisis"
RISK_KEY = "risk"
ROLE_HINT = "role_hint"


def add_parent_hint(message: Message, text: str) -> None:
    """'my daughter is self harming': the speaker is a parent, so replies are phrased for one."""
    entity = {
        ENTITY_ATTRIBUTE_TYPE: ROLE_HINT,
        ENTITY_ATTRIBUTE_VALUE: "parent_carer",
        ENTITY_ATTRIBUTE_START: 0,
        ENTITY_ATTRIBUTE_END: len(text),
        EXTRACTOR: "RiskDetectorComponent",
    }
    message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)


def apply_risk(message: Message, result: RiskResult) -> None:
    """Make the message's intent `express_crisis` and record why."""
    crisis = {"name": CRISIS_INTENT, "confidence": 1.0}
    ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item.get("name") != CRISIS_INTENT]
    message.set(INTENT, crisis, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)
    message.set(
        RISK_KEY,
        {
            "source": "risk_detector",
            "categories": list(result.categories),
            "matches": [
                {"category": match.category, "pattern": match.pattern, "text": match.text}
                for match in result.matches
            ],
        },
        add_to_output=True,
    )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RiskDetectorComponent(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskDetectorComponent:
        get_detector()  # build the matcher at load time, not on the first message
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        detector = get_detector()
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            if parent_speaking(text):
                add_parent_hint(message, text)
            result = detector.detect(text)
            if result.is_risk:
                apply_risk(message, result)
            elif (message.get(INTENT) or {}).get("name") == CRISIS_INTENT:
                message.set(RISK_KEY, {"source": "classifier", "categories": [], "matches": []}, add_to_output=True)
        return messages

    def process_training_data(self, training_data):  # type: ignore[no-untyped-def]
        return training_data
