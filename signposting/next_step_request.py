"""Requests said in so many words after the list: a thank-you that closes, having to go, doing it
again for another child, sending or showing the list to someone, and asking to talk to a person
(issue #12).

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

from signposting.intent_evidence import GOODBYE_WORDS, LANGUAGE_NAMES, THANKS_WORDS, without_accents
from signposting.responses import GOODBYE as GOODBYE_REPLY
from signposting.responses import THANKS_REPLY
from signposting.text import normalise

THANKS = "thanks"
START_AGAIN = "start_again"
REQUEST_EMAIL = "request_email"
REQUEST_PRINT = "request_print"
TALK_TO_A_PERSON = "talk_to_a_person"
REQUEST_OTHER_LANGUAGE = "request_other_language"
MORE_OPTIONS = "more_options"
SEEK_HELP = "seek_help"
ASK_PRIVACY = "ask_privacy"
GOODBYE = "goodbye"
# The requests answered after the list (the others start or carry on the questions).
NEXT_STEP_REQUESTS = frozenset({
    THANKS, START_AGAIN, REQUEST_EMAIL, REQUEST_PRINT, TALK_TO_A_PERSON, REQUEST_OTHER_LANGUAGE, MORE_OPTIONS, GOODBYE,
})
# The next-step model's reading of a request after the list (bot/nlu/new_worry_policy.py) is kept
# in this slot for the turn; `action_cannot_do_yet` answers the reading as the intent it names.
NEXT_STEP_READING_SLOT = "next_step_reading"
CANNOT_DO_YET_READINGS = {"email": REQUEST_EMAIL, "print": REQUEST_PRINT, "other_language": REQUEST_OTHER_LANGUAGE}
# A request said with "not" before it: the model reads the request and misses the negation ("i dont
# want to start again" was start again, "dont email it to anyone pls" an email, at 0.96 and 0.64,
# each training author left out in turn). Such messages are left to DIET and the rules. "not" with
# other words between it and the request ("i dont want a bot i want to talk to someone") is not one.
_NEGATED_REQUEST = re.compile(
    r"\b(?:dont|don t|do not|didnt|did not|doesnt|does not|not|no need to|never|wont|won t|cant|can t|cannot)"
    r"(?: \w+){0,3}? (?:start|starting|restart|redo|begin|email|e mail|send|print|more|other|options|talk|speak|chat|"
    r"call|person|human|someone|somebody|anyone|translate|language)\b"
)


def says_not_to_a_request(normalised: str) -> bool:
    """Does the (normalised) message say "not" right before a request's words?"""
    return bool(_NEGATED_REQUEST.search(normalised))


# Starting over named anywhere in a message, unlike START_AGAIN's grammar, which reads the whole
# message as the request: used only where a change of answer was already asked for ("I clicked young
# person by mistake, I'm his carer, can I start over", actions/services.py).
_STARTS_OVER = re.compile(r"\b(?:start (?:again|over|afresh)|restart|begin again|go back to the (?:start|beginning))\b")


# The list asked for again: "can i see the services" after the list got "Thank you for telling me."
# and the lines to talk to a person (a user trial, session 46).
_THE_LIST = r"(?:the |those |these |them |my |that )?(?:services|service list|list|results|options|places|numbers|ones)"
_LIST_AGAIN = re.compile(
    rf"^(?:(?:um|so|ok|okay|sorry|wait|hi|hey) )*(?:(?:can|could|may) (?:i|we|you|u) (?:see|have|get|look at|go back to|show me) {_THE_LIST}"
    rf"|(?:show|give|send) (?:me |us )?{_THE_LIST}|(?:what|wat|which) were {_THE_LIST}|(?:see|show) (?:them|it|the list) again"
    r"|(?:can|could|may) (?:i|we) (?:see|have) (?:them|it) again"
    rf"|(?:back to|go back to) {_THE_LIST}|where (?:are|did|have) {_THE_LIST}(?: go| gone)?)"
    r"(?: (?:again|agen|please|pls|plz|thanks|thx|back|from before|you showed me|u showed me))*$"
)


def asks_for_the_list_again(text: str) -> bool:
    """Does the message ask to see the list already shown ("can i see the services", "show me the list again")?"""
    return bool(_LIST_AGAIN.search(normalise(text)))


def asks_to_start_over(text: str) -> bool:
    """Does the message ask, anywhere in it, to start over, and not say not to ("no need to restart")?"""
    clean = normalise(text)
    return bool(_STARTS_OVER.search(clean)) and not says_not_to_a_request(clean)

