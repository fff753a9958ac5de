"""The console's catalogue: both languages alike, and every key the pages name exists."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

import backend.console
from backend.console import texts
from backend.console.texts import en, zh
from backend.people.models import Role

CONSOLE = Path(backend.console.__file__).resolve().parent


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def test_both_languages_have_the_same_keys() -> None:
    assert set(zh.TEXTS) == set(en.TEXTS)


@pytest.mark.parametrize("key", sorted(zh.TEXTS))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    assert _placeholders(zh.TEXTS[key]) == _placeholders(en.TEXTS[key])


def test_every_key_named_in_a_template_or_a_page_has_a_text() -> None:
    used: set[str] = set()
    for path in [*CONSOLE.rglob("*.html"), *CONSOLE.rglob("*.py")]:
        if "texts" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_]+)["']""", source))
        keys = re.findall(r'"((?:error|signin|password|home)\.[a-z_]+)"', source)
        used |= {key for key in keys if not key.endswith(".html")}  # not a template's name
    assert len(used) > 20, "the patterns find keys"
    assert sorted(key for key in used if not texts.has(key)) == []


def test_every_key_built_at_run_time_has_a_text() -> None:
    built = [f"role.{role.value}" for role in Role]
    built += [  # the dashboard's trend charts, by week or by month (backend.stats.dashboard)
        f"dashboard.chart_trend_{measure}_{grouping}"
        for measure in ("received", "rates")
        for grouping in ("week", "month")
    ]

    assert sorted(key for key in built if not texts.has(key)) == []
