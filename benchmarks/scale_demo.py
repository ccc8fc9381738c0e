"""`make scale-demo`: the scale-out deployment (deploy/) on this machine, under load.

Starts on loopback a real PostgreSQL (conversations + services directory), Redis (lock
store), nginx (load balancer), 2 Rasa servers and 2 action servers, then runs the load
generator through nginx: zero think time, then people-like 2-8 s think time.

    .venv/bin/python -m benchmarks.scale_demo [--users 50] [--duration 60]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

from benchmarks.load import format_summary, run_load
from benchmarks.procstats import format_memory
from benchmarks.scale_stack import scale_stack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50, help="concurrent conversations with think time")
    parser.add_argument("--saturation-users", type=int, default=10, help="concurrent conversations, no think time")
    parser.add_argument("--duration", type=float, default=60, help="seconds per load model")
    parser.add_argument("--rasa-servers", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    args = parser.parse_args()
    print(f"CPUs: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    log_dir = Path(tempfile.mkdtemp(prefix="scale-demo-"))
    print(f"Starting PostgreSQL, Redis, nginx, {args.rasa_servers} Rasa servers and {args.action_servers} action servers "
          f"(logs in {log_dir})...", flush=True)
    with scale_stack(log_dir, args.rasa_servers, args.action_servers) as stack:
        print(f"nginx: {stack.nginx_url}  Rasa servers: {', '.join(stack.rasa_urls)}", flush=True)
        runs = [
            (f"REST via nginx, {args.saturation_users} users, no think time", args.saturation_users, (0.0, 0.0), "rest"),
            (f"REST via nginx, {args.users} users, 2-8 s think", args.users, (2.0, 8.0), "rest"),
            (f"socket.io via nginx, {args.users} users, 2-8 s think", args.users, (2.0, 8.0), "socketio"),
        ]
        for label, users, think, channel in runs:
            results = asyncio.run(run_load([stack.nginx_url], users, args.duration, think, channel))
            print(format_summary(label, results.summary()), flush=True)
            for sample in results.error_samples:
                print("   ", sample)
        print(format_memory(stack.server_pids()), flush=True)
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
