"""Words staff read instead of the bot's internal names (intents, responses, slots, crisis
categories, age bands). Every name falls back to a readable form, so a response added to
domain.yml later never shows as `utter_...` on a staff page."""
from __future__ import annotations

from signposting.responses import CRISIS_FIRST_STEP
from signposting.risk_decision import REPLY_KIND

NOT_GIVEN = "Not given"

INTENTS = {
    "greet": "Hello", "goodbye": "Goodbye", "thanks": "Thanks", "affirm": "Yes", "deny": "No",
    "dont_know": "Don't know", "inform": "An answer to the question", "describe_concern": "Said what's going on",
    "seek_help": "Asked for help", "start_again": "Start again", "talk_to_a_person": "Wants a person",
    "ask_bot_identity": "Asked if this is a bot", "ask_privacy": "Asked about privacy", "ask_service_info": "Asked about cost, hours, ages or waiting", "stop": "Stop", "change_answer": "Change an answer",
    "more_options": "More options", "confirm_safe": "Said they are safe", "not_safe": "Said they are not safe",
    "express_crisis": "Crisis", "ask_clinical_advice": "Asked for medical advice", "out_of_scope": "Not something we cover",
    "nlu_fallback": "Not understood",
}
RESPONSES = {
    "utter_greet": "Welcome", "utter_urgent_help": "Urgent help lines", "utter_ask_user_role": "Asked who is chatting",
    "utter_ask_age": "Asked their age", "utter_ask_school": "Asked their school", "utter_ask_area": "Asked where they live",
    "utter_ask_concern": "Asked what's going on", "utter_services_intro": "Local services found",
    "utter_services_national": "National services", "utter_services_other_nation": "Services for their nation",
    "utter_services_young_adult": "Young adult services", "utter_services_national_only": "No local service: national ones",
    "utter_service_card": "A service", "utter_crisis_footer": "Urgent help reminder", "utter_offer_more": "Offered more services",
    "utter_no_more_services": "No more services", "utter_no_services": "No services found",
    "utter_services_unavailable": "Search unavailable", "utter_crisis": "Crisis reply", "utter_crisis_local": "Local crisis line",
    "utter_ask_safe_now": "Asked if they are safe now", "utter_check_risk": "Safety check question",
    "utter_check_ok": "Safety check: they are OK", "utter_privacy": "Privacy answer", "utter_service_info": "Cost, hours and ages answer", "utter_told_more_at_safety_question": "More told at the safety question", "utter_what_we_mean_check": "Safety check explained", "utter_check_first": "Safety check asked again before the questions", "utter_what_we_mean_safe": "Safety question explained", "utter_what_we_mean_safe_child": "Safety question explained (child)", "utter_what_we_mean_safe_other": "Safety question explained (someone else)", "utter_age_noted_ask_role": "Age typed for who is chatting: kept, role asked again", "utter_place_noted_ask_role": "Place typed for who is chatting: kept, role asked again", "utter_what_we_mean_not_safe": "999 reply explained", "utter_what_we_mean_not_safe_child": "999 reply explained (child)", "utter_what_we_mean_not_safe_other": "999 reply explained (someone else)", "utter_default": "Did not understand", "utter_out_of_scope": "Not something we cover",
    "utter_other_language": "Other language", "utter_interpreter_line": "Interpreter line",
    "action_find_services": "Searched for services", "action_more_services": "Searched for more services",
    "utter_about_the_service": "A service asked about by name", "utter_nothing_nearer": "Asked for somewhere nearer",
    "utter_taken_something": "Safe after an overdose: call 999", "utter_taken_something_child": "Safe after an overdose: call 999",
    "utter_taken_something_adult": "Safe after an overdose: call 999", "utter_help_is_coming": "Help on its way",
    "utter_help_is_coming_child": "Help on its way", "utter_help_is_coming_other": "Help on its way", "utter_glad_child_is_safe": "Their child is safe now",
    "utter_glad_they_are_safe": "The person they worry about is safe now",
    "utter_not_safe_now_other": "Not safe now (someone else): call 999",
    "utter_taken_something_other": "Safe after an overdose: call 999",
    "utter_list_on_my_own": "List answer: contact them yourself", "utter_list_on_my_own_childline": "List answer: Childline is confidential",
    "utter_taken_first": "Overdose taken: call 999 in the first reply", "utter_taken_first_child": "Overdose taken: call 999 in the first reply",
    "utter_taken_first_other": "Overdose taken: call 999 in the first reply",
}
SLOTS = {
    "user_role": "who is chatting", "age": "age", "age_min": "age", "school": "school", "area": "place",
    "area_code": "area", "concern": "concern", "crisis_categories": "crisis categories", "services_shown": "services shown",
    "crisis_kind": "kind of crisis reply", "user_language": "language",
}
CRISIS_CATEGORIES = {
    "suicidal": "Suicidal thoughts", "self_harm": "Self-harm", "danger_overdose": "Overdose danger",
    "overdose": "Overdose", "abuse": "Abuse", "sexual_abuse": "Sexual abuse", "physical_abuse": "Physical abuse",
    "grooming_online": "Online grooming", "exploitation": "Exploitation", "forced_marriage_fgm": "Forced marriage or FGM",
    "eating_disorder_danger": "Eating disorder danger", "unsafe_home": "Unsafe at home", "unsafe_now": "Unsafe now",
    "psychosis_harm": "Voices or harm to others", "parent_own_crisis": "Parent's own crisis",
    "distress": "Despair in a few words (check question)",
    "multilingual": "Crisis words in another language", "classifier": "Risk model", "lexicon": "Risk words",
    "risk_model": "Risk model", "model": "Risk model", "context": "Earlier distress in the conversation",
}
CRISIS_KINDS = {
    "general": "Crisis reply", "eating_disorder": "Crisis reply: eating disorder", "grooming_online": "Crisis reply: online grooming",
    "exploitation": "Crisis reply: exploitation", "forced_marriage_fgm": "Crisis reply: forced marriage or FGM",
    "unsafe_now": "Crisis reply: unsafe now", "voices": "Crisis reply: voices", "parent_own": "Crisis reply: parent's own crisis",
    "third_party": "Crisis reply: someone else at risk", "abuse": "Crisis reply: abuse",
}
# The first crisis reply of each kind (signposting/responses.py), as staff read it.
CRISIS_REPLIES = {CRISIS_FIRST_STEP[kind]: label for kind, label in CRISIS_KINDS.items()}
RESPONSES.update(CRISIS_REPLIES)


def readable(name: str) -> str:
    """'utter_ask_safe_now_adult' → 'Ask safe now adult': for names no table knows yet."""
    for prefix in ("utter_", "action_"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "Unknown"


def intent_label(name: str | None) -> str:
    return INTENTS.get(name or "", readable(name or "unknown"))


def response_label(name: str | None) -> str:
    return RESPONSES.get(name or "", readable(name or "reply"))


def slot_label(name: str | None) -> str:
    return SLOTS.get(name or "", readable(name or "answer").lower())


def category_label(name: str) -> str:
    return CRISIS_CATEGORIES.get(name, readable(name))


def known_crisis_categories() -> set[str]:
    return set(REPLY_KIND)


def age_band(age_min: float | None) -> str:
    """The band of the chat's age buttons (domain.yml utter_ask_age) an age falls in."""
    if age_min is None:
        return NOT_GIVEN
    for upper, band in ((11, "Under 11"), (13, "11 to 12"), (15, "13 to 14"), (17, "15 to 16"), (19, "17 to 18")):
        if age_min < upper:
            return band
    return "19 to 25"
