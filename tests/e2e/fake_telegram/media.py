"""Register bytes as Telegram files and build the media fields of a message."""

from __future__ import annotations

from typing import Any

from .objects import photo_sizes
from .store import ChatStore, StoredFile

PHOTO_SIZES = 3


def file_fields(stored: StoredFile) -> dict[str, Any]:
    """Return the fields every Telegram file object has."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
    }


def photo(store: ChatStore, data: bytes) -> list[dict[str, Any]]:
    """Register a photo; every size serves the original bytes (the fake does not resize)."""
    files = [store.add_file(data, "photos", "jpg", size) for size in range(PHOTO_SIZES)]
    return photo_sizes(
        [f.file_id for f in files], [f.file_unique_id for f in files], size=len(data)
    )


def document(store: ChatStore, data: bytes, file_name: str, mime_type: str) -> dict[str, Any]:
    """Register a document and return its Document object."""
    extension = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
    stored = store.add_file(data, "documents", extension)
    return {**file_fields(stored), "file_name": file_name, "mime_type": mime_type}


def voice(store: ChatStore, data: bytes, duration: int) -> dict[str, Any]:
    """Register a voice note and return its Voice object."""
    stored = store.add_file(data, "voice", "oga")
    return {**file_fields(stored), "duration": duration, "mime_type": "audio/ogg"}


def video(store: ChatStore, data: bytes, duration: int, width: int, height: int) -> dict[str, Any]:
    """Register a video and return its Video object."""
    stored = store.add_file(data, "videos", "mp4")
    return {
        **file_fields(stored),
        "width": width,
        "height": height,
        "duration": duration,
        "mime_type": "video/mp4",
    }


def sticker(store: ChatStore, data: bytes, emoji: str) -> dict[str, Any]:
    """Register a static sticker and return its Sticker object."""
    stored = store.add_file(data, "stickers", "webp")
    return {
        **file_fields(stored),
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
    }
