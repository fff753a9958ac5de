"""Who is acting: a staff member, a reporter, or the system itself."""

from __future__ import annotations

from dataclasses import dataclass

from backend.errors import Forbidden
from backend.people.models import Role, StaffAccount


@dataclass(frozen=True)
class Actor:
    """The one who causes a change; recorded on every event."""

    kind: str  # staff | reporter | system
    id: int | None = None
    name: str = ""
    role: Role | None = None
    department: str | None = None

    @property
    def is_coordinator(self) -> bool:
        """Return whether this actor is a lead-office coordinator."""
        return self.role is Role.coordinator

    @property
    def is_clerk(self) -> bool:
        """Return whether this actor is a unit's clerk."""
        return self.role is Role.clerk

    @property
    def is_evaluator(self) -> bool:
        """Return whether this actor is a third-party evaluator (第三方评估), read-only."""
        return self.role is Role.evaluator

    @classmethod
    def staff(cls, account: StaffAccount) -> Actor:
        """Return the actor for a staff account."""
        return cls("staff", account.id, account.name, Role(account.role), account.department_code)


def refuse_evaluator(actor: Actor, what: str) -> None:
    """Refuse (Forbidden) an evaluator any change: the role reads and never acts."""
    if actor.is_evaluator:
        raise Forbidden(f"an evaluator may not {what}")


SYSTEM = Actor("system", name="system")
REPORTER = Actor("reporter", name="reporter")