_OK = (
    r"(?:ok|okay|k|kk|oh|right|great|brill|brilliant|lovely|perfect|cool|amazing|ah|aw|awesome|nice|fab|good|grand|sound|"
    r"this is (?:really |very |so )?(?:useful|helpful|great))"
)
_THANK = (
    r"(?:thanks|thankss|thank you|thankyou|thank u|thanku|thx|thnx|thnks|thanx|tnx|ty|tysm|cheers|ta|many thanks)"
    r"(?: (?:so|very|v) much| a lot| loads| again| for (?:this|that|these|the (?:help|list|info|information)|your help|helping))?"
)
_WE = r"(?:i ll|ill|i will|i shall|we ll|well|we will|going to|gonna|im going to|im gonna|i might|might|i can|will)"
# What is looked at or rung: the list or its services, never "a few", "one" or "it" after a verb
# that can mean a means ("thank you will try a few", the review).
_THEM = r"(?:them|these|those|the list|this list|em|that one|the first one|the first|one of them|the numbers|the websites|the links)"
_LOOK = (
    rf"(?:(?:have|take) a (?:look|read|proper look|good look|think)(?: (?:at|through|over|into) (?:{_THEM}|it|this))?|"
    rf"give {_THEM} a (?:ring|call|bell|look|read|message|text)|"
    rf"look (?:at|into|through|over) (?:{_THEM}|it|this)|read (?:through )?(?:{_THEM}|it|this)|go through {_THEM}|"
    rf"check {_THEM} out|check out {_THEM}|follow {_THEM} up|follow up (?:on )?{_THEM}|"
    rf"(?:ring|call|phone|contact|text|message|email) {_THEM}|get in touch(?: with {_THEM})?|"
    rf"(?:show|talk to|speak to) (?:her|him|them|my (?:mum|mom|dad|son|daughter|husband|wife|partner))(?: about (?:it|them|this))?|"
    rf"save {_THEM}|screenshot {_THEM}|have a look|look|read)"
)
_WHEN = (
    r"(?:later|tonight|today|tomorrow|tmrw|tmr|in a bit|at the weekend|this weekend|after school|after work|in the morning|"
    r"first thing|on (?:monday|tuesday|wednesday|thursday|friday)|next week|when (?:she|he|they|i|we) (?:gets? home|gets? back|wakes? up|is home|are home)|"
    r"with (?:her|his|their|my) (?:dad|mum|mom|father|mother|husband|wife|partner|nan|gran))"
)
_AFTER_THE_LOOK = rf"(?: (?:{_WHEN}))*(?: (?:thanks|thank you|thx|ty|cheers|ta|x+|then|too))*"
# "thx ill have a look", "ok thank you I'll give them a ring", "Thank you so much, I'll have a look
# through these tonight with her dad", "ill give them a ring thanks". Never "try" ("thanks ill try
# again", "thank you will try a few": the review) and never "now" or "bye" after it.
_CLOSING_THANKS = re.compile(
    rf"(?:{_OK} )*(?:{_THANK} )+(?:{_OK} )*{_WE} (?:defo |definitely |def |probably |deffo )?{_LOOK}{_AFTER_THE_LOOK}|"
    # "ill ring them tmrw": a service rung, without thanks, or after "thats it thanks" (development author D11)
    rf"(?:(?:thats it|that s it|that is it) )?(?:{_THANK} )*(?:{_OK} )*{_WE} (?:defo |definitely |def |probably |deffo )?"
    rf"(?:ring|call|phone|contact|text|email) {_THEM}(?: (?:{_WHEN}))*(?: x+)?|"
    # "no that's all thank you", "nah thats everything", "cheers, no further queries", "no thanks finished"
    # (never "im done", "thats it" or "finished" alone: they can mean an ending)
    rf"(?:(?:no|nah|nope|ok|okay|right|great|cheers|thanks|thank you|thx|ty) )*(?:thats all|that s all|that is all|thats everything|"
    rf"that s everything|no further (?:queries|questions)|nothing else|nothing more)(?: (?:for now|today|thanks|thank you|thx|ty|cheers|x+))*|"
    rf"(?:{_OK} )*{_WE} (?:defo |definitely |def |probably |deffo )?{_LOOK}(?: (?:{_WHEN}))* (?:{_THANK})(?: x+)*|"
    # "ok ill check them out", "great, we'll have a look tonight": an OK first says it closes
    rf"(?:{_OK} )+{_WE} (?:defo |definitely |def |probably |deffo )?{_LOOK}(?: (?:{_WHEN}))*(?: x+)*|"
    # "thats lovely thank you x" (a phone trial, session 29, got "Sorry, I didn't get that")
    r"(?:(?:ok|okay|oh|aw|aww) )?(?:(?:thats|that s|that is|its|it s|this is) )?(?:really |so |very )?"
    r"(?:lovely|great|brilliant|perfect|amazing|fab|fantastic|helpful|useful|ace|wonderful|super|cool|grand)"
    r"(?: (?:thanks|thank you|thx|ty|cheers|so much|very much|x+))*(?: (?:thanks|thank you|thx|ty|cheers))(?: (?:so much|very much|x+))*"
)

