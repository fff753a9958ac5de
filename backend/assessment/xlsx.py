"""The assessment as XLSX for the third-party evaluator (第三方评估).

Sheet 1: one row per unit in rank order: rank, unit, score, then each measure's counted, due
and rate ("no data" where nothing was due). Sheet 2: the period, the weights and the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl import Workbook

from backend.assessment.measures import Assessed
from backend.assessment.service import Assessment, UnitAssessment
from backend.exports.ledger_texts import word
from backend.exports.sheets import PERCENT_FORMAT, Heading, saved, write_table


def export_assessment(
    found: Assessment, *, unit_name: Callable[[str], str], language: str
) -> bytes:
    """Return the assessment's XLSX file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = word("assessment_sheet", language)
    headings = [
        Heading(word("assessment_col_rank", language), 7),
        Heading(word("assessment_col_unit", language), 22),
        Heading(word("assessment_col_score", language), 10, "0.00"),
    ]
    for name in Assessed:
        measure = word(f"measure_{name.value}", language)
        headings += [
            Heading(word("assessment_numerator", language, measure=measure), 14),
            Heading(word("assessment_denominator", language, measure=measure), 14),
            Heading(word("assessment_rate", language, measure=measure), 14, PERCENT_FORMAT),
        ]
    write_table(sheet, headings, [_row(u, unit_name, language) for u in found.units])
    about = book.create_sheet(word("assessment_about_sheet", language))
    period = f"{found.window.start.isoformat()} — {found.window.end.isoformat()}"
    rows: list[list[Any]] = [[word("assessment_period", language), period]]
    rows += [
        [word(f"measure_{name.value}", language), weight] for name, weight in found.weights.items()
    ]
    rows.append([word("assessment_rule", language), ""])
    write_table(
        about,
        [
            Heading(word("assessment_measure", language), 28, wrap=True),
            Heading(word("assessment_weight", language), 26),
        ],
        rows,
    )
    return saved(book)


def _row(unit: UnitAssessment, unit_name: Callable[[str], str], language: str) -> list[Any]:
    no_data = word("assessment_no_data", language)
    values: list[Any] = [
        unit.rank if unit.rank is not None else no_data,
        unit_name(unit.department),
        round(unit.score, 2) if unit.score is not None else no_data,
    ]
    for name in Assessed:
        ratio = unit.measures[name]
        rate = ratio.rate
        values += [ratio.numerator, ratio.denominator, rate if rate is not None else no_data]
    return values
