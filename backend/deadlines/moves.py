"""Move open clocks when the calendar changes: recompute, log on the case, tell the people.

Every path that changes which days are working or known (a coordinator's correction, a
confirmed year, a newer published calendar seeded at start-up, a new version of the
estimate for unpublished years) ends here, so a clock never disagrees with the calendar.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.events import record_event
from backend.cases.models import Case, CaseKind
from backend.cases.system_reasons import calendar_change
from backend.deadlines import service as clocks
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.models import ClockKind, Deadline
from backend.deadlines.service import ClockEnv
from backend.notifications import outbox
from backend.notifications.texts import due_text, text
from backend.workdays.calendar import WorkingCalendar
from backend.workdays.store import load_calendar, lock_state, unsettled

log = logging.getLogger(__name__)

# Whose clocks these are: the unit's clerks hear of a move; the reporter of the resolve clock.
STAFF_KINDS = (
    ClockKind.sign.value,
    ClockKind.resolve.value,
    ClockKind.rectify.value,
    ClockKind.supervise.value,  # 督办: the unit's deadline to answer the order
    # A record's clocks (backend.records): the unit that owes each is told too.
    ClockKind.report.value,
    ClockKind.objection.value,
    ClockKind.repair_accept.value,
    ClockKind.repair_decide.value,
)
# Longer than any transaction that could have read the calendar before a change committed.
SETTLE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class CalendarChange:
    """Days from `first` to `last` may answer differently now; `cause` says why (for the log)."""

    first: date
    last: date
    cause: str


def move_clocks(
    *,
    session: Session,
    keeper: DeadlineKeeper,
    calendar: WorkingCalendar,
    change: CalendarChange,
    actor: Actor,
) -> int:
    """Recompute every running clock a change can reach; return how many moved.

    `calendar` is the changed one, loaded in this transaction. A clock moved (its due date
    or its provisional flag changed) gets a `deadline_moved` event; when its date changed,
    the unit's clerks (and, for the resolve clock of a complaint, the reporter) are told
    once. The other running clocks are marked as computed with this calendar revision.
    """
    env = keeper.env_with(calendar)
    reachable = select(Deadline).where(
        col(Deadline.state).in_(clocks.RUNNING), col(Deadline.started_on) < change.last
    )
    moved = _recompute_each(session, env, list(session.exec(reachable).all()), change, actor)
    session.execute(
        update(Deadline)
        .where(
            col(Deadline.state).in_(clocks.RUNNING),
            col(Deadline.calendar_revision) < calendar.revision,
        )
        .values(calendar_revision=calendar.revision)
    )
    keeper.calendar.invalidate()
    return moved


def catch_up_stale_clocks(*, session: Session, keeper: DeadlineKeeper, actor: Actor) -> int:
    """Recompute running clocks computed against an older calendar; return how many moved.

    A clock opened in a transaction that overlapped a calendar change missed that change's
    recomputation; the sweep calls this each round. Once a change is older than any
    transaction (`SETTLE_AFTER`) and its clocks are caught up, it is settled and the rounds
    stop looking, so their cost does not grow with the clocks stored.
    """
    if not unsettled(session=session):
        return 0
    state = lock_state(session=session)  # one catch-up at a time, never during a change
    calendar = load_calendar(session=session)
    stale = select(Deadline).where(
        col(Deadline.state).in_(clocks.RUNNING),
        col(Deadline.calendar_revision) < state.revision,
    )
    change = CalendarChange(date.min, date.max, "calendar changed while the clock was set")
    env = keeper.env_with(calendar)
    moved = _recompute_each(session, env, list(session.exec(stale).all()), change, actor)
    if state.changed_at is None or env.now() - state.changed_at > SETTLE_AFTER:
        state.settled = state.revision
        session.add(state)
    return moved


def _recompute_each(
    session: Session,
    env: ClockEnv,
    deadlines: list[Deadline],
    change: CalendarChange,
    actor: Actor,
) -> int:
    case_ids = {d.case_id for d in deadlines}
    cases = {c.id: c for c in session.exec(select(Case).where(col(Case.id).in_(case_ids))).all()}
    book = outbox.RecipientBook(session)
    moved = 0
    for deadline in deadlines:
        before, was_provisional = deadline.due_date, deadline.provisional
        clocks.recompute(session=session, deadline=deadline, env=env)
        if (before, was_provisional) == (deadline.due_date, deadline.provisional):
            continue
        moved += 1
        case = cases[deadline.case_id]
        event = record_event(
            session=session,
            case=case,
            actor=actor,
            action="deadline_moved",
            at=env.now(),
            reason=calendar_change(change.cause)[:1000],
            details={
                "kind": deadline.kind,
                "from": before.isoformat(),
                "to": deadline.due_date.isoformat(),
                "provisional_before": was_provisional,
                "provisional": deadline.provisional,
            },
        )
        if before != deadline.due_date:
            session.flush()  # the event's id keys the notices
            _tell(session, case, deadline, before, event.id, env, book)
    session.flush()
    if moved:
        log.info("calendar change (%s): %s clock(s) moved", change.cause, moved)
    return moved


def _tell(
    session: Session,
    case: Case,
    deadline: Deadline,
    before: date,
    event_id: int | None,
    env: ClockEnv,
    book: outbox.RecipientBook,
) -> None:
    """Queue the notices of one move: the unit's clerks, and the reporter of a resolve clock."""
    due, provisional = deadline.due_date, deadline.provisional
    if deadline.kind in STAFF_KINDS:
        outbox.write(
            session=session,
            key=f"calendar_move:{event_id}:staff",
            kind="deadline_moved",
            now=env.now(),
            case=case,
            deadline_id=deadline.id,
            recipients=book.unit_clerks(deadline.department_code),
            render=lambda lang: text(
                "deadline_moved",
                lang,
                number=case.number,
                what=text(f"clock_{deadline.kind}", lang),
                before=before.isoformat(),
                due=due_text(due, provisional, lang),
            ),
        )
    if deadline.kind == ClockKind.resolve and case.kind == CaseKind.complaint:
        outbox.write(
            session=session,
            key=f"calendar_move:{event_id}:reporter",
            kind="update",
            now=env.now(),
            case=case,
            recipients=outbox.reporter_of(session=session, case=case),
            render=lambda lang: text(
                "deadline_moved_reporter",
                lang,
                number=case.number,
                due=due_text(due, provisional, lang),
            ),
            office_hours_only=False,
        )
