"""The objection steps of a record (异议): filed by the named side, decided by the lead office."""

from __future__ import annotations

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.deadlines.models import ClockKind
from backend.errors import ValidationFailed
from backend.records import publicity
from backend.records.commands import RecordCommand
from backend.records.env import RecordEnv
from backend.records.models import (
    DishonestyRecord,
    ObjectionOutcome,
    ObjectionState,
    PublicityState,
    RecordObjection,
    RecordState,
    Severity,
)
from backend.records.service import RecordView, check_summary
from backend.records.step_parts import (
    Details,
    cancel_clocks,
    checked_severity,
    filed_by,
    meet_clocks,
    open_clock,
    require,
    tell,
    who_asks,
)


def object_(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """异议: the record is under objection (not published) and the lead office's clock runs."""
    kind, name = who_asks(command)
    reasons = require(command.reason, "reason_required", "reason")
    objection = RecordObjection(
        case_id=view.record.case_id,
        objector_kind=kind,
        objector_name=name,
        reasons=reasons,
        **filed_by(command, actor, env),
    )
    session.add(objection)
    session.flush()
    view.record.objection_state = ObjectionState.pending.value
    open_clock(session, view, ClockKind.objection, env.lead_office, env)
    return {"objection": objection.id, "objector_kind": kind, "objector": name}


def decide_objection(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """Decide the waiting objection: upheld (corrected or withdrawn) or dismissed; tell them."""
    record = view.record
    if command.upheld is None:
        raise ValidationFailed("decision_required", field="upheld")
    reason = require(command.reason, "reason_required", "reason")
    outcome = None
    correction = "summary" if command.summary is not None else "severity"
    corrects = command.summary is not None or command.severity is not None
    # Fields that contradict the decision are refused by name: dropping them unsaid lost what
    # was typed, and a dismissal recorded with an outcome left the register unclear.
    if not command.upheld and command.outcome is not None:
        raise ValidationFailed("outcome_needs_upheld", field="outcome")
    if not command.upheld and corrects:
        raise ValidationFailed("correction_needs_upheld", field=correction)
    if command.upheld:
        if command.outcome not in {o.value for o in ObjectionOutcome}:
            raise ValidationFailed("outcome_required", field="outcome")
        outcome = command.outcome
        if outcome == ObjectionOutcome.withdrawn and corrects:
            raise ValidationFailed("correction_needs_corrected", field=correction)
    corrected = outcome == ObjectionOutcome.corrected
    summary, severity = _correction(record, command, env) if corrected else (None, None)
    objection = _pending_objection(session, view)
    objection.state = (ObjectionState.upheld if command.upheld else ObjectionState.dismissed).value
    objection.outcome, objection.decision_reason = outcome, reason
    objection.decided_at = env.clocks.now()
    objection.decided_by_staff_id = actor.id if actor.kind == "staff" else None
    session.add(objection)
    record.objection_state = objection.state
    meet_clocks(session, view, env, ClockKind.objection)
    details: dict[str, object] = {"objection": objection.id, "outcome": outcome}
    if corrected:  # what it was and what it is, so the register stays auditable
        if summary not in (None, record.summary):
            details.update(summary_before=record.summary, summary=summary)
            record.summary = summary
        if severity not in (None, record.severity):
            details.update(severity_before=record.severity, severity=severity)
            record.severity = severity
            until = record.publicity_until
            publicity.rerun(record=record, policy=env.clocks.policy)
            if record.publicity_until != until and until and record.publicity_until:
                details.update(
                    until_before=until.isoformat(),
                    months=record.publicity_months,
                    until=record.publicity_until.isoformat(),
                )
    elif outcome == ObjectionOutcome.withdrawn:
        record.state, record.withdrawn_on = RecordState.withdrawn.value, env.today()
        if record.publicity_state == PublicityState.published:
            record.publicity_state = PublicityState.taken_down.value
        cancel_clocks(session, view, env)
    tell(
        session,
        view,
        env,
        objection,
        key=f"objection:{objection.id}",
        decision=objection.state,
        reason=reason,
    )
    return details


def _correction(
    record: DishonestyRecord, command: RecordCommand, env: RecordEnv
) -> tuple[str | None, str | None]:
    """Return the corrected summary and severity, each checked by its own rules (None: not
    given); refuse a correction that changes neither (`correction_required`: the record
    would stay published as it was)."""
    summary = check_summary(command.summary, env) if command.summary is not None else None
    severity = checked_severity(command.severity) if command.severity is not None else None
    order = [s.value for s in Severity]  # minor, general, serious
    if (
        severity is not None
        and record.severity in order
        and (order.index(severity) > order.index(record.severity))
    ):  # the objector was right: the record cannot come out of it graver (longer publicity)
        raise ValidationFailed("correction_graver", field="severity")
    if summary in (None, record.summary) and severity in (None, record.severity):
        raise ValidationFailed("correction_required", field="summary")
    return summary, severity


def _pending_objection(session: Session, view: RecordView) -> RecordObjection:
    statement = select(RecordObjection).where(
        RecordObjection.case_id == view.record.case_id,
        RecordObjection.state == ObjectionState.pending.value,
    )
    objection = session.exec(statement.order_by(col(RecordObjection.id).desc())).first()
    assert objection is not None  # objection_state pending, checked by actions.refusal
    return objection
