"""Every action a case offers succeeds, and every action it refuses is not offered.

Cases are taken to every state the workflow and its clocks can reach (paused, an extension
waiting or decided, a rectification set, returned up to the cap, merged, records); then, for
each actor, every action is tried (in a savepoint that is rolled back) with valid parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from backend.actors import SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.actions import take_action
from backend.cases.intake import Draft, submit
from backend.cases.merge import merge_into
from backend.cases.models import Case, CaseKind
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, allowed_actions, transition
from backend.db import session_scope
from backend.errors import DomainError, Forbidden, InvalidTransition, NotFound
from backend.people.models import Role

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"
CZJ = Actor("staff", id=1, name="李", role=Role.clerk, department="czj")
SFJ = Actor("staff", id=2, name="赵", role=Role.clerk, department="sfj")
FGW = Actor("staff", id=3, name="周", role=Role.clerk, department="fgw")
COORDINATOR = Actor("staff", id=4, name="王", role=Role.coordinator, department="fgw")
ACTORS = {"czj clerk": CZJ, "sfj clerk": SFJ, "fgw clerk": FGW, "coordinator": COORDINATOR}
ACTORS["system"] = SYSTEM

Step = tuple[Actor, Action, dict[str, object]]
SIGN: Step = (CZJ, Action.sign, {})
START: Step = (CZJ, Action.start, {})
PAUSE: Step = (CZJ, Action.pause, {"reason": "等待补充材料"})
RESUME: Step = (CZJ, Action.resume, {})
REQUEST: Step = (CZJ, Action.request_extension, {"days": 3, "reason": "需要核实"})
RESOLVE: Step = (CZJ, Action.resolve, {"reply": "已付清"})
RETURN: Step = (CZJ, Action.return_, {"reason": "不是我们的"})
TO_CZJ: Step = (COORDINATOR, Action.reassign, {"department": "czj"})
RECTIFY: Step = (COORDINATOR, Action.set_rectification, {"days": 5})

# What each action needs to succeed when it is allowed at all.
PARAMETERS: dict[Action, dict[str, object]] = {
    Action.resolve: {"reply": "答复"},
    Action.return_: {"reason": "理由"},
    Action.reassign: {
        "department": "sfj",
        "reason": "属执法事项",
    },  # 改派 of a signed case says why
    Action.reject: {"reason": "理由"},
    Action.reopen: {"reason": "理由"},
    Action.request_extension: {"days": 3, "reason": "理由"},
    Action.deny_extension: {"reason": "理由"},
    Action.pause: {"reason": "理由"},
    Action.set_rectification: {"days": 5},
    Action.merge: {"reason": "同一事项"},
    Action.declare_complex: {"reason": "涉及多个部门"},
    Action.rate_by_phone: {"rating": "satisfied"},
    Action.set_request_type: {"request_type": "suggestion"},
    Action.supervise: {"reason": "督办"},
    Action.assist: {"department": "swj"},
    Action.assist_report: {"reason": "协办反馈"},
}


@dataclass(frozen=True)
class Scenario:
    """A case filed and taken through some steps."""

    kind: CaseKind
    steps: tuple[Step, ...]
    triage: bool = False  # filed with no category that fits


SCENARIOS = {
    "triage": Scenario(CaseKind.complaint, (), triage=True),
    "routed": Scenario(CaseKind.complaint, ()),
    "returned to triage": Scenario(CaseKind.complaint, (RETURN,)),
    "routed, returned up to the cap": Scenario(
        CaseKind.complaint, (RETURN, TO_CZJ, RETURN, TO_CZJ)
    ),
    "routed the fourth time (final)": Scenario(
        CaseKind.complaint, (RETURN, TO_CZJ, RETURN, TO_CZJ, RETURN, TO_CZJ)
    ),
    "complex declared": Scenario(
        CaseKind.complaint, ((CZJ, Action.declare_complex, {"reason": "涉及多个部门"}),)
    ),
    "signed": Scenario(CaseKind.complaint, (SIGN,)),
    "in progress": Scenario(CaseKind.complaint, (SIGN, START)),
    "paused": Scenario(CaseKind.complaint, (SIGN, START, PAUSE)),
    "paused and resumed": Scenario(CaseKind.complaint, (SIGN, START, PAUSE, RESUME)),
    "extension waiting": Scenario(CaseKind.complaint, (SIGN, REQUEST)),
    "extension approved": Scenario(
        CaseKind.complaint, (SIGN, REQUEST, (COORDINATOR, Action.approve_extension, {}))
    ),
    "extension denied": Scenario(
        CaseKind.complaint,
        (SIGN, REQUEST, (COORDINATOR, Action.deny_extension, {"reason": "不准"})),
    ),
    "rectification set": Scenario(CaseKind.complaint, (SIGN, RECTIFY)),
    "rectification set while paused": Scenario(CaseKind.complaint, (SIGN, PAUSE, RECTIFY)),
    "extension waiting, then rectification set": Scenario(
        CaseKind.complaint, (SIGN, REQUEST, RECTIFY)
    ),
    "resolved": Scenario(CaseKind.complaint, (SIGN, RESOLVE)),
    "closed": Scenario(CaseKind.complaint, (SIGN, RESOLVE, (COORDINATOR, Action.close, {}))),
    "reopened": Scenario(
        CaseKind.complaint, (SIGN, RESOLVE, (COORDINATOR, Action.reopen, {"reason": "不满意"}))
    ),
    "rejected": Scenario(
        CaseKind.complaint, ((COORDINATOR, Action.reject, {"reason": "不属于受理范围"}),)
    ),
    "signed, sfj assisting": Scenario(
        CaseKind.complaint, (SIGN, (COORDINATOR, Action.assist, {"department": "sfj"}))
    ),
    # Other words than the offered supervise's: the same words at once are the form sent
    # again (backend.cases.repeats), refused as already sent whatever is offered.
    "supervised": Scenario(
        CaseKind.complaint, (SIGN, (COORDINATOR, Action.supervise, {"reason": "首次督办"}))
    ),
    "record, routed": Scenario(CaseKind.dishonesty_record, ()),
    "record, signed": Scenario(
        CaseKind.dishonesty_record, ((FGW, Action.sign, {}), (FGW, Action.start, {}))
    ),
}


def file(session: Session, container: Container, kind: CaseKind, triage: bool = False) -> str:
    taxonomy = container.taxonomy
    draft = Draft(
        text=ARREARS,
        kind=kind,
        category=taxonomy.triage_category if triage else None,
        occurred_on=date(2026, 11, 20) if kind is CaseKind.dishonesty_record else None,
    )
    return submit(session=session, draft=draft, actor=SYSTEM, env=container.case_env).case.number


def take(
    session: Session,
    container: Container,
    case: Case,
    actor: Actor,
    action: Action,
    fields: dict[str, object],
    merge_target: str,
) -> None:
    if action is Action.merge:
        merge_into(
            session=session,
            case=case,
            into=merge_target,
            version=case.version,
            reason=str(fields.get("reason")),
            actor=actor,
            env=container.case_env,
        )
        return
    command = Command(action=action, version=case.version, **fields)  # type: ignore[arg-type]
    if action is Action.rate_by_phone:  # rating.py decides where a rating leads
        take_action(
            session=session, case=case, command=command, actor=actor, env=container.case_env
        )
        return
    transition(session=session, case=case, command=command, actor=actor, env=container.case_env)


def build(container: Container, scenario: Scenario, merge_target: str) -> str:
    with session_scope(container.engine) as session:
        number = file(session, container, scenario.kind, scenario.triage)
    for actor, action, fields in scenario.steps:
        with session_scope(container.engine) as session:
            case = get_case(session=session, number=number, actor=SYSTEM)
            take(session, container, case, actor, action, fields, merge_target)
    return number


def disagreements(container: Container, name: str, number: str, target: str) -> list[str]:
    """Try every action as every actor; return where the offer and the outcome differ."""
    found = []
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=SYSTEM)
        for who, actor in ACTORS.items():
            offered = set(
                allowed_actions(session=session, case=case, actor=actor, env=container.case_env)
            )
            for action in Action:
                savepoint = session.begin_nested()
                try:
                    take(
                        session, container, case, actor, action, PARAMETERS.get(action, {}), target
                    )
                    outcome: DomainError | None = None
                except DomainError as refused:
                    outcome = refused
                finally:
                    savepoint.rollback()
                session.refresh(case)
                expected = (NotFound, Forbidden, InvalidTransition)
                if (outcome is None) != (action in offered):
                    found.append(
                        f"{name}: {who} {action.value} offered={action in offered} "
                        f"outcome={outcome!r}"
                    )
                elif outcome is not None and not isinstance(outcome, expected):
                    found.append(
                        f"{name}: {who} {action.value} refused for its input: {outcome!r}"
                    )
    return found


def test_every_offered_action_succeeds_and_every_refused_action_is_not_offered(
    container: Container,
) -> None:
    with session_scope(container.engine) as session:
        targets = {kind: file(session, container, kind) for kind in CaseKind}
    numbers = {
        name: build(container, scenario, targets[scenario.kind])
        for name, scenario in SCENARIOS.items()
    }
    complaint_target = targets[CaseKind.complaint]
    numbers["merged repeat"] = build(
        container,
        Scenario(CaseKind.complaint, ((COORDINATOR, Action.merge, {"reason": "同一事项"}),)),
        complaint_target,
    )
    numbers["a case others were merged into"] = complaint_target
    found = []
    for name, number in numbers.items():
        kind = CaseKind.dishonesty_record if name.startswith("record") else CaseKind.complaint
        other = targets[kind] if number != targets[kind] else numbers["routed"]
        found += disagreements(container, name, number, other)
    assert not found, "\n".join(found)


def test_resume_is_not_offered_when_nothing_is_paused_and_approval_not_after_approval(
    container: Container,
) -> None:
    with session_scope(container.engine) as session:
        target = file(session, container, CaseKind.complaint)
    number = build(container, SCENARIOS["extension approved"], target)
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=SYSTEM)
        env = container.case_env
        as_clerk = allowed_actions(session=session, case=case, actor=CZJ, env=env)
        as_coordinator = allowed_actions(session=session, case=case, actor=COORDINATOR, env=env)
    assert Action.resume not in as_clerk and Action.pause in as_clerk
    assert Action.approve_extension not in as_coordinator
    assert Action.deny_extension not in as_coordinator
