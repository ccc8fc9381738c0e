"""Does a message share a word with the intent it was read as? A check on DIET's guess (issue #12).

DIET reads character n-grams, so a message with none of an intent's words can still land on it
with confidence: "purple monkey dishwasher" was read as a request for another language (0.74;
"-ish" as in English, Polish, Spanish), after a retraining as "more options" (0.75), and "banana
phone" as "no" (0.66). The bot then answered a request nobody made instead of saying it did not
understand and asking its question again.

For the requests and replies to the bot (more options, start again, no, another language...),
a guess is trusted only when the message shares a word with that intent's training examples
(the words of the examples, learnt with the model), allowing one typo in words of four letters
or more ("optoins"), or, for a "no", another language or a person to talk to, one of the words listed here. Common
words ("the", "is", "me") are no evidence. A message with no other words, or mostly not in
English (a request in Polish names no English word), is left as DIET read it. Answers to the
questions (ages, places, worries) are read by the form's own parsers, and crisis and safety
intents are never touched.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

from signposting.intents import FALLBACK_INTENT
from signposting.languages import detect_language, english_share, english_words
from signposting.parsing import STUDY_PLACES, parse_yes_no
from signposting.text import normalise

# Intents whose every way of being said shares words with their examples: requests and replies.
CHECKED_INTENTS = frozenset({
    "affirm", "ask_bot_identity", "ask_clinical_advice", "ask_privacy", "ask_service_info", "back_to_child_help", "change_answer", "deny",
    "dont_know", "goodbye", "greet", "more_options", "parent_own_help", "request_email", "request_other_language",
    "request_print", "start_again", "stop", "talk_to_a_person", "thanks",
})
# Words too common to say which request a message is.
COMMON_WORDS = frozenset(
    "a an the i im me my mine you your u ur we us our it its is are am was were be been being to of in on at by "
    "for with from as and or but if so that this these those there here what which who whom how when where why "
    "do does did doing can could would will shall should may might must have has had get got just really very "
    "too also then than some any all his her him she he they them their one about instead".split()
)
# A "no" and a request for another language also count with these words (and a "no" with any
# way `parse_yes_no` knows), whether or not an example used them.
LANGUAGE_NAMES = frozenset({
    "albanian", "amharic", "arabic", "bengali", "bangla", "bulgarian", "cantonese", "chinese", "czech", "dari",
    "dutch", "english", "farsi", "persian", "french", "german", "greek", "gujarati", "hindi", "hungarian",
    "italian", "japanese", "korean", "kurdish", "sorani", "latvian", "lithuanian", "malayalam", "mandarin",
    "nepali", "pashto", "polish", "portuguese", "punjabi", "romanian", "romani", "russian", "shona", "sinhala",
    "slovak", "somali", "spanish", "swahili", "tamil", "telugu", "thai", "tigrinya", "turkish", "twi",
    "ukrainian", "urdu", "vietnamese", "welsh", "gaelic", "yoruba", "igbo", "bsl",
    # as their speakers write them (accents taken off): "em português?", "polski?"
    "portugues", "polski", "polsku", "cymraeg", "espanol", "castellano", "francais", "deutsch", "italiano",
    "romana", "romaneste", "turkce", "shqip", "lietuviskai", "latviski", "russkiy", "panjabi",
})
# Thanks and goodbye in the languages most spoken here ("shukriya", "dziękuję").
THANKS_WORDS = frozenset({
    "shukriya", "shukria", "dhanyavaad", "dhanyavad", "dhanyawad", "dziekuje", "dzieki", "merci", "danke", "gracias",
    "obrigado", "obrigada", "grazie", "multumesc", "tesekkurler", "tesekkur", "sagol", "jazakallah", "spasibo",
    "dekuji", "koszonom", "aciu", "paldies", "mahadsanid", "asante", "cheers", "ta", "shukran", "mersi",
})
GOODBYE_WORDS = frozenset({
    "hafiz", "khuda", "alvida", "tchau", "adeus", "revoir", "adios", "luego", "ciao", "widzenia", "narazie",
    "pa", "gule", "hoscakal", "nabad", "salaam", "salam",
})
DONT_KNOW_WORDS = frozenset({"wiem", "pata", "nahi", "nahin", "se", "stiu", "sei", "bilmiyorum"})
LANGUAGE_WORDS = re.compile(r"\b(?:languages?|translat\w*|interpret\w*|speak\w*|español|espanol|english)\b")
# Matched on `normalise`d text: lower case, apostrophes dropped ("don't" is "dont").
NEGATION_WORDS = re.compile(
    r"\b(?:n+o+|na+h*|nope|nop|nay|nuh|not|never|dont|doesnt|isnt|arent|wont|cant|wrong|incorrect|negative|none)\b"
)
# Words a request for a person may use that its examples did not.
PERSON_WORDS = frozenset({
    "helpline", "hotline", "samaritans", "childline", "shout", "callback", "call", "ring", "phone", "nurse",
    "counsellor", "counselor", "therapist", "human", "person", "people", "someone", "somebody", "operator",
    "adviser", "advisor", "staff", "worker", "doctor", "gp", "real",
})
# Greetings a greeting's examples may not have, in English and the languages most spoken here.
GREETING_WORDS = frozenset({
    "alright", "allo", "hiyaa", "hallo", "hola", "ola", "oi", "bonjour", "salut", "ciao", "salve", "hej", "hei",
    "czesc", "cze", "siema", "witam", "salaam", "salam", "salaams", "assalamualaikum", "asalamualaikum",
    "assalamu", "alaikum", "namaste", "namaskar", "kem", "cho", "sat", "sri", "akal", "merhaba", "selam",
    "marhaba", "ahlan", "shalom", "buna", "privet", "jambo", "nihao", "ni", "hao",
})
MOSTLY_ENGLISH = 0.5
SHORT_MESSAGE_WORDS = 3
# Requests that throw the answers away. In a short message, most of the words must be the
# request's own: "new parks" (a Leicester estate, at the place question) shares only "new" with
# "new chat", and was answered "OK, let's start again", with every answer gone.
ENDS_THE_CONVERSATION = frozenset({"start_again", "stop"})
MIN_LENGTH_FOR_TYPO = 4
# In the parse data: the intent DIET guessed when this check set it aside for `nlu_fallback`.
SET_ASIDE_KEY = "intent_without_evidence"
# DIET's intent when a request said in so many words replaced it (signposting/next_step_request.py).
REPLACED_BY_WORDS_KEY = "intent_before_request_words"

IntentWords = Mapping[str, frozenset[str]]

# What has started again, or when something happens at night: never a request to start again or a
# goodbye ("started again after the funeral" got "OK, let's start again", and then "its every night
# now" got "Bye for now": development conversations G12, session 39).
_TELLS_IT_STARTED = re.compile(
    r"\b(?:started|starts|begun|began|begins) (?:again|over|all over)\b|"
    r"\b(?:it|its|it s|they|theyre|they re|thats|that s|ive|i ve|shes|hes|he s|she s) (?:\w+ )?starting (?:again|over)\b"
)
_SAYS_BYE = re.compile(
    r"\b(?:bye+|goodbye|byee+|cya|see ya|see you|ttyl|gn|goodnight|good night|night night|take care|gotta go|got to go|"
    r"have to go|im off|i'm off|speak to you|talk to you|speak soon|talk soon|try again)\b"
)
# A question put to the chat is never a goodbye: "can you see my ip" (DIET's "see").
_ASKS_THE_CHAT = re.compile(r"^(?:(?:and|but|so|ok|um|wait) )?(?:can|could|will|would|do|does|are|r|is) (?:you|u|ya|this|it)\b")
_ASKS_WHO_OR_WHAT = re.compile(r"^(?:(?:and|but|so|ok|um|wait) )?(?:who|what|whats|where|when|which|why|how|hows)\b")
# "it started again so can we start again": a request beside it still counts.
_ASKS_TO_START = re.compile(
    r"\b(?:can|could) (?:we|i|u|you) (?:start|restart|begin) (?:again|over)\b|\blet ?s (?:start|restart|begin) (?:again|over)\b|"
    r"\b(?:i want to|i wanna|i d like to|please|pls) (?:start|restart) (?:again|over)\b|^(?:start again|restart|start over)\b"
)
# What someone finished is no request to stop: "I'm 22, I finished uni last year" at the school
# question got "OK, I'll stop here" (development author D18).
_TELLS_WHAT_FINISHED = re.compile(
    r"\b(?:finished|finish|left|done with|completed) (?:at )?(?:my |the |his |her |their )?"
    rf"(?:{STUDY_PLACES}|year \d{{1,2}}|gcses?|a levels?|exams?|course|degree|apprenticeship|work)\b"
)
# Words a request to stop may use that ask for nothing by themselves ("i left college and now i do nothing").
_NO_REQUEST_BY_ITSELF = frozenset({"now", "today", "then", "please", "pls", "thanks", "ok", "okay", "yeah", "yes"})
_ASKS_TO_STOP = re.compile(
    r"\b(?:stop|quit|end (?:this|the|it)|leave (?:me|it)|cancel|close (?:this|the chat)|bye|goodbye|no more|that s enough|thats enough)\b"
)
# Someone else, or what happens, wished to stop: the worry, no request to end the chat.
# Never "it" ("can it stop asking me questions" is the chat: the second review, session 48).
_SOMEONE_ELSE_TO_STOP = re.compile(
    r"\b(?:(?:want|wish|need|make|get|just want|i want|help|how do i make|how to make) )?"
    r"(?:them|him|her|they|he|she|people|everyone|the bullies|the bullying|the kids|the boys|the girls|my \w+) "
    r"(?:to )?(?:stop|quit)(?: (?:it|that|bullying|picking on me|messaging me|texting me|hitting me|being mean|now))?\b"
)
def wishes_someone_else_to_stop(text: str) -> bool:
    """"i just want them to stop", "make the bullies stop": someone else wished to stop."""
    return bool(_SOMEONE_ELSE_TO_STOP.search(normalise(text)))


_NIGHT_AS_A_TIME = re.compile(
    r"\b(?:every|each|last|at|all|most|one|the|a|through the|in the|tonight|tomorrow|same|whole|sunday|monday|"
    r"tuesday|wednesday|thursday|friday|saturday) (?:night|nights|nite)\b"
)


def content_words(text: str) -> list[str]:
    """The message's words that could tell one request from another."""
    return [word for word in normalise(text).split() if word not in COMMON_WORDS and not word.isdigit()]


