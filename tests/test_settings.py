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


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_MAX_RETURNS", "5")
    assert load_settings().max_returns == 5
