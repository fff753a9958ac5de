"""Supervision orders (督办), joint handling notices and request-type limits (a CaseListener).

A supervision order opens a `supervise` clock on the unit holding the case: the sweep
reminds the unit's clerks before and on its due day and tells the coordinators when it is
overdue (escalation), as for every staff clock. Resolving the case meets it; the case
leaving the unit (return, reassign, reject, merge, close) cancels it (keeper.HANDLING).
"""

from __future__ import annotations

from sqlmodel import Session

from backend.cases.models import Case, CaseEvent
from backend.deadlines import service as clocks
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.models import ClockKind
from backend.deadlines.policy import ClockPolicy, resolve_rule
from backend.notifications import outbox
from backend.notifications.texts import due_text
from backend.request_types.texts import notice
from backend.taxonomy.tables import unit_names


class SupervisionKeeper:
    """Open the supervision clock, retime the resolve clock, tell units of their part."""

    def __init__(self, keeper: DeadlineKeeper) -> None:
        self.keeper = keeper

    def case_created(self, *, session: Session, case: Case) -> None:
        """Nothing to do for a new case."""

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Apply a supervision order, a request type changed or an assisting unit added."""
        if event.action == "supervise":
            self._supervise(session, case, event)
        elif event.action == "set_request_type":
            self._retime(session, case)
        elif event.action == "assist":
            self._tell_assisting_unit(session, case, event)
        elif event.action == "assist_report":
            self._tell_lead_unit(session, case, event)

    def _supervise(self, session: Session, case: Case, event: CaseEvent) -> None:
        env = self.keeper.env(session)
        for running in clocks.running_clocks(
            session=session, case=case, kinds=(ClockKind.supervise,)
        ):
            clocks.cancel(session=session, deadline=running, env=env)  # a new order replaces it
        days = (event.details or {}).get("days")
        default = env.policy.supervision
        rule = ClockPolicy(days=int(days), unit=default.unit) if days else default
        deadline = clocks.open_clock(
            session=session, case=case, kind=ClockKind.supervise, env=env, rule=rule
        )
        due, provisional, note = deadline.due_date, deadline.provisional, event.reason or ""
        outbox.write(
            session=session,
            key=f"supervise:{event.id}",
            kind="reminder",
            now=env.now(),
            case=case,
            recipients=outbox.unit_clerks(session=session, department=case.department_code),
            deadline_id=deadline.id,
            render=lambda lang: notice(
                "supervise",
                lang,
                number=case.number,
                note=note,
                due=due_text(due, provisional, lang),
            ),
            buttons=lambda lang: [[(notice("open", lang), f"open:{case.number}")]],
        )

    def _retime(self, session: Session, case: Case) -> None:
        env = self.keeper.env(session)
        rule = resolve_rule(env.policy, case.request_type)
        for running in clocks.running_clocks(
            session=session, case=case, kinds=(ClockKind.resolve,)
        ):
            clocks.retime(session=session, deadline=running, rule=rule, env=env)

    def _tell_assisting_unit(self, session: Session, case: Case, event: CaseEvent) -> None:
        unit = str((event.details or {}).get("department", ""))
        lead_zh, lead_en = unit_names(session=session, code=case.department_code)  # by name
        outbox.write(
            session=session,
            key=f"assist:{event.id}",
            kind="reminder",
            now=event.at,
            case=case,
            recipients=outbox.unit_clerks(session=session, department=unit),
            render=lambda lang: notice(
                "assist", lang, number=case.number, lead=lead_zh if lang == "zh" else lead_en
            ),
            buttons=lambda lang: [[(notice("open", lang), f"open:{case.number}")]],
        )

    def _tell_lead_unit(self, session: Session, case: Case, event: CaseEvent) -> None:
        report = event.reason or ""
        outbox.write(
            session=session,
            key=f"assist_report:{event.id}",
            kind="reminder",
            now=event.at,
            case=case,
            recipients=outbox.unit_clerks(session=session, department=case.department_code),
            render=lambda lang: notice(
                "assist_report", lang, number=case.number, unit=event.actor_name, report=report
            ),
            buttons=lambda lang: [[(notice("open", lang), f"open:{case.number}")]],
        )
