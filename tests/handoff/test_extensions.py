"""延期: at most 10 working days each time, at most twice per case (policy.yaml)."""

from __future__ import annotations

import pytest

from backend.cases.workflow import Action
from backend.errors import RuleRefused, ValidationFailed
from tests.deadlines.conftest import World


def extend(world: World, number: str, days: int) -> None:
    world.act(number, Action.request_extension, days=days, reason="需要现场核实")
    world.act(number, Action.approve_extension, world.coordinator)


def test_two_extensions_are_granted_and_a_third_is_refused(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    extend(world, number, 10)
    extend(world, number, 5)
    with pytest.raises(RuleRefused) as refused:
        world.act(number, Action.request_extension, days=1, reason="还需要时间")
    assert refused.value.code == "extension_limit_reached"
    assert "最多只能延期 2 次" in refused.value.message("zh")
    assert "request_extension" not in world.allowed(number)


def test_a_denied_request_does_not_count(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    extend(world, number, 3)
    world.act(number, Action.request_extension, days=3, reason="需要时间")
    world.act(number, Action.deny_extension, world.coordinator, reason="不必")
    extend(world, number, 3)


def test_an_extension_of_eleven_working_days_is_refused(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    with pytest.raises(ValidationFailed) as refused:
        world.act(number, Action.request_extension, days=11, reason="需要很久")
    assert (refused.value.code, refused.value.params) == ("bad_extension", {"max": 10})
