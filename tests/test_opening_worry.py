"""A worry told as the first message that DIET read as a request (bot/nlu/opening_worry.py,
signposting.concern_reading.worry_told_first): pure tests on parse data and trackers."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import OPENING_STEPS
from bot.nlu.opening_worry import next_opening_step
from signposting.concern_reading import one_message_typed, worry_told_first
from signposting.parsing import parse_role_typed

ROOT = Path(__file__).resolve().parents[1]


def parsed(text: str, intent: str, guess: str = "none", confidence: float = 0.0) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": 0.9}, "concern_model": {"concern": guess, "confidence": confidence}}


@pytest.mark.parametrize(
    ("text", "intent", "guess", "confidence", "worry"),
    [
        ("exams next week and im freaking out", "ask_service_info", "exam_stress", 0.9, "exam_stress"),
        ("everyone at college has mates except me", "inform", "loneliness", 0.7, "loneliness"),
        ("i look after my mum she has ms", "parent_own_help", "young_carer", 0.95, "young_carer"),
        ("my son is being bullied", "seek_help", "none", 0.0, "bullying"),  # the rules' words alone
        # D2: "I can't give medical advice" to a worry told, not asked about
        ("Just been told my lad is autistic. now what", "ask_clinical_advice", "neurodevelopmental", 0.9, "neurodevelopmental"),
        # D2 (session 29): the child's worry, read as the parent's own help; nothing of the parent's own said
        ("my child worry about everything, cry before school every day. we are from Romania, new here", "parent_own_help",
         "worry", 0.9, "worry"),
        # D18 (session 43): DIET could not place it, and "Sorry, I didn't get that" was the reply
        ("i look after my mum cos shes ill and never get any time for me im knackered", "nlu_fallback", "young_carer", 0.9,
         "young_carer"),
    ],
)
def test_a_worry_told_under_another_intent_is_read(text, intent, guess, confidence, worry):
    assert worry_told_first(text, parsed(text, intent, guess, confidence)) == worry


@pytest.mark.parametrize(
    ("text", "intent", "guess", "confidence"),
    [
        ("does childline help with bullying?", "ask_service_info", "bullying", 0.9),  # a question keeps its answer
        ("is it normal for him to be this anxious", "ask_clinical_advice", "worry", 0.9),
        ("my son has adhd should he take meds", "ask_clinical_advice", "neurodevelopmental", 0.9),  # medicine named
        # read as medical advice, the model's guess alone is no worry (D6: the list came for "family")
        ("Harlow - grandparents, the kids live with us now", "ask_clinical_advice", "family", 0.95),
        ("how do i get my daughter referred for her anxiety", "ask_service_info", "worry", 0.9),
        ("i'm not coping myself, i feel so low", "parent_own_help", "low_mood", 0.9),  # the parent's own
        ("my son has adhd and im struggling to cope", "parent_own_help", "neurodevelopmental", 0.9),  # the parent's too
        ("my daughters anxiety is wearing me down", "parent_own_help", "worry", 0.9),
        ("my son", "inform", "family", 0.45),  # a guess too unsure for a first message
        ("watford", "inform", "none", 0.99),
        ("exam stress", "describe_concern", "exam_stress", 0.99),  # the worry rule's own: not this reading
        ("can i print this", "request_print", "other", 0.9),
        ("purple monkey dishwasher", "nlu_fallback", "other", 0.4),  # nothing placed, no worry read
    ],
)
def test_no_worry_is_read_where_none_is_told_or_the_intent_fits(text, intent, guess, confidence):
    assert worry_told_first(text, parsed(text, intent, guess, confidence)) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A young person I support is really struggling with anxiety", "professional"),
        ("one of the students i mentor is being bullied", "professional"),
        ("young person", "young_person"),
        ("a student i know is sad", "young_person"),
    ],
)
def test_a_young_person_the_speaker_works_with_is_not_the_speaker(text, role):
    assert parse_role_typed(text) == role


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def first_message(domain: Domain, text: str, intent: str, guess: str, confidence: float, before: list | None = None) -> DialogueStateTracker:
    data = parsed(text, intent, guess, confidence)
    events = [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"), *(before or []),
        UserUttered(text, data["intent"], parse_data=data),
    ]
    return DialogueStateTracker.from_events("test", events, domain.slots)


def test_the_greeting_the_urgent_lines_and_the_questions_then_nothing(domain):
    tracker = first_message(domain, "exams next week and im freaking out", "ask_service_info", "exam_stress", 0.9)
    taken = []
    while (step := next_opening_step(tracker)) is not None:
        taken.append(step)
        tracker.update(ActionExecuted(step))
        if step == OPENING_STEPS[-1]:
            tracker.update_with_events([SlotSet("requested_slot", "user_role")], domain)
    assert tuple(taken) == OPENING_STEPS


def test_only_the_first_message(domain):
    earlier = [UserUttered("hi", {"name": "greet", "confidence": 1.0}), ActionExecuted("utter_greet"), ActionExecuted("action_listen")]
    tracker = first_message(domain, "exams next week and im freaking out", "ask_service_info", "exam_stress", 0.9, earlier)
    assert next_opening_step(tracker) is None


def test_an_intent_whose_rule_starts_the_questions_is_left_to_the_rules(domain):
    tracker = first_message(domain, "everyone at college has mates except me", "inform", "loneliness", 0.7)
    assert next_opening_step(tracker) is None  # the rule greets; the form keeps the worry


@pytest.mark.parametrize(("text", "intent"), [
    # The review (session 27): adults who care for someone are no young carers.
    ("im a single dad caring for my disabled son and im not coping", "parent_own_help"),
    ("i look after my mum and my kids and im exhausted, is there anything for me", "parent_own_help"),
    ("looking for help for my grandson", "seek_help"),
    ("im a grandparent looking after my grandchildren", "inform"),
])
def test_an_adult_who_cares_for_someone_is_no_young_carer(text, intent):
    assert worry_told_first(text, parsed(text, intent, "young_carer", 0.9)) is None


@pytest.mark.parametrize(("names", "once"), [
    (["action", "session_started", "action", "user"], True),
    (["user", "action", "user"], False),
    (["user", "action", "session_started", "action", "user"], True),  # a new session: counted afresh
    (["user", "restart", "user"], True),
    (["action", "session_started"], False),
])
def test_one_message_typed_counts_since_the_session_started(names, once):
    """The policy and the action server read it alike (the review found them counting apart)."""
    assert one_message_typed(names) is once


@pytest.mark.parametrize(("text", "intent"), [
    ("is there like a service for young people", "ask_service_info"),  # development author D7
    ("CAMHS practitioner here - what local support is there for young people while they wait for us?", "ask_service_info"),  # D10
    ("where can i get help for my son", "more_options"),
    # development author D16 (session 44): "I can't give medical advice"
    ("Looking for counselling for my granddaughter who I have under a special guardianship order", "ask_clinical_advice"),
    ("is there any support for young people", "ask_privacy"),
])
def test_support_asked_for_in_general_first_starts_the_questions(domain, text, intent):
    tracker = first_message(domain, text, intent, "none", 0.0)
    assert next_opening_step(tracker) == OPENING_STEPS[0]


@pytest.mark.parametrize(("text", "intent"), [
    ("does childline help with bullying?", "ask_service_info"),  # a service named keeps its answer
    ("is kooth free", "ask_service_info"), ("how do i get my daughter referred to camhs", "ask_service_info"),
    ("what support is there for parents", "ask_service_info"),  # a parent's own help is its own path
    ("is there like a service for young people", "talk_to_a_person"),  # only the misreads of a request for support
    ("is there any support for me", "parent_own_help"),  # a parent's own help keeps its path
    ("is it normal for him to be this anxious", "ask_clinical_advice"),  # no request for support
])
def test_a_question_about_a_service_or_another_reading_keeps_its_answer(domain, text, intent):
    assert next_opening_step(first_message(domain, text, intent, "none", 0.0)) is None


def test_support_asked_for_after_the_first_message_keeps_its_answer(domain):
    before = [UserUttered("hi", {"name": "greet", "confidence": 1.0}), ActionExecuted("utter_greet"), ActionExecuted("action_listen")]
    tracker = first_message(domain, "is there like a service for young people", "ask_service_info", "none", 0.0, before=before)
    assert next_opening_step(tracker) is None
