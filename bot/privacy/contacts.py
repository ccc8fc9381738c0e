"""Ways to reach someone online: email addresses (also spelled out), social-media and game
handles, and links to social profiles."""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.lexicon import could_be_bare_name, is_common_word
from bot.privacy.text import Span
from bot.privacy.vocabulary import protected_phrases
from signposting.text import normalise
from signposting.vocabulary import ANY_CONCERN, AREA_CODES, AUDIENCES, CONCERNS, OTHER_CONCERN

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_DOT = r"\s*(?:\.|\(\s*dot\s*\)|\[\s*dot\s*\]|\{\s*dot\s*\}|\bdot\b|\bfull ?stop\b|\bpoint\b)\s*"
# In the domain, a typed "." joins parts only with no space after it, or with spaces on both sides
# ("gmail . com"): "i was at school. me and my friend went home" is two sentences, not the address
# "was at school.me" (session 34). Before the "at", "jo. smith" is still one name (the review).
_DOMAIN_DOT = r"(?:\.(?!\s)|\s*(?:\s\.|\(\s*dot\s*\)|\[\s*dot\s*\]|\{\s*dot\s*\}|\bdot\b|\bfull ?stop\b|\bpoint\b)\s*)"
_JOIN = rf"(?:{_DOT}|\s*(?:_|-|\bunderscore\b|\bdash\b|\bhyphen\b)\s*)"
_AT = r"\s*(?:@|\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\}|\bat\b|\bat sign\b)\s*"
_TLD = r"(?:com|co|uk|net|org|sch|ac|gov|nhs|me|io|info|ie|pl|de|fr|edu|mail)"
# Mail providers people name without ".com"; "me", "live", "sky" and "mail" need a dot part
# ("look at me" is not an address).
_PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|aol|btinternet|protonmail|proton|msn|gmx|"
    r"virginmedia|talktalk|yandex)"
)
_NUMBER_WORD = (
    r"(?:\d+|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
# A part of the name before the @: letters or digits, an apostrophe inside ("o'brien").
_PART = r"[a-z0-9][a-z0-9+]*(?:'[a-z]+)?"
# Between parts: a dot, a dash or an underscore said or typed; or a space before a number, said
# as people say one ("jamal dot reid 09 @ gmail dot com", "o'brien seventy two at btinternet").
_PART_JOIN = rf"(?:{_JOIN}|\s+(?={_NUMBER_WORD}\b))"
# A domain ends in a top-level part; up to two other parts may come before it ("leventhorpe dot
# example dot sch dot uk", development author PD6).
_DOMAIN = rf"(?:{_PROVIDERS}(?:{_DOMAIN_DOT}{_TLD}\b)*|[a-z0-9-]+(?:{_DOMAIN_DOT}[a-z0-9-]+){{0,2}}?(?:{_DOMAIN_DOT}{_TLD}\b)+)"
SPELLED_EMAIL = re.compile(
    rf"(?<![\w@'])(?:{_PART}(?:{_PART_JOIN}{_PART}){{0,4}}){_AT}{_DOMAIN}",
    re.IGNORECASE,
)
# After "email is" the parts may be joined by plain spaces: "email is wiktoria kowal at wp dot pl".
# (Never ordinary words: "my email is the same as my mums at hotmail", the review, session 32.)
_NOT_A_PART = r"(?!(?:the|same|as|my|mums|his|her|a|an|not|on|at|in|for|just|also|still|old|new)\b)"
CUED_SPELLED_EMAIL = re.compile(
    rf"\be-?mail(?: address)?(?: is|:| =)\s*({_NOT_A_PART}{_PART}(?:(?:{_JOIN}|\s+){_NOT_A_PART}{_PART}){{0,3}}{_AT}{_DOMAIN})",
    re.IGNORECASE,
)

SOCIAL_URL = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)?(?:instagram\.com|instagr\.am|tiktok\.com|snapchat\.com|facebook\.com|fb\.com|"
    r"fb\.me|twitter\.com|x\.com|youtube\.com|youtu\.be|twitch\.tv|discord\.gg|discord\.com|discordapp\.com|"
    r"roblox\.com|reddit\.com|linkedin\.com|threads\.net|pinterest\.[a-z.]+|tumblr\.com|linktr\.ee|"
    r"steamcommunity\.com|soundcloud\.com|spotify\.com|t\.me|wa\.me|kik\.me|wattpad\.com|bereal\.com|"
    r"onlyfans\.com|vsco\.co|github\.com|deviantart\.com|artstation\.com|bsky\.app|ko-fi\.com|patreon\.com|yubo\.live)(?:/[^\s,;!?)\]]*)?",
    re.IGNORECASE,
)

