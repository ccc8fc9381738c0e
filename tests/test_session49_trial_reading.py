"""Session 49's user trial (college students, grandparents, foster carers, pastoral leads, young
carers): the words it found unread or misread, and the answers at the safety steps
(signposting/risk_patterns.py, risk_decision.py, intent_evidence.py, parsing.py;
actions/triage_form.py; bot/nlu/crisis_policy.py)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from actions.triage_form import age_beside_a_young_persons_role
from bot.nlu.crisis_policy import next_crisis_action, says_no_and_safe
from signposting.intent_evidence import lacks_evidence, learn_intent_words
from signposting.parsing import asks_what_we_mean
from signposting.risk import detect_risk
from signposting.risk_decision import (
    Decision,
    RiskSignals,
    Thresholds,
    decide,
    reply_kind,
    third_party_report,
)
from tests.test_policies import scored, tracker

LISTEN = ActionExecuted("action_listen")


@pytest.mark.parametrize("text", [
    "my son left a note saying goodbye and hes not answering his phone", "she left a letter saying bye",
    # (the second review, session 49: false friends must not take these)
    "my son left a note saying bye, see you in heaven", "i left a note saying goodbye see you all soon",
    "i wrote a note saying goodbye im leaving for good", "she left a letter saying goodbye, moving on to a better place",
    "found a note that said goodbye in his room", "he wrote a note and said goodbye",
])
def test_a_goodbye_note_is_suicidal(text):
    assert "suicidal" in {match.category for match in detect_risk(text).matches}


@pytest.mark.parametrize("text", [
    "he wrote me a card saying bye before he moved to spain", "the note said see you at 6",
    # (the review, session 49)
    "my mum left me a note saying bye see you after work", "my nan left a note saying bye, back at 6",
    "he left a note saying goodbye, moving to leeds",
])
def test_everyday_notes_and_cards_are_not(text):
    assert "suicidal" not in {match.category for match in detect_risk(text).matches}


def _lexicon_decision(text: str, model_probability: float) -> Decision:
    matches = detect_risk(text).matches
    signals = RiskSignals(
        lexicon_categories=tuple(sorted({m.category for m in matches})), model_probability=model_probability,
        lexicon_matches=tuple((m.category, m.pattern, m.text) for m in matches), words=len(text.split()),
    )
    return decide(signals, Thresholds())


def test_ending_it_all_is_a_crisis_whatever_the_models_score():
    """"i feel like ending it all" got only the check question: the models scored it under the veto."""
    assert _lexicon_decision("i feel like ending it all", 0.05).level == "crisis"
    assert _lexicon_decision("sometimes i just want to end it all", 0.05).level == "crisis"


@pytest.mark.parametrize("text", ["im ending it all with my boyfriend", "she ended it all with him last week"])
def test_ending_it_all_with_a_boyfriend_is_a_false_friend(text):
    assert "suicidal" not in {match.category for match in detect_risk(text).matches}


@pytest.mark.parametrize("text", [
    "teacher, a year 8 just told me shes being sexually abused at home", "a year 10 girl disclosed that her stepdad hits her",
    "one of my year 9 pupils has been cutting", "a yr 7 boy told me his dad hits him",
])
def test_a_pupil_named_by_their_school_year_is_someone_else(text):
    assert third_party_report(text)
    assert reply_kind(["abuse"], parent=False, text=text, professional=True) == "third_party"


@pytest.mark.parametrize("text", [
    "a year 9 girl keeps hitting me", "im in year 8 and i want to die", "a year 10 boy punched me",
    # (the review, session 49: the speaker's own year)
    "this year 11 is too much, cant take it anymore, took a load of tablets", "this yr 11 is killing me, took 10 pills",
])
def test_a_young_persons_own_harm_beside_a_school_year_is_theirs(text):
    assert not third_party_report(text)


@pytest.mark.parametrize("text", [
    "my husband hits me and hes threatening to kill me", "i cant go on anymore, hes left me and i want to die",
])
def test_an_adults_own_crisis_beside_hes_stays_their_own(text):
    """The review, session 49: with "hes" read as a child, a parent's own danger got "Is your child safe right now?"."""
    assert reply_kind(["abuse", "suicidal"], parent=True, text=text) == "parent_own"


def test_a_friend_by_their_school_year_is_someone_else():
    assert third_party_report("one of my year 10 mates took an overdose")


