"""What each record action changes: states, rows and clocks (called by actions.act only).

Each step runs after actions.refusal let the action through and the version was taken; it
validates its own parameters (ValidationFailed) and returns the event's details. The
rectification, objection and repair steps live in their own modules; `STEPS` names them all.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from backend.actors import Actor
from backend.errors import ValidationFailed
from backend.records import publicity
from backend.records.commands import RecordAction, RecordCommand
from backend.records.env import RecordEnv
from backend.records.models import Leniency, PublicityState
from backend.records.objection_steps import decide_objection, object_
from backend.records.rectification_steps import (
    accept_rectification,
    order_rectification,
    return_rectification,
    submit_rectification,
)
from backend.records.repair_steps import accept_repair, apply_repair, decide_repair, refuse_repair
from backend.records.service import RecordView, report_record
from backend.records.step_parts import Details, checked_severity, require
from dialogs.parsing import short_answer

A = RecordAction


def report(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """A draft's paperwork is complete: fill in what was missing and report it."""
    record = view.record
    if command.document_number is not None:
        record.document_number = short_answer(command.document_number) or None  # as filed
    if command.severity is not None:
        checked_severity(command.severity)
        record.severity = command.severity
    if record.document_number is None:
        raise ValidationFailed("record_report_needs_document", field="document_number")
    if record.severity is None:
        raise ValidationFailed("record_severity_required", field="severity")
    report_record(session=session, case=view.case, record=record, actor=actor, env=env)
    return {"days_late": record.report_days_late}


def leniency(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """自我纠错: the measures are reduced or waived, with the reason."""
    if command.leniency not in (Leniency.reduced.value, Leniency.waived.value):
        raise ValidationFailed("leniency_required", field="leniency")
    view.record.leniency = command.leniency
    view.record.leniency_reason = require(command.reason, "reason_required", "reason")
    published = view.record.publicity_state == PublicityState.published
    if command.leniency == Leniency.waived and published:
        # Publicity is one of the measures waived: the record leaves the page, and every
        # reader (API, ?state=, the console's badge, the ledger) says so; a later `reduced`
        # lets the lead office publish it again.
        view.record.publicity_state = PublicityState.taken_down.value
    return None


def publish(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """公示 from today for the severity's period (or `months` within its range).

    A record migrated without a severity (0022) takes the one the lead office gives here:
    422 `record_severity_required` without it. A record that has one keeps it: another is
    refused (422 `record_severity_fixed`), since a severity is corrected on objection.
    """
    record = view.record
    given = checked_severity(command.severity) if command.severity is not None else None
    if given is not None and record.severity not in (None, given):
        raise ValidationFailed("record_severity_fixed", field="severity")
    classified = record.severity is None and given is not None
    severity = record.severity or given
    if severity is None:
        raise ValidationFailed("record_severity_required", field="severity")
    months = publicity.publicity_months(
        policy=env.clocks.policy, severity=severity, months=command.months
    )
    today = env.today()
    record.severity = severity
    record.publicity_state = PublicityState.published.value
    record.publicity_months, record.publicity_from = months, today
    record.publicity_until = publicity.period_end(start=today, months=months)
    details = {"months": months, "until": record.publicity_until.isoformat()}
    return {**details, "severity": severity} if classified else details


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
