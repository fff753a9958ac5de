"""Fixtures: one fake Telegram server per session, reset before and after every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.routing.router import Router
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster
from tests.fakes import FakeClock


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


@pytest.fixture
def cluster(
    fake_telegram: FakeTelegram,
    database_url: str,
    tmp_path: Path,
    clock: FakeClock,
    router: Router,
) -> Iterator[Cluster]:
    """Bot "processes" on one database, started and killed by the test."""
    with Cluster(fake_telegram, database_url, tmp_path / "var", clock, router) as running:
        yield running
