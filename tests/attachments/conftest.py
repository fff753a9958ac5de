"""Fixtures: the conversation service over the test database, and its content store."""

from __future__ import annotations

import pytest

from backend.attachments.store import ContentStore
from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from bot.channels import wire_conversations


@pytest.fixture
def service(container: Container) -> ConversationService:
    conversations, _ = wire_conversations(container)
    return conversations


@pytest.fixture
def store(container: Container) -> ContentStore:
    return ContentStore.under(container.settings.data_dir)
