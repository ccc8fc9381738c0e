"""Personal details are removed from what users type, in the forms people write them; what the
triage needs and our own vocabulary (places, schools, services) are kept."""
import logging
import re
from pathlib import Path

import pytest

from bot.privacy.numbers import nhs_check_digit_ok
from bot.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("my name is Jamie Smith and im 14", "my name is [name] and im 14", "name"),
        ("my name is kai", "my name is [name]", "name"),
        # development author PD5 (session 38): "just" or quote marks between the cue and the name
        ("my whatsapp name is just 'Bash'", "my whatsapp name is just '[name]'", "name"),
        ("my name is “Kemi”", "my name is “[name]”", "name"), ("my name is honestly Bash", "my name is honestly [name]", "name"),
        ("my name is: 'Bash'", "my name is: '[name]'", "name"),
        ("Im Sarah and im 14", "Im [name] and im 14", "name"),
        ("this is Sam, my son is 12", "this is [name], my son is 12", "name"),
        ("it's Aisha Rahman here", "it's [name] here", "name"),
        ("I'm Ellie Brown in 9C at Hitchin Girls' School", "I'm [name] in [form] at Hitchin Girls' School", "name"),
        ("ok thanks, Jess", "ok thanks, [name]", "name"),
        ("my friend Jess Smith said", "my friend [name] said", "name"),
        ("my friend Will told me", "my friend [name] told me", "name"),
        ("a girl called Chloe posts about me", "a girl called [name] posts about me", "name"),
        ("Mr Patel shouts at me", "[name] shouts at me", "name"),
        ("me and jess fell out", "me and [name] fell out", "name"),
        ("I'm Daniel's mum", "I'm [name]'s mum", "name"),
        ("hiii im lacey-may n im 12", "hiii im [name] n im 12", "name"),
        ("me and amira and jas were at the park", "me and [name] and [name] were at the park", "name"),
        ("my friend Grace is sad", "my friend [name] is sad", "name"),
        ("call me on 07700 900123", "call me on [phone]", "phone"),
        ("my number is +44 7700 900123", "my number is [phone]", "phone"),
        ("ring 01438 555123", "ring [phone]", "phone"),
        ("my dad's polish number is +48 512 345 678", "my dad's polish number is [phone]", "phone"),
        ("oh seven seven double oh nine oh oh one two three", "[phone]", "phone"),
        ("email me at jo.bloggs@gmail.com", "email me at [email]", "email"),
        ("j.smith23@stu.herts.sch.uk", "[email]", "email"),
        ("kacper dot nowak at gmail dot com", "[email]", "spelled_email"),
        ("its ellie_b (at) hotmail (dot) co (dot) uk", "its [email]", "spelled_email"),
        ("my nhs number is 943 476 5919", "my nhs number is [NHS number]", "nhs_number"),
        ("9434765919", "[NHS number]", "nhs_number"),
        ("my insta is @kacper.nowak_2011", "my insta is [username]", "handle"),
        ("add me on snap its ellie_b09", "add me on snap its [username]", "handle"),
        ("my tiktok is dancingqueen", "my tiktok is [username]", "handle"),
        ("discord: jess#1234", "discord: [username]", "handle"),
        ("my xbox gamertag is Shadow Wolf 99", "my xbox gamertag is [username]", "handle"),
        ("my login is jsmith2011", "my login is [username]", "handle"),
        ("instagram.com/jess.b", "[link]", "social_url"),
        ("https://www.tiktok.com/@coolkid123", "[link]", "social_url"),
        ("form 8R", "[form]", "form_group"),
        ("my form is 8R", "my form is [form]", "form_group"),
        ("I'm in 7JB", "I'm in [form]", "form_group"),
        ("SG1 2AB", "SG1", "postcode"),
        ("i live at le2 3ab", "i live at LE2", "postcode"),
        ("i live at 12 Brook Road, Stevenage", "i live at [address], Stevenage", "address"),
        ("i live on brook road", "i live on [address]", "address"),
        ("born 03/04/2011", "born [date]", "date_of_birth"),
        # a phone trial (session 30): the child's name after "mama of" was kept, and "mama" taken for a name
        ("I am mama of Ionut", "I am mama of [name]", "name"), ("I am mum to Jake and Amy", "I am mum to [name] and [name]", "name"),
        ("my birthday is 3rd April 2011", "my birthday is [date]", "date_of_birth"),
        ("I was born on the 22nd of June", "I was born on the [date]", "date_of_birth"),
    ],
)
def test_personal_details_are_removed(text, expected, kind):
    result = redact(text)
    assert result.text == expected
    assert kind in result.kinds


