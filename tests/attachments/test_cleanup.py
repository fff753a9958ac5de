"""The scheduler removes the files of abandoned dialogs, never what a filed case references."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from sqlmodel import select

from backend.attachments.cleanup import remove_abandoned_uploads
from backend.attachments.models import Upload
from backend.attachments.store import ContentStore
from backend.bootstrap import Container
from backend.cases.models import Attachment
from backend.conversations.models import Conversation
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.scheduler.jobs import upload_cleanup_job
from backend.scheduler.runner import configure
from bot.webchat.files import StoredFileFetcher
from dialogs.model import ChatRef
from tests.conversations.driver import Chat
from tests.fakes import FakeClock

ARREARS = "区里的项目做完了，工程款一直拖欠不付"
PHOTO = b"\xff\xd8\xff\xe0 scene of the unpaid works" * 100
CONTRACT = b"%PDF-1.7 the contract" * 100


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def web_chat(service: ConversationService, chat_id: str) -> Chat:
    """A web chat whose uploads are stored here and fetched back when its case is filed."""
    service.fetchers["web"] = StoredFileFetcher(service.store)
    return Chat(service, ChatRef("web", chat_id))


def start_complaint_with(chat: Chat, *files: bytes) -> None:
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.tap("今天")
    for data in files:
        chat.upload(data)


def file_it(chat: Chat) -> None:
    chat.tap("完成")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    assert "HQ-" in chat.text, chat.text


def tracked(container: Container) -> list[tuple[str, str]]:
    with session_scope(container.engine) as session:
        rows = session.exec(select(Upload).order_by(Upload.chat_id)).all()
        return [(row.chat_id, row.digest) for row in rows]


def dialog_files(container: Container, chat: Chat) -> list[str]:
    with session_scope(container.engine) as session:
        row = session.exec(
            select(Conversation).where(Conversation.chat_id == chat.chat.chat_id)
        ).one()
    assert row.state is not None
    return [a["file_id"] for a in row.state["data"].get("attachments", [])]


def test_files_of_a_dialog_abandoned_for_seven_days_are_removed_and_forgotten(
    service: ConversationService, container: Container, clock: FakeClock, store: ContentStore
) -> None:
    chat = web_chat(service, "abandoned")
    start_complaint_with(chat, PHOTO, CONTRACT)
    clock.advance(days=6, hours=23)
    assert upload_cleanup_job(container).uploads == 0  # not yet a week

    clock.advance(hours=2)
    report = upload_cleanup_job(container)

    assert (report.chats, report.uploads, report.freed) == (1, 2, len(PHOTO) + len(CONTRACT))
    assert not store.path(digest(PHOTO)).exists() and not store.path(digest(CONTRACT)).exists()
    assert tracked(container) == [] and dialog_files(container, chat) == []
    assert upload_cleanup_job(container).uploads == 0  # a rerun has nothing left to do

    file_it(chat)  # coming back later: the complaint is filed, without the removed files
    with session_scope(container.engine) as session:
        assert session.exec(select(Attachment)).all() == []


def test_a_dialog_in_use_keeps_its_files(
    service: ConversationService, container: Container, clock: FakeClock, store: ContentStore
) -> None:
    chat = web_chat(service, "slow")
    start_complaint_with(chat, PHOTO)
    clock.advance(days=6)
    chat.upload(CONTRACT)  # the chat is still at it
    clock.advance(days=6)

    assert upload_cleanup_job(container).uploads == 0
    assert store.get(digest(PHOTO)) == PHOTO
    assert dialog_files(container, chat) == [digest(PHOTO), digest(CONTRACT)]


def test_a_filed_cases_files_are_never_removed(
    service: ConversationService, container: Container, clock: FakeClock, store: ContentStore
) -> None:
    chat = web_chat(service, "filer")
    start_complaint_with(chat, PHOTO)
    file_it(chat)
    clock.advance(days=400)

    assert upload_cleanup_job(container).uploads == 0
    assert store.get(digest(PHOTO)) == PHOTO
    with session_scope(container.engine) as session:
        upload = session.exec(select(Upload)).one()
    assert upload.filed_at is not None


def test_a_file_another_chat_filed_stays_when_this_chats_dialog_is_abandoned(
    service: ConversationService, container: Container, clock: FakeClock, store: ContentStore
) -> None:
    quitter = web_chat(service, "quitter")
    start_complaint_with(quitter, PHOTO)
    clock.advance(days=1)
    filer = Chat(service, ChatRef("web", "filer"))
    start_complaint_with(filer, PHOTO)  # the same bytes, stored once
    file_it(filer)
    clock.advance(days=30)

    report = upload_cleanup_job(container)

    assert (report.uploads, report.freed) == (1, 0)  # the quitter's upload, not the bytes
    assert store.get(digest(PHOTO)) == PHOTO
    assert tracked(container) == [("filer", digest(PHOTO))]
    with session_scope(container.engine) as session:
        assert session.exec(select(Attachment.sha256)).all() == [digest(PHOTO)]


def test_bytes_another_live_dialog_uploaded_stay(
    service: ConversationService, container: Container, clock: FakeClock, store: ContentStore
) -> None:
    quitter = web_chat(service, "quitter")
    start_complaint_with(quitter, CONTRACT)
    clock.advance(days=6)
    busy = Chat(service, ChatRef("web", "busy"))
    start_complaint_with(busy, CONTRACT)
    clock.advance(days=2)

    assert upload_cleanup_job(container).freed == 0
    assert store.get(digest(CONTRACT)) == CONTRACT
    assert dialog_files(container, busy) == [digest(CONTRACT)]
    assert dialog_files(container, quitter) == []


class BrokenForOneFile(ContentStore):
    """A store that cannot remove one file (a permission problem, a full disk...)."""

    def __init__(self, store: ContentStore, broken: str) -> None:
        super().__init__(store.root)
        self.broken = broken

    def remove(self, digest: str) -> int:
        if digest == self.broken:
            raise PermissionError(f"cannot remove {digest}")
        return super().remove(digest)


def test_one_chat_that_cannot_be_cleaned_does_not_stop_the_others(
    service: ConversationService, container: Container, clock: FakeClock, store: ContentStore
) -> None:
    start_complaint_with(web_chat(service, "a-stuck"), PHOTO)
    start_complaint_with(web_chat(service, "b-fine"), CONTRACT)
    clock.advance(days=8)
    now = clock.now()

    report = remove_abandoned_uploads(
        engine=container.engine,
        store=BrokenForOneFile(store, digest(PHOTO)),
        idle_since=now - timedelta(days=7),
        today=now.date(),
    )

    assert (report.failed, report.uploads) == (1, 1)
    assert tracked(container) == [("a-stuck", digest(PHOTO))]  # rolled back: tried next round
    assert store.get(digest(PHOTO)) == PHOTO and not store.path(digest(CONTRACT)).exists()
    assert upload_cleanup_job(container).uploads == 1  # the next round, with the store mended


def test_the_cleanup_runs_hourly_in_the_scheduler(container: Container) -> None:
    scheduler = configure(BackgroundScheduler(), container)

    job = scheduler.get_job("upload_cleanup")
    assert job is not None and job.func is upload_cleanup_job
    assert job.trigger.interval.total_seconds() == 3600
