"""The credit repair steps of a record (信用修复): applied for, accepted or refused, decided."""

from __future__ import annotations

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.text import visible_text
from backend.deadlines.models import ClockKind
from backend.errors import ValidationFailed
from backend.records.commands import RecordCommand
from backend.records.env import RecordEnv
from backend.records.models import PublicityState, RepairApplication, RepairState
from backend.records.service import RecordView
from backend.records.step_parts import (
    Details,
    filed_by,
    meet_clocks,
    open_clock,
    require,
    tell,
    who_asks,
)


def apply_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """信用修复 application, after rectification: the lead office has 3 working days."""
    kind, name = who_asks(command)
    application = RepairApplication(
        case_id=view.record.case_id,
        applicant_kind=kind,
        applicant_name=name,
        reasons=require(command.reason, "reason_required", "reason"),
        **filed_by(command, actor, env),
    )
    session.add(application)
    session.flush()
    view.record.repair_state = RepairState.applied.value
    open_clock(session, view, ClockKind.repair_accept, env.lead_office, env)
    return {"repair": application.id, "applicant_kind": kind, "applicant": name}


def accept_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """受理 the repair application: the result is due within 10 working days."""
    application = _open_repair(session, view)
    application.state, application.accepted_at = RepairState.accepted.value, env.clocks.now()
    application.accept_reason = visible_text(command.reason)
    session.add(application)
    view.record.repair_state = RepairState.accepted.value
    meet_clocks(session, view, env, ClockKind.repair_accept)
    open_clock(session, view, ClockKind.repair_decide, env.lead_office, env)
    return {"repair": application.id}


def refuse_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """不予受理 the repair application, with the reason; the applicant is told."""
    application = _open_repair(session, view)
    reason = require(command.reason, "reason_required", "reason")
    application.state, application.decision_reason = RepairState.refused.value, reason
    application.decided_at = env.clocks.now()
    application.decided_by_staff_id = actor.id if actor.kind == "staff" else None
    session.add(application)
    view.record.repair_state = RepairState.refused.value
    meet_clocks(session, view, env, ClockKind.repair_accept)
    tell(
        session,
        view,
        env,
        application,
        key=f"repair:{application.id}:refused",
        decision="refused",
        reason=reason,
    )
    return {"repair": application.id}


def decide_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """The repair's result: repaired (taken off the public page) or not, with the reason."""
    if command.upheld is None:
        raise ValidationFailed("repair_decision_required", field="upheld")
    reason = visible_text(command.reason)
    if not command.upheld and reason is None:
        raise ValidationFailed("reason_required", field="reason")
    record, application = view.record, _open_repair(session, view)
    state = RepairState.repaired if command.upheld else RepairState.denied
    application.state, application.decision_reason = state.value, reason
    application.decided_at = env.clocks.now()
    application.decided_by_staff_id = actor.id if actor.kind == "staff" else None
    session.add(application)
    record.repair_state = state.value
    if command.upheld:
        record.repaired_on = env.today()
        if record.publicity_state == PublicityState.published:
            record.publicity_state = PublicityState.taken_down.value
    meet_clocks(session, view, env, ClockKind.repair_decide)
    tell(
        session,
        view,
        env,
        application,
        key=f"repair:{application.id}:{state.value}",
        decision=state.value,
        reason=reason or "",
    )
    return {"repair": application.id}


def _open_repair(session: Session, view: RecordView) -> RepairApplication:
    statement = select(RepairApplication).where(RepairApplication.case_id == view.record.case_id)
    application = session.exec(statement.order_by(col(RepairApplication.id).desc())).first()
    assert application is not None  # repair_state applied/accepted, checked by refusal
    return application
