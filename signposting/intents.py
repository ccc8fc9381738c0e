"""Intent names that more than one layer relies on, written once.

domain.yml cannot import Python, so it keeps its own copies of these lists (the slot
mappings' `not_intent`); tests/test_intents_in_domain.py checks they are the same.
"""
from __future__ import annotations

# The intent of a message the risk layer flagged (bot/nlu/risk_component.py sets it).
CRISIS_INTENT = "express_crisis"
# Messages that are requests or replies to the bot, not answers to a triage question. The
# form rejects them so the matching rule answers, unless the question's own parser
# understands the text as an answer ("no" at the school question; "dad here").
NOT_AN_ANSWER: frozenset[str] = frozenset({
    "express_crisis", "start_again", "talk_to_a_person", "ask_bot_identity", "ask_privacy", "ask_service_info", "stop",
    "ask_clinical_advice", "out_of_scope", "more_options", "confirm_safe", "not_safe",
    "affirm", "deny", "goodbye", "thanks", "greet",
    # requests the bot cannot do yet, and a parent's own help (actions/keep_going.py)
    "request_email", "request_print", "request_other_language", "parent_own_help", "back_to_child_help",
    "feedback",  # a tap on "Did this help?" (actions/feedback.py)
})
# A correction ("actually I'm 15") is handled by the form's own validation, so it never
# fills a slot as plain text either.
NOT_A_SLOT_VALUE: frozenset[str] = NOT_AN_ANSWER | {"change_answer"}
# At the concern question a crisis message is also the answer ("self-harm"): the crisis
# reply comes first (the crisis policy), then the search uses it.
NOT_A_CONCERN: frozenset[str] = NOT_A_SLOT_VALUE - {"express_crisis"}
# Never taken as a typed answer, whatever the question's parser thinks of the words.
NEVER_AN_ANSWER: frozenset[str] = frozenset({"express_crisis", "confirm_safe", "not_safe"})
# Questions about the chat, each with the reply that answers it at any point (data/rules/control.yml).
# An answer asked with one ("im 17, is it free?") is kept and the question answered too
# (actions/triage_form.py); after "No" to the check question, the question is answered
# (bot/nlu/crisis_policy.py).
QUESTION_REPLIES: dict[str, str] = {"ask_privacy": "utter_privacy", "ask_service_info": "utter_service_info"}
# DIET's guess for a message it cannot place ("lester", a town spelt by sound). At the school or
# place question a few such words go to the form, which reads them as a name if it can
# (bot/nlu/name_answer.py, actions/triage_form.py).
OUT_OF_SCOPE = "out_of_scope"
# The intent Rasa's FallbackClassifier sets when DIET places a message nowhere.
FALLBACK_INTENT = "nlu_fallback"
NAME_ANSWER_MAX_WORDS = 4  # a school or a town in a few words