# With an underscore: "ellie_b09", "xX_jess_Xx", "nightowl_". All-lower-case snake words without
# digits ("young_person", "exam_stress") are our own identifiers, and are left alone.
UNDERSCORED = re.compile(r"(?<![\w@.-])[\w.]*_[\w.]*(?![\w@-])")


OUR_IDENTIFIERS = frozenset(
    value for value in (*CONCERNS, *AUDIENCES, *AREA_CODES, ANY_CONCERN, OTHER_CONCERN) if "_" in value
)


def _username_with_underscore(word: str) -> bool:
    word = word.strip(".")
    if "_" not in word or len(word) < 3:
        return False
    if re.search(r"[\d.A-Z]", word) or word.startswith("_") or word.endswith("_"):
        return True
    if word.lower() in OUR_IDENTIFIERS:
        return False  # the form's own values are read back from the slots: "west_essex" (Essex is a first name)
    parts = word.split("_")
    # "jess_smith"; "x_voidgirl_x": a lone letter beside words (development author PD7, session 39).
    # Never a made-up word alone: the bot's own names ("grooming_online", "talk_to_a_person") are
    # logged and stored, and many of their words are in no list (session 39's review).
    return any(could_be_bare_name(part) for part in parts) or len(parts[0]) == 1 or len(parts[-1]) == 1


AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
DISCORD_TAG = re.compile(r"(?<![\w#])[\w.]{2,32}#\d{4}\b")
# Usernames by their shape: "jsmith2011", "2011jess", "kacper.nowak_2011", "xX_jess_Xx".
SHAPED_HANDLE = re.compile(
    r"(?<![\w@.-])(?:"
    r"(?!(?:year|yr|y|sg|al|le|cm|en|hp|wd|lu|pe|ng|de|cb|ss|rm|covid|fifa|gta|nhs|top|mp|ps|windows|iphone|galaxy)\d)[a-z]{3,}\d{2,}"
    r"|\d{2,}[a-z]{3,}"
    r"|[a-z]+\.[a-z]+[._]?\d+"
    r"|[a-z]+[._]\d{2,}"
    # two groups of digits among letters: "2fast2kira", "sk8r4life" (development author PD7, session 39);
    # never one ("year9s", "gr8ful", "paracetamol500mg", "mon2fri": session 39's review)
    r"|(?=[a-z\d]*[a-z]{3})[a-z]*\d+[a-z]+\d+[a-z\d]*"
    r")(?![\w@-])",
    re.IGNORECASE,
)

PLATFORM = re.compile(
    r"\b(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik ?tok|tt|roblox|discord|xbox(?: live)?|gamer ?tag|psn|"
    r"playstation|ps[345]|steam|fortnite|epic(?: games)?|twitter|twitch|youtube|yt|reddit|facebook|fb|"
    r"minecraft|telegram|kik|wattpad|pinterest|tumblr|threads|bereal|be real|spotify|vsco|"
    r"user ?name|handle|ign|gt|epic name|discord name)\b",
    re.IGNORECASE,
)
_HANDLE_TOKEN = re.compile(r"@?[\w.#'-]*\w")
# Words between a platform and the handle: "my insta is @x", "snap: x", "add me on discord its x".
_FILLER = frozenset(
    "is its it's name username user handle id tag acc account add me on at called my the = : - "
    "and or if u you can follow dm message msg".split()
)
_GAMERTAG_CUES = frozenset({"gamertag", "gamer tag", "gt", "xbox", "xbox live", "psn", "ign", "epic name", "epic"})


def _handle_like(token: str) -> bool:
    """A word that can only be a username: digits, dots or underscores inside, or no ordinary word."""
    bare = token.lstrip("@")
    if len(bare) < 2:
        return False
    if token.startswith("@") or re.search(r"[\d_.#]", bare):
        return True
    return not is_common_word(bare) and bare.isalpha()


def emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        yield Span(match.start(), match.end(), "email", "[email]")
    for match in SPELLED_EMAIL.finditer(text):
        yield Span(match.start(), match.end(), "spelled_email", "[email]")
    for match in CUED_SPELLED_EMAIL.finditer(text):
        yield Span(match.start(1), match.end(1), "spelled_email", "[email]")


