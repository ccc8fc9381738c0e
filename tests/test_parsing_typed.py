"""Answers as people type them (issue #12): the parsers the triage form asks first.

Development examples, written for these tests; the held-out sets in tests/typed_answers/
are only measured (`make typed-eval`), never copied here."""
from __future__ import annotations

import pytest

from signposting.parsing import (
    answer_after_asking_why,
    asks_if_anyone_is_there,
    asks_what_we_mean,
    asks_why_we_ask,
    declines_with_a_plain_reason,
    is_declined,
    parse_age,
    parse_age_mention,
    parse_concern,
    parse_role_typed,
    parse_school_absence,
    parse_yes_no,
)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # the young person themselves
        ("for me", "young_person"),
        ("It's for me", "young_person"),
        ("yeah me", "young_person"),
        ("me not anyone else", "young_person"),
        ("just me lol", "young_person"),
        ("myself", "young_person"),
        ("I'm in yr 11", "young_person"),
        ("im at sixth form", "young_person"),
        ("my teacher told me to try this", "young_person"),
        ("my mum made me use this", "young_person"),
        # parents and carers, however they say it
        ("dad here", "parent_carer"),
        ("Mum here, she's 12", "parent_carer"),
        ("it's her mum", "parent_carer"),
        ("I'm her nan", "parent_carer"),
        ("im his grandad", "parent_carer"),
        ("auntie", "parent_carer"),
        ("I am their uncle and they live with me", "parent_carer"),
        ("my stepson", "parent_carer"),
        ("asking about my foster daughter", "parent_carer"),
        ("I look after my grandson", "parent_carer"),
        ("stepmum", "parent_carer"),
        ("special guardian", "parent_carer"),
        ("kinship carer", "parent_carer"),
        # professionals
        ("I'm his key worker", "professional"),
        ("support worker here", "professional"),
        ("I'm a family support worker", "professional"),
        ("i work at a secondary school", "professional"),
        ("school counsellor", "professional"),
    ],
)
def test_who_is_chatting_as_people_type_it(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", [
    "my parents are splitting up", "actually its more that my parents are splitting up", "my carer shouts at me",
    "my guardian won't listen",
])
def test_a_young_person_talking_about_their_parents_or_carer_is_not_a_parent(text):
    # Found by typing: "actually ... my parents are splitting up" at the area question turned a
    # young person into a parent (the questions then said "your child" and gave the adults' line).
    assert parse_role_typed(text) != "parent_carer"


@pytest.mark.parametrize("text", ["hello there", "what is this", "ok", "I want to see a counsellor"])
def test_messages_that_do_not_say_who_is_chatting(text):
    assert parse_role_typed(text) is None


@pytest.mark.parametrize(
    "text",
    ["no", "nah", "nope", "No thanks", "n/a", "N/A", "none", "leave it blank", "leave that blank please",
     "rather not say", "I'd rather not", "prefer not to say", "don't want to say", "-", "...", "skip", "pass",
     "no ta", "dunno"],
)
def test_no_answer_to_the_school_question_is_skipped(text):
    assert parse_school_absence(text) == "skipped"


@pytest.mark.parametrize(
    "text",
    ["not in education", "home schooled", "he's home educated", "she left school in June", "left school",
     "not at school", "doesn't go to school at the moment", "excluded since easter", "I'm doing an apprenticeship",
     "left college, working at tesco now", "too young for school yet", "not old enough for school",
     # development author D8 (session 29)
     "None at the moment, we're still waiting for a school place since he moved to us", "waiting on a place",
     "none, im 19 n working",  # D9
     "we home educate, we are travellers and move about", "i home school him"],  # D11 (session 30)
)
def test_not_at_school_is_told_apart_from_skipping(text):
    assert parse_school_absence(text) == "not at school"


@pytest.mark.parametrize("text", ["not telling u that", "not telling", "im not saying that"])
def test_not_telling_is_skipping(text):
    """Development author D11: "not telling u that" got the privacy answer and the question again."""
    assert parse_school_absence(text) == "skipped"


@pytest.mark.parametrize("text", ["Sir John Lawes", "the academy in town", "Beaumont", "Hertford Regional College"])
def test_a_school_name_is_neither_skipped_nor_absence(text):
    assert parse_school_absence(text) is None


@pytest.mark.parametrize("text", ["rather not say", "n/a", "nah", "don't want to give that out sorry", "skip",
                                  "not telling ya", "im not telling you"])  # D9
def test_declining_an_optional_question(text):
    assert is_declined(text)


@pytest.mark.parametrize("text", ["Watford", "near Loughborough", "LE2", "Northampton", "Nottingham"])
def test_places_are_not_declines(text):
    assert not is_declined(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes please", "yes"), ("Yes please!", "yes"), ("go on then", "yes"), ("ok", "yes"), ("yeah", "yes"),
        ("sure", "yes"), ("yep thanks", "yes"), ("find support", "yes"), ("that would be helpful", "yes"),
        ("no thanks", "no"), ("nah", "no"), ("not right now", "no"), ("maybe later", "no"), ("I'm ok thanks", "no"),
        ("where is the nearest clinic", None), ("my son is 9", None),
        ("not rn", "no"), ("not at the moment thanks", "no"), ("s", None), ("dad", None),
        ("yeah go on", "yes"), ("ok sure", "yes"), ("yeah im fine", None), ("yeah nah", None),
        ("Yes, that would be very helpful, thank you.", "yes"),
        ("bet", "yes"), ("say less", "yes"), ("i bet", None),  # slang (development author T1)
        ("That would be brilliant, thank you", "yes"), ("thatd be lovely", "yes"), ("that would be bad", None),  # D8
    ],
)
def test_yes_or_no_to_the_offer(text, answer):
    assert parse_yes_no(text) == answer
    assert parse_yes_no(text, other_languages=True) == answer


@pytest.mark.parametrize(
    ("text", "loose", "strict"),
    [
        # development set misses at the offer (D1-D3): a kiss, "for now", a no with its reason
        ("ok x", "yes", None), ("I'm ok for now thanks", "no", None),
        ("No thank you, he already has a counsellor through school", "no", None),
        ("no. he already has a cahms worker", "no", None), ("no, im safe", "no", None),
        ("no, but can you find something for me", None, None), ("no, yes please", None, None), ("x", None, None),
        # a yes with its reason (D3), unless the reason asks, doubts or turns it round
        ("Yes please, anything local would help, we've been on the CAMHS list for months", "yes", None),
        ("yes please, i would appreciate that", "yes", None), ("yes, but will my mum find out?", None, None),
        ("ok, not sure though", None, None), ("yeah, if it's free", None, None),
        # a mind changed inside the message (development author D10): the last answer counts
        ("no actually yes", "yes", None), ("yes... actually no, not yet", "no", None), ("no sorry i mean yes", "yes", None),
        ("no actually i want to die", None, None), ("yes actually yes", "yes", None),
    ],
)
def test_a_choice_is_read_loosely_and_a_safety_question_is_not(text, loose, strict):
    """The offer and "Did this help?" read "ok x" and a no with its reason; "Are you safe right
    now?" does not ("no, im safe" is left to the NLU there)."""
    assert parse_yes_no(text, loose=True) == loose
    assert parse_yes_no(text) == strict


