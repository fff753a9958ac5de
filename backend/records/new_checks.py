"""Checks of a new record's fields that hold on every channel (API, console, chat): the day
the information arose (信息产生日期), and the bounds of the texts."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from backend.cases.models import Case
from backend.errors import ValidationFailed
from backend.records.commands import (
    MAX_AUTHORITY,
    MAX_DOCUMENT_NUMBER,
    MAX_PERSON_NAME,
    MAX_PERSON_POST,
    NewRecord,
)
from backend.records.models import DishonestyRecord, RecordState
from dialogs.dates import OLDEST_YEARS, earliest_day
from dialogs.parsing import short_answer


def check_arisen_on(day: date, today: date) -> None:
    """Refuse a day after today (`record_arisen_in_future`), or so long ago that its year was
    surely mistyped (`record_arisen_too_old`: `dialogs.dates.earliest_day`, the rule every
    channel applies to when something happened)."""
    if day > today:
        raise ValidationFailed("record_arisen_in_future", field="arisen_on")
    if day < earliest_day(today):
        oldest = earliest_day(today).isoformat()
        raise ValidationFailed(
            "record_arisen_too_old", field="arisen_on", earliest=oldest, years=OLDEST_YEARS
        )


def check_new_bounds(new: NewRecord) -> None:
    """Refuse a text of a new record beyond its bound (ValidationFailed naming the field).

    The API's schema states the same bounds (backend.records.schemas); the console's form
    comes here, so a record is never stored longer than the API would take it.
    """
    refuse_over_long(
        ("person_name", new.person_name, MAX_PERSON_NAME, "name_too_long"),
        ("person_post", new.person_post, MAX_PERSON_POST, "record_post_too_long"),
        ("authority", new.authority, MAX_AUTHORITY, "record_authority_too_long"),
        ("document_number", new.document_number, MAX_DOCUMENT_NUMBER, "document_too_long"),
    )


def refuse_over_long(*texts: tuple[str, str | None, int, str]) -> None:
    """Refuse the first (field, value, limit, code) whose value, trimmed, is over its limit:
    ValidationFailed(code, field=field, max=limit). A value of None is not given."""
    for field, value, limit, code in texts:
        if value is not None and len(value.strip()) > limit:
            raise ValidationFailed(code, field=field, max=limit)


def check_not_filed_twice(session: Session, new: NewRecord, document: str | None) -> None:
    """Refuse a record of a person already on record by the same document in the same unit
    (`record_already_filed`, naming it): a form sent again after Back, a clerk and a
    colleague filing one decision twice. One document may name several people; a withdrawn
    record does not count. Records are few (a unit files a handful a year): no index needed.
    """
    if not document:
        return
    statement = (
        select(Case.number)
        .join(DishonestyRecord, col(DishonestyRecord.case_id) == Case.id)
        .where(
            DishonestyRecord.department_code == new.department,
            DishonestyRecord.document_number == document,
            DishonestyRecord.person_name == short_answer(new.person_name),
            DishonestyRecord.state != RecordState.withdrawn.value,
        )
        .order_by(col(Case.id))
    )
    earlier = session.exec(statement).first()
    if earlier is not None:
        raise ValidationFailed(
            "record_already_filed", field="document_number", number=earlier, document=document
        )
