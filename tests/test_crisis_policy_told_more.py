"""Session 32: what the whole bot did with development conversations G7
(`python -m benchmarks.context_whole_bot --details tests/safety/context_dev/author_G7.jsonl`):
more told at "Are you safe right now?" that sets the earlier message straight is thanked and the
question asked again; more told that goes on with the danger or turns from it keeps "Please call
999 now"; and the lexicon entries the risk conversations showed."""
from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.nlu.crisis_policy import UTTER_TOLD_MORE, next_crisis_action, next_step
from signposting.risk import RiskDetector
from tests.test_policies import ROOT, after_the_crisis, scored, tracker


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def detector() -> RiskDetector:
    return RiskDetector()


@pytest.mark.parametrize(("text", "intent"), [
    ("i know its just gaming trash talk but it gets to me, how do i not let it", "ask_service_info"),
    ("it went to court and he was charged. ive had therapy and im ok now but buses still make me nervous", "inform"),
    ("we're going to london on saturday for the day, mums fine with it. i just get really anxious on trains", "inform"),
    ("I think it's because my brother has a big dog and he's been scared of dogs since", "inform"),
    ("knee is a bit sore but mostly im doing it for my head, it really helps my anxiety", "nlu_fallback"),
])
def test_more_told_that_sets_it_straight_is_thanked_and_the_question_asked_again(domain, text, intent):
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
])
def test_more_told_that_goes_on_or_turns_away_keeps_the_not_safe_reply(domain, text, intent):
    """Development conversations G5 to G7: after a crisis reply these go on with the danger or turn
    from it. They are never thanked and asked again."""
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
                                  "can you just tell me who would have them", "who will look after my kids if im gone"])
def test_who_gets_what_and_who_has_the_children_are_finality(detector, text):
    result = detector.detect(text)
    assert result.finality


@pytest.mark.parametrize("text", ["who gets the front seat", "who would take my kids to school if i work",
                                  "who would look after the kids while i work", "had 2 of my meds this morning"])
def test_everyday_neighbours_of_the_new_words_are_neither(detector, text):
    result = detector.detect(text)
    assert not result.finality and not result.is_risk


@pytest.mark.parametrize("text", ["got kicked out of school and now im just at home all day feeling crap",
                                  "been kicked out of sixth form", "i got kicked out of college last week"])
def test_kicked_out_of_school_is_not_nowhere_to_stay(detector, text):
    """Development typed answers D7: it got the crisis reply for nowhere safe to stay."""
    assert not detector.detect(text).is_risk


@pytest.mark.parametrize("text", ["i got kicked out", "i got kicked out of home", "got kicked out of school and then mum kicked me out too"])
def test_kicked_out_of_home_still_is(detector, text):
    assert detector.detect(text).is_risk
