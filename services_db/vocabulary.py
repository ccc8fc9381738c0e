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
NATIONAL = "national"
SERVICE_AREAS = set(AREA_CODES) | {NATIONAL}

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
}
ANY_CONCERN = "any"
OTHER_CONCERN = "other"
SERVICE_CONCERNS = set(CONCERNS) | {ANY_CONCERN}

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
