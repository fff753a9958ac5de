"""The web chat's side of the Notifier port: pushed messages wait in a table for the page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select

from backend.clock import Clock
from backend.db import session_scope
from backend.ports import DeliveryFailed, OutboundMessage, PartsSent
from backend.webchat.models import WebchatMessage

CHANNEL = "web"
UPDATES_PER_CALL = 50


class WebNotifier:
    """Keep each message for its web chat; the page fetches it with `/chat/api/updates`."""

    # Stored once per key: sent again after a sender died mid-send, it cannot arrive twice.
    idempotent = True

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        """Store the message once (a database error is raised, so the sender retries).

        A web chat takes a message in one part; a message stored already (the same key, or
        its one part counted as sent) is not stored again.
        """
        if message.channel != CHANNEL or not message.chat_id:
            raise DeliveryFailed(f"not a web chat: {message.channel}", permanent=True)
        if message.parts_sent >= 1:
            return
        buttons = [[[label, payload] for label, payload in row] for row in message.buttons]
        row = {
            "chat_id": message.chat_id,
            "key": message.key or None,
            "text": message.text,
            "buttons": buttons or None,
            "created_at": self.clock.now(),
        }
        with session_scope(self.engine) as session:
            dialect = session.get_bind().dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            statement = insert(WebchatMessage).values(**row)
            session.execute(statement.on_conflict_do_nothing(index_elements=["key"]))


def updates_after(engine: Engine, chat_id: str, after: int) -> list[dict[str, Any]]:
    """Return the chat's pushed messages after an id, oldest first, as JSON-ready data."""
    statement = (
        select(WebchatMessage)
        .where(WebchatMessage.chat_id == chat_id, col(WebchatMessage.id) > after)
        .order_by(col(WebchatMessage.id))
        .limit(UPDATES_PER_CALL)
    )
    with session_scope(engine) as session:
        rows = session.exec(statement).all()
        return [
            {
                "id": row.id,
                "text": row.text,
                "buttons": [
                    [{"label": str(label), "payload": str(payload)} for label, payload in line]
                    for line in row.buttons or []
                ],
                "sent_at": row.created_at.isoformat(),
            }
            for row in rows
        ]
