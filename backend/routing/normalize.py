"""Fold complaint text into one comparable form before any matching."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

# Characters that render as nothing but split words for a matcher: zero-width space and
# joiners, word joiner, byte-order mark, soft hyphen, emoji variation selectors.
# A lone surrogate (a broken client) cannot be encoded for the converter: it becomes a space.
_INVISIBLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f")),
    **dict.fromkeys(range(0xD800, 0xE000), " "),
}

# Built once: loading the conversion tables costs milliseconds, converting a text microseconds.
_TO_SIMPLIFIED = opencc.OpenCC("t2s")


@lru_cache(maxsize=64)
def normalize(text: str) -> str:
    """Fold width, case, tone marks and traditional characters; punctuation becomes spaces.

    The last texts' answers are kept: a filing reads its text three times (search words,
    routing, request type), 20-25 us each (issue 13, item 3).
    """
    folded = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).lower()
    if not folded.isascii():
        folded = to_simplified(folded)
        # Decompose so that tone marks typed with pinyin (yī bǎo) fall away as marks; ü is
        # written v on a keyboard (lv, nv), as pypinyin spells it.
        decomposed = unicodedata.normalize("NFD", folded).replace("u\u0308", "v")
        folded = "".join(_fold_char(ch) for ch in decomposed)
    else:
        folded = "".join(ch if ch.isalnum() else " " for ch in folded)
    return " ".join(folded.split())


def to_simplified(text: str) -> str:
    """Return the text with traditional Chinese characters written simplified (醫保 -> 医保)."""
    return str(_TO_SIMPLIFIED.convert(text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    kind = unicodedata.category(ch)
    if kind.startswith("M"):
        return ""
    if kind[0] in "LN":
        return ch
    return " "
