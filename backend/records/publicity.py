"""公示: a record's publicity period by severity, and whether it may be published now."""

from __future__ import annotations

import calendar
from datetime import date

from backend.deadlines.policy import Policy
from backend.errors import ValidationFailed
from backend.records.models import (
    DishonestyRecord,
    Leniency,
    PublicityState,
    RecordState,
    RepairState,
)


def publicity_months(*, policy: Policy, severity: str, months: int | None = None) -> int:
    """Return the publicity period in months: the severity's default, or `months` in its range."""
    rule = policy.records.publicity[severity]  # type: ignore[index]
    if months is None:
        return rule.default_months
    if not max(rule.min_months, 1) <= months <= rule.max_months:
        raise ValidationFailed(
            "publicity_months_out_of_range",
            field="months",
            min=max(rule.min_months, 1),
            max=rule.max_months,
        )
    return months


def period_end(*, start: date, months: int) -> date:
    """Return the last day of a period of `months` after `start` (民法典 art. 201-203).

    The start day does not count; a period in months ends on the day of the last month
    that corresponds to the start day (the month's last day when it has no such day).
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def may_publish(*, record: DishonestyRecord, today: date) -> bool:
    """Return whether a record may be on the public page today.

    Reported and published, within its period (to its last day included), not repaired, not
    withdrawn, and its measures not waived (自我纠错). A record under objection stays, marked
    as such (信用信息异议处理期间予以标注): anyone can object from a chat, so an objection
    alone must not take a record off the page; an upheld one corrects or withdraws it.
    """
    return (
        record.state == RecordState.reported
        and record.publicity_state == PublicityState.published
        and record.publicity_from is not None
        and record.publicity_until is not None
        and record.publicity_from <= today <= record.publicity_until
        and record.repair_state != RepairState.repaired
        and record.leniency != Leniency.waived
    )


def end_publicity(*, record: DishonestyRecord, today: date) -> bool:
    """Mark a published record's period ended once past its last day; return whether it did.

    For the scheduler's take-down job (rec-public): the record leaves the page the day after
    `publicity_until`.
    """
    if record.publicity_state != PublicityState.published or record.publicity_until is None:
        return False
    if today <= record.publicity_until:
        return False
    record.publicity_state = PublicityState.ended.value
    return True


def rerun(*, record: DishonestyRecord, policy: Policy) -> None:
    """A published record whose severity changed runs for the new severity's default period."""
    if record.publicity_state != PublicityState.published or record.publicity_from is None:
        return
    assert record.severity is not None
    months = publicity_months(policy=policy, severity=record.severity)
    record.publicity_months = months
    record.publicity_until = period_end(start=record.publicity_from, months=months)
