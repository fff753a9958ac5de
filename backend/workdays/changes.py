"""Calendar corrections by a coordinator, and the recomputation of open due dates they cause."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.events import record_event
from backend.cases.models import Case
from backend.deadlines import service as clocks
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.models import Deadline
from backend.errors import ValidationFailed
from backend.workdays.store import remove_override, set_override


def change_day(
    *,
    session: Session,
    keeper: DeadlineKeeper,
    day: date,
    working: bool | None,
    reason: str,
    actor: Actor,
) -> int:
    """Make a day a working day (True), a day off (False) or as the package says (None).

    Open due dates whose period covers the day are recomputed; each move is a case event.
    Returns how many due dates moved.
    """
    reason = reason.strip()
    if working is not None and not reason:
        raise ValidationFailed("reason_required", field="reason")
    if working is None:
        remove_override(session=session, day=day)
    else:
        set_override(
            session=session,
            day=day,
            working=working,
            reason=reason,
            actor_name=actor.name,
            clock=keeper.clock,
        )
    session.flush()
    keeper.calendar.invalidate()
    return recompute_open_deadlines(
        session=session, keeper=keeper, day=day, actor=actor, reason=reason or "override removed"
    )


def recompute_open_deadlines(
    *, session: Session, keeper: DeadlineKeeper, day: date, actor: Actor, reason: str
) -> int:
    """Recompute the running clocks whose period covers `day`; log each move on its case."""
    env = keeper.env(session)
    statement = select(Deadline).where(
        col(Deadline.state).in_(clocks.RUNNING),
        col(Deadline.started_on) < day,
        col(Deadline.due_date) >= day,
    )
    moved = 0
    for deadline in session.exec(statement).all():
        before, after = clocks.recompute(session=session, deadline=deadline, env=env)
        if before == after:
            continue
        moved += 1
        case = session.get(Case, deadline.case_id)
        assert case is not None
        record_event(
            session=session,
            case=case,
            actor=actor,
            action="deadline_moved",
            at=env.now(),
            reason=f"calendar change on {day}: {reason}",
            details={"kind": deadline.kind, "from": before.isoformat(), "to": after.isoformat()},
        )
    session.flush()
    return moved
