"""A worry told as the first message that DIET read as a request, or support asked for in general
(signposting/support_request.py): the questions start (issue #12).

"sats r next week and im freaking out!!!" (read as a question about a service), "i keep wurrying
abowt evrything" (more options, with nothing shown yet) and "i look after my mum she has MS and i
never get any time for me" (a parent's own help) got the wrong reply, and the worry was lost. When
the message is the first the user typed and `signposting.concern_reading.worry_told_first` reads a
worry in it, the bot does what it does for a worry told: the greeting, the urgent lines and the
questions, which keep the worry (`actions/triage_form.py`, `worry_told`). The crisis path comes
first (NewWorryPolicy asks this only when CrisisPolicy has no step to take).
"""
from __future__ import annotations

from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.crisis_policy import next_opening_step_taken
from signposting.concern_reading import OPENING_MISREADS, one_message_typed, worry_told_first
from signposting.intents import FALLBACK_INTENT
from signposting.parsing import parse_age_mention, place_said_as_home
from signposting.support_request import support_misread


def the_first_message(tracker: DialogueStateTracker) -> bool:
    """Is the latest message the first the user typed in this session, the questions not begun?"""
    if tracker.active_loop_name or tracker.get_slot("services_shown") or tracker.get_slot("requested_slot"):
        return False
    return one_message_typed(event.type_name for event in tracker.applied_events())


# As the first message, one DIET could not place at all is read for a worry too ("Sorry, I didn't
# get that" was the reply): only the first, as at a question the form's own reading has its say.
FIRST_MESSAGE_MISREADS = OPENING_MISREADS | {FALLBACK_INTENT}


def tells_a_worry_first(tracker: DialogueStateTracker) -> bool:
    message = tracker.latest_message
    if message is None or (message.intent or {}).get("name") not in FIRST_MESSAGE_MISREADS:
        return False
    return the_first_message(tracker) and worry_told_first(message.text or "", message.parse_data) is not None


def asks_for_support_first(tracker: DialogueStateTracker) -> bool:
    message = tracker.latest_message
    if message is None or not support_misread((message.intent or {}).get("name"), message.text or ""):
        return False
    return the_first_message(tracker)


def tells_facts_first(tracker: DialogueStateTracker) -> bool:
    """An age or where they live, told as the first message that DIET could not place: "I'm 20,
    care leaver, living in Stevenage" got "Sorry, I didn't get that" (a user trial, session 45).
    The questions start, and keep what it told."""
    message = tracker.latest_message
    if message is None or (message.intent or {}).get("name") != FALLBACK_INTENT or not the_first_message(tracker):
        return False
    text = message.text or ""
    return parse_age_mention(text) is not None or place_said_as_home(text) is not None


def next_opening_step(tracker: DialogueStateTracker) -> str | None:
    """The next of `OPENING_STEPS` for a worry told first that DIET misread, support asked for in
    general, or facts told first, or None."""
    if not (tells_a_worry_first(tracker) or asks_for_support_first(tracker) or tells_facts_first(tracker)):
        return None
    return next_opening_step_taken(tracker)
