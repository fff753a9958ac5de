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


def time_sweep(url: str) -> float:
    """Return the time of one sweep over the DUE due clocks (rolled back afterwards)."""
    container = build(load_settings(database_url=url), clock=FakeClock(NOW))
    with session_scope(container.engine) as session:
        began = time.perf_counter()
        report = sweep(
            session=session,
            keeper=container.keeper,
            case_env=container.case_env,
            now=NOW,
            batch=DUE,
        )
        elapsed = time.perf_counter() - began
        assert report.claimed == DUE and report.failed == 0, report
        session.rollback()  # the same due clocks for the next round
    container.engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite files")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sizes = (args.small, args.large)
    with tempfile.TemporaryDirectory() as folder:
        urls = {}
        for size in sizes:
            if args.postgres:
                base = load_settings(database_url=args.postgres).database_url
                urls[size] = _own_schema(base, f"bench_sweep_{size}")
            else:
                urls[size] = f"sqlite:///{folder}/sweep{size}.db"
            began = time.perf_counter()
            populate(urls[size], size)
            print(f"{size:>9,} open clocks stored in {time.perf_counter() - began:.1f} s")
        timings: dict[int, list[float]] = {size: [] for size in sizes}
        for size in sizes:  # warm-up: caches, compiled statements
            time_sweep(urls[size])
        for _ in range(args.rounds):  # alternate, so machine noise hits both alike
            for size in sizes:
                timings[size].append(time_sweep(urls[size]))
    for size in sizes:
        median_ms = statistics.median(timings[size]) * 1000
        print(f"{size:>9,} open, {DUE} due: sweep median {median_ms:.1f} ms")
    ratio = statistics.median(timings[args.large]) / statistics.median(timings[args.small])
    print(f"ratio sweep time {args.large:,}/{args.small:,} open: {ratio:.3f}")


def _own_schema(base: str, schema: str) -> str:
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


if __name__ == "__main__":
    main()
