"""The policy's limits by request type (诉求类型) and for supervision orders (督办)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.deadlines.policy import load_policy, resolve_rule
from backend.errors import ConfigError
from backend.settings import DEFAULT_POLICY

CLOCKS = (
    "clocks: {sign: {days: 1}, resolve: {days: 15}, report: {days: 7}, "
    "follow_up: {days: 1}, rectify: {days: 30}}\n"
)


def test_the_default_policy_has_the_12345_limits_by_type() -> None:
    policy = load_policy(DEFAULT_POLICY)
    limits = {name: (rule.days, rule.unit) for name, rule in policy.request_types.items()}
    assert limits == {
        "inquiry": (2, "working"),
        "help": (10, "working"),
        "complaint": (15, "working"),
        "report": (15, "working"),
        "suggestion": (5, "working"),
    }
    assert (policy.supervision.days, policy.supervision.unit) == (5, "working")


def test_a_type_the_policy_leaves_out_runs_the_resolve_clocks_length(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(CLOCKS + "request_types: {inquiry: {days: 3}}\n", encoding="utf-8")
    policy = load_policy(path)
    assert [resolve_rule(policy, t).days for t in ("inquiry", "help", None)] == [3, 15, 15]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("request_types: {gossip: {days: 3}}", "request_types.gossip"),
        ("request_types: {inquiry: {days: -2}}", "request_types.inquiry.days"),
        ("supervision: {days: 1000}", "supervision.days"),
    ],
)
def test_a_bad_limit_is_refused_naming_it(tmp_path: Path, extra: str, words: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(CLOCKS + extra + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_policy(path)
    assert words in str(caught.value)
