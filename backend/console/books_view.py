"""What the ledger and assessment pages show: table rows and charts, in the reader's words.

Every value comes from the services the API and the spreadsheets use (backend.exports,
backend.assessment); a rate with nothing due is "no data", never 0 %.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from backend.assessment.measures import LOWER_IS_BETTER, Assessed, Ratio
from backend.assessment.service import Assessment
from backend.console.charts import ChartSpec, Point, Series, chart_svg
from backend.contacts import mask_contacts
from backend.exports.record_rows import LedgerRow
from backend.exports.records_xlsx import on_time_mark, state_word

PREVIEW_ROWS = 200  # records listed on the ledger page; the spreadsheet holds them all
SHAPES = (("assessment_scores", "hbar", 1), ("assessment_rates", "bar", 1))
Text = Callable[..., str]


@dataclass(frozen=True)
class RecordLine:
    """One record as the ledger page lists it."""

    index: int
    number: str
    unit: str
    person: str
    finding: str
    document: str
    arisen_on: date
    reported_on: date | None
    on_time: str
    late: bool
    severity: str
    rectification: str
    objection: str
    repair: str
    publicity: str


def record_lines(
    rows: list[LedgerRow],
    unit_name: Callable[[str], str],
    language: str,
    today: date,
    *,
    masked: bool = False,
) -> list[RecordLine]:
    """Return the first PREVIEW_ROWS records as lines of the ledger page.

    `masked`: contact details in the person, post and document number masked
    (`backend.contacts`), as the evaluator reads them in records.xlsx and the records list.
    """
    shown = mask_contacts if masked else str
    found = []
    for index, row in enumerate(rows[:PREVIEW_ROWS], start=1):
        r = row.record
        rectification = state_word("rectification", r.rectification_state, language)
        if row.rectify_due is not None and r.rectification_state != "none":
            rectification = f"{rectification} ({row.rectify_due.isoformat()})"
        publicity = state_word("publicity", r.publicity_state, language)
        if r.publicity_from and r.publicity_until:
            publicity += f" {r.publicity_from.isoformat()}–{r.publicity_until.isoformat()}"
        found.append(
            RecordLine(
                index=index,
                number=row.number,
                unit=unit_name(r.department_code),
                person=" · ".join(shown(p) for p in (r.person_name, r.person_post) if p),
                finding=state_word("finding", r.finding_type, language),
                document=shown(r.document_number or ""),
                arisen_on=r.arisen_on,
                reported_on=r.reported_on,
                on_time=on_time_mark(row, language, today),
                late=bool(r.report_days_late)
                or (r.reported_on is None and bool(row.report_due and today > row.report_due)),
                severity=state_word("severity", r.severity, language),
                rectification=rectification,
                objection=state_word("objection", r.objection_state, language),
                repair=state_word("repair", r.repair_state, language),
                publicity=publicity,
            )
        )
    return found


@dataclass(frozen=True)
class RatioCell:
    """A measure of a unit as a cell: counted of due, and the rate or "no data"."""

    numerator: int
    denominator: int
    rate: str | None


def ratio_cell(ratio: Ratio) -> RatioCell:
    """Return a measure's cell (rate None: nothing was due)."""
    rate = f"{ratio.rate * 100:.1f} %" if ratio.rate is not None else None
    return RatioCell(ratio.numerator, ratio.denominator, rate)


def district_ratios(found: Assessment) -> dict[Assessed, Ratio]:
    """Return each measure summed over every unit (the district's rate)."""
    return {
        name: Ratio(
            sum(u.measures[name].numerator for u in found.units),
            sum(u.measures[name].denominator for u in found.units),
        )
        for name in Assessed
    }


def assessment_charts(
    found: Assessment, unit_name: Callable[[str], str], t: Text
) -> dict[str, Markup]:
    """Return the charts: the ranked units' scores, and the district's rate of each measure."""
    # pygal draws a horizontal chart's first bar at the bottom: the best unit goes last.
    ranked = [u for u in found.units if u.score is not None][::-1]
    scores = ChartSpec(
        "assessment_scores",
        "hbar",
        t("assessment.chart_scores"),
        [unit_name(u.department) for u in ranked],
        [
            Series(
                t("assessment.col_score"),
                [Point(round(u.score or 0, 1), f"#{u.rank}") for u in ranked],
            )
        ],
        percent=True,
        no_data=t("assessment.no_data"),
    )
    district = district_ratios(found)
    rates = ChartSpec(
        "assessment_rates",
        "bar",
        t("assessment.chart_rates"),
        [t(f"assessment.measure.{name.value}") for name in Assessed],
        [
            Series(
                t("assessment.district"),
                [_rate_point(district[name], t) for name in Assessed],
            )
        ],
        percent=True,
        no_data=t("assessment.no_data"),
    )
    return {spec.name: chart_svg(spec) for spec in (scores, rates)}


def style_specs() -> list[ChartSpec]:
    """Return empty charts of each shape, to draw the charts' stylesheet from."""
    return [
        ChartSpec(name, kind, "", [], [Series(str(i), []) for i in range(count)])
        for name, kind, count in SHAPES
    ]


def lower_is_better(name: Assessed) -> bool:
    """Return whether fewer is better for a measure (its score counts 1 − rate)."""
    return name in LOWER_IS_BETTER


def _rate_point(ratio: Ratio, t: Text) -> Point:
    if ratio.rate is None:
        return Point(None, t("assessment.no_data"))
    words = t("assessment.of", numerator=ratio.numerator, denominator=ratio.denominator)
    return Point(round(ratio.rate * 100, 1), words)
