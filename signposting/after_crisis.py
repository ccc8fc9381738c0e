"""What people type after the crisis reply gave them numbers: why they cannot phone, what a line
is, and emergency help that is slow to come (development conversations G16, session 41).

"can u just talk to me instead of giving me numbers" got "Sorry, I didn't get that", "whats the
website one" after "i only have wifi" got "Sorry, I can't help with that", and "the ambulance cant
come for 3 hours what do we do" got the chat's practical answer ("This chat is free…"). Each is
read here on `normalise`d text; the crisis policy chooses the reply.
"""
from __future__ import annotations

import re

from signposting.parsing import WORKER_WORDS, tells_help_is_coming
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


# What the words the risk models read as a crisis meant, told after it: "i meant school", "not like
# that", "no its just exams lol" after "i cant do this anymore" (both user trials, session 47, got
# "Please call 999 now"). The whole message, everyday things only: never "i meant it", "i mean what i
# said", or anything beside the clarification.
_EVERYDAY_THINGS = (
    r"(?:(?:my|his|her|their|the|this|all (?:the|my|his|her)|these|them|that|those) )?(?:school|schoolwork|school work|homework|hw|revision|revising|"
    r"exams?|tests?|mocks?|gcses?|a levels?|sats|coursework|assignments?|essays?|deadlines?|college|uni|university|work|job|"
    r"lessons?|maths|english|science|teachers?|football|training|the game|games?|fortnite|roblox|minecraft|match|phone|"
    # (never a time: "its today", "this week" may tell when: the second review)
    r"wifi|internet|stress|being stressed|being tired|tiredness|being bored|boredom|year \d+)"
    r"(?: (?:stuff|stress|work|pressure))?"
)
_ABOUT_EVERYDAY_THINGS = (
    rf"(?:(?:i|he|she|they) (?:only |just )?(?:meant|mean|means|was talking about|was on about|was going on about|was referring to|"
    r"was saying about|said it about|says it about)"
    r"|(?:it s|its|it is|it was|that s|thats|that was)(?: only| just)?(?: about| cos of| because of)?"
    rf"|only|just|about|cos of|because of) (?:about )?{_EVERYDAY_THINGS}"
    r"(?: (?:is|are|was|were|s|being|getting))?(?: (?:so|really|too|very|proper|well|a bit))?"
    r"(?: (?:stressful|stressing me out|stresses me out|hard|difficult|a lot|too much|annoying|boring|rubbish|long|much|"
    r"getting to me|gets to me))?"
)
_NOT_AS_IT_SOUNDED = (
    r"(?:i )?(?:didnt|did not|don t|dont|do not) mean (?:it |that )?(?:like that|that way|in that way|literally|seriously)"
    r"|not (?:like that|in that way|that way|literally|seriously|what i meant)"
)
_TELLS_WHAT_THEY_MEANT = re.compile(
    r"(?:(?:no|nah|nope|na|lol|haha|omg|oh|wait|what|sorry|soz|um|erm|hmm|ok|okay|its fine|its ok|dont worry|dw|"
    r"no no|not like that|i didnt mean it like that|i mean|i meant) )*"
    rf"(?:{_NOT_AS_IT_SOUNDED}|{_ABOUT_EVERYDAY_THINGS})"
    r"(?: (?:lol|lmao|haha|tho|though|x+|sorry|soz|honestly|tbh|innit|only|really|like|stuff|lol sorry))*"
)


# The crisis said again, or said to be meant: "im serious", "for real", "i really cant" after "i cant
# do this anymore" (the second review, session 48, got the check question): never a non-answer.
_MEANS_IT = re.compile(
    r"\b(?:serious|seriously|srs|srsly|for real|fr|frfr|deadass|no joke|not joking|not kidding|mean it|meant it|i really|"
    r"really do|really cant|really can t|honest|honestly|i do|i am|i will|yes|yeah|yh|ye|yep|ya|true|thats right|exactly)\b"
)


def means_it(text: str) -> bool:
    """Does the answer say the crisis was meant ("im serious", "for real", "i really cant")?"""
    return bool(_MEANS_IT.search(normalise(text)))


def tells_what_they_meant(text: str) -> bool:
    """Is the whole message what their words meant, everyday and no danger ("i meant school", "not
    like that", "no its just exams lol")? The crisis policy takes it only after a crisis the risk
    models alone raised, and asks the check question."""
    return bool(_TELLS_WHAT_THEY_MEANT.fullmatch(normalise(text)))