_CHILD = (
    r"(?:son|daughter|child|kid|boy|girl|lad|sister|brother|twin|stepson|stepdaughter|step son|step daughter|"
    r"foster (?:son|daughter|child)|grandson|granddaughter|niece|nephew|cousin|friend|mate|bestie|pupil|student|"
    r"\d{1,2} (?:year|yr) old)"
)
_ANOTHER = (
    rf"(?:for (?:my|our|the|me|her|his|their|a) ?(?:other|older|oldest|younger|youngest|eldest|little|big|twin)? ?{_CHILD}|"
    rf"for (?:another|a different) (?:{_CHILD}|one|person)|for (?:him|her|them) (?:too|as well)|"
    r"for (?:my|our|the) (?:youngest|eldest|oldest|middle one|little one|other one|older one|younger one|other two|others))"
)
_AGAIN = r"(?:again|agen|agian|agin|over|over again|from the (?:start|beginning)|afresh)"
_CAN_I = r"(?:can i|can we|could i|could we|can u|can you|could you|lets|let me|let s|please|pls|plz|how do i|may i)"
# Only before a request that names another child ("i need to do this again for my other daughter").
_NEED_TO = r"(?:i need to|we need to|i have to|we have to|need to|i want to|i d like to|id like to|i wanna)"
_THEIR_AGE = r"(?: (?:he|she|they) (?:is|s|are) \d{1,2}| (?:hes|shes|theyre) \d{1,2}| (?:aged|age) \d{1,2}| \d{1,2})?"
_LEAD = r"(?:(?:ok|okay|um|right|so|and|hi|now) )*"
_POLITE_TAIL = r"(?: (?:please|pls|plz|thanks|thank you|too|as well|x+))*"
# "do this again for my other son", "redo it for my brother he is 9"
_AGAIN_FOR_A_CHILD = (
    rf"(?:do|go through|fill in|fill out|fill|answer|run|redo|re do) (?:this|it|that|them|the same|one|another one) "
    rf"(?:{_AGAIN} )?{_ANOTHER}{_THEIR_AGE}"
)
# "can I do this again for my other son", "do it again for my sister", "can i start agen". Never
# "i want to do it again" or "i want to start again" alone: after talk of self-harm they mean that.
_START_AGAIN = re.compile(
    rf"{_LEAD}(?:{_CAN_I} )?"
    rf"(?:{_AGAIN_FOR_A_CHILD}|"
    rf"(?:and |now |ok now |what about |how about )(?:for )?(?:my|our) (?:other|younger|older|youngest|eldest|oldest|second) {_CHILD}{_THEIR_AGE}|"
    rf"(?:go|start) {_AGAIN} {_ANOTHER}|"
    rf"(?:do|go through|fill in|fill out|answer|run) (?:the questions|the whole thing|the form|the quiz|this chat|the chat) {_AGAIN}(?: {_ANOTHER})?|"
    rf"(?:do|go through|fill in|answer) (?:this|it|that|the questions) {_ANOTHER}(?: {_AGAIN})?|"
    rf"(?:start|begin) (?:again|agen|agian|agin|over|afresh)(?: {_ANOTHER}{_THEIR_AGE})?|"
    rf"(?:start|begin) (?:a )?new (?:one|search|chat)(?: {_ANOTHER})?)"
    rf"{_POLITE_TAIL}"
)
# "i need to do this again for my other daughter": wanting to, only for another child named
_AGAIN_FOR_ANOTHER = re.compile(rf"{_LEAD}{_NEED_TO} {_AGAIN_FOR_A_CHILD}{_POLITE_TAIL}")

