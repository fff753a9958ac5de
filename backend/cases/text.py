"""Checks on the free text of a case."""

from __future__ import annotations

from backend.errors import ValidationFailed
from backend.storable import is_storable
from dialogs.parsing import (  # one rule of what a reader sees
    drop_direction_controls,
    has_words,
    visible_length,
)

__all__ = ["check_text", "has_words", "visible_length", "visible_text"]


def visible_text(text: str | None) -> str | None:
    """Return the text without outer white space, or None when a reader would see nothing.

    White space, invisible marks (zero-width, bidi controls) and control characters only
    count as nothing (`visible_length` 0): a reason, a note or a document number of them is
    missing, not given. NUL is not blank: the storable rule refuses it. Explicit direction
    controls are dropped (`drop_direction_controls`): they only turn what staff read around.
    """
    kept = drop_direction_controls(text or "").strip()
    return kept if visible_length(kept) else None


def check_text(text: str, *, min_length: int, max_length: int) -> str:
    """Return the text with outer white space and direction controls removed, or refuse it.

    Otherwise the text is kept verbatim (zero-width marks and emoji included).

    Refuses (ValidationFailed) an empty, too short or too long text, and one the database
    cannot store (NUL, a lone surrogate): the one check behind every channel's intake.
    """
    if not is_storable(text):
        raise ValidationFailed("unstorable_form_text", field="text")
    cleaned = drop_direction_controls(text).strip()
    length = visible_length(cleaned)
    if length == 0:
        raise ValidationFailed("text_empty", field="text")
    if length < min_length:
        raise ValidationFailed("text_too_short", field="text", min=min_length)
    if not has_words(cleaned):  # five emoji, "12345": nothing anyone could act on
        raise ValidationFailed("text_no_words", field="text")
    if len(text) > max_length:  # as sent, white space included: what the API documents
        raise ValidationFailed("text_too_long", field="text", length=len(text), max=max_length)
    return cleaned
