"""What a message's risk signals mean for the user: crisis reply, check question, or nothing.

Pure functions, shared by the NLU component (bot/nlu/risk_component.py), the crisis
policy (context) and `make safety-eval`, so the evaluation measures exactly what the bot
does. Recall first:

    risk words in another language              → crisis reply
    risk words (lexicon)                        → crisis reply, unless the risk model
                                                  scores the message below the lexicon
                                                  veto ("we read about suicide in PSHE"):
                                                  then the check question
    risk model score ≥ crisis threshold         → crisis reply
    (6 to 40 words: both models' scores)
    a goodbye / finality message after earlier
      distress in the same conversation         → crisis reply (context, in the policy)
    risk model score ≥ check threshold          → check question ("are you thinking about
    (either model's, each on its own scale)        hurting yourself…?", with 999)
    or the intent classifier says crisis
    otherwise                                   → nothing

The thresholds live in config.yml (RiskDetectorComponent) and were chosen on held-out
authors by `make safety-eval`. Messages of 6 to 40 words are scored by a second risk model
that also learnt everyday worries, on its own scale: `Thresholds.for_words` gives its crisis,
check and distress thresholds for those lengths. It can only turn the other model's crisis
reply into the check question (`both_models_reach_crisis`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from signposting.parsing import TOLD_ME_TO_DIE, TOLD_TO_DIE, TOLD_TO_DIE_BY_OTHERS
from signposting.risk_patterns import SAVING_MEDICINE
from signposting.text import normalise

CRISIS = "crisis"
MIN_WORDS_FOR_MODEL_CRISIS = 3
CHECK = "check"
NONE = "none"

# Lexicon category or model category → which crisis reply fits (the template's suffix).
REPLY_KIND = {
    "suicidal": "general", "self_harm": "general", "danger_overdose": "general", "overdose": "general",
    "abuse": "abuse", "sexual_abuse": "abuse", "physical_abuse": "abuse",
    "grooming_online": "grooming_online", "exploitation": "exploitation",
    "forced_marriage_fgm": "forced_marriage_fgm", "eating_disorder_danger": "eating_disorder",
    "unsafe_home": "unsafe_now", "unsafe_now": "unsafe_now", "psychosis_harm": "voices",
    "parent_own_crisis": "parent_own", "multilingual": "general", "distress": "general",
}
# Lexicon categories that ask the check question and never give the crisis reply by themselves:
# despair said in a few words ("i hate myself", "im not ok", "nothing helps"). With the lexicon's
# crisis rule, "im 16 and i hate myself" got the crisis reply (session 36).
CHECK_ONLY_CATEGORIES = frozenset({"distress"})
# Replies whose numbers a professional needs although they speak to the young person (the Forced
# Marriage Unit, CEOP and 101, Childline for exploitation): kept for professionals.
KEPT_FOR_PROFESSIONALS = frozenset({"forced_marriage_fgm", "grooming_online", "exploitation"})
# When several fit, the most specific reply wins.
KIND_PRIORITY = [
    "parent_own", "voices", "forced_marriage_fgm", "grooming_online", "exploitation", "eating_disorder",
    "unsafe_now", "third_party", "abuse", "general",
]


@dataclass(frozen=True)
class Thresholds:
    crisis: float = 0.6
    check: float = 0.25
    lexicon_veto: float = 0.3  # below this score a lexicon hit asks the check question
    distress: float = 0.25  # an earlier message at or above this counts as distress
    # Messages of `everyday_min_words` to `everyday_words` words are scored by the risk model that
    # also learnt everyday worries (bot/nlu/risk_model.py), whose scores have their own scale;
    # everyday_words 0: no such model.
    everyday_min_words: int = 6
    everyday_words: int = 0
    everyday_crisis: float = 0.5
    everyday_check: float = 0.18

    def for_words(self, words: int) -> Thresholds:
        """The thresholds for a message of `words` words (split on spaces, as the model splits)."""
        if not everyday_length(words, self.everyday_min_words, self.everyday_words):
            return self
        return replace(self, crisis=self.everyday_crisis, check=self.everyday_check, distress=self.everyday_check, everyday_words=0)


def everyday_length(words: int, shortest: int, longest: int) -> bool:
    """Is a message of `words` words scored by the everyday model? Not the short answers to the
    form's questions ("st marks in harlow", "dont want to say": its lower scale put the check
    question on them), not long posts (whose buried danger it learnt to miss)."""
    return shortest <= words <= longest


@dataclass(frozen=True)
class RiskSignals:
    lexicon_categories: tuple[str, ...] = ()
    finality: bool = False
    model_probability: float = 0.0
    model_category: str | None = None
    classifier_crisis: bool = False  # the intent classifier chose express_crisis
    crisis_language: str | None = None  # a crisis term in another language matched
    lexicon_matches: tuple[tuple[str, str, str], ...] = ()  # (category, pattern, matched words)
    words: int = 99  # how many words the message has
    # The long-message model's score when the everyday model scored the message (6 to 40 words):
    # the lexicon veto and distress keep the scale they were chosen on.
    whole_probability: float | None = None

    @property
    def veto_probability(self) -> float:
        """The score the lexicon veto is compared with (`Thresholds.lexicon_veto`'s scale)."""
        return self.model_probability if self.whole_probability is None else self.whole_probability

    @property
    def too_short_for_the_model_alone(self) -> bool:
        """One or two words ("14", "no", "mum here", "they/them") give the model too little to
        go on: it learnt that short texting is often risky. Only the lexicon decides those."""
        return self.words < MIN_WORDS_FOR_MODEL_CRISIS


@dataclass(frozen=True)
class Decision:
    level: str  # crisis | check | none
    source: str  # lexicon | multilingual | model | context | classifier | none
    categories: tuple[str, ...] = field(default_factory=tuple)
    # A check question that the risk corpus model alone would have made a crisis reply (the
    # everyday model lowered it): never waived for a plain answer or a plain yes.
    lowered_from_crisis: bool = False


def decide(signals: RiskSignals, thresholds: Thresholds, earlier_distress: bool = False) -> Decision:
    whole = thresholds
    thresholds = thresholds.for_words(signals.words)
    model_category = (signals.model_category,) if signals.model_category else ()
    if signals.crisis_language:
        return Decision(CRISIS, "multilingual", ("multilingual", *signals.lexicon_categories))
    crisis_words = tuple(category for category in signals.lexicon_categories if category not in CHECK_ONLY_CATEGORIES)
    if crisis_words and (
        signals.veto_probability >= thresholds.lexicon_veto or tells_of_harm_to_oneself(signals.lexicon_matches)
    ):
        return Decision(CRISIS, "lexicon", crisis_words)
    if both_models_reach_crisis(signals, thresholds, whole) and not signals.too_short_for_the_model_alone:
        return Decision(CRISIS, "model", model_category)
    if signals.finality and earlier_distress:
        return Decision(CRISIS, "context", ("suicidal",))
    if signals.lexicon_categories:
        return Decision(CHECK, "lexicon", signals.lexicon_categories)
    model_check = _model_check(signals, thresholds, whole, model_category)
    if model_check is not None:
        return model_check
    if signals.classifier_crisis:
        return Decision(CHECK, "classifier", ())
    return Decision(NONE, "none", ())


def _model_check(signals: RiskSignals, thresholds: Thresholds, whole: Thresholds, category: tuple[str, ...]) -> Decision | None:
    """The check question from the models' scores: either model at its own check threshold."""
    if signals.too_short_for_the_model_alone:
        return None
    whole_score = signals.whole_probability
    if whole_score is not None and whole_score >= whole.crisis:  # the everyday model lowered a crisis
        return Decision(CHECK, "model", category, lowered_from_crisis=True)
    if signals.model_probability >= thresholds.check or (whole_score is not None and whole_score >= whole.check):
        return Decision(CHECK, "model", category)
    return None


def both_models_reach_crisis(signals: RiskSignals, thresholds: Thresholds, whole: Thresholds) -> bool:
    """The model's crisis reply. When the everyday model scored the message (6 to 40 words),
    both models must reach their crisis thresholds, and `decide` asks the check question when
    either reaches its check: the everyday model can turn a crisis reply into the check
    question, and never turns anything into nothing or into a crisis. Alone, it did both in
    session 11's clean-clone run: "everything feels hopeless and nothing ever gets better, i'm
    so tired of all of it" got nothing (0.18 on its scale, 0.46 on the other's), and "she's not
    eating much and stays in her room" got the crisis reply (0.50; 0.52, a check, on the other's).
    No long-message score (the model and config.yml disagree on the lengths): the everyday model
    decides alone, on its own scale, which asks more, not less."""
    if signals.model_probability < thresholds.crisis:
        return False
    return signals.whole_probability is None or signals.whole_probability >= whole.crisis


# A disclosure the model may not veto down to the check question: an adult at home hurting the
# speaker ("my father he is beating me", "he does stuff to me i dont like"), or not feeling safe
# at home. The check question asks "are you thinking about hurting yourself, or is someone
# hurting you?", and a "no" to its first half set the disclosure aside (a user trial, session 20).
_ADULT_HARMS_ME = re.compile(
    r"\b(?:dad|father|mum|mom|mother|stepdad|stepmum|step-dad|step-mum|uncle|aunt|auntie|grandad|grandpa|"
    r"grandma|nan|gran|boyfriend|partner|carer|parents|parent|man|men|teacher|coach)\b.*\b(?:hit|hits|hitting|beat|beats|"
    r"beating|beaten|punch|punches|punched|punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|choke|chokes|"
    r"choked|strangle\w*|burn|burns|burned|burnt|touch|touches|touched|touching|rape\w*|molest\w*|assault\w*|whip\w*|"
    r"belt|belted|batter\w*|starve\w*|abuse|abuses|abused|abusing|does|do|did|doe) (?:stuff |things )?(?:to )?(?:me|us)$"
)
# "i want to finish my life, i am tired", "better if i am dead": the check question came (the model
# scored them low), although nothing but one's own death is meant (a user trial, session 20).
# "i just need to tell someone before i do it" (the lexicon's pattern ends the message there) got
# only the check question (development conversations G11, session 38): a goodbye before an act.
_MY_OWN_DEATH = re.compile(
    # "i feel like ending it all" got only the check question (a user trial, session 49): the
    # models scored it under the veto; ending it all with a boyfriend is a false friend (risk_patterns)
    r"\b(?:finish|finishing|end|ending) my life$|\bbetter if i (?:am|was|were) dead$|^(?:end|ending) it all$"
    r"|\bbefore i (?:do|doing|did) it(?:\s*(?:[^\w\s]+|x+|lol|tonight|now|first|today))*\s*$"
)
_UNSAFE_AT_HOME = re.compile(r"\b(?:not (?:feel )?safe at|not safe in|unsafe at|unsafe in) (?:home|my)\b")
# "been stockpiling my sertraline for a few weeks": the models scored it under the veto and the check
# question came (development conversations G5, session 38). Saving up one's own medicine is a plan.
# Only the strong words ("saving up my melatonin for the school trip" is no plan: the second review).
_SAVING_MY_MEDICINE = re.compile(r"\b(?:stockpil\w*|hoard\w*|stash\w*)(?: of)? my\b")


def tells_of_harm_to_oneself(matches: tuple[tuple[str, str, str], ...]) -> bool:
    """Does a lexicon match tell of an adult hurting the speaker, of not being safe at home, of
    wanting one's own death or of saving up one's own medicine?"""
    return any(
        (category == "abuse" and _ADULT_HARMS_ME.search(words))
        or (category == "unsafe_home" and _UNSAFE_AT_HOME.search(words))
        or (category == "suicidal" and _MY_OWN_DEATH.search(words))
        or (category == "danger_overdose" and pattern == SAVING_MEDICINE and _SAVING_MY_MEDICINE.search(words))
        for category, pattern, words in matches
    )


def is_distress(signals: RiskSignals, thresholds: Thresholds) -> bool:
    """Did this (earlier) message show distress? Then a later goodbye escalates. Either model's
    score counts, each on its own scale."""
    return (
        bool(signals.lexicon_categories) or bool(signals.crisis_language) or signals.classifier_crisis
        or signals.model_probability >= thresholds.for_words(signals.words).distress
        or (signals.whole_probability is not None and signals.whole_probability >= thresholds.distress)
    )


_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'll|me|myself|my own)\b")
_CHILD = re.compile(
    # "sons", "daughters": "my sons arms" typed without its apostrophe is still the son's
    r"\b(sons?|daughters?|child|childs|children|kids?|teens?|teenager|boys?|girls?|he|she|his|her|him|they|them|"
    r"stepsons?|stepdaughters?|grandsons?|granddaughters?|baby)\b"
)
_THIRD_PARTY = re.compile(
    # (Not "my little brother", nor "my friends" or "my brothers" without their apostrophe: young
    # people in danger name them beside their own ("im locked in my room with my little brother",
    # "took 6 of my brothers diazepam"). "my big sister was saying she wanted to die" is read by
    # `_ANOTHER_AT_RISK`.)
    r"\b(my (best )?(friend|mate|bestie|bff|boyfriend|girlfriend|bf|gf|brother|sister|cousin|classmate)|"
    r"a (friend|student|pupil|learner|young person|child in my)|one of my (students|pupils|friends|mates)|"
    r"(this|a) (girl|boy|kid|lad) (in|at|from) my|my (student|pupil|tutee)|"
    r"(student|pupil|learner|young person|yp|child) (has|is|was|disclosed|told|said|presented|reports|stated)|"
    # a pupil by their school year, as staff speak of them: "a year 8 just told me shes being sexually
    # abused at home" from a teacher got "You matter too… Are you safe right now?" (a user trial,
    # session 49). Never "this year 11 is too much" (the speaker's own year: the review)
    r"(a|one of my) (year|yr) ?[1-9][0-3]?( (girl|boy|lad|pupil|student|kid|child))?( just)? (told|disclosed|said|reported)|"
    r"(a|one of my) (year|yr) ?[1-9][0-3]? (girl|boy|lad|pupil|student|kid|child|mate|friend)s?)\b"
)


# An adult speaking of themselves: "as a mum", "im a single dad", "my husband", "my wife" (never a job,
# children or caring, which young people have too).
_SPEAKS_AS_AN_ADULT = re.compile(
    r"\b(?:(?:as a|as an|i m a|im a|i am a|i m an|im an|i am an)(?: single| working| foster| step)? "
    # never "carer": young carers say "im a carer for my mum" (the review, session 41)
    r"(?:mum|mom|mother|dad|father|parent|grandparent|nan|grandma|grandad|teacher|adult)"
    r"|my (?:husband|wife|hubby|ex husband|ex wife|grandchildren|grandkids|mortgage))\b"
)


def speaks_as_an_adult(text: str) -> bool:
    """Do the words say an adult is speaking of themselves ("as a mum i cant go on")?"""
    return bool(_SPEAKS_AS_AN_ADULT.search(normalise(text)))


def about_own_crisis(text: str) -> bool:
    """A parent writing about themselves ("I can't go on myself"), not about their child."""
    lowered = text.lower()
    return bool(_FIRST_PERSON.search(lowered)) and not _CHILD.search(lowered)


# Done to the speaker: "my brother he touch me in night time" is the speaker's own abuse, not a
# report about the brother (it got "Thank you for looking out for them", a user trial, session 20).
_DONE_TO_ME = re.compile(
    r"\b(?:touch|touches|touched|touching|hit|hits|hitting|beat|beats|beating|abuse|abuses|abused|"
    r"abusing|rape|rapes|raped|raping|kick|kicks|kicked|punch\w*|slap\w*|(?:does|do|did) (?:stuff|things) to|"
    # "my bf goes through my phone and pushed me down the stairs" got the friend's reply (development
    # conversations G14, session 40)
    r"push|pushes|pushed|pushing|shove|shoves|shoved|shoving|chok\w*|strangl\w*|throttl\w*|drag|drags|dragged|"
    r"threw|throws|burnt|burned|spat on|spits on|locks|locked|"
    # "one of my lads said he'd stab me" (the review, session 47)
    r"stab|stabs|stabbed|hurt|hurts|hurting|threaten\w*|attack\w*|batter\w*|jump|jumped) (?:me|us)\b(?! up| away| out| off| around| over| a\b| an\b)"
    # A partner's control: "my boyfriend says no one else will want me with my stoma" got "Thank
    # you for looking out for them" (development conversations G12, session 39). Only a partner's:
    # "my friend is cutting herself and my mum wont let me see her" is a friend's crisis (the review).
    r"|(?:\bmy (?:boyfriend|girlfriend|bf|gf|partner|ex|husband|wife|fiance|fiancee)\b|"
    r"^(?:he|she) (?:says|said|tells me|told me|keeps saying)\b)[^.!?]*?(?:"
    r"\bno ?-?(?:one|body)(?:'s| is)? (?:else )?(?:will|would|could|is going to|is gonna|s gonna|ever going to|s ever going to)"
    r"(?: ever)? (?:want|love|have|put up with) me\b"
    r"|\b(?:wont|won't|won t|will not|doesnt|doesn't|does not|never) let me (?:go|leave|see|have|talk|wear|out)\b"
    r"|\b(?:i ll|i'll|ill|i will) never find anyone\b)"
)


# Someone else in danger of their own: a parent or another adult at home, told by their child ("my
# mum took loads of pills and wont wake up" got the young person's own reply, session 41's note), or
# anyone told of as "she", "he" or "they" ("its my mum | she took loads of her tablets", "shes cut her
# thighs, i saw": development conversations G18, session 42). A parent's name alone is no report ("my
# mum doesnt know i cut myself", "my dad would kill me"): only the other's own act of harm, with no
# "i", "me" or "my" between the two.
_FAMILY_MEMBER = (
    r"my (?:mum|mom|mam|mummy|mother|dad|daddy|father|step ?mum|step ?dad|step ?mother|step ?father|nan|nana|nanny|"
    r"gran|granny|grandma|grandad|granddad|grandpa|aunt|auntie|aunty|uncle|carer|foster (?:mum|dad|carer|parent))"
)
# What can be taken too much of: never "took all his stuff", "had a bottle of vodka" (the review, session 42).
_TAKEN_SUBSTANCE = (
    r"(?:pills|tablets|meds|medicine|medication|paracetamol|painkillers|sleeping tablets|ket|ketamine|drugs|coke|cocaine|mdma|"
    r"xanax|spice|heroin|diazepam|sertraline|fluoxetine|citalopram|codeine|insulin|antidepressants)"
)
_THIRD_PERSON = (
    r"she|he|they|shes|hes|theyre|she's|he's|they're|she s|he s|they re|"
    r"my (?:big |little |lil |older |younger |twin |baby |step |half )?(?:brother|sister|bro|sis|cousin|friend|mate)s?"
)
_ANOTHERS_OWN_HARM = (
    r"(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|kill|kills|killing|hang|hanged|hanging|hung|"
    r"starve|starving|burn|burns|burning|stab|stabbed|stabbing|scratch|scratches|scratching) (?:himself|herself|themselves|themself)"
    r"|(?:cut|cuts|cutting|slit|slashed|scratch|scratches|scratching|burnt|burned|burning) (?:his|her|their) (?:arms?|wrists?|legs?|thighs?|stomach|skin|throat)"
    r"|end (?:his|her|their) (?:own )?life|(?:wants?|wanted) to die|better off without (?:him|her|them)"
    r"|(?:took|taken|has taken|swallowed|necked|had) (?:an? )?(?:overdose|od)\b|overdosed|od'?d"
    rf"|(?:took|taken|swallowed|necked|done) all (?:of )?(?:his|her|their) (?:\w+ )?{_TAKEN_SUBSTANCE}"
    r"|(?:took|taken|swallowed|necked|done) (?:(?:a |the )?(?:load|loads|lot|lots|handful|bunch|whole (?:box|packet|pack|bottle)|"
    rf"pack|packet|box|bottle) of )(?:\w+ )?{_TAKEN_SUBSTANCE}"
    r"|(?:not|isnt|isn't|wont|won't) (?:answering|responding|moving)"
    r"|(?:took|taken|did|done|had|injected|used) (?:way )?too much (?:of )?(?:his |her |their )?(?:insulin|pills|tablets|meds|medicine|medication|paracetamol)"
    r"|(?:wont|won't|will not|cant|can't|isnt|isn't|is not|not) (?:wake|waking|breathing)|unconscious|unresponsive"
)
_ANOTHER_AT_RISK = re.compile(
    rf"\b(?:{_FAMILY_MEMBER}|{_THIRD_PERSON})\b(?:(?!\b(?:i|im|i'm|ive|i've|me|my|myself)\b)[^.!?]){{0,80}}?\b(?:{_ANOTHERS_OWN_HARM})"
    # whoever saw them: "i saw cuts on her arms when she was getting changed" (G18)
    r"|\b(?:cuts|fresh cuts|burns|marks|scars) (?:on|all over|up) (?:his|her|their) (?:arms?|wrists?|legs?|thighs?|stomach)"
)


# The speaker's own danger anywhere in the message, which keeps "Are you safe right now?" about them:
# "ive taken an overdose and my mum isnt answering", "my dad hanged himself last year and now i want
# to die too", "he said he'll kill himself and take me with him" (the reviews, session 42: each got
# the reply for someone else in a first version). A threat to keep a secret ("she said if i tell
# anyone she will kill herself") stays a report about her.
# The speaker as a subject ("me" only as in "me n my mum both took…"; never "sent me a pic of pills")
_FIRST_PERSON_WORD = r"i|im|ive|iv|i'v|id|ill|i'm|i've|i'd|i'll|i m|i ve|we|me(?= (?:and|n|&) )"
_SPEAKERS_OWN_DANGER = re.compile(
    r"\b(?:myself|my own life|my life|kill me|me to die|(?:take|taking|takes) (?:me|us)|(?:me|us) with (?:him|her|them)|"
    # "one of my friends and me both want to die" (session 47)
    r"me both|us both|both of us|"
    # "a year 10 girl told me she is going to jump and i want to go with her" (the third review, session 49)
    r"(?:want|wanna|going|gonna|go) (?:to )?(?:go|die|do it|jump) (?:with (?:him|her|them)|too)|join (?:him|her|them)|"
    r"all mine|mine too|do the same|(?:od'?d|overdosed|drugged|spiked|made|making|forced|forcing) (?:me|us)\b"
    # (never "made me promise": keeping a friend's secret is no danger of one's own)
    r"(?! (?:all |both )?(?:promise|swear|keep|not tell|say|look)))\b"
    # the speaker as the subject of an act of harm, before anyone else is named ("i think my mum took…" is not)
    rf"|\b(?:{_FIRST_PERSON_WORD})\b(?:(?!\b(?:he|she|they|hes|shes|theyre|him|her|them|my)\b)[^.!?,]){{0,40}}?"
    r"\b(?:die|dead|end it|ending it|kill|suicid\w*|overdos\w*|od|took|taken|take|taking|swallowed|necked|drank|drunk|had \d+|"
    r"cut|cutting|slit|hurt|harm\w*|jump\w*|hang\w*|pills|tablets|blood|bleed\w*|do it|bridge|rest of|unalive\w*|"
    r"sleep forever|not be here|be with (?:him|her|them)|join (?:him|her|them))\b"
    # an act of harm with no subject, opening the message: "took 30 pills and she wont wake up" (the second review)
    r"|^\W*(?:took|taken|swallowed|drank|drunk|cut|slit|necked|had|done|od'?d|overdosed)\b"
)
# What a young person says while telling of someone else's harm, which is no danger of their own:
# "i think", "i found", "i saw", "i cant wake her", "told me" (set aside before looking for the
# speaker in the message).
_OBSERVING = re.compile(
    r"\b(?:i think|i thought|i found|i saw|i heard|i came home(?: and)?|i walked in(?: on (?:her|him|them))?|"
    r"i (?:cant|can't|cannot|couldnt|couldn't) wake (?:her|him|them)(?: up)?|i tried to wake (?:her|him|them)(?: up)?|"
    r"i'm scared|im scared|i'm worried|im worried|i (?:dont|don't) know what to do|i (?:rang|called|phoned)(?: 999)?|"
    r"(?:ive|i've) (?:rang|rung|called|phoned)(?: 999)?|told me|texted me|messaged me|rang me|called me|answering me|to me)\b"
)
_SPEAKER_NAMED = re.compile(rf"\b(?:{_FIRST_PERSON_WORD}|myself|mine|us|our)\b")
# Violence in the message: the abuse or danger reply, not the one for someone else's own harm ("my
# stepdad choked my mum till she was unconscious and now hes coming upstairs": the review).
_VIOLENCE = re.compile(r"\b(?:chok\w*|strangl\w*|beat\w*|hit|hits|hitting|punch\w*|kick\w*|stab\w*|attack\w*|knife|knives|gun|weapon)\b")


# A coach's "one of my lads", "one of my players" (a user trial, session 47: the young person's own
# reply), only with him or her in it: "one of my squad told me to kys" and "one of my team mates is
# threatening to share my nudes" are the speaker's own danger (the review, session 47).
_ONE_OF_MY_GROUP = re.compile(
    r"\bone of (?:my|our) (?:lads|players|boys|girls|kids|young people|team|squad|members|scouts|cubs|learners|class)\b"
)
# (not `_THIRD_PERSON`, which has "they" and a brother or mate: "one of my squad told me…" may name
# the group as they; only him or her says a report about one of them)
_HIM_OR_HER = re.compile(r"\b(?:he|she|hes|shes|he s|she s|he'?s|she'?s|him|her|his|himself|herself|he'?ll|she'?ll|he'?d|she'?d)\b")
# The speaker's own images, which a threat to share makes the speaker's danger.
_THE_SPEAKERS_IMAGES = r"my (?:nudes|pics|pictures|photos|videos|vids)"
# Danger to the speaker told by someone else's words: "told me to kys", "share my nudes".
_THE_SPEAKER_TARGETED = re.compile(rf"\b{TOLD_ME_TO_DIE}|\b{_THE_SPEAKERS_IMAGES}\b")


# Harm told as done to the speaker: "a man online is blackmailing me with my pics", "im being made to
# sell drugs and i owe them money", "my boyfriend makes me sell drugs" (the review, session 47: a
# professional's button, mis-tapped, got the wording for an adult telling of someone else).
_HARM_TO_THE_SPEAKER = re.compile(
    rf"\b(?:me|myself)\b|\b{_THE_SPEAKERS_IMAGES}\b|\bmy (?:body|boyfriend|girlfriend|bf|gf)\b"
    r"|\b(?:im|i m|i am|i was|ive been|i ve been|i have been) (?:being )?(?:made|forced|groomed|blackmailed|exploited|threatened|sent|told to)\b"
    r"|\bi (?:owe|have to|had to|got made|get made)\b"
)


def tells_of_harm_to_the_speaker(text: str) -> bool:
    """Does the message tell of harm done to the speaker (besides what they saw or were told)?"""
    return bool(_HARM_TO_THE_SPEAKER.search(_OBSERVING.sub(" ", normalise(text))))


def third_party_report(text: str) -> bool:
    """A friend, sibling, parent or professional describing someone else's risk, not harm done to
    the speaker, nor beside the speaker's own danger ("my friend died and i want to kill myself": the
    second review, session 42)."""
    lowered = text.lower().replace("’", "'")  # "won’t", the iPhone's apostrophe (the review, session 39)
    beside_what_they_saw = _OBSERVING.sub(" ", lowered)
    if _SPEAKERS_OWN_DANGER.search(beside_what_they_saw) or _DONE_TO_ME.search(lowered) or _THE_SPEAKER_TARGETED.search(lowered):
        return False
    # Someone else's own act of harm counts only with the speaker nowhere in it but as a witness
    # (the second review: "me n my mum both took loads of pills", "took 20 pills and my mum wont
    # wake up to help me").
    anothers_own_harm = bool(_ANOTHER_AT_RISK.search(lowered)) and not _SPEAKER_NAMED.search(beside_what_they_saw) \
        and not _VIOLENCE.search(lowered)
    one_of_mine = bool(_ONE_OF_MY_GROUP.search(lowered)) and bool(_HIM_OR_HER.search(lowered))
    return bool(_THIRD_PARTY.search(lowered)) or anothers_own_harm or one_of_mine


# The grooming and online-abuse reply tells a parent to call the police on 101 and not to pay a
# blackmailer: the kind model guessed it for "my son says he wants to die" (the corpus's grooming
# reports often start "my son says"), so that guess needs a word of its own. Measured leave one
# author out on the training corpus: no right specific reply lost (session 18). The other kinds'
# guesses stand (words of theirs would have lost 9 right replies: "comes back with loads of cash"),
# but for exploitation beside a death or an identity told (`_NOT_EXPLOITATION_WORRY`, session 33).
_GROOMING_WORDS = re.compile(
    r"\b(?:online|internet|apps?|games?|gaming|xbox|playstation|ps5|fortnite|roblox|minecraft|snap\w*|insta\w*|"
    r"tiktok|discord|whatsapp|facebook|telegram|kik|omegle|message\w*|msg\w*|texts?|texted|texting|dms?|chat\w*|"
    r"pics?|pictures?|photos?|images?|nudes?|naked|video\w*|webcam|cam|selfies?|met|meet|meeting|stranger|older|"
    r"adult|man|men|guy|groom\w*|send|sending|sent|share|shared|sharing|post|posted|threat\w*|blackmail\w*|money|"
    r"pay|secret|gifts?|coach|tutor|phone)\b"
)


# Beside suicide or self-harm words, only a sign of grooming itself counts, not where it was said
# ("posted on snapchat"): pictures, an adult met online, secrets, threats, money.
_GROOMING_SIGNS = re.compile(
    r"\b(?:pics?|pictures?|photos?|images?|nudes?|naked|webcam|met|meet|meeting|stranger|older|adult|man|men|guy|"
    r"groom\w*|blackmail\w*|threat\w*|money|pay|secret|gifts?)\b"
)


# Being told to die, the way online harassment says it ("a guy on discord keeps telling me to
# uninstall life": a phone trial, session 32, got the pictures-and-CEOP reply). "A guy" or "a man"
# who says it is no sign of grooming; only what grooming itself is (`_GROOMING_ACTS`: pictures, a
# meeting, money, secrets, an adult or a stranger, threats) makes it that kind.
_TOLD_TO_DIE = re.compile(rf"\b{TOLD_TO_DIE}")
_GROOMING_ACTS = re.compile(
    r"\b(?:pics?|pictures?|photos?|images?|nudes?|naked|webcam|met|meet|meeting|groom\w*|blackmail\w*|money|"
    r"pay|secret|gifts?|stranger|older (?:man|men|guy|guys|bloke|person|people)|adults?|threat\w*|knows where i live)\b"
)


# The exploitation reply tells a parent "This is not your child's fault" and a young person "If
# someone is making you do things, or says you owe them": the kind model guessed it for "our child
# has told us they're trans" and "Their dad passed away in the summer" (typed answers, session 33).
# So a guess beside a death or a gender identity or sexuality told is set aside, unless a sign of
# exploitation is there too. Only then: the review found real exploitation with none of its words
# ("they took me to a hotel and his mates were there", "he has to text them when he gets home").
_NOT_EXPLOITATION_WORRY = re.compile(
    r"\b(?:died|dies|passed away|passed on|funeral|grief|grieving|bereave\w*|trans|transgender|gay|lesbian|bi|bisexual|"
    r"non ?binary|queer|lgbt\w*|came out|coming out|come out|gender|sexuality|pronouns)\b"
)
_EXPLOITATION_SIGNS = re.compile(
    r"£|\b(?:owe\w*|debts?|county lines|drugs?|deal\w*|sell\w*|sold|carry\w*|carried|holding|packages?|parcels?|stash\w*|"
    r"money|cash|trainers|new clothes|mobiles|two phones|gifts?|older|gangs?|trapped|forc\w*|threat\w*|marr\w*|wedding|"
    r"abroad|passport|fgm|traffick\w*|missing|hotel|passed round|vodka|alcohol|track\w*|location|knives|knife|stab\w*|"
    r"weapons?|police|arrested|errands?|runner|trap house)\b"
)


# The replies spoken to the one groomed or exploited ("This is not your fault… pictures of you").
_TOLD_TO_THE_ONE_HARMED = frozenset({"grooming_online", "exploitation"})
# The speaker in it too, beside what they saw or think: "my friend is being blackmailed with nudes and so
# am i", "my boyfriend is 24 and he makes me do stuff".
_THE_SPEAKER_TOO = re.compile(r"\b(?:me|i|im|us|we|myself|ourselves)\b")
# What the online grooming reply is about (pictures, messages, apps): without any of these, grooming
# told with signs of exploitation is given the exploitation reply (`in_person_exploitation`).
_ONLINE_OR_PICTURES = re.compile(
    r"\b(?:online|internet|apps?|games?|gaming|xbox|playstation|ps5|fortnite|roblox|minecraft|snap\w*|insta\w*|"
    r"tiktok|discord|whatsapp|facebook|telegram|kik|omegle|message\w*|msg\w*|texts?|texted|texting|dms?|chat\w*|"
    r"pics?|pictures?|photos?|images?|nudes?|naked|video\w*|webcam|cam|selfies?|send|sending|sent|share|shared|sharing|"
    r"post|posted|blackmail\w*|phone|sext\w*|record\w*|film\w*|camera|facetime|screenshot\w*|vids?|leak\w*|expos\w*|"
    # threats to show or tell, and demands: sextortion said without a word of the internet (the review, session 46)
    r"show (?:every ?one|everybody|people|my \w+)|tell (?:every ?one|everybody)|demand\w*|unless|or (?:else|they|he|she) (?:will|ll))\b"
)
_MADE_TO_DO_THINGS = re.compile(r"\b(?:makes?|made|making|forc\w*) (?:me|him|her|them) (?:do|to do)\b|\b(?:his|their) (?:mates|friends)\b")


def in_person_exploitation(text: str) -> bool:
    """Grooming told with nothing online or pictured, and a sign of exploitation ("he makes me do
    stuff with his mates for money", "an older man gives me money and vapes")."""
    clean = normalise(text)
    signs = _EXPLOITATION_SIGNS.search(re.sub(r"\bolder\b", " ", text.lower()))  # "an older boy" alone is grooming's
    return not _ONLINE_OR_PICTURES.search(clean) and bool(signs or _MADE_TO_DO_THINGS.search(clean))


def model_kind_fits(category: str, text: str, lexicon_categories: tuple[str, ...] | list[str] = ()) -> bool:
    """May the kind model's guess choose the reply? Grooming needs one of its words in the message;
    beside suicide or self-harm words, a sign of grooming itself: "he's posted on snapchat that he
    wants to end it all" got the advice for pictures shared (a user trial, session 20). Told to die
    by someone, only an act of grooming counts (`_TOLD_TO_DIE`). Beside a death or an identity told,
    exploitation needs one of its signs (`_NOT_EXPLOITATION_WORRY`)."""
    lowered = text.lower()
    if REPLY_KIND.get(category) == "exploitation":
        return not _NOT_EXPLOITATION_WORRY.search(lowered) or bool(_EXPLOITATION_SIGNS.search(lowered))
    if REPLY_KIND.get(category) != "grooming_online":
        return True
    if _TOLD_TO_DIE.search(lowered):
        return bool(_GROOMING_ACTS.search(lowered))
    words = _GROOMING_SIGNS if {"suicidal", "self_harm"} & set(lexicon_categories) else _GROOMING_WORDS
    return bool(words.search(lowered))


def kinds_of(categories: tuple[str, ...] | list[str]) -> set[str]:
    return {REPLY_KIND.get(category, "general") for category in categories} or {"general"}


def reply_kind(
    categories: tuple[str, ...] | list[str], *, parent: bool, text: str, young_person: bool = False,
    professional: bool = False,
) -> str:
    """Which crisis reply: the most specific kind among the categories, the speaker and the text.
    `young_person`: the user said they are one, so the reply is never the parent's own.
    `professional`: the user said they work with young people, so the reply is for someone worried
    about another: the young person's replies told a teacher "it is not your fault" and "tell a
    trusted adult" (a user trial, session 20)."""
    kinds = kinds_of(categories)
    # Abuse told of oneself is as much an adult's own crisis as the general kind ("my husband hits
    # me and i want to die" from a parent: review, session 21).
    own_kinds = {"general", "abuse"}
    own = about_own_crisis(text) and not third_party_report(text)
    if professional and own and kinds <= own_kinds:
        return "parent_own"  # their own crisis ("I can't cope any more, I want to die")
    if professional and not own and not kinds & KEPT_FOR_PROFESSIONALS:
        return "third_party"
    if parent and about_own_crisis(text) and kinds <= own_kinds:
        kinds.add("parent_own")
    if "parent_own" in kinds and not (parent or professional) and not speaks_as_an_adult(text):
        # Who is chatting not known, and nothing in the words says a parent or an adult: "i keep
        # thinking about jumping off the bridge by the station" as a first message got "You matter
        # too" and no Childline (development conversations G16, session 41). The general reply
        # keeps Samaritans and Shout for an adult, and Childline for the young people the chat is for.
        kinds.discard("parent_own")
    if "parent_own" in kinds and (young_person or not about_own_crisis(text)):
        # The model's guess; the words say it is about someone else (a child), or a young person
        # said it: "ive been cutting myself" from a 14-year-old got "You matter too" and no
        # Childline (a user trial, session 19).
        kinds.discard("parent_own")
    if not parent and third_party_report(text):
        kinds.add("third_party")
    if "grooming_online" in kinds and in_person_exploitation(text):
        # "my boyfriend is 24 and he makes me do stuff with his mates for money" got "If someone is
        # threatening to share pictures of you… Report Remove" (a user trial, session 46): nothing
        # online or pictured, and signs of exploitation; its reply says "making you do things".
        kinds.discard("grooming_online")
        kinds.add("exploitation")
    if kinds & _TOLD_TO_THE_ONE_HARMED and not (parent or professional) and third_party_report(text) \
            and not _THE_SPEAKER_TOO.search(_OBSERVING.sub(" ", normalise(text))):
        # "my friend is 15 and she's talking to an older guy online who wants her to send pics" got
        # "This is not your fault… If someone is threatening to share pictures of you", "Are you safe
        # right now?", and "its not me its my friend" then "Please call 999 now" (a user trial,
        # session 46): a friend's grooming or exploitation gets the reply for someone worried about another.
        kinds -= _TOLD_TO_THE_ONE_HARMED
        kinds.add("third_party")
    if "voices" in kinds and (parent or third_party_report(text)) and someone_elses_voices(text):
        # "Last night I found him sharpening a kitchen knife in his room" from a parent got "You are
        # not in trouble for saying this. If you feel you might hurt yourself…" (development
        # conversations G5, session 38): that reply speaks to the one who hears the voices.
        kinds.discard("voices")
    if "voices" in kinds and told_to_die_by_others(text):
        # "people online keep telling me to kys": the kind model's guess (voices) got "You are not in
        # trouble for saying this. If you feel you might hurt yourself or someone else" (session 44's
        # note). Others who say it are no voices; the general reply (Childline, Shout, Samaritans) fits.
        kinds.discard("voices")
    return next(kind for kind in KIND_PRIORITY if kind in kinds or kind == "general")


# The voices are the speaker's own ("the voices tell me to hurt my kids", "ive been hearing voices"),
# or someone else's ("he hears voices", "voices telling her to", "found him sharpening a knife in his
# room"). Read on `normalise`d text ("i've" is "ive"). The second review: "…the voices keep saying i
# should stab my brother" from a young person named a brother and lost the voices reply.
_VOICE_VERBS = r"(?:tell|tells|telling|told|make|makes|making|want|wants|say|says|saying|order|orders)"
_OWN_VOICES = re.compile(
    rf"\bvoices?\b(?: \w+){{0,3}}? {_VOICE_VERBS} (?:me|i)\b"
    r"|\b(?:i|ive|i have|im|i am)(?: keep| been| also| still| can)* (?:hear|heard|hearing)\b|\bin my head\b"
)
_OTHERS_VOICES = re.compile(
    rf"\bvoices?\b(?: \w+){{0,3}}? {_VOICE_VERBS} (?:him|her|them)\b"
    r"|\b(?:he|she|they|hes|shes|theyre|son|daughter|friend|brother|sister|child)(?: keeps| is| has been| been| also| still)* (?:hears|hearing|heard)\b"
    r"|\bin (?:his|her|their) (?:head|room|bedroom)\b|\b(?:found|saw|caught) (?:him|her|them)\b"
)


_TOLD_TO_DIE_BY_OTHERS = re.compile(rf"\b{TOLD_TO_DIE_BY_OTHERS}")


def told_to_die_by_others(text: str) -> bool:
    """Is the speaker told to die by other people ("kids on xbox keep telling me to kys"), and
    nothing says they hear voices?"""
    clean = normalise(text)
    return (
        bool(_TOLD_TO_DIE_BY_OTHERS.search(clean)) and bool(_ONLINE_OR_AMONG_PEERS.search(clean))
        and not _OWN_VOICES.search(clean) and not _HEARD_NOT_MET.search(clean)
    )


# Where people who tell someone to die are met: "people i cant see keep telling me to kill myself"
# and "someone inside me keeps telling me to" are voices (the review, session 45).
_ONLINE_OR_AMONG_PEERS = re.compile(
    r"\b(?:online|on (?:xbox|discord|tiktok|tik tok|snap|snapchat|insta|instagram|whatsapp|roblox|fortnite|minecraft|twitter|reddit|"
    r"youtube|twitch|the game|games?|my phone|the internet|social media)|in (?:the )?(?:chat|comments|group chat|gc|dms)|"
    r"at school|in class|at college|kids|boys|girls|lads|classmates?|trolls?|randoms?|players?|gamers?|group chat|gc)\b"
)


# Where the voices of psychosis speak from: "people on the tv tell me to die" (the lexicon's own words).
_HEARD_NOT_MET = re.compile(r"\b(?:voices?|tv|telly|radio|walls?|head|demons?|devil|spirits?|jinn|djinn)\b")


def someone_elses_voices(text: str) -> bool:
    """Are the voices told of someone else's, and not the speaker's own?"""
    clean = normalise(text)
    return bool(_OTHERS_VOICES.search(clean)) and not _OWN_VOICES.search(clean)


# An overdose told as already taken ("i took a load of pills an hour ago", "shes swallowed her
# mums tablets"), not planned: a safe answer after it still gets "call 999 now". "had" and "done"
# also catch some plans ("ive had enough, im taking all my pills"): the cautious side.
_TAKEN = re.compile(
    r"\b(?:took|taken|swallowed|downed|necked|overdosed|od'?d|oded|had|ate|eaten|drank|drunk|done)\b"
)
# Something that can be taken: the danger category also holds knives and ledges ("i had a knife").
_SUBSTANCE = re.compile(
    r"\b(?:pills?|tablets?|paracetamols?|ibuprofen|meds|medicines?|medication|overdos\w*|od|ods|painkillers?|"
    r"antidepressants?|sertraline|fluoxetine|aspirin|codeine|co codamol|insulin|melatonin|bleach|poison|"
    r"antifreeze|vodka|alcohol|drugs?|capsules?|"
    # the review, session 40: medicines and brand names young people name, and misspellings
    r"citalopram|prozac|diazepam|valium|propranolol|tramadol|quetiapine|zopiclone|nurofen|calpol|tabs|"
    r"paracetemol|paracetomol|parecetamol|paracetamool|sleeping tablets?)\b"
)
# A number taken that is more than a dose, or a lot: "ive had 14 since lunch", "took like 20",
# "had the whole packet". Read only after pills or a medicine were named (the crisis policy's
# `substance_named_just_before`); "i had 2 this morning" after "how many paracetamol can i take" is a dose.
_NUMBER_TAKEN = (
    r"(?:[5-9]|[1-9]\d|[1-9]\d\d)(?:ish)?|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred"
)
# ...and only with nothing after it, or what was taken, or when: never "had 10 sessions", "took 5
# photos", "had 20 quid" or "took 10 mg" (the review, session 40).
_AFTER_THE_NUMBER = (
    r"(?=\s*$| (?:of (?:them|those|em|it|my|the|his|her|their|mums|dads)|pills?|tablets?|tabs|caps|capsules|meds|"
    r"since|today|already|now|in|this|last|earlier|tonight|at|an hour|hours? ago|mins? ago|ago|or so|or more|more|x|and|but|"
    r"so|maybe|i think|idk|lol)\b)"
)
_AMOUNT_TAKEN = re.compile(
    r"\b(?:had|taken|took|swallowed|downed|necked|done|ate|eaten|popped|drank|drunk)"
    r"(?: (?:like|about|around|maybe|nearly|almost|over|at least|just|already|another|half))*"
    rf" (?:(?:{_NUMBER_TAKEN}){_AFTER_THE_NUMBER}"
    r"|all (?:of )?(?:my|the|his|her|their|mums|dads) \w+|all of (?:them|those|it|em)\b|(?:them|those|it|em) all\b"
    r"|(?:the |a )?(?:whole|full|entire) (?:box|packet|pack|bottle|strip|lot|tub)\b|half (?:the|a) (?:box|packet|pack|bottle|strip)\b"
    r"|\d+ (?:packets|packs|boxes|strips|bottles)\b|(?:a|the) (?:box|packet|pack|bottle|strip)\b(?! of (?:crisps|sweets|chocolate|biscuits))"
    r"|(?:a )?handful\b|too many\b|(?:loads|lots) of (?:them|those|em|my \w+|the (?:pills|tablets|tabs|meds))\b)"
)


def tells_an_amount_taken(text: str) -> bool:
    """Does the message tell of more than a dose taken ("ive had 14 since lunch")?"""
    return bool(_AMOUNT_TAKEN.search(" ".join(re.findall(r"[a-z0-9]+", text.lower()))))


def names_a_substance(text: str) -> bool:
    """Pills, a medicine, a drug or a poison named."""
    return bool(_SUBSTANCE.search(text.lower()))


# The lexicon's category, and the risk model's ("i already took some pills" is the model's alone).
OVERDOSE_CATEGORIES = frozenset({"danger_overdose", "overdose"})


# ...unless something recent is told beside it ("she overdosed last year and took more tonight").
# "again" only of a dose taken again: "im scared ill do it again" after "an overdose last year" is a
# fear, and got "call 999 now, even if you feel OK" (the third review, session 49)
_RECENTLY = re.compile(
    r"\b(?:today|tonight|this morning|this evening|just now|an hour ago|hours ago|now taken|just took|just taken)\b|"
    r"\b(?:took|taken|taking|overdosed|swallowed|od d|odd)\b(?:(?! (?:and|but|so|im|i m|i am|ill|i ll|i will) )[^.!?]){0,25}\bagain\b|"
    r"\bnow again\b|\bagain (?:now|today|tonight|this morning)\b"
)
# Taken, but not now or not into oneself: "ive taken overdoses before but not today", "i took my dads
# pills and hid them so he cant overdose" (the third review, session 49)
_NOT_TAKEN_NOW = re.compile(
    r"\b(?:before|in the past) but not (?:today|tonight|now|this time)\b|\bnot (?:today|tonight|this time)\b|"
    r"\b(?:hid|hide|hidden|hiding|flushed|binned|threw (?:them|it) away|locked (?:them|it) away|put (?:them|it) away)\b"
)
# Long ago: "Last year she took an overdose and was in hospital for two days. She's doing much better
# now" got "If your child has taken too much of something, please call 999 now" to every answer (a
# user trial, session 45). Months or years ago, never days or hours ("last week" stays acute: some
# overdoses harm days later).
_LONG_AGO = re.compile(
    r"\b(?:last (?:year|month|summer|spring|autumn|winter|christmas|term)|(?:a |one |two |three |four |five |six |several |few |couple of |"
    r"\d+ )?(?:months|years) ago|a (?:year|month) ago|in (?:19|20)\d\d|when (?:she|he|they|i) (?:was|were) (?:\d+|younger|little)|"
    r"in the past|previously|used to|back in)\b"
)


def took_something_already(categories: list[str] | tuple[str, ...], text: str) -> bool:
    """Did the crisis message tell of an overdose already taken, and not long ago?"""
    lowered = text.lower()
    if _LONG_AGO.search(lowered) and not _RECENTLY.search(lowered):
        return False
    if _NOT_TAKEN_NOW.search(lowered) and not _RECENTLY.search(_NOT_TAKEN_NOW.sub(" ", lowered)):
        return False
    return bool(OVERDOSE_CATEGORIES & set(categories)) and (
        (bool(_TAKEN.search(lowered)) and bool(_SUBSTANCE.search(lowered))) or tells_an_amount_taken(text)
    )
