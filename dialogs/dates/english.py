"""Readers of dates written in English: 3 Nov, yesterday, last week, end of 2024, mid-March."""

from __future__ import annotations

import re
from datetime import date

from dialogs.dates import spans
from dialogs.dates.spans import DaySpan

_MONTHS = "january february march april may june july august september october november december"
_MONTH_NAMES = _MONTHS.split()
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AROUND = re.compile(r"^(?:around|about|approximately|roughly|on|in|at|since) |[.!]+$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,?(?: (\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?$")
_DAYS_AGO = {"today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0}
_DAYS_AGO |= {"tonight": 0, "yesterday": 1, "last night": 1, "the day before yesterday": 2}
_DAYS_AGO |= {"tomorrow": -1}  # ahead: read, so the answer says so
_BACK = {"this": 0, "next": -1}  # weeks, months or years back; 1 for last, past, previous
_WEEK = re.compile(r"^(last|this|past|previous|next) (week|weekend)$")
_WEEKDAY = re.compile(r"^(?:(last|this|next) )?([a-z]{3,9})$")
_AGO = re.compile(r"^(\d{1,3}|a|an|one|two|three|four|five|six) (day|week|month|year)s? ago$")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_PARTS = {"early": "初", "beginning of": "初", "start of": "初", "mid": "中"}
_PARTS |= {"middle of": "中", "late": "底", "end of": "底"}
_PERIOD = re.compile(
    r"^(?:(?:the )?(early|beginning of|start of|mid|middle of|late|end of) )?"
    r"(?:(\d{4})|(last|this|past|previous|next) (month|year)|([a-z]{3,9})\.?,?(?: (\d{4}))?)$"
)


def fold(text: str) -> str:
    """Return English text without words that change nothing (around, in, ...)."""
    return _AROUND.sub("", text.replace("mid-", "mid ")).strip()


def days(text: str, today: date) -> DaySpan | None:
    """Read a day named with its month: 3 Nov, 3rd November 2026, Nov 3, 2025."""
    match = _DAY_MONTH.match(text)
    if match:
        return _month_day(match.group(2), int(match.group(1)), match.group(3), today)
    match = _MONTH_DAY.match(text)
    if match:
        return _month_day(match.group(1), int(match.group(2)), match.group(3), today)
    return None


def words(text: str, today: date) -> DaySpan | None:
    """Read today, yesterday, last night, the day before yesterday (and tomorrow, ahead)."""
    return spans.days_ago(today, _DAYS_AGO[text]) if text in _DAYS_AGO else None


def weeks(text: str, today: date) -> DaySpan | None:
    """Read last week, this week, last weekend, monday, last friday, next monday."""
    match = _WEEK.match(text)
    if match:
        weekday = 0 if match.group(2) == "weekend" else None
        return spans.week(today, _BACK.get(match.group(1), 1), weekday)
    match = _WEEKDAY.match(text)
    if match is None:
        return None
    which, name = match.groups()
    weekday = next((i for i, day in enumerate(_WEEKDAYS, 1) if day.startswith(name)), None)
    if weekday is None:
        return None
    if which == "next":
        return spans.week(today, -1, weekday)
    return spans.latest_weekday(today, weekday, before=which == "last")


def ago(text: str, today: date) -> DaySpan | None:
    """Read 3 days ago, a week ago (the week it fell in), two months ago, a year ago."""
    match = _AGO.match(text)
    if match is None:
        return None
    count = int(match.group(1)) if match.group(1).isdigit() else _COUNTS[match.group(1)]
    unit = match.group(2)
    if unit == "day":
        return spans.days_ago(today, count)
    if unit == "month":
        return spans.month(*spans.months_back(today, count))
    if unit == "year":
        return spans.year(today.year - count)
    return spans.week(today, count)


def periods(text: str, today: date) -> DaySpan | None:
    """Read a year or month, or a part of one: 2024, end of 2024, last month, mid-March."""
    match = _PERIOD.match(text)
    if match is None:
        return None
    said, year, which, unit, month_name, month_year = match.groups()
    part = _PARTS.get(said or "")
    if year:
        return spans.year(int(year), part or "")
    if unit == "year":
        return spans.year(today.year - _BACK.get(which, 1), part or "")
    if unit == "month":
        year_number, month_number = spans.months_back(today, _BACK.get(which, 1))
        return spans.within_month(year_number, month_number, None, part)
    month = _month_number(month_name)
    if month is None:
        return None
    if month_year:
        return spans.within_month(int(month_year), month, None, part)
    return spans.latest(today, lambda y, _m: spans.within_month(y, month, None, part))


def _month_day(name: str, day: int, year: str | None, today: date) -> DaySpan | None:
    month = _month_number(name)
    if month is None:
        return None
    if year is not None:
        return spans.day(int(year), month, day)
    return spans.latest(today, lambda y, _m: spans.day(y, month, day))


def _month_number(name: str) -> int | None:
    """Return 1-12 for a month's name or its first three letters or more (sept), else None."""
    if len(name) < 3:
        return None
    return next((i for i, full in enumerate(_MONTH_NAMES, 1) if full.startswith(name)), None)
