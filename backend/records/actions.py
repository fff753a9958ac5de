"""The steps of a record after filing: rectification, objection, credit repair, leniency.

`refusal` is the one rule behind `act` and `allowed_actions` (as in the case workflow): the
record must be visible, the actor's side allowed, the version current and the record's
states ones the action starts from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, col, update

from backend.actors import Actor
from backend.cases.events import record_event
from backend.cases.idempotency import replayed, stamp
from backend.cases.text import visible_text
from backend.errors import (
    ActionForbidden,
    DomainError,
    NotFound,
)
from backend.records import handoffs, step_parts, steps
from backend.records.commands import KEY_REUSED, RecordAction, RecordCommand, request_of
from backend.records.conflicts import RecordChanged, RecordNotNow
from backend.records.env import RecordEnv
from backend.records.models import (
    DishonestyRecord,
    Leniency,
    ObjectionState,
    PublicityState,
    RecordState,
    RectificationState,
    RepairState,
)
from backend.records.service import RecordView, can_see, is_lead_office

A = RecordAction
RS = RectificationState


@dataclass(frozen=True)
class Side:
    """Who may take an action: the lead office, the filing unit, the named unit, the named."""

    lead_office: bool = False
    filing_unit: bool = False
    named_unit: bool = False
    named: bool = False  # the person or unit named, or a representative (chat dialogs)


LEAD = Side(lead_office=True)
NAMED = Side(lead_office=True, filing_unit=True, named_unit=True, named=True)
SIDES: dict[RecordAction, Side] = {
    A.report: Side(lead_office=True, filing_unit=True),
    A.order_rectification: LEAD,
    A.submit_rectification: Side(named_unit=True),
    A.accept_rectification: LEAD,
    A.return_rectification: LEAD,
    A.object: NAMED,
    A.decide_objection: LEAD,
    A.apply_repair: NAMED,
    A.accept_repair: LEAD,
    A.refuse_repair: LEAD,
    A.decide_repair: LEAD,
    A.leniency: LEAD,
    A.publish: LEAD,
}


def may_take(actor: Actor, record: DishonestyRecord, action: RecordAction, lead: str) -> bool:
    """Return whether the actor is on a side that may take the action on the record."""
    side = SIDES[action]
    if actor.kind in ("reporter", "system"):
        return side.named
    if side.lead_office and is_lead_office(actor, lead):
        return True
    if not actor.is_clerk:
        return False
    return (side.filing_unit and actor.department == record.filed_by_department) or (
        side.named_unit and actor.department == record.department_code
    )


def state_refusal(record: DishonestyRecord, action: RecordAction) -> str | None:
    """Return why the record's states do not allow the action now; None when they do."""
    r = record
    if r.state == RecordState.withdrawn:
        return "the record was withdrawn"
    if action is A.report:
        return None if r.state == RecordState.draft else "the record was reported already"
    if r.state == RecordState.draft:
        return "the record is a draft: it must be reported first"
    needs: dict[RecordAction, tuple[str, tuple[str, ...]]] = {
        A.order_rectification: ("rectification", (RS.none, RS.accepted)),
        A.submit_rectification: ("rectification", (RS.ordered, RS.sent_back)),
        A.accept_rectification: ("rectification", (RS.submitted,)),
        A.return_rectification: ("rectification", (RS.submitted,)),
        A.decide_objection: ("objection", (ObjectionState.pending,)),
        A.accept_repair: ("repair", (RepairState.applied,)),
        A.refuse_repair: ("repair", (RepairState.applied,)),
        A.decide_repair: ("repair", (RepairState.accepted,)),
    }
    if action is A.order_rectification and r.repair_state == RepairState.repaired:
        return "the record was repaired"
    if action in needs:
        what, allowed = needs[action]
        current = getattr(r, f"{what}_state")
        if current not in allowed:
            return f"the record's {what} is {current}"
        return None
    if r.repair_state == RepairState.repaired:
        return "the record was repaired"
    if action is A.object and r.objection_state == ObjectionState.pending:
        return "an objection is already waiting for a decision"
    if action is A.apply_repair:
        if r.rectification_state != RS.accepted:
            return "credit repair needs the rectification accepted first"
        if r.repair_state in (RepairState.applied, RepairState.accepted):
            return "a repair application is already being handled"
    if action is A.publish:
        if r.publicity_state == PublicityState.published:
            return "the record is published already"
        if r.objection_state == ObjectionState.pending:
            return "the record is under objection"
        if r.leniency == Leniency.waived:  # 自我纠错: publicity is one of the measures waived
            return "the record's measures were waived"
        # A record without a severity (migrated, 0022) is classified by `publish` itself.
    return None


