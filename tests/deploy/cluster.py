"""The processes of a multi-instance install: a fresh PostgreSQL database, `intake run`
instances with the scheduler off, `intake scheduler` processes; each killed with SIGKILL.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from backend.migrate import upgrade
from backend.settings import load_settings
from tests.durability.server_process import IntakeProcess

SECRET = "several-instances-test-secret-0123456789"
# Five processes start at once on a shared two-core machine: each imports jieba and builds
# the router. A bound on a hang, not a measure of speed.
START_BOUND = 240.0


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """Create a database of this run's own on the server, migrated; drop it afterwards."""
    base = make_url(load_settings(database_url=server_url).database_url)
    name = f"intake_deploy_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def noon_zone(now: datetime | None = None) -> str:
    """Return a fixed-offset zone in which it is about noon now: inside office hours.

    Reminders go out only in office hours on working days; the test may run at any hour.
    """
    hour = (now or datetime.now(UTC)).hour
    offset = 12 - hour  # -11 .. +12 hours; Etc/GMT names count the other way round
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


def process_settings(database_url: str, zone: str) -> dict[str, str]:
    """Return the settings every process of the install shares (as INTAKE_ variables)."""
    return {
        "database_url": database_url,
        "secret_key": SECRET,
        "timezone": zone,
        "scheduler": "false",
        "sweep_seconds": "1",
        "send_seconds": "1",
        "outbox_lease_seconds": "3",
    }


class SchedulerProcess:
    """One `intake scheduler` subprocess; started once its first line says it runs."""

    def __init__(self, *, folder: Path, name: str, **settings: str) -> None:
        # The same environment an instance gets (a folder of its own, no developer .env).
        template = IntakeProcess(database_url=settings.pop("database_url"), folder=folder)
        self.env = {**template.env, **{f"INTAKE_{k.upper()}": v for k, v in settings.items()}}
        self.folder = folder
        self.log = folder / f"scheduler-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> SchedulerProcess:
        """Start the process and return once it reports that it runs."""
        self.folder.mkdir(parents=True, exist_ok=True)
        offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.main", "scheduler"],
                cwd=self.folder,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_BOUND
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"intake scheduler exited: {self.log.read_text()[-2000:]}")
            if b"scheduler running" in self.log.read_bytes()[offset:]:
                return self
            time.sleep(0.05)  # polling a starting process; not a wait for an outcome
        self.kill()
        raise RuntimeError(f"intake scheduler did not start in {START_BOUND:g} s")

    def kill(self) -> None:
        """SIGKILL the process and reap it: no shutdown code runs."""
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def app_instance(folder: Path, settings: dict[str, str]) -> IntakeProcess:
    """Return an `intake run` instance (scheduler off) of the install, not started."""
    others = {k: v for k, v in settings.items() if k != "database_url"}
    instance = IntakeProcess(database_url=settings["database_url"], folder=folder, **others)
    instance.start_timeout = START_BOUND
    return instance
