"""Benchmark: what each user-facing read costs with many cases stored against 10,000 (issue 13).

Two databases are seeded by bench/seed_cases.py, 10,000 cases and a large number (200,000 by
default; 1,000,000 with BENCH_FULL=1 or `--large`), and every request below runs on both in
alternating rounds, each timed as the best of a few calls. Printed per request: the median
milliseconds of each side and the ratio large / 10k (the best rounds' and the medians'). The
goal: every ratio at most 1.3.

Both databases hold the same 10,000 cases in the last 13 months (seed_cases' recent slice,
drawn alike); the large one's other cases are older history, all finished, as in a system
after years. So a month's or a year's figures, the open backlog, a chat's cases and every
page read the same rows on both sides: a ratio above 1 is a cost of what is stored, not of
what the request returns or adds up.

Requests: the list (no filter, each filter, a clerk's), full-text search with a word many
texts hold and with one none holds, the dialog's "my cases", status by number, similar-case
search, the statistics of the last 30 days and of a year, the console's dashboard of a month
and of a year, the assessment of a month, and the case ledger (XLSX export) of one month.

Run: `make bench` or `.venv/bin/python bench/scaling.py [--postgres URL] [--large N]
[--rounds 5]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, select, text
from sqlmodel import Session, col

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.actors import Actor  # noqa: E402
from backend.assessment.api import assessment_for  # noqa: E402
from backend.attachments.store import ContentStore  # noqa: E402
from backend.bootstrap import Container, build, prepare_database  # noqa: E402
from backend.cases.duplicates import find_duplicates  # noqa: E402
from backend.cases.models import Case  # noqa: E402
from backend.cases.queries import CaseFilter, get_case, list_cases  # noqa: E402
from backend.conversations.dialog_services import BackendDialogServices  # noqa: E402
from backend.exports.cases_xlsx import ExportContext, export_cases  # noqa: E402
from backend.exports.filters import ListQuery  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.people.models import Reporter, Role  # noqa: E402
from backend.periods import period  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from backend.stats import service as stats  # noqa: E402
from backend.stats.dashboard import dashboard_view  # noqa: E402
from backend.stats.measures import MeasureName, measure_filter  # noqa: E402
from bench.seed_cases import seed  # noqa: E402
from dialogs.model import ChatRef  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402

NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
ZONE = ZoneInfo("Asia/Shanghai")
SMALL = 10_000
COORDINATOR = Actor("staff", 1, "协调员", Role.coordinator, "fgw")
CLERK = Actor("staff", 2, "财政局", Role.clerk, "czj")
ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"
CALLS = 3  # each timing is the best of these
_LOOKED_UP: dict[tuple[int, str], Any] = {}


def _list(where: CaseFilter, actor: Actor = COORDINATOR) -> Callable[[Session, Container], object]:
    return lambda s, _c: list_cases(session=s, actor=actor, where=where, cursor=None, limit=50)


def _once(session: Session, key: str, statement: Any) -> Any:
    """Return a value the request needs, read once per database (outside its timing)."""
    where = (id(session.get_bind()), key)
    if where not in _LOOKED_UP:
        _LOOKED_UP[where] = session.exec(statement).one()[0]
    return _LOOKED_UP[where]


def _my_cases(session: Session, container: Container) -> object:
    chat = _once(  # a recent chat: the same cases on both sides
        session,
        "chat",
        select(col(Reporter.chat_id))
        .where(col(Reporter.chat_id).is_not(None))
        .order_by(col(Reporter.id).desc())
        .limit(1),
    )
    services = BackendDialogServices(
        session=session,
        container=container,
        fetchers={},
        store=ContentStore(container.settings.data_dir / "files"),
    )
    return services.my_cases(ChatRef("telegram", str(chat)))


def _by_number(session: Session, _container: Container) -> object:
    number = _once(  # a recent case: the 100th newest on both sides
        session,
        "number",
        select(col(Case.number)).order_by(col(Case.id).desc()).offset(100).limit(1),
    )
    return get_case(session=session, number=number, actor=COORDINATOR)


def _similar(session: Session, _container: Container) -> object:
    return find_duplicates(
        session=session, department="czj", category="arrears", text=ARREARS, now=NOW
    )


def _stats(days: int) -> Callable[[Session, Container], object]:
    def run(session: Session, container: Container) -> object:
        end = NOW.astimezone(container.settings.zone).date()
        window = period(end - timedelta(days=days - 1), end, container.settings.zone)
        stats.unit_stats(session=session, window=window, now=NOW, department=None)
        return stats.district_stats(session=session, window=window, now=NOW)

    return run


def _dashboard(days: int) -> Callable[[Session, Container], object]:
    def run(session: Session, container: Container) -> object:
        zone = container.settings.zone
        end = NOW.astimezone(zone).date()
        return dashboard_view(
            session=session,
            actor=COORDINATOR,
            window=period(end - timedelta(days=days - 1), end, zone),
            department=None,
            now=NOW,
            zone=zone,
            taxonomy=container.taxonomy,
            language="zh",
        )

    return run


def _assessment(session: Session, container: Container) -> object:
    end = NOW.astimezone(container.settings.zone).date()
    return assessment_for(
        session=session,
        actor=COORDINATOR,
        container=container,
        start=end - timedelta(days=29),
        end=end,
        department=None,
    )


def _ledger(session: Session, container: Container) -> object:
    """The case ledger (cases.xlsx) of last month, as GET /api/v1/exports/cases.xlsx."""
    zone = container.settings.zone
    first = NOW.astimezone(zone).date().replace(day=1)
    last_month = (first - timedelta(days=1)).replace(day=1)
    where = ListQuery(received_from=last_month, received_to=first - timedelta(days=1))
    context = ExportContext(taxonomy=container.taxonomy, language="zh", zone=zone)
    return export_cases(
        session=session,
        actor=COORDINATOR,
        where=where.case_filter(now=NOW, zone=zone, taxonomy=container.taxonomy),
        context=context,
    )


def _measure(name: MeasureName) -> CaseFilter:
    """The cases behind one of the district's figures of the last 30 days."""
    end = NOW.astimezone(ZONE).date()
    start = end - timedelta(days=29)
    return CaseFilter(measure=measure_filter(name=name, start=start, end=end, now=NOW, zone=ZONE))


