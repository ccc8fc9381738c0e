"""Configuration, read once from the environment (after loading `.env`).

Nothing else in the project reads `os.environ` for its settings: import `settings`.
Every variable is documented in `.env.example`.
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from dotenv import load_dotenv

from signposting.deployment import DEFAULT_DEPLOYMENT, Deployment, load_deployment

PROJECT_ROOT = Path(__file__).resolve().parent.parent

load_dotenv(PROJECT_ROOT / ".env")
# Every process the project starts inherits this: Rasa must never phone home.
os.environ["RASA_TELEMETRY_ENABLED"] = "false"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _path(name: str, default: str) -> Path:
    path = Path(_env(name, default))
    return path if path.is_absolute() else PROJECT_ROOT / path


@dataclass(frozen=True)
class Settings:
    host: str
    rasa_port: int
    action_port: int
    web_port: int
    services_database_url: str
    tracker_dialect: str
    tracker_db: str
    retention_days: int
    model_dir: Path
    var_dir: Path
    allowed_origins: tuple[str, ...]
    public_url: str
    log_level: str
    staff_port: int
    staff_database_url: str
    staff_tracker_url: str
    staff_cookie_secure: bool
    # Where the web app sends messages: the local Rasa server unless RASA_URL says otherwise
    # (the scale-out deployment: nginx in front of several Rasa servers, deploy/README.md).
    rasa_url_override: str = ""
    # How many Rasa servers `make run` starts (RASA_SERVER_COUNT; bot.run's default is 2), on
    # RASA_PORT, RASA_PORT + 1, ...; the web app keeps each conversation on one of them
    # (bot/web/relay.py). One TensorFlow server uses one core. (Not RASA_SERVERS: the scale-out
    # deployment's nginx template uses that name for its list of servers.)
    rasa_servers: int = 1
    # The tracker store as one SQLAlchemy URL, for the commands that read or delete stored
    # conversations (bot.transcripts); built from the same variables Rasa's endpoints use.
    tracker_url: str = ""
    # Share links to a list of services (issue #13): service ids, area and date only.
    share_database_url: str = ""
    # issue #16: the deployment file chosen by DEPLOYMENT (deployments/<name>.yml): areas, local
    # urgent lines, branding, allowed origins, retention and privacy contact.
    deployment: Deployment = field(default_factory=load_deployment)
    # LOG_FORMAT=json: bot.run's processes log JSON lines without message text (bot/json_logs.py).
    log_format: str = "text"

    @property
    def rasa_urls(self) -> tuple[str, ...]:
        """Where the web app sends messages: RASA_URL (one address, or several separated by
        commas), else the local servers `make run` starts."""
        listed = tuple(url.strip().rstrip("/") for url in self.rasa_url_override.split(",") if url.strip())
        return listed or tuple(f"http://{self.host}:{port}" for port in self.rasa_ports)

    @property
    def rasa_ports(self) -> tuple[int, ...]:
        return tuple(self.rasa_port + index for index in range(self.rasa_servers))

    @property
    def rasa_url(self) -> str:
        """The first Rasa server (commands that talk to one, like `bot.staff seed`)."""
        return self.rasa_urls[0]

    @property
    def action_server_url(self) -> str:
        return f"http://{self.host}:{self.action_port}/webhook"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"

    @property
    def staff_url(self) -> str:
        return f"http://{self.host}:{self.staff_port}"


def _database_url(name: str, default: str) -> str:
    """SQLite paths in `.env` are relative to the project, not to the current directory."""
    url = _env(name, default)
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/"):
        url = prefix + str(PROJECT_ROOT / url[len(prefix):])
    return url


def _tracker_url(sqlite_path: Path) -> str:
    """TRACKER_URL if set; else SQLite's TRACKER_DB file; else PostgreSQL from TRACKER_HOST,
    TRACKER_PORT, TRACKER_DB, TRACKER_USER and TRACKER_PASSWORD (deploy/endpoints.scale.yml)."""
    explicit = _env("TRACKER_URL", "")
    if explicit:
        return _database_url("TRACKER_URL", explicit)
    dialect = _env("TRACKER_DIALECT", "sqlite")
    if dialect == "sqlite":
        return f"sqlite:///{sqlite_path}"
    scheme = "postgresql" if dialect in ("postgres", "postgresql") else dialect
    user, password = quote(_env("TRACKER_USER", ""), safe=""), quote(_env("TRACKER_PASSWORD", ""), safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = _env("TRACKER_PORT", "")
    host = _env("TRACKER_HOST", "") + (f":{port}" if port else "")
    return f"{scheme}://{credentials}{host}/{quote(_env('TRACKER_DB', ''), safe='')}"


def _server_count(value: str) -> int:
    """RASA_SERVER_COUNT as a number from 1 to 8; anything else is 1, with a warning (a typo must not
    stop the web app, which gives the urgent numbers when Rasa cannot)."""
    if value.isdigit() and 1 <= int(value) <= 8:
        return int(value)
    warnings.warn(f"RASA_SERVER_COUNT={value!r} is not a number from 1 to 8: using 1.", stacklevel=2)
    return 1


def load_settings() -> Settings:
    """Raises signposting.deployment.DeploymentError (every problem listed) for a bad deployment file."""
    var_dir = _path("VAR_DIR", "var")
    deployment = load_deployment(_env("DEPLOYMENT", DEFAULT_DEPLOYMENT))
    default_db = f"sqlite:///{var_dir / 'services.db'}"
    return Settings(
        host=_env("BOT_HOST", "127.0.0.1"),
        rasa_port=int(_env("RASA_PORT", "5005")),
        action_port=int(_env("ACTION_PORT", "5055")),
        web_port=int(_env("WEB_PORT", "8000")),
        services_database_url=_database_url("SERVICES_DATABASE_URL", default_db),
        tracker_dialect=_env("TRACKER_DIALECT", "sqlite"),
        tracker_db=str(_path("TRACKER_DB", str(var_dir / "conversations.db"))),
        # RETENTION_DAYS and ALLOWED_ORIGINS, when set, override the deployment file (tests, staging).
        retention_days=int(_env("RETENTION_DAYS", str(deployment.retention_days))),
        model_dir=_path("MODEL_DIR", "models"),
        var_dir=var_dir,
        allowed_origins=tuple(
            origin.strip()
            for origin in _env("ALLOWED_ORIGINS", ",".join(deployment.allowed_origins)).split(",")
            if origin.strip()
        ),
        log_level=_env("LOG_LEVEL", "INFO").upper(),
        public_url=_env("PUBLIC_URL", f"http://{_env('BOT_HOST', '127.0.0.1')}:{_env('WEB_PORT', '8000')}"),
        staff_port=int(_env("STAFF_PORT", "8001")),
        staff_database_url=_database_url("STAFF_DATABASE_URL", f"sqlite:///{var_dir / 'staff.db'}"),
        # No default for a PostgreSQL tracker store: the staff app then asks for STAFF_TRACKER_URL.
        staff_tracker_url=_database_url(
            "STAFF_TRACKER_URL",
            f"sqlite:///{_path('TRACKER_DB', str(var_dir / 'conversations.db'))}"
            if _env("TRACKER_DIALECT", "sqlite") == "sqlite" else "",
        ),
        # Plain-http cookies only for the loopback default (`make run`); anything else needs https.
        staff_cookie_secure=_env(
            "STAFF_COOKIE_SECURE", "false" if _env("BOT_HOST", "127.0.0.1") in ("127.0.0.1", "localhost") else "true"
        ).lower() in ("1", "true", "yes"),
        rasa_url_override=_env("RASA_URL", ""),
        rasa_servers=_server_count(_env("RASA_SERVER_COUNT", "1")),
        tracker_url=_tracker_url(_path("TRACKER_DB", str(var_dir / "conversations.db"))),
        share_database_url=_database_url("SHARE_DATABASE_URL", f"sqlite:///{var_dir / 'share.db'}"),
        deployment=deployment,
        log_format=_log_format(),
    )


def _log_format() -> str:
    value = _env("LOG_FORMAT", "text").lower()
    if value not in ("text", "json"):
        raise ValueError(f"LOG_FORMAT must be text or json, not {value!r}")
    return value


settings = load_settings()
