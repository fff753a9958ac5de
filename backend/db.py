"""Engine and sessions: SQLite (WAL, immediate write transactions) or PostgreSQL.

Two kinds of transaction: the ordinary one may write (on SQLite it takes the write lock at
its start), a read-only one (`read_scope`) never does and so never waits for a writer nor
makes one wait: a plain deferred `BEGIN` under `PRAGMA query_only` on SQLite, `SET
TRANSACTION READ ONLY` on PostgreSQL, and a flush guard on the session in both.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Engine, create_engine, event
from sqlalchemy.engine import Connection, Dialect, make_url
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel

from backend.driver import execute_sql

# The execution option that marks a read-only transaction (see `read_scope`).
READ_ONLY = "intake_read_only"
# How long a writer waits for its turn in this process (as SQLite's busy_timeout below).
WRITER_TURN_SECONDS = 30.0
# One per SQLite database file; a Lock, not an RLock: the turn may end in another thread.
_SQLITE_WRITERS: dict[str, threading.Lock] = {}
_WRITERS_GUARD = threading.Lock()

# A commit copies the log back itself only past this many pages (4 KiB each): otherwise
# `backend.checkpoints` does it off the request path.
BACKSTOP_PAGES = 4000

# Named constraints, so that later migrations (batch mode on SQLite) can find them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Store aware datetimes as UTC and give them back aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: use an aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def dialect_of(url: str) -> str:
    """Return the database's dialect name for a URL: sqlite or postgresql."""
    return make_url(url).get_backend_name()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; on SQLite make the folder, turn on WAL and take the write lock early.

    `kwargs` go to `create_engine` (pool sizes from `backend.capacity`); an in-memory SQLite
    database has a single connection and ignores the pool sizes.
    """
    parsed = make_url(url)
    # A database error's message never carries the statement's values into a log line or a
    # traceback: they hold complaint texts, contacts and PIN hashes.
    kwargs.setdefault("hide_parameters", True)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        event.listen(engine, "connect", _on_postgres_connect)
        event.listen(engine, "begin", _on_postgres_begin)
        return engine
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    else:
        kwargs = {k: v for k, v in kwargs.items() if not k.startswith(("pool_", "max_overflow"))}
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" below issue BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # The serving process checkpoints in a thread of its own (backend.checkpoints); a
        # commit checkpoints only past this many pages of log (SQLite's default is 1,000).
        cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        cursor.close()

    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


# PostgreSQL's planner prices a random page read at 4 sequential ones (its default, for
# spinning disks); on an SSD or a database held in memory it is nearly 1. At 4 it read the
# whole of `cases` to join a figure's 2,000 clocks to their cases (335 ms at 200,000 cases;
# 44 ms by the primary key, measured), so a request's cost grew with what is stored.
RANDOM_PAGE_COST = 1.1
# A request here reads a page of rows or a period's counts: starting worker processes for it
# (PostgreSQL's parallel query) costs 8-10 ms, more than any of its plans gains. The planner
# plans workers only for a large table, so with them a request's cost grew with what is
# stored: a search for a word no text holds took 0.6 ms at 10,000 cases and 8-15 ms at
# 1,000,000, in `Gather Merge` over a bitmap scan that found nothing (issue 13, measured;
# tests/test_postgres_planner.py). Without them every request of bench/scaling.py stays flat.
PARALLEL_WORKERS_PER_GATHER = 0


def _on_postgres_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")
    cursor.execute(f"SET max_parallel_workers_per_gather = {PARALLEL_WORKERS_PER_GATHER}")
    cursor.close()
    dbapi_connection.commit()


def _on_sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE: a transaction that will write takes the lock at its start, so two writers
    # queue on busy_timeout instead of failing with SQLITE_BUSY mid-way. A read-only one
    # begins deferred (WAL readers neither wait nor block) and the connection refuses writes
    # while it lasts: a deferred transaction that wrote could fail with SQLITE_BUSY.
    read_only = bool(connection.get_execution_options().get(READ_ONLY))
    info = connection.connection.info
    if info.get(READ_ONLY, False) != read_only:
        execute_sql(connection, f"PRAGMA query_only={'ON' if read_only else 'OFF'}")
        info[READ_ONLY] = read_only
    # By the driver (backend.driver): SQLAlchemy's exec_driver_sql cost 25-30 us a transaction.
    execute_sql(connection, "BEGIN" if read_only else "BEGIN IMMEDIATE")


def _on_postgres_begin(connection: Connection) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        execute_sql(connection, "SET TRANSACTION READ ONLY")


class ReadOnlySession(Session):
    """A session whose transactions only read: flushing a change raises ReadOnlyViolation."""


class ReadOnlyViolation(RuntimeError):
    """A read-only session was asked to write: the code should use `session_scope`."""


@event.listens_for(ReadOnlySession, "before_flush")
def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlyViolation(
            "a read-only session cannot write: use session_scope for work that writes"
        )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """Open a session that commits on success and rolls back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def all_or_nothing(session: Session) -> Iterator[None]:
    """Roll the session back when the block raises, then let the error go on.

    For a page that answers a refusal itself (its form again, with the message) within a
    unit of work that commits when the request ends (`session_scope`): what a service wrote
    before it refused (an event, a version, a clock) must not be committed with that page.
    The session's objects are expired: the page reads the case again, as it stands.
    """
    try:
        yield
    except BaseException:
        session.rollback()
        raise


