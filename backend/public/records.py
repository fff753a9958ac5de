"""The records on the public page (公示): only those that may be published today, only the
fields the rules allow to publish.

The query narrows by the stored states and the period; each row then passes the records
service's own rule (`backend.records.publicity.may_publish`), so the page never shows a
record the service would not publish. Nothing here names an evidence file, a reporter, the
filing clerk or the complaint a record came from, and its texts show no phone, ID-card number
or e-mail address (`backend.contacts`: masked, as Open311 publishes complaints).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from backend.cases.models import Case
from backend.contacts import mask_contacts
from backend.records.models import (
    DishonestyRecord,
    Leniency,
    ObjectionState,
    PublicityState,
    RecordState,
    RepairState,
)
from backend.records.publicity import may_publish
from backend.taxonomy.tables import Department

PAGE_SIZE = 20
MAX_PAGE = 10_000


@dataclass(frozen=True)
class PublicRecord:
    """One published record, as anyone may read it."""

    number: str
    unit_zh: str
    unit_en: str
    person_name: str
    person_post: str
    finding_type: str
    authority: str
    document_number: str
    arisen_on: date
    severity: str
    summary: str
    publicity_from: date
    publicity_until: date
    under_objection: bool  # marked on the page while the lead office decides (异议处理中)


@dataclass(frozen=True)
class PublicPage:
    """One page of published records, newest publication first."""

    records: list[PublicRecord]
    page: int
    pages: int
    total: int


def _publishable(today: date):  # type: ignore[no-untyped-def]
    """Return the SQL conditions that mirror `may_publish` (checked again per row)."""
    R = DishonestyRecord
    return (
        R.state == RecordState.reported.value,
        R.publicity_state == PublicityState.published.value,
        col(R.publicity_from) <= today,
        col(R.publicity_until) >= today,
        R.repair_state != RepairState.repaired.value,
        R.leniency != Leniency.waived.value,
    )


def published_records(
    *, session: Session, today: date, page: int = 1, size: int = PAGE_SIZE
) -> PublicPage:
    """Return one page of the records that may be on the public page today."""
    R = DishonestyRecord
    conditions = _publishable(today)
    total = session.exec(select(func.count()).select_from(R).where(*conditions)).one()
    pages = max(1, -(-total // size))
    page = min(max(page, 1), pages)
    statement = (
        select(Case, R, Department)
        .join(R, col(R.case_id) == Case.id)
        .join(Department, col(Department.code) == R.department_code)
        .where(*conditions)
        .order_by(col(R.publicity_from).desc(), col(R.case_id).desc())
        .offset((page - 1) * size)
        .limit(size)
    )
    records = [
        _public(case, record, unit)
        for case, record, unit in session.exec(statement).all()
        if may_publish(record=record, today=today)
    ]
    return PublicPage(records=records, page=page, pages=pages, total=total)


def _public(case: Case, record: DishonestyRecord, unit: Department) -> PublicRecord:
    assert record.publicity_from is not None and record.publicity_until is not None
    return PublicRecord(
        number=case.number,
        unit_zh=unit.name_zh,
        unit_en=unit.name_en or unit.name_zh,
        person_name=mask_contacts(record.person_name),
        person_post=mask_contacts(record.person_post),
        finding_type=record.finding_type,
        authority=mask_contacts(record.authority),
        document_number=mask_contacts(record.document_number or ""),
        arisen_on=record.arisen_on,
        severity=record.severity or "",
        summary=mask_contacts(record.summary),
        publicity_from=record.publicity_from,
        publicity_until=record.publicity_until,
        under_objection=record.objection_state == ObjectionState.pending,
    )
