"""Joint handling (主办/协办), supervision orders (督办) and request types on the workflow.

A case's department is its lead unit (主办): only its clerks sign for, handle and resolve
it. A coordinator may add assisting units (协办): their clerks see the case, add notes and
report what they did (`assist_report`), and take no other action. A coordinator may issue a
supervision order (督办: a note and a deadline, tracked by the `supervise` clock) and change
the request type (诉求类型), whose limit sets the resolve clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import object_session
from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.models import Case, CaseAssist, CaseKind
from backend.errors import ActionForbidden, DomainError, InvalidTransition, ValidationFailed
from backend.exports.labels import unit_params
from backend.request_types.catalogue import REQUEST_TYPES
from backend.request_types.texts import TYPE_NAMES_ZH
from backend.taxonomy.models import Taxonomy

if TYPE_CHECKING:
    from backend.cases.workflow import Command

JOINT_ACTION_NAMES = ("set_request_type", "supervise", "assist", "assist_report")


def assisting_units(*, session: Session, case: Case) -> list[str]:
    """Return the codes of a case's assisting units (协办), in the order they were added."""
    statement = (
        select(CaseAssist.department_code)
        .where(CaseAssist.case_id == case.id)
        .order_by(col(CaseAssist.id))
    )
    return list(session.exec(statement).all())


def is_assisting(case: Case, department: str | None) -> bool:
    """Return whether a unit assists (协办) on a case (asked in the case's own session)."""
    session = object_session(case)
    if department is None or case.id is None or session is None:
        return False
    found = session.execute(
        select(CaseAssist.id).where(
            CaseAssist.case_id == case.id, CaseAssist.department_code == department
        )
    ).first()
    return found is not None


def cases_assisted_by(department: str | None):  # type: ignore[no-untyped-def]
    """Return the ids of the cases a unit assists on (a subquery for the clerks' lists)."""
    return select(CaseAssist.case_id).where(CaseAssist.department_code == department)


def add_assisting_unit(*, session: Session, case: Case, department: str, at: datetime) -> None:
    """Record a unit as assisting on a case (checked by joint_changes before)."""
    assert case.id is not None
    session.add(CaseAssist(case_id=case.id, department_code=department, created_at=at))
    session.flush()


class JointForbidden(ActionForbidden):
    """A clerk's unit has no part in this action on a case (403): it assists (协办) and the
    action is the lead unit's (主办), or it leads and an assist report is not its way to report.

    `code` names the message (backend.request_types.texts); the units are named as the other
    joint refusals name them, the action by its button's label, in the reader's language.
    """

    def __init__(self, code: str, *, action: str, units: dict[str, str]) -> None:
        super().__init__(role="clerk", action=action, subject="case")
        self.code, self.units = code, units
        self.args = (self.message("en"),)  # the logs' words

    def message(self, language: str = "en") -> str:
        """Return why, for the user, in their language."""
        from backend.messages import render

        return render(self.code, language, action=self.action_label(language), **self.units)


def joint_refusal(case: Case, action: str, actor: Actor, taxonomy: Taxonomy) -> DomainError | None:
    """Return why the lead/assisting split stands against a clerk's action, or None."""
    if action == "set_request_type" and case.kind != CaseKind.complaint:
        return InvalidTransition("a dishonesty record has no request type")
    if not actor.is_clerk:
        return None
    lead = case.department_code == actor.department
    if lead and action == "assist_report":
        code = "lead_unit_reports_by_resolving"
    elif not lead and action != "assist_report":
        code = "lead_units_action"
    else:
        return None
    own, led = (
        unit_params(taxonomy, unit or "") for unit in (actor.department, case.department_code)
    )
    units = {
        "own": own["value"],
        "own_zh": own["unit_zh"],
        "own_en": own["unit_en"],
        "lead": led["value"],
        "lead_zh": led["unit_zh"],
        "lead_en": led["unit_en"],
    }
    return JointForbidden(code, action=action, units=units)


def joint_changes(
    case: Case, action: str, command: Command, taxonomy: Taxonomy
) -> dict[str, object]:
    """Check a joint action's parameters; return the case columns it changes."""
    if action == "set_request_type":
        chosen = command.request_type
        if not chosen:
            raise ValidationFailed("request_type_required", field="request_type")
        if chosen not in REQUEST_TYPES:
            raise ValidationFailed("unknown_request_type", field="request_type", value=chosen)
        if chosen == case.request_type:
            named = {"value": chosen, "type_zh": TYPE_NAMES_ZH[chosen], "type_en": chosen}
            raise ValidationFailed("request_type_unchanged", field="request_type", **named)
        return {"request_type": chosen}
    if action == "assist":
        unit = command.department
        if not unit:
            raise ValidationFailed("assist_department_required", field="department")
        if unit not in taxonomy.unit_codes:
            raise ValidationFailed("unknown_department", field="department", value=unit)
        named = unit_params(taxonomy, unit)
        if unit == case.department_code:
            raise ValidationFailed("assist_is_lead", field="department", **named)
        if is_assisting(case, unit):
            raise ValidationFailed("already_assisting", field="department", **named)
    return {}


def joint_details(action: str, command: Command, changes: dict[str, object]) -> dict[str, object]:
    """Return what a joint action's event records besides its reason and days."""
    if action == "set_request_type":
        return {"request_type": changes["request_type"]}
    if action == "assist" and command.department:
        return {"department": command.department}
    return {}
