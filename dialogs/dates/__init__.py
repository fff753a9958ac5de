"""Dates as people type them: a day (2026-11-03, 前天, 上周三) or a span they remember
vaguely (上个月中旬, 2024年底, last week), read against today.

The rules, one for each kind of words:

- a part of a month: 月初/上旬/early the 1st-10th, 中旬/月中/mid the 11th-20th, 月底/月末/
  下旬/late/end the 21st to the last day;
- a part of a year: 年初/early/beginning January, 年中/mid June-July, 年底/年末/late/end
  December, 上半年 January-June, 下半年 July-December;
- a week runs Monday to Sunday (上周 is the one before this one; 周末 is its Saturday and
  Sunday); N周前 / N weeks ago is the week that day fell in; a month, a year: all of it;
- without a year (3月初, 12月25日, 年底) the latest such day or span that has begun by
  today; a day of the month alone (15号) the latest 15th; a weekday alone (周三, monday) the
  latest such day up to today, "last monday" the latest before today;
- Chinese numerals count like digits (三月初, 上周三, 两天前, 二〇二四年底), and words that
  change nothing are left out (大概, 左右, 下午, 某天; around, in).

A span that has begun is cut at today by the caller; one that begins after today (明天, 下个
月, next week) is in the future, which the caller refuses, as it refuses a future day.
"""

from __future__ import annotations

import re
from datetime import date

from dialogs.dates import chinese, english
from dialogs.dates.spans import EARLIEST_YEAR, DaySpan
from dialogs.parsing import normalise

__all__ = ["OLDEST_YEARS", "DaySpan", "earliest_day", "parse_date", "read_days"]

# A day given for when something happened or arose this many years back or more is taken for a
# mistyped year (1900 for 2019): every channel refuses it and names the earliest day.
OLDEST_YEARS = 20


def earliest_day(today: date) -> date:
    """Return the earliest day a reporter or clerk may give for when something happened:
    `OLDEST_YEARS` years before `today` (29 February: the 28th)."""
    year = today.year - OLDEST_YEARS
    return today.replace(year=year, day=min(today.day, 28) if today.month == 2 else today.day)


_READERS = (
    chinese.digits,
    english.days,
    chinese.words,
    english.words,
    chinese.weeks,
    english.weeks,
    chinese.ago,
    english.ago,
    chinese.calendar_words,
    english.periods,
)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def read_days(raw: str, today: date) -> DaySpan | None:
    """Return the day or span a person typed, as the module's rules read it, or None.

    The span is not cut at today: a caller finds a future date by its `first` day.
    """
    text = " ".join(normalise(raw).lower().split())
    text = chinese.fold(text) if _HAN.search(text) else english.fold(text)
    if not text:
        return None
    for reader in _READERS:
        span = reader(text, today)
        if span is not None:
            return span if span.first.year >= EARLIEST_YEAR else None
    return None


def parse_date(raw: str, today: date) -> date | None:
    """Return the single day a person typed (2026-11-03, 11月3日, 3 Nov, 前天), or None.

    None as well for a span (上个月): see `read_days`.
    """
    span = read_days(raw, today)
    return span.first if span is not None and span.exact else None
