"""When the triage form takes a message the NLU read as something else as the answer (issue #12)."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions.triage_form import age_typed_instead_of_the_role, typed_answer, understood_as


def tracker(text: str, intent: str, slot: str, asked_by: str = "triage_form") -> Tracker:
    """The form is validating `text`, sent after `asked_by` asked its question."""
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet"}}},
        {"event": "action", "name": asked_by},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}},
        {"event": "action", "name": "action_extract_slots"},
        {"event": "slot", "name": "requested_slot", "value": slot},
        {"event": "action", "name": "triage_form"},
    ]
    return Tracker(
        "test", {"requested_slot": slot, "area_code": None}, {"text": text, "intent": {"name": intent}},
        events, False, None, {"name": "triage_form"}, "triage_form",
    )


@pytest.mark.parametrize(
    ("text", "intent", "slot"),
    [
        ("no", "deny", "school"),
        ("leave it blank", "stop", "school"),
        ("nah", "deny", "area"),
        ("watford innit", "start_again", "area"),
        ("yeah me", "affirm", "user_role"),
        ("dad here", "greet", "user_role"),
        ("fourteen thanks", "thanks", "age"),
    ],
)
def test_the_question_s_own_parser_takes_the_answer_whatever_the_intent(text, intent, slot):
    assert typed_answer(tracker(text, intent, slot)) == {slot: text}


@pytest.mark.parametrize(
    ("text", "intent", "slot"),
    [
        ("stop", "stop", "school"),  # said as a whole request
        ("start again", "start_again", "area"),
        ("can I talk to a real person", "talk_to_a_person", "age"),
        ("hello", "greet", "user_role"),  # not an answer: the intent's rule answers
        ("no", "deny", "user_role"),
    ],
)
def test_requests_and_non_answers_are_left_to_their_rules(text, intent, slot):
    assert typed_answer(tracker(text, intent, slot)) == {}


def test_a_crisis_message_is_never_taken_as_an_answer():
    assert typed_answer(tracker("no", "express_crisis", "school")) == {}


def test_no_to_the_crisis_check_question_is_not_an_answer_to_the_form_s_question():
    """"No" to "are you thinking of hurting yourself?" must not become "no school"."""
    assert typed_answer(tracker("no", "deny", "school", asked_by="utter_check_risk")) == {}


def test_after_not_understood_asked_the_question_again_the_next_message_still_answers_it():
    """"yeah go on" at the school question got "OK." and the question again (action_not_understood,
    which forgets the message); then "no" was "Sorry, I didn't get that" (phone-style trial)."""
    events = [
        {"event": "action", "name": "triage_form"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "yeah go on", "parse_data": {"intent": {"name": "affirm"}}},
        {"event": "action", "name": "action_not_understood"},
        {"event": "rewind"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "no", "parse_data": {"intent": {"name": "deny"}}},
        {"event": "action", "name": "action_extract_slots"},
    ]
    state = Tracker("test", {"requested_slot": "school", "area_code": None}, {"text": "no", "intent": {"name": "deny"}},
                    events, False, None, {"name": "triage_form"}, "triage_form")
    assert typed_answer(state) == {"school": "no"}


def with_concern(state: Tracker, concern: str | None) -> Tracker:
    state.slots["concern"] = concern
    return state


@pytest.mark.parametrize(
    ("concern_slot", "thanked"),
    [(None, True), ("bullying", True), ("sleep", False)],  # an older, different worry is not replaced: no thanks
)
def test_a_worry_at_the_place_question_is_thanked_only_when_the_form_kept_it(concern_slot, thanked):
    from actions.triage_form import told_a_worry_instead

    text = "im being bullied and its making me really down"
    state = with_concern(tracker(text, "describe_concern", "area"), concern_slot)
    assert told_a_worry_instead(state, text) is thanked


@pytest.mark.parametrize(("text", "intent"), [("narnia", "inform"), ("im being bullied", "inform"), ("dunno really", "describe_concern")])
def test_an_unknown_place_is_not_taken_for_a_worry(text, intent):
    from actions.triage_form import told_a_worry_instead

    assert told_a_worry_instead(with_concern(tracker(text, intent, "area"), None), text) is False


def after_the_check(first: str, reply: str = "No", slot: str = "age", check_ok: bool = True) -> Tracker:
    """The form asked for `slot`; `first` raised the check question; the user answered `reply`."""
    events = [
        {"event": "action", "name": "triage_form"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": first, "parse_data": {"intent": {"name": "express_crisis"}}},
        {"event": "action", "name": "action_extract_slots"},
        {"event": "action", "name": "utter_check_risk"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": reply, "parse_data": {"intent": {"name": "deny"}}},
        {"event": "action", "name": "action_extract_slots"},
        *([{"event": "action", "name": "utter_check_ok"}] if check_ok else []),
    ]
    return Tracker("test", {"requested_slot": slot, "area_code": None}, {"text": reply, "intent": {"name": "deny"}},
                   events, False, None, {"name": "triage_form"}, "triage_form")


def test_after_no_to_the_check_question_the_message_that_raised_it_answers_the_question():
    from actions.triage_form import answer_held_by_the_check

    assert answer_held_by_the_check(after_the_check("im 16 and i hate myself")) == {"age": "im 16 and i hate myself"}


def no_after_the_check_asked_again(first: str, first_intent: str, between: str, between_intent: str, reply: str) -> Tracker:
    """At the worry question: `first` raised the check; `between` got `reply` and the check again; then "No"."""
    events = [
        {"event": "action", "name": "triage_form"}, {"event": "action", "name": "action_listen"},
        {"event": "user", "text": first, "parse_data": {"intent": {"name": first_intent}}},
        {"event": "action", "name": "utter_check_risk"}, {"event": "action", "name": "action_listen"},
        {"event": "user", "text": between, "parse_data": {"intent": {"name": between_intent}}},
        {"event": "action", "name": reply}, {"event": "action", "name": "utter_check_risk"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "no", "parse_data": {"intent": {"name": "deny"}}},
        {"event": "action", "name": "utter_check_ok"},
    ]
    return Tracker("test", {"requested_slot": "concern", "area_code": None}, {"text": "no", "intent": {"name": "deny"}},
                   events, False, None, {"name": "triage_form"}, "triage_form")


def test_more_told_before_the_check_was_asked_again_is_part_of_the_answer():
    """Session 33: "i havent been sleeping, my head wont switch off", the check, "its mostly gaming
    till late tbh…", thanks and the check again, "No": both messages are the worry."""
    from actions.triage_form import answer_held_by_the_check

    first, more = "i havent been sleeping, my head wont switch off", "its mostly gaming till late tbh, its just a habit i want to break"
    tracker = no_after_the_check_asked_again(first, "express_crisis", more, "inform", "utter_told_more_at_safety_question")
    assert answer_held_by_the_check(tracker) == {"concern": f"{first} {more}"}


