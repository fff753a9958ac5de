"""The clerks' side of the dialog port: bind a chat, the unit's queue, sign, file records."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.intake import Draft
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.numbers import canonical_number
from backend.cases.queries import get_case
from backend.cases.redaction import Redactor
from backend.cases.workflow import Action, Command, transition
from backend.conversations.refusals import refused_in_words
from backend.deadlines.models import ClockState, Deadline
from backend.errors import Forbidden, InvalidTransition, NotFound, StaleVersion, ValidationFailed
from backend.people.invites import redeem_invite
from backend.people.models import StaffAccount, StaffChat
from backend.records.commands import NewRecord
from backend.records.env import record_env
from backend.records.service import file_record
from backend.taxonomy.tables import Department
from dialogs import ports as dp
from dialogs.model import ChatRef, FileRef

EXCERPT_SOURCE = 200  # characters of a complaint handed to the queue list, which shortens it
# The chat's words for a finding, as the records service names them.
FINDING_TYPES = {
    "court_judgment": "judgment",
    "administrative_penalty": "penalty",
    "disciplinary_sanction": "sanction",
    "accountability_decision": "accountability",
}


class ClerkDialogServices(ABC):
    """Methods of DialogServices that serve bound clerks (联络员)."""

    session: Session
    container: Container

    @abstractmethod
    def _attach(self, case: Case, files: tuple[FileRef, ...], chat: ChatRef) -> None:
        """Store a chat's evidence files with a case (BackendDialogServices)."""

    @abstractmethod
    def _file(
        self, draft: Draft, actor: Actor, files: tuple[FileRef, ...], chat: ChatRef
    ) -> dp.Receipt:
        """File a draft with its evidence (BackendDialogServices)."""

    def submit_record(self, draft: dp.RecordDraft) -> dp.Receipt:
        """File a dishonesty record through the records service (a draft without a document)."""
        staff = self._active_staff(draft.clerk)
        actor = Actor.staff(staff)
        new = NewRecord(
            person_name=draft.person,
            person_post=draft.post,
            department=self._unit_code(draft.unit) or draft.unit,
            finding_type=FINDING_TYPES.get(draft.finding, draft.finding),
            authority=draft.authority,
            document_number=draft.document_number,
            arisen_on=draft.arose_on,
            severity=draft.severity,
            summary=draft.summary,
            source_case=draft.source_case,
            draft=draft.document_number is None or draft.severity is None,
            channel=draft.chat.channel,
            chat_id=draft.chat.chat_id,
            language=draft.language,
        )
        env = record_env(container=self.container, session=self.session)
        try:
            view = file_record(session=self.session, new=new, actor=actor, env=env)
        except ValidationFailed as refused:
            raise refused_in_words(refused) from None
        except Forbidden:
            raise dp.SubmissionRefused("clerk_inactive") from None
        self._attach(view.case, draft.attachments, draft.chat)
        return dp.Receipt(view.case.number)

    def record_unit(self, text: str) -> str | None:
        """Return the official Chinese name of the unit a clerk typed, or None when unknown."""
        code = self._unit_code(text)
        unit = self.session.get(Department, code) if code else None
        return unit.name_zh if unit is not None else None

    def _unit_code(self, text: str) -> str | None:
        """Find a unit by its code, Chinese or English name (区 may be left out)."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        for unit in self.session.exec(select(Department)).all():
            names = {unit.code, unit.name_zh, unit.name_en.casefold()}
            if wanted in names or f"区{wanted}" in names:
                return unit.code
        return None

    def record_source(self, clerk: dp.ClerkView, number: str) -> str | None:
        """Return the number of a complaint of the clerk's unit a record may name, else None."""
        staff = self._active_staff(clerk)
        try:
            case = get_case(session=self.session, number=number, actor=Actor.staff(staff))
        except NotFound:
            return None
        return case.number if case.kind == CaseKind.complaint.value else None

    def bind_clerk(self, code: str, chat: ChatRef, language: str) -> dp.ClerkView | None:
        """Bind this chat to the staff account of a one-time code; its reminders are written
        in the chat's language."""
        bound = redeem_invite(
            session=self.session,
            code=code,
            channel=chat.channel,
            chat_id=chat.chat_id,
            language=language,
            clock=self.container.clock,
        )
        if bound is None:
            return None
        return self._clerk_view(bound[0])

    def bound_clerk(self, chat: ChatRef) -> dp.ClerkView | None:
        """Return the active staff account bound to this chat now (None once cut off)."""
        staff = self.bound_staff(chat)
        return self._clerk_view(staff) if staff is not None else None

    def bound_staff(self, chat: ChatRef) -> StaffAccount | None:
        """Return the active staff account bound to this chat, or None."""
        statement = (
            select(StaffAccount)
            .join(StaffChat, col(StaffChat.staff_id) == StaffAccount.id)
            .where(
                StaffChat.channel == chat.channel,
                StaffChat.chat_id == chat.chat_id,
                col(StaffAccount.active),
            )
        )
        return self.session.exec(statement).first()

    def clerk_queue(self, clerk: dp.ClerkView) -> Sequence[dp.QueueItem]:
        """Return the unit's cases waiting to be signed for, oldest first."""
        staff = self._active_staff(clerk)
        statement = (
            select(Case)
            .where(
                Case.department_code == staff.department_code,
                Case.status == CaseStatus.routed.value,
            )
            .order_by(col(Case.id))
            .limit(20)
        )
        # The chat's language is not known here; the project's first language marks the gap.
        redactor = Redactor(session=self.session, actor=Actor.staff(staff), language="zh")
        items = []
        for case in self.session.exec(statement).all():
            category = self.container.taxonomy.category(case.category_id or "")
            due = self.session.exec(
                select(col(Deadline.due_date)).where(
                    Deadline.case_id == case.id,
                    Deadline.kind == "sign",
                    Deadline.state == ClockState.open.value,
                )
            ).first()
            items.append(
                dp.QueueItem(
                    case.number,
                    category.zh if category else "-",
                    category.en if category else "-",
                    # More than the list shows, so the dialog marks where it cuts ("…").
                    (redactor.text(case.text) or "")[:EXCERPT_SOURCE],
                    due,
                )
            )
        return items

    def sign_case(self, clerk: dp.ClerkView, number: str) -> None:
        """Sign for a case (签收) as the bound clerk."""
        staff = self._active_staff(clerk)
        canonical = canonical_number(number)
        case = self.session.exec(select(Case).where(Case.number == canonical)).first()
        if case is None or case.department_code != staff.department_code:
            raise dp.SubmissionRefused("not_your_unit")
        try:
            transition(
                session=self.session,
                case=case,
                actor=Actor.staff(staff),
                env=self.container.case_env,
                command=Command(action=Action.sign, version=case.version),
            )
        except StaleVersion:  # changed meanwhile: a colleague signed at the same moment
            raise dp.SubmissionRefused("already_signed") from None
        except InvalidTransition:  # signed for already, or past signing (resolved, closed...)
            signed = case.status in (CaseStatus.signed, CaseStatus.in_progress)
            raise dp.SubmissionRefused(
                "already_signed" if signed else "not_waiting_to_sign"
            ) from None

    def _active_staff(self, clerk: dp.ClerkView) -> StaffAccount:
        """Return the clerk's account as it is now; refuse one that was deactivated."""
        staff = self.session.get(StaffAccount, clerk.staff_id)
        if staff is None or not staff.active:
            raise dp.SubmissionRefused("clerk_inactive")
        return staff

    def _clerk_view(self, staff: StaffAccount) -> dp.ClerkView:
        unit = self.session.get(Department, staff.department_code)
        return dp.ClerkView(
            staff.id or 0,
            staff.name,
            staff.department_code,
            unit.name_zh if unit else staff.department_code,
            unit.name_en if unit else staff.department_code,
        )
