"""The statutory holidays of a year whose calendar is not published yet: an estimate.

The State Council's rules (全国年节及纪念日放假办法) fix which days are holidays; its yearly
notice only arranges them (调休). Until that notice is entered, a year's days off are
estimated from the rule in force:

- 2008-2013: New Year (1 Jan), Spring Festival eve (除夕) and lunar 1/1-1/2, Qingming
  (the solar term 清明), Labour Day (1 May), Dragon Boat (lunar 5/5), Mid-Autumn
  (lunar 8/15), National Day (1-3 Oct);
- 2014-2024: as above, but the Spring Festival is lunar 1/1-1/3 (no eve);
- from 2025 (the 2024 amendment): Spring Festival eve and lunar 1/1-1/3, Labour Day 1-2 May.

A statutory day that falls on a Saturday or Sunday, or on another statutory day, is made up
on the first weekday after it that is not already off (补假, article 3 of the rules), so the
number of working days lost is the year's real one. The make-up working weekends (调休上班)
and the bridging days of the notice are not guessed. Lunar dates and solar terms come from
`borax` (years 1900-2100); beyond that only the solar-date holidays are estimated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib.metadata import version

from borax.calendars.lunardate import LunarDate, TermUtils

# Bump when the rule below changes: open provisional due dates are then recomputed at start-up.
RULES = "statutory-2025.1"


@dataclass(frozen=True)
class HolidayRule:
    """Which days the rules in force in a year make holidays."""

    since: int
    spring_festival_eve: bool
    spring_festival_days: int  # lunar 1/1 onwards
    labour_days: int


HOLIDAY_RULES = (
    HolidayRule(since=2025, spring_festival_eve=True, spring_festival_days=3, labour_days=2),
    HolidayRule(since=2014, spring_festival_eve=False, spring_festival_days=3, labour_days=1),
    HolidayRule(since=0, spring_festival_eve=True, spring_festival_days=2, labour_days=1),
)


def estimate_label() -> str:
    """Return what the estimate depends on (rules and library), to notice when it changes."""
    return f"{RULES}/borax-{version('borax')}"


def rule_of(year: int) -> HolidayRule:
    """Return the holiday rule in force in a year."""
    return next(rule for rule in HOLIDAY_RULES if year >= rule.since)


def statutory_days(year: int) -> list[date]:
    """Return the statutory holidays of a year in date order, a day twice when two coincide."""
    rule = rule_of(year)
    days = [date(year, 1, 1)]
    days += [date(year, 5, d) for d in range(1, rule.labour_days + 1)]
    days += [date(year, 10, d) for d in (1, 2, 3)]
    try:
        new_year = LunarDate(year, 1, 1).to_solar_date()
        days += [new_year + timedelta(days=n) for n in range(rule.spring_festival_days)]
        if rule.spring_festival_eve:
            days.append(new_year - timedelta(days=1))
        days.append(TermUtils.nth_term_day(year, term_name="清明"))
        days.append(LunarDate(year, 5, 5).to_solar_date())
        days.append(LunarDate(year, 8, 15).to_solar_date())
    except ValueError:
        pass  # beyond the lunar tables (after 2100): the solar-date holidays only
    return sorted(d for d in days if d.year == year)


@lru_cache(maxsize=64)
def estimated_days_off(year: int) -> frozenset[date]:
    """Return the weekdays of a year estimated to be off: statutory days and their 补假."""
    statutory = statutory_days(year)
    off = {d for d in statutory if d.weekday() < 5}
    seen: set[date] = set()
    for day in statutory:
        owed = day.weekday() >= 5 or day in seen
        seen.add(day)
        if not owed:
            continue
        makeup = day + timedelta(days=1)
        while makeup.weekday() >= 5 or makeup in off:
            makeup += timedelta(days=1)
        off.add(makeup)
    return frozenset(off)
