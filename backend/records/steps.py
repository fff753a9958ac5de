"""What each record action changes: states, rows and clocks (called by actions.act only).

Each step runs after actions.refusal let the action through and the version was taken; it
validates its own parameters (ValidationFailed) and returns the event's details.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.deadlines import service as clocks
from backend.deadlines.models import ClockKind
from backend.errors import ValidationFailed
from backend.notifications import outbox
from backend.records import publicity
from backend.records.commands import RecordAction, RecordCommand
from backend.records.env import RecordEnv
from backend.records.models import (
    Leniency,
    ObjectionOutcome,
    ObjectionState,
    ObjectorKind,
    PublicityState,
    RecordObjection,
    RecordState,
    RectificationState,
    RepairApplication,
    RepairState,
    Severity,
)
from backend.records.service import RecordView, check_summary, report_record
from backend.records.texts import decision_text

A = RecordAction
RS = RectificationState
Details = dict[str, object] | None


def _require(value: str | None, code: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationFailed(code, field=field)
    return text


def _open(
    session: Session,
    view: RecordView,
    kind: ClockKind,
    department: str,
    env: RecordEnv,
    days: int | None = None,
) -> None:
    """Start a clock of the record owed by `department`."""
    clocks.open_clock(
        session=session,
        case=view.case,
        kind=kind,
        env=env.clocks,
        department_code=department,
        days=days,
    )


def _close(session: Session, view: RecordView, env: RecordEnv, *kinds: ClockKind) -> None:
    """Meet the running clocks of these kinds (what they waited for happened)."""
    for deadline in clocks.running_clocks(session=session, case=view.case, kinds=kinds):
        clocks.meet(session=session, deadline=deadline, env=env.clocks)


def _cancel(session: Session, view: RecordView, env: RecordEnv) -> None:
    """Stop every running clock of a record that no longer applies (withdrawn)."""
    for deadline in clocks.running_clocks(session=session, case=view.case):
        clocks.cancel(session=session, deadline=deadline, env=env.clocks)


def report(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """A draft's paperwork is complete: fill in what was missing and report it."""
    record = view.record
    if command.document_number is not None:
        record.document_number = command.document_number.strip() or None
    if command.severity is not None:
        _severity(command.severity)
        record.severity = command.severity
    if record.document_number is None:
        raise ValidationFailed("record_report_needs_document", field="document_number")
    if record.severity is None:
        raise ValidationFailed("record_severity_required", field="severity")
    report_record(session=session, case=view.case, record=record, actor=actor, env=env)
    return {"days_late": record.report_days_late}


