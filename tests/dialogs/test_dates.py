"""Dates as people say them, read against a fixed today: days, and the spans they remember."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.dates import DaySpan, parse_date, read_days

TODAY = date(2026, 11, 27)  # a Friday


def days(first: str, last: str | None = None) -> DaySpan:
    return DaySpan(date.fromisoformat(first), date.fromisoformat(last or first))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2024年底", days("2024-12-01", "2024-12-31")),  # the words of the issue
        ("2024 年底", days("2024-12-01", "2024-12-31")),
        ("二〇二四年年底", days("2024-12-01", "2024-12-31")),
        ("24年底", days("2024-12-01", "2024-12-31")),
        ("去年底", days("2025-12-01", "2025-12-31")),
        ("年底", days("2025-12-01", "2025-12-31")),  # this year's has not begun
        ("今年年初", days("2026-01-01", "2026-01-31")),
        ("2025年年中", days("2025-06-01", "2025-07-31")),
        ("去年下半年", days("2025-07-01", "2025-12-31")),
        ("去年", days("2025-01-01", "2025-12-31")),
        ("2024年3月", days("2024-03-01", "2024-03-31")),
        ("2024-03", days("2024-03-01", "2024-03-31")),
        ("上个月", days("2026-10-01", "2026-10-31")),
        ("上个月中旬", days("2026-10-11", "2026-10-20")),
        ("上个月初", days("2026-10-01", "2026-10-10")),
        ("上月底", days("2026-10-21", "2026-10-31")),
        ("上上个月", days("2026-09-01", "2026-09-30")),
        ("本月初", days("2026-11-01", "2026-11-10")),
        ("3月初", days("2026-03-01", "2026-03-10")),
        ("三月中旬", days("2026-03-11", "2026-03-20")),
        ("十二月底", days("2025-12-21", "2025-12-31")),  # this year's has not begun
        ("上周", days("2026-11-16", "2026-11-22")),
        ("上个星期", days("2026-11-16", "2026-11-22")),
        ("上周末", days("2026-11-21", "2026-11-22")),
        ("两周前", days("2026-11-09", "2026-11-15")),
        ("一个月前", days("2026-10-01", "2026-10-31")),
        ("上个月某天", days("2026-10-01", "2026-10-31")),
        ("last week", days("2026-11-16", "2026-11-22")),
        ("last month", days("2026-10-01", "2026-10-31")),
        ("end of 2024", days("2024-12-01", "2024-12-31")),
        ("the beginning of 2025", days("2025-01-01", "2025-01-31")),
        ("mid-March", days("2026-03-11", "2026-03-20")),
        ("late last month", days("2026-10-21", "2026-10-31")),
        ("in March 2024", days("2024-03-01", "2024-03-31")),
        ("a week ago", days("2026-11-16", "2026-11-22")),
    ],
)
def test_a_vague_time_is_read_as_the_span_it_names(typed: str, expected: DaySpan) -> None:
    assert read_days(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("前天", "2026-11-25"),
        ("大前天", "2026-11-24"),
        ("昨天晚上", "2026-11-26"),
        ("今天下午", "2026-11-27"),
        ("三天前", "2026-11-24"),
        ("上周三", "2026-11-18"),
        ("上个礼拜天", "2026-11-22"),
        ("这周一", "2026-11-23"),
        ("周三", "2026-11-25"),
        ("星期五", "2026-11-27"),
        ("上个月15号", "2026-10-15"),
        ("3号", "2026-11-03"),
        ("31号", "2026-10-31"),  # November has no 31st
        ("去年3月5日", "2025-03-05"),
        ("大概上周三下午", "2026-11-18"),
        ("yesterday", "2026-11-26"),
        ("the day before yesterday", "2026-11-25"),
        ("2 days ago", "2026-11-25"),
        ("last Friday", "2026-11-20"),
        ("Monday", "2026-11-23"),
    ],
)
def test_a_relative_day_is_read_against_today(typed: str, expected: str) -> None:
    assert read_days(typed, TODAY) == days(expected)
    assert parse_date(typed, TODAY) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    "typed", ["明天", "后天", "下周", "下周三", "下个月", "明年", "next week"]
)
def test_a_time_ahead_is_read_so_that_it_can_be_refused_as_future(typed: str) -> None:
    span = read_days(typed, TODAY)
    assert span is not None and span.first > TODAY


@pytest.mark.parametrize("typed", ["前几天", "最近", "记不清了", "15", "some day", "去年上个月"])
def test_what_names_no_day_or_span_is_not_read(typed: str) -> None:
    assert read_days(typed, TODAY) is None


def test_a_span_that_has_begun_is_cut_at_today() -> None:
    this_month = read_days("这个月", TODAY)
    assert this_month is not None
    assert this_month.until(TODAY) == days("2026-11-01", "2026-11-27")
