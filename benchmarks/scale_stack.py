"""The scale-out deployment of deploy/ on one machine, on loopback, from Debian's packages:
PostgreSQL (conversations and the services directory), Redis (the lock store), nginx
(load balancer), several Rasa servers and several action servers.

Used by `make scale-demo` (benchmarks/scale_demo.py) and tests/test_scale_out.py. The
Rasa servers use deploy/endpoints.scale.yml with the same environment variables as a
production machine (deploy/README.md); nginx runs a config rendered from
deploy/nginx.conf.template with the local ports.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from bot.launcher import action_server_command, rasa_server_command

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "triage.tar.gz"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
ENDPOINTS = ROOT / "deploy" / "endpoints.scale.yml"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def program(name: str, *candidates: str) -> str:
    for candidate in (name, *candidates):
        found = shutil.which(candidate)
        if found:
            return found
        if Path(candidate).exists():
            return candidate
    raise RuntimeError(f"{name} is not installed: run `make test` or `make scale-demo` (they install it).")


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"port {port}: the process exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def stop_process(process: subprocess.Popen | None, timeout: float = 20) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class ScaleStack:
    nginx_url: str  # what users reach: Rasa's REST and socket.io channels, round-robin
    rasa_urls: list[str]
    rasa_processes: list[subprocess.Popen]
    action_processes: list[subprocess.Popen]
    tracker_url: str  # SQLAlchemy URL of the PostgreSQL conversations database
    services_url: str
    log_dir: Path
    others: dict[str, subprocess.Popen] = field(default_factory=dict)

    def stop_rasa(self, index: int) -> None:
        stop_process(self.rasa_processes[index])

    def server_pids(self) -> dict[str, int]:
        pids = {f"rasa {i + 1}": p.pid for i, p in enumerate(self.rasa_processes)}
        pids.update({f"actions {i + 1}": p.pid for i, p in enumerate(self.action_processes)})
        return pids


def _create_database(admin_url: str, name: str) -> str:
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def scale_environment(tracker_url: str, services_url: str, redis_port: int, action_url: str) -> dict[str, str]:
    """The environment deploy/README.md documents, pointed at the local servers."""
    from sqlalchemy.engine import make_url

    tracker = make_url(tracker_url)
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONWARNINGS="ignore",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        SANIC_HOST="127.0.0.1",
        SERVICES_DATABASE_URL=services_url,
        ACTION_SERVER_URL=action_url,
        TRACKER_HOST=tracker.host or "127.0.0.1",
        TRACKER_PORT=str(tracker.port or 5432),
        TRACKER_DB=tracker.database or "conversations",
        TRACKER_USER=tracker.username or "",
        TRACKER_PASSWORD=tracker.password or "",
        REDIS_HOST="127.0.0.1",
        REDIS_PORT=str(redis_port),
        REDIS_DB="1",
        REDIS_PASSWORD="",
        SQL_POOL_SIZE="10",
        SQL_MAX_OVERFLOW="20",
    )
    return env


def render_nginx(conf_dir: Path, listen: int, actions_listen: int, rasa_ports: list[int], action_ports: list[int]) -> Path:
    # safe_substitute: nginx's own $variables stay as they are (like envsubst with a list).
    text = Template(NGINX_TEMPLATE.read_text()).safe_substitute(
        NGINX_LISTEN=f"127.0.0.1:{listen}",
        NGINX_ACTIONS_LISTEN=f"127.0.0.1:{actions_listen}",
        RASA_SERVERS="\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in rasa_ports),
        ACTION_SERVERS="\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in action_ports),
        NGINX_PREFIX=str(conf_dir),
    )
    path = conf_dir / "nginx.conf"
    path.write_text(text)
    return path


@contextmanager
def scale_stack(log_dir: Path, rasa_servers: int = 2, action_servers: int = 2) -> Iterator[ScaleStack]:
    """Start everything, yield the running stack, stop everything (also on errors)."""
    from services_db.database import make_engine
    from services_db.loader import load_all
    from tests.postgres import postgres_server

    if not MODEL.exists():
        raise FileNotFoundError(f"{MODEL} is missing: run `make model`.")
    log_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        admin_url = stack.enter_context(postgres_server())
        suffix = uuid.uuid4().hex[:8]  # TEST_POSTGRES_URL may point at a server used before
        services_url = _create_database(admin_url, f"services_{suffix}")
        tracker_url = _create_database(admin_url, f"conversations_{suffix}")
        engine = make_engine(services_url)
        load_all(engine)
        engine.dispose()

        redis_port = free_port()
        redis = subprocess.Popen(
            [program("redis-server"), "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--protected-mode", "yes"],
            stdout=(log_dir / "redis.log").open("w"), stderr=subprocess.STDOUT,
        )
        stack.callback(stop_process, redis)
        wait_for_port(redis_port, redis)

        nginx_port, nginx_actions_port = free_port(), free_port()
        rasa_ports = [free_port() for _ in range(rasa_servers)]
        action_ports = [free_port() for _ in range(action_servers)]
        env = scale_environment(tracker_url, services_url, redis_port, f"http://127.0.0.1:{nginx_actions_port}/webhook")

        nginx_dir = log_dir / "nginx"
        nginx_dir.mkdir(exist_ok=True)
        conf = render_nginx(nginx_dir, nginx_port, nginx_actions_port, rasa_ports, action_ports)
        nginx = subprocess.Popen(
            [program("nginx", "/usr/sbin/nginx"), "-p", str(nginx_dir), "-c", str(conf), "-g", "daemon off;"],
            stdout=(log_dir / "nginx.out").open("w"), stderr=subprocess.STDOUT,
        )
        stack.callback(stop_process, nginx)
        wait_for_port(nginx_port, nginx)

        actions = []
        for port in action_ports:
            process = subprocess.Popen(
                action_server_command(port), cwd=ROOT, env=env, stdout=(log_dir / f"actions-{port}.log").open("w"), stderr=subprocess.STDOUT,
            )
            stack.callback(stop_process, process)
            actions.append(process)
        rasa = []
        for port in rasa_ports:  # started together: the models load in parallel
            process = subprocess.Popen(
                rasa_server_command(MODEL, "127.0.0.1", port, endpoints=ENDPOINTS), cwd=ROOT, env=env, stdout=(log_dir / f"rasa-{port}.log").open("w"), stderr=subprocess.STDOUT,
            )
            stack.callback(stop_process, process)
            rasa.append(process)
        for port, process in zip(action_ports, actions, strict=True):
            wait_for_http(f"http://127.0.0.1:{port}/health", process, timeout=120)
        for port, process in zip(rasa_ports, rasa, strict=True):
            wait_for_http(f"http://127.0.0.1:{port}/", process)
        yield ScaleStack(
            nginx_url=f"http://127.0.0.1:{nginx_port}",
            rasa_urls=[f"http://127.0.0.1:{port}" for port in rasa_ports],
            rasa_processes=rasa, action_processes=actions,
            tracker_url=tracker_url, services_url=services_url, log_dir=log_dir,
            others={"redis": redis, "nginx": nginx},
        )
