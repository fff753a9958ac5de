"""The chat's row and the events seen, read and written by plain statements built once.

A turn is on the hot path of every chat (issue 13): it reads the chat's row once (locked),
records the event once (its unique key tells a repeat), and writes the row once, each a
single statement prepared at import, not ORM objects flushed through a unit of work, and
sent by the driver itself (`backend.driver.fetch_all`: SQLAlchemy's execution of each cost
more than the driver's call).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel

from backend.conversations.models import Conversation, InboundEvent
from backend.driver import fetch_all
from dialogs.model import ChatRef, Inbound, Outbound

CONVERSATIONS: Table = SQLModel.metadata.tables[Conversation.__tablename__]
EVENTS: Table = SQLModel.metadata.tables[InboundEvent.__tablename__]
_C, _E = CONVERSATIONS.c, EVENTS.c
_THE_CHAT = (_C.channel == bindparam("channel")) & (_C.chat_id == bindparam("chat_id"))
_READ = select(_C.id, _C.state, _C.version, _C.pending_part, _C.group_notice_at).where(_THE_CHAT)
_LOCK = _READ.with_for_update()
_WRITE = (
    update(CONVERSATIONS)
    .where(_C.id == bindparam("row_id"))
    .values(
        state=bindparam("state"),
        version=bindparam("version"),
        pending_part=bindparam("pending_part"),
        group_notice_at=bindparam("group_notice_at"),
        updated_at=bindparam("now"),
    )
)
_NEW_CHAT = {
    dialect: insert(CONVERSATIONS)
    .values(
        channel=bindparam("channel"),
        chat_id=bindparam("chat_id"),
        version=0,
        created_at=bindparam("now"),
        updated_at=bindparam("now"),
    )
    .on_conflict_do_nothing(index_elements=["channel", "chat_id"])
    for dialect, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}
_NEW_EVENT = {
    dialect: insert(EVENTS)
    .values(
        channel=bindparam("channel"),
        event_id=bindparam("event_id"),
        conversation_id=bindparam("conversation_id"),
        received_at=bindparam("now"),
    )
    .on_conflict_do_nothing(index_elements=["channel", "event_id"])
    .returning(_E.id)
    for dialect, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}
_KEEP_REPLIES = update(EVENTS).where(_E.id == bindparam("row_id")).values(replies=bindparam("r"))
_REPLIES = select(_E.replies).where(
    (_E.channel == bindparam("channel")) & (_E.event_id == bindparam("event_id"))
)


@dataclass
class ChatRow:
    """What a turn reads of the chat's row and writes back (`conversations`)."""

    id: int
    state: dict[str, Any] | None  # DialogState.to_dict(), None before the first turn
    version: int
    pending_part: dict[str, Any] | None
    group_notice_at: datetime | None


def _connection(session: Session) -> Connection:
    return session.connection()


def lock_row(session: Session, chat: ChatRef, now: datetime) -> ChatRow:
    """Return the chat's row, created when the chat is new, locked until the commit.

    PostgreSQL locks the row (`FOR UPDATE`); SQLite's write transaction holds the database.
    """
    connection = _connection(session)
    where = {"channel": chat.channel, "chat_id": chat.chat_id}
    found = fetch_all(connection, _LOCK, where)
    if not found:
        fetch_all(connection, _NEW_CHAT[connection.dialect.name], {**where, "now": now})
        found = fetch_all(connection, _LOCK, where)
    return ChatRow(*found[0])


def read_row(session: Session, chat: ChatRef) -> ChatRow | None:
    """Return the chat's row without locking it, or None for a chat never seen."""
    found = fetch_all(
        _connection(session), _READ, {"channel": chat.channel, "chat_id": chat.chat_id}
    )
    return ChatRow(*found[0]) if found else None


def save_row(session: Session, row: ChatRow, state: dict[str, Any], now: datetime) -> None:
    """Write the turn's state (and the row's other fields as `row` holds them) back."""
    row.state, row.version = state, row.version + 1
    fetch_all(
        _connection(session),
        _WRITE,
        {
            "row_id": row.id,
            "state": row.state,
            "version": row.version,
            "pending_part": row.pending_part,
            "group_notice_at": row.group_notice_at,
            "now": now,
        },
    )


def record_event(session: Session, inbound: Inbound, row: ChatRow, now: datetime) -> int | None:
    """Record the event as seen; return its row id, or None when it was seen before."""
    connection = _connection(session)
    values = {
        "channel": inbound.chat.channel,
        "event_id": inbound.event_id,
        "conversation_id": row.id,
        "now": now,
    }
    found = fetch_all(connection, _NEW_EVENT[connection.dialect.name], values)
    return found[0][0] if found else None


def keep_replies(session: Session, event_row: int, replies: list[Outbound]) -> None:
    """Keep the replies that must arrive (a receipt), to give them again for a repeat."""
    kept = [reply.to_dict() for reply in replies]
    fetch_all(_connection(session), _KEEP_REPLIES, {"row_id": event_row, "r": kept})


def replies_given(session: Session, inbound: Inbound) -> list[Outbound]:
    """Return the kept replies of an event seen before (none for most)."""
    found = fetch_all(
        _connection(session),
        _REPLIES,
        {"channel": inbound.chat.channel, "event_id": inbound.event_id},
    )
    raw = found[0][0] if found else None
    return [Outbound.from_dict(item) for item in raw or []]
