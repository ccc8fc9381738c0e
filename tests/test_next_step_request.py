"""Requests said in so many words after the list (signposting/next_step_request.py, issue #12)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from signposting.next_step_request import (
    ASK_PRIVACY,
    GOODBYE,
    MORE_OPTIONS,
    REQUEST_EMAIL,
    REQUEST_OTHER_LANGUAGE,
    REQUEST_PRINT,
    SEEK_HELP,
    START_AGAIN,
    TALK_TO_A_PERSON,
    THANKS,
    request_in_so_many_words,
)
from signposting.parsing import says_goodbye

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # having to go, and why (development set: "gtg mums calling me" got the parent's own help)
        ("gtg mums calling me", GOODBYE),
        # nothing more wanted (D5: "Sorry, I didn't get that", DIET read a "no")
        ("no im good thx", GOODBYE),
        ("no thanks finished", GOODBYE),
        ("nah we're fine now thanks", GOODBYE),
        ("no that's all thank you", THANKS),
        ("ok ill check them out", THANKS),
        ("no thanks", None),  # "Did this help?" may be what it answers
        ("no i dont feel good", None),
        ("gtg mums calling", GOODBYE),
        ("sorry got to go, tea's ready", GOODBYE),
        ("ok i have to go now bye", GOODBYE),
        ("g2g battery dying", GOODBYE),
        ("i have to go to school tomorrow and i cant face it", None),  # a worry, not a goodbye
        ("i have to go, i cant do this anymore", None),  # left to DIET and the risk layer
        ("who can i talk to about stuff", SEEK_HELP),
        ("where can i go for help?", SEEK_HELP),
        # a reason, then asking for the rest (D-sets: read as a question about the service)
        ("these all have huge waiting lists, what else is there", MORE_OPTIONS),
        ("are there any others?", MORE_OPTIONS),
        ("is there anything else i can do to help him", None),
        # a language asked for after a few words of it ("se poate în română?" was a greeting)
        ("se poate în română?", REQUEST_OTHER_LANGUAGE),
        ("czy mozna po polsku", REQUEST_OTHER_LANGUAGE),
        ("my friend speaks polish", None),
        # the review (session 25): never any words before them
        ("they bully me in polish", None), ("my mum shouts in punjabi", None),
        ("nothing helps what else is there", None), ("i dont see the point what else is there", None),
        ("gtg my dads home", None), ("gtg someone is coming", None),
        # a thank-you that closes (development set: "thx ill have a look 👍" got "Thank you for telling me")
        ("thx ill have a look 👍", THANKS),
        ("ok thank you I'll give them a ring", THANKS),
        ("Thank you so much, I'll have a look through these tonight with her dad", THANKS),
        ("cheers, will check them out later", THANKS),
        ("brilliant thanks, we'll give the first one a call tomorrow", THANKS),
        ("ill have a read thanks x", THANKS),
        ("thanks a lot i might try kooth", None),  # a service's name is not in the grammar: DIET reads it
        # doing it again for another child, or from the start
        ("can I do this again for my other son", START_AGAIN),
        ("do it again for my sister", START_AGAIN),
        ("can i start agen", START_AGAIN),
        ("could we go through the questions again for our youngest", START_AGAIN),
        ("start over for my foster daughter please", START_AGAIN),
        # sending or showing the list to someone
        ("send to my mums phone", REQUEST_EMAIL),
        ("can u send it to my sister shes the one who needs it", REQUEST_EMAIL),
        ("can you text this to me", REQUEST_EMAIL),
        ("could you forward the list to her social worker", REQUEST_EMAIL),
        ("can i show this to my teacher", REQUEST_PRINT),
        ("is it ok to show this to my head of year", REQUEST_PRINT),
        # a person to talk to
        ("i want to talk to sum1", TALK_TO_A_PERSON),
        ("I'd really like to speak to someone today if possible", TALK_TO_A_PERSON),
        ("can we talk to a real person please", TALK_TO_A_PERSON),
        # a language named alone, or with "please" in it (D2, D3: "What would you like to change?")
        ("polski?", REQUEST_OTHER_LANGUAGE),
        ("în română vă rog", REQUEST_OTHER_LANGUAGE),
        ("Cymraeg os gwelwch yn dda", REQUEST_OTHER_LANGUAGE),
        ("urdu please", REQUEST_OTHER_LANGUAGE),
        ("english please", None),
        # thanks in the languages most spoken here
        ("shukriya", THANKS),
        ("dziękuję bardzo", THANKS),
        ("merci beaucoup", THANKS),
        # not knowing who to talk to (D1, D3: the check question, "Sorry, I didn't get that")
        ("i dont know who to talk to", SEEK_HELP),
        ("idk where else to go tbh", SEEK_HELP),
        ("not sure who to turn to", SEEK_HELP),
        ("i dont know what else to do", None),  # may say more than it asks: DIET and the risk layer read it
        # the review's misses (session 23)
        ("thnks ill have a look", THANKS),
        ("Thank you so much, this is really useful. I will contact them on Monday.", THANKS),
        ("can we do it again for my 9 year old", START_AGAIN),
        ("can i redo it for my brother", START_AGAIN),
        ("can i give this to my teacher", REQUEST_PRINT),
        ("can i pass this on to my mum", REQUEST_PRINT),
        ("show this to my son", REQUEST_PRINT),
        # development set D5 (quick phone typing)
        ("no that's all thank you", THANKS),
        ("cheers, no further queries", THANKS),
        ("ill ring them tmrw", THANKS),
        ("i need to do this again for my other daughter", START_AGAIN),
        ("can i start again for my younger son he is 9", START_AGAIN),
        ("now for my other child", START_AGAIN),
        ("i just want to talk to sum1 rn", TALK_TO_A_PERSON),
        ("any helplines", TALK_TO_A_PERSON),
        ("is there a number i can ring to talk", TALK_TO_A_PERSON),
        ("need a copy of this list for the referral notes", REQUEST_PRINT),
        ("parent needs it in Farsi, pls", REQUEST_OTHER_LANGUAGE),
        ("is there anything without a long wait", MORE_OPTIONS),  # got the privacy answer
        ("any in-person services for this CYP?", MORE_OPTIONS),
        ("got any with no waiting list", MORE_OPTIONS),
        ("is there anything for my child", None),  # a first message asking for help
        # D5: the language's reply, not a search for family worries; a person's lines, not "Sorry"
        ("is this available in Tamil for family", REQUEST_OTHER_LANGUAGE),
        ("can i get this in polish for my dad please", REQUEST_OTHER_LANGUAGE),
        ("is there anyone i can talk to tonight about my daughter", TALK_TO_A_PERSON),
        # D15 (session 43): "Sorry, I didn't get that" as a first message
        ("is there anyone i can talk to that isnt from my school", TALK_TO_A_PERSON),
        ("hey i need to talk to someone outside my family", TALK_TO_A_PERSON),
        ("i need to talk to someone that isnt from school, my teacher hits me", None),  # more is told
        ("is there anything", None),
    ],
)
def test_requests_in_so_many_words(text: str, intent: str | None) -> None:
    assert request_in_so_many_words(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        # the same words in a worry, a disclosure or a goodbye that may mean more
        "i want to do it again",
        "can i do it again",
        "i wanna do it again tonight",
        "thanks for everything",
        "thanks for everything, i wont need them after tonight",
        "thanks ill have a look but i dont think anything will help",
        "he sends me messages at night",
        "he keeps sending pictures to my sister",
        "my mum keeps texting me",
        "i need to talk to someone about what happened",
        "is there anyone i can talk to about what happened to me",
        "they bully me in polish for me",
        "I'd really like to speak to someone today if possible, she's very low",
        "show me",
        "thank you",
        "start",
        "",
        "👍",
        # the review (session 23): a means, a relapse, a person not named, an urgent need
        "thanks ill try again",
        "thank you will try a few",
        "ok thanks i might try that tonight x",
        "ty ill try it tonight bye",
        "i want to start again",
        "i wanna start over",
        "can i send it to him",
        "send me it",
        "can i take them to school",
        "take these to school",
        "i need to speak to a doctor now",
        # endings that may mean more than the end of the chat (G2: "i'm done" is a risk message)
        "i'm done",
        "thats it",
        "finished",
        "i need to do it again",
        "no thanks",
    ],
)
def test_not_a_request_in_so_many_words(text: str) -> None:
    assert request_in_so_many_words(text) is None


def _risk_messages() -> list[str]:
    """Every message labelled risk in the risk corpora and the safety evaluation sets (the context
    sets' last turns). A goodbye that ends a risk conversation ("gtg" after hopelessness: held-out
    author G9) is risk only in its context: the crisis policy reads leaving after distress before any
    request (`leaves_or_plays_it_down`; tests/test_crisis_policy_closings.py), so it is left out."""
    texts: list[str] = []
    paths = [*ROOT.glob("bot/nlu/risk_corpus*/*.jsonl"), *ROOT.glob("tests/safety/*/*.jsonl")]
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            if record.get("label") == "risk":
                # a conversation's label is its last message's: the turns before may be a plain "hi can i talk to someone"
                last = [record["text"]] if "text" in record else record.get("turns", [])[-1:]
                texts.extend(text for text in last if not ("turns" in record and says_goodbye(text)))
    return texts


def test_no_risk_message_is_read_as_a_request() -> None:
    """The risk layer reads every message after this reader; still, none of about 5,000 risk
    messages from 25 authors is one of these requests."""
    risk = _risk_messages()
    assert len(risk) > 3000
    assert [text for text in risk if request_in_so_many_words(text)] == []


@pytest.mark.parametrize(("text", "asked"), [
    # development author D8 (session 29): a call back got when the services are open; "whats next on
    # the list" got "Sorry, I can't help with that"
    ("Can a worker call me back? I'm free after 3", TALK_TO_A_PERSON),
    ("can someone call me back", TALK_TO_A_PERSON),
    ("could u ring me back tomorrow please", TALK_TO_A_PERSON),
    ("whats next on the list", MORE_OPTIONS),
    ("show me the next ones", MORE_OPTIONS),
    ("can someone call me back im home alone and scared", None),  # more than a call back: DIET and the risk layer
    # development author D5 (session 30): "counsellor pls" made the parent a professional ("Thanks, I've changed that")
    ("counsellor pls", TALK_TO_A_PERSON), ("can i see a counsellor", TALK_TO_A_PERSON), ("i need a therapist asap", TALK_TO_A_PERSON),
    ("counsellor", None), ("i need a counsellor i cant cope", None), ("my counsellor said to use this", None),
    ("whats next", None),  # what happens next, perhaps: not more services
    # the team's own wordings (session 29), before the helpers' sets: "Sorry, I didn't get that", and
    # a general answer
    ("how do i share this with my husband", REQUEST_EMAIL),
    ("can i get these in writing", REQUEST_PRINT),
    # development author D9 (session 29): the waiting-time reply, and "I can't contact anyone"
    ("waiting list for that one is like 6 months, what else is there", MORE_OPTIONS),
    ("can you email it to our practice nhs.net address", REQUEST_EMAIL),
    ("nothing helps what else is there", None),  # left to DIET and the risk layer, as before
    # the review (session 29): the speaker's own words are more than a request
    ("waiting list is too long i cant go on what else is there", None),
    ("can someone call me back im in this house with him", None),
    ("could you call me back im around all night alone", None),
    # a phone trial (session 29): "Sorry, I didn't get that"
    ("thats lovely thank you x", THANKS), ("brilliant thanks", THANKS), ("that is really helpful thank you", THANKS),
    ("thats great thanks for nothing", None), ("lovely", None),
])
def test_call_backs_and_the_next_on_the_list(text, asked):
    assert request_in_so_many_words(text) == asked


@pytest.mark.parametrize(("text", "intent"), [
    ("sam.k93@gmail.com", "request_email"), ("my email is sam.k93@gmail.com please", "request_email"),
    ("send it to jo@example.co.uk", "request_email"),
    # an address told of or asked about is no request to be sent the list
    ("jo@samaritans.org is that the email?", None), ("i emailed jo@example.com and they said no", None),
])
def test_an_email_address_typed_asks_to_be_sent_the_list(text, intent):
    """A user trial (session 44): "sam.k93@gmail.com" after "I can't send emails" got "What would you
    like to change?"."""
    assert request_in_so_many_words(text) == intent


