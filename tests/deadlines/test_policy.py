"""The policy file: the default loads, broken ones are refused with the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.deadlines.policy import load_policy
from backend.errors import ConfigError
from backend.settings import DEFAULT_POLICY


def test_the_default_policy_has_the_domain_time_limits() -> None:
    policy = load_policy(DEFAULT_POLICY)
    limits = {kind: (rule.days, rule.unit) for kind, rule in policy.clocks.items()}
    assert limits["sign"] == (1, "working") and limits["resolve"] == (15, "working")
    assert limits["report"] == (7, "working")
    assert policy.reminders.before_due == (2, 1)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("clocks: [", "bad YAML"),
        ("clocks: {sign: {days: 1}}", "clocks: missing follow_up, rectify, report, resolve"),
        ("office_hours: {start: '18:00', end: '08:00'}\nclocks: {}", "office_hours"),
        ("clocks: {sign: {days: -1}}", "clocks.sign.days"),
    ],
)
def test_broken_policies_are_refused(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_policy(path)
    assert str(caught.value).startswith(str(path)) and words in str(caught.value)
