"""The case API's request and response bodies (CaseCreate, CasePublic, CasesPublic, ...)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictFloat

from backend.api.params import Day, json_integer
from backend.api.shown import Answer
from backend.bounds import MAX_ROW_ID
from backend.cases.models import CaseKind
from backend.cases.workflow import Action
from backend.deadlines.views import DeadlinePublic
from backend.people.models import ReporterPublic
from backend.request_types.catalogue import RequestType
from backend.storable import StorableStr

Version = Annotated[int, Field(ge=1, le=MAX_ROW_ID), BeforeValidator(json_integer)]
Days = Annotated[int, Field(ge=1, le=365), BeforeValidator(json_integer)]


class _Body(BaseModel):
    # Numbers and booleans as JSON Schema types them: "1" is no version, 1 is no boolean.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class ReporterIn(_Body):
    """Who reports, for a named (non-anonymous) case."""

    name: StorableStr | None = Field(default=None, max_length=100)
    phone: StorableStr | None = Field(
        default=None,
        max_length=32,
        description="A mainland mobile or landline number; spaces, dashes and +86 are allowed",
    )


class CaseCreate(_Body):
    """A new case filed through the API (a clerk's record, or a complaint taken by phone)."""

    # The service counts visible characters (white space and invisible marks do not count)
    # and names the limit it refuses; the document shows the configured limits (create_app).
    text: StorableStr = Field(max_length=200_000)
    category: StorableStr | None = Field(default=None, max_length=40)
    street: StorableStr | None = Field(default=None, max_length=32)
    kind: CaseKind = Field(
        default=CaseKind.complaint,
        description="complaint; dishonesty_record is refused (422 `record_use_records_api`): "
        "records are filed with POST /api/v1/records",
    )
    occurred_on: Day | None = Field(default=None, description="Not after today (Asia/Shanghai)")
    location: StorableStr | None = Field(default=None, max_length=200)
    latitude: StrictFloat | None = Field(default=None, ge=-90, le=90)
    longitude: StrictFloat | None = Field(default=None, ge=-180, le=180)
    anonymous: StrictBool | None = Field(
        default=None,
        description=(
            "Unset: anonymous without a reporter, named with one. An anonymous case gets a PIN "
            "(pin in the answer, shown once) to follow it with /status in a chat"
        ),
    )
    reporter: ReporterIn | None = None
    source_case: StorableStr | None = Field(
        default=None,
        max_length=40,
        description="A dishonesty record only: the number of the complaint it came from",
    )
    urgent: StrictBool | None = Field(
        default=None,
        description=(
            "Immediate danger to life, health or property: the unit and the coordinator on "
            "duty are told at once, day or night. Unset: urgent when the text has words of "
            "danger (policy.yaml `urgent.danger`)"
        ),
    )
    request_type: RequestType | None = Field(
        default=None,
        description="A complaint's request type (诉求类型); unset: detected from the text. Its "
        "time limit (policy.yaml request_types) sets the resolve clock",
    )


class CaseAction(_Body):
    """An action on a case, with the version the caller last saw."""

    action: Action
    version: Version
    reason: StorableStr | None = Field(default=None, max_length=2000)
    reply: StorableStr | None = Field(default=None, max_length=10_000)
    department: StorableStr | None = Field(default=None, max_length=32)
    category: StorableStr | None = Field(default=None, max_length=40)
    days: Days | None = None
    into: StorableStr | None = Field(default=None, max_length=24)  # merge: the case it repeats
    rating: Literal["satisfied", "basically_satisfied", "dissatisfied"] | None = Field(
        default=None,
        description="rate_by_phone (电话回访): the reporter's rating, taken by phone; `reason` "
        "holds the reporter's comment",
    )
    request_type: RequestType | None = Field(
        default=None, description="set_request_type: the new request type (诉求类型)"
    )


class NoteCreate(_Body):
    """An internal note on a case: read by staff only, never sent to the reporter."""

    text: StorableStr = Field(max_length=2000)


class AttachmentPublic(Answer):
    """One evidence file of a case (its bytes at .../attachments/{id})."""

    id: int
    filename: str
    content_type: str = Field(description="As the file was received; served only if safe")
    size: int = Field(description="Bytes")


class CaseEventPublic(Answer):
    """One entry of a case's history."""

    at: datetime
    actor: str
    actor_kind: str
    action: str
    from_status: str | None
    to_status: str | None
    reason: str | None
    details: dict[str, object] | None


class CaseSummary(Answer):
    """A case as lists show it."""

    number: str
    kind: str
    status: str
    category: str | None
    department: str | None
    street: str | None
    text: str
    occurred_on: date | None
    anonymous: bool
    street_needed: bool
    version: int
    created_at: datetime
    updated_at: datetime
    urgent: bool = Field(
        default=False, description="Immediate danger: told at once, 30 minutes to sign for"
    )
    request_type: str | None = Field(
        default=None,
        description="诉求类型: inquiry, help, complaint, report or suggestion (None: a record)",
    )


class CasePublic(CaseSummary):
    """A case with its history; the reporter only for a coordinator and a named report."""

    location: str | None
    latitude: float | None
    longitude: float | None
    channel: str
    route_confidence: float | None
    return_count: int
    merged_into: str | None = None
    source_case: str | None = None  # a dishonesty record: the complaint it came from
    records: list[str] = Field(default_factory=list)  # a complaint: records filed from it
    details: dict[str, object] | None = Field(
        default=None,
        description=(
            "A dishonesty record's person, unit, finding, document_number; a complaint whose "
            "date was given as a span in the chat (2024年底): occurred_as (the words typed) "
            "and occurred_until (its last day; occurred_on is its first)"
        ),
    )
    reply: str | None
    allowed_actions: list[str]
    rating: str | None = None
    rating_comment: str | None = None
    deadlines: list[DeadlinePublic]
    events: list[CaseEventPublic]
    reporter: ReporterPublic | None = None
    attachments: list[AttachmentPublic] = Field(
        default_factory=list,
        description="Evidence files, oldest first; GET .../attachments/{id} returns one",
    )
    lead_unit: str | None = Field(
        default=None, description="主办: the unit that handles and resolves the case"
    )
    assisting_units: list[str] = Field(
        default_factory=list,
        description="协办: units that see the case, add notes and report (assist_report)",
    )


class CaseCreated(CasePublic):
    """The answer to filing a case: the PIN (提取码) only here, only when anonymous."""

    pin: str | None = None
    routing: dict[str, object] | None = None  # None for a dishonesty record (not routed)


class CasesPublic(Answer):
    """One page of cases."""

    data: list[CaseSummary]
    next_cursor: str | None
