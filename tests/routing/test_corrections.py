"""Coordinators' reassignments kept as routing corrections, and learned after commit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlmodel import Session, col, select

from backend.actors import SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.env import CaseEnv
from backend.cases.intake import Draft, submit
from backend.cases.models import Case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.errors import ValidationFailed
from backend.people.models import Role
from backend.routing.corrections import CorrectionRecorder, RoutingCorrection, recent_examples
from backend.routing.examples import Example
from backend.routing.router import Router

COORDINATOR = Actor("staff", id=1, name="协调员", role=Role.coordinator, department="fgw")
CLERK = Actor("staff", id=2, name="联络员", role=Role.clerk, department="czj")
ROUTED = "区里的项目做完了，工程款一直拖欠不付"  # arrears, confident: routed to czj
UNSURE = "小区东门外那片空地被人围起来养鸽子"  # no keyword: triage at the lead office


@pytest.fixture
def learner(container: Container) -> Router:
    return Router(container.taxonomy)  # its own, so the shared router learns nothing


@pytest.fixture
def env(container: Container, learner: Router) -> CaseEnv:
    recorder = CorrectionRecorder(lead_office=container.taxonomy.lead_office, router=learner)
    return replace(container.case_env, router=learner, listeners=(recorder,))


def file(session: Session, env: CaseEnv, text: str) -> Case:
    return submit(session=session, draft=Draft(text=text), actor=SYSTEM, env=env).case


def act(
    session: Session,
    env: CaseEnv,
    case: Case,
    actor: Actor,
    action: Action = Action.reassign,
    **fields: str,
) -> Case:
    command = Command(action=action, version=case.version, **fields)
    return transition(session=session, case=case, command=command, actor=actor, env=env)


def corrections(session: Session) -> list[tuple[str | None, ...]]:
    rows = session.exec(select(RoutingCorrection).order_by(col(RoutingCorrection.id))).all()
    return [(r.from_category, r.from_department, r.to_category, r.to_department) for r in rows]


def test_reassigning_a_routed_case_records_from_and_to(container: Container, env: CaseEnv) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, ROUTED)
        act(session, env, case, COORDINATOR, department="fgw", category="court_order")
    with session_scope(container.engine) as session:
        row = session.exec(select(RoutingCorrection)).one()
        assert (row.case_id, row.text, row.created_at) == (case.id, ROUTED, container.clock.now())
        assert corrections(session) == [("arrears", "czj", "court_order", "fgw")]


def test_placing_a_triage_case_records_the_lead_office_as_the_unit_it_came_from(
    container: Container, env: CaseEnv
) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, UNSURE)
        assert case.status == "triage"
        act(session, env, case, COORDINATOR, department="xyz")
    with session_scope(container.engine) as session:
        assert corrections(session) == [("other", "fgw", "other", "xyz")]


def test_a_triage_case_records_the_category_routing_guessed_as_the_from_side(
    container: Container, env: CaseEnv
) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, UNSURE)
        guessed = case.category_id
        act(session, env, case, COORDINATOR, department="xyz", category="property")
    with session_scope(container.engine) as session:
        assert corrections(session) == [(guessed, "fgw", "property", "xyz")]


def test_second_reassignment_starts_from_the_first_one(container: Container, env: CaseEnv) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, ROUTED)
        case = act(session, env, case, COORDINATOR, department="fgw", category="court_order")
        act(session, env, case, COORDINATOR, department="czj", category="arrears")
    with session_scope(container.engine) as session:
        assert corrections(session) == [
            ("arrears", "czj", "court_order", "fgw"),
            ("court_order", "fgw", "arrears", "czj"),
        ]


def test_return_then_reassign_starts_from_the_lead_office(
    container: Container, env: CaseEnv
) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, ROUTED)
        case = act(session, env, case, CLERK, Action.return_, reason="不是我们的")
        act(session, env, case, COORDINATOR, department="czj")
    with session_scope(container.engine) as session:
        assert corrections(session) == [("arrears", "fgw", "arrears", "czj")]


def test_reassigning_to_the_unit_that_holds_the_case_is_refused_and_records_nothing(
    container: Container, env: CaseEnv
) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, ROUTED)
        act(session, env, case, CLERK, Action.sign)
    for category in ("arrears", None):
        with pytest.raises(ValidationFailed) as refused, session_scope(container.engine) as s:
            held = s.get(Case, case.id)
            assert held is not None
            act(
                s,
                env,
                held,
                COORDINATOR,
                department="czj",
                **({"category": category} if category else {}),
            )
        assert refused.value.code == "reassign_same_unit"
        assert "区财政局" in refused.value.message("zh")
    with session_scope(container.engine) as session:
        assert corrections(session) == []
        assert session.get(Case, case.id).status == "signed"  # type: ignore[union-attr]


def test_stored_correction_teaches_the_router_after_commit(
    container: Container, env: CaseEnv, learner: Router
) -> None:
    with session_scope(container.engine) as session:
        case = file(session, env, UNSURE)
        act(session, env, case, COORDINATOR, department="xyz", category="property")
        assert learner.learned == 0  # not yet: the transaction may still roll back
    assert learner.learned == 1
    assert learner.route("小区东门外的空地被人围起来养鸽子了").category == "property"


def test_rolled_back_correction_teaches_nothing(
    container: Container, env: CaseEnv, learner: Router
) -> None:
    with pytest.raises(RuntimeError), session_scope(container.engine) as session:
        case = file(session, env, UNSURE)
        act(session, env, case, COORDINATOR, department="xyz", category="property")
        raise RuntimeError("the request failed after the reassignment")
    with session_scope(container.engine) as session:
        assert (corrections(session), learner.learned) == ([], 0)


def test_recent_examples_are_the_newest_ones_oldest_first(
    container: Container, env: CaseEnv
) -> None:
    with session_scope(container.engine) as session:
        for text, category in [
            ("第一件", "parking"),
            ("第二件", "housing"),
            ("第三件", "transport"),
        ]:
            case = file(session, env, text + "事情没人管")
            act(session, env, case, COORDINATOR, department="xyz", category=category)
    with session_scope(container.engine) as session:
        assert recent_examples(session=session, limit=2) == [
            Example("第二件事情没人管", "housing"),
            Example("第三件事情没人管", "transport"),
        ]
        assert recent_examples(session=session, limit=0) == []