@pytest.mark.parametrize(
    "text",
    [
        "im 14", "I'm in year 9", "year10", "SG1", "sg12", "I'm Stevenage based", "I'm Worried about exams",
        "Stevenage", "near Watford", "my son is 8 and he's really anxious", "i can't sleep", "Marriotts School",
        "13 to 14", "I use Kooth and Mind", "I texted Shout on 85258", "call Childline on 0800 1111",
        "I rang Samaritans on 116 123", "should I call 111 or 999?", "I go to Samuel Ryder Academy",
        "Grace Academy is my school", "I am at Grace", "I'm 11 and in year 7 at Nobel", "I want to talk to the Anna Freud Centre", "I live in Harlow",
        "i live in london", "Will you help me?", "my friend will help", "I hope it gets better",
        "Summer holidays are the worst", "my nan died last month", "love Mum x", "I'm from Ghana",
        "I have exams in June", "I'm Muslim and worried", "tiktok made me feel ugly", "im on insta a lot",
        "I miss home", "thank you so much", "PAPYRUS HOPELINE247", "nat-nhs111-mh", "covid19",
        "im 13 in year 8 at The Nobel School in SG2", "I read https://www.kooth.com and it helped",
        "I go to St Joseph's Catholic Primary", "my mum is in Queen Elizabeth Hospital",
        "im mama", "mum of 3", "dad to twins", "im a friend of the family",
        "my name is just a name", "his name is just too long to spell", "my name is actually deadnamed at school",
        "my name is just mispronounced by teachers", "my name is actually hyphenated",
    ],
)
def test_what_the_triage_needs_and_our_vocabulary_are_kept(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("digits", "valid"), [("9434765919", True), ("4010232137", True), ("4857773456", False), ("9434765918", False),
                          ("1234567890", False)],
)
def test_nhs_numbers_are_checked_with_modulus_11(digits, valid):
    assert nhs_check_digit_ok(digits) is valid


def test_ten_digits_after_nhs_are_redacted_even_with_a_wrong_check_digit():
    assert redact("my nhs number is 123 456 7890").text == "my nhs number is [NHS number]"


def test_slots_the_bot_fills_itself_are_stored_as_they_are():
    from rasa.shared.core.events import SlotSet

    from bot.tracker_store import redact_event

    services = SlotSet("services_shown", ["nat-nhs111-mh", "herts-kooth"])
    assert redact_event(services).value == ["nat-nhs111-mh", "herts-kooth"]
    school = redact_event(SlotSet("school", "jsmith23 at Marlborough School"))
    assert "jsmith23" not in school.value
    # read back by the crisis steps and the next-step reading on the next turn (session 39's review)
    for slot, value in (("crisis_kind", "grooming_online"), ("next_step_reading", "talk_to_a_person"),
                        ("user_language", "pl"), ("concern_menu", "more")):
        assert redact_event(SlotSet(slot, value)).value == value


def test_every_string_in_the_parse_data_is_redacted_except_identifiers():
    """Whatever a component writes (the risk detector's matched words, entity values, new keys)."""
    from rasa.shared.core.events import UserUttered

    from bot.tracker_store import redact_event

    text = "its Kacper Nowak, I want to kill myself, ring 07700 900123"
    parse = {
        "text": text, "intent": {"name": "express_crisis", "confidence": 1.0},
        "intent_ranking": [{"name": "express_crisis", "confidence": 1.0}],
        "entities": [{"entity": "role_hint", "value": "Kacper Nowak", "extractor": "RiskDetectorComponent"}],
        "risk": {"source": "risk_detector", "categories": ["suicidal", "self_harm"],
                 "matches": [{"category": "self_harm", "pattern": "kill|killing SELF", "text": "Kacper wants to die"}]},
        "added_later": {"note": "Kacper Nowak 07700 900123"},
    }
    stored = redact_event(UserUttered(text, parse_data=parse, metadata={"ip": "203.0.113.9"})).as_dict()
    dumped = repr(stored)
    for raw in ("Kacper", "Nowak", "900123", "203.0.113.9"):
        assert raw not in dumped
    assert stored["parse_data"]["intent"]["name"] == "express_crisis"
    assert stored["parse_data"]["risk"]["categories"] == ["suicidal", "self_harm"]
    assert stored["parse_data"]["risk"]["matches"][0]["category"] == "self_harm"
    assert "want to kill myself" in stored["text"]