@pytest.mark.parametrize(
    ("first", "slot", "check_ok"),
    [
        ("i hate myself", "age", True),  # no age in it: the question is asked again
        ("im 16 and i hate myself", "age", False),  # "No" not accepted (the crisis steps went on)
    ],
)
def test_nothing_is_taken_when_the_message_does_not_answer_or_the_check_did_not_end_well(first, slot, check_ok):
    from actions.triage_form import answer_held_by_the_check

    assert answer_held_by_the_check(after_the_check(first, slot=slot, check_ok=check_ok)) == {}


@pytest.mark.parametrize(
    ("slot", "text", "intent", "reply"),
    [
        ("user_role", "my parents are splitting up and i cry every night", "describe_concern", "utter_worry_noted"),
        ("user_role", "purple monkey dishwasher", "out_of_scope", "utter_role_not_understood"),
        ("user_role", "15", "inform", "utter_age_noted_ask_role"),  # the age kept (session 36)
        ("user_role", "hitchin", "inform", "utter_place_noted_ask_role"),  # the place kept (a user trial, session 44)
        ("age", "she has been so down since her nan died", "describe_concern", "utter_worry_noted"),
        ("age", "purple monkey dishwasher", "out_of_scope", "utter_age_not_understood"),
        ("area", "im being bullied and its making me really down", "describe_concern", "utter_worry_noted"),
    ],
)
def test_a_worry_typed_instead_of_the_answer_is_thanked_and_the_question_stays(slot, text, intent, reply):
    """At "Who is chatting today?" or the age question as at the place question: the worry is
    kept (extract_concern) and thanked, the slot stays empty so the question is asked again."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    validate = getattr(ValidateTriageForm(), f"validate_{slot}")
    result = validate(text, dispatcher, with_concern(tracker(text, intent, slot), None), {})
    assert result[slot] is None
    assert [m["response"] for m in dispatcher.messages] == [reply]


@pytest.mark.parametrize(
    ("slot", "text", "reply"),
    [
        ("user_role", "yes please", "utter_ok_then_the_question"),
        ("age", "ok", "utter_ok_then_the_question"),
        ("area", "yeah go on", "utter_ok_then_the_question"),
        ("user_role", "no", "utter_role_not_understood"),  # a "no" is not taken as going on
    ],
)
def test_yes_please_at_a_question_gets_ok_and_the_question_stays(slot, text, reply):
    """ "yes please", typed to go on after the answer to a first question (phone trial), gets
    "OK." and the question again, not "Sorry, I didn't get that"."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    intent = "deny" if text == "no" else "affirm"
    result = getattr(ValidateTriageForm(), f"validate_{slot}")(text, dispatcher, with_concern(tracker(text, intent, slot), None), {})
    assert result[slot] is None
    assert [m["response"] for m in dispatcher.messages] == [reply]