def order_rectification(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """书面说明原因并限期整改: the rectify clock goes to the unit named in the record."""
    record = view.record
    record.rectification_state = RS.ordered.value
    record.rectification_explanation = record.rectification_report = None
    record.rectification_reason, record.rectified_on = None, None
    _open(session, view, ClockKind.rectify, record.department_code, env, days=command.days)
    return {"days": command.days} if command.days is not None else None


def submit_rectification(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """The named unit sends its written explanation and rectification report: clock met."""
    record = view.record
    record.rectification_explanation = _require(
        command.explanation, "explanation_required", "explanation"
    )
    record.rectification_report = _require(
        command.report, "rectification_report_required", "report"
    )
    record.rectification_state = RS.submitted.value
    _close(session, view, env, ClockKind.rectify)
    return None


def accept_rectification(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """The lead office accepts the rectification: the record is rectified."""
    view.record.rectification_state = RS.accepted.value
    view.record.rectified_on = env.today()
    return None


def return_rectification(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """The lead office sends the report back with a reason; a new rectify clock runs."""
    record = view.record
    record.rectification_reason = _require(command.reason, "reason_required", "reason")
    record.rectification_state = RS.sent_back.value
    _open(session, view, ClockKind.rectify, record.department_code, env, days=command.days)
    return {"days": command.days} if command.days is not None else None


def object_(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """异议: the record is under objection (not published) and the lead office's clock runs."""
    kind, name = _who(command)
    reasons = _require(command.reason, "reason_required", "reason")
    objection = RecordObjection(
        case_id=view.record.case_id,
        objector_kind=kind,
        objector_name=name,
        reasons=reasons,
        channel=command.channel,
        chat_id=command.chat_id,
        language=command.language,
        filed_by_staff_id=actor.id if actor.kind == "staff" else None,
        filed_at=env.clocks.now(),
    )
    session.add(objection)
    session.flush()
    view.record.objection_state = ObjectionState.pending.value
    _open(session, view, ClockKind.objection, env.lead_office, env)
    return {"objection": objection.id, "objector_kind": kind, "objector": name}


def decide_objection(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """Decide the waiting objection: upheld (corrected or withdrawn) or dismissed; tell them."""
    record = view.record
    if command.upheld is None:
        raise ValidationFailed("decision_required", field="upheld")
    reason = _require(command.reason, "reason_required", "reason")
    outcome = None
    if command.upheld:
        if command.outcome not in {o.value for o in ObjectionOutcome}:
            raise ValidationFailed("outcome_required", field="outcome")
        outcome = command.outcome
    objection = _pending_objection(session, view)
    objection.state = (ObjectionState.upheld if command.upheld else ObjectionState.dismissed).value
    objection.outcome, objection.decision_reason = outcome, reason
    objection.decided_at = env.clocks.now()
    objection.decided_by_staff_id = actor.id if actor.kind == "staff" else None
    session.add(objection)
    record.objection_state = objection.state
    _close(session, view, env, ClockKind.objection)
    details: dict[str, object] = {"objection": objection.id, "outcome": outcome}
    if outcome == ObjectionOutcome.corrected:
        if command.summary is not None:
            record.summary = check_summary(command.summary, env)
        if command.severity is not None:
            record.severity = _severity(command.severity)
            publicity.rerun(record=record, policy=env.clocks.policy)
    elif outcome == ObjectionOutcome.withdrawn:
        record.state, record.withdrawn_on = RecordState.withdrawn.value, env.today()
        if record.publicity_state == PublicityState.published:
            record.publicity_state = PublicityState.taken_down.value
        _cancel(session, view, env)
    _tell(
        session,
        view,
        env,
        objection.channel,
        objection.chat_id,
        objection.language,
        key=f"objection:{objection.id}",
        decision=objection.state,
        reason=reason,
    )
    return details


def apply_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """信用修复 application, after rectification: the lead office has 3 working days."""
    kind, name = _who(command)
    application = RepairApplication(
        case_id=view.record.case_id,
        applicant_kind=kind,
        applicant_name=name,
        reasons=_require(command.reason, "reason_required", "reason"),
        channel=command.channel,
        chat_id=command.chat_id,
        language=command.language,
        filed_by_staff_id=actor.id if actor.kind == "staff" else None,
        filed_at=env.clocks.now(),
    )
    session.add(application)
    session.flush()
    view.record.repair_state = RepairState.applied.value
    _open(session, view, ClockKind.repair_accept, env.lead_office, env)
    return {"repair": application.id, "applicant_kind": kind, "applicant": name}


def accept_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """受理 the repair application: the result is due within 10 working days."""
    application = _open_repair(session, view)
    application.state, application.accepted_at = RepairState.accepted.value, env.clocks.now()
    application.accept_reason = (command.reason or "").strip() or None
    session.add(application)
    view.record.repair_state = RepairState.accepted.value
    _close(session, view, env, ClockKind.repair_accept)
    _open(session, view, ClockKind.repair_decide, env.lead_office, env)
    return {"repair": application.id}


def refuse_repair(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """不予受理 the repair application, with the reason; the applicant is told."""
    application = _open_repair(session, view)
    reason = _require(command.reason, "reason_required", "reason")
    application.state, application.decision_reason = RepairState.refused.value, reason
    application.decided_at = env.clocks.now()
    application.decided_by_staff_id = actor.id if actor.kind == "staff" else None
    session.add(application)
    view.record.repair_state = RepairState.refused.value
    _close(session, view, env, ClockKind.repair_accept)
    _tell(
        session,
        view,
        env,
        application.channel,
        application.chat_id,
        application.language,
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
        raise ValidationFailed("decision_required", field="upheld")
    reason = (command.reason or "").strip() or None
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
    _close(session, view, env, ClockKind.repair_decide)
    _tell(
        session,
        view,
        env,
        application.channel,
        application.chat_id,
        application.language,
        key=f"repair:{application.id}:{state.value}",
        decision=state.value,
        reason=reason or "",
    )
    return {"repair": application.id}


def leniency(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """自我纠错: the measures are reduced or waived, with the reason."""
    if command.leniency not in (Leniency.reduced.value, Leniency.waived.value):
        raise ValidationFailed("leniency_required", field="leniency")
    view.record.leniency = command.leniency
    view.record.leniency_reason = _require(command.reason, "reason_required", "reason")
    return None


def publish(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """公示 from today for the severity's period (or `months` within its range)."""
    record = view.record
    assert record.severity is not None  # actions.state_refusal
    months = publicity.publicity_months(
        policy=env.clocks.policy, severity=record.severity, months=command.months
    )
    today = env.today()
    record.publicity_state = PublicityState.published.value
    record.publicity_months, record.publicity_from = months, today
    record.publicity_until = publicity.period_end(start=today, months=months)
    return {"months": months, "until": record.publicity_until.isoformat()}


def _severity(value: str) -> str:
    if value not in {s.value for s in Severity}:
        raise ValidationFailed("unknown_severity", field="severity")
    return value


def _who(command: RecordCommand) -> tuple[str, str]:
    kind, name = command.objector_kind, (command.objector_name or "").strip()
    if kind not in {k.value for k in ObjectorKind} or not name:
        raise ValidationFailed("objector_required", field="objector_kind")
    return kind, name[:100]


def _pending_objection(session: Session, view: RecordView) -> RecordObjection:
    statement = select(RecordObjection).where(
        RecordObjection.case_id == view.record.case_id,
        RecordObjection.state == ObjectionState.pending.value,
    )
    objection = session.exec(statement.order_by(col(RecordObjection.id).desc())).first()
    assert objection is not None  # objection_state pending, checked by actions.refusal
    return objection


def _open_repair(session: Session, view: RecordView) -> RepairApplication:
    statement = select(RepairApplication).where(RepairApplication.case_id == view.record.case_id)
    application = session.exec(statement.order_by(col(RepairApplication.id).desc())).first()
    assert application is not None  # repair_state applied/accepted, checked by refusal
    return application


def _tell(
    session: Session,
    view: RecordView,
    env: RecordEnv,
    channel: str,
    chat_id: str | None,
    language: str,
    *,
    key: str,
    decision: str,
    reason: str,
) -> None:
    """Send a decision to the chat the objection or application came from, if any."""
    if chat_id is None:
        return
    outbox.write(
        session=session,
        key=key,
        kind="update",
        now=env.clocks.now(),
        case=view.case,
        recipients=[outbox.Recipient("reporter", None, channel, chat_id, language)],
        render=lambda lang: decision_text(
            lang, number=view.case.number, decision=decision, reason=reason
        ),
        office_hours_only=False,
    )


STEPS: dict[RecordAction, Callable[..., Details]] = {
    A.report: report,
    A.order_rectification: order_rectification,
    A.submit_rectification: submit_rectification,
    A.accept_rectification: accept_rectification,
    A.return_rectification: return_rectification,
    A.object: object_,
    A.decide_objection: decide_objection,
    A.apply_repair: apply_repair,
    A.accept_repair: accept_repair,
    A.refuse_repair: refuse_repair,
    A.decide_repair: decide_repair,
    A.leniency: leniency,
    A.publish: publish,
}
