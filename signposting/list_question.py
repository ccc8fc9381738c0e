"""Questions about the services just listed: "can I text any of these", "whats the difference
between these", "do I need a GP referral", "are any open at weekends" (issue #12).

Two user trials (sessions 19 and 20) asked these after the list. Each got the same general
text, "What would you like to change?" or "Sorry, I didn't get that", although the answer is
in the records of the services shown: their contacts, how to get help and opening hours.
This only says which question was asked; `actions.list_questions` answers it from the records.

A message is a question about the list when it asks (a question mark, or asking words such as
"can i", "is there", "which") and names what it asks about (texting, online, a referral, opening
times, waiting, the difference), or says it plainly as a need ("i cant talk on the phone", "i
dont want to wait ages"). Worries that share the words ("he texts me at night", "how long will i
feel like this", "i feel worse at weekends") are not: they ask nothing about a service.
"""
from __future__ import annotations

import re

from signposting.questions import asks_about_a_medicine
from signposting.text import normalise

TEXT = "text"
ONLINE = "online"
HOW_TO_GET_HELP = "how_to_get_help"
HOURS = "hours"
DIFFERENCE = "difference"
QUICKEST = "quickest"
ON_MY_OWN = "on_my_own"
KINDS = (TEXT, ONLINE, HOW_TO_GET_HELP, HOURS, DIFFERENCE, QUICKEST, ON_MY_OWN)

