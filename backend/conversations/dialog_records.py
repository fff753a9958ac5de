"""The records side of the dialog port: the person or unit named in a record objects (异议) or
applies for credit repair (信用修复) from a chat.

Whether a record takes the request now is the records service's rule
(`backend.records.actions.refusal`, for the named side); this module only words the answer,
files the request through `backend.records.actions.act` and keeps the files with the record.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session

from backend.actors import REPORTER, SYSTEM
from backend.attachments.store import ContentStore, FileFetcher, attach
from backend.attachments.uploads import mark_filed
from backend.bootstrap import Container
from backend.contacts import mask_contacts
from backend.conversations.refusals import refused_in_words
from backend.errors import DomainError, InvalidTransition, NotFound, StaleVersion, ValidationFailed
from backend.records.actions import act, refusal
from backend.records.commands import RecordAction, RecordCommand
from backend.records.env import RecordEnv, record_env
from backend.records.models import (
    DishonestyRecord,
    ObjectionState,
    RecordState,
    RectificationState,
    RepairState,
)
from backend.records.publicity import may_publish
from backend.records.service import RecordView, get_record
from backend.taxonomy.tables import Department
from dialogs import ports as dp
from dialogs import ports_records as rp

ACTIONS: dict[str, RecordAction] = {
    "objection": RecordAction.object,
    "repair": RecordAction.apply_repair,
}


class RecordDialogServices:
    """Methods of DialogServices that serve the people and units named in records."""

    session: Session
    container: Container
    fetchers: Mapping[str, FileFetcher]
    store: ContentStore

    def record_request_target(self, number: str, kind: rp.RecordRequestKind) -> rp.RecordTarget:
        """Return the record if it takes an objection or repair application now.

        Anyone can type a number: a record is described only as the public page shows it
        (its person and unit, contacts masked) and only while it is there; another record
        that takes the request is named by its number alone.
        """
        env = record_env(container=self.container, session=self.session)
        view = self._takes(number, kind, env, for_update=False)
        if not may_publish(record=view.record, today=env.today()):
            return rp.RecordTarget(view.case.number, "", "", "")
        unit = self.session.get(Department, view.record.department_code)
        return rp.RecordTarget(
            view.case.number,
            mask_contacts(view.record.person_name),
            unit.name_zh if unit else view.record.department_code,
            (unit.name_en or unit.name_zh) if unit else view.record.department_code,
        )

    def submit_record_request(self, request: rp.RecordRequest) -> rp.RecordRequestReceipt:
        """File the objection or repair application on the record; keep its files with it."""
        env = record_env(container=self.container, session=self.session)
        view = self._takes(request.number, request.kind, env, for_update=True)
        command = RecordCommand(
            action=ACTIONS[request.kind],
            version=view.record.version,
            reason=request.reasons,
            objector_kind=request.requester,
            objector_name=request.name,
            channel=request.chat.channel,
            chat_id=request.chat.chat_id,
            language=request.language,
        )
        try:
            act(session=self.session, view=view, command=command, actor=REPORTER, env=env)
        except ValidationFailed as refused:
            raise refused_in_words(refused) from None
        except (InvalidTransition, StaleVersion):
            raise dp.SubmissionRefused(_why_not(view.record, request.kind, env)) from None
        self._keep_files(view, request)
        records = env.clocks.policy.records
        clock = records.objection if request.kind == "objection" else records.repair_accept
        return rp.RecordRequestReceipt(view.case.number, clock.days)

    def _takes(
        self, number: str, kind: rp.RecordRequestKind, env: RecordEnv, *, for_update: bool
    ) -> RecordView:
        """Return the record when the named side may file this request on it now."""
        try:
            view = get_record(
                session=self.session, number=number, actor=SYSTEM, env=env, for_update=for_update
            )
        except NotFound:
            raise dp.SubmissionRefused("record_unknown") from None
        refused: DomainError | None = refusal(
            view=view, action=ACTIONS[kind], actor=REPORTER, env=env
        )
        if refused is not None:
            raise dp.SubmissionRefused(_why_not(view.record, kind, env))
        return view

    def _keep_files(self, view: RecordView, request: rp.RecordRequest) -> None:
        """Attach the request's files to the record (staff see them; the public page never)."""
        fetcher = self.fetchers.get(request.chat.channel)
        if fetcher is None or not request.attachments:
            return
        for index, file in enumerate(request.attachments, start=1):
            name = file.name or f"{request.kind}-{index}" + (
                ".jpg" if file.kind == "photo" else ""
            )
            attach(
                session=self.session,
                store=self.store,
                case=view.case,
                data=fetcher.fetch(file.file_id),
                filename=name,
                content_type=file.mime_type or "application/octet-stream",
                clock=self.container.clock,
            )
        now = self.container.clock.now()
        digests = [f.file_id for f in request.attachments]
        mark_filed(session=self.session, chat=request.chat, digests=digests, now=now)


def _why_not(record: DishonestyRecord, kind: str, env: RecordEnv) -> str:
    """Return the message code that says why a record takes no such request now.

    Words the service's refusal for the chat; the service alone decides (`refusal`). Why is
    said only of a record the public page shows: of any other, a number typed by anyone must
    not tell a draft, a withdrawn or a repaired record apart from an unknown one.
    """
    if not may_publish(record=record, today=env.today()):
        return "record_unknown"
    if record.state == RecordState.draft:
        return "record_draft"
    if record.state == RecordState.withdrawn:
        return "record_withdrawn"
    if record.repair_state == RepairState.repaired:
        return "record_repaired"
    if kind == "objection" and record.objection_state == ObjectionState.pending:
        return "objection_pending"
    if kind == "repair" and record.rectification_state != RectificationState.accepted:
        return "repair_needs_rectification"
    if kind == "repair" and record.repair_state in (RepairState.applied, RepairState.accepted):
        return "repair_pending"
    return "record_request_not_now"
