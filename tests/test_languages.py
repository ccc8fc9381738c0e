"""Language detection and crisis words in other languages (no model download, no network)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from signposting.languages import (
    INTERPRETER_LINES_FILE,
    RISK_TERMS_FILE,
    crisis_language,
    detect_language,
    domain_block,
    interpreter_lines,
)

ROOT = Path(__file__).resolve().parents[1]

# The languages the issue names (most spoken in Leicester and Hertfordshire after English).
REQUIRED = {"gu", "pa", "ur", "hi", "pl", "ro", "bn", "so", "ar", "es"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Moja córka chce się zabić, nie wiem co robić", "pl"),
        ("vreau să mor", "ro"),
        ("quiero morir", "es"),
        ("main marna chahti hoon", "ur"),
        ("میں خودکشی کرنا چاہتا ہوں", "ur"),
        ("मैं आत्महत्या करना चाहता हूँ", "hi"),
        ("મારે આપઘાત કરવો છે", "gu"),
        ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ", "pa"),
        ("আমি মরতে চাই", "bn"),
        ("waan is dilayaa", "so"),
        ("أريد أن أموت", "ar"),
    ],
)
def test_crisis_words_in_other_languages_are_found(text, language):
    assert crisis_language(text) == language


@pytest.mark.parametrize("text", ["I want to go to Leicester", "quiero ir al cine", "mam egzamin jutro", "hello", "watford innit"])
def test_ordinary_messages_have_no_crisis_words(text):
    assert crisis_language(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nie wiem co robić z synem, nie chce chodzić do szkoły", "pl"),
        ("میرا بیٹا بہت پریشان ہے", "ur"),
        ("আমার মেয়ে খুব দুঃখী", "bn"),
        ("ngl idk what to do rn", None),
        ("my son is 14 and anxious", None),
        ("Hemel Hempstead", None),
        ("yes please", None),
        ("beaumont leys init", None),  # "innit" misspelt: got "I can only chat in English" (D1)
    ],
)
def test_language_is_named_only_when_confident(text, expected):
    guess = detect_language(text)
    assert (guess.code if guess else None) == expected


def test_both_files_say_who_wrote_them_and_that_they_await_review():
    for path in (RISK_TERMS_FILE, INTERPRETER_LINES_FILE):
        data = yaml.safe_load(path.read_text(encoding="utf8"))
        assert data["written_by"] and "native" in data["review_status"]


def test_every_required_language_has_crisis_words_and_an_interpreter_line():
    terms = yaml.safe_load(RISK_TERMS_FILE.read_text(encoding="utf8"))["languages"]
    assert set(terms) >= REQUIRED
    assert set(interpreter_lines()) >= REQUIRED


def test_the_domain_holds_exactly_the_interpreter_lines_of_the_file():
    """domain.yml's generated block must match the one file (python -m signposting.languages --write-domain)."""
    assert domain_block() in (ROOT / "domain.yml").read_text(encoding="utf8")


@pytest.mark.parametrize(("text", "code"), [("pomocy", "pl"), ("Pomocy!", "pl"), ("pomóż mi", "pl"), ("ajutor", "ro"), ("ayuda", "es"),
                                            ("socorro", "pt"), ("yardım", "tr"), ("padėkite", "lt"), ("aiuto", "it"), ("Hilfe!", "de"),
                                            ("au secours", "fr")])
def test_a_call_for_help_in_a_word_is_read_as_its_language(text, code):
    """"pomocy" as a first message got "Sorry, I can't help with that" (development conversations G18, session 42)."""
    guess = detect_language(text)
    assert guess is not None and guess.code == code


@pytest.mark.parametrize("text", ["help", "help me", "aide", "socks", "ayy"])
def test_english_calls_for_help_are_english(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["POMOCY 😭", "pomocy 🙏", "Pomocy, proszę", "pomocy pomocy", "pomocy pls", "aidez-moi",
                                  "ratunku pomocy", "pomocy!!! pomóżcie mi", "help pomocy"])
def test_a_call_for_help_with_emoji_a_please_or_said_twice_is_read_too(text):
    """The review (session 42): the first version needed the whole message to be the word."""
    assert detect_language(text) is not None


@pytest.mark.parametrize("text", ["moja mama wzięła dużo tabletek", "nie mogę jej obudzić", "on nie oddycha", "połknęła wszystkie leki",
                                  "nie mogę obudzić mamy", "mama wzięła za dużo tabletek", "wzięła 20 tabletek", "nałykała się tabletek",
                                  "moja mama wypiła dużo alkoholu i wzięła tabletki", "wzięłam 100 tabletek", "wzięłam 5 tabletek",
                                  "wzięłam wszystkie moje tabletki", "wzięła całe opakowanie paracetamolu", "mama się nie budzi"])
def test_an_overdose_or_someone_who_cannot_be_woken_in_polish_is_a_crisis(text):
    assert crisis_language(text) == "pl"


@pytest.mark.parametrize("text", ["wziąłem leki rano", "mama wzięła tabletki na ból głowy", "wypiłem piwo",
                                  "wypiłam kawę i wzięłam leki na alergię", "nie mogę go obudzić do szkoły", "mój brat nie oddycha przez nos"])
def test_medicine_taken_as_usual_in_polish_is_not(text):
    assert crisis_language(text) is None
