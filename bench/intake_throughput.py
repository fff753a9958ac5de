"""Benchmark the intake path: `POST /api/v1/cases` against no-op endpoints of the same server.

Issue 13, item 3: a named filing at 0.15 or more of the SYNC no-op's requests per second
(the goal's reference; the async no-op is printed beside it), an anonymous one (a PIN
made and hashed) at 0.9 or more of a named one. The server is `bench/_server.py` on one core,
the load comes from wrk (else a Python client process) on the other; the four sides
alternate round by round and each prints the min and the median of its rounds.

Run: `make bench` or `.venv/bin/python bench/intake_throughput.py [--postgres URL]
[--rounds 4] [--seconds 4] [--connections 4]`.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._database import coordinator_token, fresh_database  # noqa: E402
from bench.harness import (  # noqa: E402
    BenchServer,
    Request,
    generator,
    measure,
    ratio_summary,
    rounds,
    summary,
)

TEXT = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年（第{n}次）"
NAMED = '{"text": "' + TEXT + '", "reporter": {"name": "张三", "phone": "13800000000"}}'
ANONYMOUS = '{"text": "' + TEXT + '"}'
GOAL_NAMED, GOAL_ANONYMOUS = 0.15, 0.9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = fresh_database(folder, "intake", args.postgres)
        bearer = (("Authorization", f"Bearer {coordinator_token(url, folder)}"),)
        requests = {
            "sync no-op": Request("/bench/sync"),
            "async no-op": Request("/bench/async"),
            "POST named": Request("/api/v1/cases", "POST", NAMED, bearer),
            "POST anonymous": Request("/api/v1/cases", "POST", ANONYMOUS, bearer),
        }
        with BenchServer(url) as server:
            cpu: dict[str, list[float]] = {name: [] for name in requests}

            def side(name: str) -> float:
                began = server.cpu_seconds()
                result = measure(
                    server.base, requests[name], seconds=args.seconds, connections=args.connections
                )
                cpu[name].append((server.cpu_seconds() - began) * 1000 / result.requests)
                return result.rps

            for request in requests.values():  # warm-up: imports, caches, the JIT-less paths
                measure(server.base, request, seconds=1, connections=args.connections)
            figures = rounds(
                {name: functools.partial(side, name) for name in requests},
                args.rounds,
            )
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"intake throughput on {database}, load by {generator()}, {args.rounds} rounds")
    for name, values in figures.items():
        print(f"  {name:16} req/s  {summary(values)}")
    named, sync = figures["POST named"], figures["sync no-op"]
    ratio, worst = ratio_summary(named, sync)
    print(
        f"ratio named POST / sync no-op:     {ratio:.3f} (worst round {worst:.3f}, goal >= "
        f"{GOAL_NAMED})"
    )
    ratio_async, _ = ratio_summary(named, figures["async no-op"])
    print(f"ratio named POST / async no-op:    {ratio_async:.3f} (for reference)")
    anonymous, _ = ratio_summary(figures["POST anonymous"], named)
    print(f"ratio anonymous POST / named POST: {anonymous:.3f} (goal >= {GOAL_ANONYMOUS})")
    # On a machine shared with other work the server waits for its core: the CPU it spends
    # per request is the steadier figure (the server is CPU-bound, so the ratios agree).
    print("server CPU ms per request (min, median):")
    for name, values in cpu.items():
        print(f"  {name:16} {min(values):8.3f} {statistics.median(values):8.3f}")
    by_cpu = statistics.median(cpu["sync no-op"]) / statistics.median(cpu["POST named"])
    anonymous_cpu = statistics.median(cpu["POST named"]) / statistics.median(cpu["POST anonymous"])
    print(
        f"ratio by server CPU: named / sync no-op {by_cpu:.3f}, anonymous / named "
        f"{anonymous_cpu:.3f}"
    )


if __name__ == "__main__":
    main()
