"""Fixtures of the assessment and evaluator tests: an evaluator's API token."""

from __future__ import annotations

import pytest

from backend.bootstrap import Container
from tests.evaluator import evaluator_token


@pytest.fixture
def evaluator(container: Container) -> dict[str, str]:
    return evaluator_token(container)
