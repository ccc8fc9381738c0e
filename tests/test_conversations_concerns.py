"""The worries added in issue #12c, in whole conversations over REST: the real trained
model, action server and database."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation, buttons, expected_services
from tests.test_conversations_typed import slots

pytestmark = pytest.mark.servers


def start(chat: Conversation, *answers: str) -> None:
    for text in ["hi", *answers]:
        chat.say(text)


def cards_in_order(answer: str, matches) -> None:
    """Each expected service is in the reply, in the search's order."""
    positions = [answer.find(match.service.name) for match in matches]
    assert all(position >= 0 for position in positions), (positions, answer)
    assert positions == sorted(positions)


def test_a_grieving_teenager_is_told_plainly_and_sees_bereavement_services(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "14", "skip", "Watford")
    answer = chat.text("my grandad died in september and i keep crying")
    assert "I couldn't find a service near you just for grief, when someone has died" in answer
    matches = expected_services(sqlite_directory, role="young_person", age_min=14, age_max=14, area_code="herts",
                                concern="bereavement")
    assert matches[0].service.id in ("nat-winstons-wish", "nat-child-bereavement-uk", "nat-cruse-hope-again")
    cards_in_order(answer, matches)
    assert "08088 020 021" in answer or "0800 02 888 40" in answer or "0808 808 1677" in answer


def test_a_parent_whose_son_cries_every_morning_before_school_is_answered_honestly(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "9", "skip", "Stevenage")
    answer = chat.text("he cries every morning")
    assert "I couldn't find a service just for finding it hard to go to school" in answer
    matches = expected_services(sqlite_directory, role="parent_carer", age_min=9, age_max=9, area_code="herts",
                                concern="school_refusal")
    cards_in_order(answer, matches)
    assert "Sorry, I didn't get that" not in answer


def test_not_going_to_school_as_a_first_message_is_kept_as_the_worry(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    chat.say("my son won't go to school")
    asked = [chat.text(answer) for answer in ("10", "skip")]
    answer = chat.text("Harlow")
    assert not any("What are you worried about" in question for question in asked)
    assert "finding it hard to go to school" in answer


def test_waiting_for_an_adhd_assessment_in_west_essex_finds_the_essex_service(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "8", "skip", "Harlow")
    answer = chat.text("we have been waiting over a year for an ADHD assessment")
    assert "couldn't find" not in answer
    matches = expected_services(sqlite_directory, role="parent_carer", age_min=8, age_max=8, area_code="west_essex",
                                concern="neurodevelopmental")
    assert matches[0].service.id == "hwe-ewmhs"
    cards_in_order(answer, matches)
    assert "it helps with adhd or autism" in answer.lower()


def test_waiting_for_an_autism_assessment_in_leicester_is_told_no_service_is_just_for_it(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "8", "skip", "Leicester")
    answer = chat.text("still waiting for an autism assessment")
    assert "I couldn't find a service just for ADHD or autism" in answer
    assert "it helps with adhd or autism" not in answer.lower()


def test_bullying_in_uttlesford_finds_local_services(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "12", "skip", "Uttlesford")
    answer = chat.text("bullying")
    assert "couldn't find" not in answer
    matches = expected_services(sqlite_directory, role="young_person", age_min=12, age_max=12, area_code="west_essex",
                                concern="bullying")
    assert any(match.local for match in matches)
    cards_in_order(answer, matches)


def test_nightmares_in_epping_find_local_services(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "9", "skip", "Epping")
    answer = chat.text("she has nightmares most nights")
    assert "couldn't find" not in answer
    matches = expected_services(sqlite_directory, role="parent_carer", age_min=9, age_max=9, area_code="west_essex",
                                concern="sleep")
    assert any(match.local for match in matches)
    cards_in_order(answer, matches)


def test_bed_wetting_gets_an_honest_answer_and_only_general_routes(bot, sqlite_directory):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "8", "skip", "Leicester")
    answer = chat.text("my son still wets the bed")
    assert "I couldn't find a service just for bed-wetting" in answer
    matches = expected_services(sqlite_directory, role="parent_carer", age_min=8, age_max=8, area_code="leicester",
                                concern="bedwetting")
    assert matches and all(match.service.level in ("early_help", "information") for match in matches)
    cards_in_order(answer, matches)
    assert "it helps with bed-wetting" not in answer.lower()


def test_a_young_carer_in_hertfordshire_finds_carers_in_hertfordshire(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "13", "skip", "Hitchin")
    answer = chat.text("i look after my mum, she's ill")
    assert "Young Carers (Carers in Hertfordshire)" in answer
    assert "01992 58 69 69" in answer
    assert "couldn't find" not in answer


