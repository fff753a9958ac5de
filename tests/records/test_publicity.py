"""公示: the periods by severity from policy.yaml, their last day, and what may be published."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from backend.deadlines.policy import load_policy
from backend.errors import ConfigError, ValidationFailed
from backend.records.models import DishonestyRecord
from backend.records.publicity import end_publicity, may_publish, period_end, publicity_months
from backend.settings import DEFAULT_POLICY

POLICY = load_policy(DEFAULT_POLICY)
NOW = datetime(2026, 11, 27, 2, tzinfo=UTC)


def published(start: date, until: date, **states: str) -> DishonestyRecord:
    return DishonestyRecord(
        case_id=1,
        person_name="李某",
        department_code="czj",
        filed_by_department="czj",
        finding_type="sanction",
        arisen_on=date(2025, 11, 20),
        severity="minor",
        summary="摘要",
        state="reported",
        publicity_state="published",
        publicity_from=start,
        publicity_until=until,
        created_at=NOW,
        updated_at=NOW,
        **states,
    )


def test_the_default_policy_has_the_programmes_clocks_and_periods() -> None:
    records = POLICY.records
    assert (records.repair_accept.days, records.repair_decide.days) == (3, 10)
    assert records.objection.unit == "working"
    ranges = {s: (r.min_months, r.max_months) for s, r in records.publicity.items()}
    assert ranges == {"minor": (0, 3), "general": (3, 12), "serious": (12, 36)}
    assert POLICY.clock_rule("repair_accept") == records.repair_accept


def test_a_period_outside_its_severitys_range_is_refused() -> None:
    assert publicity_months(policy=POLICY, severity="serious", months=None) == 12
    assert publicity_months(policy=POLICY, severity="minor", months=1) == 1
    with pytest.raises(ValidationFailed) as refused:
        publicity_months(policy=POLICY, severity="minor", months=4)
    assert refused.value.message("zh") == "该严重程度的公示期为 1 至 3 个月。"


def test_a_policy_whose_default_period_is_outside_its_range_is_refused(tmp_path: Path) -> None:
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace(
        "minor:   {min_months: 0,  max_months: 3,  default_months: 3}",
        "minor:   {min_months: 0,  max_months: 3,  default_months: 4}",
    )
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="publicity"):
        load_policy(path)


def test_a_period_in_months_ends_on_the_corresponding_day_or_the_months_last() -> None:
    assert period_end(start=date(2025, 11, 28), months=3) == date(2026, 2, 28)
    assert period_end(start=date(2026, 8, 31), months=6) == date(2027, 2, 28)
    assert period_end(start=date(2026, 11, 27), months=36) == date(2029, 11, 27)


def test_a_period_ending_on_a_make_up_saturday_shows_it_that_day_and_not_the_next() -> None:
    # 2026-02-28 is a Saturday worked in exchange (调休); natural months ignore working days.
    record = published(date(2025, 11, 28), period_end(start=date(2025, 11, 28), months=3))
    assert may_publish(record=record, today=date(2026, 2, 28)) is True
    assert end_publicity(record=record, today=date(2026, 2, 28)) is False
    assert may_publish(record=record, today=date(2026, 3, 1)) is False
    assert end_publicity(record=record, today=date(2026, 3, 1)) is True
    assert record.publicity_state == "ended"


@pytest.mark.parametrize(
    "states",
    [
        {"repair_state": "repaired"},
        {"state": "withdrawn"},
        {"leniency": "waived"},
    ],
)
def test_a_repaired_withdrawn_or_waived_record_is_not_published(
    states: dict[str, str],
) -> None:
    record = published(date(2026, 11, 1), date(2027, 2, 1))
    assert may_publish(record=record, today=date(2026, 11, 27)) is True
    for key, value in states.items():
        setattr(record, key, value)
    assert may_publish(record=record, today=date(2026, 11, 27)) is False


def test_a_record_under_objection_stays_published_while_it_is_decided() -> None:
    record = published(date(2026, 11, 1), date(2027, 2, 1))
    record.objection_state = "pending"
    assert may_publish(record=record, today=date(2026, 11, 27)) is True
