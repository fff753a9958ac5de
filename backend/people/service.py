"""Staff accounts: create them with a one-time shown token, authenticate by token."""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from backend.clock import Clock
from backend.errors import ValidationFailed
from backend.people.models import Role, StaffAccount, StaffChat
from backend.taxonomy.tables import Department

TOKEN_PREFIX = "itk_"


def hash_token(token: str) -> str:
    """Return the stored hash of an API token (tokens are long and random, so SHA-256 fits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_staff(
    *, session: Session, name: str, role: str, department: str, clock: Clock
) -> tuple[StaffAccount, str]:
    """Create a staff account and return it with its token, which is shown only this once."""
    name = name.strip()
    if not name:
        raise ValidationFailed("bad_request", field="name", value="name is empty")
    try:
        parsed_role = Role(role)
    except ValueError:
        raise ValidationFailed(
            "bad_request", field="role", value=f"role must be coordinator or clerk, not {role!r}"
        ) from None
    unit = session.get(Department, department)
    if unit is None or not unit.active:
        raise ValidationFailed("unknown_department", field="department", value=department)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    account = StaffAccount(
        name=name,
        role=parsed_role.value,
        department_code=department,
        token_hash=hash_token(token),
        created_at=clock.now(),
    )
    session.add(account)
    session.flush()
    return account, token


def authenticate(*, session: Session, token: str) -> StaffAccount | None:
    """Return the active account that owns this token, or None."""
    if not token:
        return None
    statement = select(StaffAccount).where(StaffAccount.token_hash == hash_token(token))
    account = session.exec(statement).first()
    return account if account is not None and account.active else None


def bind_chat(
    *,
    session: Session,
    staff: StaffAccount,
    channel: str,
    chat_id: str,
    language: str,
    clock: Clock,
) -> StaffChat:
    """Link a chat to a staff account (a chat belongs to one account; rebinding moves it)."""
    statement = select(StaffChat).where(StaffChat.channel == channel, StaffChat.chat_id == chat_id)
    chat = session.exec(statement).first()
    if chat is None:
        chat = StaffChat(
            staff_id=staff.id or 0,
            channel=channel,
            chat_id=chat_id,
            language=language,
            bound_at=clock.now(),
        )
    else:
        chat.staff_id, chat.language, chat.bound_at = staff.id or 0, language, clock.now()
    session.add(chat)
    session.flush()
    return chat
