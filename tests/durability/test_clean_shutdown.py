"""A stopped `intake run` or `intake scheduler` leaves its SQLite database as one file: no log
or shared memory beside it."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.durability.server_process import START_TIMEOUT, IntakeProcess


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


def test_intake_scheduler_stopped_by_sigterm_says_so_and_leaves_no_wal_or_shm_file(
    sqlite_template: Path, tmp_path: Path
) -> None:
    database = tmp_path / "intake.db"
    shutil.copy(sqlite_template, database)
    settings = IntakeProcess(database_url=f"sqlite:///{database}", folder=tmp_path)
    log = tmp_path / "scheduler.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.main", "scheduler"],
            cwd=tmp_path,
            env=settings.env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while "scheduler running" not in log.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()[-2000:]
            time.sleep(0.05)  # polling a starting process; not a wait for an outcome
        assert Path(f"{database}-wal").exists(), "the running process opened the log"

        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    assert code == 0, log.read_text()[-2000:]
    assert "scheduler stopped" in log.read_text()
    assert not Path(f"{database}-wal").exists()
    assert not Path(f"{database}-shm").exists()
