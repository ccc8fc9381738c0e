"""Session 32: what the whole bot did with development conversations G7
(`python -m benchmarks.context_whole_bot --details tests/safety/context_dev/author_G7.jsonl`):
more told at "Are you safe right now?" that sets the earlier message straight is thanked and the
question asked again; more told that goes on with the danger or turns from it keeps "Please call
999 now"; and the lexicon entries the risk conversations showed."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.nlu.crisis_policy import UTTER_TOLD_MORE, next_crisis_action, next_step
from signposting.next_step_request import thanks_only
from tests.test_policies import after_the_crisis, scored, tracker


@pytest.mark.parametrize(("text", "intent"), [
    ("i know its just gaming trash talk but it gets to me, how do i not let it", "ask_service_info"),
    ("we're going to london on saturday for the day, mums fine with it. i just get really anxious on trains", "inform"),
    ("its just a meme going round, can you actually help with procrastination", "inform"),
    ("it was his birthday present from his dad so I know where it came from, I just worry about screen time", "inform"),
    ("need to write a paragraph on it for english, its just homework", "inform"),
])
def test_more_told_about_something_harmless_is_thanked_and_the_question_asked_again(domain, text, intent):
    """Each got "Please call 999 now" after a crisis reply to a message that was not danger."""
    state = after_the_crisis(domain, scored(text, intent, score=0.01))
    assert next_crisis_action(state) == UTTER_TOLD_MORE
    state.update(ActionExecuted(UTTER_TOLD_MORE))
    assert next_step(state)[0] == "utter_ask_safe_now"


@pytest.mark.parametrize(("text", "intent"), [
    ("i keep doing it on the same spot and it wont heal", "inform"),
    ("how do you stop it soaking through the plasters in class", "ask_service_info"),
    ("mums calling me for tea gotta go x bye", "goodbye"),
    ("lol ignore me. what time do u close on a saturday", "ask_service_info"),
    ("anyway whats the number for the school counsellor lol", "ask_service_info"),
    ("hemel", "inform"),
    ("its just a game lol", "inform"),  # a sentence is eight words or more; fewer keep the not-safe reply
    # The review of session 32: each got the thank-you and the question again at first.
    ("im ok now but its still bleeding through the towel a lot", "inform"),
    ("it really helps me cope when everything gets too much so i keep doing it", "inform"),
    ("not about me really, my mate does it too and we do it together", "inform"),
    ("im fine now but everything is a bit blurry and i keep being sick", "inform"),
    ("i tried years ago and failed, this time i know what to do", "inform"),
    ("i used to think it would get better but it never does and ive had enough", "inform"),
    ("i used to be scared of dying but now im not scared at all", "inform"),
    ("i know its just a phase to you but i really am going to do it", "inform"),
    ("im alright now but i dont know how long for, its been building for weeks", "inform"),
    ("i used to fight back but now i just let him do it", "inform"),
    ("im safe now for a bit, hes gone to the pub but hell be back at 11", "inform"),
    ("i know its just a game to them but they keep sending me stuff tonight", "inform"),
    ("its only banter but he keeps touching me when nobody is looking", "inform"),
])
def test_more_told_that_goes_on_or_turns_away_keeps_the_not_safe_reply(domain, text, intent):
    """After a crisis reply these go on with the danger or turn from it (development conversations
    G5 to G7 and the review). They are never thanked and asked again."""
    state = after_the_crisis(domain, scored(text, intent, score=0.01))
    assert next_crisis_action(state) != UTTER_TOLD_MORE


def test_more_told_after_an_overdose_taken_keeps_the_not_safe_reply(domain):
    state = tracker(domain, scored("i took 20 paracetamol an hour ago", "express_crisis", "crisis", 0.95),
                    ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["danger_overdose"]),
                    ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                    scored("i know its just a few pills, it was last year i used to do it", "inform", score=0.01))
    assert next_crisis_action(state) != UTTER_TOLD_MORE


@pytest.mark.parametrize("text", [
    "had 2 bottles of wine and 8 of my sertraline cos i couldnt sleep",
    "took 12 of her tablets",
])
def test_pills_taken_a_few_words_from_the_verb_are_an_overdose(detector, text):
    assert "danger_overdose" in {match.category for match in detector.detect(text).matches}


@pytest.mark.parametrize("text", ["I've started a note on my phone of who should have what",
                                  "can you just tell me who would have them", "who will look after my kids if im gone",
                                  "ive written down who gets what", "i need to sort out who gets my things"])
def test_who_gets_what_and_who_has_the_children_are_finality(detector, text):
    result = detector.detect(text)
    assert result.finality


@pytest.mark.parametrize("text", ["who gets the front seat", "who would take my kids to school if i work",
                                  "who would look after the kids while i work", "had 2 of my meds this morning",
                                  # the review of session 32
                                  "who will have the kids after the divorce", "who would have the kids if we split up",
                                  "who will have the kids when i'm working nights?", "who can have my room when i go to uni",
                                  "we're deciding who should have what for secret santa", "if im gone for the weekend"])
def test_everyday_neighbours_of_the_new_words_are_neither(detector, text):
    result = detector.detect(text)
    assert not result.finality and not result.is_risk


@pytest.mark.parametrize("text", ["got kicked out of school and now im just at home all day feeling crap",
                                  "been kicked out of sixth form", "i got kicked out of college last week"])
def test_kicked_out_of_school_is_not_nowhere_to_stay(detector, text):
    """Development typed answers D7: it got the crisis reply for nowhere safe to stay."""
    assert not detector.detect(text).is_risk


@pytest.mark.parametrize("text", ["i got kicked out", "i got kicked out of home", "got kicked out of school and then mum kicked me out too",
                                  # the review: out of school or work, then out of home
                                  "got kicked out of work and now i cant pay rent and im sleeping in my car",
                                  "got kicked out of school and dad says im not welcome at home anymore"])
def test_kicked_out_of_home_still_is(detector, text):
    assert detector.detect(text).is_risk


# --- Asked once more, then not safe; a short answer after the model's crisis alone is no exception


def after_a_crisis_from(domain, source, answer, **risk):
    """The crisis steps after "Sinéad from her school said to try here" (the risk model alone, 0.59)
    or after a risk word, then `answer` to "Is your child safe right now?"."""
    return tracker(domain, scored("Sinéad from her school said to try here", "express_crisis", "crisis", 0.59, source=source, **risk),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", [source]), ActionExecuted("utter_crisis_local"),
                   ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"), answer)


def test_more_told_twice_is_asked_again_once_then_not_safe(domain):
    text = "i know its just gaming trash talk but it gets to me, how do i not let it"
    state = after_the_crisis(domain, scored(text, "ask_service_info", score=0.01))
    assert next_crisis_action(state) == UTTER_TOLD_MORE
    for event in (ActionExecuted(UTTER_TOLD_MORE), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                  scored(text, "ask_service_info", score=0.01)):
        state.update(event)
    assert next_crisis_action(state) == "utter_not_safe_now"


@pytest.mark.parametrize("source", ["model", "lexicon"])
def test_a_town_after_any_crisis_gets_the_not_safe_reply(domain, source):
    """A phone trial: "Hertford" after the model alone read "Sinéad from her school said to try
    here" as a crisis got "Please call 999 now". Asking again was tried and measured on G5: it let
    "harlow" after "just took a few extra co-codamol to sleep. like 12" (also the model alone)
    through. The false alarm's cost stands (docs/safety.md, session 32)."""
    state = after_a_crisis_from(domain, source, scored("Hertford", "inform", score=0.01))
    assert next_crisis_action(state) == "utter_not_safe_now"


