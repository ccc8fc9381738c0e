"""Messages made only of the words people answer the bot's questions with.

"im the mam", "me not my mum", "like i said, 14", "he's home educated": the risk model has
nothing to go on in these (no word in them carries danger), yet it scored some at check or
crisis level, so people answering "Who is chatting?" or "How old are you?" were asked "Are
you thinking about hurting yourself?". Like a message of one or two words
(`RiskSignals.too_short_for_the_model_alone`), such a message is left to the lexicon: the
model alone does not escalate it.

The list is closed on purpose. It holds no word that carries danger on its own or with the
others ("care" and "one" are out: "i don't care", "i have no one"): no verbs of going, leaving, ending or being ("be", "will", "gonna" are out, so "i'm
not gonna be 16" is not a plain answer), no "here", "there", "safe", "alone", "out", "over",
"done", "gone", "home" (only "home educated" and its forms), no feelings, no numbers of
things. `make safety-eval` and tests/test_plain_answers.py check that no risk message of any
author is made only of these words.
"""
from __future__ import annotations

import re

# "dad here", "mum here": who is speaking (alone, "here" is out: "i won't be here").
_SPEAKER_HERE = re.compile(
    r"\b(?:mum|mam|mom|dad|nan|nana|gran|grandma|grandad|grandpa|parent|carer|teacher|aunt|auntie|uncle|"
    r"worker|nurse|senco|tutor|mentor)\s+here\b"
)
_HOME_EDUCATED = re.compile(r"\bhome[\s-]*(?:educated|educating|educate|ed|schooled|schooling|school)\b|\bhomeschool(?:ed|ing)?\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")
_NUMBER = re.compile(r"\d{1,2}(?:yo|yrs?|y|th|st|nd|rd|s)?")
_PUNCTUATION = frozenset(".,;:!?()-/&'\"")

_FILLERS = frozenset("""
i i'm im am is are was it it's its the a an my mine his her hers their theirs he she he's she's hes shes
they they're them him we we're our us you your and or of for to with in at from on by just only both
like said says um umm erm er uh hmm so well ok okay oh lol haha please pls plz thanks thank ta cheers
yes yeah yea ye yep yup aye no nah nope not na n sure idk dunno don't dont know think guess maybe
probably about roughly approx nearly almost than hi hello hiya hey this that first second third
is it's asking ask chatting typing question answer already told also too as x xx xxx
""".split())
_ROLES = frozenset("""
me myself young person people teen teenager student pupil learner kid kids child children son sons
daughter daughters boy girl lad lass stepson stepdaughter stepchild stepkid step stepmum stepdad
foster fostering fostered adopted adoptive adoption kinship special guardian guardianship legal
mum mam mom mummy mommy mother mothers dad daddy father fathers parent parents carer carers
nan nana nanna gran granny grandma grandmother grandad granddad grandpa grandfather grandparent
grandparents grandson granddaughter grandchild niece nephew aunt auntie aunty uncle brother sister
sibling siblings bro sis cousin friend friends mate mates bestie teacher teachers tutor
professional worker workers key keyworker social youth nurse gp senco sendco sen send head deputy
pastoral lead safeguarding dsl mentor counsellor coach staff practitioner support assistant
receptionist officer manager leader team residential little older younger big elder eldest
youngest oldest middle twin twins lives live living has have got family
""".split())
_AGES = frozenset("""
age aged ages old years year yrs yr yo y/o months month half
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty twentyone
reception nursery primary secondary sixth form lower upper college uni university fourth fifth
gcse gcses alevel alevels level levels btec infant infants junior juniors ks1 ks2 ks3 ks4 ks5
""".split())
_SCHOOLS = frozenset("""
school schools academy high grammar community church catholic rc st saint free studio
homeeducated educated education
""".split())
PLAIN_ANSWER_WORDS: frozenset[str] = _FILLERS | _ROLES | _AGES | _SCHOOLS


def tokens(text: str) -> list[str]:
    lowered = _HOME_EDUCATED.sub(" homeeducated ", text.lower().replace("’", "'"))
    lowered = _SPEAKER_HERE.sub(lambda match: match.group(0).split()[0], lowered)
    return [token for token in _TOKEN.findall(lowered) if token not in _PUNCTUATION]


def plain_answer(text: str) -> bool:
    """Is every word of the message a plain answer word (and there is at least one)?"""
    words = tokens(text)
    return bool(words) and all(word in PLAIN_ANSWER_WORDS or _NUMBER.fullmatch(word) for word in words)
