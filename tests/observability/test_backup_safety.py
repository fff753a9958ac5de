"""A backup restores what it holds, or nothing: the kept secret travels with it, a folder that
is not a complete backup of this code's schema is refused even with --force, the database a
forced restore replaces is kept aside, and the copies are private (an operator's review,
2026-12-02)."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from backend.backups.sqlite import MANIFEST, BackupRefused, backup_sqlite, restore_sqlite
from backend.bootstrap import Container, prepare_database
from backend.routing.router import Router
from backend.secret_key import SECRET_FILE, kept_secret
from tests.fakes import FakeClock
from tests.observability.test_backup import _container, _file_with_evidence


@pytest.fixture
def live(sqlite_template: Path, tmp_path: Path, router: Router) -> Iterator[Container]:
    container = _container(tmp_path / "live", router, sqlite_template)
    prepare_database(container)
    kept_secret(container.settings.data_dir / SECRET_FILE)  # as the first start makes it
    yield container
    container.engine.dispose()


def _backup(live: Container, folder: Path) -> Path:
    backup_sqlite(
        database_url=live.settings.database_url,
        data_dir=live.settings.data_dir,
        folder=folder,
        now=live.clock.now(),
    )
    return folder


def _restore(folder: Path, target: Path, *, force: bool = False) -> None:
    restore_sqlite(
        database_url=f"sqlite:///{target / 'intake.db'}",
        data_dir=target / "var",
        folder=folder,
        force=force,
        now=FakeClock().now(),
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_kept_secret_travels_with_the_backup_so_pins_and_chat_links_keep_working(
    live: Container, tmp_path: Path
) -> None:
    # Anonymous PINs are hashed with a key made from it: restored elsewhere without it,
    # every complainant's PIN was refused.
    folder = _backup(live, tmp_path / "backup")
    secret = (live.settings.data_dir / SECRET_FILE).read_text()
    assert (folder / SECRET_FILE).read_text() == secret
    _restore(folder, tmp_path / "elsewhere")
    restored = tmp_path / "elsewhere" / "var" / SECRET_FILE
    assert restored.read_text() == secret and _mode(restored) == 0o600


def test_a_backup_is_readable_by_its_owner_only(live: Container, tmp_path: Path) -> None:
    folder = _backup(live, tmp_path / "backup")
    assert _mode(folder) == 0o700
    for name in ("intake.db", MANIFEST, SECRET_FILE):
        assert _mode(folder / name) == 0o600, name


@pytest.mark.parametrize("damage", ["empty", "foreign", "garbage", "no_manifest", "newer"])
def test_a_folder_that_is_not_a_whole_backup_is_refused_even_forced(
    live: Container, tmp_path: Path, damage: str
) -> None:
    _file_with_evidence(live)
    folder = _backup(live, tmp_path / "backup")
    database = folder / "intake.db"
    if damage == "empty":
        database.write_bytes(b"")
    elif damage == "foreign":
        database.unlink()
        with closing(sqlite3.connect(database)) as other:
            other.execute("CREATE TABLE t (x)")
    elif damage == "garbage":
        database.write_bytes(b"not a database at all " * 1000)
    elif damage == "no_manifest":
        (folder / MANIFEST).unlink()
    else:  # a backup of newer code than this
        with closing(sqlite3.connect(database)) as copy, copy:
            copy.execute("UPDATE alembic_version SET version_num = '0999'")
        manifest = json.loads((folder / MANIFEST).read_text())
        (folder / MANIFEST).write_text(json.dumps({**manifest, "revision": "0999"}))
    target = tmp_path / "target"

    with pytest.raises(BackupRefused) as refused:
        _restore(folder, target, force=True)

    assert "\n" not in refused.value.message()
    assert not (target / "intake.db").exists()  # nothing was put in place


def test_a_forced_restore_keeps_the_database_it_replaces_aside(
    live: Container, tmp_path: Path, router: Router, sqlite_template: Path
) -> None:
    folder = _backup(live, tmp_path / "backup")
    other = _container(tmp_path / "other", router, sqlite_template)
    prepare_database(other)
    other.engine.dispose()
    before = _dump(tmp_path / "other" / "intake.db")

    _restore(folder, tmp_path / "other", force=True)

    [aside] = list((tmp_path / "other").glob("intake.db.before-restore-*"))
    assert _dump(aside) == before


def _dump(database: Path) -> list[str]:
    with closing(sqlite3.connect(database)) as connection:
        return list(connection.iterdump())


def test_a_backup_that_cannot_be_written_is_one_line_and_leaves_no_half_folder(
    live: Container, tmp_path: Path
) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")  # as unwritable as a full disk, for root too
    with pytest.raises(BackupRefused) as refused:
        _backup(live, a_file / "backup")
    assert "\n" not in refused.value.message()
    assert not (a_file / "backup").exists()
