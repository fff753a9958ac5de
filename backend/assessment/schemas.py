"""The assessment as the API answers it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class RatioPublic(BaseModel):
    """One measure of one unit: counted over due; `rate` null when nothing was due (no data)."""

    numerator: int
    denominator: int
    rate: float | None


class UnitAssessmentPublic(BaseModel):
    """One unit: its rank (null: no data), weighted score (0-100) and each measure."""

    department: str
    rank: int | None
    score: float | None
    measures: dict[str, RatioPublic]


class AssessmentPublic(BaseModel):
    """考核评价 of a Tianjin period: the units in rank order (unranked ones last)."""

    timezone: str
    start: date
    end: date
    weights: dict[str, float] = Field(description="policy.yaml's assessment.weights")
    lower_is_better: list[str] = Field(description="Measures whose score counts 1 - rate")
    data: list[UnitAssessmentPublic]
