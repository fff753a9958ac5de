"""Pinyin typed in Latin letters and read from characters."""

from __future__ import annotations

import pytest

from backend.routing.pinyin import char_syllable, split_pinyin


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("yibao", ("yi", "bao")),
        ("duanjiao", ("duan", "jiao")),
        ("xianyangbeilu", ("xian", "yang", "bei", "lu")),
        ("xigua", ("xi", "gua")),
        ("hello", None),
        ("ppp", None),
        ("", None),
    ],
)
def test_split_pinyin_uses_the_fewest_syllables_or_gives_up(
    word: str, expected: tuple[str, ...] | None
) -> None:
    assert split_pinyin(word) == expected


def test_char_syllable_reads_characters_without_tones() -> None:
    assert [char_syllable(c) for c in "医保绿"] == ["yi", "bao", "lv"]
