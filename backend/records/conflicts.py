"""A record's conflicts (409), worded as the record's (记录), not as a case's (案件).

The API answers them with the codes of their kinds (`stale_version`, `invalid_transition`)
and the record's own message (`record_stale_version`, `record_invalid_transition` in
backend.records.messages); the console's records page has its own texts for them.
"""

from __future__ import annotations

from backend.errors import InvalidTransition, StaleVersion


class RecordChanged(StaleVersion):
    """The record changed since the caller read it (its version moved on)."""

    words = "record_stale_version"


class RecordNotNow(InvalidTransition):
    """The record's states do not allow the action now."""

    words = "record_invalid_transition"
