"""Periods and buckets are Tianjin dates, turned into UTC ranges on stored timestamps."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from backend.periods import Grouping, bucket_of, buckets, day_bounds, local_day, period

TIANJIN = ZoneInfo("Asia/Shanghai")


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_0710_tianjin_on_1_december_is_a_december_day_although_utc_says_november() -> None:
    moment = utc(2026, 11, 30, 23, 10)  # 07:10 on 1 December in Tianjin
    assert local_day(moment, TIANJIN) == date(2026, 12, 1)
    assert bucket_of(moment, Grouping.month, TIANJIN) == date(2026, 12, 1)


def test_a_period_of_local_dates_is_a_half_open_utc_range() -> None:
    december = period(date(2026, 12, 1), date(2026, 12, 31), TIANJIN)
    assert (december.since, december.until) == (utc(2026, 11, 30, 16), utc(2026, 12, 31, 16))
    assert december.contains(utc(2026, 11, 30, 23, 10))
    assert not december.contains(utc(2026, 12, 31, 16))


def test_a_day_runs_from_local_midnight_to_the_next() -> None:
    assert day_bounds(date(2026, 12, 1), TIANJIN) == (utc(2026, 11, 30, 16), utc(2026, 12, 1, 16))


def test_a_week_that_straddles_two_months_is_one_bucket() -> None:
    autumn = period(date(2026, 11, 1), date(2026, 12, 31), TIANJIN)
    weeks = buckets(autumn, Grouping.week, TIANJIN)
    straddling = [w for w in weeks if w.label == "2026-W49"]
    assert [(w.start, w.end) for w in straddling] == [(date(2026, 11, 30), date(2026, 12, 6))]
    assert weeks[0].start == date(2026, 11, 1) and weeks[0].label == "2026-W44"  # clipped
    assert weeks[-1].end == date(2026, 12, 31) and weeks[-1].label == "2026-W53"
    assert bucket_of(utc(2026, 11, 29, 23), Grouping.week, TIANJIN) == date(2026, 11, 30)
    assert bucket_of(utc(2026, 11, 29, 15, 59), Grouping.week, TIANJIN) == date(2026, 11, 23)


def test_buckets_cover_the_period_without_gaps() -> None:
    autumn = period(date(2026, 11, 15), date(2027, 1, 10), TIANJIN)
    for grouping in Grouping:
        found = buckets(autumn, grouping, TIANJIN)
        assert found[0].since == autumn.since and found[-1].until == autumn.until
        assert all(a.until == b.since for a, b in zip(found, found[1:], strict=False))
    months = buckets(autumn, Grouping.month, TIANJIN)
    assert [m.label for m in months] == ["2026-11", "2026-12", "2027-01"]
    assert len(buckets(autumn, Grouping.day, TIANJIN)) == 57
