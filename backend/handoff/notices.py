"""Clocks and notices of the hand-offs (a CaseListener; issue 12).

- A case waiting in triage has a dispatch clock (派单时限): due the same working day by
  default (the next one when it arrives after office hours or on a day off); coordinators
  are reminded in the afternoon of the due day and told when it is overdue.
- A case sent to a unit is told to the unit's clerks at once: in office hours, or the next
  morning when it arrives outside them (the notice waits in the outbox for office hours).
- An urgent case (immediate danger) is told at once, day or night, to its unit's clerks and
  to the coordinators on duty, and its unit must sign for it within `urgent.sign_minutes`
  minutes: the only notices that go out outside office hours.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from backend.cases.models import Case, CaseEvent, CaseStatus
from backend.cases.system_reasons import reason_shown
from backend.cases.workflow import TAKEN_ON
from backend.deadlines import service as clocks
from backend.deadlines.case_groups import case_groups
from backend.deadlines.clocks import apply_due, plan, schedule_from
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.models import ClockKind, Deadline
from backend.deadlines.policy import Policy
from backend.deadlines.service import ClockEnv
from backend.duty.roster import duty_day, rostered_ids
from backend.handoff.texts import text
from backend.notifications import outbox
from backend.notifications.texts import shortened
from backend.people.models import Role, StaffAccount
from backend.taxonomy.models import Taxonomy

K = ClockKind
TEXT_SHOWN = 200  # characters of the complaint a notice quotes
ENTERS_TRIAGE = ("triage", "return")
LEAVES_TRIAGE = ("route", "reassign", "reject", "merge")


class HandOffNotices:
    """Open and stop the dispatch and urgent clocks; tell clerks and coordinators of cases."""

    def __init__(self, *, keeper: DeadlineKeeper, taxonomy: Taxonomy) -> None:
        self.keeper, self.taxonomy = keeper, taxonomy

    @property
    def policy(self) -> Policy:
        """Return the deadline policy (its hand-off and urgent sections)."""
        return self.keeper.policy

    def case_created(self, *, session: Session, case: Case) -> None:
        """Do nothing: the first placement (route or triage) follows as an event."""

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Apply the event's effect on the hand-off clocks, and tell whom it concerns."""
        env = _LazyEnv(self.keeper, session)  # the calendar is read only when a clock moves
        enters = event.action in ENTERS_TRIAGE or (
            event.action == "reopen" and event.to_status == "triage"
        )
        # A case placed as it is filed (from `received`) has no clock yet to stop.
        filed = event.from_status == CaseStatus.received
        if event.action in LEAVES_TRIAGE and not filed:
            self._stop(session, case, env, K.dispatch, met=event.action in ("route", "reassign"))
        closing = ("route", "reassign", "return", "reject", "merge", "close")
        if event.action in closing and not filed:
            self._stop(session, case, env, K.urgent_sign, met=False)
        if event.action == "sign":
            self._stop(session, case, env, K.urgent_sign, met=True)
        if enters:
            self._open_dispatch(session, case, env.get())
            if case.urgent:
                self._tell_urgent_triage(session, case, event, env.get())
        if event.action in ("route", "reassign"):
            self._tell_unit(session, case, event, env)
        if event.action == "reassign" and event.from_status in TAKEN_ON:
            self._tell_moved_away(session, case, event)
        if event.action == "reopen" and event.to_status != CaseStatus.triage:
            self._tell_reopened(session, case, event)

    def _tell_moved_away(self, session: Session, case: Case, event: CaseEvent) -> None:
        """Tell the clerks of the unit that had signed for a case that it was moved, and why."""
        before = (event.details or {}).get("from_department")
        if not isinstance(before, str) or before == case.department_code:
            return
        unit_zh, unit_en = self._unit_names(case.department_code)

        def render(lang: str) -> str:
            unit = unit_en if lang == "en" else unit_zh
            reason = reason_shown(event.reason, lang) or "-"
            return text("moved_away", lang, number=case.number, unit=unit, reason=reason)

        outbox.write(
            session=session,
            key=f"handoff:{event.id}:moved",
            kind="update",
            now=self.keeper.clock.now(),
            case=None,  # not linked: the unit no longer sees the case, and is told so all the same
            recipients=outbox.unit_clerks(session=session, department=before),
            render=render,
            buttons=None,  # the case is no longer theirs to open
            office_hours_only=True,
        )

    def _tell_reopened(self, session: Session, case: Case, event: CaseEvent) -> None:
        """Tell the unit's clerks a case is back with them (重办), and why, in office hours."""
        unit_zh, unit_en = self._unit_names(case.department_code)
        quoted = shortened(case.text, TEXT_SHOWN)

        def render(lang: str) -> str:
            unit = unit_en if lang == "en" else unit_zh
            reason = reason_shown(event.reason, lang) or "-"
            return text(
                "reopened", lang, number=case.number, unit=unit, reason=reason, text=quoted
            )

        outbox.write(
            session=session,
            key=f"handoff:{event.id}",
            kind="update",
            now=self.keeper.clock.now(),
            case=case,
            recipients=outbox.unit_clerks(session=session, department=case.department_code),
            render=render,
            buttons=_buttons("open", case.number),
            office_hours_only=True,
        )

    def _open_dispatch(self, session: Session, case: Case, env: ClockEnv) -> None:
        """Start the dispatch clock: the same working day, or the next when it is over."""
        now, calendar = env.now(), env.calendar
        today = env.today()
        open_today = calendar.is_working_day(today) and (
            now.astimezone(env.zone).time() < env.policy.office_hours.end
        )
        start = today if open_today else calendar.next_working_day(today)
        assert case.id is not None
        deadline = Deadline(
            case_id=case.id,
            kind=K.dispatch.value,
            department_code=None,  # the lead office's coordinators, in no clerk's digest
            started_on=start,
            unit="working",
            days=env.policy.handoff.dispatch_days,
            due_date=start,
            due_at=now,
            created_at=now,
            updated_at=now,
            **case_groups(case),
        )
        apply_due(deadline, calendar, env.zone)
        schedule_from(deadline, plan(deadline, env.policy, calendar, env.zone), now)
        session.add(deadline)
        session.flush()

    def _open_urgent_sign(self, session: Session, case: Case, env: ClockEnv) -> None:
        now = env.now()
        assert case.id is not None
        deadline = Deadline(
            case_id=case.id,
            kind=K.urgent_sign.value,
            department_code=case.department_code,
            started_on=env.today(),
            unit="minutes",
            days=env.policy.urgent.sign_minutes,
            due_date=env.today(),
            due_at=now,
            created_at=now,
            updated_at=now,
            **case_groups(case),
        )
        apply_due(deadline, env.calendar, env.zone)
        schedule_from(deadline, plan(deadline, env.policy, env.calendar, env.zone), now)
        session.add(deadline)
        session.flush()

    def _stop(self, session: Session, case: Case, env: _LazyEnv, kind: K, *, met: bool) -> None:
        for deadline in clocks.running_clocks(session=session, case=case, kinds=(kind,)):
            if met:
                clocks.meet(session=session, deadline=deadline, env=env.get())
            else:
                clocks.cancel(session=session, deadline=deadline, env=env.get())

    def _tell_unit(self, session: Session, case: Case, event: CaseEvent, env: _LazyEnv) -> None:
        """Tell the unit's clerks of a case sent to them: urgent at once, else in office hours."""
        unit_zh, unit_en = self._unit_names(case.department_code)
        quoted = shortened(case.text, TEXT_SHOWN)
        minutes = self.policy.urgent.sign_minutes
        key = "urgent_case" if case.urgent else "new_case"

        def render(lang: str) -> str:
            unit = unit_en if lang == "en" else unit_zh
            return text(key, lang, number=case.number, unit=unit, text=quoted, minutes=minutes)

        recipients = outbox.unit_clerks(session=session, department=case.department_code)
        if case.urgent:
            self._open_urgent_sign(session, case, env.get())
            if event.action == "route":  # placed by the router: nobody on duty knows yet
                recipients = recipients + on_duty(session=session, env=env.get())
        outbox.write(
            session=session,
            key=f"handoff:{event.id}",
            kind="urgent" if case.urgent else "new_case",
            now=self.keeper.clock.now(),
            case=case,
            recipients=recipients,
            render=render,
            buttons=_buttons("sign", case.number),
            office_hours_only=not case.urgent,
        )

    def _tell_urgent_triage(
        self, session: Session, case: Case, event: CaseEvent, env: ClockEnv
    ) -> None:
        quoted = shortened(case.text, TEXT_SHOWN)
        outbox.write(
            session=session,
            key=f"handoff:{event.id}:triage",
            kind="urgent",
            now=self.keeper.clock.now(),
            case=case,
            recipients=on_duty(session=session, env=env),
            render=lambda lang: text("urgent_triage", lang, number=case.number, text=quoted),
            buttons=_buttons("open", case.number),
            office_hours_only=False,
        )

    def _unit_names(self, code: str | None) -> tuple[str, str]:
        names = {d.code: (d.zh, d.en) for d in self.taxonomy.departments}
        names |= {s.code: (s.zh, s.en) for s in self.taxonomy.streets}
        zh, en = names.get(code or "", (code or "", code or ""))
        return zh, en or zh