def test_log_lines_are_redacted_in_every_handler(caplog):
    from bot.privacy import log_redaction

    log_redaction.install()
    with caplog.at_level(logging.DEBUG, logger="rasa.core.processor"):
        logging.getLogger("rasa.core.processor").debug("Received user message '%s'", "it's Aisha Rahman here, 07700 900123")
        try:
            raise ValueError("bad input: kacper dot nowak at gmail dot com")
        except ValueError:
            logging.getLogger("rasa.core.channels.rest").exception("failed on %r", "my insta is @kacper.nowak_2011")
    logged = caplog.text
    assert "Received user message" in logged and "[name]" in logged
    for raw in ("Aisha", "Rahman", "900123", "kacper", "gmail"):
        assert raw not in logged


def test_a_record_that_cannot_be_redacted_is_withheld_not_logged_raw():
    """At interpreter shutdown (aiohttp sessions freed late) or on a redactor bug, the factory
    must neither raise inside logging nor let the typed text through."""
    from bot.privacy import log_redaction

    def broken_redactor(text: str | None) -> str | None:
        raise RuntimeError("redactor unavailable")

    original, withheld = log_redaction.redact_text, log_redaction.WITHHELD
    log_redaction.redact_text = broken_redactor
    try:
        factory = log_redaction._redacting_factory(logging.LogRecord)
    finally:
        log_redaction.redact_text = original
    log_redaction.WITHHELD = None  # type: ignore[assignment]  # as at interpreter shutdown
    try:
        raise ValueError("my number is 07700 900123")
    except ValueError:
        import sys

        record = factory("rasa", logging.ERROR, __file__, 1, "user said %s", ("I'm Aisha Rahman",), sys.exc_info())
    finally:
        log_redaction.WITHHELD = withheld
    assert record.getMessage() == withheld
    assert record.exc_info is None and record.exc_text is None
    assert "Aisha" not in logging.Formatter().format(record)


def test_only_slots_no_user_text_can_reach_are_left_unredacted():
    from pathlib import Path

    import yaml

    from bot.tracker_store import COMPUTED_SLOTS

    slots = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text())["slots"]
    for name in COMPUTED_SLOTS - {"requested_slot"}:
        assert [m["type"] for m in slots[name]["mappings"]] == ["custom"], name


def test_the_values_the_form_records_are_never_redacted():
    """Slot values are redacted before they are stored, and the next turn reads them back: a
    concern or a role taken for a username would change the services offered."""
    from signposting.vocabulary import ANY_CONCERN, AREA_CODES, AUDIENCES, CONCERNS, OTHER_CONCERN

    for value in [*CONCERNS, *AUDIENCES, *AREA_CODES, ANY_CONCERN, OTHER_CONCERN, "national"]:
        assert redact(value).text == value
    assert redact("my snap is jess_smith").text == "my snap is [username]"
    assert redact("jess_smith").text == "[username]"



def assert_gone_and_kept(text: str, gone: list[str], kept: list[str]) -> None:
    redacted = redact(text).text
    assert not any(word in redacted for word in gone), redacted
    assert all(word in redacted for word in kept), redacted


# --- Development author PD5 (session 31): case notes and names in awkward shapes ---------------


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("Worker: P. Adeyinka.", ["Adeyinka"], ["Worker"]),
    ("spoke with K. Ó Súilleabháin (15) at drop-in", ["Súilleabháin"], ["drop"]),
    ("child (M.S. van der Berg, 13) disclosed", ["Berg"], ["disclosed"]),
    ("re: H. Kaur Y8.", ["Kaur"], ["Y8"]),
    ("pupil: Okonkwo, Chiamaka (Y9)", ["Okonkwo", "Chiamaka"], ["Y9"]),
    ("Surname: KOVAČ. Forename: Luka.", ["KOVAČ", "Luka"], ["Surname"]),
    ("my name is João Pedro de Souza Lima", ["Souza", "Lima"], []),
    ("email me — Tunde (dad)", ["Tunde"], ["dad"]),
    ("Hope Adebayo-Smith (carer) calling", ["Hope", "Adebayo"], ["calling"]),
    ("it's for my granddaughter, Precious. I'm her Nan", ["Precious"], ["Nan"]),
    ("ring my aunty Folake on the landline", ["Folake"], ["landline"]),
])
def test_case_notes_and_names_in_awkward_shapes_are_removed(text, gone, kept):
    assert_gone_and_kept(text, gone, kept)