_ASKS = re.compile(
    r"^(?:is|are|r|can|could|do|does|did|would|will|which|wich|what|wat|wot|whats|wats|how|when|wen|where|who|any|anything|"
    r"has|have|hav|should|shud|shall)\b|"
    r"\b(?:can|could|would|will) (?:i|we|she|he|they|u|you|it|my \w+|any)\b|\b(?:do|does|did) (?:i|we|she|he|they|u|you|any|it|[a-z]+s)\b|"
    r"\b(?:is|are) (?:there|ther|any|it|they|the \w+)\b|\bany (?:of (?:these|them|those|they|em)|one|1)\b|\bwhich\b|\bwich\b|"
    r"\bhow (?:do|does|would|can|long|soon|quick|many)\b|\bwhat (?:time|times|about|do|does)\b"
)
# What the question is about, each with the words that name a service or its contact (so "is it
# normal to feel worse at weekends?" asks nothing about a service).
_ABOUT_A_SERVICE = re.compile(
    r"\b(?:open|answer|available|there|ther|talk|speak|ring|call|phone|fone|line|helpline|service|services|team|camhs|mhst|"
    r"nurse|nurses|kooth|any|anyone|any1|someone|sum1|they|them|these|those|it|appts?|appointments?|running|work|on)\b"
)
_FAMILY = r"(?:my |me )?(?:parents?|mum|mom|mam|mummy|dad|daddy|family|carers?|foster carers?|nan|step ?dad|step ?mum)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "can i go without my parents knowing", "will they tell my mum", "do my parents have to know"
    # (a user trial, session 49: "I can't give medical advice… If you have taken too much of
    # something, call 999 now", three times): which ones a young person can contact themselves
    (ON_MY_OWN, re.compile(
        rf"\bwithout {_FAMILY}(?: (?:knowing|knowin|finding out|being told|knowledge|permission|consent|agreeing))?\b|"
        r"\b(?:will|would|do|does|can|could|might|have to|has to|need to|must) (?:they|them|it|the service|services|camhs|"
        # (never "you": "can you tell my mum for me?" asks the chat to: the second review, session 49)
        r"school|the school|the nurse|the doctor|the gp|gp|someone|anyone|he|she)"
        rf"(?: \w+){{0,2}} (?:tell|tel|inform|contact|ring|call|phone|text|email|write to) {_FAMILY}\b|"
        rf"\bwithout (?:telling|tellin|asking) {_FAMILY}\b|"
        rf"\b{_FAMILY} (?:find out|finding out|finds out|know|knowing|be told|get told|have to know|need to know|have to agree|"
        r"have to say yes|need to agree|be involved|have to come|need to come|come with me)\b|"
        # going or getting in touch alone, never "when im home by myself" or "get better on my own"
        r"\b(?:go|get help|see (?:them|someone|somebody|a counsellor)|contact (?:them|it)|ring (?:them|it)|call (?:them|it)|"
        r"talk to (?:them|someone)|use (?:it|them)|go there|sign up|refer myself) (?:on my own|by myself|alone)\b|"
        r"\bwithout telling (?:anyone|anybody|them)\b"
    )),
    (DIFFERENCE, re.compile(
        r"\b(?:difference|differences|diffrence|difrence|same thing|the same as|all sound the same|sound the same|vs|versus|"
        r"compare|which (?:one |1 )?(?:first|1st)|(?:which|wich) (?:one|1|of (?:these|them|those)|service|is)? ?"
        r"(?:is |would be |should i |shud i |should we |should |shud |do i |to |would you )?(?:most )?"
        r"(?:best|better|right|suitable|try|pick|choose|go for|start with|first|recommend)|"
        r"what (?:do|does) (?:they|it|each|these|the \w+(?: \w+)?) (?:actually |actualy )?(?:do|offer)|"
        r"what s the best|whats the best|best one|which should (?:i|we))\b"
    )),
    (QUICKEST, re.compile(
        r"\b(?:quickest|quikest|quickly|fastest|quicker|faster|soonest|sooner|shortest wait|no wait|waiting (?:list|lists|time|times)|"
        r"wait (?:list|lists|times?)|wait ages|wait long|wait for ages|have to wait|hav to wait|how long (?:is|are|do|does|would|will)"
        r" (?:the |u |you |i |we |she |he |it )?(?:wait|waiting|have to wait|hav to wait|take to (?:get|be) seen)|"
        r"(?:get|be) seen (?:this week|today|soon|quickly|fast)|first appointment|immediate|straight away|how many weeks)\b"
    )),
    (TEXT, re.compile(
        r"\b(?:text|txt|texts|sms|whatsapp|msg|message|messige|messages|messaging)\b"
        r"(?! me (?:it|this|that|the list)\b)(?! (?:it|this|that|the list) to\b)"
    )),
    (ONLINE, re.compile(
        r"\b(?:online|on line|website|web site|webchat|web chat|live chat|an app|app|laptop|computer|video|from home|on the web)\b"
        r"(?! (?:bully|bullying|bullied|abuse|gaming|games?|grooming|safety|porn))"
    )),
    (HOURS, re.compile(
        r"\b(?:open|opening|shut|close|closes|closing|hours|hrs|at night|nite|night|evenings?|weekends?|sundays?|saturdays?|"
        r"christmas|bank holidays?|summer|hols|holidays|half term|in the morning|mornings?|o ?clock|\d+ ?(?:am|pm)|"
        r"pre \d+|after \d+|before \d+|24 ?7|late)\b"
    )),
    (HOW_TO_GET_HELP, re.compile(
        r"\b(?:refer|referral|referal|referred|referring|self ?refer\w*|sign (?:up|myself|me|her|him)|get (?:in|into|in to|seen)|"
        r"be seen|letter|(?:go|going) to (?:the|a|my|her|his) (?:doctor|doctors|docters|gp)|see (?:the|a|my|her|his) (?:doctor|gp)|"
        r"(?:through|via) (?:the )?(?:gp|doctor|spa)|(?:gp|doctor s|doctors) (?:referral|letter|note)|need (?:a |an )?(?:gp|doctor)|"
        r"consent|permission|(?:have|hav|need|needs) to (?:say yes|agree|know)|find out|arrange|arranging|go about|access|"
        r"form or email|go through)\b"
    )),
)
_OPENING = re.compile(r"\b(?:open|opening|shut|close|closes|closing|hours|hrs)\b")
# Said as a need, without asking: "i cant talk on the phone", "i dont want to wait ages".
_NEEDS = (
    (TEXT, re.compile(
        r"\b(?:cant|can t|can not|cannot|dont|don t|wont|won t|too scared to|to scared to|not able to|unable to) "
        r"(?:talk on the (?:phone|fone)|phone|fone|ring|call|speak on the phone)\b"
    )),
    (QUICKEST, re.compile(
        r"\b(?:dont|don t|do not|wont|won t|cant|can t) (?:want to |wanna |go anywhere with a )?(?:wait|waiting list)\b"
    )),
    (HOURS, re.compile(r"\b(?:can|could) only (?:talk|call|ring|speak) (?:after|before|at|on)\b")),
    (DIFFERENCE, re.compile(r"\b(?:all )?sound the same\b")),
)
# Said of something done to the user ("he texts me at night", "my ex keeps messaging me"): a worry.
_DONE_TO_ME = re.compile(
    r"\b(?:texts?|texting|texted|messages|messaging|messaged|msgs?|calls|calling|rings) (?:me|us|her|him)\b|"
    # a call back asked for, not when the services are open ("can a worker call me back? I'm free after 3": D8)
    r"\b(?:call|ring|phone) (?:me|us) back\b|"
    # the list sent, not which services take texts ("can u text or email it so i can show my dad": D9); "can i
    # text them?" is still a question about the services (the review)
    r"\b(?:text|email|whatsapp)(?: or (?:text|email|whatsapp))+ (?:me )?(?:it|this|these|them|the list)\b|"
    r"\b(?:send|email) (?:me )?(?:it|this list|these|the list)\b|\btext (?:me )?(?:it|the list)\b"
)


