"""Requests said in so many words after the list: a thank-you that closes, doing it again for
another child, sending or showing the list to someone, and asking to talk to a person (issue #12).

The development sets (D1 to D4) typed these to "What would you like to do next?" and DIET read
them as something else: "thx ill have a look 👍" as a worry ("Thank you for telling me"), "ok
thank you I'll give them a ring" as a question about the service, "can I do this again for my
other son" as "back to my child's list" (the same list again), "send to my mums phone" and "i
want to talk to sum1" as worries.

Each request is a closed grammar over the whole normalised message, not a search for words:
"thanks, I'll have a look" is one, "thanks for everything, I won't be here to look" is not, and
"can you send it to my mum" is one while "he sends me messages" is not. Only DIET's reading
changes (`bot.nlu.intent_evidence_component`); the risk layer after it reads every message as
before, so a crisis is never read as one of these.
"""
from __future__ import annotations

import re

from signposting.text import normalise

THANKS = "thanks"
START_AGAIN = "start_again"
REQUEST_EMAIL = "request_email"
REQUEST_PRINT = "request_print"
TALK_TO_A_PERSON = "talk_to_a_person"

_OK = r"(?:ok|okay|k|kk|oh|right|great|brill|brilliant|lovely|perfect|cool|amazing|ah|aw|awesome|nice|fab|good|grand|sound)"
_THANK = (
    r"(?:thanks|thank you|thankyou|thank u|thanku|thx|thnx|thanx|tnx|ty|tysm|cheers|ta|many thanks)"
    r"(?: (?:so|very|v) much| a lot| loads| again| for (?:this|that|these|the (?:help|list|info|information)|your help|helping))?"
)
_WE = r"(?:i ll|ill|i will|i shall|we ll|well|we will|going to|gonna|im going to|im gonna|i might|might|i can|will)"
_THEM = r"(?:them|these|this|it|that|those|the list|one|one of them|em|that one|the first one|a few)"
_LOOK = (
    rf"(?:(?:have|take) a (?:look|read|think|go|try|proper look|good look)(?: (?:at|through|over|into) {_THEM})?|look|read|try|check|go through|"
    rf"give {_THEM} a (?:ring|call|go|try|bell|look|read|message|text)|ring|call|phone|contact|text|message|email|"
    rf"look (?:at|into|through|over) {_THEM}|read (?:through )?{_THEM}|go through {_THEM}|check {_THEM} out|check out {_THEM}|"
    rf"try {_THEM}|ring {_THEM}|call {_THEM}|phone {_THEM}|contact {_THEM}|text {_THEM}|email {_THEM}|message {_THEM}|"
    rf"get in touch(?: with {_THEM})?|sign up|show (?:her|him|them|my (?:mum|mom|dad|son|daughter))|"
    rf"talk to (?:her|him|them|my (?:mum|mom|dad|son|daughter|husband|wife|partner))(?: about (?:it|them|this))?)"
)
_WHEN = (
    r"(?:now|later|tonight|today|tomorrow|in a bit|at the weekend|this weekend|after school|after work|in the morning|"
    r"first thing|on monday|next week|when (?:she|he|they|i|we) (?:gets? home|gets? back|wakes? up|is home|are home)|"
    r"with (?:her|his|their|my) (?:dad|mum|mom|father|mother|husband|wife|partner|nan|gran))"
)
_AFTER_THE_LOOK = rf"(?: (?:{_WHEN}))*(?: (?:thanks|thank you|thx|ty|cheers|ta|x+|bye|again|then|too))*"
# "thx ill have a look", "ok thank you I'll give them a ring", "Thank you so much, I'll have a look
# through these tonight with her dad", "ill give them a ring thanks"
_CLOSING_THANKS = re.compile(
    rf"(?:{_OK} )*(?:{_THANK} )+(?:{_OK} )*{_WE} (?:defo |definitely |def |probably |maybe |deffo )?{_LOOK}{_AFTER_THE_LOOK}|"
    rf"(?:{_OK} )*{_WE} (?:defo |definitely |def |probably |maybe |deffo )?{_LOOK}(?: (?:{_WHEN}))* (?:{_THANK})(?: (?:x+|bye))*"
)

_CHILD = (
    r"(?:son|daughter|child|kid|boy|girl|lad|sister|brother|twin|stepson|stepdaughter|step son|step daughter|"
    r"foster (?:son|daughter|child)|grandson|granddaughter|niece|nephew|cousin|friend|mate|bestie|pupil|student)"
)
_ANOTHER = rf"(?:for (?:my|our|the|me|her|his|their|a) ?(?:other|older|oldest|younger|youngest|eldest|little|big|twin)? ?{_CHILD}|for (?:another|a different) (?:{_CHILD}|one|person)|for (?:him|her|them) (?:too|as well)|for (?:my|our|the) (?:youngest|eldest|oldest|middle one|little one|other one|older one|younger one|other two|others))"
_AGAIN = r"(?:again|agen|agian|agin|over|over again|from the (?:start|beginning)|afresh)"
_CAN_I = r"(?:can i|can we|could i|could we|can u|can you|could you|i want to|i wanna|i d like to|id like to|we d like to|lets|let me|let s|please|pls|plz|how do i|may i)"
# "can I do this again for my other son", "do it again for my sister", "can i start agen". Never
# "i want to do it again" alone: after talk of self-harm it means that.
_START_AGAIN = re.compile(
    rf"(?:(?:ok|okay|um|right|so|and|hi) )*(?:{_CAN_I} )?"
    rf"(?:(?:do|go through|fill in|fill out|fill|answer|run) (?:this|it|that|them) {_AGAIN} {_ANOTHER}|"
    rf"(?:do|go through|fill in|fill out|answer|run) (?:the questions|the whole thing|the form|the quiz|this chat|the chat) {_AGAIN}(?: {_ANOTHER})?|"
    rf"(?:do|go through|fill in|answer) (?:this|it|that|the questions) {_ANOTHER}(?: {_AGAIN})?|"
    rf"(?:start|begin) (?:again|agen|agian|agin|over|afresh)(?: {_ANOTHER})?|"
    rf"(?:start|begin) (?:a )?new (?:one|search|chat)(?: {_ANOTHER})?)"
    r"(?: (?:please|pls|plz|thanks|thank you|now|too|as well|x+))*"
)

