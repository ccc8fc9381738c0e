"""What people type after the crisis reply gave them numbers: why they cannot phone, what a line
is, and emergency help that is slow to come (development conversations G16, session 41).

"can u just talk to me instead of giving me numbers" got "Sorry, I didn't get that", "whats the
website one" after "i only have wifi" got "Sorry, I can't help with that", and "the ambulance cant
come for 3 hours what do we do" got the chat's practical answer ("This chat is free…"). Each is
read here on `normalise`d text; the crisis policy chooses the reply.
"""
from __future__ import annotations

import re

from signposting.parsing import tells_help_is_coming
from signposting.risk import detect_risk
from signposting.text import normalise

# Why the phone numbers cannot be used now: no credit, no signal, a dying phone, being overheard,
# being too scared to talk, the line busy. Never "i cant call him" about a person ("call (him|her)").
_CANNOT_PHONE = re.compile(
    r"\b(?:"
    r"(?:i|we)(?: just)? (?:cant|can t|cannot|can not|couldnt|could not|dont want to|don t want to|do not want to|"
    r"dont wanna|don t wanna|wont|dont like|don t like|hate|am not able to|have no way to|have nothing to)"
    r" (?:call|ring|phone|make (?:a )?calls?|use (?:my|the|a) phone|phone anyone|ring anyone|call anyone|"
    r"(?:talk|speak) (?:on the phone|out loud|to a stranger|to strangers|to them on the phone)|"
    r"(?:call|ring|phone) (?:them|it|that|those|these|that number|those numbers|these numbers|any of (?:them|those|these)))"
    # never a person, and never an ambulance or the police refused, which the crisis steps read as
    # waving it away ("we dont wanna call an ambulance bc of police": session 40)
    r"(?! (?:him|her|my|his|their|an ambulance|the ambulance|ambulance|an ambo|999|the police|police)\b)"
    r"|(?:im|i m|i am|we re|were|we are)(?: too| really| so| just)? (?:scared|afraid|nervous|frightened|too shy|shy|not able) "
    r"(?:to|of) (?:call|calling|ring|ringing|phone|phoning|talk on the phone|talking on the phone)"
    r"|no (?:credit|signal|minutes|data|phone)|(?:got|have|ve got) no (?:credit|signal|minutes|data|phone)"
    r"|(?:only|just) (?:have|got|ve got|on) (?:wifi|wi fi|the ipad|an ipad|a tablet|my ipad|my tablet|my laptop|a laptop)"
    r"|(?:phone|battery)(?: is| s)? (?:about to die|dying|nearly dead|almost dead|on \d+|at \d+)"
    # overheard: someone hearing "me", or at the message's end; never "she can hear voices" (the review)
    r"|(?:someone|somebody|they|mum|dad|my mum|my dad|my parents|everyone)(?: will| ll| would| might| could| can)? "
    r"(?:hear|is listening|are listening)(?: (?:me|us))?(?=\s*$| (?:me|us|if|when)\b)"
    r"|(?:line|it|they|phone)(?: is| s| was| were| are)? (?:busy|engaged|on hold|not answering|didnt answer|didn t answer|hung up)"
    r"|(?:no ?one|nobody|no body) (?:is )?(?:answer(?:ing|ed|s)?|picked up|picking up|picks up)"
    r"|(?:they|it) (?:just )?(?:keeps|kept) ringing"
    # the bot asked to talk: never "my mum wont talk to me" (the review)
    r"|(?:can|could|will|would)(?: you| u)(?: just)? (?:talk|speak|chat) to me(?! about)|just (?:talk|speak|chat) to me(?! about)"
    r"|instead of (?:giving me )?(?:numbers|phone numbers)"
    r"|(?:stop|no more) (?:giving me |sending me |with the )?(?:numbers|phone numbers)"
    r")\b"
)

# A question about one of the lines the reply gave, or about a way to reach help without phoning:
# "what even is shout", "whats the website one", "can i text instead", "is there an online chat".
# Never "what chat is this" (the review, session 41).
_ASKS_ABOUT_A_LINE = re.compile(
    r"\b(?:"
    r"(?:what|whats|what s|wat|wot|who|whos|who s)(?: even| actually| exactly)?(?: is| are| s)?(?: the)? "
    r"(?:shout|childline|child line|samaritans|samaritan|85258|116 123|0800 1111)"
    r"|(?:what|whats|what s|wat|which)(?: is| s)?(?: the)? (?:website|web|online|text|texting)(?: one| thing| number| line| chat)"
    r"|(?:is there|are there|have you got|got) (?:a |an |any )?(?:website|online chat|web chat|webchat|text line|texting|email)"
    r"(?: one| ones| thing| option| service| line)?"
    # never "can i text my mum to come and get me" (the review)
    r"|(?:can|could) (?:i|we) (?:just )?(?:text|message|email|chat online)(?: (?:them|someone|instead|shout|childline|samaritans))*"
    r"(?=\s*$| instead| them| someone| shout| childline| samaritans)"
    r"|how (?:do|does|can) (?:i|we|you|u|it) (?:text|message|chat|use) (?:them|shout|childline|samaritans)"
    r"|(?:text|texting) instead"
    r")\b"
)