@pytest.fixture(scope="module")
def intent_words():
    return learn_intent_words([("goodbye", "bye see you soon"), ("goodbye", "see ya later"), ("seek_help", "who can help")])


@pytest.mark.parametrize("text", ["who can see her soon", "when can someone see him", "what about soon?", "how soon can they see her"])
def test_a_question_is_no_goodbye(intent_words, text):
    """"who can see her soon" got "Bye for now. Take care." and the chat ended (a user trial, session 49)."""
    assert lacks_evidence("goodbye", text, intent_words)


@pytest.mark.parametrize("text", ["bye see you soon", "ok bye", "what a day, bye"])
def test_a_goodbye_said_stays_one(intent_words, text):
    assert not lacks_evidence("goodbye", text, intent_words)


@pytest.mark.parametrize(("text", "age"), [("student, 20", 20), ("20, student", 20), ("im a student, 20", 20), ("young person 14", 14)])
def test_an_age_beside_a_young_persons_role_is_kept(text, age):
    found = age_beside_a_young_persons_role(text)
    assert found is not None and found.low == age


@pytest.mark.parametrize("text", ["mum 3 kids", "dad, 2 kids", "student", "teacher 14", "year 6, 10", "student 2"])
def test_no_other_number_is_taken_for_the_age(text):
    assert age_beside_a_young_persons_role(text) is None


@pytest.mark.parametrize("text", [
    "What does area mean exactly", "what do you mean by area", "whats a postcode", "what is a carer", "what does school year mean",
])
def test_a_word_of_our_questions_asked_about_is_what_we_mean(text):
    assert asks_what_we_mean(text)


@pytest.mark.parametrize("text", ["what does adhd mean", "what is school like", "what does self harm mean"])
def test_other_words_asked_about_are_not(text):
    assert not asks_what_we_mean(text)


def test_no_and_safe_about_a_child():
    assert says_no_and_safe("no hes safe", about_someone_else=True)
    assert not says_no_and_safe("no hes not safe", about_someone_else=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("no im safe", True), ("no, im safe", True), ("nah im fine", True), ("no im ok", True),
    ("no im not safe", False), ("no im not ok", False), ("no", False), ("no but im safe", False),
    ("no im safe but i have the pills", False),
])
def test_a_no_and_safe(text, expected):
    assert says_no_and_safe(text) is expected


def _at_the_check(domain, answer, intent, level="none"):
    return tracker(
        domain, scored("i feel like nobody would care if i was gone", "express_crisis", "check", 0.4, lexicon_categories=["suicidal"]),
        SlotSet("crisis_categories", ["suicidal"]), ActionExecuted("utter_check_risk"), LISTEN, scored(answer, intent, level),
    )


def test_a_yes_first_to_the_check_gets_the_crisis_reply(domain):
    """"yes safe right now" to the check question got "Thanks for telling me… Let's carry on" (session 49)."""
    assert next_crisis_action(_at_the_check(domain, "yes safe right now", "confirm_safe")) in ("utter_crisis", "utter_crisis_parent")


@pytest.mark.parametrize("answer", ["yeah im ok", "yh im safe", "yes im fine"])
def test_yes_im_ok_to_the_check_is_still_its_answer(domain, answer):
    """The review, session 49: the check begins "I want to check you're OK"."""
    assert next_crisis_action(_at_the_check(domain, answer, "confirm_safe")) == "utter_check_ok"


def test_no_and_safe_to_the_check_carries_on(domain):
    assert next_crisis_action(_at_the_check(domain, "no im safe", "not_safe")) == "utter_check_ok"
    assert next_crisis_action(_at_the_check(domain, "no im not safe", "not_safe")) != "utter_check_ok"


# --- A service of the list by its place in it (actions/service_info.py) ---

def _list_tracker(text: str, shown: list[str]):
    from rasa_sdk import Tracker

    slots = {"services_shown": shown, "user_role": "young_person", "requested_slot": None}
    return Tracker("test", slots, {"text": text, "intent": {"name": "nlu_fallback"}}, [], False, None, {}, "action_listen")


SHOWN = ["hwe-hpft-camhs", "nat-shout", "nat-childline"]


