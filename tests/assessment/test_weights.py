"""The assessment's weights in policy.yaml: the default loads, a broken section is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.deadlines.policy import load_policy
from backend.errors import ConfigError
from backend.settings import DEFAULT_POLICY

CLOCKS = (
    "clocks: {sign: {days: 1}, resolve: {days: 15}, report: {days: 7}, follow_up: {days: 1},"
    " rectify: {days: 30}}\n"
)


def test_the_default_policy_weighs_every_measure() -> None:
    weights = load_policy(DEFAULT_POLICY).assessment.weights

    assert sum(weights.values()) == 100.0 and len(weights) == 6


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ("assessment: {weights: {speed: 10}}", "unknown measure speed"),
        ("assessment: {weights: {sign_on_time: -1}}", "may not be negative"),
        ("assessment: {weights: {sign_on_time: 0}}", "at least one weight"),
    ],
)
def test_a_broken_assessment_section_is_refused(tmp_path: Path, section: str, words: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(CLOCKS + section, encoding="utf-8")

    with pytest.raises(ConfigError) as caught:
        load_policy(path)

    assert words in str(caught.value)
