"""Issue #12: a worry told as the first message that DIET read as a request (a question about a
service, a parent's own help) starts the questions and is kept; questions and a parent's own
worry keep their own replies. Over REST: the real model, action server and database."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_typed import slots

pytestmark = pytest.mark.servers

WHO = "Who is chatting today?"
WORRY_QUESTION = "What has been going on?"


def test_exam_panic_as_the_first_message_is_kept_through_the_questions(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("sats r next week and im freaking out!!!")  # DIET: a question about a service
    assert WHO in reply and "not a counsellor" in reply
    assert slots(bot, chat)["concern"] == "exam_stress"
    replies = [chat.text(answer) for answer in ("young person", "10", "skip", "Watford")]
    assert all(WORRY_QUESTION not in reply for reply in replies)  # never asked again
    assert "Why I picked it" in replies[-1]


def test_a_young_carer_first_message_is_not_a_parents_own_help(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("i look after my mum she has MS and i never get any time for me")  # DIET: parent's own help
    assert WHO in reply
    assert "You matter too" not in reply
    assert slots(bot, chat)["concern"] == "young_carer"


def test_a_parent_not_coping_themselves_still_gets_their_own_help(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("I'm not coping myself, is there anything for me?")
    assert "Samaritans" in reply and WHO not in reply  # the lines for them, not the child's questions
    assert "concern" not in slots(bot, chat)


def test_a_question_about_referral_as_the_first_message_keeps_its_answer(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("how do i get my daughter referred to camhs")
    assert "Would you like me to find support near you?" in reply
    assert "concern" not in slots(bot, chat)


def test_a_worker_telling_of_a_young_person_they_support_is_a_professional(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("A young person I support is really struggling with anxiety")
    assert WHO not in reply  # the role is known: the next question is asked
    assert slots(bot, chat)["user_role"] == "professional"


def test_a_worry_typed_at_the_first_question_of_the_widget_is_kept(bot):  # noqa: F811
    """A phone trial (session 27): the widget greets and asks "Who is chatting today?" before anything
    is typed, so a worry typed first is an answer to that question; read as a question about a
    service, it got the service information and was lost."""
    chat = Conversation(bot.rasa_url)
    chat.say("hi")  # what the widget sends when it opens
    reply = chat.text("sats r next week and im freaking out!!!")
    assert "I'll look for help with that" in reply and WHO in reply
    assert "Here is what I can tell you" not in reply
    assert slots(bot, chat)["concern"] == "exam_stress"
    replies = [chat.text(answer) for answer in ("young person", "10", "skip", "Watford")]
    assert all(WORRY_QUESTION not in reply for reply in replies)


def test_news_of_a_diagnosis_as_the_first_message_starts_the_questions_not_medical_advice(bot):  # noqa: F811
    """D2: "Just been told my lad is autistic. now what" got "I can't give medical advice"."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("Just been told my lad is autistic. now what")
    assert "can't give medical advice, like about medicines" not in reply  # the clinical-advice reply
    assert "not a counsellor" in reply  # the greeting, which says it gives no medical advice
    assert slots(bot, chat)["concern"] == "neurodevelopmental"


def test_a_no_to_the_check_on_the_first_message_starts_the_questions_with_its_worry(bot):  # noqa: F811
    """Development authors D1 to D3: a worry told first got the check question; after "No" came
    "Let's carry on" and then "Would you like me to find support near you?", one more step before
    the questions. Now the questions start, and the worry is not asked again."""
    chat = Conversation(bot.rasa_url)
    assert "I want to check you're OK" in chat.text("i used to cut myself but i stopped, now its more that im really low all the time")
    reply = chat.text("No")
    assert "Thanks for telling me" in reply and WHO in reply
    assert "Would you like me to find support near you?" not in reply
    assert slots(bot, chat)["concern"] == "self_harm"  # the rules' reading of the message held
    replies = [chat.text(answer) for answer in ("young person", "14", "skip", "Watford")]
    assert all(WORRY_QUESTION not in reply for reply in replies)
    assert "Why I picked it" in replies[-1]


def test_a_worry_whose_check_question_is_passed_over_by_the_next_answer_is_kept(bot):  # noqa: F811
    """Session 27's note: a worry typed at "Who is chatting today?" got the check question; typing
    "young person" instead of "No" went on with the questions, and the worry was asked again."""
    chat = Conversation(bot.rasa_url)
    chat.say("hi")
    assert "I want to check you're OK" in chat.text("i used to cut myself but i stopped, now its more that im really low all the time")
    assert "How old are you?" in chat.text("young person")
    assert slots(bot, chat)["concern"] == "self_harm"
    replies = [chat.text(answer) for answer in ("14", "skip", "Watford")]
    assert all(WORRY_QUESTION not in reply for reply in replies)
    assert "Why I picked it" in replies[-1]


def test_more_told_past_the_check_at_the_worry_question_keeps_the_worry(bot):  # noqa: F811
    """A phone trial (session 33): "i havent been sleeping, my head wont switch off" got the check
    question; "its mostly gaming till late tbh, its just a habit i want to break" then got "Sorry,
    I didn't get that" and the worry question again. Read together, they are the worry."""
    chat = Conversation(bot.rasa_url)
    for answer in ("hi", "me", "15", "no school", "harlow"):
        chat.say(answer)
    assert "I want to check you're OK" in chat.text("i havent been sleeping, my head wont switch off")
    reply = chat.text("its mostly gaming till late tbh, its just a habit i want to break")
    assert "didn't get that" not in reply and WORRY_QUESTION not in reply
    assert slots(bot, chat)["concern"] == "sleep"
    assert "Why I picked it" in reply
