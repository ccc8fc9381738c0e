"""Issue #12, session 35: what development authors D12 and D13 typed and the bot got wrong, in
whole conversations over REST (real model, action server, database)."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_typed import kept_going, slots, start

pytestmark = pytest.mark.servers

CHECK_PARENT = "I want to check everyone is safe"


def test_that_would_be_lovely_thank_you_so_much_to_the_offer_starts_the_questions(bot):  # noqa: F811
    """D13: it got "You're welcome. Take care."."""
    chat = Conversation(bot.rasa_url)
    chat.say("I want to kill myself")
    assert "find support near you" in chat.text("/confirm_safe")
    reply = chat.text("That would be lovely, thank you so much.")
    assert "Who is chatting today?" in reply and kept_going(reply)


@pytest.mark.parametrize(("typed", "school"), [
    ("nah ur alright", "skipped"),  # D12: "Sorry, I didn't get that"
    ("we just moved from Romania, he does not have school yet", "not at school"),  # D12: the privacy answer
])
def test_school_answers_as_typed(bot, typed, school):  # noqa: F811
    chat = start(bot, "parent or carer", "12")
    reply = chat.text(typed)
    if CHECK_PARENT in reply:  # the risk model's check level: "No" keeps the answer
        reply = chat.text("/deny")
    assert "Where does your child live?" in reply and kept_going(reply)
    assert slots(bot, chat)["school"] == school


def test_a_school_called_high_is_found(bot):  # noqa: F811
    """D12: "castle rock high" got "Sorry, I can't help with that. I can only help you find support…"."""
    chat = start(bot, "young person", "14")
    reply = chat.text("castle rock high")
    assert "can't help with that" not in reply and "Where do you live?" in reply
    assert slots(bot, chat)["school"] == "The Castle Rock School"


def test_for_my_beta_is_a_parent(bot):  # noqa: F811
    """D12: "for my beta" (my son) got "Sorry, I didn't get that. Are you a young person…?"."""
    chat = start(bot)
    assert "How old is your child?" in chat.text("for my beta")


@pytest.mark.parametrize(("typed", "area"), [
    ("Pt resides in Harlow CM19", "west_essex"),  # D13: "CM19 covers more than one area"
    ("Chelmsford – I know that's not West Essex, sorry.", "national"),  # D13: taken as West Essex
])
def test_a_place_in_a_professionals_or_a_parents_words(bot, typed, area):  # noqa: F811
    chat = start(bot, "professional", "13", "skip")
    reply = chat.text(typed)
    if "I want to check everyone is safe" in reply:
        reply = chat.text("/deny")
    assert "covers more than one area" not in reply and kept_going(reply)
    assert slots(bot, chat)["area_code"] == area
