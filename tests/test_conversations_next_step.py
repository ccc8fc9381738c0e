"""Issue #12 (12e): typed answers to "What would you like to do next?" after the list, and a
greeting after the list, in whole conversations over REST (real model, action server, database)."""
from __future__ import annotations

import pytest

from tests.test_conversations import Conversation
from tests.test_conversations_typed import slots

pytestmark = pytest.mark.servers

LIST = "Why I picked it"  # in every list of services
NEXT_STEP_BUTTONS = ["More options", "Start again", "Talk to a person"]


def texts(messages: list[dict]) -> str:
    return "\n".join(message.get("text", "") for message in messages)


def last_buttons(messages: list[dict]) -> list[str]:
    return [button["title"] for button in messages[-1].get("buttons", [])] if messages else []


def results(bot) -> Conversation:  # noqa: F811
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "young person", "14", "skip", "Watford"]:
        chat.say(text)
    assert LIST in chat.text("low mood")
    return chat


@pytest.mark.parametrize("greeting", ["hello", "hi again"])
def test_a_greeting_after_the_list_offers_the_next_step_and_does_not_search_again(bot, greeting):  # noqa: F811
    chat = results(bot)
    reply = chat.say(greeting)
    assert LIST not in texts(reply)  # the same list again would be a dead loop
    assert last_buttons(reply) == NEXT_STEP_BUTTONS
    assert "Sorry" not in texts(reply)


# The brief's wordings (also training examples) and wordings the training data does not have.
@pytest.mark.parametrize("answer", [
    "that's all thanks", "nothing else", "nah nothing else ta", "thats everything cheers",
    # development authors (session 25): read as a "no" or the parent's own help, they got "Sorry,
    # I didn't get that" or "You matter too"
    "no that's all thank you", "no im good thx", "gtg mums calling me",
])
def test_done_after_the_list_says_goodbye(bot, answer):  # noqa: F811
    chat = results(bot)
    reply = texts(chat.say(answer))
    assert "Take care" in reply
    assert LIST not in reply and "didn't get that" not in reply and "let's start again" not in reply


@pytest.mark.parametrize("answer", ["another one", "more please", "show me a different one"])
def test_more_after_the_list_shows_other_services(bot, answer):  # noqa: F811
    chat = results(bot)
    shown = list(slots(bot, chat)["services_shown"])
    reply = texts(chat.say(answer))
    assert "didn't get that" not in reply and "let's start again" not in reply
    after = list(slots(bot, chat)["services_shown"])
    assert after[: len(shown)] == shown and len(after) > len(shown) or "That's all the services" in reply


@pytest.mark.parametrize("answer", ["different area", "could we look at another town instead"])
def test_different_area_asks_where_then_searches_there(bot, answer):  # noqa: F811
    chat = results(bot)
    reply = chat.text(answer)
    assert "Where do you live?" in reply and LIST not in reply
    answer = chat.text("Leicester")
    assert LIST in answer
    found = slots(bot, chat)
    assert (found["area_code"], found["concern"], found["age_min"]) == ("leicester", "low_mood", 14)


