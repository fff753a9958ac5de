"""The backend's side of the dialog port: routing, intake, status, ratings, clerks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import CompoundSelect, bindparam, union
from sqlmodel import Session, col, func, select, update

from backend.actors import REPORTER, Actor
from backend.attachments.store import ContentStore, FileFetcher, attach
from backend.attachments.uploads import mark_filed
from backend.bootstrap import Container
from backend.cases.chain import watched_by, where_handled
from backend.cases.duplicates import find_similar
from backend.cases.events import history, record_event
from backend.cases.intake import Draft, submit
from backend.cases.models import Case, CaseFollower, CaseKind, CaseStatus
from backend.cases.numbers import canonical_number
from backend.cases.pins import case_by_pin
from backend.cases.queries import get_case
from backend.cases.workflow import OPEN_STATES
from backend.conversations.dialog_clerks import ClerkDialogServices
from backend.conversations.dialog_email import EmailDialogServices
from backend.conversations.dialog_ratings import RatingDialogServices
from backend.conversations.dialog_records import RecordDialogServices
from backend.errors import NotFound, ValidationFailed
from backend.people.models import Reporter, StaffChat
from backend.periods import day_bounds, local_day
from backend.taxonomy.tables import Department, unit_names
from dialogs import ports as dp
from dialogs.model import ChatRef, FileRef
from dialogs.parsing import parse_pin

DAILY_COMPLAINTS = 5
S = CaseStatus


# The complaints a chat filed in a period (the daily limit's count), built once: a statement
# built per call costs more than the query itself (sqlalchemy's expression objects).
_FILED_BETWEEN = (
    select(func.count())
    .select_from(Case)
    .join(Reporter, col(Reporter.id) == Case.reporter_id)
    .where(
        col(Reporter.channel) == bindparam("channel"),
        col(Reporter.chat_id) == bindparam("chat_id"),
        col(Case.created_at) >= bindparam("since"),
        col(Case.created_at) < bindparam("until"),
        col(Case.kind) == CaseKind.complaint.value,
    )
)


class BackendDialogServices(
    RatingDialogServices, ClerkDialogServices, RecordDialogServices, EmailDialogServices
):
    """DialogServices over one database session (the caller's transaction)."""

    def __init__(
        self,
        *,
        session: Session,
        container: Container,
        fetchers: Mapping[str, FileFetcher],
        store: ContentStore,
    ) -> None:
        self.session, self.container = session, container
        self.fetchers, self.store = fetchers, store
        settings = container.settings
        self._limits = dp.Limits(
            max_text_length=settings.max_text_length,
            min_text_length=settings.min_text_length,
            daily_complaints=DAILY_COMPLAINTS,
        )

    @property
    def limits(self) -> dp.Limits:
        """Return the limits the dialogs enforce."""
        return self._limits

    def today(self) -> date:
        """Return today's date in Tianjin."""
        return local_day(self.container.clock.now(), self.container.settings.zone)

    def route(self, text: str) -> dp.RouteProposal:
        """Propose categories for a complaint text."""
        result = self.container.router.route(text)
        choices = []
        for candidate in result.candidates:
            category = self.container.taxonomy.category(candidate.category)
            if category is not None and category.id != self.container.taxonomy.triage_category:
                choices.append(
                    dp.CategoryChoice(category.id, category.zh, category.en, category.street_level)
                )
        request_type = self.container.request_types.classify(text).value
        return dp.RouteProposal(
            tuple(choices), result.confident and bool(choices), result.street, request_type
        )

    def danger_of(self, text: str) -> str | None:
        """Return the emergency number the words of danger in a text call for, or None."""
        return self.container.case_env.danger.flag(text)

    def streets(self) -> Sequence[dp.StreetChoice]:
        """Return the street offices."""
        return [dp.StreetChoice(s.code, s.zh, s.en) for s in self.container.taxonomy.streets]

    def find_street(self, text: str) -> str | None:
        """Return the street named in a text."""
        return self.container.router.find_street(text)

    def street_at(self, latitude: float, longitude: float) -> str | None:
        """Return the street office area a shared location lies in."""
        finder = getattr(self.container.router, "street_at", None)
        return finder(latitude, longitude) if finder is not None else None

    def similar_cases(
        self, text: str, category: str, street: str | None
    ) -> Sequence[dp.SimilarCase]:
        """Return open cases of the same unit and category with a similar text."""
        chosen = self.container.taxonomy.category(category)
        if chosen is None or category == self.container.taxonomy.triage_category:
            return []
        department = street if chosen.street_level else chosen.owner
        if department is None:
            return []
        found = find_similar(
            session=self.session,
            department=department,
            category=category,
            text=text,
            now=self.container.clock.now(),
        )
        if not found:
            return []
        ids = [case_id for case_id, _ in found]
        filed = select(col(Case.id), col(Case.number), col(Case.created_at)).where(
            col(Case.id).in_(ids)
        )
        cases = {row[0]: row for row in self.session.connection().execute(filed).all()}
        # The taxonomy's names; a unit it no longer lists keeps the name of its stored row.
        names = self.container.taxonomy.names_of(department)
        holder_zh, holder_en = names or unit_names(session=self.session, code=department)
        zone = self.container.settings.zone
        return [
            dp.SimilarCase(
                number=cases[case_id][1],
                category_zh=chosen.zh,
                category_en=chosen.en,
                holder_zh=holder_zh,
                holder_en=holder_en,
                filed_on=local_day(cases[case_id][2], zone),
            )
            for case_id in ids
            if case_id in cases
        ]

    def keep_language(self, chat: ChatRef, language: str) -> None:
        """Write this chat's notices in `language` from now on: its staff binding (reminders,
        digests), the reporters of the cases it filed and the cases it follows (updates)."""
        for table in (StaffChat, Reporter, CaseFollower):
            self.session.execute(
                update(table)
                .where(
                    col(table.channel) == chat.channel,
                    col(table.chat_id) == chat.chat_id,
                    col(table.language) != language,
                )
                .values(language=language)
            )

    def follow_case(self, number: str, chat: ChatRef, language: str) -> None:
        """Let this chat receive the updates of an open case (or of the case it was merged into).

        A case merged meanwhile can still be followed while the case it joined is open: its
        followers watch that case (backend.cases.chain).
        """
        canonical = canonical_number(number)
        case = self.session.exec(select(Case).where(Case.number == canonical)).first()
        handled = where_handled(session=self.session, case=case) if case is not None else None
        if case is None or handled is None or handled.status not in OPEN_STATES:
            raise dp.SubmissionRefused("not_followable")
        exists = self.session.exec(
            select(CaseFollower).where(
                CaseFollower.case_id == case.id,
                CaseFollower.channel == chat.channel,
                CaseFollower.chat_id == chat.chat_id,
            )
        ).first()
        if exists is None:
            self.session.add(
                CaseFollower(
                    case_id=case.id or 0,
                    channel=chat.channel,
                    chat_id=chat.chat_id,
                    language=language,
                    created_at=self.container.clock.now(),
                )
            )
            record_event(
                session=self.session,
                case=case,
                actor=REPORTER,
                action="follow",
                at=self.container.clock.now(),
                details={"channel": chat.channel},
            )
            self.session.flush()

    def complaints_today(self, chat: ChatRef) -> int:
        """Count the complaints this chat filed today."""
        since, until = day_bounds(self.today(), self.container.settings.zone)
        self.session.flush()  # as the ORM's own query would: rows added are counted
        found = self.session.connection().execute(
            _FILED_BETWEEN,
            {"channel": chat.channel, "chat_id": chat.chat_id, "since": since, "until": until},
        )
        return int(found.scalar_one())

    def submit_complaint(self, draft: dp.ComplaintDraft) -> dp.Receipt:
        """File the complaint, store its evidence, and return the number (and PIN)."""
        location = draft.location
        backend_draft = Draft(
            text=draft.text,
            category=draft.category,
            # The chat asked: no category is the citizen's "none of these", no street after
            # the street question their "not sure"; the router's guess replaces neither.
            category_declined=draft.category is None,
            street=draft.street,
            street_unsure=draft.street_unsure,
            request_type=draft.request_type,
            occurred_on=draft.occurred_on,
            location_text=draft.location_text,
            latitude=location.latitude if location else None,
            longitude=location.longitude if location else None,
            anonymous=draft.anonymous,
            reporter_name=draft.name,
            reporter_phone=draft.phone,
            channel=draft.chat.channel,
            chat_id=draft.chat.chat_id,
            language=draft.language,
            details=_vague_date(draft),
            urgent=draft.urgent,
        )
        receipt = self._file(backend_draft, REPORTER, draft.attachments, draft.chat)
        self.carry_email(draft.chat)  # an address given with /email (issue 15)
        return receipt

    def _file(
        self, draft: Draft, actor: Actor, files: tuple[FileRef, ...], chat: ChatRef
    ) -> dp.Receipt:
        try:
            receipt = submit(
                session=self.session, draft=draft, actor=actor, env=self.container.case_env
            )
        except ValidationFailed as refused:
            raise dp.SubmissionRefused(refused.code) from None
        self._attach(receipt.case, files, chat)
        return dp.Receipt(receipt.case.number, receipt.pin)

    def _attach(self, case: Case, files: tuple[FileRef, ...], chat: ChatRef) -> None:
        """Store a chat's evidence files with a case and mark them filed."""
        fetcher = self.fetchers.get(chat.channel)
        for index, file in enumerate(files, start=1):
            if fetcher is None:
                break
            data = fetcher.fetch(file.file_id)
            name = file.name or f"{file.kind}-{index}" + (".jpg" if file.kind == "photo" else "")
            attach(
                session=self.session,
                store=self.store,
                case=case,
                data=data,
                filename=name,
                content_type=file.mime_type or "application/octet-stream",
                clock=self.container.clock,
            )
        now = self.container.clock.now()
        mark_filed(session=self.session, chat=chat, digests=[f.file_id for f in files], now=now)

    def case_status(self, number: str, pin: str | None, chat: ChatRef) -> dp.StatusView | None:
        """Return a case's status to its reporter (by chat or PIN), its progress to a watcher,
        and the case to a staff account bound to the chat that may see it (a reminder's 查看).

        None says nothing more. A watcher (a follower, or the reporter of a repeat merged
        into the case) never sees the reply or the reason: those were written to the reporter.
        """
        case = self._reporters_case(number, chat, pin)
        watching = case is None and not pin
        if watching:
            case = self._watched_case(number, chat)
        if case is None and not pin:  # a reminder's 查看 button to the unit's bound clerk
            case = self._units_case(number, chat)
            watching = case is None
        if case is None:
            return None
        category = self.container.taxonomy.category(case.category_id or "")
        holder = self.session.get(Department, case.department_code or "")
        reply = case.reply if case.status in (S.resolved, S.closed) else None
        if case.status == S.rejected:
            reply = self._rejection_reason(case)
        # Where a merged case is handled now (the end of its chain), for reporter and watcher.
        handled = where_handled(session=self.session, case=case)
        return dp.StatusView(
            number=case.number,
            status=case.status,
            category_zh=category.zh if category else None,
            category_en=category.en if category else None,
            holder_zh=holder.name_zh if holder else None,
            holder_en=holder.name_en if holder else None,
            reply=None if watching else reply,
            updated_on=local_day(case.updated_at, self.container.settings.zone),
            merged_into=handled.number if handled.id != case.id else None,
        )

    def my_cases(self, chat: ChatRef) -> Sequence[dp.CaseLine]:
        """Return the cases filed from this chat and those it follows, newest first."""
        zone = self.container.settings.zone
        filed = select(Reporter.id).where(
            Reporter.channel == chat.channel, Reporter.chat_id == chat.chat_id
        )
        followed = select(CaseFollower.case_id).where(
            CaseFollower.channel == chat.channel, CaseFollower.chat_id == chat.chat_id
        )
        # A union of ids, not an OR: each side reads its own index (the reporter's on cases).
        ids: CompoundSelect[Any] = union(
            select(col(Case.id)).where(col(Case.reporter_id).in_(filed)), followed
        )
        statement = (
            select(Case).where(col(Case.id).in_(ids)).order_by(col(Case.id).desc()).limit(20)
        )
        own = set(self.session.exec(filed).all())
        return [
            dp.CaseLine(
                c.number,
                c.status,
                local_day(c.created_at, zone),
                following=c.reporter_id not in own,
            )
            for c in self.session.exec(statement).all()
        ]

    def _units_case(self, number: str, chat: ChatRef) -> Case | None:
        """Return the case to the staff account bound to this chat when the case list's
        rule lets it see the case (its unit's, one it assists; a coordinator's: any), else
        None."""
        staff = self.bound_staff(chat)
        if staff is None:
            return None
        try:
            return get_case(session=self.session, number=number, actor=Actor.staff(staff))
        except NotFound:
            return None

    def _reporters_case(self, number: str, chat: ChatRef, pin: str | None) -> Case | None:
        """Return the case to the chat it was filed from, or to anyone with its PIN.

        The reporter's own chat needs no PIN and is never paused by others' guesses; any
        other chat's PIN goes through the counted, equal-work check of backend.cases.pins.
        """
        canonical = canonical_number(number)
        own = self._own_case(canonical, chat)
        if own is not None or not pin:
            return own
        return case_by_pin(
            session=self.session,
            number=canonical,
            pin=parse_pin(pin) or pin,  # what is no PIN stays as typed: refused, not counted
            channel=chat.channel,
            chat_id=chat.chat_id,
            now=self.container.clock.now(),
            key=self.container.pin_key,
            origin=chat.origin,
        ).case

    def _own_case(self, number: str | None, chat: ChatRef) -> Case | None:
        """Return the case if this chat filed it (one statement, whatever the number)."""
        statement = (
            select(Case)
            .join(Reporter, col(Reporter.id) == col(Case.reporter_id))
            .where(
                col(Case.number) == (number or ""),
                col(Reporter.channel) == chat.channel,
                col(Reporter.chat_id) == chat.chat_id,
            )
        )
        return self.session.exec(statement).first()

    def _watched_case(self, number: str, chat: ChatRef) -> Case | None:
        """Return the case if this chat follows it or filed or follows a case along its chain.

        A chain: a repeat merged into this case, or into a case that was merged into it later.
        One statement whatever the number, so that existing and unknown numbers cost the same.
        """
        statement = select(Case).where(
            col(Case.number) == (canonical_number(number) or ""),
            watched_by(chat.channel, chat.chat_id),
        )
        return self.session.exec(statement).first()

    def _rejection_reason(self, case: Case) -> str | None:
        rejections = [e for e in history(session=self.session, case=case) if e.action == "reject"]
        return rejections[-1].reason if rejections else None


def _vague_date(draft: dp.ComplaintDraft) -> dict[str, object] | None:
    """Return what the case keeps of a date typed as a span (2024年底): the words, the last day.

    The case's `occurred_on` is the span's first day; these details say it was not one day.
    """
    if draft.occurred_until is None or draft.occurred_until == draft.occurred_on:
        return None
    return {"occurred_as": draft.occurred_as, "occurred_until": draft.occurred_until.isoformat()}
