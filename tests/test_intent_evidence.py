"""A request guessed without any of its words counts as not understood (signposting/intent_evidence.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from signposting.intent_evidence import (
    CHECKED_INTENTS,
    content_words,
    intent_as_guessed,
    intent_if_not_crisis,
    lacks_evidence,
    learn_intent_words,
)

ROOT = Path(__file__).resolve().parents[1]

WORDS = learn_intent_words([
    ("more_options", "show me other services"), ("more_options", "any more options"),
    ("deny", "no thanks"), ("request_other_language", "can you speak polish"),
    ("greet", "hello there"), ("describe_concern", "i feel low"), ("talk_to_a_person", "can i talk to someone"),
])


def nlu_examples() -> list[tuple[str, str]]:
    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in block and block.get("examples"):
                examples += [(block["intent"], line.strip()[2:]) for line in block["examples"].splitlines() if line.strip().startswith("- ")]
    return examples


@pytest.mark.parametrize(("intent", "text"), [
    ("more_options", "purple monkey dishwasher"),  # letters like "options", no word of it
    ("request_other_language", "purple monkey dishwasher"),
    ("deny", "banana phone"),
    ("greet", "monkey"),
    ("greet", "highfields"),  # a place, not English, read as "hi": checked all the same
    ("greet", "rushey mead"),  # a school
])
def test_a_guess_with_none_of_its_words_is_not_trusted(intent: str, text: str) -> None:
    assert lacks_evidence(intent, text, WORDS)


def test_a_word_of_its_own_is_no_typo_of_a_request() -> None:
    """A user trial (session 45): "care leaver" was "leave", a request to stop, and "I'm 20, care
    leaver, living in Stevenage" got "OK, I'll stop here"."""
    words = learn_intent_words([("stop", "i want to leave"), ("stop", "stop")])
    assert lacks_evidence("stop", "I'm 20, care leaver, living in Stevenage", words)
    assert not lacks_evidence("stop", "i want to leve", words)  # a typo still counts


def test_help_for_the_parent_needs_the_speaker_or_a_parent_named() -> None:
    """"is there anything specific for drugs" after a parent's list got "You matter too…" (a user
    trial, session 45)."""
    words = learn_intent_words([("parent_own_help", "is there anything specific for me")])
    assert lacks_evidence("parent_own_help", "is there anything specific for drugs", words)
    assert not lacks_evidence("parent_own_help", "is there anything specific for me", words)
    assert not lacks_evidence("parent_own_help", "anything for grandparents who are struggling", words)


def test_another_language_needs_a_language_named_or_asked_for() -> None:
    """"work" in an example ("does this work in polish") was evidence for "apprentice, 18, work in
    Braintree but live in Sawbridgeworth": "I can only chat in English" (a user trial, session 45)."""
    words = learn_intent_words([("request_other_language", "does this work in polish")])
    assert lacks_evidence("request_other_language", "apprentice, 18, work in Braintree but live in Sawbridgeworth", words)
    assert not lacks_evidence("request_other_language", "does it work in polish", words)
    assert not lacks_evidence("request_other_language", "can you translate", words)


@pytest.mark.parametrize(("intent", "text"), [
    ("more_options", "more please"),
    ("more_options", "mroe optoins"),  # one typo in a word of four letters or more
    ("more_options", "other ones?"),
    ("deny", "nah"),  # a listed negation, though no example said it
    ("deny", "i'm alright thanks"),  # a "no" parse_yes_no knows
    ("request_other_language", "in welsh?"),  # a listed language
    ("talk_to_a_person", "samaritans?"),  # a listed word for a person to talk to
    ("greet", "hola"),  # a listed greeting in another language
    ("greet", "alright?"),
    ("request_other_language", "po polsku prosze"),  # mostly not English: left as DIET read it
    ("more_options", "is it"),  # common words only: nothing to judge by
    ("describe_concern", "purple monkey dishwasher"),  # answers are for the form's parsers
    ("express_crisis", "purple monkey dishwasher"),  # safety intents are never touched
    ("more_options", ""),
])
def test_a_guess_with_its_words_or_nothing_to_judge_by_is_kept(intent: str, text: str) -> None:
    assert not lacks_evidence(intent, text, WORDS)


def test_common_words_and_numbers_are_no_evidence() -> None:
    assert content_words("Is it the 2 of them?") == []
    assert content_words("Show me MORE, please!") == ["show", "more", "please"]