def refusal(
    *,
    view: RecordView,
    action: RecordAction,
    actor: Actor,
    env: RecordEnv,
    version: int | None = None,
) -> DomainError | None:
    """Return why the actor may not take the action on the record now; None when it may."""
    record = view.record
    if not (
        actor.kind in ("reporter", "system")
        or can_see(actor=actor, record=record, lead_office=env.lead_office)
    ):
        return NotFound(view.case.number)
    if not may_take(actor, record, action, env.lead_office):
        return ActionForbidden(
            role=actor.role or actor.kind, action=action.value, subject="record"
        )
    if version is not None and version != record.version:
        return RecordChanged(
            f"record {view.case.number} is at version {record.version}, not {version}"
        )
    why = state_refusal(record, action)
    return RecordNotNow(f"cannot {action.value}: {why}") if why else None


def allowed_actions(*, view: RecordView, actor: Actor, env: RecordEnv) -> list[RecordAction]:
    """Return the actions the actor may take on the record now."""
    return [a for a in RecordAction if refusal(view=view, action=a, actor=actor, env=env) is None]


def act(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> RecordView:
    """Apply one action to a record: check side, state and version, change it, log the event.

    Raises NotFound, Forbidden, StaleVersion, InvalidTransition (409) and ValidationFailed
    (a missing reason, explanation, outcome, ...), like the case actions. With an
    `idempotency_key` the same request sent again changes nothing and answers the record as
    it is (`replayed`); another request with that key is `record_idempotency_key_reused`.
    """
    request = request_of(command, record=view.case.number)
    if command.idempotency_key is not None:
        key, now = command.idempotency_key, env.clocks.now()
        if replayed(session=session, key=key, request=request, now=now, reused=KEY_REUSED):
            return RecordView(case=view.case, record=view.record, replayed=True)
    step_parts.check_bounds(command)
    step_parts.check_words(command)
    refused = refusal(
        view=view, action=command.action, actor=actor, env=env, version=command.version
    )
    if refused is not None:
        raise refused
    record, now = view.record, env.clocks.now()
    result = session.execute(
        update(DishonestyRecord)
        .where(
            col(DishonestyRecord.case_id) == record.case_id,
            col(DishonestyRecord.version) == command.version,
        )
        .values(version=command.version + 1, updated_at=now)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise RecordChanged(f"record {view.case.number} was changed by someone else")
    session.refresh(record)
    before = _states(record)
    step: Callable[..., dict[str, object] | None] = steps.STEPS[command.action]
    details = step(session=session, view=view, command=command, actor=actor, env=env)
    changes = {k: v for k, v in _states(record).items() if v != before[k]}
    session.add(record)
    handoffs.tell_step(session, view.case, record, env, command.action)
    record_event(
        session=session,
        case=view.case,
        actor=actor,
        action=command.action.value,
        at=now,
        reason=visible_text(command.reason),
        details={**changes, **(details or {}), **stamp(command.idempotency_key, request)} or None,
    )
    session.flush()
    return view


def _states(record: DishonestyRecord) -> dict[str, object]:
    return {
        "state": record.state,
        "rectification_state": record.rectification_state,
        "objection_state": record.objection_state,
        "repair_state": record.repair_state,
        "leniency": record.leniency,
        "publicity_state": record.publicity_state,
    }
