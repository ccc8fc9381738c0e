"""Issue #12: a plain answer to the form's question ("15 next month") that only the risk model
flagged goes to the form, not the check question; the conditions under which it never does."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import FIRST_STEP, next_step

ROOT = Path(__file__).resolve().parents[1]
MODEL_CHECK = {"level": "check", "source": "model", "lexicon_categories": [], "categories": ["physical_abuse"],
               "score": 0.3, "distress": True}


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def message(text: str, intent: str = "express_crisis", **risk) -> UserUttered:
    parsed = {"name": intent, "confidence": 1.0}
    return UserUttered(text, parsed, [], parse_data={"intent": parsed, "entities": [], "text": text, "risk": risk})


def at_the_question(domain: Domain, slot: str, answer: UserUttered, before: list | None = None) -> DialogueStateTracker:
    """The form asking for `slot` (after `before`), then the answer."""
    events = [
        ActionExecuted("action_listen"), message("hi", intent="greet"),
        *(before or []),
        ActionExecuted("triage_form"), ActiveLoop("triage_form"), SlotSet("requested_slot", slot),
        ActionExecuted("action_listen"), answer,
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


PARENT = [SlotSet("user_role", "parent_carer")]


@pytest.mark.parametrize(
    ("slot", "text", "before"),
    [("age", "15 next month", None), ("age", "I'm his nan, he's 10", PARENT), ("user_role", "its me not my mum", None),
     ("school", "im home skooled", None)],
)
def test_a_plain_answer_flagged_by_the_model_alone_goes_to_the_form(domain, slot, text, before):
    assert next_step(at_the_question(domain, slot, message(text, **MODEL_CHECK), before=before))[0] == "triage_form"


@pytest.mark.parametrize(
    "text",
    ["beaumont leys, leicester", "Debden estate in Loughton", "Narborough Road, Leicester", "just outside leicester, in blaby",
     "We are living in Leicester, Belgrave road", "um harlow please"],
)
def test_a_plain_area_answer_flagged_by_the_model_alone_goes_to_the_form(domain, text):
    """Development authors D8 and D10 (session 33): where they live got "Are you thinking about hurting yourself…?"."""
    assert next_step(at_the_question(domain, "area", message(text, **MODEL_CHECK)))[0] == "triage_form"


@pytest.mark.parametrize(
    "text",
    ["harlow and im scared to go home", "we live in harlow not safe", "i move between my mums in harlow and my dads in epping",
     "its over", "near the bridge", "harlow alone"],
)
def test_more_than_a_place_at_the_area_question_gets_the_check_question(domain, text):
    assert next_step(at_the_question(domain, "area", message(text, **MODEL_CHECK)))[0] == "utter_check_risk"


def test_a_plain_area_answer_at_the_models_crisis_level_gets_the_check_question(domain):
    assert next_step(at_the_question(domain, "area", message("Debden estate in Loughton", **MODEL_CRISIS)))[0] == "utter_check_risk"


def test_a_plain_area_answer_after_earlier_distress_gets_the_check_question(domain):
    earlier = [ActionExecuted("utter_greet"), message("everything is pointless", intent="describe_concern", level="none",
                                                      distress=True)]
    tracker = at_the_question(domain, "area", message("beaumont leys, leicester", **MODEL_CHECK), before=earlier)
    assert next_step(tracker)[0] == "utter_check_risk"


def test_a_young_person_giving_someone_elses_age_gets_the_check_question(domain):
    young = [SlotSet("user_role", "young_person")]
    assert next_step(at_the_question(domain, "age", message("hes 19", **MODEL_CHECK), before=young))[0] == "utter_check_risk"


@pytest.mark.parametrize(
    ("slot", "text", "risk"),
    [
        ("age", "13 and he said not to", MODEL_CHECK),  # more than an answer
        ("age", "15 next month", {**MODEL_CHECK, "source": "lexicon", "lexicon_categories": ["suicidal"]}),
        ("age", "15 next month", {**MODEL_CHECK, "crisis_language": "ur"}),
        ("concern", "low mood", MODEL_CHECK),  # only the role, age and school questions
    ],
)
def test_anything_else_at_check_level_gets_the_check_question(domain, slot, text, risk):
    assert next_step(at_the_question(domain, slot, message(text, **risk)))[0] == "utter_check_risk"


MODEL_CRISIS = {**MODEL_CHECK, "level": "crisis", "score": 0.9}


@pytest.mark.parametrize(("slot", "text", "before"), [("age", "He'll be 11 in September", PARENT), ("age", "like i said, 14", None),
                                                      ("user_role", "its me not my mum", None), ("school", "im home skooled", None)])
def test_a_plain_answer_at_the_models_crisis_level_gets_the_check_question(domain, slot, text, before):
    """Down to the check question, never to the form: a "No" then keeps the answer."""
    assert next_step(at_the_question(domain, slot, message(text, **MODEL_CRISIS), before=before))[0] == "utter_check_risk"


def test_an_earlier_message_is_excused_only_as_an_answer_to_the_question_asked_then(domain):
    """"hes 19" as the first message is not somebody's age (the review, session 13): the later
    plain answer at the model's crisis level keeps the crisis reply."""
    first = [message("hes 19", intent="inform", level="none", source="none", distress=True)]
    events = [ActionExecuted("action_listen"), *first]
    tracker = at_the_question(domain, "age", message("im 13 x", **MODEL_CRISIS), before=events)
    assert next_step(tracker)[0] in FIRST_STEP.values()


