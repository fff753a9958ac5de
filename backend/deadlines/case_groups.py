"""The case's kind, category and channel copied onto its clocks, for the figures to group by.

The figures (backend/stats) count clocks by unit, category and channel, complaints only. With
those read from `cases` each count joined the period's clocks to their cases, which on
PostgreSQL grows with the table (issue 13: a year's figures 1.95x at 200,000 cases against
10,000). So each clock carries copies (`Deadline.case_kind`, `case_category`,
`case_channel`): written with the clock (`new_clock`), written again on every clock of a case
whose category changes (`follow_case`, from the keeper), and copied from the cases by
`rebuild` (`intake stats rebuild`). A case's kind and channel never change after intake.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from backend.cases.models import Case
from backend.deadlines.models import Deadline

# (the clock's copy, the case's column)
COPIES: tuple[tuple[str, Any], ...] = (
    ("case_kind", col(Case.kind)),
    ("case_category", col(Case.category_id)),
    ("case_channel", col(Case.channel)),
)


def case_groups(case: Case) -> dict[str, Any]:
    """Return the copies a new clock of the case carries: {case_kind, case_category, ...}."""
    return {
        "case_kind": case.kind,
        "case_category": case.category_id,
        "case_channel": case.channel,
    }


def follow_case(*, session: Session, case: Case) -> None:
    """Copy the case's kind, category and channel onto every clock of it (one UPDATE)."""
    session.execute(
        update(Deadline)
        .where(col(Deadline.case_id) == case.id)
        .values(case_groups(case))
        .execution_options(synchronize_session="fetch")
    )


def _differs(read: Callable[[Any], Any]) -> ColumnElement[bool]:
    """Return the condition of a clock whose copies are not what `read` gives of its case."""
    return or_(*(col(getattr(Deadline, copy)).is_distinct_from(read(s)) for copy, s in COPIES))


def drifted(*, session: Session) -> int:
    """Return how many clocks carry copies that are not their case's (0 when kept in step)."""
    statement = (
        select(func.count())
        .select_from(Deadline)
        .join(Case, col(Case.id) == col(Deadline.case_id))
        .where(_differs(lambda source: source))
    )
    return int(session.execute(statement).scalar_one())


def rebuild(*, session: Session) -> int:
    """Copy every case's kind, category and channel onto its clocks; return clocks changed.

    One UPDATE of the clocks whose copies differ, each read from its case by key; a database
    kept in step changes nothing.
    """

    def of_case(source: Any) -> Any:
        return select(source).where(col(Case.id) == col(Deadline.case_id)).scalar_subquery()

    values = {copy: of_case(source) for copy, source in COPIES}
    result = session.execute(
        update(Deadline)
        .where(_differs(of_case))
        .values(values)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
