import pytest

from signposting.parsing import (
    is_no_school,
    parent_speaking,
    parse_age,
    parse_age_mention,
    parse_concern,
    parse_role,
)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("14", 14, 14),
        ("im 15", 15, 15),
        ("fourteen", 14, 14),
        ("Twelve", 12, 12),
        ("twenty one", 21, 21),
        ("year 9", 13, 14),
        ("I'm in year 9", 13, 14),
        ("yr10", 14, 15),
        ("Year 7", 11, 12),
        ("year 13", 17, 18),
        ("reception", 4, 5),
        ("sixth form", 16, 18),
        ("13 to 14", 13, 14),
        ("under 11", 0, 10),
        ("19 to 25", 19, 25),
        ("he's 8", 8, 8),
        # Two ages in one answer (development author D4, session 22): the one meant now.
        ("14 sorry 15", 15, 15),
        ("about to turn 18, im 17 now", 17, 17),
        ("she'll be 14 in august so 13 now", 13, 13),
        ("12 (13 in may)", 12, 12),
        ("twelve, in year 7", 12, 12),
        ("13 in year 8", 13, 13),
        ("year 9 now", 13, 14),
    ],
)
def test_age_answers_become_age_ranges(text, low, high):
    age = parse_age(text)
    assert (age.low, age.high) == (low, high)
    assert not age.unknown


def test_year_9_means_13_or_14():
    assert parse_age("year 9").label == "13 to 14"


@pytest.mark.parametrize("text", ["don't know", "idk", "not sure", "rather not say", "skip"])
def test_dont_know_is_an_answer_that_widens_the_search(text):
    assert parse_age(text).unknown


def test_an_adult_age_is_out_of_range():
    assert parse_age("45").out_of_range


@pytest.mark.parametrize("text", ["hello", "stevenage", ""])
def test_no_age_in_text_is_none(text):
    assert parse_age(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my son is 8 and he's really anxious", (8, 8)),
        ("actually I'm 15", (15, 15)),
        ("wait i'm in year 10 not 9", (14, 15)),
        ("she is twelve", (12, 12)),
        ("my 14 year old won't talk to me", (14, 14)),
        ("i said 14 but im actually 15", (15, 15)),  # the age said last is the one meant
        ("oops i said 13 im 15", (15, 15)),
    ],
)
def test_ages_mentioned_in_passing_are_found(text, expected):
    age = parse_age_mention(text)
    assert (age.low, age.high) == expected


@pytest.mark.parametrize("text", ["SG1 2AB", "i live in stevenage", "14", "i have 2 brothers"])
def test_bare_numbers_are_not_ages_in_passing(text):
    assert parse_age_mention(text) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("young person", "young_person"),
        ("I'm a young person", "young_person"),
        ("me", "young_person"),
        ("parent or carer", "parent_carer"),
        ("im his mum", "parent_carer"),
        ("mum", "parent_carer"),
        ("my daughter is struggling", "parent_carer"),
        ("foster carer", "parent_carer"),
        ("professional", "professional"),
        ("I'm a teacher", "professional"),
        ("school nurse", "professional"),
        ("my mum keeps shouting at me", "young_person"),
        ("banana", None),
    ],
)
def test_roles(text, role):
    assert parse_role(text) == role


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("I can't sleep at night", "sleep"),
        ("been feeling really down", "low_mood"),
        ("my son is really anxious", "worry"),
        ("panic attacks", "worry"),
        ("getting bullied at school", "bullying"),
        ("stressed about my gcses", "exam_stress"),
        ("stressed about exams and cant sleep", "exam_stress"),
        ("i have no friends", "loneliness"),
        # development authors D3 and D7 (session 29): the questions started without the worry
        ("i have no frends at my new school", "loneliness"), ("no one talks to me at college", "loneliness"),
        ("i got no mates", "loneliness"),
        ("he wont go in, says everyone hates him", "school_refusal"),  # a phone trial (session 29): read as body image
        ("she refuses to go in most days", "school_refusal"),
        ("i get so angry", "anger"),
        ("my parents keep arguing", "family"),
        ("she's not eating much", "eating"),
        ("Self-harm", "self_harm"),
        ("Worry or anxiety", "worry"),
        ("Family problems", "family"),
        ("Something else", "other"),
        ("idk", "other"),
        # A user trial (session 19): thinking about dying is not grief; someone else dying is.
        ("i think about dying a lot", "suicidal_thoughts"),
        ("i think about my dad dying", "bereavement"),
        ("i cant stop thinking about death since my grandad died", "bereavement"),
    ],
)
def test_concerns(text, concern):
    assert parse_concern(text) == concern


def test_being_a_parent_is_not_a_family_problem():
    assert parse_concern("I'm a parent") is None


@pytest.mark.parametrize("text", ["skip", "don't know", "not at school", "home educated", "no"])
def test_no_school_answers(text):
    assert is_no_school(text)


def test_a_school_name_is_not_a_skip():
    assert not is_no_school("Marriotts School")


