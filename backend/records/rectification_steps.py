"""The rectification steps of a record (书面说明原因并限期整改): ordered, submitted, accepted or
sent back; the rectify clock is the named unit's.
"""

from __future__ import annotations

from sqlmodel import Session

from backend.actors import Actor
from backend.deadlines.models import ClockKind
from backend.records.commands import RecordCommand
from backend.records.env import RecordEnv
from backend.records.models import RectificationState
from backend.records.service import RecordView
from backend.records.step_parts import Details, meet_clocks, open_clock, require

RS = RectificationState


def order_rectification(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """书面说明原因并限期整改: the rectify clock goes to the unit named in the record."""
    record = view.record
    record.rectification_state = RS.ordered.value
    record.rectification_explanation = record.rectification_report = None
    record.rectification_reason, record.rectified_on = None, None
    open_clock(session, view, ClockKind.rectify, record.department_code, env, days=command.days)
    return {"days": command.days} if command.days is not None else None


def submit_rectification(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> Details:
    """The named unit sends its written explanation and rectification report: clock met."""
    record = view.record
    record.rectification_explanation = require(
        command.explanation, "explanation_required", "explanation"
    )
    record.rectification_report = require(
        command.report, "rectification_report_required", "report"
    )
    record.rectification_state = RS.submitted.value
    meet_clocks(session, view, env, ClockKind.rectify)
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
    record.rectification_reason = require(command.reason, "reason_required", "reason")
    record.rectification_state = RS.sent_back.value
    open_clock(session, view, ClockKind.rectify, record.department_code, env, days=command.days)
    return {"days": command.days} if command.days is not None else None
