"""Text folding before matching."""

from __future__ import annotations

import pytest

from backend.routing.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＰＰＰ項目，補貼！", "ppp项目 补贴"),
        ("醫保斷繳，鈴鐺閣街道", "医保断缴 铃铛阁街道"),
        ("abc\ud800醫保", "abc 医保"),
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


def test_simplified_text_stays_as_it_is() -> None:
    text = "干部收了红包 后面的面馆 双环邨"
    assert normalize(text) == text


def test_normalize_is_idempotent() -> None:
    once = normalize("【投诉】ＰＰＰ項目 Yī bǎo…")
    assert normalize(once) == once


def test_a_text_read_again_is_folded_once() -> None:
    normalize.cache_clear()
    raw = "區裡的項目做完了，工程款一直拖欠不付（第7次）"
    first = normalize(raw)
    assert first == "区里的项目做完了 工程款一直拖欠不付 第7次"
    assert normalize(raw[:]) == first == normalize(str(raw))
    assert normalize.cache_info().misses == 1 and normalize.cache_info().hits == 2
