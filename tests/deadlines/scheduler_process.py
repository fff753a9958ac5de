"""One scheduler process for the multi-process test: sweeps and sends at a fixed moment.

Usage: python -m tests.deadlines.scheduler_process DATABASE_URL ISO_MOMENT OUT_FILE ROUNDS
Every message it delivers is appended to OUT_FILE as one line.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime

from backend.bootstrap import build
from backend.ports import OutboundMessage, PartsSent
from backend.scheduler import jobs
from backend.settings import load_settings
from tests.fakes import FakeClock


class FileNotifier:
    """Append each delivered message to a file shared by the processes."""

    def __init__(self, path: str) -> None:
        self.path = path

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        line = f"{os.getpid()}\t{message.chat_id}\t{message.text}".replace("\n", " ") + "\n"
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(line)


def main() -> None:
    url, moment, out, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    container = build(
        load_settings(env="test", database_url=url),
        clock=FakeClock(datetime.fromisoformat(moment)),
        notifier=FileNotifier(out),
    )
    for _ in range(rounds):
        jobs.sweep_job(container)
    container.engine.dispose()


if __name__ == "__main__":
    main()
