"""Never a dead end (issue #12b), the pure parts: counting misunderstandings in a row, the
language a message names, and requests the bot cannot do yet counted as content gaps."""
from __future__ import annotations

import pytest
import yaml

from actions.keep_going import CANNOT_DO_YET, is_not_understood, misunderstood_in_a_row, thanked_in_passing
from bot.staff import analytics
from bot.staff.gaps import cluster, gap_messages
from signposting.languages import language_named
from tests.staff_events import Chat
from tests.test_response_templates import ROOT


def user(text: str = "blah") -> dict:
    return {"event": "user", "text": text}


def bot(utter: str) -> dict:
    return {"event": "bot", "metadata": {"utter_action": utter}}


def test_the_validations_and_the_fallbacks_count_as_not_understood():
    for utter in ("utter_age_not_understood", "utter_role_not_understood", "utter_default", "utter_out_of_scope",
                  "utter_not_understood", "utter_not_understood_again"):
        assert is_not_understood(utter), utter
    for utter in ("utter_ask_age", "utter_changed_answer", None, ""):
        assert not is_not_understood(utter), utter


def test_misunderstandings_are_counted_in_a_row_back_to_the_last_understood_message():
    events = [user("hi"), bot("utter_greet"), bot("utter_ask_user_role"),
              user("x"), bot("utter_role_not_understood"), bot("utter_ask_user_role"),
              user("y"), bot("utter_role_not_understood")]
    assert misunderstood_in_a_row(events) == 2
    # The fallback action asks before it answers the latest message: that one is left out.
    assert misunderstood_in_a_row(events, current_turn=False) == 1
    understood = events + [bot("utter_ask_user_role"), user("me"), bot("utter_ask_age")]
    assert misunderstood_in_a_row(understood) == 0
    assert misunderstood_in_a_row(understood + [user("zz")], current_turn=False) == 0


def test_a_new_session_starts_the_count_again():
    events = [user("x"), bot("utter_default"), {"event": "session_started"}, user("y"), bot("utter_default")]
    assert misunderstood_in_a_row(events) == 1
    assert misunderstood_in_a_row([]) == 0


def test_the_language_a_message_names_picks_its_interpreter_line():
    assert language_named("what about in Polish?") == "pl"
    assert language_named("do you speak Urdu") == "ur"
    assert language_named("can my mum have it in bengali") == "bn"
    assert language_named("can you email me") is None
    assert language_named("do you speak klingon") is None
    # the languages' own names (session 24), and never a guess between two
    assert language_named("po polsku prosze") == "pl"
    assert language_named("în română vă rog") == "ro"
    assert language_named("en español por favor") == "es"
    assert language_named("Türkçe olabilir mi") == "tr"
    assert language_named("not polish, urdu please") is None
    assert language_named("in urdu please, my dad is polish") is None


def test_every_request_has_its_answer_template_and_training_examples():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    nlu = yaml.safe_load((ROOT / "data" / "nlu" / "requests.yml").read_text())["nlu"]
    trained = {item["intent"] for item in nlu}
    for intent, response in CANNOT_DO_YET.items():
        assert intent in domain["intents"] and intent in trained
        assert response in domain["responses"]


def test_requests_the_bot_cannot_do_yet_are_content_gaps():
    chat = Chat("asks").triage(concern=None)
    chat.user("can you email me this list", "request_email").action("action_cannot_do_yet")
    chat.user("can i print this", "request_print").action("action_cannot_do_yet")
    chat.user("what about in Polish?", "request_other_language").action("action_cannot_do_yet")
    chat.user("can you email me the list", "request_email").action("action_cannot_do_yet")
    chat.user("i'm not coping myself", "parent_own_help").action("action_parent_own_help")  # answered: not a gap
    other = Chat("weather").user("whats the weather", "out_of_scope")
    summaries = analytics.conversations(chat.rows + other.rows)
    messages = gap_messages(summaries)
    assert sorted(message.intent for message in messages) == [
        "out_of_scope", "request_email", "request_email", "request_other_language", "request_print",
    ]
    gaps = cluster(messages)
    email = next(gap for gap in gaps if "request_email" in gap.intents)
    assert email.count == 2 and email.conversations == ["asks"]


