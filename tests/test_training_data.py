"""Every quick-reply button is a training example of the intent its answer needs."""
from pathlib import Path

import yaml

from signposting.intents import NOT_AN_ANSWER

ROOT = Path(__file__).resolve().parents[1]
EXPECTED_INTENT = {
    "utter_ask_user_role": "inform", "utter_ask_age": "inform", "utter_ask_school": "inform",
    "utter_ask_area": "inform", "utter_ask_concern": "describe_concern", "utter_offer_more": None,
    "utter_no_more_services": None, "utter_offer_to_continue": None, "utter_change_what": None,
}


def nlu_examples() -> dict[str, str]:
    examples = {}
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for item in yaml.safe_load(path.read_text())["nlu"]:
            for line in item.get("examples", "").splitlines():
                if line.strip().startswith("- "):
                    examples[line.strip()[2:].strip().lower()] = item["intent"]
    return examples


def test_every_button_of_a_triage_question_is_trained_as_an_answer():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    examples = nlu_examples()
    for response, variants in domain["responses"].items():
        for variant in variants:
            for button in variant.get("buttons") or []:
                payload = button["payload"]
                if payload.startswith("/"):
                    assert payload[1:].split("{")[0] in domain["intents"], payload  # "/feedback{...}": an intent and its entity
                    continue
                intent = examples.get(payload.lower())
                assert intent is not None, f"{response}: button '{payload}' is not an NLU example"
                if response.startswith("utter_ask_") and payload.lower() != "self-harm":
                    assert intent not in NOT_AN_ANSWER, f"{response}: '{payload}' is trained as {intent}"


def test_at_least_20_examples_per_intent():
    counts: dict[str, int] = {}
    for intent in nlu_examples().values():
        counts[intent] = counts.get(intent, 0) + 1
    assert counts and min(counts.values()) >= 20, counts
