"""The records package keeps the house's file limit, and its steps cover every action."""

from __future__ import annotations

from pathlib import Path

import backend.records
from backend.records.commands import RecordAction
from backend.records.steps import STEPS

PACKAGE = Path(backend.records.__file__).resolve().parent
LINE_LIMIT = 400


def test_every_records_module_stays_under_400_lines() -> None:
    long = {
        path.name: n
        for path in PACKAGE.glob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) >= LINE_LIMIT
    }
    assert long == {}


def test_every_record_action_has_exactly_one_step() -> None:
    assert set(STEPS) == set(RecordAction)
