"""Evidence files: bytes stored once by content hash, metadata as Attachment rows."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Protocol

from sqlmodel import Session

from backend.cases.models import Attachment, Case
from backend.clock import Clock


class FileFetcher(Protocol):
    """Fetch the bytes of a file a channel holds (a Telegram file id, a web-chat upload)."""

    def fetch(self, file_id: str) -> bytes: ...


class ContentStore:
    """Files under a folder, named by their SHA-256: the same file is stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, data: bytes) -> str:
        """Store bytes and return their SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        path = self.path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.part")
            temporary.write_bytes(data)
            temporary.replace(path)
        return digest

    def get(self, digest: str) -> bytes:
        """Return the bytes stored under a SHA-256."""
        return self.path(digest).read_bytes()

    def path(self, digest: str) -> Path:
        """Return where the bytes of a SHA-256 live."""
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / digest[:2] / digest


def attach(
    *,
    session: Session,
    store: ContentStore,
    case: Case,
    data: bytes,
    filename: str,
    content_type: str,
    clock: Clock,
) -> Attachment:
    """Store a file and record it on a case."""
    assert case.id is not None
    digest = store.put(data)
    row = Attachment(
        case_id=case.id,
        filename=filename[:255],
        content_type=content_type[:100],
        size=len(data),
        sha256=digest,
        created_at=clock.now(),
    )
    session.add(row)
    session.flush()
    return row
