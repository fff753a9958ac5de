"""The measure endpoints' answers: figures with numerator, denominator, rate and case links."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from backend.periods import Grouping

MEASURES_VERSION = 2  # 2: received counts cases; rates are null with nothing due


class MeasureCases(BaseModel):
    """Where to list the cases behind a figure (`GET /api/v1/cases?measure=...`)."""

    numerator: str = Field(description="The case list of exactly the cases in the numerator.")
    denominator: str | None = Field(
        default=None, description="The case list of the cases in the denominator (if any)."
    )


class Measure(BaseModel):
    """One figure: how many, out of how many, the rate, and the cases behind it."""

    numerator: int = Field(description="What was counted (see `counts`).")
    denominator: int | None = Field(
        default=None, description="Out of how many; null for a plain count such as received."
    )
    rate: float | None = Field(
        default=None,
        description="numerator / denominator rounded to 4 places; null when the denominator "
        "is 0 (no data), never 0.0 for nothing due.",
    )
    counts: Literal["cases", "clocks"] = Field(
        description="cases: each case once; clocks: each sign or resolve clock (a case sent "
        "back to the unit has one per routing), and the links list their cases once each."
    )
    cases: MeasureCases


class Measures(BaseModel):
    """The dashboard's figures (三率 and counts) of one unit, the district, a bucket or a group."""

    received: Measure = Field(description="Complaints that arrived at the unit (派单/改派).")
    sign_on_time: Measure = Field(description="签收及时率: sign clocks met on time / fell due.")
    resolve_on_time: Measure = Field(
        description="按期办结率: resolve clocks met on time / fell due."
    )
    overdue_now: Measure | None = Field(
        default=None,
        description="Cases overdue now / cases being handled now (not in a trend's buckets).",
    )
    satisfaction: Measure = Field(
        description="满意率: satisfied + basically satisfied / rated, by the rating's date."
    )


class UnitStats(BaseModel):
    """The measures of one unit (or of the district, department null) over a period.

    The flat fields are those of version 1, kept for existing callers; `measures` has the
    same figures with their denominators and case links.
    """

    department: str | None
    received: int = 0
    signed_on_time: int = 0
    signed_late: int = Field(default=0, description="Sign clocks that fell due unmet on time.")
    resolved_on_time: int = 0
    resolved_late: int = 0
    overdue_now: int = Field(default=0, description="Cases with a handling clock past due now.")
    rated: int = 0
    satisfied: int = 0
    sign_on_time_rate: float | None = None  # 签收及时率
    resolve_on_time_rate: float | None = None  # 按期办结率
    satisfaction_rate: float | None = None  # 满意率
    measures: Measures


class _Answer(BaseModel):
    version: int = Field(default=MEASURES_VERSION, description="Version of the definitions.")
    timezone: str = Field(description="Periods, days, weeks and months are dates in this zone.")
    start: date
    end: date


class StatsPublic(_Answer):
    """Measures per unit over a period, and the district's (coordinators only)."""

    data: list[UnitStats]
    district: UnitStats | None = Field(
        default=None,
        description="The district as a whole: a case counts once however many "
        "units it reached. Null for a clerk.",
    )


class TrendBucket(BaseModel):
    """The figures of one Tianjin day, ISO week or month, clipped to the period."""

    label: str = Field(description="2026-11-30, 2026-W49 or 2026-11")
    start: date
    end: date
    measures: Measures


class TrendPublic(_Answer):
    """The figures of a unit (or the district) bucket by bucket over a period."""

    by: Grouping
    department: str | None
    buckets: list[TrendBucket]


class BreakdownRow(BaseModel):
    """The figures of one category or channel."""

    key: str | None
    label: str
    measures: Measures


class BreakdownPublic(_Answer):
    """The figures of a unit (or the district) per category or per channel."""

    by: Literal["category", "channel"]
    department: str | None
    rows: list[BreakdownRow]


class MeasureDefinition(BaseModel):
    """What one figure counts, in the caller's language."""

    name: str
    title: str
    numerator: str
    denominator: str | None
    cases: str = Field(description="Which cases are in it.")
    counts: Literal["cases", "clocks"]


class MeasureDefinitions(BaseModel):
    """The definitions of every figure."""

    version: int = MEASURES_VERSION
    measures: list[MeasureDefinition]
