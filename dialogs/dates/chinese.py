"""Readers of dates written in Chinese or in digits: 2026年11月3日, 前天, 上周三, 2024年底."""

from __future__ import annotations

import re
from datetime import date

from dialogs.dates import spans
from dialogs.dates.spans import DaySpan

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERAL = re.compile("[〇零一二两三四五六七八九十]+")
# Words around a date that change nothing: 大概, 上周三下午, 3月初左右, 上个月某天.
_AROUND = re.compile(
    r"^(?:大概是?|大约是?|应该是|可能是|约|是|在)|"
    r"(?:某1?天|某日)?(?:早上|早晨|上午|中午|下午|晚上|夜里|夜间|半夜|凌晨|傍晚|白天)?"
    r"(?:左右|前后|时候|那天|那会儿?|吧)?[。.!！]*$"
)
# Days in digits: 2026-11-03, 2026/11/3, 2026.11.03, 2026年11月3日, 20261103; 2026-11.
_YMD = re.compile(r"^(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2}) ?[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_DAYS_AGO = {"今天": 0, "今日": 0, "今早": 0, "今晨": 0, "今晚": 0, "刚才": 0, "刚刚": 0}
_DAYS_AGO |= {"昨天": 1, "昨日": 1, "昨晚": 1, "昨夜": 1, "前天": 2, "前日": 2, "大前天": 3}
_DAYS_AGO |= {"明天": -1, "明日": -1, "后天": -2}  # ahead: read, so the answer says so
_WEEK = re.compile(r"^(上上|上|本|这|下)?个?(?:周|星期|礼拜)([1-7日天]|末)?$")
_WEEKS_BACK = {"上上": 2, "上": 1, "本": 0, "这": 0, "下": -1}
_AGO = re.compile(r"^(\d{1,3})(天|日|个?星期|个?礼拜|周|个月|年)以?前$")
_CALENDAR = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})年|(?P<rel_year>今年|本年|去年|前年|大前年|明年))?"
    r"(?:(?P<year_part>年?(?:初|中|底|末)|上半年|下半年)"
    r"|(?:(?P<month>\d{1,2})月份?|(?P<rel_month>本月|这个?月|当月|上上个?月|上个?月|下个?月))"
    r"(?:(?P<day>\d{1,2})[日号]?|月?(?P<month_part>初|上旬|中旬|中|下旬|底|末))?"
    r"|(?P<day_only>\d{1,2})[日号])?$"
)
_YEARS_BACK = {"今年": 0, "本年": 0, "去年": 1, "前年": 2, "大前年": 3, "明年": -1}
_MONTHS_BACK = {"本月": 0, "这个月": 0, "这月": 0, "当月": 0, "上个月": 1, "上月": 1}
_MONTHS_BACK |= {"上上个月": 2, "上上月": 2, "下个月": -1, "下月": -1}


def fold(text: str) -> str:
    """Return Chinese text without spaces, 的 and words that change nothing, numerals in digits."""
    text = _CN_NUMERAL.sub(_number, text.replace(" ", "").replace("的", ""))
    return _AROUND.sub("", text)


def digits(text: str, today: date) -> DaySpan | None:
    """Read a day or a month in digits (2026-11-03, 2026年11月3日, 20261103, 2026-11)."""
    for pattern in (_YMD, _COMPACT):
        match = pattern.match(text)
        if match:
            return spans.day(*(int(part) for part in match.groups()))
    match = _YEAR_MONTH.match(text)
    return spans.month(int(match.group(1)), int(match.group(2))) if match else None


def words(text: str, today: date) -> DaySpan | None:
    """Read 今天, 昨天, 前天, 大前天 (and 明天, 后天, which lie ahead)."""
    return spans.days_ago(today, _DAYS_AGO[text]) if text in _DAYS_AGO else None


def weeks(text: str, today: date) -> DaySpan | None:
    """Read 上周, 上周三, 这个星期一, 上上周, 上周末, 周三, 星期天, 周末."""
    match = _WEEK.match(text)
    if match is None:
        return None
    which, day = match.groups()
    weekday = None if day is None else 0 if day == "末" else 7 if day in "日天" else int(day)
    if which is None:
        if weekday is None:
            return None
        if weekday == 0:
            return spans.latest_weekend(today)
        return spans.latest_weekday(today, weekday, before=False)
    return spans.week(today, _WEEKS_BACK[which], weekday)


def ago(text: str, today: date) -> DaySpan | None:
    """Read 3天前, 两周前 (the week it fell in), 1个月前 (that month), 2年前 (that year)."""
    match = _AGO.match(text)
    if match is None:
        return None
    count, unit = int(match.group(1)), match.group(2)
    if unit in ("天", "日"):
        return spans.days_ago(today, count)
    if unit == "个月":
        return spans.month(*spans.months_back(today, count))
    if unit == "年":
        return spans.year(today.year - count)
    return spans.week(today, count)


def calendar_words(text: str, today: date) -> DaySpan | None:
    """Read a year, month or day in words: 2024年底, 今年年初, 上个月中旬, 3月初, 15号."""
    match = _CALENDAR.match(text)
    if match is None or not any(match.groupdict().values()):
        return None
    g = match.groupdict()
    year: int | None = None
    if g["year"]:
        year = int(g["year"]) + (2000 if len(g["year"]) == 2 else 0)
    elif g["rel_year"]:
        year = today.year - _YEARS_BACK[g["rel_year"]]
    on, part = g["day"], g["month_part"]
    if g["rel_month"]:
        if year is not None:
            return None  # 去年上个月: no such time
        year, month = spans.months_back(today, _MONTHS_BACK[g["rel_month"]])
        return spans.within_month(year, month, on, part)
    if g["day_only"]:
        number = int(g["day_only"])
        found = spans.latest(today, lambda y, m: spans.day(y, m, number), by_month=True)
        return found if year is None else None
    if g["month"]:
        month = int(g["month"])
        if year is None:
            return spans.latest(today, lambda y, _m: spans.within_month(y, month, on, part))
        return spans.within_month(year, month, on, part)
    year_part = (g["year_part"] or "").lstrip("年")
    if year is None:
        return spans.latest(today, lambda y, _m: spans.year(y, year_part)) if year_part else None
    return spans.year(year, year_part)


def _number(match: re.Match[str]) -> str:
    """Return a run of Chinese numerals in digits: 三 3, 十一 11, 二十 20, 二〇二四 2024."""
    run = match.group(0)
    if "十" not in run:
        return "".join(str(_CN_DIGITS[c]) for c in run)
    tens, _, ones = run.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return run
    return str(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0))
