"""The staff review's numbers, from hand-made tracker events: exact counts."""
from __future__ import annotations

from datetime import date

from bot.staff import analytics
from bot.staff.csvexport import safe_cell, to_csv
from bot.staff.gaps import cluster, gap_messages
from tests.staff_events import T0, Chat, sample_events


def summaries():
    return {c.sender_id: c for c in analytics.conversations(sample_events())}


def test_each_conversation_is_summarised_from_its_slots():
    found = summaries()
    assert list(found) == ["f-nolocal", "e-fallback", "d-crisis", "c-dropped-age", "b-nolocal", "a-local"]  # newest first
    local = found["a-local"]
    assert (local.role, local.age_band, local.area_label, local.concern_label) == ("young_person", "13 to 14", "Hertfordshire", "sleep")
    assert local.outcome == "local" and local.dropped_at is None
    parent = found["b-nolocal"]
    assert (parent.role_label, parent.age_band, parent.area_label, parent.concern_label) == (
        "Parent or carer", "Under 11", "Elsewhere in England", "worry or anxiety",
    )
    assert parent.outcome == "no_local"
    assert found["c-dropped-age"].dropped_at == "age"
    assert found["c-dropped-age"].outcome == "left"
    assert found["d-crisis"].crisis_escalations == 1 and found["d-crisis"].crisis_categories == ["suicidal"]
    assert found["d-crisis"].dropped_at == "area"
    assert found["e-fallback"].dropped_at == analytics.BEFORE_FIRST_QUESTION


def test_a_raw_answer_before_validation_is_not_counted_as_a_role_or_concern():
    chat = Chat("raw").action("triage_form").ask("user_role").user("im a young person").slot("user_role", "im a young person")
    chat.ask("concern").user("cant sleep").slot("concern", "cant sleep")
    (summary,) = analytics.conversations(chat.rows)
    assert summary.role is None and summary.concern is None
    assert summary.answered == {"started"}


def test_conversations_per_day_and_by_role_age_area_concern():
    items = list(summaries().values())
    assert analytics.per_day(items) == [(date(2026, 11, 18), 3), (date(2026, 11, 19), 3)]
    assert analytics.count_by(items, "role_label", list(analytics.ROLES.values()) + [analytics.NOT_GIVEN]) == [
        ("Young person", 4), ("Parent or carer", 1), ("Professional", 0), ("Not given", 1),
    ]
    assert analytics.count_by(items, "age_band", analytics.AGE_BANDS) == [
        ("Under 11", 1), ("11 to 12", 0), ("13 to 14", 1), ("15 to 16", 1), ("17 to 18", 1), ("19 to 25", 0), ("Not given", 2),
    ]
    assert analytics.count_by(items, "area_label") == [
        ("Not given", 3), ("Elsewhere in England", 1), ("Hertfordshire", 1), ("Leicester", 1),
    ]
    assert analytics.count_by(items, "concern_label") == [
        ("Not given", 3), ("eating worries", 1), ("sleep", 1), ("worry or anxiety", 1),
    ]


def test_crisis_escalations_are_counted_with_their_categories():
    chat = Chat("twice").crisis("i want to die", ["suicidal"]).crisis("i cut myself", ["self_harm", "suicidal"])
    items = analytics.conversations(sample_events() + chat.rows)
    assert analytics.crisis_summary(items) == (3, 2, [("suicidal", 3), ("self_harm", 1)])


def test_the_funnel_counts_who_answered_each_question():
    assert analytics.funnel(summaries().values()) == [
        ("started", "Started a conversation", 6),
        ("user_role", "Said who they are", 5),
        ("age", "Gave an age", 4),
        ("school", "Answered the school question", 4),
        ("area", "Said where they live", 3),
        ("concern", "Said what's going on", 3),
        ("services", "Were shown services", 3),
    ]


def test_drop_offs_name_the_question_people_left_at():
    assert analytics.drop_offs(summaries().values()) == [
        ("age", "Age", 1), ("area", "Where they live", 1), (analytics.BEFORE_FIRST_QUESTION, "Before the first question", 1),
    ]


def test_searches_with_no_local_service_by_area_concern_and_age_band():
    assert analytics.no_local_searches(summaries().values()) == [
        ("Elsewhere in England", "worry or anxiety", "Under 11", 1),
        ("Leicester", "eating worries", "17 to 18", 1),
    ]


def test_filters_pick_conversations():
    items = summaries().values()
    pick = lambda **kw: sorted(c.sender_id for c in items if analytics.matches(c, analytics.Filters(**kw)))  # noqa: E731
    assert pick(outcome="no_local") == ["b-nolocal", "f-nolocal"]
    assert pick(role="Young person", age_band="13 to 14") == ["a-local"]
    assert pick(role="Young person", age_band="15 to 16") == ["d-crisis"]
    assert pick(crisis=True) == ["d-crisis"]
    assert pick(area="Hertfordshire", concern="sleep") == ["a-local"]
    assert pick(dropped_at="age") == ["c-dropped-age"]


