"""Crude English word stems, enough to match fined/fines/fine and buses/bus."""

from __future__ import annotations

from functools import lru_cache

_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Return a stem of a lower-case English word: no plural, tense or final e."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def stems(phrase: str) -> tuple[str, ...]:
    """Return the stems of a normalised phrase, word by word."""
    return tuple(stem(word) for word in phrase.split())
