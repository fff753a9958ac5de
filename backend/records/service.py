"""Filing, reading and listing dishonesty records (政务失信记录), and who may see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, or_, select

from backend.actors import Actor
from backend.bounds import MAX_ROW_ID
from backend.cases.events import record_event
from backend.cases.idempotency import replayed, stamp
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.numbers import canonical_number, next_case_number
from backend.cases.queries import get_case
from backend.cases.text import check_text, visible_text
from backend.deadlines import service as clocks
from backend.deadlines.models import ClockKind, Deadline
from backend.errors import Forbidden, NotFound, ValidationFailed
from backend.people.models import Reporter
from backend.records import handoffs
from backend.records.commands import KEY_REUSED, NewRecord, request_of
from backend.records.due import overdue_condition
from backend.records.env import RecordEnv
from backend.records.models import (
    DishonestyRecord,
    FindingType,
    ObjectionState,
    PublicityState,
    RecordState,
    RectificationState,
    RepairState,
    Severity,
)
from backend.records.new_checks import check_arisen_on, check_new_bounds, check_not_filed_twice
from backend.storable import is_storable
from backend.taxonomy.tables import Department
from backend.unit_scope import refuse_other_unit
from dialogs.parsing import has_letter, short_answer

# Optional short fields that, when given, must hold a letter: (field, the code refusing it).
WORDED_FIELDS = (
    ("person_post", "record_post_no_words"),
    ("authority", "record_authority_no_words"),
)
# What `state=` of the list accepts besides the RecordState values.
STATE_FILTERS = (
    *(s.value for s in RecordState),
    "under_objection",
    "rectifying",
    "rectified",
    "repaired",
    "published",
    "overdue",
)


@dataclass(frozen=True)
class RecordView:
    """A record with its case (number, history)."""

    case: Case
    record: DishonestyRecord
    replayed: bool = False  # the answer of an earlier request with the same Idempotency-Key


def is_lead_office(actor: Actor, lead_office: str) -> bool:
    """Return whether the actor speaks for the lead office: its coordinators and clerks.

    A coordinator's account of another unit (made before `create_staff` refused them) does
    not: a record's decisions are the lead office's alone.
    """
    return (actor.is_coordinator or actor.is_clerk) and actor.department == lead_office


def can_see(*, actor: Actor, record: DishonestyRecord, lead_office: str) -> bool:
    """Return whether the actor may see a record: the lead office, or the filing or named unit."""
    if actor.kind == "system" or actor.is_evaluator or is_lead_office(actor, lead_office):
        return True  # the evaluator (第三方评估) reads every record and acts on none
    units = (record.filed_by_department, record.department_code)
    return actor.is_clerk and actor.department in units


def file_record(*, session: Session, new: NewRecord, actor: Actor, env: RecordEnv) -> RecordView:
    """File a record (or register a draft): its case, its fields and its report clock.

    The report clock (7 working days after the day the information arose) belongs to the
    filing unit; a record filed complete reaches the lead office at once and meets it (late
    by the working days past its due day), a draft keeps it running with its reminders.
    """
    if not (actor.is_clerk or actor.is_coordinator):
        raise Forbidden("only a unit's clerk or a coordinator files a dishonesty record")
    filed_by = actor.department or env.lead_office
    _check(new, env)
    summary = check_summary(new.summary, env)
    source = _source_complaint(session, new.source_case, actor)
    now = env.clocks.now()
    today = env.today()
    request = request_of(new)
    if new.idempotency_key is not None:
        key = new.idempotency_key
        earlier = replayed(session=session, key=key, request=request, now=now, reused=KEY_REUSED)
        if earlier is not None:
            case = session.get(Case, earlier.case_id)
            record = session.get(DishonestyRecord, earlier.case_id)
            assert case is not None and record is not None  # its fingerprint is a filing's
            return RecordView(case=case, record=record, replayed=True)
    document = short_answer(new.document_number or "") or None
    check_not_filed_twice(session, new, document)
    reporter = None
    if new.chat_id is not None:  # a chat's record: updates go back to the clerk's chat
        reporter = Reporter(
            name=actor.name or None,
            channel=new.channel,
            chat_id=new.chat_id,
            language=new.language,
            created_at=now,
        )
        session.add(reporter)
        session.flush()
    case = Case(
        number=next_case_number(
            session=session, prefix=env.cases.taxonomy.district.case_prefix, day=today
        ),
        kind=CaseKind.dishonesty_record.value,
        status=CaseStatus.received.value,
        department_code=filed_by,
        text=summary,
        occurred_on=new.arisen_on,
        anonymous=False,
        reporter_id=reporter.id if reporter else None,
        channel=new.channel,
        details={"complaint": source.number} if source else None,
        created_at=now,
        updated_at=now,
    )
    session.add(case)
    session.flush()
    assert case.id is not None
    record = DishonestyRecord(
        case_id=case.id,
        person_name=short_answer(new.person_name),
        person_post=short_answer(new.person_post or ""),
        department_code=new.department,
        filed_by_department=filed_by,
        filed_by_staff_id=actor.id if actor.kind == "staff" else None,
        finding_type=new.finding_type,
        authority=short_answer(new.authority or ""),
        document_number=document,
        arisen_on=new.arisen_on,
        severity=new.severity,
        summary=summary,
        source_case_id=source.id if source else None,
        state=RecordState.draft.value,
        created_at=now,
        updated_at=now,
    )
    session.add(record)
    record_event(
        session=session,
        case=case,
        actor=actor,
        action="receive",
        to_status=CaseStatus.received.value,
        at=now,
        details={
            "channel": new.channel,
            "kind": CaseKind.dishonesty_record.value,
            **stamp(new.idempotency_key, request),
        },
    )
    if source is not None:  # linked both ways: the complaint shows the record filed from it
        record_event(
            session=session,
            case=source,
            actor=actor,
            action="record_filed",
            at=now,
            details={"case": case.number},
        )
    clocks.open_clock(
        session=session,
        case=case,
        kind=ClockKind.report,
        env=env.clocks,
        started_on=new.arisen_on,
        department_code=filed_by,
    )
    if new.draft:
        record_event(
            session=session,
            case=case,
            actor=actor,
            action="record_draft",
            at=now,
            to_status=RecordState.draft.value,
        )
    else:
        report_record(session=session, case=case, record=record, actor=actor, env=env)
    session.flush()
    return RecordView(case=case, record=record)


# a summary's refusals name the summary (记录摘要), never the complaint's text (tester item 2)
_SUMMARY_CODES = {
    "text_empty": "record_summary_required",
    "text_too_short": "record_summary_too_short",
    "text_too_long": "record_summary_too_long",
}


def check_summary(text: str, env: RecordEnv) -> str:
    """Return a record's summary checked as a complaint's text is, refusals naming `summary`."""
    try:
        return check_text(
            text, min_length=env.cases.min_text_length, max_length=env.cases.max_text_length
        )
    except ValidationFailed as refused:
        code = _SUMMARY_CODES.get(refused.code, refused.code)
        raise ValidationFailed(code, field="summary", **refused.params) from None


def report_record(
    *, session: Session, case: Case, record: DishonestyRecord, actor: Actor, env: RecordEnv
) -> None:
    """Mark a complete record as reached the lead office (报送): meet its report clock."""
    now, today = env.clocks.now(), env.today()
    record.state = RecordState.reported.value
    record.reported_at, record.reported_on = now, today
    late = None
    for deadline in clocks.running_clocks(session=session, case=case, kinds=(ClockKind.report,)):
        clocks.meet(session=session, deadline=deadline, env=env.clocks)
        if now > deadline.due_at:
            late = env.clocks.calendar.working_days_between(deadline.due_date, today)
            handoffs.tell_late_report(
                session, case, record, env, late, deadline.due_date.isoformat()
            )
    record.report_days_late = late
    record.updated_at = now
    session.add(record)
    handoffs.tell_reported(session, case, record, env)
    record_event(
        session=session,
        case=case,
        actor=actor,
        action="record_report",
        at=now,
        from_status=RecordState.draft.value,
        to_status=RecordState.reported.value,
        details={"days_late": late} if late is not None else None,
    )


def get_record(
    *, session: Session, number: str, actor: Actor, env: RecordEnv, for_update: bool = False
) -> RecordView:
    """Return a record the actor may see by its case number; NotFound otherwise."""
    canonical = canonical_number(number)
    if canonical is None:
        raise NotFound(number)
    statement = (
        select(Case, DishonestyRecord)
        .join(DishonestyRecord, col(DishonestyRecord.case_id) == Case.id)
        .where(Case.number == canonical)
    )
    if for_update:
        statement = statement.with_for_update()
    row = session.exec(statement).first()
    if row is None or not can_see(actor=actor, record=row[1], lead_office=env.lead_office):
        raise NotFound(number)
    return RecordView(case=row[0], record=row[1])


def record_of_case(*, session: Session, case: Case) -> DishonestyRecord | None:
    """Return the record a case carries, if it is one (for the case's own views)."""
    return session.get(DishonestyRecord, case.id)


def list_records(
    *,
    session: Session,
    actor: Actor,
    env: RecordEnv,
    department: str | None = None,
    state: str | None = None,
    arisen_from: date | None = None,
    arisen_to: date | None = None,
    after_id: int | None = None,
    limit: int = 50,
) -> list[RecordView]:
    """Return the records the actor sees, newest first, after the cursor (a case id).

    `department` matches the unit named or the filing unit; `state` a RecordState or one of
    under_objection, rectifying, rectified, repaired, published, overdue (an open clock past
    its due day: backend.records.due); the dates the day arisen.
    A clerk asks about the own unit (another: OtherUnit), the lead office's about any. A unit
    that does not exist (retired ones do) is refused, `unknown_department`, as the case list
    refuses it: never answered with an empty list.
    """
    if department is not None and session.get(Department, department) is None:
        raise ValidationFailed("unknown_department", field="department", value=department)
    refuse_other_unit(actor, department, every_unit=is_lead_office(actor, env.lead_office))
    if state is not None and state not in STATE_FILTERS:
        raise ValidationFailed("unknown_record_state", field="state", value=state)
    if arisen_from is not None and arisen_to is not None and arisen_from > arisen_to:
        raise ValidationFailed("from_after_to", field="from")
    R = DishonestyRecord
    statement = select(Case, R).join(R, col(R.case_id) == Case.id)
    if not (
        actor.kind == "system" or actor.is_evaluator or is_lead_office(actor, env.lead_office)
    ):
        if not actor.is_clerk:
            return []
        statement = statement.where(
            or_(R.department_code == actor.department, R.filed_by_department == actor.department)
        )
    if department is not None:
        statement = statement.where(
            or_(R.department_code == department, R.filed_by_department == department)
        )
    if state is not None:
        statement = statement.where(_state_condition(state, env.clocks.now()))
    if arisen_from is not None:
        statement = statement.where(col(R.arisen_on) >= arisen_from)
    if arisen_to is not None:
        statement = statement.where(col(R.arisen_on) <= arisen_to)
    if after_id is not None and after_id <= MAX_ROW_ID:  # past every id, it bounds nothing
        statement = statement.where(col(R.case_id) < after_id)
    rows = session.exec(statement.order_by(col(R.case_id).desc()).limit(limit)).all()
    return [RecordView(case=c, record=r) for c, r in rows]


def clocks_of(*, session: Session, case: Case) -> list[Deadline]:
    """Return a record's clocks, oldest first."""
    statement = select(Deadline).where(Deadline.case_id == case.id).order_by(col(Deadline.id))
    return list(session.exec(statement).all())


def _state_condition(state: str, now: datetime):  # type: ignore[no-untyped-def]
    R = DishonestyRecord
    if state == "overdue":
        return overdue_condition(now)
    if state == "under_objection":
        return R.objection_state == ObjectionState.pending.value
    if state == "rectifying":
        return col(R.rectification_state).in_(
            [
                RectificationState.ordered.value,
                RectificationState.submitted.value,
                RectificationState.sent_back.value,
            ]
        )
    if state == "rectified":
        return R.rectification_state == RectificationState.accepted.value
    if state == "repaired":
        return R.repair_state == RepairState.repaired.value
    if state == "published":
        return R.publicity_state == PublicityState.published.value
    return R.state == state


def _check(new: NewRecord, env: RecordEnv) -> None:
    """Refuse what a record may not say: unknown unit, future date, missing paperwork."""
    for field in ("person_name", "person_post", "authority", "document_number"):
        value = getattr(new, field)
        if value is not None and not is_storable(value):
            raise ValidationFailed("unstorable_form_text", field=field)
    if not has_letter(short_answer(new.person_name)):  # blank, invisible marks, "。。。"
        raise ValidationFailed("record_person_required", field="person_name")
    for field, code in WORDED_FIELDS:
        given = short_answer(getattr(new, field) or "")  # left out or blank: not given
        if given and not has_letter(given):  # "。。。" names no post and no authority
            raise ValidationFailed(code, field=field)
    if new.department not in env.cases.taxonomy.unit_codes:
        raise ValidationFailed("unknown_department", field="department", value=new.department)
    if new.finding_type not in {f.value for f in FindingType}:
        raise ValidationFailed("unknown_finding_type", field="finding_type")
    if new.severity is not None and new.severity not in {s.value for s in Severity}:
        raise ValidationFailed("unknown_severity", field="severity")
    check_arisen_on(new.arisen_on, env.today())
    check_new_bounds(new)
    if not new.draft and not visible_text(new.document_number):
        raise ValidationFailed("record_document_required", field="document_number")
    if not new.draft and new.severity is None:
        raise ValidationFailed("record_severity_required", field="severity")


def _source_complaint(session: Session, number: str | None, actor: Actor) -> Case | None:
    """Return the complaint a record names as its source, if the actor may see it."""
    if number is None:
        return None
    try:
        source = get_case(session=session, number=number, actor=actor)
    except NotFound:
        raise ValidationFailed("source_case_unknown", field="case") from None
    if source.kind != CaseKind.complaint.value:
        raise ValidationFailed("source_case_unknown", field="case")
    return source
