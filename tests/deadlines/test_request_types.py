"""A request type's (诉求类型) time limit sets the resolve clock; a coordinator may change it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from backend.cases.models import Case
from backend.cases.workflow import Action
from backend.db import session_scope
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.errors import Forbidden, ValidationFailed
from tests.deadlines.conftest import ARREARS, World, tianjin

# Filed on Friday 2026-11-27 10:00 (Tianjin); working days follow from Monday 2026-11-30.


def resolve_clocks(world: World, number: str) -> list[tuple[int, date, str]]:
    with session_scope(world.container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        rows = session.exec(
            select(Deadline)
            .where(Deadline.case_id == case.id, Deadline.kind == ClockKind.resolve.value)
            .order_by(Deadline.id)  # type: ignore[arg-type]
        ).all()
        return [(d.days, d.due_date, d.state) for d in rows]


@pytest.mark.parametrize(
    ("request_type", "days", "due"),
    [
        ("inquiry", 2, date(2026, 12, 1)),  # answered within 2 working days
        ("help", 10, date(2026, 12, 11)),
        ("complaint", 15, date(2026, 12, 18)),
        ("report", 15, date(2026, 12, 18)),
        ("suggestion", 5, date(2026, 12, 4)),  # acknowledged within 5 working days
    ],
)
def test_the_request_types_limit_sets_the_resolve_clock(
    world: World, request_type: str, days: int, due: date
) -> None:
    number = world.file(ARREARS, request_type=request_type).case.number
    assert resolve_clocks(world, number) == [(days, due, ClockState.open.value)]


def test_the_type_read_from_the_text_sets_the_clock_when_none_is_chosen(world: World) -> None:
    receipt = world.file("请问企业被拖欠的工程款怎么申请支付，需要什么材料？")
    assert receipt.case.request_type == "inquiry"
    assert receipt.case.status == "routed"
    assert resolve_clocks(world, receipt.case.number) == [(2, date(2026, 12, 1), "open")]


def test_a_coordinator_changing_the_type_moves_the_running_resolve_clock(world: World) -> None:
    number = world.file(ARREARS).case.number
    assert resolve_clocks(world, number) == [(15, date(2026, 12, 18), "open")]
    world.clock.current = tianjin(2026, 11, 30, 9)
    case = world.act(number, Action.set_request_type, world.coordinator, request_type="inquiry")
    assert case.request_type == "inquiry"
    # Counted from the same start (the routing day), not from the change.
    assert resolve_clocks(world, number) == [(2, date(2026, 12, 1), "open")]


def test_a_reopened_case_gets_its_types_limit_again(world: World) -> None:
    number = world.file(ARREARS, request_type="help").case.number
    world.act(number, Action.sign)
    world.act(number, Action.resolve, reply="已协调支付。")
    world.clock.current = tianjin(2026, 12, 1, 9)  # reopened on Tuesday: 10 days from then
    world.act(number, Action.reopen, world.coordinator, reason="未解决")
    assert resolve_clocks(world, number)[-1] == (10, date(2026, 12, 15), "open")


def test_a_clerk_may_not_change_the_type(world: World) -> None:
    number = world.file(ARREARS).case.number
    with pytest.raises(Forbidden):
        world.act(number, Action.set_request_type, request_type="inquiry")


@pytest.mark.parametrize(
    ("request_type", "code"),
    [
        (None, "request_type_required"),
        ("gossip", "unknown_request_type"),
        ("complaint", "request_type_unchanged"),
    ],
)
def test_a_bad_type_is_refused_with_its_reason(
    world: World, request_type: str | None, code: str
) -> None:
    number = world.file(ARREARS).case.number
    with pytest.raises(ValidationFailed) as refused:
        world.act(number, Action.set_request_type, world.coordinator, request_type=request_type)
    assert refused.value.code == code
    assert refused.value.message("zh") and refused.value.message("en")


def test_an_unknown_type_at_intake_is_refused(world: World) -> None:
    with pytest.raises(ValidationFailed) as refused:
        world.file(ARREARS, request_type="gossip")
    assert refused.value.code == "unknown_request_type"