@pytest.mark.parametrize(
    ("text", "intent", "kept"),
    [
        ("he cries every morning before school", "describe_concern", True),  # a worry: "Which is closest?" again
        ("purple monkey dishwasher", "out_of_scope", False),  # "Sorry, I don't know that place": the place again
    ],
)
def test_a_worry_told_at_which_is_closest_keeps_that_question_and_its_choices(text, intent, kept):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    options = ["LE4", "Leicester city", "Birstall (Leicestershire)"]
    state = with_concern(tracker(text, intent, "area"), None)
    state.slots["area_options"] = options
    dispatcher = CollectingDispatcher()
    result = ValidateTriageForm().validate_area(text, dispatcher, state, {})
    assert result["area"] is None
    assert result["area_options"] == (options if kept else None)
    assert [m["response"] for m in dispatcher.messages] == ["utter_worry_noted" if kept else "utter_area_not_understood"]


@pytest.mark.parametrize(
    ("text", "intent", "reply"),
    [
        ("am i too old for this im 17", "ask_service_info", "utter_service_info"),
        ("im 15 is this private", "ask_privacy", "utter_privacy"),
    ],
)
def test_an_answer_asked_with_a_question_about_the_chat_keeps_both(text, intent, reply):
    """The age is taken and the question answered: neither is lost (issue #12)."""
    import asyncio
    from pathlib import Path

    from rasa.shared.core.domain import Domain
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    domain = Domain.load(str(Path(__file__).resolve().parents[1] / "domain.yml")).as_dict()
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateTriageForm().run(dispatcher, tracker(text, intent, "age"), domain))
    assert [m["response"] for m in dispatcher.messages][:1] == [reply]
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"}.get("age") is not None


def test_a_question_about_the_chat_without_an_answer_is_left_to_its_rule():
    import asyncio
    from pathlib import Path

    from rasa.shared.core.domain import Domain
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    domain = Domain.load(str(Path(__file__).resolve().parents[1] / "domain.yml")).as_dict()
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ValidateTriageForm().run(dispatcher, tracker("is it free", "ask_service_info", "age"), domain)) == []
    assert dispatcher.messages == []


def first_message_held(first: str, steps: list[str], settle: list[str], form_ran: bool = False) -> Tracker:
    """`first` opened the chat and got the crisis `steps`; "No"/"Yes, safe" got `settle`; then
    "Yes, find support" started the form (after it had run once, if `form_ran`)."""
    def user(text: str, intent: str) -> dict:
        return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}

    def actions(*names: str) -> list[dict]:
        return [{"event": "action", "name": name} for name in names]

    events = [
        *actions("action_session_start", "action_listen"), user(first, "express_crisis"), *actions(*steps, "action_listen"),
        user("No", "deny"), *actions(*settle, "utter_offer_to_continue", "action_listen"),
        *([*actions("triage_form", "action_listen"), user("skip", "dont_know")] if form_ran else []),
        user("Yes, find support", "seek_help"), *actions("triage_form"),
    ]
    return Tracker("test", {"requested_slot": None}, {"text": "Yes, find support", "intent": {"name": "seek_help"}},
                   events, False, None, {"name": "triage_form"}, "action_listen")


