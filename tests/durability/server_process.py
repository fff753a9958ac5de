"""A real `intake run` process on a test database, started, probed and killed with SIGKILL.

The process is `python -m bot.main run` in a folder of the test's own, so nothing of the
developer's `.env` or `var/` is read; the database, data folder and secret come from the
environment the test gives it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 180.0  # a cold start imports jieba and builds the router: a bound on a hang only;
# the wait ends when the health endpoint answers (a loaded 2-core CI took more than 60 s once)


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that nothing listens on at the moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class IntakeProcess:
    """One `intake run` subprocess; `kill` is SIGKILL, nothing runs after it."""

    start_timeout = START_TIMEOUT

    def __init__(self, *, database_url: str, folder: Path, **settings: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
            "PYTHONPATH": str(REPO),
            "INTAKE_ENV": "test",
            "INTAKE_DATABASE_URL": database_url,
            "INTAKE_DATA_DIR": str(folder / "var"),
            "INTAKE_SECRET_KEY": "durability-test-secret-0123456789abcdef",
            "INTAKE_SCHEDULER": "false",
            **{f"INTAKE_{k.upper()}": v for k, v in settings.items()},
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder / f"intake-{self.port}.log"

    def start(self) -> IntakeProcess:
        """Start the process and return once its health endpoint answers."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.main", "run", "--port", str(self.port)],
                cwd=self.folder,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"intake run exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)  # polling a starting process; not a wait for an outcome
        self.kill()
        raise RuntimeError(f"intake run did not answer in {self.start_timeout:g} s")

    def kill(self) -> None:
        """SIGKILL the process and reap it: no shutdown code runs."""
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self, timeout: float = 60.0) -> int:
        """SIGTERM the process (as systemd and `docker stop` do); return its exit code."""
        assert self.process is not None, "started"
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def __enter__(self) -> IntakeProcess:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.kill()