@pytest.mark.parametrize(
    ("text", "answer"),
    [("im ok", None), ("I'm fine thanks", None), ("im ok for now", None), ("no im ok", None),
     ("no", "no"), ("nope", "no"), ("yes", "yes"), ("not really", "no"), ("yeah", "yes"), ("ok", "yes"),
     # a plea is never "safe" (it was: "help me" is a yes to the offer)
     ("help me", "no"), ("ok help me", "no"), ("please", "no"), ("someone help me please", "no"), ("i need help", "no"),
     ("find support", None), ("go on", None),
     # held-out answers by an author who saw no code (2026-12-02): a plea stretched, a no with more words
     ("helpppp", "no"), ("nah im gonna do it", "no"), ("no he is still here", "no"), ("nah im good tho", None)],
)
def test_im_ok_to_are_you_safe_is_not_read_as_no(text, answer):
    """"Are you safe right now?" is read with its own words, not the offer's: "im ok" (a no to
    the offer) got "Please call 999 now", and "help me" (a yes to the offer) got "I'm glad you're
    safe". "im ok" is left to the NLU's reading (confirm_safe); a plea is not safe."""
    from signposting.parsing import answer_to_are_you_safe

    assert answer_to_are_you_safe(text) == answer


@pytest.mark.parametrize(
    "text",
    ["yeah im safe, my brother is with me", "im ok now, at my gran's", "safe. in maths", "I'm fine, not going to do anything",
     "im ok for now", "ok im alright, feel a bit calmer 👍", "yep safe at home, just really tired"],
)
def test_a_plain_safe_statement_with_where_or_who(text):
    """Safe, said with more words than a yes: these got "Please call 999 now" or the crisis reply
    again, because the risk model read "tonight" or "at home" after a crisis as danger."""
    from signposting.parsing import states_safe_now

    assert states_safe_now(text)


@pytest.mark.parametrize(
    "text",
    ["im ok but i still have the tablets", "yeah right im safe", "safe?", "im not ok", "not safe", "fine whatever",
     "im safe for now i think", "im fine. bye everyone", "im ok, got a knife in my room", "im safe on the bridge",
     "yes im fine, took a few pills", "im ok just bleeding a bit", "im safe, alone in the house", "yes safe ish",
     "im ok, he isnt home yet", "kinda ok", "no im ok", "im ok tho", "im fine, i cant stop crying",
     "I'm safe, I'm at the station waiting for the last train and then that's it, I promise I'm fine",
     # any word outside the closed list of who, where and how they feel (a third helper's not-safe
     # answers opened calmly and named no means: author A3, 2026-12-02)
     "yes i'm safe, I gave my dog to my auntie today", "im fine i just want you to know its nobodys fault",
     "yes im safe, i know where the keys are", "yes. for now.", "yes im safe, hes gone out now",
     "yes, nothing is going to happen tonight"],
)
def test_what_is_not_a_plain_safe_statement(text):
    """A turn, a doubt, a negation, a means, place or injury, or too long: left to the NLU and the
    risk layer, which read unsure as not safe."""
    from signposting.parsing import states_safe_now

    assert not states_safe_now(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [("tak, proszę", "yes"), ("haan ji", "yes"), ("da, vă rog", "yes"), ("sim", "yes"),
     ("nie, dziękuję", "no"), ("não, obrigado", "no"), ("nahi", "no"), ("nu", "no")],
)
def test_yes_or_no_in_other_languages_only_where_asked_for(text, answer):
    """The offer takes them; elsewhere "da" and "nu" may be English ("da" for dad)."""
    assert parse_yes_no(text, other_languages=True) == answer
    assert parse_yes_no(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("12-13", 12, 13),
        ("16 (year 12)", 16, 16),
        ("maybe year 8 or 9", 12, 14),
        ("she's in year eleven", 15, 16),
        ("not sure, around 10", 10, 10),
        ("yr7", 11, 12),
        ("year 13 at sixth form", 17, 18),
        ("13, from Stevenage", 13, 13),
        # school stages, typos and units
        ("lower sixth", 16, 17), ("upper sixth", 17, 18), ("first yr of college", 16, 17),
        ("just started secondary", 11, 12), ("last year of primary", 10, 11), ("forteen", 14, 14),
        ("6yo", 6, 6), ("14yrs", 14, 14), ("im in yeer 8", 12, 13), ("yea 14", 14, 14), ("yeer 8 or 9", 12, 14),
        ("hes 12 just started secondary", 12, 12),
        ("twelve years old in year eight", 12, 12), ("year 9, one of the youngest", 13, 14),
    ],
)
def test_ages_as_people_type_them(text, low, high):
    age = parse_age(text)
    assert age is not None and (age.low, age.high) == (low, high)


@pytest.mark.parametrize("text", ["dont wanna say", "not telling", "don't want to say"])
def test_not_wanting_to_say_is_unknown(text):
    age = parse_age(text)
    assert age is not None and age.unknown


def test_wont_say_inside_an_answer_is_not_a_decline():
    assert not is_declined("my school won't say anything")


def test_dont_know_without_an_age_is_unknown():
    assert parse_age("not sure tbh").unknown