@pytest.mark.parametrize("text", ["anyway thanks", "anyways thank you", "well thanks x"])
def test_a_thank_you_after_anyway_is_a_thank_you_only(text):
    assert thanks_only(text)


# --- A phone trial (session 32): a clarification typed to the check question ---------------------


def at_the_check(domain, answer):
    """The check question after "He has a new phone and keeps it locked" (a parent, at the school question)."""
    return tracker(domain, scored("He has a new phone and keeps it locked, always on it in his room", "describe_concern", "check", 0.3),
                   ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), answer)


def test_a_clarification_typed_to_the_check_is_thanked_and_the_check_asked_again_once(domain):
    """"it was his birthday present from his dad…" was taken as the school's name, the check passed over."""
    text = "it was his birthday present from his dad so I know where it came from, I just worry about screen time"
    state = at_the_check(domain, scored(text, "describe_concern", score=0.02))
    assert next_crisis_action(state) == UTTER_TOLD_MORE
    state.update(ActionExecuted(UTTER_TOLD_MORE))
    assert next_step(state)[0] == "utter_check_risk"
    for event in (ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), scored(text, "describe_concern", score=0.02)):
        state.update(event)
    assert next_crisis_action(state) != UTTER_TOLD_MORE  # once only


@pytest.mark.parametrize(("text", "intent"), [("no its just a game he plays with his cousins in the evening", "deny"),
                                              ("its only banter but he keeps touching me when nobody is looking", "inform")])
