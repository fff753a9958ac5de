"""Evidence files: bytes stored once by content hash, metadata as Attachment rows."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Protocol

from sqlalchemy import text
from sqlmodel import Session

from backend.attachments.names import clean_file_name
from backend.cases.models import Attachment, Case
from backend.clock import Clock

# Namespace of the PostgreSQL advisory locks on digests (two int4 keys: this, then the digest's).
_DIGEST_LOCKS = 0x5350


class FileFetcher(Protocol):
    """Fetch the bytes of a file a channel holds (a Telegram file id, a web-chat upload)."""

    def fetch(self, file_id: str) -> bytes: ...


class ContentStore:
    """Files under a folder, named by their SHA-256: the same file is stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def under(cls, data_dir: Path) -> ContentStore:
        """Return the store of a data folder (INTAKE_DATA_DIR)."""
        return cls(data_dir / "attachments")

    @staticmethod
    def digest_of(data: bytes) -> str:
        """Return the SHA-256 (hex) that bytes are stored under."""
        return hashlib.sha256(data).hexdigest()

    def put(self, data: bytes) -> str:
        """Store bytes and return their SHA-256.

        Raises OSError when the folder takes no file (read-only, full, not a folder); a part
        written before the error is removed, and nothing is left under the digest's name.
        """
        digest = self.digest_of(data)
        path = self.path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.part")
            try:
                temporary.write_bytes(data)
                temporary.replace(path)
            except OSError:
                temporary.unlink(missing_ok=True)
                raise
        return digest

    def get(self, digest: str) -> bytes:
        """Return the bytes stored under a SHA-256."""
        return self.path(digest).read_bytes()

    def remove(self, digest: str) -> int:
        """Remove the bytes of a SHA-256; return how many bytes were freed (0: none there)."""
        path = self.path(digest)
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0
        return size

    def path(self, digest: str) -> Path:
        """Return where the bytes of a SHA-256 live."""
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / digest[:2] / digest


def hold_digest(session: Session, digest: str) -> None:
    """Hold the digest's lock until the transaction ends: whoever writes or removes its bytes.

    An upload and the cleanup of the same content (another chat's) must not interleave between
    "is it still referenced?" and "remove it". PostgreSQL takes an advisory transaction lock;
    SQLite's write transactions are serial already (BEGIN IMMEDIATE).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    key = int(digest[:8], 16) - 2**31  # a signed int4
    session.execute(
        text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": _DIGEST_LOCKS, "key": key}
    )


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
    """Store a file and record it on a case (a filed file is never removed)."""
    assert case.id is not None
    digest = store.digest_of(data)
    hold_digest(session, digest)
    store.put(data)
    row = Attachment(
        case_id=case.id,
        filename=clean_file_name(filename) or "file",
        content_type=content_type[:100],
        size=len(data),
        sha256=digest,
        created_at=clock.now(),
    )
    session.add(row)
    session.flush()
    return row