# Not online, said as a need: "anythin face to face? dont want online", "she won't do online",
# "any that arent online" (development author D5). More services then leave out those only online.
_NOT_ONLINE = re.compile(
    r"\b(?:face to face|face 2 face|f2f|in person|in real life|irl|not online|no online|not on ?line|nothing online|"
    r"(?:dont|don t|do not|doesnt|doesn t|does not|wont|won t|will not|cant|can t) (?:want |like |do |use |cope with |manage )?"
    r"(?:it |anything |things |stuff )?(?:online|on ?line|video calls?|apps?|screens?)|"
    r"(?:arent|aren t|isnt|isn t|are not|is not) (?:online|on ?line|apps?|video)|hates? (?:online|video calls?|apps?|screens?))\b"
)


# ...but not face to face said as what they cannot do: "which of these can i text? i cant do face to face"
_NOT_FACE_TO_FACE = re.compile(
    r"\b(?:cant|can t|cannot|can not|dont|don t|do not|wont|won t|not|no|never|hate|hates) (?:do |go |manage |cope with |want |like )?"
    r"(?:face to face|face 2 face|f2f|in person)\b"
)


def wants_nothing_only_online(text: str) -> bool:
    """Does the message ask for services that are not (only) online ("face to face", "not online")?"""
    clean = normalise(text)
    return bool(_NOT_ONLINE.search(clean)) and not _NOT_FACE_TO_FACE.search(clean)


# Other services asked for in so many words: "any others? I've already referred to all of those"
# (development author D2) wants more services, not how to reach the ones shown.
_ASKS_FOR_OTHERS = re.compile(
    r"\b(?:any ?others?|anything else|something else|any more|anymore|more options|other (?:ones|services|options|places)|"
    r"what else (?:is there|have you got|have u got|you got|u got|is available))\b"
)


def asks_for_other_services(text: str) -> bool:
    """Does the message ask for services other than those shown ("any others", "anything else")?"""
    return bool(_ASKS_FOR_OTHERS.search(normalise(text)))


# Others asked for beside a question about the list ("any others? I've already referred to all of those"):
# narrower than `asks_for_other_services`, so "is there anything else i need to know about these?" and
# "are they still open anymore?" keep their answers (the review, session 29).
_OTHERS_BESIDE_A_QUESTION = re.compile(
    r"\b(?:any ?others?|any other (?:ones|services|options|places)|other (?:ones|services|options|places)|"
    # "more options - anything with a shorter waiting list?" (development author D10)
    r"(?:any )?more (?:services|options|places|ones)|what else (?:is there|have you got|have u got|you got|u got|is available))\b"
)


# "i dont need more options, which one is open weekends?", "no more services pls": others said not
# wanted, so the question keeps its answer (the review, session 30)
_NOT_WANTED_BEFORE = re.compile(r"\b(?:no|not|dont|don t|do not|never|without)(?: \w+){0,2} $")