def learn_intent_words(examples: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """{intent: the content words of its examples} for the checked intents, from (intent, text) pairs."""
    words: dict[str, set[str]] = {}
    for intent, text in examples:
        if intent in CHECKED_INTENTS:
            words.setdefault(intent, set()).update(content_words(text))
    return {intent: frozenset(found) for intent, found in words.items()}


def without_accents(text: str) -> str:
    """`normalise`d, accents taken off first ("în română" → "in romana", not "n rom n")."""
    return normalise(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())


def _listed_evidence(intent: str, text: str, clean: str) -> bool:
    plain = without_accents(text).split()
    if intent in ("thanks", "goodbye") and any(word in THANKS_WORDS for word in plain):
        return True
    if intent == "goodbye" and any(word in GOODBYE_WORDS for word in plain):
        return True
    if intent == "dont_know" and any(word in DONT_KNOW_WORDS for word in plain):
        return True
    if intent == "affirm" and parse_yes_no(text, other_languages=True) == "yes":
        return True
    if intent == "request_other_language" and any(word in LANGUAGE_NAMES for word in plain):
        return True
    if intent == "deny":
        return bool(NEGATION_WORDS.search(clean)) or parse_yes_no(text, other_languages=True) == "no"
    if intent == "request_other_language":
        return bool(LANGUAGE_WORDS.search(text.lower())) or any(word in LANGUAGE_NAMES for word in clean.split())
    if intent == "talk_to_a_person":
        return any(word in PERSON_WORDS for word in clean.split())
    if intent == "greet":
        return any(word in GREETING_WORDS for word in clean.split())
    return False


# Help for the parent or carer themselves is asked for in the speaker's own words.
_THE_CHILD_OR_THE_LIST = re.compile(
    r"\b(?:child|childs|children|son|sons|daughter|daughters|kid|kids|boy|girl|him|her|them|list|services|help|found|results)\b"
)
_SPEAKER_THEMSELVES = re.compile(
    r"\b(?:i|im|i m|me|my|myself|mine|we|us|our|ourselves|parents?|mums?|moms?|dads?|carers?|adults?|grown ?ups?|"
    r"grandparents?|grandmas?|grandads?|nans?|foster carers?|guardians?|families|family)\b"
)


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    if word in vocabulary:
        return True
    if len(word) < MIN_LENGTH_FOR_TYPO or word in english_words():
        # A word of its own is no typo: "care leaver" was "leave", read as a request to stop, and
        # "I'm 20, care leaver, living in Stevenage" got "OK, I'll stop here" (a user trial, session 45)
        return False
    candidates = [known for known in vocabulary if len(known) >= MIN_LENGTH_FOR_TYPO]
    return extractOne(word, candidates, scorer=OSA.distance, score_cutoff=1) is not None


def asks_rather_than_leaves(text: str) -> bool:
    """A question, no goodbye said: "who can see her soon", "can you see my ip"."""
    clean, said = normalise(text), text.lower().replace("’", "'")
    asks = _ASKS_THE_CHAT.match(clean) or _ASKS_WHO_OR_WHAT.match(clean) or said.rstrip().endswith("?")
    return bool(asks) and not _SAYS_BYE.search(said)


def asks_of_themselves_rather_than_leaves(text: str) -> bool:
    """A question read as a goodbye that asks about themselves or what comes ("will i be alright?",
    "who will i see there?"), not of the chat ("can you turn them off"). The crisis steps still read
    it as leaving: set aside, "will i be alright?" after "Please call 999 now" got "Sorry, I didn't
    get that" (the third review, session 49); "can you turn them off" at the check question is
    asked of the chat, and got the crisis reply once read so (development conversations G8)."""
    return asks_rather_than_leaves(text) and not _ASKS_THE_CHAT.match(normalise(text))


def intent_as_guessed(parse_data: Mapping[str, object]) -> str | None:
    """DIET's intent for a message, also when this check set it aside: the safety questions'
    answers ("a bit" as a yes to "are you thinking about hurting yourself?") are read with it, so
    no answer to them is ever dropped as not understood for want of a familiar word, and a request
    said in so many words ("thanks ill have a look") changes nothing in how they are read."""
    for key in (SET_ASIDE_KEY, REPLACED_BY_WORDS_KEY):
        set_aside = parse_data.get(key)
        if isinstance(set_aside, Mapping) and set_aside.get("name"):
            return str(set_aside["name"])
    intent = parse_data.get("intent")
    return str(intent.get("name")) if isinstance(intent, Mapping) and intent.get("name") else None


def lacks_evidence(intent: str, text: str, intent_words: IntentWords) -> bool:
    """True when `intent` is checked, the message is short or mostly English, has words of its
    own, and none of them is one of the intent's words (or, for "no", languages, a person and
    greetings, a listed word); for starting again or stopping in a short message, when no more
    than half of them are."""
    vocabulary = intent_words.get(intent)
    if intent not in CHECKED_INTENTS or vocabulary is None or not text.strip():
        return False
    words = content_words(text)
    if not words or detect_language(text) is not None:
        return False
    # A greeting, and any short message, is checked whatever its words: place and school names
    # ("highfields", "rushey mead academy leicester", "cardif") are not English words either, and
    # read as "hi" or "bye" they were answered "Hi again!" or "Bye for now" instead of being taken
    # as the answer. Other longer messages mostly not in English are left as DIET read them.
    if intent != "greet" and len(words) > SHORT_MESSAGE_WORDS and english_share(text) < MOSTLY_ENGLISH:
        return False
    clean = normalise(text)
    if intent == "start_again" and _TELLS_IT_STARTED.search(clean) and not _ASKS_TO_START.search(clean):
        return True  # "started again after the funeral" is no request
    if intent == "stop" and (finished := _TELLS_WHAT_FINISHED.search(clean)) and not _ASKS_TO_STOP.search(clean):
        # "i finished uni last year" is no request; the rest of the message is read as any other
        # ("im done with this chat, i finished school" still asks to stop: the review)
        rest = content_words(clean[: finished.start()] + " " + clean[finished.end():])
        return not any(_known(word, vocabulary) for word in rest if word not in _NO_REQUEST_BY_ITSELF)
    if intent == "stop" and (wished := _SOMEONE_ELSE_TO_STOP.search(clean)) \
            and not _ASKS_TO_STOP.search(clean[: wished.start()] + " " + clean[wished.end():]):
        return True  # "nah im good just want them to stop" ended the chat (a user trial, session 48)
    # Read with its commas: "ok thats all, night!" is a goodbye (the review, session 39)
    said = text.lower().replace("’", "'")
    if intent == "goodbye" and _NIGHT_AS_A_TIME.search(said) and not _SAYS_BYE.search(said):
        return True  # "its every night now": the night, not "night x"
    if intent == "goodbye" and asks_rather_than_leaves(text):
        # "can you see my ip" got "Bye for now. Take care." (a user trial, session 47); so did "who
        # can see her soon", and the chat ended (a user trial, session 49): a question is no goodbye
        return True
    if _listed_evidence(intent, text, clean):
        return False
    if intent == "parent_own_help" and not _SPEAKER_THEMSELVES.search(clean):
        # Every example says who: "is there anything specific for drugs" after a parent's list got
        # "You matter too…" (DIET's guess, 0.92; a user trial, session 45)
        return True
    if intent == "back_to_child_help" and not _THE_CHILD_OR_THE_LIST.search(clean):
        # Every example names the child or what was found: "im so dead lol forgot my pe kit again",
        # a first message, got "Here is the help for your child again" and a list for abuse, with
        # the questions never asked (a user trial, session 46: "again" was its only evidence)
        return True
    if intent == "request_other_language":
        # Every example names a language or says "language", "translate", "speak": another word of
        # theirs is no evidence ("work" in "apprentice, 18, work in Braintree but live in
        # Sawbridgeworth" got "I can only chat in English", and the facts were dropped: session 45)
        return True
    known = sum(_known(word, vocabulary) for word in words)
    if intent in ENDS_THE_CONVERSATION and len(words) <= SHORT_MESSAGE_WORDS:
        return known * 2 <= len(words)
    return known == 0


# In the parse data: what the intent is if the risk layer finds no risk in a message DIET read as
# a crisis. "purple monkey dishwasher" was DIET's express_crisis in one training; the risk layer
# dropped it and the next intent in the ranking (more options, 0.06) stood unchecked: neither the
# FallbackClassifier nor this check had seen it, and the bot answered "What would you like to change?".
INTENT_IF_NOT_CRISIS_KEY = "intent_if_not_crisis"


def intent_if_not_crisis(
    ranking: list[dict], text: str, intent_words: IntentWords, threshold: float, crisis_intent: str,
) -> dict:
    """The intent after DIET's crisis guess is dropped: the next one, as sure of itself among the
    rest as the FallbackClassifier asks (its share of the remaining confidence) and with the
    evidence this module asks for; else `nlu_fallback`, at the threshold as the FallbackClassifier sets it."""
    rest = [item for item in ranking if item.get("name") not in (crisis_intent, FALLBACK_INTENT)]
    total = sum(float(item.get("confidence") or 0.0) for item in rest)
    if not rest or total <= 0:
        return {"name": FALLBACK_INTENT, "confidence": threshold}
    best = rest[0]
    share = float(best.get("confidence") or 0.0) / total
    if share < threshold or has_no_words(text) or lacks_evidence(str(best.get("name")), text, intent_words):
        return {"name": FALLBACK_INTENT, "confidence": threshold}
    return {"name": best.get("name"), "confidence": share}


def has_no_words(text: str) -> bool:
    """Only punctuation and symbols: no letter, digit or emoji ("<<<>>> " pasted fifty times was read
    as a worry, surely; "???" and "..." say nothing a question could take). An emoji is kept for
    DIET: "👋" is a goodbye and "👍" a yes."""
    seen = False
    for char in text:
        if char.isspace():
            continue
        seen = True
        if char.isalnum() or unicodedata.category(char) == "So":
            return False
    return seen
