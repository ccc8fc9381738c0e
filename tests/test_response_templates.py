"""Every bot sentence is a reviewed template: plain English, and never clinical advice."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import textstat
import yaml

ROOT = Path(__file__).resolve().parents[1]
MAX_GRADE = 6.0
# Templates allowed above grade 6, each with the reason. Keep this list short.
CLINICAL_ADVICE = re.compile(
    r"\byou (?:have|might have|may have|probably have|could have) (?:depression|anxiety|adhd|autism|an? \w+ disorder)"
    r"|\b(?:diagnos\w*|prescri\w*|dosage|dose of|\d+ ?mg)\b"
    r"|\byou should (?:take|stop taking|try) \w+"
    r"|\b(?:increase|reduce|double) (?:your|the) (?:dose|medication|tablets)",
    re.IGNORECASE,
)


def in_another_language(variant: dict) -> bool:
    """Interpreter lines in other languages (signposting/interpreter_lines.yml): an English
    reading-age formula means nothing there; a native speaker reviews them instead."""
    return any(condition.get("name") == "user_language" for condition in variant.get("condition") or [])


@functools.cache  # read once: the parametrisations below ask four times at collection
def templates() -> list[tuple[str, str]]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    return [
        (name, variant["text"])
        for name, variants in domain["responses"].items()
        for variant in variants
        if variant.get("text") and not in_another_language(variant)
    ]


def readable(text: str) -> str:
    """Placeholders and web addresses out; each line a sentence, as a reader meets them."""
    text = re.sub(r"\{[a-z_]+\}", "it", text)
    text = re.sub(r"https?://\S+", "the website", text)
    return " ".join(line if line.rstrip().endswith((".", "?", "!", ":")) else line + "." for line in text.splitlines())


@pytest.mark.parametrize(("name", "text"), templates(), ids=[name for name, _ in templates()])
def test_template_reads_at_grade_6_or_lower(name, text):
    grade = textstat.flesch_kincaid_grade(readable(text))
    assert grade <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {grade:.1f}: {text}"


@pytest.mark.parametrize(("name", "text"), templates(), ids=[name for name, _ in templates()])
def test_template_gives_no_diagnosis_or_treatment_advice(name, text):
    assert not CLINICAL_ADVICE.search(text), f"{name}: {text}"


def test_the_lint_catches_clinical_advice():
    assert CLINICAL_ADVICE.search("It sounds like you have depression.")
    assert CLINICAL_ADVICE.search("You should take 2 melatonin.")
    assert not CLINICAL_ADVICE.search("I can't give medical advice, like about medicines.")
