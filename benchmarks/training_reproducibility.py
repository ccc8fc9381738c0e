"""Do two trainings of the same data give the same model? (make bench-reproducible-training)

Trains the NLU pipeline twice from nothing (each with its own empty Rasa cache, in the
environment `bot.train` trains in), parses every message of the development sets with both
models and prints how many readings differ: in intent, or in any confidence or risk figure.
`--plain` trains without the reproducibility settings, as before 2026-12-02, to compare.
`--second-isa AVX2` trains the second model as on a machine whose processor has only those
instructions (oneDNN's ONEDNN_MAX_CPU_ISA): do two machines give the same model?
`--no-onednn` trains both with TensorFlow's oneDNN operations off (TF_ENABLE_ONEDNN_OPTS=0).
About 20 minutes a training on 2 cores; the two run one after the other.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.train import REPRODUCIBLE_TRAINING, training_env
from signposting.settings import PROJECT_ROOT

DEV_SETS = ["tests/typed_answers/dev/typed_D1.jsonl", "tests/typed_answers/dev/typed_D2.jsonl",
            "tests/typed_answers/dev/typed_D3.jsonl", "tests/chat_questions_dev/DQ1.jsonl",
            "tests/concern_answers/C1.jsonl"]
DEV_CONCERNS = "tests/concerns/dev.tsv"  # a message, a tab, its labels; # starts a comment
Reading = tuple[str, float, str]


def dev_messages() -> list[str]:
    texts = []
    for name in DEV_SETS:
        for line in (PROJECT_ROOT / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "text" in row:
                texts.append(row["text"])
    for line in (PROJECT_ROOT / DEV_CONCERNS).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            texts.append(line.split("\t")[0])
    return sorted(set(texts))


def train_nlu(out: Path, plain: bool, extra_env: dict[str, str] | None = None) -> float:
    env = training_env()
    if plain:
        for name in REPRODUCIBLE_TRAINING:
            env.pop(name, None)
    env.update(extra_env or {})
    env["RASA_CACHE_DIRECTORY"] = str(out / "cache")  # nothing reused from an earlier training
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "rasa", "train", "nlu", "--config", "config.yml", "--nlu", "data/nlu",
                    "--out", str(out), "--fixed-model-name", "nlu", "--quiet"],
                   cwd=PROJECT_ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


async def readings(model: Path, texts: list[str]) -> dict[str, Reading]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    found = {}
    for text in texts:
        parsed = await agent.parse_message(text)
        found[text] = (parsed["intent"]["name"], round(parsed["intent"]["confidence"], 6),
                       json.dumps(parsed.get("risk"), sort_keys=True, default=str))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="train without the reproducibility settings")
    parser.add_argument("--second-isa", help="the second training as on a processor with only these instructions (AVX2, AVX512_CORE...)")
    parser.add_argument("--no-onednn", action="store_true", help="both trainings with TF_ENABLE_ONEDNN_OPTS=0")
    args = parser.parse_args(argv)
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    texts = dev_messages()
    both = {"TF_ENABLE_ONEDNN_OPTS": "0"} if args.no_onednn else {}
    with tempfile.TemporaryDirectory(prefix="reproducible-") as tmp:
        models, seconds = [], []
        for name in ("first", "second"):
            out = Path(tmp) / name
            isa = {"ONEDNN_MAX_CPU_ISA": args.second_isa} if args.second_isa and name == "second" else {}
            seconds.append(train_nlu(out, args.plain, {**both, **isa}))
            models.append(out / "nlu.tar.gz")
            print(f"{name} training: {seconds[-1]:.0f} s", flush=True)
        first, second = (asyncio.run(readings(model, texts)) for model in models)
    intents = [text for text in texts if first[text][0] != second[text][0]]
    figures = [text for text in texts if first[text] != second[text]]
    how = "plain" if args.plain else "reproducible"
    how += ", oneDNN off" if args.no_onednn else ""
    how += f", the second as on {args.second_isa}" if args.second_isa else ""
    print(f"{how} training, {len(texts)} development messages:")
    print(f"  read as a different intent: {len(intents)}")
    print(f"  any confidence or risk figure different: {len(figures)}")
    for text in intents[:10]:
        print(f"  {text!r}: {first[text][:2]} / {second[text][:2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
