"""Dishonesty records put straight into the database, in any state, for ledger and assessment
tests (independent of the records service, which has its own tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from backend.bootstrap import Container
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.numbers import next_case_number
from backend.db import session_scope
from backend.deadlines.models import ClockState, Deadline
from backend.records.models import DishonestyRecord, RecordObjection

TIANJIN = ZoneInfo("Asia/Shanghai")


def day_end(day: date) -> datetime:
    """Return the UTC moment a Tianjin day ends (a clock's due moment)."""
    return datetime.combine(day + timedelta(days=1), time(0), TIANJIN).astimezone(UTC)


@dataclass
class Clock:
    """A clock of a record: its due day and, once met, the Tianjin day it was met."""

    kind: str
    department: str
    due: date
    met_on: date | None = None
    open: bool = False

    def state(self) -> str:
        if self.met_on is None:
            return ClockState.open.value
        return ClockState.met.value if self.met_on <= self.due else ClockState.met_late.value


@dataclass
class PutRecord:
    """A record's fields (DishonestyRecord's names) and its clocks and objections."""

    fields: dict[str, Any]
    clocks: list[Clock] = field(default_factory=list)
    objections: list[tuple[str, date]] = field(default_factory=list)  # (state, decided on)


def put_record(container: Container, put: PutRecord) -> str:
    """Store one record with its case, clocks and objections; return its number."""
    now = container.clock.now()
    values = {
        "person_name": "张某",
        "person_post": "科员",
        "department_code": "czj",
        "filed_by_department": "czj",
        "finding_type": "penalty",
        "authority": "区市场监管局",
        "document_number": "津红市监罚〔2026〕12号",
        "arisen_on": date(2026, 11, 2),
        "severity": "general",
        "summary": "未按合同约定支付工程款",
        "state": "reported",
        **put.fields,
    }
    with session_scope(container.engine) as session:
        number = next_case_number(session=session, prefix="HQ", day=values["arisen_on"])
        case = Case(
            number=number,
            kind=CaseKind.dishonesty_record.value,
            status=CaseStatus.received.value,
            department_code="fgw",
            text=values["summary"],
            created_at=now,
            updated_at=now,
        )
        session.add(case)
        session.flush()
        assert case.id is not None
        session.add(DishonestyRecord(case_id=case.id, created_at=now, updated_at=now, **values))
        for clock in put.clocks:
            session.add(
                Deadline(
                    case_id=case.id,
                    kind=clock.kind,
                    department_code=clock.department,
                    started_on=values["arisen_on"],
                    days=7,
                    due_date=clock.due,
                    due_at=day_end(clock.due),
                    state=clock.state(),
                    met_at=day_end(clock.met_on) - timedelta(hours=8) if clock.met_on else None,
                    created_at=now,
                    updated_at=now,
                )
            )
        for state, decided_on in put.objections:
            session.add(
                RecordObjection(
                    case_id=case.id,
                    objector_kind="person",
                    objector_name=values["person_name"],
                    reasons="认定有误",
                    filed_at=now,
                    state=state,
                    decided_at=day_end(decided_on) - timedelta(hours=8),
                )
            )
    return number
