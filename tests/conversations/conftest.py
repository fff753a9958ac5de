"""Fixtures: the conversation service over the test database."""

from __future__ import annotations

import pytest

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from bot.channels import wire_conversations


@pytest.fixture
def service(container: Container) -> ConversationService:
    conversations, _ = wire_conversations(container)
    return conversations