REQUESTS: list[tuple[str, Callable[[Session, Container], object]]] = [
    ("list, newest", _list(CaseFilter())),
    ("list, unit", _list(CaseFilter(department="czj"))),
    ("list, status", _list(CaseFilter(status="routed"))),
    ("list, category", _list(CaseFilter(category="arrears"))),
    ("list, kind", _list(CaseFilter(kind="complaint"))),
    ("list, channel", _list(CaseFilter(channel="web"))),
    ("list, overdue", _list(CaseFilter(overdue_at=NOW))),
    ("list, measure overdue now", _list(_measure(MeasureName.overdue_now))),
    ("list, measure received 30 d", _list(_measure(MeasureName.received))),
    ("list, measure rated 30 d", _list(_measure(MeasureName.rated))),
    ("list, a clerk's", _list(CaseFilter(), CLERK)),
    ("search q=, a common word", _list(CaseFilter(q="拖欠"))),
    ("search q=, no text has it", _list(CaseFilter(q="医保报销"))),
    ("search q=, a unit's, no text", _list(CaseFilter(q="医保报销", department="czj"))),
    ("my cases (dialog)", _my_cases),
    ("status by number", _by_number),
    ("similar-case search", _similar),
    ("stats, last 30 days", _stats(30)),
    ("stats, a year", _stats(365)),
    ("dashboard, a month", _dashboard(30)),
    ("dashboard, a year", _dashboard(365)),
    ("assessment, a month", _assessment),
    ("ledger export, a month", _ledger),
]


def prepared(url: str, cases: int, folder: Path) -> Container:
    """Return a container on a new database holding `cases` seeded cases."""
    upgrade(url)
    settings = load_settings(env="test", database_url=url, data_dir=folder)
    container = build(settings, clock=FakeClock(NOW))
    prepare_database(container)
    started = time.perf_counter()
    seed(container.engine, cases=cases, now=NOW)
    if container.engine.dialect.name == "postgresql":
        autocommit = container.engine.execution_options(isolation_level="AUTOCOMMIT")
        with autocommit.connect() as connection:  # the planner's statistics, as in production
            connection.execute(text("VACUUM ANALYZE"))
    took = time.perf_counter() - started
    print(f"  seeded {cases:,} cases in {took:.0f} s", flush=True)
    return container


def best_ms(container: Container, request: Callable[[Session, Container], object]) -> float:
    """Return the best of CALLS timings of one request, in a read session of its own each."""
    timings = []
    for _ in range(CALLS):
        with Session(container.engine) as session:
            started = time.perf_counter()
            request(session, container)
            timings.append(1000 * (time.perf_counter() - started))
            session.rollback()
    return min(timings)


def compare(small: Container, large: Container, rounds: int) -> list[tuple[str, str]]:
    """Time every request on both databases, alternating; return printable rows."""
    times: dict[str, tuple[list[float], list[float]]] = {n: ([], []) for n, _ in REQUESTS}
    for _ in range(rounds):
        for name, request in REQUESTS:
            times[name][0].append(best_ms(small, request))
            times[name][1].append(best_ms(large, request))
    rows = []
    for name, (of_small, of_large) in times.items():
        ratios = [b / a for a, b in zip(of_small, of_large, strict=True)]
        small_ms, large_ms = statistics.median(of_small), statistics.median(of_large)
        rows.append(
            (
                name,
                f"{small_ms:8.2f} ms {large_ms:9.2f} ms   "
                f"{min(of_large) / min(of_small):6.2f}x (min) {statistics.median(ratios):6.2f}x",
            )
        )
    return rows


def run(base: str | None, large: int, rounds: int) -> None:
    """Seed both databases on SQLite (or on PostgreSQL schemas) and print the comparison."""
    with tempfile.TemporaryDirectory() as folder:
        urls = []
        for cases in (SMALL, large):
            if base:
                urls.append(_schema(base, f"bench_scaling_{cases}"))
            else:
                urls.append(f"sqlite:///{folder}/cases-{cases}.db")
        print(f"{'PostgreSQL' if base else 'SQLite'}: {SMALL:,} against {large:,} cases")
        containers = [
            prepared(url, cases, Path(folder) / f"var-{cases}")
            for url, cases in zip(urls, (SMALL, large), strict=True)
        ]
        try:
            rows = compare(containers[0], containers[1], rounds)
        finally:
            for container in containers:
                container.engine.dispose()
            if base:
                for cases in (SMALL, large):
                    _sql(base, f'DROP SCHEMA IF EXISTS "bench_scaling_{cases}" CASCADE')
    width = max(len(name) for name, _ in rows)
    print(f"{'request':<{width}}  {'10k':>11} {'large':>12}   {'large / 10k':>22}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def _schema(base: str, schema: str) -> str:
    _sql(base, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    _sql(base, f'CREATE SCHEMA "{schema}"')
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def _sql(base: str, statement: str) -> None:
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def main() -> None:
    full = os.environ.get("BENCH_FULL", "").strip() == "1"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite")
    parser.add_argument("--large", type=int, default=1_000_000 if full else 200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base = load_settings(database_url=args.postgres).database_url if args.postgres else None
    run(base, args.large, args.rounds)


if __name__ == "__main__":
    main()
