"""The response and action names written once in signposting/responses.py (what the staff analytics
counts: no service found, not understood, the crisis replies, "Did this help?") are the ones
domain.yml declares, and the parts that send or read them use that one home."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import yaml

from bot.nlu import crisis_policy
from bot.staff import analytics, labels, misreads
from signposting import responses
from signposting.risk_decision import KIND_PRIORITY, REPLY_KIND

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf8"))


def names_in(module) -> dict[str, str]:
    """Every response or action name the module holds: in a constant, a collection or a mapping's values."""
    found: dict[str, str] = {}
    for attribute, value in vars(module).items():
        if attribute.startswith("_") or not attribute.isupper():
            continue
        values = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, frozenset)) else [value]
        found.update({item: attribute for item in values if isinstance(item, str)})
    return found


def undeclared(module) -> dict[str, str]:
    declared = set(DOMAIN["responses"]) | set(DOMAIN["actions"])
    return {name: where for name, where in names_in(module).items() if name not in declared}


def test_every_name_is_declared_in_the_domain():
    assert len(names_in(responses)) > 30
    assert undeclared(responses) == {}, "signposting/responses.py names what domain.yml lacks"


def test_the_check_sees_a_name_the_domain_lacks():
    misspelt = SimpleNamespace(ASK_HELPFUL="utter_ask_helpfull", SEARCHES=frozenset({"action_find_services", "action_find"}),
                               FIRST={"general": "utter_crisis", "other": "utter_crisis_other"}, lower_case="utter_x")
    assert undeclared(misspelt) == {"utter_ask_helpfull": "ASK_HELPFUL", "action_find": "SEARCHES", "utter_crisis_other": "FIRST"}


def test_there_is_a_first_crisis_reply_for_every_kind_of_danger():
    kinds = set(REPLY_KIND.values()) | set(KIND_PRIORITY)
    assert set(responses.CRISIS_FIRST_STEP) == kinds


def test_the_crisis_policy_sends_the_replies_the_staff_app_counts():
    """The crisis policy keeps its own constants (the risk layer changes on its own): they must agree."""
    assert crisis_policy.FIRST_STEP == responses.CRISIS_FIRST_STEP
    assert crisis_policy.UTTER_CHECK == responses.CHECK_RISK
    assert crisis_policy.UTTER_CRISIS_LOCAL == responses.CRISIS_LOCAL
    assert {responses.ASK_SAFE_NOW, responses.ASK_SAFE_NOW_ADULT, responses.ASK_SAFE_NOW_OTHER} == crisis_policy.ASK_SAFE_ACTIONS
    assert {crisis_policy.UTTER_SAFE, crisis_policy.UTTER_OFFER, crisis_policy.UTTER_CHECK_OK} == {
        responses.GLAD_YOU_ARE_SAFE, responses.OFFER_TO_CONTINUE, responses.CHECK_OK}


def test_the_staff_app_reads_the_names_from_the_one_home():
    assert analytics.LOCAL_FOUND == responses.SERVICES_LOCAL
    assert set(analytics.NO_LOCAL) == set(responses.NO_LOCAL_SERVICE)
    assert set(labels.CRISIS_REPLIES) == set(responses.CRISIS_FIRST_STEP.values())
    assert misreads.YES_NO_QUESTIONS == responses.YES_NO_QUESTIONS
    assert misreads.SEARCHES == responses.SEARCHES


def test_every_reply_the_staff_pages_name_is_in_the_domain():
    """labels.RESPONSES gives staff words for bot replies: a renamed reply would lose its words."""
    declared = set(DOMAIN["responses"]) | set(DOMAIN["actions"])
    assert set(labels.RESPONSES) - declared == set()


def test_no_other_module_spells_the_names_the_staff_app_counts():
    """The counted names appear as text only in signposting/responses.py (and domain.yml);
    the crisis policy's own copies are checked above."""
    counted = {*responses.SEARCH_OUTCOMES, *responses.SEARCHES, responses.ASK_HELPFUL}
    allowed = {"signposting/responses.py", "bot/nlu/crisis_policy.py", "bot/staff/labels.py"}
    spelled = {
        f"{path.relative_to(ROOT).as_posix()}: {name}"
        for package in ("signposting", "actions", "bot")
        for path in (ROOT / package).rglob("*.py")
        if path.relative_to(ROOT).as_posix() not in allowed
        for name in counted
        if f'"{name}"' in path.read_text(encoding="utf-8")
    }
    assert spelled == set()
