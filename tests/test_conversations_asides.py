"""Issue #12, session 46: what a user trial typed at the questions that was no answer (a pause, what
a postcode is, how many children, "skip" to a check question, a town that is also a school's name),
in whole conversations over REST (real model, action server, database)."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation, buttons
from tests.test_conversations_hurried import CHECK, is_crisis_reply
from tests.test_conversations_typed import slots, start

pytestmark = pytest.mark.servers

SCHOOL_QUESTION = "Which school or college do you go to?"
AREA_QUESTION = "Where do you live?"
PARENT_CHECK = "Is your child thinking about hurting themselves, or is someone hurting them?"


def texts(messages: list[dict]) -> str:
    return "\n".join(message.get("text", "") for message in messages)


@pytest.mark.parametrize("pause", ["hang on", "brb", "one sec"])
def test_a_pause_at_the_school_question_keeps_the_question(bot, pause):  # noqa: F811
    """"hang on" was taken as a school's name: "I couldn't find that school", and the question gone."""
    chat = start(bot, "young person", "13")
    reply = texts(chat.say(pause))
    assert "Take your time" in reply and SCHOOL_QUESTION in reply
    assert "couldn't find that school" not in reply
    assert AREA_QUESTION in chat.text("skip")


def test_an_interruption_at_the_place_question_is_no_risk(bot):  # noqa: F811
    """"sorry my brother came in" got "Are you thinking about hurting yourself…?", and "skip" then the crisis reply."""
    chat = start(bot, "young person", "13", "skip")
    reply = chat.text("sorry my brother came in")
    assert CHECK not in reply and not is_crisis_reply(reply)
    assert "Take your time" in reply and AREA_QUESTION in reply
    assert "What has been going on?" in chat.text("Watford")


def test_the_place_question_declined_is_no_risk(bot):  # noqa: F811
    """"I do not want to say." at the place question got the check question."""
    chat = start(bot, "young person", "15", "skip")
    reply = chat.text("I do not want to say.")
    assert CHECK not in reply and "anywhere in England" in reply


@pytest.mark.parametrize("asked", ["whats a postcode", "i dont no what a postcode is"])
def test_what_a_postcode_is_gets_the_question_said_plainly(bot, asked):  # noqa: F811
    """A 10-year-old's "i dont no what a postcode is" was read as no: "I'll show you help you can use anywhere in England"."""
    chat = start(bot, "young person", "10", "skip")
    reply = chat.text(asked)
    assert "town or village where you live" in reply and "anywhere in England" not in reply
    assert slots(bot, chat).get("area") is None
    assert "What has been going on?" in chat.text("stevenage")


def test_do_i_have_to_answer_that_at_the_school_question(bot):  # noqa: F811
    chat = start(bot, "young person", "15")
    reply = chat.text("Do I have to answer that?")
    assert "You can skip this" in reply and "couldn't find that school" not in reply


def test_two_children_at_the_age_question_is_one_at_a_time_never_the_age_2(bot):  # noqa: F811
    """"I have two kids" set the age to 2, and "14" was then taken as a school's name."""
    chat = start(bot, "parent")
    reply = chat.text("I have two kids")
    assert "one child at a time" in reply and "How old is your child?" in reply
    assert slots(bot, chat).get("age") in (None, "I have two kids")
    assert "Which school or college does your child go to?" in chat.text("14")
    assert slots(bot, chat)["age"] == "14"


def test_skip_to_a_check_question_on_ordinary_words_asks_it_again(bot):  # noqa: F811
    """"my son is 14 and my daughter is 11" got the check question from the models; "skip" got the
    crisis reply, and two answers later "Please call 999 now, or take your child to A&E"."""
    chat = start(bot, "parent")
    assert PARENT_CHECK in chat.text("my son is 14 and my daughter is 11")  # what this test is about
    reply = chat.text("skip")
    assert "please answer this question first" in reply and PARENT_CHECK in reply
    assert not is_crisis_reply(reply)
    assert "Let's carry on" in chat.text("No")


def test_a_town_that_is_also_a_schools_name_elsewhere_is_no_school(bot):  # noqa: F811
    """"luton" at the school question was Luton Primary School, in Chatham: the place was set to
    Chatham and never asked."""
    chat = start(bot, "young person", "11")
    reply = chat.text("luton")
    assert "Luton Primary School" not in reply
    assert slots(bot, chat).get("area") != "Chatham"


