"""Questions about a service by its name (actions/service_info.py): which services a message names."""
from __future__ import annotations

import pytest

from actions.service_info import asks_what_it_is, named_services, service_aliases
from services_db.gazetteer import everyday_words
from services_db.seed import load_service_records

SERVICES = load_service_records()
BY_ID = {service.id: service for service in SERVICES}


def named(text: str) -> list[str]:
    return [service.id for service in named_services(text, SERVICES, everyday_words())]


@pytest.mark.parametrize(("text", "first"), [
    ("whats camhs", "llr-camhs"),  # named in full before the crisis team that shares the word
    ("is kooth free", "hwe-kooth-herts"),
    ("what is shout", "nat-shout"),
    ("can i text shout", "nat-shout"),
    ("tell me about papyrus", "nat-papyrus"),
    ("is childline free", "nat-childline"),
    ("what is hertfordshire camhs", "hwe-hpft-camhs"),
    ("what does EWMHS mean", "hwe-ewmhs"),
])
def test_a_service_named_is_found(text, first):
    assert named(text)[0] == first


@pytest.mark.parametrize("text", [
    "whats the difference between these", "my dad shouts at me", "how do i stay calm", "my step dad",
    "is there anything in hertfordshire", "can i send it to my email", "what is a panic attack",
])
def test_everyday_words_and_places_name_no_service(text):
    assert named(text) == []


def test_every_service_can_be_named_by_its_own_name():
    for service in SERVICES:
        assert service.id in named(f"what is {service.name}"), service.name
        assert service_aliases(service, everyday_words())


@pytest.mark.parametrize(("text", "asks"), [("whats camhs", True), ("what is CAMHS?", True), ("tell me about kooth", True),
                                            ("should i take sertraline", False), ("is it adhd", False)])
def test_what_is_it_questions(text, asks):
    assert asks_what_it_is(text) is asks


@pytest.mark.parametrize(("text", "services"), [
    ("is there anything specifically for eating disorders?", True), ("is there anything for drugs", True),
    ("anxiety", True), ("any support for young carers", True),
    ("should i take any pills for my anxiety", False), ("is there anything i can take for sleep", False),
    ("what is a panic attack", False),
])
def test_what_the_clinical_advice_action_searches_for(text, services):
    """Session 46: it had its own check, which missed drugs named as the worry (asks_for_help_with_a_worry)."""
    from actions.service_info import asks_for_services_not_advice

    assert asks_for_services_not_advice(text) is services


def test_a_medicine_question_is_not_a_request_for_services():
    from actions.services import asks_for_services_for_a_worry

    assert asks_for_services_for_a_worry("is there anything specifically for eating disorders?")
    assert not asks_for_services_for_a_worry("should i take any pills for my anxiety")
    assert not asks_for_services_for_a_worry("is there anything i can take for sleep")


@pytest.mark.parametrize(("text", "only_a_worry"), [
    ("anxiety", True), ("panic attacks", True), ("self harm", True),  # a user trial (session 45): "I can't give medical advice"
    ("what meds are good for anxiety", False), ("is it anxiety?", False), ("melatonin for sleep", False),
    ("can i go without my parents knowing", False), ("", False),
])
def test_a_worry_named_alone_is_told_from_a_question_for_advice(text, only_a_worry):
    from signposting.concern_reading import names_only_a_worry

    assert names_only_a_worry(text) is only_a_worry
