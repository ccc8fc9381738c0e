"""CPU time per turn of running servers, side by side: the before/after figures of issue #15.

Latency on this shared 2-core machine moves with other people's work; the CPU time a server
spends per turn moves much less. Give each configuration as NAME=URL=RASA_PID=ACTION_PID
(servers started e.g. with `bot.launcher.running_bot`, one with the old code and one with the
new); each round runs 1 user with no think time against each in turn:

    .venv/bin/python -m benchmarks.turn_cpu --rounds 3 --duration 20 \\
        before=http://127.0.0.1:5105=1234=1235 after=http://127.0.0.1:5205=2234=2235
"""
from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path

from benchmarks.load import run_load

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("configs", nargs="+", help="NAME=URL=RASA_PID=ACTION_PID")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=20)
    args = parser.parse_args()
    configs = [config.split("=") for config in args.configs]
    pooled: dict[str, dict] = {name: {"ms": [], "rasa": 0.0, "actions": 0.0, "turns": 0} for name, *_ in configs}
    for number in range(args.rounds):
        for name, url, rasa_pid, action_pid in configs:
            rasa0, actions0 = cpu_seconds(int(rasa_pid)), cpu_seconds(int(action_pid))
            results = asyncio.run(run_load([url], 1, args.duration, seed=number + 1))
            rasa, actions = cpu_seconds(int(rasa_pid)) - rasa0, cpu_seconds(int(action_pid)) - actions0
            summary, total = results.summary(), pooled[name]
            total["ms"] += [latency * 1000 for latency in results.latencies]
            total["rasa"] += rasa
            total["actions"] += actions
            total["turns"] += results.turns
            print(f"round {number + 1} {name:10} p50 {summary['p50_ms']:5.0f} ms  p95 {summary['p95_ms']:5.0f} ms  "
                  f"{results.turns} turns, errors {results.errors}, lost {results.lost}, dup {results.duplicated}  "
                  f"CPU per turn: Rasa {1000 * rasa / max(results.turns, 1):.1f} ms, "
                  f"action server {1000 * actions / max(results.turns, 1):.1f} ms  load {os.getloadavg()[0]:.2f}", flush=True)
    for name, total in pooled.items():
        ms = sorted(total["ms"])
        turns = max(total["turns"], 1)
        print(f"{name:10} {len(ms)} turns: p50 {ms[len(ms) // 2]:.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms; "
              f"CPU per turn: Rasa {1000 * total['rasa'] / turns:.1f} ms, action server {1000 * total['actions'] / turns:.1f} ms")


if __name__ == "__main__":
    main()
