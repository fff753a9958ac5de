"""An in-memory `DialogServices`: routing by keyword, cases in a dict, clerks by code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dialogs.model import ChatRef
from dialogs.ports import (
    CaseLine,
    CategoryChoice,
    ClerkView,
    ComplaintDraft,
    Limits,
    QueueItem,
    Rating,
    Receipt,
    RecordDraft,
    RouteProposal,
    SimilarCase,
    StatusView,
    StreetChoice,
    SubmissionRefused,
)
from dialogs.ports_records import (
    RecordRequest,
    RecordRequestKind,
    RecordRequestReceipt,
    RecordTarget,
)

PROCUREMENT = CategoryChoice("procurement", "政府采购", "Government procurement", False)
PROPERTY = CategoryChoice("property", "物业", "Property management", True)
HOUSING = CategoryChoice("housing", "住房", "Housing", True)
APPROVAL = CategoryChoice(
    "approval", "行政审批与政务服务", "Approvals and government services", False
)
ELDERLY = CategoryChoice("elderly_care", "养老", "Elderly care", True)

STREETS = (
    StreetChoice("xyz", "西于庄街道", "Xiyuzhuang Street"),
    StreetChoice("jy", "芥园街道", "Jieyuan Street"),
    StreetChoice("dzg", "丁字沽街道", "Dingzigu Street"),
)
# Words that name a street office, as the router's street finder would know them.
STREET_WORDS = {"西于庄": "xyz", "芥园": "jy", "jieyuan": "jy", "丁字沽": "dzg", "dingzigu": "dzg"}
JIEYUAN_AREA = (39.15, 39.17, 117.12, 117.15)  # south, north, west, east

# Keyword -> what the router proposes: confident, unsure, or confident and street-level.
PROPOSALS = {
    "采购": RouteProposal((PROCUREMENT, APPROVAL), confident=True),
    "procurement": RouteProposal((PROCUREMENT, APPROVAL), confident=True),
    "物业": RouteProposal((PROPERTY, HOUSING, APPROVAL), confident=False),
    "landlord": RouteProposal((PROPERTY, HOUSING, APPROVAL), confident=False),
    "养老": RouteProposal((ELDERLY, HOUSING), confident=True),
    "elderly": RouteProposal((ELDERLY, HOUSING), confident=True),
}

FGW_CLERK = ClerkView(
    7, "王芳", "fgw", "区发展改革委", "District Development and Reform Commission"
)


DANGER_WORDS = {"着火": "119", "fire": "119", "持刀": "110", "危房": "other"}


@dataclass
class FakeCase:
    """A case as the fake backend keeps it."""

    number: str
    chat: ChatRef
    anonymous: bool
    pin: str | None
    status: str = "received"
    reply: str | None = None
    merged_into: str | None = None


@dataclass
class FakeServices:
    """The backend as the dialogs see it, kept in memory."""

    limits: Limits = field(default_factory=Limits)
    day: date = date(2026, 11, 27)
    complaints: list[ComplaintDraft] = field(default_factory=list)
    records: list[RecordDraft] = field(default_factory=list)
    cases: dict[str, FakeCase] = field(default_factory=dict)
    ratings: list[tuple[str, Rating, str | None]] = field(default_factory=list)
    closed: set[str] = field(default_factory=set)  # cases that no longer wait for a rating
    notes: list[tuple[str, Rating | None, str | None]] = field(default_factory=list)
    unit_complaints: set[str] = field(default_factory=set)  # a record may name these
    unknown_units: set[str] = field(default_factory=set)  # units a record may not name
    codes: dict[str, ClerkView] = field(default_factory=lambda: {"INVITE42": FGW_CLERK})
    queue: list[QueueItem] = field(default_factory=list)
    signed: list[tuple[int, str]] = field(default_factory=list)
    refuse_with: str | None = None  # the next submission is refused with this code
    issued: int = 0
    open_cases: list[tuple[str, str, SimilarCase]] = field(
        default_factory=list
    )  # (category, street)
    followed: list[tuple[str, ChatRef, str]] = field(default_factory=list)
    bindings: dict[ChatRef, ClerkView] = field(default_factory=dict)
    languages: dict[ChatRef, str] = field(default_factory=dict)  # what notices are written in
    binding_checks: int = 0
    emails: dict[ChatRef, str] = field(default_factory=dict)  # /email, by chat
    confirmed_emails: set[ChatRef] = field(default_factory=set)  # confirmed by their owners
    email_limited: set[str] = field(default_factory=set)  # addresses past the day's limit
    email_sent: bool = True  # False: the deployment sends no email (no SMTP server)

    def today(self) -> date:
        return self.day

    def route(self, text: str) -> RouteProposal:
        proposal = next(
            (found for word, found in PROPOSALS.items() if word in text.lower()),
            RouteProposal((), confident=False),
        )
        return RouteProposal(proposal.candidates, proposal.confident, self.find_street(text))

    def danger_of(self, text: str) -> str | None:
        return next((number for word, number in DANGER_WORDS.items() if word in text), None)

    def streets(self) -> list[StreetChoice]:
        return list(STREETS)

    def find_street(self, text: str) -> str | None:
        return next((code for word, code in STREET_WORDS.items() if word in text.lower()), None)

    def street_at(self, latitude: float, longitude: float) -> str | None:
        south, north, west, east = JIEYUAN_AREA
        inside = south <= latitude <= north and west <= longitude <= east
        return "jy" if inside else None

    def similar_cases(self, text: str, category: str, street: str | None) -> list[SimilarCase]:
        return [case for cat, where, case in self.open_cases if (cat, where) == (category, street)]

    def follow_case(self, number: str, chat: ChatRef, language: str) -> None:
        self._maybe_refuse()
        self.followed.append((number, chat, language))

    def complaints_today(self, chat: ChatRef) -> int:
        return sum(1 for draft in self.complaints if draft.chat == chat)

    def submit_complaint(self, draft: ComplaintDraft) -> Receipt:
        self._maybe_refuse()
        self.complaints.append(draft)
        number = self._next_number()
        pin = f"{400000 + len(self.cases)}" if draft.anonymous else None
        self.cases[number] = FakeCase(number, draft.chat, draft.anonymous, pin)
        return Receipt(number, pin)

    def case_status(self, number: str, pin: str | None, chat: ChatRef) -> StatusView | None:
        case = self.cases.get(number)
        if case is None:
            return None
        if case.chat != chat and (case.pin is None or pin != case.pin):
            return None
        if pin is not None and case.pin is not None and pin != case.pin:
            return None
        return StatusView(
            number,
            case.status,
            holder_zh="区财政局",
            holder_en="District Finance Bureau",
            reply=case.reply,
            updated_on=self.day,
            merged_into=case.merged_into,
        )

    def my_cases(self, chat: ChatRef) -> list[CaseLine]:
        filed = [
            CaseLine(c.number, c.status, self.day) for c in self.cases.values() if c.chat == chat
        ]
        following = [
            CaseLine(number, "routed", self.day, following=True)
            for number, follower, _ in self.followed
            if follower == chat
        ]
        return filed + following

    def rating_open(self, number: str, chat: ChatRef) -> bool:
        rated = any(done == number for done, _, _ in self.ratings)
        return not rated and number not in self.closed

    def rate_case(self, number: str, rating: Rating, comment: str | None, chat: ChatRef) -> bool:
        self._maybe_refuse()
        if not self.rating_open(number, chat):
            self.notes.append((number, rating, comment))
            return False
        self.ratings.append((number, rating, comment))
        return True

    def note_rating(
        self, number: str, rating: Rating | None, comment: str | None, chat: ChatRef
    ) -> None:
        self._maybe_refuse()
        self.notes.append((number, rating, comment))

    def bind_clerk(self, code: str, chat: ChatRef, language: str) -> ClerkView | None:
        view = self.codes.pop(code, None)  # one-time codes
        if view is not None:
            self.bindings[chat] = view
            self.languages[chat] = language
        return view

    def keep_language(self, chat: ChatRef, language: str) -> None:
        self.languages[chat] = language

    def bound_clerk(self, chat: ChatRef) -> ClerkView | None:
        self.binding_checks += 1
        return self.bindings.get(chat)

    def sends_email(self) -> bool:
        return self.email_sent

    def reporter_email(self, chat: ChatRef) -> str | None:
        return self.emails.get(chat)

    def email_confirmed(self, chat: ChatRef) -> bool:
        return chat in self.confirmed_emails

    def set_reporter_email(self, chat: ChatRef, address: str | None, language: str) -> str:
        if address != self.emails.get(chat):  # a new address waits for its owner again
            self.confirmed_emails.discard(chat)
        if address is None:
            self.emails.pop(chat, None)
            return "removed"
        self.emails[chat] = address
        if chat in self.confirmed_emails:
            return "confirmed"
        return "limited" if address in self.email_limited else "sent"

    def unbind(self, chat: ChatRef) -> None:
        """Cut the chat off its staff account, as deactivating the account does."""
        self.bindings.pop(chat, None)

    def clerk_queue(self, clerk: ClerkView) -> list[QueueItem]:
        done = {number for _, number in self.signed}
        return [item for item in self.queue if item.number not in done]

    def sign_case(self, clerk: ClerkView, number: str) -> None:
        if (clerk.staff_id, number) in self.signed:
            raise SubmissionRefused("already_signed")
        if number not in {item.number for item in self.queue}:
            raise SubmissionRefused("not_your_unit")
        self.signed.append((clerk.staff_id, number))

    def record_source(self, clerk: ClerkView, number: str) -> str | None:
        return number.upper() if number.upper() in self.unit_complaints else None

    def submit_record(self, draft: RecordDraft) -> Receipt:
        self._maybe_refuse()
        self.records.append(draft)
        return Receipt(self._next_number())

    def record_unit(self, text: str) -> str | None:
        return None if text in self.unknown_units else text

    def _next_number(self) -> str:
        self.issued += 1
        return f"HQ-{self.day:%y%m%d}-{self.issued:04d}"

    def _maybe_refuse(self) -> None:
        if self.refuse_with is not None:
            code, self.refuse_with = self.refuse_with, None
            raise SubmissionRefused(code)

    # The records of the objection and repair dialogs: the number -> the record, or why it
    # takes no such request now (a SubmissionRefused code); what was filed.
    record_targets: dict[str, RecordTarget] = field(
        default_factory=lambda: {
            "HQ-261120-0007": RecordTarget("HQ-261120-0007", "李某", "区财政局", "Finance Bureau")
        }
    )
    record_refusals: dict[tuple[str, str], str] = field(default_factory=dict)
    record_requests: list[RecordRequest] = field(default_factory=list)

    def record_request_target(self, number: str, kind: RecordRequestKind) -> RecordTarget:
        target = self.record_targets.get(number)
        if target is None:
            raise SubmissionRefused("record_unknown")
        if (number, kind) in self.record_refusals:
            raise SubmissionRefused(self.record_refusals[number, kind])
        return target

    def submit_record_request(self, request: RecordRequest) -> RecordRequestReceipt:
        self._maybe_refuse()
        self.record_requests.append(request)
        return RecordRequestReceipt(request.number, 10 if request.kind == "objection" else 3)
