"""Danger denied in so many words, typed to the check question ("Are you thinking about hurting
yourself, or is someone hurting you?").

"He's 12 and they were both laughing, no one's hurt", "It's not self harm, he got hit in the face
with a football", "Haha no, not that kind of cut" and "No he hasn't said anything about hurting
himself, he's just very sad and quiet" were scored at check level by the risk models (the denial's
own words sound like danger), read as a yes, and got the whole crisis reply (development
conversations G16, session 41). A denial is a no only when what is left of the message, without
it, names no danger the lexicon knows and turns nothing round ("but", "yet", "unless").
"""
from __future__ import annotations

import re

from signposting.risk import detect_risk
from signposting.text import normalise

_NO_ONE = r"(?:no ?one|no ?ones|nobody|nobodys|no body|none of (?:them|us|the kids|the children|the pupils))"
_DANGER_WORDS = r"(?:in (?:any )?danger|at risk|in crisis|unsafe|suicidal)"
_HARM_WORDS = r"(?:self harm|self harming|selfharm|a crisis|an emergency|that kind of (?:cut|thing)|anything like that)"
_NOTHING_MORE = r"(?: (?:honestly|seriously|really|lol|haha|tho|though|thanks|thank you|ok|okay|x+|why|wtf|at all|i promise|promise|im fine|im ok))*"
_DENIAL = re.compile(
    r"\b(?:"
    rf"{_NO_ONE}(?: is| s| was| were| are| got| has| have)?(?: been)? (?:hurt|harmed|injured|{_DANGER_WORDS})"
    rf"|(?:he|she|they|i|we)(?: is| s| re| are| am| m| was| were)? (?:not|never|isnt|arent|wasnt|werent)(?: ever)? {_DANGER_WORDS}"
    rf"|(?:hes|shes|theyre|im|were) (?:not|never) {_DANGER_WORDS}"
    r"|no (?:risk|emergency|crisis|danger)|not (?:an emergency|a crisis)"
    rf"|(?:its|it s|it is|thats|that s|this is|that is|it was|that was) not {_HARM_WORDS}"
    rf"|(?:it|this|that) (?:isnt|wasnt|is not|was not) {_HARM_WORDS}"
    r"|not that kind of (?:cut|thing|hurt|harm|blood)"
    # someone else's words reported: never "i never talked about killing myself with anyone" (the review)
    r"|(?:he|she|they) (?:hasnt|has not|havent|have not|didnt|did not)(?: said| mentioned| talked| spoken| told me)?(?: anything| owt)?"
    r" about (?:hurting|harming|killing|ending)(?: (?:himself|herself|themselves|his life|her life|their life|it))?"
    # one person named: never "i would never hurt anyone else, only myself" (the review)
    r"|(?:i|we) (?:dont|do not|never|wouldnt|would never) (?:hurt|harm|hit) (?:him|her|them|my (?:brother|sister|son|daughter))"
    r"|assessed as (?:no|low) risk"
    # a user trial (session 44): "no nothing like that" (DIET read a goodbye), "no he's not hurting
    # himself really, just angry" got the whole crisis reply. Only as the message's start: "i do not
    # like that my uncle babysits us", "i am not like that, its my dad" (the review, session 44)
    r"|^(?:(?:no|nah|nope) )?(?:nothing like that|not like that|nothing of the sort)"
    r"|^(?:(?:no|nah|nope) )?(?:(?:he|she|they)(?: is| s| are| re)?|hes|shes|theyre) (?:not|isnt|arent|never) (?:hurting|harming) "
    r"(?:himself|herself|themselves)"
    r"|^(?:(?:no|nah|nope) )?(?:he|she|they) (?:hasnt|has not|havent|have not|didnt|did not|never) (?:hurt|harmed) (?:himself|herself|themselves)"
    # of oneself (a user trial, session 47: "what? no im not hurting myself", after a 12-year-old told
    # she likes girls, got the whole crisis reply): only as the message's start, so "but i want to" is left
    # The whole message only, but for a word that adds nothing: "no im not hurting myself, im going to do it
    # properly", "nah i dont hurt myself often", "no one is hurting me, im the one doing it" (the review, session 47)
    r"|^(?:(?:what|wait|huh|eh|um|erm|lol|haha|omg|wtf)\s+)*(?:(?:no|nah|nope)\s+)?(?:im|i m|i am|i) (?:not|never|dont|do not)"
    rf" (?:hurting|harming|going to hurt|gonna hurt|hurt|harm) myself{_NOTHING_MORE}$"
    rf"|^(?:(?:no|nah|nope)\s+)?{_NO_ONE}(?: is| s)? (?:hurting|harming) me{_NOTHING_MORE}$"
    # the whole message (session 45): "no im fine" was DIET's "not safe" (0.97) and got the crisis reply
    r"|^(?:no|nah|nope|no no)(?: (?:honestly|really|seriously))?(?: (?:im|i m|i am))? (?:fine|ok|okay|good|alright|all good)"
    r"(?: (?:honestly|really|thanks|thank you|ty|x+))?$"
    r")\b"
)
# What is left may still turn the denial round: "no ones hurt yet", "not in danger but he has a knife".
_TURNS_IT_ROUND = re.compile(
    r"\b(?:but|yet|unless|until|except|although|though|tho|still|anymore|any more|right now|rn|now|only|just me|myself|plan|"
    r"planned|this time|stopped|not eating|not drinking|flat|his place|her place|drinks|drunk|alone|on my own|gone|left|locked|"
    r"tonight|later|tomorrow|soon|"
    # knowing how, being ready: "i know how much to take", "ive got everything ready", "shes sorted it"
    r"know how|know what|how much|how many|ready|sorted|handle|pain|take|taking|went quiet|gone quiet|nobody is home|"
    r"no one is home|no ones home|"
    # doubt, or someone else's word for it: "i hope hes not hurting himself", "she says shes not" (the review, session 44)
    r"hope|hopefully|not sure|dont know|don t know|says|said|as far as|think|reckon|apparently|"
    # something done to the speaker, or a goodbye: "my brother does it to me", "makes me keep secrets", "written letters"
    r"to me|to us|makes me|made me|make me|secret|secrets|letter|letters|written|wrote|note|notes|wish|wasnt here|"
    r"not here|sleeves)\b"
    # the speaker is the one: "hes not in danger, i am", "its me thats at risk" (the second review)
    r"|\b(?:i am|im|i m)(?: the one| too| as well)?\s*$|\b(?:its|it s) (?:actually )?me\b|\bme too\b"
)
# ...or name a way of coming to harm the lexicon reads only in longer phrases: "its not self harm i
# just cut to feel something" (the review of this module's first version).
_HARM_LEFT = re.compile(
    r"\b(?:cut\w*|burn\w*|blade\w*|razor\w*|knife|knives|pills?|tablets?|overdos\w*|took|taken|die|dying|dead|kill\w*|"
    r"hang\w*|rope|jump\w*|bridge|scratch\w*|bleed\w*|blood|hurt\w*|harm\w*|hit\w*|punch\w*|touch\w*|starv\w*|"
    r"sick|purg\w*|weapon\w*|gun|hiding|scared|afraid|frightened|threat\w*|"
    # violence in other words, and running away (the review, session 44)
    r"throw\w*|threw|smash\w*|beat\w*|batter\w*|attack\w*|strangl\w*|slap\w*|smack\w*|grab\w*|pinned|pinning|kick\w*|"
    r"shov\w*|push\w*|ran away|run\w* away|missing)\b"
)


# What is left beside the denial: a short reason or question, not a story told.
REST_MAX_WORDS = 16


def denies_danger(text: str) -> bool:
    """Does the message deny danger in so many words, with nothing left that names one?"""
    clean = normalise(text.replace("'", ""))
    if not _DENIAL.search(clean):
        return False
    rest = _DENIAL.sub(" ", clean)
    if _TURNS_IT_ROUND.search(rest) or _HARM_LEFT.search(rest) or len(rest.split()) > REST_MAX_WORDS:
        return False
    return not detect_risk(rest).matches
