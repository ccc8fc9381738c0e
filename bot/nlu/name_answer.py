"""A school or a town, typed in a few words, that DIET could only call out of scope (issue #12).

"lester" (Leicester spelt by sound) at the place question got "Sorry, I can't help with that. I
can only help you find support for how you feel", then the question again (development authors
D3 and D7; the held-out sets lost answers the same way). At the school or place question, a
message of a few words that DIET read as out of scope goes to the form instead: it reads the
name, misspelt or not (actions/triage_form.py), or says it does not know that place and asks
again. The crisis path always comes first.
"""
from __future__ import annotations

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecutionRejected, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import TRIAGE_FORM, short_name_answer
from signposting.intents import OUT_OF_SCOPE


def name_read_as_out_of_scope(tracker: DialogueStateTracker) -> str | None:
    """The form, for a short answer to the school or place question that DIET read as out of scope."""
    if tracker.latest_action_name != ACTION_LISTEN_NAME or not tracker.latest_message:
        return None
    intent = (tracker.latest_message.intent or {}).get("name")
    if intent != OUT_OF_SCOPE or not short_name_answer(tracker) or _the_form_said_no(tracker):
        return None
    return TRIAGE_FORM


def _the_form_said_no(tracker: DialogueStateTracker) -> bool:
    """Did the form already reject this message? Then the rules answer it (out of scope), once."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecutionRejected) and event.action_name == TRIAGE_FORM:
            return True
    return False
