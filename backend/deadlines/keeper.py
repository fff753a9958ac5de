"""Keep the clocks of a case in step with its events (a CaseListener)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.bulk import insert_all
from backend.cases.models import Case, CaseEvent, CaseKind, CaseStatus
from backend.clock import Clock
from backend.deadlines import service as clocks
from backend.deadlines.case_groups import follow_case
from backend.deadlines.clocks import Schedules
from backend.deadlines.models import ClockKind as K
from backend.deadlines.models import ClockState, Deadline
from backend.deadlines.policy import Policy, resolve_rule
from backend.deadlines.service import ClockEnv
from backend.errors import RuleRefused
from backend.notifications import outbox
from backend.notifications.texts import due_text, text
from backend.workdays.calendar import WorkingCalendar
from backend.workdays.store import CalendarCache
from dialogs.model import ChatRef

HANDLING = (K.sign, K.resolve, K.rectify, K.supervise)  # 督办 ends with the unit's part


class RatingAsker(Protocol):
    """Start the rating dialog in a reporter's chat (the conversation service)."""

    def ask_rating(self, *, session: Session, case: Case, chat: ChatRef, language: str) -> int: ...


class DeadlineKeeper:
    """Open, meet, cancel, pause and extend clocks as cases move."""

    def __init__(self, *, policy: Policy, calendar: CalendarCache, zone: ZoneInfo, clock: Clock):
        self.policy, self.calendar, self.zone, self.clock = policy, calendar, zone, clock
        # Set by the chat channels: asks for the rating (回访) inside the reporter's dialog.
        self.rating_asker: RatingAsker | None = None
        self._schedules: Schedules | None = None  # those of the calendar last used

    def env(self, session: Session) -> ClockEnv:
        """Return what clock operations need, with the calendar as it is now."""
        return self.env_with(self.calendar.get(session))

    def env_with(self, calendar: WorkingCalendar) -> ClockEnv:
        """Return what clock operations need, with a given calendar (one being changed).

        The schedules worked out on that calendar are kept with it (`Schedules`): another
        calendar object, such as one reloaded after a change, or another policy or zone,
        starts with none.
        """
        schedules = self._schedules
        if (
            schedules is None
            or schedules.calendar is not calendar
            or schedules.policy is not self.policy
            or schedules.zone is not self.zone
        ):
            schedules = self._schedules = Schedules(calendar, self.policy, self.zone)
        return ClockEnv(self.policy, calendar, self.zone, self.clock, schedules)

    def case_created(self, *, session: Session, case: Case) -> None:
        """Start the report clock of a dishonesty record: it reached the lead office now."""
        if case.kind != CaseKind.dishonesty_record or case.occurred_on is None:
            return
        env = self.env(session)
        report = clocks.new_clock(case=case, kind=K.report, env=env, started_on=case.occurred_on)
        clocks.mark_met(report, env)  # written in its final state: no UPDATE after the INSERT
        insert_all(session, [report])

    def refusal(self, *, session: Session, case: Case, action: str) -> str | RuleRefused | None:
        """Return why the case's clocks stand against an action now (a CaseGuard), or None.

        The handlers below act on exactly the clocks these checks look at, so an action the
        workflow lets through never fails here afterwards.
        """
        if action == "pause":
            running = self._open_handling(session, case)
            if not running and self._paused_handling(session, case):
                return RuleRefused("clock_already_paused")
            if not running:
                return "the case has no running clock to pause"
            late = [d for d in running if d.due_at < self.clock.now()]
            if late:  # a late clock stays late: the overdue lists and the on-time rate hold
                return RuleRefused("pause_overdue", due=late[0].due_date.isoformat())
        if action == "resume" and not self._paused_handling(session, case):
            return RuleRefused("clock_not_paused")
        if action == "request_extension":
            if not self._extendable(session, case):
                return "the case has no running clock to extend"
            if self._pending_extensions(session, case):
                return "an extension request is already waiting for a decision"
        deciding = action in ("approve_extension", "deny_extension")
        if deciding and not self._pending_extensions(session, case):
            return "no extension request is waiting"
        return None

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Apply the event's effect on the clocks."""
        handler = self._handlers().get(event.action)
        if handler is not None:
            handler(session, case, event, self.env(session))

    def _handlers(self) -> dict[str, Callable[[Session, Case, CaseEvent, ClockEnv], None]]:
        return {
            "route": self._routed,
            "reassign": self._routed,
            "sign": lambda s, c, e, env: self._meet(s, c, env, (K.sign,)),
            "resolve": self._resolved,
            "return": lambda s, c, e, env: self._cancel(s, c, env, HANDLING),
            "reject": lambda s, c, e, env: self._cancel(s, c, env, None),
            # A merged repeat is handled in the case it joined: its own clocks stop.
            "merge": lambda s, c, e, env: self._cancel(s, c, env, None),
            "reopen": self._reopened,
            "close": self._closed,
            "pause": self._pause,
            "resume": self._resume,
            "request_extension": self._request_extension,
            "approve_extension": lambda s, c, e, env: self._decide(s, c, e, env, approve=True),
            "deny_extension": lambda s, c, e, env: self._decide(s, c, e, env, approve=False),
            "set_rectification": self._rectify,
        }

    def _routed(self, session: Session, case: Case, event: CaseEvent, env: ClockEnv) -> None:
        if event.from_status != CaseStatus.received:  # a case routed at intake has no clocks
            if "category" in (event.details or {}):  # the clocks it had count in the new one
                follow_case(session=session, case=case)
            self._cancel(session, case, env, HANDLING)
        started = [clocks.new_clock(case=case, kind=K.sign, env=env)]
        if case.kind == CaseKind.complaint:
            rule = resolve_rule(env.policy, case.request_type)  # the request type's limit
            started.append(clocks.new_clock(case=case, kind=K.resolve, env=env, rule=rule))
        insert_all(session, started)

    def _resolved(self, session: Session, case: Case, _: CaseEvent, env: ClockEnv) -> None:
        self._meet(session, case, env, HANDLING)
        if case.kind == CaseKind.complaint:
            clocks.open_clock(session=session, case=case, kind=K.follow_up, env=env)

    def _reopened(self, session: Session, case: Case, event: CaseEvent, env: ClockEnv) -> None:
        self._cancel(session, case, env, (K.follow_up,))
        if event.to_status == "in_progress":
            rule = resolve_rule(env.policy, case.request_type)  # the request type's limit
            clocks.open_clock(session=session, case=case, kind=K.resolve, env=env, rule=rule)

    def _closed(self, session: Session, case: Case, _: CaseEvent, env: ClockEnv) -> None:
        if case.rating is not None:
            self._meet(session, case, env, (K.follow_up,))
        self._cancel(session, case, env, None)

    def _pause(self, session: Session, case: Case, _: CaseEvent, env: ClockEnv) -> None:
        for deadline in self._open_handling(session, case):
            clocks.pause(session=session, deadline=deadline, env=env)

    def _resume(self, session: Session, case: Case, _: CaseEvent, env: ClockEnv) -> None:
        for deadline in self._paused_handling(session, case):
            clocks.resume(session=session, deadline=deadline, env=env)

    def _request_extension(
        self, session: Session, case: Case, event: CaseEvent, env: ClockEnv
    ) -> None:
        days = int((event.details or {}).get("days", 0))
        for deadline in self._extendable(session, case):
            clocks.request_extension(
                deadline=deadline, days=days, reason=event.reason or "", env=env
            )
            session.add(deadline)

    def _decide(
        self, session: Session, case: Case, event: CaseEvent, env: ClockEnv, *, approve: bool
    ) -> None:
        for deadline in self._pending_extensions(session, case):
            reason, days = deadline.pending_extension_reason or "", deadline.pending_extension_days
            before = deadline.due_date
            granted = clocks.decide_extension(
                session=session, deadline=deadline, approve=approve, env=env
            )
            # The history says what was decided: the clock, the days asked, the due day moved.
            decided: dict[str, object] = {"kind": deadline.kind, "days": days}
            if granted:
                decided |= {"from": before.isoformat(), "to": deadline.due_date.isoformat()}
            event.details = {**(event.details or {}), **decided}
            if granted:
                self._tell_reporter_of_extension(session, case, deadline, reason, env)
            self._tell_unit_of_decision(session, case, event, deadline, days or 0, env)

    def _tell_unit_of_decision(
        self,
        session: Session,
        case: Case,
        event: CaseEvent,
        deadline: Deadline,
        days: int,
        env: ClockEnv,
    ) -> None:
        """Tell the clerks of the unit that asked whether its extension was granted (in
        office hours): the request was theirs, the decision the lead office's."""
        due, provisional = deadline.due_date, deadline.provisional
        key = "extension_granted" if event.action == "approve_extension" else "extension_denied"
        outbox.write(
            session=session,
            kind="update",
            now=env.now(),
            case=case,
            key=f"extension-decision:{event.id}:{deadline.id}",
            recipients=outbox.unit_clerks(session=session, department=deadline.department_code),
            render=lambda lang: text(
                key,
                lang,
                number=case.number,
                days=days,
                due=due_text(due, provisional, lang),
                reason=event.reason or "-",
            ),
            office_hours_only=True,
        )

    def _tell_reporter_of_extension(
        self,
        session: Session,
        case: Case,
        deadline: Deadline,
        reason: str,
        env: ClockEnv,
    ) -> None:
        due, provisional = deadline.due_date, deadline.provisional
        outbox.write(
            session=session,
            kind="update",
            now=env.now(),
            case=case,
            key=f"extension:{deadline.id}:{deadline.extension_days}",
            recipients=outbox.reporter_of(session=session, case=case),
            render=lambda lang: text(
                "extension",
                lang,
                number=case.number,
                due=due_text(due, provisional, lang),
                reason=reason,
            ),
            office_hours_only=False,
        )

    def _rectify(self, session: Session, case: Case, event: CaseEvent, env: ClockEnv) -> None:
        days = (event.details or {}).get("days")
        self._cancel(session, case, env, (K.rectify,))
        clocks.open_clock(
            session=session,
            case=case,
            kind=K.rectify,
            env=env,
            days=int(days) if days is not None else None,
        )

    @staticmethod
    def _handling(session: Session, case: Case) -> list[Deadline]:
        """Return the running (open or paused) clocks a unit works against: resolve, rectify."""
        return clocks.running_clocks(session=session, case=case, kinds=(K.resolve, K.rectify))

    def _open_handling(self, session: Session, case: Case) -> list[Deadline]:
        return [d for d in self._handling(session, case) if d.state == ClockState.open]

    def _paused_handling(self, session: Session, case: Case) -> list[Deadline]:
        return [d for d in self._handling(session, case) if d.state == ClockState.paused]

    def _extendable(self, session: Session, case: Case) -> list[Deadline]:
        """Return the clock a request for more time is for: the newest running one."""
        return self._handling(session, case)[-1:]

    def _pending_extensions(self, session: Session, case: Case) -> list[Deadline]:
        return [d for d in self._handling(session, case) if d.pending_extension_days is not None]

    def _meet(self, session: Session, case: Case, env: ClockEnv, kinds: tuple[K, ...]) -> None:
        for deadline in clocks.running_clocks(session=session, case=case, kinds=kinds):
            clocks.meet(session=session, deadline=deadline, env=env)

    def _cancel(
        self, session: Session, case: Case, env: ClockEnv, kinds: tuple[K, ...] | None
    ) -> None:
        for deadline in clocks.running_clocks(session=session, case=case, kinds=kinds):
            clocks.cancel(session=session, deadline=deadline, env=env)
