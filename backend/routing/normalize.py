"""Fold complaint text into one comparable form before any matching."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Characters that render as nothing but split words for a matcher: zero-width space and
# joiners, word joiner, byte-order mark, soft hyphen, emoji variation selectors.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f"))


def normalize(text: str) -> str:
    """Fold width, case and tone marks; turn punctuation and symbols into single spaces."""
    folded = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).lower()
    if not folded.isascii():
        # Decompose so that tone marks typed with pinyin (yī bǎo) fall away as marks; ü is
        # written v on a keyboard (lv, nv), as pypinyin spells it.
        decomposed = unicodedata.normalize("NFD", folded).replace("u\u0308", "v")
        folded = "".join(_fold_char(ch) for ch in decomposed)
    else:
        folded = "".join(ch if ch.isalnum() else " " for ch in folded)
    return " ".join(folded.split())


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    kind = unicodedata.category(ch)
    if kind.startswith("M"):
        return ""
    if kind[0] in "LN":
        return ch
    return " "
