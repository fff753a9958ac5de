"""The orders a list of cases can be read in, each keyset-paged with a cursor of its own.

- `received`: newest first by row id; its cursor is the last row id (the API's only order).
- `due`: the nearest due moment of an open handling clock first (see deadlines.views), cases
  without one last; the cursor is `d<micros or ->.<id>`.
- `waiting`: unchanged the longest first (the case's `updated_at`); the cursor is
  `w<micros>.<id>`.

A cursor made for one order is refused by another (`bad_cursor`), never misread.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlmodel import and_, col, or_

from backend.bounds import MAX_ROW_ID
from backend.cases.models import Case
from backend.deadlines.views import nearest_due_at
from backend.errors import ValidationFailed

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_KEYED = re.compile(r"^([dw])(-|[0-9]{1,17})\.([0-9]{1,10})$")


class CaseOrder(StrEnum):
    """How a list of cases is sorted."""

    received = "received"  # newest first (the API's order)
    due = "due"  # nearest due date first
    waiting = "waiting"  # waiting the longest first


_PREFIX = {CaseOrder.due: "d", CaseOrder.waiting: "w"}


def sort_key(order: CaseOrder) -> Any:
    """Return the column or expression a keyed order sorts by (before the row id)."""
    return nearest_due_at() if order is CaseOrder.due else col(Case.updated_at)


def order_by(order: CaseOrder) -> tuple[Any, ...]:
    """Return the ORDER BY of a keyed order (`due` or `waiting`); the row id breaks ties."""
    key = sort_key(order)
    first = key.asc().nulls_last() if order is CaseOrder.due else key.asc()
    return first, col(Case.id).asc()


def keyed_cursor(order: CaseOrder, case: Case, key: datetime | None) -> str:
    """Return the cursor that continues after this case in a keyed order."""
    moment = "-" if key is None else str((key - EPOCH) // timedelta(microseconds=1))
    return f"{_PREFIX[order]}{moment}.{case.id}"


def after_keyed_cursor(order: CaseOrder, cursor: str) -> Any:
    """Return the WHERE clause of the rows after a cursor of a keyed order; refuse a bad one."""
    found = _KEYED.match(cursor)
    if found is None or found.group(1) != _PREFIX[order]:
        raise ValidationFailed("bad_cursor", field="cursor")
    moment, row_id = found.group(2), min(int(found.group(3)), MAX_ROW_ID)
    # At most 17 digits: within year 5138, a date every database and Python can hold.
    key = None if moment == "-" else EPOCH + timedelta(microseconds=int(moment))
    column, case_id = sort_key(order), col(Case.id)
    if key is None:
        if order is not CaseOrder.due:
            raise ValidationFailed("bad_cursor", field="cursor")
        return and_(column.is_(None), case_id > row_id)
    later = or_(column > key, and_(column == key, case_id > row_id))
    return or_(later, column.is_(None)) if order is CaseOrder.due else later
