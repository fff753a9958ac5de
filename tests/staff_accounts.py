"""Staff accounts with a login and a password, for the console's tests."""

from __future__ import annotations

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.passwords import hash_password
from backend.people.service import create_staff, set_password

PASSWORD = "correct horse battery"


def staff_with_password(
    container: Container,
    *,
    login: str,
    role: str = "coordinator",
    department: str = "fgw",
    name: str = "协调员 王",
    password: str | None = PASSWORD,
) -> StaffAccount:
    """Create an account with a login and (unless None) a password; return it."""
    password_hash = hash_password(password) if password is not None else None
    with session_scope(container.engine) as session:
        account, _ = create_staff(
            session=session,
            name=name,
            role=role,
            department=department,
            clock=container.clock,
            login=login,
        )
        if password_hash is not None:
            set_password(session=session, staff=account, password_hash=password_hash)
    return account


def account(container: Container, staff_id: int | None) -> StaffAccount:
    """Return the account as stored now."""
    with session_scope(container.engine) as session:
        found = session.get(StaffAccount, staff_id)
        assert found is not None
        return found


def spare_coordinator(container: Container) -> StaffAccount:
    """Create a second coordinator, so that the first may be deactivated (the last may not)."""
    return staff_with_password(container, login="spare", name="协调员 备", password=None)
