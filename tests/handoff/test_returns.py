"""退单 has a clock: 1 working day after the case arrived, 2 when the unit said it is complex;
after three dispatches the coordinator's assignment stands."""

from __future__ import annotations

import pytest

from backend.cases.workflow import Action
from backend.errors import RuleRefused
from tests.deadlines.conftest import World, tianjin

# The world files on Friday 2026-11-27 at 10:00: the first working day after is Monday
# 11-30, the second Tuesday 12-01.
MONDAY, TUESDAY, WEDNESDAY = (
    tianjin(2026, 11, 30, 16),
    tianjin(2026, 12, 1, 9),
    tianjin(2026, 12, 2, 9),
)


def refused_code(world: World, number: str, action: Action, **command: object) -> str:
    with pytest.raises(RuleRefused) as refused:
        world.act(number, action, **command)
    return refused.value.code


def test_a_unit_returns_a_case_on_the_first_working_day_after_receiving_it(world: World) -> None:
    number = world.file().case.number
    world.clock.current = MONDAY
    case = world.act(number, Action.return_, reason="属于区商务局")
    assert (case.status, case.return_count) == ("triage", 1)


def test_a_return_on_the_second_working_day_is_refused(world: World) -> None:
    number = world.file().case.number
    world.clock.current = TUESDAY
    assert refused_code(world, number, Action.return_, reason="不是我们的") == (
        "return_window_closed"
    )


def test_the_refusal_says_until_when_in_chinese_and_english(world: World) -> None:
    number = world.file().case.number
    world.clock.current = TUESDAY
    with pytest.raises(RuleRefused) as refused:
        world.act(number, Action.return_, reason="不是我们的")
    assert "2026-11-30" in refused.value.message("zh")
    assert "退单" in refused.value.message("zh")
    assert "1 working day(s)" in refused.value.message("en")


def test_a_unit_that_said_the_matter_is_complex_returns_it_on_the_second_working_day(
    world: World,
) -> None:
    number = world.file().case.number
    world.clock.current = MONDAY
    world.act(number, Action.declare_complex, reason="涉及多个部门，需要核实")
    world.clock.current = TUESDAY
    case = world.act(number, Action.return_, reason="核实后不属于本单位")
    assert case.status == "triage"


def test_a_complex_matter_too_is_kept_after_the_second_working_day(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.declare_complex, reason="涉及多个部门")
    world.clock.current = WEDNESDAY
    assert refused_code(world, number, Action.return_, reason="不是我们的") == (
        "return_window_closed"
    )


def test_complexity_is_said_within_the_first_working_day_and_once(world: World) -> None:
    late, early = world.file().case.number, world.file().case.number
    world.act(early, Action.declare_complex, reason="涉及多个部门")
    assert refused_code(world, early, Action.declare_complex, reason="再说一次") == (
        "complex_already_declared"
    )
    world.clock.current = TUESDAY
    assert refused_code(world, late, Action.declare_complex, reason="涉及多个部门") == (
        "complex_window_closed"
    )


def test_a_return_is_no_longer_offered_once_its_window_closed(world: World) -> None:
    number = world.file().case.number
    world.clock.current = TUESDAY
    assert world.allowed(number) == ["sign"]


def test_the_window_restarts_when_the_case_is_dispatched_again(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.return_, reason="不是我们的")
    world.clock.current = WEDNESDAY
    world.act(number, Action.reassign, world.coordinator, department="czj")
    world.clock.current = tianjin(2026, 12, 3, 17)  # Thursday: the first working day after
    assert world.act(number, Action.return_, reason="还是不是").status == "triage"


def test_the_fourth_dispatch_cannot_be_returned(world: World) -> None:
    number = world.file().case.number  # the first dispatch, by the router
    for _ in range(3):  # returned, and dispatched again: the second, third, fourth
        world.act(number, Action.return_, reason="不是我们的")
        world.act(number, Action.reassign, world.coordinator, department="czj")
    assert refused_code(world, number, Action.return_, reason="还是不是") == "dispatch_final"
    assert refused_code(world, number, Action.declare_complex, reason="复杂") == "dispatch_final"


def test_the_third_dispatch_can_still_be_returned(world: World) -> None:
    number = world.file().case.number
    for _ in range(2):
        world.act(number, Action.return_, reason="不是我们的")
        world.act(number, Action.reassign, world.coordinator, department="czj")
    assert world.act(number, Action.return_, reason="还是不是").return_count == 3
