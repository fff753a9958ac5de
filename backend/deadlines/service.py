"""Opening, meeting, pausing and extending the clocks of a case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import cast
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from backend.bulk import new_row
from backend.cases.models import Case
from backend.clock import Clock
from backend.deadlines.case_groups import case_groups
from backend.deadlines.clocks import Schedules, Stage, apply_due, plan, schedule_from
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.deadlines.policy import ClockPolicy, Policy
from backend.errors import InvalidTransition, ValidationFailed
from backend.periods import local_day
from backend.workdays.calendar import WorkingCalendar

RUNNING = (ClockState.open.value, ClockState.paused.value)


@dataclass(frozen=True)
class ClockEnv:
    """What clock operations need: policy, calendar, zone and clock."""

    policy: Policy
    calendar: WorkingCalendar
    zone: ZoneInfo
    clock: Clock
    schedules: Schedules | None = None  # kept on this calendar (DeadlineKeeper.env_with)

    def today(self) -> date:
        """Return today's date in the district's zone."""
        return local_day(self.now(), self.zone)

    def now(self) -> datetime:
        """Return the current time."""
        return self.clock.now()


def running_clocks(
    *, session: Session, case: Case, kinds: tuple[ClockKind, ...] | None = None
) -> list[Deadline]:
    """Return the open or paused clocks of a case, of the given kinds."""
    statement = select(Deadline).where(
        Deadline.case_id == case.id, col(Deadline.state).in_(RUNNING)
    )
    if kinds is not None:
        statement = statement.where(col(Deadline.kind).in_([k.value for k in kinds]))
    return list(session.exec(statement.order_by(col(Deadline.id))).all())


def open_clock(
    *,
    session: Session,
    case: Case,
    kind: ClockKind,
    env: ClockEnv,
    started_on: date | None = None,
    days: int | None = None,
    department_code: str | None = None,
    rule: ClockPolicy | None = None,
) -> Deadline:
    """Start a clock of a case today (or on `started_on`), with the policy's length by default.

    The clock is owed by the case's unit unless `department_code` names another (a record's
    clocks: the filing unit reports, the named unit rectifies). `rule` replaces the policy's
    length for the kind (a request type's resolve limit, a supervision order's); `days`
    replaces the length alone.
    """
    deadline = new_clock(
        case=case,
        kind=kind,
        env=env,
        started_on=started_on,
        days=days,
        department_code=department_code,
        rule=rule,
    )
    session.add(deadline)
    session.flush()
    return deadline


def new_clock(
    *,
    case: Case,
    kind: ClockKind,
    env: ClockEnv,
    started_on: date | None = None,
    days: int | None = None,
    department_code: str | None = None,
    rule: ClockPolicy | None = None,
) -> Deadline:
    """Return a clock of a case as `open_clock` starts it, not yet written."""
    rule = rule or env.policy.clock_rule(kind.value)
    now = env.now()
    assert case.id is not None
    deadline = new_row(
        Deadline,
        case_id=case.id,
        kind=kind.value,
        department_code=department_code or case.department_code,
        started_on=started_on or env.today(),
        unit=rule.unit,
        days=rule.days if days is None else days,
        due_date=env.today(),
        due_at=now,
        created_at=now,
        updated_at=now,
        **case_groups(case),
    )
    # Planned on plain attributes: the row is not written yet, so there is nothing for the
    # instrumented attributes to track (about 30 of their sets a filing; issue 13, item 3).
    written = {name: value for name, value in deadline.__dict__.items() if name[0] != "_"}
    plain = SimpleNamespace(**written)
    _reschedule(cast(Deadline, plain), env)
    planned = vars(plain)
    deadline.__dict__.update(planned)
    deadline.__pydantic_fields_set__.update(
        name for name, value in planned.items() if written[name] is not value
    )
    return deadline


def meet(*, session: Session, deadline: Deadline, env: ClockEnv) -> None:
    """Stop a clock because what it waited for happened; late when past the due moment."""
    mark_met(deadline, env)
    session.add(deadline)


def mark_met(deadline: Deadline, env: ClockEnv) -> None:
    """Set a clock met now (late when past its due moment), written or not yet."""
    now = env.now()
    deadline.state = (ClockState.met if now <= deadline.due_at else ClockState.met_late).value
    deadline.met_at, deadline.next_action_at, deadline.updated_at = now, None, now


def cancel(*, session: Session, deadline: Deadline, env: ClockEnv) -> None:
    """Stop a clock that no longer applies (the case left the unit, was rejected, ...)."""
    deadline.state = ClockState.cancelled.value
    deadline.next_action_at, deadline.updated_at = None, env.now()
    session.add(deadline)


def pause(*, session: Session, deadline: Deadline, env: ClockEnv) -> None:
    """Stop a clock while waiting for the reporter (the paused working days are added back)."""
    if deadline.state != ClockState.open:
        raise InvalidTransition("the clock is already paused")
    deadline.state, deadline.paused_since = ClockState.paused.value, env.today()
    deadline.next_action_at, deadline.updated_at = None, env.now()
    session.add(deadline)


def resume(*, session: Session, deadline: Deadline, env: ClockEnv) -> int:
    """Restart a paused clock; its due date moves by the working days it was paused."""
    if deadline.state != ClockState.paused or deadline.paused_since is None:
        raise InvalidTransition("the clock is not paused")
    paused = env.calendar.working_days_between(deadline.paused_since, env.today())
    deadline.paused_days += paused
    deadline.state, deadline.paused_since = ClockState.open.value, None
    _reschedule(deadline, env)
    session.add(deadline)
    return paused


def request_extension(*, deadline: Deadline, days: int, reason: str, env: ClockEnv) -> None:
    """Record a unit's request for more time (延期), to be ruled on by a coordinator."""
    if not 1 <= days <= env.policy.extension_max_days:
        raise ValidationFailed("bad_extension", field="days", max=env.policy.extension_max_days)
    if deadline.pending_extension_days is not None:
        raise InvalidTransition("an extension request is already waiting for a decision")
    deadline.pending_extension_days, deadline.pending_extension_reason = days, reason


