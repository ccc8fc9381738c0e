"""A plain answer to the question just asked: the answer, and nothing else.

The risk model learnt that family words and short texting are often risky, so ordinary answers
scored at check level: "15 next month", "I'm his nan, he's 10", "its me not my mum" and "im home
skooled" were met with "Are you thinking about hurting yourself…?" instead of the next question
(issue #12). When the bot has just asked who is chatting, the age or the school, and a message
is only an answer to it (the question's own parser reads it, and every word is one that answers
that question), a flag from the risk model alone does not interrupt: the form takes the answer.
Risk words (the lexicon) and crisis words in another language always interrupt
(`waives_the_check`): a plain answer by this definition has no word that says anything about
danger, however the model scored it. `make bench-plain-answer` counts the project's risk
messages that would pass as one (none of 1,895).

Pure and shared: the crisis policy decides with it, and the action server's form accepts the
answer by the same function (actions/triage_form.py), so the two never disagree.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from signposting.parsing import MISSPELT_AGES, NUMBER_WORDS, parse_age, parse_role_typed, parse_school_absence
from signposting.text import normalise

# Words any answer may carry: pronouns, the pieces `normalise` leaves of "he's" and "I'm",
# greetings, hedges, politeness and glue.
_ANY_ANSWER = frozenset(
    "i im me my myself mine you your he she they them his her their its it is are was am be been "
    "s m d ll re ve a an the and or so but just here this that of in at on to for with by as "
    "yes yeah yep yea ye ok okay um umm erm hmm well hi hello hey hiya please pls plz thanks thank ta "
    "lol x xx sorry tbh oh ah now currently still only "
    # contractions as `normalise` leaves them ("he's" is "hes")
    "hes shes theyre theyve youre id ive whos its dont doesnt didnt isnt arent wasnt "
    "like said told already again guess think try trying use using suggested sent because cos coz "
    "has have had do him".split()
)
# "Who is chatting?": who they are, and whom they ask for.
_ROLE = frozenset(
    "young person people teen teenager kid child children student pupil yp cyp self own not "
    "parent parents carer carers mum mom mam mummy mommy mother dad daddy father step stepmum stepdad "
    "stepmom stepmother stepfather nan nana nanna nanny gran granny grandma grandmother grandad granddad "
    "grandpa grandfather grandparent grandparents aunt aunty auntie uncle guardian special foster fostering "
    "kinship adoptive adopted son daughter sons daughters boy girl boys girls stepson stepdaughter "
    "grandson granddaughter grandchild nephew niece brother sister "
    "professional worker key keyworker support social youth family care residential teacher teaching "
    "assistant ta senco nurse school college gp doctor counsellor counselor therapist mentor tutor "
    "lecturer coach officer police pastoral lead head headteacher safeguarding practitioner staff "
    "childrens childs home homes unit live lives lived living stay stays staying look looks looking after "
    "since most week weeks while days time full part guardianship little big younger older wants wanted help "
    "helping asked asks work works working job role behalf asking ask typing writing chatting speaking first second third "
    "one option button top middle bottom last".split()
)
# "How old are you?": numbers, school years and the words around them.
_AGE = frozenset(
    {*NUMBER_WORDS, *MISSPELT_AGES}
    | set(
        "year years yr yrs y yo old age aged turned turning turn turns will nearly almost about around "
        "roughly maybe think like next last month months week weeks birthday bday soon until till "
        "reception primary secondary sixth form going gonna be not sure dont don t know idk dunno or to "
        "between and half jan january feb february mar march apr april may jun june jul july aug august "
        "sep sept september oct october nov november dec december summer winter spring autumn christmas "
        "born baby due".split()
    )
)
# "Which school or college?": not at school, and declining to say.
_SCHOOL = frozenset(
    "no nah nope none n na not at in school schooled schooling skool skooled skooling home educated education ed ehe "
    "college go goes going attend attending left leave leaving finished dropped out excluded expelled "
    "place between schools neet apprenticeship work working since covid lockdown ago last year years "
    "skip pass rather prefer say blank private thanks dont don t do does doesnt want wanna".split()
)

SLOT_VOCABULARY: dict[str, frozenset[str]] = {
    "user_role": _ANY_ANSWER | _ROLE,
    "age": _ANY_ANSWER | _AGE | _ROLE,  # "I'm his nan, he's 10"
    "school": _ANY_ANSWER | _SCHOOL,
}
# Questions whose answers can be told apart from anything else by their words alone. Places
# and school names need the directory (the action server), so the area and a named school are
# not judged here: a check question there still comes first.
PLAIN_ANSWER_SLOTS = frozenset(SLOT_VOCABULARY)
MAX_WORDS = 16


def _understood(slot: str, text: str) -> bool:
    if slot == "user_role":
        return parse_role_typed(text) is not None
    if slot == "age":
        age = parse_age(text)
        return age is not None and not age.out_of_range
    if slot == "school":
        return parse_school_absence(text) is not None
    return False


def _is_number(word: str) -> bool:
    return word.isdigit() and len(word) <= 2


# Characters a plain answer typed in English may have besides ASCII: curly quotes and dashes.
_TYPOGRAPHIC = frozenset("‘’“”–—…")
# Between two numbers of one age answer: a range ("13 to 14", "16 or 17", "13-14").
_RANGE_WORDS = frozenset({"to", "or", "and"})


def _only_english_letters(text: str) -> bool:
    """`normalise` drops letters outside English: "میں 16 سال کی ہوں" would be "16". Any such
    character (or an emoji) means the words were not all read, so it is never a plain answer."""
    return all(character.isascii() or character in _TYPOGRAPHIC for character in text)


def _one_age(words: list[str]) -> bool:
    """At most one age, or one range: "he's 19 and im 14" tells two people's ages (an age gap)."""
    numbers = [i for i, word in enumerate(words) if _is_number(word) or word in NUMBER_WORDS or word in MISSPELT_AGES]
    return all(set(words[a + 1 : b]) <= _RANGE_WORDS for a, b in zip(numbers, numbers[1:], strict=False))


def is_plain_answer(text: str, slot: str | None) -> bool:
    """Is `text` an answer to the question for `slot`, with no word that is not part of such an answer?"""
    if slot not in SLOT_VOCABULARY:
        return False
    words = normalise(text).split()
    if not words or len(words) > MAX_WORDS or not _only_english_letters(text) or not _one_age(words):
        return False
    vocabulary = SLOT_VOCABULARY[slot]
    if not all(word in vocabulary or _is_number(word) for word in words):
        return False
    return _understood(slot, text)


def waives_the_check(text: str, risk: Mapping[str, Any], slot: str | None) -> bool:
    """Does a plain answer to the question for `slot` go on without the crisis steps? Only when
    the risk model or the intent classifier alone flagged it: no risk word, no crisis word in
    another language. The model's level does not matter here: "like i said, 14" scored at crisis
    level, and a message of answer words has nothing else for the model to have read."""
    return (
        risk.get("level") in ("check", "crisis")
        and risk.get("source") in ("model", "classifier")
        and not risk.get("lexicon_categories")
        and not risk.get("crisis_language")
        and is_plain_answer(text, slot)
    )
