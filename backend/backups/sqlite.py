"""Back up and restore the embedded SQLite database with its evidence files.

A backup is a folder: `intake.db` (SQLite's online backup API: a consistent copy taken
while the application keeps writing, WAL included), `attachments/` (the evidence files,
copied after the database, so every file the copy names is there), and `backup.json` (when,
from where, the schema revision, counts). The web-chat signing secret is not in it.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from backend.backups.files import ATTACHMENTS, copy_evidence, evidence_folder
from backend.errors import DomainError

DATABASE = "intake.db"
MANIFEST = "backup.json"
BUSY_TIMEOUT_MS = 30_000
# Tables whose rows are someone's work: a database holding any is not overwritten unforced.
USER_TABLES = ("cases", "staff_accounts", "reporters", "conversations")


class BackupRefused(DomainError):
    """A backup or restore that would lose or mix data, or has nothing to work on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def message(self, language: str = "en") -> str:
        """Return the reason (the command line speaks English)."""
        return self.reason


@dataclass(frozen=True)
class BackupReport:
    """What a backup or a restore did."""

    folder: str
    taken_at: str
    revision: str | None
    cases: int
    attachments: int  # Attachment rows in the database
    files: int  # evidence files copied


def sqlite_path(database_url: str) -> Path:
    """Return the file of a SQLite URL; refuse an in-memory database."""
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise BackupRefused("an in-memory database has nothing to back up or restore into")
    return Path(database)


def backup_sqlite(
    *, database_url: str, data_dir: Path, folder: Path, now: datetime
) -> BackupReport:
    """Copy the live database and its evidence files into a new (or empty) folder."""
    source = sqlite_path(database_url)
    if not source.exists():
        raise BackupRefused(f"no database at {source}")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupRefused(f"{folder} exists and is not an empty folder: choose a new one")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DATABASE
    with closing(_connect(source)) as live, closing(sqlite3.connect(target)) as copy:
        live.backup(copy)  # all pages in one step: one consistent snapshot
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    check_integrity(target)
    files = copy_evidence(evidence_folder(data_dir), folder / ATTACHMENTS)
    report = _report(target, folder, now, files)
    (folder / MANIFEST).write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    return report


def restore_sqlite(
    *, database_url: str, data_dir: Path, folder: Path, force: bool, now: datetime
) -> BackupReport:
    """Put a backup folder's database and evidence files in place of the configured ones.

    Refuses a database that holds cases, staff, reporters or dialogs unless `force`; the
    application must not be running on it meanwhile.
    """
    backup = folder / DATABASE
    if not backup.is_file():
        raise BackupRefused(f"{folder} is not a backup folder: it has no {DATABASE}")
    check_integrity(backup)
    target = sqlite_path(database_url)
    if not force and target.exists() and _holds_data(target):
        raise BackupRefused(
            f"{target} already holds data: restore into a new database, or add --force to "
            "overwrite it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(backup)) as source, closing(_connect(target)) as live:
        source.backup(live)
    check_integrity(target)
    files = copy_evidence(folder / ATTACHMENTS, evidence_folder(data_dir))
    return _report(target, folder, now, files)


def check_integrity(path: Path) -> None:
    """Refuse a database file that fails SQLite's `PRAGMA integrity_check`."""
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        found = "; ".join(str(row[0]) for row in rows[:3])
        raise BackupRefused(f"{path} fails SQLite's integrity check: {found}")


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def _holds_data(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return any(
            connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None
            for table in USER_TABLES
            if table in tables
        )


def _report(database: Path, folder: Path, now: datetime, files: int) -> BackupReport:
    with closing(sqlite3.connect(database)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}

        def count(table: str) -> int:
            if table not in tables:
                return 0
            return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return BackupReport(
            folder=str(folder),
            taken_at=now.isoformat(),
            revision=revision,
            cases=count("cases"),
            attachments=count("attachments"),
            files=files,
        )
