"""Places, nations, ages and everyday worries in whole conversations over REST (issue #12):
the real trained model, action server and database."""
from __future__ import annotations

import pytest

from services_db.query import upper_age
from tests.test_conversations import Conversation, buttons, expected_services
from tests.test_conversations_typed import slots

pytestmark = pytest.mark.servers


def start(chat: Conversation, *answers: str) -> None:
    for text in ["hi", *answers]:
        chat.say(text)


@pytest.mark.parametrize(
    "place",
    [
        "Oadby", "Hemel", "Theydon Bois",
        "leicester city centre",  # read as out_of_scope by the NLU: the area question's parser now comes first
    ],
)
def test_places_people_type_are_understood(bot, place):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "14", "skip")
    reply = chat.text(place)
    assert "What has been going on" in reply
    assert "outside the areas" not in reply and "don't know that place" not in reply


@pytest.mark.parametrize(
    ("place", "own_line"),
    [("Cardiff", "press 2"), ("Glasgow", "NHS 24"), ("Belfast", "0808 808 8000")],
)
def test_wales_scotland_and_northern_ireland_get_their_own_help_never_anywhere_in_england(bot, place, own_line):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "15", "skip")
    assert "What has been going on" in chat.text(place)
    answer = chat.text("low mood")
    assert own_line in answer
    assert "0800 1111" in answer  # Childline covers the whole UK
    assert "help you can use anywhere in England" not in answer
    assert "anywhere in England" not in answer.split("If you are in danger now")[0]


def test_a_shared_town_is_asked_about_with_town_names_and_bullying_finds_essex_services(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "12", "skip")
    question = chat.say("Bishop's Stortford")
    assert "covers more than one area" in "\n".join(m.get("text", "") for m in question)
    assert buttons(question) == ["Bishop's Stortford (Hertfordshire)", "Takeley or Elsenham (Essex)"]
    assert "What has been going on" in chat.text("Takeley or Elsenham (Essex)")
    answer = chat.text("bullying")
    assert "couldn't find a local service" not in answer
    matches = expected_services(sqlite_directory, role="young_person", age_min=12, age_max=12, area_code="west_essex",
                                concern="bullying")
    assert any(match.local for match in matches)
    for match in matches:
        assert match.service.name in answer


def test_a_worry_told_at_which_is_closest_keeps_that_question_then_searches(bot, sqlite_directory):  # noqa: F811
    """Phone trial, 2026-12-02: a parent typed the worry instead of picking, and the bot asked
    "Where does your child live?" from the start, as if "LE4" had never been typed."""
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "9", "skip")
    question = chat.say("LE4")
    assert buttons(question)[:2] == ["Leicester city", "Birstall (Leicestershire)"]
    told = chat.say("he cries every morning before school")
    if "I want to check you're OK" in "\n".join(m.get("text", "") for m in told):  # the risk layer may ask first
        told = chat.say("/deny")
    text = "\n".join(m.get("text", "") for m in told)
    assert "LE4 covers more than one area" in text and "Where does your child live" not in text
    assert buttons(told)[:2] == ["Leicester city", "Birstall (Leicestershire)"]
    answer = chat.text("Leicester city")
    assert "What has been going on" not in answer  # the worry was kept: the search comes at once
    found = slots(bot, chat)
    assert found["area_code"] == "leicester" and found["concern"] is not None
    matches = expected_services(sqlite_directory, role="parent_carer", age_min=9, age_max=9, area_code="leicester",
                                concern=found["concern"])
    assert matches and all(match.service.name in answer for match in matches)


def test_nightmares_in_epping_find_local_services(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "9", "skip", "Epping")
    answer = chat.text("he has nightmares every night")
    assert "couldn't find a local service" not in answer
    matches = expected_services(sqlite_directory, role="parent_carer", age_min=9, age_max=9, area_code="west_essex",
                                concern="sleep")
    assert any(match.local for match in matches)
    for match in matches:
        assert match.service.name in answer


@pytest.mark.parametrize("age", [24, 25])
def test_young_adults_never_see_services_for_children(bot, sqlite_directory, age):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", str(age), "skip", "Watford")
    answer = chat.text("low mood")
    matches = expected_services(sqlite_directory, role="young_person", age_min=age, age_max=age, area_code="herts",
                                concern="low_mood")
    assert matches and all(f"{match.service.name}\n" in answer for match in matches)
    services = sqlite_directory.services
    # Names of services too young for this age (a name shared with one that fits, like "Kooth", aside).
    too_young = {s.name for s in services if upper_age(s) < age} - {s.name for s in services if upper_age(s) >= age}
    assert "Childline" in too_young
    assert [name for name in too_young if f"{name}\n" in answer] == []


def test_a_place_typed_after_rather_not_say_is_the_place(bot):  # noqa: F811
    """Session 20: "no" at the place question, then "loughborough" at the worry question, got
    "Sorry, I didn't get that" and help for anywhere in England only."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "parent", "she is 13", "skip", "no"]:
        chat.say(text)
    reply = chat.text("loughborough")
    assert "Sorry" not in reply and "What are you worried about?" in reply
    found = slots(bot, chat)
    assert (found["area"], found["area_code"]) == ("Loughborough", "leicestershire")


def test_tapping_a_place_option_is_never_read_as_another_language(bot):  # noqa: F811
    """A user trial (session 20): "Braunstone (Leicester city)", the bot's own button, got "I can
    only chat in English for now", and the conversation stopped there."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "young person", "15", "not at school"]:
        chat.say(text)
    options = buttons(chat.say("braunstone"))
    assert "Braunstone (Leicester city)" in options
    reply = chat.text("Braunstone (Leicester city)")
    assert "English" not in reply and "What has been going on?" in reply
    assert slots(bot, chat)["area_code"] == "leicester"


@pytest.mark.parametrize(("typed", "nation"), [("19, belfast", "northern_ireland"), ("16 f glasgow", "scotland")])
def test_a_city_of_another_nation_after_an_age_is_where_they_live(bot, typed, nation):  # noqa: F811
    """D7: "19, belfast" and "16 f glasgow" gave the age, and the place was asked again."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "young person"]:
        chat.say(text)
    chat.say(typed)
    assert "Where do you live?" not in chat.text("skip")
    assert slots(bot, chat)["area_code"] == nation


def test_a_village_name_after_an_age_is_not_taken_as_where_they_live(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "young person", "im 14, logan"]:
        chat.say(text)
    assert "Where do you live?" in chat.text("skip")
