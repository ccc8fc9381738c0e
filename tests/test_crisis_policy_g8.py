"""Session 33: what the whole bot did with development conversations G8 (care-experienced,
autistic and young-carer voices; `make context-eval ARGS="--details tests/safety/context_dev/author_G8.jsonl"`)."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet

from bot.nlu.crisis_policy import next_step
from signposting.parsing import doubts_the_worry, plays_the_worry_down
from tests.test_crisis_policy_closings import at_the_check
from tests.test_policies import scored, tracker


def after_nowhere_safe(domain, *answers):
    """The crisis reply for nowhere safe ("dad came home drunk and had a knife"), then `answers`."""
    events = [scored("dad came home drunk and had a knife", "express_crisis", "crisis", 0.9, categories=["unsafe_home"]),
              ActionExecuted("utter_crisis_unsafe_now"), SlotSet("crisis_categories", ["unsafe_home"]),
              SlotSet("crisis_kind", "unsafe_now"), ActionExecuted("utter_crisis_local"),
              ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen")]
    for answer in answers:
        events += [answer]
    return tracker(domain, *events)


def told_twice_then(domain, told, more, answer, *, category, kind):
    """A crisis message of `category` and its reply of `kind`, "Are you safe right now?", more told at
    crisis level, "Please call 999 now", then `answer`."""
    first_step, ask, not_safe = {
        "grooming_online": ("utter_crisis_grooming_online", "utter_ask_safe_now", "utter_not_safe_now"),
        "third_party": ("utter_crisis_third_party", "utter_ask_safe_now_other", "utter_not_safe_now_other"),
    }[kind]
    return tracker(domain, scored(told, "express_crisis", "crisis", 0.9, categories=[category]),
                   ActionExecuted(first_step), SlotSet("crisis_categories", [category]), SlotSet("crisis_kind", kind),
                   ActionExecuted(ask), ActionExecuted("action_listen"),
                   scored(more, "inform", "crisis", 0.8, categories=[category]),
                   ActionExecuted(not_safe), ActionExecuted("action_listen"), answer)


def test_safe_after_nowhere_safe_keeps_the_runaway_helpline(domain):
    """"its fine im ok" from the woods, after "Please call 999 now", got "I'm glad you're safe" alone."""
    state = after_nowhere_safe(domain, scored("i got out the window, im in the woods behind the estate", "inform", "crisis", 0.9,
                                              categories=["unsafe_home"]),
                               ActionExecuted("utter_not_safe_now"), ActionExecuted("action_listen"),
                               scored("its fine im ok", "confirm_safe", score=0.05))
    action, events = next_step(state)
    assert action == "utter_glad_you_are_safe"
    assert SlotSet("safe_in_own_words", "nowhere_safe") in events


def test_the_safe_button_after_nowhere_safe_keeps_the_runaway_helpline_too(domain):
    action, events = next_step(after_nowhere_safe(domain, scored("/confirm_safe", "confirm_safe", score=0.0)))
    assert action == "utter_glad_you_are_safe"
    assert SlotSet("safe_in_own_words", "nowhere_safe") in events


def test_each_glad_you_are_safe_reply_has_a_nowhere_safe_variant_with_the_runaway_helpline(domain):
    for name in ("utter_glad_you_are_safe", "utter_glad_child_is_safe", "utter_glad_they_are_safe"):
        variants = [v for v in domain.responses[name]
                    if any(c.get("value") == "nowhere_safe" for c in v.get("condition", []))]
        assert len(variants) == 1 and "116 000" in variants[0]["text"] and "999" in variants[0]["text"], name


@pytest.mark.parametrize("text", ["is that normal", "Is this normal?", "am I overreacting?", "should i be worried", "is it my fault",
                                  "will i get in trouble", "what should i do now", "so is that bad or not", "is that why",
                                  "could that be the reason?", "is that y", "is that why it happens"])
def test_a_question_about_what_was_told_doubts_the_worry(text):
    assert doubts_the_worry(text)


@pytest.mark.parametrize("text", ["no", "im fine", "is that normal for his age, he is 14", "whats normal", "yes",
                                  "is it normal to feel sad after a break up", "should i go to the gp", "jk its a joke",
                                  "is that why my heart races at night", "its probably just a phase", "im just being dramatic lol"])
def test_anything_more_is_not_only_a_doubt(text):
    assert not doubts_the_worry(text)


@pytest.mark.parametrize("text", ["probably just attention seeking tbh, should i just ignore it?", "should i just ignore it",
                                  "shes prob just being dramatic", "i think hes just doing it for attention"])
def test_a_worry_played_down_is_read(text):
    assert plays_the_worry_down(text)


@pytest.mark.parametrize("text", ["shes attention seeking, she does it to wind me up", "should i ignore the texts from school",
                                  "jk its a joke", "no"])
def test_anything_more_is_not_only_playing_it_down(text):
    assert not plays_the_worry_down(text)


@pytest.mark.parametrize("text", ["its probably just a phase", "i think shes just being dramatic", "im just being dramatic lol"])
def test_a_worry_played_down_at_the_check_is_not_a_doubt_that_gets_the_crisis_reply(domain, text):
    """The review (session 38): a parent's "its probably just a phase" to the check question got the
    crisis reply once playing down was read as a doubt there; it is read only after "Please call 999 now"."""
    assert next_step(at_the_check(domain, text, "deny"))[0] == "utter_check_ok"
    assert next_step(at_the_check(domain, text, "inform"))[0] not in ("utter_crisis", "utter_crisis_parent_own")


def test_a_doubt_after_the_not_safe_reply_gets_the_crisis_reply_again(domain):
    """"is that normal" after a coach's secret visit got "I can't give medical advice"."""
    state = told_twice_then(domain, "now he wants me to come round his house on my own and said not to tell my mum",
                            "he said not to tell anyone", scored("is that normal", "ask_clinical_advice", score=0.1),
                            category="grooming_online", kind="grooming_online")
    assert next_step(state)[0] == "utter_crisis_grooming_online"


