"""Run `intake chat` in a subprocess and talk to it line by line, as a person at a terminal."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from backend.settings import Settings

PROMPT = "> "
ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """`python -m bot.main chat ...` with its stdin and stdout in our hands."""

    def __init__(
        self, settings: Settings, *args: str, cwd: Path, env_extra: dict[str, str] | None = None
    ) -> None:
        env = {
            **os.environ,
            "INTAKE_DATABASE_URL": settings.database_url,
            "INTAKE_DATA_DIR": str(settings.data_dir),
            "INTAKE_ENV": "test",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("INTAKE_TELEGRAM_TOKEN", None)
        env.update(env_extra or {})
        self.errors = (cwd / "stderr.txt").open("w+b")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.main", "chat", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            cwd=cwd,
            env=env,
        )
        self._chunks: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self._pending = b""
        self.output = ""  # what the last turn printed

    def _pump(self) -> None:
        assert self.process.stdout is not None
        while chunk := os.read(self.process.stdout.fileno(), 65536):
            self._chunks.put(chunk)
        self._chunks.put(b"")

    def read_turn(self, timeout: float = 60) -> str:
        """Return what is printed until the next prompt (or the end)."""
        deadline = time.monotonic() + timeout
        while not self._pending.endswith(PROMPT.encode()):
            try:
                chunk = self._chunks.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError(f"no prompt; so far: {self._pending.decode()}") from None
            if not chunk:
                break
            self._pending += chunk
        self.output = self._pending.decode().removesuffix(PROMPT)
        self._pending = b""
        return self.output

    def type(self, line: str) -> str:
        """Type a line and return the answer."""
        return self.type_bytes(line.encode())

    def type_bytes(self, line: bytes) -> str:
        """Type a line of raw bytes (UTF-8 or not) and return the answer."""
        assert self.process.stdin is not None
        self.process.stdin.write(line + b"\n")
        self.process.stdin.flush()
        return self.read_turn()

    def tap(self, label: str) -> str:
        """Type the number of the button whose label contains `label`."""
        for number, shown in re.findall(r"^  \[(\d+)\] (.+)$", self.output, re.MULTILINE):
            if label in shown:
                return self.type(number)
        raise AssertionError(f"no button {label!r} in:\n{self.output}")

    def close(self) -> int:
        """End the input (Ctrl-D) and return the exit code."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.read_turn()
        code = self.process.wait(timeout=30)
        self.errors.close()
        return code

    def kill(self) -> None:
        """Stop the process if a test left it running."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self.errors.close()

    def stderr(self) -> str:
        """Return what the process wrote to stderr."""
        self.errors.flush()
        return Path(self.errors.name).read_text(errors="replace")
