"""Session 48's user trial (literal teenagers, parents writing in a second language, school and GP
staff, terse dads): the words it found unread, and who is speaking at the safety question
(signposting/risk_patterns.py, parsing.py, after_crisis.py, intent_evidence.py; bot/nlu/crisis_policy.py)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.nlu.crisis_policy import next_crisis_action, next_step
from signposting.after_crisis import refuses_to_call, who_is_speaking_at_the_safety_question
from signposting.intent_evidence import lacks_evidence, learn_intent_words
from signposting.parsing import asks_why_we_ask, parent_speaking, says_they_work_with_children
from signposting.risk import detect_risk
from signposting.risk_decision import reply_kind
from tests.test_policies import said_with, scored, tracker

LISTEN = ActionExecuted("action_listen")


@pytest.mark.parametrize(("text", "category"), [
    ("sometimes i think about just not waking up tbh", "suicidal"),
    ("i keep thinking about not waking up", "suicidal"),
    ("i just want to go to bed and not wake up again", "suicidal"),
    ("found messages on my daughters phone about ending it. shes 13. loughborough", "suicidal"),
    ("she wrote a poem about ending it all", "suicidal"),
    ("she say boys at school touch her and she not want go back", "abuse"),
    ("the older boys grope her on the bus", "abuse"),
])
def test_the_trials_risk_words_fire(text, category):
    assert category in {match.category for match in detect_risk(text).matches}


@pytest.mark.parametrize("text", [
    "i thought about not waking up in time for school", "i was thinking about not waking up early tomorrow",
    "messages about ending it with her boyfriend", "boys at school touch my stuff", "kids touch her hair all the time",
    "the boys touched my bag",
    # (the review, session 48)
    "the boys wont even touch me at football", "the kids wont touch me at lunch cos of my eczema", "no boy will ever touch me",
    "the lads wouldnt touch him at all", "he sent me a message about ending it", "i sent my boyfriend a message about ending it",
    # (the second review)
    "none of the boys at school touch me and i feel ugly", "why dont the boys touch me, am i ugly", "i like it when boys touch me",
    "hardly any boys touch me", "im ok with boys touching me", "i was thinking about not waking up, my alarm is broken",
    # (the third review)
    "my hamster bites when the kids try to touch him", "my dog hates it when the kids keep touching him",
    "the kids at school keep touching him and he hates it, hes autistic", "a boy touched me on the arm in class and it was awkward",
    "i keep thinking about not waking up, like oversleeping for my exams",
])
def test_their_everyday_neighbours_do_not(text):
    assert not detect_risk(text).matches


def test_messages_about_ending_it_get_no_grooming_reply():
    """A user trial, session 48: the grooming reply (CEOP, "don't pay") for a child's suicidal messages."""
    text = "found messages on my daughters phone about ending it"
    assert reply_kind(["suicidal", "grooming"], parent=True, text=text) != "grooming_online"


@pytest.mark.parametrize("text", [
    "daughter self harming", "son 14 wont go to school", "Daughter is 15 and cutting", "Moja córka 13 lat",
    "mera beta 16 saal ka hai", "Buna ziua. fiica mea 16 ani",
])
def test_a_terse_or_second_language_parent_is_a_parent(text):
    assert parent_speaking(text)


@pytest.mark.parametrize("text", ["boy 14 here", "girl 15 from harlow", "son of a gun", "sons and daughters", "im a son"])
def test_a_young_persons_own_words_are_not(text):
    assert not parent_speaking(text)


@pytest.mark.parametrize("text", ["amar chele bondhu amake mare", "baiatul meu ma bate"])  # a boyfriend (the review)
def test_a_boyfriend_in_another_language_is_no_child(text):
    assert not parent_speaking(text)


@pytest.mark.parametrize("text", [
    "i work at a pharmacy on saturdays and my manager keeps touching me",
    # (the second review)
    "im 16 i work at a gp surgery at the weekend and my manager touches me",
    "i work at a primary school for work experience and a teacher keeps touching me",
    "i work at a school part time and a man there keeps touching me", "i work at school and i want to kill myself",
])
def test_a_young_persons_job_is_no_professional(text):
    assert not says_they_work_with_children(text)


def test_working_at_a_gp_practice_is_working_with_young_people():
    text = "Hi, I work at a GP practice reception in Harlow. Mum on the phone says her 15 yo has taken some tablets. What do I do?"
    assert says_they_work_with_children(text)
    assert reply_kind(["danger_overdose"], parent=False, text=text, professional=True) == "third_party"
    assert not says_they_work_with_children("my mum works at a school")


@pytest.mark.parametrize(("text", "role"), [
    ("parent", "parent_carer"), ("im her dad", "parent_carer"), ("no its my daughter", "parent_carer"),
    ("not me my son", "parent_carer"), ("im a parent", "parent_carer"), ("its for my son", "parent_carer"),
    ("No, I'm the school nurse. It's the pupil", "professional"), ("it's not me. its a patient's son", "professional"),
    ("one of my pupils", "professional"), ("im a teacher", "professional"),
])
def test_who_is_speaking_at_the_safety_question(text, role):
    assert who_is_speaking_at_the_safety_question(text) == role


