"""Sign-in by login and password: one answer for every refusal, a pause that cannot be raced."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people import sign_in as sign_in_module
from backend.people.deactivation import deactivate_staff
from backend.people.models import StaffSession
from backend.people.passwords import verify_password
from backend.people.sessions import SessionLimits
from backend.people.sign_in import MAX_WRONG_PASSWORDS, PAUSE, SignedIn, sign_in
from tests.fakes import FakeClock
from tests.staff_accounts import PASSWORD, account, spare_coordinator, staff_with_password

LIMITS = SessionLimits(idle=timedelta(minutes=30), lifetime=timedelta(hours=12))


def attempt(container: Container, login: str, password: str) -> SignedIn | None:
    return sign_in(
        engine=container.engine,
        login=login,
        password=password,
        clock=container.clock,
        limits=LIMITS,
    )


def test_the_right_password_opens_a_session_and_records_the_time(
    container: Container, clock: FakeClock
) -> None:
    staff = staff_with_password(container, login="wang")

    signed_in = attempt(container, "  Wang ", PASSWORD)

    assert signed_in is not None and signed_in.staff.id == staff.id
    assert account(container, staff.id).last_sign_in_at == clock.now()
    with session_scope(container.engine) as session:
        assert len(session.exec(select(StaffSession)).all()) == 1


@pytest.mark.parametrize(
    ("login", "password"),
    [("wang", "wrong password"), ("nobody", PASSWORD), ("nopass", PASSWORD), ("wang", "")],
)
def test_every_refusal_gets_the_same_answer(
    container: Container, login: str, password: str
) -> None:
    staff_with_password(container, login="wang")
    staff_with_password(container, login="nopass", name="无密码", password=None)

    assert attempt(container, login, password) is None


def test_every_refusal_costs_one_password_check(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff_with_password(container, login="wang")
    checked: list[str | None] = []

    def counting(password: str, stored: str | None) -> bool:
        checked.append(stored)
        return verify_password(password, stored)

    monkeypatch.setattr(sign_in_module, "verify_password", counting)
    attempt(container, "nobody", PASSWORD)
    attempt(container, "wang", "wrong password")

    assert len(checked) == 2 and checked[0] is None and checked[1] is not None


def test_ten_wrong_passwords_pause_the_login_even_for_the_right_one_for_fifteen_minutes(
    container: Container, clock: FakeClock
) -> None:
    staff = staff_with_password(container, login="wang")
    for _ in range(MAX_WRONG_PASSWORDS):
        assert attempt(container, "wang", "wrong password") is None

    assert account(container, staff.id).sign_in_paused_until == clock.now() + PAUSE
    assert attempt(container, "wang", PASSWORD) is None
    clock.advance(minutes=14, seconds=59)
    assert attempt(container, "wang", PASSWORD) is None
    clock.advance(seconds=1)
    assert attempt(container, "wang", PASSWORD) is not None


def test_a_good_password_resets_the_count_of_wrong_ones(container: Container) -> None:
    staff = staff_with_password(container, login="wang")
    for _ in range(MAX_WRONG_PASSWORDS - 1):
        attempt(container, "wang", "wrong password")
    assert attempt(container, "wang", PASSWORD) is not None

    attempt(container, "wang", "wrong password")

    stored = account(container, staff.id)
    assert (stored.failed_sign_ins, stored.sign_in_paused_until) == (1, None)


def test_wrong_passwords_sent_at_once_still_pause_after_ten(
    container: Container, clock: FakeClock
) -> None:
    staff = staff_with_password(container, login="wang")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: attempt(container, "wang", "wrong"), range(14)))

    stored = account(container, staff.id)
    assert answers == [None] * 14
    assert (stored.failed_sign_ins, stored.sign_in_paused_until) == (0, clock.now() + PAUSE)


def test_a_deactivated_account_cannot_sign_in(container: Container) -> None:
    staff = staff_with_password(container, login="wang")
    spare_coordinator(container)
    with session_scope(container.engine) as session:
        deactivate_staff(session=session, staff_id=staff.id or 0, clock=container.clock)

    assert attempt(container, "wang", PASSWORD) is None


def test_a_hash_made_with_older_parameters_is_replaced_at_the_next_sign_in(
    container: Container,
) -> None:
    staff = staff_with_password(container, login="wang")
    older = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    with session_scope(container.engine) as session:
        stored = account(container, staff.id)
        stored.password_hash = older
        session.add(stored)

    assert attempt(container, "wang", PASSWORD) is not None
    assert "m=19456,t=2,p=1" in (account(container, staff.id).password_hash or "")
