"""A service's refusal as the chat shows it: its code, and its message in each language."""

from __future__ import annotations

from backend.errors import ValidationFailed
from backend.languages import LANGUAGES
from backend.messages import MESSAGES
from dialogs import ports as dp


def refused_in_words(error: ValidationFailed) -> dp.SubmissionRefused:
    """Return the dialog's refusal of a refused value, worded as the API words it.

    The dialog shows its own text for the code when it has one, else these words: a value
    the service refuses fails however often it is sent, so "please try later" would mislead.
    """
    worded = {lang: error.message(lang) for lang in LANGUAGES} if error.code in MESSAGES else {}
    return dp.SubmissionRefused(error.code, worded=worded, **error.params)