@pytest.mark.parametrize(
    ("text", "rest"),
    [("13, belgrave", "belgrave"), ("age 12 in hoddesdon", "hoddesdon"), ("14, from Harlow", "harlow"),
     ("14", None), ("year 9", None), ("my son is 9", None)],
)
def test_the_words_after_an_age_said_first_are_read_as_a_place(text, rest):
    from signposting.parsing import words_after_a_leading_age

    assert words_after_a_leading_age(text) == rest


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("nearly 11", 10), ("almost 14", 13), ("15 next month", 14), ("gonna be 18 next week", 17),
        ("13 in march", 12), ("turning 13", 12), ("14", 14), ("14 in harlow", 14), ("twelve years old", 12),
        ("twelf", 12), ("im thurteen", 13), ("fiftean", 15), ("sixteeen", 16), ("16 in year 11", 16),
    ],
)
def test_ages_not_reached_yet_and_misspelt(text, age):
    parsed = parse_age(text)
    assert parsed is not None and (parsed.low, parsed.high) == (age, age)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the first one", "young_person"), ("top one", "young_person"), ("the second one", "parent_carer"),
        ("the last one", "professional"), ("parnet", "parent_carer"), ("proffesional", "professional"),
        ("meee", "young_person"), ("my self", "young_person"),
    ],
)
def test_roles_by_the_buttons_place_and_with_a_slip(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", ["career", "the first time", "paren"])
def test_near_misses_are_not_roles(text):
    assert parse_role_typed(text) is None


@pytest.mark.parametrize(
    "text", ["why?", "Why", "why do u need to know that", "whats that for", "but why do you need my age", "how come", "why does my age matter"],
)
def test_a_question_about_the_question_is_asking_why(text):
    assert asks_why_we_ask(text)


@pytest.mark.parametrize(
    "text", ["what do you mean?", "hmm not sure what you mean", "huh", "Sorry, what?", "wdym", "i dont get the question",
             "what do i put", "what does that mean", "im a bit confused", "can you explain that"],
)
def test_a_question_about_what_the_question_means(text):
    assert asks_what_we_mean(text)


@pytest.mark.parametrize(
    "text", ["i dont understand my feelings", "what about my mum", "whatever", "i feel lost", "not sure", "idk",
             "confused about my gender", "what do you mean by anxiety is it normal to feel like this all the time"],
)
def test_a_worry_or_an_answer_is_not_asking_what_we_mean(text):
    assert not asks_what_we_mean(text)


@pytest.mark.parametrize(
    "text", ["why is everyone mean to me", "why does nobody like me", "y", "why not", "watford", "whyteleafe", "year 9"],
)
def test_a_worry_or_an_answer_is_not_asking_why(text):
    assert not asks_why_we_ask(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [("why does it matter... fine its bushey meads", "its bushey meads"),  # session 44's note: the school lost
     ("whats that for, ugh fine it's bushey meads", "its bushey meads"),
     ("why do u need that. fine oakwood primary", "oakwood primary"),
     ("why do you need to know what school i go to ok fine its beechwood park", "its beechwood park")],
)
def test_the_answer_given_after_asking_why_is_read(text, answer):
    assert answer_after_asking_why(text) == answer


@pytest.mark.parametrize(
    "text",
    ["why does it matter", "why do you need to know", "why does it matter ok", "why does it matter, okay whatever",
     "watford ok fine", "fine its bushey meads", "why is everyone mean to me ok fine"],
)
def test_no_answer_after_asking_why_unless_one_is_given_after_giving_way(text):
    assert answer_after_asking_why(text) is None


@pytest.mark.parametrize("text", ["is anyone there", "anyone there?", "Hello?? is this working", "u there", "are you still there?",
                                  "hello anyone", "is somebody there at all"])
def test_is_anyone_there(text):
    assert asks_if_anyone_is_there(text)


@pytest.mark.parametrize("text", ["is anyone there i need help", "anyone else feel like this", "is this private", "are you real",
                                  "is someone there to talk to", "hey", "no one is there for me"])
def test_a_message_with_more_in_it_is_not_just_is_anyone_there(text):
    assert not asks_if_anyone_is_there(text)


# Words that must never be part of a plain safe statement: turns and doubts, and means, places,
# injuries and substances (the first version of `states_safe_now` listed these instead).
NEVER_PLAINLY_SAFE = (
    "but tho though although except unless until till however yet ish kinda maybe idk dunno guess think probably "
    "might if or whatever jk joking kidding not no nope nah never dont cant cannot wont nothing nobody anymore bye "
    "goodbye for knife knives blade blades razor scissors glass pill pills tablet tablets paracetamol meds medicine "
    "medication overdose od rope noose belt ligature cord gun bleach lighter bridge roof ledge edge cliff cliffs track "
    "tracks train trains railway station motorway road river canal sea tower balcony window bleeding blood cut cuts "
    "cutting burn burnt bruise wound hurt hurting harm dizzy faint drunk drinking drank vodka alcohol high drug drugs "
    "weed hit hits beat killed kill die dying dead death suicide jump alone lost outside street nowhere police "
    "ambulance 999 hospital he hes him gone gave ready sorted key keys fault tonight tomorrow friday"
).split()


def test_no_turn_or_danger_word_is_in_the_plain_safe_list():
    from signposting.parsing import _SAFE_STATEMENT_WORDS

    assert not set(NEVER_PLAINLY_SAFE) & _SAFE_STATEMENT_WORDS


# Open to a safe answer in one's own words, never to a plain one: who is near, and when.
OWN_WORDS_ONLY = frozenset("for he hes him tomorrow tonight".split())


def test_no_danger_word_is_in_the_everyday_words_of_a_safe_answer():
    from signposting.parsing import _EVERYDAY_WORDS

    assert set(NEVER_PLAINLY_SAFE) & _EVERYDAY_WORDS == OWN_WORDS_ONLY


@pytest.mark.parametrize("text", [
    "yeah im safe, at my aunties house watching a film",
    "safe now, my brother came round and we're playing fifa",
    "im ok, it was just a bad day, feeling calmer after a bath",
    "all good now, nan is home and we're having tea",
    "yes safe, he went to work so its calm now",
    "safe 🙂 on the bus home from training with my mates",
    "honestly im fine, i was just venting about my exams",
])
def test_safe_in_own_words(text):
    from signposting.parsing import states_safe_in_own_words

    assert states_safe_in_own_words(text)


@pytest.mark.parametrize("text", [
    "yeah im safe, just sat on the bridge watching the water",  # a place of danger
    "im fine, the rope is in my bag",  # a means outside the word list
    "safe for now",  # a limit
    "im safe but not for long",
    "yes im safe, hes downstairs",  # the person who hurts them near
    "im fine, hes coming back later",
    "im safe. i just wanted to say sorry to everyone",  # an ending
    "im ok, i gave my games to my brother today",
    "safe, it will all be over soon",
    "im fine i think",  # doubt
    "yeah safe lol 🙃",  # an emoji that may say the opposite
    "im at home. is that safe",  # a question without its mark
    "im safe, home alone tonight",
    "im fine, ive got everything ready",
])
def test_hidden_danger_is_never_safe_in_own_words(text):
    from signposting.parsing import states_safe_in_own_words, states_safe_now

    assert not states_safe_in_own_words(text)
    assert not states_safe_now(text)


def test_a_child_where_they_are_is_safe_in_own_words_when_asked_about_them():
    from signposting.parsing import states_safe_in_own_words

    assert states_safe_in_own_words("hes safe, hes in his room with me and his dad", about_someone_else=True)
    assert not states_safe_in_own_words("im safe, hes in his room", about_someone_else=False)


@pytest.mark.parametrize("text", [
    "shes asleep upstairs now", "she is with her mother now", "he is at school", "hes with his dad",
    "he is with me", "theyre at their nans house", "she's sat with me now",
])
def test_where_a_child_is_with_an_adult_or_asleep_is_safe_when_asked_about_them(text):
    """A user trial, session 47: "shes asleep upstairs now" and "she is with her mother now", typed to
    "Is your child safe right now?", got "Please call 999 now"."""
    from signposting.parsing import states_safe_in_own_words, tells_where_they_are_with_someone

    assert tells_where_they_are_with_someone(text, "she told me last night she wants to die")
    assert not states_safe_in_own_words(text, about_someone_else=False)  # never of the speaker themselves
    assert not states_safe_in_own_words(text, about_someone_else=True)  # only as the crisis told allows


@pytest.mark.parametrize(("crisis", "answer"), [
    ("my son tried to hang himself tonight", "hes asleep now"),
    ("my daughter cut her wrists and there was a lot of blood", "shes asleep upstairs now"),
    ("she has been drinking and took something, i dont know what", "shes asleep now"),
    ("my son said he wants to kill himself and he has a rope in his room", "hes asleep in his room"),
    ("my daughter says she wants to die", "shes asleep in the bath"),
    ("my sister cut herself really deep", "shes asleep now"),
    ("my son says his dad hits him and he wants to die", "hes at his dads"),
    ("my daughter told me her uncle has been touching her", "she is with her uncle"),
    ("my son is being made to sell drugs by older lads and they threatened to stab him", "hes at his friends house"),
    ("my son says he wants to die", "hes asleep again"),
])
def test_where_they_are_is_no_safe_answer_after_an_act_its_means_or_the_one_who_hurts_them(crisis, answer):
    """The review, session 47: each of these got "I'm glad your child is safe" in a first version."""
    from signposting.parsing import tells_where_they_are_with_someone

    assert not tells_where_they_are_with_someone(answer, crisis)


@pytest.mark.parametrize("text", [
    "shes in her room", "No he is at school", "she is asleep but she said she will do it tomorrow",
    "she is with her boyfriend", "he is at school, i think", "hes asleep?",
])
def test_where_a_child_is_says_nothing_of_safety_alone_or_with_doubt(text):
    from signposting.parsing import tells_where_they_are_with_someone

    assert not tells_where_they_are_with_someone(text, "she told me last night she wants to die")


@pytest.mark.parametrize(("text", "role"), [
    ("TA at his school, year 4", "professional"), ("football coach, one of my under 14s has been struggling", "professional"),
    ("i coach netball in sawbridgeworth", "professional"), ("asking for my mate, we're both in year 9", "young_person"),
    ("its for my mate", "young_person"), ("the coach touched me", "young_person"), ("ta", None),
    ("ta for that", None), ("i coach myself", "young_person"), ("a coach at my club said i should talk to someone", None),
])
def test_coaches_teaching_assistants_and_asking_for_a_mate(text, role):
    """Development author D4 (session 22): "TA at his school" and "football coach…" were not understood."""
    from signposting.parsing import parse_role_typed

    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", ["sure why not", "definately, thank you", "alright go on"])
def test_more_ways_to_say_yes_to_the_offer(text):
    from signposting.parsing import parse_yes_no

    assert parse_yes_no(text, loose=True) == "yes"


@pytest.mark.parametrize(("text", "role"), [
    ("ta at the school told me to try this", "young_person"), ("coach at football told me about this", "young_person"),
    ("im 15 and i coach the under 9s", "young_person"), ("mum, i coach the team too", "parent_carer"),
    ("i run the football team my son plays for", "parent_carer"), ("i'm a nurse at my gp surgery", "professional"),
    ("i work as a counsellor in my own practice", "professional"), ("asking for my friend, her son is 15", None),
    ("i coach netball in sawbridgeworth, one of the girls asked me to look", "professional"),
])
def test_a_job_said_of_someone_the_young_person_knows_or_beside_a_parent_or_an_age(text, role):
    """The second review of session 22: "ta at the school told me to try this" and "im 15 and i
    coach the under 9s" had become professionals, "im a nurse at my gp surgery" nobody."""
    from signposting.parsing import parse_role_typed

    assert parse_role_typed(text) == role


@pytest.mark.parametrize(("text", "low", "high"), [
    ("almost 18 now", 17, 17), ("she turned 16 in may and is in year 11", 16, 16), ("my boys are 12 and 15 next month", 12, 15),
    ("year 9, off school for six weeks", 13, 14), ("year 6 and her brother is nine", 10, 11), ("16 sorry 18 months waiting", 16, 16),
    ("in yeer 11 now", 15, 16), ("2 kids aged 8 and 15 in june", 8, 15),
])
def test_the_second_review_of_two_ages_in_one_answer(text, low, high):
    from signposting.parsing import parse_age

    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


@pytest.mark.parametrize(("text", "answer"), [
    # development authors at the offer (session 25): a yes or no with its reason and no comma
    ("obviously yes thats why im here", "yes"), ("yeah thats why im here", "yes"), ("yes ofc", "yes"),
    ("no i just wanted to look", "no"), ("nah just looking thanks", "no"), ("no not really", "no"),
    ("no i just wanted to talk", "no"), ("no i just want to talk to someone", None),  # asking for someone: the NLU
    ("maybe another time", "no"),
    # yes and no in scripts the text is normalised without
    ("نعم", "yes"), ("ہاں", "yes"), ("हाँ", "yes"), ("так", "yes"), ("لا", "no"), ("नहीं", "no"), ("ના", "no"),
    # a reason that asks for something else, doubts or turns it round is left to the NLU
    ("yes i need to talk to someone", None), ("yes it didnt help", None), ("yeah whatever", None), ("yeah right", None),
    ("yes but will my mum know", None), ("no i want help", None), ("yeah no", None),
    # the review (session 25): a reason after yes only from a closed list; "no ... just" asking for nothing
    ("yeah i took them", None), ("yh i cut again", None), ("no i just need help", None),
    ("nah just need someone to talk to", None), ("no just tell me who to call", None),
])
def test_a_yes_or_no_with_its_reason_and_no_comma(text, answer):
    from signposting.parsing import parse_yes_no

    assert parse_yes_no(text, other_languages=True, loose=True) == answer


@pytest.mark.parametrize("text", ["نعم", "لا", "yeah thats why im here", "no i just wanted to talk"])
def test_those_are_read_only_where_a_choice_is_asked(text):
    """(see below)"""
    _read_only_at_a_choice(text)


@pytest.mark.parametrize("text", ["maybe another time", "another day", "maybe next time"])
def test_another_time_is_a_no_to_a_choice_only(text):
    """To the check question ("Are you thinking about hurting yourself…?") it is no answer (the review)."""
    from signposting.parsing import answer_to_are_you_safe, parse_yes_no

    assert parse_yes_no(text, loose=True) == "no"
    assert parse_yes_no(text) is None and answer_to_are_you_safe(text) is None


def _read_only_at_a_choice(text):
    """"Are you safe right now?" and the check question do not read them: other scripts only at
    the offer, a reason without a comma only at a question that is a choice."""
    from signposting.parsing import parse_yes_no

    assert parse_yes_no(text) is None


@pytest.mark.parametrize("text", ["sure sure", "alright alright"])
def test_a_yes_said_twice_may_be_sarcasm(text):
    from signposting.parsing import parse_yes_no

    assert parse_yes_no(text, loose=True) is None


@pytest.mark.parametrize(("text", "role"), [
    ("jestem mamą", "parent_carer"), ("sunt mama lui", "parent_carer"), ("sou a mãe dela", "parent_carer"),
    ("أنا والدها", "parent_carer"), ("میں اس کی ماں ہوں", "parent_carer"), ("मैं उसकी माँ हूँ", "parent_carer"),
    ("હું તેની મમ્મી છું", "parent_carer"), ("main uski maa hoon", "parent_carer"), ("я мама", "parent_carer"),
    ("jestem smutna", None), ("mama", None), ("my mama said to use this", None),
])
def test_a_parent_says_who_they_are_in_another_language(text, role):
    """Development authors D2 and D3 (session 25): "Sorry, I didn't get that" at "Who is chatting today?"."""
    from signposting.parsing import parent_in_another_language

    assert parent_in_another_language(text) == role


def test_a_parent_word_in_another_language_is_not_a_role_in_passing():
    """"мама" or "माँ" in passing may be a child's mother: only the answer to the role question counts."""
    from signposting.parsing import parse_role_typed

    assert parse_role_typed("я мама") is None


@pytest.mark.parametrize(("text", "concern"), [
    # the review (session 25): an adult or a stranger who won't leave someone alone is not bullying
    ("a man online wont leave me alone", "online_safety"), ("my stepdad wont leave me alone", "family"),
    ("these girls in my year wont leave me alone", "bullying"),
    ("a bit of everything tbh", "other"), ("honestly just everything at the moment", "other"),
])
def test_who_wont_leave_someone_alone(text, concern):
    from signposting.parsing import parse_concern

    assert parse_concern(text) == concern


@pytest.mark.parametrize(("text", "low", "high"), [("year 7 sorry 8", 12, 13), ("year 10 no 11", 15, 16), ("year 7 sorry 12", 12, 12)])
def test_a_bare_number_correcting_a_school_year(text, low, high):
    """A number close to the school year corrected is a school year; far from it, an age."""
    from signposting.parsing import parse_age

    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


def test_a_school_after_the_age_is_no_place():
    from signposting.parsing import place_said_as_home

    assert place_said_as_home("14 and i am at st peters") is None


@pytest.mark.parametrize("text", ["allow it", "nah allow it", "allow that"])
def test_allow_it_is_a_no_to_a_choice_only(text):
    """London slang for "leave it" (development author T1): a no to the offer, never read as a no
    to "Are you safe right now?" or the check question."""
    assert parse_yes_no(text, loose=True) == "no"
    assert parse_yes_no(text) is None


@pytest.mark.parametrize("text", ["yh if u want", "yeah if you like", "ok if thats ok"])
def test_a_yes_if_you_like_to_a_choice(text):
    """Development author D9: "yh if u want" to the offer got the privacy reply."""
    assert parse_yes_no(text, loose=True) == "yes"


@pytest.mark.parametrize("text", ["st marks and working on my maths", "beauchamp and working hard",
                                  "year 11 and working part time", "at college and working"])  # the review
def test_working_at_school_is_no_absence(text):
    assert parse_school_absence(text) is None


@pytest.mark.parametrize("text", ["dad came home drunk and had a knife", "mum is drunk again", "dad keeps shouting at me",
                                  # any verb, not only those listed (session 46): a child telling of home
                                  "dad beats mum", "mum cries all the time", "nan died last week",
                                  "mum and dad are splitting up"])
def test_a_family_word_as_the_subject_of_what_is_told_is_not_the_speaker(text):
    """A phone trial (session 33): "dad came home drunk and had a knife" made a child a parent, and
    after "its fine im ok" the form asked "How old is your child?"."""
    assert parse_role_typed(text) != "parent_carer"


@pytest.mark.parametrize("text", ["mum", "dad here", "mum, i coach the team too", "mum of 3", "mum worried about my son",
                                  # development authors: the family word alone before the first break
                                  "auntie - she lives with me, kinship care", "auntie. she lives with us at the minute",
                                  "grandparent, we have special guardianship of both kids", "his dad, we're in rutland, is that ok?",
                                  "dad, son is 15", "mum to a 12 year old", "mum and dad here", "mum is worried about him",
                                  "mum can you help", "dad, 45, my son is 14",
                                  # the review (session 46) of a first version that listed what may follow
                                  "dad needs help with son", "mum for a 12 year old", "mum with a 14 year old who is self harming",
                                  "mum so worried", "dad, at my wits end", "mum. 15yo daughter self harming", "mum, help"])
def test_a_family_word_said_of_oneself_is_still_the_speaker(text):
    assert parse_role_typed(text) == "parent_carer"


@pytest.mark.parametrize("text", ["kings langley school", "the priory academy", "Hitchin Girls School", "st marys high",
                                  "sandringham school", "beauchamp college"])
def test_a_school_s_name_alone_names_a_school(text):
    from signposting.parsing import names_a_school

    assert names_a_school(text)


@pytest.mark.parametrize("text", ["i hate school", "bullied at school", "my school", "school", "new school", "going to school",
                                  "no school", "leventhorpe", "scared of school", "he refuses school",
                                  # the review (session 34)
                                  "self harm school", "panic attacks school", "sick of school", "she gets high", "his school"])
def test_a_worry_about_school_or_a_bare_name_does_not(text):
    from signposting.parsing import names_a_school

    assert not names_a_school(text)


# --- Session 35: development authors D12 and D13 ----------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("nah ur alright", "skipped"), ("no im good", "skipped"), ("nah you are fine", "skipped"),
    ("we just moved from Romania, he does not have school yet", "not at school"),
    ("she hasnt got a school place yet", "not at school"), ("no school yet", "not at school"),
    ("he hasnt started school yet", "not at school"),
    ("i dont have school today", None),  # a day off, not out of school
    ("my school doesnt have a counsellor", None),
])
def test_school_answers_of_d12(text, expected):
    assert parse_school_absence(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("for my beta", "parent_carer"), ("its for my beti", "parent_carer"),
                                                ("testing the beta", None)])
