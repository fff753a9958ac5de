"""Which unit's data a caller may ask about (`department=`, the console's `unit=`): one rule.

A unit's clerk asks about the own unit only: another unit is refused with `OtherUnit` (403
`other_unit`, zh/en), never answered with an empty list, a silently dropped filter or an
empty download. The lead office's clerks read every record (backend.records), so for the
records they ask about any unit (`every_unit`). Coordinators and the evaluator ask about any
unit. Every entry point calls `refuse_other_unit` (or `visible_unit`, which adds the figures'
rule) before it reads: the API's lists, figures, assessment and exports, and the console's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from backend.actors import Actor
from backend.errors import Forbidden
from backend.storable import printable
from backend.taxonomy.checks import require_known


class OtherUnit(Forbidden):
    """A clerk asked about another unit's data than the own (403, code `other_unit`)."""

    code = "other_unit"

    def __init__(self, *, asked: str, own: str | None) -> None:
        self.params = {"asked": printable(asked), "own": own or ""}  # echoed: cut, printable
        super().__init__(self.message("en"))

    def message(self, language: str = "en", name: Callable[[str], str] | None = None) -> str:
        """Return why, for the user, in their language; `name(code)` names the units (a
        code it does not know stays as typed)."""
        from backend.messages import render

        params = self.params
        if name is not None:
            params = {key: _named(code, name(code), language) for key, code in params.items()}
        return render(self.code, language, **params)


def _named(code: str, name: str, language: str) -> str:
    """Return a unit's name with its code (the API's value), or the code alone when unknown."""
    if not code or name == code:
        return code
    return f"{name}（{code}）" if language == "zh" else f"{name} ({code})"


def refuse_other_unit(actor: Actor, asked: str | None, *, every_unit: bool = False) -> None:
    """Refuse (OtherUnit) a clerk asking about a unit (`asked`, a unit code; None or "": no
    unit) other than the own, unless the clerk reads `every_unit`'s data here."""
    if asked and actor.is_clerk and not every_unit and asked != actor.department:
        raise OtherUnit(asked=asked, own=actor.department)


def visible_unit(*, actor: Actor, department: str | None, known: Collection[str]) -> str | None:
    """Return whose figures a request reads: a clerk's the own unit's (another: OtherUnit), a
    coordinator's or the evaluator's the unit asked (an unknown one: `unknown_department`) or,
    with None, the district's (dashboard, statistics, assessment)."""
    refuse_other_unit(actor, department)
    if actor.is_clerk:
        return actor.department
    require_known("unknown_department", field="department", value=department, known=known)
    return department