def test_parent_speaking():
    assert parent_speaking("my daughter is self harming")
    assert parent_speaking("our 12 year old is anxious")
    assert not parent_speaking("my mum is annoying")
    # A user trial: "my sons arms" (son's) got the young person's crisis reply and "Are you safe?"
    assert parent_speaking("i just found cuts on my son's arms")
    assert parent_speaking("my kids are struggling")
    assert not parent_speaking("my sister's friend is mean")


@pytest.mark.parametrize("text", [
    "Dear Sir, I am writing about my grandson Thomas aged 12. I have found cuts on his arms. Yours, Geoffrey",
    "my granddaughter said she wished she wasnt here", "our foster son is self harming", "my adopted daughter cuts herself",
])
def test_a_grandparent_or_a_foster_carer_speaks_of_a_child(text):
    """A user trial, session 47: a grandfather's letter got "Are you safe right now?" about himself."""
    assert parent_speaking(text)


@pytest.mark.parametrize("text", ["my nan is ill", "my grandad died", "my foster mum is strict", "im in foster care"])
def test_a_young_person_speaking_of_their_grandparents_or_carers_is_no_parent(text):
    assert not parent_speaking(text)


@pytest.mark.parametrize(("text", "coming"), [
    ("ok ambulance is coming", True), ("we are going to a&e now", True), ("ive called 999", True),
    ("taking her to hospital", True), ("they are on their way", True),
    ("i dont want to go to hospital", False), ("no ambulance", False), ("ok", False), ("i will", False),
])
def test_help_on_its_way(text, coming):
    from signposting.parsing import tells_help_is_coming

    assert tells_help_is_coming(text) is coming


@pytest.mark.parametrize("text", ["bye x", "see ya never 🫡", "anyway enough about me, night x", "ok. anyway thanks for the chat",
                                  "thanks for trying bot. u were nicer than most people. take care 🫶", "gotta go"])
def test_goodbyes_as_people_type_them(text):
    from signposting.parsing import says_goodbye

    assert says_goodbye(text)


@pytest.mark.parametrize("text", ["i cant sleep at night", "i will take care of my sister", "i have to say goodbye to my dog",
                                  "i have to go to school", "night out tomorrow", "i never got to say goodbye",
                                  "my nan died before i could say goodbye"])
def test_a_goodbye_inside_a_worry_is_not_leaving(text):
    from signposting.parsing import says_goodbye

    assert not says_goodbye(text)


@pytest.mark.parametrize(("text", "down"), [("its fine ill just lie down", True), ("got my hoodie on, its fine, no one will know", True),
                                            ("it'll be ok", True), ("i'm fine", False), ("its not fine", False),
                                            ("my mum is fine with it", False)])
def test_playing_it_down(text, down):
    from signposting.parsing import plays_it_down

    assert plays_it_down(text) is down


@pytest.mark.parametrize(("text", "safe"), [("dont worry im safe", True), ("im safe thanks bye", True), ("ok thanks bye", False),
                                            ("its fine ill just lie down", False), ("bye x", False)])
def test_safe_said_beside_goodbye_or_playing_down_words(text, safe):
    from signposting.parsing import safe_beside_leaving_words

    assert safe_beside_leaving_words(text) is safe


@pytest.mark.parametrize(("text", "low", "high"), [
    ("year 7 sorry year 8", 12, 13),  # was age 8: the second year's number read as an age
    ("year 9 no year 10", 14, 15),
    ("yr 8 oops yr 9", 13, 14),
    ("13, no wait 14", 14, 14),  # was 13: "no wait" is two correction words
    ("14 no sorry 15", 15, 15),
    ("year 7 sorry 12", 12, 12),  # a school year corrected to an age
    ("12 sorry year 7", 11, 12),  # an age corrected to a school year
    ("in year 10 but was year 9 when it started", 14, 15),  # was 9
])
def test_a_correction_with_school_years_keeps_the_last(text, low, high):
    """A correction may name school years, and take more than one word: the last answer is meant."""
    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("gcse year", 15, 16), ("doing my gcses", 14, 16), ("a level year", 16, 18), ("year 11 doing gcses", 15, 16),
])
def test_school_years_named_by_their_exams(text, low, high):
    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


@pytest.mark.parametrize(("text", "concern"), [
    ("gcse year and im being bullied", "bullying"), ("im 15 doing my gcses and i cant sleep", "sleep"),
    ("gcse year", None), ("doing my a levels", None),
    # exam words that are the worry stay the worry
    ("im stressed about my gcses", "exam_stress"), ("gcse year and im so stressed about exams", "exam_stress"),
    ("doing my gcses and really stressed", "exam_stress"),  # the review: the rest alone is "worry"
])
def test_the_worry_told_besides_a_school_stage_named_by_its_exams(text, concern):
    from signposting.parsing import only_an_exam_stage, parse_concern, worry_words

    # as the form reads a worry volunteered at another question (actions/triage_form.py)
    assert (None if only_an_exam_stage(text) else parse_concern(worry_words(text))) == concern


