"""The worries people bring (issue #12c): parse_concern on the developer's dev set, the
concern vocabulary, and that each service's concern tags rest on what its source says."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.concern_accuracy import dev_examples
from services_db.seed import load_service_records
from signposting.parsing import BUTTON_CONCERNS, is_something_else, parse_concern, parse_role
from signposting.vocabulary import BEYOND_MENTAL_HEALTH, CONCERNS, TOPIC_CONCERNS

FACTS = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "services_facts.yaml"
NEW_CONCERNS = {
    "bereavement", "school_refusal", "neurodevelopmental", "substances", "gender_sexuality", "hearing_voices",
    "body_image", "ocd", "bedwetting", "young_carer", "relationships", "trauma", "online_safety",
}


@pytest.mark.parametrize(("text", "concern"), dev_examples())
def test_dev_examples(text, concern):
    assert parse_concern(text) == concern


def test_the_dev_set_covers_every_concern():
    assert {concern for _, concern in dev_examples()} >= set(CONCERNS) - {"suicidal_thoughts", "abuse"}


def test_the_labels_are_the_agreed_ones():
    assert set(CONCERNS) >= NEW_CONCERNS
    assert TOPIC_CONCERNS == NEW_CONCERNS
    assert BEYOND_MENTAL_HEALTH <= TOPIC_CONCERNS


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("I'm sad since my nan died", "bereavement"),  # the cause, not the feeling
        ("my mum died", "bereavement"),  # not a family problem
        ("i look after my mum", "young_carer"),
        ("i feel dead inside", "low_mood"),
        ("i keep snapping at everyone", "anger"),  # "snap" is not Snapchat
        ("my daughter is obsessed with counting calories", "eating"),
        ("he won't go to school because of his worries", "school_refusal"),
        # Bullying online is bullying: CEOP cannot take reports about bullying (fact sheet).
        ("people are mean to me online", "bullying"),
        ("im getting cyberbullied", "bullying"),
        ("people in my group chat keep picking on me on snapchat", "bullying"),
        ("hes being bullied on roblox", "bullying"),
        ("they bully me and said they'll share my nudes", "online_safety"),
        ("a stranger online keeps picking on me and asking for pics", "online_safety"),
        # Found in review: a threat to share pictures is for Report Remove and CEOP.
        ("being bullied on instagram, they screenshot my private photos and are threatening to post them", "online_safety"),
        ("i saw something scary on tiktok", "online_safety"),
        ("nightmares since the car crash", "trauma"),
    ],
)
def test_the_cause_wins_over_the_feeling(text, concern):
    assert parse_concern(text) == concern


@pytest.mark.parametrize(
    "text",
    ["hi im worried about my daughter", "I'm really concerned about my 14 year old son", "worried about him",
     "we are worried about our foster daughter", "I am worried about her mental health", "hi, really worried about my son"],
)
def test_worried_about_someone_says_who_not_what(text):
    """A parent's opening line is not an anxiety worry: the bot must still ask what is going on."""
    assert parse_concern(text) is None


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("im worried about my son, he is not sleeping", "sleep"),
        ("worried about my daughters eating", "eating"),
        ("she is worried about her exams", "exam_stress"),
        ("my son worries about everything", "worry"),
        ("im worried about my sons anxiety", "worry"),
        ("i am worried about everything all the time", "worry"),
        # Found in review: the child's own worry, not the speaker's framing.
        ("my daughter is anxious about her friends", "worry"),
        ("anxious about my brother coming home", "family"),
    ],
)
def test_the_worry_after_worried_about_someone_is_still_read(text, concern):
    assert parse_concern(text) == concern


@pytest.mark.parametrize("payload", sorted(BUTTON_CONCERNS))
def test_every_button_payload_is_understood(payload):
    assert parse_concern(payload) == BUTTON_CONCERNS[payload]


def test_every_concern_button_in_the_domain_is_a_known_answer():
    domain = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text())
    for name in ("utter_ask_concern", "utter_ask_concern_more"):
        for variant in domain["responses"][name]:
            for button in variant["buttons"]:
                concern = parse_concern(button["payload"])
                assert concern in CONCERNS or concern == "other", button
                if button["payload"] != "something else":
                    assert not is_something_else(button["payload"]) or concern == "other"


@pytest.mark.parametrize("text", ["Something else", "something else", "none of these", "other"])
def test_something_else_opens_the_longer_list(text):
    assert is_something_else(text)


@pytest.mark.parametrize("text", ["something else is wrong with my son", "Something not listed", "low mood"])
def test_a_worry_is_not_something_else(text):
    assert not is_something_else(text)


