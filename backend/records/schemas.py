"""The record API's request and response bodies (RecordCreate, RecordPublic, RecordsPublic)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from backend.api.params import Day, json_integer
from backend.api.shown import Answer
from backend.cases.schemas import CaseEventPublic, Days, Version
from backend.records.commands import (
    MAX_AUTHORITY,
    MAX_DOCUMENT_NUMBER,
    MAX_MONTHS,
    MAX_OBJECTOR_NAME,
    MAX_PERSON_NAME,
    MAX_PERSON_POST,
    MAX_REASON,
    MAX_STATEMENT,
    MAX_SUMMARY,
    RecordAction,
)
from backend.records.models import FindingType, ObjectorKind, Severity
from backend.storable import StorableStr

Months = Annotated[int, Field(ge=1, le=MAX_MONTHS), BeforeValidator(json_integer)]


class RecordStateFilter(StrEnum):
    """What `state=` of the list narrows to (backend.records.service.STATE_FILTERS)."""

    draft = "draft"
    reported = "reported"
    withdrawn = "withdrawn"
    under_objection = "under_objection"
    rectifying = "rectifying"
    rectified = "rectified"
    repaired = "repaired"
    published = "published"
    overdue = "overdue"  # an open clock past its due day


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class RecordCreate(_Body):
    """A new dishonesty record (政务失信记录); `draft` registers one whose paperwork is pending."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=False,
        json_schema_extra={
            "examples": [
                {
                    "person_name": "李某",
                    "person_post": "科长",
                    "department": "czj",
                    "finding_type": "sanction",
                    "authority": "区纪委监委",
                    "document_number": "津红纪〔2026〕12号",
                    "arisen_on": "2026-11-25",
                    "severity": "general",
                    "summary": "承诺的企业补贴长期未兑现，受到警告处分",
                }
            ]
        },
    )

    # An empty name is the service's to refuse, as a blank one: `record_person_required`.
    person_name: StorableStr = Field(max_length=MAX_PERSON_NAME)
    person_post: StorableStr = Field(default="", max_length=MAX_PERSON_POST)
    department: StorableStr = Field(
        max_length=32, description="The unit the person serves in (a unit code): it rectifies"
    )
    finding_type: FindingType
    authority: StorableStr = Field(default="", max_length=MAX_AUTHORITY, description="Who decided")
    document_number: StorableStr | None = Field(
        default=None, max_length=MAX_DOCUMENT_NUMBER, description="文号; required unless `draft`"
    )
    arisen_on: Day = Field(description="The day the information arose; not after today")
    severity: Severity | None = Field(default=None, description="Required unless `draft`")
    summary: StorableStr = Field(max_length=MAX_SUMMARY)
    case: StorableStr | None = Field(
        default=None, max_length=40, description="The complaint it came from (its number)"
    )
    draft: StrictBool = Field(
        default=False,
        description="Paperwork incomplete: the report clock and its reminders run; report it "
        "later with the action `report`",
    )


class RecordActionBody(_Body):
    """An action on a record, with the version the caller last saw."""

    action: RecordAction
    version: Version
    reason: StorableStr | None = Field(default=None, max_length=MAX_REASON)
    days: Days | None = Field(default=None, description="order/return_rectification")
    document_number: StorableStr | None = Field(default=None, max_length=MAX_DOCUMENT_NUMBER)
    severity: Severity | None = Field(
        default=None,
        description="report; publish, for a record that has none (migrated): its severity",
    )
    explanation: StorableStr | None = Field(default=None, max_length=MAX_STATEMENT)
    report: StorableStr | None = Field(default=None, max_length=MAX_STATEMENT)
    upheld: StrictBool | None = Field(
        default=None, description="decide_objection; decide_repair (true: repaired)"
    )
    outcome: Literal["corrected", "withdrawn"] | None = None
    summary: StorableStr | None = Field(default=None, max_length=200_000)
    objector_kind: ObjectorKind | None = None
    objector_name: StorableStr | None = Field(default=None, max_length=MAX_OBJECTOR_NAME)
    leniency: Literal["reduced", "waived"] | None = None
    months: Months | None = Field(default=None, description="publish: within the severity's range")


class RecordDeadlinePublic(BaseModel):
    """One clock of a record, with the unit that owes it."""

    kind: str
    department: str | None
    state: str  # open | overdue | paused | met | met_late | cancelled
    started_on: date
    days: int
    unit: str = Field(default="working", description="what `days` counts: working | natural")
    due_date: date
    due_at: datetime
    provisional: bool
    met_at: datetime | None
    days_late: int | None = Field(description="Working days past the due day, once met late")


class ObjectionPublic(Answer):
    """One objection (异议) and its decision."""

    id: int
    objector_kind: str
    objector_name: str
    reasons: str
    filed_at: datetime
    state: str
    outcome: str | None
    decision_reason: str | None
    decided_at: datetime | None


class RepairPublic(Answer):
    """One credit repair application (信用修复) and its decisions."""

    id: int
    applicant_kind: str
    applicant_name: str
    reasons: str
    filed_at: datetime
    state: str
    accepted_at: datetime | None
    decision_reason: str | None
    decided_at: datetime | None


class RecordNextDue(BaseModel):
    """The clock of a record that falls due first: who owes what by when (lists only)."""

    kind: str = Field(description="report | rectify | objection | repair_accept | repair_decide")
    department: str | None = Field(description="The unit that owes it")
    due_date: date = Field(description="Its last day (Tianjin)")
    unit: str = Field(description="working | natural: how its days were counted")
    provisional: bool = Field(description="Counted over a year the calendar does not cover yet")
    overdue: bool = Field(description="Past the end of its due day and still open")


class RecordSummary(Answer):
    """A record as lists show it."""

    number: str
    person_name: str
    person_post: str
    department: str
    filed_by_department: str
    finding_type: str
    document_number: str | None
    arisen_on: date
    severity: str | None
    state: str
    reported_on: date | None
    report_on_time: bool | None = Field(description="None while a draft")
    report_days_late: int | None
    rectification_state: str
    objection_state: str
    repair_state: str
    leniency: str
    publicity_state: str
    version: int
    next_due: RecordNextDue | None = Field(
        default=None,
        description="In lists: the open clock that falls due first (none: nothing owed)",
    )


class RecordPublic(RecordSummary):
    """A record with its clocks, objections, repair applications and history."""

    authority: str
    summary: str
    case: str | None = Field(description="The complaint it came from")
    filed_by: str | None
    reported_at: datetime | None
    rectification_explanation: str | None
    rectification_report: str | None
    rectification_reason: str | None
    rectified_on: date | None
    repaired_on: date | None
    leniency_reason: str | None
    publicity_months: int | None
    publicity_from: date | None
    publicity_until: date | None
    may_publish: bool
    withdrawn_on: date | None
    created_at: datetime
    allowed_actions: list[str]
    deadlines: list[RecordDeadlinePublic]
    objections: list[ObjectionPublic]
    repairs: list[RepairPublic]
    events: list[CaseEventPublic]


class RecordsPublic(Answer):
    """One page of records."""

    data: list[RecordSummary]
    next_cursor: str | None
