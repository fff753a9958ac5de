"""Bounds of the values the system stores and counts with, checked where input arrives."""

from __future__ import annotations

from datetime import date

MAX_ROW_ID = 2**31 - 1  # ids and versions are INTEGER columns on PostgreSQL
# Days the system counts with: far enough around today for any case, and far from the
# limits of Python's dates, so a period of the calendar's longest span never overflows.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