@pytest.mark.parametrize(
    ("steps", "settle", "form_ran", "held"),
    [
        (["utter_check_risk"], ["utter_check_ok"], False, True),
        (["utter_crisis", "utter_crisis_local", "utter_ask_safe_now"], ["utter_glad_you_are_safe"], False, True),
        (["utter_check_risk"], ["utter_crisis"], False, False),  # not settled: the crisis steps went on
        (["utter_check_risk"], ["utter_check_ok"], True, False),  # the form has read it already
    ],
)
def test_a_first_message_held_by_the_crisis_steps_is_read_once_they_are_settled(steps, settle, form_ran, held):
    """A user trial: "hi my daughter is 14 shes at beauchamp and were in oadby" raised the check
    question; after "No" and "Yes, find support" the form asked for the age and the place again."""
    from actions.triage_form import text_held_by_the_crisis_steps

    first = "hi my daughter is 14 shes at beauchamp and were in oadby"
    found = text_held_by_the_crisis_steps(first_message_held(first, steps, settle, form_ran))
    assert found == (first if held else None)


@pytest.mark.parametrize(("text", "reply", "skipped"), [
    ("😭", "utter_area_not_understood", False),  # nothing said: asked again (a user trial, session 19)
    ("...", "utter_area_not_understood", False),
    ("rather not say", "utter_area_skipped", True),
])
def test_an_emoji_alone_at_the_place_question_is_asked_again_not_skipped(text, reply, skipped):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    result = ValidateTriageForm().validate_area(text, dispatcher, with_concern(tracker(text, "inform", "area"), None), {})
    assert [m["response"] for m in dispatcher.messages] == [reply]
    assert (result["area"] == "not given") is skipped


def test_a_message_held_by_the_check_at_a_question_is_read_when_the_no_resumes_the_form():
    """A phone trial (session 19): in the widget the form had asked "Who is chatting today?" before
    "hi my daughter is 14 shes at beauchamp and were in oadby"; "No" resumed the form in the same
    turn, and the age and place were asked again."""
    from actions.triage_form import text_held_by_the_crisis_steps

    first = "hi my daughter is 14 shes at beauchamp and were in oadby"
    state = after_the_check(first, slot="user_role")
    state.events.append({"event": "action", "name": "triage_form"})
    assert text_held_by_the_crisis_steps(state) == first
    assert text_held_by_the_crisis_steps(after_the_check(first, slot="user_role", check_ok=False)) is None


def test_the_form_reads_the_worry_without_the_stage_when_the_model_has_no_guess():
    from rasa_sdk import Tracker

    from actions.triage_form import concern_in
    from signposting.parsing import worry_words

    text = "gcse year and im being bullied"
    latest = {"text": text, "intent": {"name": "describe_concern", "confidence": 0.9}}
    tracker = Tracker("t", {}, latest, [{"event": "user", "text": text, "parse_data": latest}], False, None, {}, "action_listen")
    assert concern_in(tracker, text) == "exam_stress"
    assert concern_in(tracker, text, rules_read=worry_words(text)) == "bullying"


def at_the_worry_question_after_the_check(first: str, more: str) -> Tracker:
    """The check question for `first` at "What has been going on?", then `more` typed instead of an answer."""
    events = [
        {"event": "action", "name": "triage_form"}, {"event": "action", "name": "action_listen"},
        {"event": "user", "text": first, "parse_data": {"intent": {"name": "describe_concern"}}},
        {"event": "action", "name": "utter_check_risk"}, {"event": "action", "name": "action_listen"},
        {"event": "user", "text": more, "parse_data": {"intent": {"name": "inform"}}},
    ]
    return Tracker("test", {"requested_slot": "concern", "area_code": None}, {"text": more, "intent": {"name": "inform"}},
                   events, False, None, {"name": "triage_form"}, "action_listen")


