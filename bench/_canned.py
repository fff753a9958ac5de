"""The dialog bench's floor: the conversation service replaced by the replies of a recorded
dialog, so that what is left is python-telegram-bot, our adapter, the fake server and users.

One complaint is filed in-process through the real `ConversationService` on the bench's
database (`bench/profile_dialog.py`'s user), its replies kept step by step; during a canned
round `ConversationService.handle` gives a chat the recorded replies of its next step (the
users tap by label and check the texts, which the recording holds), with no database, engine
or routing work at all.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from bench.profile_dialog import Chat, complaint
from dialogs.model import Inbound, Outbound

RECORDED_CHAT = 999_999  # below the bench's chats


def record(container: Container, chat_id: int = RECORDED_CHAT) -> list[list[Outbound]]:
    """Return the replies of each step of one complaint filed through the real service."""
    service = ConversationService(container)
    steps: list[list[Outbound]] = []

    def handle(inbound: Inbound) -> list[Outbound]:
        replies = service.handle(inbound)
        steps.append(replies)
        return replies

    complaint(Chat(handle, chat_id), defaultdict(list))
    return steps


@contextmanager
def canned(steps: list[list[Outbound]]) -> Iterator[None]:
    """Let `ConversationService.handle` answer every chat with the recorded steps in turn."""
    lock = threading.Lock()
    done: dict[str, int] = {}

    def handle(_self: Any, inbound: Inbound, content: bytes | None = None) -> list[Outbound]:
        with lock:
            index = done.get(inbound.chat.chat_id, 0)
            done[inbound.chat.chat_id] = index + 1
        return list(steps[index % len(steps)])

    real = ConversationService.handle
    ConversationService.handle = handle  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        ConversationService.handle = real  # type: ignore[method-assign]
