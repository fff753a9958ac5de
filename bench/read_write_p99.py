"""Benchmark reads against writes: the p99 of `POST /api/v1/cases` alone and under reads.

Issue 13, item 2: while other clients hammer `GET /api/v1/stats` and the case list, the p99
of a filing stays within 2x of its p99 alone. A database of --cases cases (seeded by
`bench/seed_cases.py`); one client files cases back to back through the writer server, on
its core; in the rounds "under reads" --readers clients each for the stats and the list
send back to back through a second server process on the same database, on the other core
(the deployment runs several instances; in one process the reads would share the writer's
core and interpreter lock, which measures CPU sharing, not waiting). Rounds alternate alone /
under reads; the min and median p99 of each are printed, and their ratio.

Run: `make bench` or `.venv/bin/python bench/read_write_p99.py [--postgres URL]
[--cases 20000] [--rounds 4] [--seconds 4]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.db import make_engine  # noqa: E402
from bench._database import coordinator_token, fresh_database  # noqa: E402
from bench.harness import (  # noqa: E402
    BenchServer,
    Request,
    cores,
    finish,
    generator,
    load,
    measure,
    rounds,
    summary,
)
from bench.seed_cases import seed  # noqa: E402

BODY = '{"text": "区里的项目做完了，工程款一直拖欠不付，已经拖了半年（第{n}次）"}'
GOAL = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite")
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--readers", type=int, default=2, help="clients per read endpoint")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = fresh_database(folder, "readwrite", args.postgres)
        engine = make_engine(url)
        seed(engine, cases=args.cases)
        engine.dispose()
        bearer = (("Authorization", f"Bearer {coordinator_token(url, folder)}"),)
        post = Request("/api/v1/cases", "POST", BODY.replace("{n}", "{n}"), bearer)
        reads = [
            Request("/api/v1/stats", headers=bearer),
            Request("/api/v1/cases", headers=bearer),
        ]
        server_core, client_core = cores()
        with BenchServer(url, server_core) as writer, BenchServer(url, client_core) as reader:

            def alone() -> float:
                return measure(writer.base, post, seconds=args.seconds, connections=1).p99_ms

            def under_reads() -> float:
                readers = [
                    load(reader.base, r, seconds=args.seconds + 2, connections=args.readers)
                    for r in reads
                ]
                filed = measure(writer.base, post, seconds=args.seconds, connections=1)
                for process in readers:
                    finish(process)
                return filed.p99_ms

            measure(writer.base, post, seconds=1, connections=1)  # warm-up
            figures = rounds({"alone": alone, "under reads": under_reads}, args.rounds)
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"POST p99 alone and under reads, {database}, {args.cases} cases, load by "
        f"{generator()}, {args.rounds} rounds"
    )
    for name, values in figures.items():
        print(f"  {name:12} p99 ms  {summary(values)}")
    ratio = statistics.median(figures["under reads"]) / statistics.median(figures["alone"])
    print(f"ratio POST p99 under reads / alone: {ratio:.2f} (goal <= {GOAL})")


if __name__ == "__main__":
    main()
