"""派单 has a clock: triage dispatches the same working day; coordinators are reminded."""

from __future__ import annotations

from backend.cases.workflow import Action
from tests.deadlines.conftest import World, tianjin

TRIAGE = "请问怎么注册账号呢？"  # no category fits: the lead office places it


def dispatch_clock(world: World, number: str) -> tuple[str, str]:
    from sqlmodel import select

    from backend.cases.models import Case
    from backend.db import session_scope
    from backend.deadlines.models import Deadline

    with session_scope(world.container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        clock = session.exec(
            select(Deadline).where(Deadline.case_id == case.id, Deadline.kind == "dispatch")
        ).one()
        return clock.due_date.isoformat(), clock.state


def test_a_case_in_triage_is_due_to_be_dispatched_the_same_working_day(world: World) -> None:
    number = world.file(TRIAGE).case.number  # Friday 10:00
    assert dispatch_clock(world, number) == ("2026-11-27", "open")


def test_a_case_arriving_after_hours_is_due_the_next_working_day(world: World) -> None:
    world.clock.current = tianjin(2026, 11, 27, 18)  # Friday 18:00
    assert dispatch_clock(world, world.file(TRIAGE).case.number) == ("2026-11-30", "open")
    world.clock.current = tianjin(2026, 11, 29, 11)  # Sunday
    assert dispatch_clock(world, world.file(TRIAGE).case.number) == ("2026-11-30", "open")


def test_coordinators_are_reminded_in_the_afternoon_and_told_when_it_is_overdue(
    world: World,
) -> None:
    number = world.file(TRIAGE).case.number
    world.clock.current = tianjin(2026, 11, 27, 14, 59)
    world.tick()
    assert world.texts("boss-chat") == []
    world.clock.current = tianjin(2026, 11, 27, 15)
    world.tick()
    assert [("待派单" in t, number in t) for t in world.texts("boss-chat")] == [(True, True)]
    world.clock.current = tianjin(2026, 11, 30, 8, 30)  # Monday morning, still in triage
    world.tick()
    assert ["派单超时" in t for t in world.texts("boss-chat")] == [False, True]
    assert world.texts("clerk-chat") == []


def test_dispatching_meets_the_clock_and_nothing_more_is_said(world: World) -> None:
    number = world.file(TRIAGE).case.number
    world.act(number, Action.reassign, world.coordinator, department="czj", category="arrears")
    assert dispatch_clock(world, number) == ("2026-11-27", "met")
    world.clock.current = tianjin(2026, 11, 27, 15)
    world.tick()
    assert world.texts("boss-chat") == []


def test_a_returned_case_gets_a_new_dispatch_clock(world: World) -> None:
    number = world.file().case.number  # routed to czj at once: no dispatch clock
    world.act(number, Action.return_, reason="不是我们的")
    assert dispatch_clock(world, number) == ("2026-11-27", "open")
