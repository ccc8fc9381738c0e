"""`make bench-load`: how fast a turn is and how many conversations one machine holds,
this bot against a stock `rasa init` assistant measured the same way, in one run.

Starts the servers itself on free loopback ports (nothing else needs to run) and runs the
load generator (benchmarks/load.py) against each configuration:

  stock, in-memory   `rasa init --no-prompt` (trained here, in var/bench/stock), no tracker store
  stock, SQL         the same, Rasa's SQLTrackerStore on SQLite: the fair comparison for ours
  ours, 1 server     our tracker store on SQLite, 1 Rasa server (RASA_SERVER_COUNT=1 make run)
  ours, 2 servers    `make run`'s configuration: 2 Rasa servers (one per core) sharing the SQLite
                     store, each conversation kept on one server (as the web app routes), 1 action server

Load models: zero think time (1 user; 10 users = saturation throughput) and people-like
2-8 s between messages (50 and 100 users), over REST, and socket.io for ours. Also:
training time from clean (ours and stock), model load time, and the time from `make run`
start to the first answer. Prints the load average at the start and the end: figures
from a busy machine are not comparable. Full run: about 22 minutes (6 with --skip-training-time
and --duration 20).

    make bench-load                          (or: .venv/bin/python -m benchmarks.run)
    make bench-load ARGS="--quick"           10 s per load run, to try it out
    make bench-load ARGS="--skip-training-time"   quote the last measured training time
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.load import format_summary, run_load
from benchmarks.procstats import peak_rss_mb
from benchmarks.scale_stack import free_port, stop_process, wait_for_http
from bot.launcher import action_server_command, rasa_server_command

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"
STOCK_DIR = BENCH_DIR / "stock"
OUR_MODEL = ROOT / "models" / "triage.tar.gz"
LAST_TRAINING = BENCH_DIR / "training-seconds.txt"
STOCK_CREDENTIALS = """rest:
socketio:
  user_message_evt: user_uttered
  bot_message_evt: bot_uttered
  session_persistence: true
"""


def say(text: str = "") -> None:
    print(text, flush=True)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.platform()}, {os.cpu_count()} CPUs ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def base_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONWARNINGS="ignore",
               SQLALCHEMY_SILENCE_UBER_WARNING="1", SANIC_HOST="127.0.0.1")
    return env


# --- training ---------------------------------------------------------------------------

def stock_model(log_dir: Path) -> tuple[Path, float | None]:
    """The stock assistant's model; trains it (with `rasa init`) when missing, timed."""
    models = sorted((STOCK_DIR / "models").glob("*.tar.gz")) if STOCK_DIR.exists() else []
    if models:
        return models[-1], None
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    say("Creating and training the stock assistant (rasa init --no-prompt)...")
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "rasa", "init", "--no-prompt"], cwd=STOCK_DIR, env=base_env(), check=True,
                   stdout=(log_dir / "stock-init.log").open("w"), stderr=subprocess.STDOUT)
    return sorted((STOCK_DIR / "models").glob("*.tar.gz"))[-1], time.monotonic() - start


def time_training(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> float:
    start = time.monotonic()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=log.open("w"), stderr=subprocess.STDOUT)
    return time.monotonic() - start


