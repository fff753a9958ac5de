"""Lookups of a case by number and PIN (提取码): counted atomically, the same work every time.

Two limits hold against guessing:

- a case: five wrong PINs in a row pause its lookups by PIN for an hour; its right PIN
  starts the count again;
- a chat: twenty wrong PINs, to any cases, within a day of its first one, and that chat's
  lookups by PIN wait for the day to end; a right PIN gives its attempt back;
- an address, where the channel knows one (the web chat, where anyone may open any number of
  chats): fifty wrong PINs from all its chats within a day, the same way. More than a chat's
  twenty, since an office or a mobile network shows many people behind one address; without
  it, a new web chat every twenty guesses would leave only the case's own limit, which anyone
  can set off (an hour's pause for the case's reporter asking from elsewhere).

The PIN is hashed first, holding no lock, against the case's hash or a dummy one (unknown
number, named case): one HMAC and one scrypt on every path (backend.cases.numbers.verify_pin;
`key` is the PIN hashes' key, `Container.pin_key`). Its result then counts only through one
conditional UPDATE ... RETURNING per limit, which applies it when the attempt is within the
limit and changes nothing otherwise; PostgreSQL re-evaluates the condition on the row a
concurrent update left behind and SQLite runs one writer at a time, so a burst of guesses
at once gets no more PINs checked than one at a time. The case's row is locked only from
that UPDATE to the commit, never across the scrypt, so concurrent guesses do not queue
behind each other's hashing (which would tell an anonymous case from a named one). An
unknown number, a named case, a wrong PIN, a paused case or chat and the right PIN all run
the same statements.

A request that is not a lookup at all, a number that is no case number or a PIN that is not
six digits (what `dialogs.parsing` cannot read), is no guess: it runs nothing and counts
nothing. Its form alone tells it apart, so answering it differently reveals nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, ColumnElement, case, literal, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from backend.cases.models import Case, ChatPinWindow
from backend.cases.numbers import canonical_number, verify_pin, well_formed_pin
from backend.db import UTCDateTime

CASE_ATTEMPTS = 5
CASE_PAUSE = timedelta(hours=1)
CHAT_ATTEMPTS = 20
CHAT_WINDOW = timedelta(days=1)
ADDRESS_ATTEMPTS = 50  # wrong PINs a day from one client address, all its chats together
ADDRESS = "address"  # the window's channel in chat_pin_windows; its chat_id is the address


@dataclass(frozen=True)
class PinCheck:
    """The outcome of one lookup by PIN.

    `checked` says the PIN was weighed against the case: the chat and the case were within
    their limits, so the attempt counted (at most five wrong ones per pause of a case).
    """

    case: Case | None
    checked: bool


def case_by_pin(
    *,
    session: Session,
    number: str | None,
    pin: str,
    channel: str,
    chat_id: str,
    now: datetime,
    key: bytes,
    origin: str | None = None,
) -> PinCheck:
    """Look a case up by number and PIN for a chat; count the attempt against the limits.

    `origin` is the client address of a web chat (None elsewhere): its window counts too.
    Finds the case only for its right PIN, when neither the case, the chat nor the address
    is paused. An attempt that one window refuses is given back to the others (nothing was
    weighed). Runs in the caller's transaction, which keeps the counted rows locked until
    it ends. A malformed number or PIN (not in its stored form) is refused unchecked and
    uncounted.
    """
    if number is None or canonical_number(number) != number or not well_formed_pin(pin):
        return PinCheck(None, checked=False)
    right = verify_pin(pin, _stored_hash(session, number), key)
    chat_ok = _reserve_attempt(session, channel, chat_id, CHAT_ATTEMPTS, now)
    address_ok = (
        _reserve_attempt(session, ADDRESS, origin, ADDRESS_ATTEMPTS, now) if origin else True
    )
    may_guess = chat_ok and address_ok
    case_id = _count_for_case(session, number if may_guess else None, right, now)
    found = case_id if right else None
    _settle(
        session, channel, chat_id, refund=int(found is not None or (chat_ok and not address_ok))
    )
    if origin:
        _settle(
            session, ADDRESS, origin, refund=int(found is not None or (address_ok and not chat_ok))
        )
    if found is None:
        return PinCheck(None, checked=case_id is not None)
    return PinCheck(session.get(Case, found, populate_existing=True), checked=True)


def _stored_hash(session: Session, number: str | None) -> str | None:
    """Return the case's PIN hash (None for a named case or an unknown number); no lock."""
    statement = select(Case.pin_hash).where(col(Case.number) == (number or ""))
    return session.exec(statement).first()


def _reserve_attempt(
    session: Session, channel: str, chat_id: str, attempts: int, now: datetime
) -> bool:
    """Take one of a window's attempts (a chat's, or an address's); False when used up."""
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
            or_(over, failures < attempts),
        )
        .values(
            failures=case((over, 1), else_=failures + 1),
            window_until=case((over, _at(now + CHAT_WINDOW)), else_=until),
        )
        .returning(failures)
    )
    return session.execute(statement).first() is not None


def _count_for_case(
    session: Session, number: str | None, right: bool, now: datetime
) -> int | None:
    """Count the attempt against the case if it is not paused; return its id, or None.

    None for an unknown number, a named case (no PIN) and a paused one: nothing changes. A
    right PIN clears the count; the wrong one that reaches the limit starts the pause itself.
    """
    failures, until = col(Case.pin_failures), col(Case.pin_locked_until)
    is_right = literal(right, Boolean())
    reaches = failures + 1 >= CASE_ATTEMPTS
    statement = (
        update(Case)
        .where(
            col(Case.number) == (number or ""),
            col(Case.pin_hash).is_not(None),
            or_(until.is_(None), until <= now),
        )
        .values(
            pin_failures=case((is_right, 0), (reaches, 0), else_=failures + 1),
            pin_locked_until=case(
                (is_right, _at(None)), (reaches, _at(now + CASE_PAUSE)), else_=_at(None)
            ),
        )
        .returning(col(Case.id))
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).scalar()


def _settle(session: Session, channel: str, chat_id: str, *, refund: int) -> None:
    """Give a window its attempt back (refund 1), or keep it (refund 0).

    Refunded: a PIN the case accepted, and an attempt another window refused (nothing was
    weighed). A wrong PIN, an unknown number and a paused case keep it, so a paused case
    tells a chat nothing.
    """
    failures = col(ChatPinWindow.failures)
    session.execute(
        update(ChatPinWindow)
        .where(col(ChatPinWindow.channel) == channel, col(ChatPinWindow.chat_id) == chat_id)
        .values(failures=failures - refund)
    )


def _at(moment: datetime | None) -> ColumnElement[datetime]:
    """Bind a moment as the columns store it (UTC on SQLite as on PostgreSQL)."""
    return literal(moment, UTCDateTime())
