"""The notices' words: a provisional due date reads well in every Chinese template."""

from __future__ import annotations

import string
from collections import defaultdict
from datetime import date

import pytest

from backend.notifications.texts import TEXTS, due_text

PROVISIONAL = due_text(date(2027, 1, 5), True, "zh")
WITH_DUE = sorted(key for key, entry in TEXTS.items() if "{due}" in entry["zh"])


def test_a_provisional_due_date_is_marked_in_chinese() -> None:
    assert PROVISIONAL == "2027-01-05（暂定）"
    assert due_text(date(2027, 1, 5), False, "zh") == "2027-01-05"


@pytest.mark.parametrize("key", WITH_DUE)
def test_no_chinese_notice_leaves_a_space_after_the_provisional_mark(key: str) -> None:
    template = TEXTS[key]["zh"]
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    values: defaultdict[str, str] = defaultdict(lambda: "某", due=PROVISIONAL)
    rendered = template.format_map({name: values[name] for name in names})
    assert not any(f"（暂定）{after}" in rendered for after in " （）"), rendered