_PERSON = (
    r"(?:my (?:mum|mom|mam|mummy|dad|daddy|nan|nana|gran|grandma|grandad|sister|brother|sis|bro|aunt|auntie|aunty|uncle|"
    r"teacher|form tutor|tutor|head of year|senco|gp|doctor|social worker|partner|husband|wife|wifey|boyfriend|girlfriend|"
    r"carer|foster (?:mum|dad|carer)|friend|mate|bestie|school|counsellor|key worker|keyworker|youth worker)|"
    r"(?:her|his|their) (?:mum|dad|teacher|school|gp|doctor|social worker|dad s phone|mum s phone)|him|her|them|the school|school|"
    r"my (?:mum|mom|dad|nan|sister|brother|partner|husband|wife) s (?:phone|email)|"
    r"(?:my )?(?:mums|moms|mams|dads|nans|sisters|brothers|teachers) (?:phone|email|number))"
)
_DEVICE = r"(?:my (?:phone|email|mobile|number|email address)|email|text|whatsapp)"
_LIST = r"(?:this|it|these|them|that|the list|this list|the info|the information|the details|the numbers|all this|em)"
_SEND = r"(?:send|sned|text|forward|email|whatsapp|share|pass|give)"
_WHO_NEEDS_IT = r"(?:(?:she|he|they) s|shes|hes|theyre|she is|he is|they are) the one (?:who|that) (?:needs|wants) (?:it|them|this|help)"
_TAIL = r"(?: (?:phone|email|too|as well|please|pls|plz|thanks|thank you|x+|then|now))*"
# "send to my mums phone", "can u send it to my sister shes the one who needs it", "can you
# text this to me", "can i show this to my teacher"
_SEND_TO_SOMEONE = re.compile(
    rf"(?:(?:ok|okay|um|so|and|hi) )*(?:{_CAN_I} |is there a way to |how (?:do|can) i )?"
    rf"(?:{_SEND}(?: {_LIST})?(?: on)? (?:to|2) (?:{_PERSON}|{_DEVICE}|me)|{_SEND} (?:{_PERSON}|me) {_LIST}|"
    rf"{_SEND} {_LIST} (?:by|via|on|in an|as an?) (?:email|text|whatsapp|message))"
    rf"{_TAIL}(?: {_WHO_NEEDS_IT})?{_TAIL}"
)
_SHOW_TO_SOMEONE = re.compile(
    rf"(?:(?:ok|okay|um|so|and|hi) )*(?:{_CAN_I} |is it ok (?:if|to) (?:i )?|am i allowed to )?"
    rf"(?:show|take) {_LIST} (?:to|2) {_PERSON}{_TAIL}"
)

_SOMEONE = (
    r"(?:someone|somebody|some1|sum1|sumone|someone real|a real person|a person|a human|an actual person|a real human|"
    r"an adult|a grown up|a professional|a counsellor|a nurse|a doctor|someone professional|a worker|someone proper)"
)
_WANT = (
    r"(?:i want|i wanna|i want to|i need|i need to|i d like|id like|i d really like|id really like|i would like|"
    r"i would really like|i really want|i really need|can i|could i|please can i|pls can i|is there (?:any ?one|someone|somebody) i can|"
    r"how do i|how can i|where can i|we d like|we need|we want|can we|could we)"
)
# "i want to talk to sum1", "I'd really like to speak to someone today if possible"
_TALK_TO_SOMEONE = re.compile(
    rf"(?:(?:ok|okay|um|so|and|hi|please|pls|actually|honestly|tbh) )*{_WANT}(?: to)? (?:talk|speak|chat|talk properly|speak properly)"
    rf" (?:to|with|2) {_SOMEONE}(?: (?:about (?:it|this|things|stuff)|today|now|tonight|asap|soon|if possible|if i can|if we can|"
    rf"please|pls|plz|real|properly|in person|on the phone|not a bot|instead|tbh|x+))*"
)

_GRAMMARS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (THANKS, _CLOSING_THANKS),
    (START_AGAIN, _START_AGAIN),
    (REQUEST_EMAIL, _SEND_TO_SOMEONE),
    (REQUEST_PRINT, _SHOW_TO_SOMEONE),
    (TALK_TO_A_PERSON, _TALK_TO_SOMEONE),
)
MAX_WORDS = 24


def request_in_so_many_words(text: str) -> str | None:
    """The intent a whole message asks for in so many words, or None: `THANKS` for a thank-you
    that closes, `START_AGAIN`, `REQUEST_EMAIL` or `REQUEST_PRINT` for sending or showing the list
    to someone, `TALK_TO_A_PERSON`."""
    clean = normalise(text)
    if not clean or len(clean.split()) > MAX_WORDS:
        return None
    for intent, grammar in _GRAMMARS:
        if grammar.fullmatch(clean):
            return intent
    return None
