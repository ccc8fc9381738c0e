"""Issue #12, session 49's user trial, whole conversations over REST (real model, action server,
database): a teacher's disclosure about a pupil, an age typed at the safety question, an overdose
taken, a goodbye note, "ending it all", a yes at the check question, a question read as a goodbye,
an age beside the role, a school that says which area, a college, a service by its place in the
list, and contacting a service without a parent."""
from __future__ import annotations

import pytest

from tests.test_conversations_hurried import CHECK
from tests.test_conversations_typed import slots, start

pytestmark = pytest.mark.servers

ASK_SAFE = "Are you safe right now?"
ASK_SAFE_OTHER = "Is the person you are worried about safe right now?"
NOT_SAFE = "Please call 999 now"
TAKEN = "taken too much of something"


def test_a_teachers_disclosure_about_a_pupil_is_someone_elses_crisis(bot):  # noqa: F811
    """"teacher, a year 8 just told me shes being sexually abused at home" got "You matter too… Are
    you safe right now?", "13" then "Please call 999 now"."""
    chat = start(bot, "professional")
    reply = chat.text("teacher, a year 8 just told me shes being sexually abused at home")
    assert "Thank you for looking out for them" in reply and ASK_SAFE_OTHER in reply and "You matter too" not in reply
    after = chat.text("13")
    assert NOT_SAFE not in after and "I asked because of what you told me" in after and ASK_SAFE_OTHER in after
    assert "glad they're safe" in chat.text("yes")


def test_an_age_typed_at_a_parents_safety_question_is_no_answer(bot):  # noqa: F811
    chat = start(bot, "parent or carer")
    assert "Is your child safe right now?" in chat.text("my son says he wants to kill himself")
    assert "I asked because of what you told me" in chat.text("14")
    assert "glad your child is safe" not in chat.text("14")  # asked again, no answer: never the safe reply


def test_a_place_typed_at_a_young_persons_own_safety_question_stays_not_safe(bot):  # noqa: F811
    """The second review, session 49: "watford" after "im on the bridge and im going to jump"."""
    chat = start(bot, "young person", "15", "skip")
    assert ASK_SAFE in chat.text("im on the bridge and im going to jump")
    assert NOT_SAFE in chat.text("watford")


def test_an_overdose_taken_gets_call_999_even_if_you_feel_ok_at_once(bot):  # noqa: F811
    """"i took some pills" got "If you are in danger now, call 999", and "even if you feel OK" only
    two answers later."""
    chat = start(bot, "young person", "16")
    reply = chat.text("i took some pills")
    assert TAKEN in reply and "even if you feel OK" in reply
    assert reply.index(TAKEN) < reply.index(ASK_SAFE)
    assert TAKEN in chat.text("im fine")  # a safe answer: call 999 even so, as before


def test_a_parents_child_who_took_tablets_gets_it_for_the_child(bot):  # noqa: F811
    chat = start(bot, "parent or carer")
    reply = chat.text("my son has taken a load of paracetamol")
    assert "If your child has taken too much of something" in reply and "Is your child safe right now?" in reply


def test_wanting_to_take_pills_gets_no_such_line(bot):  # noqa: F811
    reply = start(bot, "young person", "16").text("i want to take all my pills")
    assert ASK_SAFE in reply and TAKEN not in reply


def test_a_goodbye_note_is_a_suicide_risk(bot):  # noqa: F811
    reply = start(bot, "parent or carer").text("my daughter left a letter saying goodbye and shes gone out")
    assert "PAPYRUS" in reply and "Is your child safe right now?" in reply


def test_ending_it_all_gets_the_crisis_reply(bot):  # noqa: F811
    """"i feel like ending it all" got only the check question."""
    reply = start(bot, "young person", "16", "skip", "LE1").text("i feel like ending it all")
    assert ASK_SAFE in reply and "Childline" in reply


def test_a_yes_first_to_the_check_question_is_a_yes(bot):  # noqa: F811
    """"yes safe right now" to the check question got "Thanks for telling me… Let's carry on"."""
    chat = start(bot, "young person", "16", "skip", "LE1")
    assert CHECK in chat.text("i feel like nobody would care if i was gone")
    assert ASK_SAFE in chat.text("yes safe right now")
    assert "glad you're safe" in chat.text("yes")


def test_no_and_safe_to_the_check_question_carries_on(bot):  # noqa: F811
    chat = start(bot, "young person", "16", "skip", "LE1")
    assert CHECK in chat.text("i feel like nobody would care if i was gone")
    reply = chat.text("no im safe")
    assert "Let's carry on" in reply and ASK_SAFE not in reply


def test_a_question_about_who_can_see_her_ends_nothing(bot):  # noqa: F811
    """"who can see her soon" got "Bye for now. Take care." and the chat ended."""
    chat = start(bot, "parent or carer", "14", "skip", "harlow", "low mood")
    assert "Bye for now" not in chat.text("who can see her soon")


