"""Years not published yet: the statutory holidays, lunar ones computed, flagged provisional."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backend.workdays.calendar import WorkingCalendar
from backend.workdays.estimate import estimated_days_off, statutory_days
from backend.workdays.seed import package_calendar

UNPUBLISHED_2027 = WorkingCalendar(known_years=frozenset(range(2004, 2027)))


@pytest.mark.parametrize(
    ("day", "what"),
    [
        (date(2027, 2, 8), "third day of the Spring Festival (lunar 1/3)"),
        (date(2027, 2, 5), "Spring Festival eve (除夕), a holiday since 2025"),
        (date(2027, 4, 5), "Qingming (the solar term)"),
        (date(2027, 6, 9), "Dragon Boat (lunar 5/5)"),
        (date(2027, 9, 15), "Mid-Autumn (lunar 8/15)"),
        (date(2027, 1, 1), "New Year's Day"),
        (date(2027, 10, 1), "National Day"),
    ],
)
def test_statutory_holidays_of_an_unpublished_year_are_provisional_days_off(
    day: date, what: str
) -> None:
    answer = UNPUBLISHED_2027.day(day)
    assert (answer.working, answer.provisional) == (False, True), what


def test_a_weekday_of_an_unpublished_year_works_provisionally() -> None:
    answer = UNPUBLISHED_2027.day(date(2027, 6, 8))
    assert (answer.working, answer.provisional) == (True, True)


def test_a_statutory_day_on_a_weekend_is_made_up_on_the_next_free_weekday() -> None:
    # 2027: lunar 1/1-1/2 fall on Saturday 6 and Sunday 7 Feb, lunar 1/3 on Monday 8 Feb:
    # the two weekend days are made up (补假) on Tuesday 9 and Wednesday 10 Feb.
    week = [UNPUBLISHED_2027.is_working_day(date(2027, 2, d)) for d in range(4, 12)]
    assert week == [True, False, False, False, False, False, False, True]


def test_counting_across_an_unpublished_spring_festival_skips_it() -> None:
    due = UNPUBLISHED_2027.add_working_days(date(2027, 2, 4), 1)
    assert (due.day, due.provisional) == (date(2027, 2, 11), True)


def test_a_known_year_is_answered_from_its_published_days_alone() -> None:
    published = WorkingCalendar(known_years=frozenset({2027}))
    answer = published.day(date(2027, 2, 8))
    assert (answer.working, answer.provisional) == (True, False)


def test_a_coordinators_correction_in_an_unpublished_year_is_final_for_that_day() -> None:
    calendar = WorkingCalendar({date(2027, 2, 11): False})
    assert (
        calendar.day(date(2027, 2, 11)).working,
        calendar.day(date(2027, 2, 11)).provisional,
    ) == (
        False,
        False,
    )


def test_the_estimated_holidays_were_days_off_in_every_published_year() -> None:
    published = package_calendar()
    wrong = [
        d
        for year in range(2008, 2027)
        for d in statutory_days(year)
        if published.is_working_day(d)
    ]
    assert wrong == []


def test_the_estimate_loses_as_many_working_days_as_the_published_2025_and_2026() -> None:
    published = package_calendar()
    for year in (2025, 2026):
        days = [date(year, 1, 1) + timedelta(days=n) for n in range(365)]
        lost = sum(d.weekday() < 5 and not published.is_working_day(d) for d in days)
        made_up = sum(d.weekday() >= 5 and published.is_working_day(d) for d in days)
        assert len(estimated_days_off(year)) == lost - made_up == 13


def test_beyond_the_lunar_tables_only_the_solar_date_holidays_are_estimated() -> None:
    assert [d for d in statutory_days(2101) if d.month in (1, 5, 10)] == statutory_days(2101)
