"""Command-line values checked as the API checks them: dates in range, storable text."""

from __future__ import annotations

from datetime import date

import typer

from backend.bounds import FIRST_DAY, LAST_DAY
from backend.storable import is_storable, printable


def parse_day(value: str) -> date:
    """Parse YYYY-MM-DD within the days the system counts, or refuse it with a clear message."""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"not a date: {printable(value)!r} (use YYYY-MM-DD)") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise typer.BadParameter(f"use a date from {FIRST_DAY} to {LAST_DAY}")
    return day


def storable_text(value: str | None) -> str | None:
    """Refuse a text the database cannot store (see backend.storable); None passes."""
    if value is not None and not is_storable(value):
        raise typer.BadParameter(
            "contains a character that cannot be stored (NUL or a byte that is not UTF-8)"
        )
    return value
