"""The caps and windows of the hand-offs (a CaseRule, asked before an action is offered).

- 退单: a unit may return a case within `return_days` working days of receiving it (the day
  it arrived does not count), `return_days_complex` when it said within the first window that
  the matter is complex (说明情况复杂); after that the unit handles it.
- After `final_after_dispatches` dispatches of one case (route and reassign, 派单/改派) the
  coordinator's assignment stands: the unit can no longer return it.
- 延期: at most `extension_max_count` extensions granted per case (each at most
  `extension_max_days` working days, checked where the request is recorded).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session, col, func, select

from backend.cases.models import Case, CaseEvent
from backend.deadlines.keeper import DeadlineKeeper
from backend.errors import DomainError, RuleRefused
from backend.periods import local_day
from backend.workdays.calendar import WorkingCalendar

DISPATCHES = ("route", "reassign")
WATCHED = (*DISPATCHES, "declare_complex")


class HandOffRules:
    """Refuse a return, a claim of complexity or an extension request the policy forbids."""

    def __init__(self, keeper: DeadlineKeeper) -> None:
        self.keeper = keeper
        # Read at the first need, then kept: one CaseEnv serves one request or job round,
        # and allowed_actions asks about return and declare_complex one after the other.
        self._calendar: WorkingCalendar | None = None
        self._events_of: tuple[int | None, int] | None = None
        self._events: list[tuple[int | None, str, datetime]] = []

    def refusal(self, *, session: Session, case: Case, action: str) -> DomainError | None:
        """Return the rule standing against the action now, or None (CaseRule)."""
        if action == "request_extension":
            return self._extension_refusal(session, case)
        if action not in ("return", "declare_complex"):
            return None
        policy = self.keeper.policy.handoff
        events = self._hand_offs(session, case)
        dispatches = [(event_id, at) for event_id, name, at in events if name in DISPATCHES]
        if not dispatches:
            return None
        if len(dispatches) > policy.final_after_dispatches:
            return RuleRefused("dispatch_final", count=len(dispatches))
        received_id, received_at = dispatches[-1]
        declared = any(
            name == "declare_complex" and (event_id or 0) > (received_id or 0)
            for event_id, name, _ in events
        )
        if action == "declare_complex":
            if declared:
                return RuleRefused("complex_already_declared", days=policy.return_days_complex)
            last = self._last_day(session, received_at, policy.return_days)
            if self._today() > last:
                return RuleRefused("complex_window_closed", days=policy.return_days, last=last)
            return None
        days = policy.return_days_complex if declared else policy.return_days
        last = self._last_day(session, received_at, days)
        if self._today() > last:
            return RuleRefused("return_window_closed", days=days, last=last)
        return None

    def _hand_offs(self, session: Session, case: Case) -> list[tuple[int | None, str, datetime]]:
        """Return the case's dispatches and claims of complexity (one query per case version)."""
        key = (case.id, case.version)
        if self._events_of != key:
            rows = session.exec(
                select(CaseEvent.id, CaseEvent.action, CaseEvent.at)
                .where(CaseEvent.case_id == case.id, col(CaseEvent.action).in_(WATCHED))
                .order_by(col(CaseEvent.id))
            ).all()
            self._events_of, self._events = key, [(i, name, at) for i, name, at in rows]
        return self._events

    def _extension_refusal(self, session: Session, case: Case) -> DomainError | None:
        granted = session.exec(
            select(func.count())
            .select_from(CaseEvent)
            .where(CaseEvent.case_id == case.id, CaseEvent.action == "approve_extension")
        ).one()
        most = self.keeper.policy.extension_max_count
        if granted >= most:
            return RuleRefused("extension_limit_reached", count=granted, max=most)
        return None

    def _last_day(self, session: Session, received_at: datetime, days: int) -> date:
        """Return the last day of a window of working days after the case arrived."""
        arrived = local_day(received_at, self.keeper.zone)
        if self._today() <= arrived + timedelta(days=days):
            # n working days never end before n natural days: no need to read the calendar.
            return arrived + timedelta(days=days)
        if self._calendar is None:
            self._calendar = self.keeper.calendar.get(session)
        return self._calendar.add_working_days(arrived, days).day

    def _today(self) -> date:
        return local_day(self.keeper.clock.now(), self.keeper.zone)
