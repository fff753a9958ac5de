"""The one settings class (prefix INTAKE_), validated at start-up."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from backend.errors import ConfigError

CONFIG_DIR = Path(__file__).resolve().parent.parent / "dialogs" / "config"
DEFAULT_TAXONOMY = CONFIG_DIR / "hongqiao.yaml"
DEFAULT_POLICY = CONFIG_DIR / "policy.yaml"
DEFAULT_REPLY_TEMPLATES = CONFIG_DIR / "reply_templates.yaml"
DEFAULT_REQUEST_TYPES = CONFIG_DIR / "request_types.yaml"
# Values that stand in for a secret in examples; refused in every environment (compared
# without case), as is anything shorter than MIN_SECRET_LENGTH.
PLACEHOLDER_SECRETS = {
    "change-me",
    "changeme",
    "change_me",
    "change-this",
    "secret",
    "secret-key",
    "development",
    "test",
    "password",
    "default",
}
MIN_SECRET_LENGTH = 32
MIN_WEBHOOK_SECRET_LENGTH = 16  # Telegram sends it in a header; a guessable one forges updates
MIN_METRICS_TOKEN_LENGTH = 16
# Who may read /metrics without further ado: the machine itself (see backend/observability).
LOOPBACK_NETWORKS = "127.0.0.0/8,::1/128"
# An email address as the channels and settings accept it (one @, a dot in the domain).
EMAIL_PATTERN = re.compile(r"[^@\s<>,;]{1,64}@[^@\s<>,;]+\.[^@\s<>,;]+")


_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0", ""})
_SQLITE_IN_MEMORY = frozenset({"sqlite:", "sqlite://", "sqlite:///", "sqlite:///:memory:"})
PREFIX = "INTAKE_"
TEST_PREFIX = "INTAKE_TEST_"  # the test suite's own variables (tests/conftest.py), no setting


class Settings(BaseSettings):
    """Everything the system reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="INTAKE_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite:///var/intake.db"
    timezone: str = "Asia/Shanghai"
    taxonomy_file: Path = DEFAULT_TAXONOMY
    policy_file: Path = DEFAULT_POLICY
    # Reply templates per category (答复模板), read again whenever the file changes.
    reply_templates_file: Path = DEFAULT_REPLY_TEMPLATES
    scheduler: bool = True  # run the scheduler inside `intake run` (off: `--no-scheduler`)
    # Unset (or blank): generated on first start and kept in the data folder (not in production).
    secret_key: SecretStr | None = None
    data_dir: Path = Path("var")
    # Evidence uploads per chat and day (Tianjin), and when an abandoned dialog's files go.
    upload_daily_files: int = Field(default=20, ge=1, le=10_000)
    upload_daily_mb: int = Field(default=50, ge=1, le=100_000)
    upload_abandoned_days: int = Field(default=7, ge=1, le=3650)
    min_text_length: int = Field(default=5, ge=1)
    max_text_length: int = Field(default=5000, ge=10, le=50_000)
    # A text its app cut (Telegram: at 4,096 characters) is joined with the text that follows
    # within this many seconds (backend/conversations/joining.py); 0 joins none.
    split_text_window_seconds: float = Field(default=3.0, ge=0, le=60)
    # A group is told to use a private chat at most once in this many minutes (0: each time).
    group_notice_minutes: int = Field(default=60, ge=0, le=7 * 24 * 60)
    max_returns: int = Field(default=3, ge=0)
    api_page_limit: int = Field(default=50, ge=1, le=500)
    # Load: requests one process serves at once, and how long a request may wait for a turn
    # before it is answered 503 with Retry-After (backend/capacity.py sizes threads and pool).
    max_in_flight: int = Field(default=8, ge=1, le=256)
    queue_wait_seconds: float = Field(default=2.0, gt=0, le=30)
    # Chat channels: Telegram runs when a token is set (polling, or a webhook when its URL is).
    telegram_token: SecretStr | None = None
    telegram_webhook_url: str | None = None  # public https URL that Telegram posts to
    telegram_webhook_secret: SecretStr | None = None  # X-Telegram-Bot-Api-Secret-Token
    telegram_base_url: str | None = None  # another Bot API server (self-hosted, tests' fake)
    telegram_base_file_url: str | None = None
    telegram_proxy: str | None = None  # an HTTP proxy, e.g. http://proxy:3128
    # How long a Bot API call waits for Telegram's answer; a call that times out may still
    # have delivered its message (what follows depends on the message, see the README).
    telegram_read_timeout_seconds: float = Field(default=5.0, gt=0, le=120)
    # How long opening a connection to the Bot API may take (python-telegram-bot's default
    # is 5 s; a busy process may need longer to complete a connect it started).
    telegram_connect_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    webchat: bool = True  # serve the web chat at /chat
    # A web-chat token unused this many days is refused and its page starts a new chat; one
    # in use is renewed daily (bot/webchat/tokens.py). Tokens from before tokens carried a
    # time are taken (and renewed) while the legacy switch is on: turn it off a limit after
    # the upgrade.
    webchat_token_days: int = Field(default=90, ge=2, le=365)
    webchat_legacy_tokens: bool = True
    # Staff console (/console): a session ends after this long without a request (the last
    # request is written at most once a minute), and after this many hours in any case.
    console_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    console_session_hours: int = Field(default=12, ge=1, le=24 * 31)
    password_link_hours: int = Field(default=48, ge=1, le=24 * 14)  # one-time set-password link
    # Scheduler rounds: the sweep of due clocks and the sender of the outbox, in seconds; a
    # sender that dies holding messages leaves them to another after the lease.
    sweep_seconds: float = Field(default=60.0, ge=0.5, le=3600)
    send_seconds: float = Field(default=15.0, ge=0.5, le=3600)
    outbox_lease_seconds: float = Field(default=300.0, ge=2, le=24 * 3600)
    # Behind a reverse proxy: the addresses whose X-Forwarded-For/-Proto are believed
    # (uvicorn's forwarded_allow_ips; "*" only where nothing else can reach the port).
    forwarded_allow_ips: str = "127.0.0.1"
    # Observability (backend/observability): /metrics answers clients of these networks only
    # (comma-separated), and only with `Authorization: Bearer <token>` when a token is set.
    metrics_networks: Annotated[list[IPv4Network | IPv6Network], NoDecode] = Field(
        default_factory=lambda: _networks(LOOPBACK_NETWORKS)
    )
    metrics_token: SecretStr | None = None
    # Log lines: one JSON object a line, or text for a person at a terminal; unset: text in
    # development, JSON in test and production.
    log_format: Literal["json", "text"] | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # 诉求类型: the request types and their cue words (their time limits are in policy_file).
    request_types_file: Path = DEFAULT_REQUEST_TYPES
    # Reaching staff (README, "Reaching staff"): links in emails and robot messages start with
    # the public address; email goes out through this SMTP server (STARTTLS by default).
    public_url: str = "http://127.0.0.1:8000"
    smtp_host: str | None = None  # unset: no email is sent (addresses cannot be verified)
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str | None = None  # the sender's address, e.g. intake@example.gov.cn
    smtp_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    robot_timeout_seconds: float = Field(default=5.0, gt=0, le=120)
    # A channel failing this many deliveries in a row is marked failing (dashboard) and used
    # no more until fixed; a signed rating link (for reporters by email) lasts this many days.
    channel_failing_after: int = Field(default=5, ge=1, le=1000)
    rating_link_days: int = Field(default=14, ge=1, le=365)

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        if not value.startswith(("sqlite:", "postgresql+psycopg:")):
            raise ValueError("must start with sqlite:/// or postgresql://")
        if value.startswith("sqlite:") and value.split("?")[0] in _SQLITE_IN_MEMORY:
            raise ValueError(
                "names no file (an SQLite database in memory keeps nothing): "
                "give one, e.g. sqlite:///var/intake.db"
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("secret_key")
    @classmethod
    def _real_secret(cls, value: SecretStr | None) -> SecretStr | None:
        text = value.get_secret_value().strip() if value is not None else ""
        if not text:
            return None  # `INTAKE_SECRET_KEY=` in an env file means unset
        if text.lower() in PLACEHOLDER_SECRETS:
            raise ValueError(
                "is a placeholder, not a secret: set a random one or leave it unset outside "
                "production"
            )
        if len(text) < MIN_SECRET_LENGTH:
            raise ValueError(f"is too short: use at least {MIN_SECRET_LENGTH} random characters")
        return SecretStr(text)

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _real_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        text = value.get_secret_value().strip() if value is not None else ""
        if not text:
            return None
        if text.lower() in PLACEHOLDER_SECRETS:
            raise ValueError("is a placeholder, not a secret: set a random one")
        if len(text) < MIN_WEBHOOK_SECRET_LENGTH:
            raise ValueError(
                f"is too short: use at least {MIN_WEBHOOK_SECRET_LENGTH} random characters"
            )
        return value

    @field_validator("metrics_networks", mode="before")
    @classmethod
    def _network_list(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return _networks(value)
            except ValueError as exc:
                raise ValueError(f"is not a comma-separated list of networks: {exc}") from None
        return value

    @field_validator("metrics_token")
    @classmethod
    def _real_metrics_token(cls, value: SecretStr | None) -> SecretStr | None:
        text = value.get_secret_value().strip() if value is not None else ""
        if not text:
            return None
        if text.lower() in PLACEHOLDER_SECRETS:
            raise ValueError("is a placeholder, not a secret: set a random one")
        if len(text) < MIN_METRICS_TOKEN_LENGTH:
            raise ValueError(
                f"is too short: use at least {MIN_METRICS_TOKEN_LENGTH} random characters"
            )
        return SecretStr(text)

    @model_validator(mode="after")
    def _real_secret_in_production(self) -> Settings:
        if self.env == "production" and self.secret_key is None:
            raise ValueError("INTAKE_SECRET_KEY must be set to a real secret in production")
        if self.min_text_length >= self.max_text_length:
            raise ValueError("INTAKE_MIN_TEXT_LENGTH must be below INTAKE_MAX_TEXT_LENGTH")
        if self.telegram_webhook_url and not self.telegram_token:
            raise ValueError("INTAKE_TELEGRAM_WEBHOOK_URL needs INTAKE_TELEGRAM_TOKEN")
        if self.telegram_webhook_url and not self.telegram_webhook_secret:
            raise ValueError("INTAKE_TELEGRAM_WEBHOOK_URL needs INTAKE_TELEGRAM_WEBHOOK_SECRET")
        return self

    @property
    def sends_email(self) -> bool:
        """Tell whether email can be sent: an SMTP server is set (else no address is asked
        for or confirmed: reporters get their updates in their chat only)."""
        return bool(self.smtp_host)

    @model_validator(mode="after")
    def _smtp_settings(self) -> Settings:
        if not self.public_url.startswith(("http://", "https://")):
            raise ValueError("INTAKE_PUBLIC_URL must start with http:// or https://")
        if not self.smtp_host:
            return self
        if not self.smtp_from or not EMAIL_PATTERN.fullmatch(self.smtp_from):
            raise ValueError("INTAKE_SMTP_HOST needs INTAKE_SMTP_FROM, an email address")
        if bool(self.smtp_user) != (self.smtp_password is not None):
            raise ValueError("INTAKE_SMTP_USER and INTAKE_SMTP_PASSWORD go together")
        if self.smtp_user and self.smtp_security == "none" and self.env == "production":
            raise ValueError("INTAKE_SMTP_SECURITY=none would send the SMTP password in clear")
        return self

    @model_validator(mode="after")
    def _public_url_in_production(self) -> Settings:
        # Links in emails, robots' notices and confirmations are built from it: in production
        # one that only this machine reaches (the development default) sends people nowhere.
        host = (urlsplit(self.public_url).hostname or "").lower()
        if self.env == "production" and host in _LOOPBACK_HOSTS:
            raise ValueError(
                "INTAKE_PUBLIC_URL must be the address people reach in production, not "
                f"{self.public_url}"
            )
        return self

    @property
    def zone(self) -> ZoneInfo:
        """Return the time zone in which dates are shown and counted."""
        return ZoneInfo(self.timezone)

    @property
    def json_logs(self) -> bool:
        """Return whether log lines are JSON: as set, else everywhere but in development."""
        if self.log_format is not None:
            return self.log_format == "json"
        return self.env != "development"


def _networks(text: str) -> list[IPv4Network | IPv6Network]:
    """Return the networks of a comma-separated list (an address alone is a network of one)."""
    return [ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip()]


def load_settings(**overrides: object) -> Settings:
    """Read and validate the settings, or raise ConfigError with one readable line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        name = f"INTAKE_{where.upper()}" if where else "settings"
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"bad setting {name}: {message}") from None


def unknown_names(names: Iterable[str]) -> list[str]:
    """Return a warning for each INTAKE_ name no setting reads, naming the closest that does.

    `names` are the environment's (and the .env file's) variable names; others are left
    alone, as are the tests' INTAKE_TEST_ ones. A misspelt name is otherwise ignored without
    a word, and the default it leaves in place looks like the setting did not work.
    """
    known = {PREFIX + name.upper() for name in Settings.model_fields}
    warnings = []
    for name in sorted(set(names)):
        if not name.startswith(PREFIX) or name.startswith(TEST_PREFIX) or name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
        hint = f" (did you mean {close[0]}?)" if close else ""
        warnings.append(f"{name} is no setting and is ignored{hint}")
    return warnings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return load_settings()
