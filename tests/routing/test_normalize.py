"""Text folding before matching."""

from __future__ import annotations

import pytest

from backend.routing.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＰＰＰ項目，補貼！", "ppp項目 補貼"),
        ("Yī Bǎo", "yi bao"),
        ("lǜ nǚ", "lv nv"),
        ("医\u200b保\ufeff断缴", "医保断缴"),
        ("  a\u3000\tb\n\nc  ", "a b c"),
        ("No.１２３", "no 123"),
        ("😀🙏🏻", ""),
        ("", ""),
    ],
)
def test_normalize_folds_width_case_marks_and_punctuation(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_is_idempotent() -> None:
    once = normalize("【投诉】ＰＰＰ項目 Yī bǎo…")
    assert normalize(once) == once
