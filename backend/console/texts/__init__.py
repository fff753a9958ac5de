"""The console's words in Chinese and English, looked up by key (the dialogs' mechanism).

Same shape as `dialogs/texts`: one module per language holding a flat `TEXTS` dict with
dotted keys, `render(language, key, **params)` with `str.format` placeholders, Chinese when
the language is unknown. Templates call it as `t("signin.title")`. Messages of refused input
that services raise (`ValidationFailed`) keep coming from `backend/messages.py`, so the API
and the console word a refusal the same way. A test checks that both languages have the same
keys and placeholders and that every key a template or page names exists.
"""

from __future__ import annotations

from backend.console.texts import (
    en,
    en_admin,
    en_channels,
    en_handoff,
    en_records,
    zh,
    zh_admin,
    zh_channels,
    zh_handoff,
    zh_records,
)

CATALOGUES: dict[str, dict[str, str]] = {
    "zh": zh.TEXTS | zh_handoff.TEXTS,
    "en": en.TEXTS | en_handoff.TEXTS,
}
CATALOGUES["zh"].update(zh_admin.TEXTS)  # the administration pages' words
CATALOGUES["en"].update(en_admin.TEXTS)
CATALOGUES["zh"].update(zh_records.TEXTS)  # the records screens' words (issue 11)
CATALOGUES["en"].update(en_records.TEXTS)
DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")


def render(language: str, key: str, **params: object) -> str:
    """Return the text for a key in a language (Chinese when the language is unknown)."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue[key].format(**params)


def has(key: str) -> bool:
    """Return whether a text exists for a key."""
    return key in CATALOGUES[DEFAULT_LANGUAGE]


def label(language: str, key: str, default: str) -> str:
    """Return the text for a key without placeholders, or `default` when there is none."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue.get(key, default)


# The ledger and assessment pages' words (issue 11), kept in modules of their own.
from backend.console.texts import en_books, zh_books  # noqa: E402

CATALOGUES["zh"] = {**CATALOGUES["zh"], **zh_books.TEXTS}
CATALOGUES["en"] = {**CATALOGUES["en"], **en_books.TEXTS}
# Issue 15's pages (the inbox, channels) keep their words in modules of their own.
CATALOGUES["zh"].update(zh_channels.TEXTS)
CATALOGUES["en"].update(en_channels.TEXTS)
# The on-duty roster's words (issue 12).
from backend.console.texts import en_duty, zh_duty  # noqa: E402

CATALOGUES["zh"].update(zh_duty.TEXTS)
CATALOGUES["en"].update(en_duty.TEXTS)
# A refused form field, on any form (backend.console.over_long).
from backend.console.texts import en_forms, zh_forms  # noqa: E402

CATALOGUES["zh"].update(zh_forms.TEXTS)
CATALOGUES["en"].update(en_forms.TEXTS)
