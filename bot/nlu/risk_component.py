"""Rasa NLU component: the risk layer beside the trained intent classifier.

Three signals, combined by `signposting.risk_decision.decide` (pure, shared with
`make safety-eval`):
- the deterministic lexicon (`risk.py`, spaCy Matcher): explainable, always escalates;
- crisis words in other languages (`languages.py`);
- a trained risk model (`risk_model.py`, scikit-learn), trained with the Rasa model from
  the risk corpus (`bot/nlu/risk_corpus/`), thresholds in config.yml.

It also marks messages where a parent talks about their child (entity `role_hint`), so
the crisis reply can be phrased for a parent even on the first message, and names the
message's language when it is confidently not English.

Placed last in the pipeline. On a crisis or check decision the turn's intent becomes
`express_crisis` and the decision is stored on the message as `risk` (kept in the
tracker's parse data, so staff can see why and the crisis policy can read it). Every
message gets `risk` with its model score, so a later goodbye can be judged in context.
"""
from __future__ import annotations

import logging
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
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import ngram_vector, risk_model
from bot.nlu.risk_model import (
    CORPUS_DIR,
    EVERYDAY_DIR,
    SHORT_DIR,
    LengthAwareRiskModel,
    corpus_fingerprint,
    normalisation_fingerprint,
    read_corpus,
)
from bot.nlu.trained_files import load_pickle, save_pickle, source_fingerprint
from signposting.intent_evidence import FALLBACK_INTENT, INTENT_IF_NOT_CRISIS_KEY, SET_ASIDE_KEY
from signposting.intents import CRISIS_INTENT
from signposting.languages import crisis_language, detect_language
from signposting.parsing import parent_speaking
from signposting.risk import get_detector, without_pronoun_sets
from signposting.risk_decision import CHECK, CRISIS, Decision, RiskSignals, Thresholds, decide, is_distress
from signposting.typed_text import is_button_payload

logger = logging.getLogger(__name__)

RISK_KEY = "risk"
ROLE_HINT = "role_hint"
MODEL_FILE = "risk_model.pkl"


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


