"""Benchmark the admin API against baselines measured in the same run.

(The throughput of POST /api/v1/cases against no-op endpoints is bench/intake_throughput.py:
load from wrk in a process of its own, alternating rounds.)

p50 latency of one filtered list page with 10,000 cases stored against 200,000: a ratio
   (near 1 means the page costs what it shows, not what is stored).

Run: `make bench` or `.venv/bin/python bench/intake_api.py [--postgres URL] [--seconds 5]`.
Every loop is bounded in count and time and talks only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.cases.models import Case  # noqa: E402
from backend.clock import SystemClock  # noqa: E402
from backend.db import make_engine, session_scope  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.people.service import create_staff  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from backend.taxonomy.loader import load_taxonomy  # noqa: E402
from backend.taxonomy.tables import sync_taxonomy  # noqa: E402

TEXTS = [
    "区里的项目做完了，工程款一直拖欠不付",
    "执法队没收了我的三轮车，没有任何手续",
    "政府信息公开申请被拖延答复",
    "西于庄街道的小区停车位被人私自加了地锁",
    "招商的时候说三年免租，现在要我们补交租金",
    "办理施工许可证超期一个多月还没批",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str, cases: int) -> str:
    """Build a migrated database holding `cases` cases; return a coordinator token."""
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as c:
            c.execute(text("DROP SCHEMA public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    upgrade(url)
    engine = make_engine(url)
    taxonomy = load_taxonomy(load_settings().taxonomy_file)
    with session_scope(engine) as session:
        sync_taxonomy(session=session, taxonomy=taxonomy)
        _, token = create_staff(
            session=session,
            name="bench",
            role="coordinator",
            department="fgw",
            clock=SystemClock(),
        )
    units = sorted(taxonomy.unit_codes)
    categories = [c.id for c in taxonomy.categories]
    statuses = ["routed", "signed", "in_progress", "resolved", "closed", "triage"]
    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    batch = 10_000
    with engine.begin() as connection:
        for offset in range(0, cases, batch):
            rows = []
            for i in range(offset, min(cases, offset + batch)):
                at = start + timedelta(minutes=i)
                rows.append(
                    {
                        "number": f"BX-{i:09d}",
                        "kind": "complaint",
                        "status": rng.choice(statuses),
                        "category_id": rng.choice(categories),
                        "department_code": rng.choice(units),
                        "text": rng.choice(TEXTS),
                        "anonymous": True,
                        "channel": "api",
                        "street_needed": False,
                        "return_count": 0,
                        "version": 1,
                        "created_at": at,
                        "updated_at": at,
                    }
                )
            connection.execute(insert(Case), rows)
    engine.dispose()
    return token


class Server:
    """uvicorn in a child process (the client runs here, on the other core)."""

    def __init__(self, url: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("_server.py")), url, str(self.port)],
            cwd=Path(__file__).resolve().parents[1],
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/bench/ping", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("the benchmark server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def list_p50(url: str, cases: int, samples: int) -> float:
    token = prepare(url, cases)
    server = Server(url)
    query = f"{server.base}/api/v1/cases?department=czj&status=routed&limit=50"
    timings = []
    try:
        with httpx.Client(timeout=30, headers={"Authorization": f"Bearer {token}"}) as client:
            for _ in range(20):
                client.get(query)
            for _ in range(samples):
                began = time.perf_counter()
                response = client.get(query)
                timings.append(time.perf_counter() - began)
                assert response.status_code == 200 and len(response.json()["data"]) == 50
    finally:
        server.stop()
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite files")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each load phase")
    parser.add_argument("--samples", type=int, default=300, help="list requests per size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:

        def url(name: str) -> str:
            if args.postgres:
                return load_settings(database_url=args.postgres).database_url
            return f"sqlite:///{folder}/{name}.db"

        small = list_p50(url("small"), 10_000, args.samples)
        large = list_p50(url("large"), 200_000, args.samples)
        print(
            f"filtered list page p50: {small * 1000:.2f} ms at 10k, {large * 1000:.2f} ms at 200k"
        )
        print(f"ratio p50 200k/10k: {large / small:.3f}")


if __name__ == "__main__":
    main()
