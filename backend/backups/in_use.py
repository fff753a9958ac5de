"""Who is using a SQLite database: a lock each running process holds, that a restore tests.

`intake run`, `intake scheduler` and `intake chat` hold a shared lock (`flock`) on a file
beside the database (`intake.db.in-use`) for as long as they run; `intake db restore` takes
it exclusively, without waiting, for the whole restore. A restore under a running system is
refused in words (the running one would keep writing into the file being replaced), and a
system started during a restore stops at once with a configuration error. The kernel drops
a process's lock with the process, so one killed with SIGKILL leaves nothing to clean up.
PostgreSQL is restored with its own tools (`pg_restore`) and takes no such lock.

Errors: `hold_in_use` raises ConfigError while a restore runs; `sole_user` raises
BackupRefused while any process holds the lock; both raise ConfigError when the lock file
cannot be opened (its folder not writable and the file missing, or the file not readable).
Linux and other POSIX systems only (`fcntl`).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url

from backend.errors import ConfigError

SUFFIX = ".in-use"


def lock_file(database_url: str) -> Path | None:
    """Return the lock file of a SQLite database file, or None (PostgreSQL, in memory)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    database = Path(str(url.database))
    return database.with_name(database.name + SUFFIX)


def hold_in_use(database_url: str) -> IO[bytes] | None:
    """Take the shared lock for this process's life; return its file (keep it open), or None
    where there is no lock to take. Raises ConfigError while a restore holds the database."""
    path = lock_file(database_url)
    if path is None:
        return None
    handle = _open(path)
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise ConfigError(
            f"a restore is under way on {path.with_suffix('')}: start again once it has ended"
        ) from None
    return handle


@contextmanager
def sole_user(database_url: str) -> Iterator[None]:
    """Hold the database alone while inside; BackupRefused when a running process uses it."""
    from backend.backups.sqlite import BackupRefused

    path = lock_file(database_url)
    if path is None:
        yield
        return
    with _open(path) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupRefused(
                f"{path.with_suffix('')} is in use by a running intake (run, scheduler or "
                "chat): stop it first, then restore"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _open(path: Path) -> IO[bytes]:
    """Open (create) the lock file for reading: a lock needs no write access, so a file one
    account created (a restore run as root) does not stop the service's account."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.fdopen(os.open(path, os.O_RDONLY | os.O_CREAT, 0o666), "rb")
    except OSError as error:
        raise ConfigError(
            f"cannot open the lock file {path} ({error.strerror}): let the account that runs "
            "intake read it, or remove it while nothing runs"
        ) from None