# Someone the list is for, named: never "him", "her" or "them" alone (the review: "can i send it to
# him" after a disclosure about pictures).
_PERSON = (
    r"(?:my (?:mum|mom|mam|mummy|dad|daddy|nan|nana|gran|grandma|grandad|sister|brother|sis|bro|aunt|auntie|aunty|uncle|"
    r"teacher|form tutor|tutor|head of year|senco|gp|doctor|social worker|partner|husband|wife|wifey|"
    r"carer|foster (?:mum|dad|carer)|friend|mate|bestie|school|counsellor|key worker|keyworker|youth worker|son|daughter|child|"
    r"stepson|stepdaughter)|(?:her|his|their) (?:mum|dad|teacher|school|gp|doctor|social worker|dad s phone|mum s phone)|"
    r"the school|school|the gp|the doctor|"
    r"my (?:mum|mom|dad|nan|sister|brother|partner|husband|wife) s (?:phone|email)|"
    r"(?:my )?(?:mums|moms|mams|dads|nans|sisters|brothers|teachers) (?:phone|email|number))"
)
_DEVICE = (
    r"(?:my (?:phone|email|mobile|number|email address)|email|text|whatsapp|"
    # "can you email it to our practice nhs.net address" (development author D9)
    r"(?:my|our|the|her|his) (?:\w+ ){0,3}(?:email|e mail|email address|inbox|nhs net address|nhs net))"
)
# The list itself; "it" and "them" only when sent to a phone, an email or someone named.
_NAMED_LIST = r"(?:this|these|the list|this list|the info|the information|the details|the numbers|all this|the links)"
_LIST = rf"(?:{_NAMED_LIST}|it|them|em)"
_SEND = r"(?:send|sned|text|forward|email|whatsapp|share)"
_WHO_NEEDS_IT = r"(?:(?:she|he|they) s|shes|hes|theyre|she is|he is|they are) the one (?:who|that) (?:needs|wants) (?:it|them|this|help)"
_TAIL = r"(?: (?:phone|email|too|as well|please|pls|plz|thanks|thank you|x+|then|how))*"
# "send to my mums phone", "can u send it to my sister shes the one who needs it", "can you
# text this to me"
_SEND_TO_SOMEONE = re.compile(
    rf"(?:(?:ok|okay|um|so|and|hi) )*(?:{_CAN_I} |is there a way to |how (?:do|can) i )?"
    rf"(?:{_SEND}(?: {_LIST})?(?: on)? (?:to|2) (?:{_PERSON}|{_DEVICE}|me)|{_SEND} (?:{_PERSON}|me) {_NAMED_LIST}|"
    # "how do i share this with my husband"
    rf"share {_LIST} with (?:{_PERSON}|me)|"
    rf"{_SEND} {_LIST} (?:by|via|on|in an|as an?) (?:email|text|whatsapp|message))"
    rf"{_TAIL}(?: {_WHO_NEEDS_IT})?{_TAIL}"
)
# "can i show this to my teacher", "can i give this to my teacher", "can i pass this on to my mum",
# "i'll show this to my teacher"
# "need a copy of this list for the referral notes", "can i have a copy"
_A_COPY = (
    r"(?:(?:i|we) )?(?:need|want|would like|d like|can i have|can i get|could i have|could i get|can we have|is there) "
    r"a (?:copy|printout|print out|pdf|printable version)(?: of (?:this|it|the list|this list|these))?"
    r"(?: for (?:the|my|our|her|his) (?:notes|records|file|referral|referral notes|case notes|meeting))?(?: (?:please|pls|plz))*|"
    # "can i get these in writing"
    r"(?:can|could) (?:i|we|u|you) (?:get|have|give me|put) (?:this|these|it|them|the list|this list)"
    r" (?:in writing|on paper|written down|printed|printed out|as a pdf)(?: (?:please|pls|plz))*"
)
_SHOW_TO_SOMEONE = re.compile(
    rf"{_A_COPY}|"
    rf"(?:(?:ok|okay|um|so|and|hi) )*(?:{_CAN_I} |is it ok (?:if|to) (?:i )?|am i allowed to |i ll |ill |i will |i want to )?"
    rf"(?:show|give|pass|hand) {_NAMED_LIST}(?: on)? (?:to|2) {_PERSON}{_TAIL}|"
    rf"(?:(?:ok|okay|um|so|and|hi) )*(?:{_CAN_I} )?show {_PERSON} {_NAMED_LIST}{_TAIL}"
)

_COUNSELLOR = r"(?:counsellor|counselor|councillor|counseller|therapist|psychologist)"
_PLEASE_NOW = r"(?:please|pls|plz|asap|now|today|x+)"
_ASK_TO_SEE = (
    r"(?:(?:can i|can we|could i|could we|please can i|pls can i) (?:see|have|get|talk to|speak to|speak with)|"
    r"(?:i|we) (?:want|need|would like|d like)(?: to (?:see|talk to|speak to))?|id like(?: to (?:see|talk to|speak to))?)"
)
_SOMEONE = (
    r"(?:someone|somebody|some1|sum1|sumone|someone real|a real person|a person|a human|an actual person|a real human|"
    r"an adult|a grown up|a professional|a counsellor|someone professional|a worker|someone proper)"
)
_WANT = (
    r"(?:i want|i wanna|i want to|i need|i need to|i d like|id like|i d really like|id really like|i would like|"
    r"i just want|i just want to|i just need|i just need to|just want to|just need to|i just wanna|"
    r"i would really like|i really want|i really need|can i|could i|please can i|pls can i|is there (?:any ?one|someone|somebody) i can|"
    r"how do i|how can i|where can i|we d like|we need|we want|can we|could we)"
)
# What may follow "talk to someone": "about my daughter", "tonight", "if possible"
_TALK_TAIL = (
    r"(?: (?:about (?:it|this|things|stuff|(?:my|our) (?:son|daughter|child|kid|boy|girl|lad|teen|teenager|stepson|stepdaughter))|"
    r"today|now|tonight|asap|soon|if possible|if i can|if we can|"
    r"please|pls|plz|real|properly|in person|on the phone|not a bot|instead|tbh|rn|right now|x+|\?|"
    # "is there anyone i can talk to that isnt from my school" (development author D15)
    r"(?:that|who) (?:isnt|is not|isn t|arent|are not|aren t) (?:from|at|in) (?:my |the )?(?:school|college|family)|"
    r"(?:not|outside) (?:from |of )?(?:my |the )?(?:school|college|family)))*"
)
# "i want to talk to sum1", "I'd really like to speak to someone today if possible"
_TALK_TO_SOMEONE = re.compile(
    rf"(?:(?:ok|okay|um|so|and|hi|hello|hey|hiya|sorry|please|pls|actually|honestly|tbh) )*{_WANT}(?: to)? (?:talk|speak|chat|talk properly|speak properly)"
    rf" (?:to|with|2) {_SOMEONE}{_TALK_TAIL}|"
    # "is there anyone i can talk to tonight about my daughter" (development author D5)
    rf"(?:is there|are there) (?:any ?one|someone|somebody|any ?body) (?:i|we) (?:can|could) (?:talk|speak|chat) (?:to|with){_TALK_TAIL}|"
    # "any helplines", "helpline number please", "is there a number i can ring to talk"
    r"(?:(?:any|a|the) )?(?:helpline|helplines|help line|help lines|phone line|phone number to talk to someone)(?: number| numbers)?(?: (?:please|pls|plz|\?))*|"
    r"(?:is there|are there|have you got|do you have) (?:a |any )?(?:number|numbers|helpline|line|phone line) (?:i|we) can (?:ring|call|phone|text)"
    r"(?: (?:to talk|to talk to someone|to speak to someone|now|please|pls))*|"
    # A call back asked for: "Can a worker call me back? I'm free after 3" (development author D8)
    rf"(?:(?:ok|okay|um|so|and|hi|please|pls) )*(?:can|could|will|would) (?:{_SOMEONE}|some one|one of you|you|u|a nurse|a doctor)"
    r" (?:call|ring|phone) (?:me|us)(?: back)?"
    r"(?: (?:today|tomorrow|later|please|pls|plz|\?))*"
    # "...im free after 3"; never "im in this house with him" or "im around all night alone" (the review)
    r"(?: (?:im|i m|i am|we re|were|we are) (?:free|around|available) (?:after|before|from|at|on|today|tomorrow|any ?time)"
    r"(?: (?:\d{1,2}(?: ?(?:am|pm|o clock|oclock))?|school|work|lunch|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend))?)?|"
    # A counsellor asked for: "counsellor pls", "can i see a counsellor" (development author D5 got "Thanks, I've
    # changed that", the asker made a professional); never the bare word, which says who is chatting
    rf"(?:(?:a|an) )?{_COUNSELLOR}(?: {_PLEASE_NOW})+|{_ASK_TO_SEE} (?:a |an )?{_COUNSELLOR}(?: {_PLEASE_NOW})*"
)

