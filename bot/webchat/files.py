"""Uploaded files: read within a size limit, stored by SHA-256, fetched back at submission."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import unquote

from backend.api.bodies import BodyTooLarge
from backend.attachments.names import clean_file_name
from backend.attachments.store import ContentStore
from backend.attachments.uploads import UploadRoom
from bot.webchat.errors import WebchatError
from dialogs.flows.common import megabytes
from dialogs.model import FileKind

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# What a photo starts with; an "image/..." upload that does not is kept as a document.
_IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")
_CONTENT_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")


class StoredFileFetcher:
    """Fetch a file by the SHA-256 it was stored under (web-chat and console uploads)."""

    def __init__(self, store: ContentStore) -> None:
        self.store = store

    def fetch(self, file_id: str) -> bytes:
        """Return the stored bytes of an upload."""
        return self.store.get(file_id)


async def read_limited(
    chunks: AsyncIterator[bytes], declared: str | None, *, limit: int, too_large: Exception
) -> bytes:
    """Read a request body, refusing as soon as it is known to pass the limit.

    A declared Content-Length over the limit is refused before a byte is read; a body sent
    without one (chunked) is refused at the first chunk that passes the limit.
    """
    length = (declared or "").strip()
    if length.isascii() and length.isdigit() and int(length) > limit:
        raise too_large
    data = bytearray()
    try:
        async for chunk in chunks:
            data += chunk
            if len(data) > limit:
                raise too_large
    except BodyTooLarge:  # the process's own limit (backend.api.bodies), at or above this one
        raise too_large from None
    return bytes(data)


async def read_upload(
    chunks: AsyncIterator[bytes], declared: str | None, room: UploadRoom | None = None
) -> bytes:
    """Read an uploaded file: at most MAX_UPLOAD_BYTES (413), not empty (422).

    With the chat's room for today below that, a body passing it gets the quota's refusal.
    """
    limit: int = MAX_UPLOAD_BYTES
    too_large: Exception = WebchatError(413, "file_too_large", mb=megabytes(MAX_UPLOAD_BYTES))
    if room is not None and room.bytes < limit:
        limit, too_large = room.bytes, room.too_large
    data = await read_limited(chunks, declared, limit=limit, too_large=too_large)
    if not data:
        raise WebchatError(422, "file_empty")
    return data


def declared_size(header: str | None) -> int | None:
    """Return a request's Content-Length as a number, or None when it is missing or malformed."""
    length = (header or "").strip()
    return int(length) if length.isascii() and length.isdigit() and len(length) < 19 else None


def content_type(header: str | None) -> str:
    """Return the media type of an upload without parameters; unknown ones are octet-stream."""
    media = (header or "").split(";", 1)[0].strip().lower()
    known = _CONTENT_TYPE.match(media) and len(media) <= 100
    return media if known else "application/octet-stream"


def file_name(header: str | None) -> str | None:
    """Return the URL-encoded X-File-Name as a plain name (`clean_file_name`), or None."""
    if not header:
        return None
    return clean_file_name(unquote(header.strip(), errors="replace"))


def file_kind(media: str, data: bytes) -> tuple[FileKind, str]:
    """Return photo or document, and the media type to keep (an image that is none loses it)."""
    if not media.startswith("image/"):
        return "document", media
    is_webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if is_webp or data.startswith(_IMAGE_SIGNATURES):
        return "photo", media
    return "document", "application/octet-stream"