@pytest.mark.parametrize("text", [
    "dad", "mum", "mama", "its my mum", "my dad hits me", "im with my dad", "yes", "no", "harlow", "16",
    # who is with them, who hurts them, or a young carer (the review, session 48)
    "im with a teacher", "the nurse is with me", "teacher is with me", "the teacher", "coach", "nurse", "its the students",
    "stepdad", "its dad", "mum is here", "carer", "guardian", "nan here", "parents", "its mum and dad", "im a carer",
    "im my mums carer", "i am a carer for my mum", "mum here", "dad here",
])
def test_a_bare_family_word_or_another_answer_says_nobody(text):
    assert who_is_speaking_at_the_safety_question(text) is None


def _after_a_crisis_read_as_a_young_persons(domain, told, answer, kind="general", categories=("self_harm",)):
    return tracker(domain, said_with(told, "express_crisis", level="crisis", source="lexicon", categories=list(categories),
                                     lexicon_categories=list(categories)),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", list(categories)), SlotSet("crisis_kind", kind),
                   ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), LISTEN, answer)


def test_a_parent_saying_so_gets_the_parents_crisis_reply_and_the_question_about_the_child(domain):
    """A user trial, session 48: "parent" and "skip" each got "Please call 999 now… tell a trusted adult"."""
    state = _after_a_crisis_read_as_a_young_persons(domain, "she make vomit after eat, very thin", scored("parent", "i_am_parent"))
    action, events = next_step(state)
    assert action == "utter_crisis" and SlotSet("user_role", "parent_carer") in events
    for event in (*events, ActionExecuted(action)):
        state.update(event)
    assert next_step(state)[0] == "utter_crisis_local"


def test_a_professional_saying_so_gets_the_reply_for_someone_worried_about_another(domain):
    state = _after_a_crisis_read_as_a_young_persons(domain, "Mum on the phone says her 15 yo has taken some tablets",
                                                    scored("it's not me. its a patient's son", "inform"), categories=("danger_overdose",))
    action, events = next_step(state)
    assert action == "utter_crisis_third_party"
    assert SlotSet("user_role", "professional") in events and SlotSet("crisis_kind", "third_party") in events


@pytest.mark.parametrize(("told", "answer"), [
    ("wanna die", "im with a teacher"), ("cant do this anymore", "the nurse is with me"), ("wanna die", "stepdad"),
    ("want to die", "its dad"), ("wanna die", "mum is here"), ("no reason to live anymore", "parent"),
    # (the second review: a boyfriend or girlfriend, a young carer)
    ("wanna die cos of him", "its my boy"), ("wanna kms cos of her", "its my girl"),
    ("mum says she wants to kill herself", "im her carer"), ("he says he wants to end it", "im his carer"),
])
def test_who_is_with_them_after_a_crisis_with_no_one_else_in_it_changes_nobody(domain, told, answer):
    """The review, session 48: a suicidal young person who said who was with them became a
    professional or a parent, and "stepdad" (who may hurt them) got "take your child to A&E"."""
    state = _after_a_crisis_read_as_a_young_persons(domain, told, scored(answer, "inform"), categories=("suicidal",))
    action, events = next_step(state)
    assert not any(isinstance(event, SlotSet) and event.key == "user_role" for event in events)
    assert action not in ("utter_crisis", "utter_crisis_third_party")


def test_who_is_speaking_is_never_changed_once_they_said(domain):
    state = tracker(domain, SlotSet("user_role", "young_person"),
                    said_with("she has been cutting her arms", "express_crisis", level="crisis", source="lexicon",
                              categories=["self_harm"], lexicon_categories=["self_harm"]),
                    ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["self_harm"]),
                    SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now_other"), LISTEN, scored("im her dad", "i_am_parent"))
    assert not any(isinstance(event, SlotSet) and event.key == "user_role" for event in next_step(state)[1])


def test_a_crisis_told_of_oneself_then_im_a_parent_is_no_child(domain):
    """The speaker's own "i want to die": a parent's own crisis, never a child's."""
    state = _after_a_crisis_read_as_a_young_persons(domain, "i want to die", scored("im a parent", "i_am_parent"), categories=("suicidal",))
    assert next_crisis_action(state) != "utter_crisis"


def test_a_bare_dad_at_the_safety_question_is_no_role(domain):
    state = _after_a_crisis_read_as_a_young_persons(domain, "she cuts herself", scored("dad", "inform"))
    action, events = next_step(state)
    assert SlotSet("user_role", "parent_carer") not in events and action == "utter_not_safe_now"


@pytest.mark.parametrize("text", ["why do u care", "y do u care", "why do you even care", "what do you care"])
def test_why_do_you_care_asks_why_we_ask(text):
    """A user trial, session 48: "why do u care" to the check question was taken as a school's name."""
    assert asks_why_we_ask(text)