@pytest.mark.parametrize("text", ["I got an A. Then I cried", "Plan B. Kooth helped", "Name: Year 9 group",
                                  "my son, Hitchin is where we live", "Contact: Childline"])
def test_initials_and_labels_never_take_ordinary_words_or_places(text):
    assert redact(text).text == text


@pytest.mark.parametrize("text", ["my dad, Tuesday night", "my son ADHD diagnosis", "Social Services (sw)", "Early Help (worker)",
                                  "Watford General (nurse)", "I got a C. Maths teacher shouted", "got an E. Mum cried",
                                  "we do Netball at school", "Carer: Grandparents", "Parent: Mum", "Contact: Mum", "Carer: Foster Carer",
                                  "Child: Unborn"])
def test_the_new_name_rules_leave_ordinary_words_services_and_grades(text):
    """The review of session 31: each of these lost a word to [name]."""
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "gone"), [("hi im hunter and im 12", "hunter"), ("im faith, 14", "faith"),
                                            ("i am grace aged 13", "grace"), ("Thank you so much. Faith x", "Faith")])
def test_a_first_name_that_is_also_a_word_is_a_name_before_an_age_or_as_a_sign_off(text, gone):
    """Development author PD5: "hi im hunter and im 12" and "Thank you so much. Faith x" kept the name."""
    assert gone not in redact(text).text


@pytest.mark.parametrize("text", ["im tired and im 12", "im happy and im 15", "ok. Love x", "Thanks. Mum x"])
def test_a_feeling_before_an_age_or_a_sign_off_word_is_kept(text):
    assert redact(text).text == text


# --- Session 32: names with accents, word-names where only a person fits, nicknames -------------


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("Ayşe Demir, I'm her aunt", ["Ayşe", "Demir"], ["aunt"]),
    ("contact: Sinéad Mac Giolla Phádraig", ["Sinéad", "Phádraig"], ["contact"]),
    ("Young person is Ciarán (14)", ["Ciarán"], ["14"]),
    ("Deji is 12, born in Leicester", ["Deji"], ["12", "Leicester"]),
    ("Gizem Aydın Yılmaz, 13, year 8", ["Gizem", "Yılmaz"], ["13", "year 8"]),
    ("Mark said he'd tell everyone", ["Mark"], ["tell everyone"]),
    ("Grace from our church said to try here", ["Grace"], ["church"]),
    ("Hunter in 8JB keeps pushing me", ["Hunter"], ["pushing"]),
    ("its Ray. Ray Lindqvist", ["Ray", "Lindqvist"], []),
    ("ok so its Dominika but my friends say Domi", ["Dominika", "Domi"], ["friends"]),
    ("OK it's Precious again. Year 12", ["Precious"], ["Year 12"]),
])
def test_accented_names_and_word_names_where_only_a_person_fits_are_removed(text, gone, kept):
    """Development author PD5: the name lists spell names without accents, so "Sinéad" was not one."""
    assert_gone_and_kept(text, gone, kept)


@pytest.mark.parametrize("text", ["Summer in year 9 was hard", "Summer is 6 weeks away", "Autumn term is the worst",
                                  "Judge said no", "Name's fine", "Child: Unborn", "Art is 2 hours on Monday",
                                  "Hi this is mãe do G", "Mark my words"])
def test_a_word_that_is_also_a_name_stays_where_a_person_does_not_fit(text):
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("mum's email is sandra dot o'brien seventy two at btinternet dot com", ["sandra", "brien", "seventy", "btinternet"], ["email is"]),
    ("email is wiktoria kowal at wp dot pl (polish email)", ["wiktoria", "kowal"], ["polish email"]),
    ("jamal dot reid 09 @ gmail dot com", ["jamal", "reid", "09"], []),
    ("we live at 5 The Paddocks, Oakham", ["Paddocks"], ["Oakham"]),
    ("flat 3b kings court, harlow", ["kings court", "3b"], ["harlow"]),
    ("its Rhiannon (Rhi) in year 11", ["Rhiannon", "Rhi"], ["year 11"]),
])
def test_spelled_emails_numbered_the_addresses_and_bracketed_nicknames_are_removed(text, gone, kept):
    """Development author PD5, session 32."""
    assert_gone_and_kept(text, gone, kept)


