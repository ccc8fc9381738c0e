"""Session 45: who is chatting, said in the message that raised a crisis step, and a town typed to
the safety question about someone else (bot/nlu/crisis_policy.py)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.nlu.crisis_policy import next_step
from tests.test_policies import scored, tracker

LISTEN = ActionExecuted("action_listen")
PASTORAL_LEAD = ("hiya, pastoral lead at Robert Smyth Academy in Market Harborough. Year 8 girl, anxious and has stopped "
                 "eating lunch, friends fell out with her")
NAN = "Im his nan, hes 10 and he has been very withdrawn since his dad left"


POLICE = "police officer, I've got a 15 year old lad in custody who disclosed he's been self harming, lives in Loughborough"


@pytest.mark.parametrize(("text", "level", "role"), [(PASTORAL_LEAD, "check", "professional"), (NAN, "crisis", "parent_carer"),
                                                     (POLICE, "crisis", "professional")])
def test_who_is_chatting_said_in_the_message_sets_the_role_for_the_crisis_steps(domain, text, level, role):
    """A user trial (session 45): the check question asked a pastoral lead "Are you thinking about
    hurting yourself…?", and a grandmother's "no" to "Are you safe right now?" got "Please call 999 now"."""
    action, events = next_step(tracker(domain, scored(text, "express_crisis", level, 0.7, source="model")))
    assert action in ("utter_check_risk", "utter_crisis", "utter_crisis_third_party")
    assert SlotSet("user_role", role) in events


@pytest.mark.parametrize("text", ["i want to die", "my dad hits me and my mum doesnt care", "my mum said i should talk to someone",
                                  "dad beats mum", "dad beats mum and im scared"])  # a child telling of violence at home
def test_no_role_is_set_from_a_message_that_does_not_say_who_is_speaking(domain, text):
    _, events = next_step(tracker(domain, scored(text, "express_crisis", "crisis", 0.9, source="model")))
    assert not any(isinstance(event, SlotSet) and event.key == "user_role" for event in events)


def test_a_role_already_given_is_kept(domain):
    _, events = next_step(tracker(domain, SlotSet("user_role", "young_person"), scored(NAN, "express_crisis", "crisis", 0.9)))
    assert not any(isinstance(event, SlotSet) and event.key == "user_role" for event in events)


def _at_the_safety_question_about_another(domain, *more, lexicon=()):
    return tracker(
        domain, SlotSet("user_role", "professional"),
        scored(PASTORAL_LEAD, "express_crisis", "check", 0.4, source="model", lexicon_categories=list(lexicon)),
        ActionExecuted("utter_check_risk"), LISTEN, scored("not sure, she's quiet", "dont_know"),
        ActionExecuted("utter_crisis_third_party"), SlotSet("crisis_kind", "third_party"), ActionExecuted("utter_crisis_local"),
        ActionExecuted("utter_ask_safe_now_other"), LISTEN, *more,
    )


@pytest.mark.parametrize("typed", ["Market Harborough", "LE16", "13"])
def test_a_town_or_an_age_to_the_safety_question_about_another_is_asked_for_the_answer_once(domain, typed):
    """"Market Harborough" got "Please call 999 now", and every answer after it the same."""
    state = _at_the_safety_question_about_another(domain, scored(typed, "inform"))
    assert next_step(state)[0] == "utter_check_first"
    state.update(ActionExecuted("utter_check_first"))
    assert next_step(state)[0] == "utter_ask_safe_now_other"
    state.update(ActionExecuted("utter_ask_safe_now_other"))
    state.update(LISTEN)
    state.update(scored(typed, "inform"))
    assert next_step(state)[0] == "utter_not_safe_now_other"  # typed again: no answer, the not-safe reply


@pytest.mark.parametrize("typed", ["no", "idk", "harlow, hes got a knife"])
def test_anything_else_to_the_safety_question_about_another_is_as_before(domain, typed):
    assert next_step(_at_the_safety_question_about_another(domain, scored(typed, "inform")))[0] != "utter_check_first"


