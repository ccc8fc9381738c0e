"""The crisis lexicon: slang rewrites and token patterns, by category.

Pattern mini-language (one string = one spaCy Matcher pattern, tokens separated by spaces):
    ^           (first token only) the match starts the message, a sentence or a clause, or follows
                only greetings, fillers or an age ("hi im not ok", "im 14 and i hate myself")
    $           the message or a clause ends: a full stop, "!", "?", an emoji or a kiss ("x")
    word        the lower-cased token is `word`
    a|b|c       the lower-cased token is one of these
    ~lemma      the token's lemma is `lemma` (lookup lemmas: "killing" → "kill")
    ~a|b        the lemma is one of these
    X?          the token is optional
    _           any one token;  _?  any one token or none
    PRON        me|myself|himself|herself|themselves|themself|yourself|ourselves
    SELF        myself|himself|herself|themselves|themself|yourself|ourselves
    PERSON      someone who can hurt a child (see PERSON_WORDS)

`first`-person patterns always fire. `mention` patterns (a risk word on its own, or a
third person's act) do not fire when the message is plainly about a lesson, book, film
or news story, or when the word is negated right before it ("not suicidal").
"""
from __future__ import annotations

import re

# Rewrites applied to lower-cased text before tokenising: slang and misspellings to one
# canonical form, so the patterns below stay short. Order matters.
REWRITES: list[tuple[str, str]] = [
    (r"[’‘`´]", "'"),
    (r"\bkms+\b", "kill myself"),
    (r"\bctb\b", "kill myself"),
    (r"\bunaliv\w*(?=\s+(?:the|a|an|that|this|those|these|every|all|some|\d+)\b)", "killed"),
    (r"\bself[\s-]?inflicted\b", "selfharm"),
    (r"\bkys+\b", "kill yourself"),
    # Wanting to be with someone who has died, said after the death ("my dad died and i just want
    # to be with him": session 33, a lexicon gap found testing the concern question); the pattern
    # below reads "... in heaven". Never "be with him at the grave / on his birthday".
    # No other person between the death and "him/her": "my nan passed away and my mum is so upset, i
    # just want to be with her" means the mum (the review, session 33).
    (r"(\b(?:died|dies|passed away|passed on|passed|is dead|was killed|got killed|funeral)\b"
     r"(?:(?!\b(?:mum|mam|mom|dad|brother|sister|bro|sis|nan|gran|grandma|grandad|friend|mate|boyfriend|girlfriend|bf|gf|"
     r"cousin|aunt|auntie|uncle|family|he|she|they|his|her|their|him)\b).){0,80}?"
     r"\bwant(?:s|ed)? to be with (?:him|her|them))\b(?! in heaven)(?!\s+(?:at|on|for|when|while|today|again at)\b)",
     r"\1 in heaven"),
    # Gamers' "kys" ("go uninstall life", "uninstall ur life"): a phone trial, session 32.
    # Never an app or a game ("life 360", "Life is Strange", "my life simulator game"); said to
    # someone else ("i told him to go uninstall life") it is "kill yourself" (the review, session 33).
    (r"\buninstall(?:ing)?\s+(?:your|ur|yo)\s+life\b(?!\s*(?:360|is strange|sim\w*|app|game))", "kill yourself"),
    (r"\b(tell\w*|told|say\w*|said)\s+(\w+)\s+to\s+(go\s+)?uninstall(?:ing)?\s+life\b(?!\s*(?:360|is strange|sim\w*|app|game))",
     r"\1 \2 to \3kill yourself"),
    (r"\buninstall(?:ing)?\s+(?:my\s+)?life\b(?!\s*(?:360|is strange|sim\w*|app|game))", "kill myself"),
    (r"\bunaliv\w*\b(?!\s+(?:my|your|him|her|them|our)sel(?:f|ves)|\s+me\b|\s+him\b|\s+her\b|\s+them\b)", "kill myself"),
    (r"\bunaliv\w*", "kill"),
    (r"\bsextort\w*", "sextortion"),
    (r"\bsh'?ing\b", "selfharm"),
    (r"\bsewer[\s-]?slide\w*", "suicide"),
    (r"\bs+u+[aeiou]*[sc]+[aeiou]*[dts]+\w*|\bsuiside\w*|\bsucid\w*|\bsuicd\w*|\bsuicial\w*", "suicide"),
    (r"\bself[\s-]?(?:harm|harming|harmed|harms|injur\w*|hurt\w*)\b", "selfharm"),
    (r"\bs/h\b", "selfharm"),
    # "od" is also Polish for "from": "od nowa" (start again), "od rana" (since the morning).
    (r"\bover[\s-]?dos\w*|\bo\.d\.?(?=\s|$)|\bod'd\b|\bod(?:ing|ed|ded)?\b"
     r"(?!\s+(?:nowa|nowo|początku|poczatku|razu|rana|wczoraj|dawna|kiedy|teraz|tygodnia|miesiąca|miesiaca|roku|dziecka|lat)\b)",
     "overdose"),
    # "i was thinking about not waking up, my alarm is broken": a comma is no clause's end for the
    # patterns of not waking up (the second review, session 48).
    (r"\b(not wak(?:e|ing) up)\s*,(?=\s*[a-z])", r"\1 and"),
    (r"\bwan+a\b", "want to"),
    (r"\bgon+a\b", "going to"),
    (r"\bgotta\b", "got to"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|could|would|should|wo|ca)n'?t\b", r"\1 not"),
    (r"\bwont\b", "will not"),
    (r"\bcant\b", "can not"),
    (r"\bcannot\b", "can not"),
    (r"\bi'?m\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    (r"\bi'?ll\b", "i will"),
    (r"\bi'?d\b", "i would"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\bn'?t\b", " not"),
    (r"\bany ?more\b", "anymore"),
    (r"\bpls|plz\b", "please"),
    (r"\bb4\b", "before"),  # "b4 i go", "tell someone b4 i do it" (the review, session 38)
    (r"\bno-one\b", "no one"),  # "wearing my hoodie so no-one sees" (the review, session 39)
    # "my boyfriends 24": the possessive without its apostrophe, before an age.
    (r"\b(boyfriend|girlfriend|bf|gf)(?:'s|s)(?=\s+\d)", r"\1 is"),
    # "15 for now" as the whole answer to "How old are you?": not expecting to be older.
    (r"^\s*(\d{1,2})\s+for\s+now\W*$", r"i am \1 for now only"),
]
REWRITE_REGEXES = [(re.compile(pattern), replacement) for pattern, replacement in REWRITES]

PERSON_WORDS = (
    "he|she|they|someone|somebody|dad|father|mum|mom|mother|stepdad|stepmum|step-dad|step-mum|"
    "brother|sister|uncle|aunt|auntie|cousin|grandad|grandpa|nan|gran|grandma|boyfriend|"
    "girlfriend|partner|teacher|coach|man|guy|men|people|friend|carer|parents|parent|him|"
    "neighbour|stepbrother|stepsister|husband"
)
SELF_WORDS = "myself|himself|herself|themselves|themself|yourself|ourselves|self"
PRON_WORDS = "me|" + SELF_WORDS
PILLS = "~pill|tablet|paracetamol|paracetamols|ibuprofen|med|meds|medication|medicine|painkiller|capsule|antidepressant|antidepressants|sertraline|fluoxetine|aspirin|co-codamol|codeine|melatonin|insulin"
# Saving up medicine ("been stockpiling my sertraline"): a plan the models may not veto when it is the
# speaker's own (signposting/risk_decision.py `tells_of_harm_to_oneself`).
SAVING_MEDICINE = "~stockpile|stockpiling|hoard|hoarding|stash|stashing|save|saving|saved _? _? _? _? " + PILLS
LOTS = "lots|loads|load|lot|bunch|handful|whole|all|many|too|box|packet|packets|bottle|strip|ton|tons|heaps|NUM"

# category → list of (kind, pattern). Kinds:
#   first    always fires
#   neg      fires unless negated earlier in the same clause ("i don't want to die")
#   mention  like neg, and also held back when the message is about a lesson, a book, the news
PATTERNS: dict[str, list[tuple[str, str]]] = {
    "suicidal": [
        ("mention", "suicide"),
        ("first", "kill|killing SELF"),
        ("mention", "killed SELF"),
        ("first", "~take ~my|his|her|their|your own? life|lives"),
        ("first", "~end ~my|his|her|their|your life|lives"),
        ("first", "~end it all"),
        ("first", "~end everything"),
        ("neg", "~want|wish|go|plan|try|think|decide|need to? ~end it"),
        ("mention", "to ~end it"),
        # "the thoughts of ending it won" got "Who is chatting today?" (development conversations G2, session 31).
        # The nouns always fire ("never told anyone about my thoughts of ending it": the review); a denial of
        # them gets the crisis reply too, the lesser harm.
        ("neg", "~think about|of ~end it|everything"),
        ("first", "thought|thoughts|idea|urge|urges of|about ~end it|everything"),
        ("first", "~end it tonight|today|now|soon"),
        ("neg", "~want|wish|hope|deserve|need|ready|decide|plan|choose to? die|dead"),
        ("neg", "~want|wish _? to die"),
        ("neg", "~want|wish to be dead|gone"),
        ("neg", "ready|deserve|deserves|decided|planning|time|ways|way|how to die"),
        ("first", "wish i|he|she was|were dead|gone|never"),
        ("first", "wish i|he|she had never been born"),
        # "she said she wished she wasnt here", a grandmother's letter, got only the check question
        # from the models (a user trial, session 47); "i wish i wasnt here" got nothing. Only of
        # oneself (never "i wish he wasnt here"), and only at the clause's end or with "anymore":
        # never "wasnt born in this family", "born a girl", "alive in the 80s" (the review).
        ("first", "~wish i was|were not alive|born|here|around $"),
        ("first", "~wish i was|were not alive|here|around anymore|tbh|rn"),
        ("first", "~wish i was|were not here|around no more"),
        ("first", "~wish i was|were not here|around right now"),
        ("first", "~wish i never ~exist"),
        ("first", "~wish i did not ~exist"),
        ("first", "he ~wish he was|were not alive|born|here|around $"),
        ("first", "he ~wish he was|were not alive|here|around anymore"),
        ("first", "she ~wish she was|were not alive|born|here|around $"),
        ("first", "she ~wish she was|were not alive|here|around anymore"),
        ("first", "if i|he|she was|were dead|gone|never"),
        ("first", "if i|he|she died|disappeared|went"),
        ("first", "if i|he|she was|were not here|around"),
        ("first", "if i|he|she killed SELF"),
        ("first", "~be better off dead"),
        # Said by a user trial's young people (session 20): "i want to finish my life, i am tired",
        # "better if i am dead", "dont think ill make it to 16".
        ("first", "~finish ~my|his|her|their life|lives"),
        ("first", "~finish SELF off?"),
        ("first", "better|easier|happier if i am|was|were|be dead|gone|died"),
        ("first", "better|easier|happier if he|she is|was|were dead|died"),
        ("first", "not _? think i|he|she will make it to|till|until|past|through NUM|tomorrow|morning|christmas|next|adulthood"),
        ("first", "better|happier|easier|fine off? without me|him|her|us"),
        ("first", "better off if i|he|she"),
        ("first", "not ~want to live|exist|be alive|carry on|go on|continue|survive"),
        ("first", "not ~want to live|exist|wake"),
        ("first", "not ~want _? ~be here|alive|around"),
        ("first", "not _? ~be here|around|alive anymore|tomorrow|much|next|for|by|in"),
        ("first", "not _? _? ~be alive|around|here next|tomorrow|much|by|for|in"),
        ("first", "not _? _? _? ~be alive|around|here next|tomorrow|much|by|for|in"),
        ("first", "no reason|point _? to? ~live|living|go|carry|keep"),
        # Said in passing, as an answer (session 10, development author R1).
        ("first", "last time i ~try it did not|never work"),
        ("first", "i will|wo? not ~be needing this|it for long"),
        ("first", "i will|wo? not ~need this|it for long"),
        ("first", "am NUM for now only"),
        ("first", "nothing|nobody|noone to live for"),
        ("first", "point in|of living|life|existing|anything|trying|going|carrying"),
        ("first", "point in|of being alive|here"),
        ("first", "point _? _? living|alive|life|existing"),
        ("first", "can not go|carry on"),
        ("first", "done with life|living|everything|existing"),
        ("first", "~go to sleep and never wake up"),
        ("first", "never wake up"),
        ("first", "~hope|wish|pray|want i? _? not ~wake up"),
        # "sometimes i think about just not waking up tbh" got "Sorry, I didn't get that" (a user
        # trial, session 48): thinking or dreaming of it, or going to sleep and not waking.
        # At a clause's end or "again", "ever": never "not waking up in time for school".
        ("first", "~think|thought|dream|fantasise|fantasize|imagine about|of _? not ~wake up $"),
        ("first", "~think|thought|dream|fantasise|fantasize|imagine about|of _? not ~wake up again|ever|anymore|tbh|ngl|honestly|sometimes"),
        # "found messages on my daughters phone about ending it" got the grooming reply (a user trial,
        # session 48): what was written or searched about ending it, at a clause's end or "all"
        # (never "messages about ending it with her boyfriend").
        # Messages only as found or read: "he sent me a message about ending it" may end a relationship
        # (the review, session 48).
        ("first", "~note|search|google|googled|searched|letter|diary|poem _? _? _? _? about ~end it $"),
        ("first", "found|find|saw|seen|read|reading ~message|text|post|chat _? _? _? _? about ~end it $"),
        ("first", "~note|search|google|googled|searched|message|text|post|letter|diary|poem _? _? _? _? about ~end it all"),
        ("first", "~note|search|google|googled|searched|message|text|post|letter|diary|poem _? _? _? _? about ~end ~my|his|her|their life"),
        ("first", "~go to sleep|bed and not ~wake up $"),
        ("first", "~go to sleep|bed and not ~wake up again|ever|anymore"),
        ("first", "~disappear forever"),
        ("first", "~goodbye ~letter|note|message|messages|letters|notes"),
        # "my son left a note saying goodbye and hes not answering his phone" got the reply for a
        # child missing from home, and "yes" then "glad your child is safe" (a user trial, session 49)
        ("first", "~note|letter ~say|that|and ~say? goodbye|bye|farewell"),
        ("first", "~write|leave a? ~goodbye|suicide|final ~note|letter|letters|notes"),
        ("first", "~say goodbye to everyone|everybody|you|all"),
        ("first", "sorry and goodbye"),
        ("first", "goodbye forever"),
        ("first", "~give ~my|his|her ~stuff|thing|things|belongings|everything|possession|possessions away"),
        ("first", "~give away ~my|his|her|all ~stuff|thing|things|belongings|everything|possession|possessions"),
        ("first", "~be my last message|messages|goodbye"),
        ("first", "my last day|night alive"),
        ("first", "tonight|today ~be my last"),
        ("first", "~write|leave a|my note .|and|for|to"),
        ("first", "~feel like a burden"),
        ("first", "~be a burden to|on"),
        ("first", "~jump off|from ~a|the|my? bridge|building|roof|cliff|balcony|tower|window|ledge|motorway|flyover|multi|car"),
        ("first", "~walk|jump|step into|in front? of? the|a sea|river|traffic|road|canal|lake|train"),
        ("first", "in front of a|the train|bus|car|lorry|traffic"),
        ("neg", "~go to jump"),
        ("first", "~hang SELF"),
        ("first", "~noose"),
        ("first", "slit|slitting|slash|slashing ~my|his|her|their wrist|wrists|throat"),
        ("first", "~plan how|when|to|my ~die|end|kill|suicide|death"),
        ("first", "~plan how|when to do it"),
        ("first", "~have|make|get a plan to? ~die|end|kill"),
        # "dying" and "dead" are spelt out: the lookup lemma of "dying" is not "die", and "i think
        # about dying a lot" got bereavement services (a user trial, session 19).
        ("neg", "~think about|of ~die|death|dying|dead|kill|end|suicide"),
        ("neg", "~think about|of being dead|gone"),
        ("neg", "~dream|fantasise|fantasize|obsess about|of death|dying|dead|suicide"),
        ("neg", "~dream|fantasise|fantasize|obsess about|of being dead"),
        ("neg", "~think about|of not being here|alive|around"),
        ("first", "~want|wish to disappear forever?"),
        # "sometimes i wish i could just disappear" got "Sorry, I didn't get that" after the list and
        # at the worry question (a user trial, session 47): the wish said as "could", as "to" above.
        ("first", "~wish i could|can just? ~disappear|vanish forever? $"),  # never "for a week on holiday" (the review)
        ("first", "~delete SELF"),
        ("first", "everyone|everybody|they|people|family would|will be better|happier|fine|easier without me"),
        ("neg", "~talk about ~die|death|suicide|end|kill|dying"),
        ("first", "~try|attempt to? ~end|take ~my|his|her|their own? life"),
        ("first", "~want to be with my|his|her ~mum|dad|nan|grandad|gran|grandma|brother|sister in heaven"),
        ("first", "~want to be with him|her|them in heaven"),
        ("first", "~want to go to sleep forever"),
        ("first", "sleep forever"),
        ("first", "tired of living|life|existing"),
        ("first", "tired of being alive|here"),
        ("first", "if|whether i|he|she ~want to live|be"),
        ("first", "not worth living"),
        ("first", "die|dead in my|his|her sleep"),
        ("first", "stop existing"),
        ("first", "~want it all to stop|end"),
        # Said by themselves, short messages of despair got "OK, I'll stop here" ("i give up", "i want
        # it to stop"), the bot's identity ("whats the point") or "I couldn't find that school" ("i hate
        # my life" at the school question): a battery of short risk messages, session 36.
        ("neg", "i ~give up on life|everything|myself|living"),
        ("neg", "^ i just? ~want|need it|this|everything to stop $"),
        ("neg", "i hate being alive"),
        # A second battery of short messages (session 36): nothing, "Bye for now" or "OK, I'll stop
        # here" for each of these by itself. Most only as the whole message ("^"): the check question.
        ("first", "no? one|nobody|noone would|will ~miss|notice me"),
        ("first", "no? one|nobody|noone would|will ~care|notice if i died|disappeared|vanished|left|killed"),
        ("first", "no? one|nobody|noone would|will ~care|notice if i was|were|m gone|dead|not"),
        ("first", "^ kill me please? $"),  # not "kill me now, maths" (development author QD)
        ("first", "^ i am going to do it $"),
        ("first", "^ i am going to do it tonight|now|today|soon"),
        ("first", "^ going to do it tonight|now|today"),
        ("first", "^ bye|goodbye forever $"),
        ("first", "i am a burden"),
        ("first", "i feel like a burden"),
        ("first", "done with everything|life|living"),
        # Development author QD (session 36, messages of one to six words): a note, a condition.
        ("first", "^ note|notes ~be? written|done|ready|finished $"),
        ("first", "if i ~fail|lose _? _? ,? i? ~be? gone|done $"),
        ("first", "~want it to be over"),
        ("first", "~make it all stop|end"),
        ("first", "ways|way|how|methods|method to die|kill"),
        ("first", "painless way|ways|death|method|methods"),
        ("first", "death|dying|dead would|will|is|seems be? easier|better|the|a"),
        ("first", "enough to ~kill|die|overdose"),
        ("first", "not _? _? _? ~be around much longer"),
        ("first", "~be around much longer"),
        # Imminence without risk words: the means at hand, a date, a condition.
        ("first", "pills|tablets|paracetamol|rope|noose|blade|razor|knife|belt|cord in front of me"),
        ("first", "pills|tablets|paracetamol|rope|noose|blade|razor|knife _? ~be? ready|lined|laid|counted|waiting"),
        ("first", "~have|got|get|buy|bought|collect|save|saved enough pills|tablets|paracetamol|painkillers"),
        ("first", "enough pills|tablets|paracetamol|painkillers to|now|saved|stashed|hidden"),
        ("first", "~rope|noose|belt|cord|ligature in|under|behind|on|from|round my|the wardrobe|bed|bag|room|loft|garage|shed|banister|door|tree|ceiling|neck|drawer"),
        ("first", "~tie|tied|tying|make|made|making a noose|ligature"),
        ("first", "~pick|picked|choose|chose|set|decided a|the date|day"),
        ("first", "if _? _? _? _? _? i am|will ending|end|killing it|myself|everything"),
        ("first", "i am|will ending it"),
        ("first", "my last|final message|post|text|goodbye|words|note"),
        ("first", "last time _? _? _? ~hear from|of me"),
        ("first", "~step|walk|jump|lie|lay|sit on|onto|in front of the? railway|track|tracks|train|motorway"),
        # "i just need to tell someone before i do it" got nothing (development conversations G11, session 38).
        ("first", "~tell someone|somebody|anyone|you before i ~do it $"),
        ("first", "~want|wanted|need|needed someone|somebody|anyone|you to know before i ~do it $"),
        # The review, session 40: with a word after it, or a goodbye
        ("first", "~tell someone|somebody|anyone|you before i ~do it lol|tonight|now|first|today"),
        ("first", "~say bye|goodbye before i ~do it"),
    ],
    "self_harm": [
        ("first", "^ cutting $"),  # by itself ("cutting" got "Sorry, I can't help with that": session 36)
        ("first", "~hide|hiding|cover|covering the|my? marks|cuts|scars|scratches|burns"),
        ("mention", "selfharm"),
        ("first", "~cut|slice|scratch|burn|carve|punch|bite|harm|starve|bruise|strangle|choke|hit|stab SELF"),
        ("first", "~cut|slice|scratch|burn|carve|bite ~my|his|her|their arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hip|hips"),
        ("first", "when|if|until|after|unless i ~hurt|harm SELF"),
        ("first", "~cut again"),
        ("first", "~keep|be|start|stop|still|urge|addict|addicted|need|want to? cutting|cut"),
        ("first", "cutting again|myself|herself|himself|themselves"),
        ("first", "to cutting"),
        ("first", "~cut too deep"),
        ("first", "i ~cut ,|.|and|but|please|again|every|when|because|to|sometimes|when|at|most"),
        ("first", "i ~cut $"),
        ("first", "~cut on|into ~my|his|her|their arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin"),
        ("first", "~relapse on? sh|selfharm|cutting"),
        ("first", "~relapse and|again|last|."),
        ("first", "~my|on|do|doing|the|urge|urges|about|to|want|wanna sh"),
        ("first", "sh urges|scars|wounds|cuts|again|relapse|every|tonight"),
        ("first", "~find|notice|see|spot cut|cuts|scratches|burns|scars|marks on ~my|his|her|their"),
        ("first", "~find|notice|see|spot blade|blades|razor|razors|sharpener|sharpeners"),
        ("first", "~find|notice|see|spot _? blade|blades|razor|razors|sharpener|sharpeners"),
        ("first", "blades|razors hidden|under|in"),
        ("first", "cuts|scratches|burns|scars|wounds on my|his|her|their arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach"),
        ("first", "~scratch|cut|burn|mark _? _? _? on her|his|my|their arm|arms|leg|legs|wrist|wrists|thigh|thighs"),
        ("first", "my|his|her cuts|scars|wounds"),
        ("first", "fresh|new|deep cuts|scars|wounds"),
        ("first", "~hurt|harm SELF on purpose|deliberately|again|because|when"),
        ("neg", "to ~hurt|harm SELF"),
        ("neg", "~want|urge|go|keep|start|be|think|feel|need|deserve ~to|about|like|of? ~hurt|harm SELF"),
        ("neg", "hurting|harming SELF"),
        ("first", "~blade|razor|sharpener|~knife to ~cut|hurt|harm|use"),
        ("first", "my|his|her|hide|hiding|hidden blades|razors|blade|razor"),
        ("first", "~bang|hit|punch ~my|his|her head against|on|into the? wall|walls|floor"),
        ("first", "~make SELF sick|bleed"),
        ("first", "till|until it|i|my|they _? ~bleed"),
        ("first", "till|until _? _? ~bleed|bruise"),
        ("first", "stitches from|because|after cutting"),
        # Said sideways: relapse after being "clean", wound care, hiding marks, burns, neat lines.
        ("first", "NUM|a|few|one|two|three|four|five|six|seven|eight|nine|ten days|weeks|months|years|day|week|month|year clean"),
        ("first", "~be clean for|since"),
        ("first", "~break|broke|lose|lost|ruin|ruined|reset my? clean streak"),
        ("first", "barcode|barcodes|barcoding"),
        ("first", "to|hit|hitting|reached|saw beans|styro|dermis"),
        ("first", "~cut|cuts|wound|wounds _? _? ~be|go|look|turn|get infected|yellow|green|oozing|pus"),
        ("first", "~hide|hiding|hid|cover|covering|covered my|his|her|the blood|cuts|scars|burns|bruises"),
        ("first", "long sleeves in|during the? summer|heat|pe"),
        ("first", "~wear|wearing|wore long sleeves|hoodie|hoodies|jumper to? ~hide|cover"),
        # "wearing my hoodie in pe so no one sees" got nothing (development conversations G12, session 39).
        # Only with nothing seen named, or marks, arms or legs: never "so no one sees my eczema|acne|tattoo"
        # (the review, session 39).
        ("first", "~wear|keep|pull|have _? _? sleeves|sleeve|hoodie|hoodies|jumper|jumpers|bracelets _? _? _? so|then no|nobody|noone one? can|will|would|could? ~see|notice $"),
        ("first", "~wear|keep|pull|have _? _? sleeves|sleeve|hoodie|hoodies|jumper|jumpers|bracelets _? _? _? so|then no|nobody|noone one? can|will|would|could? ~see|notice my|the|her|his arms|arm|wrists|wrist|marks|cuts|scars|legs|thighs|burns"),
        ("first", "~wear|keep|pull|have _? _? sleeves|sleeve|hoodie|hoodies|jumper|jumpers|bracelets _? _? _? so|then no|nobody|noone one? can|will|would|could? ~see|notice them|what"),
        ("first", "~wear|keep|pull|have _? _? sleeves|sleeve|hoodie|hoodies|jumper|jumpers|bracelets _? _? _? so my|the? mum|dad|parents|people|anyone do|does|will|can|would not ~see|notice $"),
        ("first", "blood on|in my|his|her|the tissues|towel|towels|sleeves|sleeve|bin"),
        ("first", "~hold|held|holding|press|pressed|put the|a? lighter|flame|cigarette|iron|spoon|kettle to|against|on my|his|her skin|arm|arms|hand|wrist|leg|legs|thigh|thighs"),
        ("first", "lighter|cigarette burns|burn|marks"),
        ("first", "linear|parallel|neat|straight|regular|even cuts|lacerations|marks|scratches|wounds|scars"),
        ("first", "superficial cuts|lacerations|wounds|scratches"),
    ],
    "danger_overdose": [
        # Stopping one's own insulin or other medicine on purpose: "if i stopped my insulin completely
        # how long would it take" got the privacy answer (development conversations G12, session 39).
        # Only how long it would take, or how long one would last, or dying: never "how long until i feel
        # normal", "how long before i should take it" (the review, session 39). Skipping on purpose: insulin.
        ("first", "if i ~stop|skip|quit|miss taking? my? insulin|injections|meds|medication|tablets _? _? how long would it take $"),
        ("first", "if i ~stop|skip|quit|miss taking? my? insulin|injections|meds|medication|tablets _? _? how long would it take to die"),
        ("first", "if i ~stop|skip|quit|miss taking? my? insulin|injections|meds|medication|tablets _? _? how long till|until|before i die|d"),
        ("first", "if i ~stop|skip|quit|miss taking? my? insulin|injections _? _? how long would|will|could i last|survive|have"),
        ("first", "if i ~stop|skip|quit|miss taking? my? insulin|injections|meds|medication|tablets _? _? will|would|could i die"),
        ("first", "how long would|will|does it take to die if i ~stop|skip|quit|miss"),
        ("neg", "~stop|skip|quit|miss taking? my|her|his insulin|injections on purpose|deliberately"),
        ("neg", "~stop|skip|quit|miss taking? my|her|his? insulin|injections to lose weight"),
        ("neg", "~stop|skip|quit taking? my _? insulin|meds|medication|tablets _? _? to see what happens"),
        ("mention", "overdose"),
        ("first", "i _? _? overdose"),
        ("first", "~take|have an overdose"),
        ("first", "overdose on|last|tonight|again|earlier"),
        ("mention", "~take|swallow|have|eat|down|neck _? " + LOTS + " _? _? _? _? " + PILLS),
        ("mention", "~take|swallow|have|down|neck _? " + LOTS + " _? _? " + PILLS),
        ("mention", "~take|swallow|have|down|neck _? " + LOTS + " " + PILLS),
        ("mention", "~take|swallow|have|down|neck all ~my|his|her|the|of " + PILLS),
        ("first", "~take|swallow|steal _? _? _? sleeping pill|pills|tablets"),
        ("first", "took|taken|swallowed something"),
        # Development conversations G7 (session 32): "had 2 bottles of wine and 8 of my sertraline
        # cos i couldnt sleep" got the check question only; the verb stood six words from the pills.
        ("mention", "took|had|swallowed|downed|necked|taken _? _? _? _? _? _? NUM of my|his|her|the _? " + PILLS),
        ("first", "~take|swallow pills|tablets|meds|paracetamol and|an|earlier|ago|to|last|this|tonight|NUM"),
        ("first", "alcohol|vodka|drink|drunk|drank|wine|beer|booze _? _? _? _? ~take _? pills|tablets|meds"),
        ("first", "~mix|take|drink|swallow _? _? _? _? _? on purpose"),
        ("first", "how many|much " + PILLS + " ~do|would|will|to|can|does|is|it _? _? _? ~kill|die|dead|lethal|fatal|deadly|overdose|death"),
        ("first", "how many|much " + PILLS + " ~be|would lethal|fatal|deadly|too"),
        ("first", "how many|much _? _? ~kill|to die|lethal|fatal|deadly|overdose"),
        ("mention", "lethal|fatal"),
        ("first", "lethal|fatal|deadly dose|amount|number"),
        # "how many paracetamol would it take" got only the check question, and "no just asking" a
        # list of services (a user trial, session 20): a question about the means is the crisis reply.
        ("first", "how many|much " + PILLS + " would|will|does|do|to|can|could it? ~take|kill|overdose|die"),
        # "How many of my antidepressants would it take" got only the check question (development
        # conversations G14, session 40)
        ("first", "how many|much of my|the|those|these|her|his|mums|dads|our " + PILLS + " would|will|does|do|to|can|could it? ~take|kill|overdose|die"),
        ("first", "how many|much " + PILLS + " ~be|would|will _? _? lethal|deadly|fatal"),
        ("first", "what happens if|when i|you take|swallow|eat|have _? " + LOTS + " _? _? " + PILLS),
        ("first", "what happens if|when i|you take|swallow|eat|have _? " + LOTS + " _? " + PILLS),
        ("first", "what happens if|when i|you take|swallow|eat|have _? " + LOTS + " " + PILLS),
        ("first", "~save|stash|stockpile|hoard|collect _? _? pills|tablets|meds|paracetamol"),
        # "been stockpiling my sertraline for a few weeks" got only the check question (development
        # conversations G5, the whole bot, session 38): any medicine by name.
        # "neg": never "im not stockpiling my meds dont worry" (the second review).
        ("neg", SAVING_MEDICINE),
        ("first", "stash|stockpile|supply of pills|tablets|meds"),
        ("first", "bottle|packet|packets|box of pills|tablets|paracetamol"),
        ("first", "~drink|swallow bleach|antifreeze|poison|chemicals"),
        ("first", "~stand|sit on|at the? edge|bridge|roof|rooftop|ledge|cliff|platform|tracks"),
        ("first", "on the train|railway tracks|track|line|lines"),
        ("first", "on the tracks|railway"),
        ("first", "~be on a|the bridge|roof|rooftop|ledge|edge|cliff|tracks"),
        ("first", "~have|get|hold a|the knife|blade|rope|gun|pills to|and|in|right"),
        ("first", "PERSON ~have|pull|wave|hold|get a|the knife|gun|weapon"),
        # "i had a knife, its for protection ppl after me" got the privacy answer (session 20)
        ("first", "knife|blade|weapon|machete for protection"),
        ("first", "~carry|carrying|carried a|my knife|blade|machete"),
        ("first", "people|ppl|gang|olders|boys|men after me|us"),
        ("first", "people|ppl|gang|olders|boys|men|someone|somebody|they ~be after me|us"),
        ("first", "~use _? _? on SELF"),
        ("first", "~be in danger"),
        ("first", "~be not safe right? now|tonight|today"),
        # "im not safe", "i dont feel safe", "not safe", "unsafe" said by themselves got "Sorry, I didn't
        # get that" as a first message and at every question (a trial, session 36): the intent
        # classifier read them as the answer "not safe", and nothing else fired outside a safety question.
        ("first", "i ~be not safe"),
        ("first", "i ~be unsafe"),
        ("first", "i ~feel unsafe"),
        ("first", "i do not ~feel safe"),
        ("first", "not sure i|if|that i? ~be|feel safe"),
        ("first", "^ not safe $"),
        ("first", "^ unsafe $"),
        ("first", "not safe at all"),
        # "i need an ambulance", "call the police", "im scared", "please help me", "i need help now" by
        # themselves (a battery of short risk messages, session 36): the check, with 999.
        ("first", "^ please? i? need|want|get|call|ring me? an? ambulance"),
        ("first", "^ please? call|ring|get|phone the? police|cops|999"),
        ("first", "^ i? need|want the police|cops"),
        # Development author QD (session 36)
        ("first", "^ i? took|taken|swallowed NUM $"),
        ("first", "^ theres|there is|s|'s? blood $"),
        ("first", "^ theres|there is|s|'s? blood everywhere"),
        ("first", "^ i can|ca not breathe $"),
        ("first", "^ i can|ca not breathe help|please"),
        ("first", "^ sos $"),
        ("first", "~swallow|take|took|down|neck the|a|my|his|her|whole? " + PILLS + " box|packet|packets|bottle|strip"),
        ("first", "how many|much " + PILLS + " ~kill|kills|killed"),
        ("first", "^ xan|xans|xanax|benzo|benzos|valium|diazepam and|with|n|+ drink|alcohol|vodka|booze|drinking"),
        ("first", "took|taken|had|necked|popped|done xan|xans|xanax|benzo|benzos|valium|diazepam and|with|n|+ drink|alcohol|vodka|booze|drinking"),
        ("first", "phone on? _ % help"),
        ("first", "phone _? dying help"),
        ("first", "not safe anymore|here|rn|now"),
        ("first", "not keep SELF safe"),
        ("first", "sure i|if|that? can keep SELF safe"),
        # "i dont think i can keep myself safe tonight", "can't promise i'll stay safe" (2026-12-02:
        # after an opening-times question in the same message, neither the lexicon nor the model fired).
        ("first", "not think|know|believe|reckon|promise|sure _? _? can|could|will keep SELF safe"),
        ("first", "not think|know|believe|reckon|promise|sure _? _? can|could|will stay safe"),
        ("first", "not keep|stay safe right? now|tonight|today"),
        ("first", "~bleed a lot|loads|badly|heavily"),
        ("first", "~stop bleeding"),
        ("first", "unconscious|unresponsive|slurring"),
        ("first", "not breathing"),
        ("first", "can not wake ~him|her|them|up"),
        ("first", "~stab|shoot me|him|her"),
        ("first", "~shoot SELF"),
        ("first", "blow my|his|her brains out"),
        ("first", "~have|get|buy|own|access _? _? a|the gun|guns|firearm|rifle"),
        ("first", "pick up the gun"),
        ("neg", "~swallow _? pills|tablets"),
        ("first", "popping pills|tablets|meds"),
        ("first", "~pop _? pills|tablets"),
        ("first", "pills|tablets _? _? _? _? _? gin|vodka|alcohol|whiskey|booze|wine|beer"),
        ("first", "i would be gone|dead"),
        ("first", "~threaten to ~stab|kill|hurt|hit|beat|shoot|burn me|us|him|her|my"),
        ("first", "~threaten me|him|her|us"),
        ("first", "~go|want|will to? ~stab|shoot me|us|him|her"),
        ("neg", "~want|go|urge|think about? to? ~hurt|stab|attack someone|somebody|people|others|him|her|them"),
        ("first", "voices|voice ~tell me to"),
    ],
    "abuse": [
        # Development author QD (session 36): few words, no obvious ones.
        ("first", "PERSON forced|forces|forcing me $"),
        ("first", "PERSON forced|forces me to ~have|do|touch it|things|stuff|sex|him|her"),
        ("first", "PERSON ~do things|stuff to me"),
        ("first", "PERSON does things|stuff $"),
        ("first", "belt|cable|wire|stick|slipper|buckle marks|bruises|welts"),
        ("first", "bruises|marks|welts from|off the|a|his|her? belt|cable|wire|stick|buckle"),
        ("neg", "PERSON _? _? ~hit|beat|punch|kick|slap|choke|strangle|burn|hurt|abuse|touch|rape|molest|assault|whip|belt|batter|grab|throw|push|starve me|us|him|her"),
        ("neg", "PERSON _? ~hit|beat|punch|kick|slap|choke|strangle|burn|hurt|abuse|touch|rape|molest|assault|whip|belt|batter|grab|throw|push|starve me|us|him|her"),
        ("neg", "PERSON ~hit|beat|punch|kick|slap|choke|strangle|burn|hurt|abuse|touch|rape|molest|assault|whip|belt|batter|grab|throw|push|starve me|us|him|her"),
        ("mention", "~abuse|abused|abusing|abusive|abuser"),
        ("first", "~rape|raped|molest|molested|assault|assaulted"),
        ("first", "sexual|sexually ~abuse|abused|assault|assaulted|touch|touched|harass|harassed|things|stuff|acts|pictures|messages"),
        ("first", "something|anything|things sexual"),
        ("first", "explicit|sexual|dirty|inappropriate messages|pictures|photos|pics|videos|texts|images"),
        ("first", "~touch me|him|her|my where|inappropriately|down|private|privates|there"),
        # "she say boys at school touch her and she not want go back" got the services for not going
        # to school (a user trial, session 48): boys or men who touch or grope her or him, or keep
        # touching the speaker, with only where or how often between, never denied ("the boys wont
        # even touch me at football", "why dont the boys touch me", "i like it when boys touch me": the
        # two reviews, session 48).
        ("neg", "boys|lads|men|man|guys|guy at|on|in? the|my|her|his? school|bus|class|college|train|park? ~keep|always|try|kept? to? ~touch|grope|groping|groped her|him $"),
        ("neg", "boys|lads|men|man|guys|guy at|on|in? the|my|her|his? school|bus|class|college|train|park? ~keep|always|try|kept? to? ~touch|grope|groping|groped her|him and|but|so|when|at|in|on|all|every|there"),
        ("neg", "boys|boy|lads|lad|men|man|guys|guy at|on|in? the|my|her|his? school|bus|class|college|train|park? ~keep|always|try|tried|kept to? ~touch|grope|groping|groped me"),
        # (never kids, and a boy's touch on the arm only when groped: "my hamster bites when the kids try
        # to touch him", "a boy touched me on the arm in class": the third review)
        ("neg", "men|man|guys|guy|lads at|on|in? the|my|her|his? school|bus|class|college|train|park? grope|gropes|groping|groped|touched me"),
        ("neg", "boys|boy at|on|in? the|my|her|his? school|bus|class|college|train|park? grope|gropes|groping|groped me"),
        # "he does stuff to me i dont like" (a user trial, session 20: only the check question)
        ("first", "PERSON does|do|did|doe stuff|things to me"),
        ("first", "~say|tell _? _? normal for? what we ~do"),
        ("first", "~touch my|his|her private|privates|body|chest|bum"),
        ("first", "~make|force me|him|her|us to? ~carry|sell|deliver|hold|touch|watch|undress|send"),
        ("first", "~make|force|pressure me|him|her|us to? do things|stuff"),
        ("first", "things|stuff i|he|she|they do|does not ~want"),
        ("first", "~tell|say|ask me|him|her|us not to tell"),
        ("first", "~tell|say|ask _? _? not to tell"),
        ("first", "~be|feel terrified|scared|afraid|frightened to say no"),
        ("first", "keep it|this a? secret"),
        ("first", "~kill|hurt|hit|beat me|him|her|us if i|you|he|she ~tell"),
        ("first", "~follow me|him|her home"),
        ("first", "~know where i|he|she|we live"),
        ("first", "~be scared|afraid|frightened|terrified of my|his|her ~dad|mum|mom|stepdad|stepmum|uncle|brother|father|mother|boyfriend|partner|carer"),
        ("first", "domestic violence|abuse"),
        ("neg", "~hit|beat|punch|hurt|abuse|kick|slap|choke|strangle|injure ~my|his|her|our ~mum|mom|dad|mother|father|sister|brother|son|daughter|child|kid|kids|children"),
        ("first", "do|does|did not|never ~feed me|us|him|her"),
        ("first", "no food at|in home"),
        ("first", "no food in the house"),
        ("first", "~lock me|him|her|us in|out"),
        ("first", "~leave me|us|him|her alone for days|all"),
        ("first", "secret and|about|that|between _? ~touch|hurt"),
        ("first", "~have sex with me|him|her"),
        ("first", "~be abusing|touching me|him|her|us"),
        ("first", "~get|be beaten|abused|attacked|assaulted"),
        ("first", "beaten|beat up"),
        ("first", "~give me|him|her bruises|marks|black"),
        ("first", "~give me|him|her a black eye"),
        ("first", "bruises|bruise|marks|injuries from ~my|his|her PERSON"),
        ("first", "~come home with|covered bruises|marks|injuries|cuts"),
        ("first", "PERSON ~be|'s|get|can be? violent|aggressive"),
        # Sexual abuse in euphemism, and not knowing what happened.
        ("first", "~come|creep into my|her|his room|bedroom|bed _? _? _? _? ~touch|feel|rub"),
        ("first", "~wake|woke|waking up _? _? _? naked|undressed"),
        ("first", "~wake|woke|waking up _? _? _? without|no my? clothes|trousers|knickers|underwear|pants|top"),
        ("first", "~spike|spiked my|her|his? drink|drinks"),
        ("first", "~be|get|got spiked"),
        ("first", "not remember _? _? _? _? _? party|drink|drinking|drunk|him|them"),
        ("first", "~make|made|force|forced me|her|him to? touch|kiss|suck|lick"),
        ("first", "~touch|touching|touched _? _? down there"),
        ("first", "~hurt|hurts|sore|bleeding down there"),
    ],
    "grooming_online": [
        ("first", "~want|wants to? meet me? up? alone|secretly|privately"),
        ("first", "~ask|asked|asks|asking _? _? for? my? bra size"),
        ("first", "~groom me|him|her|them|us"),
        ("first", "~be|get groomed"),
        ("first", "grooming"),
        ("first", "~ask|want|keep|make|pressure|force _? _? for|to? ~send|me? nudes|nude|pics|pictures|photos|picture|photo|videos|naked"),
        ("first", "nudes|nude|naked pics|photos|pictures|videos|selfies|picture|photo|of"),
        ("first", "nudes"),
        ("first", "sextortion"),
        ("first", "~threaten|go|will to? ~share|post|send|leak|show|spread|expose _? _? pics|pictures|photos|nudes|videos|picture|photo|video|me"),
        ("first", "~blackmail"),
        ("first", "~meet up? with? an? older _? _? _? online|from|i|he|she|who"),
        ("first", "older man|men|guy|guys"),
        ("first", "online boyfriend|girlfriend|bf|gf"),
        ("first", "boyfriend|girlfriend|bf|gf ~be|who ADULTNUM"),
        ("first", "someone|somebody|man|guy|person|stranger online _? _? ~ask|want|keep|threaten|send|message|meet"),
        # Said sideways: an adult's "favourite", secrecy, gifts, meeting alone, threats to share images.
        ("first", "his|her favourite|special girl|boy|friend"),
        ("first", "mature for my|her|his|your age"),
        ("first", "secret phone|snapchat|snap|account|number|relationship|boyfriend|girlfriend"),
        ("first", "secret|special|tickle|naughty game|games"),
        ("first", "our little secret"),
        ("first", "~be our secret"),
        ("first", "said|says|told me? do not tell your|ur parents|mum|mom|dad|family"),
        ("first", "coach|tutor|teacher|manager|instructor|older|man|guy|adult _? _? _? ~buy|give|send|get me|her|him _? gifts|presents|money|vapes|trainers|phone|clothes|alcohol|weed"),
        ("first", "~meet|meeting me|her|him alone"),
        # "he said hed buy me the new iphone if i do one more of the videos he likes" got only the check
        # question (development conversations G12, session 39).
        # Only pictures he wants, nudes, or pictures of oneself: never "my nan said she'll give me £5 if i send
        # her pics of the puppy" (the review).
        ("first", "~buy|give|get|pay|send|promise|offer|top me|her|him _? _? _? _? if i|she|he ~do|send|make|film _? _? _? _? pics|pic|pictures|picture|photos|photo|videos|video he|she|they likes|like|wants|want|asked|asks"),
        ("first", "~buy|give|get|pay|send|promise|offer|top me|her|him _? _? _? _? if i|she|he ~send|do|make|film _? _? _? nudes|nude|selfies|feet"),
        ("first", "he|she|they|someone|somebody|guy|man _? _? _? ~send|give|pay|offer me|us _? _? for nudes|feet|pics|pictures|photos|videos of me|myself"),
        # Game money for pictures: "he gives me vbucks if i send him pics".
        ("first", "~give|send|pay|get|buy|offer me|her|him _? vbucks|robux|skins|giftcards|giftcard _? _? if|for i|she|he? ~send _? _? pics|pic|photos|photo|pictures|picture|videos|video"),
        ("first", "~meet|meeting up? _? _? _? from|off online|discord|snapchat|snap|instagram|insta|tiktok|roblox|fortnite|omegle"),
        ("first", "~meet|met|meeting _? _? _? _? i|we|she|he ~meet|met|know|talk|talked|chat online"),
        ("first", "~send|share|post|leak|show|expose _? _? pics|pictures|photos|nudes|videos|video|photo|picture|them _? _? _? unless"),
        ("first", "unless i|she|he|we|you ~pay|send"),
        ("first", "~pay|give him|her|them _? _? _? or he|she|they will? ~send|share|post|leak|show|expose"),
        ("first", "~want|demand|ask|asking|wants _? _? money|£|giftcards|gift|bitcoin|crypto|vbucks|robux or|otherwise|unless"),
        ("first", "~ask|asked|asking|want|wants me|her|him to ~undress|strip"),
        ("first", "on camera|webcam|cam|facetime _? _? _? ~undress|strip|naked"),
    ],
    "exploitation": [
        # County lines in few words (development author QD, session 36): "going OT for them".
        ("first", "go|going|gone|went ot|o.t. for them|olders"),
        ("first", "ot|o.t. for the|a|my|some olders|gang|elders|dealers"),
        ("first", "~run|running for a|the|some? gang|olders|dealer|dealers"),
        ("first", "~owe|owes|owed|owing a|the|some? dealer|dealers|olders|gang"),
        ("first", "~make|force me|him|her|us to? _? drugs|sex|weed|packages|parcels"),
        ("first", "drugs to sell|deliver|carry|hold|take"),
        ("first", "~take|deliver|carry|drop|move packages|parcels|drugs"),
        ("first", "county lines"),
        # "i make more money with them doing drops" got the suicide reply (session 20)
        ("first", "~do|doing|did drops"),
        ("first", "~do|doing|did runs for them|olders|elders|him"),
        # County lines and debt bondage, said the way it is lived.
        ("first", "i|we|she|he ~owe them|those|olders|elders|dealer|dealers|gang"),
        ("first", "~work|pay|paying off the|my|his|her? debt|debts"),
        ("first", "debt|debts to|with them|older|olders|elders|dealer|dealers"),
        ("first", "~make|force me|him|her|us to? ~stash|drop|bottle|plug"),
        ("first", "trap house|phone|line"),
        ("first", "cuckooing|cuckooed|county|country line|lines"),
        ("first", "~go|going|gone|send|sent|sending country|cunch|ots"),
        ("first", "~hold|hide|stash|carry|keep _? _? _? for the? olders|elders|dealer|dealers|gang|mandem"),
        ("first", "~get|got|be robbed _? _? _? ~owe"),
    ],
    "forced_marriage_fgm": [
        ("first", "forced|force|forcing|arranged to? ~marry|marriage"),
        ("first", "~force|make|pressure _? _? _? _? to? ~marry|marriage|wedding|engaged|nikah"),
        ("first", "~marry|married my? cousin|stranger"),
        ("first", "~marry|married _? older man|guy"),
        ("first", "~take|send|sending|sent me|her|him|us abroad|back _? _? _? _? _? ~marry|marriage|wedding|engaged|cut|cutting|cousin|husband|wife"),
        ("first", "~take|send|sending|sent me|her|him|us to pakistan|bangladesh|india|somalia|sudan|egypt|nigeria|gambia|yemen|afghanistan|kenya|ethiopia|iraq|guinea|mali|eritrea|djibouti _? _? _? _? _? ~marry|marriage|wedding|engaged|cut|cutting|cousin|husband|wife"),
        ("first", "fgm|khatna|khafd|gudniin|infibulation"),
        ("first", "female genital"),
        ("first", "~cut down there"),
        ("first", "girl|girls|daughter|sister|her|me _? _? ~circumcise|circumcised|circumcision"),
        ("first", "honour|honor based|killing|crime|violence"),
    ],
    "eating_disorder_danger": [
        ("first", "~faint|collapse"),
        ("first", "~pass|black out"),
        ("first", "not ~eat|eaten _? _? for|in NUM|days|a|weeks|ages"),
        ("first", "~eat|eaten|had|drunk nothing|hardly|barely|only _? _? _? for|in NUM|days|weeks|a"),
        ("first", "chest ~pain|pains|hurts|hurting|tight|tightness"),
        ("first", "~vomit|throw|throwing|sick|puke|spit|spitting|cough|coughing up? _? _? blood"),
        ("first", "blood in|when|after my? ~vomit|sick|puke"),
        ("first", "~take|taking|took|use|using|abuse|abusing|on _? _? _? laxative|laxatives|diuretics|dulcolax|senokot|ipecac"),
        ("first", "diet|water|slimming pills"),
        ("first", "purging"),
        ("first", "~purge after|every|again"),
        ("first", "~weigh|weight|weighing|down|bmi _? _? LOWWEIGHT"),
        ("first", "still not small|thin|skinny|light enough"),
        # Development conversations G6 (session 31): "day 5 no food 💪", then "went really shaky on the
        # bus and saw black spots"; "i only eat an apple a day but i dont think thats related lol".
        ("first", "day NUM no|without food|eating"),
        ("first", "NUM days no|without food|eating"),
        ("first", "~see|saw|seeing black spots|dots"),
        ("first", "only ~eat|have|had an|one|1 apple|yoghurt|yogurt|banana|cracker|orange a|per day"),
    ],
    "psychosis_harm": [
        ("first", "tv|telly|radio|walls people|voices|man|woman|men? ~say|tell|talk me? to? ~die|kill|hurt"),
        ("first", "~hear voices|voice ,? _? _? knife|knives|blade|weapon"),
        ("first", "voice|voices _? _? _? ~tell|say|want|make|order|command|keep _? _? to? ~hurt|kill|stab|harm|attack|punish|drown|burn|poison|strangle"),
        ("first", "~demon|devil|spirit|jinn|djinn|voice|voices in my|his|her head"),
        ("first", "something|someone in my head ~tell|want|say|make|order"),
        ("first", "~hear|hearing voices|voice _? _? _? _? ~hurt|kill|stab|harm|attack|brother|sister|neighbour|baby"),
        # A parent: "saying the neighbours are putting chips in his food and that he needs to 'deal
        # with' them… Last night I found him sharpening a kitchen knife in his room" got only the
        # check question (development conversations G5, session 38). A knife sharpened in a bedroom,
        # or to deal with someone; never the kitchen knives sharpened on a Sunday.
        # Someone else's room: "sharpening a blade in my room for when i cut" is self-harm (the second review).
        ("first", "~sharpen|sharpening a|the|his|her|my? kitchen? knife|knives|blade _? _? in his|her|their|the room|bedroom"),
        ("first", "~sharpen|sharpening a|the|his|her|my? kitchen? knife|knives|blade _? _? to ~deal with"),
        ("first", "~sharpen|sharpening a|the|his|her|my? kitchen? knife|knives|blade _? _? to ~sort them|him|her out"),
        ("first", "~sharpen|sharpening a|the|his|her|my? kitchen? knife|knives|blade _? _? to ~get them|him|her before|first|back"),
    ],
    "unsafe_home": [
        ("first", "^ i? ran away $"),
        ("first", "^ i? ran away and|now|tonight|last|again|from"),
        ("first", "~run away from home"),
        # A foster carer's "she keeps running away from placement" got the parent's general reply, with
        # PAPYRUS and no Runaway Helpline (a user trial, session 47); never "running away from his problems".
        ("first", "~run away from my|his|her|their|the? placement|placements|care|carers|foster|school"),
        ("first", "~run away from the childrens|children home"),
        ("first", "i|he|she|they ~keep ~run away $"),  # never "my dog keeps running away"
        ("first", "i|he|she|they ~keep ~run away from home|placement|care|carers|foster|school"),
        # Nowhere to sleep, said in passing (session 10, development author R1).
        ("neg", "~sleep|sleeping|slept at|in|on the park|streets|street|stairwell"),
        ("neg", "~be|live|living|sleep|sleeping on the streets"),
        ("neg", "~sleep|sleeping rough"),
        ("first", "nowhere to ~sleep|stay|live"),
        ("first", "can|could i ~stay somewhere tonight"),
        ("first", "~sleep|sleeping|staying|stay at|on _? or wherever"),
        ("neg", "~move|moved|live|living|stay|staying|be into|in a|the refuge"),
        ("first", "~run away again|tonight|today|forever|and|for|now|soon"),
        ("neg", "~want|go|plan|think|about|will to? ~run away"),
        ("neg", "to ~run away"),
        ("first", "~have|already run away"),
        ("first", "~run off after|and|last|again"),
        ("first", "~have gone|run|go missing"),
        ("first", "~go missing"),
        ("first", "~be missing since|for|overnight|all"),
        ("first", "not|never come|coming home|back"),
        ("first", "not answering|picking"),
        ("first", "not ~feel|be safe at|in home|my"),
        ("first", "not safe at|in home|my"),
        ("first", "unsafe at|in home|my"),
        ("first", "home|house ~be not safe"),
        ("first", "~be|feel scared|afraid|frightened|terrified to go back? home"),
        ("first", "~be|feel scared|afraid|frightened|terrified of going back? home"),
        ("first", "~be|feel too? scared|afraid|frightened|terrified to go back? home"),
        ("first", "~kick|throw|chuck me|him|her|us out"),
        ("first", "~kick|throw|chuck out of|from home"),
        ("first", "~be|get kicked|thrown|chucked out"),
        ("first", "~homeless"),
        ("first", "nowhere to ~sleep|stay|live|go"),
        ("first", "sofa|couch surfing"),
        ("first", "~sleep rough"),
        ("first", "~sleep on the street|streets"),
        ("first", "~sleep in a|the park|car|tent|doorway"),
        # The review of session 32: "kicked out of work" is no longer unsafe by itself, and these
        # came after it ("im sleeping in my car", "dad says im not welcome at home anymore").
        ("first", "~sleep|sleeping|living in my|our|his|her|mums|dads car|van"),
        ("first", "not welcome at|in home|house"),
        ("first", "not welcome at|in the|my|our|his|her|dads|mums home|house"),
        ("first", "~do not ~want to go home"),
        ("first", "rather ~sleep _? than ~come|go home"),
        ("first", "~hide in|from my|the|his|her room|bedroom|bathroom|wardrobe|cupboard|dad|mum|stepdad"),
        ("first", "PERSON ~be drunk and"),
        ("first", "drunk and violent|aggressive|hits|hitting|smashing|scary|throws|throwing"),
        ("first", "not know where i am"),
        # "im lost and its dark" from a 12-year-old got nothing (development conversations G5, session 31)
        ("first", "i am|got lost and|,? it|its 's|is? really|getting|so? dark"),
        ("first", "i am|got lost and|,? my phone ~be|has? dying|died|about"),
        ("first", "~walk out last night"),
        # Nowhere safe tonight, or violence happening now.
        ("first", "~sleep|sleeping|slept in|on|at a|the stairwell|stairs|stairway|bus|station|street|streets|bench|underpass|alley"),
        ("first", "~be following|followed me|us|her|him home|around|from|down|everywhere|again|and"),
        ("first", "someone|somebody|man|guy|men|car|van|people ~be following"),
        ("first", "not go home|back tonight"),
        ("first", "~be|keep hitting|hurting|smashing|attacking|beating|kicking|strangling|choking|punching _? _? _? _? right|rn|now"),
        ("first", "smashing|throwing|breaking things|stuff|plates|everything"),
        ("first", "~lock SELF in"),
        # Violence at home happening now, typed in a hurry (development conversations G11, session 38):
        # "stuff smashing", "im in my wardrobe with my little brother". Not "in the closet" (coming
        # out), not "in the cupboard with my brother playing hide and seek" (the review).
        ("first", "^ things|stuff|stuffs|plates|glass|glasses ~be? smashing|flying|breaking $"),
        ("first", "i can|could hear glass|things|stuff|plates smashing|breaking"),
        ("first", "i am in|inside|under my|the wardrobe|cupboard|bed with my little|baby|younger brother|sister|brothers|sisters|siblings"),
        ("first", "me and my little|baby|younger? brother|sister ~be hiding? in|inside|under my|the wardrobe|cupboard|bed"),
        ("first", "~hide under|inside my|the bed|wardrobe|cupboard|stairs"),
    ],
    # Despair or fear in a few words, and help asked for by itself (batteries of short messages,
    # session 36): the check question, never the crisis reply from these words alone
    # (signposting/risk_decision.py CHECK_ONLY_CATEGORIES): "im 16 and i hate myself" got it.
    "distress": [
        # Stopping one's medicine on purpose: the check question (the second review, session 39: "ive
        # stopped my meds on purpose" lost the check; "…because they make me sick" is no plan).
        ("neg", "~stop|skip|quit|miss taking? my meds|medication|tablets|pills on purpose|deliberately"),
        ("first", "if i ~stop|skip|quit|miss taking? my? insulin|injections _? _? how long $"),
        ("neg", "^ ok|okay|fine? i give up $"),
        ("neg", "^ so? what|whats|wat s|'s|is? the point $"),
        ("neg", "what is the point in|of living|life|anything|trying|going"),
        ("neg", "i hate my life"),
        ("first", "^ i? am? not ok|okay|alright $"),
        ("first", "^ i just|really? hate myself so? much? $"),
        ("first", "^ i am worthless|nothing|pathetic $"),
        ("first", "^ everyone|everybody hates me $"),
        ("first", "^ no? one|nobody|noone cares $"),
        ("first", "tired of it all"),
        ("first", "^ nothing helps|works $"),
        ("first", "^ its|it is|s|'s? over $"),
        ("first", "^ i just|really? can|ca not cope $"),
        ("first", "can|ca not cope anymore"),
        ("first", "^ i? ~be? so|really|very? scared|frightened|terrified $"),
        ("first", "^ i? need help right? now|asap|urgently|quick|quickly|fast please? $"),
        ("first", "^ please? help|helpp|helppp|heelp|hellp|halp me|us? please? $"),
        # Passive wishes not to go on, found in development conversations G2 that never got crisis
        # help (session 38): alone the check question, and as distress a later "honestly that's the
        # plan" escalates. The first two are finality too (below): the crisis reply after distress.
        # Only "literally no one" or "no one left": "Here I have no one" (an everyday worry) is not.
        ("first", "i could|can|would|will|might just? ~disappear|vanish and no|nobody|noone one? would|will|'d|wud notice|care|miss"),
        ("first", "not even? ~do another day|week|month|year|night of this $"),
        ("first", "i have got? literally|absolutely|genuinely no|nobody|noone one? $"),
        ("first", "i have got? no|nobody|noone one? left $"),
    ],
    # Finality without risk words: alone, nothing; after earlier distress in the same
    # conversation, the crisis reply (signposting/risk_decision.py).
    "finality": [
        ("first", "~make|made my decision|choice"),
        ("first", "made up my mind"),
        ("first", "~make|made my mind up"),
        ("first", "my mind is made up"),
        ("first", "everything|everythings|all 's|is|~be sorted|organised|arranged|ready|planned"),
        ("first", "not|never ~be anywhere|around on|by|after|next|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this"),
        ("first", "~look after|take care of|feed|walk my ~cat|dog|pet|rabbit|hamster|fish|guinea|tortoise|snake|bird"),
        ("first", "~tell my ~mum|dad|mom|family|sister|brother|nan|friends|parents i|that _? love|sorry"),
        ("first", "all ~be over soon|tonight|tomorrow"),
        ("first", "thank|thanks you? for everything"),
        ("first", "goodbye|bye everyone|everybody|all|forever|world"),
        ("first", "this is goodbye"),
        ("first", "~hear|see from|of me again"),
        ("first", "~be at peace|free soon"),
        ("first", "ready to go"),
        ("first", "done|gone for good"),
        # "i'm done" by itself after distress (development conversations G2); alone it is as often
        # "finished" (development answers D3, D10 to "What would you like to do next?": a goodbye).
        ("first", "^ i am done $"),
        ("first", "~sort|sorted out my stuff|things|affairs|will"),
        ("first", "~delete|deleted|deleting all? my accounts|socials|account|photos|messages"),
        ("first", "~miss|remember me"),
        ("first", "sorry for everything"),
        ("first", "love you all"),
        # After distress (development conversations G2, session 21): "i'll be with mum soon" after
        # "my mum died", "ill save them the paperwork", "see ya never", "i'm not doing another week".
        ("first", "~be with my? mum|mam|mom|dad|nan|nanny|nana|gran|grandma|grandad|grandpa|brother|sister|him|her|them soon"),
        ("first", "save them|everyone|everybody|you the? paperwork|bother|hassle|trouble"),
        ("first", "see ya|u never"),
        ("first", "see you never ."),
        ("first", "not ~do another day|week|month|year|night of this ."),
        ("first", "~do|go for? it tonight? while|when|once everyone|everyones|everybody|they|theyre|mum|dad|mums|dads ~be? asleep|sleeping"),
        ("first", "i'll|ill|will show them ."),
        ("first", "and i meant it"),
        ("first", "~say bye|goodbye to someone|somebody who|whod|who'd|that|before|."),
        # After distress (development conversations G11, session 38): "before i go" after "just want
        # people to have my stuff before" (only as the whole message: never "before i go, is this
        # private?"); "nvm im just gonna do it" after a sextortion threat (only after giving up:
        # "ok im just gonna do it" is as often telling someone something, the review).
        ("first", "^ before i go ."),
        ("first", "^ nvm|nevermind i am|will just? going? to? do it $"),
        ("first", "^ never mind i am|will just? going? to? do it $"),
        ("first", "^ nvm|nevermind imma just? do it $"),
        ("first", "~tell someone|somebody before ."),
        # After distress (development conversations G12, session 39): "started again after the funeral"
        # after "wearing my hoodie in pe so no one sees" got "OK, let's start again".
        # Never "start again", a request (the review, session 39): only "started", or with its subject.
        ("first", "^ started again $"),
        ("first", "^ started again after|since|last|this|tonight|today|yesterday"),
        ("first", "^ it|its 's|has|is? started|starting again"),
        ("first", "^ i have? started again $"),
        # Session 22: "not like anyone will notice when im gone" typed to "Are you safe right now?"
        # (a held-out are-you-safe author, A4) got neither reply; the models scored it below 0.01.
        ("first", "when|after|once|if i ~be gone"),
        # After distress (development conversations G14, session 40): a pupil who asked "if I would
        # look after her bracelets 'for good'" (things given away), and "does the fast train stop at
        # hatfield or go straight through" (a means asked about) got the privacy answer and a
        # service's card. Only after distress: alone, both are ordinary.
        # Only things given away, asked of someone ("would look after her bracelets", "you can keep
        # my"): never "my aunt is looking after my brother for good" (the review).
        ("first", "would|could|to|can|will look after my|her|his|their _? _? _? '? for good"),
        ("first", "you|u can|could keep|have my _? _? _? '? for good"),
        # Only asked, never "a train that doesnt stop" (the review).
        ("first", "fast|nonstop|non-stop ~train _? _? _? _? _? straight|right through"),
        ("first", "which|what ~train|trains do|does not stop"),
        ("first", "does|do|will|would the ~train _? _? _? _? _? _? without stopping"),
        # Session 31, development conversations G2 through the whole bot: "i think about joining him
        # every day" after "lost my brother last year to suicide"; "honestly that's the plan" after
        # "i could disappear and no one would notice"; "i'm not even doing another week".
        ("first", "~think|thought|dream about|of joining|join him|her every|soon|.|again|there|up|one"),
        ("first", "~want|wanna|ready|going to? join him|her .|soon|now|there|again|up"),
        ("first", "~disappear|vanish and no|nobody|noone one? would|will|'d|wud notice|care|miss"),
        ("first", "honestly|yeah|yes|well that|thats 's|is|s? the plan .|!"),
        ("first", "today|tonight|. feels|feel right .|!"),
        ("first", "not even ~do another day|week|month|year|night"),
        ("first", "not like anyone|anybody|any1 will|would|'ll|ll notice|care .|,|if|when"),
        # Development conversations G7 (session 32), a parent after "everyone thinks I'm coping":
        # "I've started a note on my phone of who should have what"; "can you just tell me who would
        # have them" (the children). Both got the check question, then nothing.
        # Only at the end of a clause: never "who should have what for secret santa", "who will have
        # the kids when i'm working nights" or "who can have my room when i go to uni" (the review).
        ("first", "who should|would|will|'ll|ll|'d|d|can ~have|get what ?|."),
        ("first", "who gets|get what ?|."),
        ("first", "who should|would|will|'ll|ll|'d|d|can ~have|get my ~stuff|thing|belonging|clothes|money|jewellery|game|console ?|."),
        ("first", "who gets|get my ~stuff|thing|belonging|clothes|money|jewellery|game|console ?|."),
        ("first", "who would|will|'ll|ll|'d|d|should|could ~have|take|raise them|kids|children ?|."),
        ("first", "who would|will|'ll|ll|'d|d|should|could ~have|take|raise my|the kids|children|boys|girls ?|."),
        ("first", "who would|will|'ll|ll|'d|d|should|could ~look|care after|for them|kids|children ?|."),
        ("first", "who would|will|'ll|ll|'d|d|should|could ~look|care after|for my|the kids|children|boys|girls ?|."),
    ],
}

# Kinds of messages where a "mention" pattern must not fire: talk about a lesson,
# a book or the news, not about the person themselves.
SAFE_CONTEXT = re.compile(
    r"\b(first aid|counsellor|therapist|psychologist|help people|pshe|lesson|lessons|assembly|class discussion|project|essay|epq|coursework|book|novel|"
    r"character|film|movie|documentary|article|news|history|shakespeare|romeo|juliet|poem|"
    r"play we|tv show|series|episode|song lyrics|awareness week|awareness day|prevention|"
    r"charity|fundraiser|fundraising|research|drug abuse|substance abuse|alcohol abuse|"
    r"verbal abuse from fans|abuse of power)\b"
)
NEGATORS = {"not", "never", "no", "nt", "n't"}
# A clause ends at these: "i'm not sad but i want to die" is not negated.
CLAUSE_BREAKS = {",", ".", ";", "but", "and", "though", "although", "!", "?", "just", "so"}
# Messages about oneself: a lesson or book mentioned alongside these is not a safe context.
FIRST_PERSON_ACT = re.compile(
    r"\bi (?:am |have |had |just |really |keep |will |would |)"
    r"(?:took|taken|swallowed|cut|cutting|overdose|kill|hurt|hurting|tried)\b"
    r"|\bi (?:am|feel|have been|been|was|keep feeling) (?:so |really |very |quite |kind of |a bit )?(?:suicide|selfharm)"
)

# Phrases that look like risk but are everyday English. A match is dropped when the
# text from its start (plus a few words) matches one of these.
FALSE_FRIENDS = re.compile(
    r"^(?:\S+ ){0,3}?(?:"
    r"end it with|ending it with|"
    # a note saying bye for the day or a move ("my mum left me a note saying bye see you after work",
    # "a note saying bye, shes leaving the school": the review, session 49)
    # ("see you in heaven", "see you all soon", "leaving for good", "moving on to a better place" stay:
    # the second review)
    # (the window ends four words after the match: "bye, see you after" is all it has of "…after work")
    r"(?:note|letter) (?:saying|that said|says|and said) (?:good ?)?bye+[,!.]* (?:\S+ ){0,3}?(?:"
    r"see (?:you|ya|u) (?:after|later|tomorrow|tonight|at|on)\b|gone (?:to|out)\b|moved (?:out|house|to)\b|"
    r"after (?:work|school)|(?:leaving|left) (?:the school|school|her job|his job|work|the job|for (?:work|school|uni|university|"
    r"the weekend|a trip|a holiday|holiday|spain|france))|moving (?:house|school|schools|jobs|out|to (?!a better)\w+)|retiring|"
    r"back (?:soon|at|later|tomorrow)|for the (?:holiday|holidays|weekend))|"
    # ("i feel like ending it all" is one's own death, whatever the models score: risk_decision)
    r"(?:end|ending|ended) it all (?:with|between) (?:me and )?(?:my |his |her )?(?:boyfriend|girlfriend|bf|gf|partner|ex|him|her|them)\b|"
    r"be with (?:my |our )?\w+ soon\s?,?\s(?:he|she|they|mum|dad)(?:'s|s| is| are|'re| re| will|'ll| ll)?\s(?:picking|coming|collecting|getting|fetching|home|back|here)|"
    r"(?:do|doing|did) drops (?:in|into|on|for (?:my|his|her|the|an?) (?:ear|eye|nose|eyes|ears))\b|"
    r"(?:people|ppl|gang|olders|boys|men) (?:are |were |was |is )?after me (?:in|at|on) (?:the|a) (?:queue|line|register|list|race|lunch)|"
    r"finish\w* (?:my|his|her|their) life (?:story|stories|project|book|timeline|cycle|skills|science|lesson)|"
    r"rather die than|"
    r"(?:when|after|once|if) (?:i'm|im|i m|i am) gone (?:on|to|for|away|out|abroad|back|camping|travelling|shopping)\b|"
    r"cut (?:my|his|her)self (?:shaving|cooking|on (?:a|the) (?:paper|tin|can|glass|fence|bush|knife))|"
    r"burn\w* (?:my|his|her)self (?:cooking|on (?:a|the) (?:oven|kettle|iron|pan|hob|stove))|"
    r"hair ?cut|"
    r"cutting (?:back|down|class|lessons|school|my hair|hair|out|the|his hair|her hair)|"
    r"(?:kicked|thrown|chucked) (?:me |him |her |us )?out of (?:the |my |his |her )?(?:kitchen|class|lesson|lessons|room|game|team|club|"
    r"group|chat|shop|library|canteen|hall|match|play|band|squad|lunch|detention|"
    # "got kicked out of school and now im just at home all day" got the crisis reply for nowhere
    # safe to stay (development typed answers D7, session 32): out of school is not out of home.
    r"school|college|sixth form|uni|university|nursery|academy|pru|course|work|job|training|practice|"
    r"cadets|scouts|cubs|guides|brownies|youth club)|"
    r"shot (?:me|him|her) a (?:look|message|text|glance|dm|smile)|"
    r"cut (?:my |his |her |the |a |some |your )?(?:hair|fringe|nails|grass|hedge|paper|cake|bread|class|lessons|"
    r"down|back|out|it out|ties|off|onions|vegetables|veg)|"
    r"to die (?:of|from) (?:boredom|embarrass\w*|laugh\w*|cringe|shame|heat|cold|hunger)|"
    r"(?:going|gonna) to die if|"
    r"jump (?:in|into) (?:the|a) (?:pool|water)|jump on the trampoline|"
    r"violent (?:video ?games?|games?|films?|movies?|shows?)|"
    r"keep it (?:a )?secret (?:from (?:my|his|her) (?:sister|brother|mum|dad)? ?(?:it s|its|it is) (?:a|her|his) "
    r"(?:present|surprise|birthday))"
    r")"
)
# "not sure if I'm suicidal" is not a negation of the risk.
NOT_NEGATING_AFTER = {"sure", "know", "certain", "stop", "one", "matter", "longer", "idea"}