def test_a_no_or_danger_at_the_check_is_not_asked_again(domain, text, intent):
    assert next_crisis_action(at_the_check(domain, scored(text, intent, score=0.02))) != UTTER_TOLD_MORE


def test_a_question_after_no_to_the_check_is_answered_not_the_check_again(domain):
    """After "No", a question's reply is not followed by the check again (only the thank-you is)."""
    state = at_the_check(domain, scored("/deny", "deny"))
    for event in (ActionExecuted("utter_check_ok"), ActionExecuted("utter_service_info")):
        state.update(event)
    assert next_step(state)[0] != "utter_check_risk"


# --- Session 33: tried and dropped, more told at the check question without a harmless word ----------


@pytest.mark.parametrize(("turns", "risk"), [
    (["been saving them up for weeks", "dont try and talk me out of it pls i just wanted someone to know"], {}),
    (["if they're bad i've got a plan", "sorry, i know ur just a bot. i just needed to say it to something"], {}),
    (["im so done with everything", "can you tell me where the nearest bridge over the motorway is"], {}),
    (["ran away from my foster placement this afternoon", "im in hemel town centre, no money and its getting dark"], {}),
    (["how many stitches does a deep one need", "nvm ill just use steri strips again like last time"], {}),
    (["He has a new phone and keeps it locked, always on it in his room",
      "it was his birthday present from his dad so I know where it came from, I just worry about screen time and him not talking to me much anymore"],
     {"level": "check", "score": 0.5, "source": "model", "lexicon_categories": []}),
])
def test_more_told_at_the_check_without_a_harmless_word_or_at_check_level_is_never_thanked(domain, turns, risk):
    """Development conversations G2, G6, G7 (session 33): with the rule widened to any message with
    no danger word, or to check level from the model alone, each of these risk conversations got
    "Thank you for telling me more" and the check again instead of the crisis reply."""
    first, last = turns
    state = tracker(domain, scored(first, "express_crisis", "check", 0.3), ActionExecuted("utter_check_risk"),
                    ActionExecuted("action_listen"), scored(last, "express_crisis" if risk else "inform", **(risk or {"score": 0.02})))
    assert next_crisis_action(state) != UTTER_TOLD_MORE


# --- Session 34: "what do you mean?" to the check question ----------------------------------------


@pytest.mark.parametrize("text", ["what do you mean", "wdym", "i dont understand the question", "what does that mean?",
                                  "why are you asking that", "why do you need to know"])
def test_what_do_you_mean_to_the_check_is_explained_and_the_check_asked_again_once(domain, text):
    """It got the form's question explained ("I mean what is bothering you…") and the check was dropped."""
    state = at_the_check(domain, scored(text, "ask_what_we_mean", score=0.0))
    assert next_crisis_action(state) == "utter_what_we_mean_check"
    state.update(ActionExecuted("utter_what_we_mean_check"))
    assert next_step(state)[0] == "utter_check_risk"
    for event in (ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), scored(text, "ask_what_we_mean", score=0.0)):
        state.update(event)
    assert next_crisis_action(state) == "utter_crisis"  # asked twice: no answer, so the crisis reply


def test_unsure_to_the_check_keeps_the_crisis_reply(domain):
    assert next_crisis_action(at_the_check(domain, scored("?", "nlu_fallback", score=0.0))) == "utter_crisis"


def test_the_explanation_has_a_variant_for_each_role_and_never_a_number_or_a_question_of_its_own(domain):
    variants = domain.responses["utter_what_we_mean_check"]
    roles = {condition["value"] for variant in variants for condition in variant.get("condition", [])}
    assert roles == {"parent_carer", "professional"} and any("condition" not in variant for variant in variants)
    assert all("?" not in variant["text"] and not any(char.isdigit() for char in variant["text"]) for variant in variants)


def test_the_check_is_explained_once_however_much_comes_between(domain):
    """The review (session 34): "what do you mean", more told (thanked), "what do you mean" again
    was explained again and again; asked again, it is no answer."""
    state = at_the_check(domain, scored("what do you mean", "ask_what_we_mean", score=0.0))
    for event in (ActionExecuted("utter_what_we_mean_check"), ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
                  scored("its just a game he plays with his cousins in the evening", "inform", score=0.0),
                  ActionExecuted(UTTER_TOLD_MORE), ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
                  scored("what do you mean", "ask_what_we_mean", score=0.0)):
        state.update(event)
    assert next_crisis_action(state) == "utter_crisis"
