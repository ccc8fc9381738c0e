"""Personal details are removed from what users type; what the triage needs is kept."""
import pytest

from bot.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("my name is Jamie Smith and im 14", "my name is [name] and im 14", "name"),
        ("my name is kai", "my name is [name]", "name"),
        ("Im Sarah and im 14", "Im [name] and im 14", "name"),
        ("this is Sam, my son is 12", "this is [name], my son is 12", "name"),
        ("call me on 07700 900123", "call me on [phone]", "phone"),
        ("my number is +44 7700 900123", "my number is [phone]", "phone"),
        ("ring 01438 730570", "ring [phone]", "phone"),
        ("email me at jo.bloggs@gmail.com", "email me at [email]", "email"),
        ("j.smith23@stu.herts.sch.uk", "[email]", "email"),
        ("SG1 2AB", "SG1", "postcode"),
        ("i live at le2 3ab", "i live at LE2", "postcode"),
        ("i live at 12 Brook Road, Stevenage", "i live at [address], Stevenage", "address"),
        ("born 03/04/2011", "born [date]", "date_of_birth"),
        ("my birthday is 3rd April 2011", "my birthday is [date]", "date_of_birth"),
        ("my login is jsmith2011", "my login is [username]", "username"),
    ],
)
def test_personal_details_are_removed(text, expected, kind):
    result = redact(text)
    assert result.text == expected
    assert kind in result.kinds


@pytest.mark.parametrize(
    "text",
    ["im 14", "I'm in year 9", "year10", "SG1", "sg12", "I'm Stevenage based", "I'm Worried about exams",
     "Stevenage", "near Watford", "my son is 8 and he's really anxious", "i can't sleep", "Marriotts School", "13 to 14"],
)
def test_what_the_triage_needs_is_kept(text):
    assert redact(text).text == text


def test_slots_the_bot_fills_itself_are_stored_as_they_are():
    from rasa.shared.core.events import SlotSet

    from bot.tracker_store import redact_event

    services = SlotSet("services_shown", ["nat-nhs111-mh", "herts-kooth"])
    assert redact_event(services).value == ["nat-nhs111-mh", "herts-kooth"]
    school = redact_event(SlotSet("school", "jsmith23 at Marlborough School"))
    assert "jsmith23" not in school.value


def test_only_slots_no_user_text_can_reach_are_left_unredacted():
    from pathlib import Path

    import yaml

    from bot.tracker_store import COMPUTED_SLOTS

    slots = yaml.safe_load((Path(__file__).resolve().parents[1] / "domain.yml").read_text())["slots"]
    for name in COMPUTED_SLOTS - {"requested_slot"}:
        assert [m["type"] for m in slots[name]["mappings"]] == ["custom"], name