def decide_extension(*, session: Session, deadline: Deadline, approve: bool, env: ClockEnv) -> int:
    """Approve or deny the waiting extension request; return the days granted."""
    days = deadline.pending_extension_days
    if days is None:
        raise InvalidTransition("no extension request is waiting")
    deadline.pending_extension_days = deadline.pending_extension_reason = None
    granted = days if approve else 0
    deadline.extension_days += granted
    if granted:
        _reschedule(deadline, env)
    session.add(deadline)
    return granted


def recompute(*, session: Session, deadline: Deadline, env: ClockEnv) -> None:
    """Recompute a running clock against a changed calendar (due date, provisional, stages).

    A stage already due but not yet acted on stays due (the sweep catches it up); a stage
    acted on is done, unless the new calendar puts it in the future again.
    """
    acted = deadline.next_stage
    apply_due(deadline, env.calendar, env.zone)
    if deadline.state == ClockState.open:
        stages = plan(deadline, env.policy, env.calendar, env.zone)
        upcoming = [i for i, s in enumerate(stages) if s.at > env.now()]
        deadline.next_stage = min(acted, upcoming[0] if upcoming else len(stages))
        pending = deadline.next_stage < len(stages)
        deadline.next_action_at = stages[deadline.next_stage].at if pending else None
    deadline.updated_at = env.now()
    session.add(deadline)


def retime(*, session: Session, deadline: Deadline, rule: ClockPolicy, env: ClockEnv) -> None:
    """Give a running clock another length from its same start (a request type changed)."""
    deadline.days, deadline.unit = rule.days, rule.unit
    _reschedule(deadline, env)
    session.add(deadline)


def _reschedule(deadline: Deadline, env: ClockEnv) -> None:
    stages: list[Stage] | tuple[Stage, ...] | None = None
    if env.schedules is not None and deadline.unit != "minutes":
        total = deadline.days + deadline.extension_days + deadline.paused_days
        schedule = env.schedules.of(
            kind=deadline.kind, unit=deadline.unit, days=total, started_on=deadline.started_on
        )
        deadline.due_date, deadline.provisional = schedule.due.day, schedule.due.provisional
        deadline.due_at, deadline.calendar_revision = schedule.due_at, env.calendar.revision
        stages = schedule.stages
    else:
        apply_due(deadline, env.calendar, env.zone)
    deadline.updated_at = env.now()
    if deadline.state == ClockState.open:
        if stages is None:
            stages = plan(deadline, env.policy, env.calendar, env.zone)
        schedule_from(deadline, list(stages), env.now())
