"""One-time bind codes for clerks: issued by a coordinator, redeemed once in a chat."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import Session, col, select

from backend.clock import Clock
from backend.conversations.models import ClerkInvite
from backend.people.models import StaffAccount, StaffChat
from backend.people.service import bind_chat

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_LENGTH = 8
VALID_FOR = timedelta(days=7)


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def issue_invite(*, session: Session, staff: StaffAccount, clock: Clock) -> str:
    """Return a new one-time code for the staff member, valid for seven days."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    session.add(
        ClerkInvite(
            code_hash=_hash(code),
            staff_id=staff.id or 0,
            expires_at=clock.now() + VALID_FOR,
            created_at=clock.now(),
        )
    )
    session.flush()
    return f"{code[:4]}-{code[4:]}"


def redeem_invite(
    *, session: Session, code: str, channel: str, chat_id: str, language: str, clock: Clock
) -> tuple[StaffAccount, StaffChat] | None:
    """Bind the chat to the code's staff account and use the code up; None if not valid."""
    now = clock.now()
    statement = (
        select(ClerkInvite)
        .where(ClerkInvite.code_hash == _hash(code), col(ClerkInvite.used_at).is_(None))
        .with_for_update()
    )
    invite = session.exec(statement).first()
    if invite is None or invite.expires_at < now:
        return None
    staff = session.get(StaffAccount, invite.staff_id)
    if staff is None or not staff.active:
        return None
    invite.used_at = now
    session.add(invite)
    chat = bind_chat(
        session=session,
        staff=staff,
        channel=channel,
        chat_id=chat_id,
        language=language,
        clock=clock,
    )
    return staff, chat
