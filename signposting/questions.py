"""Does a message ask something? Two readings, for two places: the strict one where a question
changes a worry told into something asked about, the looser one where it only chooses which reply
to a question the user typed while the form waits. (A third, `parsing.asks_about_emergency_help`,
takes only a leading question word: "ok we are going to a&e" is news, not a question.)"""
from __future__ import annotations

import re

from signposting.text import normalise

# A question word in the first three words ("ok but will my mum find out"), or a question mark.
_ASKS = re.compile(r"^(?:\w+ ){0,2}(?:what|whats|how|does|do|can|could|is|are|where|who|which|when|why|will|would|should)\b")

# A question's words anywhere ("im 15 is this private"), or a plea not to tell.
_QUESTION = re.compile(
    r"^(?:(?:and|but|so|ok|um|also|sorry|hi|hello) )*(?:can|could|will|would|is|are|am|do|does|did|should|if|may|might|r|dose)\b"
    r"|\b(?:is (?:this|it|that|there)|are (?:you|u|they|these|there)|can (?:i|you|u|we|my|they)|could (?:i|you|u|we)|"
    r"will (?:you|u|it|this|they|my|anyone|someone)|would (?:you|u|it|they)|do (?:you|u|i|they|we)|does (?:it|this|anyone|my)|"
    r"am i|should i|how|what|whats|wat|wot|who|whos|why|where|when)\b"
    r"|\b(?:please|pls|plz)\b|\b(?:dont|don t|do not|never|wont|won t) (?:tell|say|show|share)\b"  # "14 but please dont tell my mum"
)


def asks_a_question(text: str) -> bool:
    """Does the message ask something ("is this private or will my mum find out", "ok but will my
    mum find out"), rather than only tell ("her mum passed away and she wont talk about it")?"""
    return "?" in text or bool(_ASKS.search(normalise(text)))


def asks_something(text: str) -> bool:
    """Does the message ask a question: a question mark, or a question's words ("im 15 is this
    private")? Looser than `asks_a_question`: it only chooses a question's reply in the form."""
    return "?" in text or bool(_QUESTION.search(normalise(text)))


# A medicine named in a question ("whats the best sleeping pill i can take", "can she take melatonin"):
# medical advice, never a question about the list (a user trial, session 47: "Here is what each one
# does, so you can choose").
_MEDICINE = re.compile(
    r"\b(?:pills?|tablets?|medicines?|medication|meds|melatonin|sertraline|fluoxetine|citalopram|prozac|antidepressants?|"
    r"sleeping pills?|painkillers?|paracetamol|ibuprofen|dose|dosage|\d+ ?mg|propranolol|diazepam|ritalin|methylphenidate|"
    r"concerta|elvanse|side effects?)\b"
)


def asks_about_a_medicine(text: str) -> bool:
    """Does the message ask something about a medicine ("can i take melatonin")?"""
    return asks_something(text) and bool(_MEDICINE.search(normalise(text)))