def test_more_told_past_the_check_at_the_worry_question_is_read_with_the_message_that_raised_it():
    """A phone trial (session 33): "i havent been sleeping, my head wont switch off", the check
    question, then "its mostly gaming till late tbh…" got "Sorry, I didn't get that" and both were lost."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    first, more = "i havent been sleeping, my head wont switch off", "its mostly gaming till late tbh, its just a habit i want to break"
    dispatcher = CollectingDispatcher()
    state = at_the_worry_question_after_the_check(first, more)
    assert ValidateTriageForm().validate_concern(more, dispatcher, state, {}) == {"concern": "sleep"}
    assert dispatcher.messages == []
    # alone, the same words are not understood: the message that raised the check is what places them
    alone = Tracker("test", {"requested_slot": "concern", "area_code": None}, {"text": more, "intent": {"name": "inform"}},
                    [{"event": "action", "name": "triage_form"}, {"event": "action", "name": "action_listen"},
                     {"event": "user", "text": more, "parse_data": {"intent": {"name": "inform"}}}],
                    False, None, {"name": "triage_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert ValidateTriageForm().validate_concern(more, dispatcher, alone, {}) == {"concern": None}
    assert [message["response"] for message in dispatcher.messages] == ["utter_concern_not_understood"]


def test_after_what_do_you_mean_and_no_to_the_check_the_message_that_raised_it_is_the_answer():
    """Session 34: the check question, "what do you mean", the explanation and the check again,
    "No": the first message answers the form's question, not "what do you mean"."""
    from actions.triage_form import answer_held_by_the_check

    first = "my head wont switch off at night and i cant sleep"
    tracker = no_after_the_check_asked_again(first, "describe_concern", "what do you mean", "ask_what_we_mean", "utter_what_we_mean_check")
    assert answer_held_by_the_check(tracker) == {"concern": first}


@pytest.mark.parametrize(("text", "role_before", "role"), [
    ("young person", "young_person", "young_person"), ("my son", "young_person", "parent_carer"),
    ("I'm his mum", "parent_carer", "parent_carer"), ("young person", "parent_carer", "young_person"),
    # never a school, a class or a plain "me" (the review, session 34)
    ("year 10 student", "parent_carer", None), ("hes a pupil there", "parent_carer", None), ("pupil referral unit", "parent_carer", None),
    ("im at college", "young_person", None), ("me", "parent_carer", None), ("st marys", "young_person", None),
    ('/greet{"role_hint": "professional"}', "young_person", None),  # an intent typed (CI, session 34)
    ('greet{"role_hint": "professional"}', "young_person", None),  # ...as the channel passes it on, without its "/"
])
def test_who_is_chatting_said_again_is_read_only_from_a_role_in_a_few_words(text, role_before, role):
    from actions.triage_form import role_restated

    state = Tracker("test", {"requested_slot": "school", "user_role": role_before}, {"text": text, "intent": {"name": "inform"}},
                    [], False, None, {"name": "triage_form"}, "action_listen")
    assert role_restated(state, text) == role


@pytest.mark.parametrize(("text", "low", "high"), [("13", 13, 13), ("year 9", 13, 14), ("hes 14", 14, 14), ("15 years old", 15, 15)])
def test_an_age_typed_to_who_is_chatting_is_kept(text, low, high):
    """"13" at "Who is chatting today?" got "Sorry, I didn't get that" and was lost (session 35)."""
    age = age_typed_instead_of_the_role(text)
    assert age is not None and (age.low, age.high) == (low, high)
    assert understood_as("user_role", text, tracker(text, "inform", "user_role"))


@pytest.mark.parametrize("text", [
    "1", "3",  # a button's place, perhaps
    "dont know", "99", "13 and my dad hits me",  # no age, too old, more than an age
])
def test_only_an_age_and_nothing_else_is_kept_at_who_is_chatting(text):
    assert age_typed_instead_of_the_role(text) is None


def test_the_age_typed_to_who_is_chatting_fills_the_age_and_the_role_is_asked_again():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    result = ValidateTriageForm().validate_user_role("15", dispatcher, tracker("15", "inform", "user_role"), {})
    assert result["user_role"] is None and (result["age_min"], result["age_max"]) == (15, 15)
    assert [m["response"] for m in dispatcher.messages] == ["utter_age_noted_ask_role"]


@pytest.mark.parametrize(("text", "intent", "slot"), [
    ("not in anything right now", "not_safe", "school"),  # D17: "right now" read as "not safe"
    ("15 right now", "not_safe", "age"),
])
def test_an_answer_read_as_not_safe_is_taken_by_the_questions_closed_parser(text, intent, slot):
    assert typed_answer(tracker(text, intent, slot)) == {slot: text}