# The call refused, as the whole message: "i dont want to call 999", "im not calling anyone", "no
# im not ringing them" (both user trials, session 47: the same "Please call 999 now" again). The
# crisis policy answers with ways to get help without a call, only after a crisis told in words of
# harm with nothing taken: after an overdose, refusing the ambulance is waving it away (session 40).
_REFUSES_TO_CALL = re.compile(
    r"(?:(?:no|nah|nope|na|but|ok|okay|sorry|soz|um|erm|honestly|tbh|like i said|i said|i told you|no way) )*"
    r"(?:i |we )?(?:dont|don t|do not|wont|won t|will not|m not|am not|im not|i m not|cant|can t|cannot|refuse to|aint|ain t|not)"
    r"(?: (?:want to|wanna|going to|gonna|be|really want to|feel like))?"
    r"(?: (?:call|ring|phone|calling|ringing|phoning)(?: (?:999|them|anyone|anybody|it|that|any of them|those numbers|the numbers|"
    r"an ambulance|the ambulance|ambulance|nobody|no one|childline|samaritans))?"
    # (never "i cant talk to anyone", which tells how alone they are: the review, session 48)
    r"| (?:talk|speak) to (?:a stranger|strangers|them|childline|samaritans|anyone on the phone))"
    r"(?: (?:lol|tho|though|x+|sorry|soz|please|pls|ok|okay|right now|now|tonight|again|honestly|tbh|no way|at all|"
    # "i cant call 999 im 11", "i dont want to call 999 its not like that" (a user trial, session 48)
    r"(?:(?:because|cos|coz|bc) )?(?:i m|im|i am) (?:only )?\d{1,2}|(?:its|it s|it is) not (?:like that|that bad|an emergency)))*"
)


def refuses_to_call(text: str) -> bool:
    """Is the whole message the call refused ("i dont want to call 999", "im not calling anyone")?"""
    return bool(_REFUSES_TO_CALL.fullmatch(normalise(text)))


# What makes the call the only help, told in the crisis message: an act done or under way, its
# means at hand, a time set, a plan ("i just cut myself and theres a lot of blood", "im going to do
# it tonight", "i have a rope ready": the review, session 48, got the other ways in a first version).
_NOW_OR_DONE = re.compile(
    # a time, or an intent ("im going to kill myself tomorrow", "after my exams": the second review)
    r"\b(?:right now|now|tonight|today|tomorrow|morning|later|soon|after|before|when|weekend|week|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|going to|gonna|will|ll|about to|ready|decided|planned|plan\w*|do it|already|yet|"
    r"more|again|still|tonite|2nite|2night|asap|last|how|ways?|methods?|research\w*|looked|search\w*|googl\w*|stockpil\w*|"
    r"sav\w*|given|giving|give|goodbyes?|insulin|meds|medication|medicine|"
    # its means or an act ("ive got a belt", "goodbye letters", "step in front of a lorry")
    r"notes?|letters?|rope|belt|cord|noose|ligature|knife|knives|blade|razor|scissors|blood|bleed\w*|cut|cuts|"
    r"cutting|slit|wrists?|burn\w*|took|taken|take|swallowed|overdos\w*|od|pills?|tablets?|bleach|poison|drown\w*|"
    r"bridge|roof|cliff|station|train|tracks?|motorway|road|lorry|bus|car|traffic|jump\w*|hang\w*|hurt\w*|drunk|"
    r"drugs?|weapon|gun)\b"
)


def tells_it_is_now_or_done(text: str) -> bool:
    """Does the crisis message tell an act done or under way, its means, a time or a plan?"""
    return bool(_NOW_OR_DONE.search(normalise(text)))


# Who is speaking, told at "Are you safe right now?" after a crisis reply meant for a young person's
# own danger: "parent", "im her dad", "no its my daughter", "it's not me. its a patient's son", "No,
# I'm the school nurse. It's the pupil" (a user trial, session 48: each got "Please call 999 now…
# tell a trusted adult", or the crisis reply again). A closed grammar of saying so: never who is with
# them or who hurts them ("dad", "stepdad", "mum is here", "im with a teacher", "the nurse is with
# me"), nor a young carer ("im a carer": the review, session 48).
_NOT_ME = (
    r"(?:(?:no|nah|nope|sorry|oh|um|erm|not me|its not me|it s not me|it is not me|its not for me|it s not for me|"
    r"not for me|not about me|its not about me|it s not about me) )*"
)
_ABOUT = r"(?:(?:its|it s|it is|i mean|i meant|its about|it s about|its for|it s for|it is for|about|for|asking for|asking about) )?"
_MY_CHILD = (
    # (never "my boy", "my girl", "my lad": a teenager's boyfriend or girlfriend: the second review)
    r"(?:my|our) (?:step ?)?(?:son|daughter|child|kid|grandson|granddaughter|grandchild|"
    r"(?:foster|adopted) (?:son|daughter|child|kid))"
)
_A_PARENT = (
    r"(?:(?:i m|im|i am) (?:her|his|their) (?:mum|mom|mam|mother|dad|father|step ?(?:mum|mom|dad|mother|father)|nan|gran|"
    # (never "im her carer": a young carer's words for a mum they look after: the second review)
    r"grandma|grandad|grandmother|grandfather|foster (?:carer|parent|mum|dad)|guardian|aunt|auntie|uncle)"
    r"|(?:i m|im|i am) (?:a|the) (?:parent|mum|mom|mam|mother|dad|father|foster carer|foster parent)|(?:a )?parent)"
)
_SOMEONE_I_WORK_WITH = (
    r"(?:a|my|one of my|one of our) (?:pupils?|students?|patients?|patient s \w+|patients \w+|clients?|young person|learners?)"
)
_A_WORKER = rf"(?:i m|im|i am|i work as) (?:a|an|the) (?:[a-z]+ )?{WORKER_WORDS}"
_THE_ONE_THEY_WORK_WITH = r"(?:its|it s|it is) (?:a|the|my|one of my) (?:pupil|student|patient|young person|child)"
_ONLY_WHO = r"(?: (?:not me|aged \d+|age \d+|is \d+|s \d+|\d+|lol|sorry|thanks|x+))*"
_SAYS_A_PARENT = re.compile(rf"{_NOT_ME}(?:{_A_PARENT}|{_ABOUT}{_MY_CHILD}){_ONLY_WHO}")
_SAYS_A_WORKER = re.compile(
    rf"{_NOT_ME}(?:{_A_WORKER}(?: (?:and )?{_THE_ONE_THEY_WORK_WITH})?|{_ABOUT}{_SOMEONE_I_WORK_WITH}){_ONLY_WHO}"
)