def _any_of(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_PLEASE = (
    r"(?:please|pls|plz|prosze|va rog|por favor|s il vous plait|svp|bitte|os gwelwch yn dda|lutfen|per favore|"
    r"se puder|moliya|kripya|meherbani)"
)
# "polski?", "în română vă rog", "Cymraeg os gwelwch yn dda" (D2, D3: "What would you like to change?")
_LANGUAGE_NAMED = re.compile(
    rf"(?:(?:in|na|po|w|em|en|auf|yn|i|can we do this in|can you do this in|can we speak|can you speak|"
    rf"can u speak|can we talk in|do you speak|do u speak|speak) )?(?:{_any_of(LANGUAGE_NAMES - {'english'})})"
    rf"(?: (?:{_PLEASE}|language|version|then|instead))*"
)
_LANGUAGES = _any_of(LANGUAGE_NAMES - {"english"})
# Who it is for, after the language: "is this available in Tamil for family" (development author D5)
_FOR_WHOM = (
    r"(?: for (?:the |my |his |her |their |our )?(?:family|parents?|mum|mom|mam|dad|nan|nana|gran|grandma|grandad|"
    r"grandparents?|carers?|them|him|her|us|me)(?: (?:please|pls|plz|\?))*)?"
)
# "se poate în română?", "czy mozna po polsku": a few words, then "in" (or its own word) and the language
_ASKED_IN_A_LANGUAGE = re.compile(
    r"(?:se poate|putem|poti|puteti|czy (?:mozna|moze|mozemy|mozesz)|mozna|mozemy|pode ser|podemos|puede ser|es posible|"
    r"si puo|possiamo|peut on|on peut|kann man|konnen wir|olur mu|mumkun|can (?:we|you|u|i)(?: do (?:it|this))?|"
    r"could (?:we|you|u|i)(?: do (?:it|this))?|is (?:it|this|there)(?: available)?|do you have (?:it|this)) "
    rf"(?:in|na|po|w|em|en|auf|yn|i) (?:{_LANGUAGES})(?: (?:{_PLEASE}|language|version|then|instead))*" + _FOR_WHOM
)  # "they bully me in polish" asks for nothing
# "parent needs it in farsi, pls", "can i get this in urdu", "do you have it in arabic"
_IN_A_LANGUAGE = re.compile(
    r"(?:(?:the |my |her |his |their )?(?:parent|parents|mum|mom|dad|family|carer|nan|grandma|she|he|they|we|i) "
    r"(?:needs?|wants?|would like|prefers?|only speaks?|speaks?|reads?|can only read) (?:it |this |them |the list )?(?:in )?|"
    r"(?:can|could) (?:i|we|you|u) (?:get|have|see|send|do|read) (?:it|this|them|the list|these) in |"
    r"(?:do|have) (?:you|u) (?:got|have) (?:it|this|them|the list) in |is (?:it|this|there|the list) (?:available )?in |"
    r"(?:it|this) in )"
    rf"(?:{_LANGUAGES})(?: (?:please|pls|plz|version|translation|language|\?))*" + _FOR_WHOM
)
# "shukriya", "dziękuję", "merci beaucoup", "danke schön": thanks in the languages most spoken here
_THANKS_IN_ANOTHER_LANGUAGE = re.compile(
    rf"(?:(?:bahut|bohot|bahot|muchas|molte|muito|thank you|thanks) )?(?:{_any_of(THANKS_WORDS)})"
    rf"(?: (?:bardzo|beaucoup|schon|schoen|mille|muito|ji|bahut|bohot|x+|{_any_of(GOODBYE_WORDS)}|do|allah|hafiz|khuda))*"
)
_WHO = r"(?:who|where|wer|wat|who else|where else)"
# "i dont know who to talk to", "idk where else to go tbh": asking for help, as a first message
_SEEK_HELP = re.compile(
    rf"(?:(?:hi|hello|hey|um|so|honestly|tbh) )*(?:i )?(?:dont know|do not know|don t know|idk|dunno|not sure|im not sure|i m not sure|"
    # never "tell": "i dont know who to tell" carries a secret (development conversations G7, a risk message)
    rf"no idea) {_WHO} (?:else )?(?:to|i can|can i|i should|should i|i could) (?:talk to|speak to|turn to|go|go to|ask|go for help|ask for help)"
    r"(?: (?:about (?:it|this|stuff|things|my feelings)|anymore|any more|tbh|honestly|now|please|pls|lol|x+))*|"
    # "who can i talk to about stuff" (D-sets: answered as a question about privacy)
    rf"(?:(?:hi|hello|hey|um|so) )*{_WHO} (?:can|could|should|do) (?:i|we) (?:talk to|speak to|turn to|go to|go|ask)"
    r"(?: (?:about (?:it|this|stuff|things|my feelings|how i feel)|for help|tbh|honestly|please|pls|\?))*"
)

# What a different service should be: "is there anything without a long wait", "got any with no
# waiting list", "any in-person services for this CYP?" (D5: the privacy answer, "Thank you for
# telling me"). Not nearer (the list is by area: `asks_for_somewhere_nearer`) nor opening times
# (a question about the list).
_DIFFERENTLY = (
    r"(?:without (?:a |the )?(?:long |big |huge )?(?:wait|waits|waiting list|waiting lists|waiting time|waiting times)|"
    r"with (?:no|a short|a shorter|shorter|less of a|less) (?:wait|waits|waiting list|waiting time|waiting times)|"
    r"(?:with |that has |that have )?no (?:wait|waiting list|waiting lists)|face to face|in person|not online|"
    r"(?:that s|thats|that is|that are|that isnt|that isn t|that arent|that aren t) (?:not )?(?:online|face to face|in person)|"
    r"for this (?:yp|cyp|young person|pupil|student|client))"  # (never "for my child": a first message asking for help)
)
_MORE_WITH_A_NEED = re.compile(
    r"(?:(?:ok|okay|so|and|hi|um|pls|please) )*(?:is there|are there|have you got|have u got|got|do you have|do u have|any|"
    r"show|show me|can i see|can you show|can u show)(?: me)?(?: (?:anything|any|something|some|other|others|more|further|"
    r"other options|further options|more options|other services|more services|ones|one))?"
    r"(?: (?:else|other|others|service|services|options|ones|places|support|help))*"
    rf"(?: {_DIFFERENTLY}(?: (?:service|services|options|ones|places|support|help))*)+(?: (?:please|pls|plz|then))*"
)

# "gtg mums calling me", "sorry got to go, tea's ready" (D-sets: read as the parent's own help, or
# not understood). Having to go, and why: someone calling or a meal or lesson, never a feeling.
_SOMEONE_AT_HOME = r"(?:(?:my |me )?(?:mums?|mum s|moms?|mams?|dads?|nans?|grans?|teachers?|sisters?|brothers?)|someone|somebody)"
_HAVE_TO_GO = re.compile(
    r"(?:(?:ok|okay|right|sorry|soz|sry|anyway|anyways|thanks|thank you|thx|ty|cheers|oh|oops) )*"
    r"(?:gtg|g2g|got to go|gotta go|gota go|i ve got to go|ive got to go|ive gotta go|i gotta go|i have to go|have to go|"
    r"i need to go|need to go|i must go|must go)(?: now| sorry| soz)*"
    # someone calling them, never someone coming or home ("gtg my dads home" may be a warning sign)
    rf"(?: (?:{_SOMEONE_AT_HOME} (?:is |s )?(?:calling|calling me|shouting|shouting me)|"
    r"(?:tea|dinner|lunch|food)(?:s| s| is)? ready|(?:class|lesson|school|the bell)(?:s| s| is)? (?:starting|going)|"
    r"(?:battery|phone)(?:s| s| is)? (?:dying|on \d+)))?"
    r"(?: (?:bye|byee+|bye bye|cya|see ya|see you|thanks|thank you|thx|ty|cheers|sorry|soz|x+))*"
)

# "these all have huge waiting lists, what else is there": a reason, then asking for the rest
_WHAT_ELSE = re.compile(
    # a reason about the services shown ("these all have huge waiting lists"), never any words:
    # "nothing helps what else is there" is left to DIET and the risk layer
    r"(?:(?:these|those|they|them|the ones|that one|this one|none of (?:these|them|those)|all of (?:these|them|those)|"
    # "waiting list for that one is like 6 months, what else is there" (development author D9)
    r"(?:the )?waiting (?:list|lists|time|times)|the wait)"
    # ...never the speaker's own words: "waiting list is too long i cant go on what else is there" (the review)
    r"(?: (?!(?:i|im|i m|me|my|myself|cant|can t|wont|won t)\b)\w+){1,10} )?"
    r"(?:so |but |ok |and )?(?:what else is there|what else (?:have you got|have u got|is available|you got|u got)|"
    r"(?:is there |are there |have you got |have u got |got )?(?:anything else|any others|any other ones|any more|anymore|others)"
    r" (?:is there|are there|available|you can show me|u can show me|nearby|near me|near us)|"
    r"(?:is there |are there )(?:anything else|any others|any more|any other options|other options)|"
    # "whats next on the list" (development author D8 got "Sorry, I can't help with that")
    r"(?:(?:whats|what s|what is|who s|whos|who is) next on (?:the|ur|your) list|(?:show me |give me |and )?the next (?:ones?|few|page)))"
    r"(?: (?:please|pls|plz|then|\?))*"
)

# "no im good thx", "nah we're fine now thanks", "no thanks finished": nothing more wanted, after the
# list (DIET reads a "no", which the safety steps keep; `NewWorryPolicy` reads these there).
_NOTHING_MORE = re.compile(
    r"(?:no|nah|nope|no thanks|no thank you|nah thanks)(?: (?:thanks|thank you|thx|ty|cheers))?"
    r"(?: (?:im|i m|i am|were|we re|we are) (?:good|sorted|all good|all sorted)(?: now| for now)?"
    r"(?: (?:thanks|thank you|thx|ty|cheers|x+|bye))*|"
    # "ok" or "fine" only with thanks: "nah im ok" is also how a risk message plays things down
    r" (?:im|i m|i am|were|we re|we are) (?:ok|okay|fine|alright)(?: now| for now)?(?: (?:thanks|thank you|thx|ty|cheers))+(?: (?:x+|bye))*|"
    r" (?:finished|all done|all sorted|sorted|thats it|that s it)(?: (?:thanks|thank you|thx|ty|cheers|x+|bye))*)"
)

# "can my mum see this chat", "will the school find out": who can see the chat
# (a user trial, session 45: DIET read a request to stop, and the answer was "Sorry, I didn't get that").
_WHO_SEES_IT = re.compile(
    r"(?:(?:and|but|so|um|wait|also|ok) )?(?:can|will|could|would|does|do|is|are|might) (?:my |the |his |her |our |your )?"
    r"(?:mum|mom|mam|dad|parents?|school|teachers?|social worker|sw|police|carer|foster carer|gp|doctor|anyone|anybody|someone|"
    r"somebody|family|nan|staff|people|they) (?:be able to )?(?:see|read|know|find out|be told|get told|get (?:a )?copy|get sent|hear|"
    r"look at|access|check|track|trace)(?: (?:about )?(?:this|this chat|the chat|what i (?:say|type|write|said|typed|put)|it|that|"
    r"my messages|these messages|any of this|i (?:was|am|m) (?:on|using) (?:this|here)|i used this))?(?: (?:here|on here|later))?"
)  # (never "is this chat private": it comes before a risk told, in the risk sets; DIET reads it well)
# "will u tell my parents" (DIET: medical advice, "If you have taken too much of something, call 999
# now"), "do you call the police", "do you tell my school", "whats my data used for": a user trial,
# session 47. The privacy answer says the chat cannot contact anyone and what is saved.
# Never "can you call someone", "can you tell my mum": a plea for help (the review, session 47), so no
# "can" or "could", no "please", and calling only the police or social services.
_WILL_YOU_TELL = re.compile(
    r"(?:(?:and|but|so|um|wait|also|ok|okay|hi|hey|sorry|just wondering|quick question) )*"
    r"(?:will|would|do|does|are|r|is|might|wil) (?:you|u|ya|yu|this|the bot|this bot|this chat|the chat|it|this thing) "
    r"(?:going to |gonna |have to |need to |got to |ever |automatically )?(?:"
    r"(?:tell|inform|contact|grass (?:me )?(?:up )?to|snitch (?:me )?to|report (?:me |this |it |stuff |things |anything |what i say )?to|"
    r"send (?:this |it |anything |my messages )?to|pass (?:this |it |anything )?(?:on )?to|share (?:this |it |anything |my messages )?with) "
    r"(?:my |the |his |her |our |a )?(?:mum|mom|mam|dad|parents?|school|teachers?|social worker|sw|police|cops|feds|carers?|"
    r"foster carers?|gp|doctor|anyone|anybody|someone|somebody|family|nan|staff|people|them|social services)"
    r"|(?:call|ring|phone) (?:the )?(?:police|cops|feds|social services))"
    r"(?: (?:about (?:this|me|it|what i say)|what i (?:say|said|type|typed|tell you)|anything))?(?: (?:tho|though|or not))*"
)
_WHAT_HAPPENS_TO_MY_DATA = re.compile(
    r"(?:(?:and|but|so|um|wait|also|ok|okay) )*(?:what|wat|wot)(?: s| is|s)? (?:happens to |do you do with |you do with |u do with )?"
    r"(?:my )?(?:data|info|information|messages|details)(?: (?:used for|for|kept|stored|saved|going|go))?"
    r"|(?:where|who) (?:does|do) (?:my )?(?:data|info|information|messages) (?:go|get seen|get read)"
)
_GRAMMARS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (ASK_PRIVACY, _WHO_SEES_IT),
    (ASK_PRIVACY, _WILL_YOU_TELL),
    (ASK_PRIVACY, _WHAT_HAPPENS_TO_MY_DATA),
    (GOODBYE, _HAVE_TO_GO),
    (GOODBYE, _NOTHING_MORE),
    (THANKS, _CLOSING_THANKS),
    (START_AGAIN, _START_AGAIN),
    (START_AGAIN, _AGAIN_FOR_ANOTHER),
    (REQUEST_EMAIL, _SEND_TO_SOMEONE),
    (REQUEST_PRINT, _SHOW_TO_SOMEONE),
    (TALK_TO_A_PERSON, _TALK_TO_SOMEONE),
    (REQUEST_OTHER_LANGUAGE, _LANGUAGE_NAMED),
    (REQUEST_OTHER_LANGUAGE, _IN_A_LANGUAGE),
    (REQUEST_OTHER_LANGUAGE, _ASKED_IN_A_LANGUAGE),
    (THANKS, _THANKS_IN_ANOTHER_LANGUAGE),
    (SEEK_HELP, _SEEK_HELP),
    (MORE_OPTIONS, _MORE_WITH_A_NEED),
    (MORE_OPTIONS, _WHAT_ELSE),
)
MAX_WORDS = 24


