"""Which worry a message told: the keyword rules, helped by the trained model's guess.

The rules (`parsing.parse_concern`) are exact about the words they know and say nothing
about the rest; the model (bot/nlu/concern_model.py, run in the Rasa server, its guess kept
in the message's parse data as `concern_model`) reads the whole message. Pure: the action
server and the evaluation use the same decision.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from signposting.intents import FALLBACK_INTENT
from signposting.parsing import parent_speaking, parse_concern, parse_role_typed
from signposting.text import normalise
from signposting.vocabulary import OTHER_CONCERN as OTHER

PARSE_KEY = "concern_model"  # where the guess is kept in a message's parse data
# The model's class for messages that tell no worry (ages, places, "no", "is this private?"),
# learnt from the bot's other NLU examples: never a concern.
NOT_A_WORRY = "none"
# Worries the rules route to specific help on purpose: a guess never replaces them.
KEPT_FROM_RULES = frozenset({"self_harm", "online_safety"})
CRISIS = "crisis"
GENDER_SEXUALITY = "gender_sexuality"
# Words that name a gender identity or sexuality and nothing else: the rules' reading stands over
# the model's guess (the rules' other words for it, like "came out" or "questioning", may not).
IDENTITY_WORDS = re.compile(
    r"\b(?:gay|lesbian|bisexual|bi|pansexual|trans|transgender|non ?binary|enby|queer|lgbt\w*|sexuality|"
    r"sexual orientation|gender identity|dysphoria|my pronouns)\b"
)


@dataclass(frozen=True)
class ConcernGuess:
    concern: str
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return {"concern": self.concern, "confidence": self.confidence}


@dataclass(frozen=True)
class GuessThresholds:
    # The model's guess is taken over the rules' at this confidence or more...
    trust: float = 0.5
    # ...and, when the rules found nothing, at this or more.
    alone: float = 0.35


DEFAULT_THRESHOLDS = GuessThresholds()


def guess_from(parse_data: Mapping[str, Any] | None) -> ConcernGuess | None:
    """The model's guess kept in a message's parse data, if any (and well formed)."""
    raw = (parse_data or {}).get(PARSE_KEY)
    if not isinstance(raw, Mapping):
        return None
    concern, confidence = raw.get("concern"), raw.get("confidence")
    if not isinstance(concern, str) or not isinstance(confidence, (int, float)):
        return None
    return ConcernGuess(concern, float(confidence))


def choose_concern(rule: str | None, guess: ConcernGuess | None, thresholds: GuessThresholds = DEFAULT_THRESHOLDS) -> str | None:
    """The model's guess when it is sure, else the rules' answer, else a less sure guess.

    The model reads worries told without the rules' words and words used for another worry
    ("so stressed since nan died"); measured on development sets by `make concern-eval`.
    Self-harm and online safety the rules found always stand, a guess of "other" never hides
    a worry the rules found, and "none" (no worry told) is no guess.
    """
    if guess is None or guess.concern == NOT_A_WORRY or rule in KEPT_FROM_RULES:
        return rule
    if guess.confidence >= thresholds.trust and (guess.concern != OTHER or rule is None):
        return guess.concern
    if rule is not None:
        return rule
    return guess.concern if guess.confidence >= thresholds.alone else None


def read_concern(text: str, parse_data: Mapping[str, Any] | None = None, thresholds: GuessThresholds = DEFAULT_THRESHOLDS) -> str | None:
    """The concern `text` told; `parse_data` is the parse data of the message that said it.
    A message with a risk word the lexicon knows is read by the rules alone: the model never
    learnt the crisis concerns, and "i burn myself" must stay self-harm (the search's crisis
    concerns), not body image. A message that got the crisis reply from the risk model alone,
    with no risk word, is read by the rules, and by a sure guess only where the rules found
    nothing of their own: "havent been in since october" got the crisis reply, and once the user
    said they were safe the search was for "something else", not for not going to school
    (session 27). A message that only got the check question ("are you thinking about hurting
    yourself?") and no risk word is read as any other: the user said no, and "my dad left and now
    i look after my little brothers every night" is being a young carer.
    """
    rule, guess = parse_concern(text), guess_from(parse_data)
    if guess is None or has_risk_words(text, parse_data):
        return rule
    if got_the_crisis_reply(parse_data):
        sure = guess.concern not in NOT_AFTER_A_CRISIS and guess.confidence >= thresholds.trust
        return guess.concern if sure and rule in (None, OTHER) else rule
    if rule == GENDER_SEXUALITY and IDENTITY_WORDS.search(normalise(text)):
        return rule  # "dysphoria is really bad lately, i hate being in this body" is not body image
    if (guess.concern == YOUNG_CARER and rule not in (None, OTHER, YOUNG_CARER) and an_adult_who_cares(text)
            and not _SAYS_WHO_CARES_FOR_WHOM.search(normalise(text))):
        # "my son has asd and has meltdowns after school" was a young carer's worry to the model (D15):
        # an adult telling of their child, no caring said. A young person's own words keep the guess
        # ("mum has depression and i make dinner every night": the review)
        return rule
    return choose_concern(rule, guess, thresholds)


# Caring said in so many words: without them, a guess of being a young carer does not replace a
# worry the rules found.
_SAYS_WHO_CARES_FOR_WHOM = re.compile(
    r"\b(?:look(?:s|ing|ed)? after|care(?:s|d)? for|caring|carers?|take(?:s)? care of|taking care of|do(?:es)? everything for|"
    r"(?:cook|cooks|cooking|clean|cleaning|shopping|washing|meds|medication|medicine)\b.*\b(?:mum|mom|dad|nan|gran|brother|sister|family))\b"
)


# Kinds a crisis message may be mistaken for ("i hate myself" is no worry about one's body): after
# the crisis reply the guess never names them, nor "other" or no worry.
NOT_AFTER_A_CRISIS = frozenset({NOT_A_WORRY, OTHER, "body_image", "eating", "low_mood", "anger"})


def got_the_crisis_reply(parse_data: Mapping[str, Any] | None) -> bool:
    risk = (parse_data or {}).get("risk")
    return isinstance(risk, Mapping) and risk.get("level") == CRISIS


def has_risk_words(text: str, parse_data: Mapping[str, Any] | None) -> bool:
    """A risk word the lexicon knows, in English or (as the risk layer found) another language."""
    risk = (parse_data or {}).get("risk")
    if isinstance(risk, Mapping) and (risk.get("lexicon_categories") or risk.get("crisis_language")):
        return True
    from signposting.risk import detect_risk  # spaCy: loaded only where a guess could count
    return bool(detect_risk(text).categories)


# --- A worry told as the first message, read by DIET as something else --------------------------
# "everyone at college has mates except me" (an answer), "sats r next week and im freaking out!!!"
# (a question about a service), "i keep wurrying abowt evrything" (more options), "i look after my
# mum she has MS" (a parent's own help): the greeting came, or the wrong reply, and the worry was
# asked again (development authors D1 to D4). At the start, these intents may tell a worry.
# "Just been told my lad is autistic. now what" got "I can't give medical advice" (D2).
# A first message DIET could not place at all ("i look after my mum cos shes ill and never get any
# time for me im knackered" got "Sorry, I didn't get that": development author D18, session 43).
OPENING_INTENTS = frozenset({
    "seek_help", "inform", "more_options", "ask_service_info", "parent_own_help", "ask_clinical_advice", FALLBACK_INTENT,
})
# Intents whose own reply would be wrong for a worry told: the bot starts the questions instead.
OPENING_MISREADS = frozenset({"more_options", "ask_service_info", "parent_own_help", "ask_clinical_advice"})
# Asked about, these keep their own reply ("does childline help with bullying?").
_QUESTION_INTENTS = frozenset({"ask_service_info", "ask_clinical_advice"})
# Medicine named ("should i take any pills for my anxiety"): a question for a GP or a pharmacist,
# whatever else the message says. Shared with the actions (actions/services.py).
NAMES_A_MEDICINE = re.compile(
    r"\b(?:take|taking|pills?|tablets?|meds|medicines?|medication|dose|doses|prescri\w+|drugs?|"
    r"melatonin|sertraline|fluoxetine|citalopram|propranolol|ritalin|methylphenidate|antidepressants?|paracetamol|ibuprofen)\b"
)
# Services asked for a worry: "any support for young carers", "is there anything specific for drugs".
_SERVICES_FOR = re.compile(
    r"\b(?:anything|something|anyone|someone|anywhere|somewhere|any|help|support|services?|groups?|places?|charit\w*|"
    r"organisations?|lines?|helplines?)\b(?:\W+\w+){0,3}?\W+(?:for|about|with|that helps?|that deals?|specialis\w+ in)\b"
)
ONLY_A_WORRY_MAX_WORDS = 4


def asks_for_services_for_a_worry(text: str) -> bool:
    """"any support for young carers"; never a medicine question ("is there anything i can take for
    sleep" keeps the no-medical-advice reply: review, session 20)."""
    clean = normalise(text)
    return bool(_SERVICES_FOR.search(clean)) and not NAMES_A_MEDICINE.search(clean)


# Drugs as the worry, not a medicine ("anything for drugs", "help with taking drugs"); never "pills".
_DRUGS_AS_THE_WORRY = re.compile(r"\b(?:(?:take|taking|do|doing|on) )?drugs?\b")


def asks_for_help_with_a_worry(text: str) -> bool:
    """Services asked for a worry the rules read ("is there anything specific for drugs": drugs are
    the worry there, not a medicine), or a worry named alone; never "can my mum see this chat" ("my
    mum" read as a family worry: session 45's first version)."""
    clean = normalise(text)
    concern = parse_concern(clean)
    if concern in (None, OTHER):
        return False
    medicine = NAMES_A_MEDICINE.search(_DRUGS_AS_THE_WORRY.sub(" ", clean) if concern == "substances" else clean)
    asked = bool(_SERVICES_FOR.search(clean)) and not medicine
    return asked or names_only_a_worry(text)


def names_only_a_worry(text: str) -> bool:
    """A worry named in a few words, and nothing asked ("anxiety" after the list was read as a
    request for medical advice: a user trial, session 45)."""
    clean = normalise(text)
    return (
        0 < len(clean.split()) <= ONLY_A_WORRY_MAX_WORDS and "?" not in text and not NAMES_A_MEDICINE.search(clean)
        and parse_concern(clean) not in (None, OTHER)
    )


# ...and a diagnosis or treatment: read as medical advice, these keep that reply too ("is this normal").
_DIAGNOSIS = re.compile(r"\b(?:diagnos\w+|symptoms?|treatment|cure|normal)\b")
# A stricter guess than at the worry question, where a worry is what was asked for: at the start a
# message may be anything ("my son" is no worry), so the model alone must be surer.
OPENING_THRESHOLDS = GuessThresholds(trust=0.5, alone=0.6)
YOUNG_CARER = "young_carer"
# A question keeps its own reply ("does childline help with bullying?", "how do i get my daughter
# referred to camhs"): only a worry said, not asked about, starts the questions instead.
_A_QUESTION = re.compile(r"\?|^(?:what|whats|how|does|do|can|could|is|are|where|who|which|when|why|will|would|should)\b")
def messages_typed(event_names: Iterable[str]) -> int:
    """How many messages the user has typed since the session started (or the chat restarted)?
    `event_names`: the applied events' names ("user", "session_started", ...), so the Rasa policy
    and the action server, each with its own tracker, count alike."""
    typed = 0
    for name in event_names:
        if name in ("session_started", "restart"):
            typed = 0
        elif name == "user":
            typed += 1
    return typed


def one_message_typed(event_names: Iterable[str]) -> bool:
    """Has the user typed exactly one message since the session started (or the chat restarted)?"""
    return messages_typed(event_names) == 1


def worry_told_first(text: str, parse_data: Mapping[str, Any] | None) -> str | None:
    """The worry a first message tells when DIET read it as one of `OPENING_INTENTS`, or None.
    A parent's own help stays theirs unless the worry is being a young carer ("i look after my
    mum"): "I'm not coping myself" tells low mood, and it is the parent's."""
    intent = ((parse_data or {}).get("intent") or {}).get("name")
    if intent not in OPENING_INTENTS:
        return None
    if intent in _QUESTION_INTENTS and _A_QUESTION.search(normalise(text)):
        return None
    if intent == "ask_clinical_advice" and (NAMES_A_MEDICINE.search(normalise(text)) or _DIAGNOSIS.search(normalise(text))):
        return None
    # DIET's reading as medical advice is the least sure of a worry: the rules' words alone
    # ("Harlow - grandparents, the kids live with us now" was family to the model: D6)
    concern = read_concern(text, None if intent == "ask_clinical_advice" else parse_data, OPENING_THRESHOLDS)
    if concern in (None, OTHER) or (intent == "parent_own_help" and concern != YOUNG_CARER and not the_childs_worry(text)):
        return None
    if concern == YOUNG_CARER and an_adult_who_cares(text):
        return None  # "im a single dad caring for my disabled son and im not coping": the parent's own help (the review)
    return concern


# The parent or carer themselves: "anything for parents", "something for me as a parent too".
_NAMES_THE_ASKER = re.compile(
    r"\b(?:parents?|(?<!young )carers?|me|myself|us|ourselves|i|im|i m|own|mum|mom|dad|mums|moms|dads|family|families|"
    r"grandparents?|wife|husband|partner|adults?|"
    # "any help for my own low mood", "anything for my wife": "my" but for a child ("my son")
    r"my (?!(?:son|daughter|child|children|kid|kids|boy|girl|lad|teen|teenager|stepson|stepdaughter|grandson|granddaughter|"
    r"foster (?:son|daughter|child)|little one)\b)\w+)\b"
)


def names_the_asker(text: str) -> bool:
    """Does the message speak of the parent or carer asking ("me", "myself", "my wife", "parents")?"""
    return bool(_NAMES_THE_ASKER.search(normalise(text)))


def the_childs_worry(text: str) -> bool:
    """A worry told of the child alone ("my child worry about everything, cry before school every
    day": development author D2, read as a parent's own help), with no word of the asker's own."""
    return parent_speaking(text) and not names_the_asker(text)


# An adult who looks after someone, not a young carer: their children or grandchildren named, or
# said as a parent or carer ("looking for help for my grandson", "im a grandparent looking after...").
_ADULT_CARER_WORDS = re.compile(
    r"\b(?:my (?:son|sons|daughter|daughters|kids?|children|child|grandson|granddaughter|grandchildren|grandkids|"
    r"husband|wife|partner|baby)|single (?:mum|mom|dad|parent)|grandparent|grandma|grandad|nan|granny)\b"
)


def an_adult_who_cares(text: str) -> bool:
    return bool(_ADULT_CARER_WORDS.search(normalise(text))) or parse_role_typed(text) in ("parent_carer", "professional")
