"""How long the trained model takes to load, Rasa's own way and ours (make bench-model-load).

Each load runs in a fresh process, alternately, so neither gains from the other's caches;
prints the wall and CPU seconds of each. The load is what a Rasa server does before it can
answer: every `make run`, every restart after a crash, every server the tests start.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

from bot.train import model_path
from signposting.settings import PROJECT_ROOT

_LOAD = """
import asyncio, resource, sys, time
if sys.argv[1] == "fast":
    from bot import fast_model_load
    fast_model_load.install()
from rasa.core.agent import load_agent
started = time.perf_counter()
agent = asyncio.run(load_agent(model_path=sys.argv[2]))
assert agent.is_ready()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(time.perf_counter() - started, usage.ru_utime + usage.ru_stime)
"""


def load_once(way: str) -> tuple[float, float]:
    """(wall seconds of the load alone, CPU seconds of the whole process) for one load."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _LOAD, way, str(model_path())],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True,
    )
    wall, cpu = result.stdout.split()[-2:]
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2, help="loads of each kind (default 2)")
    rounds = parser.parse_args().rounds
    figures: dict[str, list[tuple[float, float]]] = {"rasa": [], "fast": []}
    for _ in range(rounds):
        for way in figures:
            figures[way].append(load_once(way))
    print(f"Model load, {rounds} fresh process(es) each ({model_path().name}):")
    for way, runs in figures.items():
        wall = statistics.median(run[0] for run in runs)
        cpu = statistics.median(run[1] for run in runs)
        print(f"  {way:>4}: load {wall:5.1f} s wall (median); whole process {cpu:5.1f} s CPU")


if __name__ == "__main__":
    main()
