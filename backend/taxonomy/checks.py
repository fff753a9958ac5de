"""The one check that a filter's value names something that exists (a unit, category, channel).

Stats, the ledgers' exports and the case list (API and export) refuse an unknown value alike:
ValidationFailed (422) with `unknown_department`, `unknown_category` or `unknown_channel`,
worded in the caller's language by backend.messages (tester report, bad-input item 1).
"""

from __future__ import annotations

from collections.abc import Collection

from backend.cases.models import CASE_CHANNELS
from backend.errors import ValidationFailed
from backend.taxonomy.models import Taxonomy


def require_known(code: str, *, field: str, value: str | None, known: Collection[str]) -> None:
    """Refuse `value` (ValidationFailed `code`) unless it is None or one of `known`."""
    if value is not None and value not in known:
        raise ValidationFailed(code, field=field, value=value)


def check_list_values(
    taxonomy: Taxonomy,
    *,
    department: str | None,
    category: str | None,
    channel: str | None,
) -> None:
    """Refuse a case list's department, category or channel that does not exist."""
    require_known(
        "unknown_department", field="department", value=department, known=taxonomy.unit_codes
    )
    categories = {c.id for c in taxonomy.categories}
    require_known("unknown_category", field="category", value=category, known=categories)
    require_known("unknown_channel", field="channel", value=channel, known=CASE_CHANNELS)
