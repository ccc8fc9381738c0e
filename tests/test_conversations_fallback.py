"""Never a dead end (issue #12b), in whole conversations over REST: the real trained model,
action server and database.

Every "didn't understand" comes back with the question and fresh buttons (the widget only
lets the newest buttons be pressed); two in a row also say what kinds of answer work and
give the lines to a person. Requests the bot cannot do yet get an honest answer and the
conversation carries on. A parent asking for themselves keeps their child's answers."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation

pytestmark = pytest.mark.servers

ROLE_BUTTONS = ["I'm a young person", "I'm a parent or carer", "I'm a professional"]
HUMAN_LINES = ("0800 1111", "116 123", "85258")
# Char n-grams read nonsense as whatever intent shares its letters: "purple monkey dishwasher" was
# request_other_language (0.74), then more_options (0.75) after a retraining, and "banana phone"
# deny (0.66). A request guessed without any of its words is now not understood
# (signposting/intent_evidence.py), whatever intent the letters land on.


def texts(messages: list[dict]) -> str:
    return "\n".join(message.get("text", "") for message in messages)


def last_buttons(messages: list[dict]) -> list[str]:
    """The buttons of the newest message: the only ones the widget lets the user press."""
    return [button["title"] for button in messages[-1].get("buttons", [])] if messages else []


def start(chat: Conversation, *answers: str) -> list[dict]:
    reply: list[dict] = []
    for text in ["hi", *answers]:
        reply = chat.say(text)
    return reply


def test_hello_as_the_first_message_gets_the_greeting_and_the_first_question(bot):  # noqa: F811
    for first in ("hello", "Hello!", "hiya", "alright", "ok"):  # "alright" is read as a yes (D1)
        reply = Conversation(bot.rasa_url).say(first)
        assert "not a counsellor" in texts(reply), first
        assert "Who is chatting today?" in texts(reply), first
        assert last_buttons(reply)[:3] == ROLE_BUTTONS, first
        assert "didn't get that" not in texts(reply), first


def test_hello_typed_after_the_widgets_greeting_gets_the_first_question_again(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat)  # the widget says "hi" when it opens (bot/web/static/widget.js)
    reply = chat.say("hello")
    assert "Who is chatting today?" in texts(reply)
    assert last_buttons(reply)[:3] == ROLE_BUTTONS
    assert "didn't get that" not in texts(reply)


def test_hello_again_during_the_questions_carries_on_with_the_same_question(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person")
    reply = chat.say("hello")
    assert "How old are you?" in texts(reply)
    assert "Under 11" in last_buttons(reply)
    assert "Who is chatting" not in texts(reply)  # not restarted


def test_a_message_the_bot_does_not_understand_gets_the_question_again_with_fresh_buttons(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat)
    reply = chat.say("purple monkey dishwasher")
    assert "Sorry" in texts(reply)  # "I didn't get that", or "I can't help with that"
    assert "Who is chatting today?" in texts(reply)
    assert last_buttons(reply) == [*ROLE_BUTTONS, "Talk to a person"]


def test_two_misunderstandings_in_a_row_say_what_works_and_give_the_lines_to_a_person(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person")
    first = chat.say("purple monkey dishwasher")
    assert "How old are you?" in texts(first)
    assert not any(line in texts(first) for line in HUMAN_LINES)
    second = chat.say("banana phone")
    answer = texts(second)
    assert "like 14" in answer and "Year 9" in answer  # what kinds of answer work
    assert all(line in answer for line in HUMAN_LINES)
    assert "How old are you?" in texts(second[-1:])  # the question comes last, with its buttons
    assert "Under 11" in last_buttons(second) and "Talk to a person" in last_buttons(second)
    # ...and an answer after that is understood: nothing was lost or restarted.
    assert "school" in chat.text("14")


def test_something_out_of_scope_during_the_questions_asks_the_question_again(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "14", "skip")
    reply = chat.say("tell me a joke")
    assert "Where do you live?" in texts(reply)
    assert "Somewhere else" in last_buttons(reply) and "Talk to a person" in last_buttons(reply)
    assert "What has been going on" in chat.text("Watford")


def test_a_misunderstanding_after_the_list_offers_the_next_step(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "14", "skip", "Watford", "low mood")
    reply = chat.say("purple monkey dishwasher")
    assert "Sorry" in texts(reply)
    assert last_buttons(reply) == ["More options", "Start again", "Talk to a person"]
    assert "Why I picked it" not in texts(reply)  # not the list again, and not restarted


@pytest.mark.parametrize(
    ("request_text", "honest_answer"),
    [
        ("can you email me this list", "can't send emails"),
        ("could u send the numbers to my phone", "can't send emails or texts"),
        ("can I print this", "Print"),
        ("how do i save this page", "save it as a file"),
        ("what about in Polish?", "only chat in English"),
        ("do you speak Urdu", "only chat in English"),
    ],
)
def test_a_request_the_bot_cannot_do_gets_an_honest_answer_and_the_question_again(bot, request_text, honest_answer):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "12")
    reply = chat.say(request_text)
    answer = texts(reply)
    assert honest_answer in answer
    assert "are you a bot" not in answer.lower() and "I'm a chatbot, not a person" not in answer
    assert "Which school or college does your child go to?" in texts(reply[-1:])
    assert "Skip" in last_buttons(reply)
    assert "Where does your child live" in chat.text("skip")  # carried on where they were


def test_another_language_by_name_gets_the_interpreter_line_in_that_language(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat)
    answer = texts(chat.say("what about in Polish?"))
    assert "999" in answer and "111" in answer
    assert "Powiedz po angielsku" in answer  # the reviewed Polish line of signposting/interpreter_lines.yml


def test_a_request_after_the_list_is_answered_and_offers_the_next_step(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "15", "skip", "Watford", "low mood")
    reply = chat.say("can you email me this list")
    assert "can't send emails" in texts(reply)
    assert '"Get a link to this list"' in texts(reply)  # the widget's button under the list
    assert last_buttons(reply) == ["More options", "Start again", "Talk to a person"]


@pytest.mark.parametrize("ask", ["I'm not coping myself, is there anything for me?", "is there any help for me as his mum"])
def test_a_parent_asking_for_themselves_after_the_list_keeps_the_childs_answers(bot, ask):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    child_list = texts(start(chat, "parent or carer", "13", "skip", "Stevenage", "low mood"))
    assert "Why I picked it" in child_list
    reply = chat.say(ask)
    answer = texts(reply)
    assert "You matter too" in answer and "GP" in answer and "116 123" in answer
    assert "https://www.hpft-talkingtherapies.nhs.uk" in answer  # Hertfordshire: its self-referral site
    assert "Who is chatting" not in answer and "not a counsellor" not in answer  # not restarted
    assert "Why I picked it" not in answer  # the child's list is not repeated unasked
    assert last_buttons(reply) == ["Back to my child's help", "Talk to a person"]
    again = texts(chat.say("/back_to_child_help"))
    assert "help for your child" in again and "Why I picked it" in again
    first_service = child_list.split("Here are some places that can help.")[-1].strip().splitlines()[0]
    assert first_service in again  # the same child's answers: same search


def test_a_parent_in_west_essex_is_told_plainly_there_is_no_self_referral_service_we_know(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "10", "skip", "Harlow", "anger")
    answer = chat.text("what about support for me as a parent")
    assert "West Essex" in answer and "GP" in answer
    assert "hpft-talkingtherapies" not in answer


def test_a_parent_asking_for_themselves_during_the_questions_goes_back_to_the_question(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "parent or carer", "9")
    reply = chat.say("i need help too")
    answer = texts(reply)
    assert "You matter too" in answer
    assert "Which school or college does your child go to?" in texts(reply[-1:])
    assert "Where does your child live" in chat.text("skip")  # the child's age was kept


def intent_of_the_last_message(bot, chat: Conversation) -> str:  # noqa: F811
    import json
    import sqlite3
    with sqlite3.connect(f"file:{bot.tracker_db}?mode=ro", uri=True) as db:
        (data,) = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id DESC LIMIT 1", (chat.sender,)
        ).fetchone()
    return str((json.loads(data).get("parse_data", {}).get("intent") or {}).get("name"))


@pytest.mark.parametrize("ask", ["i need help too", "is there anything for me too"])
def test_a_young_person_asking_for_help_for_themselves_gets_the_lines_for_them_not_a_parents(bot, ask):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    start(chat, "young person", "15", "skip", "Watford", "low mood")
    answer = texts(chat.say(ask))
    # Read as a parent asking for themselves: the reply is what this test is about.
    assert intent_of_the_last_message(bot, chat) == "parent_own_help"
    assert "You matter too" not in answer and "your child" not in answer
    assert "0800 1111" in answer and "116 123" in answer