@pytest.mark.parametrize(
    ("slot", "text", "risk"),
    [
        ("age", "13 and he said not to", MODEL_CRISIS),  # more than an answer
        ("age", "15 next month", {**MODEL_CRISIS, "source": "lexicon", "lexicon_categories": ["suicidal"]}),
        ("age", "15 next month", {**MODEL_CRISIS, "crisis_language": "ur"}),
        ("age", "15 next month", {**MODEL_CRISIS, "source": "language"}),
        ("concern", "low mood", MODEL_CRISIS),  # only the role, age and school questions
    ],
)
def test_anything_else_at_the_models_crisis_level_gets_the_crisis_reply(domain, slot, text, risk):
    assert next_step(at_the_question(domain, slot, message(text, **risk)))[0] in FIRST_STEP.values()


def test_a_plain_answer_at_crisis_level_after_the_check_question_gets_the_crisis_reply(domain):
    earlier = [ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
               message("no", intent="deny", level="none", source="none"), ActionExecuted("utter_check_ok")]
    tracker = at_the_question(domain, "age", message("15 next month", **MODEL_CRISIS), before=earlier)
    assert next_step(tracker)[0] in FIRST_STEP.values()


def test_not_after_an_earlier_message_that_showed_distress(domain):
    earlier = [ActionExecuted("action_listen"), message("everything is a mess at home", intent="describe_concern",
                                                         level="none", source="none", distress=True)]
    tracker = at_the_question(domain, "age", message("15 next month", **MODEL_CHECK), before=earlier)
    assert next_step(tracker)[0] == "utter_check_risk"


def test_an_earlier_plain_answer_is_not_distress(domain):
    earlier = [ActionExecuted("triage_form"), SlotSet("requested_slot", "user_role"), ActionExecuted("action_listen"),
               message("its me not my mum", **MODEL_CHECK)]
    tracker = at_the_question(domain, "age", message("15 next month", **MODEL_CHECK), before=earlier)
    assert next_step(tracker)[0] == "triage_form"


def test_not_once_the_check_question_was_asked_in_this_conversation(domain):
    earlier = [ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
               message("no", intent="deny", level="none", source="none"), ActionExecuted("utter_check_ok")]
    tracker = at_the_question(domain, "age", message("15 next month", **MODEL_CHECK), before=earlier)
    assert next_step(tracker)[0] == "utter_check_risk"


