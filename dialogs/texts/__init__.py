"""Every user-facing text, in Chinese and English, looked up by key."""

from __future__ import annotations

from dialogs.texts import en, zh

CATALOGUES: dict[str, dict[str, str]] = {"zh": zh.TEXTS, "en": en.TEXTS}
DEFAULT_LANGUAGE = "zh"


def render(language: str, key: str, **params: object) -> str:
    """Return the text for a key in a language (Chinese when the language is unknown)."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue[key].format(**params)


def has(key: str) -> bool:
    """Return whether a text exists for a key."""
    return key in CATALOGUES[DEFAULT_LANGUAGE]
