"""Fixtures: the whole web app (API plus web chat) over the test database, and a chat on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backend.api.app import create_app
from backend.bootstrap import Container, build, prepare_database
from backend.settings import Settings
from bot.channels import wire_conversations
from bot.webchat.setup import mount_webchat
from tests.fakes import FakeClock
from tests.webchat.helpers import WebChat


def build_app(container: Container) -> FastAPI:
    """Return the app `intake run` serves; built here while bot/telegram is not there yet."""
    try:
        from bot.serve import build_web_app
    except ModuleNotFoundError as missing:
        if not (missing.name or "").startswith("bot.telegram"):
            raise
    else:
        return build_web_app(container)  # type: ignore[no-any-return]
    conversations, notifier = wire_conversations(container)
    app = create_app(container)
    webchat = mount_webchat(app, container, conversations)
    notifier.register("web", webchat.notifier)
    conversations.fetchers["web"] = webchat.fetcher
    return app


@pytest.fixture
def web_app(container: Container) -> FastAPI:
    return build_app(container)


@pytest.fixture
def web(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as client:
        yield client


@pytest.fixture
def chat(web: TestClient) -> WebChat:
    """A web chat that has opened its session (greeted, in Chinese)."""
    opened = WebChat(web)
    opened.start()
    return opened


@pytest.fixture
def second_process(settings: Settings, clock: FakeClock) -> Iterator[Callable[[], TestClient]]:
    """Start another app on the same database, as a reload served by another instance would."""
    opened: list[tuple[Container, TestClient]] = []

    def start() -> TestClient:
        container = build(settings, clock=clock)
        prepare_database(container)
        client = TestClient(build_app(container))
        client.__enter__()
        opened.append((container, client))
        return client

    yield start
    for container, client in opened:
        client.__exit__(None, None, None)
        container.engine.dispose()
