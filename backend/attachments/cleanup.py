"""Remove the uploads of dialogs abandoned for a while; what a filed case references stays."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, and_, delete, or_
from sqlmodel import Session, col, select

from backend.attachments.models import Upload, UploadDay
from backend.attachments.store import ContentStore, hold_digest
from backend.cases.models import Attachment
from backend.conversations.models import Conversation
from backend.db import session_scope
from dialogs.engine import forget_files
from dialogs.model import ChatRef, DialogState

log = logging.getLogger(__name__)
CHATS_PER_ROUND = 500


@dataclass
class CleanupReport:
    """What one round removed: chats, upload rows, bytes freed on disk, failures."""

    chats: int = 0
    uploads: int = 0
    freed: int = 0
    failed: int = 0
    counters: int = 0


def remove_abandoned_uploads(
    *, engine: Engine, store: ContentStore, idle_since: datetime, today: date
) -> CleanupReport:
    """Remove the unfiled uploads of every chat idle since before `idle_since`, chat by chat.

    Each chat is its own transaction and its own try/except: one failure is logged and the
    others go on. A rerun finds nothing to do twice (the rows are gone). Counters of days
    before yesterday are dropped too.
    """
    report = CleanupReport()
    with session_scope(engine) as session:
        chats = abandoned_chats(session=session, idle_since=idle_since)
    for chat in chats:
        try:
            with session_scope(engine) as session:
                removed, freed = remove_chat_uploads(
                    session=session, store=store, chat=chat, idle_since=idle_since
                )
        except Exception:  # noqa: BLE001 - one chat's failure must not stop the others
            report.failed += 1
            log.exception("upload cleanup: chat %s:%s failed", chat.channel, chat.chat_id)
            continue
        if removed:
            report.chats += 1
            report.uploads += removed
            report.freed += freed
            log.info(
                "upload cleanup: chat %s:%s, %s uploads, %s bytes freed",
                chat.channel,
                chat.chat_id,
                removed,
                freed,
            )
    with session_scope(engine) as session:
        old = session.execute(
            delete(UploadDay).where(col(UploadDay.day) < date.fromordinal(today.toordinal() - 1))
        )
        report.counters = int(old.rowcount)  # type: ignore[attr-defined]
    return report


def abandoned_chats(
    *, session: Session, idle_since: datetime, limit: int = CHATS_PER_ROUND
) -> list[ChatRef]:
    """Return chats holding unfiled uploads whose dialog has been idle since before a moment."""
    idle = or_(col(Conversation.id).is_(None), col(Conversation.updated_at) < idle_since)
    statement = (
        select(Upload.channel, Upload.chat_id)
        .distinct()
        .outerjoin(
            Conversation,
            and_(
                col(Conversation.channel) == col(Upload.channel),
                col(Conversation.chat_id) == col(Upload.chat_id),
            ),
        )
        .where(col(Upload.filed_at).is_(None), col(Upload.stored_at) < idle_since, idle)
        .order_by(col(Upload.channel), col(Upload.chat_id))
        .limit(limit)
    )
    return [ChatRef(channel, chat_id) for channel, chat_id in session.exec(statement).all()]


def remove_chat_uploads(
    *, session: Session, store: ContentStore, chat: ChatRef, idle_since: datetime
) -> tuple[int, int]:
    """Remove one idle chat's unfiled uploads and forget them in its dialog.

    Returns (uploads removed, bytes freed). Nothing happens when the chat came back meanwhile
    (its row is locked first, so a turn of that chat waits or has already moved the time).
    Bytes go only when no case and no other chat's upload refers to them.
    """
    conversation = session.exec(
        select(Conversation)
        .where(Conversation.channel == chat.channel, Conversation.chat_id == chat.chat_id)
        .with_for_update()
    ).first()
    if conversation is not None and conversation.updated_at >= idle_since:
        return 0, 0
    uploads = session.exec(
        select(Upload)
        .where(
            Upload.channel == chat.channel,
            Upload.chat_id == chat.chat_id,
            col(Upload.filed_at).is_(None),
            col(Upload.stored_at) < idle_since,
        )
        .order_by(col(Upload.id))
    ).all()
    removed: list[str] = []
    freed = 0
    for upload in uploads:
        hold_digest(session, upload.digest)
        gone = session.execute(delete(Upload).where(col(Upload.id) == upload.id))
        if not gone.rowcount:  # type: ignore[attr-defined]
            continue  # another scheduler removed it first
        removed.append(upload.digest)
        if not _referenced(session, upload.digest):
            freed += store.remove(upload.digest)
    if removed and conversation is not None and conversation.state:
        state = forget_files(DialogState.from_dict(conversation.state), removed)
        conversation.state = state.to_dict()  # `updated_at` stays: the chat did nothing
        session.add(conversation)
    return len(removed), freed


def _referenced(session: Session, digest: str) -> bool:
    """Return whether a case (any) or another chat's upload still refers to the bytes."""
    filed = select(Attachment.id).where(Attachment.sha256 == digest).limit(1)
    uploaded = select(Upload.id).where(Upload.digest == digest).limit(1)
    return session.exec(filed).first() is not None or session.exec(uploaded).first() is not None
