"""Evidence uploads: taken only while a complaint or record is open, within a quota per day.

One rule for every channel (web chat, Telegram, console), asked through the conversation
service: `upload_room` before a channel reads a file, `take_upload` in the turn that hands the
file to the dialog, where the count is raised atomically (a conditional UPDATE: two uploads at
once cannot both slip under the quota).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import ceil
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from backend.attachments.models import Upload, UploadDay
from backend.errors import UploadRefused
from backend.settings import Settings
from dialogs.engine import file_refusal
from dialogs.flows.common import megabytes
from dialogs.model import ChatKind, ChatRef, DialogState
from dialogs.ports import Limits

MEGABYTE = 1024 * 1024
# The dialog's reasons for taking no file, as the channels' refusals.
_REFUSAL_CODES = {"files.full": "upload_dialog_full"}


@dataclass(frozen=True)
class UploadQuota:
    """How many files and bytes one chat may upload a day (days as the district counts them)."""

    files: int
    bytes: int
    zone: ZoneInfo

    @classmethod
    def of(cls, settings: Settings) -> UploadQuota:
        """Return the quota the settings give."""
        return cls(
            files=settings.upload_daily_files,
            bytes=settings.upload_daily_mb * MEGABYTE,
            zone=settings.zone,
        )

    def day(self, now: datetime) -> date:
        """Return the quota's day of a moment."""
        return now.astimezone(self.zone).date()

    def seconds_to_next_day(self, now: datetime) -> int:
        """Return how long until the next day's quota starts, in whole seconds."""
        local = now.astimezone(self.zone)
        midnight = datetime.combine(local.date() + timedelta(days=1), time(0), self.zone)
        return max(1, ceil((midnight - local).total_seconds()))


@dataclass(frozen=True)
class UploadRoom:
    """What a chat may still upload today, and the refusal for a file that does not fit."""

    bytes: int
    too_large: UploadRefused


def refuse_unless_open(
    state: DialogState | None, limits: Limits, chat_kind: ChatKind = "private"
) -> None:
    """Raise UploadRefused unless the chat's dialog takes evidence now (the dialogs' rule)."""
    refusal = file_refusal(state, limits, chat_kind)
    if refusal is not None:
        code = _REFUSAL_CODES.get(refusal.key, "upload_not_open")
        raise UploadRefused(code, language=_language(state), max=refusal.params.get("max"))


def upload_room(
    *,
    session: Session,
    chat: ChatRef,
    state: DialogState | None,
    limits: Limits,
    quota: UploadQuota,
    now: datetime,
    size: int | None = None,
) -> UploadRoom:
    """Return what the chat may still upload today; raise UploadRefused when nothing now.

    Read only: a channel asks it before reading an upload, so a refused file is never read or
    stored; `size` is the declared size when the channel knows it.
    """
    refuse_unless_open(state, limits)
    used = _day_row(session, chat, quota.day(now))
    files, stored = (used.files, used.total_bytes) if used is not None else (0, 0)
    left = quota.bytes - stored
    too_large = _over_quota(quota, now, _language(state), files=False, left=left)
    if files >= quota.files:
        raise _over_quota(quota, now, _language(state), files=True, left=left)
    if left <= 0 or (size is not None and size > left):
        raise too_large
    return UploadRoom(left, too_large)


def take_upload(
    *,
    session: Session,
    chat: ChatRef,
    size: int,
    digest: str | None,
    quota: UploadQuota,
    now: datetime,
    language: str = "zh",
) -> bool:
    """Count an upload against the chat's day and track it; False when nothing new is stored.

    `digest` names bytes this system stores (web chat, console): tracked in `uploads` for the
    cleanup, and counted once per chat (sending the same file again stores nothing new).
    Without one (Telegram keeps the file until the case is filed) every file counts.
    Raises UploadRefused, changing nothing, when the day's files or bytes would pass the quota.
    """
    if digest is not None and _tracked(session, chat, digest):
        return False
    day = quota.day(now)
    if _day_row(session, chat, day) is None:
        _open_day(session, chat, day)
    counted = session.execute(
        update(UploadDay)
        .where(
            col(UploadDay.channel) == chat.channel,
            col(UploadDay.chat_id) == chat.chat_id,
            col(UploadDay.day) == day,
            col(UploadDay.files) < quota.files,
            col(UploadDay.total_bytes) + size <= quota.bytes,
        )
        .values(files=col(UploadDay.files) + 1, total_bytes=col(UploadDay.total_bytes) + size)
        .execution_options(synchronize_session=False)
    )
    if counted.rowcount != 1:  # type: ignore[attr-defined]
        used = _day_row(session, chat, day)
        files_full = used is not None and used.files >= quota.files
        left = quota.bytes - (used.total_bytes if used is not None else 0)
        raise _over_quota(quota, now, language, files=files_full, left=left)
    if digest is not None:
        session.add(
            Upload(
                channel=chat.channel,
                chat_id=chat.chat_id,
                digest=digest,
                size=size,
                stored_at=now,
            )
        )
        session.flush()
    return True


def mark_filed(*, session: Session, chat: ChatRef, digests: Iterable[str], now: datetime) -> None:
    """Record that the chat's case or record filed these uploads (the cleanup leaves them)."""
    wanted = sorted(set(digests))
    if not wanted:
        return
    session.execute(
        update(Upload)
        .where(
            col(Upload.channel) == chat.channel,
            col(Upload.chat_id) == chat.chat_id,
            col(Upload.digest).in_(wanted),
            col(Upload.filed_at).is_(None),
        )
        .values(filed_at=now)
        .execution_options(synchronize_session=False)
    )


def _tracked(session: Session, chat: ChatRef, digest: str) -> bool:
    statement = select(Upload.id).where(
        Upload.channel == chat.channel, Upload.chat_id == chat.chat_id, Upload.digest == digest
    )
    return session.exec(statement).first() is not None


def _day_row(session: Session, chat: ChatRef, day: date) -> UploadDay | None:
    statement = select(UploadDay).where(
        UploadDay.channel == chat.channel, UploadDay.chat_id == chat.chat_id, UploadDay.day == day
    )
    return session.exec(statement).first()


def _over_quota(
    quota: UploadQuota, now: datetime, language: str, *, files: bool, left: int
) -> UploadRefused:
    retry_after = quota.seconds_to_next_day(now)
    if files:
        return UploadRefused(
            "upload_daily_files", language=language, retry_after=retry_after, max=quota.files
        )
    return UploadRefused(
        "upload_daily_bytes",
        language=language,
        retry_after=retry_after,
        mb=megabytes(quota.bytes),
        left=f"{max(left, 0) / MEGABYTE:.1f}",
    )


def not_stored(state: DialogState | None) -> UploadRefused:
    """The refusal of an upload the data folder did not take (503 on the web chat).

    Nothing of the upload is kept (its turn is rolled back), so sending it again later works.
    """
    return UploadRefused("upload_not_stored", language=_language(state), retry_after=60)


def _language(state: DialogState | None) -> str:
    return state.language if state is not None and state.language in ("zh", "en") else "zh"


def _open_day(session: Session, chat: ChatRef, day: date) -> None:
    """Insert the chat's counter row of a day (at zero) unless it exists."""
    postgres = session.get_bind().dialect.name == "postgresql"
    insert = pg_insert if postgres else sqlite_insert
    row = insert(UploadDay).values(
        channel=chat.channel, chat_id=chat.chat_id, day=day, files=0, total_bytes=0
    )
    session.execute(row.on_conflict_do_nothing(index_elements=["channel", "chat_id", "day"]))