def training_times(log_dir: Path, skip: bool) -> tuple[str, str]:
    """(ours, stock) training from clean: empty model folder and an empty Rasa cache."""
    if skip:
        last = LAST_TRAINING.read_text().split() if LAST_TRAINING.exists() else []
        if len(last) == 2:
            return f"{float(last[0]):.0f} s (last measured, {time.ctime(LAST_TRAINING.stat().st_mtime)})", \
                f"{float(last[1]):.0f} s (last measured)"
        return "not measured (--skip-training-time)", "not measured"
    with tempfile.TemporaryDirectory() as tmp:
        env = base_env()
        env.update(MODEL_DIR=str(Path(tmp) / "models"), RASA_CACHE_DIRECTORY=str(Path(tmp) / "cache"))
        say("Timing training from clean: ours (python -m bot.train into an empty folder, empty cache)...")
        ours = time_training([sys.executable, "-m", "bot.train"], ROOT, env, log_dir / "train-ours.log")
        env.update(RASA_CACHE_DIRECTORY=str(Path(tmp) / "cache-stock"))
        say("Timing training from clean: stock (rasa train)...")
        stock = time_training([sys.executable, "-m", "rasa", "train", "--out", str(Path(tmp) / "stock-models")],
                              STOCK_DIR, env, log_dir / "train-stock.log")
    LAST_TRAINING.write_text(f"{ours:.1f} {stock:.1f}\n")
    return f"{ours:.0f} s", f"{stock:.0f} s"


def model_load_seconds(model: Path, cwd: Path, fast: bool = False) -> float:
    """Time of Rasa's `Agent.load` alone, in a fresh process (imports excluded); `fast`: as our
    Rasa servers load it (bot/fast_model_load.py), else Rasa's own way."""
    code = (
        "import time, logging; logging.disable(logging.WARNING)\n"
        + ("from bot import fast_model_load; fast_model_load.install()\n" if fast else "")
        + "from rasa.core.agent import Agent\n"
        f"start = time.monotonic(); Agent.load({str(model)!r}); print(time.monotonic() - start)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=base_env(), check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def make_run_to_first_answer(log_dir: Path) -> float:
    """`make run` with a trained model, on free ports: start → first bot answer via the web app."""
    env = base_env()
    web_port = free_port()
    var_dir = log_dir / "make-run-var"
    shutil.copytree(ROOT / "var", var_dir, ignore=shutil.ignore_patterns("bench", "*.log", "conversations.db*"), dirs_exist_ok=True)
    env.update(RASA_PORT=str(free_port()), ACTION_PORT=str(free_port()), WEB_PORT=str(web_port), STAFF_PORT=str(free_port()),
               VAR_DIR=str(var_dir))
    start = time.monotonic()
    process = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, start_new_session=True,
                               stdout=(log_dir / "make-run.log").open("w"), stderr=subprocess.STDOUT)
    try:
        import json

        body = json.dumps({"sender": "benchmarkfirstanswer", "message": "hi"}).encode()
        deadline = start + 600
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("make run stopped; see make-run.log")
            request = urllib.request.Request(
                f"http://127.0.0.1:{web_port}/api/message", data=body,
                headers={"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{web_port}"},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
                    if response.status == 200 and json.loads(response.read()).get("messages"):
                        return time.monotonic() - start
            except OSError:
                pass
            time.sleep(0.25)
        raise TimeoutError("no answer from make run within 600 s")
    finally:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)


# --- servers ----------------------------------------------------------------------------

@dataclass
class Target:
    name: str
    urls: list[str]
    pids: dict[str, int]
    script: str
    ready_seconds: float


def write_endpoints(path: Path, tracker: str | None, action_url: str | None) -> Path:
    lines = []
    if action_url:
        lines += ["action_endpoint:", f"  url: {action_url}"]
    if tracker == "stock-sql":
        lines += ["tracker_store:", "  type: SQL", "  dialect: sqlite", f"  db: {path.parent / 'stock-conversations.db'}"]
    elif tracker == "ours":
        lines += ["tracker_store:", "  type: bot.tracker_store.RedactingSQLTrackerStore", "  dialect: sqlite",
                  f"  db: {path.parent / 'conversations.db'}"]
    path.write_text("\n".join(lines) + "\n")
    return path


