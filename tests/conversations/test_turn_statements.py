"""What one turn asks of the database (issue 13): the chat's row read once and written once.

A turn of an open dialog is one transaction: it reads the chat's row (locked), records the
event (which tells a repeat at the same time), and writes the row back; nothing is read
again after it was written. A repeated event writes nothing and gives its kept replies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlmodel import select

from backend.bootstrap import Container
from backend.conversations.models import Conversation, InboundEvent
from backend.conversations.service import ConversationService
from backend.db import session_scope
from tests.conversations.driver import Chat

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"
_TABLE = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE)\b.*?\b(?:FROM|INTO|UPDATE)\s+(\w+)", re.S)


@contextmanager
def statements(container: Container) -> Iterator[list[tuple[str, str]]]:
    """Collect (verb, first table) of every statement sent while the block runs."""
    seen: list[tuple[str, str]] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        found = _TABLE.match(statement.replace('"', ""))
        if found is not None:
            seen.append((found.group(1), found.group(2)))
        elif statement.strip().upper().startswith("UPDATE"):
            seen.append(("UPDATE", statement.split()[1]))

    event.listen(container.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(container.engine, "before_cursor_execute", record)


def at_the_date_step(service: ConversationService) -> Chat:
    chat = Chat(service)
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    return chat


def test_a_turn_reads_the_chats_row_once_records_the_event_once_and_writes_the_row_once(
    service: ConversationService, container: Container
) -> None:
    chat = at_the_date_step(service)
    with statements(container) as seen:
        chat.tap("今天")
    assert seen == [
        ("SELECT", "conversations"),
        ("INSERT", "inbound_events"),
        ("UPDATE", "conversations"),
    ]


def test_a_chats_first_event_creates_its_row_and_keeps_the_dialog(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    with statements(container) as seen:
        chat.command("start")
    assert seen.count(("INSERT", "conversations")) == 1
    assert seen.count(("UPDATE", "conversations")) == 1
    chat.command("report")
    with session_scope(container.engine) as session:
        row = session.exec(select(Conversation).where(Conversation.chat_id == "c1")).one()
    assert row.version == 2 and row.state is not None and row.state["flow"] == "complaint"


def test_a_repeated_event_changes_nothing_and_is_recorded_once(
    service: ConversationService, container: Container
) -> None:
    chat = at_the_date_step(service)
    today = chat.button("今天").payload
    first = chat.send("button", event_id="tap-today", payload=today)
    with session_scope(container.engine) as session:
        before = session.exec(select(Conversation)).one()
    with statements(container) as seen:
        again = chat.send("button", event_id="tap-today", payload=today)
    # Nothing kept to give again (not a receipt): the question it led to is asked again, as
    # the first answer may never have arrived (a resent web message, a redelivered update).
    assert first != [] and again[0].text.startswith("这条消息已经收到")
    assert again[-1].buttons == first[-1].buttons
    assert ("UPDATE", "conversations") not in seen
    with session_scope(container.engine) as session:
        after = session.exec(select(Conversation)).one()
        events = session.exec(select(InboundEvent).where(InboundEvent.event_id == "tap-today"))
        assert len(events.all()) == 1
    assert (after.version, after.state) == (before.version, before.state)