@contextmanager
def read_scope(engine: Engine) -> Iterator[Session]:
    """Open a session for reads only; any write through it raises.

    On SQLite its transaction begins deferred (`BEGIN`, not `BEGIN IMMEDIATE`) under `PRAGMA
    query_only=ON`, so a long read never holds the write lock (issue 13, item 2); on
    PostgreSQL it is `READ ONLY`. A write raises ReadOnlyViolation at flush, or the
    database's own error for a statement sent directly.
    """
    bind = engine.execution_options(**{READ_ONLY: True})
    with ReadOnlySession(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()  # ends the transaction and keeps what was read loaded
        except BaseException:
            session.rollback()
            raise


def is_postgres(engine: Engine) -> bool:
    """Return whether the engine talks to PostgreSQL."""
    return engine.dialect.name == "postgresql"


def take_writer_turn(engine: Engine) -> bool:
    """On SQLite, wait for this process's turn to write; return whether a turn was taken.

    SQLite writes one transaction at a time. Chat turns (`writer_turn`) and API filings take
    this turn: writers of one process that met SQLite's lock waited in its busy handler, and
    the threads of those running meanwhile fought over the interpreter at every statement
    (four concurrent filings cost a fifth more CPU each than one at a time, issue 13, item
    3). Waiting here, on a lock of the process per database file, keeps them out of the way
    until it is their turn; SQLite's own lock still orders processes. PostgreSQL locks rows,
    so its writers take no turn (False). Raises SQLAlchemy's pool `TimeoutError` (answered
    503, as a database that stalls) after `WRITER_TURN_SECONDS`. End the turn with
    `end_writer_turn`, from any thread.
    """
    if engine.dialect.name != "sqlite":
        return False
    if not _writer_lock(engine).acquire(timeout=WRITER_TURN_SECONDS):
        raise PoolTimeout(f"no turn to write within {WRITER_TURN_SECONDS:.0f} s")
    return True


@contextmanager
def writer_turn(engine: Engine) -> Iterator[None]:
    """Hold this process's writer turn on the engine's database (SQLite) while inside."""
    taken = take_writer_turn(engine)
    try:
        yield
    finally:
        if taken:
            end_writer_turn(engine)


def end_writer_turn(engine: Engine) -> None:
    """End the turn `take_writer_turn` gave on this engine's database."""
    _writer_lock(engine).release()


def _writer_lock(engine: Engine) -> threading.Lock:
    database = str(engine.url.database or ":memory:")
    with _WRITERS_GUARD:
        return _SQLITE_WRITERS.setdefault(database, threading.Lock())