def test_after_risk_words_a_town_gets_the_not_safe_reply_at_once(domain):
    """"my son took a load of pills", then "harlow": no time for the question again."""
    state = _at_the_safety_question_about_another(domain, scored("Market Harborough", "inform"), lexicon=("danger_overdose",))
    assert next_step(state)[0] == "utter_not_safe_now_other"


def test_a_town_to_the_safety_question_about_oneself_gets_the_not_safe_reply_as_before(domain):
    state = tracker(domain, scored("everything is pointless and i cant go on", "express_crisis", "crisis", 0.9, source="model"),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), LISTEN, scored("watford", "inform"))
    assert next_step(state)[0] == "utter_not_safe_now"


def test_a_professional_telling_of_a_young_person_gets_the_reply_for_someone_worried_about_another(domain):
    """A user trial (session 45): a police officer got "I'm really glad you told me… Are you safe right
    now?", then "tell a trusted adult… like a parent, carer or teacher"."""
    action, _ = next_step(tracker(domain, scored(POLICE, "express_crisis", "crisis", 0.9, source="lexicon",
                                                 categories=["self_harm"], lexicon_categories=["self_harm"])))
    assert action == "utter_crisis_third_party"


@pytest.mark.parametrize("text", ["teacher hit me", "teacher keeps touching me"])
def test_a_worker_who_hurts_the_child_is_never_the_speaker(domain, text):
    _, events = next_step(tracker(domain, scored(text, "express_crisis", "crisis", 0.9, source="lexicon",
                                                 categories=["abuse"], lexicon_categories=["abuse"])))
    assert not any(isinstance(event, SlotSet) and event.key == "user_role" for event in events)


@pytest.mark.parametrize("text", ["im a carer, im 14, i dont want to be alive", "im a carer for my mum and i want to kill myself",
                                  "im a mum at 16 and i want to die", "i work at a school as a volunteer, im 16, i want to die",
                                  "i am a carer for my disabled sister and i want to end it"])
def test_a_young_carer_or_a_young_parent_at_risk_is_never_taken_for_an_adult(domain, text):
    """The review (session 45): each got "If your child is in danger…" and "Is your child safe right now?"."""
    _, events = next_step(tracker(domain, scored(text, "express_crisis", "crisis", 0.9, source="lexicon",
                                                 categories=["suicidal"], lexicon_categories=["suicidal"])))
    assert not any(isinstance(event, SlotSet) and event.key == "user_role" for event in events)


def test_a_model_crisis_leaves_no_room_for_the_question_again(domain):
    """The review (session 45): after the model's crisis ("…says she hates herself"), "stevenage" to
    "Is your child safe right now?" must get the not-safe reply at once."""
    state = tracker(domain, SlotSet("user_role", "parent_carer"),
                    scored("my daughter has been really withdrawn and says she hates herself", "express_crisis", "crisis", 0.6),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_kind", "general"), ActionExecuted("utter_crisis_local"),
                    ActionExecuted("utter_ask_safe_now"), LISTEN, scored("stevenage", "inform"))
    assert next_step(state)[0] == "utter_not_safe_now_parent"


@pytest.mark.parametrize(("text", "role"), [("parent, my daughter is cutting herself", "parent_carer"),
                                            ("my parents keep pushing me to be a doctor and i literally cant do it anymore", None)])
def test_a_crisis_message_at_who_is_chatting_sets_a_parent_as_before_and_a_professional_only_as_the_speaker(domain, text, role):
    from rasa.shared.core.events import ActiveLoop

    state = tracker(domain, ActionExecuted("triage_form"), ActiveLoop("triage_form"), SlotSet("requested_slot", "user_role"), LISTEN,
                    scored(text, "express_crisis", "crisis", 0.9, source="lexicon", categories=["self_harm"],
                           lexicon_categories=["self_harm"]))
    _, events = next_step(state)
    assert [event.value for event in events if isinstance(event, SlotSet) and event.key == "user_role" and event.value] == (
        [role] if role else [])
