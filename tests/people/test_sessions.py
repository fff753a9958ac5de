"""Console sessions: rows found by a hashed token, ending on idle, lifetime and deactivation."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.deactivation import deactivate_staff
from backend.people.models import StaffAccount, StaffSession
from backend.people.passwords import hash_password
from backend.people.service import set_password
from backend.people.sessions import (
    SessionLimits,
    end_session,
    hash_session_token,
    open_session,
    resume_session,
)
from tests.fakes import FakeClock
from tests.staff_accounts import account, spare_coordinator, staff_with_password

LIMITS = SessionLimits(idle=timedelta(minutes=30), lifetime=timedelta(hours=12))


def opened(container: Container) -> tuple[StaffAccount, str]:
    staff = staff_with_password(container, login="wang")
    with session_scope(container.engine) as session:
        return staff, open_session(session=session, staff=staff, clock=container.clock)


def resume(container: Container, token: str) -> StaffAccount | None:
    with session_scope(container.engine) as session:
        return resume_session(session=session, token=token, clock=container.clock, limits=LIMITS)


def stored_session(container: Container) -> StaffSession | None:
    with session_scope(container.engine) as session:
        return session.exec(select(StaffSession)).first()


def test_only_the_hash_of_the_token_is_stored(container: Container) -> None:
    _, token = opened(container)

    row = stored_session(container)
    assert row is not None and row.token_hash == hash_session_token(token) != token


def test_a_session_ends_after_thirty_minutes_without_a_request(
    container: Container, clock: FakeClock
) -> None:
    staff, token = opened(container)
    clock.advance(minutes=29)
    assert resume(container, token) is not None and staff.id is not None

    clock.advance(minutes=30)

    assert resume(container, token) is None
    assert stored_session(container) is None


def test_requests_keep_a_session_alive_but_write_at_most_once_a_minute(
    container: Container, clock: FakeClock
) -> None:
    _, token = opened(container)
    started = clock.now()
    clock.advance(seconds=50)
    resume(container, token)
    row = stored_session(container)
    assert row is not None and row.last_seen_at == started

    clock.advance(seconds=10)
    resume(container, token)
    row = stored_session(container)
    assert row is not None and row.last_seen_at == clock.now()
    clock.advance(minutes=29)
    assert resume(container, token) is not None


def test_a_session_ends_after_twelve_hours_however_busy(
    container: Container, clock: FakeClock
) -> None:
    _, token = opened(container)
    for _ in range(12 * 3 - 1):  # a request every 20 minutes for 11 h 40 min
        clock.advance(minutes=20)
        assert resume(container, token) is not None

    clock.advance(minutes=20)

    assert resume(container, token) is None


def test_sign_out_ends_the_session(container: Container) -> None:
    _, token = opened(container)
    with session_scope(container.engine) as session:
        end_session(session=session, token=token)

    assert resume(container, token) is None


def test_a_deactivated_accounts_session_ends_at_once(container: Container) -> None:
    staff, token = opened(container)
    spare_coordinator(container)
    with session_scope(container.engine) as session:
        deactivate_staff(session=session, staff_id=staff.id or 0, clock=container.clock)

    assert resume(container, token) is None
    assert stored_session(container) is None


def test_an_account_deactivated_behind_the_services_back_is_refused_too(
    container: Container,
) -> None:
    staff, token = opened(container)
    with session_scope(container.engine) as session:
        row = account(container, staff.id)
        row.active = False
        session.add(row)

    assert resume(container, token) is None


def test_a_new_password_ends_every_session(container: Container) -> None:
    staff, token = opened(container)
    new_hash = hash_password("another long password")
    with session_scope(container.engine) as session:
        set_password(session=session, staff=account(container, staff.id), password_hash=new_hash)

    assert resume(container, token) is None