WORDS = learn_intent_words([("stop", "stop"), ("stop", "please stop"), ("stop", "i want to stop")])


@pytest.mark.parametrize("text", ["nah im good just want them to stop", "make them stop", "i want the kids to stop"])
def test_someone_else_wished_to_stop_is_no_request_to_end_the_chat(text):
    """A user trial, session 48: "nah im good just want them to stop" got "OK, I'll stop here"."""
    assert lacks_evidence("stop", text, WORDS)


@pytest.mark.parametrize("text", [
    "stop", "please stop", "i want you to stop", "i want the bullying to stop, bye",
])
def test_a_request_to_stop_is_still_one(text):
    assert not lacks_evidence("stop", text, WORDS)


def test_it_wished_to_stop_is_the_chat_and_never_set_aside_for_someone_else():
    """The second review, session 48: "can it stop asking me questions" got "Sorry, I didn't get that"."""
    from signposting.intent_evidence import _SOMEONE_ELSE_TO_STOP

    assert not _SOMEONE_ELSE_TO_STOP.search("can it stop asking me questions")
    assert _SOMEONE_ELSE_TO_STOP.search("nah im good just want them to stop")


@pytest.mark.parametrize("text", ["i cant call 999 im 11", "i dont want to call 999 its not like that", "i wont call 999 because im 12"])
def test_the_call_refused_with_a_reason_is_read(text):
    assert refuses_to_call(text)


def test_a_parent_saying_so_after_the_reply_for_someone_worried_about_another_gets_the_parents_reply(domain):
    """"she has been cutting her arms", then "parent" to "Is the person you are worried about safe
    right now?" got "Please call 999 now. Stay with them"."""
    state = tracker(domain, said_with("she has been cutting her arms", "express_crisis", level="crisis", source="lexicon",
                                      categories=["self_harm"], lexicon_categories=["self_harm"]),
                    ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_categories", ["self_harm"]),
                    SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now_other"), LISTEN, scored("parent", "i_am_parent"))
    action, events = next_step(state)
    assert action == "utter_crisis" and SlotSet("crisis_kind", "general") in events
    assert SlotSet("user_role", "parent_carer") in events


def test_the_crisis_told_is_kept_when_the_reply_is_given_again_for_who_is_speaking(domain):
    """The second review, session 48: "she took 20 paracetamol an hour ago", "no its my daughter", then
    "yes shes in her room" got "I'm glad your child is safe": the tablets were lost with the crisis message."""
    state = _after_a_crisis_read_as_a_young_persons(domain, "she took 20 paracetamol an hour ago",
                                                    scored("no its my daughter", "inform"), categories=("danger_overdose",))
    action, events = next_step(state)
    assert action == "utter_crisis"
    for event in (*events, ActionExecuted(action), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"),
                  LISTEN, scored("yes shes in her room", "confirm_safe")):
        state.update(event)
    assert next_crisis_action(state) == "utter_taken_something_child"


def test_the_reply_given_again_for_who_is_speaking_uses_none_of_the_window_after_the_crisis(domain):
    """The third review, session 48: "she took 20 paracetamol", "no its my daughter", "no", then "i dont
    want to call 999" got "What would you like to change?"."""
    state = _after_a_crisis_read_as_a_young_persons(domain, "she took 20 paracetamol",
                                                    scored("no its my daughter", "inform"), categories=("danger_overdose",))
    action, events = next_step(state)
    for event in (*events, ActionExecuted(action), ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"),
                  LISTEN, scored("no", "deny"), ActionExecuted("utter_not_safe_now_parent"), LISTEN,
                  scored("i dont want to call 999", "change_answer")):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now_parent"


def test_wishing_them_to_stop_at_the_check_question_is_someone_hurting_them(domain):
    """The third review, session 48: "i just want them to stop" after "the bullies said i should kill
    myself" got the check question again."""
    state = tracker(domain, SlotSet("user_role", "young_person"),
                    said_with("the bullies said i should kill myself", "express_crisis", level="check", source="lexicon",
                              categories=["suicidal"], lexicon_categories=["suicidal"]),
                    ActionExecuted("utter_check_risk"), LISTEN, scored("i just want them to stop", "inform"))
    assert next_crisis_action(state) == "utter_crisis"


@pytest.mark.parametrize(("told", "someone_else"), [
    ("she make vomit after eat, very thin", True), ("Mum on the phone says her 15 yo has taken some tablets", True),
    ("Moja córka 13 lat, my daughter wont eat", True),  # read as typed: "córka" and "my" beside a parent's words
    ("wanna die cos of him", False), ("i want to die", False), ("cant do this anymore", False),
])
def test_a_crisis_about_someone_else(told, someone_else):
    from signposting.after_crisis import tells_of_someone_else

    assert tells_of_someone_else(told, parent_speaking(told) or says_they_work_with_children(told)) is someone_else
