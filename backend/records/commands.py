"""What a caller asks of a record: a new record's fields, and one action on a record."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum

from backend.cases.idempotency import fingerprint

# The refusal of an Idempotency-Key sent again with another request (backend.messages).
KEY_REUSED = "record_idempotency_key_reused"
# The bounds of an action's fields, the same through every channel: the API's schema states
# them, and `step_parts.check_bounds` holds the console and the chat to them.
MAX_REASON = 5000
MAX_PERSON_NAME = 100  # a new record's person, post and deciding authority (认定机关)
MAX_PERSON_POST = 100
MAX_AUTHORITY = 200
MAX_DOCUMENT_NUMBER = 100
MAX_SUMMARY = 200_000  # what a request may carry; the summary's own limit is the text limit
MAX_STATEMENT = 20_000  # a rectification's explanation (书面说明) and report (整改报告)
MAX_OBJECTOR_NAME = 100
MAX_DAYS = 365  # working days of a rectification order or a return
MAX_MONTHS = 120  # a publicity period asked for (the severity's range is narrower: policy)


@dataclass(frozen=True)
class NewRecord:
    """A dishonesty record as a clerk filled it in (API, chat or console)."""

    person_name: str
    department: str  # the unit the person serves in (a unit code)
    finding_type: str  # FindingType
    arisen_on: date
    summary: str
    person_post: str = ""
    authority: str = ""
    document_number: str | None = None  # required unless draft
    severity: str | None = None  # Severity; required unless draft
    source_case: str | None = None  # the complaint it came from (its number)
    draft: bool = False  # paperwork incomplete: the report clock runs, nothing is reported
    channel: str = "api"
    chat_id: str | None = None
    language: str = "zh"
    idempotency_key: str | None = None  # the caller's key as stored (idempotency.caller_key)


class RecordAction(StrEnum):
    """What the lead office, the units and the people named can do to a record."""

    report = "report"  # a draft's paperwork is complete: it reaches the lead office
    order_rectification = "order_rectification"  # lead office: 书面说明原因并限期整改
    submit_rectification = "submit_rectification"  # the named unit: explanation + report
    accept_rectification = "accept_rectification"  # lead office
    return_rectification = "return_rectification"  # lead office: sent back with a reason
    object = "object"  # 异议: the person or unit named, or a representative
    decide_objection = "decide_objection"  # lead office: upheld (corrected|withdrawn)|dismissed
    apply_repair = "apply_repair"  # 信用修复, after rectification
    accept_repair = "accept_repair"  # lead office, within 3 working days
    refuse_repair = "refuse_repair"  # lead office: 不予受理, with a reason
    decide_repair = "decide_repair"  # lead office, within 10 working days: repaired or not
    leniency = "leniency"  # lead office: 自我纠错 reduces or waives the measures
    publish = "publish"  # lead office: 公示 for the period of the severity (months optional)


@dataclass(frozen=True)
class RecordCommand:
    """One action on one record as the caller asked for it."""

    action: RecordAction
    version: int
    reason: str | None = None  # send back, objection reasons, decisions, leniency
    days: int | None = None  # order_rectification: working days (policy default)
    document_number: str | None = None  # report: the document number now known
    severity: str | None = None  # report; decide_objection corrected
    explanation: str | None = None  # submit_rectification: 书面说明
    report: str | None = None  # submit_rectification: 整改报告
    upheld: bool | None = None  # decide_objection; decide_repair (True: repaired)
    outcome: str | None = None  # decide_objection upheld: corrected | withdrawn
    summary: str | None = None  # decide_objection corrected: the corrected summary
    objector_kind: str | None = None  # object, apply_repair: person | unit | representative
    objector_name: str | None = None
    leniency: str | None = None  # reduced | waived
    months: int | None = None  # publish
    channel: str = "api"
    chat_id: str | None = None
    language: str = "zh"
    idempotency_key: str | None = None  # the caller's key as stored (idempotency.caller_key)


def request_of(command: NewRecord | RecordCommand, *, record: str | None = None) -> str:
    """Return the fingerprint of a record request: what it asks, of which record (its
    number, for an action), with which fields; the key itself is not part of it."""
    fields = {k: v for k, v in asdict(command).items() if k != "idempotency_key"}
    what = "record_action" if isinstance(command, RecordCommand) else "record_filing"
    return fingerprint({"request": what, "record": record, **fields})
