"""Fixtures: one fake Telegram server per session, reset before and after every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.fake_telegram import FakeTelegram


@pytest.fixture(scope="session")
def fake_telegram_server() -> Iterator[FakeTelegram]:
    """The running fake Bot API server shared by the session; prefer ``fake_telegram``."""
    fake = FakeTelegram().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def fake_telegram(fake_telegram_server: FakeTelegram) -> Iterator[FakeTelegram]:
    """The fake Bot API server with fresh state for this test."""
    fake_telegram_server.reset()
    try:
        yield fake_telegram_server
    finally:
        fake_telegram_server.reset()
