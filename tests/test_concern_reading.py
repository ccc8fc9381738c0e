"""signposting.concern_reading: when the concern model's guess may change what the rules read."""
from __future__ import annotations

import pytest

from signposting.concern_reading import (
    PARSE_KEY,
    ConcernGuess,
    GuessThresholds,
    choose_concern,
    guess_from,
    read_concern,
)
from signposting.parsing import parse_concern

T = GuessThresholds(trust=0.5, alone=0.35)


def test_a_sure_guess_is_taken_over_the_rules() -> None:
    assert choose_concern(None, ConcernGuess("school_refusal", 0.8), T) == "school_refusal"
    # "so stressed since nan died": the rules read the word, the model the worry
    assert choose_concern("worry", ConcernGuess("bereavement", 0.6), T) == "bereavement"
    assert choose_concern("bullying", ConcernGuess("online_safety", 0.5), T) == "online_safety"


def test_an_unsure_guess_leaves_what_the_rules_found() -> None:
    assert choose_concern("worry", ConcernGuess("bereavement", 0.49), T) == "worry"
    assert choose_concern("other", ConcernGuess("bereavement", 0.4), T) == "other"


def test_when_the_rules_found_nothing_a_less_sure_guess_will_do() -> None:
    assert choose_concern(None, ConcernGuess("school_refusal", 0.35), T) == "school_refusal"
    assert choose_concern(None, ConcernGuess("school_refusal", 0.34), T) is None


def test_other_never_hides_a_worry_the_rules_found() -> None:
    assert choose_concern("sleep", ConcernGuess("other", 0.99), T) == "sleep"
    assert choose_concern(None, ConcernGuess("other", 0.9), T) == "other"


def test_self_harm_the_rules_found_always_stands() -> None:
    assert choose_concern("self_harm", ConcernGuess("body_image", 0.99), T) == "self_harm"


def test_no_guess_is_the_rules_answer() -> None:
    assert choose_concern("sleep", None, T) == "sleep"
    assert choose_concern(None, None, T) is None


@pytest.mark.parametrize("raw", [None, {}, {"concern": 3, "confidence": 0.9}, {"concern": "sleep"}, "sleep", [1, 2]])
def test_a_missing_or_malformed_guess_is_no_guess(raw: object) -> None:
    assert guess_from({PARSE_KEY: raw}) is None
    assert guess_from(None) is None


def test_read_concern_uses_the_rules_and_the_parse_data() -> None:
    assert read_concern("I've been bullied") == "bullying"
    assert read_concern("she hides in the car at the gate") is None
    parse = {"text": "she hides in the car at the gate", PARSE_KEY: {"concern": "school_refusal", "confidence": 0.9}}
    assert read_concern("she hides in the car at the gate", parse) == "school_refusal"


def test_a_guess_of_no_worry_is_no_guess() -> None:
    assert choose_concern(None, ConcernGuess("none", 0.9), T) is None
    assert choose_concern("sleep", ConcernGuess("none", 0.99), T) == "sleep"


def test_online_safety_the_rules_found_stands() -> None:
    """Report Remove and CEOP are the help for pictures shared or threatened: a guess of
    "relationships" must not replace them."""
    assert choose_concern("online_safety", ConcernGuess("relationships", 0.9), T) == "online_safety"


def guessed(concern: str, confidence: float = 0.9, level: str = "none") -> dict:
    return {PARSE_KEY: {"concern": concern, "confidence": confidence}, "risk": {"level": level}}


@pytest.mark.parametrize("text", ["i burn myself", "i scratch myself", "ive been hitting myself", "i bite myself"])
def test_a_message_the_lexicon_flags_is_read_by_the_rules_alone(text: str) -> None:
    """The model never learnt the crisis concerns: its guess must not turn self-harm into body
    image (the search then maps the risk words to self-harm, actions/services.py)."""
    assert read_concern(text, guessed("body_image")) is None


def test_a_message_that_got_the_crisis_reply_is_read_by_the_rules_alone() -> None:
    assert read_concern("i hate myself", guessed("body_image", level="crisis")) is None
    assert read_concern("i burn myself", guessed("body_image", level="check")) is None  # a risk word


def test_a_message_that_only_got_the_check_question_is_read_with_the_guess() -> None:
    """The user answered "No" to "are you thinking about hurting yourself?": their words are a worry."""
    carer = "my dad left and now i look after my little brothers every night"
    assert read_concern(carer, guessed("young_carer", 0.91, level="check")) == "young_carer"
    # ("i hate myself" by itself is a risk word since session 36: read by the rules alone)
    assert read_concern("i hate everything about me", guessed("body_image")) == "body_image"


def test_nudes_shown_around_stay_online_safety() -> None:
    assert read_concern("i sent nudes to my boyfriend and he showed his mates", guessed("relationships", 0.61)) == "online_safety"


# --- in the action server: which message's guess is used -------------------------------

def sdk_tracker(latest: dict, events: list[dict], concern_slot: str | None = None):  # type: ignore[no-untyped-def]
    from rasa_sdk import Tracker

    return Tracker("test", {"concern": concern_slot}, latest, events, False, None, None, "action_listen")


def test_the_action_server_uses_the_guess_of_the_message_that_said_the_words() -> None:
    from actions.services import concern_from_text
    from actions.triage_form import concern_in

    told = "she hides under the duvet on school mornings"
    earlier = {"text": told, **guessed("school_refusal")}
    latest = {"text": "no", **guessed("none")}
    tracker = sdk_tracker(latest, [{"event": "user", "text": told, "parse_data": earlier},
                                   {"event": "user", "text": "no", "parse_data": latest}], concern_slot=told)
    assert concern_in(tracker, told) == "school_refusal"  # an earlier message's own guess
    assert concern_in(tracker, "no") is None
    assert concern_in(tracker, "words nobody said") is None  # no message said them: the rules alone
    assert concern_from_text(told, tracker) == "school_refusal"