def test_son_and_daughter_in_hindi_urdu_gujarati_and_punjabi(text, expected):
    assert parse_role_typed(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("That would be lovely, thank you so much.", "yes"),  # got "You're welcome. Take care."
    ("yes please thanks very much", "yes"), ("no thank you so much", "no"), ("thank you so much", None),
])
def test_thanks_so_much_around_a_yes_or_a_no(text, expected):
    assert parse_yes_no(text, loose=True) == expected


@pytest.mark.parametrize(("text", "low"), [("He'll be 16 in a fortnight, so 15 for now.", 15), ("15 for now", 15),
                                           ("12 (13 in a fortnight)", 12)])
def test_an_age_for_now_and_a_birthday_in_a_fortnight(text, low):
    age = parse_age(text)
    assert age is not None and (age.low, age.high) == (low, low)


def test_a_mothers_partner_is_a_carer_and_a_young_person_speaks_of_one():
    assert parse_role_typed("I'm his mother's partner, we've been together six years and he lives with us.") == "parent_carer"
    assert parse_role_typed("my mums partner hits me") != "parent_carer"


# --- Session 35: development authors D14 and D15 ----------------------------------------------------


def test_dont_no_is_dont_know_and_an_age_in_reception_is_that_age():
    assert parse_age("i dont no") == parse_age("i dont know")
    assert (parse_age("he's 4, in reception").low, parse_age("he's 4, in reception").high) == (4, 4)
    assert (parse_age("reception").low, parse_age("reception").high) == (4, 5)