# An email address typed to be sent the list, after "I can't send emails" ("sam.k93@gmail.com" got
# "What would you like to change?": a user trial, session 44). Read before `normalise`, which drops the "@".
_AN_EMAIL_ADDRESS = re.compile(
    r"(?:(?:my |our |the |her |his )?(?:e-?mail|email address)(?: address)?(?: is)?\s*[:\-]?\s*"
    r"|(?:(?:pls |please )?send (?:it|this|them|the list|that) to|to)\s+)?"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?(?:\s+(?:please|pls|plz|thanks|thank you|ty|x+))*",
    re.IGNORECASE,
)


def request_in_so_many_words(text: str) -> str | None:
    """The intent a whole message asks for in so many words, or None: `THANKS` for a thank-you
    that closes, `START_AGAIN`, `REQUEST_EMAIL` or `REQUEST_PRINT` for sending or showing the list
    to someone, `TALK_TO_A_PERSON`, `REQUEST_OTHER_LANGUAGE` for a language named alone, `SEEK_HELP`
    for not knowing who to talk to."""
    if _AN_EMAIL_ADDRESS.fullmatch(text.strip()):
        return REQUEST_EMAIL
    clean = without_accents(text)
    if not clean or len(clean.split()) > MAX_WORDS:
        return None
    for intent, grammar in _GRAMMARS:
        if grammar.fullmatch(clean):
            return intent
    return None