def test_the_search_maps_self_harm_words_to_self_harm_whatever_the_guess() -> None:
    from actions.services import concern_from_text

    said = {"text": "i burn myself", **guessed("body_image", level="crisis")}
    tracker = sdk_tracker(said, [{"event": "user", "text": "i burn myself", "parse_data": said}], concern_slot="i burn myself")
    assert concern_from_text("i burn myself", tracker) == "self_harm"


@pytest.mark.parametrize("text", ["dysphoria is really bad lately, i hate being in this body", "im bi and people at school keep making jokes about it"])
def test_a_word_that_names_a_gender_identity_or_sexuality_stands_over_a_guess(text) -> None:
    """Development author C1 (session 25): the model's sure "body image" and "bullying" replaced them."""
    assert read_concern(text, {"text": text, **guessed("body_image", 0.95)}) == "gender_sexuality"


@pytest.mark.parametrize(("text", "worry"), [
    ("my son has asd and has meltdowns after school", "neurodevelopmental"),  # D15: no caring said
    ("i look after my mum she has ms", "young_carer"),
    ("my daughter looks after her little brother and is exhausted", "young_carer"),
    ("im always doing the cooking and cleaning cos mum is ill and im so stressed", "young_carer"),
    # a young person's own words keep the guess (the review, session 43)
    ("mum has depression and i make dinner every night", "young_carer"),
    ("my mum has ms and i have to help her get dressed", "young_carer"),
    ("my dad has depression and i help him with his meds", "young_carer"),
])
def test_a_guess_of_being_a_young_carer_needs_caring_said_to_replace_the_rules(text, worry) -> None:
    assert read_concern(text, {"text": text, **guessed("young_carer", 0.6)}) == worry


@pytest.mark.parametrize("text", ["uni finals stressing me out so bad", "stressed about my dissertation"])
def test_a_young_adults_exams_are_exam_stress(text) -> None:
    assert read_concern(text, {"text": text, **guessed("none", 0.9)}) == "exam_stress"  # D17


def test_a_looser_word_for_it_leaves_the_guess() -> None:
    """"came out" is also how exam results come out."""
    text = "since the results came out she just cries"
    assert read_concern(text, {"text": text, **guessed("low_mood", 0.9)}) == "low_mood"


def test_after_a_crisis_reply_from_the_model_alone_a_sure_guess_fills_what_the_rules_left() -> None:
    """Session 27: "havent been in since october" got the crisis reply; once the user said they were
    safe the search was for "something else". A risk word, or a rule's own reading, still stands."""
    assert read_concern("havent been in since october", guessed("school_refusal", 0.87, level="crisis")) == "school_refusal"
    assert read_concern("havent been in since october", guessed("school_refusal", 0.4, level="crisis")) is None
    assert read_concern("i cant stop crying about my exams", guessed("bereavement", 0.9, level="crisis")) == "exam_stress"
    assert read_concern("i hate myself", guessed("low_mood", 0.9, level="crisis")) is None


def test_told_to_die_online_is_bullying_unless_grooming_is_told() -> None:
    """A phone trial (session 32): "a guy on discord keeps telling me to uninstall life" got the
    list for staying safe online (CEOP, Report Remove); it is harassment."""
    from signposting.parsing import parse_concern

    assert parse_concern("a guy on discord keeps telling me to uninstall life") == "bullying"
    assert parse_concern("people in my game chat keep telling me to kys") == "bullying"
    assert parse_concern("an older guy on snap keeps telling me to kill myself if i dont send nudes") == "online_safety"
    assert parse_concern("i want to die") is None
    # the review: a parent saying it is a family worry, one's own thoughts no bullying
    assert parse_concern("my mum keeps telling me to kill myself") == "family"
    assert parse_concern("my brain keeps telling me to kill myself") != "bullying"


@pytest.mark.parametrize(("text", "concern"), [
    # a user trial (session 45): the help for staying safe online (CEOP, Report Remove) for screen time
    ("he's always on his phone, tiktok all night, moody", "low_mood"),
    ("hes on tiktok all night and cant sleep", "sleep"),
    ("someone on snapchat keeps asking for pics", "online_safety"),
    ("she watches scary stuff on tiktok and has nightmares", "online_safety"),
    ("tiktok", "online_safety"),
    # the review (session 45): a platform beside another worry keeps the online help unless it is screen time
    ("my daughter is talking to a 30 year old on snapchat and she is very withdrawn and sad", "online_safety"),
    ("a man on snapchat keeps asking me for pics and im scared", "online_safety"),
    ("he says he will post my pics on insta, i cant sleep", "online_safety"),
    ("my son is being radicalised online, hes angry", "online_safety"),
    # where someone stays is no family worry; a family member's illness is one
    ("uni student home for xmas, 19, back at my parents in Oadby. Having panic attacks again", "worry"),
    ("my little brother has cancer and everyones focused on him, i feel invisible and guilty", "family"),
    ("my parents are splitting up", "family"),
    ("problems with my parents", "family"), ("arguments with my parents", "family"),  # the review (session 45)
    ("i live with my parents and im sad", "low_mood"),
])
def test_where_it_happens_is_no_worry_of_its_own(text, concern):
    assert parse_concern(text) == concern
