"""Settings: defaults, and bad values stopping start-up with one clear line."""

from __future__ import annotations

import pytest

from backend.errors import ConfigError
from backend.settings import load_settings


def test_defaults_are_an_embedded_sqlite_file_and_tianjin_time() -> None:
    settings = load_settings(_env_file=None)
    assert (settings.database_url, settings.timezone) == (
        "sqlite:///var/intake.db",
        "Asia/Shanghai",
    )


def test_plain_postgresql_urls_use_the_psycopg_driver() -> None:
    settings = load_settings(database_url="postgresql://postgres@127.0.0.1:5432/test")
    assert settings.database_url == "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"database_url": "mysql://x"}, "bad setting INTAKE_DATABASE_URL: must start with"),
        ({"timezone": "Mars/Olympus"}, "bad setting INTAKE_TIMEZONE: unknown time zone"),
        ({"env": "staging"}, "bad setting INTAKE_ENV:"),
        ({"max_text_length": "lots"}, "bad setting INTAKE_MAX_TEXT_LENGTH:"),
        ({"env": "production"}, "INTAKE_SECRET_KEY must be set to a real secret in production"),
    ],
)
def test_bad_settings_stop_with_one_line(overrides: dict, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(**overrides)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("env", ["development", "test", "production"])
@pytest.mark.parametrize("placeholder", ["change-me", "CHANGE-ME", " changeme ", "secret"])
def test_a_placeholder_secret_is_refused_in_every_environment(env: str, placeholder: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None, env=env, secret_key=placeholder)
    assert str(caught.value) == (
        "bad setting INTAKE_SECRET_KEY: is a placeholder, not a secret: set a random one or "
        "leave it unset outside production"
    )


@pytest.mark.parametrize("weak", ["change-me", "secret", "abc123"])
def test_a_placeholder_or_short_telegram_webhook_secret_is_refused(weak: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(
            _env_file=None,
            telegram_token="123:abc",
            telegram_webhook_url="https://intake.example/telegram",
            telegram_webhook_secret=weak,
        )
    assert str(caught.value).startswith("bad setting INTAKE_TELEGRAM_WEBHOOK_SECRET: is ")


def test_a_short_secret_is_refused_as_guessable() -> None:
    with pytest.raises(ConfigError, match="INTAKE_SECRET_KEY: is too short"):
        load_settings(_env_file=None, secret_key="x7Qp2")


def test_a_blank_secret_means_unset_and_production_requires_one() -> None:
    assert load_settings(_env_file=None, secret_key="  ").secret_key is None
    with pytest.raises(ConfigError, match="must be set to a real secret in production"):
        load_settings(_env_file=None, env="production", secret_key="")
    real = "k" * 20 + "Q9" * 10
    production = load_settings(
        _env_file=None, env="production", secret_key=real, public_url="https://intake.example.test"
    )
    assert production.secret_key is not None
    assert production.secret_key.get_secret_value() == real


def test_upload_limits_default_to_20_files_and_50_mb_a_day_kept_7_days() -> None:
    settings = load_settings(_env_file=None)
    assert (
        settings.upload_daily_files,
        settings.upload_daily_mb,
        settings.upload_abandoned_days,
    ) == (20, 50, 7)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_MAX_RETURNS", "5")
    assert load_settings().max_returns == 5


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000", "http://localhost", "https://[::1]:8443/", "http://0.0.0.0"]
)
def test_production_refuses_a_public_address_only_this_machine_reaches(url: str) -> None:
    # An operator's review, 2026-12-02: with the default, every email, robot notice and
    # confirmation link of a production system pointed at 127.0.0.1.
    with pytest.raises(ConfigError, match="INTAKE_PUBLIC_URL"):
        load_settings(_env_file=None, env="production", secret_key="k" * 40, public_url=url)
    assert load_settings(_env_file=None, public_url=url).public_url == url  # development
