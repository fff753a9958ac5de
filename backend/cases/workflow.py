"""The case workflow: which actor may do what in which state, and the change it makes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session, col, update

from backend.actors import Actor
from backend.cases.env import CaseEnv
from backend.cases.events import record_event
from backend.cases.joint import (
    JOINT_ACTION_NAMES,
    add_assisting_unit,
    is_assisting,
    joint_changes,
    joint_details,
    joint_refusal,
)
from backend.cases.models import Case, CaseEvent, CaseKind, CaseStatus
from backend.cases.repeats import RepeatedSubmission, just_sent
from backend.cases.text import has_words, visible_text
from backend.errors import (
    ActionForbidden,
    DomainError,
    InvalidTransition,
    NotFound,
    RuleRefused,
    StaleVersion,
    ValidationFailed,
)
from backend.exports.labels import unit_params
from backend.people.models import Role

S = CaseStatus


class Action(StrEnum):
    """What a coordinator or a clerk can do to a case."""

    sign = "sign"  # 签收
    start = "start"  # 开始办理
    resolve = "resolve"  # 办结, with the reply to the reporter
    return_ = "return"  # 退单: not ours, back to triage with a reason
    reassign = "reassign"  # 派单/改派 to a unit (from triage too)
    reject = "reject"  # 不予受理, with the reason
    reopen = "reopen"  # 重办
    close = "close"  # 归档
    request_extension = "request_extension"  # 申请延期, with days and a reason
    approve_extension = "approve_extension"
    deny_extension = "deny_extension"
    pause = "pause"  # waiting for the reporter: the clock stops
    resume = "resume"
    set_rectification = "set_rectification"  # 整改期限, days optional
    merge = "merge"  # a duplicate: closed, pointing to the case it repeats (see merge.py)
    declare_complex = "declare_complex"  # 说明情况复杂: the unit may return within 2 working days
    rate_by_phone = "rate_by_phone"  # 电话回访: a coordinator records the reporter's rating
    set_request_type = "set_request_type"  # 诉求类型 changed; its limit sets the resolve clock
    supervise = "supervise"  # 督办: a note and a deadline to the unit (days optional)
    assist = "assist"  # add an assisting unit (协办) beside the lead unit (主办)
    assist_report = "assist_report"  # an assisting unit reports what it did (协办反馈)


@dataclass(frozen=True)
class Rule:
    """Where an action may start, who may take it, and what it needs."""

    roles: frozenset[str]  # staff roles, or the actor kinds "system" and "reporter"
    moves: dict[CaseStatus, CaseStatus]
    needs_reason: bool = False
    needs_days: bool = False


CLERK = frozenset({Role.clerk.value})
COORDINATOR = frozenset({Role.coordinator.value})
COORDINATOR_OR_SYSTEM = frozenset({Role.coordinator.value, "system"})
OPEN_STATES = (S.received, S.triage, S.routed, S.signed, S.in_progress)
WORKING = {S.signed: S.signed, S.in_progress: S.in_progress}  # stays where it is
HELD = (S.routed, S.signed, S.in_progress)  # a unit has the case (dispatched to it)
TAKEN_ON = (S.signed, S.in_progress)  # a unit signed for it (签收): 改派 away says why

RULES: dict[Action, Rule] = {
    Action.sign: Rule(CLERK, {S.routed: S.signed}),
    Action.start: Rule(CLERK, {S.signed: S.in_progress}),
    Action.resolve: Rule(CLERK, {S.signed: S.resolved, S.in_progress: S.resolved}),
    Action.return_: Rule(CLERK, {S.routed: S.triage, S.signed: S.triage}, needs_reason=True),
    Action.reassign: Rule(COORDINATOR, dict.fromkeys(OPEN_STATES, S.routed)),
    Action.reject: Rule(
        COORDINATOR, dict.fromkeys((S.received, S.triage, S.routed), S.rejected), needs_reason=True
    ),
    Action.reopen: Rule(
        COORDINATOR_OR_SYSTEM,
        {S.resolved: S.in_progress, S.closed: S.in_progress, S.rejected: S.triage},
        needs_reason=True,
    ),
    Action.close: Rule(COORDINATOR_OR_SYSTEM, {S.resolved: S.closed}),
    Action.request_extension: Rule(CLERK, WORKING, needs_reason=True, needs_days=True),
    Action.approve_extension: Rule(COORDINATOR, WORKING),
    Action.deny_extension: Rule(COORDINATOR, WORKING, needs_reason=True),
    Action.pause: Rule(CLERK, WORKING, needs_reason=True),
    Action.resume: Rule(CLERK, WORKING),
    Action.set_rectification: Rule(COORDINATOR, {S.routed: S.routed, **WORKING}),
    Action.merge: Rule(COORDINATOR, dict.fromkeys(OPEN_STATES, S.closed), needs_reason=True),
    Action.declare_complex: Rule(
        CLERK, {S.routed: S.routed, S.signed: S.signed}, needs_reason=True
    ),
    # Where a rating leads (closed, or reopened when dissatisfied) is rating.py's to decide.
    Action.rate_by_phone: Rule(COORDINATOR, {S.resolved: S.resolved}),
    Action.set_request_type: Rule(COORDINATOR, {s: s for s in OPEN_STATES}),
    Action.supervise: Rule(COORDINATOR, {S.routed: S.routed, **WORKING}, needs_reason=True),
    Action.assist: Rule(COORDINATOR, {S.routed: S.routed, **WORKING}),
    Action.assist_report: Rule(CLERK, {S.routed: S.routed, **WORKING}, needs_reason=True),
}


JOINT_ACTIONS = frozenset(Action(name) for name in JOINT_ACTION_NAMES)
# Messages to a unit that change no state: the same words (and days) sent again at once are
# the form sent twice (backend.cases.repeats). Not a pause, an extension request or a return:
# the same reason after a resume, a denial or a new dispatch is a new request.
SAID_ONCE = frozenset({Action.supervise, Action.assist_report})


@dataclass(frozen=True)
class Command:
    """One action on one case as the caller asked for it."""

    action: Action
    version: int
    reason: str | None = None
    reply: str | None = None
    department: str | None = None
    category: str | None = None
    days: int | None = None
    merged_into_id: int | None = None  # for merge: the case this one repeats
    rating: str | None = None  # for rate_by_phone: satisfied | basically_satisfied | ...
    request_type: str | None = None  # for set_request_type: the new type


def may_take(actor: Actor, rule: Rule) -> bool:
    """Return whether the actor's role (or kind, for system and reporter) may take an action."""
    return (actor.role is not None and actor.role.value in rule.roles) or actor.kind in rule.roles


