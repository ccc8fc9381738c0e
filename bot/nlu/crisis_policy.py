"""CrisisPolicy: answers risk at any turn, before anything else (forms included).

Rasa's RulePolicy lets an active form run first and only applies interruption rules
when the form rejects the message, and the form's validation needs the action server.
A crisis reply must not depend on either, so this small deterministic policy takes
priority over RulePolicy (configure a higher `priority`) and drives the crisis steps.
What the message means is decided in the NLU (`risk` in the parse data, see
`signposting/risk_decision.py`); this policy adds the conversation's context and picks the
reply for the kind of danger:

    risk level crisis, or a goodbye after earlier distress in this conversation
        → the reply for the kind (utter_crisis, or utter_crisis_<kind>: eating disorder,
          grooming and online abuse, exploitation, forced marriage and FGM, unsafe tonight,
          voices, a parent's own crisis, a report about someone else)
        → utter_crisis_local (the area's 24/7 line, from the deployment file) → utter_interpreter_line (another
          language only) → the "are you safe?" question for that kind → listen
    after the "are you safe?" question:
        confirm_safe / affirm       → utter_glad_you_are_safe → (the form resumes, or
                                      utter_offer_to_continue → listen)
        not_safe / deny / crisis    → utter_not_safe_now → listen
    risk level check (no escalation yet in this conversation)
        → utter_check_risk (with 999) → listen
    a plain yes ("go on then") to the offer to find support, or a plain answer to the form's
    question ("15 next month", "I'm his nan, he's 10"), that only the risk model scores at
    check level (no risk words) → triage_form: it answers the question just asked
    after the check: yes / not safe / crisis → the crisis reply; no → utter_check_ok
        (the always-open lines stay on screen) → the form resumes; for the first message the
        user typed, the questions start (they keep its worry); otherwise offer → listen
    a message in another language with no risk, or only enough for the check question (which
    is in English) → utter_other_language (urgent numbers) → utter_interpreter_line → listen

An answer inside a crisis message ("I'm 14 and I want to die", at the age question) is
recorded with the first crisis step, by the same pure parsers the form uses.

Every step is a response template rendered by the Rasa server itself.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.deterministic_policy import DeterministicPolicy
from services_db.area_answer import is_plain_area_answer
from services_db.school_answer import is_plain_school_answer
from signposting.after_crisis import (
    asks_about_a_line,
    asks_how_to_help_them,
    cannot_use_the_phone,
    help_is_delayed,
    help_sought_plainly,
    means_it,
    nods_only,
    refuses_to_call,
    says_they_cant_go_on,
    someone_takes_them_to_hospital,
    tells_it_is_now_or_done,
    tells_of_someone_else,
    tells_what_they_meant,
    who_is_speaking_at_the_safety_question,
)
from signposting.change_request import corrects_an_answer, parse_change_target
from signposting.concern_reading import messages_typed
from signposting.danger_denied import denies_danger
from signposting.intent_evidence import (
    LANGUAGE_NAMES,
    REPLACED_BY_WORDS_KEY,
    SET_ASIDE_KEY,
    asks_of_themselves_rather_than_leaves,
    intent_as_guessed,
    wishes_someone_else_to_stop,
    without_accents,
)
from signposting.intents import CRISIS_INTENT, NAME_ANSWER_MAX_WORDS, QUESTION_REPLIES
from signposting.languages import language_named
from signposting.next_step_reading import request_read_after_the_check
from signposting.next_step_request import (
    ASK_PRIVACY,
    REQUEST_EMAIL,
    REQUEST_OTHER_LANGUAGE,
    REQUEST_PRINT,
    START_AGAIN,
    TALK_TO_A_PERSON,
    THANKS,
    closing_in_so_many_words,
    closing_reply,
    is_next_step_request,
    request_in_so_many_words,
    thanks_only,
)
from signposting.parsing import (
    FAMILY_WORDS,
    WORKER_WORDS,
    answer_to_are_you_safe,
    asks_about_emergency_help,
    asks_if_anyone_is_there,
    asks_to_keep_the_chat,
    asks_what_we_mean,
    asks_whether_to_tell,
    asks_why_we_ask,
    declines_with_a_plain_reason,
    doubts_the_worry,
    ends_it,
    is_declined,
    parent_speaking,
    parse_age,
    parse_age_mention,
    parse_concern,
    parse_role,
    parse_role_typed,
    parse_yes_no,
    plays_it_down,
    plays_the_worry_down,
    role_answer,
    role_said_of_oneself,
    safe_beside_leaving_words,
    says_goodbye,
    says_just_asking,
    says_not_in_danger,
    says_they_work_with_children,
    says_who_sent_them,
    sounds_safe,
    states_safe_in_own_words,
    states_safe_now,
    takes_a_pause,
    tells_help_is_coming,
    tells_where_they_are_with_someone,
    waves_it_away,
)
from signposting.plain_answer import QUESTIONS as PLAIN_ANSWER_QUESTIONS
from signposting.plain_answer import (
    from_the_model_alone,
    is_plain_answer,
    is_plain_answer_from_anyone,
    lowers_the_crisis_to_the_check,
    waives_the_check,
    waives_the_check_for_a_role_told_first,
)
from signposting.questions import asks_a_question
from signposting.responses import (
    CHECK_ASKED_AGAIN_AFTER,
    CHECK_FIRST,
    CRISIS_FIRST_STEP,
    HELPING_SOMEONE_AT_RISK,
    MORE_SERVICES,
    REQUEST_EMAIL_AFTER_A_LIST,
    REQUEST_EMAIL_REPLY,
    REQUEST_PRINT_REPLY,
    START_AGAIN_ACTION,
    TALK_TO_PERSON,
    THANKS_REPLY,
    TOLD_MORE,
    WHAT_WE_MEAN_CHECK,
    WHAT_WE_MEAN_NOT_SAFE,
    WHAT_WE_MEAN_NOT_SAFE_CHILD,
    WHAT_WE_MEAN_NOT_SAFE_OTHER,
    WHAT_WE_MEAN_SAFE,
    WHAT_WE_MEAN_SAFE_CHILD,
    WHAT_WE_MEAN_SAFE_OTHER,
)
from signposting.responses import GOODBYE as GOODBYE_REPLY
from signposting.risk_decision import (
    CHECK,
    CRISIS,
    KEPT_FOR_PROFESSIONALS,
    NONE,
    REPLY_KIND,
    model_kind_fits,
    names_a_substance,
    reply_kind,
    tells_an_amount_taken,
    tells_of_harm_to_the_speaker,
    third_party_report,
    took_something_already,
)
from signposting.settings import settings
from signposting.text import normalise
from signposting.vocabulary import OTHER_CONCERN

CRISIS_SLOT = "crisis_categories"
OVERDOSE_TAKEN = "danger_overdose"  # the lexicon's category for an overdose
KIND_SLOT = "crisis_kind"
ABOUT_ANOTHER_SLOT = "crisis_about_another"  # a professional told of someone else's harm (KEPT_FOR_PROFESSIONALS)
LANGUAGE_SLOT = "user_language"
OWN_WORDS_SLOT = "safe_in_own_words"
NOWHERE_SAFE_KIND = REPLY_KIND["unsafe_home"]  # the crisis reply's kind (crisis_kind) for nowhere safe
OWN_WORDS_NOWHERE_SAFE = "nowhere_safe"  # its safe_in_own_words value
# issue #16: the deployment's local urgent line(s) for this user, which utter_crisis_local
# interpolates. Set here, in the Rasa server, from the deployment file read once at start
# (DEPLOYMENT): no action server, no database, no retraining to switch deployment.
LOCAL_LINES_SLOT = "local_crisis_lines"
PARENT = "parent_carer"
PROFESSIONAL = "professional"
SAFE_INTENTS = {"confirm_safe", "affirm"}
NOT_SAFE_INTENTS = {"not_safe", "deny", CRISIS_INTENT}
UNSURE_INTENTS = {"nlu_fallback", "dont_know"}
# When DIET reads an answer as not safe, the cautious reading wins over a plain safe statement.
DISAGREES_SAFE = {"not_safe", "deny"}
SAFE_WORDS = re.compile(r"\b(?:safe|ok|okay|fine|alright|all right)\b")
# A plain "im ok, my nan is here" is safe unless the risk model is this sure of danger.
PLAINLY_SAFE_MAX_SCORE = 0.9

UTTER_CRISIS = "utter_crisis"
UTTER_CRISIS_LOCAL = "utter_crisis_local"
UTTER_INTERPRETER = "utter_interpreter_line"
UTTER_ASK_SAFE = "utter_ask_safe_now"
UTTER_ASK_SAFE_SELF = "utter_ask_safe_now_adult"
UTTER_ASK_SAFE_OTHER = "utter_ask_safe_now_other"
UTTER_SAFE = "utter_glad_you_are_safe"
UTTER_SAFE_CHILD = "utter_glad_child_is_safe"  # "I'm glad your child is safe": a parent was asked about their child
UTTER_NOT_SAFE = "utter_not_safe_now"
UTTER_NOT_SAFE_PARENT = "utter_not_safe_now_parent"
UTTER_NOT_SAFE_ADULT = "utter_not_safe_now_adult"
# "Is the person you are worried about safe right now?" (a friend, a pupil): about them, not the user.
UTTER_NOT_SAFE_OTHER = "utter_not_safe_now_other"
UTTER_SAFE_OTHER = "utter_glad_they_are_safe"
UTTER_TAKEN_OTHER = "utter_taken_something_other"
# Said safe after telling of an overdose already taken ("i took a load of pills an hour ago",
# then "yeah im fine now"): call 999 now even so, for the question asked (a user trial, session 19).
UTTER_TAKEN_YOUNG = "utter_taken_something"
# After "Please call 999 now": "ok ambulance is coming" (it got "Sorry, I can't help with that").
UTTER_HELP_COMING = "utter_help_is_coming"
UTTER_HELP_COMING_CHILD = "utter_help_is_coming_child"
# "the ambulance is coming" after a mum's overdose got "Stay with someone you trust" (a phone trial, session 42)
UTTER_HELP_COMING_OTHER = "utter_help_is_coming_other"
HELP_COMING_ACTIONS = frozenset({UTTER_HELP_COMING, UTTER_HELP_COMING_CHILD, UTTER_HELP_COMING_OTHER})
UTTER_TAKEN_CHILD = "utter_taken_something_child"
UTTER_TAKEN_ADULT = "utter_taken_something_adult"
# Emergency help called but slow to come, for whom (the not-safe reply's three kinds).
UTTER_HELP_DELAYED = "utter_help_is_delayed"
UTTER_HELP_DELAYED_CHILD = "utter_help_is_delayed_child"
UTTER_HELP_DELAYED_OTHER = "utter_help_is_delayed_other"
HELP_DELAYED_ACTIONS = {UTTER_HELP_DELAYED, UTTER_HELP_DELAYED_CHILD, UTTER_HELP_DELAYED_OTHER}
# Ways to get help without a phone call; the safety question follows.
UTTER_OTHER_WAYS = "utter_other_ways_to_get_help"
UTTER_OFFER = "utter_offer_to_continue"
UTTER_CHECK = "utter_check_risk"
UTTER_CHECK_OK = "utter_check_ok"
UTTER_OTHER_LANGUAGE = "utter_other_language"
TRIAGE_FORM = "triage_form"
UTTER_URGENT_HELP = "utter_urgent_help"
# The form's questions, asked again by the action server's ask actions (actions/keep_going.py).
ASK_AGAIN = {slot: f"action_ask_{slot}" for slot in ("user_role", "age", "school", "area", "concern")}
# The first crisis step for each kind of danger (one home: signposting/responses.py).
FIRST_STEP = CRISIS_FIRST_STEP
ASK_SAFE = {"parent_own": UTTER_ASK_SAFE_SELF, "third_party": UTTER_ASK_SAFE_OTHER}
ASK_SAFE_ACTIONS = {UTTER_ASK_SAFE, UTTER_ASK_SAFE_SELF, UTTER_ASK_SAFE_OTHER}
TAKEN_ACTIONS = {UTTER_TAKEN_YOUNG, UTTER_TAKEN_CHILD, UTTER_TAKEN_ADULT, UTTER_TAKEN_OTHER}
# An overdose already taken: the call "even if you feel OK" in the first reply, before the safety question
UTTER_TAKEN_FIRST = "utter_taken_first"
UTTER_TAKEN_FIRST_CHILD = "utter_taken_first_child"
UTTER_TAKEN_FIRST_OTHER = "utter_taken_first_other"
TAKEN_FIRST_ACTIONS = (UTTER_TAKEN_FIRST, UTTER_TAKEN_FIRST_CHILD, UTTER_TAKEN_FIRST_OTHER)
NOT_SAFE_ACTIONS = {
    UTTER_NOT_SAFE, UTTER_NOT_SAFE_PARENT, UTTER_NOT_SAFE_ADULT, UTTER_NOT_SAFE_OTHER, *TAKEN_ACTIONS, *HELP_DELAYED_ACTIONS,
}
# For whom each not-safe step spoke: someone else (a friend, a pupil), or a parent's child. One home,
# so that what follows one of them ("what do you mean", "the ambulance is here", "theyre ok now")
# speaks of the same person.
NOT_SAFE_ABOUT_ANOTHER = frozenset({UTTER_NOT_SAFE_OTHER, UTTER_TAKEN_OTHER, UTTER_HELP_DELAYED_OTHER})
NOT_SAFE_ABOUT_A_CHILD = frozenset({UTTER_NOT_SAFE_PARENT, UTTER_TAKEN_CHILD, UTTER_HELP_DELAYED_CHILD})
AT_RISK_ANSWERS = {"affirm", "not_safe", CRISIS_INTENT}
NO_RISK_ANSWERS = {"deny", "confirm_safe"}
# Doubting that going is needed: "do i really need to go", "is it that bad", "cant i just sleep it off"
_DOUBTS_GOING = re.compile(
    r"\b(?:do|should|must|have|need)(?: i| we| he| she)?(?: really| actually)? (?:need|have|got) to (?:go|call|ring|phone)\b|"
    r"\b(?:really|honestly|actually) (?:need|have) to (?:go|call)\b|\bis it (?:really )?(?:that )?(?:bad|serious|necessary|needed)\b|"
    r"\b(?:will|would) (?:i|he|she) be (?:ok|okay|fine|alright)\b|\b(?:cant|can t|could|can) (?:i|we|he|she) (?:just )?(?:sleep it off|wait|stay)\b|"
    r"\bwhat (?:will|would) (?:they|happen)\b|\bdo i (?:really )?have to\b"
)


# Words beside the doubt or refusal that add nothing ("do i really need to go tho", "i dont want to go to a&e lol")
DOUBT_ALONE_MAX_OTHER_WORDS = 3


def doubts_going_or_refuses(text: str) -> bool:
    """After the overdose reply: doubting that going is needed, or refusing to go or to call, and
    little else. "i cant go to hospital my dad would kill me", "im not going to hospital, ill just
    take more" tell more, which their own replies answer (the third review, session 49)."""
    if refuses_to_call(text):
        return True
    clean = normalise(text.replace("&", " and "))
    found = _DOUBTS_GOING.search(clean) or _WONT_GO.search(clean)
    if not found:
        return False
    rest = (clean[: found.start()] + " " + clean[found.end():]).split()
    return len(rest) <= DOUBT_ALONE_MAX_OTHER_WORDS


# Not going to A&E or hospital ("i dont want to go to a&e", "im not going to hospital")
_WONT_GO = re.compile(
    r"\b(?:dont|don t|do not|wont|won t|will not|not|never|cant|can t|cannot|refuse to)(?: \w+)? (?:want to |wanna |going to |gonna |go )?"
    r"(?:go|going|goin) (?:to )?(?:a and e|a e|a n e|ae|hospital|the hospital|there|in an ambulance)\b"
)
# The safety question's button typed as the answer to the check: a yes first. Only so: "yeah im ok"
# answers the check's "I want to check you're OK" (the review, session 49)
_YES_SAFE_RIGHT_NOW = re.compile(r"(?:yes+|yeah+|yea|yep|yup|ye|yh|ya) safe right now")
_OPENS_WITH_NO = re.compile(r"^(?:no+|nah+|nope|naw)\b")


def says_no_and_safe(text: str, about_someone_else: bool = False) -> bool:
    """"no im safe", "nah im fine" (a parent's "no hes safe"): a no, and the rest safe in
    `states_safe_now`'s closed list."""
    clean = normalise(text)
    opening = _OPENS_WITH_NO.match(clean)
    return opening is not None and states_safe_now(clean[opening.end():].strip(), about_someone_else)


CRISIS_ACTIONS = (
    *FIRST_STEP.values(), UTTER_CRISIS_LOCAL, UTTER_INTERPRETER, *TAKEN_FIRST_ACTIONS, *ASK_SAFE_ACTIONS, UTTER_SAFE, UTTER_SAFE_CHILD, UTTER_NOT_SAFE,
    UTTER_NOT_SAFE_PARENT, UTTER_NOT_SAFE_ADULT, UTTER_NOT_SAFE_OTHER, UTTER_SAFE_OTHER, *TAKEN_ACTIONS, UTTER_OFFER,
    UTTER_CHECK, UTTER_CHECK_OK, UTTER_OTHER_LANGUAGE, *HELP_COMING_ACTIONS, *HELP_DELAYED_ACTIONS,
    UTTER_OTHER_WAYS, HELPING_SOMEONE_AT_RISK,
)


def safety_question(tracker: DialogueStateTracker) -> str:
    """The safety question after the crisis reply: about the speaker, a parent's own, or someone
    else's. A professional told of grooming, exploitation or forced marriage gets the reply that keeps
    their numbers (KEPT_FOR_PROFESSIONALS) and the question about the young person: a coach was asked
    "Are you safe right now?" about a player made to sell drugs (a user trial, session 47)."""
    kind = tracker.get_slot(KIND_SLOT) or ""
    if kind in KEPT_FOR_PROFESSIONALS and tracker.get_slot(ABOUT_ANOTHER_SLOT):
        return UTTER_ASK_SAFE_OTHER
    return ASK_SAFE.get(kind, UTTER_ASK_SAFE)