@pytest.mark.parametrize(("text", "service_id"), [
    ("whats the number for the first one", "hwe-hpft-camhs"), ("tell me about the 2nd one", "nat-shout"),
    ("is the last one free", "nat-childline"), ("whats the website for number 3", "nat-childline"),
    ("how do i contact the second service", "nat-shout"),
    # the place alone, or choosing it (a user trial of session 49's change: "the 2nd one" not understood)
    ("the 2nd one", "nat-shout"), ("number 2", "nat-shout"), ("ok the first one please", "hwe-hpft-camhs"),
])
def test_a_service_pointed_to_by_its_place(monkeypatch, sqlite_directory, text, service_id):
    from actions import list_questions

    monkeypatch.setattr(list_questions, "get_directory", lambda: sqlite_directory)
    from actions.service_info import shown_by_its_place

    service = shown_by_its_place(text, _list_tracker(text, SHOWN))
    assert service is not None and service.id == service_id


@pytest.mark.parametrize("text", [
    "i went there the first time", "last week was bad", "what about the fourth one", "its my first time", "the first one was rubbish",
    # (the review, session 49)
    "no 1 cares about me", "i have no 1 to talk to about this", "theres no 1 i can tell",
    "i have number 2 kids",
])
def test_no_service_by_its_place_without_a_question_about_one_shown(monkeypatch, sqlite_directory, text):
    from actions import list_questions
    from actions.service_info import shown_by_its_place

    monkeypatch.setattr(list_questions, "get_directory", lambda: sqlite_directory)
    assert shown_by_its_place(text, _list_tracker(text, SHOWN)) is None


# --- Contacting a service without a parent (signposting/list_question.py, actions/list_questions.py) ---

@pytest.mark.parametrize("text", [
    "can i go without my parents knowing", "will they tell my mum", "do my parents have to know", "do they have to tell my parents",
    "will camhs contact my dad", "can i get help without telling my mum", "can i go on my own", "what if my dad finds out",
])
def test_asking_to_go_without_a_parent_is_a_question_about_the_list(text):
    from signposting.list_question import ON_MY_OWN, parse_list_question

    assert parse_list_question(text) == ON_MY_OWN


@pytest.mark.parametrize("text", ["can i call my mum", "is it ok to tell my mum about this", "my mum doesnt know", "i live with my nan"])
def test_talking_to_a_parent_oneself_is_not(text):
    from signposting.list_question import ON_MY_OWN, parse_list_question

    assert parse_list_question(text) != ON_MY_OWN


def _list_answer(monkeypatch, directory, text, shown, role):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import list_questions

    monkeypatch.setattr(list_questions, "get_directory", lambda: directory)
    slots = {"services_shown": shown, "user_role": role, "requested_slot": None, "age": "15"}
    dispatcher = CollectingDispatcher()
    tracker_ = Tracker("test", slots, {"text": text, "intent": {"name": "ask_clinical_advice"}}, [], False, None, {}, "action_listen")
    assert list_questions.answer_list_question(dispatcher, tracker_)
    return dispatcher.messages


def test_a_young_person_is_told_which_they_can_contact_themselves_and_childline(monkeypatch, sqlite_directory):
    """"can i go without my parents knowing" got "I can't give medical advice… If you have taken too
    much of something, call 999 now" (a user trial, session 49)."""
    sent = _list_answer(monkeypatch, sqlite_directory, "can i go without my parents knowing", ["hwe-hpft-camhs", "nat-shout"], "young_person")
    responses = [m["response"] for m in sent]
    assert responses[-1] == "utter_list_on_my_own_childline"
    assert "utter_list_on_my_own" in responses
    assert any(m.get("name") == "Shout 85258" for m in sent)


def test_a_parent_asking_it_is_told_how_to_get_help_from_each(monkeypatch, sqlite_directory):
    sent = _list_answer(monkeypatch, sqlite_directory, "do her parents have to know", ["hwe-hpft-camhs"], "professional")
    assert [m["response"] for m in sent][0] == "utter_list_how_to_get_help"


# --- An overdose already taken: "call 999 even if you feel OK" in the first reply (bot/nlu/crisis_policy.py) ---

