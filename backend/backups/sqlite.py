"""Back up and restore the embedded SQLite database with its evidence files.

A backup is a folder: `intake.db` (SQLite's online backup API: a consistent copy taken
while the application keeps writing, WAL included), `attachments/` (the evidence files,
copied after the database, so every file the copy names is there), `backup.json` (when,
from where, the schema revision, counts) and, when the data folder keeps one, `secret_key`:
anonymous PINs are hashed and chat links signed with a key made from it, so a database
restored without it would refuse every PIN (INTAKE_SECRET_KEY, when set, is the operator's
to keep). The folder is the owner's alone (0700, files 0600): it holds names and phones.

A restore takes only a whole backup of a schema this code knows: its manifest, an intact
database whose revision and case count are the manifest's; anything else is refused, even
with --force, before the configured database is touched. A forced restore keeps the
database it replaces beside it (`intake.db.before-restore-<time>`).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from backend.backups.files import ATTACHMENTS, copy_evidence, evidence_folder
from backend.errors import DomainError
from backend.secret_key import SECRET_FILE

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
    made = not folder.exists()
    old_mask = os.umask(0o077)  # the copies hold names and phones: the owner's alone
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = folder / DATABASE
        with closing(_connect(source)) as live, closing(sqlite3.connect(target)) as copy:
            live.backup(copy)  # all pages in one step: one consistent snapshot
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        check_integrity(target)
        files = copy_evidence(evidence_folder(data_dir), folder / ATTACHMENTS)
        if (data_dir / SECRET_FILE).is_file():
            shutil.copyfile(data_dir / SECRET_FILE, folder / SECRET_FILE)
        report = _report(target, folder, now, files)
        manifest = json.dumps(asdict(report), indent=2) + "\n"
        (folder / MANIFEST).write_text(manifest, encoding="utf-8")
        return report
    except (OSError, sqlite3.Error) as failed:  # a full disk, a read-only place
        if made:
            shutil.rmtree(folder, ignore_errors=True)  # no half backup to restore later
        raise BackupRefused(f"the backup to {folder} failed and was removed: {failed}") from None
    finally:
        os.umask(old_mask)


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
    _check_whole(folder, now)
    target = sqlite_path(database_url)
    if not force and target.exists() and _holds_data(target):
        raise BackupRefused(
            f"{target} already holds data: restore into a new database, or add --force to "
            "overwrite it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and target.stat().st_size:  # forced: the replaced one is kept aside
        stamp = now.strftime("%Y%m%dT%H%M%S")
        with (
            closing(_connect(target)) as live,
            closing(
                sqlite3.connect(target.with_name(f"{target.name}.before-restore-{stamp}"))
            ) as aside,
        ):
            live.backup(aside)
    with closing(sqlite3.connect(backup)) as source, closing(_connect(target)) as live:
        source.backup(live)
    check_integrity(target)
    files = copy_evidence(folder / ATTACHMENTS, evidence_folder(data_dir))
    if (folder / SECRET_FILE).is_file():  # the key the PINs and chat links were made with
        data_dir.mkdir(parents=True, exist_ok=True)
        kept = data_dir / SECRET_FILE
        if kept.is_file() and kept.read_bytes() != (folder / SECRET_FILE).read_bytes():
            kept.replace(kept.with_name(f"{SECRET_FILE}.before-restore-{now:%Y%m%dT%H%M%S}"))
        descriptor = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write((folder / SECRET_FILE).read_bytes())
    return _report(target, folder, now, files)


def _check_whole(folder: Path, now: datetime) -> None:
    """Refuse a folder that is not a whole backup of a schema this code knows (one line)."""
    from backend.migrate import known_revisions
    from backend.readiness import code_head

    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        written = _report(folder / DATABASE, folder, now, 0)
    except (OSError, ValueError, sqlite3.Error) as failed:
        raise BackupRefused(f"{folder} is not a whole backup: {failed}") from None
    check_integrity(folder / DATABASE)
    if written.revision is None or written.revision not in known_revisions():
        raise BackupRefused(
            f"{folder} holds a database of schema {written.revision}, which this code "
            f"(schema {code_head()}) does not know: restore it with the code that made it"
        )
    if (manifest.get("revision"), manifest.get("cases")) != (written.revision, written.cases):
        raise BackupRefused(
            f"{folder} does not match its {MANIFEST} (schema {manifest.get('revision')}, "
            f"{manifest.get('cases')} case(s)): it was changed or cut short"
        )


def check_integrity(path: Path) -> None:
    """Refuse a database file that fails SQLite's `PRAGMA integrity_check` (or is none)."""
    try:
        with closing(sqlite3.connect(path)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as failed:  # not a database, a truncated one
        raise BackupRefused(f"{path} is not a readable SQLite database: {failed}") from None
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