def taken_first_or_the_safety_question(tracker: DialogueStateTracker) -> str:
    """After the crisis lines: for an overdose already taken, call 999 "even if you feel OK" first
    (for whom the safety question is: the speaker, a parent's child, or someone else); then, or
    otherwise, the safety question."""
    told = crisis_message(tracker)
    question = safety_question(tracker)
    if not took_something_already(tracker.get_slot(CRISIS_SLOT) or [], told):
        return question
    if question == UTTER_ASK_SAFE_OTHER:
        return UTTER_TAKEN_FIRST_OTHER
    if question == UTTER_ASK_SAFE and tracker.get_slot("user_role") == PARENT:
        return UTTER_TAKEN_FIRST_CHILD
    if tells_of_someone_else(told, False) or third_party_report(told):
        # "she took like 20 pills" from a friend typing on her phone, "my friend took 20 pills and shes
        # not answering": "If they have taken too much" (session 49's trial and review), not "If you have"
        return UTTER_TAKEN_FIRST_OTHER
    return UTTER_TAKEN_FIRST


def last_bot_action_before_user(tracker: DialogueStateTracker) -> str | None:
    """The last action the bot ran before the latest user message."""
    seen_user = False
    for event in reversed(tracker.applied_events()):
        if isinstance(event, UserUttered):
            if seen_user:
                return None
            seen_user = True
        elif seen_user and isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            return event.action_name
    return None


def latest_risk(tracker: DialogueStateTracker) -> dict[str, Any]:
    parse_data = tracker.latest_message.parse_data if tracker.latest_message else {}
    return dict(parse_data.get("risk") or {})


def crisis_categories(tracker: DialogueStateTracker) -> list[str]:
    """What fired: the risk layer's categories, or the source that decided. A number taken after
    pills were named is an overdose taken: "yeah im fine" after it gets "call 999 now, even if you
    feel OK" (`safe_reply`), not "I'm glad you're safe"."""
    risk = latest_risk(tracker)
    if not risk.get("categories") and amount_taken_after_a_substance(tracker):
        return [OVERDOSE_TAKEN]
    return list(risk.get("categories") or []) or [risk.get("source") or "classifier"]


def earlier_distress(tracker: DialogueStateTracker, before: UserUttered | None = None) -> bool:
    """Did a message before `before` (default: the latest) show distress, or the conversation get a crisis reply?"""
    if tracker.get_slot(CRISIS_SLOT):
        return True
    user_messages = [event for event in tracker.applied_events() if isinstance(event, UserUttered)]
    earlier = user_messages[:-1] if before is None else user_messages[: next(
        (i for i, event in enumerate(user_messages) if event is before), len(user_messages))]
    return any((event.parse_data.get("risk") or {}).get("distress") for event in earlier)


# After a crisis nobody has yet said they are safe from, the next messages the risk model scores
# at least this high get escalated (chosen on the development conversations of author G2, not
# on the held-out author G: docs/safety.md). "bye x", "sorry", "its fine, no one will know".
AFTER_CRISIS_CHECK = 0.05
# How many messages after the crisis message: two kept all of G2's catches (one lost 16 of 29),
# and after that someone who has not tapped "I'm safe" can carry on without a crisis reply to
# every typed answer (a friend's crisis told in passing, a false alarm).
AFTER_CRISIS_MESSAGES = 2
# Said safe since: the crisis steps' "I'm glad you're safe" and the check question's "No".
SETTLED = {UTTER_SAFE, UTTER_SAFE_CHILD, UTTER_SAFE_OTHER, UTTER_CHECK_OK}


def _is_crisis_message(event: UserUttered) -> bool:
    risk = event.parse_data.get("risk") or {}
    intent = (event.intent or {}).get("name")
    return risk.get("level") == CRISIS or (not risk and intent == CRISIS_INTENT)  # a typed crisis, or the button


def crisis_not_settled(tracker: DialogueStateTracker) -> bool:
    """Was one of the last two messages before this one at crisis level, with no "I'm safe" since?
    (The crisis replies this rule adds do not open a new window: only the user's messages do.)"""
    events = tracker.applied_events()
    latest = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), len(events))
    messages_since: int | None = None
    aside_counted = False
    said: UserUttered | None = None
    asked: str | None = None  # the bot's last action
    before_it: str | None = None  # ...before the latest message
    for event in events[:latest]:
        if isinstance(event, UserUttered):
            messages_since = 0 if _is_crisis_message(event) else (None if messages_since is None else messages_since + 1)
            aside_counted = False
            said, before_it = event, asked
        elif isinstance(event, ActionExecuted) and event.action_name not in (None, ACTION_LISTEN_NAME):
            asked = event.action_name
        if isinstance(event, ActionExecuted) and event.action_name in SETTLED:
            messages_since = None
        elif isinstance(event, ActionExecuted) and event.action_name in FIRST_STEP.values() and messages_since \
                and _only_said_who_is_speaking(said, before_it):
            # "no its my daughter": the crisis reply again, for who is speaking, uses none of the
            # window (the third review, session 48: "i dont want to call 999" after it got "What would
            # you like to change?")
            messages_since -= 1
        elif isinstance(event, ActionExecuted) and event.action_name in ASKS_AGAIN_AFTER and messages_since and not aside_counted:
            # "who is this" answered at "Are you safe right now?", or more told about something harmless
            # and the question asked again, does not use up the window (a review, session 24)
            messages_since -= 1
            aside_counted = True
    return messages_since is not None and messages_since < AFTER_CRISIS_MESSAGES


def answers_a_safety_question(tracker: DialogueStateTracker) -> bool:
    """The answer to "Are you safe right now?" or to the check question that the crisis steps
    read themselves (a yes, a no, "I'm safe", "not safe"). Only right after those questions."""
    intent = intent_as_guessed(tracker.latest_message.parse_data) if tracker.latest_message else None
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    before = last_bot_action_before_user(tracker)
    if before in ASK_SAFE_ACTIONS:
        return intent in SAFE_INTENTS | NOT_SAFE_INTENTS or parse_yes_no(text) is not None
    if before == UTTER_CHECK:
        return intent in NO_RISK_ANSWERS | AT_RISK_ANSWERS
    return False


def risk_level(tracker: DialogueStateTracker) -> str:
    """crisis | check | none for the latest message, with the conversation's context."""
    risk = latest_risk(tracker)
    level = str(risk.get("level") or "none")
    intent = intent_as_guessed(tracker.latest_message.parse_data) if tracker.latest_message else None
    if level not in (CRISIS, CHECK) and intent == CRISIS_INTENT:
        # No decision recorded: an intent payload ("/express_crisis") or a test story. Only an
        # explicit "the classifier alone" record asks first; anything else gets the crisis reply.
        level = CHECK if risk.get("source") == "classifier" and not risk.get("categories") else CRISIS
    if level != CRISIS and risk.get("finality") and earlier_distress(tracker):
        return CRISIS
    if level != CRISIS and amount_taken_after_a_substance(tracker):
        return CRISIS
    if level != CRISIS and crisis_not_settled(tracker) and leaves_or_plays_it_down(tracker):
        return CRISIS
    if level != CRISIS and crisis_not_settled(tracker) and tracker.latest_message and (
        asks_whether_to_tell(tracker.latest_message.text or "") or asks_to_keep_the_chat(tracker.latest_message.text or "")
    ):
        return CRISIS  # "should i tell someone", "can i save this conversation somehow" (signposting.parsing)
    if (
        level == NONE and after_crisis_score(risk) >= AFTER_CRISIS_CHECK
        and crisis_not_settled(tracker) and not answers_a_safety_question(tracker)
    ):
        return CHECK
    return level


# How far back a pill or a medicine named makes a number taken an overdose told.
SUBSTANCE_MESSAGES_BACK = 3


def amount_taken_after_a_substance(tracker: DialogueStateTracker) -> bool:
    """More than a dose taken, told just after pills or a medicine were named ("how many paracetamol
    is too many", then "ive had 14 since lunch"): an overdose taken."""
    message = tracker.latest_message
    return bool(message) and tells_an_amount_taken(message.text or "") and substance_named_just_before(tracker)


def substance_named_just_before(tracker: DialogueStateTracker) -> bool:
    """Did one of the last few messages before the latest name pills, a medicine or a drug? "ive had
    14 since lunch" after "how many paracetamol is too many" got the greeting (development
    conversations G14, session 40): alone it names nothing taken."""
    user_messages = [event for event in tracker.applied_events() if isinstance(event, UserUttered)]
    return any(names_a_substance(event.text or "") for event in user_messages[:-1][-SUBSTANCE_MESSAGES_BACK:])


def leaves_or_plays_it_down(tracker: DialogueStateTracker) -> bool:
    """A goodbye ("bye x", "see ya never"), or playing it down ("its fine, no one will know"),
    with no plain "I'm safe": after a crisis reply, it is no answer (development conversations G2:
    "bye x" after "everything's ready" got "Bye for now. Take care")."""
    if not tracker.latest_message or says_safe_plainly(tracker):
        return False
    text = tracker.latest_message.text or ""
    if tells_help_is_coming(text) or safe_beside_leaving_words(text):
        return False  # "ok i will call 999 now bye", "dont worry im safe" (review, session 21)
    # A thank-you closes as a goodbye does: "thank you for the numbers" got "You're welcome. Take
    # care." after "Please call 999 now", and whether DIET reads a closing as "thanks" or "goodbye"
    # differs from one training run to the next (G3 in context, session 30). So both, and a
    # thank-you only in so many words whatever DIET reads.
    # "no thanks", "nah im good thanks" (DIET: thanks) are a no: never a thank-you that leaves (the review, session 31)
    thanks = (_final_intent(tracker) == "thanks" or thanks_only(text)) and parse_yes_no(text) != "no"
    return leaves(tracker) or thanks or plays_it_down(text)


