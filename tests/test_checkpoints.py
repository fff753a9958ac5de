"""SQLite's write-ahead log is copied back by a thread of the serving process, not inside a
request's commit (backend.checkpoints); commits checkpoint only past the backstop."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from backend.api.app import create_app
from backend.bootstrap import Container
from backend.checkpoints import WalCheckpointer, sqlite_file, start_checkpointer
from backend.db import BACKSTOP_PAGES, make_engine

PATIENCE = 30.0  # seconds a test waits for the thread at most: bounds only a hang
BLOB = 3000  # bytes a row: about one page of log each


def sqlite_engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'log.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB)"))
    return engine


def write_pages(engine: Engine, commits: int) -> None:
    """Commit `commits` transactions of one row (about a page of log) each."""
    for _ in range(commits):
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO notes (body) VALUES (randomblob(:n))"), {"n": BLOB}
            )


def checkpointer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "wal-checkpoint" and t.is_alive()]


def test_commits_leave_the_log_alone_until_the_backstop(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path)
    write_pages(engine, 500)  # past SQLite's default of 1,000 pages, short of the backstop
    checkpointer = WalCheckpointer(tmp_path / "log.db")
    try:
        result = checkpointer.checkpoint_once()
    finally:
        checkpointer.stop()
    with engine.connect() as connection:
        backstop = connection.execute(text("PRAGMA wal_autocheckpoint")).scalar_one()
    engine.dispose()

    assert backstop == BACKSTOP_PAGES
    assert result is not None
    blocked, logged, copied = result
    assert blocked == 0 and logged > 1000 and copied == logged  # all copied back by this one


def test_a_checkpoint_copies_the_log_back_while_a_reader_and_a_writer_go_on(
    tmp_path: Path,
) -> None:
    engine = sqlite_engine(tmp_path)
    write_pages(engine, 50)
    engine.dispose()
    checkpointer = WalCheckpointer(tmp_path / "log.db")
    reader = sqlite3.connect(tmp_path / "log.db", isolation_level=None)
    writer = sqlite3.connect(tmp_path / "log.db", isolation_level=None)
    reader.execute("BEGIN")
    seen = reader.execute("SELECT count(*) FROM notes").fetchone()
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO notes (body) VALUES (x'00')")
    started = checkpointer.checkpoint_once()  # neither waits for them nor makes them wait
    writer.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM notes").fetchone() == seen
    reader.execute("COMMIT")
    reader.close()
    writer.close()
    done = checkpointer.checkpoint_once()
    checkpointer.stop()

    assert started is not None and started[0] == 0
    assert done is not None and done[1] == done[2]  # everything copied back


def test_a_checkpoint_that_cannot_open_its_database_is_logged_once_and_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    checkpointer = WalCheckpointer(tmp_path / "no such folder" / "intake.db")
    results = [checkpointer.checkpoint_once() for _ in range(3)]
    checkpointer.stop()
    warned = [
        r for r in caplog.records if r.levelname == "WARNING" and "WAL checkpoint" in r.message
    ]
    assert results == [None, None, None] and len(warned) == 1  # said once, not every 0.2 s


def test_a_database_file_that_is_gone_is_not_made_anew(tmp_path: Path) -> None:
    gone = tmp_path / "moved.db"
    checkpointer = WalCheckpointer(gone)
    assert checkpointer.checkpoint_once() is None
    checkpointer.stop()
    assert not gone.exists()


def test_stopping_closes_the_checkpointers_connection(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path)
    write_pages(engine, 5)
    engine.dispose()
    checkpointer = WalCheckpointer(tmp_path / "log.db")
    assert checkpointer.checkpoint_once() is not None
    checkpointer.stop()
    # With no connection left open, SQLite's last close removed the log.
    assert not (tmp_path / "log.db-wal").exists()


def test_only_a_sqlite_file_gets_a_checkpointer(tmp_path: Path) -> None:
    memory = make_engine("sqlite://")
    shared = create_engine(f"sqlite:///file:{tmp_path / 'uri.db'}?mode=ro&uri=true")
    postgres = make_engine("postgresql+psycopg://nobody@127.0.0.1:9/none")
    assert start_checkpointer(memory) is None and start_checkpointer(postgres) is None
    assert start_checkpointer(shared) is None
    assert sqlite_file(make_engine(f"sqlite:///{tmp_path / 'a.db'}")) == tmp_path / "a.db"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # PostgreSQL: no such log
def test_the_serving_app_checkpoints_as_it_runs_and_stops_the_thread_at_shutdown(
    container: Container,
) -> None:
    path = sqlite_file(container.engine)
    assert path is not None
    before = len(checkpointer_threads())
    with TestClient(create_app(container)) as client:
        assert client.get("/api/v1/health").status_code == 200
        assert len(checkpointer_threads()) == before + 1
        with container.engine.begin() as connection:
            connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB)"))
        size = path.stat().st_size
        write_pages(container.engine, 20)  # into the log: the file grows when they are copied
        deadline = time.monotonic() + PATIENCE
        while path.stat().st_size < size + 20 * BLOB and time.monotonic() < deadline:
            time.sleep(0.05)
        copied = path.stat().st_size - size
    assert copied >= 20 * BLOB
    assert len(checkpointer_threads()) == before
