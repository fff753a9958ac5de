"""The rows of the records ledger (失信记录台账): one per dishonesty record, as the lead office
keeps it, read straight from the records, their cases and their clocks.

Who reads which: the lead office (its coordinators and clerks) and the evaluator every
record; another unit's clerk the records of the own unit (named in the record, or filed by
it), as `backend.records` lets them see records.
`from` and `to` are the Tianjin dates the information arose between (both included).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlmodel import Session, col

from backend.actors import Actor
from backend.cases.models import Case
from backend.deadlines.models import ClockKind, Deadline
from backend.errors import ValidationFailed
from backend.records.models import DishonestyRecord
from backend.records.service import is_lead_office
from backend.taxonomy.checks import require_known
from backend.unit_scope import refuse_other_unit

MAX_ROWS = 10_000  # records in one ledger; more is refused with `export_too_large`


@dataclass(frozen=True)
class LedgerQuery:
    """Which records: arisen from/to (Tianjin dates), of one unit (named or filing)."""

    arisen_from: date | None = None
    arisen_to: date | None = None
    department: str | None = None


@dataclass(frozen=True)
class LedgerRow:
    """One record with its case number and the due dates of its report and rectification."""

    number: str
    record: DishonestyRecord
    report_due: date | None
    rectify_due: date | None


def ledger_rows(
    *,
    session: Session,
    actor: Actor,
    query: LedgerQuery,
    known: Sequence[str] | set[str],
    lead_office: str,
) -> list[LedgerRow]:
    """Return the ledger's records for this reader, oldest information first; a clerk asks
    about the own unit (another: OtherUnit), the lead office's clerks about any."""
    own = actor.is_clerk and not is_lead_office(actor, lead_office)
    refuse_other_unit(actor, query.department, every_unit=not own)
    if query.arisen_from and query.arisen_to and query.arisen_from > query.arisen_to:
        raise ValidationFailed("period_reversed", field="from")
    require_known("unknown_department", field="department", value=query.department, known=known)
    statement: Any = select(DishonestyRecord, col(Case.number)).join(
        Case, col(Case.id) == col(DishonestyRecord.case_id)
    )
    for unit in (query.department, actor.department if own else None):
        if unit is not None:
            statement = statement.where(
                or_(
                    col(DishonestyRecord.department_code) == unit,
                    col(DishonestyRecord.filed_by_department) == unit,
                )
            )
    if query.arisen_from is not None:
        statement = statement.where(col(DishonestyRecord.arisen_on) >= query.arisen_from)
    if query.arisen_to is not None:
        statement = statement.where(col(DishonestyRecord.arisen_on) <= query.arisen_to)
    statement = statement.order_by(col(DishonestyRecord.arisen_on), col(Case.number))
    found = session.execute(statement.limit(MAX_ROWS + 1)).all()
    if len(found) > MAX_ROWS:
        raise ValidationFailed("export_too_large", field=None, max=MAX_ROWS)
    dues = _due_dates(session, [record.case_id for record, _ in found])
    return [
        LedgerRow(
            number=number,
            record=record,
            report_due=dues[record.case_id].get(ClockKind.report.value),
            rectify_due=dues[record.case_id].get(ClockKind.rectify.value),
        )
        for record, number in found
    ]


def _due_dates(session: Session, case_ids: list[int]) -> dict[int, dict[str, date]]:
    """Return the due day of each record's latest report and rectification clock."""
    kinds = (ClockKind.report.value, ClockKind.rectify.value)
    dues: dict[int, dict[str, date]] = defaultdict(dict)
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start : start + 500]
        statement = (
            select(col(Deadline.case_id), col(Deadline.kind), col(Deadline.due_date))
            .where(col(Deadline.case_id).in_(chunk), col(Deadline.kind).in_(kinds))
            .order_by(col(Deadline.id))
        )
        for case_id, kind, due in session.execute(statement).all():
            dues[case_id][kind] = due  # the latest clock of a kind wins
    return dues