def can_see(actor: Actor, case: Case) -> bool:
    """Return whether the actor may see the case (a clerk sees only the own unit's cases).

    An evaluator sees every case, anonymised (backend.cases.redaction), and acts on none.
    """
    if actor.is_coordinator or actor.is_evaluator or actor.kind in ("system", "reporter"):
        return True
    if not actor.is_clerk:
        return False
    return case.department_code == actor.department or is_assisting(case, actor.department)


def refusal(
    *,
    session: Session,
    case: Case,
    action: Action,
    actor: Actor,
    env: CaseEnv,
    version: int | None = None,
) -> DomainError | None:
    """Return why the actor may not take the action on the case now; None when it may.

    The one rule behind both `transition` and `allowed_actions`, so an action offered is an
    action that succeeds (given its parameters) and one refused is never offered: the case
    must be visible, the role allowed, the state one the action starts from, and neither the
    hand-off rules (env.rules: the return window, the dispatch cap, the extension count),
    the case (a return cap, a merge) nor its clocks (env.guards: nothing paused, no request
    waiting) may stand against it. `version`, when given, must be the case's.
    """
    if not can_see(actor, case):
        return NotFound(case.number)
    rule = RULES[action]
    if not may_take(actor, rule):
        return ActionForbidden(role=actor.role or actor.kind, action=action.value, subject="case")
    # The lead and the assisting units (主办/协办): who takes which action.
    joint = joint_refusal(case, action.value, actor, env.taxonomy)
    if joint is not None:
        return joint
    if version is not None and version != case.version:
        return StaleVersion(f"case {case.number} is at version {case.version}, not {version}")
    current = CaseStatus(case.status)
    if current not in rule.moves:
        return InvalidTransition(f"cannot {action.value} a case that is {current.value}")
    for case_rule in env.rules:  # the hand-off caps, each refusal with its own words
        refused = case_rule.refusal(session=session, case=case, action=action.value)
        if refused is not None:
            return refused
    if action is Action.return_ and case.return_count >= env.max_returns:
        return RuleRefused("returns_used_up", count=case.return_count)
    why: str | DomainError | None = _case_refusal(case, action, env)
    for guard in env.guards:
        why = why or guard.refusal(session=session, case=case, action=action.value)
    if isinstance(why, DomainError):
        return why
    return InvalidTransition(why) if why else None