def test_fallback_messages_are_grouped_by_similarity():
    messages = gap_messages(summaries().values())
    assert len(messages) == 4
    gaps = cluster(messages)
    assert [(gap.count, gap.conversations) for gap in gaps] == [(3, ["e-fallback", "f-nolocal"]), (1, ["e-fallback"])]
    assert gaps[0].examples == ["any youth club near me", "any youth clubs near me?", "is there a youth club near me"]
    assert gaps[1].intents == ["out_of_scope"]


def test_twenty_phrasings_of_one_question_are_one_row_and_different_questions_stay_apart():
    from bot.staff.analytics import Message

    youth = ["is there a youth club near me", "youth clubs near me?", "Any youth club near me", "where's the nearest youth club",
             "youth club near me please", "is there a youth club nearby", "are there youth clubs near me"]
    weather = ["what's the weather", "what is the weather today", "weather today?", "whats the weather like"]
    other = ["can I get free bus travel", "how do I change my GP"]
    messages = [Message(f"s{i}", T0, text, "nlu_fallback") for i, text in enumerate(youth + weather + other)]
    gaps = cluster(messages)
    assert [gap.count for gap in gaps] == [7, 4, 1, 1]


def test_csv_cells_that_could_be_formulas_are_quoted():
    assert [safe_cell(v) for v in ["=1+1", "+44", "-2", "@SUM(A1)", "fine", 3, None]] == [
        "'=1+1", "'+44", "'-2", "'@SUM(A1)", "fine", "3", "",
    ]
    assert to_csv(["a", "b"], [["=HYPERLINK(\"x\")", "ok, really"]]) == 'a,b\r\n"\'=HYPERLINK(""x"")","ok, really"\r\n'


def test_a_transcript_shows_questions_answers_as_recorded_intents_and_crisis_flags():
    chat = Chat("t").action("triage_form").ask("user_role").user("fourteen", "inform", 0.8).slot("user_role", "fourteen")
    chat.action("triage_form").bot("utter_role_not_understood", "Sorry").slot("user_role", None).ask("user_role")
    chat.user("young person", "inform", 1.0).slot("user_role", "young person").action("triage_form").slot("user_role", "young_person")
    chat.crisis("i want to die", ["suicidal"])
    steps = [(s.kind, s.text, s.intent, s.confidence, s.crisis, s.detail) for s in analytics.transcript(chat.rows)]
    assert steps == [
        ("asked", "Who is chatting", None, None, (), "user_role"),
        ("bot", "...", None, None, (), "utter_ask_user_role"),
        ("user", "fourteen", "inform", 0.8, (), None),  # the raw copy in the slot is not shown
        ("bot", "Sorry", None, None, (), "utter_role_not_understood"),
        ("asked", "Who is chatting", None, None, (), "user_role"),
        ("bot", "...", None, None, (), "utter_ask_user_role"),
        ("user", "young person", "inform", 1.0, (), None),
        ("recorded", "Young person", None, None, (), "who is chatting"),  # human labels, not slot values
        ("user", "i want to die", "express_crisis", 1.0, ("suicidal",), None),
        ("recorded", "Suicidal thoughts", None, None, (), "crisis categories"),
        ("action", "Crisis reply sent", None, None, (), None),
        ("bot", "...", None, None, (), "utter_crisis"),
        ("bot", "...", None, None, (), "utter_ask_safe_now"),
    ]


def test_a_conversation_still_going_on_is_not_counted_as_left():
    items = list(summaries().values())
    last_message = max(c.ended for c in items if c.dropped_at)
    assert analytics.drop_offs(items, now=last_message + 60) != analytics.drop_offs(items, now=last_message + 31 * 60)
    assert sum(n for *_, n in analytics.drop_offs(items, now=last_message + 31 * 60)) == 3


def test_the_transcript_shows_a_safety_check_question():
    from tests.staff_events import Chat

    chat = Chat("checked").user("can i bring my dog", "express_crisis", 0.97).action("utter_check_risk").bot("utter_check_risk")
    steps = [(s.kind, s.text) for s in analytics.transcript(chat.rows)]
    assert ("action", "Safety check question asked") in steps


def test_a_request_the_next_step_model_read_after_the_list_counts_as_a_content_gap():
    """"my nan only reads urdu": DIET read a worry, the next-step model another language; the bot
    answered the language request, so staff see it with the email, print and language gaps."""
    chat = Chat("reading").triage().search().user("my nan only reads urdu", "describe_concern")
    chat.slot("next_step_reading", "other_language").action("action_cannot_do_yet").slot("next_step_reading", None)
    chat.user("any others", "describe_concern").slot("next_step_reading", "more_options").action("action_more_services")
    (summary,) = analytics.conversations(chat.rows)
    assert [turn.intent for turn in summary.typed[-2:]] == ["request_other_language", "describe_concern"]
    assert [message.text for message in gap_messages([summary])] == ["my nan only reads urdu"]
