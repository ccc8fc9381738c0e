"""Typed answers at every question of the triage, in whole conversations over REST (issue #12,
"What went wrong": ordinary answers not understood; "Thanks, I've changed that" to a message
that changed nothing). The real trained model, action server and database."""
from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_conversations import Conversation, buttons

pytestmark = pytest.mark.servers

RESTARTED_OR_ENDED = ("let's start again", "I'll stop here", "Bye for now", "Sorry, I didn't understand")


def slots(bot, chat: Conversation) -> dict:  # noqa: F811
    """The slot values the conversation has now, from the tracker store."""
    with sqlite3.connect(f"file:{bot.tracker_db}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' ORDER BY id", (chat.sender,))
        values: dict = {}
        for (data,) in rows:
            event = json.loads(data)
            values[event["name"]] = event["value"]
        return values


def kept_going(reply: str) -> bool:
    return not any(phrase in reply for phrase in RESTARTED_OR_ENDED)


def start(bot, *answers: str) -> Conversation:  # noqa: F811
    chat = Conversation(bot.rasa_url)
    for text in ["hi", *answers]:
        chat.say(text)
    return chat


def assert_a_first_message_answered_then_offered(bot, text: str, answer: str) -> None:  # noqa: F811
    """A question as the first message: its answer, then the offer to find support, and "yes
    please" starts the questions."""
    chat = Conversation(bot.rasa_url)
    messages = chat.say(text)
    reply = "\n".join(message.get("text", "") for message in messages)
    assert answer in reply and "Would you like me to find support near you?" in reply
    assert "Yes, find support" in buttons(messages)
    assert "Who is chatting today?" in chat.text("yes please")


@pytest.mark.parametrize("answer", ["for me", "it's for me", "yeah me", "me not anyone else"])
def test_a_young_person_saying_it_is_for_them(bot, answer):  # noqa: F811
    chat = start(bot)
    reply = chat.text(answer)
    assert "How old are you?" in reply and kept_going(reply)
    assert slots(bot, chat)["user_role"] == "young_person"


@pytest.mark.parametrize(
    ("answer", "role", "next_question"),
    [
        ("dad here", "parent_carer", "How old is your child?"),
        ("my stepson", "parent_carer", "How old is your child?"),
        ("my foster daughter", "parent_carer", "How old is your child?"),
        ("I'm her nan", "parent_carer", "How old is your child?"),
        ("I'm his key worker", "professional", "How old is the young person you are helping?"),
    ],
)
def test_relationships_say_who_is_chatting(bot, answer, role, next_question):  # noqa: F811
    chat = start(bot)
    reply = chat.text(answer)
    assert next_question in reply and kept_going(reply)
    assert slots(bot, chat)["user_role"] == role


def test_dad_here_with_her_age_fills_both(bot):  # noqa: F811
    chat = start(bot)
    reply = chat.text("dad here, she's 12")
    assert "Which school or college does your child go to?" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert (found["user_role"], found["age_min"], found["age_max"]) == ("parent_carer", 12, 12)


# Plain answers the risk model alone flagged (signposting/plain_answer.py): the form goes on.
def risk_of_the_last_message(bot, chat: Conversation) -> dict:  # noqa: F811
    with sqlite3.connect(f"file:{bot.tracker_db}?mode=ro", uri=True) as db:
        (data,) = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id DESC LIMIT 1", (chat.sender,)
        ).fetchone()
    return json.loads(data).get("parse_data", {}).get("risk") or {}


@pytest.mark.parametrize(
    ("answers", "answer", "next_question", "slot", "value"),
    [
        ((), "its me not my mum", "How old are you?", "user_role", "young_person"),
        ((), "i work at a childrens home", "How old is the young person you are helping?", "user_role", "professional"),
        (("parent",), "15 next month", "Which school or college does your child go to?", "age_max", 14),
        (("parent",), "I'm his nan, he's 10", "Which school or college does your child go to?", "age_max", 10),
        (("young person", "15"), "im home skooled", "Where do you live?", "school", "not at school"),
    ],
)
def test_a_plain_answer_the_risk_model_flagged_goes_on_to_the_next_question(bot, answers, answer, next_question, slot, value):  # noqa: F811
    chat = start(bot, *answers)
    reply = chat.text(answer)
    # The model flags these today: that is what this test is about (if a retraining stops it,
    # the waiver is no longer exercised here and this says so).
    assert risk_of_the_last_message(bot, chat).get("level") == "check"
    assert next_question in reply and "thinking about hurting" not in reply
    assert slots(bot, chat)[slot] == value