def asks_for_others_beside_a_question(text: str) -> bool:
    """Does the message ask for other services in so many words ("any others?", "more options -
    anything with a shorter waiting list?"), and not say it does not want them?"""
    clean = normalise(text)
    return any(not _NOT_WANTED_BEFORE.search(clean[: said.start()]) for said in _OTHERS_BESIDE_A_QUESTION.finditer(clean))


def parse_list_question(text: str) -> str | None:
    """One of KINDS when the message asks about the services shown, else None. Asking for
    something not online ("anythin face to face? dont want online") is asking for other services,
    not which of these are online; other questions keep their answers ("are any open in person at
    weekends?" is about hours). So is asking for others with a question beside it ("any others?
    I've already referred to all of those", "any others that are open weekends": the new cards
    say how to reach each one and when it is open)."""
    kind = _list_question(text)
    if kind is None or asks_for_others_beside_a_question(text) or asks_about_a_medicine(text):
        return None
    return None if kind == ONLINE and wants_nothing_only_online(text) else kind


def _list_question(text: str) -> str | None:
    clean = normalise(text)
    for kind, pattern in _NEEDS:
        if pattern.search(clean):
            return kind
    if _DONE_TO_ME.search(clean) or not ("?" in text or _ASKS.search(clean)):
        return None
    for kind, pattern in _PATTERNS:
        if pattern.search(clean) and (kind != HOURS or _OPENING.search(clean) or _ABOUT_A_SERVICE.search(clean)):
            return kind
    return None


# A service of the list by its place in it: "whats the number for the first one", "tell me about the
# 2nd one", "number 3", or the place alone ("the 2nd one") (a user trial, session 49: "Sorry, I
# didn't get that", and "number 2" changed the age to 2). Never "first time" or "last week": "one",
# "service" or the like must follow.
_BY_ITS_PLACE = re.compile(
    r"\b(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last|top|bottom) "
    r"(?:one|1|service|place|option|link|website|site|card|number|charity)\b|"  # (never "the first thing i should do")
    # (never "no 1": "no 1 cares about me", "i have no 1 to talk to" - the review, session 49)
    r"\b(?:number|num) ([1-4])\b(?! (?:kids|children|years|times|days|weeks))"
)
_PLACES = {"first": 0, "1st": 0, "top": 0, "1": 0, "second": 1, "2nd": 1, "2": 1, "third": 2, "3rd": 2, "3": 2,
           "fourth": 3, "4th": 3, "4": 3, "last": -1, "bottom": -1}
# What may be asked of it: its number, website, hours, what it is, more about it.
_ASKS_OF_IT = re.compile(
    r"\b(?:what|whats|wat|which|who|how|when|where|can|could|is|does|do|tell|more|number|phone|call|ring|contact|"
    r"website|link|site|email|text|open|free|details|info|information|about|address)\b"
)
# ...or nothing but a word of choosing or asking: "the 2nd one please", "ok the first one"
_ONLY_CHOOSING = re.compile(r"(?:(?:ok|okay|um|erm|and|so|then|please|pls|plz|i ll take|ill take|i want|maybe|lets try|let s try)\s*)*")


# Said of one already tried, or asking for others: "the last one i went to was awful, is there
# anything else", "the first one didnt answer, who else can i talk to?", "number 1 is rubbish" (the
# second review, session 49: each got that service's card)
_TRIED_OR_OTHERS = re.compile(
    r"\b(?:rubbish|awful|useless|crap|shit|terrible|bad|rude|no good|waste|hate|hated|went to|been to|tried|used to|"
    r"didnt|didn t|did not|doesnt|doesn t|wont|won t|never|full|closed|else|others|other ones|another|instead)\b"
)


def place_in_the_list(text: str) -> int | None:
    """The index (0 to 3, or -1 for the last) of the service the message points to by its place in
    the list, asking about it or choosing it alone; None otherwise."""
    clean = normalise(text)
    found = _BY_ITS_PLACE.search(clean)
    if not found or _TRIED_OR_OTHERS.search(clean):
        return None
    rest = (clean[: found.start()] + " " + clean[found.end():]).strip()
    if not (_ASKS_OF_IT.search(rest) or _ONLY_CHOOSING.fullmatch(rest)):
        return None
    return _PLACES[found.group(1) or found.group(2)]