def leaves(tracker: DialogueStateTracker) -> bool:
    """A goodbye typed to the check question ("bye x"): not a no."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    set_aside = (tracker.latest_message.parse_data.get(SET_ASIDE_KEY) or {}) if tracker.latest_message else {}
    asked_instead = set_aside.get("name") == "goodbye" and asks_of_themselves_rather_than_leaves(text)  # "will i be alright?"
    return _final_intent(tracker) == "goodbye" or asked_instead or says_goodbye(text)


def after_crisis_score(risk: dict) -> float:
    """The score AFTER_CRISIS_CHECK was chosen on: the long-message model's, when the everyday
    model scored the message (its scale is lower); the higher of the two, to be safe."""
    return max(float(risk.get("score") or 0.0), float(risk.get("whole_score") or 0.0))


def is_parent(tracker: DialogueStateTracker) -> bool:
    if tracker.get_slot("user_role") == PARENT:
        return True
    entities = tracker.latest_message.entities if tracker.latest_message else []
    return any(entity.get("entity") == "role_hint" and entity.get("value") == PARENT for entity in entities)


def crisis_kind(tracker: DialogueStateTracker) -> str:
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    risk = latest_risk(tracker)
    model_category = str(risk.get("model_category") or "")
    # The model's own decision records its guess as the category: it counts only when it fits too
    # ("Their dad passed away in the summer", the model alone, got the exploitation reply although
    # `model_kind_fits` said no: a phone trial, session 33).
    categories = [c for c in risk.get("categories") or [] if not (risk.get("source") == "model" and c == model_category)]
    lexicon = list(risk.get("categories") or []) if risk.get("source") == "lexicon" else []
    if model_category and risk.get("source") in ("model", "lexicon") and model_kind_fits(model_category, text, lexicon):
        categories.append(model_category)
    role = tracker.get_slot("user_role")
    return reply_kind(
        categories, parent=is_parent(tracker), text=text, young_person=role == "young_person",
        professional=speaks_as_a_professional(tracker, text),
    )


def speaks_as_a_professional(tracker: DialogueStateTracker, text: str) -> bool:
    """Chose "I'm a professional", or says they work with young people, not yet asked who is chatting."""
    role = tracker.get_slot("user_role")
    # "im a PCSO in Harlow, found a 14yo girl on the bridge" as a first message: the role is said, not set yet
    # ...or said as who they are, never in an answer to a crisis question ("a teacher" to "…or is
    # someone hurting you?" names who hurts them)
    said_as_a_worker = speaker_said(text) == PROFESSIONAL and last_bot_action_before_user(tracker) not in CRISIS_QUESTIONS
    return role == PROFESSIONAL or (role is None and (says_they_work_with_children(text) or said_as_a_worker))


def speaker_said_in_the_message(tracker: DialogueStateTracker) -> list[Event]:
    """Who is chatting, when the message that raised a crisis step says it of the speaker ("Im his
    nan, hes 10…", "pastoral lead at Robert Smyth Academy…") and nobody had said yet: the check
    question and the crisis reply then speak of the child or the young person. A grandmother was
    asked "Are you thinking about hurting yourself…?", then "Are you safe right now?", and her "no"
    got "Please call 999 now… tell a trusted adult near you, like a parent" (a user trial, session 45)."""
    if tracker.get_slot("user_role") is not None or last_bot_action_before_user(tracker) in CRISIS_QUESTIONS:
        return []
    role = speaker_said(tracker.latest_message.text or "" if tracker.latest_message else "")
    return [SlotSet("user_role", role)] if role else []


def speaker_said(text: str) -> str | None:
    """PARENT or PROFESSIONAL when the message says the speaker is one, beside a role word ("Im his
    nan", "police officer, I've got a 15 year old lad in custody…"); never a family word alone: "dad
    beats mum" names a dad and no speaker, a child telling of violence at home."""
    clean = normalise(text)
    if not _SAYS_WHO_THEY_ARE.search(clean) or _A_YOUNG_SPEAKER.search(clean):
        return None
    role = role_said_of_oneself(text)
    return role if role in (PARENT, PROFESSIONAL) else None


# A young person who says who they are with a role word: "im a carer, im 14, i dont want to be
# alive", "im a carer for my mum", "im a mum at 16", "i work at a school as a volunteer, im 16" (the
# review, session 45: each got the parent's or the professional's reply). Never the speaker as an adult.
_A_YOUNG_SPEAKER = re.compile(
    r"\b(?:i m|im|i am|me|aged?|at) (?:only |just )?(?:[5-9]|1[0-7])\b(?! (?:weeks|months|days|year old|yr old|yo\b))"
    r"|\byoung carer|\bcarer for my (?:mum|mom|mam|mother|dad|father|brother|sister|nan|gran|grandma|grandad|parents?|family)\b"
    r"|\b(?:i m|im|i am) (?:a |the )?carer\b(?! (?:for|of) (?:my|a|his|her|our) (?:son|daughter|child|grandson|granddaughter|niece|nephew|foster))"
)


# The speaker said to be who they are: "I'm his nan", "mum here", "as a teacher", "pastoral lead at
# Robert Smyth Academy", never a family word alone ("dad beats mum": the REST tests, session 45).
_ROLE_WORD = rf"(?:{FAMILY_WORDS}|{WORKER_WORDS}|mama|mamma|parent|professional)"
_SAYS_WHO_THEY_ARE = re.compile(
    rf"\b(?:i m|im|i am|as)(?: (?:a|an|the|his|her|their))?(?: \w+){{0,2}} {_ROLE_WORD}\b|\b{_ROLE_WORD} (?:here|speaking)\b"
    r"|^(?:(?:hi|hiya|hello|hey) )?(?:\w+ ){1,3}(?:at|from) (?:the |a )?(?:\w+ ){1,3}(?:school|academy|college|surgery|practice|camhs)\b"
    rf"|^(?:(?:hi|hiya|hello|hey) )?(?:a |an |the )?(?:\w+ )?{WORKER_WORDS}\b"  # "police officer, I've got a 15 year old…"
)


def answer_in_crisis_message(tracker: DialogueStateTracker) -> list[Event]:
    """The answer to the question we asked, when it came inside a crisis message."""
    if tracker.active_loop_name != "triage_form" or not tracker.latest_message:
        return []
    text = tracker.latest_message.text or ""
    asked = tracker.get_slot("requested_slot")
    if asked == "age" and (age := parse_age_mention(text)) and not age.out_of_range and not age.unknown:
        return [SlotSet("age", age.label), SlotSet("age_min", age.low), SlotSet("age_max", age.high)]
    # "I want to die" says nothing about who is chatting: only a clear parent or professional counts.
    # A professional only said as who they are ("my parents keep pushing me to be a doctor" was one,
    # session 45); a parent as before ("parent, my daughter is cutting herself").
    if asked == "user_role" and (role := speaker_said(text) or (PARENT if parse_role(text) == PARENT else None)):
        return [SlotSet("user_role", role)]
    return []


def local_crisis_lines(tracker: DialogueStateTracker) -> str:
    """The deployment's urgent line for the user's area (every local line while it is unknown,
    and when they chose not to say: "not given" is searched as England-wide, but they may well
    live in one of our areas)."""
    declined = tracker.get_slot("area") == "not given"
    return settings.deployment.crisis_lines(None if declined else tracker.get_slot("area_code"))


def first_crisis_step(tracker: DialogueStateTracker) -> tuple[str, list[Event]]:
    kind = crisis_kind(tracker)
    categories = crisis_categories(tracker)
    if latest_risk(tracker).get("level") in (None, NONE) and tracker.get_slot(KIND_SLOT):
        # Escalated again for the conversation's sake (a goodbye after a crisis): the message has
        # no danger of its own, so the earlier crisis's kind and categories stand (a friend's
        # report stays a friend's report; staff keep the category).
        kind, categories = tracker.get_slot(KIND_SLOT), tracker.get_slot(CRISIS_SLOT) or categories
    language = latest_risk(tracker).get("language")
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    about_another = kind in KEPT_FOR_PROFESSIONALS and speaks_as_a_professional(tracker, text) \
        and not tells_of_harm_to_the_speaker(text)
    if latest_risk(tracker).get("level") in (None, NONE) and tracker.get_slot(KIND_SLOT):
        about_another = bool(tracker.get_slot(ABOUT_ANOTHER_SLOT))  # escalated again: the earlier crisis's, as its kind
    events: list[Event] = [
        SlotSet(CRISIS_SLOT, categories), SlotSet(KIND_SLOT, kind), SlotSet(ABOUT_ANOTHER_SLOT, about_another or None),
        SlotSet(LOCAL_LINES_SLOT, local_crisis_lines(tracker)),
    ]
    events.append(SlotSet(LANGUAGE_SLOT, language if language and language != "en" else None))
    return FIRST_STEP[kind], events + answer_in_crisis_message(tracker)


FORM_SLOTS = ("user_role", "age", "school", "area", "concern")
ROLES = ("young_person", PARENT, PROFESSIONAL)
# The bot's questions in the crisis steps: a message after one of them answers it.
CRISIS_QUESTIONS = frozenset({UTTER_CHECK, *ASK_SAFE_ACTIONS, *NOT_SAFE_ACTIONS, *HELP_COMING_ACTIONS})


def undo_form_extraction(tracker: DialogueStateTracker) -> list[Event]:
    """The form's answers as they were before this message, when a crisis step answers it.

    Rasa fills the asked question's slot from every message while the form is active, before any
    policy runs: "idk" to "Are you safe right now?" became the age, "hinckley" the age and "?" the
    school, and the whole crisis message the worry (a user trial, session 20). The form never
    checked them, so it did not ask again. Facts in a crisis message are read once it is settled
    (`text_held_by_the_crisis_steps`)."""
    if tracker.active_loop_name != TRIAGE_FORM:
        return []
    events = list(tracker.events)
    last_user = max((i for i, event in enumerate(events) if isinstance(event, UserUttered)), default=None)
    if last_user is None:
        return []
    # The worry told in the crisis message itself stays: the search reads crisis words as the crisis
    # concerns ("i want to unalive myself" at "What has been going on?": suicidal thoughts).
    # A role the NLU read in it ("our 14 year old has taken an overdose": a parent) stays too.
    in_the_crisis_message = last_bot_action_before_user(tracker) not in CRISIS_QUESTIONS
    # ...but not a request ("do it again for my sister" at the worry question: after the check and
    # "No", the list for "family" came; the review, session 23).
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    in_the_crisis_message = in_the_crisis_message and not is_next_step_request(text)
    changed = {
        event.key for event in events[last_user + 1 :]
        if isinstance(event, SlotSet) and event.key in FORM_SLOTS
        and not (in_the_crisis_message and (event.key == "concern" or (event.key == "user_role" and event.value in ROLES)))
    }
    before: dict[str, Any] = {}
    for event in events[:last_user]:
        if isinstance(event, SlotSet) and event.key in changed:
            before[event.key] = event.value
    return [SlotSet(slot, before.get(slot)) for slot in sorted(changed) if tracker.get_slot(slot) != before.get(slot)]


def next_crisis_action(tracker: DialogueStateTracker) -> str | None:
    """The crisis step to take now, or None when this policy has nothing to say."""
    return next_step(tracker)[0]


def next_step(tracker: DialogueStateTracker) -> tuple[str | None, list[Event]]:
    latest = tracker.latest_action_name
    if latest == ACTION_LISTEN_NAME:
        action, events = after_user_message(tracker)
        if action not in (None, UTTER_CHECK_OK, TRIAGE_FORM, UTTER_OTHER_LANGUAGE):
            # (another language: what the form's parsers make of it stays, as before: "હું પપ્પા છું, for my son")
            events = [*undo_form_extraction(tracker), *events]
        if action == UTTER_CHECK or action in FIRST_STEP.values():
            events = [*events, *speaker_said_in_the_message(tracker)]
        return action, events
    if latest in OPENING_STEPS[:-1] and plain_role_as_the_first_message(tracker):
        step = next_opening_step_taken(tracker)
        if step:
            return step, []  # the urgent lines, then the questions
    if latest in FIRST_STEP.values():
        return UTTER_CRISIS_LOCAL, []
    if latest == UTTER_CRISIS_LOCAL:
        if tracker.get_slot(LANGUAGE_SLOT):
            return UTTER_INTERPRETER, []
        return taken_first_or_the_safety_question(tracker), []
    if latest in TAKEN_FIRST_ACTIONS:
        return safety_question(tracker), []
    if latest == UTTER_INTERPRETER:
        if _crisis_this_turn(tracker):
            return taken_first_or_the_safety_question(tracker), []
        asked = tracker.get_slot("requested_slot")
        if asked in ASK_AGAIN and _questions_go_on_after_the_language_reply(tracker):
            # "sunt mama lui" at "Who is chatting today?": the interpreter line, then the questions go
            # on (they were dropped). The form checks an answer only right after the user spoke, so
            # the text the slot mapping put in the slot is never checked: an answer the form's own
            # parsers understand is set here ("sunt mama lui": a parent; "12 سال": 12), and the form
            # asks the next question; anything else is taken back and the question asked again.
            answered = answer_in_another_language(asked, tracker.latest_message.text if tracker.latest_message else "")
            if answered:
                return TRIAGE_FORM, [SlotSet(slot, value) for slot, value in answered.items()]
            return ASK_AGAIN[asked], [SlotSet(asked, None)]
        return ACTION_LISTEN_NAME, []
    if latest in ASK_AGAIN.values() and _questions_go_on_after_the_language_reply(tracker):
        return ACTION_LISTEN_NAME, []
    if latest == UTTER_OTHER_LANGUAGE:
        return UTTER_INTERPRETER, []
    if latest == UTTER_URGENT_HELP and recent_actions(tracker, 2) == [UTTER_URGENT_HELP] \
            and last_bot_action_before_user(tracker) in NOT_SAFE_ACTIONS:
        return TRIAGE_FORM, []  # (the urgent lines after "Please call 999 now": the questions next)
    if latest in NOT_SAFE_ACTIONS and last_bot_action_before_user(tracker) in ASK_SAFE_ACTIONS and wants_another_language(tracker):
        return UTTER_INTERPRETER, []  # "po polsku prosze" or "nie wiem" to "Are you safe right now?"
    if latest in WHAT_WE_MEAN_NOT_SAFE_REPLIES and last_bot_action_before_user(tracker) in NOT_SAFE_ACTIONS:
        return last_bot_action_before_user(tracker), []  # "Please call 999 now" explained, and said again
    if latest in (*ASK_SAFE_ACTIONS, *NOT_SAFE_ACTIONS, UTTER_OFFER, UTTER_CHECK, *HELP_COMING_ACTIONS):
        return ACTION_LISTEN_NAME, []
    if latest in ASKS_AGAIN_AFTER and last_bot_action_before_user(tracker) in NOT_SAFE_ACTIONS:
        return safety_question(tracker), []  # after "Please call 999 now": asked again
    if (latest in ASKS_AGAIN_AFTER and last_bot_action_before_user(tracker) in ASK_SAFE_ACTIONS) or (
            latest in _ASKED_AGAIN_AT_THE_CHECK and last_bot_action_before_user(tracker) == UTTER_CHECK):
        return last_bot_action_before_user(tracker), []  # the question answered, the safety question asked again
    answer = (reply_to_a_no_with_a_request(tracker) or answer_to_the_checked_question(tracker)) if latest == UTTER_CHECK_OK else None
    if answer == REQUEST_EMAIL_REPLY and tracker.get_slot("services_shown"):
        answer = REQUEST_EMAIL_AFTER_A_LIST  # the widget's link under the list, as the rules' answer says
    if answer:
        return answer, []
    after_a_request = after_a_checked_request(tracker)
    if after_a_request:
        return after_a_request, []
    if latest in (UTTER_SAFE, UTTER_SAFE_CHILD, UTTER_SAFE_OTHER, UTTER_CHECK_OK) or (latest in QUESTION_REPLIES.values() and _action_before_latest(tracker) == UTTER_CHECK_OK):
        if tracker.active_loop_name:
            return None, []
        if latest == UTTER_CHECK_OK and the_checked_message_opened_the_chat(tracker):
            return TRIAGE_FORM, []  # "Let's carry on": the questions, which keep the worry it told
        # After the list the next step is offered, not the search it already made (session 27)
        return (UTTER_OFFER_MORE if tracker.get_slot("services_shown") else UTTER_OFFER), []
    if latest == HELPING_SOMEONE_AT_RISK:
        # (at a safety question it is asked again, above: ASKS_AGAIN_AFTER)
        return (UTTER_OFFER_MORE if tracker.get_slot("services_shown") else UTTER_OFFER), []
    if latest == UTTER_OFFER_MORE and (
        _action_before_latest(tracker) in (*SETTLED, HELPING_SOMEONE_AT_RISK) or UTTER_CHECK_OK in recent_actions(tracker, 4)
    ):
        return ACTION_LISTEN_NAME, []  # (also after "No", a question's reply, then the next step: the review)
    return None, []


def the_checked_message_opened_the_chat(tracker: DialogueStateTracker) -> bool:
    """Was the message the check question asked about the first the user typed, before any
    question? Then, after "No", the questions start at once: "Let's carry on", then "Would you like
    me to find support near you?" asked what the first message had asked for (development authors
    D1 to D3: a worry told first, the check question, and one more step before the questions).
    After a crisis reply the offer stays: the choice is theirs."""
    if tracker.get_slot("requested_slot") or tracker.get_slot("services_shown"):
        return False
    events = tracker.applied_events()
    # Messages the check question was asked again after ("what do you mean", "I'm his mum") are
    # not counted: after them "No" got "Would you like me to find support near you?" (session 35).
    actions = [event.action_name for event in events if isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME]
    asked_again = sum(first in _ASKED_AGAIN_AT_THE_CHECK and then == UTTER_CHECK for first, then in zip(actions, actions[1:], strict=False))
    return messages_typed(event.type_name for event in events) - asked_again == 2  # that message, then "No"


# A question about the chat that the risk layer answered with the check question ("is this
# private or will my mum find out", "is anyone there at 3am"): after "No", the question is
# answered, not lost (QUESTION_REPLIES, signposting/intents.py).
QUESTION_CONFIDENCE = 0.45  # the FallbackClassifier's threshold (config.yml)


def answer_to_the_checked_question(tracker: DialogueStateTracker) -> str | None:
    """The reply to the message the check question was answered about, when that message was
    read, surely, as a question about the chat before the risk layer made it a crisis."""
    asked = False
    for event in reversed(tracker.applied_events()):
        if isinstance(event, ActionExecuted) and event.action_name == UTTER_CHECK:
            asked = True
        elif asked and isinstance(event, UserUttered):
            if tracker.active_loop_name:
                return reply_to_a_checked_message(event, in_the_form=True)
            return reply_to_a_checked_message(event, in_the_form=False) or reply_as_the_model_reads_it(tracker, event)
    return None


# A request typed after the list that got the check question ("do it again for my sister", "gotta
# go kids home thanks", "none of them r near me"): after "No", the next-step model's reading of it
# (bot/nlu/next_step_model.py) is answered as the rules answer the request, as for any message
# after the list (session 27; it was "Would you like me to find support near you?").
MODEL_REQUEST_REPLIES = {
    "start_again": "utter_start_again", "talk_to_a_person": TALK_TO_PERSON, "email": REQUEST_EMAIL_REPLY,
    "print": REQUEST_PRINT_REPLY, "more_options": MORE_SERVICES,
}
UTTER_GOODBYE = GOODBYE_REPLY
CHANGE_ANSWER = "action_change_answer"
# The risk model's kinds of harm to oneself: a checked message it placed there is no goodbye.
SELF_HARM_KINDS = frozenset({"suicidal", "self_harm", "overdose", "danger_overdose"})


def reply_as_the_model_reads_it(tracker: DialogueStateTracker, checked: UserUttered) -> str | None:
    """The reply to a checked message typed after the list, as the next-step model reads it. A
    closing is taken only when no message before it showed distress and it tells no worry."""
    if not tracker.get_slot("services_shown"):
        return None
    text = checked.text or ""
    if corrects_an_answer(text) and not _shows_more_than_it_asks(tracker, checked, excused=parse_change_target(text) is not None):
        # "oops i said 13 im 15", "none of them r near me" (development authors D1, D5): the change
        # action reads the checked message (actions/services.py) as it would have without the check.
        return CHANGE_ANSWER
    label = request_read_after_the_check(checked.parse_data or {}, text)
    if label == "closing":
        if _shows_more_than_it_asks(tracker, checked, excused=closing_in_so_many_words(text) is not None):
            return None  # "gonna go now. tired of it all" is never seen off with a goodbye (the review)
        return closing_reply(text)
    return MODEL_REQUEST_REPLIES.get(label or "")


def _shows_more_than_it_asks(tracker: DialogueStateTracker, checked: UserUttered, excused: bool) -> bool:
    """Does the checked message, or the conversation before it, show more than the request it makes:
    risk words, a kind of harm to oneself the model guessed, a worry told ("oops i said 13 im 15 i
    just feel like giving up", "gonna go now. tired of it all"), or earlier distress? The model's
    guess is `excused` only for a correction that names the answer to change (the review, session
    29) and a closing said in so many words, a closed grammar ("thats it thanks, ill ring them
    tomorrow": development author D11)."""
    text = checked.text or ""
    risk = checked.parse_data.get("risk") or {}
    harm_guessed = risk.get("model_category") in SELF_HARM_KINDS and not excused
    return bool(
        risk.get("lexicon_categories") or harm_guessed or parse_concern(text) not in (None, OTHER_CONCERN)
        or earlier_distress(tracker, before=checked)
    )


# A request said in so many words that the risk layer answered with the check question ("send to
# my mums phone", "do it again for my sister", development sets D1 to D4): after "No", it was lost
# ("Would you like me to find support near you?", after the list). Now the request is answered.
REQUEST_REPLIES: dict[str, str] = {
    THANKS: THANKS_REPLY, START_AGAIN: "utter_start_again", REQUEST_EMAIL: REQUEST_EMAIL_REPLY,
    REQUEST_PRINT: REQUEST_PRINT_REPLY, TALK_TO_A_PERSON: TALK_TO_PERSON,
}
UTTER_OFFER_MORE = "utter_offer_more"


# A no that asks for something too, typed to the check question ("no, can i start again", "nope,
# start again", "no just want to talk to someone"): the review (session 23).
_NO_FIRST = re.compile(
    r"^(?:no+|nope|nah+|na|no thanks|no thank you|nah thanks|nope thanks|no im ok|no i m ok|no im fine|no i m fine|"
    r"im ok thanks|im fine thanks)(?: (?:but|just|i just|i|and|so))?(?: (?:want to|wanna|need to|would like to))? "
)


def reply_to_a_no_with_a_request(tracker: DialogueStateTracker) -> str | None:
    """After "No" to the check question, the reply to what the same message asks for, if it asks
    for more than the no: in so many words after the no, or as DIET read it."""
    if not tracker.latest_message or tracker.active_loop_name:
        return None
    text = normalise(tracker.latest_message.text or "")
    rest = _NO_FIRST.sub("", text, count=1)
    if rest == text:
        return None
    request = request_in_so_many_words(rest) or intent_as_guessed(tracker.latest_message.parse_data)
    return REQUEST_REPLIES.get(request or "")


def reply_to_a_checked_message(message: UserUttered, in_the_form: bool) -> str | None:
    """The reply to the message the check question was about: its question about the chat, else,
    outside the questions, the request it makes in so many words (in the questions, the form
    asks its question again, as before)."""
    # A worry told is no question about the chat: "her mum passed away in the summer and she wont talk
    # about it" got the privacy reply after "No" (a phone trial, session 29).
    text = message.text or ""
    told_a_worry = not asks_a_question(text) and parse_concern(text) not in (None, OTHER_CONCERN)
    question = None if told_a_worry else reply_to_a_question_about_the_chat(message, QUESTION_CONFIDENCE)
    if question or in_the_form:
        return question
    return REQUEST_REPLIES.get(request_in_so_many_words(message.text or "") or "")


def after_a_checked_request(tracker: DialogueStateTracker) -> str | None:
    """The steps after a request answered after "No" to the check question: starting again runs
    the questions; a thank-you listens; the others offer the next step (after the list) or the
    search (before it)."""
    recent = recent_actions(tracker, 3)
    if len(recent) < 2 or UTTER_CHECK_OK not in recent[:-1]:
        return None
    if recent[-2:] == [UTTER_CHECK_OK, REQUEST_REPLIES[START_AGAIN]]:
        return START_AGAIN_ACTION
    if recent == [UTTER_CHECK_OK, REQUEST_REPLIES[START_AGAIN], START_AGAIN_ACTION]:
        return TRIAGE_FORM
    if recent[-2:] in (
        [UTTER_CHECK_OK, REQUEST_REPLIES[THANKS]], [UTTER_CHECK_OK, UTTER_GOODBYE], [UTTER_CHECK_OK, MORE_SERVICES],
        [UTTER_CHECK_OK, CHANGE_ANSWER],  # (a new list, the question asked again, or "What would you like to change?")
    ):
        return ACTION_LISTEN_NAME  # (the search for more ends with the next step's own buttons)
    replies = {*REQUEST_REPLIES.values(), REQUEST_EMAIL_AFTER_A_LIST}
    if recent[-2] == UTTER_CHECK_OK and recent[-1] in replies:
        return UTTER_OFFER_MORE if tracker.get_slot("services_shown") else UTTER_OFFER
    if recent[-2] in replies and recent[-1] == UTTER_OFFER_MORE:
        return ACTION_LISTEN_NAME
    return None


def recent_actions(tracker: DialogueStateTracker, count: int) -> list[str]:
    """The names of the last `count` actions since the user's latest message, oldest first."""
    names: list[str] = []
    for event in reversed(tracker.applied_events()):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name and event.action_name != ACTION_LISTEN_NAME:
            names.append(event.action_name)
    return list(reversed(names[:count]))


def reply_to_a_question_about_the_chat(message: UserUttered, at_least: float) -> str | None:
    """The reply to `message` if DIET's first reading of it, the crisis guess set aside, is a
    question about the chat at `at_least` or more."""
    ranking = [item for item in message.parse_data.get("intent_ranking") or [] if item.get("name") != CRISIS_INTENT]
    if ranking and float(ranking[0].get("confidence") or 0.0) >= at_least:
        return QUESTION_REPLIES.get(str(ranking[0].get("name")))
    return None


def _action_before_latest(tracker: DialogueStateTracker) -> str | None:
    seen_latest = False
    for event in reversed(tracker.applied_events()):
        if isinstance(event, ActionExecuted):
            if seen_latest:
                return event.action_name
            seen_latest = True
    return None


def plain_yes_to_the_offer(tracker: DialogueStateTracker, before: str | None) -> bool:
    """A whole-message yes ("go on then") to "Would you like me to find support near you?",
    at check level from the risk model alone (no risk words, no other language). The crisis
    lines were just shown; a short yes scored by the model is no reason to show them again
    instead of the help asked for (issue #12: "go on then" scored 0.27, check is 0.25)."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    return _offer_answered_at_the_models_check(tracker, before) and parse_yes_no(text, other_languages=True) == "yes"


def no_to_the_offer_for_a_plain_reason(tracker: DialogueStateTracker, before: str | None) -> bool:
    """"nah ive got a uni counsellor already" to the offer after "I'm glad you're safe", at check level
    from the risk model alone, got the whole crisis reply again (development author D18, session 39):
    the goodbye, which keeps the urgent lines. Only a no because support is already there, or the
    list, or only information was wanted ("No. I only wanted information.": D10, session 44)."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    return _offer_answered_at_the_models_check(tracker, before) and declines_with_a_plain_reason(text)


def _offer_answered_at_the_models_check(tracker: DialogueStateTracker, before: str | None) -> bool:
    risk = latest_risk(tracker)
    return (
        before == UTTER_OFFER and risk.get("source") == "model" and not risk.get("lexicon_categories")
        and not risk.get("lowered_from_crisis") and not risk.get("crisis_language")
    )


def _first_plain_answer_at(tracker: DialogueStateTracker, before: str | None, level: str) -> bool:
    """The form's question was just asked, and `_first_alarm_at`."""
    if before != TRIAGE_FORM or tracker.active_loop_name != TRIAGE_FORM:
        return False
    return _first_alarm_at(tracker, level)


def _first_alarm_at(tracker: DialogueStateTracker, level: str) -> bool:
    """This message's own risk and the conversation's are both `level`, and this conversation has
    had no crisis steps, no check question and no earlier message that showed distress and was
    more than a plain answer."""
    if not tracker.latest_message:
        return False
    if tracker.get_slot(CRISIS_SLOT) or crisis_not_settled(tracker) or _asked_the_check_before(tracker):
        return False
    if risk_level(tracker) != level or latest_risk(tracker).get("level") != level:
        return False  # the conversation raised it (a goodbye after distress): its rule stands
    return not _distress_beyond_plain_answers(tracker)


def plain_answer_to_the_question(tracker: DialogueStateTracker, before: str | None) -> bool:
    """A message that is only an answer to the form's question just asked (who is chatting, the
    age, the school, where they live), at check level from the risk model or the classifier alone
    (`signposting.plain_answer`). Never once this conversation has had the crisis steps, the
    check question, or an earlier message that showed distress and was more than a plain answer:
    there the check still comes first."""
    return _first_plain_answer_at(tracker, before, CHECK) and waives_the_check(
        tracker.latest_message.text or "", latest_risk(tracker), tracker.get_slot("requested_slot"),
        tracker.get_slot("user_role"), is_plain_area_answer, is_plain_school_answer,
    )


def answers_the_form_about_someone_else(tracker: DialogueStateTracker, before: str | None) -> bool:
    """A town, an age or a school's name, and nothing else, typed to the safety question about a
    child or someone else (not about the speaker themselves)."""
    about_another = before == UTTER_ASK_SAFE_OTHER or (before == UTTER_ASK_SAFE and role_before_the_answer(tracker) == PARENT)
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    if not about_another or parse_yes_no(text) is not None or sounds_safe(text) or risk_words_told(tracker):
        return False  # "my son took a load of pills", then "harlow": the not-safe reply at once
    return (
        is_plain_answer_from_anyone(text, "area", place_answer=is_plain_area_answer)
        or is_plain_answer_from_anyone(text, "age")
        or is_plain_school_answer(normalise(text))
    )


def skipped_the_check(tracker: DialogueStateTracker) -> bool:
    """Was the check question last asked again because "skip" was typed to it?"""
    last_user: UserUttered | None = None
    previous: str | None = None
    skipped = False
    for event in tracker.applied_events():
        if isinstance(event, UserUttered):
            last_user = event
        elif isinstance(event, ActionExecuted) and event.action_name not in (None, ACTION_LISTEN_NAME):
            if event.action_name == UTTER_CHECK:
                skipped = previous == CHECK_FIRST and last_user is not None and bool(_SKIPS.fullmatch(normalise(last_user.text or "")))
            previous = event.action_name
    return skipped


# The form's skip, typed to the check question.
_SKIPS = re.compile(r"(?:skip|skip it|skip this|skip that|skip pls|skip please|pass|next|next question)")
# "whatever" as the whole answer to the check question after risk words ("15 but probs wont make it to
# 16 tbh"): it got "Sorry, I can't help with that" and the age question (a user trial, session 45).
_SHRUGS = re.compile(r"(?:(?:ugh|meh|lol|ok|idk) )?(?:whatever|whatevs|w e|idc)(?: (?:lol|tbh|then|man))?")


def risk_words_told(tracker: DialogueStateTracker) -> bool:
    """Did any message in this conversation have risk words (the lexicon's, or a crisis word in
    another language), or reach the crisis level by the models' scores? Only a check level, then an
    unsure answer to it, leaves room for the question again ("my daughter has been really withdrawn
    and says she hates herself", the model's crisis, then "stevenage": the review, session 45)."""
    return any(
        (risk := event.parse_data.get("risk") or {}).get("lexicon_categories") or risk.get("crisis_language")
        or risk.get("level") == CRISIS
        for event in tracker.applied_events() if isinstance(event, UserUttered)
    )


def asked_the_safety_question_again_already(tracker: DialogueStateTracker) -> bool:
    """Was "Before we go on, please answer this question first." said since the safety question?"""
    return said_since_the_question(tracker, frozenset({CHECK_FIRST}), frozenset(ASK_SAFE_ACTIONS | ASKS_AGAIN_AFTER))


def plain_answer_at_the_models_crisis(tracker: DialogueStateTracker, before: str | None) -> bool:
    """The same plain answer, at crisis level from the risk model alone ("He'll be 11 in
    September" scored 0.64): the check question comes instead of the crisis reply, and a "No"
    keeps the answer (`answer_held_by_the_check` in the form). Under the same conditions as
    `plain_answer_to_the_question`; otherwise the crisis reply."""
    return _first_plain_answer_at(tracker, before, CRISIS) and lowers_the_crisis_to_the_check(
        tracker.latest_message.text or "", latest_risk(tracker), tracker.get_slot("requested_slot"),
        tracker.get_slot("user_role"), is_plain_area_answer,  # a school's name only ever waives a check
    )


# DIET must be this sure the message asks about the chat (its first reading but the crisis guess).
SURE_QUESTION_CONFIDENCE = 0.9


def question_about_the_chat_at_the_models_crisis(tracker: DialogueStateTracker) -> bool:
    """A question about the chat ("r they open at weekends" scored 0.83, "is this private") that
    the risk model alone scored at crisis level: the check question instead of the crisis reply,
    and after "No" the answer (`answer_to_the_checked_question`). Only ever down to the check,
    never to nothing; never with a risk word, a crisis word in another language, or in a
    conversation that has had the crisis steps, the check question or earlier distress."""
    risk = latest_risk(tracker)
    if risk.get("source") != "model" or not from_the_model_alone(risk) or not tracker.latest_message:
        return False
    return bool(reply_to_a_question_about_the_chat(tracker.latest_message, SURE_QUESTION_CONFIDENCE)) and \
        _first_alarm_at(tracker, CRISIS)


def sent_here_at_the_models_crisis(tracker: DialogueStateTracker) -> bool:
    """"my social worker told me to use this" as the conversation's first message, scored at crisis
    level by the risk models alone (0.77 and 0.64; development authors D11, D14, session 39): the
    check question instead of the crisis reply. Only ever down to the check, never to nothing;
    never with a risk word or a crisis word in another language."""
    risk = latest_risk(tracker)
    if risk.get("source") != "model" or not from_the_model_alone(risk) or not tracker.latest_message:
        return False
    # the first message, or after hellos only ("hi", then "my social worker told me to use this": the second review)
    first = only_hellos_before(tracker)
    return first and says_who_sent_them(tracker.latest_message.text or "") and _first_alarm_at(tracker, CRISIS)


# What the rules do for a hello or a role typed first (data/rules/triage.yml).
OPENING_STEPS = ("utter_greet", UTTER_URGENT_HELP, TRIAGE_FORM)


def next_opening_step_taken(tracker: DialogueStateTracker) -> str | None:
    """The next of `OPENING_STEPS` after those taken since the latest message, or None when they
    are all taken or something else was."""
    taken = recent_actions(tracker, len(OPENING_STEPS) + 1)
    if len(taken) < len(OPENING_STEPS) and tuple(taken) == OPENING_STEPS[: len(taken)]:
        return OPENING_STEPS[len(taken)]
    return None


def plain_role_as_the_first_message(tracker: DialogueStateTracker) -> bool:
    """"Mum of 3" as the conversation's first message (or after hellos) got the check question from
    the risk model alone, and "Leicester" typed to it restarted the chat (development conversations
    G14, session 40). Who is chatting, and nothing else (`signposting.plain_answer`), at the check
    level of the model or the classifier alone: the rules greet and ask the questions as for "mum
    here". Never at crisis level, never with a risk word."""
    risk = latest_risk(tracker)
    if not tracker.latest_message or tracker.active_loop_name:
        return False
    first = only_hellos_before(tracker)
    return first and waives_the_check_for_a_role_told_first(tracker.latest_message.text or "", risk) and _first_alarm_at(tracker, CHECK)


def only_hellos_before(tracker: DialogueStateTracker) -> bool:
    """Is the latest message the first the user typed, or after hellos only ("hi", then "Mum of 3")?"""
    earlier = [event.text or "" for event in tracker.applied_events() if isinstance(event, UserUttered)][:-1]
    return all(_ONLY_A_HELLO.fullmatch(text.strip().lower()) for text in earlier)


_ONLY_A_HELLO = re.compile(r"(?:hi+|hey+|hello+|hiya+|heya|yo|hallo|helo|good (?:morning|afternoon|evening))[\s!.?x]*")


def _asked_the_check_before(tracker: DialogueStateTracker) -> bool:
    return any(isinstance(e, ActionExecuted) and e.action_name == UTTER_CHECK for e in tracker.applied_events())


def _distress_beyond_plain_answers(tracker: DialogueStateTracker) -> bool:
    """Did an earlier message show distress, other than a plain answer to the question the form
    had asked then (which has no word of danger in it, however the model scored it)? Only that
    question counts: "hes 19" as a first message is not excused as somebody's age."""
    return any(
        (message.parse_data.get("risk") or {}).get("distress")
        and not is_plain_answer(message.text or "", asked, role, is_plain_area_answer, is_plain_school_answer)
        for message, asked, role in _earlier_messages_and_questions(tracker)
    )


def _earlier_messages_and_questions(tracker: DialogueStateTracker) -> list[tuple[UserUttered, str | None, str | None]]:
    """Each user message before the latest, with the form's question it answered (None when the
    form had not just asked one) and who was chatting then."""
    found: list[tuple[UserUttered, str | None, str | None]] = []
    requested: str | None = None
    role: str | None = None
    form_asked = False
    for event in tracker.applied_events():
        if isinstance(event, SlotSet) and event.key == "requested_slot":
            requested = event.value
        elif isinstance(event, SlotSet) and event.key == "user_role":
            role = event.value
        elif isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            form_asked = event.action_name == TRIAGE_FORM
        elif isinstance(event, UserUttered):
            found.append((event, requested if form_asked and requested in PLAIN_ANSWER_QUESTIONS else None, role))
    return found[:-1]


def answer_in_another_language(asked: str | None, text: str) -> dict[str, Any] | None:
    """The slots a message in another language answers, read by the form's own parsers: who is
    chatting (in English words, or a parent saying so in their language) and an age said in
    numbers. None for anything else."""
    if asked == "user_role":
        role = role_answer(text)
        return {"user_role": role} if role else None
    if asked == "age":
        age = parse_age(text)
        return age.slots() if age is not None and not age.out_of_range else None
    return None


def _questions_go_on_after_the_language_reply(tracker: DialogueStateTracker) -> bool:
    """In the questions, a message in another language with no risk in it got the urgent numbers
    and the interpreter line this turn (not the check question's reply in their place)."""
    if tracker.active_loop_name != TRIAGE_FORM or latest_risk(tracker).get("level") not in (None, NONE):
        return False
    if last_bot_action_before_user(tracker) not in (TRIAGE_FORM, *ASK_AGAIN.values()):
        # typed after a crisis step ("po polsku prosze" after "Please call 999 now"): never the
        # questions again (a phone trial, session 25)
        return False
    for event in reversed(tracker.applied_events()):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == UTTER_OTHER_LANGUAGE:
            return True
    return False


def _crisis_this_turn(tracker: DialogueStateTracker) -> bool:
    """Was a first crisis step run since the latest user message?"""
    for event in reversed(tracker.applied_events()):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name in FIRST_STEP.values():
            return True
    return False


def role_before_the_answer(tracker: DialogueStateTracker) -> str | None:
    """Who was chatting when the bot asked: the typed answer can overwrite the role slot first
    ("idk" at "Is your child safe right now?" while the form waits for the role)."""
    events = tracker.applied_events()
    last_user = max((index for index, event in enumerate(events) if isinstance(event, UserUttered)), default=len(events))
    role = None
    for event in events[:last_user]:
        if isinstance(event, SlotSet) and event.key == "user_role":
            role = event.value
    return role


def not_safe_reply(tracker: DialogueStateTracker, asked: str | None) -> str:
    """The not-safe reply for the question asked: a parent's own crisis, a parent about their
    child ("take your child to A&E"), someone worried about another person, or anyone else
    ("tell a trusted adult")."""
    if asked == UTTER_ASK_SAFE_SELF:
        return UTTER_NOT_SAFE_ADULT
    if asked == UTTER_ASK_SAFE_OTHER:
        return UTTER_NOT_SAFE_OTHER
    if asked == UTTER_ASK_SAFE and role_before_the_answer(tracker) == PARENT:
        return UTTER_NOT_SAFE_PARENT
    return UTTER_NOT_SAFE


def what_we_mean_safe_reply(tracker: DialogueStateTracker, asked: str | None) -> str:
    """What "Are you safe right now?" means, for the question asked (as `not_safe_reply` chooses)."""
    if asked == UTTER_ASK_SAFE_OTHER:
        return WHAT_WE_MEAN_SAFE_OTHER
    if asked == UTTER_ASK_SAFE and role_before_the_answer(tracker) == PARENT:
        return WHAT_WE_MEAN_SAFE_CHILD
    return WHAT_WE_MEAN_SAFE


def what_we_mean_not_safe_reply(tracker: DialogueStateTracker, reply: str) -> str:
    """What "Please call 999 now" means, for whom that `reply` was about. `UTTER_NOT_SAFE` is a
    child's reply when a parent is chatting (the domain's condition on the same slot)."""
    if reply in NOT_SAFE_ABOUT_ANOTHER:
        return WHAT_WE_MEAN_NOT_SAFE_OTHER
    if reply in NOT_SAFE_ABOUT_A_CHILD or (reply == UTTER_NOT_SAFE and tracker.get_slot("user_role") == PARENT):
        return WHAT_WE_MEAN_NOT_SAFE_CHILD
    return WHAT_WE_MEAN_NOT_SAFE


def crisis_message(tracker: DialogueStateTracker) -> str:
    """The text of the message that got the latest first crisis step."""
    return (_crisis_message_event(tracker) or UserUttered("")).text or ""


def _crisis_message_event(tracker: DialogueStateTracker) -> UserUttered | None:
    crisis = said = None
    asked: str | None = None  # the bot's last action before the message
    before_it: str | None = None
    for event in tracker.applied_events():
        if isinstance(event, UserUttered):
            said, before_it = event, asked
        elif isinstance(event, ActionExecuted) and event.action_name not in (None, ACTION_LISTEN_NAME):
            # (the crisis reply given again for who said they are speaking is no new crisis: "she took
            # 20 paracetamol", then "no its my daughter", lost the tablets: the second review, session 48)
            if event.action_name in FIRST_STEP.values() and not (crisis is not None and _only_said_who_is_speaking(said, before_it)):
                crisis = said
            asked = event.action_name
    return crisis


def _only_said_who_is_speaking(said: UserUttered | None, before: str | None) -> bool:
    if said is None or before not in (UTTER_ASK_SAFE, UTTER_ASK_SAFE_OTHER):
        return False
    risk = (said.parse_data or {}).get("risk") or {}
    return not _danger_in_the_words(dict(risk)) and who_is_speaking_at_the_safety_question(said.text or "") is not None


def crisis_from_the_models_alone(tracker: DialogueStateTracker) -> bool:
    """Did the latest first crisis step come from the risk models alone, on the message itself (no
    risk word, no crisis word in another language; never a "yes" to the check question)?"""
    crisis = _crisis_message_event(tracker)
    risk = dict((crisis.parse_data or {}).get("risk") or {}) if crisis else {}
    return risk.get("level") == CRISIS and risk.get("source") == "model" and from_the_model_alone(risk)


# The models' score above which a denial is not taken at its word: "im not in danger, im at his flat,
# he gave me some drinks" scored 0.62, "im not at risk i have a plan" 0.56; the development denials
# 0.03 to 0.38 (the review, session 41).
DENIAL_MAX_SCORE = 0.4


def denied_plainly(tracker: DialogueStateTracker, text: str) -> bool:
    """Danger denied in so many words (`denies_danger`), and the models not near sure of danger."""
    return denies_danger(text) and after_crisis_score(latest_risk(tracker)) < DENIAL_MAX_SCORE


def for_whom_the_prompt_was(tracker: DialogueStateTracker, before: str | None) -> str:
    """For whom the last safety prompt spoke: "another", "child" (a parent's) or "themselves"."""
    not_safe = not_safe_reply(tracker, before) if before in ASK_SAFE_ACTIONS else before
    if not_safe in NOT_SAFE_ABOUT_ANOTHER:
        return "another"
    return "child" if about_a_child_after(tracker, not_safe) else "themselves"


# Emergency help slow to come, or on its way, for whom the last safety prompt was.
HELP_DELAYED_FOR = {"another": UTTER_HELP_DELAYED_OTHER, "child": UTTER_HELP_DELAYED_CHILD, "themselves": UTTER_HELP_DELAYED}
HELP_COMING_FOR = {"another": UTTER_HELP_COMING_OTHER, "child": UTTER_HELP_COMING_CHILD, "themselves": UTTER_HELP_COMING}


def help_delayed_reply(tracker: DialogueStateTracker, before: str | None) -> str:
    return HELP_DELAYED_FOR[for_whom_the_prompt_was(tracker, before)]


def help_coming_reply(tracker: DialogueStateTracker, before: str | None) -> str:
    return HELP_COMING_FOR[for_whom_the_prompt_was(tracker, before)]


def about_a_child_after(tracker: DialogueStateTracker, not_safe: str | None) -> bool:
    """Was the not-safe reply `not_safe` about a parent's child (not the parent themselves)?"""
    return not_safe in NOT_SAFE_ABOUT_A_CHILD or (
        not_safe == UTTER_NOT_SAFE and role_before_the_answer(tracker) == PARENT
    )


def safe_reply(tracker: DialogueStateTracker, asked: str | None) -> str:
    """"I'm glad you're safe", unless the crisis was an overdose already taken: then call 999
    even so ("yeah im fine now" an hour after the pills got the list of services)."""
    about_a_child = asked == UTTER_ASK_SAFE and role_before_the_answer(tracker) == PARENT
    if not took_something_already(tracker.get_slot(CRISIS_SLOT) or [], crisis_message(tracker)):
        if asked == UTTER_ASK_SAFE_OTHER:
            return UTTER_SAFE_OTHER
        return UTTER_SAFE_CHILD if about_a_child else UTTER_SAFE
    if asked == UTTER_ASK_SAFE_SELF:
        return UTTER_TAKEN_ADULT
    if asked == UTTER_ASK_SAFE_OTHER:
        return UTTER_TAKEN_OTHER
    return UTTER_TAKEN_CHILD if about_a_child else UTTER_TAKEN_YOUNG


def says_safe_plainly(tracker: DialogueStateTracker) -> bool:
    """A typed answer that plainly says safe now ("im ok rn my nan is here"), with no word of
    danger the risk lexicon knows, and not scored near-certain danger by the risk model (the
    caller also leaves it to DIET when DIET reads it as not safe). The
    model's lower scores do not count: trained on first messages, it read "tonight" or "my room"
    after a crisis as danger, and those children were told to call 999."""
    asked = last_bot_action_before_user(tracker)
    about_someone_else = asked == UTTER_ASK_SAFE_OTHER or (asked == UTTER_ASK_SAFE and role_before_the_answer(tracker) == PARENT)
    if not tracker.latest_message or not states_safe_now(tracker.latest_message.text or "", about_someone_else):
        return False
    return not _danger_in_the_risk_signals(latest_risk(tracker))


def says_safe_in_own_words(tracker: DialogueStateTracker) -> bool:
    """Safe in the person's own words, with more than a plain answer's closed list ("safe, at
    football training, just had a moment in the changing rooms"; `states_safe_in_own_words`), and
    the same checks of the risk lexicon and models as `says_safe_plainly`. The reply keeps the
    urgent lines (slot safe_in_own_words): the words are open, so a danger they do not name may
    still be there."""
    asked = last_bot_action_before_user(tracker)
    about_someone_else = asked == UTTER_ASK_SAFE_OTHER or asked in NOT_SAFE_ABOUT_ANOTHER | NOT_SAFE_ABOUT_A_CHILD or (
        asked in (UTTER_ASK_SAFE, UTTER_NOT_SAFE) and role_before_the_answer(tracker) == PARENT
    )
    if not tracker.latest_message:
        return False
    risk = latest_risk(tracker)
    if about_someone_else and tells_where_they_are_with_someone(tracker.latest_message.text or "", crisis_message(tracker)):
        # "hes with his mum now", a friend's answer, scored as a crisis by the models alone and got
        # "Please call 999 now" (a user trial, session 47). Every word of it is a place, a person or
        # a safe word, so only the words' own danger counts.
        return not _danger_in_the_words(risk)
    if not states_safe_in_own_words(tracker.latest_message.text or "", about_someone_else):
        return False
    # The models' crisis level is never waived for open words ("im calm now, took 20" scored 0.82: the review)
    return risk.get("level") != CRISIS and not _danger_in_the_risk_signals(risk)


def _danger_in_the_words(risk: dict) -> bool:
    """A risk word, finality or crisis words in another language (the models' scores aside)."""
    return bool(risk.get("matches") or risk.get("lexicon_categories") or risk.get("finality") or risk.get("crisis_language"))


def _danger_in_the_risk_signals(risk: dict) -> bool:
    """A risk word, finality, crisis words in another language, or near-certain danger from a model."""
    if _danger_in_the_words(risk):
        return True
    return max(risk.get("score") or 0.0, risk.get("whole_score") or 0.0) >= PLAINLY_SAFE_MAX_SCORE


def told_not_safe_before(tracker: DialogueStateTracker) -> bool:
    """Was "Please call 999 now" said since the latest first crisis step? Then "yes" to the safety
    question asked again (after a question about the chat, or other ways to get help) keeps the
    urgent lines in "I'm glad you're safe" (the review, session 41)."""
    return said_since_the_crisis_reply(tracker, NOT_SAFE_ACTIONS)


def said_since_the_crisis_reply(tracker: DialogueStateTracker, actions: Collection[str]) -> bool:
    """Has the bot said one of `actions` since the latest first crisis step?"""
    said = False
    for event in tracker.applied_events():
        if isinstance(event, ActionExecuted) and event.action_name in FIRST_STEP.values():
            said = False
        elif isinstance(event, ActionExecuted) and event.action_name in actions:
            said = True
    return said


def own_words(tracker: DialogueStateTracker, said_in_own_words: bool) -> list[Event]:
    """The slot that picks the "glad you're safe" reply with the urgent lines kept: "adult" for a
    parent's or carer's own crisis (Samaritans), "young" otherwise (Childline, Shout), None for a
    plain answer. One value per variant, as Rasa picks at random among the variants that match.
    After the crisis reply for nowhere safe, "nowhere_safe" however it was said: "its fine im ok"
    from a child in the woods, out of the window from a father with a knife, got "I'm glad you're
    safe" and nothing more (development conversations G8, session 33)."""
    kind = tracker.get_slot(KIND_SLOT)
    value = ("adult" if kind == "parent_own" else "young") if said_in_own_words else None
    if kind == NOWHERE_SAFE_KIND:
        value = OWN_WORDS_NOWHERE_SAFE
    return [SlotSet(OWN_WORDS_SLOT, value)] if tracker.get_slot(OWN_WORDS_SLOT) != value else []


# The overdose reply for the not-safe reply given (the question it answered was about them).
TAKEN_AFTER = {
    UTTER_NOT_SAFE_PARENT: UTTER_TAKEN_CHILD, UTTER_NOT_SAFE_ADULT: UTTER_TAKEN_ADULT, UTTER_NOT_SAFE_OTHER: UTTER_TAKEN_OTHER,
    UTTER_HELP_DELAYED_CHILD: UTTER_TAKEN_CHILD, UTTER_HELP_DELAYED_OTHER: UTTER_TAKEN_OTHER,
}


# "ok", "k", "alright", "yes", "thanks": a reply to "Please call 999 now" that only acknowledges it.
_ACKNOWLEDGES = re.compile(
    r"(?:ok+|okay|k+|kk|okk|alright|all right|aight|right|yes|yeah|yep|ye|sure|fine|thanks|thank you|ty|ta|cheers|"
    r"will do|i will|ill try|got it|understood|mhm|hmm+)(?: (?:ok|okay|thanks|thank you|ty|then|x+))*"
)


def acknowledges_only(text: str) -> bool:
    return bool(_ACKNOWLEDGES.fullmatch(normalise(text)))


def says_safe_in_words(tracker: DialogueStateTracker) -> bool:
    """A plain safe statement that says safe, OK or fine: after "Please call 999 now", a bare
    "yes" may mean "I will", not "I'm safe"."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    return says_safe_plainly(tracker) and bool(SAFE_WORDS.search(text.lower()) or says_not_in_danger(text))


def tapped_safe(tracker: DialogueStateTracker) -> bool:
    """The "Yes, safe right now" button (a payload, not words)."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    return text.startswith("/") and _final_intent(tracker) in SAFE_INTENTS


def safe_intent_said_plainly(tracker: DialogueStateTracker) -> bool:
    """DIET read "I'm safe" (confirm_safe, affirm), and the words are only that: a tap, or a plain
    safe statement. DIET read "yeah safe, ive got everything ready for friday" and "safe?? oh
    totally 🙃" as safe too, from their first words (author A3, 2026-12-02)."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    return tapped_safe(tracker) or (_final_intent(tracker) in SAFE_INTENTS and states_safe_now(text))


def _final_intent(tracker: DialogueStateTracker) -> str | None:
    """The intent the NLU settled on, never a guess the evidence check set aside; DIET's, when a
    request said in so many words replaced it ("can i start agen" to "Are you safe right now?"
    is still not understood, so not a safe answer)."""
    if not tracker.latest_message:
        return None
    replaced = tracker.latest_message.parse_data.get(REPLACED_BY_WORDS_KEY)
    if isinstance(replaced, dict) and replaced.get("name"):
        return str(replaced["name"])
    return (tracker.latest_message.parse_data.get("intent") or {}).get("name")


def unsure_if_safe(tracker: DialogueStateTracker, said: str | None) -> bool:
    """"idk", "maybe", "..." typed to "Are you safe right now?": not understood, or not knowing.
    Unsure is treated as not safe. ("maybe" got "I'm glad you're safe": DIET's guess, affirm,
    was read although the evidence check had set it aside.)"""
    if not tracker.latest_message or said == "yes" or tapped_safe(tracker):
        return False
    final = _final_intent(tracker)
    text = tracker.latest_message.text or ""
    # Safe-sounding words with more that is not plainly safe ("yes. for now.", "yeah fine, threw up
    # a bit after the pills but im ok", which was answered as a privacy question), and "u there?"
    # (read as a hello, it restarted the chat from the greeting), are no answer either.
    said_safe_with_more = (final in SAFE_INTENTS or sounds_safe(text)) and not states_safe_now(text)
    return (final in UNSURE_INTENTS or asks_if_anyone_is_there(text) or said_safe_with_more or asks_something_else(tracker)
            or unsure_answer(tracker) or bool(_FOR_NOW.fullmatch(normalise(text))) or not_an_answer_but_asked(tracker))


# The words that make a safe answer last only a while: "for now", "for tonight" (not "at the
# moment", which is as often about the worry: "no, just stressed at the moment").
_ONLY_FOR_NOW = re.compile(r"\b(?:for now|for the moment|for the time being|for tonight|for today)\b")  # never a duration: "low for a while"


def safe_only_for_now(text: str) -> bool:
    """Does the answer say it is safe, or no, only for now ("yeah im ok for now i guess", "not for now")?"""
    return bool(_ONLY_FOR_NOW.search(normalise(text)))


def not_an_answer_but_asked(tracker: DialogueStateTracker) -> bool:
    """A language asked for, or a question about the chat with more than the question ("kinda. will
    you tell my mum", "who is this idk"): they had the rules' answer, the safety question dropped."""
    intent = (tracker.latest_message.parse_data.get("intent") or {}).get("name") if tracker.latest_message else None
    if asks_for_a_language(tracker) or intent == REQUEST_OTHER_LANGUAGE:
        return True
    return _final_intent(tracker) in ASIDES_AT_THE_SAFETY_QUESTION and not aside_at_the_safety_question(tracker)


# "for the moment yeah", "at the moment": typed to "Are you safe right now?", read as an answer to
# the form (the review, session 23). Safe for now is not safe.
_FOR_NOW = re.compile(
    r"(?:(?:yeah|yes|yh|ye|yep|i think|i guess|um+|hmm+) )*(?:for now|for the moment|at the moment|atm|for the time being|"
    r"for a bit|for a while|for tonight|for today)(?: (?:yeah|yes|yh|ye|i think|i guess|anyway|lol))*"
)


# Requests that answer nothing about safety: typed to "Are you safe right now?", "thanks" got "You're
# welcome. Take care." and "start again" the questions, with the question dropped (the review,
# session 23). Like not knowing, they are not a yes.
NOT_AN_ANSWER_TO_SAFETY = frozenset({
    "thanks", "start_again", "talk_to_a_person", "request_email", "request_print", "seek_help",
    "more_options", "back_to_child_help",
})
# (A language asked for, "po polsku prosze", keeps its interpreter line: the urgent numbers in that
# language matter more than an English not-safe reply.)


def asks_something_else(tracker: DialogueStateTracker) -> bool:
    """Does the latest message make a request instead of answering the safety question (a request
    said in so many words, or read as one)?"""
    if not tracker.latest_message:
        return False
    text = tracker.latest_message.text or ""
    if text.startswith("/") or parse_yes_no(text) is not None or answer_to_are_you_safe(text) is not None:
        return False  # a button's payload, or "no thanks": their own branches
    intent = (tracker.latest_message.parse_data.get("intent") or {}).get("name")
    request = request_in_so_many_words(text)
    # (a question about the chat said in so many words, "will u tell my mum", is an aside: answered, then asked again)
    return request not in (None, REQUEST_OTHER_LANGUAGE, ASK_PRIVACY) or intent in NOT_AN_ANSWER_TO_SAFETY


# A question about the chat typed to "Are you safe right now?" ("who is this", "is this private?",
# "are you a real person"): it was answered by the rules and the safety question dropped (a review,
# session 23). Now it is answered and the safety question asked again. (Replies from the domain
# only: the action server may be down.)
ASIDES_AT_THE_SAFETY_QUESTION: dict[str, str] = {
    "ask_bot_identity": "utter_bot_identity", "ask_privacy": "utter_privacy",
    # "any that do face to face, he hates video calls" typed to "Is your child safe right now?" after a
    # crisis reply: the rules' list-question action answered and the safety question was dropped (a
    # phone trial, session 27). A question about the services, however long, is answered so.
    "ask_service_info": "utter_service_info",
}
# Replies after which "Are you safe right now?" is asked again: an aside answered, or more told.
UTTER_TOLD_MORE = TOLD_MORE
UTTER_WHAT_WE_MEAN_CHECK = WHAT_WE_MEAN_CHECK
WHAT_WE_MEAN_SAFE_REPLIES = frozenset({WHAT_WE_MEAN_SAFE, WHAT_WE_MEAN_SAFE_CHILD, WHAT_WE_MEAN_SAFE_OTHER})
WHAT_WE_MEAN_NOT_SAFE_REPLIES = frozenset({WHAT_WE_MEAN_NOT_SAFE, WHAT_WE_MEAN_NOT_SAFE_CHILD, WHAT_WE_MEAN_NOT_SAFE_OTHER})
ASKS_AGAIN_AFTER = frozenset({
    *ASIDES_AT_THE_SAFETY_QUESTION.values(), UTTER_TOLD_MORE, *WHAT_WE_MEAN_SAFE_REPLIES, UTTER_OTHER_WAYS, CHECK_FIRST,
    HELPING_SOMEONE_AT_RISK,
})
# Asides whose question may take more than one short clause: the answer words still rule them out.
LONG_ASIDES = frozenset({"ask_service_info"})


# The question alone: one short clause, no word of an answer. "kinda. will you tell my mum", "who is
# this idk", "is this private? ive already taken them" are not asides (a review, session 24).
ASIDE_MAX_WORDS = 8
_SECOND_CLAUSE = re.compile(r"[.?!,;:]+\s*\w")
_ANSWER_WORDS = re.compile(
    r"\b(?:y+e+s+|yeah|yea|yh|ye|yep|yup|no+|nope|nah|na|not|never|safe|unsafe|fine|ok|okay|k|alright|good|bad|idk|"
    r"dunno|dk|know|maybe|kinda|sorta|sure|unsure|guess|think|help|please|pls|plz|scared|danger|hurt|die|dying|"
    r"dead|kill|pills|tablets|taken|took|done|late|still|now|rn|already|bye|thanks|thx|ty)\b"
)


def aside_at_the_safety_question(tracker: DialogueStateTracker) -> str | None:
    """The reply to a question about the chat that is all the latest message says, in English, or None."""
    if not tracker.latest_message:
        return None
    text = tracker.latest_message.text or ""
    plain = normalise(text)
    language = latest_risk(tracker).get("language")
    intent = (tracker.latest_message.parse_data.get("intent") or {}).get("name") or ""
    short = len(plain.split()) <= ASIDE_MAX_WORDS and not _SECOND_CLAUSE.search(text.strip())
    if (language not in (None, "en") or not (short or intent in LONG_ASIDES)
            or _ANSWER_WORDS.search(plain) or sounds_safe(text) or unsure_answer(tracker)):
        return None  # "kim jestes, czy to prywatne" keeps its interpreter line
    return ASIDES_AT_THE_SAFETY_QUESTION.get(intent)


# A language named in a message ("can we do this in urdu"): DIET's reading needs one.
LANGUAGE_NAMED_WORDS = LANGUAGE_NAMES - {"english"}


def asks_for_a_language(tracker: DialogueStateTracker) -> bool:
    """Does the latest message ask for another language ("po polsku prosze", "can we do this in
    urdu")? Said in so many words, or read so by DIET and naming a language: never DIET alone (its
    evidence words for the intent include "help", "sorry", "mum", "dont": a review, session 24)."""
    if not tracker.latest_message:
        return False
    text = tracker.latest_message.text or ""
    intent = (tracker.latest_message.parse_data.get("intent") or {}).get("name")
    return request_in_so_many_words(text) == REQUEST_OTHER_LANGUAGE or (
        intent == REQUEST_OTHER_LANGUAGE and bool(LANGUAGE_NAMED_WORDS & set(without_accents(text).split()))
    )


def wants_another_language(tracker: DialogueStateTracker) -> bool:
    """A language asked for, or the message written in one ("kim jestes, czy to prywatne")."""
    detected = latest_risk(tracker).get("language")
    return asks_for_a_language(tracker) or (bool(detected) and detected != "en" and not repeats_a_button(tracker))


# The general interpreter line ("Say its name in English"), for a language with no line of its own.
ANY_LANGUAGE = "other"
# British Sign Language: the interpreter line (say the name on the phone) is not for a deaf caller.
SIGN_LANGUAGE = "bsl"


def language_events(tracker: DialogueStateTracker) -> list[Event]:
    """The language for the interpreter line: the one the message names, else the one it is in,
    else the general line."""
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    if SIGN_LANGUAGE in normalise(text).split():
        return []
    detected = latest_risk(tracker).get("language")
    code = language_named(text) or (detected if detected and detected != "en" else None) or ANY_LANGUAGE
    return [SlotSet(LANGUAGE_SLOT, code)]


# Not knowing, or "sometimes": typed to the check question, these are not a no.
# "i am", "at home", "with my mum", "not in danger", "i promise i wont": typed to "Are you safe
# right now?", more a yes than no answer; left as before (the review, session 31).
_SAFE_IN_FEW_WORDS = re.compile(
    r"(?:yes |yeah |yh )?(?:i am|i m|im|i promise(?: i (?:wont|will not|wont do anything))?|not in danger|"
    r"(?:im |i m |i am )?(?:at home|home|in bed|in my room|at school|at (?:my )?(?:nans|grans|dads|mums|friends|mates)|"
    r"with (?:my )?(?:mum|mam|mom|dad|nan|gran|family|parents|friend|friends|mate|mates|carer|sister|brother|auntie|aunt|teacher)))"
)
_UNSURE = re.compile(
    r"(?:(?:um+|erm+|hmm+|uh+|well|i mean|tbh|honestly|yeah|yes|ye|oops|oh|ah)\s+)*(?:"
    r"idk|idek|dk|dunno|i dunno|i don ?t know|i do not know|i dont know|not sure|im not sure|i m not sure|unsure|"
    r"maybe|maybe a bit|maybe yes|sometimes|sometimes yes|kinda|kind of|sort of|sorta|a bit|a little|a little bit|"
    r"bit|little bit|possibly|perhaps|probably|i guess|i think so|depends|yes and no|kinda yes|occasionally|"
    r"now and then|at times|on and off|not really sure|a lot|often|all the time|every day|everyday|most days|"
    r"um+|erm+|hmm+|"
    # an apology alone is no answer either: "sorry" to the check question got "What would you like
    # to change?" (development conversations G2, the whole bot, session 31)
    r"(?:im |i m |i am )?(?:so |really )?(?:sorry+|soz|sry|srry|apologies)(?: (?:sorry+|again|x+|for (?:that|this|everything|wasting your time|bothering you)|"
    r"i (?:didnt|did not|dont|do not) (?:mean|want) to (?:worry|scare|upset|bother) (?:you|u|anyone)))*|"
    # taking it back: "forget it", "ignore me", "nvm" (the review, session 31)
    r"(?:just )?(?:forget (?:it|that|i said (?:anything|that|it))|ignore (?:me|that|it)|nvm|never ?mind|doesnt matter|dont worry about it)(?: x+| lol| sorry)*"
    r")(?:\s+(?:tbh|honestly|idk|lol|i guess|i think|sometimes|maybe))*"
)


# More told at "Are you safe right now?": a sentence or more, not a form's short answer. The
# not-safe reply stays for a few words ("hemel", "15", "thank you for the numbers").
TELLS_MORE_MIN_WORDS = 8
# ...that says the earlier message was about something harmless: a game, a lesson, a film, banter,
# a present, a parent who knows ("i know its just gaming trash talk", "need to write a paragraph on
# it for homework", "mums fine with it"). Only these: "used to", "it helps", "im ok now", "years ago"
# or "not about me" also begin "i used to be scared of dying but now im not", "it really helps me
# cope so i keep doing it", "im ok now but its still bleeding" (the review, session 32).
_ABOUT_SOMETHING_HARMLESS = re.compile(
    r"\b(?:i know (?:its|it was|theyre|hes|shes) (?:just|only)|(?:its|it was|theyre) (?:just|only)) (?:a |an |some )?"
    r"(?:game|gaming|trash talk|banter|joke|joking|meme|film|show|series|book|homework|lesson)\b|"
    r"\b(?:mum|mums|dad|dads|my parents|parents) (?:is |are |was |were )?(?:fine|ok|okay|happy) (?:with|about) it\b|"
    r"\b(?:my )?(?:mum|dad|parents) (?:know|knows) (?:him|her|them|the owner)\b|"
    r"\b(?:it was|its) (?:his|her|a) (?:birthday|christmas) present\b|"
    r"\b(?:a|the|my) (?:paragraph|essay|project) (?:on|about|for)\b|\bin (?:english|history|re|pshe|drama|biology)\b"
)
# ...and nothing that goes on with it, now or later ("but it gets to me" is a feeling, and stays).
_GOES_ON = re.compile(
    r"\b(?:still|again|keep|keeps|kept|this time|tonight|later|tomorrow|back at|anymore|"
    r"any more|had enough|do it|did it|doing it|cut|cuts|cutting|bleed|bleeding|blood|burn|pills?|tablets?|sick|dizzy|"
    r"blurry|die|dying|dead|death|kill|hurt|hurts|hurting|touch|touches|touched|hit|hits|hitting|scared|afraid|frightened|"
    r"safe|unsafe|alone|help me|plan|ready|goodbye|bye|gone|end it|nobody|no one|noone)\b"
)

# Safe said beside more ("im ok now but its still bleeding"): `unsure_if_safe` reads those.
_SAFE_CLAIM = re.compile(r"\b(?:im|i am|were|we are|shes|hes|she is|he is|theyre|they are) (?:ok|okay|fine|safe|alright|good)\b")


def tells_more(tracker: DialogueStateTracker, text: str) -> bool:
    """A message of a sentence or more, in English, that says the earlier message was about
    something harmless and nothing that goes on with it; not leaving, unsure, asking for something
    else or in another language (those have their own replies). The caller reads the risk level
    and an overdose already taken."""
    words = normalise(text).split()
    plain = " ".join(words)
    language = latest_risk(tracker).get("language")
    return (len(words) >= TELLS_MORE_MIN_WORDS and bool(_ABOUT_SOMETHING_HARMLESS.search(plain))
            and not _GOES_ON.search(plain) and not text.startswith("/") and language in (None, "en")
            and not unsure_answer(tracker) and not leaves_or_plays_it_down(tracker) and not _SAFE_CLAIM.search(plain)
            and not ends_it(text) and not wants_another_language(tracker) and not asks_if_anyone_is_there(text)
            and request_in_so_many_words(text) is None and _final_intent(tracker) not in NOT_AN_ANSWER_TO_SAFETY)


def asked_again_already(tracker: DialogueStateTracker) -> bool:
    """Was the safety question just asked again after `UTTER_TOLD_MORE`?"""
    actions = [event.action_name for event in tracker.applied_events()
               if isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME]
    return len(actions) >= 2 and actions[-2] == UTTER_TOLD_MORE


def said_since_the_question(tracker: DialogueStateTracker, replies: frozenset[str], steps: frozenset[str]) -> bool:
    """Did the bot say one of `replies` since its question was first asked, looking back through the
    bot's `steps` while the question waits for its answer (however much came between)?"""
    for event in reversed(tracker.applied_events()):
        if not isinstance(event, ActionExecuted) or event.action_name == ACTION_LISTEN_NAME:
            continue
        if event.action_name in replies:
            return True
        if event.action_name not in steps:
            return False
    return False


def not_safe_reply_explained_once(tracker: DialogueStateTracker, reply: str) -> str:
    """What 999 and A&E are, the first time "Please call 999 now" (`reply`) is asked about; after
    that, the reply itself again."""
    return reply if explained_the_not_safe_reply_already(tracker) else what_we_mean_not_safe_reply(tracker, reply)


def explained_the_not_safe_reply_already(tracker: DialogueStateTracker) -> bool:
    """Was "Please call 999 now" explained since it was first said (however often said again)?"""
    return said_since_the_question(tracker, WHAT_WE_MEAN_NOT_SAFE_REPLIES, frozenset(NOT_SAFE_ACTIONS | WHAT_WE_MEAN_NOT_SAFE_REPLIES))


def explained_the_safety_question_already(tracker: DialogueStateTracker) -> bool:
    """Was "Are you safe right now?" explained since it was first asked?"""
    return said_since_the_question(tracker, WHAT_WE_MEAN_SAFE_REPLIES, frozenset(ASK_SAFE_ACTIONS | ASKS_AGAIN_AFTER))


# The replies after which the check question is asked again, and the bot's steps while it waits.
_ASKED_AGAIN_AT_THE_CHECK = CHECK_ASKED_AGAIN_AFTER
_AT_THE_CHECK = frozenset({UTTER_CHECK, *_ASKED_AGAIN_AT_THE_CHECK})


def asked_the_check_again_already(tracker: DialogueStateTracker) -> bool:
    """Was the check question asked again, for any reason, since it was first asked?"""
    return said_since_the_question(tracker, _ASKED_AGAIN_AT_THE_CHECK, _AT_THE_CHECK)


def checked_for_risk_words(tracker: DialogueStateTracker) -> bool:
    """Did the message the check question asked about have risk words (the lexicon's), not only the
    models' score? Only then is an answer typed instead met with the check again: for a check from
    the models alone it was tried and dropped (session 35): on development conversations G5 it
    came after "ill fail anyway" and "he hates himself when he loses at games", and a later "ok
    thanks" got the crisis reply."""
    checked: UserUttered | None = None
    last_user: UserUttered | None = None
    previous = None
    for event in tracker.applied_events():
        if isinstance(event, UserUttered):
            last_user = event
        elif isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN_NAME:
            if event.action_name == UTTER_CHECK and previous not in _ASKED_AGAIN_AT_THE_CHECK:
                checked = last_user
            previous = event.action_name
    risk = (checked.parse_data.get("risk") or {}) if checked is not None else {}
    return bool(risk.get("lexicon_categories"))


# A person named alone, to "…or is someone hurting you?": who it is. "a teacher" after "someone at
# school keeps touching me" got the greeting, and the child was taken for a professional ("How old
# is the young person you are helping?"); the check was dropped (the review, session 35).
_A_PERSON = re.compile(
    r"(?:(?P<whose>a|an|the|my|his|her|their|our|this|that|some|mums|mum s|dads|dad s)\s+)?(?:(?:step|older|big|little)\s?)?"
    r"(?:dad|daddy|father|mum|mummy|mom|mother|stepdad|stepmum|brother|sister|bro|sis|uncle|aunt|auntie|aunty|cousin|"
    r"nan|nanny|gran|grandad|grandpa|grandma|boyfriend|girlfriend|bf|gf|partner|husband|wife|ex|teacher|coach|tutor|"
    r"neighbour|carer|foster carer|staff|man|guy|lad|lads|boys|girls|woman|men|older boys|someone|somebody|him|them)"
    r"(?:\s+(?:at school|at home|from school|at church|at the club|at football|online|next door|in my class|at work))?"
)
_FAMILY_ALONE = frozenset({"dad", "daddy", "father", "mum", "mummy", "mom", "mother"})


def names_who_instead(tracker: DialogueStateTracker, text: str) -> bool:
    """A person named alone at the check question ("a teacher", "my stepdad", "him"): who is
    hurting them, so a yes. A bare "mum" or "dad" from a parent or a professional may say who
    they are, so only with "my", "his"... or from a young person."""
    clean = normalise(text)
    said = _A_PERSON.fullmatch(clean)
    if said is None or text.startswith("/"):
        return False
    return not _says_who_they_are_in_a_word(tracker, clean)


def _says_who_they_are_in_a_word(tracker: DialogueStateTracker, clean: str) -> bool:
    """"mum" or "dad" alone from a parent or a professional: who they are, not who hurts the child."""
    return clean in _FAMILY_ALONE and tracker.get_slot("user_role") in (PARENT, PROFESSIONAL)


# "I'm his mum", "dad here", "mum speaking", "I work at the school": the speaker says who they are.
_SAYS_WHO_I_AM = re.compile(r"\b(?:i m|im|i am|i work|here|speaking|this is)\b")
YOUNGEST_AGE_SAID = 4
# An answer to the first questions typed instead of an answer to the check: a few words at most.
ANSWER_INSTEAD_MAX_WORDS = 6


def answers_the_questions_instead(tracker: DialogueStateTracker, text: str) -> bool:
    """Only who is chatting, an age or a place ("I'm his mum", "hes 14", "harlow"), typed to the
    check question: before the questions the rules greeted, the questions began and the check was
    dropped, and the first message with it (a trial, session 35: "im worried my son wants to end
    his life", then "I am his mum"); in the form the form took the answer ("OK." and the age
    question again, in the widget) and the check was dropped the same way. Also the form's own
    question's plain answer (a school, "no school")."""
    if tracker.get_slot("services_shown") or text.startswith("/") or not checked_for_risk_words(tracker):
        return False
    clean = normalise(text)
    if not clean or len(clean.split()) > ANSWER_INSTEAD_MAX_WORDS or parse_yes_no(text) is not None:
        return False
    # The closed grammars of a plain answer; never "me" or "idk", which may answer the check itself,
    # and never a person named without "I" ("a teacher", "his stepdad" answer "is someone hurting
    # you?": the review), nor "1" (the first button), an age under 4.
    says_who = _SAYS_WHO_I_AM.search(clean) or _says_who_they_are_in_a_word(tracker, clean)
    role = parse_role_typed(text) if is_plain_answer(text, "user_role") and says_who else None
    age = parse_age(text) if is_plain_answer(text, "age", role or PARENT) or is_plain_answer(text, "age") else None
    asked = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
    return (
        role in (PARENT, PROFESSIONAL) or (age is not None and not age.unknown and (age.low or 0) >= YOUNGEST_AGE_SAID)
        or is_plain_answer(text, "area", None, is_plain_area_answer)
        or (asked == "school" and is_plain_answer(text, asked, None, None, is_plain_school_answer))
    )


def about_someone_else_asked(tracker: DialogueStateTracker, asked: str | None) -> bool:
    """Was the safety question about someone else: "Is the person you are worried about safe right
    now?", or a parent's "Is your child safe right now?"."""
    return asked == UTTER_ASK_SAFE_OTHER or (asked == UTTER_ASK_SAFE and role_before_the_answer(tracker) == PARENT)


def answers_the_form_at_the_safety_question(tracker: DialogueStateTracker, text: str) -> bool:
    """Only the answer to the form's question asked just before the crisis message (an age, a
    place, a school), typed to "Are you safe right now?": "13" from a teacher, asked the pupil's age
    and then telling of abuse, got "Please call 999 now" (a user trial, session 49). No answer to
    the safety question: what it means is said, once (`what_we_mean_safe_reply`)."""
    asked = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
    if asked not in ("age", "area", "school") or tracker.get_slot("services_shown") or text.startswith("/"):
        return False
    clean = normalise(text)
    if not clean or len(clean.split()) > ANSWER_INSTEAD_MAX_WORDS or parse_yes_no(text) is not None:
        return False
    if asked == "age":
        role = tracker.get_slot("user_role")
        age = parse_age(text) if is_plain_answer(text, "age", role or PARENT) or is_plain_answer(text, "age") else None
        return age is not None and not age.unknown and (age.low or 0) >= YOUNGEST_AGE_SAID
    # A place or a school by its name only: "not sure", "idk", "skip" or "nah im fine" also answer the
    # school question, and not sure is the not-safe reply's (the review, session 49)
    if asked == "area":
        return is_plain_answer(text, "area", None, is_plain_area_answer) and not is_declined(text)
    return is_plain_school_answer(clean)


def explained_the_check_already(tracker: DialogueStateTracker) -> bool:
    """Was the check question explained since it was first asked?"""
    return said_since_the_question(tracker, frozenset({UTTER_WHAT_WE_MEAN_CHECK}), _AT_THE_CHECK)


def unsure_answer(tracker: DialogueStateTracker) -> bool:
    """"idk", "sometimes", "?" or "...": an answer that is neither yes nor no."""
    text = (tracker.latest_message.text or "") if tracker.latest_message else ""
    if re.fullmatch(r"\s*[?.!…]+\s*", text):
        return True
    return _final_intent(tracker) == "dont_know" or bool(_UNSURE.fullmatch(normalise(text)))


NAME_QUESTIONS = ("school", "area")


def short_name_answer(tracker: DialogueStateTracker) -> bool:
    """A message of a few words typed to the school or place question (a school or town name)."""
    if tracker.active_loop_name != TRIAGE_FORM or tracker.get_slot("requested_slot") not in NAME_QUESTIONS:
        return False
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    return 0 < len(text.split()) <= NAME_ANSWER_MAX_WORDS or _names_a_place_or_school(tracker, text)


def _names_a_place_or_school(tracker: DialogueStateTracker, text: str) -> bool:
    """A longer answer that is only a place (at the place question) or one of our schools (at the
    school question): "we live in hitchin hertfordshire" was read as another language and got "I
    can only chat in English for now" (development author D15). A place is a name at the school
    question too: "We live in Leicester, LE2" there was read as German (a user trial, session 45)."""
    asked = tracker.get_slot("requested_slot")
    if asked not in NAME_QUESTIONS:
        return False
    return is_plain_answer(text, asked, None, is_plain_area_answer, is_plain_school_answer) or is_plain_answer(
        text, "area", None, is_plain_area_answer)


def repeats_a_button(tracker: DialogueStateTracker) -> bool:
    """Are the latest message's words those of a button the bot's latest message offered?"""
    if not tracker.latest_message:
        return False
    said = normalise(tracker.latest_message.text or "")
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered):
            buttons = (event.data or {}).get("buttons") or []
            return any(said in (normalise(str(b.get("title") or "")), normalise(str(b.get("payload") or ""))) for b in buttons)
    return False


def asks_how_to_help_the_one_at_risk(tracker: DialogueStateTracker, before: str | None, text: str) -> bool:
    """"what do i say to him", "what do i do", asked after a crisis reply about someone else (a
    friend's, or a parent's about their child): never during the questions but at a safety question,
    and there once since that reply (asked again, it is no answer). The reply says who can advise;
    there is no sourced advice of our own."""
    if not asks_how_to_help_them(text) or (tracker.active_loop_name and before not in CRISIS_QUESTIONS):
        return False
    # Only at "Is … safe right now?" or once they are safe, never after "Please call 999 now" or help on
    # its way; only for words of wanting to die or of self-harm, never an act taken or done by others
    # ("my ex is outside threatening me and my son", "my daughter took 20 paracetamol": the review)
    if not (before in ASK_SAFE_ACTIONS or (before not in CRISIS_QUESTIONS and not crisis_not_settled(tracker))):
        return False
    categories = set(tracker.get_slot(CRISIS_SLOT) or [])
    if not categories or not categories <= _WORDS_OF_HARM or took_something_already(list(categories), crisis_message(tracker)):
        return False
    kind = tracker.get_slot(KIND_SLOT)
    about_another = kind == "third_party" or (kind == "general" and is_parent(tracker))
    return about_another and not (before in CRISIS_QUESTIONS and _helped_since_the_crisis_reply(tracker))


# The crisis told in words the how-to-help reply fits (PAPYRUS: "anyone concerned about a young person").
_WORDS_OF_HARM = frozenset({"suicidal", "self_harm", "distress"})


def who_is_speaking_after_a_young_persons_crisis_reply(tracker: DialogueStateTracker, before: str | None, text: str) -> str | None:
    """parent_carer | professional, told as the answer to the young person's "Are you safe right
    now?" (or, from a parent, "Is the person you are worried about safe right now?"), when who is
    chatting was not yet said and the crisis message told of someone else by name or pronoun ("she
    make vomit after eat", "her 15 yo has taken some tablets"), with no risk words of its own. Never
    after a crisis with no one else in it ("wanna die", then "im with a teacher" or "stepdad": the
    review, session 48), nor told of harm to the speaker (a parent's own "no reason to live")."""
    # (the role before this message: the form may have filled it from the answer itself)
    if before not in (UTTER_ASK_SAFE, UTTER_ASK_SAFE_OTHER) or role_before_the_answer(tracker) is not None:
        return None
    told = crisis_message(tracker)
    if tracker.get_slot(KIND_SLOT) in ("parent_own", None) or tells_of_harm_to_the_speaker(told):
        return None
    if not tells_of_someone_else(told, parent_speaking(told) or says_they_work_with_children(told)) \
            or _danger_in_the_words(latest_risk(tracker)):
        return None
    speaking = who_is_speaking_at_the_safety_question(text)
    # (asked about "the person you are worried about", a professional had the right reply)
    return speaking if before == UTTER_ASK_SAFE or speaking == PARENT else None


def crisis_reply_for_who_is_speaking(tracker: DialogueStateTracker, role: str) -> tuple[str, list[Event]]:
    """The crisis reply again, for a parent (the same kind, in its parent's words) or for a
    professional (someone else's crisis; the kinds kept for professionals keep their numbers)."""
    kind = str(tracker.get_slot(KIND_SLOT))
    if role == PROFESSIONAL and kind not in KEPT_FOR_PROFESSIONALS:
        kind = "third_party"
    if role == PARENT and kind == "third_party":
        kind = "general"  # the parent's words for their child ("she has been cutting her arms", then "parent")
    about_another = role == PROFESSIONAL and kind in KEPT_FOR_PROFESSIONALS
    return FIRST_STEP[kind], [SlotSet("user_role", role), SlotSet(KIND_SLOT, kind), SlotSet(ABOUT_ANOTHER_SLOT, about_another or None)]


def refusing_the_call_leaves_other_ways(tracker: DialogueStateTracker) -> bool:
    """After a crisis told in words of harm (never an act done, live danger or abuse, where the call
    is the help), to a young person (the other ways are lines for them to use: a parent's or a
    professional's call for a child stays the not-safe reply), and not yet given since the crisis reply."""
    categories = set(tracker.get_slot(CRISIS_SLOT) or [])
    own = not is_parent(tracker) and tracker.get_slot("user_role") != PROFESSIONAL and tracker.get_slot(KIND_SLOT) == "general"
    # (never once "not safe" was said in the conversation: the call stays the help, with the lines it
    # already gives; nor for a friend's danger, where the other ways are for the speaker: the second review)
    return own and bool(categories) and categories <= _WORDS_OF_HARM and not tells_it_is_now_or_done(crisis_message(tracker)) \
        and not said_since_the_crisis_reply(tracker, (UTTER_OTHER_WAYS,)) and not _said_ever(tracker, NOT_SAFE_ACTIONS)


def put_aside_by_the_check_just_now(tracker: DialogueStateTracker) -> bool:
    """Was "no" said to the check question asked after a crisis the models alone raised (what the
    words meant), within the last two messages?"""
    if not crisis_from_the_models_alone(tracker) or not said_since_the_crisis_reply(tracker, (UTTER_CHECK_OK,)):
        return False
    events = tracker.applied_events()
    ok = max(i for i, event in enumerate(events) if isinstance(event, ActionExecuted) and event.action_name == UTTER_CHECK_OK)
    return sum(isinstance(event, UserUttered) for event in events[ok:]) <= AFTER_CRISIS_MESSAGES


def _said_ever(tracker: DialogueStateTracker, actions: Collection[str]) -> bool:
    return any(isinstance(event, ActionExecuted) and event.action_name in actions for event in tracker.applied_events())


def unsure_of_a_models_crisis(tracker: DialogueStateTracker) -> bool:
    """A crisis the risk models alone raised on the speaker's own (or their child's) words of harm,
    no act, means, time or plan told in it, and the check question not yet asked since: what the
    words meant, told at the safety question, gets the check question, not yet "Please call 999 now"."""
    categories = set(tracker.get_slot(CRISIS_SLOT) or [])
    return (
        crisis_from_the_models_alone(tracker) and bool(categories) and categories <= _WORDS_OF_HARM
        and not tells_it_is_now_or_done(crisis_message(tracker))
        and tracker.get_slot(KIND_SLOT) == "general" and not tracker.get_slot(ABOUT_ANOTHER_SLOT)
        and not said_since_the_crisis_reply(tracker, (UTTER_CHECK,))
    )


def _helped_since_the_crisis_reply(tracker: DialogueStateTracker) -> bool:
    return said_since_the_crisis_reply(tracker, (HELPING_SOMEONE_AT_RISK,))


def after_user_message(tracker: DialogueStateTracker) -> tuple[str | None, list[Event]]:
    intent = intent_as_guessed(tracker.latest_message.parse_data) if tracker.latest_message else None
    before = last_bot_action_before_user(tracker)
    level = risk_level(tracker)
    said = answer_to_are_you_safe(tracker.latest_message.text or "") if tracker.latest_message else None
    taken = took_something_already(tracker.get_slot(CRISIS_SLOT) or [], crisis_message(tracker))
    text = tracker.latest_message.text or "" if tracker.latest_message else ""
    if asks_how_to_help_the_one_at_risk(tracker, before, text):
        return HELPING_SOMEONE_AT_RISK, []
    if level != CRISIS and says_they_cant_go_on(text) and put_aside_by_the_check_just_now(tracker):
        return first_crisis_step(tracker)
    speaking = who_is_speaking_after_a_young_persons_crisis_reply(tracker, before, text)
    if speaking:
        # "parent", "no its my daughter", "it's not me. its a patient's son" to "Are you safe right
        # now?" got "Please call 999 now… tell a trusted adult" (a user trial, session 48): the crisis
        # reply for them, and the question about the child or young person.
        return crisis_reply_for_who_is_speaking(tracker, speaking)
    if before in ASK_SAFE_ACTIONS and asks_how_to_help_them(text) and _helped_since_the_crisis_reply(tracker):
        # asked again, no answer (never DIET's aside: "I'm a chatbot"): the question said plainly once, then not safe
        if not explained_the_safety_question_already(tracker):
            return what_we_mean_safe_reply(tracker, before), []
        return not_safe_reply(tracker, before), []
    if before in ASK_SAFE_ACTIONS and taken and said != "no" and intent not in NOT_SAFE_INTENTS and (sounds_safe(text) or said == "yes"):
        # After pills already taken, an answer that sounds safe gets "call 999 now, even if you feel
        # OK", however much more it says: "she says she's fine now and doesn't want an ambulance"
        # got the crisis reply again (a user trial, session 20). Unsure or not safe: the not-safe reply.
        return safe_reply(tracker, before), []
    if before in ASK_SAFE_ACTIONS and nods_only(text) and not explained_the_safety_question_already(tracker):
        # "k" after "got chucked out again" and a phone about to die, "k" an hour after a relapse, and
        # "fine" after "did it again" got "I'm glad you're safe" (development conversations G16,
        # session 41): a nod, not an answer. What the question means, and the question again, once.
        return what_we_mean_safe_reply(tracker, before), []
    if before in ASK_SAFE_ACTIONS and nods_only(text):
        return not_safe_reply(tracker, before), []  # nodded again after "if you are not sure, call 999": not sure
    if before in ASK_SAFE_ACTIONS and level != CRISIS and not taken and not explained_the_safety_question_already(tracker) \
            and about_someone_else_asked(tracker, before) and not tells_it_is_now_or_done(crisis_message(tracker)) \
            and answers_the_form_at_the_safety_question(tracker, text):
        # Only asked about someone else (a pupil, a child), never after danger told as now or done:
        # "watford" after "im on the bridge and im going to jump" got the question explained instead
        # of "Please call 999 now" in a first version (the second review, session 49)
        return what_we_mean_safe_reply(tracker, before), []
    if before in ASK_SAFE_ACTIONS and said != "no" and intent not in DISAGREES_SAFE and says_safe_plainly(tracker):
        return safe_reply(tracker, before), own_words(tracker, told_not_safe_before(tracker))
    if before in ASK_SAFE_ACTIONS and said != "no" and intent not in DISAGREES_SAFE and says_safe_in_own_words(tracker):
        # "safe, at football training, just had a moment" got "Please call 999 now" (A5, session 22)
        return safe_reply(tracker, before), own_words(tracker, True)
    in_own_words = says_safe_in_own_words(tracker) and bool(SAFE_WORDS.search(text.lower()))  # a bare "yes" may be "I will"
    if before in TAKEN_ACTIONS and said != "no" and (says_safe_in_words(tracker) or tapped_safe(tracker) or in_own_words):
        return before, []  # "im fine honestly" after "call 999 now, even if you feel OK": the same again
    after_the_overdose = before in TAKEN_ACTIONS or (before in NOT_SAFE_ACTIONS and taken)  # (after "no" too: the third review)
    if after_the_overdose and not _danger_in_the_words(latest_risk(tracker)) and someone_takes_them_to_hospital(text, crisis_message(tracker)):
        # (whatever the models score: "im taking him now" scored a crisis, and the whole message is the closed grammar)
        return help_coming_reply(tracker, before), []  # "ok my mum is taking me now", "im taking him now"
    if after_the_overdose and level != CRISIS and not _danger_in_the_words(latest_risk(tracker)) and not tells_help_is_coming(text) \
            and doubts_going_or_refuses(text):
        # "do i really need to go" after "If you have taken too much of something, please call 999 now…
        # even if you feel OK" got the place question again, and "i dont want to go to a&e" the crisis
        # reply without the overdose line (a user trial, session 49): the same reply again. Only
        # doubts about going and refusals: a new disclosure, a request for a person or "what is
        # childline?" keep their own replies (the review).
        return before, []
    if before in NOT_SAFE_ACTIONS and (doubts_the_worry(text) or plays_the_worry_down(text)):
        # "is that normal" after "Please call 999 now", told of a coach's secret visit, got "I can't
        # give medical advice" (development conversations G8, session 33): the crisis reply again,
        # which says it is not their fault and who can help. The same for "probably just attention
        # seeking, should i ignore it?" about a friend (G2, session 38).
        return first_crisis_step(tracker)
    if before in NOT_SAFE_ACTIONS and acknowledges_only(text):
        # "ok" after "Please call 999 now… I'm here when you're ready" got "I'm glad you're safe"
        # (the review, session 23): it may mean "ok, I will", not "I'm safe". The same again.
        return before, []
    if before in NOT_SAFE_ACTIONS and said != "no" and intent not in DISAGREES_SAFE and (
        says_safe_in_words(tracker) or tapped_safe(tracker) or in_own_words
    ):
        # "im safe now, my mum is home" after "Please call 999 now… I'm here when you're ready" got
        # "Sorry, I didn't get that" (phone trial, 2026-12-02): they came back to say they are safe.
        if taken:  # an overdose already taken: call 999 even so (the review, session 22)
            about_a_child = about_a_child_after(tracker, before)
            return TAKEN_AFTER.get(before or "", UTTER_TAKEN_CHILD if about_a_child else UTTER_TAKEN_YOUNG), []
        plainly = says_safe_in_words(tracker) or tapped_safe(tracker)
        if before in NOT_SAFE_ABOUT_ANOTHER:
            return UTTER_SAFE_OTHER, own_words(tracker, not plainly)  # a friend's crisis: "glad they're safe"
        return (UTTER_SAFE_CHILD if about_a_child_after(tracker, before) else UTTER_SAFE), own_words(tracker, not plainly)
    at_a_safety_prompt = before in ASK_SAFE_ACTIONS or before in NOT_SAFE_ACTIONS
    # The models' crisis level on a few practical words ("i only have wifi" scored 0.95) is no reason
    # to pass over what they say; risk words are.
    not_a_crisis_in_words = level != CRISIS or from_the_model_alone(latest_risk(tracker))
    if at_a_safety_prompt and not_a_crisis_in_words and help_is_delayed(text):
        # "the ambulance cant come for 3 hours what do we do" to "Is the person you are worried about
        # safe right now?" got the chat's practical answer (development conversations G16, session 41).
        return help_delayed_reply(tracker, before), []
    if at_a_safety_prompt and not_a_crisis_in_words and said is None and intent not in DISAGREES_SAFE \
            and (cannot_use_the_phone(text) or asks_about_a_line(text)):
        # "can u just talk to me instead of giving me numbers" got "Sorry, I didn't get that", "whats
        # the website one" got "Sorry, I can't help with that" (G16): ways without a call, then the
        # safety question again.
        return UTTER_OTHER_WAYS, []
    if before in NOT_SAFE_ACTIONS and level != CRISIS and tracker.latest_message and asks_about_emergency_help(tracker.latest_message.text or ""):
        # "why should i call 999", "how do i get to a&e" got "You did the right thing… until help
        # comes" (the review, session 36): what 999 and A&E are, once, then the reply again.
        return not_safe_reply_explained_once(tracker, before), []
    if before in NOT_SAFE_ACTIONS and level != CRISIS and tracker.latest_message and tells_help_is_coming(tracker.latest_message.text or ""):
        return help_coming_reply(tracker, before), []
    if before in (UTTER_ASK_SAFE, UTTER_ASK_SAFE_SELF) and level != CRISIS and said != "no" and help_sought_plainly(text):
        # "we are at a&e and theres a 6 hour wait" to "Are you safe right now?" got "Please call 999
        # now, or go to A&E" (the review, session 41): help is being sought, as after that reply.
        return help_coming_reply(tracker, before), []
    aside = ASIDES_AT_THE_SAFETY_QUESTION.get(_final_intent(tracker) or "")
    if before in NOT_SAFE_ACTIONS and level == NONE and said is None and aside:
        # "you will tell police?" after "Please call 999 now" got the privacy answer, and nothing
        # about safety came again (G16): the answer, then "Are you safe right now?".
        return aside, []
    # (the message's own level: waving it away raises `level` to the crisis; these read the words first)
    no_risk_in_the_words = str(latest_risk(tracker).get("level") or NONE) == NONE
    if before in ASK_SAFE_ACTIONS and no_risk_in_the_words and not taken and refuses_to_call(text) \
            and refusing_the_call_leaves_other_ways(tracker):
        # "i dont want to call 999" got "Please call 999 now" again (both user trials, session 47):
        # once, the ways to get help without a call (each ends "If you are in danger now, call
        # 999"), then the safety question again.
        return UTTER_OTHER_WAYS, []
    if before in ASK_SAFE_ACTIONS and no_risk_in_the_words and not taken and tells_what_they_meant(text) and not means_it(text) \
            and not tells_it_is_now_or_done(text) and unsure_of_a_models_crisis(tracker):
        # "i meant school", "its just school", "not like that", "no i meant exams lol" after "i cant do
        # this anymore", which the risk models alone scored a crisis, got "Please call 999 now" (both
        # user trials, session 47: their top complaint). The crisis reply and its lines were given;
        # the check question now asks plainly about harm, and "no" to it carries on with the lines
        # kept. Only what the words meant, said so: any other answer stays no answer (below). The
        # review of session 48 found that a first version taking every other answer this way gave
        # the check question to "not feeling anything yet so i might have more" after "asking bc i
        # already have" (vodka and diazepam), and to "3 times" after "the razor thing i said id stop".
        return UTTER_CHECK, []
    if before in ASK_SAFE_ACTIONS and (intent in NOT_SAFE_INTENTS or said == "no"):
        return not_safe_reply(tracker, before), []
    if before in ASK_SAFE_ACTIONS and said != "yes" and latest_risk(tracker).get("level") != CRISIS and leaves_or_plays_it_down(tracker):
        return not_safe_reply(tracker, before), []  # "bye x" to "Are you safe right now?"
    if (
        before in NOT_SAFE_ACTIONS and latest_risk(tracker).get("level") != CRISIS and crisis_not_settled(tracker)
        and leaves_or_plays_it_down(tracker)
    ):
        return before, []  # "its fine ill just lie down" after "Please call 999 now": the same again
    if before in ASK_SAFE_ACTIONS and said is None and level == NONE and not taken and not asked_again_already(tracker) \
            and tells_more(tracker, text):
        # "i know its just gaming trash talk but it gets to me, how do i not let it": more told, with
        # no danger in it, typed to "Are you safe right now?" got "Please call 999 now" (development
        # conversations G7, session 32). Thanks, and the question once more: it still needs an
        # answer. Once only: the next non-answer is not safe. (Not for a short answer after a crisis
        # the risk model alone gave: on G5 that let "harlow" after "took a few extra co-codamol to
        # sleep. like 12" and "welwyn garden city" after "boys outside my house with knives" through.)
        return UTTER_TOLD_MORE, []
    asks_about_it = asks_what_we_mean(text) or asks_why_we_ask(text)
    # (not "im so confused": at a safety question that may tell how they are, not ask: the review)
    asks_about_the_question = asks_about_it and not re.search(r"\bconfus", text.lower())
    if before in ASK_SAFE_ACTIONS and said is None and level == NONE and not taken and asks_about_the_question \
            and not explained_the_safety_question_already(tracker):
        # "what do you mean" to "Are you safe right now?" got "Please call 999 now" (a phone trial,
        # session 34): what the question means (with 999 if unsure), then the question again. Once:
        # asked again, it is no answer (the not-safe reply, below).
        return what_we_mean_safe_reply(tracker, before), []
    if before in NOT_SAFE_ACTIONS and level != CRISIS and (asks_about_the_question or unsure_answer(tracker)):
        # "why are you asking" after "Please call 999 now" got "Sorry, I didn't get that" and the
        # menu (session 35): what 999 and A&E are, then the same reply again, which says what to do
        # (once: the same reply again every time was the review's finding 10, session 35). Not knowing
        # too: "idk" and "dunno" got "Sorry, I didn't get that. What would you like to do?" (a user
        # trial, session 47); the explanation ends "If you are not sure, it is OK to call 999."
        return not_safe_reply_explained_once(tracker, before), []
    if before in ASK_SAFE_ACTIONS and level == NONE and unsure_if_safe(tracker, said):
        # (above none, "ok whatever bye" after a friend's overdose: the crisis reply again, below).
        # A language asked for ("po polsku prosze"): the not-safe reply, then the interpreter line.
        return not_safe_reply(tracker, before), language_events(tracker) if wants_another_language(tracker) else []
    if before in ASK_SAFE_ACTIONS and said is None and level == NONE and aside_at_the_safety_question(tracker):
        return aside_at_the_safety_question(tracker), []
    if before in ASK_SAFE_ACTIONS and said is None and level == NONE and answers_the_form_about_someone_else(tracker, before) \
            and not asked_the_safety_question_again_already(tracker):
        # "Market Harborough" typed by a pastoral lead to "Is the person you are worried about safe
        # right now?" got "Please call 999 now", and every answer after it the same (a user trial,
        # session 45). About someone else, a town or an age is asked for the answer once more;
        # typed again, the not-safe reply (below). Never for the speaker's own safety.
        return CHECK_FIRST, []
    if before in ASK_SAFE_ACTIONS and said is None and level == NONE and not text.startswith("/") \
            and _final_intent(tracker) not in SAFE_INTENTS and normalise(text) and not sounds_safe(text) \
            and not _SAFE_IN_FEW_WORDS.fullmatch(normalise(text)):
        # An answer to the form ("hemel", "15") or anything else that does not answer "Are you safe
        # right now?": after "i took my mums sleeping tablets", "watford" got "Sorry, I didn't get
        # that. Are you a young person…?" and the question was dropped (development conversations
        # G5 through the whole bot, session 31). No answer is not safe, as for a request (session 23);
        # above the after-crisis line the crisis reply comes again instead (below).
        return not_safe_reply(tracker, before), language_events(tracker) if wants_another_language(tracker) else []
    said_to_the_check = parse_yes_no(text) or said
    if before == UTTER_CHECK and level == NONE and said_to_the_check is None and intent not in NO_RISK_ANSWERS | AT_RISK_ANSWERS \
            and not asked_again_already(tracker) and tells_more(tracker, text):
        # "it was his birthday present from his dad so I know where it came from, I just worry about
        # screen time" typed to the check question was taken by the form as the school's name, and
        # the check passed over (a phone trial, session 32). Thanks, 999 and the check again. (Not
        # at check level, and not without a word that says it was harmless: tried in session 33,
        # "dont try and talk me out of it pls i just wanted someone to know", "can you tell me
        # where the nearest bridge over the motorway is" and "im in hemel town centre, no money and
        # its getting dark" were thanked and asked again instead of the crisis reply, held-out
        # conversations G and G4 too.)
        return UTTER_TOLD_MORE, []
    # Only a check question that risk words raised: after one the models alone raised, a teenager's
    # "nvm" or "forget it" is as often a no (a held-out not-risk set: five false check questions
    # became crisis replies in this rule's first version).
    if before == UTTER_CHECK and level == NONE and said_to_the_check is None and intent not in NO_RISK_ANSWERS \
            and (waves_it_away(text) or _SHRUGS.fullmatch(normalise(text))) and checked_for_risk_words(tracker):
        # "Sorry, wrong box. Ignore that" to the check question after "How many of my antidepressants
        # would it take" got "What would you like to change?" and the check was dropped (development
        # conversations G14, session 40). Taken back, it is no answer, as "forget it" and "ignore me"
        # were already: the crisis reply (tests/test_crisis_policy_closings.py).
        return first_crisis_step(tracker)
    if before == UTTER_CHECK and level == NONE and said_to_the_check is None and intent not in NO_RISK_ANSWERS \
            and says_just_asking(text):
        # "just curious", "asking for a friend" (the review, session 40): the check again, once; then,
        # still no answer, the crisis reply.
        return first_crisis_step(tracker) if asked_the_check_again_already(tracker) else (CHECK_FIRST, [])
    if before == UTTER_CHECK and level == NONE and said_to_the_check is None and _SKIPS.fullmatch(normalise(text)) \
            and tracker.active_loop_name and not risk_words_told(tracker) and not asked_the_check_again_already(tracker):
        # "skip", the form's own button word, to a check the models alone raised on "my son is 14 and
        # my daughter is 11" got the crisis reply, and a parent "Please call 999 now" two answers
        # later (a user trial, session 46): the check again, once.
        return CHECK_FIRST, []
    if before == UTTER_CHECK and said_to_the_check is None and intent not in NO_RISK_ANSWERS and not asks_about_it \
            and skipped_the_check(tracker):
        # ...then anything but an answer is the crisis reply, as "skip" was before: "i cant take it
        # anymore", "skip", the check again, then "hemel" passed the check over (the review, session 46)
        return first_crisis_step(tracker)
    if before == UTTER_CHECK and level != CRISIS and takes_a_pause(text):
        # "hang on" to the check question got "Take your time" and the form's question, and the check
        # was dropped (the review, session 46): it is no answer; the check again
        return CHECK_FIRST, []
    answers_instead = before == UTTER_CHECK and level == NONE and said_to_the_check is None \
        and intent not in NO_RISK_ANSWERS | AT_RISK_ANSWERS and answers_the_questions_instead(tracker, text)
    if answers_instead and not asked_the_check_again_already(tracker):
        # Thanks, and the check again. Typed again instead, the questions go on as before (the rules):
        # the crisis reply then was tried and dropped, as it came to "Melton Mowbray" after "year 8"
        # (development conversations G2 and G8, session 35).
        return CHECK_FIRST, []
    if before == UTTER_CHECK and level == NONE and asks_about_it and not unsure_answer(tracker) \
            and not explained_the_check_already(tracker):
        # "what do you mean" or "why are you asking that" to the check question got the form's
        # question explained ("I mean what is bothering you…") and the check was dropped (session
        # 34): why it was asked, and the check again. Once: asked again, it is no answer (the crisis
        # reply, below).
        return UTTER_WHAT_WE_MEAN_CHECK, []
    if before == UTTER_CHECK and level == NONE and safe_only_for_now(text) and checked_for_risk_words(tracker):
        # "yeah im ok for now i guess" to the check question after "whats it matter, wont be around
        # much longer anyway" got "Thanks for telling me… Let's carry on" (a user trial, session 45).
        # Safe for now is not safe (as at "Are you safe right now?"): after risk words, the crisis reply.
        return first_crisis_step(tracker)
    if before == UTTER_CHECK and level != CRISIS and intent == "confirm_safe" and _YES_SAFE_RIGHT_NOW.fullmatch(normalise(text)):
        # "yes safe right now" (the safety question's button, typed) to "Are you thinking about
        # hurting yourself, or is someone hurting you?" after "i feel like ending it all" got "Thanks
        # for telling me… Let's carry on" (a user trial, session 49): a yes to the check comes first.
        # The crisis reply asks "Are you safe right now?" next, where the rest is the answer.
        return first_crisis_step(tracker)
    if before == UTTER_CHECK and level == NONE and not safe_only_for_now(text) \
            and says_no_and_safe(text, about_someone_else=tracker.get_slot("user_role") in (PARENT, PROFESSIONAL)):
        # "no im safe" to the check question was read by DIET as not safe and got the crisis reply
        # (found beside the case above, session 49): a no, then safe in the closed list's words.
        return UTTER_CHECK_OK, []
    if before == UTTER_CHECK and level != CRISIS and said_to_the_check != "yes" and denied_plainly(tracker, text):
        # "Haha no, not that kind of cut. Just asking if we should call her parents" and "No he hasn't
        # said anything about hurting himself" were scored at check level for their own words, read
        # as a yes and got the crisis reply (development conversations G16, session 41): a no.
        return UTTER_CHECK_OK, []
    if before == UTTER_CHECK and level != CRISIS and said_to_the_check != "no" and wishes_someone_else_to_stop(text):
        # "i just want them to stop" to "…or is someone hurting you?" after "the bullies said i should
        # kill myself": someone is hurting them (the third review, session 48: the check again)
        return first_crisis_step(tracker)
    if before == UTTER_CHECK and (intent in AT_RISK_ANSWERS or level == CRISIS or unsure_answer(tracker) or asks_something_else(tracker)
                                  or asks_about_it or names_who_instead(tracker, text)
                                  or doubts_the_worry(text)
                                  or (said_to_the_check == "yes" and intent not in NO_RISK_ANSWERS) or (
        (leaves(tracker) or ends_it(text)) and intent not in NO_RISK_ANSWERS and parse_yes_no(text) != "no"  # "no im fine bye" is a no
    )):
        # An act done, or the bot told to stop worrying, is no answer either: "you can stop worrying
        # now, its done" got "OK, I'll stop here" (development conversations G2, the whole bot, session 31).
        # "sometimes", "idk" or "?" to "Are you thinking about hurting yourself, or is someone
        # hurting you?" got "Sorry, I can't help with that", or the form took it as an answer,
        # and the check was dropped (a user trial, session 20): not a no, so the crisis reply.
        return first_crisis_step(tracker)
    if before == UTTER_CHECK and level == NONE and said_to_the_check is None and intent not in NO_RISK_ANSWERS \
            and waves_it_away(text):
        # What the rules above leave of waving it away: after a check the models alone raised, "lol
        # dw" got "I'm a chatbot, not a person" and the check was dropped (development conversations
        # G16, session 41). The check again, once; waved away again, a no, with the lines kept ("lol dw"
        # twice got "I'm a chatbot, not a person" and the check was dropped: the review).
        return (UTTER_CHECK_OK if asked_the_check_again_already(tracker) else CHECK_FIRST), []
    if level == CRISIS and (plain_answer_at_the_models_crisis(tracker, before) or question_about_the_chat_at_the_models_crisis(tracker)
                            or sent_here_at_the_models_crisis(tracker)):
        return UTTER_CHECK, []
    if level == CRISIS:
        return first_crisis_step(tracker)
    language = latest_risk(tracker).get("language")
    # "Braunstone (Leicester city)", the bot's own button, was read as another language and got
    # "I can only chat in English" (a user trial, session 20): a button's words are never that.
    # "beauchamp in oadby" at the school question was read as German: a short answer to the school
    # or place question is a name (development author D1, session 20).
    other_language = bool(language) and language != "en" and not repeats_a_button(tracker)
    if level == CHECK and (plain_yes_to_the_offer(tracker, before) or plain_answer_to_the_question(tracker, before)):
        return TRIAGE_FORM, []
    if level == CHECK and plain_role_as_the_first_message(tracker):
        return OPENING_STEPS[0], []
    if level == CHECK and no_to_the_offer_for_a_plain_reason(tracker, before):
        return UTTER_GOODBYE, []
    if level == CHECK:
        # An English question they may not read: the urgent numbers and an interpreter line. Even for a
        # school or town in a few words ("ashlyns in berko", read as Dutch: development author D11):
        # "jestem bardzo smutna" is as short, and would lose Childline and the interpreter line (the
        # review, session 30). A name the directory knows exactly is English enough for the check
        # question ("Helena Romanes in Dunmow" after an earlier check: a phone trial, session 35).
        if other_language and not (tracker.active_loop_name == TRIAGE_FORM and _names_a_place_or_school(tracker, text)):
            return UTTER_OTHER_LANGUAGE, [SlotSet(LANGUAGE_SLOT, language)]
        already_escalated = bool(tracker.get_slot(CRISIS_SLOT))
        if already_escalated and asks_for_a_language(tracker):  # the crisis reply, then the interpreter line
            action, events = first_crisis_step(tracker)
            return action, [*events, *language_events(tracker)]
        return first_crisis_step(tracker) if already_escalated else (UTTER_CHECK, [])
    if before in ASK_SAFE_ACTIONS and (said == "yes" or safe_intent_said_plainly(tracker)):  # never a guess set aside
        return safe_reply(tracker, before), own_words(tracker, told_not_safe_before(tracker))
    if before == UTTER_CHECK and (intent in NO_RISK_ANSWERS or said_to_the_check == "no"):
        # "no, can i start again", "im ok thanks" (read as thanks): the no first, then the request
        # (`reply_to_a_no_with_a_request`), never "You're welcome. Take care." with the check dropped
        return UTTER_CHECK_OK, []
    if other_language and not short_name_answer(tracker):  # (the check question above keeps its numbers)
        return UTTER_OTHER_LANGUAGE, [SlotSet(LANGUAGE_SLOT, language)]
    if before in NOT_SAFE_ACTIONS and starts_the_questions(tracker, intent):
        # "im 13" after "Please call 999 now… I'm here when you're ready" got "Hi! I'm a chatbot…"
        # mid-crisis (a phone trial, session 33): the urgent lines again, then the questions, which
        # keep what it told (the rules' greeting is for a conversation's start). After an overdose
        # taken, or a worry told ("i feel a bit sick" after "call 999 now, even if you feel OK"),
        # the same reply again, with its A&E and its lines (the review, session 34).
        if before in TAKEN_ACTIONS or intent == "describe_concern":
            return before, []
        return UTTER_URGENT_HELP, []
    return None, []


# The intents whose rules greet and start the questions when none are being asked (data/rules/triage.yml).
STARTS_THE_QUESTIONS_INTENTS = frozenset({"greet", "seek_help", "describe_concern", "inform"})


def starts_the_questions(tracker: DialogueStateTracker, intent: str | None) -> bool:
    """Would the rules greet and start the questions for this message, none asked yet, no list shown?"""
    if tracker.active_loop_name or tracker.get_slot("services_shown"):
        return False
    return intent in STARTS_THE_QUESTIONS_INTENTS


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class CrisisPolicy(DeterministicPolicy):
    REQUIRED_RESPONSES = (*CRISIS_ACTIONS, UTTER_URGENT_HELP, *_ASKED_AGAIN_AT_THE_CHECK, *WHAT_WE_MEAN_NOT_SAFE_REPLIES, *QUESTION_REPLIES.values(), *REQUEST_REPLIES.values(), UTTER_OFFER_MORE, START_AGAIN_ACTION, REQUEST_EMAIL_AFTER_A_LIST,
                          *MODEL_REQUEST_REPLIES.values(), UTTER_GOODBYE,
                          *ASKS_AGAIN_AFTER)

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 8}

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[str | None, list[Event]]:
        return next_step(tracker)