@pytest.mark.parametrize("text", ["am I overreacting?", "is that normal"])
def test_a_doubt_at_the_check_question_is_no_answer(domain, text):
    """A carer's "am I overreacting?" to the check question let the form go on."""
    assert next_step(at_the_check(domain, text, "ask_clinical_advice"))[0] == "utter_crisis"


def test_the_models_own_guess_chooses_the_reply_only_when_it_fits(domain):
    """A phone trial (session 33): "Their dad passed away in the summer", a crisis from the risk model
    alone with its guess "exploitation" as the category, got "This is not your child's fault"."""
    from bot.nlu.crisis_policy import crisis_kind

    def kind(text, category, source="model"):
        return crisis_kind(tracker(domain, SlotSet("user_role", "parent_carer"), scored(
            text, "express_crisis", "crisis", 0.8, source=source, categories=[category], model_category=category,
            lexicon_categories=[category] if source == "lexicon" else [])))

    assert kind("Their dad passed away in the summer", "exploitation") == "general"
    assert kind("our child has told us they're trans", "exploitation") == "general"
    assert kind("he keeps coming home with cash and new trainers", "exploitation") == "exploitation"
    assert kind("a man online keeps asking her for pictures", "grooming_online") == "grooming_online"


@pytest.mark.parametrize("text", ["yes she is safe, she's just very sad and quiet", "yes she is safe, she is just sad"])
def test_a_parent_saying_their_child_is_safe_with_how_they_feel_is_safe(text):
    """A phone trial: "yes she is safe, she's just very sad and quiet" got "Please call 999 now"."""
    from signposting.parsing import states_safe_now

    assert states_safe_now(text, about_someone_else=True)


def after_the_not_safe_reply(domain, text, intent, *more):
    """"i have pills in my hand…", "No, not safe", "Please call 999 now… I'm here when you're ready", then `text`."""
    return tracker(domain, scored("i have pills in my hand and im going to take them all now", "express_crisis", "crisis", 0.95,
                                  categories=["danger_overdose"]),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["danger_overdose"]), SlotSet("crisis_kind", "general"),
                   ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                   scored("no", "not_safe", score=0.1), ActionExecuted("utter_not_safe_now"), ActionExecuted("action_listen"),
                   scored(text, intent, score=0.0), *more)


@pytest.mark.parametrize(("text", "intent"), [("im 13", "inform"), ("hi", "greet"), ("can you help me find someone to talk to", "seek_help")])
def test_a_plain_message_after_the_not_safe_reply_gets_the_urgent_lines_then_the_questions_not_the_greeting(domain, text, intent):
    """"im 13" after "Please call 999 now" got "Hi! I'm a chatbot…" mid-crisis (a phone trial, session 33)."""
    state = after_the_not_safe_reply(domain, text, intent)
    assert next_step(state)[0] == "utter_urgent_help"
    state.update(ActionExecuted("utter_urgent_help"))
    assert next_step(state)[0] == "triage_form"