def test_a_child_telling_of_a_sisters_self_harm_gets_the_reply_for_a_child(bot):  # noqa: F811
    """An 11-year-old was told "If you work with children, tell your safeguarding lead today"."""
    chat = start(bot, "im 11")
    reply = chat.text("my big sister cuts herself and i found blood in the bathroom")
    assert "Thank you for looking out for them" in reply and "Childline" in reply
    assert "safeguarding lead" not in reply and "Adults worried about a child" not in reply


def test_help_after_the_list_names_the_buttons_there(bot):  # noqa: F811
    """'Tap "Find support" to start.' was said under "More options", "Start again", "Talk to a person"."""
    chat = start(bot, "young person", "16", "skip", "Harlow")
    chat.say("i feel really low")
    chat.say("purple monkey dishwasher")
    messages = chat.say("purple monkey dishwasher")
    assert 'Tap "Find support"' not in texts(messages)
    assert "More options" in buttons(messages)


def test_a_question_about_the_school_question_keeps_the_questions_going(bot):  # noqa: F811
    """"What counts as a school? I go to a pupil referral unit." left the questions: the school question
    was not asked again, and the town and the worry after it each got "Sorry, I still didn't get that"."""
    chat = start(bot, "i am a young person", "14")
    reply = chat.text("What counts as a school? I go to a pupil referral unit.")
    assert SCHOOL_QUESTION in reply
    assert AREA_QUESTION in chat.text("skip")
    reply = chat.text("Hitchin")
    assert "didn't get that" not in reply and "What has been going on?" in reply


def test_an_age_put_right_at_the_worry_question_is_changed_without_a_check(bot):  # noqa: F811
    """"sorry i meant 15 not 13" got the check question, and the age stayed 13."""
    chat = start(bot, "young person", "13", "skip", "Stevenage")
    reply = chat.text("sorry i meant 15 not 13")
    assert CHECK not in reply and "Thanks, I've changed that" in reply and "didn't get that" not in reply
    assert "What has been going on?" in reply
    assert slots(bot, chat)["age"] == "15"


def test_an_adults_role_holds_no_worry_and_the_worry_is_asked(bot):  # noqa: F811
    """"kinship carer - I look after my grandson" was read as a young carer's worry: the grandparent
    got "I couldn't find a service just for being a young carer" and was never asked the worry."""
    chat = start(bot, "kinship carer - I look after my grandson", "he's 13", "skip")
    reply = chat.text("Leicester")
    assert "young carer" not in reply and "What are you worried about?" in reply
    assert slots(bot, chat).get("concern") is None


def test_a_young_carer_keeps_the_worry_their_role_tells(bot):  # noqa: F811
    chat = start(bot, "im a young carer", "14", "skip")
    reply = chat.text("Leicester")
    assert "Why I picked it" in reply and slots(bot, chat)["concern"] == "young_carer"


def test_who_is_chatting_asked_three_times_then_the_questions_go_on(bot):  # noqa: F811
    """"15", "sixth form", "leicester", "exam stress": each kept, and "Who is chatting today?" asked five times."""
    chat = Conversation(bot.rasa_url)
    chat.say("my mum is going to kill me lol i failed my mocks")
    chat.say("15")
    chat.say("sixth form")
    reply = chat.text("leicester")
    assert "I'll carry on as if this is for you" in reply and "Who is chatting today?" not in reply
    assert slots(bot, chat)["user_role"] == "young_person"


def test_a_joke_as_the_first_message_is_no_request_for_a_childs_list(bot):  # noqa: F811
    """"im so dead lol forgot my pe kit again" got "Here is the help for your child again" and a list for abuse."""
    reply = Conversation(bot.rasa_url).text("im so dead lol forgot my pe kit again")
    assert "your child" not in reply and "Why I picked it" not in reply


def test_a_friends_grooming_gets_the_reply_for_someone_worried_about_another(bot):  # noqa: F811
    """It got "This is not your fault… If someone is threatening to share pictures of you", "Are you safe
    right now?", and "its not me its my friend" then "Please call 999 now"."""
    chat = start(bot, "young person", "14", "skip", "stevenage", "anxiety")
    reply = chat.text("my friend is 15 and she's talking to an older guy online who wants her to send pics and meet up")
    assert "Thank you for looking out for them" in reply and "Is the person you are worried about safe right now?" in reply
    assert "pictures of you" not in reply