def allowed_actions(*, session: Session, case: Case, actor: Actor, env: CaseEnv) -> list[Action]:
    """Return the actions the actor may take on the case now (those `refusal` lets through).

    An action the actor's role may not take, or that does not start from the case's state,
    is refused by `refusal` whatever else holds: it is left out before the rest is asked
    (the hand-off rules and the clocks' guards), which a new case's answer spares 21 times.
    """
    current = CaseStatus(case.status)
    return [
        action
        for action, rule in RULES.items()
        if current in rule.moves
        and may_take(actor, rule)
        and refusal(session=session, case=case, action=action, actor=actor, env=env) is None
    ]


def rule_refusals(
    *, session: Session, case: Case, actor: Actor, env: CaseEnv, offered: Collection[str] = ()
) -> list[RuleRefused]:
    """Return why a rule keeps the actor from actions its role takes from the case's state.

    The hand-off rules' refusals (a return window closed, the returns or extensions used up,
    the dispatch cap), each with its words: a page says why a step it used to offer is gone.
    `offered`: the actions `allowed_actions` already let through, not asked again.
    """
    current = CaseStatus(case.status)
    refusals = (
        refusal(session=session, case=case, action=action, actor=actor, env=env)
        for action, rule in RULES.items()
        if current in rule.moves and may_take(actor, rule) and action.value not in offered
    )
    return [refused for refused in refusals if isinstance(refused, RuleRefused)]


