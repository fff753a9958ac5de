"""公示: a record's publicity period by severity, and whether it may be published now."""

from __future__ import annotations

from datetime import date

from backend.deadlines.policy import Policy
from backend.records.models import DishonestyRecord


def publicity_months(*, policy: Policy, severity: str, months: int | None = None) -> int:
    """Return the publicity period in months: the severity's default, or `months` in its range."""
    raise NotImplementedError


def may_publish(*, record: DishonestyRecord, today: date) -> bool:
    """Return whether a record may be on the public page today.

    Reported, published and within its period, not under objection, not repaired, not
    withdrawn.
    """
    raise NotImplementedError