def test_an_age_beside_the_role_is_kept(bot):  # noqa: F811
    """"student, 20" was taken as a young person and the age asked five times."""
    chat = start(bot)
    reply = chat.text("student, 20")
    assert "How old are you" not in reply and "school or college" in reply
    assert slots(bot, chat).get("age") is not None


def test_a_place_shared_by_two_areas_after_a_school_in_one_of_them(bot):  # noqa: F811
    """"bishops stortford" after The Bishop's Stortford High School asked "Which is closest?", and
    asked it again after every message."""
    chat = start(bot, "professional", "14", "bishops stortford high school")
    reply = chat.text("bishops stortford")
    assert "covers more than one area" not in reply and "struggling with" in reply


def test_a_college_not_in_the_school_list_is_not_another_school(bot):  # noqa: F811
    chat = start(bot, "young person", "17")
    reply = chat.text("Harlow College")
    assert "Harlow Fields" not in reply and "couldn't find that school or college" in reply


def test_a_service_by_its_place_in_the_list(bot):  # noqa: F811
    """"whats the number for the first one" got "Sorry, I didn't get that"."""
    chat = start(bot, "young person", "15", "skip", "watford")
    listed = chat.say("anxiety")
    first = next(m["text"].split("\n")[0] for m in listed if m.get("text") and "Who it's for" in m["text"])
    reply = chat.text("whats the number for the first one")
    assert "Here is what I know about it" in reply and first in reply


def test_going_without_a_parent_knowing(bot):  # noqa: F811
    """"can i go without my parents knowing" got "I can't give medical advice… If you have taken too
    much of something, call 999 now"."""
    chat = start(bot, "young person", "15", "skip", "watford", "anxiety")
    reply = chat.text("can i go without my parents knowing")
    assert "Childline is free and confidential" in reply and "medical advice" not in reply


def test_after_the_taken_reply_questions_and_refusals_keep_it(bot):  # noqa: F811
    """The user trial of session 49's change: "do i really need to go" got the place question."""
    chat = start(bot, "young person", "16", "skip", "CM23")
    assert TAKEN in chat.text("i took 8 of my mums sleeping tablets about an hour ago")
    assert TAKEN in chat.text("yes im safe")
    assert TAKEN in chat.text("do i really need to go")
    assert TAKEN in chat.text("i dont want to go to a&e")
    assert "You did the right thing" in chat.text("ok my mum is taking me now")


def test_a_parent_taking_their_child_after_the_overdose_reply(bot):  # noqa: F811
    chat = start(bot, "parent or carer")
    assert "If your child has taken too much" in chat.text("my son swallowed a packet of tablets")
    chat.text("yes")
    assert "You did the right thing" in chat.text("im taking him now")


def test_ok_to_which_is_closest_takes_the_place_as_typed(bot):  # noqa: F811
    """"ok", "thanks", "yes" to "Which is closest?" got "OK." and the question again, and no list."""
    chat = start(bot, "young person", "24", "working")
    assert "covers more than one area" in chat.text("bishops stortford")
    reply = chat.text("ok")
    assert "covers more than one area" not in reply and "What has been going on?" in reply


def test_the_place_in_the_list_alone_is_that_service(bot):  # noqa: F811
    """"number 2" after the list set the age to 2 ("Thanks, I've changed that")."""
    chat = start(bot, "young person", "18", "skip", "hinckley")
    listed = chat.say("breakup")
    second = [m["text"].split("\n")[0] for m in listed if m.get("text") and "Who it's for" in m["text"]][1]
    reply = chat.text("number 2")
    assert "changed that" not in reply and second in reply and reply.count("Here is what I know about it") == 1


@pytest.mark.parametrize("answer", ["not sure", "idk", "skip", "dont know"])
def test_not_sure_at_the_safety_question_while_the_school_question_waits_is_not_safe(bot, answer):  # noqa: F811
    """The review, session 49: these also answer the school question, and got "I asked because…"."""
    chat = start(bot, "young person", "15")
    assert ASK_SAFE in chat.text("i want to kill myself")
    reply = chat.text(answer)
    assert "I asked because of what you told me" not in reply and (NOT_SAFE in reply or ASK_SAFE in reply)


def test_a_question_about_the_lists_hours_by_a_place_in_it_is_still_about_hours(bot):  # noqa: F811
    chat = start(bot, "young person", "15", "skip", "watford", "anxiety")
    assert "Here is when each one is open" in chat.text("is the top one open now")


def test_will_i_be_alright_after_the_not_safe_reply_is_no_answer(bot):  # noqa: F811
    """The third review, session 49: with questions no goodbye, it got "Sorry, I didn't get that"."""
    chat = start(bot, "young person", "16")
    chat.text("i took too many pills")
    assert NOT_SAFE in chat.text("no")
    reply = chat.text("will i be alright?")
    assert "didn't get that" not in reply and ("999" in reply)


def test_a_refusal_that_tells_more_gets_its_own_reply(bot):  # noqa: F811
    chat = start(bot, "young person", "14")
    chat.text("i took 20 pills")
    chat.text("yes")
    reply = chat.text("i cant go to hospital my dad would kill me")
    assert "999" in reply and not reply.startswith("If you have taken too much")
