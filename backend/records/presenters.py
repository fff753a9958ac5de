"""A record as the API (and the console) shows it to one actor."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.events import history
from backend.cases.idempotency import without_stamp
from backend.cases.models import Case
from backend.cases.redaction import Redactor
from backend.cases.schemas import CaseEventPublic
from backend.cases.workflow import can_see
from backend.contacts import mask_contacts
from backend.deadlines.models import ClockState, Deadline
from backend.people.models import StaffAccount
from backend.records.actions import allowed_actions
from backend.records.due import next_due
from backend.records.env import RecordEnv
from backend.records.models import DishonestyRecord, RecordObjection, RepairApplication
from backend.records.publicity import may_publish
from backend.records.schemas import (
    ObjectionPublic,
    RecordDeadlinePublic,
    RecordNextDue,
    RecordPublic,
    RecordSummary,
    RepairPublic,
)
from backend.records.service import RecordView, clocks_of


def summarise(
    view: RecordView, *, masked: bool = False, next_due: RecordNextDue | None = None
) -> RecordSummary:
    """Return a record as lists show it (`masked`: contact details in its texts masked, as
    the evaluator reads them; an ID-card number typed as the document number too), with the
    clock it owes first (`next_due`, from backend.records.due.next_due)."""
    r = view.record
    shown = _masked if masked else _as_written
    return RecordSummary(
        number=view.case.number,
        person_name=shown(r.person_name) or "",
        person_post=shown(r.person_post) or "",
        department=r.department_code,
        filed_by_department=r.filed_by_department,
        finding_type=r.finding_type,
        document_number=shown(r.document_number),
        arisen_on=r.arisen_on,
        severity=r.severity,
        state=r.state,
        reported_on=r.reported_on,
        report_on_time=None if r.reported_at is None else not r.report_days_late,
        report_days_late=r.report_days_late,
        rectification_state=r.rectification_state,
        objection_state=r.objection_state,
        repair_state=r.repair_state,
        leniency=r.leniency,
        publicity_state=r.publicity_state,
        version=r.version,
        next_due=next_due,
    )


def summarise_page(
    *, session: Session, views: list[RecordView], env: RecordEnv, masked: bool
) -> list[RecordSummary]:
    """Return a page of a list, each record with the clock it owes first (one query)."""
    due = next_due(
        session=session, case_ids=[v.record.case_id for v in views], now=env.clocks.now()
    )
    return [summarise(v, masked=masked, next_due=due.get(v.record.case_id)) for v in views]


def present(
    *, session: Session, view: RecordView, actor: Actor, env: RecordEnv, language: str = "en"
) -> RecordPublic:
    """Return a record with its clocks, objections, repairs and history.

    Its free texts are read as a case's are (backend.cases.redaction.Redactor): an evaluator
    (第三方评估) reads them with contact details masked (phone, ID-card numbers, e-mail
    addresses); a clerk reads the number of a case the own unit may not see as "another
    case" (`language`: the marker's), and the source complaint's number only when the own
    unit may open it; coordinators read what was written.
    """
    r, now = view.record, env.clocks.now()
    redactor = Redactor(session=session, actor=actor, language=language)
    shown = redactor.text
    source = session.get(Case, r.source_case_id) if r.source_case_id else None
    if source is not None and not can_see(actor, source):
        source = None
    filer = session.get(StaffAccount, r.filed_by_staff_id) if r.filed_by_staff_id else None
    objections = session.exec(
        select(RecordObjection)
        .where(RecordObjection.case_id == r.case_id)
        .order_by(col(RecordObjection.id))
    ).all()
    repairs = session.exec(
        select(RepairApplication)
        .where(RepairApplication.case_id == r.case_id)
        .order_by(col(RepairApplication.id))
    ).all()
    return RecordPublic(
        **summarise(view, masked=actor.is_evaluator).model_dump(),
        authority=shown(r.authority),
        summary=shown(r.summary),
        case=source.number if source else None,
        filed_by=filer.name if filer else None,
        reported_at=r.reported_at,
        rectification_explanation=shown(r.rectification_explanation),
        rectification_report=shown(r.rectification_report),
        rectification_reason=shown(r.rectification_reason),
        rectified_on=r.rectified_on,
        repaired_on=r.repaired_on,
        leniency_reason=shown(r.leniency_reason),
        publicity_months=r.publicity_months,
        publicity_from=r.publicity_from,
        publicity_until=r.publicity_until,
        may_publish=may_publish(record=r, today=env.today()),
        withdrawn_on=r.withdrawn_on,
        created_at=r.created_at,
        allowed_actions=[a.value for a in allowed_actions(view=view, actor=actor, env=env)],
        deadlines=[_deadline(d, now, env) for d in clocks_of(session=session, case=view.case)],
        objections=[
            ObjectionPublic.model_validate(o, from_attributes=True).model_copy(
                update={"reasons": shown(o.reasons), "decision_reason": shown(o.decision_reason)}
            )
            for o in objections
        ],
        repairs=[
            RepairPublic.model_validate(a, from_attributes=True).model_copy(
                update={"reasons": shown(a.reasons), "decision_reason": shown(a.decision_reason)}
            )
            for a in repairs
        ],
        events=[
            CaseEventPublic(
                at=e.at,
                actor=e.actor_name,
                actor_kind=e.actor_kind,
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                reason=shown(e.reason),
                details=redactor.details(without_stamp(e.details)),
            )
            for e in history(session=session, case=view.case)
        ],
    )


def _as_written(text: str | None) -> str | None:
    return text


def _masked(text: str | None) -> str | None:
    return mask_contacts(text) if text else text


def report_days_late(*, record: DishonestyRecord) -> int | None:
    """Return the working days the record reached the lead office late (None: on time/draft)."""
    return record.report_days_late or None


def _deadline(d: Deadline, now: datetime, env: RecordEnv) -> RecordDeadlinePublic:
    late = None
    if d.state == ClockState.met_late and d.met_at is not None:
        met_day = d.met_at.astimezone(env.clocks.zone).date()
        late = env.clocks.calendar.working_days_between(d.due_date, met_day)
    return RecordDeadlinePublic(
        kind=d.kind,
        department=d.department_code,
        state="overdue" if d.state == ClockState.open and d.due_at < now else d.state,
        started_on=d.started_on,
        days=d.days,
        unit=d.unit,
        due_date=d.due_date,
        due_at=d.due_at,
        provisional=d.provisional,
        met_at=d.met_at,
        days_late=late,
    )