@pytest.mark.parametrize("text", ["can my mum see this chat", "will the school find out",
                                  "will my mum know i was on here", "can my social worker read what i type"])
def test_who_can_see_the_chat_asked_in_so_many_words(text):
    """A user trial (session 45): DIET read a request to stop, and the reply was "Sorry, I didn't get that"."""
    assert request_in_so_many_words(text) == ASK_PRIVACY


@pytest.mark.parametrize("text", ["can my mum help me", "my mum can see", "my mum sees everything i do and i hate it"])
def test_a_parent_named_is_no_question_about_who_sees_the_chat(text):
    assert request_in_so_many_words(text) != ASK_PRIVACY


@pytest.mark.parametrize("text", [
    "will u tell my parents", "do you call the police", "do you tell my school", "whats my data used for",
    "what happens to my data", "do u report stuff to the police tho", "is this going to tell my school",
])
def test_whether_the_chat_tells_anyone_asked_in_so_many_words(text):
    """A user trial (session 47): "will u tell my parents" got the medical-advice reply ("If you have
    taken too much of something, call 999 now"), "do you call the police" the costs and hours."""
    assert request_in_so_many_words(text) == ASK_PRIVACY


@pytest.mark.parametrize("text", [
    "will you tell my mum im cutting", "can you tell me more about the first one", "will you tell me the number",
    "do you tell people to call 999", "can u tell my dad hes a prat",
    # pleas for help, not questions about the chat (the review, session 47)
    "can you call someone", "can you call my mum", "can you tell someone", "can you tell my mum about me",
    "will you call someone please", "will you tell my mum please",
])
def test_more_than_whether_the_chat_tells_anyone_is_no_privacy_question(text):
    assert request_in_so_many_words(text) != ASK_PRIVACY