def test_after_the_list_a_plain_message_after_the_not_safe_reply_is_left_to_the_other_policies(domain):
    assert next_step(after_the_not_safe_reply(domain, "im 13", "inform", SlotSet("services_shown", ["kooth"])))[0] is None


def test_the_urgent_lines_elsewhere_are_not_followed_by_the_questions_from_this_policy(domain):
    """The rules' own greeting, urgent lines and form (a conversation's start) are theirs."""
    state = tracker(domain, scored("hi", "greet", score=0.0), ActionExecuted("utter_greet"), ActionExecuted("utter_urgent_help"))
    assert next_step(state)[0] is None


def after_an_overdose_taken(domain, text, intent):
    """"i took 20 paracetamol an hour ago", "yes im fine", "call 999 now, even if you feel OK", then `text`."""
    return tracker(domain, scored("i took 20 paracetamol an hour ago", "express_crisis", "crisis", 0.95, categories=["overdose"]),
                   ActionExecuted("utter_crisis"), SlotSet("crisis_categories", ["overdose"]), SlotSet("crisis_kind", "general"),
                   ActionExecuted("utter_crisis_local"), ActionExecuted("utter_ask_safe_now"), ActionExecuted("action_listen"),
                   scored("yes im fine", "confirm_safe", score=0.0), ActionExecuted("utter_taken_something"),
                   ActionExecuted("action_listen"), scored(text, intent, score=0.0))


@pytest.mark.parametrize(("text", "intent"), [("i feel a bit sick", "describe_concern"), ("im really sleepy", "describe_concern"),
                                              ("im 13", "inform"), ("hi", "greet")])
def test_after_an_overdose_taken_a_plain_message_gets_the_same_reply_again(domain, text, intent):
    """The review (session 34): "i feel a bit sick" got the general urgent lines and the questions,
    without "go to A&E, even if you feel OK"."""
    assert next_step(after_an_overdose_taken(domain, text, intent))[0] == "utter_taken_something"


def test_a_worry_told_after_the_not_safe_reply_gets_the_not_safe_reply_again(domain):
    assert next_step(after_the_not_safe_reply(domain, "i just feel really alone", "describe_concern"))[0] == "utter_not_safe_now"


def test_a_friend_played_down_after_the_not_safe_reply_gets_the_crisis_reply_again(domain):
    """"probably just attention seeking tbh, should i just ignore it?" after "Please call 999 now",
    told of a friend's "sorry for everything" post, got "Sorry, I didn't get that" (development
    conversations G2, the whole bot, session 38)."""
    state = told_twice_then(domain, "my friend posted a black square on her story saying sorry for everything",
                            "she's been saying she hates herself for weeks",
                            scored("probably just attention seeking tbh, should i just ignore it?", "nlu_fallback", score=0.01),
                            category="suicidal", kind="third_party")
    assert next_step(state)[0] == "utter_crisis_third_party"


@pytest.mark.parametrize("text", ["is that good? she seems better", "is that a good sign", "is that good, he seems so much happier now"])
def test_asking_whether_seeming_better_is_good_doubts_the_worry(text):
    """Development conversations G18 (session 42): "is that good? she seems better", after "Please
    call 999 now" told of a sister giving her things away the day after she said she wanted to die,
    got "I can't give medical advice"."""
    assert doubts_the_worry(text)


@pytest.mark.parametrize("text", ["she seems much better now", "he seems fine", "shes happy today", "she's so much calmer now",
                                  "hes so much better now honestly"])
def test_someone_seeming_better_plays_the_worry_down(text):
    assert plays_the_worry_down(text)


@pytest.mark.parametrize("text", ["im fine", "she is safe", "she seems better but she still has the pills", "he is ok",
                                  "it is ok now"])
def test_safe_words_or_more_told_are_not_seeming_better(text):
    assert not plays_the_worry_down(text)


def test_seeming_better_after_the_not_safe_reply_gets_the_crisis_reply_again(domain):
    state = told_twice_then(domain, "my big sister was saying she wanted to die last night",
                            "today shes all happy and giving away her clothes and her cat to her friend",
                            scored("is that good? she seems better", "ask_clinical_advice", score=0.1),
                            category="suicidal", kind="third_party")
    assert next_step(state)[0] == "utter_crisis_third_party"
