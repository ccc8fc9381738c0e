"""Session 40: danger told by asking, counting or taking it back (development conversations G14)."""
from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted

from bot.nlu.crisis_policy import next_step, risk_level
from signposting.parsing import asks_to_keep_the_chat, asks_whether_to_tell, waves_it_away
from signposting.plain_answer import waives_the_check_for_a_role_told_first
from signposting.risk import detect_risk
from signposting.risk_decision import names_a_substance, tells_an_amount_taken, third_party_report
from tests.test_policies import ROOT, said_with, scored, tracker


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.mark.parametrize("text", ["ive had 14 since lunch", "took like 20", "had the whole packet", "i took 10 of my sertraline",
                                  "ive done all of them", "had a handful", "took loads of them"])
def test_more_than_a_dose_taken_is_read(text):
    assert tells_an_amount_taken(text)


@pytest.mark.parametrize("text", ["i had 2 this morning", "i had 5 hours sleep", "had loads of chocolate", "took 500mg",
                                  "had 6 cups of tea", "i took the dog out"])
def test_a_dose_or_something_else_is_not(text):
    assert not tells_an_amount_taken(text)


def test_a_number_taken_after_pills_were_named_gets_the_crisis_reply(domain):
    """"ive had 14 since lunch" after "how many paracetamol is too many" (at the check question) got the greeting."""
    assert names_a_substance("how many paracetamol is too many")
    state = tracker(domain, said_with("how many paracetamol is too many", "express_crisis", level="check"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
                    scored("ive had 14 since lunch", "inform", score=0.02))
    assert risk_level(state) == "crisis"
    assert next_step(state)[0] == "utter_crisis"


def test_a_number_taken_with_no_pills_named_is_left_alone(domain):
    state = tracker(domain, said_with("i cant sleep", "describe_concern"), ActionExecuted("triage_form"),
                    ActionExecuted("action_listen"), scored("ive had 14 since lunch", "inform", score=0.02))
    assert risk_level(state) == "none"


@pytest.mark.parametrize("text", ["Sorry, wrong box. Ignore that", "ignore that", "sent that by mistake", "wrong chat lol"])
def test_taking_it_back_at_the_check_is_no_answer(domain, text):
    """"Sorry, wrong box. Ignore that" after "How many of my antidepressants would it take" got "What would you like to change?"."""
    state = tracker(domain, said_with("How many of my antidepressants would it take", "express_crisis", level="check",
                                      source="lexicon", lexicon_categories=["danger_overdose"]),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said_with(text, "change_answer"))
    assert next_step(state)[0] == "utter_crisis"


def test_taking_it_back_at_a_check_the_models_alone_raised_is_left_to_the_usual_paths(domain):
    """A held-out not-risk set: five false check questions (the models alone), answered "wrong chat"
    or the like, became crisis replies in this rule's first version."""
    state = tracker(domain, said_with("mum of 3", "express_crisis", level="check", source="model"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said_with("wrong chat lol", "change_answer"))
    assert next_step(state)[0] != "utter_crisis"


@pytest.mark.parametrize("text", ["we dont wanna call an ambulance bc of police what do we do",
                                  "we dont want to call an ambulance, what do we do?", "im not calling an ambulance"])
def test_an_ambulance_refused_is_waved_away_even_in_a_question(text):
    assert waves_it_away(text)


@pytest.mark.parametrize("text", ["should i call an ambulance?", "can i call an ambulance for him", "i cant forget it"])
def test_asking_about_an_ambulance_is_not(text):
    assert not waves_it_away(text)


def test_an_ambulance_refused_after_please_call_999_gets_it_again(domain):
    """A friend's overdose: "we dont wanna call an ambulance bc of police what do we do" got the privacy answer."""
    state = tracker(domain, said_with("my mate took like 6 pills at a party", "express_crisis", level="crisis", categories=["danger_overdose"]),
                    ActionExecuted("utter_crisis_other"), ActionExecuted("utter_ask_safe_now_other"), ActionExecuted("action_listen"),
                    scored("hes shaking and talking nonsense", "describe_concern", score=0.3),
                    ActionExecuted("utter_not_safe_now_other"), ActionExecuted("action_listen"),
                    scored("we dont wanna call an ambulance bc of police what do we do", "ask_privacy", score=0.1))
    assert risk_level(state) == "crisis"


@pytest.mark.parametrize("text", ["my bf goes through my phone and pushed me down the stairs last week",
                                  "my stepdad shoved me into the wall", "she chokes me when shes angry"])
def test_pushed_or_choked_is_harm_done_to_the_speaker(text):
    """"my bf … pushed me down the stairs" got "Thank you for looking out for them"."""
    assert not third_party_report(text)


@pytest.mark.parametrize(("text", "waived"), [
    ("Mum of 3", True), ("dad of 2", True), ("mum here", True),
    ("mum of 3 and i cant cope", False),  # more than who is chatting
])
def test_a_role_told_first_goes_on_at_the_models_check(text, waived):
    assert waives_the_check_for_a_role_told_first(text, {"level": "check", "source": "model"}) is waived


def test_a_role_told_first_never_waives_a_risk_word_or_a_crisis():
    assert not waives_the_check_for_a_role_told_first("Mum of 3", {"level": "check", "source": "lexicon", "lexicon_categories": ["suicidal"]})
    assert not waives_the_check_for_a_role_told_first("Mum of 3", {"level": "crisis", "source": "model"})


def test_a_role_told_first_at_the_models_check_is_greeted_and_the_questions_start(domain):
    """"Mum of 3" as the first message got the check question, and "Leicester" typed to it restarted the chat."""
    state = tracker(domain, scored("Mum of 3", "express_crisis", "check", 0.3, source="model"))
    assert next_step(state)[0] == "utter_greet"
    state.update(ActionExecuted("utter_greet"))
    assert next_step(state)[0] == "utter_urgent_help"
    state.update(ActionExecuted("utter_urgent_help"))
    assert next_step(state)[0] == "triage_form"


@pytest.mark.parametrize(("text", "tells", "keeps"), [
    ("should i tell someone", True, False), ("do i have to tell the police", True, False), ("i told someone", False, False),
    ("can i save this conversation somehow", False, True), ("can u email me this", False, True), ("can i print it", False, True),
    ("keep it up", False, False), ("save me", False, False), ("i saved up", False, False),
])
def test_asking_whether_to_tell_or_to_keep_the_chat_is_read(text, tells, keeps):
    assert asks_whether_to_tell(text) is tells
    assert asks_to_keep_the_chat(text) is keeps


@pytest.mark.parametrize("text", ["should i tell someone", "can i save this conversation somehow"])
def test_asking_whether_to_tell_or_to_keep_the_chat_after_a_crisis_gets_it_again(domain, text):
    """A friend's grooming told, then "should i tell someone", got "I can't give medical advice"; letters
    written for everyone, then "can i save this conversation somehow", got "I can't do that yet"."""
    state = tracker(domain, said_with("ive written letters for everyone", "express_crisis", level="crisis", categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                    scored(text, "request_print", score=0.01))
    assert risk_level(state) == "crisis"


def test_asking_to_keep_the_chat_once_safe_is_a_request(domain):
    state = tracker(domain, said_with("ive written letters for everyone", "express_crisis", level="crisis", categories=["suicidal"]),
                    ActionExecuted("utter_crisis"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                    scored("yes im safe", "confirm_safe"), ActionExecuted("utter_glad_you_are_safe"), ActionExecuted("action_listen"),
                    scored("can i save this conversation somehow", "request_print", score=0.01))
    assert risk_level(state) != "crisis"


@pytest.mark.parametrize("text", ["Then she asked if I would look after her bracelets 'for good'.",
                                  "does the fast train stop at hatfield or go straight through", "which trains dont stop at welwyn"])
def test_things_given_away_and_a_means_asked_about_are_finality(detector, text):
    """Only after distress do these escalate (`earlier_distress`): alone, both are ordinary."""
    assert detector.detect(text).finality


@pytest.fixture(scope="module")
def detector():
    from signposting.risk import RiskDetector
    return RiskDetector()


def test_a_number_taken_after_pills_is_an_overdose_taken_so_fine_still_gets_call_999(domain):
    """Paracetamol taken feels fine at first: "yeah im fine" after "ive had 14 since lunch" must get
    "call 999 now, even if you feel OK", never "I'm glad you're safe"."""
    from rasa.shared.core.events import SlotSet

    from bot.nlu.crisis_policy import crisis_categories

    state = tracker(domain, said_with("how many paracetamol is too many", "express_crisis", level="check"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"),
                    scored("ive had 14 since lunch", "inform", score=0.02))
    assert crisis_categories(state) == ["danger_overdose"]
    action, events = next_step(state)
    assert action == "utter_crisis"
    assert SlotSet("crisis_categories", ["danger_overdose"]) in events
    for event in events:
        state.update(event)
    for name in ("utter_crisis", "utter_crisis_local", "utter_ask_safe_now", "action_listen"):
        state.update(ActionExecuted(name))
    state.update(scored("yeah im fine", "confirm_safe", score=0.01))
    assert next_step(state)[0] == "utter_taken_something"


# --- The review of session 40 -------------------------------------------------------------

@pytest.mark.parametrize("text", ["took 100", "took sixty", "took all my tablets", "took them all", "had 2 packets", "took a box",
                                  "took half the packet", "took 20ish"])
def test_more_amounts_taken_are_read(text):
    assert tells_an_amount_taken(text)


@pytest.mark.parametrize("text", ["weve had a lot going on at home", "ive had a lot on my mind", "had lots to do",
                                  "had 10 sessions with camhs", "hes had 6 detentions", "i have had 7 panic attacks",
                                  "took 5 photos", "had 20 quid", "took 10 mg", "had a box of chocolates"])
def test_counts_of_other_things_are_not_an_amount_taken(text):
    """"my son is on sertraline", then "he had 10 sessions with camhs and it didnt help", got the crisis reply."""
    assert not tells_an_amount_taken(text)


@pytest.mark.parametrize("text", ["citalopram", "prozac", "tramadol", "nurofen", "calpol", "my tabs", "paracetemol"])
def test_more_medicines_are_named(text):
    assert names_a_substance(text)


@pytest.mark.parametrize("text", ["oops wrong one", "that was meant for someone else", "disregard that", "ignore the last one"])
def test_more_ways_of_taking_it_back_are_read(text):
    assert waves_it_away(text)


@pytest.mark.parametrize("text", ["i try to ignore it", "i just ignore it", "they ignore me", "how do i ignore it",
                                  "my mum tells me to ignore it", "wrong person"])
def test_ignoring_as_coping_is_not_taking_it_back(text):
    assert not waves_it_away(text)


@pytest.mark.parametrize(("text", "tells", "keeps"), [
    ("can i tell you something", False, False), ("do i have to say my name", False, False),
    ("can i talk to a real person", False, False), ("can i report a bug", False, False),
    ("will you keep this chat private", False, False), ("do you save this chat", False, False),
    ("should i tell her mum", True, False),
])
def test_questions_about_the_chat_are_not_telling_or_keeping(text, tells, keeps):
    """Right after "i want to die", each of the first six got the whole crisis reply again."""
    assert asks_whether_to_tell(text) is tells
    assert asks_to_keep_the_chat(text) is keeps


def test_a_friend_pushing_me_away_is_still_a_friends_crisis():
    assert third_party_report("my friend is cutting herself and keeps pushing me away")


@pytest.mark.parametrize("text", ["my thoughts are like a train that doesnt stop", "my aunt is looking after my little brother for good now",
                                  "i want to keep my grades up for good", "can i keep my phone for good",
                                  "my nan said i can have her ring for good"])
def test_ordinary_for_good_and_trains_are_not_finality(detector, text):
    assert not detector.detect(text).finality


@pytest.mark.parametrize("text", ["i just need to tell someone before i do it!!", "i just need to tell someone before i do it x",
                                  "i just need to tell someone before i do it lol", "i just want to say bye before i do it",
                                  "i just need to tell someone before i do it tonight", "i wanted to tell someone before i did it"])
def test_a_goodbye_before_an_act_with_more_after_it_is_never_vetoed(text):
    from signposting.risk_decision import CRISIS, RiskSignals, decide
    from tests.test_risk_decision import THRESHOLDS

    result = detect_risk(text)
    matches = tuple((m.category, m.pattern, m.text) for m in result.matches)
    signals = RiskSignals(lexicon_categories=tuple(m[0] for m in matches), lexicon_matches=matches, model_probability=0.05)
    assert decide(signals, THRESHOLDS).level == CRISIS


@pytest.mark.parametrize("text", ["just curious", "asking for a friend", "its for school", "jk", "just kidding lol"])
def test_just_asking_at_the_check_asks_it_again_once(domain, text):
    state = tracker(domain, said_with("How many of my antidepressants would it take", "express_crisis", level="check"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said_with(text, "inform"))
    assert next_step(state)[0] == "utter_check_first"


@pytest.mark.parametrize("text", ["just curious", "asking for a friend"])
def test_taking_it_back_at_the_check_read_as_a_no_stays_a_no(domain, text):
    """A held-out not-risk set: teenagers' "nvm" to a false check question, read as a no by the NLU,
    became crisis replies in this rule's first version."""
    state = tracker(domain, said_with("How many of my antidepressants would it take", "express_crisis", level="check"),
                    ActionExecuted("utter_check_risk"), ActionExecuted("action_listen"), said_with(text, "deny"))
    assert next_step(state)[0] == "utter_check_ok"
