"""`make nlu-eval` summarises Rasa's misclassified examples as (true → predicted) counts."""
from bot.nlu_eval import confusions


def test_confusions_are_counted_by_true_and_predicted_intent():
    errors = [
        {"text": "a", "intent": "stop", "intent_prediction": {"name": "goodbye", "confidence": 0.7}},
        {"text": "b", "intent": "stop", "intent_prediction": {"name": "goodbye", "confidence": 0.6}},
        {"text": "c", "intent": "greet", "intent_prediction": {"name": "nlu_fallback", "confidence": 0.4}},
        {"text": "d", "intent": "greet", "intent_prediction": None},
    ]
    assert confusions(errors).most_common() == [
        (("stop", "goodbye"), 2), (("greet", "nlu_fallback"), 1), (("greet", "None"), 1),
    ]