def test_not_once_the_crisis_steps_ran(domain):
    earlier = [SlotSet("crisis_categories", ["suicidal"])]
    tracker = at_the_question(domain, "age", message("15 next month", **MODEL_CHECK), before=earlier)
    assert next_step(tracker)[0] != "triage_form"


# --- Session 35: a school of ours named as it is known ---------------------------------------------


@pytest.mark.parametrize("text", ["Helena Romanes in Dunmow", "castle rock high", "passmores academy", "St Marks in Harlow",
                                  # a one-word name with its own town, or its town's short form (D11, session 44)
                                  "ashlyns in berko", "ashlyns in berkhamsted", "beauchamp in oadby"])
def test_a_school_of_ours_named_at_the_school_question_goes_to_the_form(domain, text):
    """Development author D13: "Helena Romanes in Dunmow", scored at check level and read as German,
    got "I can only chat in English for now"."""
    risk = {**MODEL_CHECK, "language": "de"}
    assert next_step(at_the_question(domain, "school", message(text, **risk), before=PARENT))[0] == "triage_form"


@pytest.mark.parametrize("text", ["helena romanus in dunmow", "jestem bardzo smutna", "passmores academy, he hates it there",
                                  "beauchamp in harlow", "ashlyns in hemel",
                                  # the review: a one-word school name is an everyday word too ("Bridge Junior School")
                                  "im at the bridge", "at the bridge", "she is at the bridge", "bridge", "waterside"])
def test_a_misspelt_or_unknown_name_or_a_sentence_still_gets_the_check(domain, text):
    assert next_step(at_the_question(domain, "school", message(text, **MODEL_CHECK)))[0] != "triage_form"


def test_a_school_name_never_lowers_a_crisis_from_the_model(domain):
    """Only ever a check waived: "im at the bridge" scored at crisis level keeps the crisis reply."""
    risk = {**MODEL_CHECK, "level": "crisis", "score": 0.9}
    state = at_the_question(domain, "school", message("passmores academy", **risk))
    assert next_step(state)[0] in FIRST_STEP.values()


def test_a_school_name_with_a_risk_word_is_never_plain(domain):
    risk = {**MODEL_CHECK, "lexicon_categories": ["self_harm"]}
    assert next_step(at_the_question(domain, "school", message("passmores academy", **risk)))[0] != "triage_form"


@pytest.mark.parametrize(("slot", "text"), [("area", "we live in hitchin hertfordshire"), ("school", "helena romanes in dunmow")])
def test_a_longer_name_answer_read_as_another_language_is_a_name(domain, slot, text):
    """Development author D15: "we live in hitchin hertfordshire" got "I can only chat in English for now"."""
    answer = message(text, intent="inform", level="none", source="none", language="de", score=0.01)
    assert next_step(at_the_question(domain, slot, answer))[0] != "utter_other_language"


def test_a_sentence_in_another_language_at_the_place_question_still_gets_the_numbers(domain):
    answer = message("mieszkamy w harlow od roku", intent="inform", level="none", source="none", language="pl", score=0.01)
    assert next_step(at_the_question(domain, "area", answer))[0] == "utter_other_language"


def test_a_school_of_ours_after_an_earlier_check_gets_the_check_question_not_english_only(domain):
    """A phone trial (session 35): after an earlier check, "Helena Romanes in Dunmow" (check level,
    read as German) got "I can only chat in English for now". The check question comes instead."""
    earlier = [message("im worried my son wants to end his life", level="check", source="lexicon",
                       lexicon_categories=["suicidal"]), ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
               message("no", intent="deny"), ActionExecuted("utter_check_ok"), *PARENT]
    risk = {**MODEL_CHECK, "language": "de"}
    state = at_the_question(domain, "school", message("Helena Romanes in Dunmow", **risk), before=earlier)
    assert next_step(state)[0] == "utter_check_risk"


@pytest.mark.parametrize(("slot", "text"), [("area", "sorry my brother came in"), ("school", "hang on"), ("age", "brb"),
                                            ("concern", "one sec"), ("area", "I do not want to say."), ("area", "rather not say"),
                                            ("age", "I have two kids"), ("concern", "sorry i meant 15 not 13")])
