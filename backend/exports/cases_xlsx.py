"""The case list as a spreadsheet (XLSX): one row per case, headings in the reader's language.

Rows come from the list's own query (`backend.cases.queries.list_cases`, every page), so the
export holds exactly the cases the list shows this actor with these filters: a clerk the own
unit's only, and never the reporter (the reporter's columns are a coordinator's, for named
reports). Times are Tianjin wall-clock times (Excel has no time zones; the headings say so).
At most MAX_ROWS cases: past that the export is refused with `export_too_large` (narrow the
filters), never cut short silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.models import Case, CaseAssist
from backend.cases.queries import CaseFilter, list_cases
from backend.cases.redaction import Redactor
from backend.errors import ValidationFailed
from backend.exports.labels import category_name, coded, unit_name
from backend.exports.sheets import cell_text
from backend.messages import render
from backend.people.models import Reporter
from backend.request_types.catalogue import RequestTypes
from backend.taxonomy.models import Taxonomy
from backend.unit_scope import refuse_other_unit

MAX_ROWS = 10_000  # cases in one export; more is refused with `export_too_large`
PAGE_ROWS = 500  # cases read per page of the list's query
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Row:
    """One case as the export shows it to its reader."""

    case: Case
    text: str
    reporter: Reporter | None
    assisting: tuple[str, ...] = ()  # codes of the assisting units (协办), in order added


@dataclass(frozen=True)
class Column:
    """One column: its heading's code, width (characters) and how a row fills it."""

    key: str
    width: int
    value: Callable[[Row], Any]
    number_format: str | None = None


@dataclass(frozen=True)
class ExportContext:
    """What naming the values needs: the configuration, the language, the time zone."""

    taxonomy: Taxonomy
    language: str
    zone: ZoneInfo
    request_types: RequestTypes | None = None  # their names (诉求类型); None: the codes

    def request_type(self, value: str | None) -> str:
        """Return a request type's name in the reader's language (empty for none)."""
        if not value:
            return ""
        if self.request_types is None:
            return value
        return self.request_types.name(value, self.language)

    def units(self, codes: Sequence[str]) -> str:
        """Return the names of units, joined as the reader's language lists them."""
        separator = ", " if self.language == "en" else "、"
        return separator.join(unit_name(self.taxonomy, code, self.language) for code in codes)

    def local(self, moment: datetime | None) -> datetime | None:
        """Return a stored UTC moment as a naive Tianjin wall-clock time (for Excel)."""
        return moment.astimezone(self.zone).replace(tzinfo=None) if moment else None


def export_cases(
    *,
    session: Session,
    actor: Actor,
    where: CaseFilter,
    context: ExportContext,
) -> bytes:
    """Return the XLSX file of every case of the list; ValidationFailed past MAX_ROWS,
    OtherUnit for a clerk's list of another unit."""
    refuse_other_unit(actor, where.department)
    cases = list(_all_cases(session=session, actor=actor, where=where))
    redactor = Redactor(session=session, actor=actor, language=context.language)
    reporters = _reporters(session, cases) if actor.is_coordinator else {}
    assists = _assisting(session, cases)
    rows = [
        Row(
            case,
            redactor.text(case.text) or "",
            reporters.get(case.reporter_id or 0),
            tuple(assists.get(case.id or 0, ())),
        )
        for case in cases
    ]
    return _workbook(columns(actor=actor, context=context), rows, context.language)


def columns(*, actor: Actor, context: ExportContext) -> list[Column]:
    """Return the export's columns for this reader (the reporter's for coordinators only)."""
    language, taxonomy = context.language, context.taxonomy
    found = [
        Column("number", 18, lambda r: r.case.number),
        Column("kind", 14, lambda r: coded("case_kind", r.case.kind, language)),
        Column("status", 14, lambda r: coded("case_status", r.case.status, language)),
        Column("category", 22, lambda r: category_name(taxonomy, r.case.category_id, language)),
        Column("request_type", 12, lambda r: context.request_type(r.case.request_type)),
        Column("department", 20, lambda r: unit_name(taxonomy, r.case.department_code, language)),
        Column("assisting", 28, lambda r: context.units(r.assisting)),
        Column("street", 16, lambda r: unit_name(taxonomy, r.case.street_code, language)),
        Column("channel", 14, lambda r: coded("channel", r.case.channel, language)),
        Column("received", 20, lambda r: context.local(r.case.created_at), DATETIME_FORMAT),
        Column("updated", 20, lambda r: context.local(r.case.updated_at), DATETIME_FORMAT),
        Column("occurred_on", 14, lambda r: r.case.occurred_on, DATE_FORMAT),
        Column("text", 60, lambda r: r.text),
    ]
    if actor.is_coordinator:
        found += [
            Column("reporter_name", 14, lambda r: _named(r, "name")),
            Column("reporter_phone", 16, lambda r: _named(r, "phone")),
        ]
    return found


def _named(row: Row, field: str) -> str:
    if row.case.anonymous or row.reporter is None:
        return ""
    value: str | None = getattr(row.reporter, field)
    return value or ""


def _all_cases(*, session: Session, actor: Actor, where: CaseFilter) -> Iterator[Case]:
    """Yield every case of the list, page after page; refuse a list longer than MAX_ROWS."""
    cursor: str | None = None
    seen = 0
    while True:
        page = list_cases(
            session=session, actor=actor, where=where, cursor=cursor, limit=PAGE_ROWS
        )
        seen += len(page.cases)
        if seen > MAX_ROWS:
            raise ValidationFailed("export_too_large", field=None, max=MAX_ROWS)
        yield from page.cases
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def _reporters(session: Session, cases: Sequence[Case]) -> dict[int, Reporter]:
    ids = sorted({c.reporter_id for c in cases if c.reporter_id and not c.anonymous})
    found: dict[int, Reporter] = {}
    for start in range(0, len(ids), PAGE_ROWS):
        chunk = ids[start : start + PAGE_ROWS]
        for reporter in session.exec(select(Reporter).where(col(Reporter.id).in_(chunk))):
            if reporter.id is not None:
                found[reporter.id] = reporter
    return found


def _assisting(session: Session, cases: Sequence[Case]) -> dict[int, list[str]]:
    """Return the assisting units (协办) of the cases, by case id, in the order added."""
    ids = sorted({c.id for c in cases if c.id is not None})
    found: dict[int, list[str]] = {}
    for start in range(0, len(ids), PAGE_ROWS):
        chunk = ids[start : start + PAGE_ROWS]
        rows = session.exec(
            select(col(CaseAssist.case_id), col(CaseAssist.department_code))
            .where(col(CaseAssist.case_id).in_(chunk))
            .order_by(col(CaseAssist.id))
        ).all()
        for case_id, code in rows:
            found.setdefault(case_id, []).append(code)
    return found


def _workbook(found: list[Column], rows: list[Row], language: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = render("export_sheet", language)
    bold = Font(bold=True)
    for index, column in enumerate(found, start=1):
        cell = sheet.cell(row=1, column=index, value=render(f"export_col_{column.key}", language))
        cell.font = bold
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_index, row in enumerate(rows, start=2):
        for index, column in enumerate(found, start=1):
            _fill(sheet.cell(row=row_index, column=index), column.value(row), column)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(found))}{len(rows) + 1}"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _fill(cell: Any, value: Any, column: Column) -> None:
    """Write a value; text is always text (a leading `=` is no formula), dates formatted."""
    if isinstance(value, str):
        cell.value = cell_text(value)
        cell.data_type = "s"
        if column.key == "text":
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    cell.value = value
    if isinstance(value, datetime | date) and column.number_format:
        cell.number_format = column.number_format