@pytest.mark.parametrize("text", ["my top 5 The Weeknd songs", "meet me at one at the gate", "Sarah (Kooth) helped a lot",
                                  "my son Jake (Harlow) is sad", "flat 2 is where i want to go"])
def test_lookalikes_of_emails_addresses_and_nicknames_keep_their_words(text):
    redacted = redact(text).text
    for word in ("Weeknd", "gate", "Kooth", "Harlow", "want to go"):
        if word in text:
            assert word in redacted, redacted


@pytest.mark.parametrize("text", ["Sertraline keeps making me feel sick", "Roblox keeps crashing", "Covid hit us hard",
                                  "Ofsted said we were good", "Hope keeps me going", "Art keeps me sane",
                                  "my friends say Childline is good", "my friends say Kooth is good", "everyone says Leeds is better",
                                  "Mr Smith (Science) said", "Tom Smith (Chair)", "Miss Green (Form)", "Sertraline is 50mg"])
def test_the_review_of_session_32_keeps_medicines_apps_services_and_subjects(text):
    """Each lost a word to [name] with the first version of session 32's rules."""
    redacted = redact(text).text
    words = [word for word in re.findall(r"[A-Z][a-z]+", text) if word not in ("Smith", "Tom", "Green", "Mr", "Miss")]
    assert all(word in redacted for word in words), redacted


@pytest.mark.parametrize(("text", "gone"), [("i live at 5 the paddocks", "paddocks"), ("we lived at 12 the maltings in harlow", "maltings"),
                                            ("Mark keeps messaging me", "Mark")])
def test_lower_case_the_streets_and_a_name_that_keeps_messaging_are_removed(text, gone):
    assert gone not in redact(text).text


@pytest.mark.parametrize(("text", "gone"), [
    ("ruby said i was fake and then everyone unfollowed me", "ruby"),
    ("frank is my best mate and hes been saying he wants to die", "frank"),
    ("will keeps pushing me to send pics", "will"),
    ("grace isnt my real friend i know that now", "grace"),
    ("rose and her mum picked me up when i ran away", "rose"),
    ("me and jasmine used to be best friends", "jasmine"),
    ("me n ruby fell out", "ruby"),
])
def test_lower_case_word_names_where_only_a_person_fits_are_removed(text, gone):
    """Development author PD6: a message typed all in lower case, a name that is also a word."""
    assert gone not in redact(text).text.split()


@pytest.mark.parametrize("text", ["hope is my only reason to keep going", "art is my fav subject", "summer is my fav time of year",
                                  "will is going to be hard", "may is my birthday month", "grace period is 2 weeks",
                                  "me and my mum went", "me and him fell out"])
def test_lower_case_words_that_are_also_names_stay_as_words(text):
    assert redact(text).text == text


# --- Session 33: PD6's remaining misses -------------------------------------------------------------


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("MY EX CHASE KEEPS TURNING UP OUTSIDE MY HOUSE IN WIGSTON AND MY MUM SAYS ITS MY FAULT", ["CHASE"], ["WIGSTON", "FAULT"]),
    ("my ex chase keeps turning up outside my house", ["chase"], ["house"]),
    ("my ex boyfriend chase hit me", ["chase"], ["boyfriend", "hit"]),
    ("JAKE SAID HE WILL HURT ME", ["JAKE"], ["HURT"]),
    ("i'm staying at my nans, 2 Coronation Cottages, Ketton, cos mum is in hospital", ["Coronation"], ["Ketton", "hospital"]),
    ("its Rhiannon (Rhi) in 11MB", ["11MB"], ["its"]),
    ("my mums number is oh seven seven double oh nine hundred four one two can someone call her", ["hundred"], ["can someone"]),
    ("young person in my care is KAUR Simran, year 10, 10SP at Burnt Mill", ["KAUR", "Simran"], ["year 10", "Burnt Mill"]),
])
def test_capitals_a_relation_before_a_word_name_rows_tutor_initials_and_hundreds_are_removed(text, gone, kept):
    """Development author PD6: a message in capitals has no capital to tell a name by."""
    assert_gone_and_kept(text, gone, kept)