def test_something_else_shows_the_longer_list_and_a_choice_from_it_searches(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "15", "skip", "Stevenage")
    more = chat.say("something else")
    assert "Being a young carer" in buttons(more) and "Grief, someone has died" in buttons(more)
    answer = chat.text("staying safe online")
    assert "Report Remove" in answer or "CEOP" in answer


def test_bullying_online_finds_bullying_help_not_the_sexual_abuse_reporting_services(bot, sqlite_directory):  # noqa: F811
    """CEOP cannot take reports about bullying and Report Remove is for nude pictures (the
    fact sheet's nat-ceop and nat-report-remove): bullying online is bullying."""
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "13", "skip", "Hitchin")
    answer = chat.text("people keep being mean to me on snapchat")
    if "I want to check you're OK" in answer:  # the risk layer may ask first; a user taps No
        answer = chat.text("/deny")
    assert "CEOP" not in answer and "Report Remove" not in answer
    matches = expected_services(sqlite_directory, role="young_person", age_min=13, age_max=13, area_code="herts",
                                concern="bullying")
    cards_in_order(answer, matches)


def test_a_parent_worried_about_their_daughter_is_asked_what_is_going_on(bot):  # noqa: F811
    """"I'm worried about my daughter" says who, not what: the search waits for the worry
    (before, the bot searched for anxiety without asking)."""
    chat = Conversation(bot.rasa_url)
    chat.say("hi im worried about my daughter")
    for answer in ("16", "skip"):
        chat.say(answer)
    asked = chat.text("Harlow")
    assert "What are you worried about?" in asked
    assert "Here are some places that can help" not in asked
    answer = chat.text("she's not eating much and stays in her room")
    if "I want to check everyone is safe" in answer:  # the risk layer may ask first; a parent taps No
        answer = chat.text("/deny")
    assert "Here are some places that can help" in answer
    assert "eating" in answer.lower()
    # After the check question the form never validated the worry: the slot kept her words
    # (staff figures ignored it) until the search stored what it searched for.
    assert slots(bot, chat)["concern"] == "eating"


# The concern model (bot/nlu/concern_model.py): worries told without any word the rules know.
@pytest.mark.parametrize(("told", "concern"), [
    ("she hides under the duvet on school mornings and we never make it through the gate", "school_refusal"),
])
def test_a_worry_told_without_the_usual_words_is_understood(bot, told: str, concern: str):  # noqa: F811
    from signposting.parsing import parse_concern

    assert parse_concern(told) in (None, "other", "low_mood", "worry")  # the rules alone miss it
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "11", "skip", "Loughborough")
    answer = chat.text(told)
    assert slots(bot, chat)["concern"] == concern, answer
    assert "Sorry, I didn't get that" not in answer


def test_a_worry_told_when_the_check_question_came_first_is_searched_with_its_guess(bot):  # noqa: F811
    """The check question delays the search to the next turn, which reads the stored message:
    its guess must still be there (looking after brothers is being a young carer, not the
    family problem the rules see in "my dad left")."""
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "15", "skip", "Harlow")
    told = chat.text("my dad left and now i look after my little brothers every night")
    assert "I want to check you're OK" in told
    chat.say("/deny")
    assert slots(bot, chat)["concern"] == "young_carer"


def test_a_worry_typed_at_who_is_chatting_is_thanked_kept_and_searched(bot):  # noqa: F811
    """A first message telling the worry, at "Who is chatting today?": thanked and asked again,
    not "Sorry, I didn't get that"; the worry is not asked for again (phone trial, session 12)."""
    chat = Conversation(bot.rasa_url)
    chat.say("hi")
    told = chat.text("my parents are splitting up and i cry every night and i cant concentrate at school")
    if "I want to check you're OK" in told:  # the risk layer may ask first; they tap No
        told = chat.text("/deny")
    else:
        assert "Thank you for telling me. I'll look for help with that." in told
    assert "Sorry, I didn't get that" not in told
    assert "Who is chatting today?" in told
    for answer in ("young person", "15", "skip"):
        chat.say(answer)
    answer = chat.text("Harlow")
    assert "What are you worried about?" not in answer
    assert "Here are some places that can help" in answer
    assert slots(bot, chat)["concern"] == "family"


def test_a_worry_that_got_the_crisis_reply_is_searched_for_once_they_are_safe(bot):  # noqa: F811
    """Session 27: "havent been in since october" got the crisis reply (the risk model alone); after
    "Yes, safe right now" the search was for "something else", not for not going to school."""
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "14", "skip", "Watford")
    reply = chat.text("havent been in since october")
    assert "Are you safe right now?" in reply  # what this test is about: the crisis reply came first
    chat.say("/confirm_safe")
    assert slots(bot, chat)["concern"] == "school_refusal"