def run_action(action, events: list[dict], slots: dict | None = None, intent: str = "nlu_fallback",
               text: str = "blah", active_loop: str | None = "triage_form", then: list[dict] | None = None,
               ) -> tuple[list[dict], list[dict]]:
    """Runs an action of actions/keep_going.py on a hand-made tracker: (messages, events)."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}}
    tracker = Tracker("test", slots or {}, latest, [*events, {"event": "user", "text": text, "parse_data": latest}, *(then or [])],
                      False, None, {"name": active_loop} if active_loop else {}, "action_listen")
    dispatcher = CollectingDispatcher()
    returned = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, returned


def responses(messages: list[dict]) -> list[str]:
    return [message.get("response") or message.get("text") for message in messages]


def test_not_understood_in_the_questions_asks_the_same_question_with_talk_to_a_person():
    from actions.keep_going import ActionNotUnderstood

    messages, events = run_action(ActionNotUnderstood(), [bot("utter_ask_age")], {"requested_slot": "age"})
    assert responses(messages) == ["utter_not_understood", "utter_ask_age"]
    assert messages[-1]["buttons"] == [{"title": "Talk to a person", "payload": "talk to a person"}]
    assert events == [{"event": "rewind", "timestamp": None}]  # the message is forgotten: the form still waits


@pytest.mark.parametrize("text", ["yes please", "ok", "yeah go on"])
def test_yes_please_at_a_question_is_no_misunderstanding(text):
    """Typed to go on after the answer to a first question (phone trial): "OK." and the same
    question, with no "Talk to a person" button: not counted as a miss."""
    from actions.keep_going import ActionNotUnderstood

    before = [bot("utter_ask_user_role"), user("x"), bot("utter_role_not_understood"), bot("utter_ask_user_role")]
    messages, events = run_action(ActionNotUnderstood(), before, {"requested_slot": "user_role"}, "affirm", text)
    assert responses(messages) == ["utter_ok_then_the_question", "utter_ask_user_role"]
    assert messages[-1]["buttons"] == [] and events == [{"event": "rewind", "timestamp": None}]


def test_the_second_misunderstanding_in_a_row_says_what_works_and_gives_the_lines_to_a_person():
    from actions.keep_going import ActionNotUnderstood

    before = [bot("utter_ask_age"), user("x"), bot("utter_age_not_understood"), bot("utter_ask_age")]
    messages, _ = run_action(ActionNotUnderstood(), before, {"requested_slot": "age"})
    assert responses(messages) == [
        "utter_not_understood_again", "utter_how_to_answer_age", "utter_talk_to_person", "utter_ask_age",
    ]


def test_not_understood_outside_the_questions_offers_the_next_step():
    from actions.keep_going import ActionNotUnderstood

    messages, _ = run_action(ActionNotUnderstood(), [], {"services_shown": ["svc-1"]}, active_loop=None)
    assert responses(messages) == ["utter_not_understood", "utter_offer_more"]
    earlier = [{"event": "user", "text": "no thanks", "parse_data": {"intent": {"name": "deny"}}}]  # "No, thanks" to the offer
    messages, _ = run_action(ActionNotUnderstood(), earlier, {}, active_loop=None)
    assert responses(messages) == ["utter_not_understood", "utter_offer_next_step"]


def test_not_understood_as_the_first_message_greets_and_starts_the_questions():
    """Session 46's note: "im so dead lol forgot my pe kit again" as the first message got "Sorry, I
    didn't get that" and a menu, with no word of what the chat is."""
    from actions.keep_going import ActionNotUnderstood

    messages, events = run_action(ActionNotUnderstood(), [], {}, active_loop=None, text="im so dead lol forgot my pe kit again")
    assert responses(messages) == ["utter_greet", "utter_urgent_help"]
    assert {"event": "followup", "name": "triage_form", "timestamp": None} in events


def test_a_request_in_another_language_by_name_gets_that_languages_interpreter_line():
    from actions.keep_going import ActionCannotDoYet
    from signposting.languages import interpreter_lines

    messages, events = run_action(ActionCannotDoYet(), [], {"requested_slot": "school"}, "request_other_language",
                                  "what about in Polish?")
    assert responses(messages) == ["utter_request_other_language", interpreter_lines()["pl"]]
    assert {"event": "slot", "name": "user_language", "value": "pl", "timestamp": None} in events
    messages, _ = run_action(ActionCannotDoYet(), [], {}, "request_print", "can i print this", active_loop=None)
    assert responses(messages) == ["utter_request_print", "utter_offer_next_step"]


def reading(value: str | None) -> dict:
    return {"event": "slot", "name": "next_step_reading", "value": value}


def test_after_the_list_the_next_step_models_reading_stands_over_diets_intent_and_is_cleared():
    """"my nan only reads urdu", read by DIET as a worry and by the next-step model as another
    language (bot/nlu/new_worry_policy.py): the language's reply and interpreter line."""
    from actions.keep_going import ActionCannotDoYet
    from signposting.languages import interpreter_lines

    slots = {"services_shown": ["svc-1"], "next_step_reading": "other_language"}
    messages, events = run_action(ActionCannotDoYet(), [], slots, "describe_concern", "my nan only reads urdu", active_loop=None,
                                  then=[reading("other_language")])
    assert responses(messages) == ["utter_request_other_language", interpreter_lines()["ur"], "utter_offer_more"]
    assert {"event": "slot", "name": "next_step_reading", "value": None, "timestamp": None} in events
    slots = {"services_shown": ["svc-1"], "next_step_reading": "email"}
    messages, _ = run_action(ActionCannotDoYet(), [], slots, "ask_privacy", "chuck it in my inbox", active_loop=None,
                             then=[reading("email")])
    assert responses(messages)[0] == "utter_request_email_list"
    # A reading of a request this action does not answer is no reading here: DIET's intent stands.
    slots = {"services_shown": ["svc-1"], "next_step_reading": "more_options"}
    messages, events = run_action(ActionCannotDoYet(), [], slots, "request_print", "can i print this", active_loop=None,
                                  then=[reading("more_options")])
    assert responses(messages)[0] == "utter_request_print" and events == []


