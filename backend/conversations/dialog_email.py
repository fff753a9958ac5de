"""The `/email` side of the dialog port: an email address on a chat's reporter rows.

The address goes on every reporter row this chat filed a case with, so the outbox's reporter
recipients (`backend.notifications`) also reach it by email: each update, and at 回访 the
signed rating link. A chat that filed nothing yet keeps it on a reporter row without a case,
and each case it files later takes the address over (`carry_email`).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, bindparam
from sqlmodel import Session, col, select

from backend.bootstrap import Container
from backend.people.models import Reporter
from dialogs.model import ChatRef

# Asked at every filing (carry_email): built once, as building it costs more than running it.
_NEWEST_EMAIL = (
    select(Reporter.email)
    .where(
        col(Reporter.channel) == bindparam("channel"),
        col(Reporter.chat_id) == bindparam("chat_id"),
        col(Reporter.email).is_not(None),
    )
    .order_by(col(Reporter.id).desc())
    .limit(1)
)


class EmailDialogServices:
    """Methods of DialogServices that keep the email address a chat's reporter gave."""

    session: Session
    container: Container

    def reporter_email(self, chat: ChatRef) -> str | None:
        """Return the address on this chat's newest reporter row that has one."""
        self.session.flush()  # as the ORM's own query would: rows added are counted
        found = self.session.connection().execute(
            _NEWEST_EMAIL, {"channel": chat.channel, "chat_id": chat.chat_id}
        )
        return found.scalar()

    def set_reporter_email(self, chat: ChatRef, address: str | None, language: str) -> None:
        """Keep the address (None: remove it) on every reporter row of this chat."""
        rows = list(self.session.exec(select(Reporter).where(*_of(chat))))
        if not rows and address is not None:
            rows = [
                Reporter(
                    channel=chat.channel,
                    chat_id=chat.chat_id,
                    language=language,
                    created_at=self.container.clock.now(),
                )
            ]
        for row in rows:
            row.email = address
            self.session.add(row)
        self.session.flush()

    def carry_email(self, chat: ChatRef) -> None:
        """Give this chat's address to its reporter rows without one (a case just filed)."""
        address = self.reporter_email(chat)
        if address is None:
            return
        for row in self.session.exec(
            select(Reporter).where(*_of(chat), col(Reporter.email).is_(None))
        ):
            row.email = address
            self.session.add(row)
        self.session.flush()


def _of(chat: ChatRef) -> tuple[ColumnElement[bool]]:
    return (and_(col(Reporter.channel) == chat.channel, col(Reporter.chat_id) == chat.chat_id),)
