"""Lookups of a case by number and PIN (提取码): counted atomically, the same work every time.

Two limits hold against guessing, each counted by one conditional UPDATE ... RETURNING that
reserves the attempt *before* the PIN is checked, so a burst of guesses at once cannot
overshoot (PostgreSQL re-evaluates the condition on the row a concurrent update left behind;
SQLite runs one writer at a time):

- a case: five wrong PINs in a row pause lookups of it by PIN for an hour; the right PIN
  starts the count again;
- a chat: twenty wrong PINs, to any cases, within a day of its first one, and that chat's
  lookups by PIN wait for the day to end; a right PIN gives its attempt back.

Every lookup runs the same statements and exactly one scrypt (against the case's hash, or a
dummy one when the number is unknown, the case named or paused, or the chat paused), so an
unknown number, a named case, a wrong PIN and a paused case cannot be told apart by time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, literal, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from backend.cases.models import Case, ChatPinWindow
from backend.cases.numbers import verify_pin
from backend.db import UTCDateTime

CASE_ATTEMPTS = 5
CASE_PAUSE = timedelta(hours=1)
CHAT_ATTEMPTS = 20
CHAT_WINDOW = timedelta(days=1)
_NO_CASE = 0  # no row has this id: the statements run alike and change nothing


def case_by_pin(
    *, session: Session, number: str | None, pin: str, channel: str, chat_id: str, now: datetime
) -> Case | None:
    """Return the case whose number and PIN these are, or None; count a miss against both.

    A miss is anything but the right PIN of an anonymous case that is not paused, asked by
    a chat that is not paused. Runs inside the caller's transaction, which holds the case's
    and the chat's rows locked until it ends.
    """
    chat_may_guess = _reserve_chat_attempt(session, channel, chat_id, now)
    reserved = _reserve_case_attempt(session, number if chat_may_guess else None, now)
    case_id, stored = reserved if reserved is not None else (_NO_CASE, None)
    right = verify_pin(pin, stored) and reserved is not None
    _settle_case(session, case_id if right else _NO_CASE)
    _settle_chat(session, channel, chat_id, refund=1 if right else 0)
    return session.get(Case, case_id, populate_existing=True) if right else None


def _reserve_chat_attempt(session: Session, channel: str, chat_id: str, now: datetime) -> bool:
    """Take one of the chat's attempts; False when its window is used up."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(ChatPinWindow)
        .values(channel=channel, chat_id=chat_id, failures=0, window_until=None)
        .on_conflict_do_nothing()
    )
    failures, until = col(ChatPinWindow.failures), col(ChatPinWindow.window_until)
    over: ColumnElement[bool] = or_(until.is_(None), until <= now)
    statement = (
        update(ChatPinWindow)
        .where(
            col(ChatPinWindow.channel) == channel,
            col(ChatPinWindow.chat_id) == chat_id,
            or_(over, failures < CHAT_ATTEMPTS),
        )
        .values(
            failures=case((over, 1), else_=failures + 1),
            window_until=case((over, _at(now + CHAT_WINDOW)), else_=until),
        )
        .returning(failures)
    )
    return session.execute(statement).first() is not None


def _reserve_case_attempt(
    session: Session, number: str | None, now: datetime
) -> tuple[int, str] | None:
    """Take one of the case's attempts; return its id and PIN hash, or None when it has none.

    None for an unknown number, a named case (no PIN) and a paused one. The attempt that
    reaches the limit starts the pause itself, so no later one in a burst gets checked.
    """
    failures, until = col(Case.pin_failures), col(Case.pin_locked_until)
    reaches = failures + 1 >= CASE_ATTEMPTS
    statement = (
        update(Case)
        .where(
            col(Case.number) == (number or ""),
            col(Case.pin_hash).is_not(None),
            or_(until.is_(None), until <= now),
        )
        .values(
            pin_failures=case((reaches, 0), else_=failures + 1),
            pin_locked_until=case((reaches, _at(now + CASE_PAUSE)), else_=None),
        )
        .returning(col(Case.id), col(Case.pin_hash))
        .execution_options(synchronize_session=False)
    )
    row = session.execute(statement).first()
    return (row[0], row[1]) if row is not None else None


def _settle_case(session: Session, case_id: int) -> None:
    """Clear the case's count and pause after its right PIN (no row for any other answer)."""
    session.execute(
        update(Case)
        .where(col(Case.id) == case_id)
        .values(pin_failures=0, pin_locked_until=None)
        .execution_options(synchronize_session=False)
    )


def _settle_chat(session: Session, channel: str, chat_id: str, *, refund: int) -> None:
    """Give the chat its attempt back after a right PIN (refund 1), or keep it (refund 0)."""
    failures = col(ChatPinWindow.failures)
    session.execute(
        update(ChatPinWindow)
        .where(col(ChatPinWindow.channel) == channel, col(ChatPinWindow.chat_id) == chat_id)
        .values(failures=failures - refund)
    )


def _at(moment: datetime) -> ColumnElement[datetime]:
    """Bind a moment as the columns store it (UTC on SQLite as on PostgreSQL)."""
    return literal(moment, UTCDateTime())