@pytest.mark.parametrize(
    ("answers", "answer", "next_question", "slot", "value"),
    [
        (("parent",), "He'll be 11 in September", "Which school or college does your child go to?", "age_max", 10),
        (("young person",), "like i said, 14", "Which school or college do you go to?", "age_max", 14),
    ],
)
def test_a_plain_answer_the_risk_model_scored_at_crisis_gets_the_check_question_not_the_crisis_reply(
    bot, answers, answer, next_question, slot, value  # noqa: F811
):
    chat = start(bot, *answers)
    reply = chat.text(answer)
    # The risk model scores these at crisis level today; if a retraining stops it, this says so.
    assert risk_of_the_last_message(bot, chat).get("level") == "crisis"
    assert "thinking about hurting" in reply and "glad you told me" not in reply
    after = chat.text("No")
    assert next_question in after and kept_going(after)
    assert slots(bot, chat)[slot] == value


@pytest.mark.parametrize(
    ("answers", "answer"),
    [(("young person",), "im 13 and hes older"), (("young person",), "15 and not going home"),
     (("young person", "15"), "not at school, im not going home")],
)
def test_an_answer_with_a_sign_of_danger_in_it_gets_the_check_question_or_the_crisis_steps(bot, answers, answer):  # noqa: F811
    chat = start(bot, *answers)
    reply = chat.text(answer)
    assert "999" in reply and "Which school" not in reply and "Where do you live?" not in reply


@pytest.mark.parametrize(
    ("answer", "school"),
    [
        ("no", "skipped"), ("nah", "skipped"), ("nope", "skipped"), ("no thanks", "skipped"), ("n/a", "skipped"),
        ("leave it blank", "skipped"), ("rather not say", "skipped"),
        ("not in education", "not at school"), ("home schooled", "not at school"), ("left school", "not at school"),
    ],
)
def test_no_school_answers_carry_on_to_the_area_question(bot, answer, school):  # noqa: F811
    chat = start(bot, "young person", "15")
    reply = chat.text(answer)
    assert "Where do you live?" in reply and kept_going(reply)
    assert slots(bot, chat)["school"] == school


def test_stop_at_the_school_question_still_stops(bot):  # noqa: F811
    chat = start(bot, "young person", "15")
    assert "I'll stop here" in chat.text("stop")


def test_watford_innit_is_watford_and_nothing_restarts(bot):  # noqa: F811
    chat = start(bot, "young person", "15", "skip")
    reply = chat.text("watford innit")
    assert "What has been going on?" in reply and kept_going(reply)
    assert slots(bot, chat)["area_code"] == "herts"


def test_new_parks_at_the_place_question_does_not_start_again(bot):  # noqa: F811
    """A Leicester estate read as "new chat" threw every answer away (D3); now never a restart,
    and since session 19 it is a place we know (services_db/data/places/neighbourhoods.csv)."""
    chat = start(bot, "young person", "15", "skip")
    reply = chat.text("new parks")
    assert "What has been going on?" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert (found["age"], found["area"], found["area_code"]) == ("15", "New Parks", "leicester")


@pytest.mark.parametrize(
    ("answers", "question", "explained", "asked_again"),
    [
        ((), "why?", "Some services are for young people", "Who is chatting today?"),
        (("young person",), "why do u need to know that", "only show services that are for that age", "How old are you?"),
        (("young person", "15"), "whats that for", "mental health support team", "Which school"),
        (("young person", "15", "skip"), "why do u need to know that", "Services are different in each area", "Where do you live?"),
    ],
)
def test_why_do_you_need_to_know_is_answered_and_the_question_asked_again(bot, answers, question, explained, asked_again):  # noqa: F811
    chat = start(bot, *answers)
    reply = chat.text(question)
    assert explained in reply and asked_again in reply and kept_going(reply)


@pytest.mark.parametrize(
    ("role", "typed", "school"),
    [("young person", "why does it matter... fine its bushey meads", "Bushey Meads School"),  # session 44's note
     ("parent or carer", "why do u need that. fine oakwood primary", "Oakwood Primary School")],
)
def test_the_school_given_after_asking_why_is_taken(bot, role, typed, school):  # noqa: F811
    """The school was lost, the explanation given, and the place in its name taken as where they
    live: the place question was skipped."""
    chat = start(bot, role, "11" if role == "young person" else "9")
    reply = chat.text(typed)
    assert f"I found {school}" in reply and "I ask so I can tell you" not in reply
    assert "Where do" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert found["school"] == school and found.get("area") is None