def test_can_i_change_the_age_asks_the_age_then_searches_again(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.text("can I change the age")
    assert "How old are you?" in reply and LIST not in reply
    assert LIST in chat.text("16")
    found = slots(bot, chat)
    assert (found["age_min"], found["area_code"], found["concern"]) == (16, "herts", "low_mood")


def test_a_new_worry_after_the_list_searches_for_it_keeping_the_other_answers(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.say("I'm also being bullied at school")
    assert "Here is help for that" in texts(reply)
    assert LIST in texts(reply)
    assert "I'm a chatbot" not in texts(reply) and "Sorry" not in texts(reply)  # no greeting, no fallback
    answers = slots(bot, chat)
    assert answers["concern"] == "bullying"
    assert answers["area"] == "Watford" and answers["age"] is not None


def test_a_place_typed_after_the_list_searches_there_without_greeting_again(bot):  # noqa: F811
    """Before, an answer after the list matched the rule for an answer out of the blue: the
    greeting again, then "What would you like to do next?" with nothing changed."""
    chat = results(bot)
    same = chat.say("watford")  # the same place again: nothing to change
    assert "I'm a chatbot" not in texts(same)
    assert "What would you like to change?" in texts(same)
    moved = chat.say("Oadby")
    assert "Thanks, I've changed that" in texts(moved) and LIST in texts(moved)
    assert "I'm a chatbot" not in texts(moved)
    answers = slots(bot, chat)
    assert answers["area_code"] == "leicestershire" and answers["concern"] == "low_mood"


@pytest.mark.parametrize(
    ("typed", "place", "area_code"),
    [("what about in hemel instead", "Hemel Hempstead", "herts"), ("how about oadby", "Oadby", "leicestershire")],
)
def test_a_place_asked_about_after_the_list_searches_there(bot, typed, place, area_code):  # noqa: F811
    """Found by typing at phone size: "what about in hemel instead" got "Sorry, I didn't get
    that" (the NLU fallback); "how about oadby", read as a worry, got the greeting again."""
    chat = results(bot)
    reply = chat.say(typed)
    assert_searched_there_or_said_the_help_is_the_same(reply, area_code)
    assert "Sorry" not in texts(reply) and "I'm a chatbot" not in texts(reply)
    answers = slots(bot, chat)
    assert (answers["area"], answers["area_code"]) == (place, area_code)


def assert_searched_there_or_said_the_help_is_the_same(reply: list[dict], area_code: str) -> None:
    """After Watford's list (Hertfordshire): another area is searched; a place in Hertfordshire gets
    "That's in the same area as Watford, so the help is the same." (session 47)."""
    if area_code == "herts":
        assert "same area as Watford, so the help is the same" in texts(reply) and LIST not in texts(reply)
    else:
        assert "Thanks, I've changed that" in texts(reply) and LIST in texts(reply)


def test_the_same_worry_again_after_the_list_is_heard_and_offered_the_next_step(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.say("i still feel really low")
    assert "Thank you for telling me." in texts(reply)
    assert last_buttons(reply) == NEXT_STEP_BUTTONS
    assert "I'm a chatbot" not in texts(reply) and LIST not in texts(reply)


@pytest.mark.parametrize(
    ("typed", "place", "area_code"),
    [("have u got anything closer to oakham", "Oakham", "rutland"), ("anything nearer to hemel", "Hemel Hempstead", "herts")],
)
def test_asking_for_something_closer_to_a_place_searches_there(bot, typed, place, area_code):  # noqa: F811
    """A user trial: "have u got anything closer to oakham" after the list got the privacy answer,
    and "anything closer to uppingham" more national services; the place was never looked up."""
    chat = results(bot)
    reply = chat.say(typed)
    assert_searched_there_or_said_the_help_is_the_same(reply, area_code)
    assert "I don't know who you are" not in texts(reply)  # the privacy answer
    answers = slots(bot, chat)
    assert (answers["area"], answers["area_code"], answers["concern"]) == (place, area_code, "low_mood")


@pytest.mark.parametrize("typed", ["is there anything nearer", "got anything closer to watford"])
def test_asking_for_something_nearer_in_the_same_place_says_how_the_list_was_made(bot, typed):  # noqa: F811
    chat = results(bot)
    reply = chat.say(typed)
    assert "I look for services that cover Watford" in texts(reply)
    assert last_buttons(reply) == NEXT_STEP_BUTTONS
    assert LIST not in texts(reply) and "Sorry" not in texts(reply)


def test_a_question_naming_a_service_gets_its_card(bot):  # noqa: F811
    """Two user trials (session 19): "whats kooth", "is it free", "whats camhs" got the same general
    text, or "I can't give medical advice"."""
    chat = results(bot)
    reply = texts(chat.say("what is kooth"))
    assert "Here is what I know about it." in reply and "Kooth" in reply and "Free online counselling" in reply
    parent = Conversation(bot.rasa_url)
    for text in ["hi", "parent", "12", "skip", "oakham"]:
        parent.say(text)
    answer = texts(parent.say("whats camhs"))
    assert "CAMHS is the NHS mental health service for children and young people" in answer
    assert "medical advice" not in answer and "Hertfordshire CAMHS" not in answer  # the family's own area's
    assert "What are you worried about?" in answer  # the question again


def test_a_medicine_question_still_gets_no_medical_advice(bot):  # noqa: F811
    chat = results(bot)
    assert "I can't give medical advice" in texts(chat.say("should i take sertraline"))


def test_a_professional_asking_for_domestic_abuse_support_after_the_check_gets_it_without_a_greeting(bot):  # noqa: F811
    """A user trial (session 20): a social worker's "so what DV support is there for a 17 year old
    in Harlow?", typed to "Would you like me to find support near you?" after the check, got the
    greeting again and no service; the check asked the social worker "is someone hurting you?"."""
    chat = Conversation(bot.rasa_url)
    for text in ["I'm a professional", "17", "Not at school", "Harlow", "family problems"]:
        chat.say(text)
    reply = chat.text("mum's partner hit her last night, she's in college now and safe, what support is there for her around the DV?")
    if "I want to check" in reply:  # the model may score it at crisis level some trainings
        assert "Is the young person thinking about hurting themselves" in reply
        reply = chat.text("No")
        assert "they can talk to someone any time" in reply
    else:
        reply = chat.text("/confirm_safe")
    reply = chat.text("so what DV support is there for a 17 year old in Harlow?")
    assert "I'm a chatbot" not in reply and "NSPCC" in reply
    assert slots(bot, chat)["concern"] == "abuse"


CHECK_QUESTION = "I want to check you're OK"


def say_past_the_check(chat: Conversation, typed: str) -> str:
    """The reply to `typed`, or, if the risk model asked the check question, to "No" after it:
    either way the request must be served (the check never loses it)."""
    reply = texts(chat.say(typed))
    if CHECK_QUESTION in reply:
        reply = texts(chat.say("No"))
        assert "Would you like me to find support near you?" not in reply  # the list was shown already
    return reply


@pytest.mark.parametrize("typed", [
    "thx ill have a look 👍",  # development set D1: "Thank you for telling me"
    "Thank you so much, I'll have a look through these tonight with her dad",  # D3: the check question, then lost
    "cheers, we'll give the first one a ring tomorrow",
])
def test_a_closing_thank_you_after_the_list_is_answered(bot, typed):  # noqa: F811
    chat = results(bot)
    reply = say_past_the_check(chat, typed)
    assert "You're welcome" in reply
    assert "Thank you for telling me" not in reply and "Sorry" not in reply and LIST not in reply


@pytest.mark.parametrize("typed", [
    "can I do this again for my other son",  # D2: the same list again ("Here is the help for your child again")
    "do it again for my sister",  # D3: the check question, then the old answers and a worry about a sister
    "could we go through the questions again for our youngest",
])
def test_doing_it_again_for_another_child_starts_again(bot, typed):  # noqa: F811
    chat = results(bot)
    reply = say_past_the_check(chat, typed)
    assert "let's start again" in reply and "Who is chatting today?" in reply
    answers = slots(bot, chat)
    assert (answers["user_role"], answers["age"], answers["area"], answers["concern"]) == (None, None, None, None)


@pytest.mark.parametrize(("typed", "answer"), [
    ("send to my mums phone", "I can't send emails or texts yet"),  # D3: the check question, then lost
    ("could you forward the list to her social worker", "I can't send emails or texts yet"),
    ("can i show this to my teacher", "your web browser can"),  # D3: "Sorry, I didn't get that"
])
def test_sending_or_showing_the_list_to_someone_gets_the_honest_answer(bot, typed, answer):  # noqa: F811
    chat = results(bot)
    reply = say_past_the_check(chat, typed)
    assert answer in reply and "What would you like to do next?" in reply
    assert "Thank you for telling me" not in reply and "Here is what I can tell you" not in reply


@pytest.mark.parametrize(
    "typed", ["i want to talk to sum1", "we'd like to speak to a real person please", "is there anyone i can talk to tonight about my son"]
)
def test_asking_to_talk_to_someone_after_the_list_gets_the_lines(bot, typed):  # noqa: F811
    chat = results(bot)
    reply = say_past_the_check(chat, typed)
    assert "You can talk to a person here" in reply and "Childline" in reply


@pytest.mark.parametrize("typed", ["none of these are near us", "none of them are close to us", "those r all too far"])
def test_none_of_these_near_us_keeps_the_place(bot, typed):  # noqa: F811
    """D2: "none of these are near us" was read as "somewhere else": "Thanks, I've changed that" and
    help for anywhere in England, for a family in Watford."""
    chat = results(bot)
    reply = say_past_the_check(chat, typed)
    assert "Thanks, I've changed that" not in reply and "anywhere in England" not in reply
    assert "I look for services that cover Watford" in reply
    assert slots(bot, chat)["area"] == "Watford"


def readings(bot, chat: Conversation) -> list[str]:  # noqa: F811
    """The next-step model's readings this conversation acted on (the policy sets them for a turn)."""
    import json
    import sqlite3

    with sqlite3.connect(f"file:{bot.tracker_db}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' ORDER BY id", (chat.sender,))
        return [event["value"] for (data,) in rows if (event := json.loads(data))["name"] == "next_step_reading" and event["value"]]


# Session 26: requests typed after the list that DIET reads as something else (a question about a
# service, privacy, "change an answer", not understood) and the next-step model reads as the
# request. Lines of the next-step corpus's training authors (bot/nlu/next_step_corpus/), so the
# model's reading is sure; what DIET read is in the comment.


def test_more_options_read_by_the_next_step_model_shows_other_services(bot):  # noqa: F811
    chat = results(bot)
    shown = list(slots(bot, chat)["services_shown"])
    reply = texts(chat.say("none of them r near a bus stop can u find another"))  # DIET: not understood
    assert "didn't get that" not in reply and "let's start again" not in reply
    assert readings(bot, chat) == ["more_options"]
    after = list(slots(bot, chat)["services_shown"])
    assert (after[: len(shown)] == shown and len(after) > len(shown)) or "That's all the services" in reply


def test_more_options_for_a_worry_named_searches_again_for_that_worry(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.text("have you got anything for grief? none of these mention bereavement, her nan passed in march")  # DIET: privacy
    assert LIST in reply and "private" not in reply.lower()
    assert readings(bot, chat) == ["more_options"]
    found = slots(bot, chat)
    assert (found["concern"], found["area_code"], found["age_min"]) == ("bereavement", "herts", 14)


def test_starting_again_read_by_the_next_step_model_asks_the_first_question_again(bot):  # noqa: F811
    chat = results(bot)
    messages = chat.say("messed up all my answers lol can we do it over")  # DIET: privacy
    reply = texts(messages)
    assert "let's start again" in reply and "Who is chatting" in reply
    assert readings(bot, chat) == ["start_again"]
    assert slots(bot, chat)["services_shown"] is None
    assert "How old are you?" in chat.text("young person")


def test_another_language_read_by_the_next_step_model_gets_its_interpreter_line(bot):  # noqa: F811
    chat = results(bot)
    messages = chat.say("Is this available in Urdu? The family has limited English.")  # DIET: a service question
    reply = texts(messages)
    assert "English" in reply and "Urdu" in reply  # the honest "English only", then the Urdu interpreter line
    assert last_buttons(messages) == NEXT_STEP_BUTTONS
    assert readings(bot, chat) == ["other_language"]
    assert slots(bot, chat)["next_step_reading"] is None  # kept for the turn only


def test_sending_the_list_read_by_the_next_step_model_points_to_the_link(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.text("can the school senco get a copy of this")  # DIET: privacy
    assert "Get a link to this list" in reply and "private" not in reply.lower()
    # DIET read it as privacy when this was written; a model trained since may read it right itself,
    # and the next-step model's reading is then not needed (its path has tracker tests of its own)
    assert readings(bot, chat) in ([], ["email"])


def test_a_goodbye_read_by_the_next_step_model_ends_kindly(bot):  # noqa: F811
    chat = results(bot)
    reply = chat.text("need to go now school run")  # DIET: not understood
    assert "Take care" in reply and "didn't get that" not in reply
    assert readings(bot, chat) in ([], ["closing"])  # as above: DIET, retrained, may read it itself


def test_not_wanting_to_start_again_keeps_the_answers_and_offers_the_next_step(bot):  # noqa: F811
    """DIET reads "start again" in it: the answers were wiped and the questions started again."""
    chat = results(bot)
    messages = chat.say("i dont want to start again")
    reply = texts(messages)
    assert "let's start again" not in reply and LIST not in reply and "What would you like to do next?" in reply
    assert last_buttons(messages) == NEXT_STEP_BUTTONS
    assert slots(bot, chat)["services_shown"]


def test_not_wanting_to_start_again_in_the_questions_asks_the_question_again(bot):  # noqa: F811
    """Phone trial (session 26): typed at "Who is chatting today?" right after starting again, it
    started the questions again."""
    chat = Conversation(bot.rasa_url)
    chat.say("hi")
    chat.say("parent")
    reply = chat.text("i dont want to start again sorry")
    assert "let's start again" not in reply and "How old is your child?" in reply
    assert slots(bot, chat)["user_role"] == "parent_carer"


@pytest.mark.parametrize(
    "answer",
    ["nah these arent for me", "i dont like any of those", "meh not feeling any of these tbh",
     "not really these arent helpful",  # DIET's "thanks": "You're welcome. Take care." (session 44's note)
     "that's useless"],  # the same (a user trial, session 45)
)
def test_saying_the_list_does_not_fit_gets_sorry_it_didnt_help_and_the_next_step(bot, answer):  # noqa: F811
    """Phone trial (session 26): "Sorry, I didn't get that", or (for "not feeling") a new search for
    low mood, the worry the concern model guessed."""
    chat = results(bot)
    messages = chat.say(answer)
    reply = texts(messages)
    assert "sorry it didn't help" in reply and "didn't get that" not in reply and LIST not in reply
    assert last_buttons(messages) == NEXT_STEP_BUTTONS
    assert slots(bot, chat)["concern"] == "low_mood"


@pytest.mark.parametrize("typed", ["something not online please, she won't do online"])  # D5: the check question, then lost
def test_more_options_read_by_the_model_is_served_after_the_check(bot, typed):  # noqa: F811
    """Session 27: after "No" to the check question, the next-step model's reading of the message
    is answered (it was "Would you like me to find support near you?", the list already shown)."""
    chat = results(bot)
    assert CHECK_QUESTION in texts(chat.say(typed))  # what this test is about (the risk model's check)
    messages = chat.say("No")
    reply = texts(messages)
    assert "Would you like me to find support near you?" not in reply
    assert LIST in reply or "That's all the services I have that fit" in reply
    assert last_buttons(messages)  # the next step's buttons: never a dead end


def test_a_correction_that_got_the_check_is_made_after_no(bot):  # noqa: F811
    """D5: "oops i said 13 im 15" got the check question, and after "No" only the next step
    (session 28): the correction was lost. Now it is made, as without the check (session 29)."""
    chat = results(bot)
    assert CHECK_QUESTION in texts(chat.say("oops i said 13 im 15"))  # what this test is about
    messages = chat.say("No")
    reply = texts(messages)
    assert "Would you like me to find support near you?" not in reply
    assert "Thanks, I've changed that" in reply and LIST in reply
    assert slots(bot, chat)["age"] == "15"
    assert last_buttons(messages) == NEXT_STEP_BUTTONS


def test_services_nearer_asked_for_after_the_check_get_how_the_list_was_made(bot):  # noqa: F811
    """D1: "none of them r near me" got the check question; after "No", only the next step."""
    chat = results(bot)
    assert CHECK_QUESTION in texts(chat.say("none of them r near me"))
    messages = chat.say("No")
    assert "I look for services that cover Watford" in texts(messages)
    assert last_buttons(messages) == NEXT_STEP_BUTTONS
    assert slots(bot, chat)["area"] == "Watford"


def test_asking_for_others_beside_a_question_shows_other_services(bot):  # noqa: F811
    """D2: "any others? I've already referred to all of those" got how to reach the ones shown."""
    chat = results(bot)
    shown = list(slots(bot, chat)["services_shown"])
    reply = chat.text("any others? I've already referred to all of those")
    assert "Here is how to get help from each one" not in reply
    new = list(slots(bot, chat)["services_shown"])[len(shown):]
    assert new and not set(new) & set(shown)


@pytest.mark.parametrize("typed", ["i picked the wrong worry can i go back", "can i change the worry"])
def test_asking_to_change_the_worry_asks_it_again_not_searching_for_worry(bot, typed):  # noqa: F811
    """D5: "i picked the wrong worry" searched again for worry (anxiety): the words that name the
    answer to change were read as the new answer."""
    chat = results(bot)
    reply = chat.text(typed)
    assert "What has been going on?" in reply and LIST not in reply
    assert slots(bot, chat)["concern"] is None
    assert LIST in chat.text("bullying")
    assert slots(bot, chat)["concern"] == "bullying"


def test_asking_for_help_with_another_worry_searches_for_it_not_for_the_parent(bot):  # noqa: F811
    """D5: "is there anything for autism support aswell" got a parent's own options."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "parent", "12", "skip", "Watford"]:
        chat.say(text)
    assert LIST in chat.text("low mood")
    reply = chat.text("is there anything for autism support aswell")
    assert "Here is help for that" in reply and LIST in reply and "You matter too" not in reply
    assert slots(bot, chat)["concern"] == "neurodevelopmental"
    assert "You matter too" in chat.text("is there anything for parents")


@pytest.mark.parametrize("typed", ["anythin face to face? dont want online", "any that arent online"])
def test_asking_for_something_not_online_shows_more_without_the_online_only_ones(bot, typed):  # noqa: F811
    """D5: "anythin face to face? dont want online" got "None of the services I showed you can be
    used online"; "any that arent online" got more services with Kooth, online only, first."""
    from services_db.seed import load_service_records

    only_online = {service.id for service in load_service_records() if service.only_online}
    chat = results(bot)
    shown = list(slots(bot, chat)["services_shown"])
    reply = chat.text(typed)
    assert "I've left out the ones you can only use online" in reply and LIST in reply
    new = list(slots(bot, chat)["services_shown"])[len(shown):]
    assert new and not set(new) & only_online


def test_changing_the_worry_does_not_find_the_school_again(bot):  # noqa: F811
    """A phone trial (session 28): "i picked the wrong worry can i go back" was answered with
    "OK, let's change that", then "Thanks. I found Parmiter's School." again."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "dad here", "15", "Parmiters", "wd25"]:
        chat.say(text)
    assert LIST in chat.text("low mood")
    reply = chat.text("i picked the wrong worry can i go back")
    assert "What are you worried about?" in reply and "I found" not in reply
    assert slots(bot, chat)["school"] == "Parmiter's School"


def test_asking_to_start_over_with_the_answer_already_given_starts_again(bot):  # noqa: F811
    """D8: "I clicked young person by mistake, I'm his carer, can I start over", said by a carer,
    changed nothing and got "What would you like to change?"."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "parent or carer", "12", "skip", "Watford"]:
        chat.say(text)
    assert LIST in chat.text("low mood")
    reply = chat.text("I clicked young person by mistake, I'm his carer, can I start over")
    assert "let's start again" in reply and "What would you like to change?" not in reply
    assert slots(bot, chat)["services_shown"] is None and slots(bot, chat)["area"] is None


@pytest.mark.parametrize(("typed", "wanted"), [
    ("Can a worker call me back? I'm free after 3", "You can talk to a person here"),  # D8: got opening hours
    ("whats next on the list", LIST),  # D8: "Sorry, I can't help with that"
    # the team's own wordings (session 29): "Sorry, I didn't get that", and a general answer
    ("how do i share this with my husband", "Get a link to this list"),
    ("can i get these in writing", "your web browser can"),
    # development author D9: the waiting-time reply; "None of the services I showed you take texts"
    ("waiting list for that one is like 6 months, what else is there", LIST),
    ("can u text or email it so i can show my dad", "Get a link to this list"),
])
def test_a_call_back_and_the_next_on_the_list(bot, typed, wanted):  # noqa: F811
    chat = results(bot)
    reply = chat.text(typed)
    assert wanted in reply and "Here is when each one is open" not in reply and "can't help with that" not in reply


def test_i_need_help_after_the_list_gets_the_people_to_talk_to_and_the_next_step(bot):  # noqa: F811
    """Session 43: "Thank you for telling me." and the menu, and nothing else."""
    chat = results(bot)
    reply = chat.say("i need help")
    assert "You can talk to a person here" in texts(reply) and "Childline" in texts(reply)
    assert last_buttons(reply) == NEXT_STEP_BUTTONS
    assert LIST not in texts(reply)


def test_a_worry_asked_about_after_the_list_is_searched_not_taken_for_the_parents_own_help(bot):  # noqa: F811
    """A user trial (session 45): "is there anything specific for drugs" after a parent's list got
    "You matter too…" (DIET's parent_own_help, 0.92)."""
    chat = Conversation(bot.rasa_url)
    for text in ["hi", "parent or carer", "14", "skip", "hitchin"]:
        chat.say(text)
    assert LIST in chat.text("he wont go to school")
    reply = chat.text("is there anything specific for drugs")
    assert "You matter too" not in reply and "didn't get that" not in reply
    assert "drink, drugs or vaping" in reply
    assert slots(bot, chat)["concern"] == "substances"


def test_a_worry_named_alone_after_the_list_is_searched_not_refused_as_medical_advice(bot):  # noqa: F811
    """A user trial (session 45): "anxiety" after the list got "I can't give medical advice… If you
    have taken too much of something, call 999 now." (DIET's ask_clinical_advice, 0.95)."""
    chat = results(bot)
    reply = chat.text("anxiety")
    assert "can't give medical advice" not in reply and "Here is help for that" in reply
    assert slots(bot, chat)["concern"] == "worry"


def test_who_can_see_the_chat_after_the_list_gets_the_privacy_reply(bot):  # noqa: F811
    """A user trial (session 45): "can my mum see this chat" got a new search for a family worry (the
    first version of the worry after the list) or "Sorry, I didn't get that" (DIET's "stop")."""
    chat = results(bot)
    reply = chat.text("can my mum see this chat")
    assert "I can't contact anyone" in reply and "Here is help for that" not in reply and "didn't get that" not in reply


@pytest.mark.parametrize("told", ["mum cries all the time", "nan died last week"])
def test_a_young_person_telling_of_family_after_the_list_stays_a_young_person(bot, told):  # noqa: F811
    """Session 46: "mum cries all the time" after the list got "Thanks, I've changed that": a
    14-year-old made a parent, and the list again "for parents and carers"."""
    chat = results(bot)
    reply = texts(chat.say(told))
    assert "I've changed that" not in reply and "for parents and carers" not in reply
    assert slots(bot, chat)["user_role"] == "young_person"


@pytest.mark.parametrize("asked", ["can i see the services", "show me the list again"])
def test_the_list_asked_for_again_is_shown_again(bot, asked):  # noqa: F811
    """A user trial (session 46): "can i see the services" got "Thank you for telling me." and the
    lines to talk to a person; "show me the list again" from a young person got "Here is the help
    for your child again"."""
    chat = results(bot)
    reply = texts(chat.say(asked))
    assert LIST in reply and "your child" not in reply and "You can talk to a person here" not in reply