def social_urls(text: str) -> Iterator[Span]:
    for match in SOCIAL_URL.finditer(text):
        if "/" in match.group() or match.group().lower().startswith(("http", "www")):
            yield Span(match.start(), match.end(), "social_url", "[link]")


def handles(text: str) -> Iterator[Span]:
    for match in AT_HANDLE.finditer(text):
        # "@sk8r.boi.hitchin": a place inside an @-handle is part of the handle (development author PD7);
        # a service's or a place's own handle is no one's ("@childline", "@kooth": the review)
        ours = normalise(match.group().lstrip("@")) in protected_phrases()
        yield Span(match.start(), match.end(), "handle", "[username]", overrides_vocabulary=not ours)
    for pattern in (DISCORD_TAG, SHAPED_HANDLE):
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), "handle", "[username]")
    for match in UNDERSCORED.finditer(text):
        if _username_with_underscore(match.group()):
            yield Span(match.start(), match.end(), "handle", "[username]")
    for platform in PLATFORM.finditer(text):
        yield from _after_platform(text, platform)
        yield from _before_platform(text, platform)
    for cue in HANDLE_CUE.finditer(text):
        yield from _after_cue(text, cue)


def _after_platform(text: str, platform: re.Match[str]) -> Iterator[Span]:
    """'my insta is kacper.nowak', 'snap: ellie_b', 'gamertag is Shadow Wolf 99'."""
    position, skipped = platform.end(), 0
    while skipped <= 5:
        match = _HANDLE_TOKEN.search(text, position)
        if match is None or text[position:match.start()].strip(" :=-–,'\"()[]") or "\n" in text[position:match.start()]:
            return
        word = match.group()
        if word.lower() in _FILLER or PLATFORM.fullmatch(word):
            position, skipped = match.end(), skipped + 1
            continue
        gamertag = platform.group().lower() in _GAMERTAG_CUES
        if not (_handle_like(word) or (gamertag and word[0].isupper())):
            return
        right_after = skipped == 0 and ":" not in text[platform.end():match.start()]
        if right_after and not re.search(r"[\d_.@#]", word) and word.lower().endswith(("s", "ed", "ing", "ly", "er")):
            return  # "my Snapchat streaks", "tiktok videos": a word, not a username
        end = match.end()
        if gamertag:  # gamertags may have spaces: "Shadow Wolf 99"
            for _ in range(2):
                following = re.match(r" ([A-Z0-9]\w*)", text[end:])
                if not following:
                    break
                end += following.end()
        yield Span(match.start(), end, "handle", "[username]")
        return


# A username named with no platform word: "he goes by dazzatheboss on everything", "add me ✌️
# em.wxlsh" (development author PD7, session 39; missed until session 41).
HANDLE_CUE = re.compile(r"\b(?:goes by|go by|add me|added me|add him|add her|follow me|follow him|follow her)\b", re.IGNORECASE)
_BETWEEN_CUE_AND_HANDLE = re.compile(r"[\s:,\-–@]*(?:[^\w\s@]\s*)*")


def _after_cue(text: str, cue: re.Match[str]) -> Iterator[Span]:
    """The next word after a cue, when it can only be a username (not a common word, not capitalised
    as a name would be): "goes by dazzatheboss", never "add me to the list" or "goes by Dazza"."""
    between = _BETWEEN_CUE_AND_HANDLE.match(text, cue.end())  # always matches (every part is optional)
    match = _HANDLE_TOKEN.match(text, between.end() if between else cue.end())
    if match is None:
        return
    word = match.group()
    if word[:1].isupper() or word.lower() in _FILLER or PLATFORM.fullmatch(word) or not _handle_like(word) or len(word.strip("@")) < 4:
        return
    yield Span(match.start(), match.end(), "handle", "[username]")


def _before_platform(text: str, platform: re.Match[str]) -> Iterator[Span]:
    """'kacper.nowak_2011 on insta', 'add jessxo on snap', 'jessxo is my snap'."""
    before = re.search(r"(@?[\w.#'-]*\w)\s+(?:on|is my|is me on|on my|for)\s+$", text[:platform.start()], re.IGNORECASE)
    word = before.group(1) if before else ""
    if before and _handle_like(word) and not word[0].isupper() and (len(word) >= 4 or re.search(r"[\d_.]", word)):
        yield Span(before.start(1), before.end(1), "handle", "[username]")
