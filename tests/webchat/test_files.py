"""Reading uploads within the limit, naming and classifying them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from backend.attachments.uploads import UploadRoom
from backend.errors import UploadRefused
from bot.webchat.errors import WebchatError
from bot.webchat.files import MAX_UPLOAD_BYTES, content_type, file_kind, file_name, read_upload

CHUNK = 512 * 1024


class Body:
    """A request body arriving in chunks; counts how many the reader took."""

    def __init__(self, chunks: int) -> None:
        self.left = chunks
        self.taken = 0

    async def stream(self) -> AsyncIterator[bytes]:
        while self.left:
            self.left -= 1
            self.taken += 1
            yield b"\0" * CHUNK


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    body = Body(30)
    with pytest.raises(WebchatError) as refused:
        asyncio.run(read_upload(body.stream(), str(30 * CHUNK)))

    assert (refused.value.status, body.taken) == (413, 0)


def test_a_body_without_a_length_is_read_only_until_it_passes_the_limit() -> None:
    body = Body(30)
    with pytest.raises(WebchatError) as refused:
        asyncio.run(read_upload(body.stream(), None))

    assert (refused.value.status, body.taken) == (413, MAX_UPLOAD_BYTES // CHUNK + 1)


def test_a_body_is_read_only_until_it_passes_the_room_left_in_the_days_quota() -> None:
    body = Body(30)
    room = UploadRoom(3 * CHUNK + 1, UploadRefused("upload_daily_bytes", mb="50", left="1.5"))
    with pytest.raises(UploadRefused) as refused:
        asyncio.run(read_upload(body.stream(), None, room))

    assert (refused.value.code, body.taken) == ("upload_daily_bytes", 4)


def test_a_body_at_the_limit_is_read_whole() -> None:
    body = Body(MAX_UPLOAD_BYTES // CHUNK)

    assert len(asyncio.run(read_upload(body.stream(), None))) == MAX_UPLOAD_BYTES


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("%E7%8E%B0%E5%9C%BA.jpg", "现场.jpg"),
        ("..%2F..%2Fetc%2Fpasswd", "passwd"),
        ("C:%5Cphotos%5Ca.png", "a.png"),
        ("bad%00name%0A.txt", "badname.txt"),
        ("a%E2%80%AEgpj.exe", "agpj.exe"),  # a right-to-left override: "aexe.jpg" on screen
        ("%2F", None),
        ("", None),
        (None, None),
    ],
)
def test_file_names_lose_folders_and_control_marks(
    header: str | None, expected: str | None
) -> None:
    assert file_name(header) == expected


def test_content_types_are_kept_plain_or_become_octet_stream() -> None:
    assert content_type("image/JPEG; charset=binary") == "image/jpeg"
    assert content_type("text/html<script>") == "application/octet-stream"
    assert content_type(None) == "application/octet-stream"


def test_only_real_images_are_photos() -> None:
    assert file_kind("image/png", b"\x89PNG\r\n\x1a\n....") == ("photo", "image/png")
    assert file_kind("image/webp", b"RIFF\0\0\0\0WEBPVP8 ") == ("photo", "image/webp")
    assert file_kind("image/png", b"<svg/>") == ("document", "application/octet-stream")
    assert file_kind("application/pdf", b"%PDF-1.7") == ("document", "application/pdf")
