"""Toneless pinyin of Chinese characters and of pinyin typed in Latin letters (ü as v)."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LONGEST_SYLLABLE = 6  # zhuang, shuang, chuang


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Return every toneless pinyin syllable that has a vowel (so not hm, ng, m, n)."""
    readings = {reading for value in pinyin_dict.values() for reading in value.split(",")}
    toneless = {to_normal(reading) for reading in readings}
    return frozenset(s for s in toneless if s.isascii() and s.isalpha() and set(s) & set("aeiouv"))


@lru_cache(maxsize=1)
def _char_syllables() -> dict[str, str]:
    """Return every character pypinyin knows with its first toneless reading (built once).

    The first reading is what `lazy_pinyin` gives a character alone; a table read once
    keeps the first sight of a character as cheap as the second (issue 13: no warm cache).
    """
    toneless: dict[str, str] = {}
    table: dict[str, str] = {}
    for code, readings in pinyin_dict.items():
        first = readings.split(",", 1)[0]
        plain = toneless.get(first)
        if plain is None:
            plain = toneless[first] = to_normal(first)
        table[chr(code)] = plain
    return table


def char_syllable(char: str) -> str:
    """Return the usual toneless reading of one Chinese character, or the character itself."""
    return _char_syllables().get(char, char)


def word_syllables(word: str) -> tuple[str, ...]:
    """Return the reading of a Chinese word, with each character read in context (行 in 银行)."""
    return tuple(lazy_pinyin(word))


@lru_cache(maxsize=4096)
def split_pinyin(word: str) -> tuple[str, ...] | None:
    """Split Latin letters into the fewest pinyin syllables (yibao -> yi bao), or None."""
    known = syllables()
    # fewest[i]: the fewest syllables that spell word[:i]; cut[i]: where the last one starts.
    fewest: list[int | None] = [0] + [None] * len(word)
    cut = [0] * (len(word) + 1)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            before, current = fewest[start], fewest[end]
            if before is None or word[start:end] not in known:
                continue
            if current is None or before + 1 < current:
                fewest[end], cut[end] = before + 1, start
    if not word or fewest[-1] is None:
        return None
    parts: list[str] = []
    end = len(word)
    while end:
        parts.append(word[cut[end] : end])
        end = cut[end]
    return tuple(reversed(parts))
