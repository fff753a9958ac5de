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


def test_every_character_reads_as_pypinyin_reads_it_alone() -> None:
    from pypinyin import lazy_pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    chars = [chr(code) for code in sorted(pinyin_dict)][::7]  # a seventh of them, spread out
    actual = [(char, char_syllable(char)) for char in chars]
    expected = [(char, (lazy_pinyin(char, errors="ignore") or [char])[0]) for char in chars]
    assert actual == expected
