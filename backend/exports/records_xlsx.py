"""The records ledger (失信记录台账) as XLSX: a summary sheet, then one sheet per unit named.

One row per record with the columns a lead office keeps (序号 restarts on each unit's sheet);
headings in Chinese, English on request; dates are Tianjin dates; widths set, the heading
row frozen and filters on, on every sheet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from openpyxl import Workbook

from backend.contacts import mask_contacts
from backend.exports.ledger_texts import word
from backend.exports.record_rows import LedgerRow
from backend.exports.sheets import DATE_FORMAT, Heading, saved, sheet_title, write_table
from backend.records.models import (
    Leniency,
    ObjectionState,
    PublicityState,
    RecordState,
    RectificationState,
    RepairState,
)

# (heading key, width, number format)
COLUMNS: tuple[tuple[str, int, str | None], ...] = (
    ("index", 6, None),
    ("number", 18, None),
    ("unit", 20, None),
    ("filed_by", 20, None),
    ("person", 12, None),
    ("post", 16, None),
    ("finding", 14, None),
    ("authority", 20, None),
    ("document", 22, None),
    ("arisen_on", 13, DATE_FORMAT),
    ("reported_on", 13, DATE_FORMAT),
    ("report_due", 13, DATE_FORMAT),
    ("on_time", 22, None),
    ("days_late", 10, None),
    ("severity", 9, None),
    ("rectify_due", 13, DATE_FORMAT),
    ("rectification", 16, None),
    ("objection", 12, None),
    ("repair", 14, None),
    ("publicity_from", 13, DATE_FORMAT),
    ("publicity_until", 13, DATE_FORMAT),
    ("publicity", 10, None),
    ("remarks", 36, None),
)
SUMMARY = (
    "unit",
    "records",
    "on_time",
    "late",
    "unreported",
    "rectified",
    "objections_upheld",
    "repaired",
    "published",
)

UnitName = Callable[[str], str]


def export_records(
    *, rows: list[LedgerRow], unit_name: UnitName, language: str, today: date, masked: bool = False
) -> bytes:
    """Return the ledger's XLSX file: the summary sheet, then each unit's sheet by name.

    `masked`: free text (the finding authority, a leniency reason) with contact details
    masked (`backend.contacts`), as an evaluator (第三方评估) reads every text.
    """
    book = Workbook()
    summary = book.active
    assert summary is not None
    taken: set[str] = set()
    summary.title = sheet_title(word("records_summary_sheet", language), taken)
    by_unit: dict[str, list[LedgerRow]] = defaultdict(list)  # the unit named (失信主体所在单位)
    by_filer: dict[str, list[LedgerRow]] = defaultdict(list)  # the unit that files (报送单位)
    for row in rows:
        by_unit[row.record.department_code].append(row)
        by_filer[row.record.filed_by_department].append(row)
    units = sorted(by_unit)  # by unit code: the same order in every language
    write_table(
        summary,
        [
            Heading(word(f"summary_col_{key}", language), 20 if key == "unit" else 14)
            for key in SUMMARY
        ],
        [
            _summary(unit_name(u), by_unit.get(u, []), by_filer.get(u, []))
            for u in sorted({*by_unit, *by_filer})
        ]
        + ([_summary(word("summary_total", language), rows, rows)] if rows else []),
    )
    headings = [
        Heading(word(f"records_col_{key}", language), width, fmt, wrap=key == "remarks")
        for key, width, fmt in COLUMNS
    ]
    for unit in units:
        sheet = book.create_sheet(sheet_title(unit_name(unit), taken))
        values = [
            record_values(i, row, unit_name, language, today, masked=masked)
            for i, row in enumerate(by_unit[unit], start=1)
        ]
        write_table(sheet, headings, values)
    return saved(book)


def record_values(
    index: int,
    row: LedgerRow,
    unit_name: UnitName,
    language: str,
    today: date,
    *,
    masked: bool = False,
) -> list[Any]:
    """Return one record's cells in the order of COLUMNS (`masked`: as export_records)."""
    r = row.record
    shown = mask_contacts if masked else str
    return [
        index,
        row.number,
        unit_name(r.department_code),
        unit_name(r.filed_by_department),
        shown(r.person_name),
        shown(r.person_post),
        state_word("finding", r.finding_type, language),
        shown(r.authority),
        shown(r.document_number or ""),
        r.arisen_on,
        r.reported_on,
        row.report_due,
        on_time_mark(row, language, today),
        r.report_days_late if r.report_days_late else None,
        state_word("severity", r.severity, language),
        row.rectify_due if r.rectification_state != RectificationState.none.value else None,
        state_word("rectification", r.rectification_state, language),
        state_word("objection", r.objection_state, language),
        state_word("repair", r.repair_state, language),
        r.publicity_from,
        r.publicity_until,
        state_word("publicity", r.publicity_state, language),
        shown(remarks(r, language)),
    ]


def on_time_mark(row: LedgerRow, language: str, today: date) -> str:
    """Return whether the record was reported on time, how late, or that it is still due."""
    r = row.record
    if r.reported_on is not None:
        late = r.report_days_late or 0
        return word("on_time_late", language, days=late) if late else word("on_time_yes", language)
    if row.report_due is not None and today > row.report_due:
        return word("on_time_overdue", language)
    due = row.report_due.isoformat() if row.report_due else "—"
    return word("on_time_pending", language, due=due)


def remarks(record: Any, language: str) -> str:
    """Return the remarks: a draft, a withdrawal, leniency with its reason, a repair."""
    found = []
    if record.state == RecordState.draft.value:
        found.append(word("remark_draft", language))
    if record.state == RecordState.withdrawn.value and record.withdrawn_on:
        found.append(word("remark_withdrawn", language, day=record.withdrawn_on.isoformat()))
    if record.leniency in (Leniency.reduced.value, Leniency.waived.value):
        reason = record.leniency_reason or ""
        found.append(word(f"remark_leniency_{record.leniency}", language, reason=reason))
    if record.repair_state == RepairState.repaired.value and record.repaired_on:
        found.append(word("remark_repaired", language, day=record.repaired_on.isoformat()))
    return "；".join(found) if language != "en" else "; ".join(found)


def _summary(label: str, named: list[LedgerRow], filed: list[LedgerRow]) -> list[Any]:
    """Return a unit's summary row: the records naming it, and the timeliness of those it
    filed (the 7 working days to report run for the filing unit, as in the assessment)."""
    records = [row.record for row in named]
    reported = [row.record for row in filed if row.record.reported_on is not None]
    return [
        label,
        len(records),
        sum(1 for r in reported if not r.report_days_late),
        sum(1 for r in reported if r.report_days_late),
        len(filed) - len(reported),
        sum(1 for r in records if r.rectification_state == RectificationState.accepted.value),
        sum(1 for r in records if r.objection_state == ObjectionState.upheld.value),
        sum(1 for r in records if r.repair_state == RepairState.repaired.value),
        sum(1 for r in records if r.publicity_state == PublicityState.published.value),
    ]


def state_word(prefix: str, value: str | None, language: str) -> str:
    """Return the ledger's word for a coded value (`rectification_accepted`: 整改完成)."""
    if not value:
        return ""
    try:
        return word(f"{prefix}_{value}", language)
    except KeyError:
        return value
