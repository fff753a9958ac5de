"""The staff list as coordinators see it: every account with its bound chats."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from backend.people.models import StaffAccount, StaffChat


@dataclass(frozen=True)
class StaffRow:
    """One account of the staff list and how many chats are bound to it (/bind)."""

    account: StaffAccount
    chats: int


def staff_roster(*, session: Session) -> list[StaffRow]:
    """Return every staff account, active ones first, each by id, with its bound chats."""
    counts = dict(
        session.exec(
            select(col(StaffChat.staff_id), func.count()).group_by(col(StaffChat.staff_id))
        ).all()
    )
    accounts = session.exec(
        select(StaffAccount).order_by(col(StaffAccount.active).desc(), col(StaffAccount.id))
    ).all()
    return [StaffRow(account, counts.get(account.id or 0, 0)) for account in accounts]


def bound_chats(*, session: Session, staff_id: int) -> list[StaffChat]:
    """Return the chats bound to an account, oldest binding first."""
    return list(
        session.exec(
            select(StaffChat)
            .where(StaffChat.staff_id == staff_id)
            .order_by(col(StaffChat.bound_at))
        ).all()
    )
