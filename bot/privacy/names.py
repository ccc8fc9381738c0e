"""People's names, however they come up: introductions ("my name is", "it's Aisha Rahman here",
"I'm Ellie Brown"), sign-offs ("thanks, Jess x"), other people ("my friend Jess Smith", "a girl
called Maya", "Mr Patel"), and names standing on their own.

No language model is available, so the evidence is: a first-name list (lexicon.py), whether
the word is also an ordinary English word, capitals, and the cue words around it. Places,
schools and services (vocabulary.py) are never names, unless a strong cue says so
("my name is Harlow").
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.privacy.lexicon import (
    NEVER_BARE_NAMES,
    could_be_bare_name,
    first_name,
    is_common_word,
    is_surname,
    surname_ranks,
)
from bot.privacy.text import Span, Token
from bot.privacy.vocabulary import protected_phrases
from signposting.risk_patterns import PATTERNS, PERSON_WORDS, PILLS

NAME = "[name]"
# Never a name, whatever its capitals.
STOP = frozenset(
    """
    a an the not so really very just in at from year yr my me on back if when later now please and or but nor
    is was am are be been being to of for with about too also still here there this that these those what who
    how why where which it its i im ive id ill you youre your yours he hes she shes they theyre we him her
    them us our their his hers no yes yeah yep nope ok okay sorry hi hey hello hiya thanks thank cheers bye
    like literally kind sort bit lot lots much many more most some any all every each one two three four
    five six seven eight nine ten only even ever never always sometimes by as up down out off over under
    into onto than then because cos cause since until till after before again would could should can
    cant cannot dont do does did doing have has had having get got gonna wanna going go goes went being
    feeling feel felt sure fine good bad sad happy tired worried anxious scared upset angry stressed alone
    lonely depressed struggling stuck lost confused okay alright new old best little big older younger
    """.split()
)
STRONG_CUES: tuple[tuple[str, ...], ...] = (
    ("my", "name", "is"), ("my", "names"), ("my", "name", "was"), ("my", "real", "name", "is"),
    ("i", "am", "called"), ("im", "called"), ("am", "called"), ("call", "me"), ("calls", "me"), ("known", "as"),
    ("i", "go", "by"),
    ("my", "nickname", "is"), ("nickname", "is"), ("her", "name", "is"), ("his", "name", "is"),
    ("their", "name", "is"), ("her", "names"), ("his", "names"), ("their", "names"), ("name", "is"),
    ("names",), ("name",),
)
SELF_CUES: tuple[tuple[str, ...], ...] = (
    ("im",), ("i", "am"), ("its",), ("it", "is"), ("this", "is"), ("here", "is"), ("me",),
)
# Between a strong cue and a name ("my name is just 'Bash'"): the name must then be capitalised or quoted.
WORDS_BEFORE_A_NAME = frozenset("just actually honestly literally basically simply also still now".split())
CALLED_CUES: tuple[tuple[str, ...], ...] = (("called",), ("named",), ("name", "of"))
POSSESSIVES = frozenset("my our his her their your me ma".split())
MODIFIERS = frozenset(
    "best close old new older younger little big baby twin step half ex online real school other only foster adoptive birth kinship "
    "eldest oldest youngest middle favourite fav form class maths english science pe".split()
)
RELATIONS = frozenset(
    """
    friend friends mate mates bestie bestfriend bff bf gf boyfriend girlfriend partner crush ex
    brother brothers sister sisters bro sis sibling cousin cousins twin son sons daughter daughters child
    kid kids stepson stepdaughter stepbrother stepsister stepmum stepdad mum mom mam dad nan nana gran
    granny grandma grandad grandpa auntie aunt aunty uncle niece nephew husband wife fiance carer
    granddaughter grandson grandchild grandmother grandfather stepmother stepfather nanna
    mother father mama mamma mummy mommy mammy papa daddy godmother godfather godparent guardian
    teacher teachers tutor head headteacher counsellor therapist coach neighbour classmate
    mãe pai madre padre mère père matka ojciec ammi abbu amma
    dog cat puppy kitten pet hamster rabbit
    """.split()
)
PEOPLE_NOUNS = frozenset(
    "girl boy lad guy kid man woman person someone somebody teacher student bloke dude child friend mate judge".split()
)
TITLES = frozenset("mr mrs ms miss mx dr sir mister missus prof professor pc sgt cllr rev".split())
# Titles that are also ordinary words or abbreviations ("I miss home", "yes sir", "my PC crashed"):
# only before a capitalised name, a surname or a first name that is no ordinary word.
STRICT_TITLES = frozenset("miss sir pc sgt rev".split())
# Family titles before a first name, with or without "my": "nana Pat", "Grandma Yin here", "auntie Shaz".
KIN_TITLES = frozenset("nan nana nanna nanny gran granny grandma grandad grandpa auntie aunty aunt uncle".split())
# Inside a surname, before its capitalised part: "João de Souza", "Sinéad Mac Giolla", "M.S. van der Berg".
ROLES_IN_BRACKETS = frozenset("carer parent guardian".split())
PARTICLES = frozenset("de da dos das du della van der den von bin ibn mac mc ni ní nic ó".split())
# Before an initial these make it a grade or an option, not a name: "I got a C. Maths teacher".
NOT_BEFORE_AN_INITIAL = frozenset("a an the got get getting grade grades plan option part level vitamin type".split())
# A record's field, then the person's name: "Pupil: Okonkwo, Chiamaka", "Surname: KOVAČ", "Worker: P. Adeyinka".
FIELD_LABELS = frozenset(
    "pupil student pt patient child yp worker surname forename firstname name client referrer".split()
)
# Words that are never a name in the newer rules (session 32): small words, months and chat words,
# relations and people, titles, record labels, possessives.
NEVER_A_NAME = STOP | NEVER_BARE_NAMES | RELATIONS | PEOPLE_NOUNS | TITLES | FIELD_LABELS | POSSESSIVES
SIGN_OFFS = frozenset(
    "thanks thank thanx thx ty cheers ta love luv from bye byee regards wishes xx xxx x".split()
)
GREETINGS = frozenset("hi hey hello hiya yo ok okay so um erm well heya".split())
TRAILING = frozenset({"x", "xx", "xxx", "xo", "xoxo"})


def overlaps_protected(start: int, end: int, protected: list[tuple[int, int]]) -> bool:
    """Does the text from `start` to `end` overlap a protected span (a service's name, a place...)?"""
    return any(begin < end and start < finish for begin, finish in protected)


def lexicon_words() -> frozenset[str]:
    """Every word the crisis lexicon names (signposting/risk_patterns.py), medicines and people too."""
    words: set[str] = set()
    texts = [pattern for entries in PATTERNS.values() for _, pattern in entries] + [PILLS, PERSON_WORDS]
    for text in texts:
        for token in text.split():
            words.update(word.strip("~?").lower() for word in token.split("|"))
    return frozenset(word for word in words if word.isalpha() and len(word) >= 4)


# Texting words that follow a name and are in no word list ("im amara innit"): never a surname.
# Nor a word of the crisis lexicon, a medicine, a family word or an app: "jayden overdosed", "kai
# strangled me", "priya paracetamol", "leon stepdad" lost the danger in the stored transcript (the
# review, session 36).
NOT_A_SURNAME = frozenset(
    "innit init lowkey highkey aswell anyways anyway thooo hiya heyy hiii okayy plz thanx xoxo lmao lmfao omfg bruv "
    "bestie babe hunny fyi haha hahaha lool lolol sorryy thankss "
    "tiktok snapchat snap instagram insta whatsapp discord roblox fortnite youtube facebook twitter xbox playstation minecraft "
    "anorexic anorexia bulimic bulimia bruises bruised overdosed overdosing strangled groomed groomer stepdad stepmum".split()
) | lexicon_words()


def _word_forms(word: str) -> set[str]:
    """The word and what it may be inflected from ("shouts", "shouted", "shouting": "shout")."""
    forms = {word}
    for ending in ("s", "es", "ed", "d", "ing"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.add(word[: -len(ending)])
    return forms


@dataclass
class _Finder:
    text: str
    tokens: list[Token]
    protected: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self.norms = [token.norm for token in self.tokens]

    def is_protected(self, token: Token) -> bool:
        return overlaps_protected(token.start, token.end, self.protected)

    def matches(self, index: int, cue: Sequence[str]) -> bool:
        end = index + len(cue)
        return end <= len(self.tokens) and self.norms[index:end] == list(cue) and self._close(index, end)

    def _close(self, start: int, end: int) -> bool:
        """The tokens start..end-1 stand in one clause (no full stop or line break between)."""
        for left, right in zip(self.tokens[start:end - 1], self.tokens[start + 1:end], strict=True):
            if any(char in ".!?\n" for char in self.text[left.end:right.start]):
                return False
        return True

    def next_to(self, index: int) -> bool:
        """Token `index` follows token `index - 1` in the same clause (a comma allowed)."""
        if index <= 0 or index >= len(self.tokens):
            return False
        between = self.text[self.tokens[index - 1].end:self.tokens[index].start]
        return not any(char in ".!?\n;()" for char in between) and len(between.strip(" ,:-–")) == 0

    # --- what a word can be --------------------------------------------------------------------

    @staticmethod
    def name_like(token: Token, strong: bool = False) -> bool:
        """After a cue: capitalised, or a first name that is not an ordinary word; after a strong
        cue ("my name is") also any word that is not ordinary English."""
        norm = token.base
        if not token.is_word or norm in STOP or norm in NEVER_BARE_NAMES or norm in RELATIONS or norm in TITLES:
            return False
        if could_be_bare_name(norm):
            return True
        if token.capitalised:
            return first_name(norm) is not None or is_surname(norm) or not is_common_word(norm, top=3000)
        return strong and not is_common_word(norm)

    def surname_like(self, index: int) -> bool:
        token = self.tokens[index]
        norm = token.base
        if not token.is_word or norm in STOP or norm in NEVER_BARE_NAMES or self.is_protected(token):
            return False
        if any(char.isdigit() for char in token.text):
            return False  # "H. Kaur Y8": a school year, not a surname
        if token.capitalised:  # after a name: "Jordan Price", "Ellie Brown", "Jess S"
            return len(norm) == 1 or not is_common_word(norm, top=600) or norm in surname_ranks()
        if is_surname(norm) or could_be_bare_name(norm):
            return True
        # "amara okeke": after a first name that is no ordinary word, a word that is none either
        # (development author PD6 kept "okeke"). Not slang ("amara btw") nor a place.
        before = self.tokens[index - 1] if index > 0 else None
        return bool(before is not None and before.is_word and could_be_bare_name(before.base) and token.text.isalpha()
                    and len(norm) >= 4 and not any(is_common_word(form) or form in NOT_A_SURNAME for form in _word_forms(norm)))

    # --- spans ---------------------------------------------------------------------------------

    def name_from(self, index: int, overrides: bool = False) -> Span:
        """The name starting at token `index`, with up to two more names or surnames after it, and
        the particles inside a surname ("de Souza Lima", "Mac Giolla Phádraig", "van der Berg")."""
        end = index
        following = index + 1
        taken = 0
        while taken < 2 and following < len(self.tokens) and self.next_to(following) and \
                self.text[self.tokens[following - 1].end:self.tokens[following].start] in (" ", "-"):
            particles = following
            while particles < len(self.tokens) - 1 and self.tokens[particles].norm in PARTICLES and self.next_to(particles + 1):
                particles += 1
            if particles > following and self.tokens[particles].capitalised and self.surname_like(particles):
                end = particles
            elif self.surname_like(following):
                end = following
            else:
                break
            taken += 1
            following = end + 1
        stop = self.tokens[end].end
        if self.text[stop - 2:stop].lower() in ("'s", "’s"):  # "Daniel's mum": the name, not the 's
            stop -= 2
        return Span(self.tokens[index].start, stop, "name", NAME, overrides_vocabulary=overrides)

    def after_cues(self) -> Iterator[Span]:
        for index, norm in enumerate(self.norms):
            if norm in STRONG_FIRST_WORDS:
                yield from self._strong(index)
            if norm in SELF_FIRST_WORDS:
                yield from self._self_introduction(index)
            yield from self._relation(index)
            yield from self._title(index)
            if norm in ("friends", "mates") and self.matches(index, (norm, "say")):
                yield from self._nickname_said(index + 2)
            if norm == "me" and index + 2 < len(self.tokens) and self.tokens[index + 1].norm in ("and", "n", "an") \
                    and self.next_to(index + 1) and self.next_to(index + 2):
                yield from self._with_me(index + 2)
            if norm in KIN_TITLES:
                yield from self._after_a_kin_title(index)
            if norm in NICKNAME_VERBS:
                yield from self._nickname(index)
            yield from self._before_their_relation(index)
            if norm in TELLING_VERBS:
                yield from self._told(index + 1)

    def _after_a_kin_title(self, index: int) -> Iterator[Span]:
        """'Hi its nana Pat', 'Grandma Yin here', 'my auntie Shaz': a capitalised name right after
        a family title (development author PD7, session 39). Never "nan said", "Grandma's house"."""
        following = index + 1
        if following >= len(self.tokens) or self.text[self.tokens[index].end:self.tokens[following].start] != " ":
            return
        token = self.tokens[following]
        if token.capitalised and not self.is_protected(token) and token.base not in NEVER_A_NAME and self.name_like(token) \
                and not self.tokens[index].text.endswith(("'s", "’s")):
            yield self.name_from(following)

    def _nickname(self, index: int) -> Iterator[Span]:
        """'we call her Bubs', 'the lads call him 'Chunk'', 'he goes by Sunny to his mates', 'she
        uses Joy at school' (development author PD7, session 39): a name given after these words,
        only capitalised or in quote marks, and no ordinary word unless quoted ("they call him
        names", "call her Monday", "goes by quickly")."""
        verb = self.norms[index]
        uses = verb in ("uses", "use", "used")
        position = index + 1
        if position >= len(self.tokens):
            return
        called = verb in ("call", "calls", "called", "calling") and self.norms[position] in ("her", "him", "them", "me", "us")
        goes_by = verb in ("goes", "go", "went", "going") and self.norms[position] == "by"
        if (called and not self.next_to(position)) or not (called or goes_by or uses):
            return
        position += 0 if uses else 1
        if position >= len(self.tokens):
            return
        token = self.tokens[position]
        quoted = self.quoted_next_to(position)
        if not (self.next_to(position) or quoted) or self.is_protected(token) or not token.is_word:
            return
        if token.base in NEVER_A_NAME or token.base in SIGN_OFFS or token.base in INSULTS:
            return  # "they call me 'fat'": the bullying, which staff need, not a name
        if uses:
            # "she uses Joy at school": only a first name, then "at school", "in school" or "now"
            after = self.text[token.end:token.end + 20]
            if not (token.capitalised and first_name(token.base) is not None and re.match(r" (?:at|in) (?:school|college|work)\b| now\b", after)):
                return
        elif not ((quoted and not is_common_word(token.base)) or (token.capitalised and self.name_like(token))):
            return
        yield self.name_from(position)

    def _before_their_relation(self, index: int) -> Iterator[Span]:
        """'Jordan's nan here', 'this is Ionuț's mum', 'daisy (my sister) found my razor': a name
        before its owner's relation (development author PD7, session 39). Capitalised and no
        ordinary word, or a first name; never "Mum's friend", "God's"."""
        token = self.tokens[index]
        if not token.is_word or token.base in NEVER_A_NAME or len(token.base) < 2:
            return
        rest = self.text[token.end:token.end + 40]
        possessive = token.text.endswith(("'s", "’s")) and re.match(rf" (?:{_KIN})\b", rest)
        bracketed = first_name(token.base) is not None and not self.is_protected(token) \
            and re.match(rf" \((?:my|our|her|his) (?:(?:mums|mum's|dads|dad's|nans|nan's) )?(?:{_KIN}|sis|bro|little sis|little bro|big sis|big bro)[),]", rest)
        if not (possessive or bracketed):
            return
        if (possessive and not (token.capitalised and self.name_like(token))) or re.match(r" \w+ and (?:baby|babies|toddler|tots)\b", rest):
            return  # never "a mum and toddler group"
        introduced = bool(re.match(rf" (?:{_KIN}) here\b", rest)) or (
            index >= 2 and (self.norms[index - 2], self.norms[index - 1]) in (("this", "is"), ("it", "is"), ("i", "am"))
        ) or (index >= 1 and self.norms[index - 1] in ("its", "im", "hi", "hello", "hiya"))
        if possessive and (self.is_protected(token) or token.base in protected_phrases()) and not introduced:
            return  # "Luton's carer support service": a place's or a service's, unless someone introduces themselves
        # A place has no nan: "this is Jordan's nan" is a name although Jordan is a country. A first name
        # before it ("Paddy Joyce's mam") is added by `_first_name_before`, as before any name found.
        yield self.name_from(index, overrides=bool(possessive))

    def _told(self, index: int) -> Iterator[Span]:
        """'tell rain i said sorry', 'dont tell ivy i said this', 'i told dawn and she laughed': a
        first name told something, even one that is also a word (development author PD7, session 39)."""
        if index >= len(self.tokens) or not self.next_to(index):
            return
        token = self.tokens[index]
        if not token.is_word or self.is_protected(token) or token.base in NEVER_A_NAME or first_name(token.base) is None:
            return
        if is_common_word(token.base, top=1000) and not token.capitalised:
            return  # "tell everyone", "told loads"
        after = self.text[token.end:token.end + 24]
        if _TOLD_FOLLOWS.match(after):
            yield self.name_from(index)

    def _with_me(self, index: int) -> Iterator[Span]:
        """'me and jasmine used to be best friends', 'me and summer went to the offy': after "me
        and", a first name is a person even when it is also a word (development author PD6)."""
        token = self.tokens[index]
        norm = token.base
        if first_name(norm) is None or self.is_protected(token) or norm in NEVER_A_NAME:
            return
        yield self.name_from(index)

    def _nickname_said(self, index: int) -> Iterator[Span]:
        """'but my friends say Domi': a capitalised word that is not an ordinary one, ending the
        clause; never a service or a place ("my friends say Kooth is good": the review, session 32)."""
        if index >= len(self.tokens) or not self.next_to(index):
            return
        token = self.tokens[index]
        ends = index + 1 == len(self.tokens) or not self.next_to(index + 1)
        if ends and token.capitalised and not self.is_protected(token) and self.name_like(token):
            yield Span(token.start, token.end, "name", NAME)

    def _candidate(self, index: int) -> int | None:
        """Skip a comma or a 'called'/'named'/'is called' after a cue."""
        while index < len(self.tokens) and self.tokens[index].norm in ("called", "named", "is", "was"):
            index += 1
        return index if index < len(self.tokens) else None

    def _after_a_word_between(self, index: int) -> int | None:
        """"my whatsapp name is just 'Bash'" (development author PD5, session 38): after the cue's
        "just", "actually", "honestly"… (token `index`), the next word, only when it is capitalised
        or in quote marks (never "my name is actually deadnamed at school": the review)."""
        following = index + 1
        if following >= len(self.tokens):
            return None
        return following if self.tokens[following].capitalised or self.quoted_next_to(following) else None

    def quoted_next_to(self, index: int) -> bool:
        """Token `index` follows token `index - 1` with only quote marks, spaces and a colon or dash
        between ("name is 'Bash'", "name is: 'Bash'")."""
        if index <= 0 or index >= len(self.tokens):
            return False
        between = self.text[self.tokens[index - 1].end:self.tokens[index].start]
        return len(between.strip(" '\"‘’“”`,:-–")) == 0 and any(char in "'\"‘’“”`" for char in between)

    def _strong(self, index: int) -> Iterator[Span]:
        for cue in STRONG_CUES:
            if not self.matches(index, cue):
                continue
            if len(cue) == 1 and index > 0 and self.next_to(index):  # "names" / "name" open the message or a clause
                continue
            candidate = self._candidate(index + len(cue))
            if candidate is not None and self.tokens[candidate].norm in WORDS_BEFORE_A_NAME:
                candidate = self._after_a_word_between(candidate)
            if candidate is not None and (self.next_to(candidate) or self.quoted_next_to(candidate)) \
                    and self.name_like(self.tokens[candidate], strong=True):
                yield self.name_from(candidate, overrides=True)
            return

    def _self_introduction(self, index: int) -> Iterator[Span]:
        for cue in SELF_CUES:
            if not self.matches(index, cue):
                continue
            candidate = index + len(cue)
            if candidate >= len(self.tokens) or not self.next_to(candidate):
                return
            token = self.tokens[candidate]
            if cue == ("me",) and (index > 0 and self.next_to(index) and self.tokens[index - 1].norm not in GREETINGS):
                return
            if token.base in RELATIONS:
                return  # "I am mama of Ionut": who they are, not a name (a phone trial, session 30)
            if could_be_bare_name(token.base) and token.base not in STOP or token.capitalised and self.name_like(token) and self._ends_introduction(candidate):
                yield self.name_from(candidate)
            elif cue in (("im",), ("i", "am")) and first_name(token.base) is not None and token.base not in STOP \
                    and self._age_follows(candidate):
                yield self.name_from(candidate)  # "hi im hunter and im 12": a first name that is also a word (PD5)
            return

    def _age_follows(self, index: int) -> bool:
        """'im hunter and im 12', 'im faith, 14', 'im rain aged 13': the age said right after the word."""
        rest = [token.norm for token in self.tokens[index + 1:index + 5]]
        if not rest or not self.next_to(index + 1):
            return False
        if rest[0].isdigit():
            return True
        return (rest[0] in ("aged", "age") and len(rest) > 1 and rest[1].isdigit()) or (
            rest[:2] in (["and", "im"], ["and", "i"]) and any(word.isdigit() for word in rest[2:4])
        )

    def _ends_introduction(self, index: int) -> bool:
        """'I'm Grace, 14', 'it's Will here', 'I'm Hope Smith': a capitalised ordinary word is a
        name only when the clause ends after it, or a surname, 'here' or 'and' follows."""
        following = index + 1
        if following >= len(self.tokens) or not self.next_to(following):
            return True
        word = self.tokens[index].base
        if "," in self.text[self.tokens[index].end:self.tokens[following].start] and (first_name(word) is not None or is_surname(word)):
            # "im Faadumo, i need help" (development author PD8): only a name the lists hold; never
            # "I'm Gutted, nothing works", "I'm Somali, my mum…", "I'm Anorexic, i think" (the review)
            return True
        token = self.tokens[following]
        return token.norm in ("here", "and", "aged", "age", "im", "from", "again") or token.text[0].isdigit() or (
            token.capitalised and self.surname_like(following)
        )

    def _relation(self, index: int) -> Iterator[Span]:
        token = self.tokens[index]
        if token.norm in POSSESSIVES:
            position = index + 1
            while position < len(self.tokens) and self.tokens[position].norm in MODIFIERS and self.next_to(position):
                position += 1
            if position > index + 1 and self.tokens[position - 1].norm in RELATIONS and (
                    position >= len(self.tokens) or self.tokens[position].norm not in RELATIONS):
                position -= 1  # "my ex chase": "ex" both qualifies ("my ex boyfriend") and is the relation
            if position >= len(self.tokens) or self.tokens[position].norm not in RELATIONS or not self.next_to(position):
                return
        elif token.norm in CALLED_CUES_FLAT or (token.norm in PEOPLE_NOUNS and index + 1 < len(self.tokens)
                                                and self.tokens[index + 1].norm in ("called", "named")):
            position = index
        elif token.norm in RELATIONS and index + 1 < len(self.tokens) and self.tokens[index + 1].norm in ("of", "to") \
                and self.next_to(index + 1):
            position = index + 1  # "I am mama of Ionut", "mum to Jake" (a phone trial, session 30)
        else:
            return
        candidate = self._candidate(position + 1)
        if candidate is None or not self.next_to(candidate):
            return
        following = self.tokens[candidate]
        if self.name_like(following):
            yield self.name_from(candidate)
        elif first_name(following.base) is not None and following.base not in NEVER_A_NAME \
                and _ONLY_A_PERSON_FOLLOWS.match(self.text[following.end:following.end + 40]):
            # A first name that is also a word, where only a person fits what follows: "my ex chase
            # keeps turning up", "my boyfriend chase hit me" (development author PD6, session 33), even
            # where it is also one of our words (Chase is a place)
            yield self.name_from(candidate, overrides=True)

    def _title(self, index: int) -> Iterator[Span]:
        token = self.tokens[index]
        if token.norm not in TITLES or index + 1 >= len(self.tokens):
            return
        between = self.text[token.end:self.tokens[index + 1].start]
        if between not in (" ", ". ", "."):
            return
        following = self.tokens[index + 1]
        strict = token.norm in STRICT_TITLES  # "I miss home", "yes sir", "my PC crashed"
        if following.norm in STOP or not following.is_word:
            return
        # "miss k said i can go to her room": after "miss", an initial only before what a person does
        # (development author PD8); never "i miss k so much"
        teacher_by_initial = token.norm == "miss" and _A_MONTH_CANNOT.match(self.text[following.end:following.end + 30]) is not None
        if (not strict or teacher_by_initial) and len(following.norm) == 1 and following.norm.isalpha():
            # "mrs k said id get a detention": a teacher by her initial (development author PD7, session 41);
            # "Mr J Whitlock": the initial and the surname after it
            after = self.tokens[index + 2] if index + 2 < len(self.tokens) else None
            end = self.name_from(index + 2).end if after is not None and after.capitalised and after.is_word else following.end
            yield Span(token.start, end, "name", NAME)
            return
        if (not strict and (token.capitalised or not is_common_word(following.norm))) or (
                following.capitalised or is_surname(following.norm) or could_be_bare_name(following.norm)):
            name = self.name_from(index + 1)  # the title goes too: "Mrs Okafor" is how the name is written
            yield Span(token.start, name.end, "name", NAME)

    def sign_off(self) -> Iterator[Span]:
        """'thanks, Jess x', 'love Mum'... the name at the end of the message after a sign-off word."""
        end = len(self.tokens)
        while end > 0 and self.tokens[end - 1].norm in TRAILING:
            end -= 1
        for size in (2, 1):
            start = end - size
            if start < 1:
                continue
            names = self.tokens[start:end]
            cue = self.tokens[start - 1]
            line_start = "\n" in self.text[cue.end:names[0].start] or self.text[cue.end:names[0].start].strip() in ("-", "–")
            # "Thank you so much. Faith x": a first name alone after the last full stop, then kisses
            after_a_stop = any(char in ".!" for char in self.text[cue.end:names[0].start]) and end < len(self.tokens) \
                and all(token.capitalised and first_name(token.base) is not None and token.base not in SIGN_OFFS for token in names)
            if not (cue.norm in SIGN_OFFS or line_start or after_a_stop):
                continue
            if not all(self.name_like(token) or (i > 0 and self.surname_like(start + i)) for i, token in enumerate(names)):
                continue
            if cue.norm == "from" and not any(first_name(token.norm) for token in names):
                continue  # "I'm from Ghana"
            if size == 2 and not (names[0].capitalised or could_be_bare_name(names[0].norm)):
                continue
            yield Span(names[0].start, names[-1].end, "name", NAME)
            return

    def initialled(self) -> Iterator[Span]:
        """'A. Kowalczyk', 'M.S. van der Berg', 'P. Adeyinka': initials with full stops, then a
        surname that is not an ordinary word (case notes; "I got an A. Then" is not one)."""
        index = 0
        while index < len(self.tokens):
            start = index
            while index < len(self.tokens) and len(self.tokens[index].text) == 1 and self.tokens[index].text.isupper() \
                    and self.text[self.tokens[index].end:self.tokens[index].end + 1] == ".":
                index += 1
            if start < index < len(self.tokens) and not (start > 0 and self.tokens[start - 1].norm in NOT_BEFORE_AN_INITIAL):
                surname = index
                while surname < len(self.tokens) - 1 and self.tokens[surname].norm in PARTICLES:
                    surname += 1
                token = self.tokens[surname]
                gap = self.text[self.tokens[index - 1].end + 1:self.tokens[index].start]
                if gap in ("", " ") and token.capitalised and not self.is_protected(token) and self.name_like(token):
                    name = self.name_from(surname)
                    yield Span(self.tokens[start].start, name.end, "name", NAME)
                    index = surname + 1
                    continue
            index = max(index, start + 1)

    def before_a_role(self) -> Iterator[Span]:
        """'Tunde (dad)', 'Hope Adebayo-Smith (carer)': capitalised words just before a role in brackets."""
        for index, token in enumerate(self.tokens[1:], 1):
            if token.norm not in RELATIONS | ROLES_IN_BRACKETS or self.text[self.tokens[index - 1].end:token.start].strip() != "(":
                continue
            first = index
            while first > 0 and index - first < 3:
                previous = self.tokens[first - 1]
                gap = self.text[previous.end:self.tokens[first].start]
                if (first == index and gap.strip() != "(") or (first < index and gap not in (" ", "-")):
                    break
                if not previous.capitalised or self.is_protected(previous) or not self.name_like(previous):
                    break
                first -= 1
            if first < index:
                yield Span(self.tokens[first].start, self.tokens[index - 1].end, "name", NAME)

    def labelled(self) -> Iterator[Span]:
        """'Pupil: Okonkwo, Chiamaka', 'Surname: KOVAČ', 'YP: Shay Mulvaney': a record's field
        label, a colon, then up to three capitalised words that are not ordinary ones."""
        for index, token in enumerate(self.tokens[:-1]):
            if token.norm not in FIELD_LABELS or self.text[token.end:self.tokens[index + 1].start].strip() != ":":
                continue
            position = index + 1
            words = 0
            while position < len(self.tokens) and words < 3:
                word = self.tokens[position]
                gap = self.text[self.tokens[position - 1].end:word.start] if words else " "
                ordinary = is_common_word(word.base) and not is_surname(word.base) and first_name(word.base) is None
                relation = word.base in RELATIONS or word.base.rstrip("s") in RELATIONS or word.base in ("grandparents", "unknown", "unborn")
                if gap not in (" ", ", ", "-") or not word.is_word or not word.text[0].isupper() or self.is_protected(word) \
                        or word.base in STOP or word.base in TITLES or ordinary or relation:
                    break
                yield Span(word.start, word.end, "name", NAME)
                position += 1
                words += 1

    def here_introduction(self) -> Iterator[Span]:
        """'Aisha here', 'hi, Kacper Nowak here'."""
        index = 0
        while index < len(self.tokens) and self.tokens[index].norm in GREETINGS:
            index += 1
        for size in (1, 2, 3):
            here = index + size
            if here < len(self.tokens) and self.tokens[here].norm == "here" and self.next_to(here):
                names = self.tokens[index:here]
                if names and self.name_like(names[0]) and all(self.surname_like(index + i) for i in range(1, size)):
                    yield Span(names[0].start, names[-1].end, "name", NAME)
                return

    def bare(self) -> Iterator[Span]:
        """Names standing on their own: 'me and jess fell out', 'Kacper said', 'Grace Smith'."""
        for index, token in enumerate(self.tokens):
            if not token.is_word or self.is_protected(token):
                continue
            norm = token.base
            found = first_name(norm)
            if found is None or norm in STOP or norm in NEVER_BARE_NAMES:
                continue
            if index > 0 and self.tokens[index - 1].norm in ("the", "a", "an") and self.next_to(index):
                continue  # "the Baker Act": people's names don't take an article
            # A capital at the start of a sentence says nothing: "Autumn term is the worst".
            capital_says_name = token.capitalised and not self._sentence_start(index)
            if could_be_bare_name(norm) and (capital_says_name or (
                    (token.capitalised or found.births >= 1000) and found.written_in_lower_case_means_name)):
                yield self.name_from(index)
            elif token.capitalised and norm not in FIELD_LABELS and index + 1 < len(self.tokens) and self._surname_follows(index + 1):
                yield self.name_from(index)  # "Grace Smith", "Will Patel", "Ray Lindqvist"
            elif token.capitalised and not self._sentence_start(index) and found.lower_log_prob is not None \
                    and found.lower_log_prob < -10.5 and (found.capitalised_log_prob or -20) > found.lower_log_prob:
                yield self.name_from(index)  # "then Jack said", "me and Rose"

    def _surname_follows(self, index: int) -> bool:
        """A capitalised surname right after: one the lists hold, or a word no list of ordinary words does."""
        token = self.tokens[index]
        gap = self.text[self.tokens[index - 1].end:token.start]
        if gap != " " or not (token.capitalised and token.text.isalpha()) or self.is_protected(token):
            return False
        if token.norm in NEVER_A_NAME:
            return False  # "Foster Carer"
        return (is_surname(token.norm) and not is_common_word(token.norm, top=3000)) or (
            len(token.norm) > 2 and not is_common_word(token.norm))

    def word_name_in_context(self) -> Iterator[Span]:
        """A first name that is also a word ("Mark", "Grace", "Hunter") opening a sentence, where
        only a person fits what follows: 'Mark said he'd tell everyone', 'Grace from our church
        said', 'Hunter in 8JB keeps pushing me', 'Deji is 12', 'Gizem Aydın Yılmaz, 13'."""
        # In a message typed all in lower case, a capital says nothing, and neither does its absence.
        # (A form group, a postcode or a word in capitals ("9H", "CAMHS", "OK"), or "I", says nothing
        # either: "liv sent it to jay who sent it to the whole of 9H", development author PD6.)
        lower_case = not any(token.text[:1].isupper() and not token.text.isupper()
                             for token in self.tokens if token.text.isalpha() and len(token.text) > 1)
        for index, token in enumerate(self.tokens):
            if not ((token.capitalised or lower_case) and token.is_word and self._sentence_start(index)) or self.is_protected(token):
                continue
            norm = token.base
            if norm in MONTH_NAMES and first_name(norm) is not None and _A_MONTH_CANNOT.match(self.text[token.end:token.end + 30]):
                yield self.name_from(index)  # "April said she'd tell the whole school" (development author PD8)
                continue
            if norm in NEVER_A_NAME:
                continue
            listed = first_name(norm) is not None
            if not listed and (lower_case or is_common_word(norm) or not self.name_like(token)):
                continue
            name = self.name_from(index)
            after = self.text[name.end:name.end + 40]
            # Only a listed first name before a verb or a place: "Sertraline keeps me stable",
            # "Ofsted said" (the review, session 32)
            if (listed and _ONLY_A_PERSON_FOLLOWS.match(after)) or _AN_AGE_FOLLOWS.match(after):
                yield name

    def _sentence_start(self, index: int) -> bool:
        if index == 0:
            return True
        between = self.text[self.tokens[index - 1].end:self.tokens[index].start]
        return any(char in ".!?\n:\"" for char in between) or self.tokens[index - 1].norm in GREETINGS


NICKNAME_VERBS = frozenset("call calls called calling goes go went going uses use used".split())
TELLING_VERBS = frozenset("tell told telling tells ask asked".split())
_KIN = (
    r"mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|auntie|aunty|aunt|uncle|"
    r"carer|foster carer|foster mum|foster dad|sister|brother|step ?mum|step ?dad|stepmum|stepdad|little sister|little brother|"
    r"big sister|big brother|twin|cousin|best friend|bestie|mate|friend|girlfriend|boyfriend|gf|bf"
)
# After a first name told something: "i said", "that i", "and she laughed" (development author PD7).
_TOLD_FOLLOWS = re.compile(r" (?:i said|i say|that i|and (?:she|he|they) (?:laughed|said|told|just))\b")
# Called names that are the bullying itself ("they call me 'fat'"), never taken for a nickname.
INSULTS = frozenset(
    "fat fatty ugly freak weirdo loser geek nerd emo slag slut skank tramp pig cow whale ginger gay lesbian lezza "
    "retard stupid thick dumb smelly stinky spotty four eyes goth psycho snitch grass".split()
)
# What follows a name at the start of a sentence and nothing else: a verb of telling, a place a
# person belongs to, a form group, an age (development author PD5).
_ONLY_A_PERSON_FOLLOWS = re.compile(
    r"(?:'s)? (?:said|says|told|tells|texted|messaged|snapchatted|dmd|dm'd|threatened)\b|"
    # "MIA HAS TOLD THE WHOLE OF YEAR 9" (read in lower case: development author PD7, session 39)
    r"(?:'s)? (?:has|had|just|also|then) (?:told|said|posted|sent|shared|screenshotted|threatened)\b|"
    # "will won't stop messaging me" (development author PD8)
    r"(?:'s)? (?:wont|won't|won’t) stop (?:messaging|texting|calling|following|sending|asking|touching|bullying|hitting)\b|"
    r"(?:'s)? (?:keeps|kept) (?:messaging|texting|pushing|hitting|calling|following|sending|asking|touching|bullying|screenshotting|filming|"
    r"punching|kicking|pinching|tripping|snapchatting|threatening|telling|saying|turning up|showing up|coming round|"
    r"waiting outside)\b|"
    # "frank is my best mate", "grace isnt my real friend", "rose and her mum picked me up" (development author PD6)
    r" (?:is|was|isnt|isn't|wasnt|wasn't|s) (?:my|our) (?:best |real |little |big |older |younger |new |old |twin )?"
    r"(?:mate|friend|partner|bf|gf|boyfriend|girlfriend|sister|brother|cousin|ex|bestie|stepsister|stepbrother|step sister|step brother|"
    # "Debs is my foster carer" (development author PD7, session 39; "june" is also a month, and kept)
    r"foster carer|foster mum|foster dad|carer|social worker|key worker|keyworker|auntie|aunty|aunt|uncle|nan|nana|gran|grandma|"
    r"grandad|tutor|form tutor|teacher)\b|"
    r" and (?:her|his|their) (?:mum|mom|dad|nan|gran|sister|brother|family)\b|"
    # "liv sent it to jay who sent it to the whole of 9H", "liv and sas stopped talking to me" (PD6)
    r"(?:'s)? (?:sent|showed|shared|posted|screenshotted|forwarded) (?:it|them|my|me|a|the|everyone|pics|photos|nudes)\b|"
    r" and [a-z]+ (?:both |have |had )?(?:stopped|started|blocked|ignored|unadded|ghosted|left me)\b|"
    r"(?:'s)? (?:hit|pushed|punched|kicked|slapped) (?:me|him|her|us|my)\b|"
    r" from (?:our|my|the|his|her|their) (?:church|mosque|temple|gurdwara|synagogue|school|class|club|team|work|year|street|road|"
    r"youth club|football|estate|flats)\b|"
    r" in \d{1,2}[A-Z]{1,3}\b"  # a form group ("Hunter in 8JB"); never "Summer in year 9"
)
# An age after it: a name whether or not the lists hold it ("Deji is 12", "Gizem Aydın Yılmaz, 13").
_AN_AGE_FOLLOWS = re.compile(
    r" is (?:only )?\d{1,2}\b(?! ?(?:%|pm|am|mins?|minutes|hours?|days?|weeks?|months?|miles?|pounds|quid|o'clock|:|mg|ml|g\b|kg))|"
    r", \d{1,2}(?:,|\.|$| (?:year|yr|y/o|yo|and|in))"
)

# Months that are first names, and what only a person (never a month) does: "April said", "june told me".
MONTH_NAMES = frozenset("april may june august".split())
_A_MONTH_CANNOT = re.compile(
    r"(?:'s)? (?:said|says|told|tells|texted|messaged|dmd|snapchatted|threatened|pushed|punched|slapped|kicked)\b"
    r"|(?:'s)? (?:keeps|kept) (?:saying|telling|messaging|texting|calling|pushing|hitting)\b"
)

CALLED_CUES_FLAT = frozenset(word for cue in CALLED_CUES for word in cue[:1])
STRONG_FIRST_WORDS = frozenset(cue[0] for cue in STRONG_CUES)
SELF_FIRST_WORDS = frozenset(cue[0] for cue in SELF_CUES)


def find_names(text: str, tokens: list[Token], protected: list[tuple[int, int]]) -> list[Span]:
    finder = _Finder(text, tokens, protected)
    spans = [*finder.after_cues(), *finder.sign_off(), *finder.here_introduction(), *finder.bare(),
             *finder.initialled(), *finder.labelled(), *finder.before_a_role(), *finder.word_name_in_context()]
    spans += list(_surname_in_capitals_before(text, tokens, spans, protected))
    spans += list(_pair_before_their_relations(text, tokens, protected))
    spans += list(_first_name_before(text, tokens, spans, protected))
    spans += list(_listed_with_names(text, tokens, spans, protected))
    spans += list(_nickname_in_brackets(text, spans, protected))
    return spans + list(_other_mentions(text, tokens, spans, protected))


_BRACKETED_WORD = re.compile(r" ?\(([A-Z][a-z'-]{1,14})\)")


def _nickname_in_brackets(text: str, spans: list[Span], protected: list[tuple[int, int]]) -> Iterator[Span]:
    """'Rhiannon (Rhi)', 'Oluwaseun (Seun)': one capitalised word in brackets right after a name
    (a role there is kept: 'Tunde (Dad)')."""
    for span in spans:
        match = _BRACKETED_WORD.match(text, span.end)
        word = match.group(1).lower() if match else ""
        # a first name, or a short word no list holds ("Rhi", "Seun"); never "(Science)", "(Chair)"
        nickname = first_name(word) is not None or (len(word) <= 5 and not is_common_word(word))
        if match and nickname and word not in NEVER_A_NAME | ROLES_IN_BRACKETS \
                and not overlaps_protected(match.start(1), match.end(1), protected):
            yield Span(match.start(1), match.end(1), "name", NAME)


def _surname_in_capitals_before(text: str, tokens: list[Token], spans: list[Span], protected: list[tuple[int, int]]) -> Iterator[Span]:
    """'KAUR Simran': a surname in capitals before a first name found, as case notes write it
    (development author PD6, session 33). Only a surname the lists hold: never "DSL Amy"."""
    starts = {span.start for span in spans if span.kind == "name"}
    for index in range(1, len(tokens)):
        before, token = tokens[index - 1], tokens[index]
        if token.start not in starts or text[before.end:token.start] != " " or not before.is_word:
            continue
        if before.text.isupper() and len(before.text) > 1 and before.text.isalpha() and is_surname(before.norm) \
                and not is_common_word(before.norm, top=3000) \
                and before.norm not in NEVER_A_NAME and not overlaps_protected(before.start, before.end, protected):
            yield Span(before.start, before.end, "name", NAME)


def _first_name_before(text: str, tokens: list[Token], spans: list[Span], protected: list[tuple[int, int]]) -> Iterator[Span]:
    """'her social worker is Dawn Pickering', 'Zhang Hao (my son…)': a capitalised first name or
    surname the lists hold, right before a name found (development author PD7, session 39). At the
    start of a sentence, only one that is no ordinary word."""
    starts = {span.start for span in spans if span.kind == "name"}
    for index in range(len(tokens) - 1):
        token, after = tokens[index], tokens[index + 1]
        if after.start not in starts or text[token.end:after.start] != " " or not token.is_word or not token.capitalised:
            continue
        # A place's name (or a month's) is a first name right after a person's relation and before a
        # surname: "my daughter's friend Georgia Ellis-Khan" (development author PD7); never "in Georgia".
        after_a_person = index > 0 and tokens[index - 1].norm in RELATIONS | PEOPLE_NOUNS and text[tokens[index - 1].end:token.start] == " "
        never = token.base in NEVER_A_NAME and not (after_a_person and token.base in NEVER_BARE_NAMES - RELATIONS)
        if token.text.endswith(("'s", "’s")) or never or token.base in GREETINGS or token.base in SIGN_OFFS:
            continue
        protected_word = overlaps_protected(token.start, token.end, protected)
        if protected_word and not (after_a_person and first_name(token.base) is not None):
            continue
        listed = first_name(token.base) is not None or is_surname(token.base)
        between = text[tokens[index - 1].end:token.start] if index else "."
        sentence_start = index == 0 or any(char in ".!?\n:\"" for char in between)
        if listed and not (sentence_start and is_common_word(token.base)):
            yield Span(token.start, token.end, "name", NAME, overrides_vocabulary=protected_word)


# Medicines and drugs young people name as if they were friends: never a name (not "molly", a name too).
MEDICINES_AND_DRUGS = frozenset(
    "xanax xans xanny ket ketamine codeine diazepam valium fluoxetine prozac sertraline citalopram benzos benzo pregabalin "
    "gabapentin tramadol oxy mdma coke weed lean spice paracetamol ibuprofen calpol nurofen melatonin zopiclone".split()
)
# Two people named, then what they are to the writer: "Kez and Shaz are my aunties", "will and jack
# are my mates" (development author PD7). Only a plural relation or "from the <group>" after them.
_PAIR_BEFORE_THEIR_RELATIONS = re.compile(
    r"(?:^|[.!?\n] *|\b(?:ngl|tbh|omg|lol|and|but|so|hi|hey),? )"
    r"([A-Za-z][a-z'’]+|[A-Z][A-Za-z'’]+) (?:and|&|n) ([A-Za-z][a-z'’]+|[A-Z][A-Za-z'’]+) "
    r"(?:(?:are|r|were|both are) (?:my|our) (?:best |real |old |new |little |big |older |younger |twin |foster |step |only )?"
    r"(?:mates|friends|besties|bffs|sisters|brothers|cousins|aunties|aunts|uncles|carers|foster carers|grandparents|"
    r"neighbours|teachers|tutors|youth workers|key workers|keyworkers|social workers|parents|siblings|step siblings|"
    r"stepsisters|stepbrothers|step sisters|step brothers|exes)"
    # "may and june are twins in my class", "will and jack from 10JS keep filming me" (development author PD8)
    r"|are (?:the )?twins\b|from \d{1,2}[A-Z]{1,3}\b"
    r"|from (?:the|our|my) (?:[A-Za-z]+ )?(?:youth group|youth club|group|cadets|scouts|guides|church|mosque|temple|gurdwara|"
    r"synagogue|unit|home|hostel|team|club))\b"
)


def _pair_before_their_relations(text: str, tokens: list[Token], protected: list[tuple[int, int]]) -> Iterator[Span]:
    """Both words must be names: listed first names, or words no list holds written with capitals
    ("Kez and Shaz"); never "Razors and blades are my best friends", "Paracetamol and ibuprofen" or
    "Scars and bruises" (the review, session 42: self-harm and medicines are what staff must read)."""
    for match in _PAIR_BEFORE_THEIR_RELATIONS.finditer(text):
        pair = [(match.group(group), match.start(group), match.end(group)) for group in (1, 2)]
        if all(_could_be_one_of_a_pair(written, start, end, protected) for written, start, end in pair):
            for _written, start, end in pair:
                yield Span(start, end, "name", NAME)


def _could_be_one_of_a_pair(written: str, start: int, end: int, protected: list[tuple[int, int]]) -> bool:
    word = written.lower().replace("’", "'").replace("'", "")
    # a month is a name here ("may and june are twins"), never a relation or a small word
    never = word in NEVER_A_NAME and not (word in NEVER_BARE_NAMES and first_name(word) is not None and word not in RELATIONS)
    if never or word in GREETINGS or overlaps_protected(start, end, protected):
        return False
    if word in MEDICINES_AND_DRUGS:
        return False  # "Xanax and Ket are my best friends" (the second review)
    if first_name(word) is not None:
        return True
    plural_of_a_word = word.endswith("s") and (is_common_word(word[:-1]) or is_common_word(word[:-2]))
    return written[:1].isupper() and not is_common_word(word) and not plural_of_a_word


def _listed_with_names(text: str, tokens: list[Token], spans: list[Span], protected: list[tuple[int, int]]) -> Iterator[Span]:
    """'me and amira and jas': a word joined by 'and' to a name, and no ordinary word, is a name too."""
    named = {index for index, token in enumerate(tokens) if any(s.start <= token.start < s.end for s in spans)}
    for index in sorted(named):
        for step in (2, -2):
            other, link = index + step, index + step // 2
            if not (0 <= other < len(tokens)) or other in named or tokens[link].norm not in ("and", "n", "or"):
                continue
            token = tokens[other]
            between = text[tokens[min(index, other)].end:tokens[max(index, other)].start]
            if any(char in ".!?\n,;" for char in between) or overlaps_protected(token.start, token.end, protected):
                continue
            if token.is_word and token.text.isalpha() and len(token.text) > 1 and token.norm not in STOP \
                    and token.norm not in NEVER_BARE_NAMES and token.norm not in RELATIONS and not is_common_word(token.norm):
                yield Span(token.start, token.end, "name", NAME)


def _other_mentions(text: str, tokens: list[Token], spans: list[Span], protected: list[tuple[int, int]]) -> Iterator[Span]:
    """A name found once is redacted wherever else it appears in the message ("Dayo's dad … Dayo
    is 10": the name found with its possessive too, development author PD8)."""
    found: set[str] = set()
    for span in spans:
        for token in tokens:
            # the span ends before a possessive's "'s" ("Dayo's dad"), which the token keeps
            if span.start <= token.start < span.end and token.is_word and len(token.norm) > 1:
                found.add(_mention_key(token.text, token.norm))
                if token.text.endswith(("'s", "’s")):
                    found.add(_mention_key(token.text[:-2], token.base))
    for token in tokens:
        if overlaps_protected(token.start, token.end, protected):
            continue
        if token.text.endswith(("'s", "’s")) and (token.base in found or token.text[:-2] in found):
            yield Span(token.start, token.end - 2, "name", NAME)
        elif token.norm in found or token.text in found:
            yield Span(token.start, token.end, "name", NAME)


def _mention_key(text: str, norm: str) -> str:
    """A first name that is also a word is matched as written ("Precious", never "precious")."""
    return text if first_name(norm) and not could_be_bare_name(norm) else norm
