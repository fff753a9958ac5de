"""One inbound chat event, end to end: lock the chat's row, advance the engine, save, reply.

Decision 1: the dialog state is a row per (channel, chat), locked for the update
(`SELECT ... FOR UPDATE` on PostgreSQL; SQLite's write transactions are serial already).
Decision 3: the event id is recorded in the same transaction, so a re-delivered event
changes nothing and files nothing twice. A photo or document is counted against the chat's
upload quota in that transaction too, and an upload's bytes are stored last, before the commit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta

from sqlmodel import Session

from backend.attachments.store import ContentStore, FileFetcher, hold_digest
from backend.attachments.uploads import (
    UploadQuota,
    UploadRoom,
    not_stored,
    refuse_unless_open,
    take_upload,
    upload_room,
)
from backend.bootstrap import Container
from backend.cases.models import Case
from backend.conversations.dialog_services import BackendDialogServices
from backend.conversations.joining import Joined, PendingPart, join, pending_after
from backend.conversations.rows import (
    ChatRow,
    keep_replies,
    lock_row,
    read_row,
    record_event,
    replies_given,
    save_row,
)
from backend.db import session_scope, writer_turn
from backend.errors import UploadRefused
from backend.notifications import outbox
from backend.storable import is_storable
from dialogs.context import prefixed
from dialogs.engine import UNSTORABLE_INPUT, advance, refuse, start_rating
from dialogs.model import ChatRef, DialogState, FileRef, Inbound, Outbound, Turn
from dialogs.texts import render as dialog_text

log = logging.getLogger(__name__)
REPEATED = "input.repeated"  # the text before the question asked again for a repeated event
# Buttons on notifications sent outside a dialog (reminders): "sign:NUMBER", "open:NUMBER".
_OUTSIDE_BUTTON = re.compile(r"^(sign|open):([A-Za-z0-9-]{6,24})$")


class ConversationService:
    """Run the dialogs for every channel against the database."""

    def __init__(
        self, container: Container, fetchers: Mapping[str, FileFetcher] | None = None
    ) -> None:
        self.container = container
        self.fetchers: dict[str, FileFetcher] = dict(fetchers or {})
        self.store = ContentStore.under(container.settings.data_dir)
        self.quota = UploadQuota.of(container.settings)
        self._split_window = timedelta(seconds=container.settings.split_text_window_seconds)
        self._group_quiet = timedelta(minutes=container.settings.group_notice_minutes)
        # SQLite: turns queue on the process's writer turn (backend.db) instead of SQLite's
        # busy handler (decision 1); PostgreSQL locks the chat's row with SELECT ... FOR UPDATE.

    def handle(self, inbound: Inbound, content: bytes | None = None) -> list[Outbound]:
        """Advance the chat's dialog by one event and return the replies (none for a repeat).

        `content` is the bytes of an upload this system stores (web chat, console; its file id
        is their SHA-256); a Telegram file stays with Telegram until the case is filed. Raises
        UploadRefused, keeping nothing, when the evidence rule or the daily quota refuses it.
        """
        inbound = _outside_button_as_command(inbound)
        try:
            with (
                writer_turn(self.container.engine),
                session_scope(self.container.engine) as session,
            ):
                now = self.container.clock.now()
                row = lock_row(session, inbound.chat, now)
                event_row = record_event(session, inbound, row, now)
                if event_row is None:  # a repeat changes nothing; a receipt is given again
                    return replies_given(session, inbound) or self._asked_again(
                        session, row, inbound
                    )
                services = self._services(session)
                state = self._state(row)
                if content is not None:  # refused before anything is stored (409)
                    refuse_unless_open(state, services.limits, inbound.chat_kind)
                sent_at = inbound.sent_at or now
                joined = join(
                    PendingPart.from_dict(row.pending_part),
                    inbound,
                    state,
                    sent_at=sent_at,
                    window=self._split_window,
                )
                if joined is not None:  # the rest of a text its app cut: read as one
                    inbound, state = joined.inbound, joined.state
                if _storable(inbound):
                    turn = advance(state, inbound, services)
                else:  # nothing of it reaches a step, so nothing of it is half-saved
                    turn = refuse(state, inbound, services, UNSTORABLE_INPUT)
                if joined is not None:
                    turn = _told_joined(turn, joined)
                if inbound.chat_kind != "private":
                    turn = self._group_notice(row, turn)
                pending = pending_after(inbound, joined, state, sent_at=sent_at)
                row.pending_part = pending.to_dict() if pending is not None else None
                taken = self._count_file(session, state, turn.state, inbound, content)
                save_row(session, row, turn.state.to_dict(shared=True), now)
                kept = [reply for reply in turn.replies if reply.resend_when_unsure]
                if kept:  # a receipt: given again when the same event comes again
                    keep_replies(session, event_row, kept)
                if taken and content is not None and inbound.file is not None:
                    session.flush()  # last: a failure before this has stored nothing
                    hold_digest(session, inbound.file.file_id)
                    self._store(content, turn.state)
            return list(turn.replies)
        except UploadRefused:
            raise
        except Exception:
            log.exception("conversation %s:%s failed", inbound.chat.channel, inbound.chat.chat_id)
            raise

    def _store(self, content: bytes, state: DialogState) -> None:
        """Keep an upload's bytes; UploadRefused (nothing kept) when the data folder fails."""
        try:
            self.store.put(content)
        except OSError:
            log.exception("the data folder did not store an upload")
            raise not_stored(state) from None

    def _group_notice(self, row: ChatRow, turn: Turn) -> Turn:
        """Let a group hear "use a private chat" at most once per INTAKE_GROUP_NOTICE_MINUTES.

        Everything said to the bot in a group gets that answer; said again and again, it
        would fill a chat of people who are talking among themselves.
        """
        now = self.container.clock.now()
        told = row.group_notice_at
        if told is not None and now - told < self._group_quiet:
            return Turn(turn.state, ())
        if turn.replies:
            row.group_notice_at = now
        return turn

    def upload_room(self, chat: ChatRef, size: int | None = None) -> UploadRoom:
        """Return what the chat may upload now; raise UploadRefused when nothing.

        Asked before a channel reads an upload (`size` when it is declared), so a file that
        would be refused is never read or stored; `handle` counts it for good.
        """
        with session_scope(self.container.engine) as session:
            row = read_row(session, chat)
            return upload_room(
                session=session,
                chat=chat,
                state=self._state(row) if row is not None else None,
                limits=self._services(session).limits,
                quota=self.quota,
                now=self.container.clock.now(),
                size=size,
            )

    def ask_rating(self, *, session: Session, case: Case, chat: ChatRef, language: str) -> int:
        """Start the rating dialog (回访) in the reporter's chat; its messages go to the outbox."""
        now = self.container.clock.now()
        row = lock_row(session, chat, now)
        turn = start_rating(
            self._state(row), case.number, self._services(session), chat, language=language
        )
        save_row(session, row, turn.state.to_dict(shared=True), now)
        return self._queue(session, chat, turn.replies, key=f"rating:{case.id}", case=case)

    def error_text(self, inbound: Inbound) -> str:
        """Return the apology for an unexpected failure, in the chat's language if known."""
        language = "en" if (inbound.language_hint or "").lower().startswith("en") else "zh"
        return dialog_text(language, "error.internal")

    def _count_file(
        self,
        session: Session,
        before: DialogState | None,
        after: DialogState,
        inbound: Inbound,
        content: bytes | None,
    ) -> bool:
        """Count a file the dialog took against the chat's quota; return whether it took one.

        Only a file the dialog added to its attachments counts (and is stored): one refused
        for any reason (too large, a caption too long, no complaint open) is neither.
        """
        file = inbound.file
        if file is None or inbound.kind not in ("photo", "document"):
            if content is not None:
                raise ValueError("only a photo or document carries content")
            return False
        if content is not None and file.file_id != ContentStore.digest_of(content):
            raise ValueError("an upload's file id must be the SHA-256 of its content")
        if not _took(before, after, file):
            return False
        take_upload(
            session=session,
            chat=inbound.chat,
            size=len(content) if content is not None else file.size or 0,
            digest=file.file_id if content is not None else None,
            quota=self.quota,
            now=self.container.clock.now(),
            language=after.language,
        )
        return True

    def _asked_again(self, session: Session, row: ChatRow, inbound: Inbound) -> list[Outbound]:
        """Answer a repeat that kept no reply: "arrived already", and the question the dialog
        is at, from its unchanged state (nothing is written).

        An event comes again when its answer did not arrive: the web chat's page sends a
        message again only then, and Telegram redelivers an update whose webhook call failed
        (a crash after the commit). Answered with nothing, the page showed "sent" and waited
        for a question that never came. In a group, a repeat stays unanswered (its notice is
        rationed).
        """
        if inbound.chat_kind != "private":
            return []
        return list(refuse(self._state(row), inbound, self._services(session), REPEATED).replies)

    def _services(self, session: Session) -> BackendDialogServices:
        return BackendDialogServices(
            session=session, container=self.container, fetchers=self.fetchers, store=self.store
        )

    @staticmethod
    def _state(row: ChatRow) -> DialogState | None:
        return DialogState.from_dict(row.state, shared=True) if row.state else None

    def _queue(
        self,
        session: Session,
        chat: ChatRef,
        replies: tuple[Outbound, ...],
        *,
        key: str,
        case: Case,
    ) -> int:
        written = 0
        recipient = outbox.Recipient("reporter", None, chat.channel, chat.chat_id, "zh")
        for index, reply in enumerate(replies):
            rows = [[(b.label, b.payload) for b in row] for row in reply.buttons]
            written += outbox.write(
                session=session,
                key=f"{key}:{index}",
                kind="follow_up",
                recipients=[recipient],
                render=lambda _lang, body=reply.text: body,
                buttons=(lambda _lang, r=rows: r),
                now=self.container.clock.now(),
                case=case,
            )
        return written


