"""The fast model load gives DIET and TED exactly their trained weights (bot/fast_model_load.py).

The load builds the variables by predicting instead of training one step, so the check is
that nothing trained is left out and nothing is left at its random start: the loaded model's
weights, saved again, are the trained checkpoint's, value for value, every variable of both.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest

from bot.train import model_path

pytestmark = pytest.mark.rasa  # loads the trained model (about 15 s of CPU): make test, not test-fast


def _loaded_models(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    from rasa.core.agent import load_agent

    from bot import fast_model_load

    def rasa_own_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the fast load fell back to Rasa's own")

    from rasa.utils.tensorflow.models import RasaModel

    monkeypatch.setattr(fast_model_load, "_rasa_load", rasa_own_load)
    monkeypatch.setattr(RasaModel, "load", classmethod(fast_model_load.load_without_training_step))
    agent = asyncio.run(load_agent(model_path=str(model_path())))
    nodes = agent.processor.graph_runner._instantiated_nodes  # Rasa keeps no public handle on them
    models = {}
    for node in nodes.values():
        component = node._component
        if type(component).__name__ in {"DIETClassifier", "TEDPolicy"}:
            models[type(component).__name__] = component.model
    return models


def _model_values(checkpoint: str) -> dict[str, np.ndarray]:
    """A checkpoint's model values (not the optimiser's state, nor the bookkeeping)."""
    import tensorflow as tf

    reader = tf.train.load_checkpoint(checkpoint)
    return {
        key: reader.get_tensor(key)
        for key in reader.get_variable_to_shape_map()
        if key.startswith("model/") and "OPTIMIZER_SLOT" not in key and "/optimizer/" not in key
    }


def _as_trained(trained: dict[str, np.ndarray], loaded: dict[str, np.ndarray], key: str) -> bool:
    """Equal, or equal as the layer uses it: Rasa's sparsely connected layers multiply their
    kernel by their fixed (saved, untrained) mask in place before each use
    (`RandomlyConnectedDense.call`), so a layer a prediction has already run, under Rasa's
    own load too, holds the masked kernel; one not yet run holds the kernel as saved."""
    if np.array_equal(trained[key], loaded[key]):
        return True
    mask_key = key.replace("/kernel/.ATTRIBUTES", "/kernel_mask/.ATTRIBUTES")
    return mask_key != key and mask_key in trained and np.array_equal(trained[key] * trained[mask_key], loaded[key])


def test_every_trained_weight_of_diet_and_ted_is_loaded_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tarfile

    with tarfile.open(model_path()) as archive:
        archive.extractall(tmp_path / "trained")
    trained_files = {
        "DIETClassifier": next((tmp_path / "trained").rglob("DIETClassifier.tf_model.index")),
        "TEDPolicy": next((tmp_path / "trained").rglob("ted_policy.tf_model.index")),
    }
    models = _loaded_models(monkeypatch)
    assert set(models) == {"DIETClassifier", "TEDPolicy"}
    for name, model in models.items():
        trained = _model_values(str(trained_files[name]).removesuffix(".index"))
        saved_again = tmp_path / f"{name}-loaded"
        model.save_weights(str(saved_again), save_format="tf")
        loaded = _model_values(str(saved_again))
        assert len(trained) > 20, f"{name}: too few weights found in the trained checkpoint"
        assert set(loaded) == set(trained), f"{name}: {sorted(set(loaded) ^ set(trained))[:5]}"
        differing = [key for key in trained if not _as_trained(trained, loaded, key)]
        assert differing == [], f"{name}: weights not as trained: {differing[:5]}"
