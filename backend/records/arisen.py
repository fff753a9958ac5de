"""The day a record's information arose (信息产生日期): not ahead, not beyond belief."""

from __future__ import annotations

from datetime import date

from backend.errors import ValidationFailed
from dialogs.dates import OLDEST_YEARS, earliest_day


def check_arisen_on(day: date, today: date) -> None:
    """Refuse a day after today (`record_arisen_in_future`), or so long ago that its year was
    surely mistyped (`record_arisen_too_old`: `dialogs.dates.earliest_day`, the rule every
    channel applies to when something happened)."""
    if day > today:
        raise ValidationFailed("record_arisen_in_future", field="arisen_on")
    if day < earliest_day(today):
        oldest = earliest_day(today).isoformat()
        raise ValidationFailed(
            "record_arisen_too_old", field="arisen_on", earliest=oldest, years=OLDEST_YEARS
        )
