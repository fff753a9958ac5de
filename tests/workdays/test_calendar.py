"""Counting Chinese working days, with the worked examples of DOMAIN.md."""

from __future__ import annotations

from datetime import date

import pytest

from backend.workdays.calendar import DueDate, WorkingCalendar
from backend.workdays.seed import package_calendar


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return package_calendar()


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2025, 9, 26), 7, date(2025, 10, 13)),  # across National Day, make-up Saturday
        (date(2026, 2, 13), 7, date(2026, 3, 2)),  # across the Spring Festival week
        (date(2025, 1, 24), 7, date(2025, 2, 10)),
        (date(2026, 9, 30), 7, date(2026, 10, 15)),
        (date(2026, 4, 30), 1, date(2026, 5, 6)),  # across Labour Day
        (date(2026, 11, 27), 0, date(2026, 11, 27)),
    ],
)
def test_working_days_after_a_date_match_the_worked_examples(
    calendar: WorkingCalendar, start: date, count: int, expected: date
) -> None:
    due = calendar.add_working_days(start, count)
    assert (due.day, due.provisional) == (expected, False)


def test_make_up_saturdays_are_working_days(calendar: WorkingCalendar) -> None:
    assert [calendar.is_working_day(date(2026, 2, d)) for d in (14, 15, 28)] == [True, False, True]


def test_spring_festival_week_is_not_worked(calendar: WorkingCalendar) -> None:
    week = [date(2026, 2, d) for d in range(16, 21)]
    assert [calendar.is_working_day(d) for d in week] == [False] * 5


def test_a_deadline_that_crosses_into_an_unknown_year_is_provisional(
    calendar: WorkingCalendar,
) -> None:
    due = calendar.add_working_days(date(2026, 12, 28), 7)
    # 2026-12-29..31 work (3), 2027-01-01 is New Year (fixed), then Jan 4..7 (4 more)
    assert (due.day, due.provisional) == (date(2027, 1, 7), True)


def test_within_a_known_year_nothing_is_provisional(calendar: WorkingCalendar) -> None:
    assert calendar.day(date(2026, 6, 1)).provisional is False


def test_an_unknown_year_keeps_weekends_off_provisionally() -> None:
    empty = WorkingCalendar()
    answers = [empty.day(date(2031, 10, d)) for d in (1, 4, 8)]  # Wed holiday, Sat, Wed
    assert [(a.working, a.provisional) for a in answers] == [
        (False, True),
        (False, True),
        (True, True),
    ]


def test_an_override_beats_the_package(calendar: WorkingCalendar) -> None:
    closed = WorkingCalendar(
        {**calendar.exceptions, date(2026, 6, 1): False}, calendar.known_years
    )
    assert closed.add_working_days(date(2026, 5, 29), 1).day == date(2026, 6, 2)


def test_working_days_between_counts_after_the_first_day(calendar: WorkingCalendar) -> None:
    assert calendar.working_days_between(date(2026, 2, 13), date(2026, 3, 2)) == 7


def test_negative_counts_are_refused(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2026, 1, 1), -1)


def test_zero_working_days_after_a_day_of_an_unknown_year_is_that_day_provisionally(
    calendar: WorkingCalendar,
) -> None:
    # A clock due the day it starts (triage's dispatch: 0 working days) names a day whose
    # being a working day is only estimated beyond the known years.
    assert calendar.add_working_days(date(2027, 2, 23), 0) == DueDate(date(2027, 2, 23), True)
    assert calendar.add_working_days(date(2026, 11, 27), 0) == DueDate(date(2026, 11, 27), False)