@pytest.mark.parametrize(
    ("answers", "question", "explained", "asked_again"),
    [
        ((), "what?", "who I'm talking to", "Who is chatting today?"),
        (("young person",), "huh", "I mean how old you are", "How old are you?"),
        (("young person", "15"), "hmm not sure what you mean", "name of your school or college", "Which school"),
        (("parent or carer", "9"), "what do you mean", "your child's school or college", "Which school"),
        (("young person", "15", "skip"), "wdym", "town or village where you live", "Where do you live?"),
        (("young person", "15", "skip", "Watford"), "i dont understand the question", "what is bothering you", "What has been going on?"),
    ],
)
def test_what_do_you_mean_gets_the_question_said_plainly_and_asked_again(bot, answers, question, explained, asked_again):  # noqa: F811
    """Phone trial (2026-12-02): "hmm not sure what you mean" at the school question skipped it
    ("not sure"), "what do you mean" was looked up as a school, "what?" was "I'm a chatbot"."""
    chat = start(bot, *answers)
    reply = chat.text(question)
    assert explained in reply and asked_again in reply and kept_going(reply)
    asked = ("user_role", "age", "school", "area", "concern")[len(answers)]
    assert slots(bot, chat).get(asked) is None  # not taken as an answer ("skipped", "not found")


@pytest.mark.parametrize(
    ("answer", "age", "area_code"),
    [("I'm 17 and live in Cardiff", 17, "wales"), ("14, from Harlow", 14, "west_essex"),
     # Development author D2 (session 25): a town elsewhere in England, said as where they live.
     ("im 16 from Braintree", 16, "national")],
)
def test_an_age_answer_that_also_says_where(bot, answer, age, area_code):  # noqa: F811
    chat = start(bot, "young person")
    reply = chat.text(answer)
    assert "Which school or college do you go to?" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert (found["age_min"], found["age_max"], found["area_code"]) == (age, age, area_code)
    assert "What has been going on?" in chat.text("skip")  # the area is not asked again


def test_a_place_in_two_areas_said_with_the_age_is_asked_about_at_the_place_question(bot):  # noqa: F811
    """Development author D2 (session 25): "15, we live in Bishop's Stortford" kept the age and
    dropped the place, then asked "Where does your child live?" as if it was never said."""
    chat = start(bot, "parent")
    assert "Which school or college does your child go to?" in chat.text("15, we live in Bishop's Stortford")
    reply = chat.text("skip")
    assert "Bishop's Stortford covers more than one area. Which is closest?" in reply and kept_going(reply)
    assert "What are you worried about?" in chat.text("Bishop's Stortford (Hertfordshire)")
    assert slots(bot, chat)["area_code"] == "herts"


def test_where_they_live_typed_at_the_school_question_is_the_place(bot):  # noqa: F811
    """"i live in luton" at the school question was looked up as a school ("I couldn't find that
    school"), then the place was asked for. Now the place is taken and the school asked again."""
    chat = start(bot, "young person", "17")
    reply = chat.text("i live in luton")
    assert "couldn't find that school" not in reply and "outside the areas I know well" in reply
    assert "Which school or college do you go to?" in reply and kept_going(reply)
    assert "What has been going on?" in chat.text("skip")  # the place is not asked again
    assert slots(bot, chat)["area_code"] == "national"


@pytest.mark.parametrize(("answer", "low", "high"), [("year 7 sorry year 8", 12, 13), ("gcse year", 15, 16)])
def test_a_school_year_corrected_or_named_by_its_exams(bot, answer, low, high):  # noqa: F811
    """"year 7 sorry year 8" was age 8 (the second year's number read as an age); "gcse year" was
    thanked as a worry (exam stress) and the age asked again."""
    chat = start(bot, "parent")
    reply = chat.text(answer)
    assert "Which school or college does your child go to?" in reply and "Thank you for telling me" not in reply
    found = slots(bot, chat)
    assert (found["age_min"], found["age_max"]) == (low, high)
    assert "Where does your child live?" in chat.text("skip")
    assert "What are you worried about?" in chat.text("Watford")  # "gcse year" told no worry


