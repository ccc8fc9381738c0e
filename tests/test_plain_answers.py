"""Plain answers ("im the mam", "like i said, 14") are left to the lexicon, and no risk message
of any author, set or language is one (signposting/plain_answers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.nlu.risk_model import read_corpus, read_corpus_file, read_nlu_examples
from signposting.plain_answers import plain_answer
from signposting.risk_decision import CHECK, CRISIS, NONE, RiskSignals, Thresholds, decide, is_distress

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text", [
    "im the mam", "me not my mum", "Dad here, she's 6", "like i said, 14", "he's home educated",
    "I'm 23 and I have guardianship of my little brother", "kinship carer, I have my niece", "year 9",
    "its for me", "for my son", "16, sixth form", "nah", "14 x", "im his grandad, he lives with me",
])
def test_answers_made_only_of_answer_words_are_plain(text):
    assert plain_answer(text)


@pytest.mark.parametrize("text", [
    "i won't be here next week", "not gonna be 16", "i have no one", "i dont care", "not here",
    "no home", "home alone", "15 😭", "me and my dad, he hits me", "my mum is gone", "14 and done",
    "its over", "i'm not safe", "left home", "kicked out", "it doesn't matter", "",
])
def test_a_word_outside_the_list_is_enough_to_leave_it_to_the_model(text):
    assert not plain_answer(text)


def test_the_model_alone_does_not_escalate_a_plain_answer_but_the_lexicon_still_does():
    thresholds = Thresholds()
    model_only = RiskSignals(model_probability=0.9, words=3, plain_answer=True)
    assert decide(model_only, thresholds).level == NONE
    assert not is_distress(model_only, thresholds)
    assert decide(RiskSignals(model_probability=0.9, words=3), thresholds).level == CRISIS
    lexicon = RiskSignals(lexicon_categories=("suicidal",), model_probability=0.1, words=3, plain_answer=True)
    assert decide(lexicon, thresholds).level == CHECK
    multilingual = RiskSignals(crisis_language="pl", words=3, plain_answer=True)
    assert decide(multilingual, thresholds).level == CRISIS


def risk_messages() -> list[tuple[str, str]]:
    """Every risk message the project holds: corpus authors, held-out and everyday authors, the last
    message of risk conversations, the team's escalation set, and the NLU's crisis examples."""
    found = [(m.author, m.text) for m in read_corpus() if m.is_risk]
    for folder in ("heldout", "everyday", "context"):
        for path in sorted((ROOT / "tests" / "safety" / folder).glob("*.jsonl")):
            found += [(m.author, m.text) for m in read_corpus_file(path) if m.is_risk]
    team = yaml.safe_load((ROOT / "tests" / "safety" / "escalate.yml").read_text(encoding="utf8"))["messages"]
    found += [("team", item["text"]) for item in team]
    found += [("nlu", m.text) for m in read_nlu_examples() if m.is_risk]
    return found


def test_no_risk_message_of_any_author_is_a_plain_answer():
    messages = risk_messages()
    assert len(messages) > 2000
    assert [(author, text) for author, text in messages if plain_answer(text)] == []