@pytest.mark.parametrize(("text", "expected"), [
    ("not rn i just wanted to vent", "no"), ("no ta, I'll talk to his school first", "no"),
    ("no i just need help now", None),  # asks for something: no answer to a choice
])
def test_a_no_with_its_reason_to_the_offer(text, expected):
    assert parse_yes_no(text, loose=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I do not want to tell you my school.", "skipped"), ("dont want to tell u", "skipped"),
])
def test_not_telling_the_school(text, expected):
    assert parse_school_absence(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("i'm the kids stepmum", "parent_carer"), ("Youth Offending Team case manager", "professional"),
    ("im under yot", None),  # a young person's words: never a worker
])
def test_roles_of_d14_and_d15(text, expected):
    assert parse_role_typed(text) == expected


# --- Session 35: the review ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["my beta fish died and im really sad", "my beta blockers arent helping my anxiety"])
def test_beta_inside_a_sentence_is_no_child(text):
    assert parse_role_typed(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("i dont want to tell my school", None),  # the school told: never a decline
    ("dont want to say which school", "skipped"),
    ("he did not get a school place at Beauchamp so he goes to Gartree", None),  # names one
    ("no college right now shes on study leave", None),
])
def test_the_reviews_school_answers(text, expected):
    assert parse_school_absence(text) == expected


