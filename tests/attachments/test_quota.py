"""The upload quota as every channel meets it through the conversation service."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlmodel import select

from backend.attachments.models import UploadDay
from backend.attachments.uploads import UploadQuota, take_upload
from backend.bootstrap import Container
from backend.conversations.models import Conversation
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.errors import UploadRefused
from backend.settings import Settings, load_settings
from dialogs import texts
from dialogs.model import ChatRef, FileRef
from tests.conversations.driver import Chat
from tests.fakes import FakeClock

TIANJIN = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        env="test", database_url=database_url, data_dir=tmp_path / "var", upload_daily_files=2
    )


def counted(container: Container, chat: ChatRef) -> tuple[int, int]:
    with session_scope(container.engine) as session:
        days = session.exec(select(UploadDay).where(UploadDay.chat_id == chat.chat_id)).all()
        return sum(d.files for d in days), sum(d.total_bytes for d in days)


def attachments(container: Container, chat: ChatRef) -> list[str]:
    """Return the file ids the chat's open dialog holds."""
    with session_scope(container.engine) as session:
        row = session.exec(select(Conversation).where(Conversation.chat_id == chat.chat_id)).one()
    assert row.state is not None
    return [a["file_id"] for a in row.state["data"].get("attachments", [])]


def test_a_telegram_photo_counts_only_when_the_dialog_takes_it(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service, ChatRef("telegram", "501"))
    chat.command("start")
    chat.photo("tg-idle", size=5000)
    assert chat.text == texts.render("zh", "input.idle_attachment")  # the dialog says why
    assert counted(container, chat.chat) == (0, 0)

    chat.command("report")
    chat.photo("tg-1", size=5000)
    chat.photo("tg-2", size=7000)
    assert counted(container, chat.chat) == (2, 12_000)

    with pytest.raises(UploadRefused) as refused:
        chat.photo("tg-3", size=100)
    assert refused.value.code == "upload_daily_files"
    assert refused.value.message() == "今天已上传 2 个文件，达到每日上限，请明天再发送。"
    assert attachments(container, chat.chat) == ["tg-1", "tg-2"]
    assert counted(container, chat.chat) == (2, 12_000)


def test_a_file_the_dialog_refuses_for_any_reason_is_not_counted(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service, ChatRef("telegram", "503"))
    chat.command("report")

    chat.send("document", file=FileRef("tg-big", "document", 15 * 1024 * 1024, "video/mp4"))
    assert chat.text.startswith(texts.render("zh", "files.too_big", mb="10"))
    chat.send("photo", text="长" * 6000, file=FileRef("tg-caption", "photo", 1000))
    assert "长" * 10 not in chat.text and counted(container, chat.chat) == (0, 0)
    assert attachments(container, chat.chat) == []


def test_a_redelivered_telegram_update_is_counted_once(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service, ChatRef("telegram", "502"))
    chat.command("report")
    for _ in range(3):
        chat.send("photo", event_id="update-77", file=FileRef("tg-77", "photo", 1000))

    assert counted(container, chat.chat) == (1, 1000)


def test_an_upload_over_the_quota_is_neither_stored_nor_taken_by_the_dialog(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service, ChatRef("console", "c-quota"))
    chat.command("report")
    chat.upload(b"%PDF first")
    chat.upload(b"%PDF second")

    with pytest.raises(UploadRefused):
        chat.upload(b"%PDF third")

    root = container.settings.data_dir / "attachments"
    assert len([p for p in root.rglob("*") if p.is_file()]) == 2
    assert len(attachments(container, chat.chat)) == 2
    assert counted(container, chat.chat) == (2, len(b"%PDF first") + len(b"%PDF second"))


def test_two_uploads_at_once_cannot_both_take_the_last_place(
    container: Container, clock: FakeClock
) -> None:
    """Without the dialog's row lock: the count itself is one conditional UPDATE."""
    quota = UploadQuota(files=1, bytes=10**6, zone=TIANJIN)
    chat = ChatRef("web", "racer")
    engine = container.engine
    with session_scope(engine) as session:  # the day's counter exists: both go to the UPDATE
        session.add(UploadDay(channel="web", chat_id="racer", day=quota.day(clock.now())))
    first_counted, release = threading.Event(), threading.Event()
    outcome: dict[str, str] = {}

    def first() -> None:
        with session_scope(engine) as session:
            take_upload(
                session=session, chat=chat, size=10, digest="a" * 64, quota=quota, now=clock.now()
            )
            first_counted.set()
            release.wait(30)
        outcome["first"] = "counted"

    def second() -> None:
        first_counted.wait(30)
        try:
            with session_scope(engine) as session:
                take_upload(
                    session=session,
                    chat=chat,
                    size=10,
                    digest="b" * 64,
                    quota=quota,
                    now=clock.now(),
                )
            outcome["second"] = "counted"
        except UploadRefused as refused:
            outcome["second"] = refused.code

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_counted.wait(30)
    _wait_until_the_second_waits_for_the_first(container)
    release.set()
    for thread in threads:
        thread.join(30)

    assert outcome == {"first": "counted", "second": "upload_daily_files"}
    assert counted(container, chat) == (1, 10)


def _wait_until_the_second_waits_for_the_first(container: Container) -> None:
    """On PostgreSQL, wait (for a condition, at most 30 s) until the second UPDATE is blocked.

    SQLite serialises write transactions from their start, so there is nothing to wait for.
    """
    if container.engine.dialect.name != "postgresql":
        return
    blocked = text(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
        "AND query LIKE 'UPDATE upload_days%' AND datname = current_database()"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with container.engine.connect() as connection:
            if connection.execute(blocked).scalar_one():
                return
        time.sleep(0.02)
    raise AssertionError("the second upload never waited for the first")