def test_a_reading_left_from_an_earlier_turn_is_no_reading_of_this_message():
    """The review (session 26): an action that failed before clearing the slot left "email" in
    it; the next turn's "can you print this" got the email reply."""
    from actions.keep_going import ActionCannotDoYet

    slots = {"services_shown": ["svc-1"], "next_step_reading": "email"}
    messages, events = run_action(ActionCannotDoYet(), [reading("email")], slots, "request_print", "can you print this",
                                  active_loop=None)
    assert responses(messages)[0] == "utter_request_print" and events == []


def test_a_parents_own_help_keeps_the_childs_answers_and_offers_the_way_back():
    from actions.keep_going import ActionParentOwnHelp

    slots = {"services_shown": ["svc-1"], "area_code": "herts", "age": "13", "user_role": "parent_carer"}
    messages, events = run_action(ActionParentOwnHelp(), [], slots, "parent_own_help", active_loop=None)
    assert responses(messages) == ["utter_parent_own_help", "utter_parent_own_local", "utter_parent_back_to_child"]
    assert events == []  # no slot is touched
    messages, _ = run_action(ActionParentOwnHelp(), [], {"requested_slot": "school", "user_role": "parent_carer"}, "parent_own_help")
    assert responses(messages) == ["utter_parent_own_help", "utter_parent_own_local"]  # then the form asks again


@pytest.mark.parametrize("role", ["young_person", "professional", None])
def test_anyone_but_a_parent_asking_for_themselves_gets_the_lines_for_them(role):
    from actions.keep_going import ActionParentOwnHelp

    slots = {"services_shown": ["svc-1"], "user_role": role}
    messages, _ = run_action(ActionParentOwnHelp(), [], slots, "parent_own_help", "i need help too", active_loop=None)
    assert responses(messages) == ["utter_talk_to_person", "utter_offer_more"]


def test_a_parent_who_has_not_said_so_yet_is_known_by_their_words():
    from actions.keep_going import ActionParentOwnHelp

    messages, _ = run_action(ActionParentOwnHelp(), [], {}, "parent_own_help", "is there help for me as a mum", active_loop=None)
    assert responses(messages)[:2] == ["utter_parent_own_help", "utter_parent_own_local"]


def test_the_email_answer_after_a_list_names_the_widgets_own_button():
    """utter_request_email_list points to a button: it must be the widget's, with the link's real lifetime."""
    import re
    from pathlib import Path

    from bot.web.share import LINK_DAYS

    root = Path(__file__).resolve().parents[1]
    text = yaml.safe_load((root / "domain.yml").read_text(encoding="utf8"))["responses"]["utter_request_email_list"][0]["text"]
    button = re.search(r'"([^"]+)"', text).group(1)
    assert f'["{button}",' in (root / "bot/web/static/widget.js").read_text(encoding="utf8")
    assert f"works for {LINK_DAYS} days" in text


def test_more_options_before_anything_was_asked_starts_the_questions():
    """"i keep wurrying abowt evrything" as a first message, read as "more options", got "What would
    you like to change?" (development author D1, session 25): nothing was asked yet, so the greeting
    and the questions come, as for a hello."""
    from actions.services import ActionMoreServices

    messages, events = run_action(ActionMoreServices(), [], {}, intent="more_options", text="i keep wurrying abowt evrything",
                                  active_loop=None)
    assert responses(messages) == ["utter_greet", "utter_urgent_help"]
    assert events == [{"event": "followup", "timestamp": None, "name": "triage_form"}]


@pytest.mark.parametrize(("slots", "active_loop", "earlier"), [
    ({"age": "14", "user_role": "young_person"}, None, []), ({}, "triage_form", []),
    ({}, None, [{"event": "user", "text": "i need to talk to someone"}, bot("utter_offer_to_continue")]),  # "maybe another time"
])
def test_more_options_with_answers_or_after_the_first_message_asks_what_to_change(slots, active_loop, earlier):
    from actions.services import ActionMoreServices

    messages, events = run_action(ActionMoreServices(), earlier, slots, intent="more_options", text="more options", active_loop=active_loop)
    assert responses(messages) == ["utter_change_what"] and events == []



@pytest.mark.parametrize("text", ["thanks that's helpful", "thank you", "cheers", "ok thanks so much", "Thanks, that's really useful"])
def test_a_thank_you_while_a_question_waits_is_no_misunderstanding(text):
    """A user trial (session 45): "thanks that's helpful" got "Sorry, I didn't get that"."""
    assert thanked_in_passing(text)


@pytest.mark.parametrize("text", ["thanks but im scared", "thanks bye", "thanks, im 14", "thats helpful"])
def test_a_thank_you_with_more_is_read_as_before(text):
    assert not thanked_in_passing(text)