def thresholds_from(config: dict[str, Any]) -> Thresholds:
    return Thresholds(
        crisis=float(config["crisis_threshold"]),
        check=float(config["check_threshold"]),
        lexicon_veto=float(config["lexicon_veto_threshold"]),
        distress=float(config["distress_threshold"]),
        everyday_min_words=int(config["everyday_min_words"]),
        everyday_words=int(config["everyday_words"]),
        everyday_crisis=float(config["everyday_crisis_threshold"]),
        everyday_check=float(config["everyday_check_threshold"]),
    )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class RiskDetectorComponent(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        # Placed after the intent classifier in config.yml; not declared here, because Rasa
        # would then also demand it before this component's own training step.
        return []

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        defaults = Thresholds()
        return {
            "crisis_threshold": defaults.crisis,
            "check_threshold": defaults.check,
            "lexicon_veto_threshold": defaults.lexicon_veto,
            "distress_threshold": defaults.distress,
            "everyday_min_words": defaults.everyday_min_words,
            "everyday_words": defaults.everyday_words,
            "everyday_crisis_threshold": defaults.everyday_crisis,
            "everyday_check_threshold": defaults.everyday_check,
            # The intent classifier alone choosing express_crisis asks the check question.
            "classifier_check": True,
            "regularisation": 16.0,
        }

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the corpus, the model's code or its text normalisation changes: Rasa's
        cache only sees config and NLU data, and would otherwise load a pickle the current code
        cannot read, or one fitted on text normalised another way."""
        return corpus_fingerprint() + source_fingerprint(risk_model, ngram_vector) + normalisation_fingerprint()

    def __init__(
        self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, model: LengthAwareRiskModel | None = None,
    ) -> None:
        self.config = config
        self.thresholds = thresholds_from(config)
        self.model = model
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext,
    ) -> RiskDetectorComponent:
        get_detector()  # build the matcher at load time, not on the first message
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """The risk models learn from the risk corpora and from the NLU examples (express_crisis as
        risk, the rest as safe; risk_model.read_nlu_examples), weighted below the corpora but in the
        short-message model: a new NLU example can move risk scores, so `make safety-eval` follows any
        change to data/nlu."""
        corpus, everyday, short = read_corpus(CORPUS_DIR), read_corpus(EVERYDAY_DIR), read_corpus(SHORT_DIR)
        self.model = LengthAwareRiskModel.fit(
            corpus, everyday, shortest=self.thresholds.everyday_min_words, longest=self.thresholds.everyday_words,
            regularisation=float(self.config["regularisation"]),
            kind_from=self.thresholds.check, everyday_kind_from=self.thresholds.everyday_check, short_messages=short,
        )
        if not short:
            logger.warning("No short-message risk corpus in %s: short messages are scored by the whole model", SHORT_DIR)
        save_pickle(self._model_storage, self._resource, MODEL_FILE, self.model)
        logger.info(
            "Risk models trained on %d corpus, %d everyday and %d short messages", len(corpus), len(everyday), len(short),
        )
        return self._resource

    @classmethod
    def load(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext, **kwargs: Any,
    ) -> RiskDetectorComponent:
        get_detector()
        return cls(config, model_storage, resource, load_pickle(model_storage, resource, MODEL_FILE))

    def signals(self, text: str, intent_name: str | None) -> RiskSignals:
        text = without_pronoun_sets(text)  # "17, they/them, Leicester" (signposting/risk.py)
        result = get_detector().detect(text)
        score = self.model.score(text) if self.model else None
        return RiskSignals(
            lexicon_categories=result.categories,
            finality=result.finality,
            model_probability=score.probability if score else 0.0,
            model_category=score.category if score else None,
            classifier_crisis=bool(self.config["classifier_check"]) and intent_name == CRISIS_INTENT,
            crisis_language=crisis_language(text),
            lexicon_matches=tuple((m.category, m.pattern, m.text) for m in result.risk_matches),
            words=len(text.split()),
            whole_probability=score.whole_probability if score else None,
        )

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or is_button_payload(text):  # any other "/" message is read as words
                continue
            if parent_speaking(text):
                add_parent_hint(message, text)
            intent = (message.get(INTENT) or {}).get("name")
            signals = self.signals(text, intent)
            decision = decide(signals, self.thresholds)
            language = detect_language(text)
            if decision.level in (CRISIS, CHECK):
                self._set_crisis_intent(message)
            elif intent == CRISIS_INTENT:
                self._drop_crisis_intent(message)  # classifier_check is off: the next intent stands
            record = risk_record(signals, decision, language.code if language else None, is_distress(signals, self.thresholds))
            message.set(RISK_KEY, record, add_to_output=True)
        return messages

    @staticmethod
    def _set_crisis_intent(message: Message) -> None:
        crisis = {"name": CRISIS_INTENT, "confidence": 1.0}
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item.get("name") != CRISIS_INTENT]
        message.set(INTENT, crisis, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)

    @staticmethod
    def _drop_crisis_intent(message: Message) -> None:
        """DIET read a crisis the risk layer does not see: the intent the evidence check prepared
        (the next one if sure enough and with its words, else not understood)."""
        ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item.get("name") != CRISIS_INTENT]
        after = message.get(INTENT_IF_NOT_CRISIS_KEY)
        if after and after.get("name") == FALLBACK_INTENT:
            if ranking:
                message.set(SET_ASIDE_KEY, dict(ranking[0]), add_to_output=True)
            ranking = [dict(after), *ranking]
        elif after:
            ranking = [dict(after), *(item for item in ranking if item.get("name") != after.get("name"))]
        if ranking:
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def risk_record(signals: RiskSignals, decision: Decision, language: str | None, distress: bool) -> dict[str, Any]:
    """What is kept in the parse data: the decision and why (for the policy and staff review)."""
    return {
        "level": decision.level,
        "source": decision.source,
        "lowered_from_crisis": decision.lowered_from_crisis,
        "categories": list(decision.categories),
        "score": round(signals.model_probability, 4),
        # the long-message model's score, when the everyday model gave "score" (6 to 40 words)
        "whole_score": None if signals.whole_probability is None else round(signals.whole_probability, 4),
        "model_category": signals.model_category,
        "finality": signals.finality,
        "distress": distress,
        "language": language or signals.crisis_language,
        "matches": [{"category": c, "pattern": p, "text": t} for c, p, t in signals.lexicon_matches],
        # The raw signals, so `make safety-eval` can re-decide with a held-out risk model.
        "lexicon_categories": list(signals.lexicon_categories),
        "classifier_crisis": signals.classifier_crisis,
        "crisis_language": signals.crisis_language,
        "words": signals.words,
    }
