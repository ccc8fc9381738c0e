"""Closed vocabularies shared by the seed files, the query and the bot.

Keeping them in one place means a typo in a seed file fails validation
instead of silently hiding a service.
"""
from __future__ import annotations

AREA_CODES: dict[str, str] = {
    "herts": "Hertfordshire",
    "west_essex": "West Essex",
    "leicester": "Leicester",
    "leicestershire": "Leicestershire",
    "rutland": "Rutland",
}
NATIONAL = "national"  # anywhere in England
# The other UK nations: we know no local services there, only UK-wide ones that say they
# cover them and each nation's own NHS urgent help.
NATIONS: dict[str, str] = {
    "wales": "Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
SERVICE_AREAS = set(AREA_CODES) | {NATIONAL} | set(NATIONS)


def crisis_line_group(area_code: str | None) -> str:
    """herts | llr | wales | scotland | northern_ireland | other: which 24/7 line the crisis
    reply adds for a place in this area (West Essex and the rest of England: none of their own)."""
    if area_code == "herts":
        return "herts"
    if area_code in ("leicester", "leicestershire", "rutland"):
        return "llr"
    if area_code in NATIONS:
        return str(area_code)
    return "other"
AREA_NAMES: dict[str, str] = {**AREA_CODES, **NATIONS, NATIONAL: "England"}

AUDIENCES: dict[str, str] = {
    "young_person": "young people",
    "parent_carer": "parents and carers",
    "professional": "professionals",
}

CONCERNS: dict[str, str] = {
    "low_mood": "low mood",
    "worry": "worry or anxiety",
    "sleep": "sleep",
    "bullying": "bullying",
    "exam_stress": "exam stress",
    "loneliness": "loneliness",
    "anger": "anger",
    "family": "family problems",
    "eating": "eating worries",
    "self_harm": "self-harm",
    "suicidal_thoughts": "suicidal thoughts",
    "abuse": "being hurt or abused",
    # --- issue #12c: worries people bring that the first list did not place ---------------
    "bereavement": "grief, when someone has died",
    "school_refusal": "finding it hard to go to school",
    "neurodevelopmental": "ADHD or autism",
    "substances": "drink, drugs or vaping",
    "gender_sexuality": "gender or sexuality",
    "hearing_voices": "hearing voices",
    "body_image": "worries about body and looks",  # not "your body": said to parents and professionals too
    "ocd": "OCD or thoughts that keep coming back",
    "bedwetting": "bed-wetting",
    "young_carer": "being a young carer",
    "relationships": "relationships",
    "trauma": "something frightening that happened",
    "online_safety": "staying safe online",
}
ANY_CONCERN = "any"
OTHER_CONCERN = "other"
# A service whose source describes broad emotional wellbeing support for children (not a
# list of conditions) helps with the everyday worries below, ranked after a specific match.
GENERAL_WELLBEING = "emotional_wellbeing"
EVERYDAY_CONCERNS = frozenset(
    {"low_mood", "worry", "sleep", "bullying", "exam_stress", "loneliness", "anger", "family"}
)
SERVICE_CONCERNS = set(CONCERNS) | {ANY_CONCERN, GENERAL_WELLBEING}
# issue #12c. Worries with help of their own (bereavement charities, young carers' services):
# a service whose source names the worry ranks above a general local one, and the reply says
# plainly when nothing near the user is just for it.
TOPIC_CONCERNS = frozenset(
    {
        "bereavement", "school_refusal", "neurodevelopmental", "substances", "gender_sexuality",
        "hearing_voices", "body_image", "ocd", "bedwetting", "young_carer", "relationships",
        "trauma", "online_safety",
    }
)
# Worries that are not mental health difficulties as such. A service tagged "any" (its source
# describes help with mental health in general) is not known to help with them, so for these
# only its general routes are offered (early help and information, which can say where to go
# next), and never as "it helps with <worry>".
BEYOND_MENTAL_HEALTH = frozenset({"bedwetting", "neurodevelopmental", "substances", "young_carer"})
GENERAL_ROUTE_LEVELS = frozenset({"early_help", "information"})
# Everyday worries among them, which broad emotional wellbeing services (EWMHS, the school
# teams) help with like the first list's: feeling unable to face school, how you feel about
# yourself and your body, friendships and relationships.
EVERYDAY_CONCERNS = EVERYDAY_CONCERNS | {"school_refusal", "body_image", "relationships"}

ACCESS_ROUTES: dict[str, str] = {
    "self_referral": "You can contact them yourself.",
    "online": "You can use it online yourself.",
    "via_school": "Ask your school's mental health lead.",
    "via_gp": "A GP or another professional needs to refer you.",
}
# Order in which a young person should be offered routes: ones they can use alone first.
SELF_ACCESS_ROUTES = {"self_referral", "online"}

CONTACT_TYPES = ("phone", "text", "webchat", "email", "website")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
STALE_RISKS = ("low", "medium", "high")
# How a service fits in the ladder of help; early help is offered first for everyday worries.
LEVELS = ("crisis", "early_help", "specialist", "information")
CRISIS_CONCERNS = {"self_harm", "suicidal_thoughts", "abuse"}
# Ages. A service whose source neither states an upper age nor says there is none
# ("all ages", "16 and over") is a children's service as far as we know: offered up to 18.
UNSTATED_MAX_AGE = 18
NO_MAX_AGE = 200