@pytest.mark.parametrize(("text", "low"), [("16 in a fortnight", 15), ("18 in a couple of weeks", 17), ("18 in a few days", 17),
                                           # one list of "soon" (session 36): these two forms were in one copy only
                                           ("15 in a couple of months", 14), ("13 in a few weeks", 12),
                                           # the weeks to go are no age (they kept "14 in 3 weeks" at 14)
                                           ("14 in 3 weeks", 13), ("she'll be 11 in 2 months", 10)])
def test_a_birthday_soon_said_alone_is_one_less(text, low):
    age = parse_age(text)
    assert age is not None and (age.low, age.high) == (low, low)


@pytest.mark.parametrize("text", ["not today, i need help now", "not now, where can i get help", "no, i need someone"])
def test_a_no_with_a_plea_for_help_is_no_goodbye(text):
    assert parse_yes_no(text, loose=True) != "no"


# --- Development authors D16 and D17 (session 36) -------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("not in anything right now", "not at school"),
    ("school?? I work full time", "not at school"),  # the question echoed first
    ("school no. me work", "not at school"),
    ("not comfortable sharing that, sorry", "skipped"),  # got the privacy answer
    ("not comfortable sharing that", "skipped"),
    ("he is not in anything he likes", None),  # not the whole answer
    ("year 11 and working part time", None),
    # development authors D18, D19, D20 (session 43)
    ("left in june, not doing anything at the moment", "not at school"), ("i work full time at tesco", "not at school"),
    ("Not currently on roll anywhere", "not at school"), ("I'm 22, I finished uni last year", "not at school"),
    ("dont want to say the school, sorry", "skipped"),
    ("i work full time at tesco but im at college", None), ("i dont want to say which school but its in harlow", None),
    # a school named or complained of, never "not at school" (the review, session 43)
    ("the school are not doing anything at the moment", None), ("i work at oakwood academy", None),
    ("working for my gcses", None), ("left in year 9 from mark hall", None), ("left this year, now at harlow college", None),
    ("burnt mill academy, address unknown", None),
])
def test_d16_and_d17_school_answers(text, expected):
    assert parse_school_absence(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("not at the moment, I need to speak to her social worker first", "no"),
    ("not yet, i need to talk to my mum first", "no"),
    ("not now, i need to talk to someone", None),  # a plea for help is no goodbye
    ("not at the moment, i need someone first", None),
    ("not at the moment, i just feel numb", None),  # how they feel: no goodbye (the review)
    ("not yet, i just want to talk", None),
])
def test_a_no_until_someone_else_is_asked_first(text, expected):
    assert parse_yes_no(text, loose=True) == expected


@pytest.mark.parametrize(("text", "role"), [
    ("Both, I am mum and also I work as teaching assistant but this is for my son", "parent_carer"),
    ("im a teacher but its for my daughter", "parent_carer"),
    ("unit welfare officer at Kendrew Barracks", "professional"),
    ("education welfare officer", "professional"),
    ("I'm the night manager at a children's home", "professional"),
    ("respite foster carer, he stays with us at weekends", "parent_carer"),
    ("the welfare officer at school hit me", "young_person"),  # done to the speaker: no professional
])
def test_d16_and_d17_roles(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", ["n/a", "N/A", "not applicable"])
def test_not_applicable_to_the_age_question_is_dont_know(text):
    age = parse_age(text)
    assert age is not None and age.unknown


@pytest.mark.parametrize(("text", "expected"), [
    ("yes, is it free?", "yes"), ("sure, can it be online? i dont drive", "yes"), ("yes, how long is the wait?", "yes"),
    ("Yes. Anything that doesn't have a 2 year wait", "yes"), ("nah ive got a uni counsellor already", "no"),
    ("no we've already got a social worker", "no"), ("sí, por favor", "yes"), ("não, obrigado", "no"),
    # not answers
    ("yes? what do you mean", None), ("yes, wait what is this", None), ("yeah, is this a real person?", None),
    ("yes, but is it free?", None), ("no ive got nobody", None), ("nah i've got a therapist but i want another one", None),
])
def test_the_offer_answered_with_a_question_or_a_reason_as_people_type_it(text, expected):
    """Development author D18 (session 39): a yes with a question about the support, a no with what
    they already have, and Spanish with its accent."""
    assert parse_yes_no(text, other_languages=True, loose=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("just me, no parents involved please", "young_person"), ("I'm a mum myself but this is for me, I'm 21", "young_person"),
    ("just me and my son", "parent_carer"), ("im his mum but this is about me really", "parent_carer"),
    # the review (session 39): a child or a role said beside "just me" or "for me"
    ("just me asking for my son", "parent_carer"), ("just me, im his dad", "parent_carer"),
    ("im a teacher but this is for me", "professional"), ("just me, no parents or carers involved", "young_person"),
    ("Personal adviser for care leavers", "professional"), ("im a care leaver and my PA is rubbish", "young_person"),
])
def test_the_speaker_named_beside_a_family_word(text, expected):
    """Development author D18 (session 39): "parents" and "mum" were read as the role."""
    assert parse_role_typed(text) == expected


@pytest.mark.parametrize(("text", "answer"), [
    ("haa", "yes"), ("na'am", "yes"), ("aama", "yes"), ("maya, mahadsanid", "no"), ("la shukran", "no"),
    ("vendam", "no"), ("nao obrigada", "no"),
    ("ha", None), ("la", None),  # a laugh, a note: never a yes or a no
])
def test_yes_or_no_to_the_offer_in_the_languages_of_our_areas(text, answer):
    """Development author D19 (session 40): parents of Leicester and Harlow answering the offer."""
    assert parse_yes_no(text, other_languages=True, loose=True) == answer
    assert parse_yes_no(text) is None  # only at the offer


@pytest.mark.parametrize(("text", "expected"), [
    ("yes find something for him", "yes"), ("yeah find help for my daughter", "yes"),
    ("yes but not CAMHS, we've tried them", "yes"), ("yes but not camhs", "yes"),
    # not a yes: the "but" turns it, or asks something else
    ("yes but not now", None), ("yes but not for me", None), ("yes find him", None),
])
def test_a_yes_to_the_offer_with_who_it_is_for_or_a_service_set_aside(text, expected):
    """Development authors D16 and D18 (session 44): "yes find something for him" and "yes but not
    CAMHS, we've tried them" got "Sorry, I didn't get that" after "I'm glad you're safe"."""
    assert parse_yes_no(text, other_languages=True, loose=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("nah ive got a uni counsellor already", True), ("no. he already has a cahms worker", True),
    ("No. My social worker is already sorting it.", True), ("No thanks, already have the local list", True),
    ("No. I only wanted information.", True), ("nah i only wanted to know", True),
    # not a plain reason: nothing had, a turn, or more wanted
    ("no ive got nobody", False), ("no ive got a counsellor but it isnt helping", False),
    ("no i just wanted information but im not ok", False), ("no i only wanted to talk to someone", False),
    ("no, i already have the list but i still want to die", False), ("yes i only wanted information", False),
])
def test_a_no_to_the_offer_for_a_plain_reason(text, expected):
    """"No. I only wanted information." and "No thanks, already have the local list" got the whole
    crisis reply again after "I'm safe" (development author D10, session 44)."""
    assert declines_with_a_plain_reason(text) is expected


