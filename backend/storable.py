"""Text the database can store: PostgreSQL refuses NUL (U+0000) and lone surrogates.

The one rule for every entry point: the API's bodies and parameters use `StorableStr`, the
conversation service checks each chat event with `is_storable` before the dialog sees it.
SQLite would keep a NUL, but a complaint must not depend on the database it lands in.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

# NUL, and the surrogate halves that JSON's "\ud800" escapes can produce without their pair.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# What the OpenAPI document can say: JSON Schema regexes have no way to name a lone surrogate
# (and well-formed JSON text carries none), so the pattern names the NUL.
STORABLE_PATTERN = r"^[^\x00]*$"
UNSTORABLE_CODE = "unstorable_text"


def is_storable(text: str) -> bool:
    """Return whether the database can store the text (no NUL, no lone surrogate)."""
    return _UNSTORABLE.search(text) is None


def printable(text: str, limit: int = 40) -> str:
    """Return the text cut to `limit` characters with what cannot be stored or sent replaced."""
    return _UNSTORABLE.sub("\ufffd", text[:limit])


def _require_storable(value: str) -> str:
    if not is_storable(value):
        raise PydanticCustomError(
            UNSTORABLE_CODE, "contains a character that cannot be stored (NUL or a lone surrogate)"
        )
    return value


# A text field or parameter of the API; add lengths with Field/Query as usual.
StorableStr = Annotated[
    str,
    AfterValidator(_require_storable),
    Field(json_schema_extra={"pattern": STORABLE_PATTERN}),
]


def _blank_as_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


# On an optional filter of a list, a figure or an export: empty (or white space) is no filter,
# as a form's "all" choice sends it (`?department=`); it was "没有这个单位：。" on some routes.
BLANK_IS_NONE = BeforeValidator(_blank_as_none)


_REQUIRE_STORABLE = AfterValidator(_require_storable)
_STORABLE_SCHEMA = Field(json_schema_extra={"pattern": STORABLE_PATTERN})
_UnitCode = Annotated[str, StringConstraints(max_length=32), _REQUIRE_STORABLE, _STORABLE_SCHEMA]
_CategoryId = Annotated[str, StringConstraints(max_length=40), _REQUIRE_STORABLE, _STORABLE_SCHEMA]
_ChannelName = Annotated[
    str, StringConstraints(max_length=16), _REQUIRE_STORABLE, _STORABLE_SCHEMA
]
# Optional text filters by what they name (a unit's code, a category's, a channel's).
UnitFilter = Annotated[_UnitCode | None, BLANK_IS_NONE]
CategoryFilter = Annotated[_CategoryId | None, BLANK_IS_NONE]
ChannelFilter = Annotated[_ChannelName | None, BLANK_IS_NONE]
