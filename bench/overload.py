"""Benchmark overload: 200 clients against the 8 a process serves at once, in alternate rounds.

A real `intake run` on a fresh database (SQLite, or PostgreSQL with --postgres). Each round
runs, for --seconds, either the baseline (as many clients as the process admits at once) or
the overload (--clients, 200 by default), filing cases back to back and retrying at once
after a 503. Printed per kind of round: answers by status, acknowledged cases per second as a
ratio to the baseline's, the worst answer as clients saw it and as the server measured it
(Server-Timing), and the check that every 201 is in the database and nothing else is.

Run: `make bench` or `.venv/bin/python bench/overload.py [--postgres URL] [--seconds 30]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy import text
from sqlmodel import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.bootstrap import build, prepare_database  # noqa: E402
from backend.cases.models import Case  # noqa: E402
from backend.db import session_scope  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.people.service import create_staff  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from tests.durability.load import LoadResult, file_cases_concurrently  # noqa: E402
from tests.durability.server_process import IntakeProcess  # noqa: E402

TEXT = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"


def _database(postgres: str | None, folder: Path) -> str:
    if postgres is None:
        url = f"sqlite:///{folder / 'bench.db'}"
    else:
        schema = "bench_overload"
        base = load_settings(database_url=postgres).database_url
        engine = build(load_settings(env="test", database_url=base)).engine
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        url = f"{base}?options=-csearch_path%3D{schema}"
    upgrade(url)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL (a schema bench_overload is made)")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each round")
    parser.add_argument("--clients", type=int, default=200, help="clients in an overload round")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each kind, alternating")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-overload-"))
    url = _database(args.postgres, folder)
    container = build(load_settings(env="test", database_url=url, data_dir=folder / "var"))
    prepare_database(container)
    with session_scope(container.engine) as session:
        _, token = create_staff(
            session=session,
            name="bench",
            role="coordinator",
            department="fgw",
            clock=container.clock,
        )
    headers = {"Authorization": f"Bearer {token}"}
    baseline_clients = container.capacity.in_flight

    results: dict[str, list[LoadResult]] = {"baseline": [], "overload": []}
    with IntakeProcess(database_url=url, folder=folder) as server:
        for _ in range(args.rounds):
            for kind, clients in (("baseline", baseline_clients), ("overload", args.clients)):
                result = file_cases_concurrently(
                    server.url, headers, clients=clients, seconds=args.seconds, text=TEXT
                )
                results[kind].append(result)
                errors = Counter(a.error for a in result.answers if a.error)
                print(
                    f"  {kind:<8} {clients:>3} clients: {dict(result.statuses)}, "
                    f"{result.rate(201):.1f} cases/s, worst {result.worst:.2f} s "
                    f"(server {result.worst_on_server:.2f} s)"
                    + (f", client errors {dict(errors)}" if errors else ""),
                    flush=True,
                )
    with session_scope(container.engine) as session:
        stored = set(session.exec(select(Case.number)).all())
    container.engine.dispose()

    acknowledged = {n for rs in results.values() for r in rs for n in r.created}
    base = sum(r.rate(201) for r in results["baseline"]) / args.rounds
    over = sum(r.rate(201) for r in results["overload"]) / args.rounds
    statuses: Counter[int] = Counter()
    for r in results["overload"]:
        statuses.update(r.statuses)
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"overload on {database}: {args.clients} clients x {args.seconds:g} s x {args.rounds}")
    print(f"  answers under overload: {dict(statuses)}")
    print(f"  cases/s under overload / at capacity: {over / base:.2f} ({over:.1f} / {base:.1f})")
    print(f"  worst answer under overload: {max(r.worst for r in results['overload']):.2f} s")
    print(f"  acknowledged and missing: {len(acknowledged - stored)}")
    print(f"  stored and never acknowledged: {len(stored - acknowledged)}")


if __name__ == "__main__":
    main()