@pytest.mark.parametrize(("text", "role"), [
    ("I'm his big sister, I've had him since mum died. I'm 24", "parent_carer"),
    ("I'm 23 and I have guardianship of my little brother", "parent_carer"),
    ("family friend, her mum asked me to look into it", "parent_carer"),
    # a young sibling, or a family friend told of by a child, stays a young person
    ("im his big sister im 16 he lives with me", "young_person"), ("family friend sends me pics", "young_person"),
    ("family friend, my mum told me to talk to her", "young_person"),
])
def test_an_adult_sibling_or_family_friend_asking_for_the_child(text, role):
    """Development authors D2, D15 and D16 (session 44): kept after "No" to the check question, these
    were asked again ("I'm his big sister, I've had him since mum died. I'm 24" was a young person)."""
    assert parse_role_typed(text) == role


@pytest.mark.parametrize(("text", "concern"), [
    ("Eleven and I live in low burra", None), ("im from low", None),  # development author D3: "low" was low mood
    ("low", "low_mood"), ("feeling low", "low_mood"), ("i feel low and live in hitchin", "low_mood"),
])
def test_low_at_the_start_of_where_someone_lives_is_no_mood(text, concern):
    assert parse_concern(text) == concern


@pytest.mark.parametrize(("text", "role"), [
    ("I'm not a parent or a professional so I assume I am the first option.", "young_person"),  # D10: "Sorry"
    ("i ll go with the first", "young_person"), ("im the last one", "professional"),
    ("the first one", "young_person"), ("second please", "parent_carer"),
])
def test_a_button_named_by_its_place_in_a_sentence(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize(("text", "low", "high"), [
    ("I am 15. The button says 15 to 16 but I am only 15.", 15, 15),  # D14: 15 to 16
    ("42 - oh sorry you mean him, he's 11", 11, 11), ("38 sorry thats me, my daughter is 15", 15, 15),  # D18: 42, 38
    ("Sorry, 12. No, I meant 13 – she had her birthday last week.", 13, 13),  # D13: 12
    # unchanged
    ("im 13 to 14", 13, 14), ("im 13 or 14", 13, 14), ("hes in reception", 4, 5), ("14 sorry 15 in may", 14, 14),
])
def test_ages_put_right_in_the_same_message(text, low, high):
    age = parse_age(text)
    assert age is not None and (age.low, age.high) == (low, high)


def test_on_reception_is_a_job_not_a_school_year():
    """Development author D6: "I don't know his date of birth offhand, I'm just on reception" was 4 to 5."""
    age = parse_age("I don't know his date of birth offhand, I'm just on reception")
    assert age is not None and age.unknown


def test_taught_at_home_is_not_at_school():
    assert parse_school_absence("she is not going school now, we teach her at home") == "not at school"


@pytest.mark.parametrize(("text", "about_someone_else"), [
    ("yes im safe, its just embarrassing", False), ("yeah im ok at the moment, just want someone to talk to", False),
    ("yes im safe, honestly its just awkward", False),
])
def test_safe_in_own_words_session_44(text, about_someone_else):
    from signposting.parsing import states_safe_in_own_words

    assert states_safe_in_own_words(text, about_someone_else)


@pytest.mark.parametrize("text", [
    "im safe, hes asleep upstairs",  # of one's own safety, who is near may be who hurts them
    "im safe, im going to finish it tonight", "yes safe but i want to walk into the sea",
    # the review (session 44): words first added to the list, then taken out again
    "im ok, i keep them in my room", "im fine, keeping it for later", "im fine i had some earlier", "im ok ive had loads",
    "im fine, mum can have the cat", "im fine, i apologised to everyone", "im safe. wrote to everyone earlier",
    "im fine, going for a long walk tonight", "im fine it all feels like a dream", "im not in danger anymore",
])
def test_still_never_safe_in_own_words_session_44(text):
    from signposting.parsing import states_safe_in_own_words, states_safe_now

    assert not states_safe_in_own_words(text) and not states_safe_now(text)


@pytest.mark.parametrize("text", [
    "yes shes safe, hes asleep upstairs", "shes fine, shes sleeping it off upstairs",  # the review, session 44
    "im not in danger",  # asked about the child, the speaker's own safety says nothing of the child's
])
def test_never_safe_of_a_child_session_44(text):
    from signposting.parsing import states_safe_in_own_words, states_safe_now

    assert not states_safe_in_own_words(text, True) and not states_safe_now(text, True)


@pytest.mark.parametrize("text", ["im not in danger rn", "im not in danger", "i am not in any danger now"])
def test_danger_denied_is_safe_said_plainly(text):
    """A user trial (session 44): "im not in danger rn tho" after "Please call 999 now" got "Sorry, I
    didn't get that"."""
    from signposting.parsing import states_safe_now

    assert states_safe_now(text)


@pytest.mark.parametrize("text", ["im not in danger but", "im not in danger for now", "im not in danger tho he is back",
                                  "is she not in danger", "im not in danger, she is", "hes not in danger, i am"])
def test_danger_denied_with_a_turn_is_not_safe(text):
    from signposting.parsing import states_safe_in_own_words, states_safe_now

    assert not states_safe_now(text) and not states_safe_in_own_words(text)


@pytest.mark.parametrize(("text", "age"), [("im 15 wait no 16 sorry", 16), ("15 sorry 16 sorry", 16), ("14 no 15 lol", 15),
                                           ("im 14 sorry 15 in may", 14)])
def test_a_correction_ended_with_an_apology_or_a_laugh(text, age):
    """A user trial (session 44): "im 15 wait no 16 sorry" was kept as 15."""
    parsed = parse_age(text)
    assert parsed is not None and (parsed.low, parsed.high) == (age, age)


@pytest.mark.parametrize(("text", "age"), [
    ("Hello. I am mother. My son have 15 year", 15), ("my daughter have 12 years old", 12), ("me, 18", 18), ("its me 14", 14),
    ("she has 3 years left at school", None), ("i have 2 kids", None), ("me", None),
])
def test_an_age_in_passing_as_people_type_it(text, age):
    """A user trial (session 44): "My son have 15 year" and "me, 18" were asked their age again."""
    parsed = parse_age_mention(text)
    assert (parsed.low if parsed else None) == age


@pytest.mark.parametrize(("text", "concern"), [
    ("ppl r horribal to me at skool and i hate my self", "bullying"),  # a user trial: body image
    ("people are horrible to me at school", "bullying"), ("my mum is horrible to me", "family"),
])
def test_others_at_school_being_horrible_is_bullying(text, concern):
    assert parse_concern(text) == concern


@pytest.mark.parametrize(("text", "low"), [
    ("45 sorry thats my age, shes 14 in year 9", 14), ("38 thats me, hes 14, his sister is 17", 14),
    ("30 not me, the child is 12 and 13 next week", 12), ("22 sorry thats me, hes 3", 3),
])
def test_the_childs_age_after_the_speakers_own_the_review(text, low):
    """The review (session 44): the last number was taken (9, 17, 13) and a parent of 25 or under was left out."""
    parsed = parse_age(text)
    assert parsed is not None and parsed.low == low


@pytest.mark.parametrize(("text", "role"), [
    ("i have guardianship of my little brother, im 14", "young_person"),
    ("im 17 and i have guardianship of my little brother", "young_person"),
])
def test_a_young_sibling_saying_guardianship_stays_a_young_person(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", ["i teach her at home after school", "we teach him at home on fridays, otherwise hes at st marys"])
def test_teaching_at_home_beside_school_is_no_absence(text):
    assert parse_school_absence(text) is None


@pytest.mark.parametrize("text", ["I don't know the name of her school, it's the one in Melton", "the one in melton", "which one",
                                  "no one knows", "shes one of the quiet ones", "the one with the blue door"])
def test_one_in_a_sentence_is_no_age(text):
    """A user trial (session 45): "it's the one in Melton" at the age question, kept through the check
    question, was age 1, and a grandmother's services were chosen for a baby."""
    age = parse_age(text)
    assert age is None or age.unknown


@pytest.mark.parametrize("text", ["one", "she is one", "one year old", "he turned one in may", "just one", "shes one", "one and a half"])
def test_one_said_as_an_age_is_one(text):
    age = parse_age(text)
    assert age is not None and (age.low, age.high) == (1, 1)


@pytest.mark.parametrize(("text", "age"), [("I am writing about my granddaughter who is 14, we live in Melton Mowbray", 14),
                                           ("my nephew whos 9", 9), ("my granddaughter is fourteen", 14)])
def test_an_age_said_of_a_grandchild_or_a_nephew_in_passing(text, age):
    found = parse_age_mention(text)
    assert found is not None and found.low == found.high == age


@pytest.mark.parametrize(("text", "role"), [
    ("Hello, I'm a Year 11 form tutor at Mark Hall Academy in Harlow. One of my students (16) is struggling", "professional"),
    ("can I refer her myself?", None),  # a user trial (session 45): a form tutor made a young person
    ("i did it myself", None),
    ("its for myself", "young_person"),
    ("myself", "young_person"),
    ("my mum said i should talk to someone", "young_person"),  # a user trial (session 45): "Sorry"
    ("my teacher told me to get help", "young_person"),
])
def test_a_form_tutor_and_doing_something_oneself(text, role):
    assert parse_role_typed(text) == role


@pytest.mark.parametrize("text", ["nah not telling u", "no not telling you", "um not saying"])
def test_a_no_then_a_refusal_is_declined(text):
    """A user trial (session 45): "nah not telling u" at the school question got "Sorry"."""
    assert is_declined(text)


@pytest.mark.parametrize(("text", "role"), [("im a volunteer at a youth club", "professional"),
                                            ("youth club volunteer here", "professional")])
def test_a_volunteer_with_young_people_is_a_professional(text, role):
    """A user trial (session 45): "Sorry, I can't help with that"."""
    assert parse_role_typed(text) == role


@pytest.mark.parametrize(("text", "pause"), [
    ("hang on", True), ("brb", True), ("one sec", True), ("ok im back", True), ("sorry my brother came in", True),
    ("give me a sec", True), ("hang on my mum is calling me", True),
    # never an adult coming in (it may be the danger), nor "back" or "wait" alone (a request, a correction)
    ("sorry my dad came in", False), ("back", False), ("wait", False), ("hang on i got that wrong im 15", False),
])
def test_a_pause_at_a_question(text, pause):
    """A user trial (session 46): "hang on" was taken as a school's name, "brb" as a place."""
    from signposting.parsing import takes_a_pause

    assert takes_a_pause(text) is pause


@pytest.mark.parametrize(("text", "asks"), [
    ("whats a postcode", True), ("i dont no what a postcode is", True), ("wat is a postcode", True),
    ("What does first part of your postcode mean? Do you mean the letters?", True), ("i dont know my postcode", True),
    ("i dont know", False), ("LE4", False), ("not telling you my postcode", False),
])
def test_what_a_postcode_is_asked(text, asks):
    """A user trial (session 46): "i dont no what a postcode is" was read as no, and a 10-year-old was
    sent to help anywhere in England."""
    from signposting.parsing import asks_what_a_postcode_is

    assert asks_what_a_postcode_is(text) is asks


@pytest.mark.parametrize("text", ["Do I have to answer that?", "do i need to say", "is this optional"])
def test_whether_an_answer_is_needed_asks_why_the_form_asks(text):
    """Only at the form's questions: to a safety question it is no answer (the review, session 46)."""
    from signposting.parsing import asks_why_the_form_asks, asks_why_we_ask

    assert asks_why_the_form_asks(text)
    assert not asks_why_we_ask(text)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("I have two kids", None, None), ("my 3 children", None, None),  # how many, never an age (session 46)
    ("year 9 girls are mean to me", 13, 14),  # a school year's children (the review)
    ("i have 2 kids, the eldest is 14", 14, 14), ("he is two", 2, 2), ("two", 2, 2),
])
def test_how_many_children_is_no_age(text, low, high):
    age = parse_age(text)
    assert (age.low, age.high) == (low, high) if low is not None else age is None