@pytest.mark.parametrize("text", [
    "I HATE SCHOOL AND EVERYONE IN IT, MY MUM SAYS ITS HORMONES", "MY SON IS 14 AND GOES TO BEAUCHAMP IN OADBY, HE WONT EAT",
    "HELP ME PLEASE I LIVE IN HARLOW", "my ex is horrible", "my ex keeps turning up", "we got 2 heights of shelves",
    "my mum has 2 cottages", "the file is 11MB", "one hundred and one", "it costs two thousand pounds",
    "I spoke to the DSL today about it", "NHS GP CAMHS referral done",
    # the review: amounts, megabytes in lower case, a police force
    "he owes them 2 thousand 5 hundred", "i need two thousand nine hundred for rent", "its in 10mb chunks",
    "I spoke to 2 Scotland Yard officers",
])
def test_shouting_ordinary_rows_megabytes_and_amounts_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("my school email is 21 r patel at leventhorpe dot example dot sch dot uk", ["patel", "leventhorpe", "dot sch"], ["my school email"]),
    ("liv and sas stopped talking to me and now i sit on my own at lunch", ["liv", "sas"], ["lunch"]),
    ("liv sent it to jay who sent it to the whole of 9H", ["liv", "jay"], ["the whole of"]),
    ("rose and lily blocked me", ["rose", "lily"], ["blocked me"]),
    # the review: a name before ". " in an address, a word in capitals in a message in lower case
    ("email me at jo. smith at gmail dot com", ["jo", "smith", "gmail"], ["email me at"]),
    ("amy. b. 2009 at outlook dot com", ["amy", "2009", "outlook"], []),
    ("liv sent it to everyone and now CAMHS are involved", ["liv"], ["CAMHS are involved"]),
])
def test_an_address_with_more_parts_and_names_that_sent_it_or_stopped_talking_are_removed(text, gone, kept):
    """Development author PD6 (session 34)."""
    assert_gone_and_kept(text, gone, kept)


@pytest.mark.parametrize("text", [
    "i was at school. me and my friend went home", "i was at home. uk is cold", "we met at the park dot dot dot",
    "mum and dad stopped talking to each other", "school and home stopped feeling safe", "I think it sent it twice",
    "may and june both stopped coming",
])
def test_a_sentence_end_before_me_and_ordinary_words_before_stopped_stay(text):
    """"i was at school. me and my friend…" lost "was at school. me" as an email address (session 34)."""
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "gone", "kept"), [
    # a surname in no list, typed in lower case after a first name (development author PD6)
    ("im amara btw, amara okeke, i messaged on tuesday", "okeke", "messaged on tuesday"),
    ("my name is jess kowalczyk", "kowalczyk", "my name is"),
])
def test_a_surname_in_no_list_after_a_first_name_is_redacted(text, gone, kept):
    redacted = redact(text).text
    assert gone not in redacted.lower() and kept in redacted


@pytest.mark.parametrize(("text", "kept"), [
    ("my stepdad dave shouts at me every night", "shouts at me every night"),  # an inflected word stays
    ("im amara innit", "innit"),  # texting words stay
])
def test_ordinary_and_texting_words_after_a_name_stay(text, kept):
    assert kept in redact(text).text


@pytest.mark.parametrize(("text", "kept"), [
    ("jayden overdosed", "overdosed"), ("kai strangled me", "strangled me"), ("tyler groomed me", "groomed me"),
    ("priya paracetamol", "paracetamol"), ("ellie anorexic", "anorexic"), ("kai bruises", "bruises"),
    ("leon stepdad", "stepdad"), ("kai tiktok", "tiktok"),
])
def test_danger_medicine_family_and_app_words_after_a_name_stay(text, kept):
    """The review (session 36): the surname rule redacted these, and staff lost the danger."""
    assert kept in redact(text).text


