"""Deactivating a staff account cuts off its chats at once (停用账号)."""

from __future__ import annotations

from sqlmodel import Session, col, delete, func, select, update

from backend.clock import Clock
from backend.conversations.models import ClerkInvite
from backend.errors import InvalidTransition, NotFound
from backend.notifications.models import DeliveryState, Notification
from backend.people.models import Role, StaffAccount, StaffChat
from backend.people.sessions import end_all_sessions
from backend.webchat.models import WebchatMessage

UNDELIVERED = (DeliveryState.pending.value, DeliveryState.sending.value)


class DeactivationRefused(InvalidTransition):
    """The account may not be deactivated; `code` names the message in backend.messages."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code

    def message(self, language: str = "en") -> str:
        """Return the reason in the user's language."""
        from backend.messages import render

        return render(self.code, language)


def deactivate_staff(
    *, session: Session, staff_id: int, clock: Clock, by_staff_id: int | None = None
) -> StaffAccount:
    """Deactivate an account: its token, sessions, chats, codes and undelivered notices end now.

    The chats are unbound (a chat's next message is told so), notices still waiting in the
    outbox for them are withdrawn, messages pushed to its web chats since they were bound
    are removed, and unused bind codes are used up. Raises NotFound for an unknown id, and
    InvalidTransition for the caller's own account (`by_staff_id`) or the last active
    coordinator: the district would be left without anyone to place cases or restore access.
    """
    staff = session.get(StaffAccount, staff_id, with_for_update=True)
    if staff is None:
        raise NotFound(str(staff_id))
    if staff_id == by_staff_id:
        raise DeactivationRefused(
            "cannot_deactivate_self", "you cannot deactivate your own account"
        )
    if staff.active and staff.role == Role.coordinator.value:
        others = select(func.count()).where(
            col(StaffAccount.role) == Role.coordinator.value,
            col(StaffAccount.active).is_(True),
            col(StaffAccount.id) != staff_id,
        )
        if session.exec(others).one() == 0:
            raise DeactivationRefused(
                "cannot_deactivate_last_coordinator",
                "the last active coordinator cannot be deactivated",
            )
    now = clock.now()
    staff.active = False
    session.add(staff)
    end_all_sessions(session=session, staff_id=staff_id)  # console sign-ins end at once
    chats = session.exec(select(StaffChat).where(StaffChat.staff_id == staff_id)).all()
    for chat in chats:
        if chat.channel == "web":
            session.execute(
                delete(WebchatMessage).where(
                    col(WebchatMessage.chat_id) == chat.chat_id,
                    col(WebchatMessage.created_at) >= chat.bound_at,
                )
            )
        session.delete(chat)
    session.execute(
        update(Notification)
        .where(
            col(Notification.recipient_kind) == "staff",
            col(Notification.recipient_id) == staff_id,
            col(Notification.state).in_(UNDELIVERED),
        )
        .values(state=DeliveryState.withdrawn.value, lease_until=None)
    )
    session.execute(
        update(ClerkInvite)
        .where(col(ClerkInvite.staff_id) == staff_id, col(ClerkInvite.used_at).is_(None))
        .values(used_at=now)
    )
    session.flush()
    return staff
