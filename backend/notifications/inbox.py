"""The console's inbox: every notice to a staff member, listed, read or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from backend.cases.models import Case
from backend.errors import NotFound
from backend.notifications.models import InboxItem

PAGE = 100


@dataclass(frozen=True)
class InboxEntry:
    """One notice as the inbox shows it: its text, when, the case's number, read or not."""

    id: int
    text: str
    kind: str
    created_at: datetime
    case_number: str | None
    read: bool


def inbox_of(*, session: Session, staff_id: int, limit: int = PAGE) -> list[InboxEntry]:
    """Return a staff member's latest notices, newest first."""
    rows = session.exec(
        select(InboxItem, Case.number)
        .outerjoin(Case, col(Case.id) == InboxItem.case_id)
        .where(col(InboxItem.staff_id) == staff_id)
        .order_by(col(InboxItem.id).desc())
        .limit(limit)
    ).all()
    return [
        InboxEntry(
            item.id or 0, item.text, item.kind, item.created_at, number, item.read_at is not None
        )
        for item, number in rows
    ]


def unread_count(*, session: Session, staff_id: int) -> int:
    """Return how many of a staff member's notices are not read yet."""
    statement = select(func.count()).where(
        col(InboxItem.staff_id) == staff_id, col(InboxItem.read_at).is_(None)
    )
    return int(session.exec(statement).one())


def mark_read(*, session: Session, staff_id: int, item_id: int, now: datetime) -> InboxEntry:
    """Mark one of the staff member's own notices read (another's is not found)."""
    item = session.get(InboxItem, item_id)
    if item is None or item.staff_id != staff_id:
        raise NotFound(f"no notice {item_id} in this inbox")
    if item.read_at is None:
        item.read_at = now
        session.add(item)
    case = session.get(Case, item.case_id) if item.case_id else None
    number = case.number if case else None
    return InboxEntry(item_id, item.text, item.kind, item.created_at, number, True)


def mark_all_read(*, session: Session, staff_id: int, now: datetime) -> int:
    """Mark every unread notice of the staff member read; return how many."""
    result = session.execute(
        update(InboxItem)
        .where(col(InboxItem.staff_id) == staff_id, col(InboxItem.read_at).is_(None))
        .values(read_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