@pytest.mark.parametrize(("text", "intent", "slot"), [
    ("im safe", "confirm_safe", "school"),  # never a school's name
    ("not safe", "not_safe", "area"),  # nor a place's
])
def test_a_safety_answer_is_never_a_schools_or_a_places_name(text, intent, slot):
    assert typed_answer(tracker(text, intent, slot)) == {}


@pytest.mark.parametrize(("text", "asks"), [("im scared to go to big school in september", False), ("im 15 is this private", True),
                                            ("am i too old for this im 18", True), ("bullying. who sees this?", True),
                                            ("my dad left and i feel rubbish", False),
                                            ("14 but please dont tell my mum", True)])  # the review (session 45)
def test_a_question_is_told_from_an_answer_that_asks_nothing(text, asks):
    """A user trial (session 45): "im scared to go to big school in september" got the privacy reply."""
    from signposting.questions import asks_something

    assert asks_something(text) is asks


@pytest.mark.parametrize(("text", "young"), [("hey im 13", True), ("it's for me", True), ("I just turned 18 and camhs discharged me", True),
                                             ("im 16 weeks pregnant and feeling really low", False),  # the review (session 45)
                                             ("im 24 and my son is 5", False)])
def test_a_young_person_named_by_their_own_words(text, young):
    from actions.triage_form import _NAMES_A_YOUNG_PERSON
    from signposting.parsing import parse_role_typed
    from signposting.text import normalise

    assert bool(_NAMES_A_YOUNG_PERSON.search(normalise(text)) and parse_role_typed(text) == "young_person") is young


def crisis_told(text: str, kind: str) -> Tracker:
    """`text` typed at the worry question raised the crisis reply of `kind`; the user then said safe."""
    events = [
        {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet"}}},
        {"event": "action", "name": "triage_form"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "express_crisis"}}},
        {"event": "slot", "name": "crisis_kind", "value": kind},
        {"event": "action", "name": "utter_crisis_" + kind},
        {"event": "user", "text": "Yes, safe right now", "parse_data": {"intent": {"name": "confirm_safe"}}},
    ]
    return Tracker("test", {"requested_slot": "concern"}, events[-1], events, False, None, {"name": "triage_form"}, "triage_form")


@pytest.mark.parametrize(("text", "kind", "concern"), [
    # a user trial (session 46): read as relationships, and school early help was shown
    ("my boyfriend is 24 and he makes me do stuff with his mates for money", "exploitation", "abuse"),
    ("an older man keeps messaging me on snap", "grooming_online", "online_safety"),
    ("my step dad hits me when mum is at work", "abuse", "abuse"),
    ("ive been cutting myself since my uncle touched me", "abuse", "self_harm"),  # a worry with help of its own stays
    ("i want to die", "general", None),  # nothing done by others: the rules' reading stands
])
def test_the_worry_of_a_crisis_told_for_harm_done_by_others(text, kind, concern):
    from actions.services import concern_of_the_crisis_told

    assert concern_of_the_crisis_told(crisis_told(text, kind), text) == concern
    assert concern_of_the_crisis_told(crisis_told(text, kind), "something else said") is None


@pytest.mark.parametrize(
    ("slot", "text", "reply"),
    [
        # a user trial (session 46): each was taken as an answer, or not understood
        ("school", "hang on", "utter_take_your_time"),
        ("area", "brb", "utter_take_your_time"),
        ("age", "one sec", "utter_take_your_time"),
        ("area", "i dont no what a postcode is", "utter_what_we_mean_area"),
        ("area", "whats a postcode", "utter_what_we_mean_area"),
        ("age", "I have two kids", "utter_one_child_at_a_time"),
        ("age", "both", "utter_one_child_at_a_time"),
        ("school", "Do I have to answer that?", "utter_why_school"),
    ],
)
def test_a_pause_a_question_or_two_children_get_a_reply_and_the_question_stays(slot, text, reply):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.triage_form import ValidateTriageForm

    dispatcher = CollectingDispatcher()
    result = getattr(ValidateTriageForm(), f"validate_{slot}")(text, dispatcher, with_concern(tracker(text, "inform", slot), None), {})
    assert result[slot] is None
    assert [m["response"] for m in dispatcher.messages] == [reply]