def test_only_the_checked_intents_are_learnt() -> None:
    assert set(WORDS) == {"more_options", "deny", "request_other_language", "greet", "talk_to_a_person"}
    assert "polish" in WORDS["request_other_language"] and "you" not in WORDS["request_other_language"]


def test_every_training_example_of_a_checked_intent_keeps_its_intent() -> None:
    """Regression on the team's own data (not evidence: the words are learnt from it)."""
    examples = nlu_examples()
    words = learn_intent_words(examples)
    lost = [(intent, text) for intent, text in examples if intent in CHECKED_INTENTS and lacks_evidence(intent, text, words)]
    assert lost == []
    assert not CHECKED_INTENTS - {intent for intent, _ in examples}, "a checked intent has no examples"


def test_the_intent_as_guessed_is_the_one_set_aside_if_any() -> None:
    assert intent_as_guessed({"intent": {"name": "nlu_fallback"}, "intent_without_evidence": {"name": "affirm"}}) == "affirm"
    assert intent_as_guessed({"intent": {"name": "deny", "confidence": 0.9}}) == "deny"
    assert intent_as_guessed({"intent": None}) is None
    assert intent_as_guessed({}) is None


@pytest.mark.parametrize(("intent", "text"), [
    ("request_other_language", "em português?"), ("request_other_language", "polski?"),
    ("thanks", "shukriya"), ("goodbye", "dziękuję, do widzenia"), ("goodbye", "cardif"),
])
def test_short_messages_are_checked_with_listed_words_of_other_languages(intent: str, text: str) -> None:
    words = learn_intent_words([("goodbye", "bye"), ("thanks", "thank you"), ("request_other_language", "in polish")])
    expected = text == "cardif"  # a place read as "bye": set aside
    assert lacks_evidence(intent, text, words) is expected


@pytest.mark.parametrize(("intent", "text"), [
    ("affirm", "tak"), ("affirm", "haan"), ("affirm", "oui"), ("goodbye", "khuda hafiz"), ("goodbye", "au revoir"),
    ("dont_know", "nie wiem"), ("dont_know", "pata nahi"), ("thanks", "shukran"),
])
def test_short_replies_in_other_languages_keep_their_intent(intent: str, text: str) -> None:
    words = learn_intent_words([("affirm", "yes"), ("goodbye", "bye"), ("dont_know", "dont know"), ("thanks", "thank you")])
    assert not lacks_evidence(intent, text, words)


def test_thanks_is_no_evidence_for_stopping() -> None:
    words = learn_intent_words([("stop", "stop"), ("thanks", "thank you")])
    assert lacks_evidence("stop", "cheers", words)


@pytest.mark.parametrize("text", ["rushey mead academy leicester", "oadby wigston glen parva"])
def test_a_greeting_guess_is_checked_however_long(text: str) -> None:
    assert lacks_evidence("greet", text, WORDS)


@pytest.mark.parametrize(("intent", "text", "set_aside"), [
    ("start_again", "new parks", True),  # a Leicester estate at the place question (D3): restarted before
    ("start_again", "new chat", False),
    ("start_again", "start again pls", False),
    ("stop", "stop", False),
    ("stop", "stop lane school", True),
])
def test_starting_again_or_stopping_needs_mostly_its_own_words_in_a_short_message(intent: str, text: str, set_aside: bool) -> None:
    words = learn_intent_words([("start_again", "start again"), ("start_again", "new chat please"), ("stop", "stop")])
    assert lacks_evidence(intent, text, words) is set_aside


# DIET read a message as a crisis; the risk layer found none. What the message is then.
def crisis_first(*rest: tuple[str, float]) -> list[dict]:
    return [{"name": "express_crisis", "confidence": 0.86}, *({"name": n, "confidence": c} for n, c in rest)]


@pytest.mark.parametrize(("ranking", "text", "expected"), [
    # The case a clean-clone training produced: the rest spread thin, no word of "more options".
    (crisis_first(("more_options", 0.058), ("greet", 0.028), ("request_print", 0.013)), "purple monkey dishwasher", "nlu_fallback"),
    # Sure enough among the rest, but without its words: not understood either.
    (crisis_first(("more_options", 0.12), ("greet", 0.01)), "purple monkey dishwasher", "nlu_fallback"),
    # Sure enough and with its words: kept (at its share of the rest).
    (crisis_first(("more_options", 0.12), ("greet", 0.01)), "any other services", "more_options"),
    # A worry is not a checked intent: its share decides.
    (crisis_first(("describe_concern", 0.10), ("seek_help", 0.02)), "i feel really low", "describe_concern"),
    (crisis_first(("describe_concern", 0.03), ("seek_help", 0.03), ("greet", 0.02)), "i feel really low", "nlu_fallback"),
    (crisis_first(), "anything", "nlu_fallback"),
])
def test_after_a_crisis_guess_the_risk_layer_drops(ranking, text, expected) -> None:
    after = intent_if_not_crisis(ranking, text, WORDS, 0.45, "express_crisis")
    assert after["name"] == expected
    assert 0.45 <= after["confidence"] <= 1.0