def _told_joined(turn: Turn, joined: Joined) -> Turn:
    """Say before the answer that the parts were joined (a text is never cut silently)."""
    notice = dialog_text(
        turn.state.language, "input.joined", parts=joined.parts, length=len(joined.inbound.text)
    )
    return Turn(turn.state, tuple(prefixed(notice, turn.replies)))


def _took(before: DialogState | None, after: DialogState, file: FileRef) -> bool:
    """Return whether the turn added the file to the dialog's attachments."""
    old = (before.data.get("attachments") or []) if before is not None else []
    new = after.data.get("attachments") or []
    return len(new) == len(old) + 1 and new[-1].get("file_id") == file.file_id


def _storable(inbound: Inbound) -> bool:
    """Return whether every text of the event can be stored (see backend.storable)."""
    file = inbound.file
    texts = [inbound.text, inbound.command, inbound.payload, inbound.phone, inbound.contact_name]
    texts += inbound.args
    if file is not None:
        texts += [file.file_id, file.mime_type or "", file.name or ""]
    return all(is_storable(text) for text in texts)


def _outside_button_as_command(inbound: Inbound) -> Inbound:
    """Turn a tap on a reminder's button into the command it stands for."""
    if inbound.kind != "button":
        return inbound
    match = _OUTSIDE_BUTTON.match(inbound.payload)
    if match is None:
        return inbound
    action, number = match.groups()
    return replace(
        inbound,
        kind="command",
        command="sign" if action == "sign" else "status",
        args=(number,),
        payload="",
    )