def test_a_school_stage_named_by_its_exams_with_a_worry_keeps_the_worry_not_exam_stress(bot):  # noqa: F811
    """"gcse year and im being bullied" at the age question: the rules alone read exam stress
    (noticed in session 25); the rules now read it without the stage's exam words
    (tests/test_parsing.py), and the whole bot keeps age and worry."""
    chat = start(bot, "young person")
    chat.text("gcse year and im being bullied")
    found = slots(bot, chat)
    assert (found["age_min"], found["age_max"], found["concern"]) == (15, 16, "bullying")


def test_yes_please_at_a_question_gets_ok_and_the_question_then_an_answer_is_taken(bot):  # noqa: F811
    """Phone trial (2026-12-02): "yes please" at "Who is chatting today?" got "Sorry, I didn't get
    that"; it means "go on", so "OK." and the question. And after the question was asked again
    that way, "no" at the school question is still an answer (it was "Sorry" too)."""
    chat = start(bot)
    reply = chat.text("yes please")
    assert "OK." in reply and "Sorry" not in reply and "Who is chatting today?" in reply and kept_going(reply)
    assert "How old are you?" in chat.text("its for me")
    assert "Which school" in chat.text("14")
    assert "Which school" in chat.text("yeah go on")
    assert "Where do you live?" in chat.text("no")
    assert slots(bot, chat)["school"] == "skipped"


@pytest.mark.parametrize("answer", ["No thank you, he already has a counsellor through school", "I'm ok for now thanks"])
def test_a_no_with_its_reason_to_the_offer_is_a_no(bot, answer):  # noqa: F811
    """The first started the questions (development set D3): a no, then why."""
    chat = Conversation(bot.rasa_url)
    assert "find support near you?" in chat.text("is this free")
    reply = chat.text(answer)
    assert "Who is chatting today?" not in reply and "Take care" in reply


# "go on then" is scored at check level by the risk model alone (0.27): CrisisPolicy takes a
# plain yes to the offer as the answer (tests/test_crisis_policy_offer_answer.py).
@pytest.mark.parametrize("answer", [
    "yes please", "go on then",
    # development authors T1 and D8 (session 29): "bet" was not understood; "That would be brilliant,
    # thank you" was read as thanks and got "You're welcome. Take care."
    "bet", "That would be brilliant, thank you",
    # development authors D16 and D18 (session 44): "Sorry, I didn't get that"
    "yes find something for him", "yes but not CAMHS, we've tried them",
])
def test_yes_please_to_the_offer_starts_the_questions(bot, answer):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    chat.say("I want to kill myself")
    assert "find support near you" in chat.text("/confirm_safe")
    reply = chat.text(answer)
    assert "Who is chatting today?" in reply and kept_going(reply)