@pytest.mark.parametrize(("text", "gone", "kept"), [
    # development author PD7 (session 39): names in the shapes that are hardest to spot
    ("we call her Bubs at home, she's 6", ["Bubs"], ["we call her", "at home"]),
    ("the lads call him 'Chunk' and it's destroying him", ["Chunk"], ["the lads call him"]),
    ("his name's Sukhdeep but he goes by Sunny to his mates", ["Sukhdeep", "Sunny"], ["to his mates"]),
    ("my sister's name is Jiayi but she uses Joy at school", ["Jiayi", "Joy"], ["at school"]),
    ("Hi its nana Pat. my grandson keeps saying", ["Pat"], ["nana", "my grandson"]),
    ("Grandma Yin here. My grandson lives with me in Chelmsford", ["Yin"], ["Grandma", "Chelmsford"]),
    ("my foster mum Debs said i can use her phone", ["Debs"], ["my foster mum", "said i can"]),
    ("the police officer (PC Haddad) said someone would ring", ["Haddad"], ["the police officer", "said someone"]),
    ("this is Jordan's nan. He's 15.", ["Jordan"], ["nan. He's 15"]),
    ("Ionuț's mum here. He is 14", ["Ionuț"], ["mum here", "14"]),
    ("Paddy Joyce's mam here, he's 12", ["Paddy", "Joyce"], ["mam here"]),
    ("daisy (my sister) found my razor", ["daisy"], ["(my sister) found my razor"]),
    ("Her social worker is Dawn Pickering and I can't get hold of her", ["Dawn"], ["Her social worker is"]),
    ("Zhang Hao (my son, we write surname first) is 16", ["Zhang", "Hao"], ["(my son"]),
    ("tell rain i said sorry", ["rain"], ["tell", "i said sorry"]),
    ("dont tell ivy i said this", ["ivy"], ["i said this"]),
    ("i told dawn and she laughed", ["dawn"], ["and she laughed"]),
    ("MIA HAS TOLD THE WHOLE OF YEAR 9 ABOUT MY DAD", ["MIA"], ["HAS TOLD THE WHOLE OF YEAR 9"]),
    ("x_voidgirl_x posted my pic", ["voidgirl"], ["posted my pic"]),
    ("my boyfriend's ex is 2fast2kira and she keeps commenting", ["2fast2kira"], ["and she keeps commenting"]),
    ("👉 @sk8r.boi.hitchin is the one spreading it", ["sk8r", "hitchin"], ["is the one spreading it"]),
])
def test_nicknames_family_titles_and_handles_without_a_platform_are_removed(text, gone, kept):
    assert_gone_and_kept(text, gone, kept)


@pytest.mark.parametrize("text", [
    "they call him names at school", "i'll call her tomorrow", "we call it the cage", "he goes by bus",
    "she uses Snapchat at school", "my pc crashed again", "i miss home", "my nan said no", "Grandma's house",
    "we went to Hitchin's mum and baby group", "tell everyone i said sorry",
    "my young_person form", "exam_stress", "year 9 maths", "i told mum and she laughed", "I wear a size 10",
    # the review (session 39): insults called, places' and services' possessives, school years,
    # texting words, medicines and services' handles
    "they call me 'fat'", 'they called me "gay" in front of everyone', "the boys call her Slag", "they call it 'banter'",
    "Luton's carer support service", "we're with Hertfordshire's foster carer team", "Kooth's friend feature",
    "the year9s keep pushing me", "im so gr8ful", "i took 16 paracetamol500mg", "w8ing for camhs",
    "i messaged @childline on insta", "i told doc what i did",
])
def test_ordinary_words_near_the_new_name_cues_stay(text):
    """The ordinary messages near each PD7 rule (session 39)."""
    assert redact(text).text == text


def test_the_bots_own_names_are_never_redacted():
    """Intents, actions, responses, slots and the crisis reply kinds are logged and stored, and the
    crisis kind is read back on the next turn: "grooming_online" taken for a username broke the
    crisis steps (session 39's review)."""
    import yaml

    from signposting.risk_decision import KIND_PRIORITY

    domain = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text(encoding="utf-8"))
    names = {*domain["intents"], *domain["actions"], *domain["responses"], *domain["slots"], *domain.get("forms", {}), *KIND_PRIORITY}
    names = {name if isinstance(name, str) else next(iter(name)) for name in names}
    assert len(names) > 150
    assert [name for name in sorted(names) if redact(name).text != name] == []
    assert redact("x_voidgirl_x posted my pic").text == "[username] posted my pic"


@pytest.mark.parametrize(("text", "expected"), [
    ("he goes by dazzatheboss on everything", "he goes by [username] on everything"),
    ("add me ✌️ em.wxlsh", "add me ✌️ [username]"),
])
def test_a_username_after_goes_by_or_add_me_is_redacted(text, expected):
    """Development author PD7: a username named with no platform word (session 41)."""
    assert redact(text).text == expected