@pytest.mark.parametrize(("text", "concern"), [
    # who sent them is no worry (a user trial, session 46: "family", and a list before the worry was asked)
    ("im 11 my mum sed i shud use this", None), ("my mum said i should use this", None),
    ("my mum sed i shud talk to sumone coz i keep crying", "low_mood"),
    ("my teacher told me to use this because im being bullied", "bullying"),
    ("my mum and dad are splitting up", "family"), ("my mum told me my dad left", "family"),
])
def test_who_sent_them_is_no_worry(text, concern):
    from signposting.parsing import parse_concern

    assert parse_concern(text) == concern


@pytest.mark.parametrize(("text", "only", "age"), [
    # a user trial (session 46): typed at the worry question, the check question, and the age stayed
    ("sorry i meant 15 not 13", True, 15), ("oops i meant 15", True, 15), ("sorry I meant she's 13 not 15", True, 13),
    ("i meant 15 minutes", False, None), ("sorry i meant 15 not 13 i want to die", False, 15), ("15", False, None),
])
def test_an_earlier_age_put_right(text, only, age):
    from signposting.parsing import only_puts_an_age_right, parse_age_mention

    assert only_puts_an_age_right(text) is only
    mention = parse_age_mention(text)
    assert (mention.low if mention else None) == age


@pytest.mark.parametrize(("text", "again"), [
    ("can i see the services", True), ("show me the list again", True), ("can i see them again", True),
    ("what were the services", True), ("where did the list go", True),
    ("can i see the services for my area", False), ("i want to see a counsellor", False), ("show me", False),
])
def test_the_list_asked_for_again(text, again):
    from signposting.next_step_request import asks_for_the_list_again

    assert asks_for_the_list_again(text) is again


def test_who_sent_them_never_takes_what_an_adult_says_before_abuse():
    """The review (session 46): "says come here" was read as who sent them to the chat."""
    from signposting.parsing import without_who_sent_them

    assert without_who_sent_them("my stepdad says come here then touches me") == "my stepdad says come here then touches me"
