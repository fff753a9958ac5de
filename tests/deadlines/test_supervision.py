"""A supervision order (督办): a note and a deadline to the unit, reminded and escalated."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from backend.cases.models import Case
from backend.cases.workflow import Action
from backend.db import session_scope
from backend.deadlines.models import ClockKind, Deadline
from backend.errors import Forbidden, InvalidTransition, ValidationFailed
from backend.workdays.changes import change_day
from tests.deadlines.conftest import World, tianjin

NOTE = "请于两日内约谈采购单位并反馈"


def supervise_clocks(world: World, number: str) -> list[tuple[int, date, str, str | None]]:
    with session_scope(world.container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        rows = session.exec(
            select(Deadline)
            .where(Deadline.case_id == case.id, Deadline.kind == ClockKind.supervise.value)
            .order_by(Deadline.id)  # type: ignore[arg-type]
        ).all()
        return [(d.days, d.due_date, d.state, d.department_code) for d in rows]


def signed_case(world: World) -> str:
    """A case the Finance Bureau signed for on Friday 2026-11-27 (its resolve clock: 15 days)."""
    number = world.file().case.number
    world.act(number, Action.sign)
    return number


def run_day(world: World, year: int, month: int, day: int) -> None:
    """The scheduler's round at the opening of office hours on that day."""
    world.clock.current = tianjin(year, month, day, 8, 31)
    world.tick()


def test_the_unit_gets_the_order_at_once_and_a_clock_to_answer_it(world: World) -> None:
    number = signed_case(world)
    world.act(number, Action.supervise, world.coordinator, reason=NOTE, days=2)
    assert supervise_clocks(world, number) == [(2, date(2026, 12, 1), "open", "czj")]
    world.tick()
    assert [t for t in world.texts("clerk-chat") if "督办" in t] == [
        f"【督办】案件 {number}：{NOTE}\n请于 2026-12-01 前办理并反馈。"
    ]


def test_a_supervision_deadline_reminds_the_unit_and_escalates_to_coordinators(
    world: World,
) -> None:
    number = signed_case(world)
    world.act(number, Action.supervise, world.coordinator, reason=NOTE, days=2)
    world.tick()
    for day in (30,):
        run_day(world, 2026, 11, day)
    for day in (1, 2, 3):
        run_day(world, 2026, 12, day)
    reminders = [t for t in world.texts("clerk-chat") if "（督办）" in t]
    # The unit hears the escalation (督办) too, beside the coordinators (issue 15).
    assert [t.split("】")[0] for t in reminders] == ["【提醒", "【今日到期", "【催办", "【督办"]
    escalations = world.texts("boss-chat")
    assert len(escalations) == 1
    assert "区财政局的案件" in escalations[0] and "（督办）已逾期 2 个工作日" in escalations[0]


def test_without_days_the_policys_supervision_limit_applies(world: World) -> None:
    number = signed_case(world)
    world.act(number, Action.supervise, world.coordinator, reason=NOTE)
    assert supervise_clocks(world, number) == [(5, date(2026, 12, 4), "open", "czj")]


def test_resolving_the_case_meets_the_order_and_a_new_order_replaces_the_old(
    world: World,
) -> None:
    number = signed_case(world)
    world.act(number, Action.supervise, world.coordinator, reason=NOTE, days=2)
    world.act(number, Action.supervise, world.coordinator, reason="再次督办", days=3)
    world.act(number, Action.resolve, reply="已约谈，款项已支付。")
    states = [state for _, _, state, _ in supervise_clocks(world, number)]
    assert states == ["cancelled", "met"]
    run_day(world, 2026, 12, 3)
    assert [t for t in world.texts("boss-chat") if "督办" in t] == []


def test_a_clerk_may_not_issue_an_order(world: World) -> None:
    number = signed_case(world)
    with pytest.raises(Forbidden):
        world.act(number, Action.supervise, reason=NOTE)


def test_an_order_needs_a_note(world: World) -> None:
    number = signed_case(world)
    with pytest.raises(ValidationFailed) as refused:
        world.act(number, Action.supervise, world.coordinator, reason="  ")
    assert refused.value.code == "reason_required"


def test_a_case_in_triage_has_no_unit_to_supervise(world: World) -> None:
    number = world.file("这件事我也说不清楚归谁管，就是很不满意").case.number
    with pytest.raises(InvalidTransition):
        world.act(number, Action.supervise, world.coordinator, reason=NOTE)


def test_a_calendar_correction_that_moves_a_supervision_deadline_tells_the_unit(
    world: World,
) -> None:
    number = signed_case(world)
    world.act(number, Action.supervise, world.coordinator, reason=NOTE, days=2)
    with session_scope(world.container.engine) as session:
        change_day(
            session=session,
            keeper=world.container.keeper,
            day=date(2026, 12, 1),
            working=False,
            reason="暴雪停工",
            actor=world.coordinator,
        )
    assert supervise_clocks(world, number) == [(2, date(2026, 12, 2), "open", "czj")]
    world.tick()
    moved = [t for t in world.texts("clerk-chat") if "2026-12-02" in t and "督办" in t]
    assert len(moved) == 1, world.texts("clerk-chat")
