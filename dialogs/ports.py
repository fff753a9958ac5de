"""The services the dialog engine asks for; the backend implements them, tests fake them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Protocol

from dialogs.findings import FINDINGS as FINDINGS  # kept here for the modules importing it
from dialogs.findings import Finding as Finding
from dialogs.model import ChatRef, FileRef, GeoPoint
from dialogs.ports_email import ReporterEmailServices
from dialogs.ports_records import RecordRequestServices
from dialogs.record_draft import SEVERITIES as SEVERITIES
from dialogs.record_draft import RecordDraft as RecordDraft
from dialogs.record_draft import Severity as Severity

Rating = Literal["satisfied", "basically_satisfied", "dissatisfied"]
RATINGS: tuple[Rating, ...] = ("satisfied", "basically_satisfied", "dissatisfied")


class SubmissionRefused(Exception):
    """The backend refuses an action; the code names a text (`refused.<code>`) to show, the
    params fill it (the earlier record's number, ...). `worded`: the backend's own message
    by language, shown when the chat has no text for the code."""

    def __init__(
        self, message_code: str, *, worded: Mapping[str, str] | None = None, **params: object
    ) -> None:
        super().__init__(message_code)
        self.message_code = message_code
        self.params = params
        self.worded: Mapping[str, str] = dict(worded or {})


@dataclass(frozen=True)
class Limits:
    """Bounds on what a chat may send."""

    max_text_length: int = 2000
    min_text_length: int = 5  # of a complaint's description and a record's summary
    max_attachments: int = 5
    max_attachment_bytes: int = 10 * 1024 * 1024
    daily_complaints: int = 5


@dataclass(frozen=True)
class CategoryChoice:
    """A category the router proposes."""

    id: str
    zh: str
    en: str
    street_level: bool  # handled by the street office where it happened


@dataclass(frozen=True)
class RouteProposal:
    """The router's answer for a description: candidates best first."""

    candidates: tuple[CategoryChoice, ...]
    confident: bool  # the first candidate may be confirmed with one tap
    street: str | None = None  # code of a street office named in the text
    request_type: str | None = None  # 诉求类型 read in the text (inquiry, help, complaint, ...)


@dataclass(frozen=True)
class StreetChoice:
    """A street office (街道) of the district."""

    code: str
    zh: str
    en: str


@dataclass(frozen=True)
class ComplaintDraft:
    """A complaint as the citizen filled it in the chat."""

    chat: ChatRef
    language: str
    text: str
    category: str | None  # None: "none of these", the lead office places it (triage)
    street: str | None
    location_text: str | None
    location: GeoPoint | None
    occurred_on: date | None  # the day, or the first day of a span typed (上个月中旬)
    attachments: tuple[FileRef, ...]
    anonymous: bool
    name: str | None
    phone: str | None  # digits only, a Chinese mobile or landline number
    occurred_until: date | None = None  # the last day of a span typed, else None
    occurred_as: str | None = None  # the words of a span typed, kept with the case
    street_unsure: bool = False  # asked for the street, the citizen tapped "not sure"
    urgent: bool | None = None  # asked about immediate danger: the answer; None: not asked
    request_type: str | None = None  # 诉求类型 confirmed or read in the text; None: the backend's


@dataclass(frozen=True)
class ClerkView:
    """A staff account (联络员) bound to a chat."""

    staff_id: int
    name: str
    unit_code: str
    unit_zh: str
    unit_en: str

    def to_dict(self) -> dict[str, Any]:
        """Return the view as JSON-ready data for the dialog state."""
        return {
            "staff_id": self.staff_id,
            "name": self.name,
            "unit_code": self.unit_code,
            "unit_zh": self.unit_zh,
            "unit_en": self.unit_en,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ClerkView:
        """Read a view written by `to_dict`."""
        return cls(
            staff_id=int(raw["staff_id"]),
            name=str(raw["name"]),
            unit_code=str(raw["unit_code"]),
            unit_zh=str(raw["unit_zh"]),
            unit_en=str(raw["unit_en"]),
        )


@dataclass(frozen=True)
class Receipt:
    """The filed case's number, and the PIN (提取码) when anonymous, shown once."""

    number: str
    pin: str | None = None


@dataclass(frozen=True)
class StatusView:
    """What a reporter may see of a case; a watcher (a follower) sees no reply."""

    number: str
    status: str  # received | triage | routed | signed | in_progress | resolved | closed | rejected
    category_zh: str | None = None
    category_en: str | None = None
    holder_zh: str | None = None  # the unit holding the case
    holder_en: str | None = None
    reply: str | None = None  # the answer when resolved, the reason when rejected
    updated_on: date | None = None
    merged_into: str | None = None  # the number of the case this one was merged into


@dataclass(frozen=True)
class SimilarCase:
    """An open case that looks like the complaint being filed (the same unit and category).

    It says only what the case is about and who holds it: never another reporter's words,
    which may name them (decision 8).
    """

    number: str
    category_zh: str
    category_en: str
    holder_zh: str
    holder_en: str
    filed_on: date


@dataclass(frozen=True)
class CaseLine:
    """One line of "my cases": a case the chat filed, or one it follows (跟进)."""

    number: str
    status: str
    filed_on: date
    following: bool = False


@dataclass(frozen=True)
class QueueItem:
    """A case routed to the clerk's unit and waiting to be signed for (签收)."""

    number: str
    category_zh: str | None
    category_en: str | None
    excerpt: str
    due_on: date | None = None  # the sign-for deadline


class DialogServices(RecordRequestServices, ReporterEmailServices, Protocol):
    """What the engine needs from the backend; every call is inside the caller's transaction.

    `submit_complaint`, `rate_case`, `sign_case` and `submit_record` may raise
    `SubmissionRefused`; the engine shows its text and keeps the dialog where it was.
    """

    @property
    def limits(self) -> Limits:
        """Return the bounds on text, attachments and complaints per day."""
        ...

    def today(self) -> date:
        """Return today's date in the district's time zone."""
        ...

    def route(self, text: str) -> RouteProposal:
        """Propose categories for a description, best first."""
        ...

    def streets(self) -> Sequence[StreetChoice]:
        """Return the district's street offices in display order."""
        ...

    def find_street(self, text: str) -> str | None:
        """Return the code of the street office a typed place names, if any."""
        ...

    def street_at(self, latitude: float, longitude: float) -> str | None:
        """Return the code of the street office at a location, None outside the district."""
        ...

    def complaints_today(self, chat: ChatRef) -> int:
        """Return how many complaints this chat filed today."""
        ...

    def similar_cases(self, text: str, category: str, street: str | None) -> Sequence[SimilarCase]:
        """Return open cases like this complaint, most alike first (may be empty)."""
        ...

    def follow_case(self, number: str, chat: ChatRef, language: str) -> None:
        """Send this chat the updates of an open case; may raise SubmissionRefused."""
        ...

    def submit_complaint(self, draft: ComplaintDraft) -> Receipt:
        """File a complaint; the receipt has a PIN when it is anonymous."""
        ...

    def case_status(self, number: str, pin: str | None, chat: ChatRef) -> StatusView | None:
        """Return a case the chat filed, follows or whose PIN matches; None otherwise.

        A chat that only follows the case (or filed a repeat merged into it) gets its
        progress without the reply: that was written to the reporter.
        """
        ...

    def my_cases(self, chat: ChatRef) -> Sequence[CaseLine]:
        """Return the cases this chat filed or follows, newest first."""
        ...

    def rating_open(self, number: str, chat: ChatRef) -> bool:
        """Return whether this chat's case still waits for its rating (resolved, unrated)."""
        ...

    def rate_case(self, number: str, rating: Rating, comment: str | None, chat: ChatRef) -> bool:
        """Record the rating (回访); False: the case no longer waited, so it became a note."""
        ...

    def note_rating(
        self, number: str, rating: Rating | None, comment: str | None, chat: ChatRef
    ) -> None:
        """Keep a rating or comment that came after the case stopped waiting, as a note on it."""
        ...

    def bind_clerk(self, code: str, chat: ChatRef, language: str) -> ClerkView | None:
        """Link the chat to a one-time code's staff account, notices in `language`; or None."""
        ...

    def keep_language(self, chat: ChatRef, language: str) -> None:
        """Write the chat's notices (reminders, case updates) in `language` from now on."""
        ...

    def bound_clerk(self, chat: ChatRef) -> ClerkView | None:
        """Return the active staff account bound to the chat now; None once cut off."""
        ...

    def clerk_queue(self, clerk: ClerkView) -> Sequence[QueueItem]:
        """Return the cases of the clerk's unit waiting to be signed for; may refuse."""
        ...

    def sign_case(self, clerk: ClerkView, number: str) -> None:
        """Sign for a case (签收) on behalf of the clerk's unit."""
        ...

    def record_source(self, clerk: ClerkView, number: str) -> str | None:
        """Return the number of a complaint of the clerk's unit a record may name, else None."""
        ...

    def submit_record(self, draft: RecordDraft) -> Receipt:
        """File a dishonesty record with the lead office."""
        ...

    def record_unit(self, text: str) -> str | None:
        """Return the official Chinese name of the unit a clerk typed, or None when unknown."""
        ...

    def danger_of(self, text: str) -> str | None:
        """Return the emergency number words of danger in a text call for ("other"), or None."""
