"""Copies of plain data (the JSON values a dialog state holds)."""

from __future__ import annotations

from typing import Any


def plain_copy(value: Any) -> Any:
    """Return a deep copy of plain data (dicts, lists and tuples of JSON values).

    What `copy.deepcopy` does for the state, a few times faster: the state is JSON data, so
    it holds no shared or cyclic objects to keep track of (a turn copies it several times).
    """
    if isinstance(value, dict):
        return {key: plain_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_copy(item) for item in value]
    if isinstance(value, tuple):
        return tuple(plain_copy(item) for item in value)
    return value


def as_is(value: Any) -> Any:
    """Return the value itself (where a copy is not needed)."""
    return value
