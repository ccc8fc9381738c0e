"""Response and action names (domain.yml) that more than one part relies on, written once.

The action server sends these replies, and the staff app reads them back out of the
transcripts to count what happened (local services found or not, not understood, crisis
replies, "Did this help?"). A name changed in domain.yml but not here would make the
overview count nothing without an error, so tests/test_responses_in_domain.py checks that
every name below is a response or an action the domain declares.

The crisis policy (bot/nlu/crisis_policy.py) keeps its own constants for the crisis steps,
because the risk layer is changed on its own; the same test checks they agree with these.
"""
from __future__ import annotations

# ---- the search (actions/services.py) --------------------------------------------------

FIND_SERVICES = "action_find_services"
MORE_SERVICES = "action_more_services"
SEARCHES: frozenset[str] = frozenset({FIND_SERVICES, MORE_SERVICES})

# What a search says first; the staff overview reads each conversation's outcome from it.
SERVICES_LOCAL = "utter_services_intro"  # local services found (also the fallback intro)
SERVICES_NATIONAL = "utter_services_national"  # no area given: national services
SERVICES_NATIONAL_ONLY = "utter_services_national_only"  # an area, but nothing local
SERVICES_OTHER_NATION = "utter_services_other_nation"  # Wales, Scotland, Northern Ireland
SERVICES_NOT_LOCAL_FOR_CONCERN = "utter_services_not_local_for_concern"  # issue #12c: nothing near for this worry
SERVICES_NONE_FOR_CONCERN = "utter_services_none_for_concern"  # issue #12c: nothing anywhere for this worry
NO_SERVICES = "utter_no_services"
SEARCH_UNAVAILABLE = "utter_services_unavailable"  # the database could not be read
NO_LOCAL_SERVICE: tuple[str, ...] = (
    SERVICES_NATIONAL_ONLY, SERVICES_NATIONAL, SERVICES_OTHER_NATION, NO_SERVICES,
    SERVICES_NOT_LOCAL_FOR_CONCERN, SERVICES_NONE_FOR_CONCERN,
)
SEARCH_OUTCOMES: tuple[str, ...] = (SERVICES_LOCAL, *NO_LOCAL_SERVICE, SEARCH_UNAVAILABLE)
# After the first reply of a search.
SERVICES_YOUNG_ADULT = "utter_services_young_adult"
SERVICE_CARD = "utter_service_card"
CRISIS_FOOTER = "utter_crisis_footer"
OFFER_MORE = "utter_offer_more"
NO_MORE_SERVICES = "utter_no_more_services"
ASK_SCHOOL_ABOUT_MHST = "utter_ask_school_about_mhst"

# ---- the questions ---------------------------------------------------------------------

ASK_USER_ROLE = "utter_ask_user_role"  # the first question: the triage has started

# ---- "I did not understand" (actions/keep_going.py) --------------------------------------

# Besides the validation's `utter_<slot>_not_understood`: the NLU fallbacks, and questions the
# bot cannot answer.
NOT_UNDERSTOOD_ACTION = "action_not_understood"  # the NLU and core fallback action
CANNOT_DO_YET = "action_cannot_do_yet"  # email, print, another language: an honest "not yet"
# The same honest "not yet" for a request answered after "No" to the check question (bot/nlu/crisis_policy.py).
REQUEST_EMAIL_REPLY = "utter_request_email"
# After a list: the same, naming the widget's "Get a link to this list" (it said only "take a screenshot").
REQUEST_EMAIL_AFTER_A_LIST = "utter_request_email_list"
REQUEST_PRINT_REPLY = "utter_request_print"
NOT_UNDERSTOOD: frozenset[str] = frozenset({
    "utter_default", "utter_not_understood", "utter_not_understood_again", "utter_out_of_scope",
})

# ---- after the list: "What would you like to do next?" -----------------------------------

TALK_TO_PERSON = "utter_talk_to_person"
START_AGAIN_ACTION = "action_start_again"
GOODBYE = "utter_goodbye"
STOP = "utter_stop"
THANKS_REPLY = "utter_thanks_reply"  # "You're welcome. Take care."
WRITTEN_IN_ANOTHER_LANGUAGE = "utter_other_language"  # a message in another language: English only, urgent lines

# ---- the crisis replies (bot/nlu/crisis_policy.py) ---------------------------------------