class _LazyEnv:
    """The clock environment of one event, with the calendar read the first time it is needed.

    Telling a unit of a case filed just now moves no clock: it reads no calendar (a query).
    """

    def __init__(self, keeper: DeadlineKeeper, session: Session) -> None:
        self.keeper, self.session = keeper, session
        self._env: ClockEnv | None = None

    def get(self) -> ClockEnv:
        """Return the environment, reading the calendar now if not yet read."""
        if self._env is None:
            self._env = self.keeper.env(self.session)
        return self._env


def on_duty(*, session: Session, env: ClockEnv) -> list[outbox.Recipient]:
    """Return the chats of the coordinators on duty now.

    The roster (值班表, backend/duty) for the duty day of now (a night belongs to the day it
    starts, `urgent.duty_day_starts`); when it names nobody who can be reached, the policy's
    `urgent.on_duty` logins; when those cannot be reached either, every coordinator.
    """
    everyone = outbox.coordinators(session=session)
    urgent = env.policy.urgent
    day = duty_day(env.now(), zone=env.zone, starts=urgent.duty_day_starts)
    rostered = set(rostered_ids(session=session, day=day))
    reached = [r for r in everyone if r.id in rostered]
    if reached or not urgent.on_duty:
        return reached or everyone
    named = set(
        session.exec(
            select(StaffAccount.id).where(
                col(StaffAccount.login).in_(urgent.on_duty),
                StaffAccount.role == Role.coordinator.value,
            )
        ).all()
    )
    return [r for r in everyone if r.id in named] or everyone


def _buttons(action: str, number: str) -> Callable[[str], list[list[tuple[str, str]]]]:
    return lambda lang: [[(text(f"button_{action}", lang), f"{action}:{number}")]]
