"""A file's name as it is kept and shown: no folders, no control or direction marks.

A reviewer uploaded `a\u202egpj.exe` (U+202E, right-to-left override): the console listed it
as "aexe.jpg", the classic way to make a program look like a photo, and the download header
carried the mark. Every channel's file name is kept through `clean_file_name` (the web chat's
header, Telegram's document name, the API's upload), and a name kept before this rule is
cleaned where it is shown and served.
"""

from __future__ import annotations

import re

from backend.cases.models import Attachment

MAX_NAME_LENGTH = 255  # characters, as the column holds
# C0 and C1 controls, and the marks that reorder what follows them (LRM/RLM, ALM, the
# embeddings, overrides and isolates): none belongs in a file's name.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FOLDERS = re.compile(r"[/\\]")
_EXTENSION = re.compile(r"\.[0-9A-Za-z]{1,16}$")  # what tells a reader the file's type


def clean_file_name(name: str | None) -> str | None:
    """Return the name without folders (`../`, `C:\\`), controls and direction marks, at
    most 255 characters, a longer one cut before its extension (`.pdf` stays); None when
    nothing is left."""
    if not name:
        return None
    kept = _HIDDEN.sub("", _FOLDERS.split(name)[-1]).strip()
    if len(kept) <= MAX_NAME_LENGTH:
        return kept or None
    extension = _EXTENSION.search(kept)
    suffix = extension.group() if extension else ""
    return kept[: MAX_NAME_LENGTH - len(suffix)] + suffix


def file_name_of(row: Attachment) -> str:
    """Return a kept file's name as pages, API answers and downloads show it (cleaned again:
    a name kept before `clean_file_name` may hold the marks), or `attachment-ID`."""
    return clean_file_name(row.filename) or f"attachment-{row.id}"
