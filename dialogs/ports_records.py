"""The services the objection (异议) and credit repair (信用修复) dialogs ask for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from dialogs.model import ChatRef, FileRef

RecordRequestKind = Literal["objection", "repair"]
REQUESTERS: tuple[str, ...] = ("person", "unit", "representative")


@dataclass(frozen=True)
class RecordTarget:
    """A record as the person or unit named in it may see it before objecting or applying:
    as the public page shows it, or (not published) its number alone, `person` and the unit
    empty."""

    number: str
    person: str
    unit_zh: str
    unit_en: str


@dataclass(frozen=True)
class RecordRequest:
    """An objection or a repair application as the chat collected it."""

    kind: RecordRequestKind
    number: str
    chat: ChatRef
    language: str
    requester: str  # REQUESTERS: the person named, the unit named, or a representative
    name: str
    reasons: str
    attachments: tuple[FileRef, ...] = ()


@dataclass(frozen=True)
class RecordRequestReceipt:
    """The record the request was filed on, and the working days the lead office has."""

    number: str
    days: int


class RecordRequestServices(Protocol):
    """The part of DialogServices that serves the people and units named in records."""

    def record_request_target(self, number: str, kind: RecordRequestKind) -> RecordTarget:
        """Return the record an objection or a repair application names, if it takes one now.

        Raises SubmissionRefused: `record_unknown`, or why the record takes none now.
        """
        ...

    def submit_record_request(self, request: RecordRequest) -> RecordRequestReceipt:
        """File an objection (异议) or a credit repair application (信用修复) on a record."""
        ...