@contextmanager
def servers(name: str, model: Path, cwd: Path, tracker: str | None, log_dir: Path, rasa_servers: int = 1,
            with_actions: bool = False, script: str = "triage") -> Iterator[Target]:
    run_dir = log_dir / name.replace(" ", "-").replace(",", "")
    run_dir.mkdir(parents=True, exist_ok=True)
    env = base_env()
    env["SERVICES_DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'services.db'}"
    if rasa_servers > 1:  # one core each: TensorFlow's own thread pools would only contend
        env.update(TF_INTRA_OP_PARALLELISM_THREADS="1", TF_INTER_OP_PARALLELISM_THREADS="1")
    pids: dict[str, int] = {}
    with ExitStack() as stack:
        action_url = None
        if with_actions:
            port = free_port()
            actions = subprocess.Popen(action_server_command(port), cwd=ROOT, env=env,
                                       stdout=(run_dir / "actions.log").open("w"), stderr=subprocess.STDOUT)
            stack.callback(stop_process, actions)
            wait_for_http(f"http://127.0.0.1:{port}/health", actions, timeout=120)
            pids["action server"] = actions.pid
            action_url = f"http://127.0.0.1:{port}/webhook"
        endpoints = write_endpoints(run_dir / "endpoints.yml", tracker, action_url)
        credentials = ROOT / "credentials.yml"
        if cwd != ROOT:  # the stock bot: Rasa's own channels, configured like ours
            credentials = run_dir / "credentials.yml"
            credentials.write_text(STOCK_CREDENTIALS)
        start = time.monotonic()
        processes, urls = [], []
        for index in range(rasa_servers):
            port = free_port()
            process = subprocess.Popen(
                rasa_server_command(model, "127.0.0.1", port, endpoints=endpoints, credentials=credentials),
                cwd=cwd, env=env, stdout=(run_dir / f"rasa-{index + 1}.log").open("w"), stderr=subprocess.STDOUT,
            )
            stack.callback(stop_process, process)
            processes.append(process)
            urls.append(f"http://127.0.0.1:{port}")
            pids[f"Rasa {index + 1}"] = process.pid
        for url, process in zip(urls, processes, strict=True):
            wait_for_http(url + "/", process)
        ready = time.monotonic() - start
        # Warm-up, not measured: a server's first turns trace TensorFlow's graphs (~1 s).
        asyncio.run(run_load(urls, 2 * len(urls), 600, script=script, routing="conversation", max_conversations=2))
        yield Target(name, urls, pids, script, ready)


def measure(target: Target, label: str, users: int, duration: float, think: tuple[float, float], channel: str = "rest") -> dict:
    routing = "conversation"  # several servers: a conversation stays on one (in-memory lock store)
    results = asyncio.run(run_load(target.urls, users, duration, think, channel, target.script, routing=routing))
    summary = results.summary()
    say(format_summary(f"{target.name}: {label}", summary))
    first = sorted(latency * 1000 for latency in results.by_step.get(0, []))
    if first:  # the first turn of a conversation (new tracker, session start): the slowest (issue #15)
        say(f"    first turn: p50 {first[len(first) // 2]:.0f} ms, p95 {first[int(0.95 * (len(first) - 1))]:.0f} ms "
            f"({len(first)} turns); load average {load_average()}")
    for sample in results.error_samples[:3]:
        say(f"    {sample}")
    return summary


def memory_line(target: Target) -> str:
    return ", ".join(f"{name} {peak_rss_mb(pid) or 0:.0f} MB" for name, pid in target.pids.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10 s per load run, no training or make-run timing")
    parser.add_argument("--duration", type=float, default=45, help="seconds per load run (ours, 50 users with think time: 2x, at least 120 s)")
    parser.add_argument("--skip-training-time", action="store_true", help="quote the last measured training time")
    parser.add_argument("--only", choices=["stock", "ours"], help="run one side only")
    args = parser.parse_args()
    duration = 10.0 if args.quick else args.duration
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    log_dir = Path(tempfile.mkdtemp(prefix="bench-", dir=BENCH_DIR))
    say(f"Machine: {machine()}")
    say(f"Load average at start: {load_average()} (CPUs: {os.cpu_count()})")
    say(f"Logs: {log_dir}\n")

    stock_path, stock_init_seconds = stock_model(log_dir)
    rows: dict[str, dict] = {}
    zero, people = (0.0, 0.0), (2.0, 8.0)

    def standard(target: Target, prefix: str, full: bool) -> None:
        rows[f"{prefix} 1 user"] = measure(target, "1 user, no think time", 1, duration, zero)
        rows[f"{prefix} 10 users"] = measure(target, "10 users, no think time (saturation)", 10, duration, zero)
        # ours: at least 2 minutes (the "50 conversations for 2 minutes, zero errors")
        rows[f"{prefix} 50 think"] = measure(target, "50 users, 2-8 s think", 50, max(120.0, duration * 2) if full else duration, people)
        if full:
            rows[f"{prefix} 100 think"] = measure(target, "100 users, 2-8 s think", 100, duration, people)

    if args.only != "ours":
        with servers("stock in-memory", stock_path, STOCK_DIR, None, log_dir, script="stock") as target:
            say(f"stock in-memory: server ready in {target.ready_seconds:.0f} s")
            standard(target, "stock-mem", full=False)
            say(f"  peak RSS: {memory_line(target)}")
        with servers("stock SQL", stock_path, STOCK_DIR, "stock-sql", log_dir, script="stock") as target:
            standard(target, "stock-sql", full=False)
            say(f"  peak RSS: {memory_line(target)}")
    if args.only != "stock":
        with servers("ours 1 server", OUR_MODEL, ROOT, "ours", log_dir, with_actions=True) as target:
            say(f"ours: server ready in {target.ready_seconds:.0f} s")
            standard(target, "ours-1", full=True)
            rows["ours-1 socketio"] = measure(target, "socket.io, 50 users, 2-8 s think", 50, duration, people, "socketio")
            say(f"  peak RSS: {memory_line(target)}")
        with servers("ours 2 servers", OUR_MODEL, ROOT, "ours", log_dir, rasa_servers=2, with_actions=True) as target:
            rows["ours-2 10 users"] = measure(target, "10 users, no think time (saturation)", 10, duration, zero)
            rows["ours-2 50 think"] = measure(target, "50 users, 2-8 s think", 50, max(120.0, duration * 2), people)
            rows["ours-2 100 think"] = measure(target, "100 users, 2-8 s think", 100, duration, people)
            say(f"  peak RSS: {memory_line(target)}")

    say("\nRatios, ours (1 server) to stock with the same kind of tracker store (SQL on SQLite):")
    for key, label in [("1 user", "1 user"), ("50 think", "50 users 2-8 s think")]:
        ours, stock = rows.get(f"ours-1 {key}"), rows.get(f"stock-sql {key}")
        if ours and stock:
            say(f"  {label}: p50 {ours['p50_ms'] / stock['p50_ms']:.2f}x, p95 {ours['p95_ms'] / stock['p95_ms']:.2f}x")
    ours, stock = rows.get("ours-1 10 users"), rows.get("stock-sql 10 users")
    if ours and stock:
        say(f"  saturation throughput: {ours['turns_per_s']:.1f} vs {stock['turns_per_s']:.1f} turns/s")

    if not args.quick:
        ours_training, stock_training = training_times(log_dir, args.skip_training_time)
        say(f"\nTraining from clean: ours {ours_training}, stock {stock_training}"
            + (f" (stock `rasa init` incl. project creation: {stock_init_seconds:.0f} s)" if stock_init_seconds else ""))
        say(f"Model load (Agent.load): ours {model_load_seconds(OUR_MODEL, ROOT, fast=True):.1f} s as our servers load it "
            f"({model_load_seconds(OUR_MODEL, ROOT):.1f} s Rasa's own way), "
            f"stock {model_load_seconds(stock_path, STOCK_DIR):.1f} s")
        say(f"`make run` (trained model) to the first answer through the web app: {make_run_to_first_answer(log_dir):.0f} s")
    say(f"\nLoad average at end: {load_average()}")


if __name__ == "__main__":
    main()