def transition(
    *, session: Session, case: Case, command: Command, actor: Actor, env: CaseEnv
) -> Case:
    """Apply an action to a case: check role, state and version, change it, record the event."""
    refused = refusal(
        session=session,
        case=case,
        action=command.action,
        actor=actor,
        env=env,
        version=command.version,
    )
    if refused is not None:
        raise refused
    rule = RULES[command.action]
    current = CaseStatus(case.status)
    target = rule.moves[current]
    reason = visible_text(command.reason)
    if rule.needs_reason and reason is None:
        raise ValidationFailed("reason_required", field="reason")
    if reason is not None and not has_words(reason):  # "😀", "。": nothing said
        raise ValidationFailed("reason_no_words", field="reason")
    now = env.clock.now()
    if command.action in SAID_ONCE and reason is not None:  # sent twice is sent once
        repeat = just_sent(
            session=session, case=case, actor=actor, action=command.action, words=reason, now=now
        )
        if repeat is not None and (repeat.details or {}).get("days") == command.days:
            raise RepeatedSubmission(case.number)
    if rule.needs_days and command.days is None:
        raise ValidationFailed("days_required", field="days")
    held_by = case.department_code  # before a reassign moves it
    changes = _changes(case, command, env)
    if reason is None and reason_needed(command.action, current):  # after the unit is checked
        raise ValidationFailed("reassign_reason_required", field="reason")
    result = session.execute(
        update(Case)
        .where(col(Case.id) == case.id, col(Case.version) == command.version)
        .values(status=target.value, version=command.version + 1, updated_at=now, **changes)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleVersion(f"case {case.number} was changed by someone else")
    session.refresh(case)
    event = record_event(
        session=session,
        case=case,
        actor=actor,
        action=command.action.value,
        at=now,
        from_status=current.value,
        to_status=target.value,
        reason=reason,
        details=_details(command, changes, held_by) or None,
    )
    session.flush()
    if command.action is Action.assist and command.department:
        add_assisting_unit(session=session, case=case, department=command.department, at=now)
    _tell_listeners(session, case, event, env)
    return case


def _changes(case: Case, command: Command, env: CaseEnv) -> dict[str, object]:
    """Return the columns besides status that the action changes."""
    taxonomy = env.taxonomy
    if command.action is Action.resolve:
        reply = visible_text(command.reply)
        if reply is None:
            raise ValidationFailed("reply_required", field="reply")
        if not has_words(reply):  # the reporter reads it as the office's answer
            raise ValidationFailed("reply_no_words", field="reply")
        return {"reply": reply}
    if command.action is Action.return_:
        return {"department_code": taxonomy.lead_office, "return_count": case.return_count + 1}
    if command.action is Action.reassign:
        if not command.department:
            raise ValidationFailed("department_required", field="department")
        if command.department not in taxonomy.unit_codes:
            raise ValidationFailed(
                "unknown_department", field="department", value=command.department
            )
        if command.department == case.department_code and case.status in HELD:
            # 改派 to the unit holding it would send it back to be signed, clocks restarted
            named = unit_params(taxonomy, command.department)
            raise ValidationFailed("reassign_same_unit", field="department", **named)
        changes: dict[str, object] = {"department_code": command.department}
        if command.category is not None and case.kind == CaseKind.dishonesty_record:
            raise ValidationFailed("record_takes_no_category", field="category")
        if command.category is not None:
            if taxonomy.category(command.category) is None:
                raise ValidationFailed(
                    "unknown_category", field="category", value=command.category
                )
            changes["category_id"] = command.category
        if taxonomy.street(command.department) is not None:
            changes["street_code"] = command.department
            changes["street_needed"] = False
        return changes
    if command.action is Action.reject:
        return {"department_code": taxonomy.lead_office}
    if command.action in JOINT_ACTIONS:
        return joint_changes(case, command.action.value, command, env.taxonomy)
    if command.action is Action.merge:
        if command.merged_into_id is None:
            raise ValidationFailed("merge_target_required", field="into")
        return {"merged_into_id": command.merged_into_id}
    return {}


def _case_refusal(case: Case, action: Action, env: CaseEnv) -> str | None:
    """Return why the case itself stands against an action its state allows."""
    if action is Action.reopen and case.merged_into_id is not None:
        return f"case {case.number} was merged; it is handled in the case it joined"
    if case.kind == CaseKind.dishonesty_record and case.status == S.received:
        # Filed through backend.records (never routed): its steps are the record's own.
        return f"record {case.number} is handled through /api/v1/records/{case.number}/actions"
    return None


def reason_needed(action: Action, status: CaseStatus) -> bool:
    """Return whether the action needs a reason from this state: its rule says so, or it is
    改派 of a case a unit signed for (the unit is told why it loses the case, 12345 practice).
    """
    return RULES[action].needs_reason or (action is Action.reassign and status in TAKEN_ON)


def _details(
    command: Command, changes: dict[str, object], held_by: str | None
) -> dict[str, object]:
    details: dict[str, object] = {}
    for key in ("department_code", "category_id"):
        if key in changes and command.action is Action.reassign:
            details[key.split("_")[0]] = changes[key]
    if command.action is Action.reassign and held_by is not None:
        details["from_department"] = held_by  # the unit that loses the case
    if command.action is Action.resolve:
        details["reply"] = changes["reply"]
    if command.days is not None:
        details["days"] = command.days
    if command.action in JOINT_ACTIONS:
        details |= joint_details(command.action.value, command, changes)
    return details


def _tell_listeners(session: Session, case: Case, event: CaseEvent, env: CaseEnv) -> None:
    for listener in env.listeners:
        listener.case_changed(session=session, case=case, event=event)
