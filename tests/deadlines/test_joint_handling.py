"""Joint handling (主办/协办): an assisting unit sees the case, adds notes and reports;
only the lead unit resolves it."""

from __future__ import annotations

import pytest

from backend.actors import Actor
from backend.cases.joint import assisting_units
from backend.cases.notes import add_note
from backend.cases.queries import CaseFilter, get_case, list_cases
from backend.cases.workflow import Action, allowed_actions
from backend.db import session_scope
from backend.errors import Forbidden, NotFound, ValidationFailed
from backend.people.service import bind_chat, create_staff
from tests.deadlines.conftest import World


@pytest.fixture
def swj_clerk(world: World) -> Actor:
    """A clerk of the Commerce Bureau, with a bound chat."""
    with session_scope(world.container.engine) as session:
        clerk, _ = create_staff(
            session=session, name="商务局 赵", role="clerk", department="swj", clock=world.clock
        )
        bind_chat(
            session=session,
            staff=clerk,
            channel="telegram",
            chat_id="swj-chat",
            language="zh",
            clock=world.clock,
        )
        return Actor.staff(clerk)


def joint_case(world: World) -> str:
    """A case of the Finance Bureau (lead) with the Commerce Bureau assisting."""
    number = world.file().case.number
    world.act(number, Action.assist, world.coordinator, department="swj")
    return number


def numbers_listed(world: World, actor: Actor) -> list[str]:
    with session_scope(world.container.engine) as session:
        page = list_cases(session=session, actor=actor, where=CaseFilter(), cursor=None, limit=50)
        return [c.number for c in page.cases]


def test_an_assisting_units_clerk_sees_the_case_in_its_list(
    world: World, swj_clerk: Actor
) -> None:
    number = world.file().case.number
    assert numbers_listed(world, swj_clerk) == []
    world.act(number, Action.assist, world.coordinator, department="swj")
    assert numbers_listed(world, swj_clerk) == [number]
    assert numbers_listed(world, world.clerk) == [number]  # the lead unit still has it
    with session_scope(world.container.engine) as session:
        case = get_case(session=session, number=number, actor=swj_clerk)
        assert (case.department_code, assisting_units(session=session, case=case)) == (
            "czj",
            ["swj"],
        )


def test_the_assisting_unit_is_told_at_once(world: World, swj_clerk: Actor) -> None:
    number = joint_case(world)
    world.tick()  # Friday 10:00, office hours: delivered in this round
    texts = world.texts("swj-chat")
    assert any("协办" in t and number in t for t in texts), texts
    # The lead unit by its name, not its code (verifier, 2026-12-03: "（主办单位：czj）").
    assert any("（主办单位：区财政局）" in t for t in texts), texts


def test_an_assisting_clerk_cannot_resolve_but_may_note_and_report(
    world: World, swj_clerk: Actor
) -> None:
    number = joint_case(world)
    world.act(number, Action.sign)  # the lead unit signs for it
    with session_scope(world.container.engine) as session:
        case = get_case(session=session, number=number, actor=swj_clerk)
        offered = allowed_actions(
            session=session, case=case, actor=swj_clerk, env=world.container.case_env
        )
        assert offered == [Action.assist_report]
        add_note(
            session=session,
            case=case,
            text="已核实合同条款",
            actor=swj_clerk,
            env=world.container.case_env,
        )
    with pytest.raises(Forbidden) as refused:
        world.act(number, Action.resolve, swj_clerk, reply="已解决")
    assert "lead unit" in str(refused.value)
    case = world.act(number, Action.assist_report, swj_clerk, reason="商务局已约谈企业")
    assert case.status == "signed"
    world.tick()  # the lead unit hears of the report
    assert [t for t in world.texts("clerk-chat") if "协办反馈" in t] == [
        f"【协办反馈】案件 {number}：商务局 赵 反馈：商务局已约谈企业"
    ]
    case = world.act(number, Action.resolve, reply="已支付。")  # the lead unit resolves
    assert case.status == "resolved"


def test_the_lead_unit_reports_by_resolving_not_by_an_assist_report(world: World) -> None:
    number = joint_case(world)
    with pytest.raises(Forbidden):
        world.act(number, Action.assist_report, reason="我们是主办")


def test_a_unit_neither_lead_nor_assisting_does_not_see_the_case(world: World) -> None:
    number = world.file().case.number
    with session_scope(world.container.engine) as session:
        outsider, _ = create_staff(
            session=session, name="司法局 钱", role="clerk", department="sfj", clock=world.clock
        )
        actor = Actor.staff(outsider)
    with pytest.raises(NotFound):
        world.act(number, Action.assist_report, actor, reason="?")


@pytest.mark.parametrize(
    ("department", "code"),
    [
        (None, "assist_department_required"),
        ("czj", "assist_is_lead"),
        ("nowhere", "unknown_department"),
        ("swj", "already_assisting"),
    ],
)
def test_a_bad_assisting_unit_is_refused_with_its_reason(
    world: World, department: str | None, code: str
) -> None:
    number = joint_case(world)
    with pytest.raises(ValidationFailed) as refused:
        world.act(number, Action.assist, world.coordinator, department=department)
    assert refused.value.code == code
