"""Uploads: only while a complaint or record is open, within a quota per chat and day."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.attachments.models import Upload, UploadDay
from backend.bootstrap import Container
from backend.db import session_scope
from backend.settings import Settings, load_settings
from tests.fakes import FakeClock
from tests.webchat.helpers import ARREARS, WebChat

DAILY_FILES = 3
DAILY_MB = 1
KB = 1024


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """A small quota, so that a test reaches it: 3 files or 1 MB a day."""
    return load_settings(
        env="test",
        database_url=database_url,
        data_dir=tmp_path / "var",
        upload_daily_files=DAILY_FILES,
        upload_daily_mb=DAILY_MB,
    )


def stored_files(container: Container) -> list[Path]:
    root = container.settings.data_dir / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def uploads(container: Container) -> list[Upload]:
    with session_scope(container.engine) as session:
        return list(session.exec(select(Upload)).all())


def counted(container: Container) -> tuple[int, int]:
    with session_scope(container.engine) as session:
        days = session.exec(select(UploadDay)).all()
        return sum(d.files for d in days), sum(d.total_bytes for d in days)


def refusal(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    detail: str = body["detail"]
    return detail


class CountingBody:
    """A request body in chunks that counts how many the server took."""

    def __init__(self, chunks: int, size: int = 64 * KB) -> None:
        self.chunks, self.size, self.taken = chunks, size, 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.chunks):
            self.taken += 1
            yield os.urandom(self.size)


def test_uploads_with_no_complaint_open_are_refused_409_unread_and_nothing_is_stored(
    chat: WebChat, container: Container
) -> None:
    for index in range(30):  # the finding: 30 files from a session with no complaint open
        body = CountingBody(4)
        headers = {
            **chat.headers,
            "Content-Type": "application/octet-stream",
            "Content-Length": str(4 * 64 * KB),
            "X-Client-Message-Id": f"idle-{index}",
        }
        response = chat.client.post("/chat/api/files", content=body, headers=headers)

        assert "请先发送 /report" in refusal(response, 409, "upload_not_open")
        assert body.taken == 0

    assert (stored_files(container), uploads(container), counted(container)) == ([], [], (0, 0))


def test_the_refusal_speaks_english_when_asked(chat: WebChat) -> None:
    response = chat.client.post(
        "/chat/api/files",
        content=b"%PDF-1.7",
        headers={**chat.headers, "X-Client-Message-Id": "f1", "Accept-Language": "en"},
    )

    assert refusal(response, 409, "upload_not_open").startswith("Photos and documents are taken")


def test_a_complaint_with_all_its_attachments_takes_no_more_uploads(
    chat: WebChat, clock: FakeClock
) -> None:
    chat.command("report")
    for index in range(5):  # five different files: the quota's three today, two tomorrow
        if index == DAILY_FILES:
            clock.advance(hours=24)
        assert chat.upload(os.urandom(KB), f"p{index}.bin", "application/pdf").status_code == 200

    sixth = chat.upload(os.urandom(KB), "p6.bin", "application/pdf")

    assert "5" in refusal(sixth, 409, "upload_dialog_full")


def test_the_daily_file_quota_refuses_the_next_upload_429_until_tomorrow(
    web: TestClient, clock: FakeClock, container: Container
) -> None:
    first = WebChat(web)
    first.start()
    first.command("report")
    for index in range(DAILY_FILES):
        response = first.upload(os.urandom(KB), f"{index}.pdf", "application/pdf")
        assert response.status_code == 200, response.text

    over = first.upload(os.urandom(KB), "over.pdf", "application/pdf")

    assert f"{DAILY_FILES} 个文件" in refusal(over, 429, "upload_daily_files")
    # 10:00 in Tianjin: the quota starts again at midnight, 14 hours on.
    assert int(over.headers["Retry-After"]) == 14 * 3600
    assert counted(container) == (DAILY_FILES, DAILY_FILES * KB)
    assert len(stored_files(container)) == DAILY_FILES

    other = WebChat(web)  # the quota is per chat
    other.start()
    other.command("report")
    assert other.upload(os.urandom(KB), "o.pdf", "application/pdf").status_code == 200

    clock.advance(hours=14)
    assert first.upload(os.urandom(KB), "next.pdf", "application/pdf").status_code == 200


def test_the_daily_byte_quota_refuses_a_declared_size_before_reading_it(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    assert chat.upload(os.urandom(600 * KB), "a.pdf", "application/pdf").status_code == 200

    body = CountingBody(8)  # 512 KB declared, 424 KB left today
    headers = {
        **chat.headers,
        "Content-Type": "application/pdf",
        "Content-Length": str(8 * 64 * KB),
        "X-Client-Message-Id": "big",
    }
    response = chat.client.post("/chat/api/files", content=body, headers=headers)

    assert "1 MB" in refusal(response, 429, "upload_daily_bytes")
    assert body.taken == 0
    assert counted(container) == (1, 600 * KB)


def test_a_body_without_a_length_is_cut_off_where_the_days_bytes_run_out(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    assert chat.upload(os.urandom(600 * KB), "a.pdf", "application/pdf").status_code == 200

    body = CountingBody(12)  # 768 KB in chunks, no Content-Length
    headers = {**chat.headers, "Content-Type": "video/mp4", "X-Client-Message-Id": "chunked"}
    response = chat.client.post("/chat/api/files", content=iter(body), headers=headers)

    refusal(response, 429, "upload_daily_bytes")  # where reading stops: tests/webchat/test_files
    assert len(stored_files(container)) == 1
    assert counted(container) == (1, 600 * KB)


def test_a_resent_upload_and_the_same_file_again_are_counted_once(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    data = os.urandom(10 * KB)
    assert chat.upload(data, "a.pdf", "application/pdf", client_id="same").status_code == 200
    resent = chat.upload(data, "a.pdf", "application/pdf", client_id="same")
    again = chat.upload(data, "a.pdf", "application/pdf", client_id="again")

    assert resent.status_code == 200  # answered "arrived already" with the question again
    assert resent.json()["replies"][0]["text"].startswith("这条消息已经收到")
    assert again.status_code == 200
    assert counted(container) == (1, 10 * KB)
    assert len(uploads(container)) == 1


def test_the_same_file_again_in_one_dialog_is_recognised_and_takes_no_new_slot(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    data = os.urandom(10 * KB)
    first = chat.upload(data, "a.pdf", "application/pdf", client_id="one")
    second = chat.upload(data, "a.pdf", "application/pdf", client_id="two")
    third = chat.upload(data, "b.pdf", "application/pdf", client_id="three")
    other = chat.upload(os.urandom(10 * KB), "c.pdf", "application/pdf", client_id="four")

    assert "（1/5）" in str(first.json()["replies"])
    for again in (second, third):
        assert again.status_code == 200
        assert "已经附上" in str(again.json()["replies"]) and "（1/5）" in str(
            again.json()["replies"]
        )
    assert "（2/5）" in str(other.json()["replies"])  # the next file takes the second slot
    assert counted(container) == (2, 20 * KB)


def test_concurrent_uploads_of_one_chat_cannot_pass_the_quota_together(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")

    def upload(index: int) -> int:
        headers = {
            **chat.headers,
            "Content-Type": "application/pdf",
            "X-Client-Message-Id": f"c{index}",
        }
        response = chat.client.post("/chat/api/files", content=os.urandom(2 * KB), headers=headers)
        return response.status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = sorted(pool.map(upload, range(8)))

    # Five fit the complaint; the quota lets three of them through, never more.
    assert statuses.count(200) == DAILY_FILES
    assert set(statuses) <= {200, 409, 429}
    assert counted(container) == (DAILY_FILES, DAILY_FILES * 2 * KB)
    assert len(stored_files(container)) == DAILY_FILES


def test_cancelling_and_starting_again_does_not_reset_the_days_quota(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    chat.say(ARREARS)
    for index in range(DAILY_FILES):
        assert chat.upload(os.urandom(KB), f"{index}.pdf", "application/pdf").status_code == 200
    chat.command("cancel")

    chat.command("report")  # a new complaint the same day: the day's quota is spent
    refusal(chat.upload(os.urandom(KB), "x.pdf", "application/pdf"), 429, "upload_daily_files")


def test_a_file_the_data_folder_cannot_store_is_refused_503_in_the_chats_language(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    chat.say(ARREARS)
    store = container.settings.data_dir / "attachments"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"")  # a file where the folder should be: every write fails (OSError)

    refused = chat.upload(os.urandom(KB), "a.pdf", "application/pdf")
    english = chat.client.post(
        "/chat/api/files",
        content=os.urandom(KB),
        headers={**chat.headers, "X-Client-Message-Id": "en", "Accept-Language": "en"},
    )

    assert "文件暂时无法保存" in refusal(refused, 503, "upload_not_stored")
    assert refused.headers["Retry-After"] == "60"
    assert refusal(english, 503, "upload_not_stored").startswith("The file could not be stored")
    assert (uploads(container), counted(container)) == ([], (0, 0))

    store.unlink()  # the folder is writable again: the same file is taken, the dialog goes on
    again = chat.upload(os.urandom(KB), "a.pdf", "application/pdf")
    assert again.status_code == 200, again.text
    assert "（1/5）" in str(again.json()["replies"])
    assert counted(container) == (1, KB)
