"""One-time set-password links: used once, before they expire, the latest one only."""

from __future__ import annotations

from datetime import timedelta

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.password_links import issue_password_link, use_password_link
from backend.people.passwords import hash_password, verify_password
from tests.fakes import FakeClock
from tests.staff_accounts import account, staff_with_password

NEW = "a brand new password"


def issue(container: Container, staff: StaffAccount) -> str:
    with session_scope(container.engine) as session:
        return issue_password_link(
            session=session, staff=staff, clock=container.clock, valid_for=timedelta(hours=48)
        )


def use(container: Container, token: str, password: str = NEW) -> StaffAccount | None:
    new_hash = hash_password(password)
    with session_scope(container.engine) as session:
        return use_password_link(
            session=session, token=token, password_hash=new_hash, clock=container.clock
        )


def test_a_link_sets_the_password_once(container: Container) -> None:
    staff = staff_with_password(container, login="li", password=None)
    token = issue(container, staff)

    assert use(container, token) is not None
    assert verify_password(NEW, account(container, staff.id).password_hash)
    assert use(container, token, "yet another password") is None
    assert verify_password(NEW, account(container, staff.id).password_hash)


def test_a_link_expires_after_its_time(container: Container, clock: FakeClock) -> None:
    staff = staff_with_password(container, login="li", password=None)
    token = issue(container, staff)
    clock.advance(hours=48)

    assert use(container, token) is None
    assert account(container, staff.id).password_hash is None


def test_a_new_link_voids_the_earlier_one(container: Container) -> None:
    staff = staff_with_password(container, login="li", password=None)
    first = issue(container, staff)
    second = issue(container, staff)

    assert use(container, first) is None
    assert use(container, second) is not None


def test_only_the_hash_of_the_token_is_stored(container: Container) -> None:
    staff = staff_with_password(container, login="li", password=None)
    token = issue(container, staff)

    with container.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT token_hash FROM password_links").scalar_one()
    assert token not in stored
