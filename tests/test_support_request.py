"""Support asked for in general (signposting/support_request.py): a closed grammar, pure tests."""
from __future__ import annotations

import pytest

from signposting.support_request import asks_for_support_in_general


@pytest.mark.parametrize("text", [
    "is there like a service for young people", "what local support is there", "where can i get help for my son",
    "is there any help", "any services near me", "what help is available near me", "is there help out there for kids",
    "CAMHS practitioner here - what local support is there for young people while they wait for us?",
    "Hi, what support is there round here?",
    # development author D16 (session 36): "I can't give medical advice"
    "Looking for counselling for my granddaughter who I have under a special guardianship order",
])
def test_support_asked_for_in_general(text):
    assert asks_for_support_in_general(text)


@pytest.mark.parametrize("text", [
    "does childline help with bullying?", "is kooth free", "what is kooth", "how do i get my daughter referred to camhs",
    "is there a service for eating disorders",  # a worry named: read as that worry
    "what support is there for parents",  # a parent's own help
    "is there anything i can take to sleep", "hi is there someone i can talk to",
    "i want to kill myself is there any help", "is there any help im being hurt at home",
    "looking for counselling for my son who i have hurt",  # more said after "who"
])
def test_a_service_or_a_worry_named_or_more_said_is_not(text):
    assert not asks_for_support_in_general(text)
