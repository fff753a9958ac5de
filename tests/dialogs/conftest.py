"""Fixtures: fake services and chat drivers in Chinese and English."""

from __future__ import annotations

import pytest

from dialogs.model import ChatRef
from tests.dialogs.driver import ChatDriver
from tests.dialogs.fakes import FakeServices


@pytest.fixture
def services() -> FakeServices:
    return FakeServices()


@pytest.fixture
def zh(services: FakeServices) -> ChatDriver:
    return ChatDriver(services, ChatRef("telegram", "1001"), language_hint="zh-hans")


@pytest.fixture
def en(services: FakeServices) -> ChatDriver:
    return ChatDriver(services, ChatRef("web", "w-2002"), language_hint="en-GB")
