"""WAL checkpoints off the request path: a thread of the serving process copies SQLite's
write-ahead log back into the database file, so no commit waits for it.

By default SQLite checkpoints inside the COMMIT that takes its log past 1,000 pages: that
request copies the pages and waits for two `fsync`s, holding the process's writer turn
(`backend.db`), while every other filing waits. Measured (issue 13, item 3, Intel Xeon, 2
cores): a named filing took 2.85 ms of the server's CPU but 3.10 ms of wall time a request,
the difference being those waits; with this thread, 2.84 and 2.92 ms (322 to 342 filings a
second, `bench/intake_throughput.py`). Here the serving process (`backend.api.app.create_app`'s
lifespan) runs `PRAGMA wal_checkpoint(PASSIVE)` every `interval` seconds on a connection of
its own: PASSIVE never waits for a writer or a reader and never makes one wait (SQLite's
documentation), so commits go on while the pages are copied; a checkpoint finds nothing to
do, and syncs nothing, when no page was written since the last one. Connections keep an
automatic checkpoint at `BACKSTOP_PAGES` (`backend.db`) for processes without this thread
(the scheduler alone, the command line) and in case it falls behind.

Shapes and units: `interval` in seconds; `checkpoint_once` returns SQLite's triple (1 when
another checkpoint was running, pages in the log, pages copied back) or None when the
database could not be opened or read. Errors: none raised from the thread; a failed
checkpoint is logged (once until one succeeds again) and the next one tried; meanwhile the
log grows, and the backstop still bounds it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 0.2
BUSY_MS = 100  # a PASSIVE checkpoint waits for no lock; this only bounds opening the file


def sqlite_file(engine: Engine) -> Path | None:
    """Return the database file of a SQLite engine, None for memory or another database."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    if str(url.query.get("uri", "")).lower() in ("true", "1"):
        return None  # a URI names its own file and mode (a shared memory database, say)
    return Path(url.database)


class WalCheckpointer:
    """A daemon thread checkpointing one SQLite database's log every `interval` seconds."""

    def __init__(self, path: Path, interval: float = INTERVAL_SECONDS) -> None:
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: sqlite3.Connection | None = None
        self._failing = False

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread after its current checkpoint, and close its connection."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                return  # still in a checkpoint: it closes its connection when done
            self._thread = None
        self._close()

    def checkpoint_once(self) -> tuple[int, int, int] | None:
        """Copy what the log holds back into the database file now, without waiting."""
        try:
            if self._connection is None:
                # mode=rw: a database that is gone is an error, not a new empty file
                self._connection = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=rw",
                    uri=True,
                    timeout=BUSY_MS / 1000,
                    isolation_level=None,
                    check_same_thread=False,
                )
            row = self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as error:
            # Said once until one succeeds again: a thread that fails every 0.2 s would
            # otherwise fill the log with the same line.
            (log.debug if self._failing else log.warning)(
                "WAL checkpoint of %s failed: %s", self.path, error
            )
            self._failing = True
            self._close()
            return None
        self._failing = False
        return (int(row[0]), int(row[1]), int(row[2])) if row else None

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                self.checkpoint_once()
        finally:
            self._close()

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()


def start_checkpointer(
    engine: Engine, interval: float = INTERVAL_SECONDS
) -> WalCheckpointer | None:
    """Start checkpointing the engine's database if it is a SQLite file; None otherwise."""
    path = sqlite_file(engine)
    if path is None:
        return None
    checkpointer = WalCheckpointer(path, interval)
    checkpointer.start()
    return checkpointer