# Someone else as who the crisis is about, never only as its cause ("wanna die cos of him": the
# second review, session 48), and the speaker nowhere in it but as a parent or a worker.
_SOMEONE_ELSE_NAMED = re.compile(
    r"\b(?:he|she|hes|shes|they|theyre|son|daughter|child|kid|pupil|student|patient|\d{1,2} ?(?:yo|year old|yr old|years old))\b"
)
_THE_SPEAKER = re.compile(r"\b(?:i|im|i m|ive|i ve|id|i d|ill|i ll|me|myself|my)\b")


def tells_of_someone_else(crisis_told: str, speaks_as_parent_or_worker: bool) -> bool:
    """Was the crisis message about someone else ("she make vomit after eat", "her 15 yo has taken
    some tablets"), not the speaker ("wanna die", "i want to die")?"""
    clean = normalise(crisis_told)
    return bool(_SOMEONE_ELSE_NAMED.search(clean)) and (speaks_as_parent_or_worker or not _THE_SPEAKER.search(clean))


def who_is_speaking_at_the_safety_question(text: str) -> str | None:
    """parent_carer | professional when the whole answer says the crisis was someone else's, told by
    a parent or carer or by someone who works with young people; None otherwise."""
    clean = normalise(text)
    if _SAYS_A_WORKER.fullmatch(clean):
        return "professional"
    if _SAYS_A_PARENT.fullmatch(clean):
        return "parent_carer"
    return None


# The crisis said again in other words, soon after the check question put it aside: "i really cant do
# this", "honestly i just cant anymore" after "i meant school" and "no" (the third review, session 48:
# taken as a school's name, and the questions went on).
_CANT_GO_ON = re.compile(
    r"\b(?:cant|can t|can not|cannot|couldnt|couldn t) (?:\w+ )?(?:do (?:this|it)|go on|cope|take (?:it|this)|anymore|any more)\b"
)


def says_they_cant_go_on(text: str) -> bool:
    return bool(_CANT_GO_ON.search(normalise(text)))


# After the overdose reply ("call 999 now or go to A&E, even if you feel OK"): someone taking them
# there. "ok my mum is taking me now" got "You can talk to a person here", and a parent's "im taking
# him now" the crisis reply again (session 49's trial and review). Never the one the crisis message
# named ("my dad hits me", then "my dad is taking me now": the review), never "he" or "they".
_TAKER = (
    r"mum|mam|mom|mummy|dad|daddy|nan|nana|gran|grandma|grandad|aunt|auntie|uncle|sister|brother|carer|teacher|friend|"
    r"husband|wife|partner|neighbour"
)
_HARMS = (
    r"(?:hits|hit|hitting|hurts|hurt|hurting|touches|touched|touching|abuses|abused|beats|beat|kicks|kicked|punches|"
    r"punched|threatens|threatened|grabs|grabbed|chokes|choked|makes me|made me|forces|forced|scares|locks)\b"
)
_TAKING_THEM_THERE = re.compile(
    rf"^(?:(?:ok|okay|yes|yeah|right|ok ok) )*(?:my )?(?P<taker>{_TAKER})(?: is| s|s)? (?:taking|driving) (?:me|him|her|them)"
    r"(?: (?:now|there|in|straight away|right now|to (?:a and e|a e|ae|hospital|the hospital)))*$|"
    r"^(?:(?:ok|okay|yes|yeah|right) )*(?:im|i m|i am|were|we re|we are) (?:taking|driving) (?:him|her|them)"
    r"(?: (?:now|there|in|straight away|right now|to (?:a and e|a e|ae|hospital|the hospital)))*$"
)


def someone_takes_them_to_hospital(text: str, crisis_told: str) -> bool:
    """Is the whole message someone taking them (or a parent taking their child) to get help, by a
    person the crisis message did not name as hurting them?"""
    found = _TAKING_THEM_THERE.fullmatch(normalise(text.replace("&", " and ")))
    if not found:
        return False
    taker = found.group("taker")
    return taker is None or not re.search(rf"\b{taker}s?\b(?: \w+)?(?: \w+)? {_HARMS}", normalise(crisis_told))
