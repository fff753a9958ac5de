"""Turn the dashboard's figures into what its template shows: cells, tables and charts.

Words only; every number and link comes from `backend.stats.dashboard`. A rate whose
denominator is 0 is "no data", never 0 %.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from backend.console.charts import ChartSpec, Point, Series, chart_svg
from backend.stats.dashboard import DashboardView
from backend.stats.schemas import Measure, Measures

FIGURES = ("received", "sign_on_time", "resolve_on_time", "overdue_now", "satisfaction")
RATES = ("sign_on_time", "resolve_on_time", "satisfaction")
# The charts' ids, kinds and numbers of series: their stylesheet is built from these.
SHAPES = (
    ("trend_received", "bar", 1),
    ("trend_rates", "line", 3),
    ("categories", "hbar", 1),
    ("channels", "hbar", 1),
)
MAX_GROUPS = 12  # categories or channels drawn; the table lists them all

Text = Callable[..., str]


@dataclass(frozen=True)
class Cell:
    """One figure as a table cell: numerator and denominator, their links, the rate."""

    numerator: int
    denominator: int | None
    numerator_link: str
    denominator_link: str | None
    rate: str | None  # "87.5 %"; None when nothing is in the denominator (no data)


@dataclass(frozen=True)
class Chart:
    """A chart and the table of its figures (readable without the chart)."""

    name: str
    title: str
    svg: Markup


def cell(measure: Measure | None) -> Cell | None:
    """Return a figure's cell (None where the figure does not apply, e.g. a week's overdue)."""
    if measure is None:
        return None
    rate = f"{measure.rate * 100:.1f} %" if measure.rate is not None else None
    return Cell(
        numerator=measure.numerator,
        denominator=measure.denominator,
        numerator_link=measure.cases.numerator,
        denominator_link=measure.cases.denominator,
        rate=rate,
    )


def cells(measures: Measures) -> dict[str, Cell | None]:
    """Return the cells of every figure of a unit, bucket or group."""
    return {name: cell(getattr(measures, name)) for name in FIGURES}


def charts(view: DashboardView, t: Text) -> list[Chart]:
    """Return the dashboard's charts: the trend (counts, rates), categories, channels."""
    weeks = [bucket.label for bucket in view.trend]
    per = view.grouping.value  # week or month
    received = Series(
        t("dashboard.received"),
        [_count(b.measures.received) for b in view.trend],
    )
    rates = [
        Series(t(f"dashboard.{name}"), [_rate(getattr(b.measures, name), t) for b in view.trend])
        for name in RATES
    ]
    specs = [
        ChartSpec(
            "trend_received",
            "bar",
            t(f"dashboard.chart_trend_received_{per}"),
            weeks,
            [received],
            no_data=t("dashboard.no_data"),
        ),
        ChartSpec(
            "trend_rates",
            "line",
            t(f"dashboard.chart_trend_rates_{per}"),
            weeks,
            rates,
            percent=True,
            no_data=t("dashboard.no_data"),
        ),
    ]
    for name, rows in (("categories", view.categories), ("channels", view.channels)):
        shown = rows[:MAX_GROUPS]
        specs.append(
            ChartSpec(
                name,
                "hbar",
                t(f"dashboard.chart_{name}"),
                [row.label for row in shown],
                [Series(t("dashboard.received"), [_count(r.measures.received) for r in shown])],
                no_data=t("dashboard.no_data"),
            )
        )
    return [Chart(spec.name, spec.title, chart_svg(spec)) for spec in specs]


def style_specs() -> list[ChartSpec]:
    """Return empty charts of each shape, to draw the charts' stylesheet from."""
    return [
        ChartSpec(name, kind, "", [], [Series(str(i), []) for i in range(count)])
        for name, kind, count in SHAPES
    ]


def export_link(view: DashboardView, base: str) -> str:
    """Return the address of the spreadsheet of exactly the cases the "received" figure counts.

    The figure's own case-list query (`measure=received`, its period and unit) at the export's
    address: cases filed in the period but never routed (waiting in triage) are not in it.
    """
    query = urlsplit(view.figures.measures.received.cases.numerator).query
    return f"{base}?{query}"


def _count(measure: Measure | None) -> Point:
    if measure is None:
        return Point(None, "")
    return Point(measure.numerator, "", measure.cases.numerator)


def _rate(measure: Measure | None, t: Text) -> Point:
    if measure is None or measure.rate is None:
        return Point(None, t("dashboard.no_data"))
    words = t("dashboard.of", numerator=measure.numerator, denominator=measure.denominator)
    return Point(round(measure.rate * 100, 1), words, measure.cases.numerator)
