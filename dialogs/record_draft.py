"""A dishonesty record as a clerk filled it in the chat (the port's RecordDraft)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from dialogs.model import ChatRef, FileRef

if TYPE_CHECKING:  # dialogs.ports re-exports RecordDraft, so it cannot be imported here
    from dialogs.ports import ClerkView, Finding

Severity = Literal["minor", "general", "serious"]  # sets the publicity period (公示期)
SEVERITIES: tuple[Severity, ...] = ("minor", "general", "serious")


@dataclass(frozen=True)
class RecordDraft:
    """A dishonesty record (政务失信记录) as a clerk filled it in."""

    clerk: ClerkView
    chat: ChatRef
    language: str
    person: str
    unit: str
    finding: Finding
    document_number: str | None  # None: the paperwork is pending, registered as a draft
    arose_on: date
    summary: str
    attachments: tuple[FileRef, ...]
    source_case: str | None = None  # the complaint case it came from (its number), if any
    post: str = ""  # the person's post (职务)
    severity: Severity | None = None  # None only from a caller that did not ask
    authority: str = ""  # the deciding authority (认定机关): a court, agency or discipline body