def test_the_evidence_check_falls_back_at_the_fallback_classifiers_threshold() -> None:
    pipeline = {step["name"]: step for step in yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]}
    evidence = pipeline["bot.nlu.intent_evidence_component.IntentEvidenceComponent"]
    assert evidence["fallback_threshold"] == pipeline["FallbackClassifier"]["threshold"]
    from bot.nlu.crisis_policy import QUESTION_CONFIDENCE

    assert pipeline["FallbackClassifier"]["threshold"] == QUESTION_CONFIDENCE


def test_the_risk_layer_uses_the_prepared_intent_when_it_drops_a_crisis_guess() -> None:
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.risk_component import RiskDetectorComponent

    ranking = crisis_first(("more_options", 0.058), ("greet", 0.028))
    message = Message(data={"text": "purple monkey dishwasher", "intent": ranking[0], "intent_ranking": ranking})
    message.set("intent_if_not_crisis", intent_if_not_crisis(ranking, "purple monkey dishwasher", WORDS, 0.45, "express_crisis"))
    RiskDetectorComponent._drop_crisis_intent(message)
    assert message.get("intent")["name"] == "nlu_fallback"
    assert [item["name"] for item in message.get("intent_ranking")] == ["nlu_fallback", "more_options", "greet"]
    assert message.get("intent_without_evidence")["name"] == "more_options"

    kept = Message(data={"text": "any other services", "intent": ranking[0], "intent_ranking": ranking})
    kept.set("intent_if_not_crisis", intent_if_not_crisis(ranking, "any other services", WORDS, 0.45, "express_crisis"))
    RiskDetectorComponent._drop_crisis_intent(kept)
    assert kept.get("intent")["name"] == "more_options" and kept.get("intent")["confidence"] > 0.6
    assert [item["name"] for item in kept.get("intent_ranking")] == ["more_options", "greet"]


@pytest.mark.parametrize(("text", "none"), [
    ("<<<>>> " * 50, True), ("???", True), ("...", True), (":-)", True), ("", False), ("   ", False),
    ("👋", False), ("👍👍", False), ("14", False), ("ok", False), ("?? help", False), ("لا", False),
])
def test_a_message_of_punctuation_and_symbols_only_has_no_words(text, none) -> None:
    from signposting.intent_evidence import has_no_words

    assert has_no_words(text) is none


def test_about_and_instead_are_no_evidence() -> None:
    """One training read "what about in hemel instead" as a request for a person."""
    words = learn_intent_words([("talk_to_a_person", "can i talk to someone about it instead")])
    assert lacks_evidence("talk_to_a_person", "what about in hemel instead", words)
    assert not lacks_evidence("talk_to_a_person", "can i talk to someone", words)