# Emergency help called but slow: "the ambulance cant come for 3 hours", "they said it could be 4
# hours", "still waiting for the ambulance", "999 put us on hold". Only an ambulance, paramedics or
# 999, and never once they are at A&E or in hospital ("we are at a&e and theres a 6 hour wait", "a
# doctors appointment in 2 hours": the review, session 41). Not "the ambulance is coming".
_EMERGENCY = r"(?:ambulance|ambulances|ambo|paramedics?|999)"
_HELP_DELAYED = re.compile(
    rf"\b{_EMERGENCY}\b.*\b(?:"
    r"(?:cant|can t|cannot|wont|will not|isnt|is not|not) (?:come|coming|be here|get here|here yet|arrive|arriving)"
    r"|(?:\d+|an|one|two|three|four|five|six|few|couple of|several) (?:more )?(?:hours?|hrs?)|hours? away|hours? wait"
    r"|(?:long|big|massive|huge) (?:wait|delay|queue)|delay(?:ed)?|taking (?:ages|forever|so long|too long|a long time)"
    r"|still (?:not here|waiting|hasnt come|hasn t come|not come|no sign)|not here yet|on hold|no one (?:is )?answering"
    r")\b"
    rf"|\b(?:still |been )?waiting (?:for|on) (?:the |an )?{_EMERGENCY}\b"
    rf"|\bhow long (?:will|does|do|till|until|before) (?:the |an )?{_EMERGENCY}\b"
)
_ALREADY_THERE = re.compile(r"\b(?:at|in|inside) (?:a and e|a e|ae|a n e|the hospital|hospital|the emergency department)\b")
# A wait told of the past is no help on its way: "the ambulance took 4 hours last time i called" (the review).
_PAST_WAIT = re.compile(r"\b(?:last time|last year|last month|last week|once|before|took|used to|when i was)\b")

# At A&E or with help on its way, and nothing more: never "im in a&e on my own and i still want to do
# it", "we are at the hospital, they are sending me home, i might do something" (the review).
_MORE_THAN_HELP_SOUGHT = re.compile(
    r"\b(?:but|still|want|wanna|leave|leaving|home|alone|on my own|by myself|do it|do something|might|again|gonna|going to|"
    r"scared|not safe|unsafe|danger)\b"
)

# A nod typed to "Are you safe right now?": "k", "ok", "fine". Never "yes", "im ok", "im fine" or
# "safe", which answer it, and never "whatever", which already gets "Please call 999 now" as unsure.
_NODS = re.compile(r"(?:k+|kk|ok+|okay|okey|oki|mk|sure|mhm+|fine|ok fine)(?: (?:then|i guess|lol))?")


def cannot_use_the_phone(text: str) -> bool:
    """"i only have wifi", "cant talk out loud mum will hear", "can u just talk to me instead of giving
    me numbers": the numbers given cannot be used now."""
    return bool(_CANNOT_PHONE.search(normalise(text)))


def asks_about_a_line(text: str) -> bool:
    """"what even is shout", "whats the website one", "can i text instead": a question about a line."""
    return bool(_ASKS_ABOUT_A_LINE.search(normalise(text)))


def help_is_delayed(text: str) -> bool:
    """"the ambulance cant come for 3 hours what do we do": emergency help called, and slow to come."""
    clean = normalise(text.replace("&", " and "))
    return bool(_HELP_DELAYED.search(clean)) and not _ALREADY_THERE.search(clean) and not _PAST_WAIT.search(clean)


def help_sought_plainly(text: str) -> bool:
    """"we are at a&e and theres a 6 hour wait", typed to "Are you safe right now?": help being sought,
    and nothing more told (no risk word, nothing that turns it round)."""
    clean = normalise(text.replace("&", " and "))
    return tells_help_is_coming(text) and not _MORE_THAN_HELP_SOUGHT.search(clean) and not detect_risk(text).matches


def nods_only(text: str) -> bool:
    """"k", "ok", "fine" typed to "Are you safe right now?": a nod, not an answer
    ("k" after "got chucked out again" and a phone about to die got "I'm glad you're safe": G16)."""
    return bool(_NODS.fullmatch(normalise(text)))


# How to help the person the crisis reply was about, asked after it: "what do i say to him" after
# "my mate said he wants to kill himself" got the crisis reply for the speaker's own danger; "what do
# i do" after "my little brother is 9 and keeps saying he wants to die" got "I'm a chatbot, not a
# person" (user trials, sessions 46 and 47). The whole message is the question: nothing else told.
_HOW_TO_HELP_THEM = re.compile(
    r"^(?:(?:so|ok|okay|but|and|um|erm|please|pls|plz|help|right|then|ok so|but like) )*(?:"
    r"(?:what|wat|wot|how) (?:do|should|can|could|shall|would|am|do you think|should you) (?:i|we) (?:supposed to |meant to |going to |gonna )?"
    r"(?:do|say|tell|help|talk|support|handle|approach|react|respond|text|message|bring it up|deal with it|do about it)"
    r"(?: (?:to|with|about|for))?(?: (?:him|her|them|my (?:friend|mate|brother|sister|son|daughter|child|bestie|bro|sis)|this|that|it))?"
    r"|(?:how|hw) (?:do|can|should|could) (?:i|we) help (?:him|her|them|my (?:friend|mate|brother|sister|son|daughter|bestie))"
    r"|(?:should|do|shall|can) (?:i|we) (?:tell|talk to) (?:someone|somebody|anyone|an adult|a teacher|a grown up|(?:his|her|their) "
    r"(?:mum|mom|dad|parents|family|teacher)|my (?:mum|mom|dad|parents|teacher))"
    r"|(?:what|wat) (?:now|next|do i do now|do we do now)"
    r")(?: (?:now|then|next|tho|though|about it|to help (?:him|her|them)|pls|please|plz|x+))*$"
)


def asks_how_to_help_them(text: str) -> bool:
    """Is the whole message a question about how to help someone else at risk ("what do i say to
    him", "how can i help her", "should i tell his mum")?"""
    return bool(_HOW_TO_HELP_THEM.match(normalise(text)))
