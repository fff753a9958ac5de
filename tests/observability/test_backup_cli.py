"""`intake db backup` and `intake db restore` as an operator runs them."""

from __future__ import annotations

import fcntl
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict

from backend.backups.in_use import hold_in_use, sole_user
from backend.backups.sqlite import BackupRefused
from backend.errors import ConfigError
from backend.migrate import upgrade
from tests.cli.test_cli import intake
from tests.conftest import POSTGRES_URL, postgres_schema
from tests.durability.server_process import IntakeProcess


def _env(folder: Path) -> dict[str, str]:
    return {
        "INTAKE_DATABASE_URL": f"sqlite:///{folder / 'intake.db'}",
        "INTAKE_DATA_DIR": str(folder / "var"),
    }


def test_backup_then_restore_into_a_fresh_folder_and_a_used_folder_is_refused(
    sqlite_template: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live"
    live.mkdir()
    shutil.copy(sqlite_template, live / "intake.db")
    (live / "var" / "attachments" / "ab").mkdir(parents=True)
    (live / "var" / "attachments" / "ab" / ("ab" + "0" * 62)).write_bytes(b"evidence")

    backup = intake(None, "db", "backup", str(tmp_path / "backup"), **_env(live))
    restore = intake(None, "db", "restore", str(tmp_path / "backup"), **_env(tmp_path / "new"))
    again = intake(None, "db", "backup", str(tmp_path / "backup"), **_env(live))

    assert backup.returncode == 0, backup.stderr
    assert "backed up 0 case(s) and 1 evidence file(s)" in backup.stdout
    assert restore.returncode == 0, restore.stderr
    assert "restored 0 case(s) and 1 evidence file(s)" in restore.stdout
    assert (tmp_path / "new" / "var" / "attachments" / "ab" / ("ab" + "0" * 62)).exists()
    assert again.returncode == 1
    assert "is not an empty folder" in again.stderr


def test_on_postgresql_backup_prints_the_pg_dump_command_without_the_password_and_exits_3(
    tmp_path: Path,
) -> None:
    url = "postgresql://intake:s3cret-pw@db.internal:5433/intake"

    done = intake(None, "db", "backup", str(tmp_path / "b"), INTAKE_DATABASE_URL=url)
    restore = intake(None, "db", "restore", str(tmp_path / "b"), INTAKE_DATABASE_URL=url)

    assert done.returncode == 3
    assert "pg_dump --format=custom --no-owner" in done.stdout
    assert printed_connection(done.stdout, "pg_dump") == {
        "host": "db.internal",
        "port": "5433",
        "user": "intake",
        "dbname": "intake",
    }
    assert f"--file={tmp_path / 'b' / 'intake.dump'}" in done.stdout
    assert restore.returncode == 3 and "pg_restore" in restore.stdout
    assert "s3cret-pw" not in done.stdout + done.stderr + restore.stdout + restore.stderr
    assert not (tmp_path / "b").exists()


def printed_connection(stdout: str, tool: str) -> dict[str, object]:
    """Return the libpq settings a printed pg_dump or pg_restore command connects with."""
    [line] = [line.strip() for line in stdout.splitlines() if line.strip().startswith(tool)]
    [given] = [w for w in shlex.split(line) if w.startswith("--dbname=")]
    return conninfo_to_dict(given.removeprefix("--dbname="))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "host=/run/postgresql&sslmode=verify-full",
            {"host": "/run/postgresql", "sslmode": "verify-full"},
        ),
        ("host=/run/postgresql&password=hunter2&sslpassword=x", {"host": "/run/postgresql"}),
        ("host=db1:5432&host=db2:5433", {"host": "db1,db2", "port": "5432,5433"}),
        ("options=-c%20statement_timeout%3D0", {"options": "-c statement_timeout=0"}),
    ],
)
def test_the_printed_commands_connect_as_the_app_does_and_never_show_a_password(
    tmp_path: Path, query: str, expected: dict[str, str]
) -> None:
    url = f"postgresql+psycopg://intake:pw@/intake?{query}"

    done = intake(None, "db", "backup", str(tmp_path / "b"), INTAKE_DATABASE_URL=url)
    restore = intake(None, "db", "restore", str(tmp_path / "b"), INTAKE_DATABASE_URL=url)

    for given in (
        printed_connection(done.stdout, "pg_dump"),
        printed_connection(restore.stdout, "pg_restore"),
    ):
        assert given == {"dbname": "intake", "user": "intake", **expected}
    shown = done.stdout + done.stderr + restore.stdout + restore.stderr
    assert "pw" not in shown.replace("pg_", "") and "hunter2" not in shown


@pytest.mark.skipif(not POSTGRES_URL, reason="needs INTAKE_TEST_POSTGRES_URL")
def test_the_printed_pg_dump_command_dumps_the_apps_schema(tmp_path: Path) -> None:
    with postgres_schema("dump") as url:
        upgrade(url)
        schema = url.rsplit("%3D", 1)[1]
        done = intake(None, "db", "backup", str(tmp_path / "b"), INTAKE_DATABASE_URL=url)
        assert done.returncode == 3, done.stderr
        lines = [line.strip() for line in done.stdout.splitlines()]
        commands = [line for line in lines if line.startswith(("mkdir ", "pg_dump "))]
        assert len(commands) == 2, done.stdout
        ran = subprocess.run(
            ["bash", "-euc", "\n".join(commands)], capture_output=True, text=True, timeout=120
        )
    assert ran.returncode == 0, ran.stderr
    listed = subprocess.run(
        ["pg_restore", "--list", str(tmp_path / "b" / "intake.dump")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert f"TABLE {schema} cases " in listed


def test_a_restore_under_a_running_intake_is_refused_and_goes_ahead_once_it_was_killed(
    sqlite_template: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live"
    live.mkdir()
    shutil.copy(sqlite_template, live / "intake.db")
    backup = intake(None, "db", "backup", str(tmp_path / "backup"), **_env(live))
    assert backup.returncode == 0, backup.stderr
    url = f"sqlite:///{live / 'intake.db'}"

    with IntakeProcess(database_url=url, folder=live) as running:
        refused = intake(None, "db", "restore", str(tmp_path / "backup"), "--force", **_env(live))
        running.kill()  # SIGKILL: no shutdown code runs, the kernel drops its lock
    restored = intake(None, "db", "restore", str(tmp_path / "backup"), "--force", **_env(live))

    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "is in use by a running intake" in refused.stderr
    assert restored.returncode == 0, restored.stderr


def test_no_intake_starts_on_a_database_being_restored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    with sole_user(url), pytest.raises(ConfigError, match="a restore is under way"):
        hold_in_use(url)
    held = hold_in_use(url)  # the restore ended: a system starts
    assert held is not None
    with pytest.raises(BackupRefused, match="in use by a running intake"), sole_user(url):
        pass
    held.close()
    with sole_user(url):  # nobody holds it any more
        pass
    assert hold_in_use("postgresql://u@h/db") is None  # PostgreSQL: pg_restore, no lock


def test_the_lock_is_taken_through_a_read_only_handle_and_a_bad_place_is_said_in_words(
    tmp_path: Path,
) -> None:
    held = hold_in_use(f"sqlite:///{tmp_path / 'intake.db'}")
    assert held is not None
    # A lock needs no write access: a lock file another account made does not stop intake.
    assert fcntl.fcntl(held.fileno(), fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
    held.close()
    (tmp_path / "not-a-folder").write_text("")
    with pytest.raises(ConfigError, match="cannot open the lock file"):
        hold_in_use(f"sqlite:///{tmp_path / 'not-a-folder' / 'intake.db'}")
