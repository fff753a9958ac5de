"""Benchmark: the sweep's time with 1,000 due clocks among 10,000 open ones against
1,000 due among 1,000,000 open ones, in the same run. The ratio should stay near 1: the
sweep's cost must follow what is due, not what is stored.

Run: `make bench` or `.venv/bin/python bench/sweep_scaling.py [--postgres URL] [--large N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.bootstrap import build, prepare_database  # noqa: E402
from backend.cases.models import Case  # noqa: E402
from backend.db import session_scope  # noqa: E402
from backend.deadlines.models import Deadline  # noqa: E402
from backend.deadlines.sweep import sweep  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402

NOW = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)  # 09:30 on a Thursday in Tianjin
DUE = 1_000
CASES = 1_000


def populate(url: str, open_clocks: int) -> None:
    """Build a database with CASES cases and `open_clocks` open sign clocks, DUE of them due."""
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as c:
            c.execute(text("DROP SCHEMA public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    upgrade(url)
    container = build(load_settings(database_url=url), clock=FakeClock(NOW))
    prepare_database(container)
    created = NOW - timedelta(days=10)
    with container.engine.begin() as connection:
        connection.execute(
            insert(Case),
            [
                {
                    "number": f"BS-{i:09d}",
                    "kind": "complaint",
                    "status": "routed",
                    "category_id": "arrears",
                    "department_code": "czj",
                    "text": "工程款拖欠",
                    "anonymous": True,
                    "channel": "api",
                    "street_needed": False,
                    "return_count": 0,
                    "version": 1,
                    "created_at": created,
                    "updated_at": created,
                }
                for i in range(CASES)
            ],
        )
        batch = 20_000
        for offset in range(0, open_clocks, batch):
            rows = []
            for i in range(offset, min(open_clocks, offset + batch)):
                due_now = i < DUE
                rows.append(
                    {
                        "case_id": 1 + i % CASES,
                        "kind": "sign",
                        "department_code": "czj",
                        "started_on": date(2026, 11, 27),
                        "unit": "working",
                        "days": 1,
                        "extension_days": 0,
                        "paused_days": 0,
                        "due_date": date(2026, 11, 30),
                        "due_at": datetime(2026, 11, 30, 16, tzinfo=UTC),
                        "provisional": False,
                        "state": "open",
                        "next_stage": 2,
                        "next_action_at": NOW - timedelta(minutes=5)
                        if due_now
                        else NOW + timedelta(days=1 + i % 300),
                        "created_at": created,
                        "updated_at": created,
                    }
                )
            connection.execute(insert(Deadline), rows)
    container.engine.dispose()


def time_sweep(url: str, repeats: int) -> float:
    """Return the median time of a sweep over the DUE due clocks (rolled back each time)."""
    container = build(load_settings(database_url=url), clock=FakeClock(NOW))
    timings = []
    for _ in range(repeats + 1):
        with session_scope(container.engine) as session:
            began = time.perf_counter()
            report = sweep(
                session=session,
                keeper=container.keeper,
                case_env=container.case_env,
                now=NOW,
                batch=DUE,
            )
            timings.append(time.perf_counter() - began)
            assert report.claimed == DUE and report.failed == 0, report
            session.rollback()  # the same due clocks for the next repeat
    container.engine.dispose()
    return statistics.median(timings[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite files")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in (args.small, args.large):
            url = (
                load_settings(database_url=args.postgres).database_url
                if args.postgres
                else f"sqlite:///{folder}/sweep{size}.db"
            )
            began = time.perf_counter()
            populate(url, size)
            print(f"{size:>9,} open clocks stored in {time.perf_counter() - began:.1f} s")
            results[size] = time_sweep(url, args.repeats)
            print(f"{size:>9,} open, {DUE} due: sweep {results[size] * 1000:.1f} ms")
    print(
        f"ratio sweep time {args.large:,}/{args.small:,} open: "
        f"{results[args.large] / results[args.small]:.3f}"
    )


if __name__ == "__main__":
    main()