def _intent_after_the_check(text: str, intent: str) -> str:
    """The intent the evidence component leaves on a message DIET read as `intent` (0.9)."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_evidence_component import IntentEvidenceComponent

    component = IntentEvidenceComponent(None, None, WORDS)  # type: ignore[arg-type]
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}, "intent_ranking": []})
    component.process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("why do u need to know that", "ask_privacy", "nlu_fallback"),
    ("whats that for", "ask_bot_identity", "nlu_fallback"),
    ("any more options", "more_options", "more_options"),
])
def test_a_question_about_the_question_is_left_to_the_form(text, intent, expected) -> None:
    assert _intent_after_the_check(text, intent) == expected


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("is anyone there", "nlu_fallback", "greet"),  # a first message that got "Sorry, I didn't get that" (D1)
    ("are you still there?", "ask_bot_identity", "greet"),
    ("hello?? is this working", "ask_service_info", "greet"),
    ("what?", "ask_bot_identity", "nlu_fallback"),  # "what do you mean?" is the form's (asks_what_we_mean)
    ("is anyone there", "express_crisis", "express_crisis"),  # the risk layer decides a crisis guess
    ("is anyone there i need help", "seek_help", "seek_help"),
])
def test_is_anyone_there_is_a_hello_and_what_is_left_to_the_form(text, intent, expected) -> None:
    assert _intent_after_the_check(text, intent) == expected


def _message_after_the_check(text: str, intent: str):  # type: ignore[no-untyped-def]
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.intent_evidence_component import IntentEvidenceComponent

    component = IntentEvidenceComponent(None, None, WORDS)  # type: ignore[arg-type]
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}, "intent_ranking": [{"name": intent, "confidence": 0.9}]})
    component.process([message])
    return message


@pytest.mark.parametrize(("text", "intent", "expected"), [
    # development sets D1 to D4: each got another reply after the list
    ("thx ill have a look 👍", "describe_concern", "thanks"),
    ("ok thank you I'll give them a ring", "ask_service_info", "thanks"),
    ("can I do this again for my other son", "back_to_child_help", "start_again"),
    ("can i start agen", "nlu_fallback", "start_again"),
    ("send to my mums phone", "describe_concern", "request_email"),
    ("i want to talk to sum1", "describe_concern", "talk_to_a_person"),
    # never a crisis guess (the risk layer decides), never an answer the crisis steps read
    ("i want to talk to sum1", "express_crisis", "express_crisis"),
    ("thx ill have a look", "goodbye", "goodbye"),
    ("thx ill have a look", "confirm_safe", "confirm_safe"),
    ("i dont know who to talk to", "dont_know", "seek_help"),  # D3: "Sorry, I didn't get that" as a first message
])
def test_a_request_said_in_so_many_words_replaces_diets_reading(text, intent, expected) -> None:
    assert _message_after_the_check(text, intent).get("intent")["name"] == expected


def test_the_crisis_steps_still_read_diets_guess() -> None:
    from signposting.intent_evidence import REPLACED_BY_WORDS_KEY, intent_as_guessed

    message = _message_after_the_check("can i start agen", "nlu_fallback")
    assert message.get("intent") == {"name": "start_again", "confidence": 1.0}
    assert message.get("intent_ranking")[0] == {"name": "start_again", "confidence": 1.0}
    assert message.get(REPLACED_BY_WORDS_KEY)["name"] == "nlu_fallback"
    assert intent_as_guessed(message.as_dict()) == "nlu_fallback"
    unsure = _message_after_the_check("i dont know who to talk to", "dont_know")  # to "Are you safe right now?": unsure
    assert intent_as_guessed(unsure.as_dict()) == "dont_know"


def test_a_request_said_in_so_many_words_is_its_own_evidence() -> None:
    """"can i start agen": DIET read start again (0.98), and the check set it aside for want of "again"."""
    message = _message_after_the_check("can i start agen", "start_again")
    assert message.get("intent") == {"name": "start_again", "confidence": 0.9}


def test_the_crisis_steps_read_diets_guess_as_the_evidence_check_left_it() -> None:
    """The review (session 23): "more options" without a word of it was set aside as not understood,
    which "Are you safe right now?" takes as unsure. Replaced by a request said in so many words,
    it must stay not understood for the crisis steps."""
    from signposting.intent_evidence import REPLACED_BY_WORDS_KEY, SET_ASIDE_KEY, intent_as_guessed

    message = _message_after_the_check("send to my mums phone", "more_options")
    assert message.get("intent")["name"] == "request_email"
    assert message.get(REPLACED_BY_WORDS_KEY)["name"] == "nlu_fallback"
    assert message.get(SET_ASIDE_KEY)["name"] == "more_options"
    assert intent_as_guessed(message.as_dict()) == "more_options"
    kept = _message_after_the_check("can i talk to someone", "talk_to_a_person")
    assert kept.get("intent") == {"name": "talk_to_a_person", "confidence": 0.9} and not kept.get(SET_ASIDE_KEY)


@pytest.mark.parametrize(("text", "expected"), [
    ("whats camhs", True), ("what is kooth?", True), ("who are shout", True),
    ("who are you", False), ("whats up", False), ("what is this", False), ("who is this", False),
    ("whats ur name", False), ("what is going on", False), ("who r u", False),
])
def test_what_a_named_thing_is(text: str, expected: bool) -> None:
    """"whats camhs", read by a retrained DIET as a question about the bot (session 24)."""
    from signposting.parsing import asks_what_a_name_is

    assert asks_what_a_name_is(text) is expected


def test_starting_again_for_another_child_is_no_stop_but_a_plain_stop_is_kept() -> None:
    from bot.nlu.intent_evidence_component import kept_for_the_safety_steps

    assert not kept_for_the_safety_steps("stop", "could we go through the questions again for our youngest")
    assert kept_for_the_safety_steps("stop", "stop")
    assert kept_for_the_safety_steps("stop", "i want to start again")  # never a restart alone
    assert kept_for_the_safety_steps("goodbye", "can I do this again for my other son")


STOP_WORDS = learn_intent_words([
    ("stop", "stop"), ("stop", "im finished"), ("stop", "finished"), ("stop", "i want to stop now"), ("stop", "im done with this chat"),
    ("stop", "thats it from me"), ("stop", "not interested anymore"),
])


@pytest.mark.parametrize(("text", "asks"), [
    ("I'm 22, I finished uni last year", False), ("she finished school in july", False),
    ("i left college and now i do nothing", False), ("finished my exams last week", False),
    ("i finished uni, stop asking me things", True), ("im finished", True), ("i want to stop now", True),
    # the rest of the message asks to stop (the review, session 43)
    ("im done with this chat, i finished school", True), ("i finished uni, thats it from me", True),
    ("done with the course, not interested anymore", True),
])
def test_what_someone_finished_is_no_request_to_stop(text: str, asks: bool) -> None:
    """Development author D18 (session 43): "OK, I'll stop here" at the school question."""
    assert lacks_evidence("stop", text, STOP_WORDS) is not asks


RESTART_AND_GOODBYE_WORDS = learn_intent_words([
    ("start_again", "start again"), ("start_again", "can we start again"), ("start_again", "start over"),
    ("goodbye", "bye"), ("goodbye", "good night"), ("goodbye", "night x"), ("goodbye", "gotta go now"),
])


@pytest.mark.parametrize(("intent", "text"), [
    ("start_again", "started again after the funeral"), ("start_again", "it started again last week"),
    ("start_again", "she says it all started again at school"), ("goodbye", "its every night now"), ("goodbye", "he shouts all night"),
    ("goodbye", "it happened last night"), ("start_again", "it started again and i dont know where to begin"),
    ("start_again", "the bullying started again, they start on me every day"),
])
def test_what_started_again_or_happens_at_night_is_no_request(intent: str, text: str) -> None:
    """Development conversations G12 (session 39): "OK, let's start again" and "Bye for now" came."""
    assert lacks_evidence(intent, text, RESTART_AND_GOODBYE_WORDS)


@pytest.mark.parametrize(("intent", "text"), [
    ("start_again", "can we start again"), ("start_again", "start again for my daughter please"),
    ("start_again", "i want to start over"), ("goodbye", "good night"), ("goodbye", "night x"),
    ("goodbye", "ok bye, see you tomorrow night"), ("goodbye", "ok thats all, night!"), ("goodbye", "thanks all, night"),
    ("goodbye", "ok speak to you tomorrow night"), ("start_again", "it started again so can we start again"),
])
def test_a_request_to_start_again_or_a_goodnight_is_kept(intent: str, text: str) -> None:
    assert not lacks_evidence(intent, text, RESTART_AND_GOODBYE_WORDS)


def test_back_to_the_childs_help_needs_the_child_or_the_list_named() -> None:
    """"im so dead lol forgot my pe kit again", a first message, got "Here is the help for your child
    again" and a list (a user trial, session 46)."""
    words = learn_intent_words([("back_to_child_help", "show me my son's services again"),
                                ("back_to_child_help", "back to the list please")])
    assert lacks_evidence("back_to_child_help", "im so dead lol forgot my pe kit again", words)
    assert not lacks_evidence("back_to_child_help", "show me my son's services again", words)
    assert not lacks_evidence("back_to_child_help", "back to the list please", words)


def test_a_question_put_to_the_chat_is_no_goodbye() -> None:
    """A user trial, session 47: "can you see my ip" got "Bye for now. Take care." (DIET's "see")."""
    words = learn_intent_words([("goodbye", "bye"), ("goodbye", "see you"), ("goodbye", "see ya later")])
    assert lacks_evidence("goodbye", "can you see my ip", words)
    assert lacks_evidence("goodbye", "do you see what i type", words)
    assert not lacks_evidence("goodbye", "see you later", words)
    assert not lacks_evidence("goodbye", "can you see me later, bye", words)  # a goodbye said too