def test_a_pause_or_the_place_declined_flagged_by_the_model_alone_goes_to_the_form(domain, slot, text):
    """A user trial (session 46): "sorry my brother came in" and "I do not want to say." at the place
    question got "Are you thinking about hurting yourself, or is someone hurting you?"."""
    assert next_step(at_the_question(domain, slot, message(text, **MODEL_CHECK)))[0] == "triage_form"


@pytest.mark.parametrize(("slot", "text", "risk"), [
    ("area", "sorry my dad came in", MODEL_CHECK),  # an adult coming in may be the danger itself
    ("area", "hang on", MODEL_CRISIS),  # down to the check at most
    ("area", "rather not say", {**MODEL_CHECK, "source": "lexicon", "lexicon_categories": ["suicidal"]}),
    ("age", "rather not say", MODEL_CHECK),  # only the place question is declined so
])
def test_no_pause_waives_more_than_a_models_check(domain, slot, text, risk):
    assert next_step(at_the_question(domain, slot, message(text, **risk)))[0] != "triage_form"


def checked_then(domain: Domain, checked: UserUttered, *answers: UserUttered) -> DialogueStateTracker:
    """The form asking the age; `checked` got the check question; then `answers`, the bot's reply to
    each but the last as the policy chose it."""
    events = [
        ActionExecuted("action_listen"), message("hi", intent="greet"), *PARENT,
        ActionExecuted("triage_form"), ActiveLoop("triage_form"), SlotSet("requested_slot", "age"),
        ActionExecuted("action_listen"), checked, ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("test", events, domain.slots)
    for answer in answers[:-1]:
        tracker.update(answer)
        action, _ = next_step(tracker)
        tracker.update(ActionExecuted(action))
        tracker.update(ActionExecuted("utter_check_risk"))
        tracker.update(ActionExecuted("action_listen"))
    tracker.update(answers[-1])
    return tracker


def test_skip_to_a_check_the_models_alone_raised_asks_it_again_once(domain):
    """A user trial (session 46): "my son is 14 and my daughter is 11" got the check question, "skip"
    the crisis reply, and two answers later "Please call 999 now, or take your child to A&E"."""
    checked = message("my son is 14 and my daughter is 11", **MODEL_CHECK)
    skip = message("skip", intent="dont_know", level="none")
    assert next_step(checked_then(domain, checked, skip))[0] == "utter_check_first"
    assert next_step(checked_then(domain, checked, skip, skip))[0] in FIRST_STEP.values()  # skipped again: the crisis reply


def test_skip_to_a_check_risk_words_raised_gets_the_crisis_reply(domain):
    checked = message("i dont see the point anymore", **{**MODEL_CHECK, "source": "lexicon", "lexicon_categories": ["suicidal"]})
    assert next_step(checked_then(domain, checked, message("skip", intent="dont_know", level="none")))[0] in FIRST_STEP.values()


def test_after_skip_and_the_check_again_anything_but_an_answer_gets_the_crisis_reply(domain):
    """The review (session 46): "i cant take it anymore" (the models alone), "skip", the check again,
    then "hemel" passed the check over; before, "skip" got the crisis reply at once."""
    checked = message("i cant take it anymore", **MODEL_CHECK)
    skip = message("skip", intent="dont_know", level="none")
    hemel = message("hemel", intent="inform", level="none")
    assert next_step(checked_then(domain, checked, skip, hemel))[0] in FIRST_STEP.values()
    assert next_step(checked_then(domain, checked, skip, message("no", intent="deny", level="none")))[0] == "utter_check_ok"


def test_a_pause_at_the_check_question_asks_it_again(domain):
    """The review (session 46): "hang on" to the check got "Take your time" and the form's question."""
    checked = message("i hate myself", **{**MODEL_CHECK, "source": "lexicon", "lexicon_categories": ["self_harm"]})
    assert next_step(checked_then(domain, checked, message("hang on", intent="describe_concern", level="none")))[0] == "utter_check_first"
