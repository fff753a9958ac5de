"""Strict types for the API's dates, row ids and cursors: refused with 422 before any query.

Each type says in the OpenAPI document exactly what it accepts, so a value the document
allows is a value the handlers can compute with (no date arithmetic past year 9999, no id
past what an INTEGER column holds).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from backend.bounds import FIRST_DAY, LAST_DAY, MAX_ROW_ID
from backend.cases.queries import CURSOR_PATTERN

# FIRST_DAY to LAST_DAY, as a regex can say it (format "date" rules out the 31st of June).
DAY_PATTERN = r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _day(value: Any) -> date:
    """Read YYYY-MM-DD only (not 0, 2.4e-80 or 20240101) and keep it within the counted days."""
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("bad_date", "not a date (YYYY-MM-DD)") from None
    else:
        raise PydanticCustomError("bad_date", "not a date (YYYY-MM-DD)")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PydanticCustomError(
            "date_out_of_range",
            "outside the counted days",
            {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()},
        )
    return day


Day = Annotated[
    date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DAY_PATTERN}),
]
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]


def _cursor(value: Any) -> str:
    if not isinstance(value, str) or not re.match(CURSOR_PATTERN, value):
        raise PydanticCustomError("bad_cursor", "not a cursor of this list")
    return value


# The `next_cursor` of a page, handed back as it came.
Cursor = Annotated[
    str,
    BeforeValidator(_cursor),
    WithJsonSchema({"type": "string", "pattern": CURSOR_PATTERN}),
]


def json_integer(value: Any) -> Any:
    """Take what JSON Schema calls an integer (3, 3.0), not a text ("3") or a boolean.

    Use as `Annotated[int, Field(ge=..., le=...), BeforeValidator(json_integer)]`: with the
    bounds before it, the document shows them as minimum and maximum.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise PydanticCustomError("int_from_float", "Input should be a whole number")
        return int(value)
    return value
