"""The `/email` side of the dialog port: an email address on a chat's reporter rows.

The address goes on every reporter row this chat filed a case with, so the outbox's reporter
recipients (`backend.notifications`) also reach it by email once its owner confirmed it (a
link sent to it: `backend.notifications.email_confirmation`): each update, and at 回访 the
signed rating link. A chat that filed nothing yet keeps it on a reporter row without a case,
and each case it files later takes the address over (`carry_email`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, bindparam
from sqlmodel import Session, col, select

from backend.bootstrap import Container
from backend.notifications.email_confirmation import Asked, ask_confirmation, withdraw_waiting
from backend.people.models import Reporter
from dialogs.model import ChatRef

# Asked at every filing (carry_email): built once, as building it costs more than running it.
_NEWEST_EMAIL = (
    select(Reporter.email, Reporter.email_confirmed_at)
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

    def sends_email(self) -> bool:
        """Tell whether the settings name an SMTP server (INTAKE_SMTP_HOST)."""
        return self.container.settings.sends_email

    def reporter_email(self, chat: ChatRef) -> str | None:
        """Return the address on this chat's newest reporter row that has one."""
        newest = self._newest_email(chat)
        return newest[0] if newest is not None else None

    def email_confirmed(self, chat: ChatRef) -> bool:
        """Tell whether that address's owner confirmed it (the button of its link's page)."""
        newest = self._newest_email(chat)
        return newest is not None and newest[1] is not None

    def _newest_email(self, chat: ChatRef) -> tuple[str, datetime | None] | None:
        self.session.flush()  # as the ORM's own query would: rows added are counted
        found = self.session.connection().execute(
            _NEWEST_EMAIL, {"channel": chat.channel, "chat_id": chat.chat_id}
        )
        row = found.first()
        return (row[0], row[1]) if row is not None else None

    def set_reporter_email(self, chat: ChatRef, address: str | None, language: str) -> str:
        """Keep the address (None: remove it) on every reporter row of this chat; return what
        that did (`backend.notifications.email_confirmation.Asked`).

        The same address again keeps its confirmation (`confirmed`); a new one waits for its
        owner, who is sent a confirmation link (`sent`) unless a limit of the day is reached
        (`limited`). A change withdraws the email rows still waiting for the old address.
        """
        now = self.container.clock.now()
        newest = self._newest_email(chat)
        rows = list(self.session.exec(select(Reporter).where(*_of(chat))))
        if newest is not None and newest[0] == address and newest[1] is not None:
            confirmed_at: datetime | None = newest[1]
        else:
            confirmed_at = None
            withdraw_waiting(self.session, [row.id for row in rows if row.id is not None])
        if not rows and address is not None:
            rows = [
                Reporter(
                    channel=chat.channel, chat_id=chat.chat_id, language=language, created_at=now
                )
            ]
        for row in rows:
            row.email, row.email_confirmed_at = address, confirmed_at
            self.session.add(row)
        self.session.flush()
        if address is None:
            return Asked.removed.value
        if confirmed_at is not None:
            return Asked.confirmed.value
        newest_row = max(rows, key=lambda row: row.id or 0)
        return ask_confirmation(session=self.session, reporter=newest_row, now=now).value

    def carry_email(self, chat: ChatRef) -> None:
        """Give this chat's address, confirmed or not, to its reporter rows without one (a
        case just filed)."""
        newest = self._newest_email(chat)
        if newest is None:
            return
        for row in self.session.exec(
            select(Reporter).where(*_of(chat), col(Reporter.email).is_(None))
        ):
            row.email, row.email_confirmed_at = newest
            self.session.add(row)
        self.session.flush()


def _of(chat: ChatRef) -> tuple[ColumnElement[bool]]:
    return (and_(col(Reporter.channel) == chat.channel, col(Reporter.chat_id) == chat.chat_id),)
