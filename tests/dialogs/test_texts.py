"""Every text exists in both languages with the same placeholders; every key used exists."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from dialogs import texts
from dialogs.flows.complaint.summary import ComplaintSummary
from dialogs.flows.record import RecordSummary
from dialogs.flows.registry import FLOWS
from dialogs.ports import FINDINGS, RATINGS
from dialogs.texts import en, zh

DIALOGS = Path(texts.__file__).resolve().parents[1]
STATUSES = (
    "received",
    "triage",
    "routed",
    "signed",
    "in_progress",
    "resolved",
    "closed",
    "rejected",
)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def test_both_languages_have_the_same_keys() -> None:
    assert set(zh.TEXTS) == set(en.TEXTS)


@pytest.mark.parametrize("key", sorted(zh.TEXTS))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    assert _placeholders(zh.TEXTS[key]) == _placeholders(en.TEXTS[key])


def test_every_key_named_in_the_code_has_a_text() -> None:
    used: set[str] = set()
    for path in DIALOGS.rglob("*.py"):
        if "texts" in path.parts:
            continue
        used |= set(re.findall(r'"([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used, "the pattern finds keys"
    assert sorted(key for key in used if not texts.has(key)) == []


def test_every_key_built_at_run_time_has_a_text() -> None:
    built = (
        [f"case.{status}" for status in STATUSES]
        + [f"finding.{finding}" for finding in FINDINGS]
        + [f"rating.{rating}" for rating in RATINGS]
        + [f"flow.{name}" for name in FLOWS]
        + [f"edit.{field}" for field in (*ComplaintSummary.edits, *RecordSummary.edits)]
    )
    assert [key for key in built if not texts.has(key)] == []


def test_an_unknown_language_falls_back_to_chinese() -> None:
    assert texts.render("fr", "nav.back") == zh.TEXTS["nav.back"]