@pytest.mark.parametrize("text", ["add me to the list please", "my mum goes by the rules", "he goes by his middle name",
                                  "follow me on the way home", "add me ok"])
def test_ordinary_words_after_those_cues_are_kept(text):
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("mrs k said id get a detention if i cried in class again", "[name] said id get a detention if i cried in class again"),
    ("From: Mr J Whitlock", "From: [name]"),
])
def test_a_title_with_an_initial_is_a_name(text, expected):
    """Development author PD7 (session 41): "mrs k" was kept; "Mr J Whitlock" loses the surname too."""
    assert redact(text).text == expected


@pytest.mark.parametrize("text", ["i miss k so much", "mr a"])
def test_a_letter_after_a_strict_title_or_a_stop_word_is_kept(text):
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Kez and Shaz are my aunties and they said I could live with them", "[name] and [name] are my aunties and they said I could live with them"),
    ("will and jack are my mates", "[name] and [name] are my mates"),
    ("Molly and Jack are my mates", "[name] and [name] are my mates"),
    ("Dev and Sim from the Sikh youth group have been kind to me", "[name] and [name] from the Sikh youth group have been kind to me"),
    ("my daughter's friend Georgia Ellis-Khan has been sending her videos", "my daughter's friend [name] [name] has been sending her videos"),
])
def test_two_people_before_what_they_are_and_a_place_name_before_a_surname_are_names(text, expected):
    """Development author PD7 (session 42): both names of a pair, and "Georgia" before a surname, were kept."""
    assert redact(text).text == expected


@pytest.mark.parametrize("text", [
    "Maths and English are my favourite subjects", "Mum and Dad are my carers", "Cats and dogs are my friends lol",
    "Harlow and Epping are my areas", "Kooth and Childline are my friends", "we went to Georgia last year",
])
def test_ordinary_words_in_those_shapes_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("It's Kemi. Dayo's dad has just got out of prison, Dayo is 10", "It's [name]. [name]'s dad has just got out of prison, [name] is 10"),
    ("hi im Kacper, i need help", "hi im [name], i need help"),
    ("max and dawn are my step siblings and they get everything", "[name] and [name] are my step siblings and they get everything"),
    ("may and june are twins in my class", "[name] and [name] are twins in my class"),
    ("will and jack from 10JS keep filming me", "[name] and [name] from [form] keep filming me"),
    ("April said she'd tell the whole school", "[name] said she'd tell the whole school"),
    ("will won't stop messaging me", "[name] won't stop messaging me"),
    ("miss k said i can go to her room at lunch", "[name] said i can go to her room at lunch"),
    ("rob (my mums boyfriend) drinks every night", "[name] (my mums boyfriend) drinks every night"),
    ("Please send it to 66 The Ridgeway, Potters Bar", "Please send it to [address], Potters Bar"),
    ("i live at 66 The Ridgeway and my dad is hitting me", "i live at [address] and my dad is hitting me"),
    ("im at 7 The Parkside 😭", "im at [address] 😭"),
    ("can someone come to 57a Belgrave Gate", "can someone come to [address]"),
    ("We're on the site near Ware, Plot 6, Long Lane.", "We're on the site near Ware, [address]"),
    ("my art: https://www.deviantart.com/moonlitmaddie", "my art: [link]"),
])
def test_names_addresses_and_links_as_families_write_them(text, expected):
    """Development author PD8 (session 42): families and friendship groups naming each other."""
    assert redact(text).text == expected


@pytest.mark.parametrize("text", [
    "I'm Gutted, nothing works", "I'm Buzzing, thanks", "May I ask something", "in April said the teacher",
    # the review (session 42): self-harm, medicines, who someone is and what they have are what staff must read
    "Razors and blades are my best friends", "ngl razors and blades are my only friends", "Paracetamol and ibuprofen are my friends",
    "Scars and bruises are my friends", "Sharpeners and lighters are my friends", "I'm Somali, my mum doesnt speak english",
    "I'm Anorexic, i think", "I'm Dyslexic, sorry for spelling", "we got 2 The Broadway tickets",
    "Xanax and Ket are my best friends", "Codeine and Diazepam are my friends",
    "i miss k so much", "we lost the plot 6 times", "i'm called Precious but i don't feel precious to anyone",
])
def test_ordinary_words_near_those_shapes_stay(text):
    expected = text.replace("Precious but", "[name] but")
    assert redact(text).text == expected