@pytest.mark.parametrize(("role", "text", "expected"), [
    (None, "i took some pills", "utter_taken_first"),
    ("parent_carer", "my son has taken a load of paracetamol", "utter_taken_first_child"),
])
def test_the_first_reply_to_an_overdose_taken_says_call_999_before_the_safety_question(domain, role, text, expected):
    from bot.nlu.crisis_policy import safety_question

    events = [SlotSet("user_role", role)] if role else []
    state = tracker(domain, *events, scored(text, "express_crisis", "crisis", 0.95), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"))
    assert next_crisis_action(state) == expected
    state.update(ActionExecuted(expected))
    assert next_crisis_action(state) == safety_question(state)


def test_no_such_line_when_nothing_was_taken(domain):
    state = tracker(domain, scored("i want to take all my pills", "express_crisis", "crisis", 0.95), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"))
    assert next_crisis_action(state) == "utter_ask_safe_now"


@pytest.mark.parametrize(("text", "told", "coming"), [
    ("ok my mum is taking me now", "i took 8 of my mums sleeping tablets", True), ("mum is taking me", "i took pills", True),
    ("my mums taking me now", "i took pills", True), ("im taking him now", "my son swallowed a packet of tablets", True),
    ("my husband is driving him there", "my son took tablets", True),
    ("he is taking me now", "i took pills", False), ("my dad is taking me to the park", "i took pills", False),
    # the one who hurts them (the second review, session 49)
    ("my dad is taking me now", "my dad hits me and i took pills", False),
    ("my uncle is driving me now", "my uncle touches me so i took tablets", False),
])
def test_someone_they_trust_taking_them_after_the_overdose_reply(text, told, coming):
    from signposting.after_crisis import someone_takes_them_to_hospital

    assert someone_takes_them_to_hospital(text, told) is coming


def test_taking_them_is_no_general_help_on_its_way():
    """The second review, session 49: read everywhere, "my dad is taking me now" after "my dad hits
    me" got "You did the right thing… until help comes"."""
    from signposting.parsing import tells_help_is_coming

    assert not tells_help_is_coming("my dad is taking me now")


def _after_the_taken_reply(domain, answer, intent="ask_service_info"):
    return tracker(
        domain, scored("i took 8 of my mums sleeping tablets about an hour ago", "express_crisis", "crisis", 0.95),
        SlotSet("crisis_categories", ["overdose"]), SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis"),
        ActionExecuted("utter_crisis_local"), ActionExecuted("utter_taken_first"), ActionExecuted("utter_ask_safe_now"), LISTEN,
        scored("yes im safe", "confirm_safe"), ActionExecuted("utter_taken_something"), LISTEN, scored(answer, intent),
    )


@pytest.mark.parametrize("answer", ["do i really need to go", "i dont want to go to a&e", "im not going to hospital", "i dont want to call 999"])
def test_a_question_or_a_refusal_after_the_taken_reply_gets_it_again(domain, answer):
    """"do i really need to go" got the place question again (the user trial of session 49's change)."""
    assert next_crisis_action(_after_the_taken_reply(domain, answer)) == "utter_taken_something"


def test_help_on_its_way_after_the_taken_reply_is_thanked(domain):
    assert next_crisis_action(_after_the_taken_reply(domain, "ok my mum is taking me now", "talk_to_a_person")) == "utter_help_is_coming"


def test_a_friends_overdose_told_without_a_role_gets_their_line(domain):
    state = tracker(domain, scored("she took like 20 pills", "express_crisis", "crisis", 0.95), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"))
    assert next_crisis_action(state) == "utter_taken_first_other"


@pytest.mark.parametrize(("answer", "intent"), [
    ("can someone come get me? im scared of my stepdad", "talk_to_a_person"), ("can i talk to a real person", "talk_to_a_person"),
    ("what is childline?", "ask_service_info"),
])
def test_after_the_taken_reply_other_messages_keep_their_own_replies(domain, answer, intent):
    """The second review, session 49: the same reply again swallowed these."""
    assert next_crisis_action(_after_the_taken_reply(domain, answer, intent)) != "utter_taken_something"


@pytest.mark.parametrize("text", [
    "the last one i went to was awful, is there anything else", "the first one didnt answer, who else can i talk to?",
    "number 1 is rubbish", "ive tried the first one",
])
def test_a_service_tried_or_others_asked_for_is_no_service_by_its_place(text):
    from signposting.list_question import place_in_the_list

    assert place_in_the_list(text) is None


@pytest.mark.parametrize("text", [
    "can you tell my mum for me?", "what can i do when im home by myself and panicking?", "can i get better on my own?",
])
def test_asking_the_chat_or_being_alone_is_no_question_about_going_without_a_parent(text):
    from signposting.list_question import ON_MY_OWN, parse_list_question

    assert parse_list_question(text) != ON_MY_OWN


@pytest.mark.parametrize("age", ["9", "11", "11 to 12", None])
def test_a_child_under_12_or_of_an_age_not_told_is_told_how_to_get_help_from_each(monkeypatch, sqlite_directory, age):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import list_questions

    monkeypatch.setattr(list_questions, "get_directory", lambda: sqlite_directory)
    slots = {"services_shown": ["hwe-hpft-camhs"], "user_role": "young_person", "requested_slot": None, "age": age}
    dispatcher = CollectingDispatcher()
    text = "can i go without my parents knowing"
    state = Tracker("test", slots, {"text": text, "intent": {"name": "ask_clinical_advice"}}, [], False, None, {}, "action_listen")
    assert list_questions.answer_list_question(dispatcher, state)
    assert dispatcher.messages[0]["response"] == "utter_list_how_to_get_help"


# --- The third review (session 49) ---

def test_a_question_set_aside_as_a_goodbye_still_leaves_after_a_crisis_reply(domain):
    """"will i be alright?" after "Please call 999 now" got "Sorry, I didn't get that" once the
    question was no goodbye; before, the not-safe reply again."""
    from signposting.intent_evidence import SET_ASIDE_KEY

    message = scored("will i be alright?", "nlu_fallback")
    message.parse_data[SET_ASIDE_KEY] = {"name": "goodbye", "confidence": 0.9}
    state = tracker(domain, scored("i took too many pills", "express_crisis", "crisis", 0.95), SlotSet("crisis_categories", ["overdose"]),
                    SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), LISTEN, scored("no", "deny"), ActionExecuted("utter_not_safe_now"), LISTEN, message)
    assert next_crisis_action(state) in ("utter_not_safe_now", "utter_crisis")


@pytest.mark.parametrize("answer", [
    "i cant go to hospital my dad would kill me", "im not going to hospital, ill just take more",
    "do i really need to go? i dont even want to be alive", "i cant go to hospital im 14 and home alone",
])
def test_a_doubt_or_refusal_that_tells_more_is_not_swallowed(domain, answer):
    assert next_crisis_action(_after_the_taken_reply(domain, answer, "express_crisis")) != "utter_taken_something"


@pytest.mark.parametrize("text", [
    "my mum left a note saying bye, see you after work", "my mum left me a note saying bye! see you after school x",
    "my dad left a note saying bye gone to the shops back soon", "my sister left a note saying bye she moved out",
])
def test_notes_for_the_day_with_their_punctuation_are_false_friends(text):
    assert "suicidal" not in {match.category for match in detect_risk(text).matches}


@pytest.mark.parametrize(("text", "taken"), [
    ("i took an overdose last year and im scared ill do it again", False), ("i overdosed last month and was in hospital", False),
    ("ive taken overdoses before but not today", False), ("i took my dads pills and hid them so he cant overdose", False),
    ("i took 10 paracetamol again", True), ("she took an overdose last year and took some again tonight", True),
    ("i hid the pills but i took 10 today", True), ("i took pills last week", True),
])
def test_an_overdose_taken_now_and_not(text, taken):
    from signposting.risk_decision import took_something_already

    assert took_something_already(["overdose"], text) is taken


def test_refusing_is_no_help_on_its_way():
    from signposting.parsing import tells_help_is_coming

    assert not tells_help_is_coming("shes refusing to go to hospital")


def test_wanting_to_go_with_the_one_at_risk_is_the_speakers_danger_too():
    assert not third_party_report("a year 10 girl told me she is going to jump and i want to go with her")
    assert not third_party_report("my friend wants to die and i want to die too")


@pytest.mark.parametrize("text", ["whats the first thing i should do", "can i text the first one"])
def test_no_card_for_a_first_thing_or_a_question_answered_for_each(text):
    from signposting.list_question import parse_list_question, place_in_the_list

    assert place_in_the_list(text) is None or parse_list_question(text) is not None


def test_a_question_of_the_chat_read_as_goodbye_is_no_leaving():
    """Development conversations G8: "can you turn them off" at the check question got the crisis
    reply once questions set aside as goodbyes were read as leaving."""
    from signposting.intent_evidence import asks_of_themselves_rather_than_leaves

    assert asks_of_themselves_rather_than_leaves("will i be alright?")
    assert asks_of_themselves_rather_than_leaves("who will i see there?")
    assert not asks_of_themselves_rather_than_leaves("can you turn them off")
    assert not asks_of_themselves_rather_than_leaves("will i be ok? bye")
