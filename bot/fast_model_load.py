"""Load DIET's and TED's trained weights without one training step first (issue #15).

Rasa 3.6's `RasaModel.load` builds a model's variables by compiling it with an optimiser and
running `fit` on one example, then reads the trained weights over them. Tracing that training
step (autograph, gradients, the optimiser) was most of the 40 s it took to load this bot's
model on this machine (`make bench-model-load`): every `make run`, every restart after a
crash, every server the tests start. Prediction never needs the optimiser or the gradients.

Here the variables are built by the prediction path instead, run once eagerly (no tracing):
the label embeddings (`prepare_for_predict`) and one prediction on the example Rasa gives.
The trained weights are then read from the same checkpoint, and Rasa's own first prediction
traces the prediction graph with them, as before, but without autograph: Rasa's prediction
code branches only on Python values, so rewriting it into graph control flow (half of the
remaining time) changes nothing; a branch on a tensor would fail the trace loudly, and the
fallback below would take over. The optimiser's state in the checkpoint is deliberately not
read. If any variable of the model is left without a trained value, or anything else goes
wrong, Rasa's own load runs instead: the fast path can be slower, never different.
Fine-tuning and `run_eagerly` always take Rasa's path.

`tests/test_fast_model_load.py` checks every loaded weight against the checkpoint (and the
conversation tests run on this load); `benchmarks/model_load.py` times both loads.
"""
from __future__ import annotations

import logging
from typing import Any

import tensorflow as tf
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

logger = logging.getLogger(__name__)

_rasa_load = RasaModel.load.__func__  # type: ignore[attr-defined]


def _build_for_prediction(model: RasaModel, predict_data_example: RasaModelData) -> Any:
    """Create every variable prediction uses by predicting once, eagerly, on the example."""
    batch, _ = RasaBatchDataGenerator(predict_data_example, batch_size=1, shuffle=False)[0]
    model._training = False
    model.prepare_for_predict()
    model.batch_predict(batch)
    return batch


def load_without_training_step(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """`RasaModel.load` for prediction: the same weights, the same first prediction, no `fit`."""
    if finetune_mode or predict_data_example is None or kwargs.get("config", {}).get(RUN_EAGERLY):
        return _rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs)
    try:
        model = cls(*args, **kwargs)
        batch = _build_for_prediction(model, predict_data_example)
        status = model.load_weights(model_file_name)
        status.assert_existing_objects_matched()  # every variable built above got its trained value
        status.expect_partial()  # the optimiser's slots are in the checkpoint, unused here
        # The label embeddings computed above came from the untrained weights; `prepared_for_prediction`
        # is still False (only `_rasa_predict` sets it), so the first prediction below recomputes them.
        assert not model.prepared_for_prediction
        model._tf_predict_step = tf.function(  # what `_rasa_predict` makes, without autograph
            model.predict_step, input_signature=model._dynamic_signature(batch), autograph=False
        )
        model.run_inference(predict_data_example)  # Rasa's own first prediction: traces the graph
        return model
    except Exception:  # noqa: BLE001 - any surprise: Rasa's own load, which is only slower
        logger.warning("Fast model load failed for %s; using Rasa's own load.", cls.__name__, exc_info=True)
        return _rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs)


def install() -> None:
    """Make every DIET and TED load in this process take the fast path."""
    RasaModel.load = classmethod(load_without_training_step)  # type: ignore[method-assign,assignment]
