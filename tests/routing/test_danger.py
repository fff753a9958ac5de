"""Words of immediate danger: found however they are typed, with the number to call."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.deadlines.policy import load_policy
from backend.routing.danger import DangerWords

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def danger() -> DangerWords:
    policy = load_policy(ROOT / "dialogs" / "config" / "policy.yaml")
    return DangerWords({str(k): v for k, v in policy.urgent.danger.items()})


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("楼下餐馆着火了，烟都飘到我家了", "119"),
        ("樓下餐館起火了", "119"),  # traditional characters
        ("有人拿着刀，持刀威胁邻居", "110"),
        ("工人被打伤，现在流血不止", "120"),  # 120 goes before 110 when both apply
        ("小区配电箱漏电，电线裸露", "other"),
        ("There is a GAS LEAK in our stairwell", "119"),
        ("工程款一直拖欠不付", None),
        ("The fire exit is blocked with bikes", None),  # a hazard, not a fire
        ("消防通道堵死了，真要着火消防车进不来", None),  # what could happen, not what does
    ],
)
def test_words_of_danger_name_the_number_to_call(
    danger: DangerWords, text: str, number: str | None
) -> None:
    assert danger.flag(text) == number
