"""The files a console chat sends as evidence: regular files only, read within the size limit.

`intake chat` may run where the person typing is not the machine's owner (a kiosk, a clerk's
terminal taking a visitor's complaint), so `--files-from DIR` keeps it to one folder; and a
device, a pipe or a socket is never opened for reading (`/dev/zero` never ends, a pipe waits
for a writer for ever).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotEvidence(Exception):
    """A path the console does not send, with the key of the line that says why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def evidence_path(raw: str, folder: Path | None) -> Path:
    """Return the path typed, taken in `folder` when one is set (a bare name is looked up there).

    Raises NotEvidence("file_outside") when the path, its links followed, leaves the folder.
    """
    path = Path(raw).expanduser()
    if folder is None:
        return path
    root = folder.resolve()
    resolved = (root / path).resolve()  # an absolute path stays itself; links are followed
    if not resolved.is_relative_to(root):
        raise NotEvidence("file_outside", folder=folder)
    return resolved


def size_of(path: Path) -> int:
    """Return the size of a regular file; NotEvidence("file_not_regular") for anything else.

    OSError when it cannot be looked at (missing, no permission).
    """
    found = path.stat()
    if not stat.S_ISREG(found.st_mode):
        raise NotEvidence("file_not_regular", path=path)
    return found.st_size


def read_evidence(path: Path, limit: int) -> bytes:
    """Return the file's bytes; NotEvidence("file_too_big") past `limit` bytes.

    Opened without waiting (a pipe put in its place meanwhile is refused, not waited for)
    and read to `limit` + 1 bytes at most (a file under /proc says 0 and holds more).
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise NotEvidence("file_not_regular", path=path)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise NotEvidence("file_too_big", path=path)
    return data
