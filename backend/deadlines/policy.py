"""The deadline policy file: clock lengths, reminders, office hours."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from backend.errors import ConfigError
from backend.request_types.catalogue import TypeName as RequestTypeName


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClockPolicy(_Entry):
    """How long one clock runs."""

    days: int = Field(ge=0, le=365)
    unit: Literal["working", "natural"] = "working"


class OfficeHours(_Entry):
    """When staff may be disturbed (working days only)."""

    start: time = time(8, 30)
    end: time = time(17, 30)

    @model_validator(mode="after")
    def _ordered(self) -> OfficeHours:
        if self.start >= self.end:
            raise ValueError("office_hours.start must be before office_hours.end")
        return self


class Reminders(_Entry):
    """When the clerks of the owning unit are reminded, and when coordinators hear of it."""

    before_due: tuple[int, ...] = (2, 1)
    on_due_day: bool = True
    overdue_notice: bool = True
    escalate_after: int = Field(default=2, ge=1, le=60)


class FollowUp(_Entry):
    """回访: how long a reporter has to rate."""

    close_unrated_after: int = Field(default=5, ge=1, le=60)


class PublicityRange(_Entry):
    """The publicity period (公示期) of one severity, in months: the allowed range and default."""

    min_months: int = Field(ge=0, le=120)
    max_months: int = Field(ge=1, le=120)
    default_months: int = Field(ge=1, le=120)

    @model_validator(mode="after")
    def _ordered(self) -> PublicityRange:
        if not self.min_months <= self.default_months <= self.max_months:
            raise ValueError("publicity: need min_months <= default_months <= max_months")
        return self


class RecordsPolicy(_Entry):
    """The clocks of the integrity programme's back office and the publicity periods."""

    objection: ClockPolicy = ClockPolicy(days=10)  # 异议: the lead office decides
    repair_accept: ClockPolicy = ClockPolicy(days=3)  # 信用修复 受理 (国办发〔2025〕22号)
    repair_decide: ClockPolicy = ClockPolicy(days=10)  # 信用修复 result (国办发〔2025〕22号)
    publicity: dict[Literal["minor", "general", "serious"], PublicityRange] = {
        "minor": PublicityRange(min_months=0, max_months=3, default_months=3),
        "general": PublicityRange(min_months=3, max_months=12, default_months=6),
        "serious": PublicityRange(min_months=12, max_months=36, default_months=12),
    }


ASSESSED_MEASURES = frozenset(
    {
        "sign_on_time",
        "resolve_on_time",
        "satisfaction",
        "report_on_time",
        "rectify_on_time",
        "objections_upheld",
    }
)


class AssessmentPolicy(_Entry):
    """考核评价: the weight of each measure in a unit's score (backend.assessment)."""

    weights: dict[str, float] = Field(
        default_factory=lambda: {
            "sign_on_time": 15.0,
            "resolve_on_time": 25.0,
            "satisfaction": 20.0,
            "report_on_time": 15.0,
            "rectify_on_time": 15.0,
            "objections_upheld": 10.0,
        }
    )

    @model_validator(mode="after")
    def _weighed(self) -> AssessmentPolicy:
        unknown = set(self.weights) - ASSESSED_MEASURES
        if unknown:
            raise ValueError(f"assessment.weights: unknown measure {', '.join(sorted(unknown))}")
        if any(weight < 0 for weight in self.weights.values()):
            raise ValueError("assessment.weights: a weight may not be negative")
        if not any(self.weights.values()):
            raise ValueError("assessment.weights: at least one weight must be above 0")
        return self


class HandOff(_Entry):
    """The clocks of the hand-offs: triage dispatches; a unit returns (退单) early, or never."""

    dispatch_days: int = Field(default=0, ge=0, le=30)
    dispatch_reminder: time = time(15, 0)
    return_days: int = Field(default=1, ge=0, le=30)
    return_days_complex: int = Field(default=2, ge=0, le=30)
    final_after_dispatches: int = Field(default=3, ge=1, le=20)


class Urgent(_Entry):
    """Immediate danger to life, health or property: told at once, day or night."""

    sign_minutes: int = Field(default=30, ge=1, le=24 * 60)
    on_duty: tuple[str, ...] = ()  # used while the roster (值班表) has nobody for the day
    # A duty day starts at this Tianjin hour and ends at the same hour of the next date: the
    # night belongs to the day it starts (backend/duty/roster.py).
    duty_day_starts: time = time(8, 30)
    # Words of danger by the emergency number the reporter is told to call ("other": none).
    danger: dict[Literal["110", "119", "120", "other"], tuple[str, ...]] = Field(
        default_factory=dict
    )


class Policy(_Entry):
    """The whole policy."""

    version: Literal[1] = 1
    office_hours: OfficeHours = OfficeHours()
    clocks: dict[Literal["sign", "resolve", "report", "follow_up", "rectify"], ClockPolicy]
    reminders: Reminders = Reminders()
    follow_up: FollowUp = FollowUp()
    digest_time: time = time(8, 45)
    calendar_alarm_months: tuple[int, ...] = (11, 12)
    extension_max_days: int = Field(default=10, ge=1, le=365)
    extension_max_count: int = Field(default=2, ge=1, le=20)
    handoff: HandOff = HandOff()
    urgent: Urgent = Urgent()
    records: RecordsPolicy = RecordsPolicy()
    assessment: AssessmentPolicy = AssessmentPolicy()
    # Issue 12: the resolve clock's length by request type (诉求类型); a type not named here
    # runs the `resolve` clock's length. A suggestion is acknowledged: its resolve clock is
    # the time to answer that it was received and passed on (the reply is the acknowledgement).
    request_types: dict[RequestTypeName, ClockPolicy] = {}
    # 督办: how long a supervision order gives the unit when the coordinator names no days.
    supervision: ClockPolicy = ClockPolicy(days=5)

    def clock_rule(self, kind: str) -> ClockPolicy:
        """Return the length of a clock: `clocks`, a record's own (`records`), or 督办's."""
        if kind in self.clocks:
            return self.clocks[kind]
        if kind == "supervise":
            return self.supervision
        rule = getattr(self.records, kind, None)
        if not isinstance(rule, ClockPolicy):
            raise KeyError(kind)
        return rule

    @model_validator(mode="after")
    def _every_clock(self) -> Policy:
        missing = {"sign", "resolve", "report", "follow_up", "rectify"} - set(self.clocks)
        if missing:
            raise ValueError(f"clocks: missing {', '.join(sorted(missing))}")
        return self


def resolve_rule(policy: Policy, request_type: str | None) -> ClockPolicy:
    """Return how long a case of this request type has to be resolved (办结)."""
    by_type = {str(k): v for k, v in policy.request_types.items()}
    return by_type.get(request_type or "", policy.clocks["resolve"])


def load_policy(path: Path) -> Policy:
    """Read the policy file; raise ConfigError naming the file and the problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ConfigError(f"{path}: bad YAML: {where}{getattr(exc, 'problem', exc)}") from None
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or "policy"
        raise ConfigError(f"{path}: {field}: {error['msg']}") from None
