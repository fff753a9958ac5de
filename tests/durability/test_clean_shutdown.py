"""A stopped `intake run` leaves its SQLite database as one file: no log or shared memory."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import httpx

from tests.durability.server_process import IntakeProcess


def test_intake_run_stopped_by_sigterm_leaves_no_wal_or_shm_file_beside_its_database(
    sqlite_template: Path, tmp_path: Path
) -> None:
    database = tmp_path / "intake.db"
    shutil.copy(sqlite_template, database)
    with IntakeProcess(database_url=f"sqlite:///{database}", folder=tmp_path) as app:
        assert httpx.get(app.url + "/api/v1/health", timeout=30).status_code == 200
        assert Path(f"{database}-wal").exists(), "the running process opened the log"

        code = app.stop()

    # The last connection closed with the process checkpoints the log and removes both files,
    # so a copy of the one file (a backup taken by hand) holds everything.
    # uvicorn ends the process by the signal it caught, once the app has shut down
    assert code in (0, -signal.SIGTERM), app.log.read_text()[-2000:]
    assert "Application shutdown complete" in app.log.read_text()
    assert not Path(f"{database}-wal").exists()
    assert not Path(f"{database}-shm").exists()
