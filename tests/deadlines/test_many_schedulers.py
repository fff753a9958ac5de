"""Several scheduler processes on one database: each notification is delivered exactly once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlmodel import func, select

from backend.db import session_scope
from backend.notifications.models import Notification
from tests.deadlines.conftest import World, tianjin

ROOT = Path(__file__).resolve().parents[2]


def test_three_scheduler_processes_deliver_each_notification_once(
    world: World, tmp_path: Path
) -> None:
    for _ in range(20):
        world.file()
    out = tmp_path / "delivered.txt"
    moment = tianjin(2026, 12, 3, 9).isoformat()  # 催办 and 督办 due for every case
    url = world.container.settings.database_url
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.deadlines.scheduler_process",
                url,
                moment,
                str(out),
                "5",
            ],
            cwd=ROOT,
        )
        for _ in range(3)
    ]
    assert [p.wait(timeout=180) for p in processes] == [0, 0, 0]
    lines = out.read_text(encoding="utf-8").splitlines()
    messages = [line.split("\t", 1)[1] for line in lines]
    with session_scope(world.container.engine) as session:
        sent = session.exec(select(func.count()).where(Notification.state == "sent")).one()
    # 20 cases x (the new case, 催办 to the clerk, 督办 to the clerk and to the coordinator)
    assert len(messages) == len(set(messages)) == sent == 80
