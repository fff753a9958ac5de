"""What the sweep says when a hand-off clock reaches a stage (dispatch, urgent sign-for)."""

from __future__ import annotations

from sqlmodel import Session

from backend.cases.models import Case
from backend.deadlines.clocks import Stage
from backend.deadlines.models import ClockKind, Deadline
from backend.deadlines.service import ClockEnv
from backend.handoff.notices import on_duty
from backend.handoff.texts import text
from backend.notifications import outbox
from backend.taxonomy.tables import unit_names

HANDOFF_CLOCKS = frozenset({ClockKind.dispatch.value, ClockKind.urgent_sign.value})


def handoff_notice(
    *, session: Session, case: Case, deadline: Deadline, stage: Stage, env: ClockEnv, key: str
) -> int:
    """Write the notice of a hand-off clock's stage; return the rows written."""
    if deadline.kind == ClockKind.urgent_sign:
        # Day or night: the unit's clerks and the coordinators on duty.
        recipients = outbox.unit_clerks(session=session, department=deadline.department_code)
        names = unit_names(session=session, code=deadline.department_code)
        minutes = deadline.days
        return outbox.write(
            session=session,
            key=key,
            kind="urgent",
            now=env.now(),
            case=case,
            recipients=recipients + on_duty(session=session, env=env),
            deadline_id=deadline.id,
            stage=stage.name,
            render=lambda lang: text(
                "urgent_unsigned",
                lang,
                number=case.number,
                unit=names[1] if lang == "en" else names[0],
                minutes=minutes,
            ),
            buttons=lambda lang: [[(text("button_open", lang), f"open:{case.number}")]],
            office_hours_only=False,
        )
    name = "dispatch_today" if stage.name == "dispatch_today" else "dispatch_overdue"
    due = deadline.due_date.isoformat()
    return outbox.write(
        session=session,
        key=key,
        kind="reminder",
        now=env.now(),
        case=case,
        recipients=outbox.coordinators(session=session),
        deadline_id=deadline.id,
        stage=stage.name,
        render=lambda lang: text(name, lang, number=case.number, due=due),
        buttons=lambda lang: [[(text("button_open", lang), f"open:{case.number}")]],
    )
