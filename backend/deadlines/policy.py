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


class Policy(_Entry):
    """The whole policy."""

    version: Literal[1] = 1
    office_hours: OfficeHours = OfficeHours()
    clocks: dict[Literal["sign", "resolve", "report", "follow_up", "rectify"], ClockPolicy]
    reminders: Reminders = Reminders()
    follow_up: FollowUp = FollowUp()
    digest_time: time = time(8, 45)
    calendar_alarm_months: tuple[int, ...] = (11, 12)
    extension_max_days: int = Field(default=30, ge=1, le=365)
    # Issue 12: the resolve clock's length by request type (诉求类型); a type not named here
    # runs the `resolve` clock's length. A suggestion is acknowledged: its resolve clock is
    # the time to answer that it was received and passed on (the reply is the acknowledgement).
    request_types: dict[RequestTypeName, ClockPolicy] = {}
    # 督办: how long a supervision order gives the unit when the coordinator names no days.
    supervision: ClockPolicy = ClockPolicy(days=5)

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