_A_THANK_YOU = re.compile(rf"\b{_THANK}\b")


def says_thanks(text: str) -> bool:
    """Does the message say thank you anywhere ("cheers for that", "ok ta")?"""
    return bool(_A_THANK_YOU.search(without_accents(text)))


def closing_reply(text: str) -> str:
    """The reply to a closing: "You're welcome. Take care." to a thank-you, else the goodbye."""
    return THANKS_REPLY if says_thanks(text) else GOODBYE_REPLY


def is_next_step_request(text: str) -> bool:
    """Does `text` make one of the requests answered after the list (`NEXT_STEP_REQUESTS`)?"""
    return request_in_so_many_words(text) in NEXT_STEP_REQUESTS


# "thanks", "ok thank you", "thank you for the numbers", "cheers for listening x": a whole message
# that only thanks. Read where DIET's "thanks" must not decide alone (after a crisis reply nobody
# has said they are safe from, a thank-you is no answer: `leaves_or_plays_it_down`).
_THANKS_ONLY = re.compile(
    rf"(?:(?:anyway|anyways|anyhow|well|right|so) )?(?:{_OK} )*(?:{_THANK})(?: (?:so|very|v) much| a lot| loads| again)?"
    r"(?: for (?:(?:the|your|all the|all your|these|those) )?(?:numbers|number|links|help|info|information|advice|"
    r"chat|time|list|support|everything|listening|trying|helping|being there|this|that|it))?"
    r"(?: (?:bot|mate|hun|babe|anyway|anyways|tho|though|x+))*"
)


def thanks_only(text: str) -> bool:
    """Does the whole message only say thank you (with "ok", "so much", "for the numbers")?"""
    clean = without_accents(text)
    return bool(clean) and len(clean.split()) <= MAX_WORDS and bool(_THANKS_ONLY.fullmatch(clean))


def closing_in_so_many_words(text: str) -> str | None:
    """`THANKS` or `GOODBYE` for a thank-you that closes, having to go or wanting nothing more, said
    in so many words: after the list these end the chat kindly, whatever DIET read ("no that's all
    thank you" is a "no")."""
    request = request_in_so_many_words(text)
    return request if request in (THANKS, GOODBYE) else None
