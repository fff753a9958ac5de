"""Addresses of list views: the current filters with one or two changed, for plain links.

Sorting, paging and switching queues are links (the console works without JavaScript), so
each keeps the view's other parameters; changing the sort or the queue starts at page one.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode


def view_link(path: str, current: Mapping[str, str], **changes: str | None) -> str:
    """Return `path` with the current parameters, `changes` applied (None or "" drops one).

    The cursor is dropped unless it is among the changes: another sort or queue is a new list.
    """
    params = {name: value for name, value in current.items() if value and name != "cursor"}
    for name, value in changes.items():
        if value:
            params[name] = value
        else:
            params.pop(name, None)
    return f"{path}?{urlencode(params)}" if params else path