@pytest.mark.parametrize(("text", "place"), [
    ("im 16 from Braintree", "braintree"), ("15, we live in Bishop's Stortford", "bishops stortford"),
    ("16 and live in braintree", "braintree"), ("i live in luton", "luton"), ("we're from harlow", "harlow"),
    ("based in loughborough", "loughborough"), ("we live near leicester", "leicester"),
    ("16 lives in chelmsford", "chelmsford"), ("she is 12 lives in oadby", "oadby"),  # D7
    ("17, we're in Corby", "corby"), ("15 and we are near hitchin", "hitchin"),  # D18
    # not said as where they live: a next birthday, a school, a school year
    ("16 in march", None), ("13, belgrave", None), ("st marks in harlow", None), ("i am in year 9", None),
    ("she is at st marys", None),
])
def test_a_place_said_as_where_they_live(text, place):
    from signposting.parsing import place_said_as_home

    assert place_said_as_home(text) == place


@pytest.mark.parametrize(("text", "town"), [
    ("18 in peterborough", "peterborough"), ("14 and in corby", "corby"),
    # when, not where: a next birthday or a time to come
    ("16 in march", None), ("12 in june", None), ("13 in 2 weeks", None), ("15 in a few weeks", "a few weeks"),
    ("in peterborough", None), ("year 9 in harlow", None),
])
def test_the_words_after_an_age_and_in(text, town):
    """The caller (the form's extract_area) takes them only as a town's name that is no everyday
    word: "march" and "a few weeks" are (services_db.gazetteer.is_everyday)."""
    from signposting.parsing import town_after_an_age_and_in

    assert town_after_an_age_and_in(text) == town


@pytest.mark.parametrize("text", ["year 9 no idea", "year 7 or 8", "16 sorry 18 months waiting"])
def test_not_a_correction(text):
    """"no idea" corrects nothing; "or" offers two years; "18 months" is no age."""
    assert parse_age(text) is not None
    assert parse_age(text) == {"year 9 no idea": parse_age("year 9"), "year 7 or 8": parse_age("year 7 or year 8"),
                               "16 sorry 18 months waiting": parse_age("16")}[text]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("im 14 sorry 15 in may", 14, 14), ("15 no 16 in march", 15, 15), ("im 16 no 17 wait 16", 16, 16),
    ("shes 9 and her brother is 12 now", 9, 9), ("my kids are 6 and 9 atm", 6, 9), ("2 kids, 7 and 10 now", 7, 10),
])
def test_two_ages_that_are_not_a_correction_or_the_age_now(text, low, high):
    """The review of session 22: a next birthday is set aside before a correction is read, and
    "N now" beside another child's age is not the age now."""
    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


@pytest.mark.parametrize(("text", "slots"), [
    ("14", {"age": "14", "age_min": 14, "age_max": 14}),
    ("year 9", {"age": "13 to 14", "age_min": 13, "age_max": 14}),
    ("dont know", {"age": "not given", "age_min": None, "age_max": None}),
])
def test_an_age_answer_fills_the_same_slots_wherever_it_is_taken(text, slots):
    """The form and the crisis policy's language path set the age slots by `Age.slots`."""
    assert parse_age(text).slots() == slots



@pytest.mark.parametrize(("text", "low", "high"), [
    # a school year and its two ages (development author D9 got 13 to 18: "year 9, 13" was read as years 9 to 13)
    ("pupil is year 9, 13 or 14", 13, 14), ("year 10, 14 or 15", 14, 15), ("yr 9, 13/14", 13, 14),
    ("year 7 or 8", 11, 13), ("year 9 and 10", 13, 15),  # two school years, as before
    ("year 7-11", 11, 16), ("year 9 to 12", 13, 17), ("year 6 and 9", 10, 14),  # wider ranges too (the review)
    ("15 (year 11)", 15, 15), ("Y10, 15yo", 15, 15),
])
def test_a_school_year_and_its_ages(text, low, high):
    from signposting.parsing import parse_age

    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


@pytest.mark.parametrize(("text", "concern"), [
    ("her nerves are bad", "worry"), ("nerves", "worry"), ("she suffers with her nerves", "worry"),
    ("it gets on my nerves", None), ("nerves of steel lol", None),
])
def test_nerves_said_for_anxiety(text, concern):
    """A user trial, session 47: a grandmother's "her nerves are bad" got "Sorry, I didn't get that"."""
    assert parse_concern(text) == concern


@pytest.mark.parametrize(("text", "low", "high"), [
    ("anxiety since like year 7 and now im in year 9", 13, 14), ("she was in year 7 last year, now year 8", 12, 13),
    ("14 in year 10 no year 9 sorry", 13, 14), ("in year 10 but was year 9 when it started", 14, 15),
    ("he is 11, sorry no 12, he just had his birthday", 12, 12),
])
def test_the_age_meant_now_of_two_said_in_passing(text, low, high):
    """A user trial, session 47: "anxiety since like year 7 and now im in year 9" was read as 11 to 12,
    and "14 in year 10 no year 9 sorry" as 14 to 15."""
    from signposting.parsing import parse_age_mention

    for parse in (parse_age, parse_age_mention):
        age = parse(text)
        assert age is not None and (age.low, age.high) == (low, high), parse.__name__