def test_no_thanks_to_the_offer_says_goodbye_with_the_urgent_lines(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    chat.say("I want to kill myself")
    assert "find support near you" in chat.text("/confirm_safe")
    reply = chat.text("no thanks")
    assert "111" in reply and "Who is chatting" not in reply


def results(bot) -> Conversation:  # noqa: F811
    chat = start(bot, "young person", "14", "skip", "Watford")
    assert "Why I picked it" in chat.text("low mood")
    return chat


@pytest.mark.parametrize("message", ["મારી ઉંમર 14 છે", "actually I'm 14"])
def test_changed_is_only_said_when_an_answer_changed(bot, message):  # noqa: F811
    chat = results(bot)
    before = slots(bot, chat)
    reply = chat.text(message)
    assert "I've changed that" not in reply
    after = slots(bot, chat)
    assert {k: after.get(k) for k in ("age_min", "area_code", "concern")} == {
        k: before.get(k) for k in ("age_min", "area_code", "concern")}


def test_a_real_change_is_still_confirmed(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.text("actually I'm 15")
    assert "I've changed that" in reply
    assert slots(bot, chat)["age_min"] == 15


def test_an_age_said_with_words_that_raise_the_check_question_is_kept_after_no(bot):  # noqa: F811
    """Before, after "No" the bot asked "How old are you?" again: the user typed it twice."""
    chat = start(bot)
    chat.say("young person")
    reply = chat.text("im 16 and i hate myself")
    if "I want to check you're OK" in reply:  # the risk layer asks first; a user taps No
        reply = chat.text("/deny")
        assert "Let's carry on" in reply or "talk to someone any time" in reply
    assert "Which school or college do you go to?" in reply
    found = slots(bot, chat)
    assert (found["age_min"], found["age_max"]) == (16, 16)


@pytest.mark.parametrize("first", ["is anyone there", "hello?? is this working"])
def test_is_anyone_there_as_a_first_message_gets_the_greeting(bot, first):  # noqa: F811
    """"is anyone there" got "Sorry, I didn't get that. What would you like to do?" (D1)."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text(first)
    assert "I'm a chatbot" in reply and "Who is chatting today?" in reply and "Sorry" not in reply


def test_a_greeting_that_says_who_is_chatting_starts_with_it(bot):  # noqa: F811
    """A user trial (session 19): "hi i'm a step dad" got "Who is chatting today?"."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("hi i'm a step dad")
    assert "How old is your child?" in reply and "Who is chatting today?" not in reply


@pytest.mark.parametrize("first", ["young person", "im a student and i feel really low"])
def test_a_first_message_naming_a_young_person_starts_with_it(bot, first):  # noqa: F811
    """Session 20: "young person", typed as the first message, got "Who is chatting today?". An
    age alone ("im 15") says less, and the question is still asked."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text(first)
    assert "How old are you?" in reply and "Who is chatting today?" not in reply
    assert slots(bot, chat)["user_role"] == "young_person"


def test_an_emoji_at_the_place_question_asks_again(bot):  # noqa: F811
    """A user trial (session 19): "😭" at "Where do you live?" got help for anywhere in England only."""
    chat = start(bot, "young person", "15", "skip")
    reply = chat.text("😭")
    assert "I don't know that place" in reply and "anywhere in England" not in reply
    assert slots(bot, chat).get("area_code") is None


@pytest.mark.parametrize("typed", ["um its for me i guess, my mum told me to try this", "my mum told me to try this"])
def test_for_me_and_who_sent_them_gets_no_crisis_reply_and_no_worry(bot, typed):  # noqa: F811
    """A user trial (session 44): the first got the whole crisis reply (the risk model, 0.72). A plain
    answer gets the check question at most; after "No", the worry "family" had been read from "mum"."""
    chat = start(bot)
    reply = chat.text(typed)
    assert "really glad you told me" not in reply
    if "Are you thinking about hurting yourself" in reply:
        reply = chat.text("No")
    assert "How old are you?" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert found["user_role"] == "young_person" and found.get("concern") is None


def test_who_the_child_lives_with_at_the_place_question_gets_no_crisis_reply(bot):  # noqa: F811
    """A user trial (session 44): "he lives with me in Hinckley, his mum's in Nuneaton" got the abuse
    reply (the risk model, 0.84). A plain answer gets the check question at most, and the place kept."""
    chat = start(bot, "im his dad", "12", "skip")
    reply = chat.text("he lives with me in Hinckley, his mum's in Nuneaton")
    assert "Thank you for telling me. If your child is in danger now" not in reply
    if "Is your child thinking about hurting themselves" in reply:
        reply = chat.text("No")
    assert "What are you worried about?" in reply and kept_going(reply)
    found = slots(bot, chat)
    assert (found["area"], found["area_code"]) == ("Hinckley", "leicestershire")


SEND_TEAM = "SEND Mental Health Support Team"


def test_a_team_only_in_special_schools_is_not_shown_at_a_mainstream_school(bot):  # noqa: F811
    """Session 44's note: a Passmores Academy pupil in Harlow was shown the SEND team, which "does
    not cover mainstream schools"; only schools that have it can refer."""
    chat = start(bot, "young person", "14", "passmores academy", "harlow")
    reply = chat.text("i get really angry")
    assert "Here are some places that can help" in reply and SEND_TEAM not in reply


def test_a_team_only_in_special_schools_is_shown_first_at_one_that_has_it(bot):  # noqa: F811
    chat = start(bot, "parent or carer", "9")
    assert "Wells Park School has a Mental Health Support Team" in chat.text("wells park school")
    chat.say("chigwell")
    reply = chat.text("she worries all the time")
    assert reply.index(SEND_TEAM) < reply.index("Mental Health Support Team in schools (MHST)")


def test_a_grandmothers_first_message_keeps_the_age_and_the_one_in_melton_is_no_age(bot):  # noqa: F811
    """A user trial (session 45): "my granddaughter who is 14" was asked the age again; "it's the one
    in Melton", typed there and kept through the check question, was age 1 ("Thanks, I've changed that")."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("Good afternoon. I am writing about my granddaughter who is 14, we live in Melton Mowbray")
    assert "Which school or college does your child go to?" in reply
    chat.say("I don't know the name of her school, it's the one in Melton")
    reply = chat.text("Not really")
    assert "changed that" not in reply and "What are you worried about?" in reply
    found = slots(bot, chat)
    assert (found["age_min"], found["age_max"], found["area"]) == (14, 14, "Melton Mowbray")


@pytest.mark.parametrize(
    ("first", "found", "question"),
    [("I'm 20, care leaver, living in Stevenage", {"user_role": "young_person", "age": "20", "area": "Stevenage"}, "Which school"),
     ("hey im 13", {"user_role": "young_person", "age": "13"}, "Which school"),
     ("it's for me", {"user_role": "young_person"}, "How old are you?")],
)
def test_facts_in_the_first_message_start_the_questions_and_are_kept(bot, first, found, question):  # noqa: F811
    """A user trial (session 45): the first got "OK, I'll stop here" ("leaver" read as "leave"); the
    others were asked "Who is chatting today?"."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text(first)
    assert question in reply and "Who is chatting today?" not in reply and kept_going(reply)
    slots_now = slots(bot, chat)
    assert {key: slots_now.get(key) for key in found} == found


def test_a_town_and_work_in_the_first_message_is_no_request_for_another_language(bot):  # noqa: F811
    chat = Conversation(bot.rasa_url)
    reply = chat.text("apprentice, 18, work in Braintree but live in Sawbridgeworth")
    assert "only chat in English" not in reply and kept_going(reply)


def test_facts_held_by_a_check_question_passed_over_are_kept(bot):  # noqa: F811
    """A user trial (session 45): the check question, then "i am his father", and the form asked the
    age and the place again, which the first message had told."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("salam, my son 16 year old, he angry all the time, shouting, punch the wall. We live Leicester Highfields")
    assert "Is your child thinking about hurting themselves" in reply
    reply = chat.text("i am his father")
    assert "How old is your child?" not in reply and "Which school or college does your child go to?" in reply
    found = slots(bot, chat)
    assert (found["age"], found["area_code"], found["concern"]) == ("16", "leicester", "anger")


def test_a_form_tutor_is_a_professional_and_a_question_is_no_role(bot):  # noqa: F811
    """A user trial (session 45): "I'm a Year 11 form tutor…" was asked who is chatting; "can I refer
    her myself?" then made them a young person; "thanks that's helpful" got "Sorry"."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("Hello, I'm a Year 11 form tutor at Mark Hall Academy in Harlow. One of my students (16) is struggling")
    assert "Which school or college does the young person go to?" in reply
    assert slots(bot, chat)["user_role"] == "professional"
    reply = chat.text("exam stress and panic")
    assert "I'll look for help with that" in reply and "couldn't find that school" not in reply
    reply = chat.text("thanks that's helpful")
    assert "Sorry" not in reply and "Which school or college does the young person go to?" in reply


def test_a_worry_that_asks_nothing_gets_no_reply_to_a_question(bot):  # noqa: F811
    """A user trial (session 45): "im scared to go to big school in september" got the privacy reply
    (DIET's ask_privacy, 0.8) before the list."""
    chat = start(bot, "young person", "11", "skip", "Saffron Walden")
    reply = chat.text("im scared to go to big school in september")
    assert "I don't know who you are" not in reply
    assert "Here are some places" in reply or "couldn't find a service" in reply


def test_sent_here_by_mum_at_who_is_chatting_is_a_young_person(bot):  # noqa: F811
    """A user trial (session 45): "my mum said i should talk to someone" got "Sorry, I didn't get that"."""
    chat = start(bot)
    reply = chat.text("my mum said i should talk to someone")
    assert "How old are you?" in reply and "Sorry" not in reply


def test_just_turned_18_and_discharged_gets_a_service_that_goes_on_first(bot):  # noqa: F811
    """A user trial (session 45): asked who is chatting, then three services that end at 18 or 19."""
    chat = Conversation(bot.rasa_url)
    reply = chat.text("I just turned 18 and camhs discharged me last week. I live in Hitchin and im still really anxious")
    assert "Who is chatting today?" not in reply and "Which school or college do you go to?" in reply
    reply = chat.text("skip")
    assert "Kooth" in reply
    for ending_soon in ("Children's Wellbeing Practitioners", "Mental Health Support Team in schools"):
        assert ending_soon not in reply or reply.index("Kooth") < reply.index(ending_soon)