# The first reply for each kind of danger (signposting.risk_decision.REPLY_KIND).
CRISIS_FIRST_STEP: dict[str, str] = {
    "general": "utter_crisis",
    "eating_disorder": "utter_crisis_eating_disorder",
    "grooming_online": "utter_crisis_grooming_online",
    "exploitation": "utter_crisis_exploitation",
    "forced_marriage_fgm": "utter_crisis_forced_marriage_fgm",
    "unsafe_now": "utter_crisis_unsafe_now",
    "voices": "utter_crisis_voices",
    "parent_own": "utter_crisis_parent_own",
    "third_party": "utter_crisis_third_party",
    "abuse": "utter_crisis_abuse",
}
CRISIS_LOCAL = "utter_crisis_local"
ASK_SAFE_NOW = "utter_ask_safe_now"
ASK_SAFE_NOW_ADULT = "utter_ask_safe_now_adult"  # a parent's own crisis
ASK_SAFE_NOW_OTHER = "utter_ask_safe_now_other"  # someone else at risk
GLAD_YOU_ARE_SAFE = "utter_glad_you_are_safe"
GLAD_CHILD_IS_SAFE = "utter_glad_child_is_safe"  # a parent asked "Is your child safe right now?"
GLAD_THEY_ARE_SAFE = "utter_glad_they_are_safe"  # asked "Is the person you are worried about safe…?"
OFFER_TO_CONTINUE = "utter_offer_to_continue"
CHECK_RISK = "utter_check_risk"  # the one safety question, with 999 in it
CHECK_OK = "utter_check_ok"
# More told at a safety question ("it was his birthday present from his dad…"): thanks, 999, and
# the question again (bot/nlu/crisis_policy.py `tells_more`).
TOLD_MORE = "utter_told_more_at_safety_question"
# "what do you mean?" to the check question: why it was asked, then the question again (CrisisPolicy).
WHAT_WE_MEAN_CHECK = "utter_what_we_mean_check"
# An answer to the first questions ("I'm his mum", "hes 14", "harlow") typed to the check question
# that a first message raised: thanks, and the check again (CrisisPolicy, once).
CHECK_FIRST = "utter_check_first"
# How to help the one at risk, asked after the crisis reply about them ("what do i say to him"): who
# can advise (PAPYRUS, a trusted adult), then the safety question again or the offer (CrisisPolicy).
HELPING_SOMEONE_AT_RISK = "utter_helping_someone_at_risk"
# The replies after which the check question is asked again (CrisisPolicy), and those whose message
# is part of the answer after "No" (more told, not "what do you mean?"; actions/triage_form.py).
CHECK_ASKED_AGAIN_AFTER = frozenset({TOLD_MORE, WHAT_WE_MEAN_CHECK, CHECK_FIRST})
CHECK_ASKED_AGAIN_KEEPING_THE_MESSAGE = frozenset({TOLD_MORE})
# "what do you mean?" to "Are you safe right now?": what it means, then the question again (CrisisPolicy).
# One reply per safety question: about yourself, about your child, about someone else.
WHAT_WE_MEAN_SAFE = "utter_what_we_mean_safe"
WHAT_WE_MEAN_SAFE_CHILD = "utter_what_we_mean_safe_child"
WHAT_WE_MEAN_SAFE_OTHER = "utter_what_we_mean_safe_other"
# "what do you mean?" after "Please call 999 now": what 999 and A&E are, then that reply again
# (CrisisPolicy, once). One reply per person the danger is about, as above.
WHAT_WE_MEAN_NOT_SAFE = "utter_what_we_mean_not_safe"
WHAT_WE_MEAN_NOT_SAFE_CHILD = "utter_what_we_mean_not_safe_child"
WHAT_WE_MEAN_NOT_SAFE_OTHER = "utter_what_we_mean_not_safe_other"

# ---- "Did this help?" (actions/feedback.py, issue 14) ------------------------------------

ASK_HELPFUL = "utter_ask_helpful"
ASK_CONTACT_LATER = "utter_ask_contact_later"
ASK_CONTACTED = "utter_ask_contacted"

# ---- how the staff app reads a conversation (bot/staff/misreads.py) -----------------------

# Questions a "no" answers: after them, "no" is not a sign the bot misread the message before.
YES_NO_QUESTIONS: frozenset[str] = frozenset({
    ASK_SAFE_NOW, ASK_SAFE_NOW_ADULT, ASK_SAFE_NOW_OTHER, CHECK_RISK, OFFER_MORE, OFFER_TO_CONTINUE,
    ASK_SCHOOL_ABOUT_MHST, "utter_area_ambiguous",
})
# After these, leaving is the natural end of the conversation, not a sign of a misread.
NATURAL_ENDINGS: frozenset[str] = YES_NO_QUESTIONS | {
    "utter_goodbye", "utter_stop", "utter_thanks_reply", NO_MORE_SERVICES, GLAD_YOU_ARE_SAFE, GLAD_CHILD_IS_SAFE, GLAD_THEY_ARE_SAFE,
    "utter_start_again",
}