def test_a_young_carer_is_a_young_person_not_a_parent():
    assert parse_role("I'm a young carer") == "young_person"
    assert parse_role("I'm his carer") == "parent_carer"


# --- Tags rest on sources ---------------------------------------------------------------

# Words the fact sheet uses (name or helps_with) when a source says a service helps with a worry.
SOURCE_WORDS = {
    "bereavement": ("bereave", "grie", "death", "died"),
    "school_refusal": ("school refus", "school avoid", "attendance"),
    "neurodevelopmental": ("adhd", "autis", "asd"),
    "substances": ("substance", "drug", "alcohol"),
    "gender_sexuality": ("gender", "sexual", "lgbt"),
    "hearing_voices": ("psychosis", "voices"),
    "body_image": ("body image", "self-esteem"),
    "ocd": ("ocd", "obsessive"),
    "bedwetting": ("toileting", "wetting", "continence"),
    "young_carer": ("young carer",),
    "relationships": ("relationship", "friendship"),
    "trauma": ("trauma", "ptsd"),
    "online_safety": ("online",),
}


@pytest.fixture(scope="module")
def facts():
    if not FACTS.exists():
        pytest.skip("../shared/reference/services_facts.yaml is not beside the project")
    return {record["id"]: record for record in yaml.safe_load(FACTS.read_text())["records"]}


def test_every_new_concern_tag_is_what_the_source_says(facts):
    tagged = 0
    for record in load_service_records():
        said = f"{facts[record.id]['name']} {facts[record.id].get('helps_with', '')}".lower()
        for concern in set(record.concerns) & NEW_CONCERNS:
            tagged += 1
            assert any(word in said for word in SOURCE_WORDS[concern]), f"{record.id}: {concern}"
    assert tagged >= 13


def test_the_new_records_keep_their_source_and_date(facts):
    for record in load_service_records():
        if facts[record.id].get("added") == "2026-11-30":
            assert record.source_url in [source["url"] for source in facts[record.id]["sources"]], record.id
            assert str(record.last_verified) == "2026-11-30", record.id


@pytest.mark.parametrize(("text", "concern"), [
    ("so what DV support is there for a 17 year old in Harlow?", "abuse"),
    ("she lives with domestic violence at home", "abuse"),
    ("substance abuse", "substances"),
])
def test_domestic_abuse_is_the_abuse_concern(text, concern):
    """A user trial (session 20): "DV support" was not a worry the bot could place."""
    assert parse_concern(text) == concern


@pytest.mark.parametrize(("text", "concern"), [
    # development authors (session 25)
    ("these girls in my year wont leave me alone", "bullying"),  # was loneliness ("alone")
    ("bullyin", "bullying"),
    ("no one to sit with at dinner", "loneliness"),
    ("im plus size and i feel like everyone stares at me", "body_image"),
    ("my nose. i hate it so much i cant think about anything else", "body_image"),
    ("im short for my age and the other lads mug me off about it", "body_image"),  # was "other" ("the other lads")
    ("We are refugees from Sudan, he does not speak about what he saw and he is not sleeping", "trauma"),
    ("i skip most days tbh, just stay in bed", "school_refusal"),  # was "other" ("skip" as in skip the question)
    ("we dont have much money and im embarrassed i cant go on the school trip", None),  # was school refusal
])
def test_worries_typed_by_the_development_authors(text, concern):
    assert parse_concern(text) == concern


@pytest.mark.parametrize("text", ["my other half left and the kids are struggling", "everything about my life is going wrong lately"])
def test_other_or_everything_inside_a_sentence_is_not_something_else(text):
    assert parse_concern(text) != "other"


@pytest.mark.parametrize(("text", "concern"), [
    ("mainly low mood, bit of sleep stuff too", "low_mood"),  # D4: the main worry, not the first in the list
    ("bit of sleep stuff, mainly low mood", "low_mood"),
    ("main thing is the bullying, also cant sleep", "bullying"),
    ("low mood and sleep", "sleep"),  # no main one said: as before
    # never over a worry with its own help (the review)
    ("mainly sad, my mum is abusive", "abuse"),
    ("mostly sad but an older man online keeps asking her for nudes", "online_safety"),
    ("mainly sleep, he is being groomed online", "online_safety"),
    ("mostly stressed, he got stabbed last month", "trauma"),
    ("mostly down since my dad died", "bereavement"),
    ("mainly low mood and some self harm", "self_harm"),
])
def test_the_worry_said_to_be_the_main_one(text, concern):
    assert parse_concern(text) == concern


def test_mostly_saying_when_is_no_main_worry():
    """C1: "mostly when im stressed" says when the voices come, not that stress is the worry."""
    assert parse_concern("voices. not all the time. mostly when im stressed") == "hearing_voices"
